// moto (an AWS emulator) on loopback for the demo and the UI test: SageMaker, STS and CloudWatch
// Logs on one port, with test credentials in an AWS config of its own so the machine's real
// profiles are never used.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from './code-server.mjs';

export const TEST_ACCESS_KEY_ID = 'AKIDEMOSAGEMAKERSPEC';
export const TEST_SECRET_ACCESS_KEY = 'demo-secret-not-a-real-key';

function findMotoServer() {
  return spawnSync('sh', ['-c', 'command -v moto_server'], { encoding: 'utf8' }).stdout.trim();
}

/**
 * The moto_server command. Where moto is missing it is installed with pip (PyPI is reachable on
 * ordinary machines); if that fails too, the error says what to install.
 */
export function ensureMoto() {
  let found = findMotoServer();
  if (!found) {
    console.log("moto_server not found: installing moto[server] with pip (one-time)…");
    const pip = spawnSync('python3', ['-m', 'pip', 'install', '--quiet', 'moto[server]'], { stdio: 'inherit' });
    found = pip.status === 0 ? findMotoServer() : '';
  }
  if (!found) throw new Error("moto_server is not on PATH and could not be installed. Install it with: pip install 'moto[server]'");
  return found;
}

/**
 * Starts moto and writes an AWS config and credentials file into `stateDir`. Returns the
 * endpoint, the environment for VS Code (credentials, config files, no instance metadata) and
 * the user settings that point the extension at moto.
 */
export async function startMoto(stateDir, preferredPort = 5000) {
  const port = await findFreePort(preferredPort);
  const child = spawn(ensureMoto(), ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore', detached: true });
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${endpoint}/moto-api/`)).status < 500) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`moto_server exited with code ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('moto_server did not answer within 30 s');
    await sleep(200);
  }
  fs.mkdirSync(stateDir, { recursive: true });
  const configFile = path.join(stateDir, 'aws-config');
  const credentialsFile = path.join(stateDir, 'aws-credentials');
  fs.writeFileSync(configFile, '[default]\nregion = us-east-1\n');
  fs.writeFileSync(credentialsFile, `[default]\naws_access_key_id = ${TEST_ACCESS_KEY_ID}\naws_secret_access_key = ${TEST_SECRET_ACCESS_KEY}\n`);
  return {
    name: `moto (AWS emulator) on ${endpoint}`,
    endpoint,
    env: {
      AWS_CONFIG_FILE: configFile,
      AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PROFILE: '',
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
      AWS_SESSION_TOKEN: '',
      AWS_REGION: '',
      AWS_DEFAULT_REGION: '',
    },
    settings: { 'sagemakerSpec.endpointUrl': endpoint },
    stop: () => {
      try {
        process.kill(-child.pid);
      } catch {
        // already gone
      }
    },
  };
}
