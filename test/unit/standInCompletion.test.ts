// Completion of a value a request member reads from elsewhere (a Pipelines parameter's
// DefaultValue or EnumValues item, a template parameter's Default): the member's values.
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../src/core/findings';
import { readJsonDocument, readYamlDocument } from '../../src/core/hostDocument';
import { completeInYaml } from '../../src/core/hosts/yaml/yamlCompletion';
import { completeInJsonHost } from '../../src/core/jsonHostCompletion';
import { apiModel, catalog, XGBOOST_US_EAST_1 } from './specTestKit';

const options = { catalog, apiModel, regionInputs: { env: {} } };

/** A pipeline whose training step reads InstanceType and TrainingInputMode from parameters; `|` marks the cursor. */
function pipeline(instanceTypeDefault: string, modeValues: string[]): string {
  return JSON.stringify(
    {
      Version: '2020-12-01',
      Parameters: [
        { Name: 'InstanceType', Type: 'String', DefaultValue: instanceTypeDefault },
        { Name: 'Mode', Type: 'String', DefaultValue: 'File', EnumValues: modeValues },
        { Name: 'Unused', Type: 'String', DefaultValue: 'ml.' },
      ],
      Steps: [{
        Name: 'Train',
        Type: 'Training',
        Arguments: {
          AlgorithmSpecification: { TrainingImage: `${XGBOOST_US_EAST_1}:1.7-1`, TrainingInputMode: { Get: 'Parameters.Mode' } },
          RoleArn: 'arn:aws:iam::123456789012:role/R',
          OutputDataConfig: { S3OutputPath: 's3://b/o' },
          ResourceConfig: { InstanceType: { Get: 'Parameters.InstanceType' }, InstanceCount: 1, VolumeSizeInGB: 10 },
          StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        },
      }],
    },
    null,
    2,
  );
}

function completeJson(withCursor: string) {
  const offset = withCursor.indexOf('|');
  const text = withCursor.replace('|', '');
  return { text, result: completeInJsonHost(readJsonDocument(text), offset, options) };
}

describe('completion of a value a member reads from elsewhere', () => {
  it('a Pipelines parameter\'s DefaultValue read as ResourceConfig.InstanceType offers training instance types, replacing the string (found by a fresh user)', () => {
    const { text, result } = completeJson(pipeline('ml.m5.|', ['File', 'Pipe']));
    assert.equal(result!.typed, 'ml.m5.');
    const labels = result!.items.map((item) => item.label);
    assert.ok(labels.includes('ml.m5.xlarge') && !labels.includes('ml.t2.medium'));
    const item = result!.items.find((candidate) => candidate.label === 'ml.m5.2xlarge')!;
    assert.equal(applyEdits(text, [item.edit]), text.replace('"DefaultValue": "ml.m5."', '"DefaultValue": "ml.m5.2xlarge"'));
  });

  it('an EnumValues item offers the member\'s enum too; a parameter no member reads offers nothing', () => {
    const modes = completeJson(pipeline('ml.m5.xlarge', ['File', 'Fa|']));
    assert.deepEqual(modes.result!.items.map((item) => item.label), ['Pipe', 'File', 'FastFile']);
    const unused = pipeline('ml.m5.xlarge', ['File']).replace('"DefaultValue": "ml."', '"DefaultValue": "ml.|"');
    assert.equal(completeJson(unused).result, undefined);
  });

  it('a CloudFormation parameter\'s Default behind !Ref offers the member\'s values, in YAML', () => {
    const withCursor = [
      'Parameters:',
      '  ProcessingType:',
      '    Type: String',
      '    Default: ml.c5.|',
      'Resources:',
      '  Job:',
      '    Type: AWS::SageMaker::ProcessingJob',
      '    Properties:',
      '      RoleArn: arn:aws:iam::123456789012:role/R',
      '      AppSpecification: {ImageUri: 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3}',
      '      ProcessingResources:',
      '        ClusterConfig: {InstanceType: !Ref ProcessingType, InstanceCount: 1, VolumeSizeInGB: 30}',
      '',
    ].join('\n');
    const offset = withCursor.indexOf('|');
    const text = withCursor.replace('|', '');
    const result = completeInYaml(readYamlDocument(text), offset, options)!;
    assert.equal(result.typed, 'ml.c5.');
    const item = result.items.find((candidate) => candidate.label === 'ml.c5.xlarge')!;
    assert.equal(applyEdits(text, [item.edit]), text.replace('Default: ml.c5.', 'Default: ml.c5.xlarge'));
  });
});
