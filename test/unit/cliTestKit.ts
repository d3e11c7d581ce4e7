/**
 * Runs the bundled checker (dist/cli.js, built by `npm run test:unit`) as users do: a child
 * process, in a folder of our making, with an environment that names no AWS region or profile.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..', '..');
export const CLI = path.join(REPOSITORY_ROOT, 'dist', 'cli.js');
export const EXAMPLES = path.join(REPOSITORY_ROOT, 'examples');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  cwd?: string;
  /** Added to an environment without AWS_REGION, AWS_DEFAULT_REGION, AWS_PROFILE or an AWS config file. */
  env?: Record<string, string>;
  /** Kill the checker after this many milliseconds (its status is then null): for runs that once hung. */
  timeoutMs?: number;
  /** Run the checker as this user and group (only root may): for files that root could read anyway. */
  uid?: number;
  gid?: number;
  /** Written to the checker's standard input (else it reads an empty one). */
  input?: string;
}

export function runCli(args: string[], options: CliRunOptions = {}): CliRun {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" (npm run test:unit builds it first)`);
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPOSITORY_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), AWS_CONFIG_FILE: path.join(os.tmpdir(), 'no-such-aws-config'), ...options.env },
    encoding: 'utf8',
    timeout: options.timeoutMs,
    uid: options.uid,
    gid: options.gid,
    maxBuffer: 64 * 1024 * 1024,
    input: options.input ?? '',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder holding `files` (relative path → text); removed after the current test file. */
export function tempProject(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-spec-cli-')));
  for (const [relative, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  }
  createdProjects.push(root);
  return root;
}

const createdProjects: string[] = [];

export function removeTempProjects(): void {
  for (const root of createdProjects.splice(0)) fs.rmSync(root, { recursive: true, force: true });
}

export function example(name: string): string {
  return fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
}
