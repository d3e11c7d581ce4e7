/**
 * The requests in a YAML stream, document by document:
 * - an AWS CLI input (`--cli-input-yaml`) whose top-level members identify a request (or any
 *   mapping, in a file that is always a spec: `*.sagemaker.yaml`) is that request, as a JSON spec
 *   is, with the values the AWS CLI v2 reads (readAsAwsCli);
 * - a CloudFormation or SAM template (`Resources`) yields its SageMaker resources' requests.
 * A document with syntax errors still yields what parsed, marked incomplete (the parser may have
 * dropped members), with the document's errors (`invalid-yaml`). A stream of several documents
 * holding AWS CLI input gets one more `invalid-yaml`, on its second document's start: the AWS CLI
 * loads a single document (see singleDocumentError); each document is still checked on its own.
 */
import { findNodeAtOffset } from 'jsonc-parser';
import { intent, type QuickFix } from '../../edits/editIntent';
import { findWorkflowFileRequests, mayHoldWorkflow } from '../workflows/workflowRequests';
import { isStateMachine } from '../workflows/stateMachineRequests';
import { memberNames } from '../../jsonTree';
import type { RequestNode } from '../../requestTree';
import type { Document } from 'yaml';
import { findImageFields, STATE_MACHINE_FILE, TEMPLATE_FILE, type HostSyntaxError, type SpecDocument } from '../../specDocument';
import { detectSpecKind, detectSpecKindByContent, mayNameSpecKind } from '../../specKind';
import type { HostComment } from '../../suppressions';
import { findCloudFormationRequests, isCloudFormationTemplate, type CloudFormationHooks } from '../cloudFormation/cloudFormationRequests';
import { markUnfilledRequestValues, mayReadAsPlaceholder } from '../../unfilledPlaceholders';
import { parseYaml } from './yamlSyntax';
import { ALIAS_NODE_BUDGET, readAsAwsCli, yamlDocumentTree, type AliasReading } from './yamlTree';

/** The invalid-yaml message on the alias whose expansion went past ALIAS_NODE_BUDGET nodes. */
const ALIAS_OVERFLOW_FINDING =
  `Aliases expand past ${ALIAS_NODE_BUDGET.toLocaleString('en-US')} values from here (each alias copies its anchor's value, and these anchors copy one another). ` +
  'What they hold is not checked, nor are members that look missing; a reader that expands them all may run out of memory.';

/** The invalid-yaml message where the parser's or the composer's stack ran out (RESOURCE_EXHAUSTION, see yamlSyntax.ts). */
const TOO_DEEP_FINDING =
  'The YAML nests too deeply here to be read (thousands of levels, where no SageMaker request nests more than about ten). ' +
  'What it holds is not checked, nor are members that look missing.';

/** `*.sagemaker.yaml` / `*.sagemaker.yml`: always an AWS CLI YAML spec, whatever its members. */
export function isYamlSpecName(path: string): boolean {
  return /\.sagemaker\.ya?ml$/i.test(path);
}

export interface YamlRequests {
  requests: SpecDocument[];
  comments: HostComment[];
  /** True when a document of the stream reads an alias (see YamlDocumentTree.readsAliases). */
  readsAliases: boolean;
  /** The aliases of every document, with what each reads (see AliasReading). */
  aliasReadings: AliasReading[];
}

/**
 * Every request in `text`. `forced`: the file is always a spec (it matches `sagemakerSpec.files`
 * or is named `*.sagemaker.yaml`), so a mapping whose kind cannot be told is still a request to
 * report on (`unknown-spec-kind`).
 */
export function findYamlRequests(text: string, forced = false, hooks?: CloudFormationHooks): YamlRequests {
  const { documents, comments } = parseYaml(text);
  const requests: SpecDocument[] = [];
  // Per document, its AWS CLI input request (the only kind of request a document's read as).
  const cliInput: (SpecDocument | undefined)[] = [];
  let readsAliases = false;
  const aliasReadings: AliasReading[] = [];
  for (const document of documents) {
    const { root, aliasOverflow, readsAliases: aliases, aliasReadings: readings } = yamlDocumentTree(text, document);
    readsAliases ||= aliases === true;
    // No spread into push: a document may hold more aliases than a call takes arguments.
    for (const reading of readings ?? []) aliasReadings.push(reading);
    const { requests: found, cliInput: isCliInput } = documentRequests(text, root, forced, hooks);
    cliInput.push(isCliInput ? found[0] : undefined);
    const errors = syntaxErrorsOf(text, document, root);
    // Valid YAML, but what lies past the alias is not read: reported as a syntax error is, with its own words.
    if (aliasOverflow) errors.push({ ...aliasOverflow, message: 'aliases expand too far', finding: ALIAS_OVERFLOW_FINDING });
    if (errors.length > 0) {
      // A spec file that does not parse at all is still ours to report on; so is a template or
      // workflow whose broken lines hid its SageMaker requests (its checks cannot run until fixed).
      if (found.length === 0 && (forced || hidesRequests(text, document, root))) found.push({ text, root, parseErrors: [], kind: undefined, images: [], host: 'yaml' });
      const file = isCloudFormationTemplate(root) ? TEMPLATE_FILE : root && isStateMachine(root) ? STATE_MACHINE_FILE : undefined;
      for (const request of found) {
        request.incomplete = true;
        // After what the AWS CLI alone refuses (readAsAwsCli), if anything.
        request.syntaxErrors = [...(request.syntaxErrors ?? []), ...errors].sort((a, b) => a.offset - b.offset);
        if (file) request.jsonFile = file;
      }
    }
    requests.push(...found);
  }
  // On the second document's request when it is AWS CLI input, else on the first one that is.
  const carrier = cliInput[1] ?? cliInput.find((request) => request !== undefined);
  if (documents.length > 1 && carrier) carrier.syntaxErrors = [...(carrier.syntaxErrors ?? []), singleDocumentError(text, documents[0], documents[1])].sort((a, b) => a.offset - b.offset);
  return { requests, comments, readsAliases, aliasReadings };
}

/**
 * The error on `second`'s start (its `---`, else its first line): the AWS CLI v2 loads
 * `--cli-input-yaml` with ruamel.yaml's single-document `load`, whose composer raises "expected a
 * single document in the stream" at a second document, even an empty one (`---` at the end).
 * Not a syntax error: nothing is dropped, so the requests stay complete. An empty second document
 * at the end of the stream gets the fix removing it (see emptyDocumentRemoval).
 */
function singleDocumentError(text: string, first: Document.Parsed, second: Document.Parsed): HostSyntaxError {
  const offset = second.range[0];
  const lineEnd = text.slice(offset).search(/\r?\n|$/);
  const marked = text.startsWith('---', offset);
  const length = marked ? 3 : lineEnd;
  const empty = second.contents === null || (second.contents.range[0] === second.contents.range[1]);
  const advice = empty ? 'Remove this `---`: the document after it is empty.' : 'Put each request in a file of its own; each document here is still checked on its own.';
  const finding = `${empty ? 'An empty' : 'A'} second YAML document starts here, and the AWS CLI reads only one (\`--cli-input-yaml\` loads a single document): it refuses the whole file ("Invalid YAML received") and sends nothing. ${advice}`;
  const removal = empty && marked ? emptyDocumentRemoval(text, first, offset) : undefined;
  return { offset, length, message: 'a second document in AWS CLI input', finding, ...(removal && { fixes: [removal] }) };
}

/**
 * "Remove the empty document": the fix for an empty second document whose `---` is at `offset`
 * and which ends the stream (only blank lines and comments follow). It removes the `---` with its
 * line, and the rest when that is blank (so the first document's text, and its final line break,
 * stay as they are); comments after it are kept, and then close the first document. Preferred,
 * and fix-all may apply it: the AWS CLI sends the same request once the file loads. Undefined
 * when anything but comments lies between the first document and the `---` (a `%YAML`
 * directive, which would be left without a document) or anything but comments follows.
 */
function emptyDocumentRemoval(text: string, first: Document.Parsed, offset: number): QuickFix | undefined {
  const commentsOnly = (source: string) => source.split(/\r?\n/).every((line) => /^[ \t]*(?:#.*)?$/.test(line));
  const rest = text.slice(offset + 3);
  if (!commentsOnly(text.slice(first.range[2], offset)) || !/^(?:[ \t]|\r?\n|$)/.test(rest) || !commentsOnly(rest)) return undefined;
  // The `---`, its spaces, and its line break when no comment follows on its line.
  const marker = /^[ \t]*(?:\r?\n|$)?/.exec(rest)![0];
  const length = rest.trim() === '' ? text.length - offset : 3 + marker.length;
  return { title: 'Remove the empty document', preferred: true, intents: [intent.replaceText(offset, length, '')] };
}

/**
 * The requests of one document of the stream, whose top-level value is `root`; `cliInput`: the
 * document is AWS CLI input (its one request), not a template or a workflow.
 */
function documentRequests(text: string, root: RequestNode | undefined, forced: boolean, hooks: CloudFormationHooks | undefined): { requests: SpecDocument[]; cliInput: boolean } {
  if (root?.type !== 'object') return { requests: [], cliInput: false };
  if (isCloudFormationTemplate(root)) return { requests: findCloudFormationRequests(text, root, 'yaml', hooks), cliInput: false };
  const kind = forced ? detectSpecKind(memberNames(root)) : detectSpecKindByContent(memberNames(root));
  const workflowRequests = kind ? [] : findWorkflowFileRequests(text, root, 'yaml');
  if (workflowRequests.length > 0) return { requests: workflowRequests, cliInput: false };
  if (!kind && !forced) return { requests: [], cliInput: false };
  // AWS CLI input: the AWS CLI v2 is its one reader, and sends a `${…}` as written.
  const refusals = readAsAwsCli(text, root);
  const request: SpecDocument = { text, root, parseErrors: [], kind, images: kind ? findImageFields(kind, root) : [], host: 'yaml', awsCliYaml: true };
  if (refusals.length > 0) request.syntaxErrors = refusals;
  if (kind && mayReadAsPlaceholder(text)) markUnfilledRequestValues(request);
  return { requests: [request], cliInput: true };
}

/**
 * True when a document that did not parse names SageMaker requests in what did: a template, a
 * state machine or a pipeline (by its top-level members) whose text mentions a SageMaker resource,
 * task or request member. Other broken YAML (a Kubernetes manifest, a workflow of CI) is not ours,
 * nor a template whose state machines hold no SageMaker task (one read from a `DefinitionUri`
 * file is checked in that file).
 */
function hidesRequests(text: string, document: Document.Parsed, root: RequestNode | undefined): boolean {
  if (root?.type !== 'object') return false;
  const members = memberNames(root);
  const shaped = ['Resources', 'AWSTemplateFormatVersion', 'States', 'Steps'].some((name) => members.includes(name)) || detectSpecKindByContent(members) !== undefined;
  const source = text.slice(document.range[0], document.range[2]);
  return shaped && (source.includes('AWS::SageMaker::') || namesSageMakerTask(source) || mayHoldWorkflow(source) || mayNameSpecKind(source));
}

/** A Step Functions task of SageMaker's (`…:states:::sagemaker:…`, `…:aws-sdk:sagemaker:…`), as YAML writes it (keys unquoted). */
function namesSageMakerTask(source: string): boolean {
  return source.includes(':sagemaker:');
}

/**
 * The `yaml` package's errors of `document` (not its warnings), with their source ranges, each
 * with the scalar of `root` (the document's tree) it runs through, if any. An unterminated quoted
 * string is reported at its opening quote (the parser points past the end of the document, where
 * nothing can be seen or clicked); YAML nested too deeply to read, in words of its own.
 */
function syntaxErrorsOf(text: string, document: Document.Parsed, root: RequestNode | undefined): HostSyntaxError[] {
  return document.errors.map((error) => {
    const offset = error.pos[0];
    const length = Math.max(0, error.pos[1] - offset);
    if (error.code === 'RESOURCE_EXHAUSTION') return { offset, length, message: 'nested too deeply to read', finding: TOO_DEEP_FINDING };
    const scalar = root && findNodeAtOffset(root, offset, true);
    if (!scalar || ['object', 'array', 'property'].includes(scalar.type)) return { offset, length, message: error.message };
    const start = Math.min(offset, scalar.offset);
    const damaged = { offset: start, length: Math.max(offset + length, scalar.offset + scalar.length) - start };
    const quote = text[scalar.offset];
    if (error.code === 'MISSING_CHAR' && (quote === '"' || quote === "'") && scalar.offset + scalar.length === offset) {
      return { offset: scalar.offset, length: 1, message: `this ${quote === '"' ? 'double' : 'single'}-quoted string has no closing ${quote}: it runs to the end of the document`, damaged };
    }
    return { offset, length, message: error.message, damaged };
  });
}
