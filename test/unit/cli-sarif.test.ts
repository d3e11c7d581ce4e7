import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { JsonFileResult } from '../../src/cli/formatters/json';
import { RULE_CODES, RULES, ruleDocsUrl } from '../../src/core/rules/ruleCodes';
import { pathToFileURL } from 'node:url';
import { example, removeTempProjects, REPOSITORY_ROOT, runCli, tempProject } from './cliTestKit';

// The official SARIF 2.1.0 JSON Schema (draft-07); see test/fixtures/sarif/README.md for its source.
const SCHEMA = JSON.parse(fs.readFileSync(path.join(REPOSITORY_ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object;

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
    }[];
  }[];
}

describe('sarif output', () => {
  const args = ['check', 'examples/'];
  let validate: ReturnType<Ajv['compile']>;
  let sarifRun: ReturnType<typeof runCli>;
  let log: SarifLog;

  before(() => {
    validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile(SCHEMA);
    sarifRun = runCli([...args, '--format', 'sarif']);
    log = JSON.parse(sarifRun.stdout) as SarifLog;
  });

  it('is valid against the SARIF 2.1.0 JSON Schema', () => {
    const valid = validate(log);
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    assert.equal(log.version, '2.1.0');
    assert.equal(sarifRun.status, 1);
  });

  it('is checked by a schema that does reject invalid SARIF', () => {
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'information';
    assert.equal(validate(broken), false);
  });

  it('describes every rule with its summary, help URI and default level', () => {
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'sagemaker-spec');
    assert.deepEqual(driver.rules.map((rule) => rule.id), RULE_CODES);
    for (const rule of driver.rules) {
      const code = rule.id as keyof typeof RULES;
      assert.equal(rule.helpUri, ruleDocsUrl(code));
      assert.equal(rule.shortDescription.text, RULES[code].summary);
      assert.equal(rule.defaultConfiguration.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[RULES[code].severity]);
    }
  });

  it('locates each result like the json output, relative to %SRCROOT%', () => {
    const fromJson = (JSON.parse(runCli([...args, '--format', 'json']).stdout) as JsonFileResult[]).flatMap((file) =>
      file.findings.map((finding) => ({
        ruleId: finding.code,
        uri: path.relative(REPOSITORY_ROOT, file.filePath).split(path.sep).join('/'),
        region: [finding.line, finding.column, finding.endLine, finding.endColumn],
      })),
    );
    const run = log.runs[0];
    const fromSarif = run.results.map((result) => {
      const location = result.locations[0].physicalLocation;
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      assert.equal(location.artifactLocation.uriBaseId, '%SRCROOT%');
      const { startLine, startColumn, endLine, endColumn } = location.region;
      return { ruleId: result.ruleId, uri: location.artifactLocation.uri, region: [startLine, startColumn, endLine, endColumn] };
    });
    assert.ok(fromSarif.length >= 6);
    assert.deepEqual(fromSarif, fromJson);
  });

  describe('a run that stops before its report (exit 2)', () => {
    after(removeTempProjects);
    interface StoppedRun {
      results: unknown[];
      invocations: { executionSuccessful: boolean; toolExecutionNotifications: { descriptor: { id: string }; level: string; message: { text: string } }[] }[];
    }

    it('still writes a valid SARIF log, with the message stderr has, for upload-sarif (found by a CI user)', () => {
      const root = tempProject({ 'README.md': '# notes\n' });
      const cases: [string[], string][] = [
        [['check', '--format', 'sarif', '.'], 'no files to check in folder "."'],
        [['check', '--format=sarif', '--no-such-option', '.'], 'unknown option "--no-such-option"'],
        [['check', '--format', 'sarif', 'missing/*.json'], 'no files match "missing/*.json"'],
        // In any letter case, also where the command line does not parse (found by a CI user).
        [['check', '--format', 'SARIF', '.'], 'no files to check in folder "."'],
        [['check', '--format=Sarif', '--no-such-option', '.'], 'unknown option "--no-such-option"'],
      ];
      for (const [argv, start] of cases) {
        const run = runCli(argv, { cwd: root });
        assert.equal(run.status, 2, argv.join(' '));
        const stopped = JSON.parse(run.stdout) as SarifLog & { runs: StoppedRun[] };
        assert.ok(validate(stopped), JSON.stringify(validate.errors, null, 2));
        const [invocation] = stopped.runs[0].invocations;
        assert.deepEqual(stopped.runs[0].results, []);
        assert.equal(invocation.executionSuccessful, false);
        const [note] = invocation.toolExecutionNotifications;
        assert.deepEqual([note.descriptor.id, note.level], ['run-stopped', 'error']);
        assert.ok(note.message.text.startsWith(start), note.message.text);
        assert.equal(run.stderr, `sagemaker-spec: ${note.message.text}\n`, 'stderr says the same');
      }
    });

    it('writes [] in json, and nothing in stylish or for a format it does not know', () => {
      const root = tempProject({ 'README.md': '# notes\n' });
      assert.deepEqual(JSON.parse(runCli(['check', '--format', 'json', '.'], { cwd: root }).stdout), []);
      assert.deepEqual(JSON.parse(runCli(['check', '--format', 'JSON', '--no-such-option', '.'], { cwd: root }).stdout), []);
      assert.equal(runCli(['check', '.'], { cwd: root }).stdout, '');
      const unknown = runCli(['check', '--format', 'xml', '.'], { cwd: root });
      assert.deepEqual([unknown.status, unknown.stdout], [2, '']);
      // Nor for a typo of one: which format was meant is a guess.
      const typo = runCli(['check', '--format', 'sarf', '.'], { cwd: root });
      assert.deepEqual(typo, { status: 2, stdout: '', stderr: 'sagemaker-spec: unknown --format "sarf" (did you mean "sarif"?): use stylish, json or sarif\n' });
      // After `--`, "--format" is a file name, not the option.
      assert.equal(runCli(['check', '--', '--format', 'sarif'], { cwd: root }).stdout, '');
    });
  });

  describe('paths for code scanning, from any working folder', () => {
    after(removeTempProjects);
    const XGBOOST_UNPINNED = example('broken-xgboost-unpinned.sagemaker.json');
    const locations = (stdout: string) => {
      const run = (JSON.parse(stdout) as { runs: (SarifLog['runs'][number] & { originalUriBaseIds: Record<string, { uri: string }> })[] }).runs[0];
      return { root: run.originalUriBaseIds['%SRCROOT%'].uri, files: run.results.map((result) => result.locations[0].physicalLocation.artifactLocation) };
    };

    it('are relative to the git work tree\'s root when run from a subfolder, files outside the subfolder too', () => {
      const root = tempProject({ '.git/HEAD': 'ref: refs/heads/main\n', 'ml/jobs/a.sagemaker.json': XGBOOST_UNPINNED, 'infra/b.sagemaker.json': XGBOOST_UNPINNED });
      const run = runCli(['check', '--format', 'sarif', '.', '../../infra'], { cwd: path.join(root, 'ml', 'jobs') });
      assert.equal(run.status, 1, run.stderr);
      const { root: sourceRoot, files } = locations(run.stdout);
      assert.equal(sourceRoot, `${pathToFileURL(root).href}/`);
      assert.deepEqual(files, [
        { uri: 'ml/jobs/a.sagemaker.json', uriBaseId: '%SRCROOT%' },
        { uri: 'infra/b.sagemaker.json', uriBaseId: '%SRCROOT%' },
      ]);
    });

    it('are relative to the working folder outside a work tree, and absolute file: URIs outside it', () => {
      const root = tempProject({ 'here/a.sagemaker.json': XGBOOST_UNPINNED, 'there/b.sagemaker.json': XGBOOST_UNPINNED });
      const { root: sourceRoot, files } = locations(runCli(['check', '--format', 'sarif', '.', '../there'], { cwd: path.join(root, 'here') }).stdout);
      assert.equal(sourceRoot, `${pathToFileURL(path.join(root, 'here')).href}/`);
      assert.deepEqual(files, [{ uri: 'a.sagemaker.json', uriBaseId: '%SRCROOT%' }, { uri: pathToFileURL(path.join(root, 'there', 'b.sagemaker.json')).href }]);
    });
  });
});
