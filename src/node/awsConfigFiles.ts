/**
 * Where the AWS shared config and credentials files are, and their text, cached briefly: region
 * resolution runs on every keystroke and must not touch the disk each time.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function awsConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.AWS_CONFIG_FILE || path.join(os.homedir(), '.aws', 'config');
}

export function awsCredentialsPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.AWS_SHARED_CREDENTIALS_FILE || path.join(os.homedir(), '.aws', 'credentials');
}

/** Reads a file, or undefined when it is missing or unreadable (no AWS config is normal). */
export function readTextIfPresent(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** A file's text, re-read at most once per `ttlMs`. */
export class CachedTextFile {
  private text: string | undefined;
  private readAt = Number.NEGATIVE_INFINITY;
  private readPath: string | undefined;

  constructor(private readonly locate: () => string, private readonly ttlMs = 5000) {}

  get(): string | undefined {
    const file = this.locate();
    const now = Date.now();
    if (file !== this.readPath || now - this.readAt > this.ttlMs) {
      this.text = readTextIfPresent(file);
      this.readAt = now;
      this.readPath = file;
    }
    return this.text;
  }

  invalidate(): void {
    this.readAt = Number.NEGATIVE_INFINITY;
  }
}
