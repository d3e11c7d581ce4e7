/**
 * Completion for built-in algorithm jobs: hyperparameter names inside
 * `HyperParameters`/`StaticHyperParameters` (required first, with type, bounds and default),
 * allowed values of enum-like ones, channel names and content types in `InputDataConfig`,
 * objective metric names, and tunable names in `ParameterRanges`. Undefined where none applies,
 * so the caller falls back to the API model's completion. What applies where is told here for
 * every host (algorithmCompletionPlace); the items are written here for JSON and by
 * yamlCompletion for YAML.
 */
import { findNodeAtLocation, getLocation, type JSONPath, type Node } from 'jsonc-parser';
import type { Catalog } from '../catalog/catalog';
import type { CompletionItem, CompletionResult } from '../completion';
import type { TextEdit } from '../findings';
import { memberNames, memberValue, stringValue } from '../jsonTree';
import { valueItems } from '../modelCompletion';
import { describeHyperparameter } from '../rules/algorithm/hyperparameterRules';
import { pathInRequest, type SpecDocument } from '../specDocument';
import type { HyperparameterData } from './algorithmData';
import { algorithmJobs, type AlgorithmJob } from './algorithmJobs';
import type { AlgorithmTable } from './algorithmTable';

/** Allowed values a one-line detail names before "and N more". */
const DETAIL_VALUES = 6;

/** `required · integer in [1, ∞) · default 0.3`: the detail of a hyperparameter item, and the first line of its hover. */
export function hyperparameterDetail(hyperparameter: HyperparameterData): string {
  const parts = [hyperparameter.required ? 'required' : hyperparameter.requiredWhen ? 'required in some configurations' : 'optional', describeHyperparameter(hyperparameter, DETAIL_VALUES)];
  if (hyperparameter.default !== undefined) parts.push(`default ${hyperparameter.default === '' ? '""' : hyperparameter.default}`);
  return parts.join(' · ');
}

/**
 * What built-in algorithm completion offers at a place of a request, whatever its syntax:
 * `names` for a key of a job's hyperparameter map (the JSON or YAML host writes the items), or
 * `values` (with a detail per value) for the value of a hyperparameter, a channel's name or
 * content type, an objective's metric or a tuning range's name.
 */
export type AlgorithmCompletionPlace =
  | { kind: 'names'; job: AlgorithmJob; map: Node | undefined }
  | { kind: 'values'; values: readonly string[]; details: Record<string, string> };

/**
 * The algorithm completion at `path` — the member path inside the request (from `spec.root`, as
 * jsonc-parser's `getLocation` gives it; numbers index arrays) of the key (`atKey`) or value at the
 * cursor — or undefined where none applies (no built-in algorithm job, script mode, another member).
 */
export function algorithmCompletionPlace(spec: SpecDocument, path: JSONPath, atKey: boolean, catalog: Catalog, table: AlgorithmTable): AlgorithmCompletionPlace | undefined {
  if (!spec.root || (spec.kind !== 'CreateTrainingJob' && spec.kind !== 'CreateHyperParameterTuningJob')) return undefined;
  const last = path[path.length - 1];
  const parentName = path[path.length - 2];
  const jobs = algorithmJobs(spec, catalog, table);
  if (jobs.length === 0) return undefined;
  const jobAt = (definitionPath: JSONPath) => {
    const definition = definitionPath.length === 0 ? spec.root : findNodeAtLocation(spec.root!, definitionPath);
    return jobs.find((job) => job.definition === definition);
  };
  const values = (offered: readonly string[], details: Record<string, string> = {}): AlgorithmCompletionPlace => ({ kind: 'values', values: offered, details });

  if (parentName === 'HyperParameters' || parentName === 'StaticHyperParameters') {
    const job = jobAt(path.slice(0, -2));
    if (!job) return undefined;
    if (atKey) return { kind: 'names', job, map: memberValue(job.definition, job.hyperparametersMember) };
    const hyperparameter = typeof last === 'string' ? hyperparameterOf(job, last) : undefined;
    return hyperparameter && valuesOf(hyperparameter, job).length > 0 ? values(valuesOf(hyperparameter, job)) : undefined;
  }
  if (atKey) return undefined;
  // InputDataConfig[i].ChannelName / .ContentType
  if (path.length >= 3 && path[path.length - 3] === 'InputDataConfig' && typeof parentName === 'number') {
    const job = jobAt(path.slice(0, -3));
    if (!job) return undefined;
    if (last === 'ChannelName') {
      const details = Object.fromEntries(Object.entries(job.facts.data.channels).map(([name, channel]) => [name, channel.required ? 'required channel' : 'optional channel']));
      return values(Object.keys(job.facts.data.channels), details);
    }
    if (last === 'ContentType') {
      const channelNode = findNodeAtLocation(spec.root, path.slice(0, -1));
      const channel = job.facts.data.channels[stringValue(memberValue(channelNode, 'ChannelName')) ?? ''];
      if (!channel) return undefined;
      const mode = stringValue(memberValue(channelNode, 'InputMode')) ?? stringValue(memberValue(job.image.holder, 'TrainingInputMode'));
      const types = channel.contentTypes[mode === 'Pipe' ? 'Pipe' : 'File'] ?? [];
      return types.length > 0 ? values(types) : undefined;
    }
    return undefined;
  }
  // HyperParameterTuningJobObjective.MetricName / TuningObjective.MetricName
  if (last === 'MetricName' && (parentName === 'HyperParameterTuningJobObjective' || parentName === 'TuningObjective')) {
    const job = parentName === 'TuningObjective' ? jobAt(path.slice(0, -2)) : jobs.find((candidate) => candidate.image.holderPath[0] === 'TrainingJobDefinition');
    if (!job) return undefined;
    const metrics = job.facts.metrics();
    const details = Object.fromEntries(metrics.map((metric) => [metric.name, `${job.facts.metricDirection(metric) ?? metric.type} · ${job.facts.label}`]));
    return values(metrics.map((metric) => metric.name), details);
  }
  // ParameterRanges / HyperParameterRanges: <kind>[i].Name
  if (last === 'Name' && typeof parentName === 'number' && /ParameterRanges$/.test(String(path[path.length - 3]))) {
    const holder = path[path.length - 4];
    const job = holder === 'ParameterRanges' ? jobs.find((candidate) => candidate.image.holderPath[0] === 'TrainingJobDefinition') : jobAt(path.slice(0, -4));
    if (!job) return undefined;
    const names = job.facts.hyperparameterNames.filter((name) => job.facts.hyperparameter(name)!.tuning);
    const details = Object.fromEntries(names.map((name) => [name, hyperparameterDetail(job.facts.hyperparameter(name)!)]));
    return values(names, details);
  }
  return undefined;
}

/** A hyperparameter name to offer, before the host writes it: required first (by `sortText`). */
export interface HyperparameterCandidate {
  name: string;
  /** `required · an integer in [1, ∞)`, see hyperparameterDetail. */
  detail: string;
  documentation: string;
  sortText: string;
}

/** The hyperparameter names of `job` not in `present`, required first, in the reference's order. */
export function hyperparameterCandidates(job: AlgorithmJob, present: ReadonlySet<string>): HyperparameterCandidate[] {
  const { facts } = job;
  return facts.hyperparameterNames
    .map((name, index) => ({ name, index }))
    .filter(({ name }) => !present.has(name))
    .map(({ name, index }) => {
      const hyperparameter = facts.hyperparameter(name)!;
      return {
        name,
        detail: hyperparameterDetail(hyperparameter),
        documentation: `${facts.label} hyperparameter.`,
        // hyperparameterNames lists the required ones first.
        sortText: `${hyperparameter.required ? 0 : 1}${String(index).padStart(4, '0')}`,
      };
    });
}

/** Completion for built-in algorithm jobs in a JSON spec at `offset` (see algorithmCompletionPlace). */
export function completeAlgorithm(spec: SpecDocument, offset: number, catalog: Catalog, table: AlgorithmTable): CompletionResult | undefined {
  if (!spec.root) return undefined;
  const location = getLocation(spec.text, offset);
  // In a workflow or template the request sits deeper in the document: its own path, as model completion reads it.
  const path = pathInRequest(spec, location.path);
  if (!path) return undefined;
  const place = algorithmCompletionPlace(spec, path, location.isAtPropertyKey, catalog, table);
  if (!place) return undefined;
  const typedNode = location.previousNode && isInside(spec.text, location.previousNode, offset) ? location.previousNode : undefined;
  if (place.kind === 'names') return nameItems(spec.text, offset, place.job, place.map, typedNode);
  return valueCompletion(spec.text, offset, place.values, typedNode, location.previousNode, place.details);
}

function hyperparameterOf(job: AlgorithmJob, name: string): HyperparameterData | undefined {
  const canonical = job.facts.canonicalName(name);
  return canonical === undefined ? undefined : job.facts.hyperparameter(canonical);
}

/** The values worth offering: the allowed values (in this version), else the special literals. */
function valuesOf(hyperparameter: HyperparameterData, job: AlgorithmJob): string[] {
  const allowed = job.facts.offeredValues(hyperparameter);
  return [...allowed, ...(hyperparameter.specialValues ?? []).filter((value) => value !== '')];
}

/** Value items inside a string being typed, or quoted after `"key": `. */
function valueCompletion(text: string, offset: number, values: readonly string[], typedNode: Node | undefined, previousNode: Node | undefined, details: Record<string, string> = {}): CompletionResult | undefined {
  if (typedNode?.type === 'string') {
    const edit: TextEdit = { offset: typedNode.offset + 1, length: contentLength(text, typedNode), newText: '' };
    return valueItems(values, edit, text.slice(typedNode.offset + 1, offset), false, details);
  }
  if (previousNode) return undefined; // a value is already there
  return valueItems(values, { offset, length: 0, newText: '' }, '', true, details);
}

function nameItems(text: string, offset: number, job: AlgorithmJob, map: Node | undefined, typedKey: Node | undefined): CompletionResult {
  const keyNode = typedKey && (typedKey.type === 'property' || typedKey.type === 'string') ? typedKey : undefined;
  const renaming = keyNode !== undefined && /^\s*:/.test(text.slice(keyNode.offset + keyNode.length));
  const typed = keyNode ? text.slice(keyNode.offset + 1, offset) : '';
  const present = new Set(memberNames(map));
  if (keyNode && typeof keyNode.value === 'string') present.delete(keyNode.value);
  const start = keyNode ? keyNode.offset : offset;
  const end = keyNode ? keyNode.offset + keyNode.length : offset;
  const comma = !renaming && /^\s*"/.test(text.slice(end)) ? ',' : '';
  const items = hyperparameterCandidates(job, present).map((candidate): CompletionItem => {
    const { name } = candidate;
    const edit: TextEdit = renaming
      ? { offset: keyNode!.offset + 1, length: contentLength(text, keyNode!), newText: name }
      : { offset: start, length: end - start, newText: `"${name}": "$1"${comma}` };
    return { label: name, kind: 'property', detail: candidate.detail, documentation: candidate.documentation, sortText: candidate.sortText, edit, snippet: !renaming, filterText: renaming ? name : `"${name}"` };
  });
  return { typed, isIncomplete: false, items };
}

function isInside(text: string, node: Node, offset: number): boolean {
  return offset > node.offset && offset <= node.offset + 1 + contentLength(text, node);
}

function contentLength(text: string, node: Node): number {
  const terminated = node.length >= 2 && text[node.offset + node.length - 1] === '"';
  return Math.max(0, node.length - (terminated ? 2 : 1));
}
