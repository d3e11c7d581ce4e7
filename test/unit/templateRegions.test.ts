// The regions a template is deployed to (`templateRegions` in .sagemaker-spec.json, the
// checker's repeatable `--template-region`): used for requests deployed to many regions (a
// template, a workflow inside one) in place of every catalog region, over any single region;
// a repeated `--region` is refused.
import * as assert from 'node:assert/strict';
import { regionForSpec, type AnalyzeOptions } from '../../src/core/analyze';
import { analyzeDocument, readYamlDocument } from '../../src/core/hostDocument';
import { mergeProjectConfigs, parseProjectConfig } from '../../src/core/projectConfig';
import { templateRegion } from '../../src/core/region';
import { parseCliArguments } from '../../src/cli/arguments';
import { analyzeOptions, codes, only, textAt } from './specTestKit';
import { DLC_TEMPLATE, modelTemplate, trainingFlowTemplate } from './yamlTestKit';


/** Analysis options with `regionInputs` (no environment unless given). */
function withRegions(regionInputs: Partial<AnalyzeOptions['regionInputs']>): AnalyzeOptions {
  return { ...analyzeOptions(), regionInputs: { env: {}, ...regionInputs } };
}

function findings(text: string, regionInputs: Partial<AnalyzeOptions['regionInputs']>) {
  return analyzeDocument(readYamlDocument(text), withRegions(regionInputs)).findings;
}

describe('template regions', () => {
  describe('resolution', () => {
    it('lists every region, the first as `region`; explicit only when there is one', () => {
      assert.deepEqual(templateRegion({ templateRegions: ['us-east-1', 'eu-west-1'], env: {} }), {
        region: 'us-east-1', source: 'setting', explicit: false, profile: 'default', settingName: 'templateRegions', regions: ['us-east-1', 'eu-west-1'],
      });
      assert.equal(templateRegion({ templateRegions: ['eu-west-1'], templateRegionsName: '--template-region', env: {} })?.explicit, true);
      assert.equal(templateRegion({ templateRegions: [], env: {} }), undefined);
      assert.equal(templateRegion({ env: {} }), undefined);
    });

    it('wins for a template over --region, AWS_REGION and the profile; other specs never see it', () => {
      const inputs = { templateRegions: ['eu-west-1', 'ap-east-1'], regionSetting: 'us-west-2', env: { AWS_REGION: 'us-east-2' } };
      const [model] = readYamlDocument(DLC_TEMPLATE).requests;
      assert.deepEqual(regionForSpec(model, inputs).regions, ['eu-west-1', 'ap-east-1']);
      const spec = readYamlDocument('ModelName: m\nExecutionRoleArn: arn:aws:iam::123456789012:role/R\nPrimaryContainer:\n  Image: 763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.6.0-gpu-py312\n', true).requests[0];
      assert.deepEqual(regionForSpec(spec, inputs), { region: 'us-west-2', source: 'setting', explicit: true, profile: 'default' });
    });
  });

  describe('the region placeholder of a template', () => {
    it('beside a domain written out: unknown-region where a listed or chosen region\'s hosts end otherwise (China), nothing with no region chosen', () => {
      const text = modelTemplate('!Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/churn-inference:2024-06-01"');
      assert.deepEqual(codes(findings(text, {})), []);
      assert.deepEqual(codes(findings(text, { templateRegions: ['us-east-1', 'eu-west-1'] })), []);
      const listed = only(findings(text, { templateRegions: ['us-east-1', 'cn-north-1', 'cn-northwest-1'], templateRegionsName: '--template-region' }), 'unknown-region');
      assert.equal(textAt(text, listed), 'amazonaws.com');
      assert.equal(
        listed.message,
        'The region is a placeholder, but the domain is written "amazonaws.com": Amazon ECR hosts in cn-north-1, cn-northwest-1 (listed in --template-region) end in "amazonaws.com.cn", so the image cannot be pulled there. Write the domain as ${AWS::URLSuffix}, which is each region\'s own.',
      );
      assert.match(only(findings(text, { regionSetting: 'cn-north-1', regionSettingName: '--region' }), 'unknown-region').message, /Amazon ECR hosts in cn-north-1 \(from --region\) end in "amazonaws\.com\.cn"/);
      // ${AWS::URLSuffix} is right everywhere; a role of the aws partition says the stack never runs in China.
      assert.deepEqual(codes(findings(text.replace('amazonaws.com', '${AWS::URLSuffix}'), { templateRegions: ['cn-north-1'] })), []);
      assert.deepEqual(codes(findings(text.replace('!GetAtt Role.Arn', 'arn:aws:iam::111122223333:role/SageMaker'), { templateRegions: ['cn-north-1'] })), []);
    });

    it('is checked in the listed regions only: no warning about regions nobody deploys to', () => {
      // Without a list every catalog region is checked, and the opt-in regions have accounts of their own.
      assert.match(only(findings(DLC_TEMPLATE, {}), 'registry-account-mismatch').message, /in af-south-1, ap-east-1/);
      assert.deepEqual(findings(DLC_TEMPLATE, { templateRegions: ['us-east-1', 'eu-west-1'] }), []);
    });

    it('a listed region where the account does not serve the repository is an error naming it and the list', () => {
      const finding = only(findings(DLC_TEMPLATE, { templateRegions: ['us-east-1', 'ap-east-1'], templateRegionsName: '--template-region' }), 'registry-account-mismatch');
      assert.equal(textAt(DLC_TEMPLATE, finding), '763104351884');
      assert.equal(finding.severity, 'error');
      assert.equal(
        finding.message,
        'The region is a placeholder, and account 763104351884 does not serve "pytorch-inference" in ap-east-1 (account 871362719292), where this template is deployed (--template-region): the image cannot be pulled there. Set the account per region with a mapping (!FindInMap [Table, !Ref AWS::Region, Account]).',
      );
    });

    it('one listed region is the target, over the single-region setting', () => {
      const finding = only(findings(DLC_TEMPLATE, { templateRegions: ['ap-east-1'], regionSetting: 'us-east-1' }), 'registry-account-mismatch');
      assert.equal(finding.message, 'In ap-east-1, SageMaker serves "pytorch-inference" from account 871362719292, not 763104351884.');
    });

    it('a workflow inside a template is deployed with it', () => {
      const text = trainingFlowTemplate([
        'TrainingJobName: t',
        'RoleArn: arn:aws:iam::123456789012:role/R',
        'AlgorithmSpecification:',
        '  TrainingImage: !Sub "683313688378.dkr.ecr.${AWS::Region}.amazonaws.com/sagemaker-xgboost:1.7-1"',
        '  TrainingInputMode: File',
        'OutputDataConfig: {S3OutputPath: s3://b/o}',
        'ResourceConfig: {InstanceType: ml.m5.xlarge, InstanceCount: 1, VolumeSizeInGB: 10}',
        'StoppingCondition: {MaxRuntimeInSeconds: 3600}',
      ]);
      assert.deepEqual(findings(text, { templateRegions: ['us-east-1'] }), []);
      const finding = only(findings(text, { templateRegions: ['us-east-1', 'eu-west-1'] }), 'registry-account-mismatch');
      assert.match(finding.message, /does not serve "sagemaker-xgboost" in eu-west-1 \(account 141502667606\), where this template is deployed \(templateRegions\)/);
    });

    it('one listed region other than a literal image\'s is image-region-mismatch against it, with its fix and how to write it for every region (found by a fresh user)', () => {
      const text = DLC_TEMPLATE.replace('${AWS::Region}', 'us-east-1');
      assert.deepEqual(codes(findings(text, { templateRegions: ['eu-west-1'] })), ['image-region-mismatch']);
      const finding = only(findings(text, { templateRegions: ['eu-west-1'], templateRegionsName: '--template-region' }), 'image-region-mismatch');
      assert.equal(
        finding.message,
        'The image is in us-east-1, but the target region is eu-west-1 (from --template-region); SageMaker pulls images from its own region. ' +
          'Write the region as ${AWS::Region} in a !Sub: account 763104351884 serves "pytorch-inference" there too.',
      );
      assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [['Use the eu-west-1 registry (763104351884.dkr.ecr.eu-west-1.amazonaws.com)', true]]);
      // Another account there: the advice names it, as with several regions.
      const xgboost = modelTemplate('683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1');
      const other = only(findings(xgboost, { templateRegions: ['eu-west-1'], templateRegionsName: '--template-region' }), 'image-region-mismatch');
      assert.equal(
        other.message,
        'The image is in us-east-1, but the target region is eu-west-1 (from --template-region); SageMaker pulls images from its own region. ' +
          'Write the region as ${AWS::Region} and the account from a mapping by region (!FindInMap [Table, !Ref AWS::Region, Account]) in a !Sub: SageMaker serves "sagemaker-xgboost" from other accounts there (eu-west-1 141502667606).',
      );
      assert.deepEqual(other.fixes.map((fix) => fix.title), ['Use the eu-west-1 registry (141502667606.dkr.ecr.eu-west-1.amazonaws.com)']);
    });
  });

  describe('a literal image region in a template deployed to several regions', () => {
    const XGBOOST_US_EAST_1 = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';

    it('the trial\'s repro: each listed region other than the image\'s is named, with the accounts there; no fix', () => {
      const text = modelTemplate(XGBOOST_US_EAST_1);
      const finding = only(findings(text, { templateRegions: ['eu-west-1', 'us-west-2'], templateRegionsName: '--template-region' }), 'image-region-mismatch');
      assert.equal(textAt(text, finding), 'us-east-1');
      assert.equal(finding.severity, 'error');
      assert.equal(
        finding.message,
        'The image is in us-east-1, but this template is deployed to eu-west-1 and us-west-2 (from --template-region); SageMaker pulls images from its own region, so the stack fails there. ' +
          'Write the region as ${AWS::Region} and the account from a mapping by region (!FindInMap [Table, !Ref AWS::Region, Account]) in a !Sub: SageMaker serves "sagemaker-xgboost" from other accounts there (eu-west-1 141502667606, us-west-2 246618743249).',
      );
      // Any one region's literal is wrong for the others: nothing for fix-all to apply.
      assert.deepEqual(finding.fixes, []);
      // The same for a !Sub whose region is written out.
      const sub = modelTemplate('!Sub "683313688378.dkr.ecr.us-east-1.${AWS::URLSuffix}/sagemaker-xgboost:1.7-1"');
      const subFinding = only(findings(sub, { templateRegions: ['eu-west-1', 'us-west-2'], templateRegionsName: '--template-region' }), 'image-region-mismatch');
      assert.deepEqual([textAt(sub, subFinding), subFinding.message, subFinding.fixes], ['us-east-1', finding.message, []]);
    });

    it('the image\'s own region listed too: the others are named, from the config file; one account everywhere needs no mapping', () => {
      const text = DLC_TEMPLATE.replace('${AWS::Region}', 'us-east-1');
      const finding = only(findings(text, { templateRegions: ['us-east-1', 'eu-west-1', 'us-west-2'] }), 'image-region-mismatch');
      assert.equal(textAt(text, finding), 'us-east-1');
      assert.equal(
        finding.message,
        'The image is in us-east-1, but this template is also deployed to eu-west-1 and us-west-2 (from templateRegions); SageMaker pulls images from its own region, so the stack fails there. ' +
          'Write the region as ${AWS::Region} in a !Sub: account 763104351884 serves "pytorch-inference" there too.',
      );
    });

    it('a China region listed: the domain too; a workflow whose ARNs are in aws is not judged against it', () => {
      const text = modelTemplate(XGBOOST_US_EAST_1);
      assert.equal(
        only(findings(text, { templateRegions: ['us-east-1', 'cn-north-1'] }), 'image-region-mismatch').message,
        'The image is in us-east-1, but this template is also deployed to cn-north-1 (from templateRegions); SageMaker pulls images from its own region, so the stack fails there. ' +
          'Write the region as ${AWS::Region}, the domain as ${AWS::URLSuffix} and the account from a mapping by region (!FindInMap [Table, !Ref AWS::Region, Account]) in a !Sub: SageMaker serves "sagemaker-xgboost" from other accounts there (cn-north-1 450853457545).',
      );
      const flow = trainingFlowTemplate([
        'TrainingJobName: t',
        'RoleArn: arn:aws:iam::123456789012:role/R',
        `AlgorithmSpecification: {TrainingImage: "${XGBOOST_US_EAST_1}", TrainingInputMode: File}`,
        'OutputDataConfig: {S3OutputPath: s3://b/o}',
        'ResourceConfig: {InstanceType: ml.m5.xlarge, InstanceCount: 1, VolumeSizeInGB: 10}',
        'StoppingCondition: {MaxRuntimeInSeconds: 3600}',
      ]);
      assert.deepEqual(findings(flow, { templateRegions: ['us-east-1', 'cn-north-1'] }), []);
      assert.match(only(findings(flow, { templateRegions: ['us-east-1', 'eu-west-1'] }), 'image-region-mismatch').message, /^The image is in us-east-1, but this template is also deployed to eu-west-1 \(from templateRegions\)/);
    });
  });

  describe('.sagemaker-spec.json "templateRegions"', () => {
    const known = { knownRegions: ['us-east-1', 'eu-west-1', 'ap-east-1'] };

    it('reads a list of known regions; later layers replace it', () => {
      assert.deepEqual(parseProjectConfig('{"templateRegions": ["us-east-1", " eu-west-1"]}', known), { ok: true, config: { templateRegions: ['us-east-1', 'eu-west-1'] } });
      assert.deepEqual(mergeProjectConfigs({ templateRegions: ['us-east-1'] }, { region: 'eu-west-1' }, { templateRegions: ['ap-east-1'] }), { region: 'eu-west-1', templateRegions: ['ap-east-1'] });
    });

    it('refuses an empty list, a non-list, an unknown region and a region listed twice', () => {
      const problem = (text: string) => {
        const parsed = parseProjectConfig(text, known);
        return parsed.ok ? 'valid' : parsed.problem;
      };
      assert.equal(problem('{"templateRegions": []}'), '"templateRegions" must be a non-empty array of regions such as ["us-east-1", "eu-west-1"]');
      assert.equal(problem('{"templateRegions": "us-east-1"}'), '"templateRegions" must be a non-empty array of regions such as ["us-east-1", "eu-west-1"]');
      assert.equal(problem('{"templateRegions": ["us-east-1", "eu-wset-1"]}'), '"templateRegions"[1]: "eu-wset-1" is not a known AWS region (did you mean eu-west-1?)');
      assert.equal(problem('{"templateRegions": ["us-east-1", "us-east-1"]}'), '"templateRegions"[1]: "us-east-1" is listed twice');
    });
  });

  describe('command line', () => {
    it('--template-region is repeatable', () => {
      const args = parseCliArguments(['check', '--template-region', 'us-east-1', '--template-region', 'eu-west-1', 'stack.yaml']);
      assert.equal(args.command, 'check');
      assert.deepEqual(args.command === 'check' && args.overrides, { templateRegions: ['us-east-1', 'eu-west-1'] });
      assert.throws(() => parseCliArguments(['check', '--template-region', 'us-east-1', '--template-region', 'us-east-1', 'x']), { name: 'CliError', message: '--template-region us-east-1 is given twice' });
    });

    it('a repeated --region is an error naming what to use instead, not the last one silently', () => {
      assert.throws(() => parseCliArguments(['check', '--region', 'us-east-1', '--region', 'eu-west-1', 'stack.yaml']), {
        name: 'CliError',
        exitCode: 2,
        message: '--region given 2 times (us-east-1, eu-west-1): it names the one target region; for templates deployed to several regions, give each with --template-region',
      });
      const one = parseCliArguments(['check', '--region', 'eu-west-1', 'stack.yaml']);
      assert.deepEqual(one.command === 'check' && one.overrides, { region: 'eu-west-1' });
    });
  });
});
