// A state machine's DefinitionString (or a pipeline's PipelineDefinitionBody) built with
// Fn::Join, as the AWS CDK synthesizes every definition that holds a token: the literal items are
// the JSON text, each other item a value CloudFormation fills in (dynamic), an item Fn::Sub its
// string with its own placeholders. Findings land on the template's characters; no fixes (the
// text is inside template strings), but on a mapping row an image's account is read from (outside
// the string: found by a fresh user, as for a model resource's image).
import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { readJsonDocument, readYamlDocument, requestAt } from '../../src/core/hostDocument';
import { hoverAt } from '../../src/core/hover';
import type { RequestNode } from '../../src/core/requestTree';
import { memberValue } from '../../src/core/jsonTree';
import { catalog, XGBOOST_US_EAST_1 } from './specTestKit';
import { analyzeJsonTemplate, analyzeYaml, applyHostFix } from './yamlTestKit';

/** The text each finding covers, by code. */
function covered(text: string, findings: readonly Finding[]): [string, string][] {
  return findings.map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length)]);
}

/** The training image's account as the CDK writes `CfnMapping.findInMap(Aws.REGION, 'account')`. */
const XGBOOST_ACCOUNT_ITEM = { 'Fn::FindInMap': ['XgboostAccountMap', { Ref: 'AWS::Region' }, 'account'] };

/**
 * A template as `cdk synth` writes one for a state machine with a training task and a model task:
 * the definition is an Fn::Join of JSON text and Ref / Fn::GetAtt / Fn::FindInMap items; the
 * training image's account (`account`) read from the CfnMapping XgboostAccountMap (`rows`) by default.
 */
function cdkTemplate(options: { tag?: string; instanceType?: string; account?: unknown; rows?: Record<string, string>; metadata?: boolean } = {}): string {
  const items = [
    '{"StartAt":"Train model","States":{"Train model":{"Next":"Create model","Type":"Task","ResultPath":"$.training","Resource":"arn:',
    { Ref: 'AWS::Partition' },
    ':states:::sagemaker:createTrainingJob.sync","Parameters":{"TrainingJobName.$":"$$.Execution.Name","RoleArn":"',
    { 'Fn::GetAtt': ['TrainRoleDFEA40B5', 'Arn'] },
    '","AlgorithmSpecification":{"TrainingInputMode":"File","TrainingImage":"',
    options.account ?? XGBOOST_ACCOUNT_ITEM,
    '.dkr.ecr.',
    { Ref: 'AWS::Region' },
    '.',
    { Ref: 'AWS::URLSuffix' },
    `/sagemaker-xgboost:${options.tag ?? '1.7-1'}"},"InputDataConfig":[{"ChannelName":"train","DataSource":{"S3DataSource":{"S3Uri":"s3://`,
    { Ref: 'Bucket83908E77' },
    '/processed/","S3DataType":"S3Prefix"}}}],"OutputDataConfig":{"S3OutputPath":"s3://',
    { Ref: 'Bucket83908E77' },
    `/model/"},"ResourceConfig":{"VolumeSizeInGB":50,"InstanceCount":1,"InstanceType":"${options.instanceType ?? 'ml.m5.xlarge'}"},"StoppingCondition":{"MaxRuntimeInSeconds":3600},"HyperParameters":{"num_round":"100","objective":"binary:logistic"}}},"Create model":{"End":true,"Type":"Task","Resource":"arn:`,
    { Ref: 'AWS::Partition' },
    ':states:::sagemaker:createModel","Parameters":{"ExecutionRoleArn":"',
    { 'Fn::GetAtt': ['ModelRole842D47F8', 'Arn'] },
    '","ModelName.$":"$.training.TrainingJobName","PrimaryContainer":{"Image":"',
    { 'Fn::FindInMap': ['DeepLearningImagesMapping', { Ref: 'AWS::Region' }, 'accountId'] },
    '.dkr.ecr.',
    { Ref: 'AWS::Region' },
    '.',
    { Ref: 'AWS::URLSuffix' },
    '/pytorch-inference:2.5.1-cpu-py311","ModelDataUrl.$":"$.training.ModelArtifacts.S3ModelArtifacts"}}}}}',
  ];
  const rows = options.rows ?? { 'us-east-1': '683313688378', 'eu-west-1': '141502667606' };
  const template = {
    Mappings: { XgboostAccountMap: Object.fromEntries(Object.entries(rows).map(([region, account]) => [region, { account }])) },
    Resources: {
      StateMachine2E01A3A5: {
        Type: 'AWS::StepFunctions::StateMachine',
        Properties: { RoleArn: { 'Fn::GetAtt': ['StateMachineRoleB840431D', 'Arn'] }, DefinitionString: { 'Fn::Join': ['', items] } },
        DependsOn: ['StateMachineRoleB840431D'],
        ...(options.metadata !== false && { Metadata: { 'aws:cdk:path': 'MlStack/TrainFlow/Resource' } }),
      },
    },
  };
  return JSON.stringify(template, null, 1);
}

describe('CloudFormation: a DefinitionString built with Fn::Join (the AWS CDK\'s output)', () => {
  it('yields each SageMaker task of the joined definition, its computed items dynamic', () => {
    const text = cdkTemplate();
    const requests = readJsonDocument(text).requests;
    assert.deepEqual(
      requests.map((request) => [request.kind, request.embedding?.name, request.inString]),
      [
        ['CreateTrainingJob', 'Train model', true],
        ['CreateModel', 'Create model', true],
      ],
    );
    const training = requests[0].root!;
    // Fn::GetAtt in a string's place: the whole string is computed, shown at the item.
    const role = memberValue(training, 'RoleArn') as RequestNode;
    assert.equal(role.dynamic, true);
    assert.equal(text.slice(role.offset + 1, role.offset + role.length - 1).includes('"Fn::GetAtt"'), true);
    // The image: static text with the account, region and suffix computed.
    const image = memberValue(memberValue(training, 'AlgorithmSpecification'), 'TrainingImage') as RequestNode;
    assert.deepEqual(
      image.template?.map((part) => (part.kind === 'text' ? part.value : text.slice(part.offset, part.offset + part.length).replace(/\s+/g, ''))),
      ['{"Fn::FindInMap":["XgboostAccountMap",{"Ref":"AWS::Region"},"account"]}', '.dkr.ecr.', '{"Ref":"AWS::Region"}', '.', '{"Ref":"AWS::URLSuffix"}', '/sagemaker-xgboost:1.7-1'],
    );
    // What the template says of the computed items, as for a resource's image: the mapping's rows by region, the stack's region.
    const facts = image.template?.flatMap((part) => (part.kind === 'placeholder' ? [part.facts] : []));
    assert.deepEqual(
      facts?.map((known) => [known?.perRegion?.table, known?.perRegion?.values.map((row) => `${row.region}: ${row.text}`), known?.deploymentRegion]),
      [
        ['XgboostAccountMap', ['us-east-1: 683313688378', 'eu-west-1: 141502667606'], undefined],
        [undefined, undefined, true],
        [undefined, undefined, undefined],
      ],
    );
    // The Resource's partition item is the placeholder the state machine host reads.
    assert.equal(requests[0].embedding?.integration?.action, 'createTrainingJob');
    assert.equal(requests[0].embedding?.integration?.pattern, 'sync');
  });

  it('says nothing of a correct synthesized definition', () => {
    assert.deepEqual(analyzeJsonTemplate(cdkTemplate()), []);
  });

  it('reports the rules on the template\'s characters through the JSON escapes, with no fixes', () => {
    const text = cdkTemplate({ tag: 'latest', instanceType: 'ml.m5.xlarg' });
    const findings = analyzeJsonTemplate(text);
    assert.deepEqual(covered(text, findings), [
      ['xgboost-unpinned', 'latest'],
      ['invalid-enum-value', 'ml.m5.xlarg'],
    ]);
    assert.deepEqual(
      findings.map((finding) => finding.fixes.length),
      [0, 0],
    );
  });
});

describe('CloudFormation: the account of a joined definition\'s image, read through the template (found by a fresh user)', () => {
  /** The ap-southeast-2 row holds the us-east-1 account, as in the user's MapStack. */
  const WRONG_ROW = { 'us-east-1': '683313688378', 'eu-west-1': '141502667606', 'ap-southeast-2': '683313688378' };

  it('checks each row of the mapping the task image\'s account is read from, on the row, as for a model resource\'s image', () => {
    const text = cdkTemplate({ rows: WRONG_ROW });
    const findings = analyzeJsonTemplate(text);
    assert.deepEqual(
      findings.map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length), text.slice(0, finding.offset).split('ap-southeast-2').length - 1, finding.fixes.length]),
      [['registry-account-mismatch', '683313688378', 1, 0]],
    );
    assert.equal(
      findings[0].message,
      'In ap-southeast-2, SageMaker serves "sagemaker-xgboost" from account 783357654285, not 683313688378: mapping XgboostAccountMap gives this account to stacks in ap-southeast-2. (From CDK construct MlStack/TrainFlow/Resource (state "Train model"): fix it in your CDK code; cdk synth writes this template again.)',
    );
    // The rows right for the image: nothing.
    assert.deepEqual(analyzeJsonTemplate(cdkTemplate({ rows: { ...WRONG_ROW, 'ap-southeast-2': '783357654285' } })), []);
  });

  it('says a row that a model and a task both read once, naming both constructs', () => {
    const template = JSON.parse(cdkTemplate({ rows: WRONG_ROW }));
    const image = { 'Fn::Join': ['', [XGBOOST_ACCOUNT_ITEM, '.dkr.ecr.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/sagemaker-xgboost:1.7-1']] };
    template.Resources.XgbModel1A2B3C4D = {
      Type: 'AWS::SageMaker::Model',
      Properties: { ExecutionRoleArn: 'arn:aws:iam::111122223333:role/sm', PrimaryContainer: { Image: image } },
      Metadata: { 'aws:cdk:path': 'MlStack/XgbModel' },
    };
    const findings = analyzeJsonTemplate(JSON.stringify(template, null, 1));
    assert.deepEqual(
      findings.map((finding) => finding.code),
      ['registry-account-mismatch'],
    );
    assert.match(findings[0].message, /\(From CDK constructs MlStack\/TrainFlow\/Resource \(state "Train model"\) and MlStack\/XgbModel: fix it in your CDK code; cdk synth writes this template again\.\)$/);
  });

  it('warns of the stack\'s own account (Ref AWS::AccountId) as the registry of a SageMaker image, in the CDK\'s terms in a synthesized template', () => {
    for (const metadata of [true, false]) {
      const text = cdkTemplate({ account: { Ref: 'AWS::AccountId' }, metadata });
      const findings = analyzeJsonTemplate(text);
      assert.deepEqual(
        findings.map((finding) => [finding.code, finding.severity, text.slice(finding.offset, finding.offset + finding.length).replace(/\s+/g, ''), finding.fixes.length]),
        [['registry-account-mismatch', 'warning', '{"Ref":"AWS::AccountId"}', 0]],
      );
      const words = metadata
        ? /^Aws\.ACCOUNT_ID is the account that deploys the stack, but SageMaker serves "sagemaker-xgboost" from its own accounts \(683313688378 in us-east-1 and \d+ other accounts elsewhere\): the pull fails unless you copied the image into your account\. Read the account from a mapping by region in your CDK code \(a CfnMapping's findInMap\(Aws\.REGION, 'account'\)\)\. \(From CDK construct MlStack\/TrainFlow\/Resource \(state "Train model"\): /
        : /^\$\{AWS::AccountId\} is the account that deploys the stack, .* Read the account from a mapping by region \(!FindInMap \[Table, !Ref AWS::Region, Account\]\)\.$/;
      assert.match(findings[0].message, words);
      if (metadata) assert.doesNotMatch(findings[0].message, /!FindInMap|\$\{AWS::/);
    }
  });

  it('in a hand-written template, fixes the row (outside the string) and nothing inside the string', () => {
    const text = cdkTemplate({ rows: WRONG_ROW, metadata: false, tag: 'latest' });
    const findings = analyzeJsonTemplate(text);
    assert.deepEqual(
      findings.map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length), finding.fixes.map((fix) => fix.title)]),
      [
        ['registry-account-mismatch', '683313688378', ['Use account 783357654285']],
        ['xgboost-unpinned', 'latest', []],
      ],
    );
    const fixed = applyHostFix(text, findings[0], undefined, 'json');
    assert.equal(JSON.parse(fixed).Mappings.XgboostAccountMap['ap-southeast-2'].account, '783357654285');
    assert.deepEqual(analyzeJsonTemplate(fixed).map((finding) => finding.code), ['xgboost-unpinned']);
  });

  it('a region the template is deployed to without a row: mapping-missing-region on the table, in the CDK\'s terms with the row to add to the CfnMapping', () => {
    const cdk = analyzeJsonTemplate(cdkTemplate(), { templateRegions: ['ap-southeast-2'] });
    assert.deepEqual(
      cdk.map((finding) => [finding.code, finding.fixes.length]),
      [['mapping-missing-region', 0]],
    );
    assert.equal(
      cdk[0].message,
      "Mapping XgboostAccountMap has no account for ap-southeast-2, where this template is deployed (templateRegions): its CfnMapping's findInMap(Aws.REGION, 'account') fails there, and the stack with it. Add 'ap-southeast-2': { account: '783357654285' } to the CfnMapping's mapping. (From CDK construct MlStack/TrainFlow/Resource (state \"Train model\"): fix it in your CDK code; cdk synth writes this template again.)",
    );
    const text = cdkTemplate({ metadata: false });
    const [handWritten] = analyzeJsonTemplate(text, { templateRegions: ['ap-southeast-2'] });
    assert.equal(handWritten.message, 'Mapping XgboostAccountMap has no account for ap-southeast-2, where this template is deployed (templateRegions): !FindInMap [XgboostAccountMap, !Ref AWS::Region, account] fails there, and the stack with it.');
    assert.equal(JSON.parse(applyHostFix(text, handWritten, undefined, 'json')).Mappings.XgboostAccountMap['ap-southeast-2'].account, '783357654285');
  });

  it('shows the mapping\'s rows in the task image\'s hover, as for a model resource\'s image', () => {
    const text = cdkTemplate({ rows: WRONG_ROW });
    const document = readJsonDocument(text);
    const cursor = text.indexOf('/sagemaker-xgboost:1.7-1') + 5;
    const markdown = hoverAt(requestAt(document, cursor)!, cursor, catalog)!.markdown;
    assert.match(markdown, /: mapping XgboostAccountMap\\'s account for the stack\\'s region:\n/);
    assert.match(markdown, /\n {2}- ap\\-southeast\\-2\\: 683313688378 — SageMaker serves it from 783357654285 there\n/);
  });
});


/** A YAML template whose state machine's DefinitionString is `!Join ["", [items]]`, each item a line of the list. */
function yamlJoined(items: string[], properties: string[] = []): string {
  return [
    'Resources:',
    '  Flow:',
    '    Type: AWS::StepFunctions::StateMachine',
    '    Properties:',
    ...properties.map((line) => `      ${line}`),
    '      DefinitionString: !Join',
    '        - ""',
    ...items.map((item, index) => `        ${index === 0 ? '- - ' : '  - '}${item}`),
    '',
  ].join('\n');
}

/** A model task's definition around `image` and `environment` (JSON text inside single-quoted YAML items). */
function modelTaskItems(image: string[], modelDataUrl = 's3://bucket/model.tar.gz'): string[] {
  return [
    `'{"StartAt":"M","States":{"M":{"Type":"Task","End":true,"Resource":"arn:aws:states:::sagemaker:createModel","Parameters":{"ModelName":"m","ExecutionRoleArn":"'`,
    '!GetAtt Role.Arn',
    `'","PrimaryContainer":{"Image":"'`,
    ...image,
    `'","ModelDataUrl":"${modelDataUrl}"}}}}}'`,
  ];
}

describe('CloudFormation: a YAML !Join DefinitionString', () => {
  it('reads an item !Sub as its string: static text checked, its ${…} computed', () => {
    const text = yamlJoined(modelTaskItems(['!Sub "683313688378.dkr.ecr.${AWS::Region}.amazonaws.com/sagemaker-xgboost:latest"']));
    const findings = analyzeYaml(text, { region: 'us-east-1' });
    assert.deepEqual(covered(text, findings), [['xgboost-unpinned', 'latest']]);
    // Without a region the static account is weighed for every region (a template is deployed to many).
    const anywhere = analyzeYaml(text.replace(':latest', ':1.7-1'));
    assert.deepEqual(covered(text, anywhere), [['registry-account-mismatch', '683313688378']]);
    assert.equal(anywhere[0].severity, 'warning');
  });

  it('takes a computed item outside a string as a value (a number filled in): no syntax error, no type finding', () => {
    const text = yamlJoined([
      `'{"StartAt":"T","States":{"T":{"Type":"Task","End":true,"Resource":"arn:aws:states:::sagemaker:createTrainingJob.sync","Parameters":{"TrainingJobName.$":"$$.Execution.Name","RoleArn":"arn:aws:iam::111122223333:role/r","AlgorithmSpecification":{"TrainingInputMode":"Filee","TrainingImage":"${XGBOOST_US_EAST_1}:1.7-1"},"InputDataConfig":[{"ChannelName":"train","DataSource":{"S3DataSource":{"S3Uri":"s3://b/t","S3DataType":"S3Prefix"}}}],"OutputDataConfig":{"S3OutputPath":"s3://b/o"},"ResourceConfig":{"InstanceCount":'`,
      '!Ref Count',
      `',"InstanceType":"ml.m5.xlarge","VolumeSizeInGB":10},"StoppingCondition":{"MaxRuntimeInSeconds":3600},"HyperParameters":{"num_round":"10","objective":"reg:squarederror"}}}}}'`,
    ]);
    const findings = analyzeYaml(text);
    assert.deepEqual(covered(text, findings), [['invalid-enum-value', 'Filee']]);
    const count = memberValue(memberValue(readYamlDocument(text).requests[0].root, 'ResourceConfig'), 'InstanceCount') as RequestNode;
    assert.equal(count.dynamic, true);
    assert.equal(text.slice(count.offset, count.offset + count.length), '!Ref Count');
  });

  it('sends a literal item\'s ${AWS::Region} as written (only Fn::Sub fills it), but fills a DefinitionSubstitutions key', () => {
    const text = yamlJoined(modelTaskItems(['\'683313688378.dkr.ecr.${AWS::Region}.amazonaws.com/sagemaker-xgboost:1.7-1\''], 's3://${Bucket}/model.tar.gz'), ['DefinitionSubstitutions:', '  Bucket: !Ref Bucket']);
    const findings = analyzeYaml(text, { region: 'us-east-1' });
    assert.deepEqual(covered(text, findings), [['unfilled-placeholder', '${AWS::Region}']]);
    assert.match(findings[0].message, /^\$\{AWS::Region\} is filled in only by CloudFormation's Fn::Sub, and this part of the DefinitionString is outside one, .* join the value in as an Fn::Join item of its own \(Ref AWS::Region\), or use a DefinitionSubstitutions key \(\$\{Region\}\)\.$/);
  });

  it('reports JSON the join breaks on the template\'s characters', () => {
    const text = yamlJoined(modelTaskItems([`'${XGBOOST_US_EAST_1}:1.7-1" "x'`]));
    const findings = analyzeYaml(text);
    // The token the parser stopped at is the string "x", whose closing quote is the next item's first character.
    assert.deepEqual(covered(text, findings)[0], ['invalid-json', `"x'\n          - '"`]);
    assert.match(findings[0].message, /^The DefinitionString is not valid JSON here: a comma is expected\./);
  });

  it('reads a nested !Join (a hand-written definition building part of its structure) and number items as their text', () => {
    const task = `'{"StartAt":"T","States":{"T":{"Type":"Task","End":true,"Resource":"arn:aws:states:::sagemaker:createTrainingJob.sync","Parameters":{"TrainingJobName.$":"$$.Execution.Name","RoleArn":"arn:aws:iam::111122223333:role/r","AlgorithmSpecification":{"TrainingInputMode":"File","TrainingImage":"${XGBOOST_US_EAST_1}:1.7-1"},"InputDataConfig":[{"ChannelName":"train","DataSource":{"S3DataSource":{"S3Uri":"s3://b/t","S3DataType":"S3Prefix"}}}],"OutputDataConfig":{"S3OutputPath":"s3://b/o"},'`;
    const rest = `'"StoppingCondition":{"MaxRuntimeInSeconds":3600},"HyperParameters":{"num_round":"10","objective":"reg:squarederror"}}}}}'`;
    const nested = yamlJoined([task, `!Join ["", ['"ResourceConfig":{"InstanceCount":1,', '"InstanceType":"ml.m', 5, '.xlarg","VolumeSizeInGB":', 0, '},']]`, rest]);
    assert.deepEqual(covered(nested, analyzeYaml(nested)), [
      ['invalid-enum-value', `ml.m', 5, '.xlarg`],
      ['value-out-of-range', '0'],
    ]);
  });

  it('takes a computed item where the JSON needs more than a value as supplying it: no invalid-json there, no missing member; other errors stay', () => {
    const task = (vpc: string) => [
      `'{"StartAt":"M","States":{"M":{"Type":"Task","End":true,"Resource":"arn:aws:states:::sagemaker:createModel","Parameters":{"ExecutionRoleArn":"arn:aws:iam::111122223333:role/r","PrimaryContainer":{"Image":"${XGBOOST_US_EAST_1}:1.7-1"}'`,
      vpc,
      `'}}}}'`,
    ];
    const computed = yamlJoined(task('!If [HasVpc, \',"ModelName":"m","VpcConfig":{"Subnets":["s"],"SecurityGroupIds":["g"]}\', \',"ModelName":"m"\']'));
    assert.deepEqual(analyzeYaml(computed), []);
    const broken = yamlJoined(task('\'"ModelName":"m"\''));
    assert.deepEqual(covered(broken, analyzeYaml(broken)).map(([code]) => code), ['invalid-json']);
  });

  it('reads nothing when the delimiter or the list is computed', () => {
    for (const definition of ['!Join [!Ref Separator, [\'{"StartAt":"M"}\']]', '!Join ["", !Split [",", "a,b"]]']) {
      const text = ['Resources:', '  Flow:', '    Type: AWS::StepFunctions::StateMachine', '    Properties:', `      DefinitionString: ${definition}`, ''].join('\n');
      assert.deepEqual(readYamlDocument(text).requests, []);
      assert.deepEqual(analyzeYaml(text), []);
    }
  });
});

describe('CloudFormation: a PipelineDefinitionBody built with Fn::Join', () => {
  it('checks each step of the joined pipeline definition', () => {
    const text = [
      'Resources:',
      '  Pipeline:',
      '    Type: AWS::SageMaker::Pipeline',
      '    Properties:',
      '      PipelineName: training',
      '      RoleArn: !GetAtt Role.Arn',
      '      PipelineDefinition:',
      '        PipelineDefinitionBody: !Join',
      '          - ""',
      `          - - '{"Version":"2020-12-01","Steps":[{"Name":"Train","Type":"Training","Arguments":{"RoleArn":"'`,
      '            - !GetAtt Role.Arn',
      `            - '","AlgorithmSpecification":{"TrainingImage":"${XGBOOST_US_EAST_1}:1","TrainingInputMode":"File"},"InputDataConfig":[{"ChannelName":"train","DataSource":{"S3DataSource":{"S3Uri":"s3://b/t","S3DataType":"S3Prefix"}}}],"OutputDataConfig":{"S3OutputPath":"s3://b/o"},"ResourceConfig":{"InstanceCount":1,"InstanceType":"ml.m5.xlarge","VolumeSizeInGB":10},"StoppingCondition":{"MaxRuntimeInSeconds":3600},"HyperParameters":{"num_round":"10","objective":"reg:squarederror"}}}]}'`,
      '',
    ].join('\n');
    assert.deepEqual(covered(text, analyzeYaml(text)), [['xgboost-unpinned', '1']]);
  });
});
