// npm run package: builds for production and writes sagemaker-spec-<version>.vsix.
// The .vsix follows .vscodeignore and the npm package follows package.json's "files"; vsce
// refuses a folder that has both, so it packages a staging copy whose package.json has no
// "files" list.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args, cwd) => {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--production'], root);

const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-spec-vsix-'));
try {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  delete manifest.files;
  fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const entry of ['.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist', 'data', 'syntaxes', 'media']) {
    const source = path.join(root, entry);
    if (fs.existsSync(source)) fs.cpSync(source, path.join(stage, entry), { recursive: true, filter: (file) => !file.endsWith('.map') });
  }
  const output = path.join(root, `${manifest.name}-${manifest.version}.vsix`);
  run(process.execPath, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', output], stage);
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
