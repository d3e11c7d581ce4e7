/**
 * The checker against hostile input: special files, huge and oddly encoded files, floods of
 * findings, control characters, hostile config files, faults inside the analysis.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { analyzeDocument } from '../../src/core/hostDocument';
import { expandFiles } from '../../src/cli/expandFiles';
import type { JsonFileResult } from '../../src/cli/formatters/json';
import { MAX_FINDINGS_PER_FILE } from '../../src/cli/report';
import { runCli as runCliInProcess, type CliHooks } from '../../src/cli/runCli';
import { MAX_SPEC_BYTES } from '../../src/node/readSpecFile';
import { CLI, example, REPOSITORY_ROOT, removeTempProjects, runCli, tempProject } from './cliTestKit';

const GOOD = example('training-builtin-algorithm.sagemaker.json');
/** One `latest-tag` warning at 5:75. */
const LATEST_TAG = example('broken-latest-tag.sagemaker.json');
/** One `xgboost-unpinned` error. */
const XGBOOST_UNPINNED = example('broken-xgboost-unpinned.sagemaker.json');

function assertExit2(run: ReturnType<typeof runCli>, pattern: RegExp): void {
  assert.equal(run.status, 2, `status ${run.status}, stderr: ${run.stderr}`);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /^sagemaker-spec: [^\n]+\n$/);
  assert.match(run.stderr, pattern);
}

function findingsOf(stdout: string): { code: string; line: number; column: number; message: string }[] {
  return (JSON.parse(stdout) as JsonFileResult[]).flatMap((result) => result.findings.map(({ code, line, column, message }) => ({ code, line, column, message })));
}

/** Runs the checker in this process, collecting its output. */
function runInProcess(args: string[], cwd: string, hooks: CliHooks = {}, env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const status = runCliInProcess(args, { cwd, env: { AWS_CONFIG_FILE: path.join(cwd, 'no-such-aws-config'), ...env }, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) }, hooks);
  return { status, stdout, stderr };
}

/** An analysis that adds `count` copies of the file's first real finding. */
function flooding(count: number): CliHooks['analyze'] {
  return (document, options) => {
    const analysis = analyzeDocument(document, options);
    const copies = Array.from({ length: count }, () => ({ ...analysis.findings[0] }));
    return { ...analysis, findings: [...analysis.findings, ...copies] };
  };
}

describe('sagemaker-spec check: hostile input', () => {
  after(removeTempProjects);

  describe('its reader', () => {
    it('stops quietly with the check\'s exit code when the reader closes the pipe early (`check … | head`)', async () => {
      // Enough findings that the report outgrows the pipe's buffer, so a write meets the closed end.
      const files = Object.fromEntries(Array.from({ length: 400 }, (_, index) => [`specs/broken-${index}.sagemaker.json`, XGBOOST_UNPINNED]));
      const root = tempProject(files);
      const child = spawn(process.execPath, [CLI, 'check', '--format', 'json', 'specs'], { cwd: root, env: { PATH: process.env.PATH ?? '', HOME: root, AWS_CONFIG_FILE: path.join(root, 'none') } });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.once('data', () => child.stdout.destroy());
      const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      assert.equal(stderr, '');
      assert.equal(status, 1); // the exit code of a check that found errors
    });
  });

  describe('reading files', () => {
    it('never reads a symlink to /dev/zero: skipped in a folder (symlinks are not followed), refused by name', () => {
      const root = tempProject({ 'specs/good.sagemaker.json': GOOD });
      fs.symlinkSync('/dev/zero', path.join(root, 'specs', 'x.sagemaker.json'));
      const inFolder = runCli(['check', '--format', 'json', 'specs'], { cwd: root, timeoutMs: 20_000 });
      assert.equal(inFolder.status, 0, inFolder.stderr);
      assert.deepEqual((JSON.parse(inFolder.stdout) as JsonFileResult[]).map((result) => path.relative(root, result.filePath)), [path.join('specs', 'good.sagemaker.json')]);
      const named = runCli(['check', 'specs/x.sagemaker.json'], { cwd: root, timeoutMs: 20_000 });
      assertExit2(named, /cannot read .*specs\/x\.sagemaker\.json: it is not a regular file \(a character device\)/);
    });

    it('refuses a named pipe given on the command line instead of waiting for a writer', function () {
      if (process.platform === 'win32') this.skip(); // no mkfifo: Windows has no named pipes in the file system
      const root = tempProject({});
      execFileSync('mkfifo', [path.join(root, 'pipe.sagemaker.json')]);
      const run = runCli(['check', 'pipe.sagemaker.json'], { cwd: root, timeoutMs: 20_000 });
      assertExit2(run, /pipe\.sagemaker\.json: it is not a regular file \(a named pipe\)/);
    });

    it(`refuses a file over ${MAX_SPEC_BYTES / 1024 / 1024} MiB and reads one of exactly that size`, () => {
      const root = tempProject({});
      const big = path.join(root, 'big.sagemaker.json');
      fs.writeFileSync(big, '');
      fs.truncateSync(big, MAX_SPEC_BYTES + 1); // sparse: no 16 MiB written to disk
      assertExit2(runCli(['check', 'big.sagemaker.json'], { cwd: root }), /big\.sagemaker\.json: it is larger than 16 MiB, the limit$/m);

      // At the limit: read and reported (NUL bytes are not JSON), not refused.
      fs.truncateSync(big, MAX_SPEC_BYTES);
      const atLimit = runCli(['check', '--format', 'json', 'big.sagemaker.json'], { cwd: root });
      assert.equal(atLimit.stderr, '');
      assert.equal(atLimit.status, 1);
      assert.ok(findingsOf(atLimit.stdout).some((finding) => finding.code === 'invalid-json'));
    });

    it('treats an empty or overlong argument as a usage error, not as the current folder or a crash', () => {
      const root = tempProject({ 'job.sagemaker.json': XGBOOST_UNPINNED });
      assertExit2(runCli(['check', ''], { cwd: root }), /empty file argument ""/);
      assertExit2(runCli(['check', 'job.sagemaker.json', ' '], { cwd: root }), /empty file argument ""/);
      assertExit2(runCli(['check', 'a*'.repeat(40_000)], { cwd: root }), /^sagemaker-spec: argument "(a\*){20}…" is longer than 4096 characters\n$/);
    });

    it('decodes UTF-16 LE and BE files (by byte-order mark) to the same findings as UTF-8', () => {
      const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LATEST_TAG, 'utf16le')]);
      const utf16be = Buffer.from(utf16le);
      utf16be.swap16(); // the BOM swaps to FE FF as well
      const root = tempProject({ 'utf8.sagemaker.json': LATEST_TAG, 'bom.sagemaker.json': `\uFEFF${LATEST_TAG}` });
      fs.writeFileSync(path.join(root, 'le.sagemaker.json'), utf16le);
      fs.writeFileSync(path.join(root, 'be.sagemaker.json'), utf16be);
      const findings = (file: string) => findingsOf(runCli(['check', '--format', 'json', file], { cwd: root }).stdout);
      const expected = findings('utf8.sagemaker.json');
      assert.deepEqual(
        expected.map((finding) => [finding.code, finding.line, finding.column]),
        [['latest-tag', 5, 75]],
      );
      assert.deepEqual(findings('bom.sagemaker.json'), expected);
      assert.deepEqual(findings('le.sagemaker.json'), expected);
      assert.deepEqual(findings('be.sagemaker.json'), expected);
    });
  });

  describe('output', () => {
    const flood = MAX_FINDINGS_PER_FILE + 1500;

    it(`stylish prints at most ${MAX_FINDINGS_PER_FILE} findings per file, says how many more, and counts them all`, () => {
      const root = tempProject({ 'job.sagemaker.json': LATEST_TAG, 'xgb.sagemaker.json': XGBOOST_UNPINNED });
      const run = runInProcess(['check', 'job.sagemaker.json', 'xgb.sagemaker.json'], root, { analyze: flooding(flood) });
      assert.equal(run.status, 1);
      const lines = run.stdout.split('\n');
      const rows = lines.filter((line) => / {2}(latest-tag|xgboost-unpinned)$/.test(line));
      assert.equal(rows.length, 2 * MAX_FINDINGS_PER_FILE);
      assert.equal(lines.filter((line) => line === '  … and 1,501 more findings not shown (at most 1,000 per file)').length, 2);
      assert.equal(lines.at(-2), '✖ 5,002 problems (2,501 errors, 2,501 warnings)');
      // No row is padded to the widest message.
      assert.ok(rows.every((row) => !/ {3,}/.test(row.replace(/^ {2}\S+ {2}\S+ +/, ''))), 'a message is padded');
    });

    it('json keeps the first findings, names the count left out, and counts every finding', () => {
      const root = tempProject({ 'job.sagemaker.json': LATEST_TAG });
      const run = runInProcess(['check', '--format', 'json', 'job.sagemaker.json'], root, { analyze: flooding(flood) });
      const [result] = JSON.parse(run.stdout) as JsonFileResult[];
      assert.equal(result.findings.length, MAX_FINDINGS_PER_FILE);
      assert.equal(result.omittedFindingCount, flood + 1 - MAX_FINDINGS_PER_FILE);
      assert.equal(result.warningCount, flood + 1);
      assert.equal(run.status, 0);
      assert.equal(runInProcess(['check', '--max-warnings', String(flood), 'job.sagemaker.json'], root, { analyze: flooding(flood) }).status, 1);
    });

    it('sarif keeps the first findings, with a schema-valid notification of the rest', () => {
      const schema = JSON.parse(fs.readFileSync(path.join(REPOSITORY_ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
      const validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile(schema);
      const root = tempProject({ 'job.sagemaker.json': LATEST_TAG });
      const run = runInProcess(['check', '--format', 'sarif', 'job.sagemaker.json'], root, { analyze: flooding(flood) });
      const log = JSON.parse(run.stdout) as { runs: { results: unknown[]; invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string }; properties: { omittedFindingCount: number } }[] }[] }[] };
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      assert.equal(log.runs[0].results.length, MAX_FINDINGS_PER_FILE);
      const [invocation] = log.runs[0].invocations;
      assert.equal(invocation.executionSuccessful, true);
      assert.equal(invocation.toolExecutionNotifications.length, 1);
      assert.equal(invocation.toolExecutionNotifications[0].level, 'note');
      assert.equal(invocation.toolExecutionNotifications[0].properties.omittedFindingCount, 1501);
      assert.match(invocation.toolExecutionNotifications[0].message.text, /^1501 more findings not shown/);
    });

    it('escapes control characters from keys, so a spec cannot clear the screen or fake a result', () => {
      const hostileKey = '\\u001b[2J\\u001b[H\\u009b31m\\nAll checks passed\\u202e';
      const spec = LATEST_TAG.replace('{\n', `{\n  "${hostileKey}": 1,\n`);
      const root = tempProject({ 'job.sagemaker.json': spec, [`odd\u001b[2Jname.sagemaker.json`]: spec });
      const run = runCli(['check', '*.sagemaker.json'], { cwd: root });
      assert.equal(run.status, 1); // unknown-property: an error
      assert.match(run.stdout, /^ {2}2:4 {3}error {4}"\\u001b\[2J.*" is not a member of the CreateTrainingJob request {2}unknown-property$/m);
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(run.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
      assert.ok(run.stdout.includes('\\u001b[2J\\u001b[H\\u009b31m\\nAll checks passed\\u202e'), run.stdout);
      assert.ok(run.stdout.includes('\nodd\\u001b[2Jname.sagemaker.json\n'), run.stdout);
      assert.ok(!run.stdout.split('\n').some((line) => line.startsWith('All checks passed')));
    });
  });

  describe('.sagemaker-spec.json', () => {
    it('matches a glob that backtracks exponentially in regex matchers, quickly and correctly', () => {
      // picomatch took over 100 s for this pattern against a 22-character name; mocha's timeout guards.
      const name = `${'a'.repeat(22)}.json`;
      const root = tempProject({ '.sagemaker-spec.json': JSON.stringify({ files: ['**/*(*a)*(*a)*(*a)*(*a)!', `**/${'?*'.repeat(20)}!`, 'jobs/*.json'] }), [name]: '{"Name": "x"}', 'jobs/unknown.json': '{"Name": "x"}' });
      const run = runCli(['check', '--format', 'json', name, 'jobs/unknown.json'], { cwd: root, timeoutMs: 20_000 });
      assert.equal(run.stderr, '');
      assert.deepEqual(
        (JSON.parse(run.stdout) as JsonFileResult[]).map((result) => [path.basename(result.filePath), result.findings.map((finding) => finding.code)]),
        [[name, []], ['unknown.json', ['unknown-spec-kind']]],
      );
    });

    it('is exit 2, naming the file and the key, for a bad or oversized glob', () => {
      const root = tempProject({ 'job.sagemaker.json': GOOD });
      const config = path.join(root, '.sagemaker-spec.json');
      fs.writeFileSync(config, JSON.stringify({ files: ['jobs/{a,b.json'] }));
      const run = runCli(['check', 'job.sagemaker.json'], { cwd: root });
      assertExit2(run, /invalid config .*"files": "jobs\/\{a,b\.json" has a "\{" without its "\}"/);
      assert.ok(run.stderr.includes(config), run.stderr);
      fs.writeFileSync(config, JSON.stringify({ files: [`**/${'a'.repeat(64 * 1024)}`] }));
      assertExit2(runCli(['check', 'job.sagemaker.json'], { cwd: root }), /invalid config .*"files": "\*\*\/a+…" glob is longer than 1024 characters/);
    });

    it('is exit 2 for a duplicate key, naming it', () => {
      const root = tempProject({ '.sagemaker-spec.json': '{\n  "region": "us-east-1",\n  "region": "eu-west-1"\n}', 'job.sagemaker.json': GOOD });
      assertExit2(runCli(['check', 'job.sagemaker.json'], { cwd: root }), /invalid config .*duplicate key "region" at line 3/);
    });

    it('is exit 2 for a region the catalog does not know, with the nearest one; so is --region', () => {
      const root = tempProject({ '.sagemaker-spec.json': '{"region": "eu-west-11"}', 'job.sagemaker.json': GOOD });
      assertExit2(runCli(['check', 'job.sagemaker.json'], { cwd: root }), /invalid config .*"region": "eu-west-11" is not a known AWS region \(did you mean eu-west-1\?\)/);
      assertExit2(runCli(['check', '--region', 'us-est-1', 'x.json'], { cwd: root }), /^sagemaker-spec: --region "us-est-1" is not a known AWS region \(did you mean us-east-1\?\)\n$/);
      // The spec's image is in us-east-1: any other explicit region is an image-region-mismatch error.
      fs.writeFileSync(path.join(root, '.sagemaker-spec.json'), '{"region": "us-east-1"}');
      assert.equal(runCli(['check', 'job.sagemaker.json'], { cwd: root }).status, 0);
    });

    it('refuses a config file that is a symlink to /dev/zero, unread', () => {
      const root = tempProject({ 'job.sagemaker.json': GOOD });
      fs.symlinkSync('/dev/zero', path.join(root, '.sagemaker-spec.json'));
      assertExit2(runCli(['check', 'job.sagemaker.json'], { cwd: root, timeoutMs: 20_000 }), /invalid config .*: it is not a regular file \(a character device\)/);
    });
  });

  describe('a fault in one file\'s analysis', () => {
    const failingOn = (name: string): CliHooks['analyze'] => (document, options) => {
      if (document.text.includes(name)) throw new TypeError(`Cannot read properties of undefined (reading 'x')\n    at rule (rules/x.ts:1:1)`);
      return analyzeDocument(document, options);
    };
    const files = { 'a.sagemaker.json': LATEST_TAG, 'b.sagemaker.json': XGBOOST_UNPINNED.replace('{', '{"TrainingJobName": "fails-here",') };

    it('costs only that file: one line on stderr, the others reported, exit 2', () => {
      const root = tempProject(files);
      const run = runInProcess(['check', 'a.sagemaker.json', 'b.sagemaker.json'], root, { analyze: failingOn('fails-here') });
      assert.equal(run.status, 2);
      assert.equal(run.stderr, `sagemaker-spec: internal error while checking ${path.join(root, 'b.sagemaker.json')}: Cannot read properties of undefined (reading 'x')\n`);
      assert.match(run.stdout, /^\na\.sagemaker\.json\n {2}5:75 {2}warning .* {2}latest-tag\n/);
    });

    it('prints the stack only with SAGEMAKER_SPEC_DEBUG=1', () => {
      const root = tempProject(files);
      const run = runInProcess(['check', 'b.sagemaker.json'], root, { analyze: failingOn('fails-here') }, { SAGEMAKER_SPEC_DEBUG: '1' });
      assert.match(run.stderr, /^sagemaker-spec: internal error while checking .*\nTypeError: Cannot read properties .*\n {4}at /);
    });

    it('still writes json and sarif in full, sarif with an error notification', () => {
      const root = tempProject(files);
      const json = runInProcess(['check', '--format', 'json', 'a.sagemaker.json', 'b.sagemaker.json'], root, { analyze: failingOn('fails-here') });
      assert.equal(json.status, 2);
      const results = JSON.parse(json.stdout) as JsonFileResult[];
      assert.deepEqual(results.map((result) => [path.basename(result.filePath), result.findings.map((finding) => finding.code), result.internalError?.split('\n')[0]]), [
        ['a.sagemaker.json', ['latest-tag'], undefined],
        ['b.sagemaker.json', [], "Cannot read properties of undefined (reading 'x')"],
      ]);

      const sarif = runInProcess(['check', '--format', 'sarif', 'a.sagemaker.json', 'b.sagemaker.json'], root, { analyze: failingOn('fails-here') });
      assert.equal(sarif.status, 2);
      const run = (JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string }[]; invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }[] }).runs[0];
      assert.deepEqual(run.results.map((result) => result.ruleId), ['latest-tag']);
      assert.equal(run.invocations[0].executionSuccessful, false);
      assert.deepEqual(run.invocations[0].toolExecutionNotifications.map((note) => [note.level, note.locations[0].physicalLocation.artifactLocation.uri]), [['error', 'b.sagemaker.json']]);
    });
  });

  describe('folder expansion', () => {
    it('is an error past the file limit, naming the argument', () => {
      const root = tempProject({ 'specs/a.sagemaker.json': GOOD, 'specs/b.sagemaker.json': GOOD, 'specs/c.sagemaker.json': GOOD, 'one.sagemaker.json': GOOD });
      assert.equal(expandFiles(['specs'], root, { maxFiles: 3 }).length, 3);
      assert.throws(() => expandFiles(['specs'], root, { maxFiles: 2 }), { name: 'CliError', exitCode: 2, message: 'too many files: "specs" brings the run to 3 files, over the limit of 2; name fewer folders or narrower globs' });
      assert.throws(() => expandFiles(['specs', 'one.sagemaker.json'], root, { maxFiles: 3 }), { message: /"one\.sagemaker\.json" brings the run to 4 files/ });
    });

    it('still skips node_modules and .git', () => {
      const root = tempProject({ 'a/one.sagemaker.json': GOOD, 'a/node_modules/x.sagemaker.json': GOOD, 'a/.git/y.sagemaker.json': GOOD });
      assert.deepEqual(expandFiles(['a'], root), [path.join(root, 'a', 'one.sagemaker.json')]);
    });
  });
});
