/**
 * One document of any host, as the editor and the checker see it: the SageMaker requests (and
 * image-only checks) embedded in it, each analysed by the same rules, and the framework/version
 * requests of the Python SDK. The one entry point for analysis, whatever the host.
 */
import { analyzeSpec, regionForSpec, withDirectivesApplied, type AnalyzeOptions } from './analyze';
import { checkFrameworkRequest } from './rules/frameworkRules';
import { createRuleContext } from './rules/ruleContext';
import type { Finding } from './findings';
import type { FrameworkRequest } from './frameworkRequest';
import { findDockerfileImages } from './hosts/dockerfile/dockerfileImages';
import { parseDockerfile } from './hosts/dockerfile/dockerfileSyntax';
import { findPythonRequests } from './hosts/python/pythonRequests';
import { bracketNestingExceeds } from './hosts/python/pythonNesting';
import { PythonTooDeepError } from './hosts/python/pythonScopes';
import { parsePython } from './hosts/python/pythonSyntax';
import type { OffsetRange } from './jsonTree';
import type { RequestNode } from './requestTree';
import type { Node } from 'jsonc-parser';
import { parseJson, type ParsedJson } from './jsonParse';
import { findWorkflowFileRequests, mayHoldWorkflow, namesWorkflow } from './hosts/workflows/workflowRequests';
import { isStateMachine } from './hosts/workflows/stateMachineRequests';
import { findCloudFormationRequests, isCloudFormationTemplate, mayHoldCloudFormationRequests } from './hosts/cloudFormation/cloudFormationRequests';
import type { DefinitionFileReader } from './hosts/cloudFormation/definitionFile';
import { workflowResourceHooks, workflowResourceHooksReading } from './hosts/cloudFormation/templateWorkflows';
import { findYamlRequests } from './hosts/yaml/yamlRequests';
import type { AliasReading } from './hosts/yaml/yamlTree';
import { detectSpecKindByContent, mayNameSpecKind } from './specKind';
import { parseSpecDocument, PIPELINE_FILE, STATE_MACHINE_FILE, TEMPLATE_FILE, type CdkSynthesized, type HostLanguage, type JsonFileKind, type SpecDocument, type StrictJsonFile } from './specDocument';
import { misplacedDockerfileDirectives } from './hosts/dockerfile/misplacedDirectives';
import { findHashSuppressions, findJsoncCommentSuppressions, type HostComment } from './suppressions';
import { redactSecrets } from './launch/redact';
import { attributedToCdkApp } from './cdkFindings';
import { markUnfilledRequestValues } from './unfilledPlaceholders';
import { regionOfItsOwn, withRegionBoundFixes, type VariableRegion } from './variableRegionFixes';

/** A file as its host read it: what every host gives, and its comments in the host's own form. */
export type HostDocument = JsonHostDocument | HashCommentHostDocument;

interface HostDocumentBase {
  text: string;
  /** Requests and image-only checks, each with offsets into `text`. */
  requests: SpecDocument[];
  frameworkRequests: FrameworkRequest[];
  /** How a template's state machine files were read (DefinitionUri), when they were: another reading of this text (completion's) reads them alike. */
  readDefinitionFile?: DefinitionFileReader;
}

export interface JsonHostDocument extends HostDocumentBase {
  host: 'json';
  /**
   * The comments (`//`, `/* … *\/`) as the parse found them, ranges of `text`: the very list a
   * JSON spec holds (SpecDocument.comments), not a copy. For suppression directives.
   */
  comments: readonly OffsetRange[];
  /** The dialect the text was read in (see JsonDialect): a fix-all round reads the fixed text the same way. */
  dialect?: JsonDialect;
}

export interface HashCommentHostDocument extends HostDocumentBase {
  host: Exclude<HostLanguage, 'json'>;
  /** Comments found by the host's parser (for `#` suppression directives). */
  comments: HostComment[];
  /** YAML: an alias was read, so one written value may stand at several members (withoutAliasRepeats). */
  readsAliases?: boolean;
  /** YAML: each alias and the anchored value it reads (suppression directives and hover look through an alias); absent without one. */
  aliasReadings?: readonly AliasReading[];
}

/**
 * How a JSON file is written: `jsonc` (a `.jsonc` file, VS Code's JSON with Comments), whose
 * comments and trailing commas are the writer's choice, or plain `json`. A plain JSON spec is
 * what `aws sagemaker … --cli-input-json file://…` reads, strictly: its comments and trailing
 * commas are `strict-json`. (Workflows and templates are read strictly whatever their dialect.)
 */
export type JsonDialect = 'json' | 'jsonc';

/**
 * A JSON text as a host document: one request when its members tell the kind; the requests of
 * its steps or tasks when it is a SageMaker Pipelines definition or a Step Functions state
 * machine (see hosts/workflows); one request when `forced` (the file matches
 * `sagemakerSpec.files`); none otherwise. `readDefinitionFile`: how a template's state machine
 * files (`DefinitionUri`) are read; without it they are not.
 */
export function readJsonDocument(text: string, forced = false, dialect: JsonDialect = 'jsonc', readDefinitionFile?: DefinitionFileReader): HostDocument {
  // Words first: other JSON files (lock files, settings, data) are never parsed.
  const mayHoldTemplate = !forced && mayHoldCloudFormationRequests(text);
  const mayBeWorkflow = mayHoldWorkflow(text);
  if (!forced && !mayHoldTemplate && !mayBeWorkflow && !mayNameSpecKind(text)) return { host: 'json', text, requests: [], frameworkRequests: [], comments: [], dialect };
  // One pass gives the tree and the top-level members that tell what the text is.
  const parsed = parseJson(text);
  const kind = detectSpecKindByContent(parsed.topLevelMembers);
  if (!kind && mayHoldTemplate && isCloudFormationTemplate(parsed.root)) {
    // A CloudFormation template: its SageMaker resources' requests, with offsets into the template.
    const requests = findCloudFormationRequests(text, parsed.root!, 'json', templateHooks(readDefinitionFile));
    for (const request of requests) request.inTemplate = true;
    return { host: 'json', text, requests: withStrictReader(withParseErrors(requests, text, parsed, TEMPLATE_FILE), parsed, 'CloudFormation', 'template'), frameworkRequests: [], comments: parsed.jsoncOnly.comments, dialect, ...(readDefinitionFile && { readDefinitionFile }) };
  }
  if (!kind && mayHoldTemplate && !parsed.root && parsed.tooDeepAt !== undefined && parsed.topLevelMembers.includes('Resources')) {
    return { host: 'json', text, requests: [tooDeepToRead(text, parsed.tooDeepAt, TEMPLATE_FILE)], frameworkRequests: [], comments: [], dialect };
  }
  let requests: SpecDocument[] = [];
  if (kind) requests = [parseSpecDocument(text, parsed)];
  else if (mayBeWorkflow) requests = readWorkflowJson(text, parsed);
  if (requests.length === 0 && forced && !kind) requests = [parseSpecDocument(text, parsed)];
  // A plain JSON spec is AWS CLI input (`--cli-input-json`), which the CLI reads strictly.
  if (dialect === 'json' && requests.length === 1 && !requests[0].embedding) requests = withStrictReader(requests, parsed, 'The AWS CLI', 'spec', CLI_INPUT);
  return { host: 'json', text, requests, frameworkRequests: [], comments: parsed.jsoncOnly.comments, dialect };
}

/** The template hooks that read state machine files with `readDefinitionFile`, or the shared ones that read none. */
function templateHooks(readDefinitionFile: DefinitionFileReader | undefined) {
  return readDefinitionFile ? workflowResourceHooksReading(readDefinitionFile) : workflowResourceHooks;
}

/** What a comment or trailing comma does to a plain JSON spec, and how to keep one. */
const CLI_INPUT: Pick<StrictJsonFile, 'failure' | 'advice'> = {
  failure: '`aws sagemaker … --cli-input-json file://…` fails on this one',
  advice: ' (The launch commands of this extension drop comments: name the file .jsonc if only they send it.)',
};

/** The requests of a JSON workflow (a state machine or a pipeline definition). */
function readWorkflowJson(text: string, parsed: ParsedJson): SpecDocument[] {
  if (!namesWorkflow(parsed.topLevelMembers)) return [];
  // Too deep for the parser's own stack: no tree to read requests from, and nothing to report
  // but that (values nested past the limit elsewhere are only left out: see jsonParse.ts).
  if (!parsed.root && parsed.tooDeepAt !== undefined) return [tooDeepToRead(text, parsed.tooDeepAt, parsed.topLevelMembers.includes('States') ? STATE_MACHINE_FILE : PIPELINE_FILE)];
  const file = isStateMachine(parsed.root) ? STATE_MACHINE_FILE : PIPELINE_FILE;
  const requests = withParseErrors(findWorkflowFileRequests(text, parsed.root, 'json', parsed.dollarKeys), text, parsed, file);
  return isStateMachine(parsed.root) ? withStrictReader(requests, parsed, 'Step Functions', 'state machine') : withStrictReader(requests, parsed, 'SageMaker Pipelines', 'pipeline definition');
}

/** A request of no kind saying that the `file` could not be read at all: it nests deeper than the parser's stack reaches (`at`: where the limit was passed). */
function tooDeepToRead(text: string, at: number, file: JsonFileKind): SpecDocument {
  return { text, root: undefined, parseErrors: [], tooDeepAt: at, kind: undefined, images: [], host: 'json', jsonFile: file };
}

/**
 * Marks the first request of a file `reader` reads as strict JSON with its comments and trailing
 * commas, if it has any (see SpecDocument.strictJson). Not while the text has syntax errors: they
 * are reported, and what parsed after them may be misread.
 */
function withStrictReader(requests: SpecDocument[], parsed: ParsedJson, reader: string, what: string, consequence?: Pick<StrictJsonFile, 'failure' | 'advice'>): SpecDocument[] {
  const { jsoncOnly } = parsed;
  if (requests.length === 0 || parsed.parseErrors.length > 0 || (jsoncOnly.comments.length === 0 && jsoncOnly.trailingCommas.length === 0)) return requests;
  // A request may already carry a workflow's in a template string (templateWorkflows.ts): the
  // file's go with one that does not, else with a request of their own (no kind: nothing else is checked on it).
  const strictJson: StrictJsonFile = { reader, what, jsoncOnly, ...consequence };
  const carrier = requests.find((request) => !request.strictJson);
  if (carrier) carrier.strictJson = strictJson;
  else requests.push({ text: requests[0].text, root: undefined, parseErrors: [], kind: undefined, images: [], host: 'json', strictJson });
  return requests;
}

/**
 * The requests found in a JSON workflow or template, with its syntax errors: they go with the
 * first request, so they are reported once, and every request is incomplete (a member being
 * typed is not yet missing). When the errors hid every request, one request without a kind
 * carries them: the text names SageMaker requests (its words passed the pre-filter and its
 * top-level members are a template's or a workflow's), and it cannot be deployed as it is.
 */
function withParseErrors(requests: SpecDocument[], text: string, parsed: ParsedJson, jsonFile: JsonFileKind): SpecDocument[] {
  if (parsed.parseErrors.length === 0) return requests;
  if (requests.length === 0) return [{ text, root: parsed.root, parseErrors: parsed.parseErrors, kind: undefined, images: [], host: 'json', incomplete: true, hidRequests: true, jsonFile }];
  requests[0].parseErrors = parsed.parseErrors;
  requests[0].jsonFile = jsonFile;
  for (const request of requests) request.incomplete = true;
  return requests;
}

/** True when a YAML text may hold a request or a template resource of ours: the parser is not even loaded otherwise. */
export function mayHoldSageMakerYaml(text: string): boolean {
  return mayNameSpecKind(text) || mayHoldCloudFormationRequests(text) || mayHoldWorkflow(text);
}

/**
 * A YAML text (AWS CLI input, CloudFormation or SAM template; several documents) as a host
 * document. `forced`: the file is always a spec (`*.sagemaker.yaml`, `sagemakerSpec.files`).
 * `readDefinitionFile`: how a template's state machine files are read, as for readJsonDocument.
 */
export function readYamlDocument(text: string, forced = false, readDefinitionFile?: DefinitionFileReader): HostDocument {
  if (!forced && !mayHoldSageMakerYaml(text)) return { host: 'yaml', text, requests: [], frameworkRequests: [], comments: [] };
  const { requests, comments, readsAliases, aliasReadings } = findYamlRequests(text, forced, templateHooks(readDefinitionFile));
  return { host: 'yaml', text, requests, frameworkRequests: [], comments, ...(readDefinitionFile && { readDefinitionFile }), ...(readsAliases && { readsAliases }), ...(aliasReadings.length > 0 && { aliasReadings }) };
}

/** True when the document holds anything of ours to analyse: a request, an image check or a framework call. */
export function holdsRequests(document: HostDocument): boolean {
  return document.requests.length > 0 || document.frameworkRequests.length > 0;
}

/** Words without which a Python text cannot hold anything of ours: the parser is not even loaded. */
const PYTHON_MARKERS = ['sagemaker', 'boto3', 'dkr.ecr', 'image_uri', 'create_training_job', 'create_model', 'create_endpoint', 'create_processing_job', 'create_transform_job', 'create_hyper_parameter_tuning_job'];

export function mayHoldSageMakerPython(text: string): boolean {
  return PYTHON_MARKERS.some((marker) => text.includes(marker));
}

/** A Python text (a module, or a notebook's code cells joined) as a host document. */
export function readPythonDocument(text: string): HostDocument {
  // Python nested past CPython's own bracket limit does not run, and would overflow lezer's tree building.
  if (!mayHoldSageMakerPython(text) || bracketNestingExceeds(text)) return { host: 'python', text, requests: [], frameworkRequests: [], comments: [] };
  try {
    const { documents, frameworkRequests, comments } = findPythonRequests(text, parsePython(text));
    for (const request of documents) markUnfilledPythonValues(request);
    return { host: 'python', text, requests: documents, frameworkRequests, comments };
  } catch (error) {
    // Python syntax problems are not ours to report: a file too deep to walk yields nothing.
    if (error instanceof PythonTooDeepError) return { host: 'python', text, requests: [], frameworkRequests: [], comments: [] };
    throw error;
  }
}

/**
 * boto3 and the SDK send a plain string's `${…}` as written (Python gives it no meaning; an
 * f-string's `{…}` is its own placeholder): in a request's values and the SDK arguments sent as
 * request members, each is unfilled-placeholder. Image strings alone are left to the image rules.
 */
function markUnfilledPythonValues(request: SpecDocument): void {
  const values = [...(request.kind && request.root ? [request.root] : []), ...(request.sdkRequest?.arguments ?? []).map((argument) => argument.value)];
  if (values.length > 0) markUnfilledRequestValues(request, values);
}

/**
 * Without these a Dockerfile cannot name an Amazon ECR image (written out or in an ARG default):
 * its parser is not even loaded.
 */
export function mayHoldSageMakerDockerfile(text: string): boolean {
  return text.includes('.dkr.ecr');
}

/** A Dockerfile (or Containerfile) as a host document: its FROM images on Amazon ECR (see dockerfileImages.ts). */
export function readDockerfileDocument(text: string): HostDocument {
  if (!mayHoldSageMakerDockerfile(text)) return { host: 'dockerfile', text, requests: [], frameworkRequests: [], comments: [] };
  const { documents, comments } = findDockerfileImages(text, parseDockerfile(text));
  return { host: 'dockerfile', text, requests: documents, frameworkRequests: [], comments };
}

export interface DocumentAnalysis {
  findings: Finding[];
}

/**
 * Every finding of every request in `document`, in document order, each once (a dict passed by
 * name to two calls is one place in the text), without the suppressed ones.
 */
export function analyzeDocument(document: HostDocument, options: AnalyzeOptions): DocumentAnalysis {
  const analysed: Finding[] = [];
  // The CDK resource each finding of a synthesized template was found for (cdkFindings.ts).
  const cdkSources = new Map<Finding, CdkSynthesized>();
  const firstError = document.host === 'json' ? firstParseError(document) : undefined;
  // No spread into push: a document may have more findings than a call takes arguments.
  for (const read of document.requests) {
    const request = synthesizedAsListed(read, options);
    for (const finding of analyzeSpec(request, options).findings) {
      // Past a JSON syntax error the tree is the parser's guess (a key typed without its closing quote swallows the next one).
      if (firstError !== undefined && finding.offset >= firstError && GUESSED_AFTER_ERRORS.has(finding.code)) continue;
      // A fix inside a string of the host would need that string's escaping: none is offered (strict-json writes its own where safe).
      const placed = request.inString && finding.code !== 'strict-json' && inHostString(request, finding) ? { ...finding, fixes: [] } : finding;
      const noted = withSubstitutionNotes(request, placed);
      // A task's finding names its state too: one construct holds every state of its definition.
      const state = request.embedding?.container === 'state-machine-task' ? request.embedding.name : undefined;
      if (request.cdkSynthesized) cdkSources.set(noted, state !== undefined ? { ...request.cdkSynthesized, state } : request.cdkSynthesized);
      analysed.push(noted);
    }
  }
  const findings = cdkSources.size > 0 ? attributedToCdkApp(analysed, cdkSources) : analysed;
  if (document.frameworkRequests.length > 0) checkFrameworkRequests(document, options, findings);
  // Only several sources can report one place twice (a dict passed by name to two calls).
  // (In YAML one request can too: an alias repeats its anchor's nodes.)
  const single = document.host !== 'yaml' && document.requests.length + (document.frameworkRequests.length > 0 ? 1 : 0) <= 1;
  const unique = single ? findings : document.host === 'yaml' && document.readsAliases ? withoutAliasRepeats(findings) : withoutRepeats(findings);
  // A JSON spec's `//` directives are read by analyzeSpec; a workflow's and other hosts' once here, for all their requests.
  const suppressions =
    document.host !== 'json' ? findHashSuppressions(document.text, document.comments, document.aliasReadings) : document.requests.some((request) => request.embedding || request.inTemplate) ? findJsoncCommentSuppressions(document.text, document.comments) : undefined;
  if (suppressions && document.host === 'dockerfile') {
    const misplaced = misplacedDockerfileDirectives(document.text);
    if (misplaced.length > 0) suppressions.misplaced = misplaced;
  }
  const holder = suppressions && documentHolder(document);
  const kept = holder ? withDirectivesApplied(holder, unique, suppressions, options, regionForSpec(holder, options.regionInputs)) : unique;
  kept.sort((a, b) => a.offset - b.offset);
  return { findings: kept.map(withoutSecrets) };
}

/** `findings` without those that repeat an earlier one: the same code, place and message. */
function withoutRepeats(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.code}@${finding.offset}+${finding.length}:${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * YAML `findings` with one per code and place: an alias repeats its anchor's nodes, so a value
 * written once (`InstanceType: &it ml.c5.larg`) is judged at every member that reads it, each
 * message naming its own path. The first is kept, saying how many more read it; one fix of the
 * anchor's text mends them all. (Other places: one finding each, as before.)
 */
function withoutAliasRepeats(findings: readonly Finding[]): Finding[] {
  const first = new Map<string, { finding: Finding; repeats: number; messages: Set<string> }>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    const key = `${finding.code}@${finding.offset}+${finding.length}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, { finding, repeats: 0, messages: new Set([finding.message]) });
      kept.push(finding);
    } else if (!earlier.messages.has(finding.message)) {
      earlier.messages.add(finding.message);
      earlier.repeats++;
    }
  }
  return kept.map((finding) => {
    const { repeats } = first.get(`${finding.code}@${finding.offset}+${finding.length}`)!;
    if (repeats === 0) return finding;
    return { ...finding, message: `${finding.message} (A YAML alias reads this value in ${repeats} more place${repeats === 1 ? '' : 's'}: fixing it here fixes ${repeats === 1 ? 'both' : 'all of them'}.)` };
  });
}

/** The offset of the first JSON syntax error of any request of `document`, if there is one. */
function firstParseError(document: HostDocument): number | undefined {
  let first: number | undefined;
  for (const request of document.requests) for (const error of request.parseErrors) if (first === undefined || error.offset < first) first = error.offset;
  return first;
}

/**
 * The codes that judge the tree's structure and values, which after a syntax error judge the
 * parser's recovery rather than what was written (`"Ena"OutputDataConfig": …` while a key is typed
 * reads the next members one level up): not reported past the first error, until it is fixed.
 * Image, integration and syntax findings still are.
 */
const GUESSED_AFTER_ERRORS: ReadonlySet<string> = new Set([
  'unknown-property',
  'missing-required-property',
  'invalid-type',
  'invalid-enum-value',
  'value-out-of-range',
  'pattern-mismatch',
  'duplicate-key',
  'algorithm-unknown-hyperparameter',
  'algorithm-invalid-hyperparameter',
  'algorithm-missing-hyperparameter',
  'algorithm-hyperparameter-conflict',
  'algorithm-channel',
  'algorithm-content-type',
]);

/**
 * A finding whose message quotes the spec's text (`item "AKIAIOSFODNN7EXAMPLE" is not a security
 * group id`) with anything that looks like a key, token or signature scrubbed. Here, where the
 * editor's diagnostics and the checker's output both take their findings, so no rule can leak one.
 */
function withoutSecrets(finding: Finding): Finding {
  const message = redactSecrets(finding.message);
  return message === finding.message ? finding : { ...finding, message };
}

/**
 * `request` as analysed: a request of a template that a CDK manifest lists as a stack's
 * (AnalyzeOptions.cdkStackTemplate) is synthesized, whether or not the template says so itself
 * (`--no-path-metadata`, the legacy synthesizer: SpecDocument.templateResource).
 */
function synthesizedAsListed(request: SpecDocument, options: AnalyzeOptions): SpecDocument {
  return options.cdkStackTemplate && !request.cdkSynthesized && request.templateResource ? { ...request, cdkSynthesized: request.templateResource } : request;
}

/**
 * True when `finding` of a request read from a string of the host lies in that string
 * (SpecDocument.stringRange), where a fix would need the string's escaping. A finding outside it
 * (a mapping row its image's account is read from) is written as any template text is, and keeps
 * its fixes.
 */
function inHostString(request: SpecDocument, finding: Finding): boolean {
  const range = request.stringRange;
  return !range || (finding.offset + finding.length >= range.offset && finding.offset <= range.offset + range.length);
}

/**
 * A finding on text the host substituted (a Dockerfile's `${TAG}`) says where that text came
 * from: "With ARG TAG's default latest: …", since a build argument may give another value.
 */
function withSubstitutionNotes(request: SpecDocument, finding: Finding): Finding {
  const notes: string[] = [];
  let variableRegion: VariableRegion | undefined;
  for (const image of request.images) {
    const substitutions = (image.value as RequestNode).substitutions ?? [];
    if (substitutions.length === 0) continue;
    // An account is judged against the registry's region: a substituted region is its cause too.
    const hostEnd = finding.code === 'registry-account-mismatch' ? registryHostEnd(request.text, image.value) : -1;
    for (const substitution of substitutions) {
      const { offset, length } = substitution.range;
      const touches = finding.length > 0
        ? finding.offset < offset + length && finding.offset + finding.length > offset
        : finding.offset >= offset && finding.offset < offset + length;
      const endsAtEmpty = substitution.empty === true && finding.offset + finding.length === offset;
      if (touches || endsAtEmpty || offset < hostEnd) notes.push(substitution.note);
    }
    if (hostEnd >= 0) variableRegion ??= regionOfItsOwn(request.text, image.value as RequestNode, finding);
  }
  if (notes.length === 0) return finding;
  const noted = { ...finding, message: `With ${notes.join(' and ')}: ${finding.message}` };
  // The account of the default's region is wrong for a build given another region.
  return variableRegion ? withRegionBoundFixes(noted, variableRegion) : noted;
}

/** The source offset where the registry host of an image value ends (its first `/`), else -1. */
function registryHostEnd(text: string, value: Node): number {
  const slash = text.indexOf('/', value.offset);
  return slash >= 0 && slash < value.offset + value.length ? slash : -1;
}

/** The document as a spec of no kind: what rules that look at the whole document (not at one request) report through. */
function documentHolder(document: HostDocument): SpecDocument {
  return { text: document.text, root: undefined, parseErrors: [], kind: undefined, images: [], host: document.host };
}

/** `image_uris.retrieve(…)` and the framework classes, checked against the catalog as the SDK would. */
function checkFrameworkRequests(document: HostDocument, options: AnalyzeOptions, findings: Finding[]): void {
  const holder = documentHolder(document);
  const context = createRuleContext(holder, options.catalog, regionForSpec(holder, options.regionInputs), options.rules, findings);
  for (const request of document.frameworkRequests) {
    const before = findings.length;
    try {
      checkFrameworkRequest(context, request, options.instanceGpus);
    } catch (error) {
      findings.length = before;
      options.onInternalError?.('framework', error);
    }
  }
}

/** The alias (`*img`) of a YAML document at `offset`, with what it reads; undefined elsewhere. */
export function aliasAt(document: HostDocument, offset: number): AliasReading | undefined {
  if (document.host !== 'yaml' || !document.aliasReadings) return undefined;
  return document.aliasReadings.find(({ alias }) => alias.offset <= offset && offset <= alias.offset + alias.length);
}

/** The request whose tree holds `offset` (for completion and hover), else undefined. */
export function requestAt(document: HostDocument, offset: number): SpecDocument | undefined {
  // A JSON spec is its whole text (comments and space around the object too).
  if (document.host === 'json' && document.requests.length === 1 && !document.requests[0].embedding && !document.requests[0].valuesOnly) return document.requests[0];
  return document.requests.find((request) => {
    if (request.root && request.root.offset <= offset && offset <= request.root.offset + request.root.length) return true;
    if (request.images.some((image) => image.value.offset <= offset && offset <= image.value.offset + image.value.length)) return true;
    return request.substitutedValues?.some(({ value }) => value.offset <= offset && offset <= value.offset + value.length) === true;
  });
}
