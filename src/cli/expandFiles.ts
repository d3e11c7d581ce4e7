/**
 * Turns the command line's files, folders and globs into a list of files to check. Expansion is
 * tinyglobby's (fast-glob's semantics on picomatch), never hand-rolled: braces, `**`, negation
 * and escaping behave as users know them from other tools. A path that does not exist and a glob
 * that matches nothing are errors (exit 2), so a typo in CI never passes as "no problems".
 * More than MAX_FILES files in all is an error too: a run that large is a mistake (a glob from the
 * filesystem root, say), and it would otherwise take unbounded time and memory.
 *
 * A folder is walked by node/walkFilesToCheck.ts, which the editor's Check Workspace uses too: the
 * spec globs, Python, notebooks and JSON files whose members identify a request, honouring
 * `.gitignore` and skipping dependencies, virtual environments and build output.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { IGNORED_FOLDER_NAMES } from '../core/filesToCheck';
import { DEFAULT_SPEC_GLOBS } from '../core/projectConfig';
import { compileGlobs } from '../core/specGlobs';
import { walkFilesToCheck } from '../node/walkFilesToCheck';
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
}

const isDefaultSpecFile = (() => {
  let matches: ((path: string) => boolean) | undefined;
  return (file: string) => (matches ??= compileGlobs(DEFAULT_SPEC_GLOBS))(toPosix(path.resolve(file)));
})();

/**
 * Absolute paths, each once, in the order given (each glob's matches sorted).
 * @throws CliError (exit 2) for a missing path, a glob or folder matching nothing, or more than
 * `maxFiles` files in all.
 */
export function expandFiles(patterns: readonly string[], cwd: string, options: ExpandOptions = {}): string[] {
  const maxFiles = options.maxFiles ?? MAX_FILES;
  const files = new Set<string>();
  for (const pattern of patterns) {
    const found = expandOne(pattern, cwd, options.isSpecFile ?? isDefaultSpecFile, maxFiles - files.size);
    for (const file of found) files.add(file);
    if (files.size > maxFiles) {
      const count = Math.max(files.size, found.length).toLocaleString('en-US');
      throw new CliError(`too many files: "${pattern}" brings the run to ${count} files, over the limit of ${maxFiles.toLocaleString('en-US')}; name fewer folders or narrower globs`);
    }
  }
  return [...files];
}

function expandOne(pattern: string, cwd: string, isSpecFile: (file: string) => boolean, room: number): string[] {
  const resolved = path.resolve(cwd, pattern);
  const stats = statIfPresent(resolved);
  if (stats?.isDirectory()) {
    const found: string[] = [];
    // One past the room left is enough to tell the run is too large.
    for (const { file } of walkFilesToCheck(resolved, { isSpecFile })) if (found.push(file) > room) break;
    if (found.length === 0) throw new CliError(`no files to check in folder "${pattern}": no spec files (*.sagemaker.json/.yaml), *.py, *.ipynb, Dockerfiles or *.asl.json/.yaml, and no JSON or YAML file identifying a SageMaker request, Pipelines definition, state machine or CloudFormation template (outside .gitignore'd and skipped folders)`);
    return found;
  }
  if (stats) return [resolved];
  if (isDynamicPattern(pattern)) {
    // The ignore globs are relative to `cwd`; an absolute glob is judged from its own static folder.
    const found = withoutIgnoredFolders(glob([pattern], cwd), path.isAbsolute(pattern) ? staticBase(pattern) : cwd);
    if (found.length === 0) throw new CliError(`no files match "${pattern}"`);
    return found;
  }
  throw new CliError(`cannot read "${pattern}": no such file or folder`);
}

function glob(patterns: string[], cwd: string): string[] {
  return globSync(patterns, { cwd, absolute: true, onlyFiles: true, dot: true, ignore: IGNORED_FOLDERS })
    .map((file) => path.resolve(file))
    .sort();
}

/** The folder part of a glob before its first special character (`/repo/src/` for `/repo/src/**` globs). */
function staticBase(pattern: string): string {
  const special = pattern.search(/[*?[{(!]/);
  const prefix = special < 0 ? pattern : pattern.slice(0, special);
  return prefix.slice(0, prefix.lastIndexOf('/') + 1) || '/';
}

/** Drops files under an ignored folder (node_modules, a virtual environment, …) below `root`. */
function withoutIgnoredFolders(files: string[], root: string): string[] {
  return files.filter((file) => !path.relative(root, path.dirname(file)).split(path.sep).some((segment) => IGNORED_NAMES.has(segment)));
}

function statIfPresent(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
