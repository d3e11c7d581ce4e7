import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { mergeProjectConfigs, parseProjectConfig, PROJECT_CONFIG_FILE } from '../../src/core/projectConfig';
import { ProjectConfigFiles } from '../../src/node/projectConfigFiles';

function problemOf(text: string): string {
  const parsed = parseProjectConfig(text);
  assert.equal(parsed.ok, false, `expected ${text} to be invalid`);
  return parsed.ok ? '' : parsed.problem;
}

describe('.sagemaker-spec.json', () => {
  describe('parsing', () => {
    it('reads region, rules and files (JSONC allowed)', () => {
      const parsed = parseProjectConfig('{\n  // CI runs in Ireland\n  "region": "eu-west-1",\n  "rules": {"latest-tag": "off"},\n  "files": ["jobs/*.json"],\n}');
      assert.deepEqual(parsed, { ok: true, config: { region: 'eu-west-1', rules: { 'latest-tag': 'off' }, files: ['jobs/*.json'] } });
      assert.deepEqual(parseProjectConfig('{}'), { ok: true, config: {} });
    });

    it('names the problem of an invalid file', () => {
      assert.match(problemOf('{"region": "eu-west-1",,}'), /line 1, column 24/);
      assert.match(problemOf('[]'), /expected an object/);
      assert.match(problemOf('{"region": ""}'), /"region"/);
      assert.match(problemOf('{"rules": {"latest-tags": "off"}}'), /unknown rule code "latest-tags"/);
      assert.match(problemOf('{"rules": {"latest-tag": "warn"}}'), /"latest-tag": "warn" is not one of error, warning, information, hint, off/);
      assert.match(problemOf('{"files": "*.json"}'), /"files" must be an array/);
      assert.match(problemOf('{"rule": {}}'), /unknown member "rule"/);
    });
  });

  describe('merging (later layers win)', () => {
    it('replaces region and files, merges rules per code', () => {
      const merged = mergeProjectConfigs(
        { region: 'us-east-1', rules: { 'latest-tag': 'off', 'digest-recommended': 'warning' }, files: ['a'] },
        { region: 'eu-west-1', rules: { 'latest-tag': 'error' } },
        undefined,
      );
      assert.deepEqual(merged, { region: 'eu-west-1', rules: { 'latest-tag': 'error', 'digest-recommended': 'warning' }, files: ['a'] });
    });
  });

  describe('discovery', () => {
    let root: string;
    beforeEach(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-spec-config-'));
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it('finds the nearest file upwards, caching per folder', () => {
      fs.mkdirSync(path.join(root, 'team', 'jobs', 'deep'), { recursive: true });
      fs.writeFileSync(path.join(root, PROJECT_CONFIG_FILE), '{"region": "us-west-2"}');
      fs.writeFileSync(path.join(root, 'team', PROJECT_CONFIG_FILE), '{"region": "eu-west-1"}');
      const configs = new ProjectConfigFiles();
      const found = configs.nearest(path.join(root, 'team', 'jobs', 'deep'));
      assert.equal(found?.file, path.join(root, 'team', PROJECT_CONFIG_FILE));
      assert.equal(found?.dir, path.join(root, 'team'));
      assert.deepEqual(found?.parsed, { ok: true, config: { region: 'eu-west-1' } });
      assert.equal(configs.nearest(root)?.file, path.join(root, PROJECT_CONFIG_FILE));

      // Cached until cleared.
      fs.rmSync(path.join(root, 'team', PROJECT_CONFIG_FILE));
      assert.equal(configs.nearest(path.join(root, 'team', 'jobs'))?.dir, path.join(root, 'team'));
      configs.clear();
      assert.equal(configs.nearest(path.join(root, 'team', 'jobs'))?.dir, root);
    });

    it('reports an unreadable config instead of skipping it', () => {
      fs.mkdirSync(path.join(root, PROJECT_CONFIG_FILE)); // a folder where the file should be
      const found = new ProjectConfigFiles().nearest(root);
      assert.equal(found?.parsed.ok, false);
    });
  });
});
