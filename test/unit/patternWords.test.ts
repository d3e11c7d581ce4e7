import * as assert from 'node:assert/strict';
import type { Shape, StringShape } from '../../src/core/apiModel/apiModel';
import { constraintPhrases } from '../../src/core/apiModel/describeShape';
import { patternInWords, patternWanted } from '../../src/core/apiModel/patternWords';
import { compilePattern } from '../../src/core/apiModel/patterns';
import { SPEC_KINDS } from '../../src/core/specKind';
import { analyzeText, apiModel, modelSpec, only, textAt, trainingSpec, XGBOOST_US_EAST_1 } from './specTestKit';

const IMAGE = `${XGBOOST_US_EAST_1}:1.7-1`;

/** The string shapes with a pattern that the seven requests can reach. */
function requestPatternShapes(): StringShape[] {
  const seen = new Set<Shape>();
  const found: StringShape[] = [];
  const visit = (shape: Shape): void => {
    if (seen.has(shape)) return;
    seen.add(shape);
    if (shape.type === 'structure') for (const member of shape.members.values()) visit(member);
    else if (shape.type === 'list') visit(shape.member);
    else if (shape.type === 'map') [shape.key, shape.value].forEach(visit);
    else if (shape.type === 'string' && shape.pattern && !shape.enum) found.push(shape);
  };
  for (const kind of SPEC_KINDS) visit(apiModel.inputShape(kind)!);
  return found;
}

/** The pattern-mismatch message on `value` in `text`. */
function messageOn(text: string, value: string, code = 'pattern-mismatch'): string {
  const finding = only(analyzeText(text), code);
  assert.equal(textAt(text, finding), value);
  return finding.message;
}

describe('patterns in words', () => {
  it('says what the common members want, with an example, not the raw pattern', () => {
    const cases: [string, string, string][] = [
      [trainingSpec(IMAGE, { OutputDataConfig: { S3OutputPath: 'bucket/output' } }), 'bucket/output', 'S3OutputPath must be an S3 URI such as s3://bucket/prefix.'],
      [trainingSpec(IMAGE, { TrainingJobName: 'nightly-' }), 'nightly-', 'TrainingJobName must be a name such as my-training-job (letters, digits and hyphens; a letter or digit first and last).'],
      [modelSpec(IMAGE, {}, { ModelName: 'churn-' }), 'churn-', 'ModelName must be a name such as my-model (letters, digits and hyphens; a letter or digit first and last).'],
      [trainingSpec(IMAGE, { RoleArn: 'arn:aws:iam::123456789012:user/ml-user' }), 'arn:aws:iam::123456789012:user/ml-user', 'RoleArn must be an IAM role ARN such as arn:aws:iam::123456789012:role/SageMakerExecutionRole.'],
      [trainingSpec(IMAGE, { OutputDataConfig: { S3OutputPath: 's3://b/o', KmsKeyId: 'alias/my key' } }), 'alias/my key', 'KmsKeyId must be an AWS KMS key such as alias/my-key (a key id, key ARN, alias or alias ARN).'],
      [modelSpec(IMAGE, {}, { VpcConfig: { SecurityGroupIds: ['sg 1'], Subnets: ['subnet-0123456789abcdef0'] } }), 'sg 1', 'SecurityGroupIds item must be a security group id such as sg-0123456789abcdef0.'],
      [modelSpec(IMAGE, {}, { VpcConfig: { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: ['subnet_1'] } }), 'subnet_1', 'Subnets item must be a subnet id such as subnet-0123456789abcdef0.'],
      [modelSpec(IMAGE, { Environment: { '1BAD': 'v' } }), '1BAD', 'A key of Environment must be an environment variable name such as MY_SETTING (letters, digits and underscores; not a digit first).'],
    ];
    for (const [text, value, message] of cases) assert.equal(messageOn(text, value), message);
  });

  it('says what an image reference is where the image rules leave it to the pattern (hover)', () => {
    // In a spec, image values belong to the image rules (invalid-image-reference); the words show in hover.
    assert.equal(patternInWords(apiModel.shape('ContainerImage') as StringShape), 'an image reference such as 123456789012.dkr.ecr.us-east-1.amazonaws.com/my-image:1.0 (no spaces)');
    assert.equal(patternInWords(apiModel.shape('AlgorithmImage') as StringShape), 'an image reference such as 123456789012.dkr.ecr.us-east-1.amazonaws.com/my-image:1.0 (on one line)');
  });

  it('says an instance type in words, with the nearest allowed ones', () => {
    const text = trainingSpec(IMAGE, { ResourceConfig: { InstanceType: 'm5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 } });
    assert.equal(
      messageOn(text, 'm5.xlarge', 'invalid-enum-value'),
      '"m5.xlarge" is not a valid InstanceType: the nearest ML instance types are "ml.m5.xlarge", "ml.c5.xlarge", "ml.g5.xlarge".',
    );
  });

  it('has words for every pattern the requests can fail, and each example matches its pattern', () => {
    // Shown raw (the last resort): patterns nothing but the odd control character fails.
    const raw = requestPatternShapes().filter((shape) => patternWanted(shape) === undefined).map((shape) => shape.name).sort();
    assert.deepEqual(raw, [
      'AthenaCatalog', 'EnvironmentValue', 'HyperParameterTrainingJobEnvironmentValue', 'ProcessingEnvironmentValue', 'TrainingEnvironmentValue', 'TransformEnvironmentValue',
    ]);
    for (const shape of requestPatternShapes()) {
      const example = patternWanted(shape)?.example;
      if (example !== undefined) assert.ok(compilePattern(shape.pattern!)!.test(example), `${shape.name}: ${example}`);
    }
  });

  it('falls back to the raw pattern for a pattern it has no words for', () => {
    const odd: StringShape = { type: 'string', name: 'BatchCode', pattern: '[A-Z]{3}\\d' };
    assert.equal(patternInWords(odd), undefined);
    assert.deepEqual(constraintPhrases(odd), ['whole value matches `[A-Z]{3}\\d`']);
  });

  it('keeps the raw pattern in hover, after the words', () => {
    assert.deepEqual(constraintPhrases(apiModel.shape('S3Uri')), [
      'at most 1024 characters',
      'an S3 URI such as `s3://bucket/prefix` (the whole value matches `(https|s3)://([^/]+)/?(.*)`)',
    ]);
  });
});
