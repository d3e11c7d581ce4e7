import * as assert from 'node:assert/strict';
import { analyzeSpec } from '../../src/core/analyze';
import { analyzeDocument, readPythonDocument } from '../../src/core/hostDocument';
import { parseSpecDocument } from '../../src/core/specDocument';
import { analyzeText, apiModel, applyFix, catalog, codes, instanceGpus, modelSpec, only, textAt, trainingSpec, XGBOOST_US_EAST_1 } from './specTestKit';

const IMAGE = `${XGBOOST_US_EAST_1}:1.7-1`;
const PRIVATE = 'registry.example.com/team/trainer@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const VPC_MODE = { TrainingImageConfig: { TrainingRepositoryAccessMode: 'Vpc' } };

function idFindings(text: string): string[] {
  return analyzeText(text)
    .filter((finding) => finding.code === 'invalid-resource-id')
    .map((finding) => `${textAt(text, finding)} | ${finding.message}`);
}

describe('invalid-resource-id', () => {
  it('reports the placeholders the Add VpcConfig fix leaves, naming the member', () => {
    const text = trainingSpec(PRIVATE, {}, VPC_MODE);
    const fixed = applyFix(text, only(analyzeText(text), 'missing-vpc-config'));
    assert.deepEqual(codes(analyzeText(fixed)), ['invalid-resource-id', 'invalid-resource-id']);
    assert.deepEqual(idFindings(fixed), [
      'sg- | VpcConfig.SecurityGroupIds item "sg-" is a placeholder to complete: use sg- followed by 8 or 17 hexadecimal digits (sg-0123456789abcdef0).',
      'subnet- | VpcConfig.Subnets item "subnet-" is a placeholder to complete: use subnet- followed by 8 or 17 hexadecimal digits (subnet-0123456789abcdef0).',
    ]);
    const finding = analyzeText(fixed).find((candidate) => candidate.code === 'invalid-resource-id')!;
    assert.equal(finding.severity, 'error');
  });

  it('leaves free-form string maps alone: an environment variable or hyperparameter may be named KmsKeyId', () => {
    const text = trainingSpec(IMAGE, { Environment: { KmsKeyId: 'my-key' }, HyperParameters: { VolumeKmsKeyId: 'x' }, ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10, VolumeKmsKeyId: 'my-key' } });
    assert.deepEqual(idFindings(text).map((line) => line.split(' | ')[0]), ['my-key']);
    assert.match(idFindings(text)[0], /ResourceConfig\.VolumeKmsKeyId/);
  });

  it('accepts 8 and 17 hex digits; reports other lengths, uppercase and other prefixes', () => {
    const vpc = (SecurityGroupIds: string[], Subnets: string[]) => trainingSpec(IMAGE, { VpcConfig: { SecurityGroupIds, Subnets } });
    assert.deepEqual(idFindings(vpc(['sg-0a1b2c3d', 'sg-0123456789abcdef0'], ['subnet-1234abcd', 'subnet-0fedcba9876543210'])), []);
    const bad = vpc(['sg-123', 'sg-0123456789ABCDEF0', 'subnet-0123456789abcdef0'], ['subnet-0123456789abcdef01', 'my-subnet']);
    assert.deepEqual(idFindings(bad).map((line) => line.split(' | ')[0]), ['sg-123', 'sg-0123456789ABCDEF0', 'subnet-0123456789abcdef0', 'subnet-0123456789abcdef01', 'my-subnet']);
    assert.match(idFindings(bad)[0], /VpcConfig\.SecurityGroupIds item "sg-123" is not a security group id/);
  });

  it('checks VpcConfig wherever the request has one, and leaves what the API pattern rejects to pattern-mismatch', () => {
    const model = modelSpec(IMAGE, {}, { VpcConfig: { SecurityGroupIds: ['sg-'], Subnets: ['subnet_1'] } });
    assert.deepEqual(codes(analyzeText(model)), ['invalid-resource-id', 'pattern-mismatch']);
    const processing = JSON.stringify({
      ProcessingJobName: 'p',
      RoleArn: 'arn:aws:iam::123456789012:role/r',
      AppSpecification: { ImageUri: IMAGE },
      ProcessingResources: { ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10, VolumeKmsKeyId: 'my-key' } },
      NetworkConfig: { VpcConfig: { SecurityGroupIds: ['sg-0a1b2c3d'], Subnets: ['subnet-'] } },
    });
    // In document order (the API-model walk meets them as they are written).
    assert.deepEqual(idFindings(processing).map((line) => line.split(' | ')[0]), ['my-key', 'subnet-']);
    assert.match(idFindings(processing)[0], /ClusterConfig\.VolumeKmsKeyId "my-key" is not an AWS KMS key: use a key id/);
  });

  it('finds the same ids without the API model loaded, by a walk of its own', () => {
    const processing = JSON.stringify({
      ProcessingJobName: 'p',
      RoleArn: 'arn:aws:iam::123456789012:role/r',
      AppSpecification: { ImageUri: IMAGE },
      ProcessingResources: { ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10, VolumeKmsKeyId: 'my-key' } },
      NetworkConfig: { VpcConfig: { SecurityGroupIds: ['sg-0a1b2c3d', 'sg-'], Subnets: ['subnet-'] } },
    });
    const ids = (withModel: boolean) =>
      analyzeSpec(parseSpecDocument(processing), { catalog, regionInputs: { env: { AWS_REGION: 'us-east-1' } }, ...(withModel ? { apiModel } : {}) })
        .findings.filter((finding) => finding.code === 'invalid-resource-id')
        .map((finding) => `${textAt(processing, finding)} | ${finding.message}`)
        .sort();
    assert.equal(ids(true).length, 3);
    assert.deepEqual(ids(false), ids(true));
  });

  it('accepts the four KMS key forms', () => {
    const withKey = (KmsKeyId: string) => trainingSpec(IMAGE, { OutputDataConfig: { S3OutputPath: 's3://bucket/output', KmsKeyId } });
    for (const key of [
      '1234abcd-12ab-34cd-56ef-1234567890ab',
      'mrk-1234abcd12ab34cd56ef1234567890ab',
      'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      'alias/aws/sagemaker',
      'arn:aws-cn:kms:cn-north-1:123456789012:alias/my-key',
      '',
    ]) {
      assert.deepEqual(idFindings(withKey(key)), [], key);
    }
    for (const key of ['1234abcd', 'arn:aws:kms:us-east-1:123456789012:key/abc', 'key/1234abcd-12ab-34cd-56ef-1234567890ab']) {
      assert.equal(idFindings(withKey(key)).length, 1, key);
    }
  });

  it('never reports a value computed at run time in Python', () => {
    const source = [
      'import boto3',
      'boto3.client("sagemaker").create_model(',
      '    ModelName="m",',
      '    ExecutionRoleArn="arn:aws:iam::123456789012:role/r",',
      `    PrimaryContainer={"Image": "${IMAGE}"},`,
      '    VpcConfig={"SecurityGroupIds": [security_group], "Subnets": ["subnet-"]},',
      ')',
      '',
    ].join('\n');
    const findings = analyzeDocument(readPythonDocument(source), { catalog, apiModel, instanceGpus, regionInputs: { env: {} } }).findings;
    assert.deepEqual(findings.filter((finding) => finding.code === 'invalid-resource-id').map((finding) => source.slice(finding.offset, finding.offset + finding.length)), ['subnet-']);
  });
});
