// What both integration runners share: the suites (each a fresh workbench), the settings the test
// workbench starts with, and how failures are printed. Used by scripts/run-integration-tests.mjs
// (code-server, `npm test`) and scripts/run-desktop-tests.mjs (desktop VS Code, `npm run test:desktop`).
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './code-server.mjs';

export const WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');
export const COMPILED_TESTS = path.join(REPO_ROOT, 'out', 'test', 'integration');
const USER_SETTINGS_FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'user-settings.json');

/**
 * Each suite gets a fresh workbench. `trust`: Workspace Trust enabled, the test workspace then
 * stays in Restricted Mode (files named *.restricted.test.ts); otherwise it is disabled.
 */
export const SUITES = [
  { name: 'default', trust: false, settings: {} },
  {
    name: 'restricted',
    trust: true,
    // No startup trust prompt: the test workspace simply stays untrusted (Restricted Mode).
    settings: { 'security.workspace.trust.startupPrompt': 'never' },
    onlyIf: () => listCompiledTests().some((f) => f.endsWith('.restricted.test.js')),
  },
];

/**
 * Settings every suite runs with, whichever VS Code runs it. VS Code in the browser (code-server)
 * saves files after a delay by default, desktop VS Code does not: a slow test could then save its
 * edits into test/fixtures/workspace/. Off in both, so the suite behaves the same everywhere.
 */
const SUITE_SETTINGS = { 'files.autoSave': 'off' };

/** Settings presets: SUITE_SETTINGS, the fixture file, then $SAGEMAKER_SPEC_TEST_SETTINGS (a JSON object). */
export function presetSettings() {
  const fromFile = fs.existsSync(USER_SETTINGS_FIXTURE) ? JSON.parse(fs.readFileSync(USER_SETTINGS_FIXTURE, 'utf8')) : {};
  const fromEnv = process.env.SAGEMAKER_SPEC_TEST_SETTINGS ? JSON.parse(process.env.SAGEMAKER_SPEC_TEST_SETTINGS) : {};
  return { ...SUITE_SETTINGS, ...fromFile, ...fromEnv };
}

/** The environment test/integration/index.ts reads in the extension host. */
export function suiteEnv(suite, resultFile, grep) {
  return {
    SAGEMAKER_SPEC_TEST_RESULT: resultFile,
    SAGEMAKER_SPEC_TEST_GREP: grep ?? '',
    SAGEMAKER_SPEC_TEST_SUITE: suite.name,
  };
}

export function printFailures(failures) {
  for (const [index, failure] of failures.entries()) {
    console.log(`\n  ${index + 1}) ${failure.title}\n     ${failure.message}`);
    const frames = (failure.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line) && !line.includes('node_modules'));
    if (frames.length) console.log(frames.slice(0, 6).join('\n'));
  }
}

export function listCompiledTests() {
  return fs.existsSync(COMPILED_TESTS) ? fs.readdirSync(COMPILED_TESTS, { recursive: true }).map(String) : [];
}

/** Exits naming the build steps when dist/ or the compiled tests are missing. */
export function checkBuilt(script) {
  const missing = [
    [path.join(REPO_ROOT, 'dist', 'extension.js'), 'npm run build'],
    [path.join(COMPILED_TESTS, 'index.js'), 'npm run compile'],
  ].filter(([file]) => !fs.existsSync(file));
  if (missing.length) {
    console.error(`Not built yet; run: ${missing.map(([, command]) => command).join(' && ')} (${script} does both)`);
    process.exit(1);
  }
}

/** The value after `name` on the command line, undefined when absent; exits when it has none. */
export function argValue(name) {
  const index = process.argv.indexOf(name);
  if (index === -1) return undefined;
  const value = process.argv[index + 1];
  if (!value) {
    console.error(`${name} needs a value`);
    process.exit(2);
  }
  return value;
}
