// Lets a script module both export its functions (for tests and other scripts) and run when
// started with `node scripts/x.mjs`.
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

/** True when `moduleUrl` (pass `import.meta.url`) is the script node was started with. */
export function invokedDirectly(moduleUrl) {
  try {
    return Boolean(process.argv[1]) && pathToFileURL(fs.realpathSync(process.argv[1])).href === moduleUrl;
  } catch {
    return false;
  }
}
