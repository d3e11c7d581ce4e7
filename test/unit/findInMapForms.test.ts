// CloudFormation tables read by the stack's region in the two lookup orders — the region as the
// top-level key (`!FindInMap [Table, !Ref AWS::Region, Key]`) and as the second-level one
// (`!FindInMap [Table, TopKey, !Ref AWS::Region]`) — and with a `DefaultValue` (the fourth item,
// read for a region without a row): rows checked in their regions, missing regions, the default
// checked in the deployed regions that read it, hover, fixes, in YAML and JSON templates.
import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { analyzeDocument, readJsonDocument, readYamlDocument, requestAt } from '../../src/core/hostDocument';
import { hoverAt } from '../../src/core/hover';
import { analyzeOptions, catalog, only, textAt } from './specTestKit';
import { applyHostFix, modelTemplate } from './yamlTestKit';

/** Findings of a YAML (or JSON) template deployed to `regions` (as `--template-region` lists them); none listed: no region chosen. */
function deployedTo(text: string, regions?: string[], host: 'yaml' | 'json' = 'yaml'): Finding[] {
  const document = host === 'yaml' ? readYamlDocument(text) : readJsonDocument(text);
  return analyzeDocument(document, { ...analyzeOptions(), regionInputs: { env: {}, ...(regions && { templateRegions: regions, templateRegionsName: '--template-region' }) } }).findings;
}

/** [code, text under the range] of each finding. */
const summary = (text: string, findings: Finding[]) => findings.map((finding) => [finding.code, textAt(text, finding)]);

/** The offset of the `index`-th occurrence of `needle` in `text`. */
function nth(text: string, needle: string, index: number): number {
  let at = -1;
  for (let i = 0; i <= index; i++) at = text.indexOf(needle, at + 1);
  return at;
}

/** The Markdown lines of the hover at `needle` in `text` (with `listed` template regions). */
function hoverLines(text: string, needle: string, listed?: { regions: string[]; settingName: string }): string[] {
  const offset = text.indexOf(needle);
  return hoverAt(requestAt(readYamlDocument(text), offset)!, offset, catalog, undefined, undefined, listed)!.markdown.split('\n');
}

const SUB_ACCOUNT = (lookup: string) => `!Sub\n          - "\${Account}.dkr.ecr.\${AWS::Region}.amazonaws.com/sagemaker-xgboost:1.7-1"\n          - Account: ${lookup}`;

describe('CloudFormation: a table keyed by region second, !FindInMap [Table, TopKey, !Ref AWS::Region]', () => {
  const TABLE = ['Mappings:', '  ByAlgo:', '    xgboost:', '      us-east-1: "683313688378"', '      eu-west-1: "683313688378"      # copied from us-east-1', '    kmeans:', '      us-east-1: "382416733822"'];
  const text = modelTemplate(SUB_ACCOUNT('!FindInMap [ByAlgo, xgboost, !Ref AWS::Region]'), TABLE);

  it("checks each row under the top-level key in its region: a wrong account is reported and fixed on the row's value", () => {
    const finding = only(deployedTo(text), 'registry-account-mismatch');
    assert.equal(finding.offset, nth(text, '683313688378', 1), 'on the eu-west-1 row');
    assert.equal(textAt(text, finding), '683313688378');
    assert.equal(finding.message, 'In eu-west-1, SageMaker serves "sagemaker-xgboost" from account 141502667606, not 683313688378: mapping ByAlgo gives this account to stacks in eu-west-1.');
    const fixed = applyHostFix(text, finding);
    assert.equal(fixed, text.replace('eu-west-1: "683313688378"', 'eu-west-1: "141502667606"'));
    assert.deepEqual(deployedTo(fixed), []);
  });

  it('a deployed region without a row is mapping-missing-region on the top-level key, whose fix adds the row under it', () => {
    const right = text.replace('eu-west-1: "683313688378"', 'eu-west-1: "141502667606"');
    const finding = only(deployedTo(right, ['us-east-1', 'eu-west-1', 'ap-east-1']), 'mapping-missing-region');
    assert.equal(textAt(right, finding), 'xgboost');
    assert.equal(finding.offset, right.indexOf('xgboost:'));
    assert.equal(finding.message, 'Mapping ByAlgo has no xgboost value for ap-east-1, where this template is deployed (--template-region): !FindInMap [ByAlgo, xgboost, !Ref AWS::Region] fails there, and the stack with it.');
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [['Add ap-east-1: 651117190479', true]]);
    const fixed = applyHostFix(right, finding);
    assert.match(fixed, /xgboost:\n {6}us-east-1: "683313688378"\n {6}eu-west-1: "141502667606"[^\n]*\n {6}ap-east-1: "651117190479"\n {4}kmeans:/);
    assert.deepEqual(deployedTo(fixed, ['us-east-1', 'eu-west-1', 'ap-east-1']), []);
    // The other top-level key's rows are another lookup's: kmeans has no eu-west-1 row, and nothing reads it.
    assert.deepEqual(deployedTo(right, ['us-east-1', 'eu-west-1']), []);
  });

  it('a key under the top-level key that is no region: unknown-region with the rename', () => {
    const misspelt = text.replace('eu-west-1: "683313688378"', 'eu-wset-1: "141502667606"');
    const finding = only(deployedTo(misspelt), 'unknown-region');
    assert.equal(textAt(misspelt, finding), 'eu-wset-1');
    assert.equal(finding.message, '"eu-wset-1" is not a region with SageMaker registries: mapping ByAlgo\'s row for it is never read for a stack\'s region. Did you mean eu-west-1?');
    assert.equal(applyHostFix(misspelt, finding), text.replace('eu-west-1: "683313688378"', 'eu-west-1: "141502667606"'));
  });

  it('hover lists the rows under the top-level key, judged, and the deployed regions without one', () => {
    const lines = hoverLines(text, 'xgboost:1.7', { regions: ['us-east-1', 'eu-west-1', 'ap-east-1'], settingName: '--template-region' });
    const at = lines.indexOf("- `${Account}`: mapping ByAlgo\\'s xgboost value for the stack\\'s region:");
    assert.ok(at >= 0, lines.join('\n'));
    assert.deepEqual(lines.slice(at + 1, at + 4), [
      '  - us\\-east\\-1\\: 683313688378',
      '  - eu\\-west\\-1\\: 683313688378 — SageMaker serves it from 141502667606 there',
      '  - No row for ap\\-east\\-1\\, where this template is deployed \\(\\-\\-template\\-region\\)\\: \\!FindInMap fails there',
    ]);
  });

  it('JSON: Fn::FindInMap [Table, TopKey, {"Ref": "AWS::Region"}] in an Fn::Join, its fixes rendered as JSON', () => {
    const json = JSON.stringify(
      {
        Mappings: { ByAlgo: { xgboost: { 'us-east-1': '683313688378', 'eu-central-1': '683313688378' } } },
        Resources: {
          Model: {
            Type: 'AWS::SageMaker::Model',
            Properties: {
              ExecutionRoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] },
              PrimaryContainer: { Image: { 'Fn::Join': ['', [{ 'Fn::FindInMap': ['ByAlgo', 'xgboost', { Ref: 'AWS::Region' }] }, '.dkr.ecr.', { Ref: 'AWS::Region' }, '.amazonaws.com/sagemaker-xgboost:1.7-1']] } },
            },
          },
        },
      },
      null,
      2,
    );
    const findings = deployedTo(json, ['us-east-1', 'eu-central-1', 'eu-west-1'], 'json');
    assert.deepEqual(summary(json, findings), [
      ['mapping-missing-region', 'xgboost'],
      ['registry-account-mismatch', '683313688378'],
    ]);
    findings.reverse();
    assert.equal(findings[0].offset, nth(json, '683313688378', 1));
    assert.equal(applyHostFix(json, findings[0], undefined, 'json'), json.replace('"eu-central-1": "683313688378"', '"eu-central-1": "492215442770"'));
    assert.equal(findings[1].message, 'Mapping ByAlgo has no xgboost value for eu-west-1, where this template is deployed (--template-region): !FindInMap [ByAlgo, xgboost, !Ref AWS::Region] fails there, and the stack with it.');
    const added = applyHostFix(json, findings[1], undefined, 'json');
    assert.deepEqual(JSON.parse(added).Mappings.ByAlgo.xgboost, { 'us-east-1': '683313688378', 'eu-central-1': '683313688378', 'eu-west-1': '141502667606' });
  });

  it('a whole image under the top-level key: each row checked as an image in its region, the missing rows added with the image', () => {
    const head = ['Mappings:', '  Images:', '    xgboost:', '      us-east-1: 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1', '      eu-west-1: 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1'];
    const whole = modelTemplate('!FindInMap [Images, xgboost, !Ref AWS::Region]', head);
    const findings = deployedTo(whole, ['us-east-1', 'eu-west-1', 'us-west-2']);
    assert.deepEqual(summary(whole, findings), [
      ['mapping-missing-region', 'xgboost'],
      ['image-region-mismatch', 'us-east-1'],
    ]);
    assert.equal(findings[1].offset, nth(whole, 'us-east-1', 2), "in the eu-west-1 row's image");
    assert.equal(findings[0].message, 'Mapping Images has no xgboost value for us-west-2, where this template is deployed (--template-region): !FindInMap [Images, xgboost, !Ref AWS::Region] fails there, and the stack with it.');
    assert.match(applyHostFix(whole, findings[0]), /\n {6}us-west-2: 246618743249\.dkr\.ecr\.us-west-2\.amazonaws\.com\/sagemaker-xgboost:1\.7-1\n/);
    assert.match(applyHostFix(whole, findings[1]), /eu-west-1: 141502667606\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/sagemaker-xgboost:1\.7-1/);
  });

  it("read in a state machine's DefinitionString (a !Sub variable): the rows checked, and fixed in the map", () => {
    const flow = [
      ...TABLE,
      'Resources:',
      '  Flow:',
      '    Type: AWS::StepFunctions::StateMachine',
      '    Properties:',
      '      RoleArn: !GetAtt Role.Arn',
      '      DefinitionString: !Sub',
      '        - |-',
      '          {"StartAt": "Train", "States": {"Train": {"Type": "Task", "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync", "End": true,',
      '            "Parameters": {"TrainingJobName": "t", "RoleArn": "arn:aws:iam::123456789012:role/R",',
      '              "AlgorithmSpecification": {"TrainingImage": "${Account}.dkr.ecr.${AWS::Region}.amazonaws.com/sagemaker-xgboost:1.7-1", "TrainingInputMode": "File"},',
      '              "OutputDataConfig": {"S3OutputPath": "s3://b/o"}, "ResourceConfig": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10},',
      '              "StoppingCondition": {"MaxRuntimeInSeconds": 3600}, "HyperParameters": {"num_round": "10", "objective": "binary:logistic"}}}}}',
      '        - Account: !FindInMap [ByAlgo, xgboost, !Ref AWS::Region]',
      '',
    ].join('\n');
    const finding = only(deployedTo(flow), 'registry-account-mismatch');
    assert.equal(finding.offset, nth(flow, '683313688378', 1), 'on the eu-west-1 row');
    assert.equal(applyHostFix(flow, finding, 'Use account 141502667606'), flow.replace('eu-west-1: "683313688378"', 'eu-west-1: "141502667606"'));
  });

  it('a table without the top-level key, or both keys computed, stays a placeholder', () => {
    assert.deepEqual(deployedTo(modelTemplate(SUB_ACCOUNT('!FindInMap [ByAlgo, lightgbm, !Ref AWS::Region]'), TABLE), ['us-east-1', 'eu-west-1']), []);
    assert.deepEqual(deployedTo(modelTemplate(SUB_ACCOUNT('!FindInMap [ByAlgo, !Ref Algo, !Ref AWS::Region]'), TABLE), ['us-east-1', 'eu-west-1']), []);
  });
});

describe('CloudFormation: Fn::FindInMap with a DefaultValue, read for the regions without a row', () => {
  const TABLE = ['Mappings:', '  XgbRegistry:', '    us-east-1: {Account: "683313688378"}'];
  const withDefault = (account: string) => modelTemplate(SUB_ACCOUNT(`!FindInMap [XgbRegistry, !Ref AWS::Region, Account, DefaultValue: "${account}"]`), TABLE);
  const text = withDefault('683313688378');

  it('a deployed region without a row reads the default: no mapping-missing-region, and the default is checked there (one account serving them all: the default is fixed)', () => {
    const findings = deployedTo(text, ['us-east-1', 'eu-west-1']);
    assert.deepEqual(summary(text, findings), [['registry-account-mismatch', '683313688378']]);
    const [finding] = findings;
    assert.equal(finding.offset, nth(text, '683313688378', 1), 'on the DefaultValue');
    assert.equal(finding.message, 'In eu-west-1, SageMaker serves "sagemaker-xgboost" from account 141502667606, not 683313688378: mapping XgbRegistry\'s DefaultValue gives this account to stacks in eu-west-1 (no row there).');
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [
      ['Use account 141502667606 as the DefaultValue', true],
      ['Add eu-west-1: 141502667606', false],
    ]);
    const fixed = applyHostFix(text, finding);
    assert.equal(fixed, withDefault('141502667606'));
    assert.deepEqual(deployedTo(fixed, ['us-east-1', 'eu-west-1']), []);
    const added = applyHostFix(text, finding, 'Add eu-west-1: 141502667606');
    assert.match(added, /\n {4}eu-west-1:\n {6}Account: "141502667606"\n/);
    assert.deepEqual(deployedTo(added, ['us-east-1', 'eu-west-1']), [], 'every deployed region has its row: the default is not read');
  });

  it('regions needing different accounts: the rows are added (the preferred fix), no one default serves them', () => {
    const finding = only(deployedTo(text, ['us-east-1', 'eu-west-1', 'ap-east-1']), 'registry-account-mismatch');
    assert.equal(finding.message, 'In eu-west-1, ap-east-1, SageMaker serves "sagemaker-xgboost" from account 141502667606 in eu-west-1, 651117190479 in ap-east-1, not 683313688378: mapping XgbRegistry\'s DefaultValue gives this account to stacks in eu-west-1, ap-east-1 (no row there).');
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [['Add eu-west-1: 141502667606, ap-east-1: 651117190479', true]]);
    assert.deepEqual(deployedTo(applyHostFix(text, finding), ['us-east-1', 'eu-west-1', 'ap-east-1']), []);
  });

  it('a default right in one region reading it and wrong in another: not replaced (that would break the first), the wrong region gets its row', () => {
    const apEast = withDefault('651117190479');
    const finding = only(deployedTo(apEast, ['us-east-1', 'eu-west-1', 'ap-east-1']), 'registry-account-mismatch');
    assert.equal(finding.message, 'In eu-west-1, SageMaker serves "sagemaker-xgboost" from account 141502667606, not 651117190479: mapping XgbRegistry\'s DefaultValue gives this account to stacks in eu-west-1, ap-east-1 (no row there).');
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [['Add eu-west-1: 141502667606', true]]);
    assert.deepEqual(deployedTo(applyHostFix(apEast, finding), ['us-east-1', 'eu-west-1', 'ap-east-1']), []);
  });

  it('nothing to say when the default is right where it is read, when every deployed region has a row, or when no region is chosen', () => {
    assert.deepEqual(deployedTo(withDefault('141502667606'), ['us-east-1', 'eu-west-1']), []);
    assert.deepEqual(deployedTo(text, ['us-east-1']), []);
    assert.deepEqual(deployedTo(text), []);
  });

  it('a default that is no account id is invalid-account-id on it, fixed with the catalog account of the one region reading it', () => {
    const bad = withDefault('12345');
    const finding = only(deployedTo(bad, ['us-east-1', 'eu-west-1']), 'invalid-account-id');
    assert.equal(textAt(bad, finding), '12345');
    assert.equal(finding.message, '"12345" is not an AWS account id (12 digits): mapping XgbRegistry\'s DefaultValue gives it to stacks in eu-west-1 (no row there) as the image\'s registry account, so they cannot pull the image.');
    assert.equal(applyHostFix(bad, finding), withDefault('141502667606'));
    // No region chosen: the default may be read anywhere, and is no account anywhere.
    assert.equal(only(deployedTo(bad), 'invalid-account-id').message, '"12345" is not an AWS account id (12 digits): mapping XgbRegistry\'s DefaultValue gives it to stacks in regions without a row as the image\'s registry account, so they cannot pull the image.');
  });

  it('hover: the default beneath the rows, judged in the listed regions that read it', () => {
    const lines = hoverLines(text, 'xgboost:1.7', { regions: ['us-east-1', 'eu-west-1'], settingName: '--template-region' });
    const at = lines.findIndex((line) => line.endsWith("mapping XgbRegistry\\'s Account for the stack\\'s region:"));
    assert.ok(at >= 0, lines.join('\n'));
    assert.deepEqual(lines.slice(at + 1, at + 3), ['  - us\\-east\\-1\\: 683313688378', '  - DefaultValue \\(eu\\-west\\-1\\)\\: 683313688378 — SageMaker serves it from 141502667606 there']);
  });

  it('with the region second: a region without a row under the top-level key reads the default', () => {
    const second = modelTemplate(SUB_ACCOUNT('!FindInMap [ByAlgo, xgboost, !Ref AWS::Region, DefaultValue: "683313688378"]'), ['Mappings:', '  ByAlgo:', '    xgboost:', '      us-east-1: "683313688378"']);
    const finding = only(deployedTo(second, ['us-east-1', 'eu-west-1']), 'registry-account-mismatch');
    assert.equal(finding.offset, nth(second, '683313688378', 1));
    const added = applyHostFix(second, finding, 'Add eu-west-1: 141502667606');
    assert.match(added, /xgboost:\n {6}us-east-1: "683313688378"\n {6}eu-west-1: "141502667606"\n/);
    assert.deepEqual(deployedTo(added, ['us-east-1', 'eu-west-1']), []);
  });

  it('JSON: {"DefaultValue": …} as the fourth item', () => {
    const json = (account: string) =>
      JSON.stringify(
        {
          Transform: 'AWS::LanguageExtensions',
          Mappings: { XgbRegistry: { 'us-east-1': { Account: '683313688378' } } },
          Resources: {
            Model: {
              Type: 'AWS::SageMaker::Model',
              Properties: {
                ExecutionRoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] },
                PrimaryContainer: {
                  Image: { 'Fn::Sub': ['${Account}.dkr.ecr.${AWS::Region}.amazonaws.com/sagemaker-xgboost:1.7-1', { Account: { 'Fn::FindInMap': ['XgbRegistry', { Ref: 'AWS::Region' }, 'Account', { DefaultValue: account }] } }] },
                },
              },
            },
          },
        },
        null,
        2,
      );
    const text = json('683313688378');
    const findings = deployedTo(text, ['us-east-1', 'eu-west-1'], 'json');
    assert.deepEqual(summary(text, findings), [['registry-account-mismatch', '683313688378']]);
    assert.equal(findings[0].offset, nth(text, '683313688378', 1));
    assert.equal(applyHostFix(text, findings[0], undefined, 'json'), json('141502667606'));
    // Without the default the same table fails in eu-west-1.
    const without = text.replace(/,\s*\{\s*"DefaultValue": "683313688378"\s*\}/, '');
    assert.deepEqual(summary(without, deployedTo(without, ['us-east-1', 'eu-west-1'], 'json')), [['mapping-missing-region', 'XgbRegistry']]);
  });

  it('a whole image with a DefaultValue: no missing region, and the default is checked as an image in the deployed regions without a row', () => {
    const US_EAST_1 = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
    const head = ['Mappings:', '  Images:', `    us-east-1: {Uri: ${US_EAST_1}}`];
    const whole = modelTemplate(`!FindInMap [Images, !Ref AWS::Region, Uri, DefaultValue: ${US_EAST_1}]`, head);
    const defaultRegion = nth(whole, 'us-east-1', 2);
    const finding = only(deployedTo(whole, ['us-east-1', 'eu-west-1']), 'image-region-mismatch');
    assert.equal(finding.offset, defaultRegion, "the DefaultValue's region");
    assert.match(finding.message, /^The image is in us-east-1, but the target region is eu-west-1 \(from --template-region\)/);
    const fixed = applyHostFix(whole, finding);
    assert.equal(fixed, whole.replace(`DefaultValue: ${US_EAST_1}`, 'DefaultValue: 141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1'));
    assert.deepEqual(deployedTo(fixed, ['us-east-1', 'eu-west-1']), []);
    // Every deployed region has a row: the default is never read. No region chosen: it may be read anywhere, and is no finding.
    assert.deepEqual(deployedTo(whole, ['us-east-1']), []);
    assert.deepEqual(deployedTo(whole), []);
    // Its own problems are found wherever it is read.
    const latest = whole.replace(`DefaultValue: ${US_EAST_1}`, `DefaultValue: ${US_EAST_1.replace('1.7-1', 'latest')}`);
    assert.deepEqual(summary(latest, deployedTo(latest)), [['xgboost-unpinned', 'latest']]);
    // Without the default the same table fails in eu-west-1.
    const without = modelTemplate('!FindInMap [Images, !Ref AWS::Region, Uri]', head);
    assert.deepEqual(summary(without, deployedTo(without, ['us-east-1', 'eu-west-1'])), [['mapping-missing-region', 'Images']]);
  });

  it('a fourth item other than {DefaultValue: …} is not read as a lookup by region', () => {
    assert.deepEqual(deployedTo(modelTemplate(SUB_ACCOUNT('!FindInMap [XgbRegistry, !Ref AWS::Region, Account, Other: "683313688378"]'), TABLE), ['us-east-1', 'eu-west-1']), []);
  });
});
