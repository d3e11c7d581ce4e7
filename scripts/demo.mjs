// npm run demo [-- --port 8080]: VS Code (code-server 4.100.3) in your browser, with the extension
// installed from this working tree and a fresh copy of examples/ open (in the temporary folder, so
// quick fixes and auto-save never change the tracked files; the copy is removed on exit). After
// changing the code, `npm run build` (or keep `npm run watch` running) and reload the browser
// window. Ctrl+C stops everything. State (settings, extensions, logs) is kept in .demo/ between
// runs; delete it to start afresh.
import path from 'node:path';
import {
  REPO_ROOT,
  buildExtension,
  ensureCodeServer,
  ensureSystemPackages,
  extensionIdentity,
  findFreePort,
  isShuttingDown,
  onShutdown,
  shutdown,
  startWorkbench,
  tail,
} from './lib/code-server.mjs';
import { freshExamplesCopy, removeCopy } from './lib/demo-workspace.mjs';
import { startMoto } from './lib/moto.mjs';
import { startUniqueNamesProxy } from './lib/unique-names-proxy.mjs';

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
const SERVICES = [startEmulator];

/**
 * moto behind our unique-names proxy (scripts/lib/unique-names-proxy.mjs): moto 5.2.1 accepts a
 * second job of the same name, SageMaker refuses it, and the demo should show what the extension
 * does then. The extension talks to the proxy (port 5000 when free), the proxy to moto.
 */
async function startEmulator() {
  const moto = await startMoto(path.join(DEMO_DIR, 'moto'), 5001);
  const proxy = await startUniqueNamesProxy(moto.endpoint, { port: await findFreePort(5000) });
  return {
    name: `moto (AWS emulator) on ${moto.endpoint}, behind a proxy that refuses taken names as SageMaker does, on ${proxy.endpoint}`,
    env: moto.env,
    settings: { 'sagemakerSpec.endpointUrl': proxy.endpoint },
    stop: async () => {
      await proxy.stop();
      moto.stop();
    },
  };
}

await main();

async function main() {
  buildExtension();
  ensureSystemPackages({ browser: false });
  await ensureCodeServer();

  const { settings, env } = await startServices();
  const folder = freshExamplesCopy(EXAMPLES);
  onShutdown(() => removeCopy(folder));
  const workbench = await startWorkbench({
    stateDir: DEMO_DIR,
    preferredPort: portArgument() ?? 8080,
    folder,
    settings,
    env,
  });

  const { id, version } = extensionIdentity();
  console.log(`\nSageMaker Spec demo: ${id} ${version} from ${REPO_ROOT}`);
  console.log(`Workspace: ${folder} (a fresh copy of examples/; the tracked files stay as they are, and the copy is removed when the demo stops)`);
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
