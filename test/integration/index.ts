// Entry point of the integration tests: VS Code's extension host loads this module (the
// `extensionTestsPath` given by scripts/run-integration-tests.mjs in code-server, or by
// scripts/run-desktop-tests.mjs in desktop VS Code) and awaits `run()`. Nothing here or in the
// tests may depend on which of the two runs them.
// Nothing reports the outcome back to the runner, so run() writes it to a JSON file.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/** What the runner reads back. */
export interface TestResult {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; message: string; stack?: string }[];
  tests: { title: string; state: 'passed' | 'failed' | 'pending'; durationMs?: number }[];
}

// out/test/integration/index.js → the repository root.
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Set by the runner (scripts/lib/integration-suites.mjs suiteEnv): on code-server's process, whose
 * environment the extension host inherits, or as runTests' extensionTestsEnv on the desktop.
 * - SAGEMAKER_SPEC_TEST_RESULT: where to write the result (default test-results/integration.json)
 * - SAGEMAKER_SPEC_TEST_GREP: only run tests whose full title matches this pattern
 * - SAGEMAKER_SPEC_TEST_SUITE: `restricted` runs only the `*.restricted.test.js` files (the runner
 *   starts a workbench with Workspace Trust enabled for them); otherwise all the other test files.
 */
const resultFile = process.env.SAGEMAKER_SPEC_TEST_RESULT ?? path.join(REPO_ROOT, 'test-results', 'integration.json');
const grep = process.env.SAGEMAKER_SPEC_TEST_GREP || undefined;
const restrictedSuite = process.env.SAGEMAKER_SPEC_TEST_SUITE === 'restricted';

export async function run(): Promise<void> {
  const result: TestResult = { passed: 0, failed: 0, pending: 0, failures: [], tests: [] };
  try {
    const files = findTestFiles(__dirname);
    console.log(`[integration] ${files.length} test file(s)${grep ? `, grep ${grep}` : ''}`);
    await runMocha(files, result);
  } catch (error) {
    // A test file that fails to load still has to reach the runner as a failure.
    recordFailure(result, 'loading the integration tests', error);
  }
  console.log(`[integration] done: ${result.passed} passed, ${result.failed} failed, ${result.pending} pending`);
  writeResult(result);
}

function findTestFiles(dir: string): string[] {
  const all = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.test.js'));
  const isRestricted = (f: string) => f.endsWith('.restricted.test.js');
  return all
    .filter((f) => isRestricted(f) === restrictedSuite)
    .sort()
    .map((f) => path.join(dir, f));
}

function runMocha(files: string[], result: TestResult): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, grep, reporter: progressReporter(result) });
  files.forEach((f) => mocha.addFile(f));
  return new Promise((resolve) => mocha.run(() => resolve()));
}

/** A mocha reporter that prints one line per test (to the page console) and fills `result`. */
function progressReporter(result: TestResult) {
  return class extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      runner.on('suite', (suite) => suite.title && console.log(`[integration] ${suite.fullTitle()}`));
      runner.on('pass', (test) => {
        result.passed++;
        result.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration });
        console.log(`[integration]   ✓ ${test.title} (${test.duration ?? 0} ms)`);
      });
      runner.on('fail', (test, error) => {
        recordFailure(result, test.fullTitle(), error, test.duration);
        console.log(`[integration]   ✗ ${test.title}: ${errorMessage(error)}`);
      });
      runner.on('pending', (test) => {
        result.pending++;
        result.tests.push({ title: test.fullTitle(), state: 'pending' });
        console.log(`[integration]   - ${test.title} (skipped)`);
      });
    }
  };
}

function recordFailure(result: TestResult, title: string, error: unknown, durationMs?: number): void {
  result.failed++;
  result.failures.push({ title, message: errorMessage(error), stack: (error as Error)?.stack });
  result.tests.push({ title, state: 'failed', durationMs });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function writeResult(result: TestResult): void {
  fs.mkdirSync(path.dirname(resultFile), { recursive: true });
  // Write then rename, so the runner never reads half a file.
  fs.writeFileSync(`${resultFile}.tmp`, JSON.stringify(result, null, 2));
  fs.renameSync(`${resultFile}.tmp`, resultFile);
}
