// moto, an independent AWS emulator, started on loopback for the tests that use it as the
// third-party peer. Where moto is missing the tests fail and say how to install it.
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { freePort } from './freePort';

export interface MotoServer {
  endpoint: string;
  stop(): Promise<void>;
}

function motoCommand(): string {
  const found = spawnSync('sh', ['-c', 'command -v moto_server'], { encoding: 'utf8' });
  const command = found.stdout.trim();
  if (!command) throw new Error("moto_server is not on PATH: install it with `pip install 'moto[server]'`");
  return command;
}

export async function startMoto(): Promise<MotoServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(motoCommand(), ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const response = await fetch(`${endpoint}/moto-api/`);
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`moto_server exited with code ${child.exitCode}`);
    if (Date.now() > deadline) {
      child.kill();
      throw new Error('moto_server did not answer within 30 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    endpoint,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
