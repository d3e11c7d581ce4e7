// The checker with the regions templates are deployed to: `templateRegions` in the config file,
// `--template-region` over it, each checked against the catalog, and the source named.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JsonFileResult } from '../../src/cli/formatters/json';
import { removeTempProjects, runCli, tempProject } from './cliTestKit';
import { DLC_TEMPLATE as STACK } from './yamlTestKit';


describe('sagemaker-spec check: template regions', () => {
  after(removeTempProjects);

  const messages = (stdout: string) => (JSON.parse(stdout) as JsonFileResult[]).flatMap((result) => result.findings.map((finding) => `${finding.severity} ${finding.message}`));

  it('checks a template in the config file\'s templateRegions, or in the --template-regions over them', () => {
    const root = tempProject({ 'stack.yaml': STACK, '.sagemaker-spec.json': '{"region": "ap-east-1", "templateRegions": ["us-east-1", "eu-west-1"]}' });
    const args = ['check', '--format', 'json', 'stack.yaml'];
    // The list wins over the one region for templates; 763104351884 serves both listed regions.
    const listed = runCli(args, { cwd: root, env: { AWS_REGION: 'ap-east-1' } });
    assert.equal(listed.status, 0, listed.stdout);
    const overridden = runCli([...args, '--template-region', 'us-east-1', '--template-region', 'ap-east-1'], { cwd: root });
    assert.equal(overridden.status, 1);
    assert.deepEqual(messages(overridden.stdout), [
      'error The region is a placeholder, and account 763104351884 does not serve "pytorch-inference" in ap-east-1 (account 871362719292), where this template is deployed (--template-region): the image cannot be pulled there. Set the account per region with a mapping (!FindInMap [Table, !Ref AWS::Region, Account]).',
    ]);
    fs.writeFileSync(path.join(root, '.sagemaker-spec.json'), '{"templateRegions": ["eu-west-1", "ap-east-1"]}');
    assert.match(messages(runCli(args, { cwd: root }).stdout)[0], /in ap-east-1 \(account 871362719292\), where this template is deployed \(\.sagemaker-spec\.json "templateRegions"\)/);
  });

  it('takes an overrides entry\'s templateRegions for its files, and its region over the top-level list, naming the entry', () => {
    const config = { templateRegions: ['us-east-1', 'eu-west-1'], overrides: [{ files: ['hk/**'], templateRegions: ['us-east-1', 'ap-east-1'] }, { files: ['hk-only/**'], region: 'ap-east-1' }] };
    const root = tempProject({ 'stack.yaml': STACK, 'hk/stack.yaml': STACK, 'hk-only/stack.yaml': STACK, '.sagemaker-spec.json': JSON.stringify(config) });
    const run = runCli(['check', '--format', 'json', 'stack.yaml', 'hk/stack.yaml', 'hk-only/stack.yaml'], { cwd: root });
    assert.equal(run.status, 1);
    const byFile = Object.fromEntries((JSON.parse(run.stdout) as JsonFileResult[]).map((result) => [path.relative(root, result.filePath), result.findings.map((finding) => finding.message)]));
    assert.deepEqual(byFile['stack.yaml'], []);
    assert.match(byFile[path.join('hk', 'stack.yaml')][0], /in ap-east-1 \(account 871362719292\), where this template is deployed \(\.sagemaker-spec\.json "overrides" entry "hk\/\*\*"\)/);
    // One region is the template's target, as --region is (the top-level list no longer wins over the entry's region).
    assert.deepEqual(byFile[path.join('hk-only', 'stack.yaml')], ['In ap-east-1, SageMaker serves "pytorch-inference" from account 871362719292, not 763104351884.']);
  });

  it('is exit 2 on a --template-region the catalog does not know, or a repeated --region', () => {
    const root = tempProject({ 'stack.yaml': STACK });
    const unknown = runCli(['check', '--template-region', 'eu-wset-1', 'stack.yaml'], { cwd: root });
    assert.equal(unknown.status, 2);
    assert.equal(unknown.stderr, 'sagemaker-spec: --template-region "eu-wset-1" is not a known AWS region (did you mean eu-west-1?)\n');
    const twice = runCli(['check', '--region', 'us-east-1', '--region', 'eu-west-1', 'stack.yaml'], { cwd: root });
    assert.equal(twice.status, 2);
    assert.match(twice.stderr, /--region given 2 times \(us-east-1, eu-west-1\): it names the one target region; for templates deployed to several regions, give each with --template-region/);
  });
});
