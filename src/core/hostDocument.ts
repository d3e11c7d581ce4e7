/**
 * One document of any host, as the editor and the checker see it: the SageMaker requests (and
 * image-only checks) embedded in it, each analysed by the same rules, and the framework/version
 * requests of the Python SDK. The one entry point for analysis, whatever the host.
 */
import { analyzeSpec, regionForSpec, type AnalyzeOptions } from './analyze';
import { checkFrameworkRequest } from './rules/frameworkRules';
import { createRuleContext } from './rules/ruleContext';
import type { Finding } from './findings';
import type { FrameworkRequest } from './frameworkRequest';
import { findPythonRequests } from './hosts/python/pythonRequests';
import { PythonTooDeepError } from './hosts/python/pythonScopes';
import { parsePython } from './hosts/python/pythonSyntax';
import { findCloudFormationRequests, isCloudFormationTemplate, mayHoldCloudFormationRequests, type CloudFormationHooks } from './hosts/cloudFormation/cloudFormationRequests';
import { findYamlRequests } from './hosts/yaml/yamlRequests';
import { mayNameSpecKind } from './specKind';
import { identifySpec, parseSpecDocument, type HostLanguage, type SpecDocument } from './specDocument';
import { findHashSuppressions, withoutSuppressed, type HostComment } from './suppressions';

export interface HostDocument {
  host: HostLanguage;
  text: string;
  /** Requests and image-only checks, each with offsets into `text`. */
  requests: SpecDocument[];
  frameworkRequests: FrameworkRequest[];
  /** Comments found by the host's parser (for `#` suppression directives); JSON reads its own. */
  comments: HostComment[];
}

/**
 * A JSON text as a host document: one request when its members tell the kind (or `forced`,
 * when the file matches `sagemakerSpec.files`); none otherwise.
 */
export function readJsonDocument(text: string, forced = false): HostDocument {
  const { kind, scan } = identifySpec(text);
  if (!kind && !forced && mayHoldCloudFormationRequests(text)) {
    // A CloudFormation template: its SageMaker resources' requests, with offsets into the template.
    const template = parseSpecDocument(text, scan);
    if (isCloudFormationTemplate(template.root)) return { host: 'json', text, requests: findCloudFormationRequests(text, template.root!, 'json', cloudFormationHooks), frameworkRequests: [], comments: [] };
  }
  const requests = kind || forced ? [parseSpecDocument(text, scan)] : [];
  return { host: 'json', text, requests, frameworkRequests: [], comments: [] };
}

/**
 * Finders for template resources that embed other hosts' documents (`AWS::SageMaker::Pipeline`,
 * `AWS::StepFunctions::StateMachine`, …), by resource type; the workflows host registers them.
 */
export const cloudFormationHooks: Partial<Record<string, CloudFormationHooks[string]>> = {};

/** True when a YAML text may hold a request or a template resource of ours: the parser is not even loaded otherwise. */
export function mayHoldSageMakerYaml(text: string): boolean {
  return mayNameSpecKind(text) || mayHoldCloudFormationRequests(text);
}

/**
 * A YAML text (AWS CLI input, CloudFormation or SAM template; several documents) as a host
 * document. `forced`: the file is always a spec (`*.sagemaker.yaml`, `sagemakerSpec.files`).
 */
export function readYamlDocument(text: string, forced = false): HostDocument {
  if (!forced && !mayHoldSageMakerYaml(text)) return { host: 'yaml', text, requests: [], frameworkRequests: [], comments: [] };
  const { requests, comments } = findYamlRequests(text, forced, cloudFormationHooks);
  return { host: 'yaml', text, requests, frameworkRequests: [], comments };
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
  if (!mayHoldSageMakerPython(text)) return { host: 'python', text, requests: [], frameworkRequests: [], comments: [] };
  try {
    const { documents, frameworkRequests, comments } = findPythonRequests(text, parsePython(text));
    return { host: 'python', text, requests: documents, frameworkRequests, comments };
  } catch (error) {
    // Python syntax problems are not ours to report: a file too deep to walk yields nothing.
    if (error instanceof PythonTooDeepError) return { host: 'python', text, requests: [], frameworkRequests: [], comments: [] };
    throw error;
  }
}

export interface DocumentAnalysis {
  findings: Finding[];
}

/**
 * Every finding of every request in `document`, in document order, each once (a dict passed by
 * name to two calls is one place in the text), without the suppressed ones.
 */
export function analyzeDocument(document: HostDocument, options: AnalyzeOptions): DocumentAnalysis {
  const findings: Finding[] = [];
  // No spread into push: a document may have more findings than a call takes arguments.
  for (const request of document.requests) for (const finding of analyzeSpec(request, options).findings) findings.push(finding);
  if (document.frameworkRequests.length > 0) checkFrameworkRequests(document, options, findings);
  // Only several sources can report one place twice (a dict passed by name to two calls).
  // (In YAML one request can too: an alias repeats its anchor's nodes.)
  const single = document.host !== 'yaml' && document.requests.length + (document.frameworkRequests.length > 0 ? 1 : 0) <= 1;
  const seen = new Set<string>();
  const unique = single ? findings : findings.filter((finding) => {
    const key = `${finding.code}@${finding.offset}+${finding.length}:${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  unique.sort((a, b) => a.offset - b.offset);
  const kept = document.host === 'json' ? unique : withoutSuppressed(document.text, unique, findHashSuppressions(document.text, document.comments));
  return { findings: kept };
}

/** `image_uris.retrieve(…)` and the framework classes, checked against the catalog as the SDK would. */
function checkFrameworkRequests(document: HostDocument, options: AnalyzeOptions, findings: Finding[]): void {
  const holder: SpecDocument = { text: document.text, root: undefined, parseErrors: [], kind: undefined, images: [], host: document.host };
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

/** The request whose tree holds `offset` (for completion and hover), else undefined. */
export function requestAt(document: HostDocument, offset: number): SpecDocument | undefined {
  if (document.host === 'json' && document.requests.length === 1 && !document.requests[0].valuesOnly) return document.requests[0];
  return document.requests.find((request) => {
    if (request.root && request.root.offset <= offset && offset <= request.root.offset + request.root.length) return true;
    return request.images.some((image) => image.value.offset <= offset && offset <= image.value.offset + image.value.length);
  });
}
