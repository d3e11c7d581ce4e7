// Runs the integration tests (test/integration/**/*.test.ts, compiled to out/) inside a real VS Code:
// code-server 4.100.3 with the extension loaded from this working tree, driven by headless Chromium.
//
//   npm run test:integration                      build, compile, run everything
//   node scripts/run-integration-tests.mjs --grep smoke    (after `npm run build && tsc -p .`)
//
// User settings for the test workbench: test/fixtures/user-settings.json (if present), then the
// JSON object in $SAGEMAKER_SPEC_TEST_SETTINGS. SAGEMAKER_SPEC_TEST_VERBOSE=1 shows the whole
// browser console. Files named *.restricted.test.ts run in a second
// workbench with Workspace Trust enabled, where the test workspace is in Restricted Mode.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  BASE_SETTINGS,
  REPO_ROOT,
  ensureCodeServer,
  ensureSystemPackages,
  findFreePort,
  launchChromium,
  onShutdown,
  remoteUri,
  shutdown,
  startCodeServer,
  tail,
  workbenchUrl,
  writeUserSettings,
} from './lib/code-server.mjs';
import { argValue, checkBuilt, COMPILED_TESTS, presetSettings, printFailures, SUITES, suiteEnv, WORKSPACE } from './lib/integration-suites.mjs';
import { ensureMoto } from './lib/moto.mjs';

const SUITE_TIMEOUT_MS = 5 * 60_000;
// Browser console: test progress (test/integration/index.ts prints it) and VS Code's errors.
const TEST_PREFIX = '[integration]';
const CONSOLE_PREFIX = '[vscode] ';
const CRASH_PATTERN = /extension host.*(terminated unexpectedly|exited with code|crashed)/i;

await main();

async function main() {
  const grep = argValue('--grep');
  checkBuilt('npm run test:integration');
  pruneOldRunDirs();
  ensureSystemPackages();
  await ensureCodeServer();
  // The launch tests start moto (an independent AWS emulator) themselves; make sure it is there.
  ensureMoto();

  const total = { passed: 0, failed: 0, pending: 0 };
  let exitCode = 1;
  try {
    for (const suite of SUITES.filter((s) => !s.onlyIf || s.onlyIf())) {
      const result = await runSuite(suite, grep);
      printFailures(result.failures);
      total.passed += result.passed;
      total.failed += result.failed;
      total.pending += result.pending;
    }
    exitCode = total.failed === 0 && total.passed > 0 ? 0 : 1;
  } catch (error) {
    console.error(`\nIntegration tests could not run: ${error.message}`);
    total.failed += 1;
  } finally {
    await shutdown();
  }
  console.log(`\n${total.passed} passed, ${total.failed} failed${total.pending ? `, ${total.pending} skipped` : ''}`);
  process.exit(exitCode);
}

async function runSuite(suite, grep) {
  const started = Date.now();
  const runDir = fs.mkdtempSync(path.join(REPO_ROOT, '.vscode-test', `run-${suite.name}-`));
  const userDataDir = path.join(runDir, 'user-data');
  const resultFile = path.join(runDir, 'result.json');
  writeUserSettings(userDataDir, { ...BASE_SETTINGS, ...suite.settings, ...presetSettings() });

  const port = await findFreePort(9100);
  console.log(`\n▶ ${suite.name} suite: code-server on port ${port}${suite.trust ? ' (Workspace Trust on)' : ''}`);
  const server = await startCodeServer({
    port,
    userDataDir,
    extensionsDir: path.join(runDir, 'extensions'),
    folder: WORKSPACE,
    trust: suite.trust,
    // The extension host inherits code-server's environment: this is how run() learns these.
    env: suiteEnv(suite, resultFile, grep),
  });
  onShutdown(() => server.stop());

  const browser = await launchChromium();
  onShutdown(() => browser.close());
  const page = await browser.newPage();
  const consoleLines = [];
  forwardConsole(page, (type, text) => {
    consoleLines.push(text);
    if (text.includes(TEST_PREFIX)) console.log(text.slice(text.indexOf(TEST_PREFIX)));
    else if (isWorthShowing(type, text)) console.log(CONSOLE_PREFIX + text);
  });
  page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));

  await page.goto(
    workbenchUrl(port, WORKSPACE, [
      ['extensionDevelopmentPath', remoteUri(port, REPO_ROOT)],
      ['extensionTestsPath', remoteUri(port, path.join(COMPILED_TESTS, 'index'))],
    ]),
  );

  let result;
  try {
    result = await waitForResult({ resultFile, runDir, server, consoleLines, deadline: started + SUITE_TIMEOUT_MS });
  } finally {
    await shutdown();
  }
  console.log(`  ${suite.name} suite took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // Keep the workbench's logs and state only when something failed.
  if (result.failed === 0) fs.rmSync(runDir, { recursive: true, force: true });
  else console.log(`  Logs kept in ${path.relative(REPO_ROOT, runDir)}/`);
  return result;
}

/**
 * Polls for the result file; fails early if the run's folder was deleted (no result, or not this
 * run's, would come) or the server or the extension host died.
 */
async function waitForResult({ resultFile, runDir, server, consoleLines, deadline }) {
  for (;;) {
    // The log is the one file of the run's folder always there: code-server makes the folder
    // again when it saves settings, so the folder itself does not tell.
    const deleted = !fs.existsSync(server.logFile);
    if (!deleted && fs.existsSync(resultFile)) return JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    const crash = consoleLines.find((line) => CRASH_PATTERN.test(line)) ?? server.log().split('\n').find((l) => CRASH_PATTERN.test(l));
    const exited = server.exited();
    if (deleted || crash || exited || Date.now() > deadline) {
      const why = deleted
        ? `the run's folder ${path.relative(REPO_ROOT, runDir)}/ was deleted while the tests ran (by another run, or \`rm -rf\` of this checkout?): its settings and extensions went with it`
        : crash
          ? `the extension host crashed: ${crash}`
          : exited
            ? `code-server exited (${exited.code ?? exited.signal})`
            : `no result after ${SUITE_TIMEOUT_MS / 60_000} min (the extension host never ran the tests or they hung)`;
      throw new Error(
        `${why}\n--- code-server log (${server.logFile}) ---\n${tail(server.log(), 25)}` +
          `\n--- browser console ---\n${tail(consoleLines.join('\n'), 25)}`,
      );
    }
    await sleep(250);
  }
}

/**
 * Passes each page console message, as text, to `onLine` in order. The workbench logs
 * `('%c INFO', 'color: #33f', text)`: the `%c` markers and their CSS arguments are dropped.
 */
function forwardConsole(page, onLine) {
  let queue = Promise.resolve();
  page.on('console', (message) => {
    const values = Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => '')));
    queue = queue.then(async () => {
      const args = (await values).map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
      const styles = args.length && args[0].includes('%c') ? args[0].split('%c').length - 1 : 0;
      const text = [args[0]?.replaceAll('%c', '').trim(), ...args.slice(1 + styles)].filter(Boolean).join(' ');
      onLine(message.type(), text || message.text());
    });
  });
}

function isWorthShowing(type, text) {
  if (process.env.SAGEMAKER_SPEC_TEST_VERBOSE) return true;
  // The workbench's own chatter (marketplace unreachable, vsda missing…) is expected here.
  if (/open-vsx|vsda|ENOTFOUND|Failed to load resource/.test(text)) return false;
  return type === 'error' && /extension host|sagemaker/i.test(text);
}

/** Failed runs keep their folder for the logs; clear those over an hour old (not a live run). */
function pruneOldRunDirs() {
  const cacheDir = path.join(REPO_ROOT, '.vscode-test');
  if (!fs.existsSync(cacheDir)) return;
  for (const entry of fs.readdirSync(cacheDir).filter((name) => name.startsWith('run-'))) {
    const dir = path.join(cacheDir, entry);
    if (Date.now() - fs.statSync(dir).mtimeMs > 60 * 60_000) fs.rmSync(dir, { recursive: true, force: true });
  }
}
