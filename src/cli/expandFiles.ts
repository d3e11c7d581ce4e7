/**
 * Turns the command line's files, folders and globs into a list of files to check. Expansion is
 * tinyglobby's (fast-glob's semantics on picomatch), never hand-rolled: braces, `**`, negation
 * and escaping behave as users know them from other tools. A path that does not exist and a glob
 * that matches nothing are errors (exit 2), so a typo in CI never passes as "no problems". A path
 * that cannot be looked up for another reason (a folder on it that cannot be entered, a symlink
 * loop) may well exist: it is a named file, and checking it reports why it cannot be read.
 * More than MAX_FILES files in all is an error too: a run that large is a mistake (a glob from the
 * filesystem root, say), and it would otherwise take unbounded time and memory.
 *
 * A folder is walked by node/walkFilesToCheck.ts, which the editor's Check Workspace uses too: the
 * spec globs, Python, notebooks and JSON files whose members identify a request, honouring
 * `.gitignore` and skipping dependencies, virtual environments and build output.
 *
 * Folders and globs never follow a symlink, as ripgrep and ESLint do not: a symlinked folder is
 * not entered (the expansion stays in the folder given and cannot loop) and a symlinked file is
 * not taken (git stores it as a link; its target is taken under its own path when it is in the
 * folder). A symlink named on the command line is checked, and a symlinked folder named there is
 * walked. Exclusions (`--exclude`, a config file's `exclude`) apply to folders and globs, never to
 * a file named on the command line, and are matched against each path as named, through a link
 * when one was named (`linkdir/fixtures/`, not its target's `real/fixtures/`), as ripgrep and
 * ESLint match theirs and as the walk hands paths to the `.gitignore` files. A folder named on
 * the command line that is itself excluded is an error that says so. Each file is listed once,
 * under the first path that reached it, however many arguments name it, through whichever links.
 *
 * `.sagemaker-spec.json` is the checker's config, not a spec: folders and globs leave it out.
 * Named on the command line it is returned like any named file; runCli validates it, not checks it.
 *
 * A folder that a folder's walk or a glob would enter but cannot read (permission denied) is told
 * to `onUnreadableFolder`, for runCli to report as it reports an unreadable file (exit 2); an
 * argument that reached one is not "empty" however few files it found, since what the folder
 * holds is unknown. tinyglobby skips such a folder silently, so its readdir goes through ours.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import type { FileHost } from '../core/fileHost';
import { IGNORED_FOLDER_NAMES, isProjectConfigFile } from '../core/filesToCheck';
import { DEFAULT_SPEC_GLOBS, PROJECT_CONFIG_FILE } from '../core/projectConfig';
import { compileGlobs } from '../core/specGlobs';
import { unreadableFileError, type UnreadableFileError } from '../node/readSpecFile';
import { walkFilesToCheck } from '../node/walkFilesToCheck';
import { folderCdkOutputHint, globCdkOutputHint } from './cdkOutputHint';
import { CliError } from './cliError';
import { toPosix } from './paths';

/** Files one run checks at most, over all its arguments. */
export const MAX_FILES = 100_000;

/** Never searched by globs (explicitly named files are still checked); folders use the same list. */
export const IGNORED_FOLDERS = IGNORED_FOLDER_NAMES.map((name) => `**/${name}/**`);

/** The folder names of IGNORED_FOLDERS, for globs whose matches lie outside the working folder. */
const IGNORED_NAMES = new Set(IGNORED_FOLDER_NAMES);

export interface ExpandOptions {
  /** At most this many files in all (MAX_FILES). */
  maxFiles?: number;
  /** True for an absolute path that the spec globs make a spec (default: the default spec globs anywhere). */
  isSpecFile?: (file: string) => boolean;
  /** True for an absolute path that folders and globs skip (a folder is asked with `isFolder`); default none. */
  isExcluded?: (file: string, isFolder: boolean) => boolean;
  /** Told of each folder (absolute) that folders and globs would enter but cannot read; it may be told of one twice. */
  onUnreadableFolder?: (error: UnreadableFileError) => void;
}

/** One file to check. */
export interface FileToCheck {
  /** Absolute path, as the argument or the expansion reached it (symlinks not resolved). */
  file: string;
  /** Named on the command line, not found in a folder or by a glob: the user asked about this very file. */
  named: boolean;
  /** Standard input (`check -`) standing for `file`: its text, and the host that reads it. */
  stdin?: { text: string; host: FileHost };
}

const isDefaultSpecFile = (() => {
  let matches: ((path: string) => boolean) | undefined;
  return (file: string) => (matches ??= compileGlobs(DEFAULT_SPEC_GLOBS))(toPosix(path.resolve(file)));
})();

/** The paths of expandArguments' files. */
export function expandFiles(patterns: readonly string[], cwd: string, options: ExpandOptions = {}): string[] {
  return expandArguments(patterns, cwd, options).map((found) => found.file);
}

/**
 * The files to check, each once (by its real path), in the order given (a folder's in walk
 * order, each glob's matches sorted).
 * @throws CliError (exit 2) for a missing path, a glob or folder matching nothing, or more than
 * `maxFiles` files in all.
 */
export function expandArguments(patterns: readonly string[], cwd: string, options: ExpandOptions = {}): FileToCheck[] {
  const maxFiles = options.maxFiles ?? MAX_FILES;
  const files = new Map<string, FileToCheck>();
  const expand: Expansion = { isSpecFile: options.isSpecFile ?? isDefaultSpecFile, isExcluded: options.isExcluded ?? (() => false), onUnreadableFolder: options.onUnreadableFolder ?? (() => undefined) };
  for (const pattern of patterns) {
    const found = expandOne(pattern, cwd, expand, maxFiles - files.size);
    for (const file of found) {
      const key = realPathOf(file.file);
      const first = files.get(key);
      if (first === undefined) files.set(key, file);
      // Found by a folder first, then named: still the named file the user asked about.
      else if (file.named) first.named = true;
    }
    if (files.size > maxFiles) {
      const count = Math.max(files.size, found.length).toLocaleString('en-US');
      throw new CliError(`too many files: "${pattern}" brings the run to ${count} files, over the limit of ${maxFiles.toLocaleString('en-US')}; name fewer folders or narrower globs`);
    }
  }
  return [...files.values()];
}

interface Expansion {
  isSpecFile(file: string): boolean;
  isExcluded(file: string, isFolder: boolean): boolean;
  onUnreadableFolder(error: UnreadableFileError): void;
}

function expandOne(pattern: string, cwd: string, expand: Expansion, room: number): FileToCheck[] {
  const resolved = path.resolve(cwd, pattern);
  const { stats, missing } = statPath(resolved);
  if (stats?.isDirectory()) {
    // Its path as named (through a link, if it is one) is what the exclude patterns are matched against.
    if (isExcludedWithFolders(resolved, expand, true)) throw new CliError(`no files to check in folder "${pattern}": it is excluded (by --exclude or a ${PROJECT_CONFIG_FILE} "exclude" pattern), and so is everything in it; name its files to check them`);
    const found: FileToCheck[] = [];
    let unreadable = 0;
    const onUnreadableFolder = (error: UnreadableFileError) => {
      unreadable++;
      expand.onUnreadableFolder(error);
    };
    // One past the room left is enough to tell the run is too large.
    for (const { file } of walkFilesToCheck(resolved, { ...expand, onUnreadableFolder })) if (found.push({ file, named: false }) > room) break;
    if (found.length === 0 && unreadable === 0) throw new CliError(`no files to check in folder "${pattern}": no spec files (*.sagemaker.json/.yaml), *.py, *.ipynb, Dockerfiles or *.asl.json/.yaml, and no JSON or YAML file identifying a SageMaker request, Pipelines definition, state machine or CloudFormation template (outside .gitignore'd, excluded and skipped folders, symlinks not followed)${folderCdkOutputHint(resolved, cwd)}`);
    return found;
  }
  if (stats) return [{ file: resolved, named: true }];
  if (isDynamicPattern(pattern)) {
    // Skipped folders are skipped below the glob's static folder, not in it, and never where the glob
    // names them: `cdk.out/*.template.json` and `**/cdk.out/*.json` search cdk.out, `**/*.json` does not.
    const { base, rest } = splitStaticBase(pattern, cwd);
    const named = new Set(rest.split('/').flatMap(alternatives).filter((name) => IGNORED_NAMES.has(name)));
    const unreadable: UnreadableFileError[] = [];
    const matched = withoutIgnoredFolders(glob([rest], base, named, unreadable), base, named);
    // A folder in a skipped or excluded folder would not have been searched: nothing to report.
    const unread = unreadable.filter((error) => withoutIgnoredFolders([error.file], base, named).length > 0 && !isExcludedWithFolders(error.file, expand, true));
    for (const error of unread) expand.onUnreadableFolder(error);
    if (matched.length === 0 && unread.length === 0) throw new CliError(`no files match "${pattern}"${globCdkOutputHint(base, rest, cwd)}`);
    const found = matched.filter((file) => !isSymlink(file) && !isProjectConfigFile(toPosix(file)) && !isExcludedWithFolders(file, expand, false));
    if (found.length === 0 && unread.length === 0) throw new CliError(`no files to check match "${pattern}": ${noneToCheck(matched)}`);
    return found.map((file) => ({ file, named: false }));
  }
  // There, or not, behind a folder that cannot be entered (or a symlink loop): checking it says which, as for a named file that cannot be read.
  if (!missing) return [{ file: resolved, named: true }];
  throw new CliError(`cannot read "${pattern}": no such file or folder`);
}

/**
 * Symlinked folders are not followed, so each match is found under its own path once. `named`:
 * skipped folders the glob names, searched. Each folder the glob entered but could not read is
 * added to `unreadable` (gone since its parent was read: not).
 */
function glob(patterns: string[], cwd: string, named: ReadonlySet<string>, unreadable: UnreadableFileError[]): string[] {
  const ignore = named.size > 0 ? IGNORED_FOLDER_NAMES.filter((name) => !named.has(name)).map((name) => `**/${name}/**`) : IGNORED_FOLDERS;
  // tinyglobby (fdir) skips a folder it cannot read without a word: its readdir goes through this one, which notes the folder and rethrows.
  const readdirSync = ((folder: fs.PathLike, options?: unknown) => {
    try {
      return fs.readdirSync(folder, options as { withFileTypes: true });
    } catch (error) {
      const unread = unreadableFileError(path.resolve(cwd, String(folder)), error);
      if (unread.kind !== 'missing') unreadable.push(unread);
      throw error;
    }
  }) as typeof fs.readdirSync;
  return globSync(patterns, { cwd, absolute: true, onlyFiles: true, dot: true, followSymbolicLinks: false, ignore, fs: { readdirSync } })
    .map((file) => path.resolve(file))
    .sort();
}

/** True when the file or folder, or a folder it is in, is excluded (as the walk would not have entered it). */
function isExcludedWithFolders(file: string, expand: Expansion, isFolder: boolean): boolean {
  if (expand.isExcluded(file, isFolder)) return true;
  for (let folder = path.dirname(file); path.dirname(folder) !== folder; folder = path.dirname(folder)) {
    if (expand.isExcluded(folder, true)) return true;
  }
  return false;
}

/** Why none of a glob's matches is checked, completing "no files to check match …: ". */
function noneToCheck(matched: readonly string[]): string {
  const one = matched.length === 1;
  const kinds = new Set(matched.map((file) => (isSymlink(file) ? 'symlink' : isProjectConfigFile(toPosix(file)) ? 'config' : 'excluded')));
  const reasons = [
    kinds.has('excluded') ? 'excluded' : undefined,
    kinds.has('symlink') ? (one ? 'a symlink' : 'symlinks') : undefined,
    kinds.has('config') ? `${one ? 'the' : 'a'} checker's config file (${PROJECT_CONFIG_FILE}, not a spec)` : undefined,
  ].filter((reason) => reason !== undefined);
  return `${one ? 'its match is' : `its ${matched.length} matches are`} ${reasons.join(' or ')}`;
}

function isSymlink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The key that tells two paths are one file: its real path (the path itself when it cannot be resolved). */
function realPathOf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/** The names a glob segment spells: itself, or each of a brace list's (`{cdk.out,app}`). */
function alternatives(segment: string): string[] {
  return segment.startsWith('{') && segment.endsWith('}') ? segment.slice(1, -1).split(',') : [segment];
}

/**
 * `pattern` as its static folder (absolute) and the rest of it relative to that folder:
 * `cdk.out/*.json` in /repo is /repo/cdk.out and `*.json`; `**\/*.json` is /repo and itself.
 */
function splitStaticBase(pattern: string, cwd: string): { base: string; rest: string } {
  const prefix = staticBase(pattern);
  if (prefix === '/' && !pattern.startsWith('/')) return { base: cwd, rest: pattern };
  return { base: path.resolve(cwd, prefix), rest: pattern.slice(prefix.length) };
}

/** The folder part of a glob before its first special character (`/repo/src/` for `/repo/src/**` globs). */
function staticBase(pattern: string): string {
  const special = pattern.search(/[*?[{(!]/);
  const prefix = special < 0 ? pattern : pattern.slice(0, special);
  return prefix.slice(0, prefix.lastIndexOf('/') + 1) || '/';
}

/** Drops files under an ignored folder (node_modules, a virtual environment, …) below `root`. */
function withoutIgnoredFolders(files: string[], root: string, named: ReadonlySet<string>): string[] {
  return files.filter((file) => !path.relative(root, path.dirname(file)).split(path.sep).some((segment) => IGNORED_NAMES.has(segment) && !named.has(segment)));
}

/**
 * The stats of `file`, or why there are none: `missing` when nothing is at the path (ENOENT, or a
 * file where a folder should be), false when the lookup failed otherwise (a folder on the path
 * that cannot be entered, a symlink loop), which is no answer to whether the file is there.
 */
function statPath(file: string): { stats?: fs.Stats; missing: boolean } {
  try {
    return { stats: fs.statSync(file), missing: false };
  } catch (error) {
    return { missing: unreadableFileError(file, error).kind === 'missing' };
  }
}
