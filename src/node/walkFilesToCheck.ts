/**
 * Walks a folder for the files to check, asking core/filesToCheck.ts about every folder and file.
 * The `.gitignore` files that apply are read as git reads them: the work tree's `info/exclude`,
 * then those of the repository's folders above the walked one (up to the folder holding `.git`),
 * then each folder's own as the walk enters it.
 *
 * Only regular files are returned: a FIFO or a device is never opened. Symlinks below the folder
 * walked are never followed, for the checker and the editor's Check Workspace alike (as ripgrep
 * and ESLint do): a symlinked folder is not entered, so the walk never leaves the folder given and
 * cannot loop, and a symlinked file is not returned (its target is found under its own path when
 * it is inside the folder). The folder walked may itself be a link: it is walked under the path
 * given, and every path handed to `isSpecFile` and `isExcluded` goes through it, as named.
 * walkFoldersToCheck walks several folders (the workspace's), each file once.
 *
 * A file that must be read to be identified (a JSON file outside the spec globs) is read bounded
 * and without blocking (readSpecFile): one over the size limit is skipped (a data file, not a
 * request), one that cannot be read (permission denied) is returned without text, so that the
 * caller, reading it again, reports it. A folder that cannot be read (permission denied) is told
 * to `onUnreadableFolder`, unless the walk would not have entered it anyway (skipped, excluded,
 * .gitignore'd): the checker reports it as it reports an unreadable file.
 *
 * A generator, so the editor can show progress and stop between files.
 */
import type { FileHost } from '../core/fileHost';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileSelection } from '../core/filesToCheck';
import { infoExcludePath, workTreeRoot } from './gitRepository';
import { MAX_SPEC_BYTES, readSpecFile, unreadableFileError, UnreadableFileError } from './readSpecFile';

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
  /** Told of each folder the walk would enter but cannot read (permission denied); not of one gone since its parent was read. */
  onUnreadableFolder?(error: UnreadableFileError): void;
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
    // No link is followed, but a bind mount can still bring a folder back into itself.
    const real = realPath(folder);
    if (real === undefined || visited.has(real)) continue;
    visited.add(real);
    const relativeFolder = toRelative(folder);
    let entries: fs.Dirent[];
    try {
      entries = readFolder(folder);
    } catch (error) {
      const unreadable = unreadableFileError(folder, error);
      // Its entries are unknown, so a virtual environment's marker cannot be seen; its name and path still tell.
      if (unreadable.kind !== 'missing' && (folder === root || selection.entersFolder(relativeFolder, []))) options.onUnreadableFolder?.(unreadable);
      continue;
    }
    // The folder asked for is entered even when named like a dependency or a virtual environment;
    // when it is excluded or .gitignore'd, the files in it are too (git's rule), so it yields nothing.
    if (folder !== root && !selection.entersFolder(relativeFolder, entries.map((entry) => entry.name))) continue;
    progress.foldersEntered++;
    if (entries.some((entry) => entry.name === '.gitignore')) addGitignore(selection, folder, relativeFolder);
    const subfolders: string[] = [];
    for (const entry of entries) {
      const file = path.join(folder, entry.name);
      // A symlink is neither a file nor a folder here (not followed); FIFOs, sockets and devices are skipped.
      if (entry.isDirectory()) subfolders.push(file);
      if (!entry.isFile()) continue;
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

/** One folder to walk and the options to walk it with. */
export interface FolderToWalk {
  /** Absolute path, as named (a link is walked under its own name). */
  folder: string;
  options: WalkOptions;
}

/**
 * walkFilesToCheck over each folder in turn, each file once (by real path) under the first folder
 * that reaches it: a workspace folder nested in another, or the same folder twice (once through a
 * link), adds nothing.
 */
export function* walkFoldersToCheck(folders: readonly FolderToWalk[], progress?: WalkProgress): Generator<FoundFile> {
  const seen = new Set<string>();
  for (const { folder, options } of folders) {
    // No link is followed below the folder, so a file's real path is the folder's real path and the rest.
    const realFolder = realPath(path.resolve(folder));
    if (realFolder === undefined) continue;
    for (const found of walkFilesToCheck(folder, options, progress)) {
      const key = path.join(realFolder, path.relative(path.resolve(folder), found.file));
      if (seen.has(key)) continue;
      seen.add(key);
      yield found;
    }
  }
}

/** A `.gitignore` holds patterns; anything larger than this is not one (bytes). */
const MAX_GITIGNORE_BYTES = 1024 * 1024;

function addGitignore(selection: FileSelection, folder: string, relativeFolder: string): void {
  const text = readIfPossible(path.join(folder, '.gitignore'), MAX_GITIGNORE_BYTES);
  if (text !== undefined) selection.addGitignore(relativeFolder, text);
}

/** Entries sorted by name (code units, as `sort` does); throws readdir's error when the folder cannot be read. */
function readFolder(folder: string): fs.Dirent[] {
  return fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function realPath(folder: string): string | undefined {
  try {
    return fs.realpathSync(folder);
  } catch {
    return undefined;
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
