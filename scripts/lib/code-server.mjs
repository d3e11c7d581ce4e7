// Runs the extension inside a real VS Code: code-server 4.100.3 (the server and web workbench of
// VS Code 1.100.3, the newest that accepts Node 20), driven by Debian's Chromium.
// Shared by the integration test runner, the demo and the screenshot script.
// Background: /work/shared/docs/testing-in-real-vscode.md.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setInterval, clearInterval } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CODE_SERVER_VERSION = '4.100.3';

const CACHE_DIR = path.join(REPO_ROOT, '.vscode-test');
const INSTALL_DIR = path.join(CACHE_DIR, 'code-server');
const CODE_SERVER_PKG = path.join(INSTALL_DIR, 'node_modules', 'code-server');
const CODE_SERVER_ENTRY = path.join(CODE_SERVER_PKG, 'out', 'node', 'entry.js');
const INSTALLED_MARKER = path.join(INSTALL_DIR, '.installed');
const CHROMIUM = '/usr/bin/chromium';

/** The extension's id and folder name, as VS Code derives them from package.json. */
export function extensionIdentity() {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const id = `${pkg.publisher}.${pkg.name}`;
  return { id, version: pkg.version, folderName: `${id}-${pkg.version}` };
}

// ---------------------------------------------------------------------------------------------
// System packages

function onPath(command) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, command)));
}

/** Debian packages the harness needs; the build-only ones matter until code-server is installed. */
const SYSTEM_PACKAGES = [
  { name: 'chromium', present: () => fs.existsSync(CHROMIUM), forBrowser: true },
  { name: 'ripgrep', present: () => onPath('rg'), forInstall: true },
  // code-server's `kerberos` native module compiles against these.
  { name: 'libkrb5-dev', present: () => onPath('krb5-config'), forInstall: true },
  { name: 'pkg-config', present: () => onPath('pkg-config'), forInstall: true },
  // The real Docker registry the registry tests start (test/server/dockerRegistry.ts), with
  // htpasswd for its Basic auth mode and openssl for its test certificates.
  { name: 'docker-registry', present: () => fs.existsSync('/usr/bin/docker-registry'), forRegistry: true },
  { name: 'apache2-utils', present: () => onPath('htpasswd'), forRegistry: true },
  { name: 'openssl', present: () => onPath('openssl'), forRegistry: true },
];

/**
 * Makes sure the Debian packages are there: installs them with apt-get when running as root on
 * Debian, otherwise exits naming them. `browser: false` skips Chromium (the demo opens in yours);
 * `registry: false` skips the Docker registry packages; `codeServer: false` (desktop VS Code) skips
 * what installing code-server needs.
 */
export function ensureSystemPackages({ browser = true, registry = true, codeServer = true } = {}) {
  const needInstallDeps = codeServer && !isCodeServerInstalled();
  const missing = SYSTEM_PACKAGES.filter(
    (p) => ((p.forBrowser && browser) || (p.forInstall && needInstallDeps) || (p.forRegistry && registry)) && !p.present(),
  ).map((p) => p.name);
  if (missing.length === 0) return;

  const isRootOnDebian = fs.existsSync('/etc/debian_version') && process.getuid?.() === 0;
  if (!isRootOnDebian) {
    console.error(`Missing system packages: ${missing.join(' ')}`);
    console.error(`Install them first, e.g.: sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  console.log(`Installing system packages with apt-get: ${missing.join(' ')} …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', ...missing], { env });
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  }
}

// ---------------------------------------------------------------------------------------------
// code-server installation

function isCodeServerInstalled() {
  try {
    return fs.readFileSync(INSTALLED_MARKER, 'utf8').trim() === CODE_SERVER_VERSION && fs.existsSync(CODE_SERVER_ENTRY);
  } catch {
    return false;
  }
}

/**
 * Installs code-server into .vscode-test/code-server/ once (about 1–2 minutes, ~300 MB).
 * Its own folder, never a project dependency: its postinstall builds native modules.
 */
export async function ensureCodeServer() {
  if (isCodeServerInstalled()) return CODE_SERVER_ENTRY;

  console.log(`Installing code-server ${CODE_SERVER_VERSION} into .vscode-test/ (one-time, ~2 min)…`);
  const started = Date.now();
  fs.rmSync(INSTALL_DIR, { recursive: true, force: true });
  fs.mkdirSync(INSTALL_DIR, { recursive: true });
  fs.writeFileSync(
    path.join(INSTALL_DIR, 'package.json'),
    JSON.stringify(
      {
        name: 'sagemaker-spec-code-server',
        private: true,
        description: 'code-server for the integration tests and the demo (scripts/lib/code-server.mjs)',
        // npm 11 warns about unreviewed install scripts; these two are the ones this install needs.
        // (The packages code-server installs inside lib/vscode still warn; they run all the same.)
        allowScripts: { 'code-server': true, argon2: true },
      },
      null,
      2,
    ) + '\n',
  );
  prepareRipgrepCache();

  const logFile = path.join(INSTALL_DIR, 'install.log');
  const env = {
    ...process.env,
    // code-server's postinstall refuses to run as root without it.
    npm_config_unsafe_perm: 'true',
    // node-pty runs `npx node-gyp`; an npmrc with yes=false would cancel that npx.
    npm_config_yes: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  };
  const args = ['install', '--save-exact', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`];
  const code = await runLogged('npm', args, { cwd: INSTALL_DIR, env, logFile, label: 'npm install code-server' });
  if (code !== 0) failInstall(`npm install exited with code ${code}`, logFile);

  const problem = checkInstall();
  if (problem) failInstall(problem, logFile);
  fs.writeFileSync(INSTALLED_MARKER, CODE_SERVER_VERSION + '\n');
  console.log(`code-server ${CODE_SERVER_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s.`);
  return CODE_SERVER_ENTRY;
}

/**
 * @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable here) unless it finds this
 * cached archive first; Debian's rg packed under the name `rg` satisfies it.
 */
function prepareRipgrepCache() {
  const cacheDir = path.join(os.tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const archive = path.join(cacheDir, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (fs.existsSync(archive)) return;
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg) throw new Error('ripgrep (rg) is not installed: apt-get install ripgrep');
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-'));
  try {
    fs.copyFileSync(fs.realpathSync(rg), path.join(staging, 'rg'));
    fs.chmodSync(path.join(staging, 'rg'), 0o755);
    fs.mkdirSync(cacheDir, { recursive: true });
    run('tar', ['-czf', archive, '-C', staging, 'rg']);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Checks what code-server's postinstall should have produced; returns a problem or undefined. */
function checkInstall() {
  const vscodeDir = path.join(CODE_SERVER_PKG, 'lib', 'vscode');
  const expected = [
    // postinstall.sh links this after `npm install` in lib/vscode succeeded.
    [path.join(vscodeDir, 'node_modules.asar'), 'code-server postinstall did not finish (lib/vscode/node_modules.asar)'],
    [path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'), '@vscode/ripgrep has no rg binary'],
    [path.join(vscodeDir, 'node_modules', 'node-pty', 'build', 'Release', 'pty.node'), 'node-pty was not built'],
    [path.join(vscodeDir, 'extensions', 'node_modules'), 'built-in extensions have no dependencies'],
  ];
  return expected.find(([file]) => !fs.existsSync(file))?.[1];
}

function failInstall(reason, logFile) {
  const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
  console.error(`${tail}\n\ncode-server install failed: ${reason}\nFull log: ${path.relative(process.cwd(), logFile)}`);
  process.exit(1);
}

/** Runs a command with its output going to a log file, printing a heartbeat while it runs. */
function runLogged(command, args, { cwd, env, logFile, label }) {
  const out = fs.openSync(logFile, 'w');
  const started = Date.now();
  const heartbeat = setInterval(() => {
    console.log(`  … ${label} still running (${Math.round((Date.now() - started) / 1000)} s)`);
  }, 20_000);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, out] });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? signal));
  }).finally(() => {
    clearInterval(heartbeat);
    fs.closeSync(out);
  });
}

// ---------------------------------------------------------------------------------------------
// Ports, settings, extensions folder

/** The preferred port if it is free on 127.0.0.1, else the next free one. */
export async function findFreePort(preferred) {
  for (let port = preferred; port < preferred + 100; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`No free port in ${preferred}–${preferred + 99}`);
}

function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Settings every harness workbench starts with: quiet and offline. */
export const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  // examples/ and the test workspace sit inside this repository; don't offer to open it.
  'git.openRepositoryInParentFolders': 'never',
};

/**
 * Merges settings into `<userDataDir>/User/settings.json` (created if missing). Call it before
 * startCodeServer; keys already there that are not in `settings` are kept.
 */
export function writeUserSettings(userDataDir, settings) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let existing = {};
  if (fs.existsSync(file)) {
    try {
      existing = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      console.warn(`Warning: ${file} is not plain JSON (comments?); replacing it.`);
    }
  }
  fs.writeFileSync(file, JSON.stringify({ ...existing, ...settings }, null, 2) + '\n');
  return file;
}

/**
 * Installs the working tree as an ordinary extension: a symlink named `publisher.name-version` in
 * the extensions folder, so VS Code runs it in normal (non-development) mode from the live sources.
 */
export function linkWorkingTreeExtension(extensionsDir) {
  const { id, folderName } = extensionIdentity();
  fs.mkdirSync(extensionsDir, { recursive: true });
  // Drop links left by older versions, and VS Code's cached list of what is installed.
  for (const entry of fs.readdirSync(extensionsDir)) {
    if (entry.startsWith(`${id}-`) || entry === 'extensions.json') {
      fs.rmSync(path.join(extensionsDir, entry), { recursive: true, force: true });
    }
  }
  fs.symlinkSync(REPO_ROOT, path.join(extensionsDir, folderName), 'dir');
  return folderName;
}

// ---------------------------------------------------------------------------------------------
// Starting code-server

/**
 * Starts code-server and waits until it answers HTTP. Returns
 * `{ port, url, logFile, log(), exited(), whenExited, stop() }`; stop() ends its whole process
 * group (server, extension host, pty host). Workspace Trust is disabled unless `trust: true` (Restricted Mode tests).
 * `env` is added to the server's environment, which the extension host inherits.
 */
export async function startCodeServer({ port, userDataDir, extensionsDir, folder, extraArgs = [], trust = false, env = {}, logFile }) {
  const entry = await ensureCodeServer();
  const stateDir = path.dirname(userDataDir);
  logFile ??= path.join(stateDir, 'code-server.log');
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  // Our own config file, or code-server writes one (with a password) into ~/.config.
  const configFile = path.join(stateDir, 'code-server-config.yaml');
  fs.writeFileSync(configFile, 'auth: none\n');

  const args = [
    entry,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--ignore-last-opened',
    ...(trust ? [] : ['--disable-workspace-trust']),
    ...extraArgs,
    ...(folder ? [folder] : []),
  ];
  const childEnv = {
    ...process.env,
    // Keeps code-server's own state (coder-logs, last opened folder) out of the home folder.
    XDG_DATA_HOME: path.join(stateDir, 'xdg-data'),
    XDG_CONFIG_HOME: path.join(stateDir, 'xdg-config'),
    ...env,
  };
  const out = fs.openSync(logFile, 'w');
  // Kept open (for the life of this script): log() still reads the log if its folder is deleted
  // while code-server runs, which is when it tells most.
  const reader = fs.openSync(logFile, 'r');
  // detached: its own process group, so stop() can end the extension host and pty host too.
  const child = spawn(process.execPath, args, { env: childEnv, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);

  let exited = null;
  const whenExited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve((exited = { code, signal })));
  });
  const handle = {
    port,
    url: `http://127.0.0.1:${port}/`,
    logFile,
    pid: child.pid,
    log: () => readWhole(reader),
    exited: () => exited,
    whenExited,
    stop: () => stopProcessGroup(child, () => exited),
  };

  const deadline = Date.now() + 60_000;
  while (!(await answersHttp(`${handle.url}healthz`))) {
    if (exited || Date.now() > deadline) {
      await handle.stop();
      const why = exited ? `exited (${exited.code ?? exited.signal})` : 'did not answer within 60 s';
      throw new Error(`code-server ${why}. Its log (${logFile}):\n${tail(handle.log(), 30)}`);
    }
    await sleep(200);
  }
  return handle;
}

/** The whole file behind an open descriptor, from its start. */
function readWhole(fd) {
  const buffer = Buffer.alloc(fs.fstatSync(fd).size);
  const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
  return buffer.toString('utf8', 0, read);
}

async function stopProcessGroup(child, exited) {
  if (exited()) return;
  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  signalGroup('SIGTERM');
  const deadline = Date.now() + 5_000;
  while (!exited() && Date.now() < deadline) await sleep(100);
  // The server may be gone while its children linger; SIGKILL whatever is left of the group.
  signalGroup('SIGKILL');
}

function answersHttp(url) {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2_000 }, (response) => {
      response.resume();
      resolve(response.statusCode !== undefined && response.statusCode < 500);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

/** The workbench URL for a folder, optionally with a development payload (extension tests). */
export function workbenchUrl(port, folder, payload) {
  const url = new URL(`http://127.0.0.1:${port}/`);
  url.searchParams.set('folder', folder);
  if (payload) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

/** A path on the code-server machine as the workbench addresses it. */
export function remoteUri(port, absPath) {
  return `vscode-remote://127.0.0.1:${port}${absPath}`;
}

/**
 * code-server with the working tree installed as an ordinary extension, no test payload: what the
 * demo and the screenshot script open. Its user data, extensions and log live in `stateDir`.
 * Stopped by shutdown() (or Ctrl+C). Returns the startCodeServer handle plus `folderUrl`.
 */
export async function startWorkbench({ stateDir, preferredPort, folder, settings = {}, trust = false, env = {} }) {
  const userDataDir = path.join(stateDir, 'user-data');
  const extensionsDir = path.join(stateDir, 'extensions');
  writeUserSettings(userDataDir, { ...BASE_SETTINGS, ...settings });
  linkWorkingTreeExtension(extensionsDir);
  const port = await findFreePort(preferredPort);
  const server = await startCodeServer({ port, userDataDir, extensionsDir, folder, trust, env });
  onShutdown(() => server.stop());
  return { ...server, folderUrl: workbenchUrl(port, folder) };
}

/** Bundles the extension (dist/extension.js) with scripts/build.mjs. */
export function buildExtension() {
  run(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT });
}

// ---------------------------------------------------------------------------------------------
// Browser

/** Headless Debian Chromium through playwright-core (its own browser download is unreachable). */
export async function launchChromium({ headless = true } = {}) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    // We stop the browser ourselves (see onShutdown), after the server.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/** Opens a file of the workspace with Quick Open (Ctrl+P), as a user would, and waits for its editor. */
export async function openFileInWorkbench(page, relativePath) {
  // The Explorer lists the folder once the workbench is connected to the server.
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 30_000 });
  await page.keyboard.press('Control+P');
  await page.keyboard.type(relativePath);
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 10_000 });
  await page.keyboard.press('Enter');
  const name = path.basename(relativePath);
  await page.waitForSelector(`.tab.active[aria-label*="${name}"]`, { timeout: 20_000 });
  await page.waitForSelector('.editor-instance .view-lines .view-line', { timeout: 20_000 });
}

/** Waits until the VS Code workbench has rendered in the page. */
export async function waitForWorkbench(page, timeoutMs = 60_000) {
  await page.waitForSelector('.monaco-workbench', { timeout: timeoutMs });
}

// ---------------------------------------------------------------------------------------------
// Shutdown

const shutdownSteps = [];
let shuttingDown = null;

/**
 * Registers a cleanup step (stop a server, close a browser). Steps run in reverse order on
 * shutdown(), on Ctrl+C (SIGINT), SIGTERM and SIGHUP.
 */
export function onShutdown(step) {
  if (shutdownSteps.length === 0) {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      process.once(signal, () => {
        console.log(`\n${signal}: stopping…`);
        shutdown().finally(() => process.exit(130));
      });
    }
  }
  shutdownSteps.push(step);
}

/** True while shutdown() runs (a server exiting then is expected, not a crash). */
export function isShuttingDown() {
  return shuttingDown !== null;
}

/** Runs the registered cleanup steps once, newest first; never throws. */
export function shutdown() {
  // A signal during a normal shutdown waits for the same run instead of starting a second one.
  shuttingDown ??= (async () => {
    while (shutdownSteps.length > 0) {
      const step = shutdownSteps.pop();
      try {
        await step();
      } catch (error) {
        console.error(`cleanup: ${error.message}`);
      }
    }
  })().finally(() => (shuttingDown = null));
  return shuttingDown;
}

export function tail(text, lines) {
  return text.split('\n').slice(-lines).join('\n');
}
