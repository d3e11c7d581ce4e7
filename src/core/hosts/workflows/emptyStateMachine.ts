/**
 * An empty state machine file: `*.asl.json`, `*.asl.yaml` or `*.asl.yml` (the AWS Toolkit's and
 * SAM's names for a state machine definition) holding nothing or only white space. Other files
 * are read as workflows by their members, and an empty one has none; this name makes it a state
 * machine all the same, and Step Functions rejects an empty definition (SAM's `DefinitionUri`,
 * `aws stepfunctions create-state-machine --definition file://…`). It is one request of no kind
 * carrying `emptyStateMachine`, reported as `invalid-json` (as an empty `*.sagemaker.json` is) or
 * `invalid-yaml` (rules/emptyStateMachineRule.ts). An empty file of any other name is nobody's.
 */
import type { HostDocument } from '../../hostDocument';
import type { SpecDocument } from '../../specDocument';

const STATE_MACHINE_FILE = /\.asl\.(json|ya?ml)$/i;

/** True when the file's name (`/` or `\` separated path) makes it a state machine definition. */
export function isStateMachineFileName(path: string): boolean {
  return STATE_MACHINE_FILE.test(path);
}

/**
 * The document of `text` read by `host` when it is an empty state machine file at `path`;
 * undefined for any other file or text (the host reads it as usual).
 */
export function emptyStateMachineDocument(path: string, text: string, host: 'json' | 'yaml'): HostDocument | undefined {
  if (text.trim() !== '' || !isStateMachineFileName(path)) return undefined;
  // Nothing was read, so nothing is missing: `incomplete` keeps the other rules (unknown-spec-kind) quiet.
  const request: SpecDocument = { text, root: undefined, parseErrors: [], kind: undefined, images: [], host, incomplete: true, emptyStateMachine: true };
  return host === 'json' ? { host, text, requests: [request], frameworkRequests: [], comments: [], dialect: 'json' } : { host, text, requests: [request], frameworkRequests: [], comments: [] };
}
