/**
 * Where a folder's git work tree starts and where its `info/exclude` file is, found on disk
 * without running git: the checker's folder walk anchors `.gitignore` rules there, and the SARIF
 * output makes its paths relative to it (GitHub code scanning names files from the repository root).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The nearest folder at or above `folder` (absolute) holding `.git` — a folder, or the file a
 * linked worktree or a submodule has — or undefined outside any work tree.
 */
export function workTreeRoot(folder: string): string | undefined {
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

/** A `.git` file names its git folder in one short line; anything larger is not one (bytes). */
const MAX_GIT_FILE_BYTES = 4096;

/**
 * The path of the `info/exclude` file git reads for the work tree at `root`: `.git/info/exclude`,
 * or, when `.git` is a file (`gitdir: …`, a linked worktree), the one in the repository's common
 * folder (its `commondir`), as git reads it. Undefined when `.git` cannot be read; the file itself
 * may not exist.
 */
export function infoExcludePath(root: string): string | undefined {
  const dotGit = path.join(root, '.git');
  let stats: fs.Stats;
  try {
    stats = fs.statSync(dotGit);
  } catch {
    return undefined;
  }
  if (stats.isDirectory()) return path.join(dotGit, 'info', 'exclude');
  if (!stats.isFile() || stats.size > MAX_GIT_FILE_BYTES) return undefined;
  const gitDir = /^gitdir: *(.+?)\s*$/m.exec(readOrEmpty(dotGit))?.[1];
  if (gitDir === undefined) return undefined;
  const resolvedGitDir = path.resolve(root, gitDir);
  const commonDir = readOrEmpty(path.join(resolvedGitDir, 'commondir')).trim();
  return path.join(commonDir === '' ? resolvedGitDir : path.resolve(resolvedGitDir, commonDir), 'info', 'exclude');
}

function readOrEmpty(file: string): string {
  try {
    const stats = fs.statSync(file);
    return stats.isFile() && stats.size <= MAX_GIT_FILE_BYTES ? fs.readFileSync(file, 'utf8') : '';
  } catch {
    return '';
  }
}
