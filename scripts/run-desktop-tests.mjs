// `npm run test:desktop`: the same integration suite as `npm test` (test/integration, the same
// suites and settings: scripts/lib/integration-suites.mjs), run in desktop VS Code through
// @vscode/test-electron's runTests instead of code-server.
//
//   VSCODE_EXECUTABLE=/path/to/code npm run test:desktop        an installed VS Code (several: ':'-separated)
//   xvfb-run -a npm run test:desktop -- --download             downloads 1.100 (engines.vscode) and stable (CI)
//   node scripts/run-desktop-tests.mjs --grep smoke [--dry-run] (after `npm run build && tsc -p .`)
//
// Without either it prints one line saying what it needs and exits 2: VS Code cannot be
// downloaded on every machine (these development machines have no internet). --dry-run prints
// the runs it would make. On Linux without a display, run it under xvfb-run.
import fs from 'node:fs';
import path from 'node:path';
import { BASE_SETTINGS, REPO_ROOT, ensureSystemPackages, writeUserSettings } from './lib/code-server.mjs';
import { desktopTargets } from './lib/desktop-targets.mjs';
import { argValue, checkBuilt, COMPILED_TESTS, presetSettings, printFailures, SUITES, suiteEnv, WORKSPACE } from './lib/integration-suites.mjs';
import { ensureMoto } from './lib/moto.mjs';

await main();

async function main() {
  const engine = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).engines.vscode;
  const plan = desktopTargets({ argv: process.argv.slice(2), env: process.env, engine, delimiter: path.delimiter, exists: fs.existsSync });
  if (plan.problem) {
    console.error(plan.problem);
    process.exit(2);
  }
  if (process.argv.includes('--dry-run')) {
    for (const run of plan.runs) console.log(`${run.label}: ${run.vscodeExecutablePath ?? `download ${run.version}`}`);
    process.exit(0);
  }
  const grep = argValue('--grep');
  checkBuilt('npm run test:desktop');
  ensureSystemPackages({ browser: false, codeServer: false });
  // The launch tests start moto (an independent AWS emulator) themselves; make sure it is there.
  ensureMoto();
  const { runTests } = await import('@vscode/test-electron');

  const total = { passed: 0, failed: 0, pending: 0 };
  for (const run of plan.runs) {
    for (const suite of SUITES.filter((s) => !s.onlyIf || s.onlyIf())) {
      console.log(`\n▶ ${run.label}, ${suite.name} suite${suite.trust ? ' (Workspace Trust on)' : ''}`);
      const result = await runSuite(runTests, run, suite, grep);
      printFailures(result.failures);
      total.passed += result.passed;
      total.failed += result.failed;
      total.pending += result.pending;
    }
  }
  console.log(`\n${total.passed} passed, ${total.failed} failed${total.pending ? `, ${total.pending} skipped` : ''}`);
  process.exit(total.failed === 0 && total.passed > 0 ? 0 : 1);
}

/** One suite in a fresh user-data and extensions folder; the result as index.ts writes it. */
async function runSuite(runTests, run, suite, grep) {
  fs.mkdirSync(path.join(REPO_ROOT, '.vscode-test'), { recursive: true });
  const runDir = fs.mkdtempSync(path.join(REPO_ROOT, '.vscode-test', `desktop-${suite.name}-`));
  const userDataDir = path.join(runDir, 'user-data');
  const resultFile = path.join(runDir, 'result.json');
  writeUserSettings(userDataDir, { ...BASE_SETTINGS, ...suite.settings, ...presetSettings() });
  try {
    await runTests({
      ...(run.vscodeExecutablePath ? { vscodeExecutablePath: run.vscodeExecutablePath } : { version: run.version }),
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: path.join(COMPILED_TESTS, 'index'),
      extensionTestsEnv: suiteEnv(suite, resultFile, grep),
      launchArgs: [
        WORKSPACE,
        '--user-data-dir', userDataDir,
        '--extensions-dir', path.join(runDir, 'extensions'),
        // Only this extension and VS Code's built-in ones (the JSON language features among them).
        '--disable-extensions',
        '--skip-welcome',
        '--skip-release-notes',
        // Registry sign-in tests store secrets; a CI machine has no keyring for VS Code to use.
        '--password-store=basic',
        ...(suite.trust ? [] : ['--disable-workspace-trust']),
      ],
    });
  } catch (error) {
    // runTests rejects when VS Code exits non-zero; the result file, if written, still counts.
    if (!fs.existsSync(resultFile)) {
      return { passed: 0, failed: 1, pending: 0, failures: [{ title: `${run.label}, ${suite.name} suite`, message: `VS Code did not run the tests: ${error.message}` }] };
    }
  }
  if (!fs.existsSync(resultFile)) {
    return { passed: 0, failed: 1, pending: 0, failures: [{ title: `${run.label}, ${suite.name} suite`, message: 'VS Code exited without a test result' }] };
  }
  const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  if (result.failed === 0) fs.rmSync(runDir, { recursive: true, force: true });
  else console.log(`  Logs kept in ${path.relative(REPO_ROOT, runDir)}/`);
  return result;
}
