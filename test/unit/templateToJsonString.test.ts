// Workflows given to a string property through `Fn::ToJsonString` (the AWS::LanguageExtensions
// transform): `PipelineDefinitionBody: {Fn::ToJsonString: {Version, Steps}}` and
// `DefinitionString: {Fn::ToJsonString: {StartAt, States}}` are read in place, as a state
// machine's `Definition` is: findings on the template's characters, fixes in its own syntax,
// intrinsics dynamic, `!Ref Parameter` checked through the parameter's Default.
import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { readJsonDocument, readYamlDocument } from '../../src/core/hostDocument';
import { XGBOOST_US_EAST_1 } from './specTestKit';
import { analyzeJsonTemplate, analyzeYaml, applyHostFix } from './yamlTestKit';

const ROLE = 'arn:aws:iam::111122223333:role/SageMaker';

/** The text each finding covers, by code. */
function covered(text: string, findings: readonly Finding[]): [string, string][] {
  return findings.map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length)]);
}

/** A training job's arguments (a Pipelines step's, a task's Parameters) with `instanceType` and `mode`, XGBoost pinned with its train channel and num_round. */
function trainingArguments(instanceType: unknown, mode = 'File'): Record<string, unknown> {
  return {
    AlgorithmSpecification: { TrainingImage: `${XGBOOST_US_EAST_1}:1.7-1`, TrainingInputMode: mode },
    HyperParameters: { num_round: '100' },
    InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/train/' } } }],
    OutputDataConfig: { S3OutputPath: 's3://bucket/out/' },
    ResourceConfig: { InstanceCount: 1, InstanceType: instanceType, VolumeSizeInGB: 30 },
    RoleArn: ROLE,
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
  };
}

/** A YAML template (with the transform unless `transform` is false) of one pipeline whose body is `Fn::ToJsonString` of one training step. */
function yamlPipeline(instanceType: string, options: { mode?: string; transform?: boolean; head?: string[] } = {}): string {
  return [
    ...(options.transform === false ? [] : ['Transform: AWS::LanguageExtensions']),
    ...(options.head ?? []),
    'Resources:',
    '  Pipeline:',
    '    Type: AWS::SageMaker::Pipeline',
    '    Properties:',
    '      PipelineName: p',
    '      RoleArn: !GetAtt Role.Arn',
    '      PipelineDefinition:',
    '        PipelineDefinitionBody:',
    '          Fn::ToJsonString:',
    "            Version: '2020-12-01'",
    '            Steps:',
    '              - Name: Train',
    '                Type: Training',
    '                Arguments:',
    '                  AlgorithmSpecification:',
    `                    TrainingImage: ${XGBOOST_US_EAST_1}:1.7-1`,
    `                    TrainingInputMode: ${options.mode ?? 'File'}`,
    '                  HyperParameters: { num_round: "100" }',
    '                  InputDataConfig:',
    '                    - ChannelName: train',
    '                      DataSource: { S3DataSource: { S3DataType: S3Prefix, S3Uri: !Sub "s3://${Bucket}/train/" } }',
    '                  OutputDataConfig: { S3OutputPath: !Sub "s3://${Bucket}/out/" }',
    `                  ResourceConfig: { InstanceCount: 1, InstanceType: ${instanceType}, VolumeSizeInGB: 30 }`,
    '                  RoleArn: !GetAtt Role.Arn',
    '                  StoppingCondition: { MaxRuntimeInSeconds: 3600 }',
    '',
  ].join('\n');
}

/** A YAML template of one state machine whose DefinitionString is `Fn::ToJsonString` of one training task, with `properties` lines before it. */
function yamlStateMachine(instanceType: string, options: { properties?: string[]; image?: string; head?: string[] } = {}): string {
  return [
    'Transform: AWS::LanguageExtensions',
    ...(options.head ?? []),
    'Resources:',
    '  Flow:',
    '    Type: AWS::StepFunctions::StateMachine',
    '    Properties:',
    '      RoleArn: !GetAtt FlowRole.Arn',
    ...(options.properties ?? []).map((line) => `      ${line}`),
    '      DefinitionString:',
    '        Fn::ToJsonString:',
    '          StartAt: Train',
    '          States:',
    '            Train:',
    '              Type: Task',
    '              Resource: !Sub arn:${AWS::Partition}:states:::sagemaker:createTrainingJob.sync',
    '              Parameters:',
    '                TrainingJobName.$: $$.Execution.Name',
    '                RoleArn: !GetAtt Role.Arn',
    '                AlgorithmSpecification:',
    `                  TrainingImage: ${options.image ?? `${XGBOOST_US_EAST_1}:1.7-1`}`,
    '                  TrainingInputMode: File',
    '                HyperParameters: { num_round: "100" }',
    '                InputDataConfig: [{ ChannelName: train, DataSource: { S3DataSource: { S3DataType: S3Prefix, S3Uri: s3://bucket/train/ } } }]',
    '                OutputDataConfig: { S3OutputPath: s3://bucket/out/ }',
    `                ResourceConfig: { InstanceCount: 1, InstanceType: ${instanceType}, VolumeSizeInGB: 30 }`,
    '                StoppingCondition: { MaxRuntimeInSeconds: 3600 }',
    '              End: true',
    '',
  ].join('\n');
}

describe('CloudFormation: a PipelineDefinitionBody written Fn::ToJsonString', () => {
  it('reads the YAML mapping under it as the pipeline definition: findings on the template\'s characters, fixed in YAML', () => {
    const text = yamlPipeline('ml.m5.xlarg', { mode: 'Files' });
    const findings = analyzeYaml(text);
    assert.deepEqual(covered(text, findings), [
      ['invalid-enum-value', 'Files'],
      ['invalid-enum-value', 'ml.m5.xlarg'],
    ]);
    assert.equal(findings[1].severity, 'error');
    assert.match(findings[1].message, /^"ml\.m5\.xlarg" is not a valid InstanceType: the nearest ML instance types are "ml\.m5\.xlarge"/);
    const fixed = applyHostFix(text, findings[1]);
    assert.equal(fixed, text.replace('InstanceType: ml.m5.xlarg,', 'InstanceType: ml.m5.xlarge,'));
    assert.equal(applyHostFix(text, findings[0]), text.replace('TrainingInputMode: Files\n', 'TrainingInputMode: File\n'));
    // The intrinsics inside it (`!Sub`, `!GetAtt`) are computed at deployment: never reported.
    assert.deepEqual(analyzeYaml(yamlPipeline('ml.m5.xlarge')), []);
  });

  it('reads the JSON object under it, and writes a fix in JSON', () => {
    const body = { Version: '2020-12-01', Steps: [{ Name: 'Train', Type: 'Training', Arguments: trainingArguments('ml.m5.xlarg') }] };
    const text = JSON.stringify({ Transform: 'AWS::LanguageExtensions', Resources: { Pipeline: { Type: 'AWS::SageMaker::Pipeline', Properties: { PipelineName: 'p', RoleArn: ROLE, PipelineDefinition: { PipelineDefinitionBody: { 'Fn::ToJsonString': body } } } } } }, null, 2);
    const findings = analyzeJsonTemplate(text);
    assert.deepEqual(covered(text, findings), [['invalid-enum-value', 'ml.m5.xlarg']]);
    const fixed = applyHostFix(text, findings[0], undefined, 'json');
    assert.equal(fixed, text.replace('"InstanceType": "ml.m5.xlarg"', '"InstanceType": "ml.m5.xlarge"'));
    assert.deepEqual(analyzeJsonTemplate(fixed), []);
  });

  it('checks a member written !Ref Parameter through its Default, reported and fixed there', () => {
    const head = ['Parameters:', '  InstanceType:', '    Type: String', '    Default: ml.m5.xlarg'];
    const text = yamlPipeline('!Ref InstanceType', { head });
    const findings = analyzeYaml(text);
    assert.deepEqual(covered(text, findings), [['invalid-enum-value', 'ml.m5.xlarg']]);
    assert.ok(findings[0].offset < text.indexOf('Resources:'), 'reported on the Default');
    assert.match(findings[0].message, /\(Reported on the Default of parameter InstanceType\.\)$/);
    assert.ok(applyHostFix(text, findings[0]).includes('    Default: ml.m5.xlarge\n'));
  });

  it('checks each literal side of an Fn::If inside it', () => {
    const text = yamlPipeline('!If [IsProd, ml.m5.4xlarge, ml.m5.larg]');
    assert.deepEqual(covered(text, analyzeYaml(text)), [['invalid-enum-value', 'ml.m5.larg']]);
  });

  it('is read without the AWS::LanguageExtensions transform too (CloudFormation refuses the template then; cfn-lint says so)', () => {
    const text = yamlPipeline('ml.m5.xlarg', { transform: false });
    assert.deepEqual(covered(text, analyzeYaml(text)), [['invalid-enum-value', 'ml.m5.xlarg']]);
  });

  it('reads nothing under Fn::ToJsonString of something other than a pipeline definition', () => {
    const array = ['Transform: AWS::LanguageExtensions', 'Resources:', '  Pipeline:', '    Type: AWS::SageMaker::Pipeline', '    Properties:', '      PipelineDefinition:', '        PipelineDefinitionBody:', '          Fn::ToJsonString: [{ Version: "2020-12-01", Steps: [] }]', ''].join('\n');
    assert.deepEqual(readYamlDocument(array).requests, []);
    const other = array.replace('[{ Version: "2020-12-01", Steps: [] }]', '{ Steps: [{ Name: T, Type: Training, Arguments: { RoleArn: 1 } }] }');
    assert.deepEqual(readYamlDocument(other).requests, []);
    assert.deepEqual(analyzeYaml(other), []);
  });
});

describe('CloudFormation: a state machine\'s DefinitionString written Fn::ToJsonString', () => {
  it('reads the YAML mapping under it as the state machine, its task Resource built with !Sub: findings and YAML fixes', () => {
    const text = yamlStateMachine('ml.m5.xlarg');
    const findings = analyzeYaml(text);
    assert.deepEqual(covered(text, findings), [['invalid-enum-value', 'ml.m5.xlarg']]);
    assert.equal(applyHostFix(text, findings[0]), text.replace('InstanceType: ml.m5.xlarg,', 'InstanceType: ml.m5.xlarge,'));
    // An integration pattern fix edits the !Sub string that holds it.
    const waiting = text.replace('createTrainingJob.sync', 'createTrainingJob.waitForTaskToken').replace('ml.m5.xlarg', 'ml.m5.xlarge');
    const [pattern] = analyzeYaml(waiting);
    assert.deepEqual(covered(waiting, [pattern]), [['unsupported-integration-pattern', '.waitForTaskToken']]);
    assert.ok(pattern.fixes.length > 0);
    assert.match(applyHostFix(waiting, pattern), /Resource: !Sub arn:\$\{AWS::Partition\}:states:::sagemaker:createTrainingJob(\.sync)?\n/);
  });

  it('reads DefinitionSubstitutions as in a Definition: an image given by the map is checked on the map\'s characters', () => {
    const text = yamlStateMachine('ml.m5.xlarge', { image: '${TrainingImage}', properties: ['DefinitionSubstitutions:', `  TrainingImage: ${XGBOOST_US_EAST_1}:latest`] });
    const findings = analyzeYaml(text);
    assert.deepEqual(covered(text, findings), [['xgboost-unpinned', 'latest']]);
    assert.ok(findings[0].offset < text.indexOf('DefinitionString:'), 'reported in the map');
  });

  it('checks each literal side of an Fn::If inside it, and of one around a DefinitionSubstitutions value', () => {
    const text = yamlStateMachine('!If [IsProd, ml.m5.4xlarg, ml.m5.larg]');
    assert.deepEqual(covered(text, analyzeYaml(text)).sort(), [
      ['invalid-enum-value', 'ml.m5.4xlarg'],
      ['invalid-enum-value', 'ml.m5.larg'],
    ]);
    const mapped = yamlStateMachine('"${Type}"', { properties: ['DefinitionSubstitutions:', '  Type: !If [IsProd, ml.m5.xlarge, ml.m5.larg]'] });
    assert.deepEqual(covered(mapped, analyzeYaml(mapped)), [['invalid-enum-value', 'ml.m5.larg']]);
  });

  it('reads the JSON object under it, and writes a fix in JSON', () => {
    const definition = { StartAt: 'Train', States: { Train: { Type: 'Task', Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:states:::sagemaker:createTrainingJob.sync' }, Parameters: { 'TrainingJobName.$': '$$.Execution.Name', ...trainingArguments('ml.m5.xlarg') }, End: true } } };
    const text = JSON.stringify({ Transform: 'AWS::LanguageExtensions', Resources: { Flow: { Type: 'AWS::StepFunctions::StateMachine', Properties: { RoleArn: ROLE, DefinitionString: { 'Fn::ToJsonString': definition } } } } }, null, 2);
    const document = readJsonDocument(text);
    assert.equal(document.requests.filter((request) => request.kind === 'CreateTrainingJob').length, 1);
    const findings = analyzeJsonTemplate(text);
    assert.deepEqual(covered(text, findings), [['invalid-enum-value', 'ml.m5.xlarg']]);
    const fixed = applyHostFix(text, findings[0], undefined, 'json');
    assert.equal(fixed, text.replace('"InstanceType": "ml.m5.xlarg"', '"InstanceType": "ml.m5.xlarge"'));
    assert.deepEqual(analyzeJsonTemplate(fixed), []);
  });

  it('leaves a DefinitionString in a string as it was, and prefers a Definition written beside one', () => {
    const both = yamlStateMachine('ml.m5.xlarg').replace('      DefinitionString:\n', '      Definition: { StartAt: Done, States: { Done: { Type: Succeed } } }\n      DefinitionString:\n');
    assert.deepEqual(analyzeYaml(both), []);
  });
});
