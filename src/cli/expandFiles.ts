/**
 * Turns the command line's files, folders and globs into a list of files to check. Expansion is
 * tinyglobby's (fast-glob's semantics on picomatch), never hand-rolled: braces, `**`, negation
 * and escaping behave as users know them from other tools. A path that does not exist and a glob
 * that matches nothing are errors (exit 2), so a typo in CI never passes as "no problems".
 * More than MAX_FILES files in all is an error too: a run that large is a mistake (a glob from the
 * filesystem root, say), and it would otherwise take unbounded time and memory.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { DEFAULT_SPEC_GLOBS } from '../core/projectConfig';
import { NOTEBOOK_CHECKPOINTS, NOTEBOOK_GLOB } from './checkNotebook';
import { CliError } from './cliError';

/** Files one run checks at most, over all its arguments. */
export const MAX_FILES = 100_000;

/**
 * Never searched by globs or folders (explicitly named files are still checked): dependencies,
 * virtual environments, tool caches and build output hold other people's code, not your requests.
 */
export const IGNORED_FOLDERS = [
  '**/node_modules/**',
  '**/.git/**',
  '**/.venv/**',
  '**/venv/**',
  '**/site-packages/**',
  '**/.tox/**',
  '**/.nox/**',
  '**/__pycache__/**',
  '**/cdk.out/**',
  NOTEBOOK_CHECKPOINTS,
];

/** The folder names of IGNORED_FOLDERS, for globs whose matches lie outside the working folder. */
const IGNORED_NAMES = new Set(IGNORED_FOLDERS.map((glob) => glob.split('/')[1]));

/** What a folder argument expands to: the spec globs, Python scripts and notebooks (which yield nothing unless they hold SageMaker calls). */
export const FOLDER_GLOBS = [...DEFAULT_SPEC_GLOBS, '**/*.py', NOTEBOOK_GLOB, '**/*.{yaml,yml}' /* AWS CLI YAML input and templates: content tells */];

/**
 * Absolute paths, each once, in the order given (each glob's matches sorted).
 * @throws CliError (exit 2) for a missing path, a glob or folder matching nothing, or more than
 * `maxFiles` files in all.
 */
export function expandFiles(patterns: readonly string[], cwd: string, maxFiles: number = MAX_FILES): string[] {
  const files = new Set<string>();
  for (const pattern of patterns) {
    const found = expandOne(pattern, cwd);
    for (const file of found) files.add(file);
    if (files.size > maxFiles) {
      const count = Math.max(files.size, found.length).toLocaleString('en-US');
      throw new CliError(`too many files: "${pattern}" brings the run to ${count} files, over the limit of ${maxFiles.toLocaleString('en-US')}; name fewer folders or narrower globs`);
    }
  }
  return [...files];
}

function expandOne(pattern: string, cwd: string): string[] {
  const resolved = path.resolve(cwd, pattern);
  const stats = statIfPresent(resolved);
  if (stats?.isDirectory()) {
    const found = glob([...FOLDER_GLOBS], resolved);
    if (found.length === 0) throw new CliError(`no *.sagemaker.json, *.sagemaker.jsonc, *.py or *.ipynb files in folder "${pattern}"`);
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
