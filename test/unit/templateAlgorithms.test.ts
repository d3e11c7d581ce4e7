// Built-in algorithm rules for training images built from a template (a state machine's
// DefinitionSubstitutions, a Python f-string, a CloudFormation `!Sub` around a Pipelines body):
// the static repository and tag name the algorithm when the account position is an account that
// serves that repository, or a placeholder; a placeholder in the repository or tag names nothing.
import * as assert from 'node:assert/strict';
import { algorithmOfTemplate } from '../../src/core/algorithms/algorithmJobs';
import type { Finding } from '../../src/core/findings';
import { analyzeDocument, readPythonDocument } from '../../src/core/hostDocument';
import type { TemplatePart } from '../../src/core/requestTree';
import { algorithms, analyzeOptions, catalog, textAt } from './specTestKit';
import { analyzeJsonTemplate, analyzeYaml, applyHostFix, trainingFlowTemplate, yamlTemplate } from './yamlTestKit';

/** Template parts of `text` where each `{name}` is a placeholder (offsets into `text`). */
function parts(text: string): TemplatePart[] {
  const result: TemplatePart[] = [];
  const pattern = /\{[^}]*\}/g;
  let last = 0;
  const pushText = (start: number, end: number) => {
    if (end <= start) return;
    const offsets = Array.from({ length: end - start + 1 }, (_, index) => start + index);
    result.push({ kind: 'text', value: text.slice(start, end), offsets });
  };
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    pushText(last, match.index);
    result.push({ kind: 'placeholder', offset: match.index, length: match[0].length });
    last = match.index + match[0].length;
  }
  pushText(last, text.length);
  return result;
}

/** The facts' label (`XGBoost 1.7-1`, `XGBoost` for every version) for a template, or undefined. */
function algorithmLabel(template: string): string | undefined {
  return algorithmOfTemplate(catalog, algorithms, parts(template))?.label;
}

/** [code, covered text] of the algorithm findings, in order. */
function algorithmFindings(text: string, findings: readonly Finding[]): [string, string][] {
  return findings.filter((finding) => finding.code.startsWith('algorithm-')).map((finding) => [finding.code, textAt(text, finding)]);
}

describe('algorithmOfTemplate: what a template image names', () => {
  it('a static repository and tag with the account and region as placeholders name the algorithm and version', () => {
    assert.equal(algorithmLabel('{account}.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:1.7-1'), 'XGBoost 1.7-1');
    assert.equal(algorithmLabel('{account}.dkr.ecr.{region}.{suffix}/sagemaker-xgboost:1.0-1-cpu-py3'), 'XGBoost 1.0-1');
    // A floating or missing tag: the facts of every version, as for a literal reference.
    assert.equal(algorithmLabel('{account}.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:1'), 'XGBoost');
    assert.equal(algorithmLabel('{account}.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost'), 'XGBoost');
    assert.equal(algorithmLabel('{account}.dkr.ecr.{region}.amazonaws.com/kmeans:1'), 'K-Means');
  });

  it('a static account must serve the repository in some region', () => {
    // us-east-1's and eu-west-1's XGBoost accounts, with the region a placeholder or static.
    assert.equal(algorithmLabel('683313688378.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:1.7-1'), 'XGBoost 1.7-1');
    assert.equal(algorithmLabel('141502667606.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:1.7-1'), 'XGBoost 1.7-1');
    assert.equal(algorithmLabel('683313688378.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1'), 'XGBoost 1.7-1');
    // The Deep Learning Containers' account (an AWS account, not XGBoost's) and a private account.
    assert.equal(algorithmLabel('763104351884.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:1.7-1'), undefined);
    assert.equal(algorithmLabel('111122223333.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:1.7-1'), undefined);
  });

  it('a placeholder in the repository or tag, or a host that is not an ECR host, names nothing', () => {
    for (const template of [
      '{account}.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:{tag}',
      '{account}.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:1.7-{build}',
      '{account}.dkr.ecr.{region}.amazonaws.com/{repository}:1.7-1',
      '{account}.dkr.ecr.{region}.amazonaws.com/sagemaker-{name}:1.7-1',
      '{account}.dkr.ecr.{region}.amazonaws.com/{team}/sagemaker-xgboost:1.7-1',
      '{account}.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost{suffix}',
      '{registry}/sagemaker-xgboost:1.7-1',
      '6833{rest}.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:1.7-1',
      'docker.io/library/sagemaker-xgboost:1.7-1',
      '{uri}',
    ]) {
      assert.equal(algorithmLabel(template), undefined, template);
    }
  });
});

describe('algorithm rules on template training images, through the hosts', () => {
  it('a state machine Definition whose image takes account and region from DefinitionSubstitutions', () => {
    const text = trainingFlowTemplate(
      [
        'TrainingJobName.$: $$.Execution.Name',
        'RoleArn: arn:aws:iam::111122223333:role/SageMaker',
        'AlgorithmSpecification:',
        '  TrainingImage: ${XGBoostAccount}.dkr.ecr.${Region}.amazonaws.com/sagemaker-xgboost:1.7-1',
        '  TrainingInputMode: File',
        'HyperParameters: {objective: "binary:logistc", num_rounds: "100"}',
        'InputDataConfig:',
        '  - ChannelName: train',
        '    ContentType: TEXT/CSV',
        '    DataSource: {S3DataSource: {S3DataType: S3Prefix, S3Uri: "s3://bucket/train/"}}',
        'OutputDataConfig: {S3OutputPath: "s3://bucket/output/"}',
        'ResourceConfig: {InstanceType: ml.m5.xlarge, InstanceCount: 1, VolumeSizeInGB: 10}',
        'StoppingCondition: {MaxRuntimeInSeconds: 3600}',
      ],
      { name: 'TrainingFlow', properties: ['DefinitionSubstitutions:', '  XGBoostAccount: !FindInMap [XGBoostAccount, !Ref AWS::Region, Account]', '  Region: !Ref AWS::Region'] },
    );
    const findings = analyzeYaml(text, { algorithms: true });
    assert.deepEqual(algorithmFindings(text, findings), [
      ['algorithm-invalid-hyperparameter', 'binary:logistc'],
      ['algorithm-unknown-hyperparameter', 'num_rounds'],
      ['algorithm-content-type', 'TEXT/CSV'],
    ]);
    assert.match(findings[1].message, /^"num_rounds" is not a hyperparameter of XGBoost 1\.7-1: .* Did you mean "num_round"\? XGBoost 1\.7-1 needs it\.$/);
    assert.match(findings[2].message, /^XGBoost 1\.7-1 does not accept ContentType "TEXT\/CSV" on channel "train"/);
    // The same definition with the tag a placeholder: the algorithm is unknown, so nothing is said.
    const untagged = text.replace('sagemaker-xgboost:1.7-1', 'sagemaker-xgboost:${Tag}').replace('        Region: !Ref AWS::Region', '        Region: !Ref AWS::Region\n        Tag: "1.7-1"');
    assert.deepEqual(algorithmFindings(untagged, analyzeYaml(untagged, { algorithms: true })), []);
  });

  it('a task whose InstanceType is !Ref Parameter: the algorithm\'s instance rule judges the Default and each AllowedValues item, in its place', () => {
    const text = trainingFlowTemplate(
      [
        'TrainingJobName: ic',
        'RoleArn: arn:aws:iam::123456789012:role/sm',
        'AlgorithmSpecification:',
        '  TrainingImage: 811284229777.dkr.ecr.us-east-1.amazonaws.com/image-classification:1',
        '  TrainingInputMode: File',
        'HyperParameters: { num_classes: "2", num_training_samples: "100" }',
        'InputDataConfig:',
        '  - { ChannelName: train, DataSource: { S3DataSource: { S3DataType: S3Prefix, S3Uri: "s3://b/t" } }, ContentType: application/x-recordio }',
        '  - { ChannelName: validation, DataSource: { S3DataSource: { S3DataType: S3Prefix, S3Uri: "s3://b/v" } }, ContentType: application/x-recordio }',
        'OutputDataConfig: { S3OutputPath: "s3://b/o" }',
        'ResourceConfig: { InstanceType: !Ref TrainType, InstanceCount: 1, VolumeSizeInGB: 10 }',
        'StoppingCondition: { MaxRuntimeInSeconds: 3600 }',
      ],
      { head: ['Parameters:', '  TrainType:', '    Type: String', '    Default: ml.m5.xlarge', '    AllowedValues: [ml.m5.xlarge, ml.p3.2xlarge]'] },
    );
    const found = analyzeYaml(text, { algorithms: true });
    assert.deepEqual(algorithmFindings(text, found), [
      ['algorithm-instance', 'ml.m5.xlarge'],
      ['algorithm-instance', 'ml.m5.xlarge'],
    ]);
    assert.match(found[0].message, /^ml\.m5\.xlarge has no GPU, and Image Classification trains on GPU instances only.*\(Reported on the Default of parameter TrainType\.\)$/);
    assert.match(found[1].message, /\(Reported on an AllowedValues item of parameter TrainType\.\)$/);
    assert.ok(found[1].offset > text.indexOf('AllowedValues'), 'the AllowedValues item, in its place');
    assert.deepEqual(algorithmFindings(text, analyzeYaml(text.replaceAll('ml.m5.xlarge', 'ml.p3.2xlarge'), { algorithms: true })), []);
  });

  it('a boto3 call whose TrainingImage is an f-string with the region a placeholder', () => {
    const text = [
      'import boto3',
      'region = boto3.Session().region_name',
      'sm = boto3.client("sagemaker")',
      'sm.create_training_job(',
      '    TrainingJobName="x", RoleArn="arn:aws:iam::123456789012:role/R",',
      '    AlgorithmSpecification={"TrainingImage": f"683313688378.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:1.7-1", "TrainingInputMode": "File"},',
      '    HyperParameters={"objective": "binary:logistc", "num_rounds": "100"},',
      '    InputDataConfig=[{"ChannelName": "train", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/t"}}}],',
      '    OutputDataConfig={"S3OutputPath": "s3://b/o"},',
      '    ResourceConfig={"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10},',
      '    StoppingCondition={"MaxRuntimeInSeconds": 3600},',
      ')',
      '',
    ].join('\n');
    const analyze = (source: string, region?: string) => analyzeDocument(readPythonDocument(source), analyzeOptions({ algorithms: true, region })).findings;
    const expected = [
      ['algorithm-invalid-hyperparameter', 'binary:logistc'],
      ['algorithm-unknown-hyperparameter', 'num_rounds'],
    ];
    assert.deepEqual(algorithmFindings(text, analyze(text)), expected);
    assert.match(analyze(text)[0].message, /^XGBoost 1\.7-1 hyperparameter "objective": "binary:logistc" is not one of the allowed values/);
    // With a target region the account is judged there too; the algorithm rules stay.
    const inEuWest1 = analyze(text, 'eu-west-1');
    assert.deepEqual(inEuWest1.map((finding) => finding.code)[0], 'registry-account-mismatch');
    assert.deepEqual(algorithmFindings(text, inEuWest1), expected);
    // A private account's image of the same name is not SageMaker's algorithm.
    const privateImage = text.replace('683313688378', '111122223333');
    assert.deepEqual(algorithmFindings(privateImage, analyze(privateImage)), []);
  });

  it('a Pipelines body in a CloudFormation !Sub: ${AWS::Region} in the image no longer hides a missing num_round', () => {
    const template = (image: string) =>
      yamlTemplate(
        {
          name: 'Pipe',
          type: 'AWS::SageMaker::Pipeline',
          properties: [
            'PipelineName: churn',
            'RoleArn: !Ref Role',
            'PipelineDefinition:',
            '  PipelineDefinitionBody: !Sub |',
            '    {"Version": "2020-12-01", "Parameters": [], "Steps": [{"Name": "Train", "Type": "Training", "Arguments": {',
            `      "AlgorithmSpecification": {"TrainingImage": "${image}", "TrainingInputMode": "File"},`,
            '      "HyperParameters": {"objective": "binary:logistic"},',
            '      "RoleArn": "${Role}",',
            '      "OutputDataConfig": {"S3OutputPath": "s3://b/o"},',
            '      "ResourceConfig": {"InstanceCount": 1, "InstanceType": "ml.m5.xlarge", "VolumeSizeInGB": 30},',
            '      "StoppingCondition": {"MaxRuntimeInSeconds": 3600},',
            '      "InputDataConfig": [{"ChannelName": "train", "ContentType": "text/csv", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/t"}}}]',
            '    }}]}',
          ],
        },
        ['Parameters:', '  Role: {Type: String}'],
      );
    const literal = template('683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1');
    const placeholder = template('683313688378.dkr.ecr.${AWS::Region}.amazonaws.com/sagemaker-xgboost:1.7-1');
    for (const text of [literal, placeholder]) {
      const findings = analyzeYaml(text, { algorithms: true }).filter((finding) => finding.code.startsWith('algorithm-'));
      assert.deepEqual(algorithmFindings(text, findings), [['algorithm-missing-hyperparameter', 'HyperParameters']]);
      assert.match(findings[0].message, /^XGBoost 1\.7-1 needs the hyperparameter "num_round" \(an integer in \[1, ∞\)\)/);
    }
  });
});

// Found by a fresh user: a training image written as one `${Name}` that the template fills — a
// parameter's Default through the `!Sub` around a PipelineDefinitionBody or a DefinitionString, a
// state machine's DefinitionSubstitutions — left the algorithm rules silent, although the image
// rules read that image (and the same image written out, or as `!Ref XgbImage`, was judged).
describe('algorithm rules on a training image written as one ${Name} that the template fills', () => {
  const XGBOOST = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
  const KMEANS = '382416733822.dkr.ecr.us-east-1.amazonaws.com/kmeans:1';

  /** [code, covered text, message] of the algorithm findings, in order. */
  function algorithmReport(text: string, inputs: { json?: boolean } = {}): [string, string, string][] {
    const findings = inputs.json ? analyzeJsonTemplate(text, { algorithms: true }) : analyzeYaml(text, { algorithms: true });
    return findings.filter((finding) => finding.code.startsWith('algorithm-')).map((finding) => [finding.code, textAt(text, finding), finding.message]);
  }

  /** `report` with `note` (a deployedAs note) added to each message, as analyze does. */
  function noted(report: [string, string, string][], note: string): [string, string, string][] {
    return report.map(([code, covered, message]) => [code, covered, `${message} (${note}.)`]);
  }

  /**
   * A template of one AWS::SageMaker::Pipeline whose PipelineDefinitionBody is `!Sub |` JSON with
   * an XGBoost step whose TrainingImage is `image`; with `variables`, `!Sub` of a list: the JSON,
   * then that variable map.
   */
  function pipelineTemplate(image: string, parameter: readonly string[], variables?: readonly string[]): string {
    const json = [
      '{"Version": "2020-12-01", "Parameters": [], "Steps": [{"Name": "TrainXGB", "Type": "Training", "Arguments": {',
      `  "AlgorithmSpecification": {"TrainingImage": "${image}", "TrainingInputMode": "File"},`,
      '  "HyperParameters": {"objective": "binary:logisitc", "num_round": "100.0", "eta": "1.5"},',
      '  "RoleArn": "arn:aws:iam::123456789012:role/x",',
      '  "OutputDataConfig": {"S3OutputPath": "s3://b/o/"},',
      '  "ResourceConfig": {"InstanceCount": 1, "InstanceType": "ml.m5.xlarge", "VolumeSizeInGB": 30},',
      '  "StoppingCondition": {"MaxRuntimeInSeconds": 86400},',
      '  "InputDataConfig": [',
      '    {"ChannelName": "train", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/t/"}}, "ContentType": "text/csv"},',
      '    {"ChannelName": "validaton", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/v/"}}, "ContentType": "text/csv"}',
      '  ]',
      '}}]}',
    ];
    const body = variables
      ? ['  PipelineDefinitionBody: !Sub', '    - |', ...json.map((line) => `      ${line}`), ...variables.map((line, index) => `    ${index === 0 ? '- ' : '  '}${line}`)]
      : ['  PipelineDefinitionBody: !Sub |', ...json.map((line) => `    ${line}`)];
    return yamlTemplate(
      {
        name: 'ChurnPipeline',
        type: 'AWS::SageMaker::Pipeline',
        properties: [
          'PipelineName: churn-train',
          'RoleArn: arn:aws:iam::123456789012:role/x',
          'PipelineDefinition:',
          ...body,
        ],
      },
      ['Parameters:', '  TrainImage:', '    Type: String', ...parameter.map((line) => `    ${line}`)],
    );
  }

  it('a PipelineDefinitionBody in !Sub: "${TrainImage}" is the parameter\'s Default, judged as the image written out, in the string', () => {
    const text = pipelineTemplate('${TrainImage}', [`Default: ${XGBOOST}`]);
    const literal = pipelineTemplate(XGBOOST, [`Default: ${XGBOOST}`]);
    const written = algorithmReport(literal);
    assert.deepEqual(
      written.map(([code, covered]) => [code, covered]),
      [
        ['algorithm-invalid-hyperparameter', 'binary:logisitc'],
        ['algorithm-invalid-hyperparameter', '100.0'],
        ['algorithm-invalid-hyperparameter', '1.5'],
        ['algorithm-channel', 'validaton'],
      ],
    );
    const report = algorithmReport(text);
    // The same findings on the same characters of the string: the image, written before them all, is the only text that differs.
    const shift = text.length - literal.length;
    assert.deepEqual(report, noted(written, `\${TrainImage} is parameter TrainImage's default "${XGBOOST}"`));
    const findings = analyzeYaml(text, { algorithms: true }).filter((finding) => finding.code.startsWith('algorithm-'));
    const literalFindings = analyzeYaml(literal, { algorithms: true }).filter((finding) => finding.code.startsWith('algorithm-'));
    assert.deepEqual(
      findings.map((finding) => finding.offset),
      literalFindings.map((finding) => finding.offset + shift),
    );
    assert.match(report[0][2], /^XGBoost 1\.7-1 hyperparameter "objective": "binary:logisitc" is not one of the allowed values/);
    // In a string, as for the image written out: findings, no fixes.
    assert.deepEqual(
      findings.map((finding) => finding.fixes.length),
      [0, 0, 0, 0],
    );
    // The image rules still read the Default, as before (and the algorithm rules read it too: XGBoost of every version for a floating tag).
    const unpinned = analyzeYaml(pipelineTemplate('${TrainImage}', [`Default: ${XGBOOST.replace(':1.7-1', ':1')}`]), { algorithms: true });
    assert.ok(unpinned.some((finding) => finding.code === 'xgboost-unpinned' && finding.message.startsWith("With parameter TrainImage's default")));
  });

  it('a PipelineDefinitionBody in !Sub: no Default, an empty one, or AllowedValues of several algorithms give no guess', () => {
    for (const parameter of [[], ['Default: ""'], [`Default: ${XGBOOST}`, `AllowedValues: [${XGBOOST}, ${KMEANS}]`]]) {
      assert.deepEqual(algorithmReport(pipelineTemplate('${TrainImage}', parameter)), [], parameter.join(' '));
    }
    // AllowedValues that list only the Default leave it the value: judged.
    assert.equal(algorithmReport(pipelineTemplate('${TrainImage}', [`Default: ${XGBOOST}`, `AllowedValues: [${XGBOOST}]`])).length, 4);
    // A Default of another algorithm is judged as that one: K-Means knows none of these hyperparameters.
    const kmeans = algorithmReport(pipelineTemplate('${TrainImage}', [`Default: ${KMEANS}`]));
    assert.ok(kmeans.length > 0 && kmeans.every(([, , message]) => message.includes('K-Means') && message.endsWith(`(\${TrainImage} is parameter TrainImage's default "${KMEANS}".)`)));
  });

  it('a PipelineDefinitionBody in !Sub with a variable map: the map\'s value is the image', () => {
    const report = algorithmReport(pipelineTemplate('${TrainImage}', [], [`TrainImage: ${XGBOOST}`]));
    assert.deepEqual(
      report.map(([code, covered, message]) => [code, covered, message.slice(message.lastIndexOf('('))]),
      ['binary:logisitc', '100.0', '1.5', 'validaton'].map((covered, index) => [index < 3 ? 'algorithm-invalid-hyperparameter' : 'algorithm-channel', covered, `(\${TrainImage} is ${XGBOOST} in the !Sub's variable map.)`]),
    );
  });

  /** A state machine of one XGBoost task whose DefinitionString is `!Sub |` JSON (or plain JSON, `sub` false) with TrainingImage `image`. */
  function definitionStringTemplate(image: string, options: { head?: readonly string[]; properties?: readonly string[]; sub?: boolean } = {}): string {
    return yamlTemplate(
      {
        name: 'SM',
        type: 'AWS::StepFunctions::StateMachine',
        properties: [
          'RoleArn: arn:aws:iam::123456789012:role/x',
          ...(options.properties ?? []),
          `DefinitionString: ${options.sub === false ? '|' : '!Sub |'}`,
          '  {"StartAt": "Train", "States": {"Train": {"Type": "Task",',
          '    "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync",',
          '    "Parameters": {',
          '      "TrainingJobName.$": "$$.Execution.Name",',
          `      "AlgorithmSpecification": {"TrainingImage": "${image}", "TrainingInputMode": "File"},`,
          '      "HyperParameters": {"objective": "binary:logisitc", "num_round": "100.0"},',
          '      "RoleArn": "arn:aws:iam::123456789012:role/x",',
          '      "ResourceConfig": {"InstanceCount": 1, "InstanceType": "ml.m5.xlarge", "VolumeSizeInGB": 30},',
          '      "InputDataConfig": [{"ChannelName": "validaton", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/t/"}}}],',
          '      "OutputDataConfig": {"S3OutputPath": "s3://b/o/"},',
          '      "StoppingCondition": {"MaxRuntimeInSeconds": 3600}},',
          '    "End": true}}}',
        ],
      },
      options.head ?? ['Parameters:', '  XgbImage:', '    Type: String', `    Default: ${XGBOOST}`],
    );
  }

  const STATE_MACHINE_FINDINGS = [
    ['algorithm-invalid-hyperparameter', 'binary:logisitc'],
    ['algorithm-invalid-hyperparameter', '100.0'],
    ['algorithm-channel', 'InputDataConfig'],
    ['algorithm-channel', 'validaton'],
  ];

  it('a DefinitionString in !Sub: "${XgbImage}" is the parameter\'s Default, judged in the string', () => {
    const text = definitionStringTemplate('${XgbImage}');
    const written = algorithmReport(definitionStringTemplate(XGBOOST));
    assert.deepEqual(
      written.map(([code, covered]) => [code, covered]),
      STATE_MACHINE_FINDINGS,
    );
    assert.deepEqual(algorithmReport(text), noted(written, `\${XgbImage} is parameter XgbImage's default "${XGBOOST}"`));
    assert.match(algorithmReport(text)[2][2], /^XGBoost 1\.7-1 needs a "train" channel in InputDataConfig\./);
    // No default: nothing to judge.
    assert.deepEqual(algorithmReport(definitionStringTemplate('${XgbImage}', { head: ['Parameters:', '  XgbImage: {Type: String}'] })), []);
  });

  it('a JSON template\'s DefinitionString in Fn::Sub: the findings land on the escaped string\'s characters', () => {
    const definition = {
      StartAt: 'Train',
      States: {
        Train: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
          Parameters: {
            AlgorithmSpecification: { TrainingImage: '${XgbImage}', TrainingInputMode: 'File' },
            HyperParameters: { objective: 'binary:logisitc', num_round: '100' },
            RoleArn: 'arn:aws:iam::123456789012:role/x',
            ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 30 },
            InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/t/' } } }],
            OutputDataConfig: { S3OutputPath: 's3://b/o/' },
            StoppingCondition: { MaxRuntimeInSeconds: 3600 },
          },
          End: true,
        },
      },
    };
    const text = JSON.stringify(
      {
        Parameters: { XgbImage: { Type: 'String', Default: XGBOOST } },
        Resources: { SM: { Type: 'AWS::StepFunctions::StateMachine', Properties: { RoleArn: 'arn:aws:iam::123456789012:role/x', DefinitionString: { 'Fn::Sub': JSON.stringify(definition) } } } },
      },
      null,
      2,
    );
    assert.deepEqual(algorithmReport(text, { json: true }), [
      ['algorithm-invalid-hyperparameter', 'binary:logisitc', `${algorithmReport(text.replace('${XgbImage}', XGBOOST), { json: true })[0][2]} (\${XgbImage} is parameter XgbImage's default "${XGBOOST}".)`],
    ]);
  });

  it('a DefinitionString with DefinitionSubstitutions (no !Sub): the map\'s value is the image', () => {
    const text = definitionStringTemplate('${XgbImage}', { head: [], properties: ['DefinitionSubstitutions:', `  XgbImage: ${XGBOOST}`], sub: false });
    const written = algorithmReport(definitionStringTemplate(XGBOOST, { head: [], sub: false }));
    assert.deepEqual(algorithmReport(text), noted(written, `\${XgbImage} is ${XGBOOST} in the state machine's DefinitionSubstitutions`));
    assert.equal(written.length, 4);
  });

  /** A state machine whose Definition (YAML) is one XGBoost task with TrainingImage `image` (YAML as written). */
  function definitionTemplate(image: string, options: { head?: readonly string[]; properties?: readonly string[] } = {}): string {
    return trainingFlowTemplate(
      [
        'TrainingJobName.$: $$.Execution.Name',
        'AlgorithmSpecification:',
        `  TrainingImage: ${image}`,
        '  TrainingInputMode: File',
        'HyperParameters:',
        '  objective: "binary:logisitc"',
        '  num_round: "100.0"',
        'RoleArn: arn:aws:iam::123456789012:role/x',
        'ResourceConfig: {InstanceCount: 1, InstanceType: ml.m5.xlarge, VolumeSizeInGB: 30}',
        'InputDataConfig:',
        '  - ChannelName: validaton',
        '    DataSource: {S3DataSource: {S3DataType: S3Prefix, S3Uri: s3://b/t/}}',
        'OutputDataConfig: {S3OutputPath: s3://b/o/}',
        'StoppingCondition: {MaxRuntimeInSeconds: 3600}',
      ],
      { name: 'SM', properties: ['RoleArn: arn:aws:iam::123456789012:role/x', ...(options.properties ?? [])], head: options.head },
    );
  }

  it('a Definition with "${XgbImage}" and a literal in DefinitionSubstitutions: judged as the image written out, with its fixes', () => {
    const map = ['DefinitionSubstitutions:', `  XgbImage: ${XGBOOST}`];
    const text = definitionTemplate('"${XgbImage}"', { properties: map });
    const literal = definitionTemplate(XGBOOST, { properties: map });
    const written = algorithmReport(literal);
    assert.deepEqual(
      written.map(([code, covered]) => [code, covered]),
      [
        ['algorithm-invalid-hyperparameter', 'binary:logisitc'],
        ['algorithm-invalid-hyperparameter', '100.0'],
        ['algorithm-channel', 'InputDataConfig'],
        ['algorithm-channel', 'validaton'],
      ],
    );
    assert.deepEqual(algorithmReport(text), noted(written, `\${XgbImage} is ${XGBOOST} in the state machine's DefinitionSubstitutions`));
    // Out of a string, the fixes the image written out gets, applied in the Definition.
    const findings = analyzeYaml(text, { algorithms: true }).filter((finding) => finding.code.startsWith('algorithm-'));
    const literalFindings = analyzeYaml(literal, { algorithms: true }).filter((finding) => finding.code.startsWith('algorithm-'));
    assert.deepEqual(
      findings.map((finding) => finding.fixes.map((fix) => fix.title)),
      literalFindings.map((finding) => finding.fixes.map((fix) => fix.title)),
    );
    assert.ok(findings[0].fixes.length > 0);
    assert.ok(applyHostFix(text, findings[0]).includes('objective: "binary:logistic"'));
    // The same task read through `!Ref XgbImage` gives the same findings, saying where the image came from.
    assert.deepEqual(
      algorithmReport(definitionTemplate('!Ref XgbImage', { head: ['Parameters:', '  XgbImage:', '    Type: String', `    Default: ${XGBOOST}`] })),
      noted(written, `The image is parameter XgbImage's default "${XGBOOST}"`),
    );
  });

  it('through `!Ref XgbImage`, a finding on the image itself says where it came from once (its own prefix), the algorithm findings in a note', () => {
    const latest = XGBOOST.replace(':1.7-1', ':latest');
    const text = definitionTemplate('!Ref XgbImage', { head: ['Parameters:', '  XgbImage:', '    Type: String', `    Default: ${latest}`] });
    const findings = analyzeYaml(text, { algorithms: true });
    const unpinned = findings.find((finding) => finding.code === 'xgboost-unpinned');
    assert.match(unpinned?.message ?? '', /^With parameter XgbImage's default "[^"]+:latest": ":latest" does not pin an XGBoost version/);
    assert.doesNotMatch(unpinned!.message, /The image is/);
    const channel = findings.find((finding) => finding.code === 'algorithm-channel' && textAt(text, finding) === 'validaton');
    assert.match(channel?.message ?? '', /\(The image is parameter XgbImage's default "[^"]+:latest"\.\)$/);
  });

  it('a Definition whose DefinitionSubstitutions value is !Ref Parameter or !Sub: read through the template; no default, no guess', () => {
    const head = ['Parameters:', '  TrainImage:', '    Type: String', `    Default: ${XGBOOST}`];
    const throughRef = algorithmReport(definitionTemplate('"${XgbImage}"', { head, properties: ['DefinitionSubstitutions:', '  XgbImage: !Ref TrainImage'] }));
    assert.equal(throughRef.length, 4);
    assert.ok(throughRef.every(([, , message]) => message.endsWith(`(\${XgbImage} is parameter TrainImage's default "${XGBOOST}", through the state machine's DefinitionSubstitutions.)`)));
    const sub = '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/sagemaker-xgboost:1.7-1';
    const throughSub = algorithmReport(definitionTemplate('"${XgbImage}"', { properties: ['DefinitionSubstitutions:', `  XgbImage: !Sub "${sub}"`] }));
    assert.equal(throughSub.length, 4);
    assert.ok(throughSub[0][2].endsWith(`(\${XgbImage} is ${sub} in the state machine's DefinitionSubstitutions.)`));
    // A parameter without a default, or with other allowed values, and a tag left to a placeholder: nothing named, nothing judged.
    for (const [parameter, value] of [
      [['Parameters:', '  TrainImage: {Type: String}'], '!Ref TrainImage'],
      [[...head, `    AllowedValues: [${XGBOOST}, ${KMEANS}]`], '!Ref TrainImage'],
      [[], '!Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/sagemaker-xgboost:${AWS::StackName}"'],
    ] as const) {
      assert.deepEqual(algorithmReport(definitionTemplate('"${XgbImage}"', { head: parameter, properties: ['DefinitionSubstitutions:', `  XgbImage: ${value}`] })), [], value);
    }
  });
});
