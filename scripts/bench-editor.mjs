// `npm run bench:editor`: the time from an edit to updated diagnostics inside a real VS Code
// (code-server 4.100.3, as the integration tests), ours against VS Code's own JSON diagnostics on
// the same documents in the same run: a ~2 KB training spec and the same spec padded to 1 MiB
// (scripts/lib/bench-fixtures.mjs). The edits (test/bench/editorLatency.ts, which runs in the
// extension host): a syntax-breaking edit for VS Code's JSON diagnostics, an image-tag edit for
// ours, interleaved, each undone before the next. Prints the medians and the ratios. A benchmark,
// never a test: it fails only when it cannot measure.
//
//   npm run bench:editor                       build, compile, measure (31 samples of each)
//   node scripts/bench-editor.mjs --samples 51 (after `npm run build && tsc -p .`)
//
// Run it alone on the machine (these machines are noisy): under the integration lock here,
// `flock /tmp/sagemaker-spec-integration.lock npm run bench:editor`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { largeSpec, smallSpec } from './lib/bench-fixtures.mjs';
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

/** The minimum is 30; odd, so the median is one sample. */
const DEFAULT_SAMPLES = 31;
const TIMEOUT_MS = 15 * 60_000;
const BENCH_MODULE = path.join(REPO_ROOT, 'out', 'test', 'bench', 'editorLatency');
const DOCUMENTS = [
  { file: 'training-2kb.sagemaker.json', label: '2 KB training spec', text: smallSpec(), aim: 1 },
  { file: 'training-1mb.sagemaker.json', label: '1 MB training spec', text: largeSpec(), aim: 1.5 },
];

await main();

async function main() {
  const samples = Number(argValue('--samples') ?? DEFAULT_SAMPLES);
  if (!Number.isInteger(samples) || samples < 1) fail(`--samples needs a positive integer, not ${argValue('--samples')}`);
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js')) || !fs.existsSync(`${BENCH_MODULE}.js`)) {
    fail('Not built yet; run: npm run build && npx tsc -p . (npm run bench:editor does both)');
  }
  ensureSystemPackages({ registry: false });
  await ensureCodeServer();

  // A fresh folder outside the repository: the workbench saves nothing into the tracked tree.
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-spec-bench-editor-'));
  const workspace = path.join(stateDir, 'workspace');
  fs.mkdirSync(workspace);
  for (const { file, text } of DOCUMENTS) fs.writeFileSync(path.join(workspace, file), text);
  const resultFile = path.join(stateDir, 'result.json');
  const userDataDir = path.join(stateDir, 'user-data');
  writeUserSettings(userDataDir, { ...BASE_SETTINGS, 'sagemakerSpec.region': 'us-east-1', 'files.autoSave': 'off' });

  let exitCode = 1;
  try {
    const port = await findFreePort(9300);
    const server = await startCodeServer({
      port,
      userDataDir,
      extensionsDir: path.join(stateDir, 'extensions'),
      folder: workspace,
      env: {
        SAGEMAKER_SPEC_BENCH_RESULT: resultFile,
        SAGEMAKER_SPEC_BENCH_FOLDER: workspace,
        SAGEMAKER_SPEC_BENCH_FILES: DOCUMENTS.map((d) => d.file).join(','),
        SAGEMAKER_SPEC_BENCH_SAMPLES: String(samples),
      },
    });
    onShutdown(() => server.stop());
    const browser = await launchChromium();
    onShutdown(() => browser.close());
    const page = await browser.newPage();
    page.on('console', (message) => message.text().includes('[bench]') && console.log(message.text().slice(message.text().indexOf('[bench]'))));
    console.log(`Measuring in code-server on port ${port}: ${samples} samples of each edit per document…`);
    await page.goto(
      workbenchUrl(port, workspace, [
        ['extensionDevelopmentPath', remoteUri(port, REPO_ROOT)],
        ['extensionTestsPath', remoteUri(port, BENCH_MODULE)],
      ]),
    );
    const deadline = Date.now() + TIMEOUT_MS;
    while (!fs.existsSync(resultFile)) {
      if (server.exited() || Date.now() > deadline) {
        throw new Error(`no result (${server.exited() ? 'code-server exited' : 'timed out'}):\n${tail(server.log(), 20)}`);
      }
      await sleep(250);
    }
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    if (result.error) throw new Error(result.error);
    printReport(result, samples);
    exitCode = 0;
  } catch (error) {
    console.error(`bench:editor could not measure: ${error.message}`);
  } finally {
    await shutdown();
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
  process.exit(exitCode);
}

function printReport(result, samples) {
  console.log(`\nEdit → updated diagnostics in VS Code ${result.vscodeVersion} (code-server), median [quartiles] of ${samples} interleaved samples`);
  console.log('VS Code JSON: a syntax-breaking edit; SageMaker Spec: an image-tag edit; same document.\n');
  const rows = result.documents.map((measured) => {
    const spec = DOCUMENTS.find((d) => d.file === measured.file);
    const builtin = median(measured.builtinJsonMs);
    const ours = median(measured.oursMs);
    const ratio = ours / builtin;
    return [
      `${spec.label} (${new Intl.NumberFormat('en-US').format(measured.bytes)} B)`,
      spread(measured.builtinJsonMs),
      spread(measured.oursMs),
      `${ratio.toFixed(2)}×`,
      `≤ ${spec.aim.toFixed(2)}× ${ratio <= spec.aim ? 'met' : 'NOT met'}`,
    ];
  });
  table(['document', 'VS Code JSON', 'SageMaker Spec', 'ours / JSON', 'aim'], rows);
  console.log('\nOf which VS Code itself, for both: the edit until its change event reaches the extension host');
  for (const measured of result.documents) {
    console.log(`  ${DOCUMENTS.find((d) => d.file === measured.file).label}: ${spread(measured.editEventMs)}`);
  }
}

/** `median ms [p25–p75]` of samples. */
function spread(values) {
  return `${median(values).toFixed(1)} ms [${quantile(values, 0.25).toFixed(1)}–${quantile(values, 0.75).toFixed(1)}]`;
}

function median(values) {
  return quantile(values, 0.5);
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.ceil(at)] - sorted[low]) * (at - low);
}

function table(header, rows) {
  const widths = header.map((_, col) => Math.max(...[header, ...rows].map((row) => String(row[col]).length)));
  const line = (row) => row.map((cell, col) => String(cell).padEnd(widths[col])).join('   ').trimEnd();
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

function argValue(name) {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
