// A state machine file read on its own (`*.asl.json`, `*.asl.yaml`: SAM's `DefinitionUri`,
// CloudFormation's `DefinitionS3Location`, the CDK) holds `${Name}` placeholders its deployment's
// DefinitionSubstitutions fill in: dynamic, the static text around them still checked, as in a
// template's `Definition`. Other hosts substitute nothing: an AWS CLI spec sends `${…}` as written
// (unfilled-placeholder), a Pipelines definition holds it as text.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Finding } from '../../src/core/findings';
import { readJsonDocument, readYamlDocument } from '../../src/core/hostDocument';
import { REPOSITORY_ROOT, runCli } from './cliTestKit';
import { analyzeText, XGBOOST_US_EAST_1 } from './specTestKit';
import { analyzeWorkflow, applyWorkflowFix } from './workflowTestKit';
import { analyzeYaml, trainingStateMachineYaml } from './yamlTestKit';

/** The text each finding covers, by code. */
function covered(text: string, findings: readonly Finding[]): [string, string][] {
  return findings.map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length)]);
}

/** A state machine (JSON) with one training task whose members are `role`, `image`, `instanceType` and `bucket`. */
function aslJson(options: { role: string; image: string; instanceType: string; bucket: string; queryLanguage?: 'JSONata' }): string {
  const parameters = {
    'TrainingJobName.$': '$$.Execution.Name',
    RoleArn: options.role,
    AlgorithmSpecification: { TrainingImage: options.image, TrainingInputMode: 'File' },
    HyperParameters: { objective: 'binary:logistic', num_round: '100' },
    InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://${options.bucket}/train/` } }, ContentType: 'text/csv' }],
    OutputDataConfig: { S3OutputPath: `s3://${options.bucket}/out/` },
    ResourceConfig: { InstanceType: options.instanceType, InstanceCount: 1, VolumeSizeInGB: 10 },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
  };
  const task = options.queryLanguage
    ? { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Arguments: { ...parameters, 'TrainingJobName.$': undefined, TrainingJobName: '{% $states.context.Execution.Name %}' }, End: true }
    : { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Parameters: parameters, End: true };
  return JSON.stringify({ ...(options.queryLanguage && { QueryLanguage: options.queryLanguage }), StartAt: 'Train', States: { Train: task } }, null, 2);
}

const SAM_PLACEHOLDERS = { role: '${TrainingRoleArn}', image: '${XgbImage}', instanceType: '${InstanceType}', bucket: '${Bucket}' };

describe('Step Functions files: ${Name} is a DefinitionSubstitutions placeholder', () => {
  it('reports nothing on placeholders that stand for a whole value or part of one (the sam init layout)', () => {
    const text = aslJson(SAM_PLACEHOLDERS);
    assert.deepEqual(analyzeWorkflow(text), []);
    // The same in a JSONata state's Arguments, beside its `{% … %}` expressions.
    assert.deepEqual(analyzeWorkflow(aslJson({ ...SAM_PLACEHOLDERS, queryLanguage: 'JSONata' })), []);
  });

  it('still checks the static text around a placeholder: the tag after a placeholder account and region', () => {
    const text = aslJson({ ...SAM_PLACEHOLDERS, image: '${Account}.dkr.ecr.${Region}.amazonaws.com/sagemaker-xgboost:latest' });
    const findings = analyzeWorkflow(text);
    assert.deepEqual(covered(text, findings), [['xgboost-unpinned', 'latest']]);
    assert.ok(text.slice(0, findings[0].offset).endsWith('.amazonaws.com/sagemaker-xgboost:'));
    // The account is the deployment's to fill in: nothing to judge it by.
    const account = analyzeWorkflow(aslJson({ ...SAM_PLACEHOLDERS, image: `\${Account}.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1` }));
    assert.deepEqual(account, []);
  });

  it('reports ${…} that is no substitution name: a pseudo parameter is filled in only by Fn::Sub, not by the deployment', () => {
    const text = aslJson({ ...SAM_PLACEHOLDERS, instanceType: '${AWS::Region}' });
    const findings = analyzeWorkflow(text);
    assert.deepEqual(covered(text, findings), [['unfilled-placeholder', '${AWS::Region}']]);
    assert.equal(findings[0].message, "${AWS::Region} is filled in only by CloudFormation's Fn::Sub: a state machine file's deployment fills only its DefinitionSubstitutions keys (${Name}), so Step Functions sends the value as written. Write the value, or a DefinitionSubstitutions key (${Region}) that the deployment fills.");
  });

  it('reports a pseudo parameter beside a substitution placeholder in an image, and still checks the static text (trial 5)', () => {
    const text = aslJson({ ...SAM_PLACEHOLDERS, image: '${XgbAccount}.dkr.ecr.${AWS::Region}.amazonaws.com/sagemaker-xgboost:1' });
    const findings = analyzeWorkflow(text);
    assert.deepEqual(covered(text, findings), [['unfilled-placeholder', '${AWS::Region}'], ['xgboost-unpinned', '1']]);
    // No fix writes a region into a file deployed wherever its stack goes, unless asked.
    assert.deepEqual(findings[0].fixes, []);
    const withRegion = analyzeWorkflow(text, { region: 'eu-west-1' })[0];
    assert.deepEqual(withRegion.fixes.map((fix) => [fix.title, fix.preferred, fix.changesBehaviour]), [['Write the region eu-west-1', false, true]]);
    assert.equal(applyWorkflowFix(text, withRegion, 'Write the region eu-west-1'), text.replace('${AWS::Region}', 'eu-west-1'));
  });

  it('reports pseudo parameters in any request value, a literal image included, instead of the pattern or parse errors they cause', () => {
    const text = aslJson({ ...SAM_PLACEHOLDERS, role: 'arn:aws:iam::${AWS::AccountId}:role/R', image: '683313688378.dkr.ecr.${AWS::Region}.amazonaws.com/sagemaker-xgboost:1.7-1' });
    assert.deepEqual(covered(text, analyzeWorkflow(text)), [['unfilled-placeholder', '${AWS::AccountId}'], ['unfilled-placeholder', '${AWS::Region}']]);
    // With a region, the static account is judged there (the placeholder stands in the region's place).
    assert.deepEqual(covered(text, analyzeWorkflow(text, { region: 'eu-west-1' })).map(([code, at]) => `${code} ${at}`), ['unfilled-placeholder ${AWS::AccountId}', 'registry-account-mismatch 683313688378', 'unfilled-placeholder ${AWS::Region}']);
  });

  it('reads a YAML state machine (.asl.yaml) alike, with findings on its own characters', () => {
    const text = trainingStateMachineYaml([
      'TrainingJobName.$: $$.Execution.Name',
      'RoleArn: ${TrainingRoleArn}',
      'AlgorithmSpecification:',
      `  TrainingImage: "${XGBOOST_US_EAST_1.replace('us-east-1', '${Region}')}:1"`,
      '  TrainingInputMode: File',
      'OutputDataConfig: { S3OutputPath: "s3://${Bucket}/out/" }',
      'ResourceConfig: { InstanceType: "${InstanceType}", InstanceCount: 1, VolumeSizeInGB: 10 }',
      'StoppingCondition: { MaxRuntimeInSeconds: 3600 }',
    ]);
    const findings = analyzeYaml(text);
    assert.deepEqual(covered(text, findings), [['xgboost-unpinned', '1']]);
    assert.ok(text.slice(0, findings[0].offset).endsWith('amazonaws.com/sagemaker-xgboost:'));
    assert.equal(readYamlDocument(text).requests.length, 1);
  });

  it('is no substitution in other hosts: an AWS CLI input sends it as written (unfilled-placeholder), a Pipelines definition holds it as text', () => {
    const spec = JSON.stringify({ TrainingJobName: 'j', RoleArn: '${TrainingRoleArn}', AlgorithmSpecification: { TrainingImage: `${XGBOOST_US_EAST_1}:1.7-1`, TrainingInputMode: 'File' }, OutputDataConfig: { S3OutputPath: 's3://b/o' }, ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 }, StoppingCondition: { MaxRuntimeInSeconds: 60 } }, null, 2);
    assert.deepEqual(covered(spec, analyzeText(spec)), [['unfilled-placeholder', '${TrainingRoleArn}']]);
    const pipeline = JSON.stringify({
      Version: '2020-12-01',
      Steps: [{ Name: 'Model', Type: 'Model', Arguments: { ExecutionRoleArn: 'arn:aws:iam::111122223333:role/R', PrimaryContainer: { Image: `${XGBOOST_US_EAST_1}:1.7-1` }, Containers: undefined, VpcConfig: undefined, InferenceExecutionConfig: { Mode: '${Mode}' } } }],
      Parameters: [],
      Arguments: {},
    }, null, 2);
    assert.deepEqual(readJsonDocument(pipeline).requests.map((request) => request.kind), ['CreateModel']);
    assert.deepEqual(covered(pipeline, analyzeWorkflow(pipeline)).filter(([code]) => code === 'invalid-enum-value'), [['invalid-enum-value', '${Mode}']]);
  });

  it('check on the sam init layout (template.yaml with DefinitionUri, statemachine/train.asl.json) finds nothing', () => {
    const run = runCli(['check', path.join(REPOSITORY_ROOT, 'test', 'fixtures', 'sam-definition-uri')]);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0, run.stdout);
  });
});
