import * as assert from 'node:assert/strict';
import { readYamlDocument } from '../../src/core/hostDocument';
import { analyzeJsonTemplate, analyzeYaml, applyHostFix } from './yamlTestKit';

const IMAGE = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost';

function stateMachineYaml(resource: string, image: string, indent = ''): string {
  return [
    'StartAt: Train',
    'States:',
    '  Train:',
    '    Type: Task',
    `    Resource: ${resource}`,
    '    Parameters:',
    '      TrainingJobName.$: $.name',
    '      RoleArn: arn:aws:iam::111122223333:role/SageMaker',
    '      AlgorithmSpecification:',
    `        TrainingImage: ${image}`,
    '        TrainingInputMode: File',
    '      OutputDataConfig: { S3OutputPath: s3://bucket/out }',
    '      ResourceConfig: { InstanceType: ml.m5.xlarge, InstanceCount: 1, VolumeSizeInGB: 10 }',
    '      StoppingCondition: { MaxRuntimeInSeconds: 3600 }',
    '    End: true',
    '',
  ].map((line) => (line ? indent + line : line)).join('\n');
}

describe('Step Functions state machines in YAML (ASL YAML and templates)', () => {
  it('reads a YAML state machine\'s SageMaker task as its request: "Name.$" present, the integration pattern checked', () => {
    const text = stateMachineYaml('arn:aws:states:::sagemaker:createTrainingJob.waitForTaskToken', `${IMAGE}:latest`);
    const document = readYamlDocument(text);
    assert.deepEqual(document.requests.map((request) => request.kind), ['CreateTrainingJob']);
    const findings = analyzeYaml(text);
    assert.deepEqual(findings.map((finding) => finding.code).sort(), ['unsupported-integration-pattern', 'xgboost-unpinned']);
    const pattern = findings.find((finding) => finding.code === 'unsupported-integration-pattern')!;
    assert.equal(text.slice(pattern.offset, pattern.offset + pattern.length), '.waitForTaskToken');
  });

  it('fixes a task in YAML syntax, leaving every other line as it was', () => {
    const text = stateMachineYaml('arn:aws:states:::sagemaker:createTrainingJob.sync', `${IMAGE}:1`);
    const [finding] = analyzeYaml(text);
    assert.equal(finding.code, 'xgboost-unpinned');
    const fixed = applyHostFix(text, finding);
    const changed = fixed.split('\n').filter((line, index) => line !== text.split('\n')[index]);
    assert.deepEqual(changed, [`        TrainingImage: ${IMAGE}:3.2-0`]);
  });

  it('reads the Definition of a state machine resource in a YAML template, with intrinsics dynamic', () => {
    const definition = stateMachineYaml('arn:aws:states:::sagemaker:createTrainingJob.sync', `${IMAGE}:1`, '        ')
      .replace('RoleArn: arn:aws:iam::111122223333:role/SageMaker', 'RoleArn: !GetAtt Role.Arn');
    const text = `Resources:\n  Flow:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      RoleArn: !GetAtt Role.Arn\n      Definition:\n${definition}`;
    assert.deepEqual(analyzeYaml(text).map((finding) => finding.code), ['xgboost-unpinned']);
  });

  it('reports a plain scalar YAML 1.1 and 1.2 read differently where neither reading fits, saying both; one reading that fits is never reported (found by a fresh user)', () => {
    const base = stateMachineYaml('arn:aws:states:::sagemaker:createTrainingJob.sync', `${IMAGE}:1.7-1`);
    const at = (text: string, code: string) => analyzeYaml(text).filter((finding) => finding.code === code).map((finding) => [text.slice(finding.offset, finding.offset + finding.length), finding.message, finding.fixes.map((fix) => fix.title)]);
    // `yes`: true (1.1) or "yes" (1.2): no integer either way.
    const yes = base.replace('InstanceCount: 1,', 'InstanceCount: yes,');
    assert.deepEqual(at(yes, 'invalid-type'), [['yes', 'InstanceCount must be an integer, not `yes`: YAML 1.1 readers take it as true, YAML 1.2 readers as the string "yes".', []]]);
    // `012`: 10 (1.1) or 12 (1.2): no string either way; the fix quotes what was written.
    const octal = base.replace('TrainingInputMode: File', 'TrainingInputMode: File\n      Tags: [{Key: team, Value: 012}]');
    assert.deepEqual(at(octal, 'invalid-type'), [['012', 'Tags[0].Value must be a string, not `012`: YAML 1.1 readers take it as the number 10, YAML 1.2 readers as the number 12.', ['Use the string "012"']]]);
    assert.equal(applyHostFix(octal, analyzeYaml(octal).find((finding) => finding.code === 'invalid-type')!), octal.replace('Value: 012}', 'Value: "012"}'));
    // `on` for a boolean (true to 1.1), `1:30` for an integer (90 to 1.1), `012` for an integer: one reading fits, nothing said.
    const fits = base.replace('InstanceCount: 1,', 'InstanceCount: 012,').replace('MaxRuntimeInSeconds: 3600', 'MaxRuntimeInSeconds: 1:30').replace('TrainingInputMode: File', 'TrainingInputMode: File\n      EnableNetworkIsolation: on');
    assert.deepEqual(at(fits, 'invalid-type'), []);
  });

  it('reads the Definition of a SAM state machine in a JSON template', () => {
    const text = JSON.stringify({
      Resources: {
        Flow: {
          Type: 'AWS::Serverless::StateMachine',
          Properties: {
            Definition: {
              StartAt: 'Model',
              States: {
                Model: {
                  Type: 'Task',
                  Resource: 'arn:aws:states:::sagemaker:createModel.sync',
                  Parameters: { ModelName: 'm', ExecutionRoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] }, PrimaryContainer: { Image: `${IMAGE}:1.7-1` } },
                  End: true,
                },
              },
            },
          },
        },
      },
    }, null, 2);
    assert.deepEqual(analyzeJsonTemplate(text).map((finding) => finding.code), ['unsupported-integration-pattern']);
  });
});

describe('Step Functions YAML: renaming a misspelt `Name.$` key keeps its `.$`', () => {
  // Found by a fresh user: the preferred rename wrote `TrainingJobName: $.name`, which sends the path as text.
  const machine = (jobName: string, s3Uri: string) =>
    [
      'StartAt: Train',
      'States:',
      '  Train:',
      '    Type: Task',
      '    Resource: arn:aws:states:::sagemaker:createTrainingJob.sync',
      '    Parameters:',
      `      ${jobName}: $.name`,
      '      RoleArn: arn:aws:iam::111122223333:role/SageMakerRole',
      '      AlgorithmSpecification: {TrainingImage: 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1, TrainingInputMode: File}',
      '      HyperParameters: {num_round: "10"}',
      `      InputDataConfig: [{ChannelName: train, DataSource: {S3DataSource: {S3DataType: S3Prefix, ${s3Uri}: $.train}}}]`,
      '      OutputDataConfig: {S3OutputPath: "s3://b/out"}',
      '      ResourceConfig: {InstanceType: ml.m5.xlarge, InstanceCount: 1, VolumeSizeInGB: 10}',
      '      StoppingCondition: {MaxRuntimeInSeconds: 3600}',
      '    End: true',
      '',
    ].join('\n');

  it('in a block key, a quoted key and a flow mapping key', () => {
    for (const [written, meant] of [
      ['TrainingJobNme.$', 'TrainingJobName.$'],
      ['"TrainingJobNme.$"', '"TrainingJobName.$"'],
      ["'TrainingJobNme.$'", "'TrainingJobName.$'"],
    ]) {
      const text = machine(written, 'S3Uri.$');
      const finding = analyzeYaml(text).find((candidate) => candidate.code === 'unknown-property');
      assert.ok(finding, written);
      assert.equal(applyHostFix(text, finding), text.replace(written, () => meant), written);
    }
    const flow = machine('TrainingJobName.$', 'S3Uir.$');
    const finding = analyzeYaml(flow).find((candidate) => candidate.code === 'unknown-property')!;
    assert.equal(applyHostFix(flow, finding), flow.replace('S3Uir.$', () => 'S3Uri.$'));
  });
});
