// A Docker Hub image gets docker-hub-image alone: the digest-recommended hint on its tag is noise
// beside it (the image must move to Amazon ECR anyway), in every host; a private registry's image
// keeps its hint.
import * as assert from 'node:assert/strict';
import { analyzeDocument, readJsonDocument, readYamlDocument } from '../../src/core/hostDocument';
import { analyzePython } from './pythonTestKit';
import { analyzeOptions, analyzeText, codes, modelSpec, trainingSpec } from './specTestKit';
import { analyzeWorkflow } from './workflowTestKit';
import { analyzeYaml, modelTemplate } from './yamlTestKit';

const VPC = { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: ['subnet-0123456789abcdef0'] };
const PRIVATE = 'registry.example.com/team/server:2.1';

/** [code, covered text] of every finding, in document order. */
function summary(text: string, findings: readonly { code: string; offset: number; length: number }[]): [string, string][] {
  return [...findings].sort((a, b) => a.offset - b.offset).map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length)]);
}

describe('docker-hub-image without digest-recommended beside it', () => {
  it('a JSON spec: a CreateModel container\'s and a training job\'s Docker Hub image get docker-hub-image only', () => {
    const model = modelSpec('pytorch/pytorch:2.1.0', {}, { VpcConfig: VPC });
    assert.deepEqual(summary(model, analyzeText(model)), [['docker-hub-image', 'pytorch/pytorch:2.1.0']]);
    const onHost = modelSpec('docker.io/library/nginx:1.27', {}, { VpcConfig: VPC });
    assert.deepEqual(summary(onHost, analyzeText(onHost)), [['docker-hub-image', 'docker.io']]);
    const training = trainingSpec('my-trainer:opt', { VpcConfig: VPC });
    assert.deepEqual(codes(analyzeText(training)), ['docker-hub-image']);
  });

  it('a JSON spec: a private registry\'s image keeps its hint, and so does a Docker Hub image under Vpc access (no docker-hub-image)', () => {
    const text = modelSpec(PRIVATE, { ImageConfig: { RepositoryAccessMode: 'Vpc' } }, { VpcConfig: VPC });
    assert.deepEqual(summary(text, analyzeText(text)), [['digest-recommended', '2.1']]);
    const mirrored = modelSpec('pytorch/pytorch:2.1.0', { ImageConfig: { RepositoryAccessMode: 'Vpc' } }, { VpcConfig: VPC });
    assert.deepEqual(summary(mirrored, analyzeText(mirrored)), [['digest-recommended', '2.1.0']]);
  });

  it('only the Docker Hub image loses its hint when a model has a private image too', () => {
    const text = JSON.stringify({
      ModelName: 'm',
      ExecutionRoleArn: 'arn:aws:iam::111122223333:role/R',
      Containers: [{ Image: 'pytorch/pytorch:2.1.0' }, { Image: PRIVATE, ImageConfig: { RepositoryAccessMode: 'Vpc' } }],
      VpcConfig: VPC,
    }, null, 2);
    assert.deepEqual(summary(text, analyzeText(text)), [['docker-hub-image', 'pytorch/pytorch:2.1.0'], ['digest-recommended', '2.1']]);
  });

  it('a YAML spec, as the JSON one', () => {
    const text = ['ModelName: m', 'ExecutionRoleArn: arn:aws:iam::111122223333:role/R', 'PrimaryContainer:', '  Image: pytorch/pytorch:2.1.0', ''].join('\n');
    assert.deepEqual(summary(text, analyzeDocument(readYamlDocument(text), analyzeOptions()).findings), [['docker-hub-image', 'pytorch/pytorch:2.1.0']]);
  });

  it('Python: a boto3 create_model and an SDK Model\'s image_uri get docker-hub-image only', () => {
    const boto3 = 'import boto3\nsm = boto3.client("sagemaker")\nsm.create_model(ModelName="m", ExecutionRoleArn="arn:aws:iam::111122223333:role/R", PrimaryContainer={"Image": "pytorch/pytorch:2.1.0"})\n';
    assert.deepEqual(summary(boto3, analyzePython(boto3)), [['docker-hub-image', 'pytorch/pytorch:2.1.0']]);
    const sdk = 'from sagemaker.model import Model\nm = Model(image_uri="tensorflow/serving:2.13", role="r")\n';
    assert.deepEqual(summary(sdk, analyzePython(sdk)), [['docker-hub-image', 'tensorflow/serving:2.13']]);
    const privateSdk = `from sagemaker.model import Model\nm = Model(image_uri="${PRIVATE}", role="r", image_config={"RepositoryAccessMode": "Vpc"})\n`;
    assert.deepEqual(summary(privateSdk, analyzePython(privateSdk)), [['digest-recommended', '2.1']]);
  });

  it('a state machine task and a CloudFormation template, as a spec', () => {
    const machine = JSON.stringify({
      StartAt: 'Model',
      States: {
        Model: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sagemaker:createModel',
          Parameters: { ModelName: 'm', ExecutionRoleArn: 'arn:aws:iam::111122223333:role/R', PrimaryContainer: { Image: 'pytorch/pytorch:2.1.0' } },
          End: true,
        },
      },
    }, null, 2);
    assert.deepEqual(summary(machine, analyzeWorkflow(machine)), [['docker-hub-image', 'pytorch/pytorch:2.1.0']]);
    const template = modelTemplate('pytorch/pytorch:2.1.0');
    assert.deepEqual(summary(template, analyzeYaml(template)), [['docker-hub-image', 'pytorch/pytorch:2.1.0']]);
    const jsonTemplate = JSON.stringify({ Resources: { Model: { Type: 'AWS::SageMaker::Model', Properties: { ExecutionRoleArn: 'arn:aws:iam::111122223333:role/R', PrimaryContainer: { Image: 'pytorch/pytorch:2.1.0' } } } } }, null, 2);
    assert.deepEqual(summary(jsonTemplate, analyzeDocument(readJsonDocument(jsonTemplate), analyzeOptions()).findings), [['docker-hub-image', 'pytorch/pytorch:2.1.0']]);
  });
});
