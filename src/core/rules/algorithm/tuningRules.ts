/**
 * The tuning side of a built-in algorithm job: the objective metric (`algorithm-objective-metric`:
 * one the algorithm does not emit, one it emits only in another mode or predictor type than the
 * job's, or the wrong direction) and the hyperparameter ranges
 * (`algorithm-parameter-range`: an unknown or not tunable hyperparameter, or bounds and values
 * outside what the hyperparameter accepts).
 */
import type { Node } from 'jsonc-parser';
import type { HyperparameterData, MetricData } from '../../algorithms/algorithmData';
import { staticString, type AlgorithmJob } from '../../algorithms/algorithmJobs';
import { jobMode, type JobMode } from '../../algorithms/algorithmMode';
import { boundsProblem, valueProblem } from '../../algorithms/hyperparameterValue';
import { closestMatches, isClearNearest } from '../../closestMatches';
import { intent } from '../../edits/editIntent';
import type { QuickFix, Severity } from '../../findings';
import { memberValue } from '../../jsonTree';
import { isDynamic } from '../../requestTree';
import { nodeRange, type RuleContext } from '../ruleContext';
import { listText, severityOf } from './algorithmSeverity';

const RANGE_KINDS = ['IntegerParameterRanges', 'ContinuousParameterRanges', 'CategoricalParameterRanges'] as const;

const REFUSED = 'SageMaker refuses the tuning job at submission';

/**
 * REFUSED in words as sure as the finding's severity: a warning stands on the developer guide
 * alone (no container or API check of ours confirms it), so it says what the guide says.
 */
function refusedAs(severity: Severity): string {
  return severity === 'error' ? REFUSED : 'by the developer guide, SageMaker refuses the tuning job at submission';
}

const MODE_METRIC_MISSING = 'SageMaker accepts the tuning job, but its training jobs never report that metric, so the tuner has no objective to compare';

/** Each range entry (`{Name, MinValue, MaxValue}` / `{Name, Values}`) of the job, with its kind. */
function rangeEntries(job: AlgorithmJob): { kind: (typeof RANGE_KINDS)[number]; entry: Node }[] {
  const entries: { kind: (typeof RANGE_KINDS)[number]; entry: Node }[] = [];
  for (const ranges of job.parameterRanges) {
    for (const kind of RANGE_KINDS) {
      const list = memberValue(ranges, kind);
      if (list?.type !== 'array') continue;
      for (const entry of list.children ?? []) if (entry.type === 'object') entries.push({ kind, entry });
    }
  }
  return entries;
}

/** Canonical names given a range (a required hyperparameter given as a range counts as present). */
export function rangeNames(job: AlgorithmJob): Set<string> {
  const names = new Set<string>();
  for (const { entry } of rangeEntries(job)) {
    const name = staticString(entry, 'Name');
    if (name !== undefined) names.add(job.facts.canonicalName(name) ?? name);
  }
  return names;
}

export function checkTuning(context: RuleContext, job: AlgorithmJob): void {
  for (const objective of job.objectives) checkObjective(context, job, objective);
  if (context.isEnabled('algorithm-parameter-range')) for (const { kind, entry } of rangeEntries(job)) checkRange(context, job, kind, entry);
}

function checkObjective(context: RuleContext, job: AlgorithmJob, objective: Node): void {
  if (!context.isEnabled('algorithm-objective-metric')) return;
  const { facts } = job;
  const nameNode = memberValue(objective, 'MetricName');
  const name = staticString(objective, 'MetricName');
  if (!nameNode || name === undefined) return;
  const metric = facts.metric(name);
  const mode = jobMode(job);
  if (!metric) {
    const other = facts.metricOfAnyVersion(name);
    if (other && facts.version === undefined) return;
    // Did-you-mean offers the metrics of the job's mode when it is known.
    const names = (mode ? facts.metricsOfMode(mode.value) : facts.metrics()).map((candidate) => candidate.name);
    const candidates = closestMatches(name, names, 3);
    const fixes: QuickFix[] = candidates.map((candidate, index) => ({ title: `Change to "${candidate}"`, intents: [intent.replaceValue(nameNode, candidate)], preferred: index === 0 && isClearNearest(name, candidates) }));
    const why = other ? ` (only ${facts.label.replace(/\s+\S+$/, '')} ${listText(other.versions ?? [])} emit it)` : names.length === 0 ? ' (it has no documented objective metrics)' : '';
    const severity = severityOf(other?.evidence ?? facts.data.evidence);
    context.report(
      'algorithm-objective-metric',
      `${facts.label} does not emit the metric "${name}"${why}: ${refusedAs(severity)}.${candidates.length > 0 ? ` Did you mean "${candidates[0]}"?` : ''}`,
      nodeRange(nameNode),
      fixes,
      severity,
    );
    return;
  }
  const typeNode = memberValue(objective, 'Type');
  const type = staticString(objective, 'Type');
  if (mode && metric.modes && !metric.modes.includes(mode.value)) {
    reportMetricOfOtherMode(context, job, mode, metric, nameNode, typeNode, type);
    return;
  }
  if (typeNode && type !== undefined && type !== 'Maximize' && type !== 'Minimize') {
    // In JSON and YAML the API model reports it; an SDK tuner's objective_type is sent as written.
    if (context.spec.sdkRequest) reportObjectiveType(context, typeNode, type);
    return;
  }
  const direction = facts.metricDirection(metric);
  if (!typeNode || type === undefined || direction === undefined || type === direction) return;
  context.report(
    'algorithm-objective-metric',
    `${name} should be ${direction === 'Maximize' ? 'maximised' : 'minimised'}: with ${type} SageMaker accepts the tuning job, which then searches for the worst models.`,
    nodeRange(typeNode),
    [{ title: `Change to ${direction}`, intents: [intent.replaceValue(typeNode, direction)], preferred: true }],
    severityOf(metric.evidence),
  );
}

/**
 * A metric the algorithm emits in other modes only (BlazingText `supervised`'s validation:accuracy
 * on a `skipgram` job, k-NN's test:accuracy on a `regressor`): the tuning job is accepted, and its
 * training jobs never report the objective. Fixes change to a metric of the job's mode (with its
 * direction); preferred only when the mode emits one metric, so the choice is forced.
 */
function reportMetricOfOtherMode(context: RuleContext, job: AlgorithmJob, mode: JobMode, metric: MetricData, nameNode: Node, typeNode: Node | undefined, type: string | undefined): void {
  const { facts } = job;
  const emitted = facts.metricsOfMode(mode.value);
  const names = emitted.map((candidate) => candidate.name);
  const fixes: QuickFix[] = closestMatches(metric.name, names, 3).map((candidate) => {
    const direction = facts.metricDirection(emitted.find((entry) => entry.name === candidate)!);
    const intents = [intent.replaceValue(nameNode, candidate)];
    if (typeNode && type !== undefined && direction !== undefined && type !== direction) intents.push(intent.replaceValue(typeNode, direction));
    return { title: `Change to "${candidate}"`, intents, preferred: names.length === 1 };
  });
  const emits = names.length === 0 ? 'emits no documented metric' : `emits ${names.length === 1 ? 'only ' : ''}${listText(names)}`;
  context.report(
    'algorithm-objective-metric',
    `${facts.label} with ${mode.hyperparameter} "${mode.value}" ${emits}; "${metric.name}" comes with ${mode.hyperparameter} ${listText(metric.modes!, 'or')}. ${MODE_METRIC_MISSING}.`,
    nodeRange(nameNode),
    fixes,
    severityOf(metric.evidence),
  );
}

function checkRange(context: RuleContext, job: AlgorithmJob, kind: (typeof RANGE_KINDS)[number], entry: Node): void {
  const { facts } = job;
  const nameNode = memberValue(entry, 'Name');
  const name = staticString(entry, 'Name');
  if (!nameNode || name === undefined) return;
  const canonical = facts.canonicalName(name);
  if (canonical === undefined) {
    if (facts.versionsWith(name) !== undefined && facts.version === undefined) return;
    // The SDK sends a range's name as written: an Amazon estimator's keyword (`center_factor`) is not its hyperparameter's name.
    const named = job.sdkEstimator ? facts.hyperparameterNames.find((candidate) => facts.hyperparameter(candidate)?.sdkKeyword === name) : undefined;
    const candidates = named !== undefined ? [named] : closestMatches(name, facts.hyperparameterNames, 3);
    // A name that has a range already is no fix: the job would range over it twice (in Python, one dict key would replace the other).
    const ranged = rangeNames(job);
    // Only the nearest name is preferred: with it ranged already, the next one is a guess.
    const fixes: QuickFix[] = [];
    // The ranges object holding the entry: fix-all gives a name to one range of it per round.
    const within = entry.parent?.parent?.parent ?? entry;
    candidates.forEach((candidate, index) => {
      if (!ranged.has(candidate)) fixes.push({ title: `Change to "${candidate}"`, intents: [intent.replaceValue(nameNode, candidate)], preferred: index === 0 && (named !== undefined || isClearNearest(name, candidates)), givesName: { within, name: candidate } });
    });
    const keyword = named !== undefined ? ` (the estimator's ${name}= sets "${named}"; a tuning range takes the hyperparameter's name)` : '';
    const twice = candidates.length === 0 || named !== undefined ? '' : ranged.has(candidates[0]) ? ` Did you mean "${candidates[0]}"? It has a range already: remove this one.` : ` Did you mean "${candidates[0]}"?`;
    context.report(
      'algorithm-parameter-range',
      `"${name}" is not a hyperparameter of ${facts.label}${keyword}: ${facts.data.unknownHyperparameters === 'rejected' ? 'its training jobs fail inside the container' : refusedAs('warning')}.${twice}`,
      nodeRange(nameNode),
      fixes,
      facts.data.unknownHyperparameters === 'rejected' ? 'error' : 'warning',
    );
    return;
  }
  const hyperparameter = facts.hyperparameter(canonical)!;
  if (!hyperparameter.tuning) {
    const severity = severityOf(hyperparameter.evidence);
    context.report('algorithm-parameter-range', `"${name}" is not a tunable hyperparameter of ${facts.label}: ${refusedAs(severity)}; set it in StaticHyperParameters instead.`, nodeRange(nameNode), [], severity);
    return;
  }
  if (kind === 'CategoricalParameterRanges') {
    checkCategoricalValues(context, job, name, hyperparameter, memberValue(entry, 'Values'));
    return;
  }
  if (kind === 'ContinuousParameterRanges' && hyperparameter.type === 'integer') {
    context.report(
      'algorithm-parameter-range',
      `"${name}" takes integers, but a continuous range gives its training jobs values such as 2.5, which ${facts.label} refuses: use an integer range (IntegerParameterRanges; IntegerParameter in the SDK).`,
      nodeRange(nameNode),
      [],
      severityOf(hyperparameter.evidence),
    );
  }
  if (!checkBoundsOrder(context, kind, entry, name)) return;
  if (hyperparameter.type !== 'integer' && hyperparameter.type !== 'float') return;
  for (const member of ['MinValue', 'MaxValue']) {
    const node = memberValue(entry, member);
    const text = staticString(entry, member);
    if (!node || text === undefined || text.trim() === '' || !Number.isFinite(Number(text))) continue;
    const problem = boundsProblem(hyperparameter, text, Number(text));
    if (!problem) continue;
    context.report(
      'algorithm-parameter-range',
      `${member} of "${name}": ${problem.message}; the training jobs that try such values fail inside the container.`,
      nodeRange(node),
      [],
      severityOf(hyperparameter.evidence, hyperparameter.disputed?.includes(problem.field)),
    );
  }
}

/**
 * A categorical range's values: each must be a value of the hyperparameter, and, for the
 * algorithm's mode hyperparameter, one the algorithm tunes over (BlazingText's `mode`: the
 * Word2Vec modes, not `supervised`). A replacement already in the list is no fix (it would be there twice).
 */
function checkCategoricalValues(context: RuleContext, job: AlgorithmJob, name: string, hyperparameter: HyperparameterData, values: Node | undefined): void {
  const { facts } = job;
  const items = values?.type === 'array' ? (values.children ?? []) : [];
  const written = new Set(items.map((item) => (item.type === 'string' ? String(item.value) : undefined)));
  // Only the mode hyperparameter's tuning values are a limit (BlazingText's modes emit different
  // metrics, so one objective cannot compare them); elsewhere the guide's values are a recommendation.
  const tunable = facts.data.modeHyperparameter === name || facts.canonicalName(name) === facts.data.modeHyperparameter ? hyperparameter.tuning?.values : undefined;
  for (const valueNode of items) {
    if (valueNode.type !== 'string' || isDynamic(valueNode)) continue;
    const value = valueNode.value as string;
    const problem = valueProblem(facts, hyperparameter, value);
    if (problem) {
      const fixes: QuickFix[] =
        problem.replacement === undefined || written.has(problem.replacement)
          ? []
          : [{ title: `Change to "${problem.replacement}"`, intents: [intent.replaceValue(valueNode, problem.replacement)], preferred: !problem.guess, givesName: { within: values!, name: problem.replacement } }];
      const already = problem.replacement !== undefined && written.has(problem.replacement) ? ` ("${problem.replacement}" is in the list already: remove this one)` : '';
      context.report('algorithm-parameter-range', `Range of "${name}": ${problem.message}${already}; its training jobs fail inside the container.`, nodeRange(valueNode), fixes, severityOf(hyperparameter.evidence, hyperparameter.disputed?.includes(problem.field)));
    } else if (tunable && !tunable.includes(value)) {
      context.report(
        'algorithm-parameter-range',
        `Range of "${name}": ${facts.label} is tuned over ${listText(tunable, 'or')} only, not "${value}": its modes emit different metrics, so one objective cannot compare their training jobs.`,
        nodeRange(valueNode),
        [],
        severityOf(hyperparameter.evidence),
      );
    }
  }
}

/**
 * The range's own bounds, whatever the hyperparameter: an integer range's bounds must be integers,
 * and MinValue may not be above MaxValue; SageMaker refuses either at submission. False when a
 * bound was reported (the bounds checks against the hyperparameter would only repeat it).
 */
function checkBoundsOrder(context: RuleContext, kind: (typeof RANGE_KINDS)[number], entry: Node, name: string): boolean {
  const minNode = memberValue(entry, 'MinValue');
  const maxNode = memberValue(entry, 'MaxValue');
  const min = staticString(entry, 'MinValue');
  const max = staticString(entry, 'MaxValue');
  let clean = true;
  if (kind === 'IntegerParameterRanges') {
    for (const [member, node, text] of [['MinValue', minNode, min], ['MaxValue', maxNode, max]] as const) {
      if (!node || text === undefined || INTEGER.test(text.trim()) || !Number.isFinite(Number(text))) continue;
      context.report('algorithm-parameter-range', `${member} of "${name}" is ${text}, but an integer range takes integers: ${REFUSED}.`, nodeRange(node), [], 'error');
      clean = false;
    }
  }
  if (clean && minNode && min !== undefined && max !== undefined && Number.isFinite(Number(min)) && Number.isFinite(Number(max)) && min.trim() !== '' && max.trim() !== '' && Number(min) > Number(max)) {
    context.report('algorithm-parameter-range', `MinValue of "${name}" (${min}) is above its MaxValue (${max}): ${REFUSED}.`, nodeRange(minNode), [], 'error');
    clean = false;
  }
  return clean;
}

const INTEGER = /^[-+]?\d+$/;

/** An SDK tuner's `objective_type` that is neither `Maximize` nor `Minimize` (`"maximize"`): the API refuses it. */
function reportObjectiveType(context: RuleContext, typeNode: Node, type: string): void {
  if (!context.isEnabled('invalid-enum-value')) return;
  const meant = /^max/i.test(type.trim()) ? 'Maximize' : /^min/i.test(type.trim()) ? 'Minimize' : undefined;
  const fixes: QuickFix[] = meant ? [{ title: `Change to "${meant}"`, intents: [intent.replaceValue(typeNode, meant)], preferred: true }] : [];
  context.report('invalid-enum-value', `objective_type must be "Maximize" or "Minimize" (the SDK sends it as written): ${REFUSED} with "${type}".`, nodeRange(typeNode), fixes);
}
