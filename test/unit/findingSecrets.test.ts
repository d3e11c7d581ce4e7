/**
 * Findings never echo what looks like a credential: a message that quotes the spec's text has AWS
 * access key ids, secret keys and tokens scrubbed (README, Privacy), in every host and rule,
 * since analyzeDocument (the editor's and the checker's one entry point) scrubs them.
 */
import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { analyzeDocument, readJsonDocument, readPythonDocument, readYamlDocument } from '../../src/core/hostDocument';
import { removeTempProjects, runCli, tempProject } from './cliTestKit';
import { analyzeOptions, only, textAt, XGBOOST_US_EAST_1 } from './specTestKit';

const ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SESSION_KEY_ID = 'ASIAIOSFODNN7EXAMPLE';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

const MODEL = JSON.stringify(
  {
    ModelName: 'm',
    ExecutionRoleArn: 'arn:aws:iam::111122223333:role/R',
    PrimaryContainer: { Image: `${XGBOOST_US_EAST_1}:1.7-1` },
    VpcConfig: { SecurityGroupIds: [ACCESS_KEY_ID], Subnets: ['subnet-12345678'] },
    Tags: [{ Key: 'team', Value: 'ml', [SESSION_KEY_ID]: 1 }],
  },
  null,
  2,
);

const TRAINING_YAML = [
  'TrainingJobName: t',
  'RoleArn: arn:aws:iam::111122223333:role/R',
  'AlgorithmSpecification:',
  `  TrainingImage: ${XGBOOST_US_EAST_1}:1.7-1`,
  '  TrainingInputMode: File',
  'HyperParameters:',
  '  num_round: "10"',
  `  ${ACCESS_KEY_ID}: "1"`,
  'OutputDataConfig: {S3OutputPath: s3://b/o}',
  `ResourceConfig: {InstanceType: ${SECRET_KEY}, InstanceCount: 1, VolumeSizeInGB: 10}`,
  'StoppingCondition: {MaxRuntimeInSeconds: 3600}',
  '',
].join('\n');

function messages(findings: Finding[]): string {
  return findings.map((finding) => finding.message).join('\n');
}

describe('finding messages: credentials are scrubbed', () => {
  after(removeTempProjects);

  it('invalid-resource-id and unknown-property quote an access key id only as "AKIA…"/"ASIA…"', () => {
    const findings = analyzeDocument(readJsonDocument(MODEL), analyzeOptions()).findings;
    const securityGroup = only(findings, 'invalid-resource-id');
    // The range still points at the value itself: only the message is scrubbed.
    assert.equal(textAt(MODEL, securityGroup), ACCESS_KEY_ID);
    assert.equal(securityGroup.message, 'VpcConfig.SecurityGroupIds item "AKIA…" is not a security group id: use sg- followed by 8 or 17 hexadecimal digits (sg-0123456789abcdef0).');
    const member = only(findings, 'unknown-property');
    assert.equal(textAt(MODEL, member), SESSION_KEY_ID);
    assert.equal(member.message, '"ASIA…" is not a member of an item of "Tags".');
  });

  it('a YAML hyperparameter name and an enum value: the key id and the secret key are scrubbed', () => {
    const findings = analyzeDocument(readYamlDocument(TRAINING_YAML), analyzeOptions({ algorithms: true })).findings;
    assert.match(only(findings, 'algorithm-unknown-hyperparameter').message, /^"AKIA…" is not a hyperparameter of XGBoost 1\.7-1: /);
    const instanceType = only(findings, 'invalid-enum-value');
    assert.equal(textAt(TRAINING_YAML, instanceType), SECRET_KEY);
    assert.match(instanceType.message, /^"…" is not a valid InstanceType: /);
    assert.doesNotMatch(messages(findings), /IOSFODNN7|bPxRfiCY/);
  });

  it('a boto3 call in Python: the same rule, the same scrubbing', () => {
    const text = [
      'import boto3',
      "sm = boto3.client('sagemaker', region_name='us-east-1')",
      `sm.create_model(ModelName='m', ExecutionRoleArn='arn:aws:iam::111122223333:role/R', PrimaryContainer={'Image': '${XGBOOST_US_EAST_1}:1.7-1'}, VpcConfig={'SecurityGroupIds': ['${ACCESS_KEY_ID}'], 'Subnets': ['subnet-12345678']})`,
      '',
    ].join('\n');
    const finding = only(analyzeDocument(readPythonDocument(text), analyzeOptions()).findings, 'invalid-resource-id');
    assert.equal(textAt(text, finding), ACCESS_KEY_ID);
    assert.match(finding.message, /item "AKIA…" is not a security group id/);
  });

  it('messages without credentials are left as they were', () => {
    const text = MODEL.replace(ACCESS_KEY_ID, 'sg-12').replace(SESSION_KEY_ID, 'Owner');
    const findings = analyzeDocument(readJsonDocument(text), analyzeOptions()).findings;
    assert.match(only(findings, 'invalid-resource-id').message, /item "sg-12" is not a security group id/);
    assert.equal(only(findings, 'unknown-property').message, '"Owner" is not a member of an item of "Tags".');
  });

  it('the checker prints no key in stylish, JSON or SARIF output', () => {
    const root = tempProject({ 'model.sagemaker.json': MODEL, 'train.sagemaker.yaml': TRAINING_YAML });
    for (const format of ['stylish', 'json', 'sarif']) {
      const run = runCli(['check', '--format', format, '.'], { cwd: root });
      assert.equal(run.status, 1, format);
      assert.match(run.stdout, /AKIA…/, format);
      assert.doesNotMatch(run.stdout, /AKIAIOSFODNN7EXAMPLE|ASIAIOSFODNN7EXAMPLE|bPxRfiCYEXAMPLEKEY/, format);
    }
  });
});
