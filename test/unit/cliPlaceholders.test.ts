// A `${…}` in a value of an AWS CLI spec (JSON, YAML) or of a boto3 or SDK call in Python is sent
// as written: unfilled-placeholder on it, in place of a pattern or enum finding that does not say
// why. Templates and pipelines, whose hosts substitute, stay as they were.
import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { analyzeSpec } from '../../src/core/analyze';
import { analyzeDocument, readYamlDocument } from '../../src/core/hostDocument';
import { parseSpecDocument } from '../../src/core/specDocument';
import { analyzePython } from './pythonTestKit';
import { analyzeOptions, analyzeText, textAt, XGBOOST_US_EAST_1 } from './specTestKit';
import { analyzeYaml, yamlTemplate } from './yamlTestKit';

const ROLE = 'arn:aws:iam::111122223333:role/SageMakerRole';
const PLACEHOLDER_MESSAGE = (written: string) => `${written} is a placeholder: nothing substitutes it in this file, so the request is sent with it as written. Write the value itself.`;
const FREE_TEXT_MESSAGE = (written: string, member: string) => `${written} is a placeholder: nothing substitutes it in this file, so ${member} is sent as written, and only a container that expands ${written} itself would read it as meant. Write the value itself, unless your container expands it.`;
const PSEUDO_MESSAGE = (written: string) => `${written} is a CloudFormation pseudo parameter, which only Fn::Sub fills: nothing substitutes it in this file, so the request is sent with it as written. Write the value itself.`;

/** [code, severity, offset, length, message] of each finding, in document order. */
function exactly(findings: readonly Finding[]): [string, string, number, number, string][] {
  return [...findings].sort((a, b) => a.offset - b.offset).map((finding) => [finding.code, finding.severity, finding.offset, finding.length, finding.message]);
}

/** [code, covered text, message] of each finding, in document order. */
function shown(text: string, findings: readonly Finding[]): [string, string, string][] {
  return [...findings].sort((a, b) => a.offset - b.offset).map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length), finding.message]);
}

/** A complete CreateTrainingJob whose members are overridden by `changes` (one level deep). */
function training(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    TrainingJobName: 'job',
    RoleArn: ROLE,
    AlgorithmSpecification: { TrainingImage: `${XGBOOST_US_EAST_1}:1.7-1`, TrainingInputMode: 'File' },
    OutputDataConfig: { S3OutputPath: 's3://bucket/out' },
    ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    ...changes,
  };
}

describe('unfilled-placeholder in an AWS CLI spec\'s values', () => {
  it('JSON: on each ${…} of a role ARN, an S3 path and an enum, in place of pattern-mismatch and invalid-enum-value', () => {
    const text = JSON.stringify(training({
      RoleArn: 'arn:aws:iam::${AWS::AccountId}:role/SageMakerRole',
      OutputDataConfig: { S3OutputPath: 's3://${Bucket}/out' },
      AlgorithmSpecification: { TrainingImage: `${XGBOOST_US_EAST_1}:1.7-1`, TrainingInputMode: '${Mode}' },
    }), null, 2);
    const findings = analyzeText(text);
    assert.deepEqual(shown(text, findings), [
      ['unfilled-placeholder', '${AWS::AccountId}', PSEUDO_MESSAGE('${AWS::AccountId}')],
      ['unfilled-placeholder', '${Mode}', PLACEHOLDER_MESSAGE('${Mode}')],
      ['unfilled-placeholder', '${Bucket}', PLACEHOLDER_MESSAGE('${Bucket}')],
    ]);
    assert.equal(findings.find((finding) => textAt(text, finding) === '${AWS::AccountId}')?.offset, text.indexOf('${AWS::AccountId}'));
    assert.ok(findings.every((finding) => finding.severity === 'error' && finding.fixes.length === 0));
  });

  it('JSON: the range is the placeholder as written, past escapes before it; a value without one is still judged', () => {
    const text = JSON.stringify(training({ OutputDataConfig: { S3OutputPath: 's3://b\u00e9/${Bucket}' }, ResourceConfig: { InstanceType: 'ml.m5.xlarg', InstanceCount: 1, VolumeSizeInGB: 10 } }), null, 2).replace('b\u00e9', 'b\\u00e9');
    assert.deepEqual(shown(text, analyzeText(text)).map(([code, covered]) => [code, covered]), [
      ['unfilled-placeholder', '${Bucket}'],
      ['invalid-enum-value', 'ml.m5.xlarg'],
    ]);
  });

  it('JSON: a placeholder spelt with an escape (\\u0024{Bucket}) is one all the same; a spec without `${` or escapes has none', () => {
    const text = JSON.stringify(training({ OutputDataConfig: { S3OutputPath: 's3://b/${Bucket}' } }), null, 2).replace('${Bucket}', '\\u0024{Bucket}');
    assert.ok(!text.includes('${'));
    assert.deepEqual(shown(text, analyzeText(text)).map(([code, covered]) => [code, covered]), [['unfilled-placeholder', '\\u0024{Bucket}']]);
    const plain = JSON.stringify(training(), null, 2);
    assert.deepEqual(analyzeText(plain), []);
  });

  it('JSON: ${AWS::Region} in a value gets the target region as its preferred fix, as in an image', () => {
    const text = JSON.stringify(training({ OutputDataConfig: { S3OutputPath: 's3://bucket-${AWS::Region}/out' } }), null, 2);
    const [finding] = analyzeText(text, { region: 'eu-west-1' });
    assert.deepEqual(shown(text, [finding]), [['unfilled-placeholder', '${AWS::Region}', PSEUDO_MESSAGE('${AWS::Region}')]]);
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [['Write the region eu-west-1', true]]);
  });

  it('YAML: plain, quoted and flow scalars alike', () => {
    const text = [
      'TrainingJobName: job',
      'RoleArn: arn:aws:iam::${AWS::AccountId}:role/SageMakerRole',
      'AlgorithmSpecification:',
      `  TrainingImage: ${XGBOOST_US_EAST_1}:1.7-1`,
      '  TrainingInputMode: File',
      'OutputDataConfig:',
      '  S3OutputPath: "s3://\\x62${Bucket}/out"',
      'ResourceConfig: {InstanceType: "ml.${Size}", InstanceCount: 1, VolumeSizeInGB: 10}',
      'StoppingCondition: {MaxRuntimeInSeconds: 3600}',
      '',
    ].join('\n');
    assert.deepEqual(shown(text, analyzeDocument(readYamlDocument(text), analyzeOptions()).findings), [
      ['unfilled-placeholder', '${AWS::AccountId}', PSEUDO_MESSAGE('${AWS::AccountId}')],
      ['unfilled-placeholder', '${Bucket}', PLACEHOLDER_MESSAGE('${Bucket}')],
      ['unfilled-placeholder', '${Size}', PLACEHOLDER_MESSAGE('${Size}')],
    ]);
  });

  it('an image keeps its own reading: the placeholder reported once, its static text checked', () => {
    const text = JSON.stringify(training({ AlgorithmSpecification: { TrainingImage: '683313688378.dkr.ecr.${AWS::Region}.amazonaws.com/sagemaker-xgboost:latest', TrainingInputMode: 'File' } }), null, 2);
    assert.deepEqual(shown(text, analyzeText(text)).map(([code, covered]) => [code, covered]), [['unfilled-placeholder', '${AWS::Region}'], ['xgboost-unpinned', 'latest']]);
  });
});

describe('unfilled-placeholder in Python: a plain string\'s ${…} is sent as written too', () => {
  it('boto3: on the placeholders of a role ARN and an enum; not in an f-string, whose ${{x}} is written so on purpose', () => {
    const text = [
      'import boto3',
      'sm = boto3.client("sagemaker")',
      'sm.create_training_job(',
      '    TrainingJobName="job",',
      '    RoleArn="arn:aws:iam::${AWS::AccountId}:role/SageMakerRole",',
      `    AlgorithmSpecification={"TrainingImage": "${XGBOOST_US_EAST_1}:1.7-1", "TrainingInputMode": '\${Mode}'},`,
      '    OutputDataConfig={"S3OutputPath": f"s3://{bucket}/${{prefix}}"},',
      '    ResourceConfig={"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10},',
      '    StoppingCondition={"MaxRuntimeInSeconds": 3600},',
      ')',
      '',
    ].join('\n');
    assert.deepEqual(shown(text, analyzePython(text)), [
      ['unfilled-placeholder', '${AWS::AccountId}', PSEUDO_MESSAGE('${AWS::AccountId}')],
      ['unfilled-placeholder', '${Mode}', PLACEHOLDER_MESSAGE('${Mode}')],
    ]);
  });

  it('SDK: an argument sent as a request member (instance_type), in place of invalid-enum-value', () => {
    const text = `from sagemaker.estimator import Estimator\nest = Estimator(image_uri="${XGBOOST_US_EAST_1}:1.7-1", role="r", instance_count=1, instance_type="ml.\${Size}")\n`;
    assert.deepEqual(shown(text, analyzePython(text)), [['unfilled-placeholder', '${Size}', PLACEHOLDER_MESSAGE('${Size}')]]);
  });

  it('a dict passed by name to two calls: its placeholder reported once', () => {
    const text = [
      'import boto3',
      'sm = boto3.client("sagemaker")',
      'container = {"Image": "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1", "ModelDataUrl": "s3://${Bucket}/model.tar.gz"}',
      `sm.create_model(ModelName="a", ExecutionRoleArn="${ROLE}", PrimaryContainer=container)`,
      `sm.create_model(ModelName="b", ExecutionRoleArn="${ROLE}", PrimaryContainer=container)`,
      '',
    ].join('\n');
    assert.deepEqual(shown(text, analyzePython(text)), [['unfilled-placeholder', '${Bucket}', PLACEHOLDER_MESSAGE('${Bucket}')]]);
  });
});

// A member that takes any text (Environment, HyperParameters values) hands the value to the
// container as written, and a container may expand `${…}` itself: a warning there, not an error.
describe('unfilled-placeholder in a member that takes any text: a warning', () => {
  it('JSON: an Environment value is a warning, the RoleArn beside it (a pattern) an error', () => {
    const text = JSON.stringify(training({ RoleArn: 'arn:aws:iam::${Account}:role/SageMakerRole', Environment: { MODEL_DIR: '/opt/ml/${Stage}/model' } }), null, 2);
    const account = text.indexOf('${Account}');
    const stage = text.indexOf('${Stage}');
    assert.deepEqual(exactly(analyzeText(text)), [
      ['unfilled-placeholder', 'error', account, '${Account}'.length, PLACEHOLDER_MESSAGE('${Account}')],
      ['unfilled-placeholder', 'warning', stage, '${Stage}'.length, FREE_TEXT_MESSAGE('${Stage}', 'Environment.MODEL_DIR')],
    ]);
  });

  it('JSON: a tag value stays an error (TagValue\'s pattern refuses $, { and }), and so does an enum', () => {
    const text = JSON.stringify(training({ Tags: [{ Key: 'team', Value: '${Team}' }], ResourceConfig: { InstanceType: 'ml.${Size}', InstanceCount: 1, VolumeSizeInGB: 10 } }), null, 2);
    assert.deepEqual(exactly(analyzeText(text)).map(([code, severity, offset, length]) => [code, severity, text.slice(offset, offset + length)]), [
      ['unfilled-placeholder', 'error', '${Size}'],
      ['unfilled-placeholder', 'error', '${Team}'],
    ]);
  });

  it('JSON: without an API model loaded, every placeholder stays an error', () => {
    const text = JSON.stringify(training({ Environment: { MODEL_DIR: '/opt/ml/${Stage}/model' } }), null, 2);
    const [finding, ...rest] = analyzeSpec(parseSpecDocument(text), { ...analyzeOptions(), apiModel: undefined }).findings;
    assert.deepEqual(rest, []);
    assert.deepEqual(exactly([finding]), [['unfilled-placeholder', 'error', text.indexOf('${Stage}'), '${Stage}'.length, PLACEHOLDER_MESSAGE('${Stage}')]]);
  });

  it('YAML: a HyperParameters value is a warning', () => {
    const text = [
      'TrainingJobName: job',
      `RoleArn: ${ROLE}`,
      'AlgorithmSpecification:',
      `  TrainingImage: ${XGBOOST_US_EAST_1}:1.7-1`,
      '  TrainingInputMode: File',
      'HyperParameters:',
      '  num_round: "${Rounds}"',
      'OutputDataConfig: {S3OutputPath: s3://bucket/out}',
      'ResourceConfig: {InstanceType: ml.m5.xlarge, InstanceCount: 1, VolumeSizeInGB: 10}',
      'StoppingCondition: {MaxRuntimeInSeconds: 3600}',
      '',
    ].join('\n');
    assert.deepEqual(exactly(analyzeDocument(readYamlDocument(text), analyzeOptions()).findings), [
      ['unfilled-placeholder', 'warning', text.indexOf('${Rounds}'), '${Rounds}'.length, FREE_TEXT_MESSAGE('${Rounds}', 'HyperParameters.num_round')],
    ]);
  });

  it('Python: a boto3 Environment value is a warning', () => {
    const text = [
      'import boto3',
      'sm = boto3.client("sagemaker")',
      'sm.create_model(',
      '    ModelName="m",',
      `    ExecutionRoleArn="${ROLE}",`,
      `    PrimaryContainer={"Image": "${XGBOOST_US_EAST_1}:1.7-1", "Environment": {"LOG_LEVEL": "\${Level}"}},`,
      ')',
      '',
    ].join('\n');
    assert.deepEqual(exactly(analyzePython(text)), [
      ['unfilled-placeholder', 'warning', text.indexOf('${Level}'), '${Level}'.length, FREE_TEXT_MESSAGE('${Level}', 'PrimaryContainer.Environment.LOG_LEVEL')],
    ]);
  });

  it('Python: an SDK estimator\'s hyperparameters value is a warning, its instance_type (an enum) an error', () => {
    const text = `from sagemaker.estimator import Estimator\nest = Estimator(image_uri="${XGBOOST_US_EAST_1}:1.7-1", role="${ROLE}", instance_count=1, instance_type="ml.\${Size}", hyperparameters={"num_round": "\${Rounds}"})\n`;
    assert.deepEqual(exactly(analyzePython(text)), [
      ['unfilled-placeholder', 'error', text.indexOf('${Size}'), '${Size}'.length, PLACEHOLDER_MESSAGE('${Size}')],
      ['unfilled-placeholder', 'warning', text.indexOf('${Rounds}'), '${Rounds}'.length, FREE_TEXT_MESSAGE('${Rounds}', 'HyperParameters.num_round')],
    ]);
  });
});

describe('templates substitute: they stay as they were', () => {
  it('a CloudFormation template: nothing under !Sub, a plain string\'s value judged as written, a plain image\'s placeholder told to use !Sub', () => {
    const text = yamlTemplate({
      name: 'Model',
      type: 'AWS::SageMaker::Model',
      properties: [
        'ExecutionRoleArn: arn:aws:iam::${AWS::AccountId}:role/SageMakerRole',
        'PrimaryContainer:',
        '  Image: 683313688378.dkr.ecr.${AWS::Region}.amazonaws.com/sagemaker-xgboost:1.7-1',
        '  ModelDataUrl: !Sub s3://${Bucket}/model.tar.gz',
      ],
    }, ['Parameters:', '  Bucket: {Type: String}']);
    // Deployed to one region: the image's account is judged there.
    assert.deepEqual(shown(text, analyzeYaml(text, { region: 'us-east-1' })), [
      ['pattern-mismatch', 'arn:aws:iam::${AWS::AccountId}:role/SageMakerRole', 'ExecutionRoleArn must be an IAM role ARN such as arn:aws:iam::123456789012:role/SageMakerExecutionRole.'],
      ['unfilled-placeholder', '${AWS::Region}', '${AWS::Region} is not filled in: CloudFormation substitutes ${…} only inside Fn::Sub (!Sub), so the value is sent as written. Write the value with !Sub.'],
    ]);
    const subbed = text.replace('ExecutionRoleArn: arn', 'ExecutionRoleArn: !Sub arn').replace('Image: 683313688378', 'Image: !Sub 683313688378');
    assert.deepEqual(analyzeYaml(subbed, { region: 'us-east-1' }), []);
    // `${!Name}` is Fn::Sub's escape: the text `${Name}`, which nothing fills in (found by a fresh user).
    const escaped = subbed.replace('sagemaker-xgboost:1.7-1', 'sagemaker-xgboost:${!Tag}');
    assert.deepEqual(shown(escaped, analyzeYaml(escaped, { region: 'us-east-1' })), [
      ['unfilled-placeholder', '${!Tag}', '${!Tag} is never filled in: inside Fn::Sub it is the escape that writes out the text ${Tag}, and outside Fn::Sub nothing substitutes ${…}, so the value is sent with it. Write ${Tag} inside Fn::Sub (!Sub) to have CloudFormation fill it in, or the value itself.'],
    ]);
  });
});
