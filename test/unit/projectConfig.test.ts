import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { configForFile, mergeProjectConfigs, overrideEntryName, parseProjectConfig, PROJECT_CONFIG_FILE, regionForFile, regionProblem, type ProjectConfig, type ProjectConfigOptions } from '../../src/core/projectConfig';
import { ProjectConfigFiles } from '../../src/node/projectConfigFiles';

const KNOWN_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1'];

function problemOf(text: string, options?: ProjectConfigOptions): string {
  const parsed = parseProjectConfig(text, options);
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
      assert.match(problemOf('{"rule": {}}'), /unknown member "rule" \(did you mean "rules"\?\)/);
    });

    it('suggests a member or rule code only when it is a typo away, not a far guess (found by a CI user)', () => {
      assert.match(problemOf('{"excludes": []}'), /^unknown member "excludes" \(did you mean "exclude"\?\) \(expected /);
      assert.match(problemOf('{"bogus": 1}'), /^unknown member "bogus" \(expected /);
      assert.match(problemOf('{"rules": {"latest_tag": "off"}}'), /unknown rule code "latest_tag" \(did you mean "latest-tag"\?\)/);
      assert.equal(problemOf('{"rules": {"nosuch": "off"}}'), '"rules": unknown rule code "nosuch"');
    });

    it('says what is wrong with text that is not JSON in words, with its line and column', () => {
      assert.equal(problemOf("{'region': 'us-east-1'}"), 'not valid JSON at line 1, column 2: an unexpected character "\'"');
      assert.equal(problemOf('{\n  "region": "us-east-1"\n  "rules": {}\n}'), 'not valid JSON at line 3, column 3: a comma is expected');
      assert.equal(problemOf('{"region": "us-east-1"'), 'not valid JSON at line 1, column 23: a closing brace "}" is expected');
      assert.equal(problemOf(''), 'the file is empty: write an object such as {"region": "us-east-1"}');
    });

    it('reads "exclude" patterns and refuses malformed ones, naming the pattern', () => {
      assert.deepEqual(parseProjectConfig('{"exclude": ["fixtures/", "!fixtures/keep.json", "/generated"]}'), { ok: true, config: { exclude: ['fixtures/', '!fixtures/keep.json', '/generated'] } });
      assert.equal(problemOf('{"exclude": "fixtures/"}'), '"exclude" must be an array of gitignore-style pattern strings');
      assert.equal(problemOf('{"exclude": [""]}'), '"exclude": "" is empty');
      assert.equal(problemOf('{"exclude": ["a\\nb"]}'), '"exclude": "a\\nb" holds a line break: give one pattern per entry');
      assert.match(problemOf('{"exclude": ["a/**/b/**/c"]}'), /^"exclude": "a\/\*\*\/b\/\*\*\/c" has more than one "\*\*" between other parts/);
    });

    it('refuses duplicate keys, at the top and inside "rules", naming the key and its line', () => {
      assert.equal(problemOf('{\n  "region": "us-east-1",\n  "region": "eu-west-1"\n}'), 'duplicate key "region" at line 3');
      assert.equal(problemOf('{"rules": {"latest-tag": "off", "latest-tag": "error"}}'), 'duplicate key "latest-tag" at line 1');
    });

    it('refuses a region the catalog does not know, suggesting the nearest; without a catalog, checks the syntax', () => {
      assert.deepEqual(parseProjectConfig('{"region": "eu-west-1"}', { knownRegions: KNOWN_REGIONS }), { ok: true, config: { region: 'eu-west-1' } });
      assert.equal(problemOf('{"region": "eu-wset-1"}', { knownRegions: KNOWN_REGIONS }), '"region": "eu-wset-1" is not a known AWS region (did you mean eu-west-1?)');
      assert.equal(regionProblem('x'.repeat(100_000), KNOWN_REGIONS), `"${'x'.repeat(64)}…" is not a known AWS region`);
      assert.equal(problemOf('{"region": "Frankfurt"}'), '"region": "Frankfurt" is not an AWS region name such as us-east-1');
      for (const region of ['us-gov-west-1', 'cn-northwest-1', 'ap-southeast-5', 'eusc-de-east-1']) assert.equal(regionProblem(region), undefined, region);
    });

    it('refuses bad globs in "files", naming the glob', () => {
      assert.equal(problemOf('{"files": ["jobs/{a,b.json"]}'), '"files": "jobs/{a,b.json" has a "{" without its "}"');
      assert.match(problemOf(JSON.stringify({ files: ['a'.repeat(65 * 1024)] })), /^"files": "a{80}…" glob is longer than 1024 characters$/);
      assert.equal(problemOf(JSON.stringify({ files: Array.from({ length: 257 }, (_, index) => `${index}.json`) })), '"files": more than 256 globs');
    });

    it('reads "overrides" and refuses malformed entries, naming the entry', () => {
      const text = '{"region": "us-east-1", "overrides": [{"files": ["eu/**"], "region": " eu-west-1 "}]}';
      assert.deepEqual(parseProjectConfig(text, { knownRegions: KNOWN_REGIONS }), {
        ok: true,
        config: { region: 'us-east-1', overrides: [{ files: ['eu/**'], region: 'eu-west-1' }] },
      });
      assert.equal(problemOf('{"overrides": {}}'), '"overrides" must be an array of {"files": [globs], "region": "…", "rules": {…}, "templateRegions": […]}');
      assert.equal(problemOf('{"overrides": ["eu/**"]}'), '"overrides" must be an array of {"files": [globs], "region": "…", "rules": {…}, "templateRegions": […]}');
      assert.equal(problemOf('{"overrides": [{"files": ["a"]}]}'), '"overrides"[0] needs "region", "rules" or "templateRegions"');
      assert.equal(problemOf('{"overrides": [{"region": "us-east-1"}]}'), '"overrides"[0] needs "files"');
      assert.equal(problemOf('{"overrides": [{"files": ["a"], "region": "us-east-1", "exclude": []}]}'), '"overrides"[0]: unknown member "exclude" (expected "files", "region", "rules", "templateRegions")');
      assert.equal(problemOf('{"overrides": [{"files": ["a"], "rules": []}]}'), '"overrides"[0].rules must be an object of code → severity');
      assert.equal(problemOf('{"overrides": [{"files": ["a"], "rules": {"latest-tags": "off"}}]}'), '"overrides"[0].rules: unknown rule code "latest-tags" (did you mean "latest-tag"?)');
      assert.equal(problemOf('{"overrides": [{"files": ["a"], "rules": {"latest-tag": "silent"}}]}'), '"overrides"[0].rules: "latest-tag": "silent" is not one of error, warning, information, hint, off');
      assert.equal(problemOf('{"overrides": [{"files": ["a"], "region": "us-east-1"}, {"files": ["{a"], "region": "us-east-1"}]}'), '"overrides"[1].files: "{a" has a "{" without its "}"');
      assert.equal(problemOf('{"overrides": [{"files": [], "region": "us-east-1"}, {"files": "a", "region": "us-east-1"}]}'), '"overrides"[1].files must be an array of glob strings');
      assert.equal(problemOf('{"overrides": [{"files": ["a"], "region": 1}]}'), '"overrides"[0].region must be a non-empty string such as "us-east-1"');
      assert.equal(
        problemOf('{"overrides": [{"files": ["a"], "region": "eu-wset-1"}]}', { knownRegions: KNOWN_REGIONS }),
        '"overrides"[0].region: "eu-wset-1" is not a known AWS region (did you mean eu-west-1?)',
      );
      assert.equal(problemOf('{"overrides": [{"files": ["a"], "region": "Frankfurt"}]}'), '"overrides"[0].region: "Frankfurt" is not an AWS region name such as us-east-1');
      assert.equal(problemOf(JSON.stringify({ overrides: Array.from({ length: 257 }, () => ({ files: ['a'], region: 'us-east-1' })) })), '"overrides": more than 256 entries');
    });

    it('refuses deep nesting instead of overflowing the stack', () => {
      assert.equal(problemOf(`{"rules": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`), 'nested too deeply');
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

  describe('region per file', () => {
    const config: ProjectConfig = {
      region: 'us-east-1',
      overrides: [
        { files: ['eu/**', 'shared/frankfurt-*.json'], region: 'eu-central-1' },
        { files: ['eu/ireland/**'], region: 'eu-west-1' },
      ],
    };

    it('takes the last matching entry, else the file\'s region', () => {
      assert.equal(regionForFile(config, 'eu/job.sagemaker.json'), 'eu-central-1');
      assert.equal(regionForFile(config, 'eu/ireland/job.sagemaker.json'), 'eu-west-1');
      assert.equal(regionForFile(config, 'shared/frankfurt-a.json'), 'eu-central-1');
      assert.equal(regionForFile(config, 'shared/other.json'), 'us-east-1');
      assert.equal(regionForFile({ overrides: config.overrides }, 'us/job.json'), undefined);
    });

    it('reads an entry\'s templateRegions, refusing a bad list with the entry named', () => {
      assert.deepEqual(parseProjectConfig('{"overrides":[{"files":["cn/**"],"templateRegions":["cn-north-1", "cn-northwest-1"]}]}'), {
        ok: true,
        config: { overrides: [{ files: ['cn/**'], templateRegions: ['cn-north-1', 'cn-northwest-1'] }] },
      });
      assert.equal(problemOf('{"overrides": [{"files": ["a"], "templateRegions": []}]}'), '"overrides"[0].templateRegions must be a non-empty array of regions such as ["us-east-1", "eu-west-1"]');
      assert.equal(
        problemOf('{"overrides": [{"files": ["a"], "templateRegions": ["us-east-1", "eu-wset-1"]}]}', { knownRegions: KNOWN_REGIONS }),
        '"overrides"[0].templateRegions[1]: "eu-wset-1" is not a known AWS region (did you mean eu-west-1?)',
      );
    });

    it('gives a file\'s templates the last matching entry\'s list, or its region where a top-level list would otherwise win', () => {
      const listed: ProjectConfig = {
        templateRegions: ['us-east-1', 'us-west-2'],
        overrides: [
          { files: ['infra/**'], region: 'eu-west-1' },
          { files: ['infra/cn/**'], templateRegions: ['cn-north-1', 'cn-northwest-1'] },
          { files: ['specs/**'], rules: { 'latest-tag': 'off' } },
        ],
      };
      const forFile = (file: string) => {
        const { config, templateRegionsOverride } = configForFile(listed, file);
        return [config.region, config.templateRegions, templateRegionsOverride?.files];
      };
      assert.deepEqual(forFile('infra/t.yaml'), ['eu-west-1', ['eu-west-1'], ['infra/**']]);
      assert.deepEqual(forFile('infra/cn/t.yaml'), ['eu-west-1', ['cn-north-1', 'cn-northwest-1'], ['infra/cn/**']]);
      assert.deepEqual(forFile('specs/t.yaml'), [undefined, ['us-east-1', 'us-west-2'], undefined]);
      // Without a top-level list, a region entry leaves templates to the region as before (--region still wins over it).
      const regionOnly = configForFile({ overrides: [{ files: ['infra/**'], region: 'eu-west-1' }] }, 'infra/t.yaml');
      assert.deepEqual([regionOnly.config.region, regionOnly.config.templateRegions, regionOnly.templateRegionsOverride], ['eu-west-1', undefined, undefined]);
      assert.equal(overrideEntryName('.sagemaker-spec.json', listed.overrides![1]), '.sagemaker-spec.json "overrides" entry "infra/cn/**"');
    });

    it('reads an entry with rules and no region (the strict-json advice)', () => {
      assert.deepEqual(parseProjectConfig('{"overrides":[{"files":["a.asl.json"],"rules":{"latest-tag":"off"}}]}'), {
        ok: true,
        config: { overrides: [{ files: ['a.asl.json'], rules: { 'latest-tag': 'off' } }] },
      });
    });

    it('applies the rules of every matching entry in order over the top-level rules; the region of the last entry with one', () => {
      const layered: ProjectConfig = {
        region: 'us-east-1',
        rules: { 'latest-tag': 'error', 'digest-recommended': 'hint' },
        overrides: [
          { files: ['sfn/**'], region: 'eu-west-1', rules: { 'latest-tag': 'off', 'strict-json': 'off' } },
          { files: ['sfn/strict/**'], rules: { 'strict-json': 'error' } },
          { files: ['other/**'], rules: { 'digest-recommended': 'off' } },
        ],
      };
      const strict = configForFile(layered, 'sfn/strict/a.asl.json');
      assert.deepEqual(strict.config, { region: 'eu-west-1', rules: { 'latest-tag': 'off', 'digest-recommended': 'hint', 'strict-json': 'error' } });
      assert.equal(strict.regionOverride, layered.overrides![0]);
      assert.deepEqual(configForFile(layered, 'sfn/a.asl.json').config.rules, { 'latest-tag': 'off', 'digest-recommended': 'hint', 'strict-json': 'off' });
      const outside = configForFile(layered, 'jobs/a.json');
      assert.deepEqual(outside.config, { region: 'us-east-1', rules: { 'latest-tag': 'error', 'digest-recommended': 'hint' } });
      assert.equal(outside.regionOverride, undefined);
      // A file outside the config file's folder: no entry applies.
      assert.deepEqual(configForFile(layered, undefined).config.rules, layered.rules);
      // The config itself is left as it was.
      assert.deepEqual(layered.rules, { 'latest-tag': 'error', 'digest-recommended': 'hint' });
    });

    it('matches a hostile glob against a long path in linear time', () => {
      const hostile: ProjectConfig = { overrides: [{ files: [`${'*?'.repeat(200)}!`], region: 'eu-west-1' }] };
      const started = Date.now();
      assert.equal(regionForFile(hostile, 'a'.repeat(10_000)), undefined);
      assert.ok(Date.now() - started < 2000);
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
      assert.deepEqual(found?.parsed, { ok: false, problem: 'it is a folder, not a file' });
    });

    it('reads a UTF-16 config and checks its region against the regions it is given', () => {
      fs.writeFileSync(path.join(root, PROJECT_CONFIG_FILE), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"region": "eu-west-1"}', 'utf16le')]));
      assert.deepEqual(new ProjectConfigFiles({ knownRegions: KNOWN_REGIONS }).nearest(root)?.parsed, { ok: true, config: { region: 'eu-west-1' } });
      assert.equal(new ProjectConfigFiles({ knownRegions: ['us-east-1'] }).nearest(root)?.parsed.ok, false);
    });
  });
});
