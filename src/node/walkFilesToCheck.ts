/**
 * Walks a folder for the files to check, asking core/filesToCheck.ts about every folder and file.
 * The `.gitignore` files that apply are read as git reads them: the work tree's `info/exclude`,
 * then those of the repository's folders above the walked one (up to the folder holding `.git`),
 * then each folder's own as the walk enters it.
 *
 * Only regular files are returned: a FIFO or a device is never opened. Symlinks below the folder
 * walked are followed (a symlinked folder is entered once, so a link loop ends) unless
 * `followSymlinks` is false, as for the checker: then a symlinked folder is not entered, so the
 * walk never leaves the folder given, and a symlinked file is not returned (its target is found
 * under its own path when it is inside the folder), as ripgrep and ESLint do.
 *
 * A file that must be read to be identified (a JSON file outside the spec globs) is read bounded
 * and without blocking (readSpecFile): one over the size limit is skipped (a data file, not a
 * request), one that cannot be read (permission denied) is returned without text, so that the
 * caller, reading it again, reports it.
 *
 * A generator, so the editor can show progress and stop between files.
 */
import type { FileHost } from '../core/fileHost';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileSelection } from '../core/filesToCheck';
import { infoExcludePath, workTreeRoot } from './gitRepository';
import { MAX_SPEC_BYTES, readSpecFile, UnreadableFileError } from './readSpecFile';

export interface FoundFile {
  /** Absolute path. */
  file: string;
  /** The host that reads it. */
  host: FileHost;
  /** The decoded text, when the walk had to read it to identify the file. */
  text?: string;
}

export interface WalkOptions {
  /** True for an absolute path the spec globs make a spec. */
  isSpecFile(file: string): boolean;
  /** Absolute paths excluded besides (the editor's `files.exclude`); folders are asked too. */
  isExcluded?(file: string, isFolder: boolean): boolean;
  /** Largest file read to identify it (bytes); larger ones are skipped. */
  maxBytes?: number;
  /** Follow symlinks below the folder walked (default true, as the editor's Check Workspace does); false skips them. */
  followSymlinks?: boolean;
}

/** What the walk has looked at so far, for progress. */
export interface WalkProgress {
  foldersEntered: number;
  filesSeen: number;
}

/**
 * The files to check under `root` (an absolute folder), in a stable order: each folder's files
 * by name, then its subfolders by name. `progress` is updated as the walk goes.
 */
export function* walkFilesToCheck(root: string, options: WalkOptions, progress: WalkProgress = { foldersEntered: 0, filesSeen: 0 }): Generator<FoundFile> {
  root = path.resolve(root);
  // Paths are judged relative to the repository, where `.gitignore` rules are anchored.
  const base = workTreeRoot(root) ?? root;
  const toRelative = (file: string) => path.relative(base, file).split(path.sep).join('/');
  const selection = new FileSelection({
    isSpecFile: (relative) => options.isSpecFile(path.join(base, relative)),
    isExcluded: options.isExcluded && ((relative) => options.isExcluded!(path.join(base, relative), relative.endsWith('/'))),
  });
  // Git reads info/exclude before any .gitignore, so the work tree's own files override it.
  const excludeFile = infoExcludePath(base);
  const exclude = excludeFile === undefined ? undefined : readIfPossible(excludeFile, MAX_GITIGNORE_BYTES);
  if (exclude !== undefined) selection.addGitignore('', exclude);
  if (base !== root) {
    for (let folder = path.dirname(root); ; folder = path.dirname(folder)) {
      addGitignore(selection, folder, toRelative(folder));
      if (folder === base) break;
    }
  }

  const visited = new Set<string>();
  const pending: string[] = [root];
  while (pending.length > 0) {
    const folder = pending.shift()!;
    const real = realPath(folder);
    if (real === undefined || visited.has(real)) continue;
    visited.add(real);
    const entries = readFolder(folder);
    if (entries === undefined) continue;
    const relativeFolder = toRelative(folder);
    // The folder asked for is walked even when ignored; what is below it is judged as usual.
    if (folder !== root && !selection.entersFolder(relativeFolder, entries.map((entry) => entry.name))) continue;
    progress.foldersEntered++;
    if (entries.some((entry) => entry.name === '.gitignore')) addGitignore(selection, folder, relativeFolder);
    const subfolders: string[] = [];
    for (const entry of entries) {
      const file = path.join(folder, entry.name);
      const type = entryType(entry, file, options.followSymlinks ?? true);
      if (type === 'folder') subfolders.push(file);
      if (type !== 'file') continue;
      progress.filesSeen++;
      const decision = selection.decideFile(toRelative(file));
      if (decision.check === 'yes') yield { file, host: decision.host };
      else if (decision.check === 'ifIdentified') {
        const read = readToIdentify(file, options.maxBytes ?? MAX_SPEC_BYTES);
        if (read === 'unreadable') yield { file, host: decision.host };
        else if (read !== undefined && decision.identifies(read)) yield { file, host: decision.host, text: read };
      }
    }
    // Depth first: a folder's subfolders (by name) before the next folder, a readable order.
    pending.unshift(...subfolders);
  }
}

/** A `.gitignore` holds patterns; anything larger than this is not one (bytes). */
const MAX_GITIGNORE_BYTES = 1024 * 1024;

function addGitignore(selection: FileSelection, folder: string, relativeFolder: string): void {
  const text = readIfPossible(path.join(folder, '.gitignore'), MAX_GITIGNORE_BYTES);
  if (text !== undefined) selection.addGitignore(relativeFolder, text);
}

/** Entries sorted by name (code units, as `sort` does), or undefined when the folder cannot be read. */
function readFolder(folder: string): fs.Dirent[] | undefined {
  try {
    return fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return undefined;
  }
}

function realPath(folder: string): string | undefined {
  try {
    return fs.realpathSync(folder);
  } catch {
    return undefined;
  }
}

/** A symlink counts as what it points to when followed, else `other`; FIFOs, sockets and devices are `other`. */
function entryType(entry: fs.Dirent, file: string, followSymlinks: boolean): 'file' | 'folder' | 'other' {
  if (entry.isDirectory()) return 'folder';
  if (entry.isFile()) return 'file';
  if (!entry.isSymbolicLink() || !followSymlinks) return 'other';
  try {
    const stats = fs.statSync(file);
    if (stats.isDirectory()) return 'folder';
    // A link to a device named like a spec is still listed: the checker then refuses it, naming it.
    return 'file';
  } catch {
    return 'other';
  }
}

/**
 * The decoded text; `unreadable` when the file is there but cannot be read (permission denied),
 * which its caller should hear about; undefined when it is too large, not a regular file or gone.
 */
function readToIdentify(file: string, maxBytes: number): string | 'unreadable' | undefined {
  try {
    return readSpecFile(file, maxBytes);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    return error.kind === 'unreadable' ? 'unreadable' : undefined;
  }
}

/** The decoded text, or undefined when the file is not a regular file, too large or unreadable. */
function readIfPossible(file: string, maxBytes: number): string | undefined {
  try {
    return readSpecFile(file, maxBytes);
  } catch (error) {
    if (error instanceof UnreadableFileError) return undefined;
    throw error;
  }
}
