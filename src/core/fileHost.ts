/**
 * Which host reads a file, by its name, and reading a file's text with it: the one decision the
 * checker (`sagemaker-spec check`, `check --fix`), **SageMaker: Check Workspace** and folder
 * expansion (filesToCheck.ts) share, so a file is never read one way by one and another way by
 * the other.
 */
import { readDockerfileDocument, readJsonDocument, readPythonDocument, readYamlDocument, type HostDocument, type JsonDialect } from './hostDocument';
import type { DefinitionFileReader } from './hosts/cloudFormation/definitionFile';
import type { SpecDocument } from './specDocument';
import { isDockerfileName } from './hosts/dockerfile/dockerfileNames';
import { isYamlSpecName } from './hosts/yaml/yamlRequests';
import { emptyStateMachineDocument } from './hosts/workflows/emptyStateMachine';

/** The hosts a file on disk can be read with; `notebook` is a `.ipynb` file whose code cells are Python. */
export type FileHost = 'json' | 'yaml' | 'python' | 'notebook' | 'dockerfile';

/**
 * The host for a path (`/` or `\` separated; only the name matters, in any letter case): Python
 * for `.py`, a notebook for `.ipynb`, YAML for `.yaml`/`.yml`, Dockerfile for Dockerfile names
 * (see dockerfileNames.ts) unless they end in `.json`/`.jsonc`, JSON (with comments) for
 * everything else.
 */
export function hostOfFileName(path: string): FileHost {
  const lower = path.toLowerCase();
  if (lower.endsWith('.py')) return 'python';
  if (lower.endsWith('.ipynb')) return 'notebook';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (isDockerfileName(path) && !/\.jsonc?$/.test(lower)) return 'dockerfile';
  return 'json';
}

/**
 * The host for a text that comes without a file name (the checker's standard input, `check -`),
 * told by its content as a name would tell it: a Jupyter notebook for JSON with `"nbformat"` and
 * `"cells"`, JSON (with comments) for a text that starts with `{`, `[` or a comment's `/`, a
 * Dockerfile when its first instruction is `FROM` or `ARG` (blank lines and `#` comments before
 * it), Python when a line at the left margin imports, defines or assigns (`import boto3`,
 * `from sagemaker import …`, `def`, `class`, `sm = …`), YAML for everything else. Which kind of
 * JSON or YAML document it is (a request, a template, a state machine, a pipeline) the host then
 * tells by its members, as it does for a file.
 */
export function hostOfText(text: string): FileHost {
  const start = /^\uFEFF?\s*(\S)/.exec(text)?.[1];
  if (start === '{' || start === '[' || start === '/') {
    return start === '{' && /"nbformat"\s*:/.test(text) && /"cells"\s*:/.test(text) ? 'notebook' : 'json';
  }
  const firstInstruction = /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*([^\r\n]*)/.exec(text.replace(/^\uFEFF/, ''))?.[1] ?? '';
  if (/^(?:FROM|ARG)\s+\S/i.test(firstInstruction) && !/^from\s+\S+\s+import\b/.test(firstInstruction)) return 'dockerfile';
  if (/^(?:import\s+[A-Za-z_]|from\s+[\w.]+\s+import\b|(?:async\s+)?def\s+\w|class\s+\w|[A-Za-z_][\w.]*(?:\[[^\]\n]*\])?[ \t]*[-+*/]?=[^=])/m.test(text)) return 'python';
  return 'yaml';
}

/** A file's text read by its host, and whether analysis treats it as a spec whatever its members. */
export interface FileDocument {
  document: HostDocument;
  /** True when the user's spec globs matched the file, or its name makes it a spec (`*.sagemaker.yaml`). */
  forcedSpec: boolean;
}

/**
 * Reads `text`, the content of the file at `path`, with `host` (for a notebook, `text` is its
 * code cells joined, see hosts/notebook/ipynbFile.ts; mapping findings back to cells is the
 * caller's). `forcedSpec`: the user's spec globs (`sagemakerSpec.files`, a
 * config file's `files`) matched the file. `readDefinitionFile`: how a template's state machine
 * files are read (see DefinitionFileReader); without it they are not. Never throws on bad text:
 * the host reports it.
 */
export function readFileDocument(host: FileHost, path: string, text: string, forcedSpec: boolean, readDefinitionFile?: DefinitionFileReader): FileDocument {
  switch (host) {
    case 'python':
    case 'notebook':
      return { document: readPythonDocument(text), forcedSpec: false };
    case 'dockerfile':
      return { document: readDockerfileDocument(text), forcedSpec: false };
    case 'yaml': {
      const forced = forcedSpec || isYamlSpecName(path);
      return { document: emptyStateMachineDocument(path, text, 'yaml') ?? readYamlDocument(text, forced, readDefinitionFile), forcedSpec: forced };
    }
    case 'json':
      return { document: emptyStateMachineDocument(path, text, 'json') ?? readJsonDocument(text, forcedSpec, jsonDialectOfFileName(path), readDefinitionFile), forcedSpec };
  }
}

/**
 * `text` read again by the host that read `document` (after a fix changed it): the fix-all loops
 * of the editor and the checker re-read with the host they started with. `forcedSpec` as the first
 * reading decided it (FileDocument.forcedSpec); `readDefinitionFile` as the first reading had it.
 */
export function readAgain(document: HostDocument, text: string, forcedSpec: boolean, readDefinitionFile?: DefinitionFileReader): HostDocument {
  switch (document.host) {
    case 'python':
      return readPythonDocument(text);
    case 'dockerfile':
      return readDockerfileDocument(text);
    case 'yaml':
      return readYamlDocument(text, forcedSpec, readDefinitionFile);
    case 'json':
      return readJsonDocument(text, forcedSpec, document.dialect, readDefinitionFile);
  }
}

/** A `.jsonc` file is JSON with Comments; any other file the JSON host reads is plain JSON (see JsonDialect). */
export function jsonDialectOfFileName(path: string): JsonDialect {
  return path.toLowerCase().endsWith('.jsonc') ? 'jsonc' : 'json';
}

/**
 * The Step Functions tasks of a state machine file a template names (`DefinitionUri`), `text`
 * read by the host its `path` picks: JSON (`.asl.json`, `.json`) or YAML (`.asl.yaml`, `.yaml`).
 * Other requests the file may hold (it is no state machine) are not the template's: none.
 */
export function readDefinitionFileRequests(path: string, text: string): SpecDocument[] {
  const host = hostOfFileName(path);
  if (host !== 'json' && host !== 'yaml') return [];
  return readFileDocument(host, path, text, false).document.requests.filter((request) => request.embedding?.container === 'state-machine-task');
}
