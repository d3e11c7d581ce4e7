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
