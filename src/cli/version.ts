/**
 * The package's version, read from the package.json beside the bundle (dist/cli.js →
 * ../package.json), the same way loadCatalog finds data/ next to it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const PACKAGE_NAME = 'sagemaker-spec';
const MAX_LEVELS = 5;

export function packageVersion(startDir: string = __dirname): string {
  let dir = startDir;
  for (let level = 0; level <= MAX_LEVELS; level++) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === PACKAGE_NAME && manifest.version) return manifest.version;
    } catch {
      // No (readable) package.json here: look one folder up.
    }
    dir = path.dirname(dir);
  }
  return '0.0.0-unknown';
}
