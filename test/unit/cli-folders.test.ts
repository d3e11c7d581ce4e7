/**
 * What a folder or glob run checks, and what it does with files it cannot check: files over the
 * size limit and unreadable files cost only themselves, symlinks are not followed, every file is
 * reported once, `.git/info/exclude` applies at the repository root, and exclusions (`--exclude`,
 * a config file's `exclude`) skip files found but never a file named on the command line.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JsonFileResult } from '../../src/cli/formatters/json';
import { runCli as runCliInProcess } from '../../src/cli/runCli';
import { MAX_SPEC_BYTES } from '../../src/node/readSpecFile';
import { example, removeTempProjects, runCli, tempProject } from './cliTestKit';

/** One `xgboost-unpinned` error at 5:86. */
const XGBOOST_UNPINNED = example('broken-xgboost-unpinned.sagemaker.json');
/** One `latest-tag` warning at 5:75. */
const LATEST_TAG = example('broken-latest-tag.sagemaker.json');
/** A JSON request outside the spec globs, identified by its members: one `xgboost-unpinned` error. */
const XGBOOST_REQUEST = XGBOOST_UNPINNED;

interface SarifNotification {
  descriptor: { id: string };
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[];
}

interface SarifRun {
  originalUriBaseIds: Record<string, { uri: string }>;
  results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[];
  invocations: { executionSuccessful: boolean; toolExecutionNotifications: SarifNotification[] }[];
}

/** Runs the checker in this process (no child process: these runs are many), collecting its output. */
function check(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const status = runCliInProcess(['check', ...args], { cwd, env: { AWS_CONFIG_FILE: path.join(cwd, 'no-such-aws-config') }, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

/** `[path relative to root, codes]` per json result, `readError` appended when there is one. */
function jsonSummary(stdout: string, root: string): string[][] {
  return (JSON.parse(stdout) as JsonFileResult[]).map((result) => [
    path.relative(root, result.filePath).split(path.sep).join('/'),
    ...result.findings.map((finding) => finding.code),
    ...(result.readError !== undefined ? [`readError: ${result.readError}`] : []),
  ]);
}

function sarifRun(stdout: string): SarifRun {
  return (JSON.parse(stdout) as { runs: SarifRun[] }).runs[0];
}

function resultUris(run: SarifRun): string[] {
  return run.results.map((result) => `${result.locations[0].physicalLocation.artifactLocation.uri} ${result.ruleId}`);
}

function notificationsOf(run: SarifRun): string[] {
  return run.invocations[0].toolExecutionNotifications.map((note) => `${note.level} ${note.descriptor.id} ${note.locations[0].physicalLocation.artifactLocation.uri}: ${note.message.text}`);
}

/** A sparse file one byte over the size limit (no 16 MiB written to disk). */
function writeOversize(file: string): void {
  fs.writeFileSync(file, '');
  fs.truncateSync(file, MAX_SPEC_BYTES + 1);
}

/** The user to run the checker as so that a mode-000 file is unreadable: root reads anything. */
function unreadableRunner(): { uid?: number; gid?: number } | undefined {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return undefined;
  return process.getuid() === 0 ? { uid: 65534, gid: 65534 } : {};
}

describe('sagemaker-spec check: folders and globs', () => {
  after(removeTempProjects);

  describe('a file over 16 MiB or one that cannot be read costs only itself', () => {
    it('skips an oversize notebook, Python file and Dockerfile found in a folder with a note, and reports the rest', () => {
      const root = tempProject({ 'job.sagemaker.json': XGBOOST_UNPINNED });
      for (const name of ['analysis.ipynb', 'train.py', 'Dockerfile']) writeOversize(path.join(root, name));
      const skippedNotes = ['Dockerfile', 'analysis.ipynb', 'train.py'].map((name) => `sagemaker-spec: skipped ${path.join(root, name)}: it is larger than 16 MiB, the limit\n`).join('');

      const stylish = check(['.'], root);
      assert.equal(stylish.status, 1, 'the spec\'s error decides; skipping is not a failure');
      assert.match(stylish.stdout, /^\njob\.sagemaker\.json\n {2}5:86 {2}error {4}.* {2}xgboost-unpinned\n/);
      assert.equal(stylish.stderr, skippedNotes);

      const json = check(['--format', 'json', '.'], root);
      assert.equal(json.status, 1);
      assert.deepEqual(jsonSummary(json.stdout, root), [['job.sagemaker.json', 'xgboost-unpinned']]);
      assert.equal(json.stderr, skippedNotes);

      const sarif = check(['--format', 'sarif', '.'], root);
      assert.equal(sarif.status, 1);
      const run = sarifRun(sarif.stdout);
      assert.deepEqual(resultUris(run), ['job.sagemaker.json xgboost-unpinned']);
      assert.equal(run.invocations[0].executionSuccessful, true);
      assert.deepEqual(notificationsOf(run), [
        'note file-skipped Dockerfile: not checked: it is larger than 16 MiB, the limit',
        'note file-skipped analysis.ipynb: not checked: it is larger than 16 MiB, the limit',
        'note file-skipped train.py: not checked: it is larger than 16 MiB, the limit',
      ]);
    });

    it('treats an oversize file named on the command line as unreadable: exit 2 after the others are reported', () => {
      const root = tempProject({ 'job.sagemaker.json': LATEST_TAG });
      writeOversize(path.join(root, 'analysis.ipynb'));
      const stylish = check(['analysis.ipynb', 'job.sagemaker.json'], root);
      assert.equal(stylish.status, 2);
      assert.match(stylish.stdout, /^\njob\.sagemaker\.json\n {2}5:75 {2}warning {2}.* {2}latest-tag\n/);
      assert.equal(stylish.stderr, `sagemaker-spec: cannot read ${path.join(root, 'analysis.ipynb')}: it is larger than 16 MiB, the limit\n`);

      // Found by the folder and also named: named wins, so it is an error.
      const json = check(['--format', 'json', '.', 'analysis.ipynb'], root);
      assert.equal(json.status, 2);
      assert.deepEqual(jsonSummary(json.stdout, root), [['analysis.ipynb', 'readError: is larger than 16 MiB, the limit'], ['job.sagemaker.json', 'latest-tag']]);

      const run = sarifRun(check(['--format', 'sarif', 'job.sagemaker.json', 'analysis.ipynb'], root).stdout);
      assert.deepEqual(resultUris(run), ['job.sagemaker.json latest-tag']);
      assert.equal(run.invocations[0].executionSuccessful, false);
      assert.deepEqual(notificationsOf(run), ['error file-not-read analysis.ipynb: cannot read this file: it is larger than 16 MiB, the limit']);
    });

    it('reports a file it cannot read (permission denied) in every format and exits 2, after checking every other file', function () {
      const runner = unreadableRunner();
      if (!runner) this.skip(); // Windows has no mode 000
      const root = tempProject({ 'a.sagemaker.json': XGBOOST_UNPINNED, 'b.sagemaker.json': XGBOOST_UNPINNED, 'requests/train.json': XGBOOST_REQUEST, 'requests/locked.json': XGBOOST_REQUEST });
      fs.chmodSync(root, 0o755); // mkdtemp makes it 0700: the other user must enter it
      fs.chmodSync(path.join(root, 'b.sagemaker.json'), 0o000);
      fs.chmodSync(path.join(root, 'requests', 'locked.json'), 0o000);
      const notes = `sagemaker-spec: cannot read ${path.join(root, 'b.sagemaker.json')}: it is not readable (permission denied)\nsagemaker-spec: cannot read ${path.join(root, 'requests', 'locked.json')}: it is not readable (permission denied)\n`;

      const stylish = runCli(['check', '.'], { cwd: root, ...runner });
      assert.equal(stylish.status, 2, stylish.stderr);
      assert.deepEqual(stylish.stdout.split('\n').filter((line) => /^\S/.test(line)), ['a.sagemaker.json', 'requests/train.json', '✖ 2 problems (2 errors, 0 warnings)']);
      assert.equal(stylish.stderr, notes);

      const json = runCli(['check', '--format', 'json', '.'], { cwd: root, ...runner });
      assert.equal(json.status, 2);
      assert.deepEqual(jsonSummary(json.stdout, root), [
        ['a.sagemaker.json', 'xgboost-unpinned'],
        ['b.sagemaker.json', 'readError: is not readable (permission denied)'],
        ['requests/locked.json', 'readError: is not readable (permission denied)'],
        ['requests/train.json', 'xgboost-unpinned'],
      ]);

      const sarif = runCli(['check', '--format', 'sarif', '.'], { cwd: root, ...runner });
      assert.equal(sarif.status, 2);
      const run = sarifRun(sarif.stdout);
      assert.deepEqual(resultUris(run), ['a.sagemaker.json xgboost-unpinned', 'requests/train.json xgboost-unpinned']);
      assert.equal(run.invocations[0].executionSuccessful, false);
      assert.deepEqual(notificationsOf(run), [
        'error file-not-read b.sagemaker.json: cannot read this file: it is not readable (permission denied)',
        'error file-not-read requests/locked.json: cannot read this file: it is not readable (permission denied)',
      ]);
    });

    it('reports a folder it cannot read (permission denied) as it reports such a file, for folders and globs alike, and exits 2 (found by a CI user)', function () {
      const runner = unreadableRunner();
      if (!runner) this.skip(); // Windows has no mode 000
      const root = tempProject({
        'a.sagemaker.json': XGBOOST_UNPINNED,
        'locked/b.sagemaker.json': XGBOOST_UNPINNED,
        // Folders the walk would not enter anyway: not reported.
        '.gitignore': 'scratch/\n',
        'scratch/c.sagemaker.json': XGBOOST_UNPINNED,
        'node_modules/pkg/d.sagemaker.json': XGBOOST_UNPINNED,
        '.sagemaker-spec.json': '{"exclude": ["fixtures/"]}',
        'fixtures/e.sagemaker.json': XGBOOST_UNPINNED,
      });
      fs.chmodSync(root, 0o755); // mkdtemp makes it 0700: the other user must enter it
      const folders = ['locked', 'scratch', 'node_modules', 'fixtures'].map((folder) => path.join(root, folder));
      for (const folder of folders) fs.chmodSync(folder, 0o000);
      try {
        checkUnreadableFolders(root, runner);
      } finally {
        // Readable again, so that a user other than root can remove the project.
        for (const folder of folders) fs.chmodSync(folder, 0o755);
      }
    });

    /** The runs of the unreadable-folder test, as the other user, while its folders are mode 000. */
    function checkUnreadableFolders(root: string, runner: { uid?: number; gid?: number }): void {
      const locked = path.join(root, 'locked');
      const note = `sagemaker-spec: cannot read ${locked}: it is not readable (permission denied)\n`;

      const stylish = runCli(['check', '.'], { cwd: root, ...runner });
      assert.equal(stylish.status, 2, stylish.stderr);
      assert.deepEqual(stylish.stdout.split('\n').filter((line) => /^\S/.test(line)), ['a.sagemaker.json', '✖ 1 problem (1 error, 0 warnings)'], 'every other file is checked');
      assert.equal(stylish.stderr, note);

      const json = runCli(['check', '--format', 'json', '.'], { cwd: root, ...runner });
      assert.equal(json.status, 2);
      assert.deepEqual(jsonSummary(json.stdout, root), [['a.sagemaker.json', 'xgboost-unpinned'], ['locked', 'readError: is not readable (permission denied)']]);
      assert.equal((JSON.parse(json.stdout) as JsonFileResult[])[1].folder, true);

      const sarif = runCli(['check', '--format', 'sarif', '.'], { cwd: root, ...runner });
      assert.equal(sarif.status, 2);
      const run = sarifRun(sarif.stdout);
      assert.equal(run.invocations[0].executionSuccessful, false);
      assert.deepEqual(notificationsOf(run), ['error folder-not-read locked: cannot read this folder: it is not readable (permission denied)']);

      // A glob that would search the folder says so, where it said "no files match"; one that would not is silent.
      // Globs do not read .gitignore, so the ignored folder is one they search (and report), as they check what it holds.
      const scratchNote = `sagemaker-spec: cannot read ${path.join(root, 'scratch')}: it is not readable (permission denied)\n`;
      for (const [glob, notes] of [['**/*.json', note + scratchNote], ['**/*.yaml', note + scratchNote], ['locked/*.json', note]]) {
        const globRun = runCli(['check', glob], { cwd: root, ...runner });
        assert.deepEqual([globRun.status, globRun.stderr], [2, notes], glob);
      }
      const beside = runCli(['check', '--format', 'json', '*.json'], { cwd: root, ...runner });
      assert.deepEqual([beside.status, beside.stderr], [1, ''], 'a glob that does not reach into the folder');
      // Named, the folder itself: the same.
      assert.deepEqual(runCli(['check', 'locked'], { cwd: root, ...runner }).stderr, note);
    }

    it('reports a file named in a folder it cannot enter as one it cannot read, not as missing, and checks the other files (found by a CI user)', function () {
      const runner = unreadableRunner();
      if (!runner) this.skip(); // Windows has no mode 000
      const root = tempProject({ 'a.sagemaker.json': XGBOOST_UNPINNED, 'locked/b.sagemaker.json': XGBOOST_UNPINNED });
      fs.chmodSync(root, 0o755); // mkdtemp makes it 0700: the other user must enter it
      fs.chmodSync(path.join(root, 'locked'), 0o000);
      try {
        const named = path.join('locked', 'b.sagemaker.json');
        const reason = 'is in a folder that cannot be entered (permission denied)';
        const note = `sagemaker-spec: cannot read ${path.join(root, named)}: it ${reason}\n`;
        const stylish = runCli(['check', 'a.sagemaker.json', named], { cwd: root, ...runner });
        assert.equal(stylish.status, 2, stylish.stderr);
        assert.deepEqual(stylish.stdout.split('\n').filter((line) => /^\S/.test(line)), ['a.sagemaker.json', '✖ 1 problem (1 error, 0 warnings)'], 'the other file is checked');
        assert.equal(stylish.stderr, note);

        const json = runCli(['check', '--format', 'json', 'a.sagemaker.json', named], { cwd: root, ...runner });
        assert.equal(json.status, 2);
        assert.deepEqual(jsonSummary(json.stdout, root), [['a.sagemaker.json', 'xgboost-unpinned'], ['locked/b.sagemaker.json', `readError: ${reason}`]]);

        const sarif = runCli(['check', '--format', 'sarif', named], { cwd: root, ...runner });
        assert.equal(sarif.status, 2);
        const run = sarifRun(sarif.stdout);
        assert.equal(run.invocations[0].executionSuccessful, false);
        assert.deepEqual(notificationsOf(run), [`error file-not-read locked/b.sagemaker.json: cannot read this file: it ${reason}`]);

        // Whether a file is there cannot be told either: the same, never "no such file".
        assert.deepEqual(runCli(['check', path.join('locked', 'nosuch.json')], { cwd: root, ...runner }).stderr, `sagemaker-spec: cannot read ${path.join(root, 'locked', 'nosuch.json')}: it ${reason}\n`);
      } finally {
        fs.chmodSync(path.join(root, 'locked'), 0o755);
      }
      // Readable again, a missing file is still a usage error that stops the run.
      assert.deepEqual(runCli(['check', path.join('locked', 'nosuch.json')], { cwd: root, ...runner }), { status: 2, stdout: '', stderr: 'sagemaker-spec: cannot read "locked/nosuch.json": no such file or folder\n' });
    });

    it('reports a named symlink loop as a file it cannot read, not as missing', () => {
      const root = tempProject({ 'a.sagemaker.json': XGBOOST_UNPINNED });
      fs.symlinkSync('loop.sagemaker.json', path.join(root, 'loop.sagemaker.json'));
      const run = check(['--format', 'json', 'a.sagemaker.json', 'loop.sagemaker.json'], root);
      assert.equal(run.status, 2);
      assert.deepEqual(jsonSummary(run.stdout, root), [['a.sagemaker.json', 'xgboost-unpinned'], ['loop.sagemaker.json', 'readError: is a symlink loop']]);
      assert.equal(run.stderr, `sagemaker-spec: cannot read ${path.join(root, 'loop.sagemaker.json')}: it is a symlink loop\n`);
    });

    it('reports a notebook that is not one and checks the other files', () => {
      const root = tempProject({ 'broken.ipynb': '{"not": "a notebook"}', 'job.sagemaker.json': XGBOOST_UNPINNED });
      const run = check(['--format', 'json', '.'], root);
      assert.equal(run.status, 2);
      assert.deepEqual(jsonSummary(run.stdout, root), [['broken.ipynb', 'readError: is not a Jupyter notebook (nbformat 4 JSON with a "cells" list)'], ['job.sagemaker.json', 'xgboost-unpinned']]);
    });

    it('skips an nbformat 3 notebook found in a folder with a note (exit as the other files decide); named, it cannot be read', () => {
      const old = JSON.stringify({ nbformat: 3, nbformat_minor: 0, metadata: { name: '' }, worksheets: [{ cells: [{ cell_type: 'code', input: ['print(1)'], language: 'python', outputs: [] }] }] });
      const root = tempProject({ 'old.ipynb': old, 'job.sagemaker.json': XGBOOST_UNPINNED });
      const run = check(['--format', 'json', '.'], root);
      assert.equal(run.status, 1);
      assert.deepEqual(jsonSummary(run.stdout, root), [['job.sagemaker.json', 'xgboost-unpinned']]);
      assert.equal(run.stderr, `sagemaker-spec: skipped ${path.join(root, 'old.ipynb')}: it is an nbformat 3 notebook (IPython 2 and older, before SageMaker), and only nbformat 4 is read\n`);
      const named = check(['--format', 'json', 'old.ipynb'], root);
      assert.equal(named.status, 2);
      assert.deepEqual(jsonSummary(named.stdout, root), [['old.ipynb', 'readError: is an nbformat 3 notebook (IPython 2 and older, before SageMaker), and only nbformat 4 is read']]);
    });
  });

  describe('symlinks and overlapping arguments', () => {
    /** real/a.sagemaker.json with a folder link, a file link and a link to the parent beside it. */
    function linkedProject(): string {
      const root = tempProject({ 'repo/real/a.sagemaker.json': XGBOOST_UNPINNED, 'outside.sagemaker.json': LATEST_TAG });
      const repo = path.join(root, 'repo');
      fs.symlinkSync('real', path.join(repo, 'linkdir'));
      fs.symlinkSync(path.join('real', 'a.sagemaker.json'), path.join(repo, 'link.sagemaker.json'));
      fs.symlinkSync('..', path.join(repo, 'up'));
      return repo;
    }

    it('a folder run follows no symlink: the real path is reported once, nothing outside the folder', () => {
      const repo = linkedProject();
      const run = check(['--format', 'json', '.'], repo);
      assert.equal(run.status, 1);
      assert.deepEqual(jsonSummary(run.stdout, repo), [['real/a.sagemaker.json', 'xgboost-unpinned']]);
    });

    it('a glob follows no symlink either, so "**/*.json" reports each file once', () => {
      const repo = linkedProject();
      const run = check(['--format', 'json', '**/*.json'], repo);
      assert.deepEqual(jsonSummary(run.stdout, repo), [['real/a.sagemaker.json', 'xgboost-unpinned']]);
    });

    it('reports a file once under the first argument that reaches it, however many name it', () => {
      const repo = linkedProject();
      const summary = (args: string[]) => jsonSummary(check(['--format', 'json', ...args], repo).stdout, repo);
      assert.deepEqual(summary(['.', 'real', 'linkdir', 'link.sagemaker.json', 'real/a.sagemaker.json', '**/*.json']), [['real/a.sagemaker.json', 'xgboost-unpinned']]);
      // A symlink named on the command line is checked, under the name given.
      assert.deepEqual(summary(['link.sagemaker.json', '.']), [['link.sagemaker.json', 'xgboost-unpinned']]);
      assert.deepEqual(summary(['linkdir', 'real']), [['linkdir/a.sagemaker.json', 'xgboost-unpinned']]);
    });
  });

  describe('a symlinked folder named on the command line and exclusions', () => {
    /** repo/linkdir → real, which holds a.sagemaker.json and fixtures/b.sagemaker.json. */
    function linkedRepo(config: string): { repo: string; summary: (args: string[]) => string[][] } {
      const root = tempProject({ 'repo/.sagemaker-spec.json': config, 'repo/real/a.sagemaker.json': XGBOOST_UNPINNED, 'repo/real/fixtures/b.sagemaker.json': LATEST_TAG });
      const repo = path.join(root, 'repo');
      fs.symlinkSync('real', path.join(repo, 'linkdir'));
      return { repo, summary: (args) => jsonSummary(check(['--format', 'json', ...args], repo).stdout, repo) };
    }
    const A_THROUGH_LINK = ['linkdir/a.sagemaker.json', 'xgboost-unpinned'];
    const B_THROUGH_LINK = ['linkdir/fixtures/b.sagemaker.json', 'latest-tag'];
    const A = ['real/a.sagemaker.json', 'xgboost-unpinned'];
    const B = ['real/fixtures/b.sagemaker.json', 'latest-tag'];

    it('matches a pattern against the path as named: one written for the link applies through it, in folders and globs', () => {
      const { summary } = linkedRepo('{"exclude": ["linkdir/fixtures/"]}');
      assert.deepEqual(summary(['linkdir']), [A_THROUGH_LINK]);
      assert.deepEqual(summary(['linkdir/**/*.json']), [A_THROUGH_LINK]);
      assert.deepEqual(summary(['real']), [A, B], 'the target by its own name is another path');
      const { summary: byFlag } = linkedRepo('{}');
      assert.deepEqual(byFlag(['--exclude', 'linkdir/fixtures/', 'linkdir']), [A_THROUGH_LINK]);
    });

    it("does not apply a pattern written for the target's path through the link; one without a folder part matches under both names", () => {
      const { summary } = linkedRepo('{"exclude": ["real/fixtures/"]}');
      assert.deepEqual(summary(['real']), [A]);
      assert.deepEqual(summary(['linkdir']), [A_THROUGH_LINK, B_THROUGH_LINK]);
      assert.deepEqual(summary(['--exclude', 'real/fixtures/', 'linkdir/**/*.json']), [A_THROUGH_LINK, B_THROUGH_LINK]);
      const { summary: anyDepth } = linkedRepo('{"exclude": ["fixtures/"]}');
      assert.deepEqual(anyDepth(['linkdir']), [A_THROUGH_LINK]);
      assert.deepEqual(anyDepth(['real']), [A]);
    });

    it("applies a config file inside the target, seen through the link, relative to the link's path", () => {
      const { repo, summary } = linkedRepo('{}');
      fs.writeFileSync(path.join(repo, 'real', '.sagemaker-spec.json'), '{"exclude": ["/fixtures/"]}');
      assert.deepEqual(summary(['linkdir']), [A_THROUGH_LINK]);
    });

    it('says so when the folder named is excluded by its own path (the link\'s) or is inside an excluded folder', () => {
      const { repo } = linkedRepo('{"exclude": ["linkdir"]}');
      const run = check(['linkdir'], repo);
      assert.deepEqual([run.status, run.stdout], [2, '']);
      assert.equal(run.stderr, 'sagemaker-spec: no files to check in folder "linkdir": it is excluded (by --exclude or a .sagemaker-spec.json "exclude" pattern), and so is everything in it; name its files to check them\n');
      const inside = check(['--exclude', 'real/', 'real/fixtures'], repo);
      assert.equal(inside.status, 2);
      assert.match(inside.stderr, /^sagemaker-spec: no files to check in folder "real\/fixtures": it is excluded /);
      const { summary } = linkedRepo('{"exclude": ["real"]}');
      assert.deepEqual(summary(['linkdir']), [A_THROUGH_LINK, B_THROUGH_LINK], "the target's exclusion does not reach through the link");
    });
  });

  describe('the config file, .sagemaker-spec.json', () => {
    const files = { '.sagemaker-spec.json': '{"files": ["**/*.json"]}', 'jobs/a.json': XGBOOST_UNPINNED, 'jobs/.sagemaker-spec.json': '{"files": ["*.json"], "exclude": ["old/"]}' };

    it('is left out of folders and globs, even when its own "files" globs name every JSON file', () => {
      const root = tempProject(files);
      const summary = (args: string[]) => jsonSummary(check(['--format', 'json', ...args], root).stdout, root);
      assert.deepEqual(summary(['.']), [['jobs/a.json', 'xgboost-unpinned']]);
      assert.deepEqual(summary(['**/*.json']), [['jobs/a.json', 'xgboost-unpinned']]);
      assert.deepEqual(summary(['jobs/*.json']), [['jobs/a.json', 'xgboost-unpinned']]);
      const configOnly = check(['*.json'], root);
      assert.deepEqual([configOnly.status, configOnly.stdout], [2, '']);
      assert.equal(configOnly.stderr, 'sagemaker-spec: no files to check match "*.json": its match is the checker\'s config file (.sagemaker-spec.json, not a spec)\n');
    });

    it('named on the command line, is read as the config, not checked as a spec: a note when valid, exit 2 when invalid', () => {
      const root = tempProject(files);
      const note = `sagemaker-spec: skipped ${path.join(root, 'jobs', '.sagemaker-spec.json')}: it is the checker's config file (valid), not a spec\n`;
      const json = check(['--format', 'json', 'jobs/.sagemaker-spec.json', 'jobs/a.json'], root);
      assert.equal(json.status, 1);
      assert.deepEqual(jsonSummary(json.stdout, root), [['jobs/a.json', 'xgboost-unpinned']]);
      assert.equal(json.stderr, note);
      const alone = check(['jobs/.sagemaker-spec.json'], root);
      assert.deepEqual([alone.status, alone.stdout, alone.stderr], [0, '', note], 'pre-commit names it with the JSON files it passes: not a failure');
      const run = sarifRun(check(['--format', 'sarif', 'jobs/.sagemaker-spec.json'], root).stdout);
      assert.deepEqual(notificationsOf(run), ["note file-skipped jobs/.sagemaker-spec.json: not checked: it is the checker's config file (valid), not a spec"]);
      assert.equal(run.invocations[0].executionSuccessful, true);

      fs.writeFileSync(path.join(root, 'jobs', '.sagemaker-spec.json'), '{"exclude": "old/"}');
      const invalid = check(['jobs/.sagemaker-spec.json'], root);
      assert.deepEqual([invalid.status, invalid.stdout], [2, '']);
      assert.equal(invalid.stderr, `sagemaker-spec: invalid config ${path.join(root, 'jobs', '.sagemaker-spec.json')}: "exclude" must be an array of gitignore-style pattern strings\n`);
    });
  });

  it('leaves a saved Describe response alone in a folder and when named, and checks it when the config\'s "files" make it a spec', () => {
    // A trimmed describe-training-job output kept as a test fixture (no ARN, no CreationTime), and a request with its job's ARN pasted in.
    const trimmed = '{"TrainingJobName":"a","AlgorithmSpecification":{"TrainingImage":"683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1","TrainingInputMode":"File"},"TrainingJobStatus":"Completed","SecondaryStatus":"Completed","HyperParameters":{"num_round":"10","objective":"binary:logistic"}}';
    const pasted = JSON.stringify({ ...(JSON.parse(XGBOOST_REQUEST) as object), TrainingJobArn: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/j' });
    const root = tempProject({ 'test/fixtures/describe-job.json': trimmed, 'jobs/train.json': pasted });
    const summary = (args: string[]) => {
      const run = check(['--format', 'json', ...args], root);
      return [run.status, jsonSummary(run.stdout, root)];
    };
    assert.deepEqual(summary(['.']), [1, [['jobs/train.json', 'xgboost-unpinned', 'unknown-property']]]);
    assert.deepEqual(summary(['test/fixtures/describe-job.json']), [0, [['test/fixtures/describe-job.json']]]);
    fs.writeFileSync(path.join(root, '.sagemaker-spec.json'), '{"files": ["test/fixtures/*.json"]}');
    assert.deepEqual(summary(['test/fixtures/describe-job.json']), [1, [['test/fixtures/describe-job.json', 'missing-required-property', 'missing-required-property', 'algorithm-channel', 'unknown-property', 'unknown-property']]]);
  });

  it('applies .git/info/exclude when checking the repository root', () => {
    const root = tempProject({ '.git/info/exclude': 'local/\n', 'local/a.sagemaker.json': XGBOOST_UNPINNED, 'b.sagemaker.json': LATEST_TAG });
    assert.deepEqual(jsonSummary(check(['--format', 'json', '.'], root).stdout, root), [['b.sagemaker.json', 'latest-tag']]);
    assert.deepEqual(jsonSummary(check(['--format', 'json', 'local/a.sagemaker.json'], root).stdout, root), [['local/a.sagemaker.json', 'xgboost-unpinned']], 'named, it is checked');
  });

  describe('exclusions', () => {
    const files = {
      '.sagemaker-spec.json': '{"exclude": ["fixtures/", "/generated/*.sagemaker.json"]}',
      'jobs/a.sagemaker.json': XGBOOST_UNPINNED,
      'jobs/fixtures/bad.sagemaker.json': XGBOOST_UNPINNED,
      'jobs/draft.sagemaker.json': LATEST_TAG,
      'generated/g.sagemaker.json': XGBOOST_UNPINNED,
      'sub/.sagemaker-spec.json': '{"exclude": ["*.old.sagemaker.json"]}',
      'sub/x.old.sagemaker.json': XGBOOST_UNPINNED,
      'sub/x.sagemaker.json': LATEST_TAG,
    };

    it('skips what the config file excludes (relative to its folder) and what --exclude does (relative to the current folder)', () => {
      const root = tempProject(files);
      const summary = (args: string[], cwd = root) => jsonSummary(check(['--format', 'json', ...args], cwd).stdout, root);
      assert.deepEqual(summary(['.']), [['jobs/a.sagemaker.json', 'xgboost-unpinned'], ['jobs/draft.sagemaker.json', 'latest-tag'], ['sub/x.sagemaker.json', 'latest-tag']]);
      assert.deepEqual(summary(['**/*.sagemaker.json']), [['jobs/a.sagemaker.json', 'xgboost-unpinned'], ['jobs/draft.sagemaker.json', 'latest-tag'], ['sub/x.sagemaker.json', 'latest-tag']], 'globs skip them too');
      assert.deepEqual(summary(['--exclude', 'draft.sagemaker.json', '--exclude', 'sub/', '.']), [['jobs/a.sagemaker.json', 'xgboost-unpinned']]);
      assert.deepEqual(summary(['--exclude', '/a.sagemaker.json', '.'], path.join(root, 'jobs')), [['jobs/draft.sagemaker.json', 'latest-tag']], '--exclude is relative to the current folder');
    });

    it('still checks a file named on the command line', () => {
      const root = tempProject(files);
      const run = check(['--format', 'json', '--exclude', '*.sagemaker.json', 'jobs/fixtures/bad.sagemaker.json', 'sub/x.old.sagemaker.json', 'generated/g.sagemaker.json'], root);
      assert.equal(run.status, 1);
      assert.deepEqual(jsonSummary(run.stdout, root), [
        ['jobs/fixtures/bad.sagemaker.json', 'xgboost-unpinned'],
        ['sub/x.old.sagemaker.json', 'xgboost-unpinned'],
        ['generated/g.sagemaker.json', 'xgboost-unpinned'],
      ]);
    });

    it('is exit 2 when everything a folder or glob holds is excluded, and for a malformed pattern', () => {
      const root = tempProject(files);
      const excluded = check(['--exclude', 'jobs/', 'jobs'], root);
      assert.equal(excluded.status, 2);
      assert.match(excluded.stderr, /^sagemaker-spec: no files to check in folder "jobs": .*excluded/);
      const glob = check(['--exclude', '*.sagemaker.json', 'jobs/*.json'], root);
      assert.equal(glob.status, 2);
      assert.equal(glob.stderr, 'sagemaker-spec: no files to check match "jobs/*.json": its 2 matches are excluded\n');
      const comment = check(['--exclude', '#x', '.'], root);
      assert.deepEqual([comment.status, comment.stdout], [2, '']);
      assert.match(comment.stderr, /^sagemaker-spec: --exclude "#x" starts with "#"/);
      fs.writeFileSync(path.join(root, '.sagemaker-spec.json'), '{"exclude": "fixtures/"}');
      const config = check(['jobs/a.sagemaker.json'], root);
      assert.equal(config.status, 2);
      assert.equal(config.stderr, `sagemaker-spec: invalid config ${path.join(root, '.sagemaker-spec.json')}: "exclude" must be an array of gitignore-style pattern strings\n`);
    });

    it('validates every config file it reads for what to skip, not only those of the files checked (found by a CI user)', () => {
      // Every spec sits under a nested config; the root one's "exclude" still decides whether old/ is walked.
      const root = tempProject({
        '.sagemaker-spec.json': '{"exclude": ["old/"], "bogus": 1}',
        'old/.sagemaker-spec.json': '{}',
        'old/a.sagemaker.json': XGBOOST_UNPINNED,
        'proj/.sagemaker-spec.json': '{}',
        'proj/b.sagemaker.json': LATEST_TAG,
      });
      const invalid = `sagemaker-spec: invalid config ${path.join(root, '.sagemaker-spec.json')}: unknown member "bogus" (expected "region", "rules", "files", "overrides", "exclude", "templateRegions")\n`;
      for (const args of [['.'], ['proj'], ['**/*.sagemaker.json'], ['proj/*.json']]) {
        const run = check(args, root);
        assert.deepEqual([run.status, run.stdout, run.stderr], [2, '', invalid], args.join(' '));
      }
      // Named, a file is never excluded, so only its own config is read.
      const named = check(['--format', 'json', 'old/a.sagemaker.json'], root);
      assert.equal(named.status, 1, named.stderr);
      assert.deepEqual(jsonSummary(named.stdout, root), [['old/a.sagemaker.json', 'xgboost-unpinned']]);

      fs.writeFileSync(path.join(root, '.sagemaker-spec.json'), '{"exclude": ["old/"]}');
      assert.deepEqual(jsonSummary(check(['--format', 'json', '.'], root).stdout, root), [['proj/b.sagemaker.json', 'latest-tag']], 'valid, its exclude applies');
    });
  });
});
