// A template's model monitoring resources (AWS::SageMaker::MonitoringSchedule and the four job
// definitions): their images get the image rules — through Mappings rows, !Sub and parameter
// defaults, as the other resources' — and nothing else is judged (their requests are none of ours).
import * as assert from 'node:assert/strict';
import { readYamlDocument } from '../../src/core/hostDocument';
import { codes, only, textAt } from './specTestKit';
import { analyzeJsonTemplate, analyzeYaml, applyHostFix, completeYaml } from './yamlTestKit';

const DIGEST = '@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

/** A schedule reading its image from `ModelAnalyzerMap` by region, with `rows` (region → image). */
function scheduleTemplate(rows: Record<string, string>): string {
  return [
    'Mappings:',
    '  ModelAnalyzerMap:',
    ...Object.entries(rows).flatMap(([region, image]) => [`    ${region}:`, `      ImageUri: ${image}`]),
    'Resources:',
    '  Schedule:',
    '    Type: AWS::SageMaker::MonitoringSchedule',
    '    Properties:',
    '      MonitoringScheduleName: s',
    '      MonitoringScheduleConfig:',
    '        MonitoringJobDefinition:',
    '          MonitoringAppSpecification:',
    '            ImageUri: !FindInMap [ModelAnalyzerMap, !Ref "AWS::Region", ImageUri]',
    '          MonitoringInputs:',
    '            - EndpointInput: {EndpointName: e, LocalPath: /opt/ml/processing/input}',
    '          MonitoringOutputConfig:',
    '            MonitoringOutputs:',
    '              - S3Output: {S3Uri: s3://b/o, LocalPath: /opt/ml/processing/output}',
    '          MonitoringResources:',
    '            ClusterConfig: {InstanceCount: 1, InstanceType: ml.m5.large, VolumeSizeInGB: 30}',
    '          RoleArn: arn:aws:iam::123456789012:role/r',
    '',
  ].join('\n');
}

// aws-samples/amazon-sagemaker-safe-deployment-pipeline's rows, cut down: ca-central-1's account
// on an eu-central-1 host, and cn-north-1 without the China suffix.
const CA_ROW = '536280801234.dkr.ecr.eu-central-1.amazonaws.com/sagemaker-model-monitor-analyzer:latest';
const CN_ROW = '453000072557.dkr.ecr.cn-north-1.amazonaws.com/sagemaker-model-monitor-analyzer:latest';

describe('CloudFormation model monitoring resources', () => {
  it('a schedule\'s Mappings rows get the image rules, each in its row\'s region', () => {
    const text = scheduleTemplate({ 'ca-central-1': CA_ROW, 'cn-north-1': CN_ROW });
    const findings = analyzeYaml(text);
    assert.deepEqual(
      findings.map((finding) => [finding.code, textAt(text, finding)]),
      [
        ['image-region-mismatch', 'eu-central-1'],
        ['latest-tag', 'latest'],
        ['unknown-region', 'amazonaws.com'],
        ['latest-tag', 'latest'],
      ],
    );
    // Both on the rows (lines 4 and 6), not on the schedule's !FindInMap.
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
    assert.deepEqual(findings.map((finding) => lineOf(finding.offset)), [4, 4, 6, 6]);
    const mismatch = only(findings, 'image-region-mismatch');
    assert.equal(mismatch.message, "The image is in eu-central-1, but the target region is ca-central-1 (from mapping ModelAnalyzerMap's row for ca-central-1); SageMaker pulls images from its own region.");
    assert.equal(applyHostFix(text, mismatch), text.replace(CA_ROW, CA_ROW.replace('eu-central-1', 'ca-central-1')));
    const suffix = only(findings, 'unknown-region');
    assert.equal(suffix.message, 'Amazon ECR hosts in cn-north-1 end in "amazonaws.com.cn", not "amazonaws.com".');
    assert.equal(applyHostFix(text, suffix), text.replace(CN_ROW, CN_ROW.replace('amazonaws.com', 'amazonaws.com.cn')));
  });

  it('a row\'s account is checked against the catalog (the sample\'s us-east-2 row has eu-west-3\'s account)', () => {
    const text = scheduleTemplate({ 'us-east-2': `680080141114.dkr.ecr.us-east-2.amazonaws.com/sagemaker-model-monitor-analyzer${DIGEST}` });
    const finding = only(analyzeYaml(text), 'registry-account-mismatch');
    assert.equal(textAt(text, finding), '680080141114');
    assert.equal(finding.message, 'In us-east-2, SageMaker serves "sagemaker-model-monitor-analyzer" from account 777275614652, not 680080141114.');
  });

  it('the template\'s listed regions: a region the table has no row for is mapping-missing-region', () => {
    const text = scheduleTemplate({ 'us-east-1': `156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer${DIGEST}` });
    const finding = only(analyzeYaml(text, { templateRegions: ['us-east-1', 'eu-west-1'] }), 'mapping-missing-region');
    assert.equal(textAt(text, finding), 'ModelAnalyzerMap');
  });

  it('a correct monitoring template gives nothing: rows, a Clarify !Sub with an account table, a schedule naming its job definition', () => {
    const text = [
      'Mappings:',
      '  ModelAnalyzerMap:',
      '    us-east-1:',
      `      ImageUri: 156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer${DIGEST}`,
      '    cn-north-1:',
      `      ImageUri: 453000072557.dkr.ecr.cn-north-1.amazonaws.com.cn/sagemaker-model-monitor-analyzer${DIGEST}`,
      '  ClarifyAccounts:',
      '    us-east-1: {Account: "205585389593"}',
      '    eu-west-1: {Account: "131013547314"}',
      'Resources:',
      '  Schedule:',
      '    Type: AWS::SageMaker::MonitoringSchedule',
      '    Properties:',
      '      MonitoringScheduleName: s',
      '      MonitoringScheduleConfig:',
      '        MonitoringJobDefinition:',
      '          MonitoringAppSpecification:',
      '            ImageUri: !FindInMap [ModelAnalyzerMap, !Ref "AWS::Region", ImageUri]',
      '          RoleArn: arn:aws:iam::123456789012:role/r',
      '  Bias:',
      '    Type: AWS::SageMaker::ModelBiasJobDefinition',
      '    Properties:',
      '      ModelBiasAppSpecification:',
      '        ImageUri: !Sub',
      '          - "${Account}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/sagemaker-clarify-processing:1.0"',
      '          - Account: !FindInMap [ClarifyAccounts, !Ref "AWS::Region", Account]',
      '        ConfigUri: s3://b/analysis_config.json',
      '  ByName:',
      '    Type: AWS::SageMaker::MonitoringSchedule',
      '    Properties:',
      '      MonitoringScheduleName: n',
      '      MonitoringScheduleConfig:',
      '        MonitoringJobDefinitionName: !GetAtt Bias.JobDefinitionName',
      '        MonitoringType: ModelBias',
      '',
    ].join('\n');
    assert.deepEqual(codes(analyzeYaml(text)), []);
    // Images only: no request of a kind, and nothing yielded for the schedule without an image.
    const requests = readYamlDocument(text).requests;
    assert.deepEqual(requests.map((request) => [request.kind, request.imagesOnly, request.images.map((image) => image.usage)]), [
      [undefined, true, ['processing']],
      [undefined, true, ['processing']],
      [undefined, true, ['processing']],
      [undefined, true, ['processing']],
    ]);
  });

  it('each job definition\'s image (JSON): a parameter default\'s tag, a wrong account, a mistyped Clarify tag', () => {
    const text = JSON.stringify({
      Parameters: { AnalyzerTag: { Type: 'String', Default: 'latest' } },
      Resources: {
        DataQuality: {
          Type: 'AWS::SageMaker::DataQualityJobDefinition',
          Properties: { DataQualityAppSpecification: { ImageUri: { 'Fn::Sub': '156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer:${AnalyzerTag}' } } },
        },
        ModelQuality: {
          Type: 'AWS::SageMaker::ModelQualityJobDefinition',
          Properties: { ModelQualityAppSpecification: { ImageUri: `159807026194.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer${DIGEST}`, ProblemType: 'NotAType' } },
        },
        Explainability: {
          Type: 'AWS::SageMaker::ModelExplainabilityJobDefinition',
          Properties: { ModelExplainabilityAppSpecification: { ImageUri: '205585389593.dkr.ecr.us-east-1.amazonaws.com/sagemaker-clarify-processing:1.O', ConfigUri: 's3://b/c.json' }, Unknown: 1 },
        },
      },
    }, null, 2);
    const findings = analyzeJsonTemplate(text);
    assert.deepEqual(findings.map((finding) => [finding.code, textAt(text, finding)]), [
      ['latest-tag', '${AnalyzerTag}'],
      ['registry-account-mismatch', '159807026194'],
      ['unknown-image-tag', '1.O'],
    ]);
    assert.match(only(findings, 'latest-tag').message, /^With parameter AnalyzerTag's default "latest": /);
    assert.equal(only(findings, 'registry-account-mismatch').message, 'In us-east-1, SageMaker serves "sagemaker-model-monitor-analyzer" from account 156813124566, not 159807026194.');
  });

  it('each side of Fn::If is checked', () => {
    const text = [
      'Conditions:',
      '  China: !Equals [!Ref "AWS::Partition", aws-cn]',
      'Resources:',
      '  DataQuality:',
      '    Type: AWS::SageMaker::DataQualityJobDefinition',
      '    Properties:',
      '      DataQualityAppSpecification:',
      '        ImageUri: !If',
      '          - China',
      `          - 453000072557.dkr.ecr.cn-north-1.amazonaws.com/sagemaker-model-monitor-analyzer${DIGEST}`,
      `          - 156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer${DIGEST}`,
      '',
    ].join('\n');
    const finding = only(analyzeYaml(text), 'unknown-region');
    assert.equal(textAt(text, finding), 'amazonaws.com');
  });
});

describe('CloudFormation model monitoring resources: image completion (fresh-user trial: offered the built-in algorithms)', () => {
  function labels(type: string, appSpecification: string): string[] {
    const text = `Resources:\n  Def:\n    Type: AWS::SageMaker::${type}\n    Properties:\n      ${appSpecification}:\n        ImageUri: "|"\n`;
    return completeYaml(text)?.items.map((item) => item.label) ?? [];
  }

  it('offers Model Monitor\'s image for data and model quality, Clarify\'s for bias and explainability', () => {
    assert.deepEqual(labels('DataQualityJobDefinition', 'DataQualityAppSpecification'), ['sagemaker-model-monitor-analyzer']);
    assert.deepEqual(labels('ModelQualityJobDefinition', 'ModelQualityAppSpecification'), ['sagemaker-model-monitor-analyzer']);
    assert.deepEqual(labels('ModelBiasJobDefinition', 'ModelBiasAppSpecification'), ['sagemaker-clarify-processing:1.0']);
    assert.deepEqual(labels('ModelExplainabilityJobDefinition', 'ModelExplainabilityAppSpecification'), ['sagemaker-clarify-processing:1.0']);
  });

  it('a schedule\'s job gets the image of its MonitoringType (DataQuality when absent), both when it is not written out', () => {
    const schedule = (monitoringType: string) =>
      `Resources:\n  S:\n    Type: AWS::SageMaker::MonitoringSchedule\n    Properties:\n      MonitoringScheduleConfig:\n${monitoringType}        MonitoringJobDefinition:\n          MonitoringAppSpecification:\n            ImageUri: "|"\n`;
    const labelsOf = (monitoringType: string) => completeYaml(schedule(monitoringType))?.items.map((item) => item.label);
    assert.deepEqual(labelsOf(''), ['sagemaker-model-monitor-analyzer']);
    assert.deepEqual(labelsOf('        MonitoringType: ModelExplainability\n'), ['sagemaker-clarify-processing:1.0']);
    assert.deepEqual(labelsOf('        MonitoringType: !Ref Kind\n')?.sort(), ['sagemaker-clarify-processing:1.0', 'sagemaker-model-monitor-analyzer']);
  });

  it('after a SageMaker registry host, only those repositories', () => {
    const text = 'Resources:\n  Def:\n    Type: AWS::SageMaker::DataQualityJobDefinition\n    Properties:\n      DataQualityAppSpecification:\n        ImageUri: "156813124566.dkr.ecr.us-east-1.amazonaws.com/|"\n';
    assert.deepEqual(completeYaml(text)?.items.map((item) => item.label), ['sagemaker-model-monitor-analyzer']);
  });
});
