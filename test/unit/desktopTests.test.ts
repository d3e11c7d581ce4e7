import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// scripts/run-desktop-tests.mjs (`npm run test:desktop`): which VS Code it runs the suite in, and
// the one line it prints when it has none. --dry-run stops before VS Code would start.
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const script = path.join(repoRoot, 'scripts', 'run-desktop-tests.mjs');

function runScript(args: string[], vscodeExecutable?: string, extraEnv: NodeJS.ProcessEnv = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv };
  delete env.VSCODE_EXECUTABLE;
  if (vscodeExecutable !== undefined) env.VSCODE_EXECUTABLE = vscodeExecutable;
  return spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', env, cwd: repoRoot, timeout: 60_000 });
}

/** A stand-in VS Code that logs how it was launched (test/fixtures/fake-vscode.mjs). */
const fakeVscode = path.join(repoRoot, 'test', 'fixtures', 'fake-vscode.mjs');

interface Launch {
  args: string[];
  suite: string;
  grep: string;
}

function launchesLoggedIn(log: string): Launch[] {
  return lines(fs.readFileSync(log, 'utf8')).map((line) => JSON.parse(line) as Launch);
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.length > 0);
}

describe('scripts/run-desktop-tests.mjs', function () {
  this.timeout(20_000);

  it('without VSCODE_EXECUTABLE or --download: one line naming what it needs, exit 2, nothing started', () => {
    for (const given of [undefined, '', ' ']) {
      const result = runScript([], given);
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.equal(lines(result.stderr).length, 1, result.stderr);
      assert.match(result.stderr, /needs a desktop VS Code: set VSCODE_EXECUTABLE .*--download/);
    }
  });

  it('a VSCODE_EXECUTABLE that does not exist: one line naming it, exit 2', () => {
    const missing = path.join(repoRoot, 'no-such-vscode', 'code');
    const result = runScript(['--dry-run'], `${process.execPath}${path.delimiter}${missing}`);
    assert.equal(result.status, 2);
    assert.deepEqual(lines(result.stderr), [`test:desktop: VSCODE_EXECUTABLE names ${missing}, which does not exist; set it to an installed VS Code's executable, or pass --download (CI)`]);
  });

  it('runs each installed VS Code named in VSCODE_EXECUTABLE, in order', () => {
    const other = fs.realpathSync(script);
    const result = runScript(['--dry-run'], [process.execPath, other].join(path.delimiter));
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(lines(result.stdout), [`VS Code at ${process.execPath}: ${process.execPath}`, `VS Code at ${other}: ${other}`]);
  });

  it('--download: the minimum VS Code of engines.vscode and stable, even with VSCODE_EXECUTABLE set', () => {
    const engine = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).engines.vscode as string;
    const minimum = engine.replace(/^\^/, '');
    assert.equal(minimum, '1.100.0');
    const result = runScript(['--download', '--dry-run'], process.execPath);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(lines(result.stdout), [`VS Code ${minimum} (minimum supported): download ${minimum}`, 'VS Code stable: download stable']);
  });

  it('the CI workflow runs it under xvfb, downloading both versions', () => {
    const workflow = fs.readFileSync(path.join(repoRoot, '.github', 'workflows', 'desktop.yml'), 'utf8');
    assert.match(workflow, /^\s+run: xvfb-run -a npm run test:desktop -- --download$/m);
    assert.match(workflow, /runs-on: ubuntu-latest/);
  });

  it('runs both suites in the given VS Code: trust disabled for the default one, on for the restricted one', () => {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desktop-tests-')), 'launches.jsonl');
    const result = runScript(['--grep', 'smoke'], fakeVscode, { FAKE_VSCODE_LOG: log });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^2 passed, 0 failed$/m);
    const [plain, restricted] = launchesLoggedIn(log);
    assert.deepEqual([plain.suite, restricted.suite], ['default', 'restricted']);
    for (const launch of [plain, restricted]) {
      assert.equal(launch.grep, 'smoke');
      assert.equal(launch.args[0], path.join(repoRoot, 'test', 'fixtures', 'workspace'), 'the test workspace is opened');
      assert.ok(launch.args.includes(`--extensionDevelopmentPath=${repoRoot}`));
      assert.ok(launch.args.includes(`--extensionTestsPath=${path.join(repoRoot, 'out', 'test', 'integration', 'index')}`));
      assert.ok(launch.args.includes('--disable-extensions'));
      assert.equal(launch.args.filter((arg) => arg.startsWith('--user-data-dir=')).length, 1);
    }
    assert.ok(plain.args.includes('--disable-workspace-trust'));
    assert.ok(!restricted.args.includes('--disable-workspace-trust'), 'the restricted suite needs Workspace Trust');
    const userData = (launch: Launch) => launch.args.find((arg) => arg.startsWith('--user-data-dir='));
    assert.notEqual(userData(plain), userData(restricted), 'each suite gets a fresh workbench');
    fs.rmSync(path.dirname(log), { recursive: true, force: true });
  });

  it('a VS Code that exits without a result: each suite fails, exit 1', () => {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desktop-tests-')), 'launches.jsonl');
    const result = runScript(['--grep', 'smoke'], fakeVscode, { FAKE_VSCODE_LOG: log, FAKE_VSCODE_CRASH: '1' });
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^0 passed, 2 failed$/m);
    assert.match(result.stdout, /VS Code did not run the tests/);
    for (const kept of result.stdout.matchAll(/Logs kept in (\S+)\/$/gm)) fs.rmSync(path.join(repoRoot, kept[1]), { recursive: true, force: true });
    fs.rmSync(path.dirname(log), { recursive: true, force: true });
  });
});
