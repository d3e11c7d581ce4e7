// UI-level test: what a person does. In the real workbench (code-server, headless Chromium) it
// opens a training spec, runs "SageMaker: Launch Training Job" from the command palette and clicks
// `Launch` in the real confirmation dialog (which must name the endpoint); moto, an independent
// AWS emulator, must then have the job, and its status-bar item must show (it is followed). Prints `N passed, N failed` and exits non-zero on failure.
//
//   npm run test:ui          (after npm run build)
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DescribeTrainingJobCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import {
  REPO_ROOT,
  ensureCodeServer,
  ensureSystemPackages,
  launchChromium,
  onShutdown,
  openFileInWorkbench,
  shutdown,
  startWorkbench,
  waitForWorkbench,
} from './lib/code-server.mjs';
import { TEST_ACCESS_KEY_ID, TEST_SECRET_ACCESS_KEY, startMoto } from './lib/moto.mjs';

const WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');
const SPEC = 'launch-training.sagemaker.jsonc';
const JOB_NAME = 'launch-test-job';
const SCREENSHOTS = path.join(REPO_ROOT, 'test-results');

let failure;
let page;
try {
  await launchFromThePalette();
} catch (error) {
  failure = error;
  await explainFailure();
} finally {
  await shutdown();
}
if (failure) {
  console.error(`✗ launch from the command palette: ${failure.stack ?? failure}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
console.log('✓ launch from the command palette: the dialog showed the spec and its endpoint, Launch sent it to moto, the job is followed in the status bar');
console.log('1 passed, 0 failed');
process.exit(0);

/** What the workbench showed when the test failed: a screenshot and the visible notifications. */
async function explainFailure() {
  if (!page) return;
  try {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'ui-failure.png') });
    const notifications = await page.locator('.notifications-toasts').allInnerTexts();
    console.error(`screenshot: test-results/ui-failure.png; notifications: ${notifications.join(' | ') || '(none)'}`);
  } catch (error) {
    console.error(`(could not capture the workbench: ${error.message})`);
  }
}

async function launchFromThePalette() {
  ensureSystemPackages();
  await ensureCodeServer();
  const stateDir = fs.mkdtempSync(path.join(REPO_ROOT, '.vscode-test', 'ui-'));
  onShutdown(() => fs.rmSync(stateDir, { recursive: true, force: true }));
  const moto = await startMoto(path.join(stateDir, 'moto'), 5100);
  onShutdown(() => moto.stop());
  const workbench = await startWorkbench({
    stateDir,
    preferredPort: 9300,
    folder: WORKSPACE,
    settings: { ...moto.settings, 'sagemakerSpec.region': 'us-east-1' },
    env: moto.env,
  });
  const browser = await launchChromium();
  onShutdown(() => browser.close());
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(workbench.folderUrl);
  await waitForWorkbench(page);

  await openFileInWorkbench(page, SPEC);

  // The extension has recognised the spec once its CodeLens shows (and the palette entry, which
  // depends on the same recognition, is available).
  await page.waitForSelector('.codelens-decoration >> text=Launch Training Job', { timeout: 30_000 });

  // The command palette: F1, the command's title, then its row. Once (CI, a fresh code-server) the
  // row was clicked and no command ran: type only into the open palette, and take it again if the
  // dialog has not come after a while (a dialog that came means the command ran: never twice).
  const runFromPalette = async () => {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15_000 });
    await page.keyboard.type('SageMaker: Launch Training Job');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'SageMaker: Launch Training Job' }).first();
    await row.waitFor({ timeout: 15_000 });
    await row.click();
  };
  await runFromPalette();
  let dialog = await page.waitForSelector('.monaco-dialog-box', { timeout: 20_000 }).catch(() => undefined);
  if (!dialog) {
    console.log('no dialog 20 s after the palette: taking the palette again');
    await page.keyboard.press('Escape');
    await runFromPalette();
    dialog = await page.waitForSelector('.monaco-dialog-box', { timeout: 60_000 });
  }

  // The real modal dialog: check what it shows, then click Launch.
  const text = await dialog.innerText();
  const endpointLine = `Endpoint: ${moto.endpoint} (sagemakerSpec.endpointUrl)`;
  for (const expected of [`Launch training job "${JOB_NAME}" in us-east-1?`, 'Operation: CreateTrainingJob', endpointLine, 'Instances: ml.m5.xlarge × 1']) {
    if (!text.includes(expected)) throw new Error(`the dialog does not show "${expected}":\n${text}`);
  }
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'ui-launch-dialog.png') });
  await page.click('.monaco-dialog-box .dialog-buttons a.monaco-button:has-text("Launch")');

  // Followed at once: its status-bar item shows (moto completes a job at once).
  const item = page.locator('.statusbar-item', { hasText: `${JOB_NAME}:` }).first();
  await item.waitFor({ timeout: 30_000 });
  console.log(`status bar: ${(await item.innerText()).trim()}`);

  // moto must now know the job.
  const client = new SageMakerClient({
    region: 'us-east-1',
    endpoint: moto.endpoint,
    credentials: { accessKeyId: TEST_ACCESS_KEY_ID, secretAccessKey: TEST_SECRET_ACCESS_KEY },
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const job = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: JOB_NAME }));
      console.log(`moto has ${job.TrainingJobArn} (${job.TrainingJobStatus})`);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`moto never received the job: ${error.message}`, { cause: error });
      await sleep(300);
    }
  }
}
