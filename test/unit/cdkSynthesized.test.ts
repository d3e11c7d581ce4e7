// Templates the AWS CDK synthesized (cdk.out/*.template.json): findings name the construct to fix
// and offer no edit of the generated file; a stack pinned to a region in cdk.out/manifest.json
// is checked for that region, whatever AWS_REGION says; an environment-agnostic one is not.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { JsonFileResult } from '../../src/cli/formatters/json';
import { readCdkManifest } from '../../src/core/cdkManifest';
import { analyzeJsonTemplate } from './yamlTestKit';
import { removeTempProjects, runCli, tempProject } from './cliTestKit';

const XGBOOST_EU_WEST_1 = '141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1';
const XGBOOST_US_EAST_1 = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';

/** A template as the CDK writes one for a CfnModel: `metadata` the resource's path metadata, `bootstrap` the synthesizer's BootstrapVersion parameter. */
function cdkModelTemplate(options: { image?: string; mode?: string; metadata?: boolean; bootstrap?: boolean } = {}): string {
  const template = {
    Resources: {
      XgbModel1A2B3C4D: {
        Type: 'AWS::SageMaker::Model',
        Properties: {
          ExecutionRoleArn: { 'Fn::GetAtt': ['ModelRoleB840431D', 'Arn'] },
          PrimaryContainer: { Image: options.image ?? XGBOOST_US_EAST_1, Mode: options.mode ?? 'SingleModel', ModelDataUrl: 's3://bucket/model.tar.gz' },
        },
        ...(options.metadata !== false && { Metadata: { 'aws:cdk:path': 'ChurnStack/XgbModel' } }),
      },
    },
    ...(options.bootstrap !== false && {
      Parameters: { BootstrapVersion: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/cdk-bootstrap/hnb659fds/version' } },
    }),
  };
  return JSON.stringify(template, null, 1);
}

describe('AWS CDK: a synthesized template', () => {
  it('names the construct a finding comes from, and offers no edit of the generated file', () => {
    const findings = analyzeJsonTemplate(cdkModelTemplate({ mode: 'SingleModle' }));
    assert.deepEqual(
      findings.map((finding) => [finding.code, finding.fixes.length]),
      [['invalid-enum-value', 0]],
    );
    assert.equal(findings[0].message, '"SingleModle" is not a valid Mode: use one of "SingleModel", "MultiModel". (From CDK construct ChurnStack/XgbModel: fix it in your CDK code; cdk synth writes this template again.)');
  });

  it('without path metadata (app.synth() outside the CDK CLI), names the resource; a hand-written template keeps its fixes', () => {
    const bare = analyzeJsonTemplate(cdkModelTemplate({ mode: 'SingleModle', metadata: false }));
    assert.match(bare[0].message, /\(From your CDK app, resource XgbModel1A2B3C4D: fix it in your CDK code; cdk synth writes this template again\.\)$/);
    assert.equal(bare[0].fixes.length, 0);
    const handWritten = analyzeJsonTemplate(cdkModelTemplate({ mode: 'SingleModle', metadata: false, bootstrap: false }));
    assert.doesNotMatch(handWritten[0].message, /CDK/);
    assert.deepEqual(
      handWritten[0].fixes.map((fix) => fix.title),
      ['Use "SingleModel"', 'Use "MultiModel"'],
    );
  });
});

describe('AWS CDK: "ml." written twice', () => {
  it('says the CDK adds "ml." to an ec2.InstanceType in a synthesized template, and which type is meant elsewhere', () => {
    const config = (metadata: boolean) =>
      JSON.stringify({
        Resources: {
          Config: {
            Type: 'AWS::SageMaker::EndpointConfig',
            Properties: { ProductionVariants: [{ VariantName: 'v', ModelName: 'm', InitialInstanceCount: 1, InstanceType: 'ml.ml.m5.large' }] },
            ...(metadata && { Metadata: { 'aws:cdk:path': 'App/Config' } }),
          },
        },
      });
    const [cdk] = analyzeJsonTemplate(config(true));
    assert.match(cdk.message, /"ml\." is written twice: the CDK's SageMaker tasks add "ml\." to an ec2\.InstanceType, so write new ec2\.InstanceType\('m5\.large'\) \(or InstanceType\.of\(…\)\)\. \(From CDK construct App\/Config/);
    const [plain] = analyzeJsonTemplate(config(false));
    assert.match(plain.message, /"ml\." is written twice: "ml\.m5\.large" is meant\.$/);
    assert.equal(plain.fixes.find((fix) => fix.preferred)?.title, 'Use "ml.m5.large"');
  });
});

describe('AWS CDK: a CfnMapping of images by region', () => {
  it("names the mapping whose row is wrong, and the construct that reads it", () => {
    const template = JSON.parse(cdkModelTemplate());
    // CfnMapping('ImageByRegion', …) with a row whose image is another region's: what findInMap(Aws.REGION, 'image') reads there.
    template.Mappings = { ImageByRegion: { 'us-east-1': { image: XGBOOST_US_EAST_1 }, 'eu-west-1': { image: XGBOOST_US_EAST_1 } } };
    template.Resources.XgbModel1A2B3C4D.Properties.PrimaryContainer.Image = { 'Fn::FindInMap': ['ImageByRegion', { Ref: 'AWS::Region' }, 'image'] };
    const text = JSON.stringify(template, null, 1);
    const findings = analyzeJsonTemplate(text);
    assert.deepEqual(
      findings.map((finding) => [finding.code, finding.fixes.length, text.slice(0, finding.offset).split('eu-west-1').length > 1]),
      [['image-region-mismatch', 0, true]],
    );
    assert.match(findings[0].message, /\(From the CfnMapping ImageByRegion, read by CDK construct ChurnStack\/XgbModel: fix it in your CDK code; cdk synth writes this template again\.\)$/);
  });
});

describe('AWS CDK: advice in the CDK\'s terms (found by a fresh user)', () => {
  /** cdkModelTemplate with its image's account read from `table` by region (`key`), the table's rows given. */
  function mappedModel(table: string, key: string, rows: Record<string, string>, repository = 'sagemaker-xgboost:1.7-1'): string {
    const template = JSON.parse(cdkModelTemplate());
    template.Mappings = { [table]: Object.fromEntries(Object.entries(rows).map(([region, value]) => [region, { [key]: value }])) };
    template.Resources.XgbModel1A2B3C4D.Properties.PrimaryContainer.Image = {
      'Fn::Join': ['', [{ 'Fn::FindInMap': [table, { Ref: 'AWS::Region' }, key] }, '.dkr.ecr.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, `/${repository}`]],
    };
    return JSON.stringify(template, null, 1);
  }

  it('mapping-missing-region names the CfnMapping\'s findInMap and the row to add, never !FindInMap', () => {
    const text = mappedModel('XgboostAccounts', 'account', { 'us-east-1': '683313688378', 'us-west-2': '246618743249' });
    const findings = analyzeJsonTemplate(text, { region: 'af-south-1' });
    assert.deepEqual(
      findings.map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length), finding.fixes.length]),
      [['mapping-missing-region', 'XgboostAccounts', 0]],
    );
    assert.equal(
      findings[0].message,
      "Mapping XgboostAccounts has no account for af-south-1, where this template is deployed (sagemakerSpec.region): its CfnMapping's findInMap(Aws.REGION, 'account') fails there, and the stack with it. Add 'af-south-1': { account: '510948584623' } to the CfnMapping's mapping. (From CDK construct ChurnStack/XgbModel: fix it in your CDK code; cdk synth writes this template again.)",
    );
  });

  it('a misspelt row key standing for the deployed region says the CfnMapping\'s findInMap fails there', () => {
    const text = mappedModel('XgboostAccounts', 'account', { 'us-east-1': '683313688378', 'af-suoth-1': '510948584623' });
    const findings = analyzeJsonTemplate(text, { region: 'af-south-1' });
    assert.deepEqual(
      findings.map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length)]),
      [['unknown-region', 'af-suoth-1']],
    );
    assert.match(findings[0].message, / It looks like af-south-1 misspelt, where this template is deployed \(sagemakerSpec\.region\) and the table has no row: its CfnMapping's findInMap\(Aws\.REGION, 'account'\) fails there, and the stack with it\. \(From CDK construct ChurnStack\/XgbModel: /);
  });

  it('for the table the CDK writes from its region facts (DlcRepositoryAccountMap), says what the user can do instead of fixing code', () => {
    const rows = { 'us-east-1': '763104351884', 'eu-west-1': '763104351884' };
    const text = mappedModel('DlcRepositoryAccountMap', 'value', rows, 'pytorch-inference:2.1.0-gpu-py310');
    const findings = analyzeJsonTemplate(text, { region: 'af-south-1' });
    assert.deepEqual(
      findings.map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length), finding.fixes.length]),
      [['mapping-missing-region', 'DlcRepositoryAccountMap', 0]],
    );
    assert.equal(
      findings[0].message,
      "Mapping DlcRepositoryAccountMap has no value for af-south-1, where this template is deployed (sagemakerSpec.region): the stack fails there. The CDK writes this table itself from the regions its aws-cdk-lib knows (Stack.regionalFact), not from your code: upgrade aws-cdk-lib, whose newer region facts may have af-south-1, pin the stack's env.region (synth then writes that region's account, or fails when the CDK knows none), or give the image's account yourself (626614931356 in af-south-1). (Read by CDK construct ChurnStack/XgbModel; cdk synth writes this table again.)",
    );
    assert.doesNotMatch(findings[0].message, /fix it in your CDK code|!FindInMap/);
    // A table of that name in a hand-written template is the user's own: the usual words, and the fix.
    const handWritten = JSON.parse(text);
    delete handWritten.Resources.XgbModel1A2B3C4D.Metadata;
    delete handWritten.Parameters;
    const [own] = analyzeJsonTemplate(JSON.stringify(handWritten, null, 1), { region: 'af-south-1' });
    assert.match(own.message, /: !FindInMap \[DlcRepositoryAccountMap, !Ref AWS::Region, value\] fails there, and the stack with it\.$/);
    assert.deepEqual(
      own.fixes.map((fix) => fix.title),
      ['Add af-south-1: 626614931356'],
    );
  });

  it('the stack\'s own account as a SageMaker image\'s registry: Aws.ACCOUNT_ID and a CfnMapping, never ${AWS::AccountId} or !FindInMap', () => {
    const image = { 'Fn::Join': ['', [{ Ref: 'AWS::AccountId' }, '.dkr.ecr.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/sagemaker-xgboost:1.7-1']] };
    const [finding] = analyzeJsonTemplate(cdkModelTemplate().replace(JSON.stringify(XGBOOST_US_EAST_1), JSON.stringify(image)));
    assert.equal(finding.code, 'registry-account-mismatch');
    assert.match(finding.message, /^Aws\.ACCOUNT_ID is the account that deploys the stack, .* Read the account from a mapping by region in your CDK code \(a CfnMapping's findInMap\(Aws\.REGION, 'account'\)\)\. \(From CDK construct ChurnStack\/XgbModel: /);
    assert.doesNotMatch(finding.message, /!FindInMap|\$\{AWS::/);
  });
});

describe('AWS CDK: a template a manifest lists, without the marks of its own (legacy synthesizer, --no-path-metadata)', () => {
  it('is analysed as synthesized when the manifest lists it: the resource named, no fixes, CDK terms', () => {
    const bare = cdkModelTemplate({ mode: 'SingleModle', metadata: false, bootstrap: false });
    const listed = analyzeJsonTemplate(bare, { cdkStackTemplate: true });
    assert.deepEqual(
      listed.map((finding) => [finding.code, finding.fixes.length]),
      [['invalid-enum-value', 0]],
    );
    assert.equal(listed[0].message, '"SingleModle" is not a valid Mode: use one of "SingleModel", "MultiModel". (From your CDK app, resource XgbModel1A2B3C4D: fix it in your CDK code; cdk synth writes this template again.)');
    // Not listed: a template written by hand, with its fix.
    assert.equal(analyzeJsonTemplate(bare)[0].fixes.length, 2);
  });
});

describe('AWS CDK: the cloud assembly manifest', () => {
  const manifest = (environment: string) =>
    JSON.stringify({
      version: '55.0.0',
      artifacts: {
        'ChurnStack.assets': { type: 'cdk:asset-manifest', properties: { file: 'ChurnStack.assets.json' } },
        ChurnStack: { type: 'aws:cloudformation:stack', environment, properties: { templateFile: 'ChurnStack.template.json' }, displayName: 'Prod/ChurnStack' },
        Tree: { type: 'cdk:tree', properties: { file: 'tree.json' } },
      },
    });

  it('reads the stacks pinned to a region, by template file; says when the text is not JSON', () => {
    const pinned = (text: string) => [...readCdkManifest(text).pinned];
    assert.deepEqual(pinned(manifest('aws://111122223333/us-east-1')), [['ChurnStack.template.json', { stackName: 'Prod/ChurnStack', region: 'us-east-1', environment: 'aws://111122223333/us-east-1' }]]);
    assert.deepEqual(pinned(manifest('aws://unknown-account/unknown-region')), []);
    // Another tool's manifest.json (a web app's) is no CDK manifest: nothing pinned, nothing to say.
    for (const foreign of ['[]', '{"artifacts": 3}', '{"name": "app", "icons": []}', '{"artifacts": {"S": {"type": "aws:cloudformation:stack", "environment": "aws://1/us-east-1"}}}']) {
      assert.deepEqual(readCdkManifest(foreign), { pinned: new Map(), templates: new Set() }, foreign);
    }
    for (const broken of ['', '{"version": "55.0.0", "artifacts": {"S": {']) {
      assert.match(readCdkManifest(broken).unreadable ?? '', /^is not valid JSON \(.+; a cdk synth cut short\?\)$/, broken);
    }
  });

  it('lists every stack\'s template, pinned or not, and none of another artifact', () => {
    const templates = (text: string) => [...readCdkManifest(text).templates];
    assert.deepEqual(templates(manifest('aws://111122223333/us-east-1')), ['ChurnStack.template.json']);
    assert.deepEqual(templates(manifest('aws://unknown-account/unknown-region')), ['ChurnStack.template.json']);
    // The legacy synthesizer's entry: no environment read, still a stack's template.
    assert.deepEqual(templates('{"artifacts": {"Legacy": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "Legacy.template.json"}}}}'), ['Legacy.template.json']);
  });

  describe('in the checker', () => {
    after(removeTempProjects);

    function check(files: Record<string, string>, env: Record<string, string>): JsonFileResult[] {
      const root = tempProject(files);
      const run = runCli(['check', '--format', 'json', 'cdk.out/*.template.json'], { cwd: root, env });
      return JSON.parse(run.stdout) as JsonFileResult[];
    }

    it('checks a pinned stack for its own region: AWS_REGION neither breaks a correct stack nor hides a wrong image', () => {
      const env = { AWS_REGION: 'eu-west-1' };
      const correct = check({ 'cdk.out/manifest.json': manifest('aws://111122223333/us-east-1'), 'cdk.out/ChurnStack.template.json': cdkModelTemplate() }, env);
      assert.deepEqual(correct[0].findings, []);
      const wrong = check({ 'cdk.out/manifest.json': manifest('aws://111122223333/us-east-1'), 'cdk.out/ChurnStack.template.json': cdkModelTemplate({ image: XGBOOST_EU_WEST_1 }) }, env);
      assert.deepEqual(
        wrong[0].findings.map((finding) => finding.code),
        ['image-region-mismatch'],
      );
      assert.match(wrong[0].findings[0].message, /^The image is in eu-west-1, but the target region is us-east-1 \(from stack Prod\/ChurnStack's environment in cdk\.out\/manifest\.json\);/);
      // The stack goes to that one region: the image to write in the CDK code, no template intrinsics.
      assert.match(wrong[0].findings[0].message, / Use "683313688378\.dkr\.ecr\.us-east-1\.amazonaws\.com\/sagemaker-xgboost:1\.7-1"\. \(From CDK construct ChurnStack\/XgbModel: /);
    });

    it('says how to check cdk.out when a folder or a glob found nothing but the skipped CDK output', () => {
      const root = tempProject({ 'cdk.out/manifest.json': manifest('aws://unknown-account/unknown-region'), 'cdk.out/ChurnStack.template.json': cdkModelTemplate() });
      const hint = (output: string) => `; cdk.out (the AWS CDK's output) is skipped unless named: check its templates with sagemaker-spec check '${output}/**/*.template.json'\n`;
      for (const pattern of ['.', '**/*.template.json']) {
        const run = runCli(['check', pattern], { cwd: root });
        assert.equal(run.status, 2, pattern);
        assert.ok(run.stderr.endsWith(hint('cdk.out')), run.stderr);
      }
      assert.equal(runCli(['check', '**/*.py'], { cwd: root }).stderr, 'sagemaker-spec: no files match "**/*.py"\n');
      // A monorepo's infra/cdk.out; an app whose stacks are all in Stages (cdk.out/assembly-*/).
      const monorepo = tempProject({ 'infra/cdk.out/manifest.json': manifest('aws://unknown-account/unknown-region'), 'infra/cdk.out/ChurnStack.template.json': cdkModelTemplate() });
      assert.ok(runCli(['check', '.'], { cwd: monorepo }).stderr.endsWith(hint('infra/cdk.out')));
      const staged = tempProject({ 'cdk.out/manifest.json': '{"artifacts": {}}', 'cdk.out/assembly-Prod/ChurnStack.template.json': cdkModelTemplate() });
      const flat = runCli(['check', 'cdk.out/*.template.json'], { cwd: staged });
      assert.equal(flat.stderr, `sagemaker-spec: no files match "cdk.out/*.template.json"; its Stages' templates are in folders below (assembly-*): check them with sagemaker-spec check 'cdk.out/**/*.template.json'\n`);
    });

    it('says what skipped a named cdk.out\'s templates (.gitignore, as cdk init writes it), and nothing of an empty cdk.out', () => {
      const ignored = tempProject({ '.git/HEAD': 'ref: refs/heads/main\n', '.gitignore': 'cdk.out\n', 'cdk.out/ChurnStack.template.json': cdkModelTemplate() });
      assert.ok(runCli(['check', 'cdk.out'], { cwd: ignored }).stderr.endsWith("; its templates are skipped by .gitignore or an exclude pattern (cdk init puts cdk.out in .gitignore): check them with a glob, sagemaker-spec check 'cdk.out/**/*.template.json'\n"));
      assert.equal(runCli(['check', '--format', 'json', 'cdk.out/**/*.template.json'], { cwd: ignored }).status, 0);
      const empty = tempProject({ 'cdk.out/cdk.context.json': '{}', 'src/app.ts': '' });
      assert.doesNotMatch(runCli(['check', '.'], { cwd: empty }).stderr, /cdk\.out/);
    });

    it('searches a skipped folder that a glob names anywhere in it (**/cdk.out/*.template.json), and only that one', () => {
      const root = tempProject({ 'infra/cdk.out/ChurnStack.template.json': cdkModelTemplate({ mode: 'SingleModle' }), 'infra/cdk.out/node_modules/x/Other.template.json': cdkModelTemplate({ mode: 'SingleModle' }) });
      for (const pattern of ['**/cdk.out/**/*.template.json', 'infra/{cdk.out,src}/**/*.template.json']) {
        const run = runCli(['check', '--format', 'json', pattern], { cwd: root });
        assert.deepEqual((JSON.parse(run.stdout) as JsonFileResult[]).map((result) => path.relative(root, result.filePath)), [path.join('infra', 'cdk.out', 'ChurnStack.template.json')], pattern);
      }
    });

    it('notes once, on stderr, a manifest that is not JSON, and checks its templates as any template', () => {
      const root = tempProject({ 'cdk.out/manifest.json': '{"version": "55.0.0", "artifacts": {', 'cdk.out/A.template.json': cdkModelTemplate({ image: XGBOOST_EU_WEST_1 }), 'cdk.out/B.template.json': cdkModelTemplate() });
      const run = runCli(['check', '--format', 'json', 'cdk.out/*.template.json'], { cwd: root, env: { AWS_REGION: 'us-east-1' } });
      assert.match(run.stderr, /^sagemaker-spec: note: cdk\.out\/manifest\.json is not valid JSON \(.+; a cdk synth cut short\?\): the templates beside it are checked without their stacks' regions\n$/);
      assert.deepEqual((JSON.parse(run.stdout) as JsonFileResult[]).map((result) => result.findings.map((finding) => finding.code)), [['image-region-mismatch'], []]);
    });

    it('treats a template the manifest lists as synthesized though it has no marks of its own: --fix leaves it alone (found by a fresh user)', () => {
      const bare = cdkModelTemplate({ mode: 'SingleModle', metadata: false, bootstrap: false });
      for (const environment of ['aws://111122223333/us-east-1', 'aws://unknown-account/unknown-region']) {
        const files = { 'cdk.out/manifest.json': manifest(environment), 'cdk.out/ChurnStack.template.json': bare, 'cdk.out/Other.template.json': bare };
        const results = check(files, {});
        const byFile = new Map(results.map((result) => [path.basename(result.filePath), result.findings]));
        assert.match(byFile.get('ChurnStack.template.json')![0].message, /\(From your CDK app, resource XgbModel1A2B3C4D: fix it in your CDK code; cdk synth writes this template again\.\)$/, environment);
        // A template beside it that the manifest does not list is anyone's: as written by hand.
        assert.doesNotMatch(byFile.get('Other.template.json')![0].message, /CDK/, environment);
        const root = tempProject(files);
        const dryRun = runCli(['check', '--fix-dry-run', 'cdk.out/ChurnStack.template.json'], { cwd: root });
        assert.match(dryRun.stderr, /no unambiguous fixes to apply/, environment);
        assert.doesNotMatch(dryRun.stdout, /would fix/, environment);
      }
    });

    it('leaves an environment-agnostic stack to the usual region (cdk deploy sends it where AWS_REGION points)', () => {
      const files = { 'cdk.out/manifest.json': manifest('aws://unknown-account/unknown-region'), 'cdk.out/ChurnStack.template.json': cdkModelTemplate() };
      const results = check(files, { AWS_REGION: 'eu-west-1' });
      assert.deepEqual(
        results[0].findings.map((finding) => finding.code),
        ['image-region-mismatch'],
      );
      assert.match(results[0].findings[0].message, /target region is eu-west-1 \(from AWS_REGION\)/);
      // It may go to any region: how to build the image per region, in the CDK's tokens.
      assert.match(results[0].findings[0].message, /Write the region as Aws\.REGION and the account from a mapping by region \(a CfnMapping's findInMap\(Aws\.REGION, 'account'\)\) in your CDK code/);
      assert.doesNotMatch(results[0].findings[0].message, /!Sub|!FindInMap/);
      assert.equal(path.basename(results[0].filePath), 'ChurnStack.template.json');
    });

    it('advises in CDK terms on a region token with no region known (an environment-agnostic stack)', () => {
      const image = { 'Fn::Join': ['', ['683313688378.dkr.ecr.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/sagemaker-xgboost:1.7-1']] };
      const files = { 'cdk.out/manifest.json': manifest('aws://unknown-account/unknown-region'), 'cdk.out/ChurnStack.template.json': cdkModelTemplate().replace(JSON.stringify(XGBOOST_US_EAST_1), JSON.stringify(image)) };
      const [finding] = check(files, {})[0].findings;
      assert.equal(finding.code, 'registry-account-mismatch');
      assert.match(finding.message, /Set the account per region in your CDK code \(a CfnMapping's findInMap\(Aws\.REGION, 'account'\)\), pin the stack to its region \(env: \{ region \}\), or list the regions you deploy to/);
    });
  });
});

describe('AWS CDK: a state machine task', () => {
  it('names the state besides the construct: one construct holds every state of its definition (found by a fresh user)', () => {
    const definition = { StartAt: 'Train model', States: { 'Train model': { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createModel', Parameters: { ModelName: 'm', ExecutionRoleArn: 'arn:aws:iam::123456789012:role/R', PrimaryContainer: { Image: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1', Mode: 'SingleModle' } }, End: true } } };
    const template = JSON.stringify({
      Resources: {
        Flow: {
          Type: 'AWS::StepFunctions::StateMachine',
          Properties: { RoleArn: 'arn:aws:iam::123456789012:role/R', DefinitionString: JSON.stringify(definition) },
          Metadata: { 'aws:cdk:path': 'ChurnStack/Flow/Resource' },
        },
      },
    }, null, 2);
    const [finding, ...rest] = analyzeJsonTemplate(template);
    assert.deepEqual(rest, []);
    assert.match(finding.message, /\(From CDK construct ChurnStack\/Flow\/Resource \(state "Train model"\): fix it in your CDK code; cdk synth writes this template again\.\)$/);
    assert.deepEqual(finding.fixes, []);
  });
});
