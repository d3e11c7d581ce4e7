// The folder the demo opens: a fresh copy of examples/ in the system's temporary folder, so that
// quick fixes and VS Code's auto-save in the browser never change the tracked examples.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Copies `examplesDir` into a new folder `sagemaker-spec-demo-XXXXXX/examples` under `parent`
 * (default: the OS temporary folder) and returns the copy's path. Throws when `examplesDir` is
 * missing. The caller removes the copy (`removeCopy`) when the demo ends.
 */
export function freshExamplesCopy(examplesDir, parent = os.tmpdir()) {
  if (!fs.statSync(examplesDir).isDirectory()) throw new Error(`${examplesDir} is not a folder`);
  const root = fs.mkdtempSync(path.join(parent, 'sagemaker-spec-demo-'));
  const copy = path.join(root, 'examples');
  fs.cpSync(examplesDir, copy, { recursive: true });
  return copy;
}

/** Removes a folder made by freshExamplesCopy (its `sagemaker-spec-demo-*` parent included). */
export function removeCopy(copy) {
  const root = path.dirname(copy);
  if (!path.basename(root).startsWith('sagemaker-spec-demo-')) throw new Error(`refusing to remove ${root}: not a demo copy`);
  fs.rmSync(root, { recursive: true, force: true });
}
