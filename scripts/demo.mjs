// npm run demo [-- --port 8080]: VS Code (code-server 4.100.3) in your browser, with the extension
// installed from this working tree and examples/ open. After changing the code, `npm run build`
// (or keep `npm run watch` running) and reload the browser window. Ctrl+C stops everything.
// State (settings, extensions, logs) is kept in .demo/ between runs; delete it to start afresh.
import path from 'node:path';
import {
  REPO_ROOT,
  buildExtension,
  ensureCodeServer,
  ensureSystemPackages,
  extensionIdentity,
  isShuttingDown,
  onShutdown,
  shutdown,
  startWorkbench,
  tail,
} from './lib/code-server.mjs';
import { startMoto } from './lib/moto.mjs';

const DEMO_DIR = path.join(REPO_ROOT, '.demo');
const EXAMPLES = path.join(REPO_ROOT, 'examples');

/**
 * Services the demo starts before VS Code, in order. Each is an async function that returns
 * `{ name, settings, env?, stop }`: `settings` are merged into the demo's user settings, `env`
 * into VS Code's environment, and `stop()` runs when the demo exits.
 *
 * moto emulates SageMaker, STS and CloudWatch Logs, so a newcomer can launch and follow a job and
 * create a model, endpoint config and endpoint without an AWS account (test credentials only).
 */
const SERVICES = [() => startMoto(path.join(DEMO_DIR, 'moto'))];

await main();

async function main() {
  buildExtension();
  ensureSystemPackages({ browser: false });
  await ensureCodeServer();

  const { settings, env } = await startServices();
  const workbench = await startWorkbench({
    stateDir: DEMO_DIR,
    preferredPort: portArgument() ?? 8080,
    folder: EXAMPLES,
    settings,
    env,
  });

  const { id, version } = extensionIdentity();
  console.log(`\nSageMaker Spec demo: ${id} ${version} from ${REPO_ROOT}`);
  console.log(`Open ${workbench.folderUrl}`);
  console.log(`(code-server log: ${path.relative(process.cwd(), workbench.logFile)}; Ctrl+C to stop)\n`);

  // Stay in the foreground until code-server ends; Ctrl+C / SIGTERM run the shutdown steps.
  const exited = await workbench.whenExited;
  if (isShuttingDown()) return;
  console.error(`code-server exited (${exited.code ?? exited.signal}):\n${tail(workbench.log(), 20)}`);
  await shutdown();
  process.exit(1);
}

async function startServices() {
  const settings = {};
  const env = {};
  for (const start of SERVICES) {
    const service = await start();
    onShutdown(() => service.stop());
    Object.assign(settings, service.settings);
    Object.assign(env, service.env ?? {});
    console.log(`Started ${service.name}`);
  }
  return { settings, env };
}

function portArgument() {
  const index = process.argv.indexOf('--port');
  return index === -1 ? undefined : Number(process.argv[index + 1]);
}
