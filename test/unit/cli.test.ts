import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JsonFileResult } from '../../src/cli/formatters/json';
import { example, REPOSITORY_ROOT, removeTempProjects, runCli, tempProject } from './cliTestKit';

const GOOD = example('training-builtin-algorithm.sagemaker.json');
/** One `latest-tag` warning at 5:75. */
const toPosixPath = (file: string) => file.split(path.sep).join('/');
const LATEST_TAG = example('broken-latest-tag.sagemaker.json');
/** One `xgboost-unpinned` error. */
const XGBOOST_UNPINNED = example('broken-xgboost-unpinned.sagemaker.json');

function jsonResults(stdout: string): JsonFileResult[] {
  return JSON.parse(stdout) as JsonFileResult[];
}

/** The codes of every finding in a json run, sorted. */
function codesOf(stdout: string): string[] {
  return jsonResults(stdout).flatMap((result) => result.findings.map((finding) => finding.code)).sort();
}

/** Exit 2 with one line on stderr, prefixed with the tool's name, that matches `pattern`. */
function assertUsageError(run: ReturnType<typeof runCli>, pattern: RegExp): void {
  assert.equal(run.status, 2, run.stderr);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /^sagemaker-spec: [^\n]+\n$/);
  assert.match(run.stderr, pattern);
}

describe('sagemaker-spec check (dist/cli.js)', () => {
  after(removeTempProjects);

  describe('help and version', () => {
    it('--help prints usage and exits 0', () => {
      const run = runCli(['--help']);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^Usage: sagemaker-spec check/);
      for (const option of ['--format', '--region', '--rule', '--max-warnings', '--quiet', '--exclude']) assert.ok(run.stdout.includes(option), option);
      // Every member of the config file is named.
      for (const member of ['"region"', '"rules"', '"files"', '"overrides"', '"exclude"', '"templateRegions"']) assert.ok(run.stdout.includes(member), member);
    });

    it('--version prints the package version', () => {
      const { version } = JSON.parse(fs.readFileSync(path.join(REPOSITORY_ROOT, 'package.json'), 'utf8')) as { version: string };
      assert.deepEqual(runCli(['--version']), { status: 0, stdout: `${version}\n`, stderr: '' });
    });
  });

  describe('exit codes', () => {
    it('0 for clean specs, printing nothing', () => {
      const root = tempProject({ 'good.sagemaker.json': GOOD });
      assert.deepEqual(runCli(['check', 'good.sagemaker.json'], { cwd: root }), { status: 0, stdout: '', stderr: '' });
    });

    it('0 for warnings only', () => {
      const root = tempProject({ 'job.sagemaker.json': LATEST_TAG });
      assert.equal(runCli(['check', 'job.sagemaker.json'], { cwd: root }).status, 0);
    });

    it('1 for errors', () => {
      const root = tempProject({ 'job.sagemaker.json': XGBOOST_UNPINNED });
      assert.equal(runCli(['check', 'job.sagemaker.json'], { cwd: root }).status, 1);
    });

    it('2 for usage errors', () => {
      assertUsageError(runCli([]), /missing command/);
      assertUsageError(runCli(['lint', 'x.json']), /unknown command "lint"/);
      assertUsageError(runCli(['check']), /no files given/);
      assertUsageError(runCli(['check', '--fixx', 'x.json']), /unknown option "--fixx"/);
      assertUsageError(runCli(['check', '--format', 'xml', 'x.json']), /^sagemaker-spec: unknown --format "xml": use stylish, json or sarif\n$/);
      // A typo of a format is named, never acted on.
      assertUsageError(runCli(['check', '--format', 'sarf', 'x.json']), /^sagemaker-spec: unknown --format "sarf" \(did you mean "sarif"\?\): use stylish, json or sarif\n$/);
      assertUsageError(runCli(['check', '--format=Jsn', 'x.json']), /^sagemaker-spec: unknown --format "Jsn" \(did you mean "json"\?\): use stylish, json or sarif\n$/);
      assertUsageError(runCli(['check', '--max-warnings', 'many', 'x.json']), /--max-warnings "many"/);
      // A negative number is a value, not an option: the message says what --max-warnings takes.
      assertUsageError(runCli(['check', '--max-warnings', '-1', 'x.json']), /^sagemaker-spec: --max-warnings "-1": expected a whole number of warnings \(0 or more\); leave the option out to let any number of warnings pass\n$/);
      assertUsageError(runCli(['check', '--format', '--quiet', 'x.json']), /^sagemaker-spec: option "--format" needs a value; run "sagemaker-spec --help" for usage\n$/);
      assertUsageError(runCli(['check', 'x.json', '--region']), /^sagemaker-spec: option "--region" needs a value;/);
      assertUsageError(runCli(['check', '--rule', 'latest-tag', 'x.json']), /expected <code>=<severity>/);
      assertUsageError(runCli(['check', '--rule', 'latest-tags=off', 'x.json']), /unknown rule code "latest-tags" \(did you mean "latest-tag"\?\)/);
      assertUsageError(runCli(['check', '--rule', 'latest-tag=warn', 'x.json']), /"warn" is not one of error, warning, information, hint, off/);
    });

    it('2 for a missing file, a glob matching nothing, or an unreadable file', () => {
      const root = tempProject({ 'job.sagemaker.json': GOOD });
      assertUsageError(runCli(['check', 'missing.sagemaker.json'], { cwd: root }), /cannot read "missing.sagemaker.json": no such file/);
      assertUsageError(runCli(['check', 'specs/**/*.sagemaker.json'], { cwd: root }), /no files match "specs\/\*\*\/\*.sagemaker.json"/);
      fs.symlinkSync(path.join(root, 'gone.json'), path.join(root, 'dangling.sagemaker.json'));
      assertUsageError(runCli(['check', 'job.sagemaker.json', 'dangling.sagemaker.json'], { cwd: root }), /cannot read "dangling.sagemaker.json"/);
    });

    it('2 for an invalid config file, naming the file and the problem', () => {
      const root = tempProject({ '.sagemaker-spec.json': '{"rules": {"latest-tag": "warn"}}', 'jobs/job.sagemaker.json': GOOD });
      const run = runCli(['check', 'jobs/job.sagemaker.json'], { cwd: root });
      assertUsageError(run, /invalid config /);
      assert.ok(run.stderr.includes(path.join(root, '.sagemaker-spec.json')), run.stderr);
      assert.match(run.stderr, /"latest-tag": "warn" is not one of/);
    });

    it('2 for a config file that is not JSON, saying what is wrong in words, where', () => {
      const root = tempProject({ '.sagemaker-spec.json': "{'region': 'us-east-1'}", 'job.sagemaker.json': GOOD });
      const run = runCli(['check', 'job.sagemaker.json'], { cwd: root });
      assert.deepEqual(run, { status: 2, stdout: '', stderr: `sagemaker-spec: invalid config ${path.join(root, '.sagemaker-spec.json')}: not valid JSON at line 1, column 2: an unexpected character "'"\n` });
    });
  });

  describe('skipped folders', () => {
    it('a glob skips dependencies, virtual environments and caches, written relative or absolute', () => {
      const files: Record<string, string> = {};
      for (const folder of ['src', 'node_modules/pkg', '.venv/lib', 'venv', 'lib/python3.11/site-packages/x', '.tox/py', '__pycache__', 'cdk.out', '.ipynb_checkpoints']) {
        files[`${folder}/job.py`] = 'import boto3\nboto3.client("sagemaker").create_model(ModelName="m", PrimaryContainer={"Image": "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:latest"})\n';
      }
      const root = tempProject(files);
      for (const pattern of ['**/*.py', `${root}/**/*.py`]) {
        const run = runCli(['check', '--format', 'json', pattern], { cwd: pattern.startsWith('/') ? REPOSITORY_ROOT : root });
        assert.deepEqual(jsonResults(run.stdout).map((result) => path.basename(path.dirname(result.filePath))), ['src'], pattern);
      }
    });

    it('a glob that names a skipped folder in its static part searches it, as a named folder is walked (cdk synth output)', () => {
      const job = 'import boto3\nboto3.client("sagemaker").create_model(ModelName="m", PrimaryContainer={"Image": "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:latest"})\n';
      const root = tempProject({ 'cdk.out/stack.py': job, 'cdk.out/asset.1/node_modules/dep.py': job, 'src/job.py': job });
      const folders = (pattern: string, cwd = root) => jsonResults(runCli(['check', '--format', 'json', pattern], { cwd }).stdout).map((result) => path.relative(root, result.filePath));
      assert.deepEqual(folders('cdk.out/**/*.py'), [path.join('cdk.out', 'stack.py')]);
      assert.deepEqual(folders(`${root}/cdk.out/*.py`, REPOSITORY_ROOT), [path.join('cdk.out', 'stack.py')]);
      assert.deepEqual(folders('**/*.py'), [path.join('src', 'job.py')]);
    });
  });

  describe('--format', () => {
    it('takes a format name in any letter case (found by a CI user: --format SARIF wrote nothing)', () => {
      const root = tempProject({ 'job.sagemaker.json': XGBOOST_UNPINNED });
      const lower = runCli(['check', '--format', 'sarif', 'job.sagemaker.json'], { cwd: root });
      assert.equal(lower.status, 1);
      for (const name of ['SARIF', 'Sarif']) assert.deepEqual(runCli(['check', '--format', name, 'job.sagemaker.json'], { cwd: root }), lower, name);
      const json = runCli(['check', '--format=JSON', 'job.sagemaker.json'], { cwd: root });
      assert.deepEqual([json.status, codesOf(json.stdout)], [1, ['xgboost-unpinned']]);
      const stylish = runCli(['check', '--format', 'Stylish', 'job.sagemaker.json'], { cwd: root });
      assert.deepEqual(stylish, runCli(['check', 'job.sagemaker.json'], { cwd: root }));
    });
  });

  describe('--max-warnings and --quiet', () => {
    it('fails when warnings exceed --max-warnings', () => {
      const root = tempProject({ 'job.sagemaker.json': LATEST_TAG });
      const over = runCli(['check', '--max-warnings', '0', 'job.sagemaker.json'], { cwd: root });
      assert.equal(over.status, 1);
      assert.match(over.stderr, /too many warnings \(1, maximum 0\)/);
      assert.equal(runCli(['check', '--max-warnings', '1', 'job.sagemaker.json'], { cwd: root }).status, 0);
    });

    it('--quiet reports errors only (and warnings no longer count)', () => {
      const root = tempProject({ 'warn.sagemaker.json': LATEST_TAG, 'error.sagemaker.json': XGBOOST_UNPINNED });
      const quiet = runCli(['check', '--quiet', '--format', 'json', '*.sagemaker.json'], { cwd: root });
      assert.deepEqual(codesOf(quiet.stdout), ['xgboost-unpinned']);
      assert.equal(runCli(['check', '--quiet', '--max-warnings', '0', 'warn.sagemaker.json'], { cwd: root }).status, 0);
    });
  });

  describe('severities in the output', () => {
    it('names information and hint as the config file and --rule do, in stylish, and counts them per file in json', () => {
      const root = tempProject({ 'job.sagemaker.json': LATEST_TAG, 'xgb.sagemaker.json': XGBOOST_UNPINNED });
      const stylish = runCli(['check', '--rule', 'latest-tag=information', 'job.sagemaker.json'], { cwd: root });
      assert.equal(stylish.status, 0);
      assert.match(stylish.stdout, /^\njob\.sagemaker\.json\n {2}5:75 {2}information {2}"latest" moves .* {2}latest-tag\n\n✖ 1 problem \(0 errors, 0 warnings, 1 information\)\n$/);
      // Error and warning rows keep their width when no information row is shown.
      assert.match(runCli(['check', 'xgb.sagemaker.json'], { cwd: root }).stdout, /\n {2}5:86 {2}error {4}":1" /);

      const json = runCli(['check', '--format', 'json', '--rule', 'latest-tag=hint', '--rule', 'xgboost-unpinned=information', '*.sagemaker.json'], { cwd: root });
      assert.deepEqual(
        jsonResults(json.stdout).map(({ errorCount, warningCount, informationCount, hintCount, findings }) => [errorCount, warningCount, informationCount, hintCount, findings.map((finding) => finding.severity)]),
        [
          [0, 0, 0, 1, ['hint']],
          [0, 0, 1, 0, ['information']],
        ],
      );
    });
  });

  describe('--rule', () => {
    it('changes a severity, repeatable, over the config file', () => {
      const root = tempProject({ '.sagemaker-spec.json': '{"rules": {"latest-tag": "off"}}', 'job.sagemaker.json': LATEST_TAG });
      assert.deepEqual(codesOf(runCli(['check', '--format', 'json', 'job.sagemaker.json'], { cwd: root }).stdout), []);
      const raised = runCli(['check', '--format', 'json', '--rule', 'latest-tag=error', '--rule', 'digest-recommended=off', 'job.sagemaker.json'], { cwd: root });
      assert.equal(raised.status, 1);
      assert.equal(jsonResults(raised.stdout)[0].findings[0].severity, 'error');
    });
  });

  describe('target region', () => {
    const mismatch = (run: ReturnType<typeof runCli>) => codesOf(run.stdout).includes('image-region-mismatch');

    it('takes --region over the config file over AWS_REGION over the profile', () => {
      const root = tempProject({ 'job.sagemaker.json': LATEST_TAG, 'aws-config': '[default]\nregion = eu-west-1\n' });
      const args = ['check', '--format', 'json', 'job.sagemaker.json'];
      // The image is in us-east-1: no explicit region, no mismatch.
      assert.equal(mismatch(runCli(args, { cwd: root })), false);
      assert.equal(mismatch(runCli(args, { cwd: root, env: { AWS_CONFIG_FILE: path.join(root, 'aws-config') } })), true);
      assert.equal(mismatch(runCli(args, { cwd: root, env: { AWS_REGION: 'eu-west-1' } })), true);
      assert.equal(mismatch(runCli(args, { cwd: root, env: { AWS_REGION: 'us-east-1', AWS_CONFIG_FILE: path.join(root, 'aws-config') } })), false);
      assert.equal(mismatch(runCli([...args, '--region', 'eu-west-1'], { cwd: root, env: { AWS_REGION: 'us-east-1' } })), true);

      fs.writeFileSync(path.join(root, '.sagemaker-spec.json'), '{"region": "eu-west-1"}');
      assert.equal(mismatch(runCli(args, { cwd: root, env: { AWS_REGION: 'us-east-1' } })), true);
      assert.equal(mismatch(runCli([...args, '--region', 'us-east-1'], { cwd: root })), false);
    });
  });

  describe('where the target region came from', () => {
    it('names the source of the region in the image-region-mismatch message', () => {
      const root = tempProject({ 'job.sagemaker.json': LATEST_TAG, 'aws-config': '[profile ml]\nregion = eu-west-1\n' });
      const args = ['check', '--format', 'json', 'job.sagemaker.json'];
      const message = (run: ReturnType<typeof runCli>) => jsonResults(run.stdout)[0].findings.find((finding) => finding.code === 'image-region-mismatch')?.message;
      const expected = (source: string) => `The image is in us-east-1, but the target region is eu-west-1 (${source}); SageMaker pulls images from its own region.`;
      assert.equal(message(runCli(args, { cwd: root, env: { AWS_REGION: 'eu-west-1' } })), expected('from AWS_REGION'));
      assert.equal(message(runCli(args, { cwd: root, env: { AWS_DEFAULT_REGION: 'eu-west-1' } })), expected('from AWS_DEFAULT_REGION'));
      assert.equal(message(runCli(args, { cwd: root, env: { AWS_PROFILE: 'ml', AWS_CONFIG_FILE: path.join(root, 'aws-config') } })), expected('from profile "ml"'));
      assert.equal(message(runCli([...args, '--region', 'eu-west-1'], { cwd: root })), expected('from --region'));
      fs.writeFileSync(path.join(root, '.sagemaker-spec.json'), '{"region": "eu-west-1"}');
      assert.equal(message(runCli(args, { cwd: root })), expected('from .sagemaker-spec.json "region"'));
      fs.writeFileSync(path.join(root, '.sagemaker-spec.json'), '{"region": "us-east-1", "overrides": [{"files": ["*.sagemaker.json"], "region": "eu-west-1"}]}');
      assert.equal(message(runCli(args, { cwd: root })), expected('from .sagemaker-spec.json "overrides" entry "*.sagemaker.json"'));
    });
  });

  describe('region overrides', () => {
    /** For each file of a `--format json` run (relative to `root`), the severities of its `code` findings. */
    const severitiesByFile = (run: ReturnType<typeof runCli>, root: string, code: string) =>
      Object.fromEntries(
        jsonResults(run.stdout).map((result) => [
          toPosixPath(path.relative(root, result.filePath)),
          result.findings.filter((finding) => finding.code === code).map((finding) => finding.severity),
        ]),
      );

    it('gives each file the region of the last matching entry; --region wins over both', () => {
      // The example's image is in us-east-1.
      const root = tempProject({
        '.sagemaker-spec.json': '{"region": "eu-west-1", "overrides": [{"files": ["us/**"], "region": "us-west-2"}, {"files": ["us/east/*"], "region": "us-east-1"}]}',
        'us/east/job.sagemaker.json': LATEST_TAG,
        'us/west/job.sagemaker.json': LATEST_TAG,
        'other/job.sagemaker.json': LATEST_TAG,
      });
      const mismatches = (run: ReturnType<typeof runCli>) => severitiesByFile(run, root, 'image-region-mismatch');
      const run = runCli(['check', '--format', 'json', '**/*.sagemaker.json'], { cwd: root });
      assert.equal(run.status, 1);
      assert.deepEqual(mismatches(run), { 'other/job.sagemaker.json': ['error'], 'us/east/job.sagemaker.json': [], 'us/west/job.sagemaker.json': ['error'] });
      const forced = runCli(['check', '--format', 'json', '--region', 'us-east-1', '**/*.sagemaker.json'], { cwd: root });
      assert.deepEqual(mismatches(forced), { 'other/job.sagemaker.json': [], 'us/east/job.sagemaker.json': [], 'us/west/job.sagemaker.json': [] });
    });

    it('applies an entry\'s rules to the files it matches, later entries and --rule winning', () => {
      const root = tempProject({
        '.sagemaker-spec.json': '{"rules": {"latest-tag": "warning"}, "overrides": [{"files": ["quiet/**"], "rules": {"latest-tag": "off"}}, {"files": ["quiet/loud/*"], "rules": {"latest-tag": "error"}}]}',
        'quiet/job.sagemaker.json': LATEST_TAG,
        'quiet/loud/job.sagemaker.json': LATEST_TAG,
        'other/job.sagemaker.json': LATEST_TAG,
      });
      const latestTags = (run: ReturnType<typeof runCli>) => severitiesByFile(run, root, 'latest-tag');
      const run = runCli(['check', '--format', 'json', '**/*.sagemaker.json'], { cwd: root });
      assert.deepEqual(latestTags(run), { 'other/job.sagemaker.json': ['warning'], 'quiet/job.sagemaker.json': [], 'quiet/loud/job.sagemaker.json': ['error'] });
      const forced = runCli(['check', '--format', 'json', '--rule', 'latest-tag=hint', '**/*.sagemaker.json'], { cwd: root });
      assert.deepEqual(latestTags(forced), { 'other/job.sagemaker.json': ['hint'], 'quiet/job.sagemaker.json': ['hint'], 'quiet/loud/job.sagemaker.json': ['hint'] });
    });

    it('silences strict-json in a state machine with an entry\'s rules, as its message advises', () => {
      const machine = JSON.stringify(
        { StartAt: 'M', States: { M: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createModel', Parameters: { ModelName: 'm', ExecutionRoleArn: 'arn:aws:iam::123456789012:role/R', PrimaryContainer: { Image: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1' } }, End: true } } },
        undefined,
        2,
      ).replace('{\n', '{\n  // a comment\n');
      const root = tempProject({ '.sagemaker-spec.json': '{"overrides":[{"files":["a.asl.json"],"rules":{"strict-json":"off"}}]}', 'a.asl.json': machine, 'b.asl.json': machine });
      const run = runCli(['check', '--format', 'json', 'a.asl.json', 'b.asl.json'], { cwd: root });
      assert.equal(run.status, 1, run.stderr); // b.asl.json's strict-json is an error
      const codes = Object.fromEntries(jsonResults(run.stdout).map((result) => [path.basename(result.filePath), result.findings.map((finding) => finding.code)]));
      assert.deepEqual(codes, { 'a.asl.json': [], 'b.asl.json': ['strict-json'] });
    });

    it('is exit 2 on an override region the catalog does not know', () => {
      const root = tempProject({ '.sagemaker-spec.json': '{"overrides": [{"files": ["*"], "region": "eu-wset-1"}]}', 'job.sagemaker.json': LATEST_TAG });
      const run = runCli(['check', 'job.sagemaker.json'], { cwd: root });
      assert.equal(run.status, 2);
      assert.match(run.stderr, /"overrides"\[0\]\.region: "eu-wset-1" is not a known AWS region \(did you mean eu-west-1\?\)/);
    });
  });

  describe('config discovery', () => {
    it('uses the nearest .sagemaker-spec.json from the file\'s folder upwards', () => {
      const root = tempProject({
        '.sagemaker-spec.json': '{"rules": {"latest-tag": "error"}}',
        'team-a/deep/job.sagemaker.json': LATEST_TAG,
        'team-b/.sagemaker-spec.json': '{"rules": {"latest-tag": "off"}}',
        'team-b/deep/job.sagemaker.json': LATEST_TAG,
      });
      const run = runCli(['check', '--format', 'json', '**/*.sagemaker.json'], { cwd: path.join(root) });
      const severities = Object.fromEntries(
        jsonResults(run.stdout).map((result) => [path.relative(root, result.filePath), result.findings.map((finding) => finding.severity)]),
      );
      assert.deepEqual(severities, { [path.join('team-a', 'deep', 'job.sagemaker.json')]: ['error'], [path.join('team-b', 'deep', 'job.sagemaker.json')]: [] });
    });

    it('treats files matching the config\'s "files" globs (relative to it) as specs', () => {
      const unknownKind = '{\n  "Name": "not a request"\n}\n';
      const root = tempProject({ 'jobs/unknown.json': unknownKind, 'other/unknown.json': unknownKind });
      // No config: plain JSON that names no request is not a spec.
      assert.deepEqual(codesOf(runCli(['check', '--format', 'json', '*/unknown.json'], { cwd: root }).stdout), []);
      fs.writeFileSync(path.join(root, '.sagemaker-spec.json'), '{"files": ["jobs/*.json"]}');
      const run = runCli(['check', '--format', 'json', '*/unknown.json'], { cwd: root });
      const byFile = jsonResults(run.stdout).map((result) => [path.relative(root, result.filePath), result.findings.map((finding) => finding.code)]);
      assert.deepEqual(byFile, [
        [path.join('jobs', 'unknown.json'), ['unknown-spec-kind']],
        [path.join('other', 'unknown.json'), []],
      ]);
    });
  });

  describe('files, folders and globs', () => {
    it('expands globs and folders, each file once', () => {
      const root = tempProject({
        'a/one.sagemaker.json': GOOD,
        'a/two.sagemaker.jsonc': GOOD,
        'a/node_modules/dep/three.sagemaker.json': XGBOOST_UNPINNED,
        'b/four.sagemaker.json': GOOD,
      });
      const files = (args: string[]) => jsonResults(runCli(['check', '--format', 'json', ...args], { cwd: root }).stdout).map((result) => path.relative(root, result.filePath));
      assert.deepEqual(files(['a']), [path.join('a', 'one.sagemaker.json'), path.join('a', 'two.sagemaker.jsonc')]);
      assert.deepEqual(files(['**/*.sagemaker.{json,jsonc}', 'b/four.sagemaker.json']), [
        path.join('a', 'one.sagemaker.json'),
        path.join('a', 'two.sagemaker.jsonc'),
        path.join('b', 'four.sagemaker.json'),
      ]);
    });
  });

  describe('folder expansion (the files Check Workspace checks too)', () => {
    it('takes JSON files whose members identify a request, and honours the repository\'s .gitignore', () => {
      const root = tempProject({
        '.git/HEAD': 'ref: refs/heads/main\n',
        '.gitignore': 'generated/\n',
        'jobs/train.json': LATEST_TAG,
        'jobs/package.json': '{"name": "jobs", "version": "1.0.0"}',
        'jobs/generated/copy.sagemaker.json': XGBOOST_UNPINNED,
      });
      const run = runCli(['check', '--format', 'json', 'jobs'], { cwd: root });
      assert.deepEqual(jsonResults(run.stdout).map((result) => [toPosixPath(path.relative(root, result.filePath)), result.findings.map((finding) => finding.code)]), [['jobs/train.json', ['latest-tag']]]);
    });

    it('says what it looked for when a folder has nothing to check', () => {
      const root = tempProject({ 'jobs/package.json': '{"name": "jobs"}' });
      const run = runCli(['check', 'jobs'], { cwd: root });
      assert.equal(run.status, 2);
      assert.match(run.stderr, /no files to check in folder "jobs": no spec files \(\*\.sagemaker\.json\/\.yaml\), \*\.py, \*\.ipynb, Dockerfiles or \*\.asl\.json\/\.yaml, and no JSON or YAML file identifying a SageMaker request, Pipelines definition, state machine or CloudFormation template/);
    });
  });

  describe('--fix', () => {
    it('writes the unambiguous preferred fixes to JSON and Python files, lists them on stderr and reports what is left', () => {
      const accountMismatch = example('broken-registry-account-mismatch.sagemaker.json');
      const script = 'import boto3\nboto3.client("sagemaker").create_model(ModelName="m", ExecutionRoleArn="arn:aws:iam::123456789012:role/R", PrimaryContainer={"Image": "246618743249.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"})\n';
      const missingVpc = example('broken-missing-vpc-config.sagemaker.json');
      const root = tempProject({ 'a.sagemaker.json': `\uFEFF${accountMismatch}`, 'deploy.py': script, 'vpc.sagemaker.json': missingVpc });
      const run = runCli(['check', '--fix', '--format', 'json', '.'], { cwd: root });
      assert.equal(fs.readFileSync(path.join(root, 'a.sagemaker.json'), 'utf8'), `\uFEFF${accountMismatch.replace('246618743249', '683313688378')}`, 'the byte-order mark is kept');
      assert.equal(fs.readFileSync(path.join(root, 'deploy.py'), 'utf8'), script.replace('246618743249', '683313688378'));
      assert.equal(fs.readFileSync(path.join(root, 'vpc.sagemaker.json'), 'utf8'), missingVpc, 'Add VpcConfig leaves blanks: never applied');
      assert.equal(run.stderr, [
        'fixed a.sagemaker.json:5:23  registry-account-mismatch  Use account 683313688378',
        'fixed deploy.py:2:136  registry-account-mismatch  Use account 683313688378',
        'sagemaker-spec: applied 2 fixes in 2 files',
        '',
      ].join('\n'));
      assert.deepEqual(codesOf(run.stdout), ['missing-vpc-config']);
      assert.equal(run.status, 1);
    });

    it('says it leaves a notebook with fixes to apply as it is, rather than that there was nothing to fix', () => {
      // "Fil" gets an unambiguous fix (the notebook's other findings' fixes need a choice or a blank filled).
      const notebook = fs.readFileSync(path.join(REPOSITORY_ROOT, 'test/fixtures/notebooks/training-two-cells.ipynb'), 'utf8').replace('\\"TrainingInputMode\\": \\"File\\"', '\\"TrainingInputMode\\": \\"Fil\\"');
      const root = tempProject({ 'explore.ipynb': notebook });
      const run = runCli(['check', '--fix', 'explore.ipynb'], { cwd: root });
      assert.equal(fs.readFileSync(path.join(root, 'explore.ipynb'), 'utf8'), notebook);
      assert.equal(run.stderr.split('\n')[0], 'left explore.ipynb as it is: 1 fix to apply, but --fix does not edit notebooks; apply their quick fixes in the editor');
    });

    it('fixes a YAML file that the config file\'s "files" makes a spec, as YAML', () => {
      const spec = example('broken-invalid-enum-value.sagemaker.yaml');
      const root = tempProject({ '.sagemaker-spec.json': '{"files": ["jobs/*.yaml"]}', 'jobs/train.yaml': spec });
      const run = runCli(['check', '--fix', 'jobs/train.yaml'], { cwd: root });
      assert.equal(fs.readFileSync(path.join(root, 'jobs/train.yaml'), 'utf8'), spec.replace('TrainingInputMode: Fil', 'TrainingInputMode: File'));
      assert.equal(run.stderr.split('\n').at(-2), 'sagemaker-spec: applied 1 fix in 1 file');
    });

    it('says so when there is nothing to fix', () => {
      const root = tempProject({ 'job.sagemaker.json': GOOD });
      assert.deepEqual(runCli(['check', '--fix', 'job.sagemaker.json'], { cwd: root }), { status: 0, stdout: '', stderr: 'sagemaker-spec: no unambiguous fixes to apply\n' });
      });
    });

  describe('Pipelines definitions and state machines', () => {
    it('expands a folder to *.asl.json and to JSON whose content is a workflow, and checks their requests', () => {
      const machine = example('broken-unsupported-integration-pattern.asl.json');
      const root = tempProject({
        'flows/deploy.asl.json': machine,
        'flows/named-by-content.json': example('broken-invalid-enum-value.pipeline.json'),
        'flows/package.json': '{"name": "not-ours", "Steps": [], "Arguments": {}}',
        'flows/lambda-only.json': '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}',
      });
      const run = runCli(['check', '--format', 'json', 'flows'], { cwd: root });
      assert.equal(run.status, 1);
      const results = jsonResults(run.stdout);
      assert.deepEqual(results.map((result) => [path.relative(root, result.filePath), result.findings.map((finding) => finding.code)]), [
        [path.join('flows', 'deploy.asl.json'), ['unsupported-integration-pattern']],
        [path.join('flows', 'named-by-content.json'), ['invalid-enum-value']],
      ]);
      const finding = results[0].findings[0];
      assert.equal(machine.slice(finding.offset, finding.offset + finding.length), '.sync');
    });
  });

  describe('stylish output', () => {
    it('prints file, line:column, severity, message and code, then a summary', () => {
      const root = tempProject({ 'jobs/job.sagemaker.json': LATEST_TAG, 'jobs/xgb.sagemaker.json': XGBOOST_UNPINNED });
      const run = runCli(['check', 'jobs/job.sagemaker.json', 'jobs/xgb.sagemaker.json'], { cwd: root });
      assert.equal(run.status, 1);
      const lines = run.stdout.split('\n');
      assert.equal(lines[0], '');
      assert.equal(lines[1], 'jobs/job.sagemaker.json');
      assert.match(lines[2], /^ {2}5:75 {2}warning {2}"latest" .*[^.] {2}latest-tag$/);
      assert.equal(lines[4], 'jobs/xgb.sagemaker.json');
      assert.match(lines[5], /^ {2}\d+:\d+ {2}error {2}.* {2}xgboost-unpinned$/);
      assert.equal(lines.at(-2), '✖ 2 problems (1 error, 1 warning)');
    });
  });

  describe('suppression comments', () => {
    it('honours // sagemaker-spec-disable-next-line in JSONC files', () => {
      const suppressed = LATEST_TAG.replace('    "TrainingImage"', '    // sagemaker-spec-disable-next-line latest-tag -- kmeans:1 is latest\n    "TrainingImage"');
      const root = tempProject({ 'job.sagemaker.jsonc': suppressed });
      assert.deepEqual(runCli(['check', '--max-warnings', '0', 'job.sagemaker.jsonc'], { cwd: root }), { status: 0, stdout: '', stderr: '' });
    });
  });
});
