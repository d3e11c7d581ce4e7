/**
 * Which files under a folder are checked: the one decision behind the checker's folder arguments
 * and the editor's **SageMaker: Check Workspace**. Pure: the caller walks the folder (see
 * node/walkFilesToCheck.ts), hands in each `.gitignore` it meets and asks about each folder and
 * file by its `/`-separated path relative to the folder the selection was made for.
 *
 * A file is checked when it matches the spec globs (`sagemakerSpec.files`, a config file's
 * `files`), else when a kind in CHECKED_FILE_KINDS takes it: by name alone (Python, notebooks) or
 * by name and then by content (a JSON file whose members identify a request). Folders of other
 * people's code (dependencies, virtual environments, caches, build output) are never entered, and
 * `.gitignore` files apply as git applies them: each to the paths below its folder, the deepest
 * one that says something about a path deciding, `!` re-including. A `.sagemaker-spec.json` is
 * never checked: it is the checker's config, not a spec, even when a `*.json` glob names it.
 */
import ignore, { type Ignore } from 'ignore';
import { identifySpec } from './specDocument';
import { compileGlobs, type PathMatcher } from './specGlobs';
import { DOCKERFILE_GLOBS } from './hosts/dockerfile/dockerfileNames';
import { isWorkflowJson } from './hosts/workflows/workflowRequests';
import { mayHoldCloudFormationRequests } from './hosts/cloudFormation/cloudFormationRequests';
import { scanJson } from './jsonScan';
import { mayHoldSageMakerYaml } from './hostDocument';
import { hostOfFileName, type FileHost } from './fileHost';
import { PROJECT_CONFIG_FILE } from './projectConfig';

/** A kind of file the checks know how to read; later hosts (YAML, Dockerfiles, …) add theirs. */
export interface CheckedFileKind {
  /** The host that reads the file. */
  readonly host: FileHost;
  /** VS Code globs, matched against the path relative to the folder searched. */
  readonly globs: readonly string[];
  /**
   * When present, a file matching `globs` is checked only when this is true of its text (which
   * costs reading it); absent, the name alone decides and the host finds nothing in a file that
   * holds nothing of ours.
   */
  readonly identifies?: (text: string) => boolean;
}

/**
 * True when the JSON text's top-level members tell a SageMaker request (see specKind.ts), a
 * SageMaker Pipelines definition or a Step Functions state machine (see hosts/workflows), or a
 * CloudFormation template naming a SageMaker or Step Functions resource.
 */
export function jsonIdentifiesRequest(text: string): boolean {
  return identifySpec(text).kind !== undefined || isWorkflowJson(text) || (mayHoldCloudFormationRequests(text) && scanJson(text).topLevelMembers.includes('Resources'));
}

/**
 * True when a YAML text names a request member, a template resource of ours or a workflow's
 * members: the YAML host's own pre-filter, so a YAML file that passes it and holds nothing yields
 * nothing, and one that fails it is never read by the host either.
 */
export function yamlMayHoldRequests(text: string): boolean {
  return mayHoldSageMakerYaml(text);
}

/** In the order they are tried: the first kind whose globs match a path takes it. */
const CHECKED_FILE_KINDS: CheckedFileKind[] = [
  { host: 'python', globs: ['**/*.py'] },
  { host: 'notebook', globs: ['**/*.ipynb'] },
  { host: 'dockerfile', globs: DOCKERFILE_GLOBS },
  // Step Functions' own extension: a state machine by name, even with nothing of ours in it yet.
  { host: 'json', globs: ['**/*.asl.json'] },
  // AWS CLI YAML input by name; state machines, templates and other YAML by what they name.
  { host: 'yaml', globs: ['**/*.sagemaker.yaml', '**/*.sagemaker.yml', '**/*.asl.yaml', '**/*.asl.yml'] },
  { host: 'yaml', globs: ['**/*.yaml', '**/*.yml'], identifies: yamlMayHoldRequests },
  { host: 'json', globs: ['**/*.json', '**/*.jsonc'], identifies: jsonIdentifiesRequest },
];

/**
 * Adds a kind of file (a new host's patterns and its content test), tried before the built-in
 * ones so a more specific pattern (`**\/*.asl.json`) wins over a general one (`**\/*.json`).
 */
export function addCheckedFileKind(kind: CheckedFileKind): void {
  CHECKED_FILE_KINDS.unshift(kind);
}

/**
 * Folders never entered: dependencies, virtual environments, tool caches and build output hold
 * other people's code, not your requests. (A folder holding `pyvenv.cfg` is a virtual environment
 * whatever its name, see VIRTUAL_ENVIRONMENT_MARKER.)
 */
export const IGNORED_FOLDER_NAMES: readonly string[] = [
  'node_modules',
  '.git',
  '.venv',
  'venv',
  'site-packages',
  '.tox',
  '.nox',
  '__pycache__',
  'cdk.out',
  '.aws-sam',
  '.ipynb_checkpoints',
];

/** The file every Python virtual environment (`python -m venv`, virtualenv, uv) has at its top. */
export const VIRTUAL_ENVIRONMENT_MARKER = 'pyvenv.cfg';

export type FileDecision =
  /** Check it with `host`. */
  | { readonly check: 'yes'; readonly host: FileHost }
  /** Read it and check it with `host` only when `identifies(text)`. */
  | { readonly check: 'ifIdentified'; readonly host: FileHost; readonly identifies: (text: string) => boolean }
  | { readonly check: 'no' };

export interface FileSelectionOptions {
  /** True for a path (relative to the selection's folder) that the spec globs make a spec. */
  isSpecFile(path: string): boolean;
  /** Paths the user excluded besides (the editor's `files.exclude`); a folder is asked with a trailing `/`. */
  isExcluded?(path: string): boolean;
  /** The kinds tried, in order (default: the table, with what hosts added). */
  kinds?: readonly CheckedFileKind[];
}

const NO: FileDecision = { check: 'no' };

export class FileSelection {
  /** `.gitignore` matchers by their folder (relative, `''` for the selection's folder). */
  private readonly gitignores = new Map<string, Ignore>();
  private readonly kinds: { kind: CheckedFileKind; matches: PathMatcher }[];

  constructor(private readonly options: FileSelectionOptions) {
    this.kinds = (options.kinds ?? CHECKED_FILE_KINDS).map((kind) => ({ kind, matches: compileGlobs(kind.globs) }));
  }

  /**
   * Adds the rules of the `.gitignore` (or `.git/info/exclude`) in `folder`, relative to the
   * selection's folder (`''` for it). Files of one folder add up, later rules winning.
   */
  addGitignore(folder: string, text: string): void {
    const existing = this.gitignores.get(folder);
    if (existing) existing.add(text);
    else this.gitignores.set(folder, ignore().add(text));
  }

  /**
   * Whether to walk into the folder at `path`. `entries` are the names in it, when known: a folder
   * holding `pyvenv.cfg` is a virtual environment.
   */
  entersFolder(path: string, entries?: readonly string[]): boolean {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (IGNORED_FOLDER_NAMES.includes(name)) return false;
    if (entries?.includes(VIRTUAL_ENVIRONMENT_MARKER)) return false;
    if (this.options.isExcluded?.(`${path}/`)) return false;
    return !this.isGitignored(`${path}/`);
  }

  /** What to do with the file at `path` (its folder already entered). */
  decideFile(path: string): FileDecision {
    // The checker's own config is never a spec, whatever the `files` globs say.
    if (isProjectConfigFile(path)) return NO;
    if (this.options.isExcluded?.(path) || this.isGitignored(path)) return NO;
    if (this.options.isSpecFile(path)) return { check: 'yes', host: hostOfFileName(path) };
    for (const { kind, matches } of this.kinds) {
      if (!matches(path)) continue;
      return kind.identifies ? { check: 'ifIdentified', host: kind.host, identifies: kind.identifies } : { check: 'yes', host: kind.host };
    }
    return NO;
  }

  /** Git's answer: the deepest `.gitignore` that ignores or re-includes the path decides. */
  private isGitignored(path: string): boolean {
    let folder = path.endsWith('/') ? path.slice(0, -1) : path;
    while (folder !== '') {
      folder = parentOf(folder);
      const rules = this.gitignores.get(folder);
      if (!rules) continue;
      const result = rules.test(folder === '' ? path : path.slice(folder.length + 1));
      if (result.ignored) return true;
      if (result.unignored) return false;
    }
    return false;
  }
}

/** True when the `/`-separated path names a `.sagemaker-spec.json`: the checker's config, not a spec. */
export function isProjectConfigFile(path: string): boolean {
  return path.slice(path.lastIndexOf('/') + 1) === PROJECT_CONFIG_FILE;
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** A spec glob can name any file; Python and notebooks keep their hosts, everything else is JSON. */
/** Globs → a matcher over relative paths; a folder's path (trailing `/`) matches when the globs match it without the `/`. */
export function excludeMatcher(globs: readonly string[]): PathMatcher {
  const matches = compileGlobs(globs);
  return (path) => matches(path.endsWith('/') ? path.slice(0, -1) : path);
}
