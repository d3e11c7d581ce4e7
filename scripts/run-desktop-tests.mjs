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
import { spawn } from 'node:child_process';
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
  const { runTests, downloadAndUnzipVSCode } = await import('@vscode/test-electron');

  const total = { passed: 0, failed: 0, pending: 0 };
  for (const run of plan.runs) {
    // Downloaded (or found in .vscode-test/) once per version, for both suites.
    const executable = run.vscodeExecutablePath ?? (await downloadAndUnzipVSCode(run.version));
    for (const suite of SUITES.filter((s) => !s.onlyIf || s.onlyIf())) {
      console.log(`\n▶ ${run.label}, ${suite.name} suite${suite.trust ? ' (Workspace Trust on)' : ''}`);
      const result = await runSuite(suite.trust ? runTestsTrusted : runTests, executable, run.label, suite, grep);
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
async function runSuite(runTests, executable, label, suite, grep) {
  fs.mkdirSync(path.join(REPO_ROOT, '.vscode-test'), { recursive: true });
  const runDir = fs.mkdtempSync(path.join(REPO_ROOT, '.vscode-test', `desktop-${suite.name}-`));
  const userDataDir = path.join(runDir, 'user-data');
  const resultFile = path.join(runDir, 'result.json');
  writeUserSettings(userDataDir, { ...BASE_SETTINGS, ...suite.settings, ...presetSettings() });
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: path.join(COMPILED_TESTS, 'index'),
      extensionTestsEnv: suiteEnv(suite, resultFile, grep),
      launchArgs: [
        WORKSPACE,
        `--user-data-dir=${userDataDir}`,
        `--extensions-dir=${path.join(runDir, 'extensions')}`,
        // Only this extension and VS Code's built-in ones (the JSON language features among them).
        '--disable-extensions',
        // Registry sign-in tests store secrets; a CI machine has no keyring for VS Code to use.
        '--password-store=basic',
      ],
    });
  } catch (error) {
    // runTests rejects when VS Code exits non-zero; the result file, if written, still counts.
    if (!fs.existsSync(resultFile)) return noResult(label, suite, runDir, `VS Code did not run the tests: ${error.message}`);
  }
  if (!fs.existsSync(resultFile)) return noResult(label, suite, runDir, 'VS Code exited without a test result');
  const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  if (result.failed === 0) fs.rmSync(runDir, { recursive: true, force: true });
  else console.log(`  Logs kept in ${path.relative(REPO_ROOT, runDir)}/`);
  return result;
}

/** A suite that produced no result: one failure, and VS Code's logs kept. */
function noResult(label, suite, runDir, message) {
  console.log(`  Logs kept in ${path.relative(REPO_ROOT, runDir)}/`);
  return { passed: 0, failed: 1, pending: 0, failures: [{ title: `${label}, ${suite.name} suite`, message }] };
}

/**
 * runTests for a suite that needs Workspace Trust on: @vscode/test-electron 2.5's runTests always
 * adds --disable-workspace-trust, which would make the restricted suite's workspace trusted. The
 * same launch as runTests otherwise (its other fixed arguments, the test environment merged into
 * ours); resolves when VS Code exits 0, rejects otherwise.
 */
function runTestsTrusted({ vscodeExecutablePath, extensionDevelopmentPath, extensionTestsPath, extensionTestsEnv, launchArgs }) {
  const args = [
    ...launchArgs,
    '--no-sandbox',
    '--disable-gpu-sandbox',
    '--disable-updates',
    '--skip-welcome',
    '--skip-release-notes',
    `--extensionTestsPath=${extensionTestsPath}`,
    `--extensionDevelopmentPath=${extensionDevelopmentPath}`,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(vscodeExecutablePath, args, { env: { ...process.env, ...extensionTestsEnv }, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve(0) : reject(new Error(`VS Code exited with ${code ?? signal}`))));
  });
}
