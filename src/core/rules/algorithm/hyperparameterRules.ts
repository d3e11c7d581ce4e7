/**
 * The hyperparameters of a built-in algorithm job (`HyperParameters`, a tuning job's
 * `StaticHyperParameters`): names the algorithm needs (`algorithm-missing-hyperparameter`), names
 * it does not have (`algorithm-unknown-hyperparameter`) or that only other XGBoost versions have
 * (`algorithm-hyperparameter-version`), and values it does not parse or accept
 * (`algorithm-invalid-hyperparameter`). One pass over the map, a lookup per entry; the values
 * with checks across hyperparameters go on to hyperparameterConflictRules.ts.
 */
import type { Node } from 'jsonc-parser';
import type { Condition, Evidence, HyperparameterData } from '../../algorithms/algorithmData';
import { staticString, type AlgorithmJob } from '../../algorithms/algorithmJobs';
import { intervalText, valueProblem, type ValueProblem } from '../../algorithms/hyperparameterValue';
import { sdkEstimatorClassOf } from '../../algorithms/sdkEstimatorClasses';
import { editDistance, isClearNearest } from '../../closestMatches';
import { intent } from '../../edits/editIntent';
import type { QuickFix } from '../../findings';
import { findProperty, keyOfValue, memberValue, otherItemStrings, type OffsetRange } from '../../jsonTree';
import { isDynamic, isMergedMember, standInOf, type RequestNode, type TemplatePart } from '../../requestTree';
import { nodeRange, type RuleContext } from '../ruleContext';
import { consequence, listText, REQUIRED_IN_EVERY_REQUEST, severityOf } from './algorithmSeverity';
import { checkHyperparameterConflicts, type RuledHyperparameter } from './hyperparameterConflictRules';
import { rangeNames } from './tuningRules';

/**
 * Unknown names reported per map. The API takes 100 entries at most (a longer map is reported by
 * `value-out-of-range`), so past this many the job is refused anyway, and a 16,000-entry map costs
 * lookups only, not 16,000 findings.
 */
const MAX_UNKNOWN_REPORTED = 100;

/** Unknown names that get did-you-mean fixes; more typos than this in one map are not typos. */
const MAX_SUGGESTED = 20;

/** name → static value (undefined when dynamic) of the job's hyperparameters, by canonical name. */
export type HyperparameterValues = Map<string, string | undefined>;

export function checkHyperparameters(context: RuleContext, job: AlgorithmJob): void {
  const { facts } = job;
  const values: HyperparameterValues = new Map();
  const ruled: RuledHyperparameter[] = [];
  let unknown = 0;
  // Required names an unknown key is clearly a typo of (`num_rounds`): that key's finding and fix say it, not a second finding.
  const misspelt = new Set<string>();
  for (const property of job.hyperparameters?.children ?? []) {
    const key = property.children?.[0];
    const written = property.children?.[1];
    if (!key || typeof key.value !== 'string' || isDynamic(key)) continue;
    // A pipeline parameter read with Get is judged by its DefaultValue, and reported there.
    const standIn = written && isDynamic(written) ? standInOf(written) : undefined;
    const value = standIn ?? written;
    const name = key.value;
    const canonical = facts.canonicalName(name);
    // A template all of whose parts are text (a Pipelines parameter's default joined with Std:Join,
    // as the SDK sends an Integer parameter) is judged by that text, like a default: without a fix.
    const joined = !standIn && written && isDynamic(written) ? wholeTemplateText(written) : undefined;
    const staticValue = joined ?? (value && !isDynamic(value) && value.type === 'string' ? (value.value as string) : undefined);
    if (canonical === undefined) {
      if (unknown < MAX_UNKNOWN_REPORTED) {
        const meant = reportUnknownName(context, job, key, unknown < MAX_SUGGESTED);
        if (meant !== undefined) misspelt.add(meant);
      }
      unknown++;
      continue;
    }
    // A default may be overridden at run time: the checks across hyperparameters take written values only.
    values.set(canonical, standIn || joined !== undefined ? undefined : staticValue);
    const hyperparameter = facts.hyperparameter(canonical)!;
    // A Pipelines parameter's EnumValues are values a run may pick: each judged where it is written.
    for (const choice of (written && isDynamic(written) && (written as RequestNode).choices) || []) {
      if (choice !== standIn && !isDynamic(choice) && choice.type === 'string') reportValueProblem(context, job, name, hyperparameter, choice, choice.value as string, nodeRange(choice), true);
    }
    // So are they where the parameter is joined (Std:Join): the joined text judged, on the item, without a fix.
    for (const { choice, template } of (written && isDynamic(written) && (written as RequestNode).templateChoices) || []) {
      const text = templateText(template);
      if (text !== undefined) reportValueProblem(context, job, name, hyperparameter, choice, text, nodeRange(choice), false);
    }
    if (staticValue === undefined || !value) continue;
    const problem = reportValueProblem(context, job, name, hyperparameter, value, staticValue, (joined !== undefined && written && singlePartRange(written)) || nodeRange(value), joined === undefined);
    // The container checks across hyperparameters only once every value has parsed.
    if (!problem && hyperparameter.rules && !standIn && joined === undefined) ruled.push({ name: canonical, value: staticValue, node: value });
  }
  if (!job.hyperparametersOpen) reportMissing(context, job, values, misspelt);
  checkHyperparameterConflicts(context, job, values, ruled);
}

/**
 * `algorithm-invalid-hyperparameter` for `staticValue`, the value of `value` (reported at `range`;
 * its fixes rewrite `value` when `rewritable`). Returns the problem, or undefined when it has none.
 */
function reportValueProblem(context: RuleContext, job: AlgorithmJob, name: string, hyperparameter: HyperparameterData, value: Node, staticValue: string, range: OffsetRange, rewritable: boolean): ValueProblem | undefined {
  const { facts } = job;
  const problem = valueProblem(facts, hyperparameter, staticValue);
  if (!problem || !context.isEnabled('algorithm-invalid-hyperparameter')) return problem;
  const severity = severityOf(hyperparameter.evidence, hyperparameter.disputed?.includes(problem.field));
  // An SDK estimator sends a list keyword (`eval_metrics=["msd"]`) as JSON it writes itself: a
  // string in its place would be sent as its characters, so a list's fix is left to the user.
  const replaceable = rewritable && !(job.sdkEstimator && hyperparameter.type === 'list');
  // A list item (a Pipelines parameter's EnumValues) is never changed into another item of its list.
  const taken = otherItemStrings(value);
  const replacements = (problem.replacement === undefined || !replaceable ? [] : [problem.replacement, ...(problem.alternatives ?? [])]).filter((replacement) => !taken?.has(replacement));
  // A guess (equally near values, or none within a typo) is offered, never preferred: fix-all leaves it to the user.
  const fixes: QuickFix[] = replacements.map((replacement, index) => ({
    title: `Change to "${replacement}"`,
    intents: [intent.replaceValue(value, replacement)],
    preferred: index === 0 && !problem.guess,
  }));
  // An SDK estimator's keyword may be named for its class attribute (`max_iterations=`).
  const keyword = job.sdkEstimator && hyperparameter.sdkKeyword !== undefined && hyperparameter.sdkKeyword !== name ? ` (${hyperparameter.sdkKeyword}=)` : '';
  context.report('algorithm-invalid-hyperparameter', `${facts.label} hyperparameter "${name}"${keyword}: ${problem.message}. ${consequence(hyperparameter.evidence)}.`, range, fixes, severity);
  return problem;
}

/**
 * Reports an unknown hyperparameter name; returns the name its preferred fix renames it to (a
 * clear typo of a name the map does not set), else undefined.
 */
function reportUnknownName(context: RuleContext, job: AlgorithmJob, key: Node, suggest: boolean): string | undefined {
  const { facts } = job;
  const name = key.value as string;
  const versions = facts.versionsWith(name);
  if (versions !== undefined) {
    // Known to other versions: only a known version can say it is missing.
    if (facts.version === undefined || !context.isEnabled('algorithm-hyperparameter-version')) return undefined;
    const family = facts.label.replace(/\s+\S+$/, '');
    context.report(
      'algorithm-hyperparameter-version',
      `"${name}" is a hyperparameter of ${family} ${listText(versions)} only, not of ${facts.version}: the container rejects names it does not know. ${consequence('container')}.`,
      nodeRange(key),
      [],
      severityOf(facts.data.evidence),
    );
    return undefined;
  }
  if (!context.isEnabled('algorithm-unknown-hyperparameter')) return undefined;
  const rejected = facts.data.unknownHyperparameters === 'rejected';
  const candidates = suggest ? nearNames(name, facts.hyperparameterNames) : [];
  // A hyperparameter the map sets already (by its name or an alias: `learning_rate` for `eta`) is
  // no fix: the container would get it twice, and a JSON reader or Python keeps only one.
  const set = candidates.length > 0 ? setHyperparameters(job) : undefined;
  // Nor is one a tuning range sets: a tuning job takes a name as static or ranged, not both.
  const ranged = candidates.length > 0 ? rangeNames(job) : undefined;
  const fixes: QuickFix[] = [];
  candidates.forEach((candidate, index) => {
    if (!set!.has(candidate) && !ranged!.has(candidate)) fixes.push({ title: `Change to "${candidate}"`, intents: [intent.renameMember(key, candidate)], preferred: index === 0 && isClearNearest(name, candidates) });
  });
  const meant = fixes[0]?.preferred && fixes[0].title === `Change to "${candidates[0]}"` ? candidates[0] : undefined;
  const needed = meant !== undefined && facts.hyperparameter(meant)?.required === true ? ` ${facts.label} needs it.` : '';
  const nearest = candidates[0];
  const overrides = nearest !== undefined && isMergedMember(findProperty(job.hyperparameters, nearest)) ? ' Written here, it overrides the one the merge key (<<) brings in.' : needed;
  const hint = nearest === undefined ? '' : set!.has(nearest) ? ` Did you mean "${nearest}"? It is set already.` : ranged!.has(nearest) ? ` Did you mean "${nearest}"? It has a tuning range already.` : ` Did you mean "${nearest}"?${overrides}`;
  const message = rejected
    ? `"${name}" is not a hyperparameter of ${facts.label}: the container rejects names it does not know. ${consequence('container')}.${hint}`
    : `"${name}" is not a documented hyperparameter of ${facts.label}; the algorithm may reject it or ignore it.${hint}`;
  context.report('algorithm-unknown-hyperparameter', message, nodeRange(key), fixes, rejected ? 'error' : 'warning');
  return meant;
}

/**
 * The canonical names of the hyperparameters the job's map sets (an alias counts as its name); not
 * one only merged in with a YAML merge key (`<<: *hp`), which a name written in the map overrides.
 */
function setHyperparameters(job: AlgorithmJob): Set<string> {
  const set = new Set<string>();
  for (const property of job.hyperparameters?.children ?? []) {
    if (isMergedMember(property)) continue;
    const name = property.children?.[0]?.value;
    const canonical = typeof name === 'string' ? job.facts.canonicalName(name) : undefined;
    if (canonical !== undefined) set.add(canonical);
  }
  return set;
}

/**
 * Names a typo away (one edit for short names, up to three for long ones: `num_rounds` →
 * `num_round`, not `foo` → `eta`), nearest first. Bounded: a candidate whose length alone rules it out costs nothing, and
 * the distance stops at the bound, so 100 long unknown names cost microseconds.
 */
export function nearNames(name: string, candidates: readonly string[], count = 3): string[] {
  const lowered = name.toLowerCase();
  const limit = name.length <= 4 ? 1 : name.length <= 8 ? 2 : 3;
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - name.length) > limit) continue;
    const distance = editDistance(lowered, candidate.toLowerCase(), limit);
    if (distance <= limit) scored.push({ candidate, distance });
  }
  return scored.sort((a, b) => a.distance - b.distance).slice(0, count).map((entry) => entry.candidate);
}

/** `misspelt`: names an unknown key's preferred fix gives (reportUnknownName), not reported missing as well. */
function reportMissing(context: RuleContext, job: AlgorithmJob, values: HyperparameterValues, misspelt: ReadonlySet<string>): void {
  // A document the parser did not read whole (a YAML syntax error) may hold the hyperparameter after all.
  if (!context.isEnabled('algorithm-missing-hyperparameter') || context.spec.incomplete) return;
  const { facts } = job;
  const ranged = rangeNames(job);
  const present = (name: string) => values.has(name) || ranged.has(name) || misspelt.has(name);
  for (const { name, hyperparameter } of facts.mayBeRequired) {
    // The SDK's Amazon estimators fill these at fit() from the data (feature_dim) or a default.
    if (present(name) || (job.sdkEstimator && hyperparameter.setBySdk)) continue;
    if (hyperparameter.required) {
      reportOneMissing(context, job, name, hyperparameter, '');
      continue;
    }
    const condition = hyperparameter.requiredWhen?.find((candidate) => holds(job, candidate, values));
    if (condition) reportOneMissing(context, job, name, hyperparameter, ` when ${conditionText(condition)}`);
  }
}

/** True only when the condition is known to hold (a dynamic value never makes it hold). */
function holds(job: AlgorithmJob, condition: Condition, values: HyperparameterValues): boolean {
  if ('channel' in condition) {
    const channels = memberValue(job.definition, 'InputDataConfig');
    return (channels?.type === 'array' ? (channels.children ?? []) : []).some((channel) => {
      if (staticString(channel, 'ChannelName') !== condition.channel) return false;
      const contentType = staticString(channel, 'ContentType');
      return contentType !== undefined && condition.contentTypeIn.includes(contentType);
    });
  }
  const value = values.get(condition.parameter);
  if ('present' in condition) return values.has(condition.parameter);
  if (value === undefined) return false;
  return 'equals' in condition ? value === condition.equals : condition.in.includes(value);
}

function conditionText(condition: Condition): string {
  if ('channel' in condition) return `channel ${condition.channel} has ContentType ${listText(condition.contentTypeIn, 'or')}`;
  if ('present' in condition) return `${condition.parameter} is set`;
  if ('equals' in condition) return `${condition.parameter} is ${condition.equals}`;
  return `${condition.parameter} is ${listText(condition.in, 'or')}`;
}

function reportOneMissing(context: RuleContext, job: AlgorithmJob, name: string, hyperparameter: HyperparameterData, when: string): void {
  const { facts } = job;
  const map = job.hyperparameters;
  const key = map ? keyOfValue(map) : undefined;
  const range = key ? nodeRange(key) : nodeRange(job.image.written ?? job.image.value);
  // An SDK estimator takes the hyperparameter as a keyword argument, named for its class attribute.
  const written = job.sdkEstimator ? (hyperparameter.sdkKeyword ?? name) : name;
  const fix: QuickFix = {
    title: `Add hyperparameter "${written}"`,
    intents: [map ? intent.setMember(map, [written], '') : intent.setMember(job.definition, [job.hyperparametersMember, written], '')],
    preferred: true,
    leavesPlaceholder: true,
  };
  // Only the SDK's Amazon estimators fill it (those jobs never get here): not the generic Estimator.
  const sdk = hyperparameter.setBySdk ? ` (${sdkFiller(facts.repository)} at fit(); a request written by hand or with the generic Estimator must set it)` : '';
  const evidence: Evidence = when === '' && hyperparameter.required === true ? REQUIRED_IN_EVERY_REQUEST : hyperparameter.evidence;
  context.report(
    'algorithm-missing-hyperparameter',
    `${facts.label} needs the hyperparameter "${name}"${when} (${describeHyperparameter(hyperparameter)})${sdk}. ${consequence(evidence)}.`,
    range,
    [fix],
    severityOf(evidence, hyperparameter.disputed?.includes('required')),
  );
}

/** Who fills in a hyperparameter the SDK sets at fit(): this algorithm's own estimator class (`KMeans(…)`), when it has one. */
function sdkFiller(repository: string): string {
  const estimator = sdkEstimatorClassOf(repository);
  return estimator ? `the SDK's ${estimator}(…) estimator fills it in` : 'the SDK\'s algorithm estimators fill it in';
}

/**
 * `an integer in [1, ∞)`, `one of binary_classifier, regressor`: for messages, completion and
 * hover. `maxListed`: past this many allowed values, the first ones and how many more (a
 * completion item's one-line detail: XGBoost's `_tuning_objective_metric` has 33).
 */
export function describeHyperparameter(hyperparameter: HyperparameterData, maxListed = Infinity): string {
  const interval = intervalText(hyperparameter);
  switch (hyperparameter.type) {
    case 'integer':
      return interval ? `an integer in ${interval}` : 'an integer';
    case 'float':
      return interval ? `a number in ${interval}` : 'a number';
    case 'categorical': {
      const allowed = hyperparameter.allowedValues ?? [];
      return allowed.length > maxListed ? `one of ${allowed.slice(0, maxListed).join(', ')} and ${allowed.length - maxListed} more` : `one of ${allowed.join(', ')}`;
    }
    case 'boolean-string':
      return (hyperparameter.allowedValues ?? ['true', 'false']).join(' or ');
    case 'list':
      return `a list (${hyperparameter.list?.format ?? 'comma-separated'})`;
    default:
      return hyperparameter.pattern ? `a string matching ${hyperparameter.pattern}` : 'a string';
  }
}

/** The text of a template whose parts are all text (no placeholder), else undefined. */
function wholeTemplateText(node: Node): string | undefined {
  const parts = (node as RequestNode).template;
  return parts && templateText(parts);
}

/** The text of `parts` when they are all text (no placeholder), else undefined. */
function templateText(parts: readonly TemplatePart[]): string | undefined {
  if (parts.some((part) => part.kind !== 'text')) return undefined;
  return parts.map((part) => (part.kind === 'text' ? part.value : '')).join('');
}

/** Where a template's one text part is written (a joined default's literal); undefined for several parts. */
function singlePartRange(node: Node): { offset: number; length: number } | undefined {
  const parts = (node as RequestNode).template;
  const part = parts?.length === 1 ? parts[0] : undefined;
  if (part?.kind !== 'text') return undefined;
  return { offset: part.offsets[0], length: part.offsets[part.value.length] - part.offsets[0] };
}
