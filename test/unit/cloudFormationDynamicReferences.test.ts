// CloudFormation dynamic references (`{{resolve:ssm:…}}`, `{{resolve:secretsmanager:…}}`) are
// filled in at deployment: never judged as written, whole or inside a string, while the static
// text around one is still checked (a fresh user's correct template reported three errors).
import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { analyzeJsonTemplate, analyzeYaml } from './yamlTestKit';

/** The text each finding covers, by code. */
function covered(text: string, findings: readonly Finding[]): [string, string][] {
  return findings.map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length)]);
}

const template = (role: string, image: string, instanceType: string) => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Model:
    Type: AWS::SageMaker::Model
    Properties:
      ExecutionRoleArn: "${role}"
      PrimaryContainer:
        Image: "${image}"
  Config:
    Type: AWS::SageMaker::EndpointConfig
    Properties:
      ProductionVariants:
        - VariantName: v
          ModelName: !GetAtt Model.ModelName
          InstanceType: "${instanceType}"
          InitialInstanceCount: 1
`;

describe('CloudFormation dynamic references', () => {
  it('never judges a whole value that is a dynamic reference', () => {
    const text = template('{{resolve:ssm:/ml/role-arn}}', '{{resolve:ssm:/ml/image-uri:3}}', '{{resolve:secretsmanager:ml:SecretString:instance}}');
    assert.deepEqual(covered(text, analyzeYaml(text)), []);
  });

  it('checks the static text around a reference inside a string, and not the reference', () => {
    const text = template(
      'arn:aws:iam::{{resolve:ssm:/ml/account}}:role/SageMaker',
      '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:{{resolve:ssm:/ml/xgboost-tag}}',
      'ml.m5.large',
    );
    assert.deepEqual(covered(text, analyzeYaml(text)), []);
    const latest = template('{{resolve:ssm:/ml/role-arn}}', '{{resolve:ssm:/ml/registry}}/sagemaker-xgboost:latest', 'ml.m5.large');
    assert.deepEqual(covered(latest, analyzeYaml(latest)).map(([code, at]) => [code, at]), [['xgboost-unpinned', 'latest']]);
  });

  it('holds inside Fn::Sub and Fn::Join, in a JSON template', () => {
    const json = JSON.stringify(
      {
        Resources: {
          Model: {
            Type: 'AWS::SageMaker::Model',
            Properties: {
              ExecutionRoleArn: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/{{resolve:ssm:/ml/role}}' },
              PrimaryContainer: { Image: { 'Fn::Join': ['', ['{{resolve:ssm:/ml/registry}}', '/my-model:latest']] } },
            },
          },
        },
      },
      null,
      2,
    );
    assert.deepEqual(covered(json, analyzeJsonTemplate(json)).map(([code]) => code), ['latest-tag']);
  });
});
