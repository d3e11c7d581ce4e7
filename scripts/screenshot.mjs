// npm run screenshot -- [examples/FILE] [--problems] [--hover TEXT] [--quick-fix TEXT] [--out media/screenshot.png]
// Opens FILE (default examples/broken-latest-tag.sagemaker.json) in VS Code with the extension
// from this working tree, like the demo, and saves a 1280x800 screenshot for the README.
//   --problems     open the Problems panel (Ctrl+Shift+M)
//   --hover TEXT   hover the first occurrence of TEXT in the editor (e.g. an image URI)
//   --quick-fix TEXT  click into TEXT and open the quick-fix menu (Ctrl+.)
// A leading `--` (`node scripts/screenshot.mjs -- FILE`) is ignored. The workbench's state (user
// data, extensions, log) lives in a fresh folder under the system's temp dir, removed at the end:
// never in the repository's .vscode-test, which may be a link shared with other working trees.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  REPO_ROOT,
  buildExtension,
  ensureCodeServer,
  ensureSystemPackages,
  launchChromium,
  onShutdown,
  shutdown,
  startWorkbench,
  openFileInWorkbench as openFile,
  waitForWorkbench,
} from './lib/code-server.mjs';

const DEFAULT_FILE = 'examples/broken-latest-tag.sagemaker.json';
const VIEWPORT = { width: 1280, height: 800 };
// How long to wait for the extension's squiggles before shooting anyway (a clean file has none).
const SQUIGGLE_WAIT_MS = 8_000;

try {
  await main();
} catch (error) {
  console.error(`Screenshot failed: ${error.message}`);
  await shutdown();
  process.exitCode = 1;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (!fs.existsSync(options.file)) {
    const examples = fs.readdirSync(path.join(REPO_ROOT, 'examples')).map((f) => `examples/${f}`);
    fail(`No such file: ${path.relative(REPO_ROOT, options.file)}. Examples: ${examples.join(', ') || 'none yet'}`);
  }

  buildExtension();
  ensureSystemPackages();
  await ensureCodeServer();

  // A fresh workbench each time, so earlier layouts and open editors don't leak into the picture.
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-spec-screenshot-'));
  // Registered first, so it runs last: after the server and the browser have stopped writing there.
  onShutdown(() => fs.rmSync(stateDir, { recursive: true, force: true }));
  const folder = workspaceFolderFor(options.file);
  const workbench = await startWorkbench({ stateDir, preferredPort: 9400, folder });

  try {
    const browser = await launchChromium();
    onShutdown(() => browser.close());
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(workbench.folderUrl);
    await waitForWorkbench(page);

    await openFile(page, path.relative(folder, options.file));
    await waitForSquiggles(page);
    if (options.problems) await openProblemsPanel(page);
    // Bring the line to hover or fix into view: it may be below the first screen, or under the Problems panel.
    const target = options.hover ?? options.quickFix;
    if (target) await revealLineOf(page, options.file, target);
    if (options.hover) await hoverText(page, options.hover);
    if (options.quickFix) await showQuickFixes(page, options.quickFix);

    fs.mkdirSync(path.dirname(options.out), { recursive: true });
    await page.screenshot({ path: options.out });
    console.log(`Saved ${path.relative(process.cwd(), options.out)} (${VIEWPORT.width}x${VIEWPORT.height})`);
  } finally {
    await shutdown();
  }
}

/** examples/ when the file is in it (so the Explorer shows the examples), else the file's folder. */
function workspaceFolderFor(file) {
  const examples = path.join(REPO_ROOT, 'examples');
  return file.startsWith(examples + path.sep) ? examples : path.dirname(file);
}

async function waitForSquiggles(page) {
  const squiggles = '.editor-instance .squiggly-error, .editor-instance .squiggly-warning, .editor-instance .squiggly-info';
  try {
    await page.waitForSelector(squiggles, { timeout: SQUIGGLE_WAIT_MS });
  } catch {
    console.log(`(no diagnostics underlined in view after ${SQUIGGLE_WAIT_MS / 1000} s, where the file opened; taking the screenshot anyway)`);
  }
}

async function openProblemsPanel(page) {
  // Focus is in the editor that Quick Open just opened, where the shortcut works.
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel', { state: 'visible', timeout: 10_000 });
}

/**
 * Scrolls the editor to the first occurrence of TEXT in FILE (Go to Line, Ctrl+G, with its
 * column: a long line, such as a CDK template's DefinitionString, scrolls sideways too).
 */
async function revealLineOf(page, file, text) {
  const content = fs.readFileSync(file, 'utf8');
  const index = content.indexOf(text);
  if (index < 0) return; // hoverText and showQuickFixes say it is not there
  const before = content.slice(0, index).split('\n');
  const line = before.length;
  const column = before[before.length - 1].length + 1;
  // Focus may be in the Problems panel: back to the editor, where Ctrl+G works.
  await page.locator('.editor-instance .view-lines').first().click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 5_000 });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
}

/**
 * Hovers TEXT where revealLineOf put the cursor (its first character): a target the editor renders
 * in several pieces (a long JSON string's tokens) has no single element to find by its text.
 */
async function hoverText(page, text) {
  const cursor = await page.locator('.editor-instance .cursors-layer .cursor').first().boundingBox();
  if (!cursor) throw new Error(`"${text}" is not visible in the editor`);
  await page.mouse.move(cursor.x + 4, cursor.y + cursor.height / 2);
  try {
    await page.waitForSelector('.monaco-hover:not(.hidden) .monaco-hover-content', { state: 'visible', timeout: 5_000 });
    // The hover fades in; shoot once it is opaque.
    await page.waitForTimeout(600);
  } catch {
    console.log(`(no hover appeared over "${text}")`);
  }
}

/** Opens the quick-fix menu (Ctrl+.) with the cursor in TEXT, where revealLineOf put it, as a user would. */
async function showQuickFixes(page, text) {
  if ((await page.locator('.editor-instance .cursors-layer .cursor').count()) === 0) throw new Error(`"${text}" is not visible in the editor`);
  // One character in: Ctrl+. asks for the fixes under the cursor, and the diagnostic starts at TEXT.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+.');
  try {
    await page.waitForSelector('.action-widget .monaco-list-row', { state: 'visible', timeout: 5_000 });
    await page.waitForTimeout(300);
  } catch {
    console.log(`(no quick-fix menu appeared at "${text}")`);
  }
}

function parseArguments(args) {
  const options = { file: path.resolve(REPO_ROOT, DEFAULT_FILE), out: path.join(REPO_ROOT, 'media', 'screenshot.png'), problems: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    // `npm run screenshot -- FILE` passes FILE alone; `node scripts/screenshot.mjs -- FILE` keeps the `--`.
    if (arg === '--' && i === 0) continue;
    if (arg === '--help' || arg === '-h') usage();
    if (arg === '--problems') options.problems = true;
    else if (arg === '--hover') options.hover = args[++i];
    else if (arg === '--quick-fix') options.quickFix = args[++i];
    else if (arg === '--out') options.out = path.resolve(args[++i]);
    else if (arg.startsWith('--')) fail(`Unknown option ${arg}`);
    else options.file = path.resolve(arg);
  }
  return options;
}

/** Prints this file's header (its usage) and exits. */
function usage() {
  const header = fs.readFileSync(new URL(import.meta.url), 'utf8').split('\n').filter((line, index, lines) => lines.slice(0, index + 1).every((earlier) => earlier.startsWith('//')));
  console.log(header.map((line) => line.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(0);
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
