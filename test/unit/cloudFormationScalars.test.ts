// A number or boolean written where the API member is a string, in a CloudFormation or SAM
// template's SageMaker resource: CloudFormation sends it as a string, so it is no type error; where
// that string is sure (`2024`, `true`) it is judged as the string against enums and patterns, and
// where it is not (`1.0`, a long integer) nothing is said. A state machine's Definition keeps its
// JSON types (Step Functions sees them), so a number there is still invalid-type.
import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { XGBOOST_US_EAST_1 } from './specTestKit';
import { analyzeJsonTemplate, analyzeYaml, applyHostFix, trainingFlowTemplate } from './yamlTestKit';

/** Code, covered text and message of each finding. */
function described(text: string, findings: readonly Finding[]): [string, string, string][] {
  return findings.map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length), finding.message]);
}

/** The trial's model and endpoint config, with `environment` and `variant` lines written in. */
function yamlTemplate(environment: string[], variantName: string, containerLines: string[] = []): string {
  return [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Parameters:',
    '  ExecutionRoleArn: {Type: String}',
    'Resources:',
    '  Model:',
    '    Type: AWS::SageMaker::Model',
    '    Properties:',
    '      ExecutionRoleArn: !Ref ExecutionRoleArn',
    '      PrimaryContainer:',
    `        Image: ${XGBOOST_US_EAST_1}:1.7-1`,
    '        ModelDataUrl: s3://b/model.tar.gz',
    ...containerLines.map((line) => `        ${line}`),
    '        Environment:',
    ...environment.map((line) => `          ${line}`),
    '      Tags:',
    '        - {Key: cost-center, Value: 42}',
    '  Config:',
    '    Type: AWS::SageMaker::EndpointConfig',
    '    Properties:',
    '      ProductionVariants:',
    `        - VariantName: ${variantName}`,
    '          ModelName: !GetAtt Model.ModelName',
    '          InitialInstanceCount: 1',
    '          InstanceType: ml.m5.large',
    '',
  ].join('\n');
}

describe('CloudFormation: numbers and booleans in string members', () => {
  it('accepts the trial\'s YAML template: numbers and booleans in Environment, a tag Value and VariantName', () => {
    const text = yamlTemplate(['SAGEMAKER_MODEL_SERVER_WORKERS: 2', 'SAGEMAKER_ENABLE_METRICS: true', 'SAGEMAKER_CONTAINER_LOG_LEVEL: 20'], '2024');
    assert.deepEqual(analyzeYaml(text), []);
  });

  it('says nothing where the string sent is uncertain: a fraction, an exponent, a long integer, YAML 1.1 spellings', () => {
    const text = yamlTemplate(['A: 1.0', 'B: 0042', 'C: yes', 'D: 123456789012', 'E: True', 'F: 1e3', 'G: -0'], '2024', ['Mode: 1.5']);
    assert.deepEqual(analyzeYaml(text), []);
  });

  it('judges the string sent against an enum, naming it, with the enum\'s fixes', () => {
    const text = yamlTemplate(['WORKERS: 2'], '2024', ['Mode: 1']);
    const findings = analyzeYaml(text);
    assert.deepEqual(described(text, findings), [['invalid-enum-value', '1', '"1" is not a valid Mode: use one of "SingleModel", "MultiModel".']]);
    const booleanMode = yamlTemplate(['WORKERS: 2'], '2024', ['Mode: false']);
    assert.deepEqual(described(booleanMode, analyzeYaml(booleanMode)), [['invalid-enum-value', 'false', '"false" is not a valid Mode: use one of "SingleModel", "MultiModel".']]);
    assert.match(applyHostFix(text, findings[0], 'Use "SingleModel"'), /\n {8}Mode: SingleModel\n/);
  });

  it('judges the string sent against a pattern: VariantName -5 is "-5"', () => {
    const text = yamlTemplate(['WORKERS: 2'], '-5');
    assert.deepEqual(described(text, analyzeYaml(text)), [
      ['pattern-mismatch', '-5', 'ProductionVariants[0].VariantName must be a name such as my-variant (letters, digits and hyphens; a letter or digit first and last).'],
    ]);
  });

  it('accepts a JSON template\'s numbers and booleans, and judges them as strings against enums', () => {
    const template = (mode: unknown) =>
      JSON.stringify(
        {
          Resources: {
            Model: {
              Type: 'AWS::SageMaker::Model',
              Properties: {
                ExecutionRoleArn: { Ref: 'Role' },
                PrimaryContainer: { Image: `${XGBOOST_US_EAST_1}:1.7-1`, Mode: mode, Environment: { WORKERS: 2, METRICS: true, RATIO: 0.5 } },
                Tags: [{ Key: 'cost-center', Value: 42 }],
              },
            },
            Config: { Type: 'AWS::SageMaker::EndpointConfig', Properties: { ProductionVariants: [{ VariantName: 2024, ModelName: 'm', InitialInstanceCount: 1, InstanceType: 'ml.m5.large' }] } },
          },
        },
        null,
        2,
      );
    assert.deepEqual(analyzeJsonTemplate(template('SingleModel')), []);
    const wrong = template(true);
    assert.deepEqual(described(wrong, analyzeJsonTemplate(wrong)), [['invalid-enum-value', 'true', '"true" is not a valid Mode: use one of "SingleModel", "MultiModel".']]);
  });

  it('keeps the types of a state machine Definition in a template: a hyperparameter number is still invalid-type', () => {
    const text = trainingFlowTemplate(
      [
        'TrainingJobName.$: $$.Execution.Name',
        'RoleArn: !GetAtt Role.Arn',
        `AlgorithmSpecification: {TrainingImage: "${XGBOOST_US_EAST_1}:1.7-1", TrainingInputMode: File}`,
        'HyperParameters: {num_round: 100, objective: "binary:logistic"}',
        'OutputDataConfig: {S3OutputPath: s3://bucket/out/}',
        'ResourceConfig: {InstanceType: ml.m5.xlarge, InstanceCount: 1, VolumeSizeInGB: 10}',
        'StoppingCondition: {MaxRuntimeInSeconds: 3600}',
      ],
      { properties: ['RoleArn: !GetAtt Role.Arn'] },
    );
    const findings = analyzeYaml(text);
    assert.deepEqual(
      described(text, findings).filter(([code]) => code === 'invalid-type'),
      [['invalid-type', '100', 'A value of HyperParameters must be a string, not a number.']],
    );
    const typeFinding = findings.find((finding) => finding.code === 'invalid-type')!;
    assert.match(applyHostFix(text, typeFinding), /HyperParameters: \{num_round: "100", objective/);
  });
});
