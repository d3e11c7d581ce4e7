/**
 * The tuning side of a built-in algorithm job: the objective metric (`algorithm-objective-metric`:
 * one the algorithm does not emit, one it emits only in another mode or predictor type than the
 * job's, or the wrong direction) and the hyperparameter ranges
 * (`algorithm-parameter-range`: an unknown or not tunable hyperparameter, or bounds and values
 * outside what the hyperparameter accepts).
 */
import type { Node } from 'jsonc-parser';
import type { MetricData } from '../../algorithms/algorithmData';
import { staticString, type AlgorithmJob } from '../../algorithms/algorithmJobs';
import { jobMode, type JobMode } from '../../algorithms/algorithmMode';
import { boundsProblem, valueProblem } from '../../algorithms/hyperparameterValue';
import { closestMatches } from '../../closestMatches';
import { intent } from '../../edits/editIntent';
import type { QuickFix } from '../../findings';
import { memberValue } from '../../jsonTree';
import { isDynamic } from '../../requestTree';
import { nodeRange, type RuleContext } from '../ruleContext';
import { listText, severityOf } from './algorithmSeverity';

const RANGE_KINDS = ['IntegerParameterRanges', 'ContinuousParameterRanges', 'CategoricalParameterRanges'] as const;

const REFUSED = 'SageMaker refuses the tuning job at submission';

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
    const fixes: QuickFix[] = candidates.map((candidate, index) => ({ title: `Change to "${candidate}"`, intents: [intent.replaceValue(nameNode, candidate)], preferred: index === 0 }));
    const why = other ? ` (only ${facts.label.replace(/\s+\S+$/, '')} ${listText(other.versions ?? [])} emit it)` : names.length === 0 ? ' (it has no documented objective metrics)' : '';
    context.report(
      'algorithm-objective-metric',
      `${facts.label} does not emit the metric "${name}"${why}: ${REFUSED}.${candidates.length > 0 ? ` Did you mean "${candidates[0]}"?` : ''}`,
      nodeRange(nameNode),
      fixes,
      severityOf(other?.evidence ?? facts.data.evidence),
    );
    return;
  }
  const typeNode = memberValue(objective, 'Type');
  const type = staticString(objective, 'Type');
  if (mode && metric.modes && !metric.modes.includes(mode.value)) {
    reportMetricOfOtherMode(context, job, mode, metric, nameNode, typeNode, type);
    return;
  }
  const direction = facts.metricDirection(metric);
  if (!typeNode || type === undefined || direction === undefined || type === direction || (type !== 'Maximize' && type !== 'Minimize')) return;
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
    const fixes: QuickFix[] = candidates.map((candidate, index) => ({ title: `Change to "${candidate}"`, intents: [intent.replaceValue(nameNode, candidate)], preferred: index === 0 }));
    const keyword = named !== undefined ? ` (the estimator's ${name}= sets "${named}"; a tuning range takes the hyperparameter's name)` : '';
    context.report(
      'algorithm-parameter-range',
      `"${name}" is not a hyperparameter of ${facts.label}${keyword}: ${facts.data.unknownHyperparameters === 'rejected' ? 'its training jobs fail inside the container' : REFUSED}.`,
      nodeRange(nameNode),
      fixes,
      facts.data.unknownHyperparameters === 'rejected' ? 'error' : 'warning',
    );
    return;
  }
  const hyperparameter = facts.hyperparameter(canonical)!;
  if (!hyperparameter.tuning) {
    context.report('algorithm-parameter-range', `"${name}" is not a tunable hyperparameter of ${facts.label}: ${REFUSED}; set it in StaticHyperParameters instead.`, nodeRange(nameNode), [], severityOf(hyperparameter.evidence));
    return;
  }
  if (kind === 'CategoricalParameterRanges') {
    const values = memberValue(entry, 'Values');
    for (const valueNode of values?.type === 'array' ? (values.children ?? []) : []) {
      if (valueNode.type !== 'string' || isDynamic(valueNode)) continue;
      const problem = valueProblem(facts, hyperparameter, valueNode.value as string);
      if (!problem) continue;
      const fixes: QuickFix[] = problem.replacement === undefined ? [] : [{ title: `Change to "${problem.replacement}"`, intents: [intent.replaceValue(valueNode, problem.replacement)], preferred: !problem.guess }];
      context.report('algorithm-parameter-range', `Range of "${name}": ${problem.message}; its training jobs fail inside the container.`, nodeRange(valueNode), fixes, severityOf(hyperparameter.evidence, hyperparameter.disputed?.includes(problem.field)));
    }
    return;
  }
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
