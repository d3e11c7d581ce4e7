/**
 * XGBoost's checks across hyperparameters (`algorithm-hyperparameter-conflict`): the container's
 * dependency validators, which run once every value has parsed and stop the job inside the
 * running container — eval_metric without objective, `auc` with a regression objective,
 * monotone_constraints without an explicit tree_method, updater plugins that do not fit the
 * booster. The facts are the `rules` of data/algorithms.json, each applied from its `since`
 * version on (a floating tag gets only the rules of every version).
 *
 * Only what the request states is judged: a hyperparameter given as a tuning range, a computed
 * value, or a map with computed members makes the other side unknown, and an unknown side never
 * makes a finding. A value the algorithm refuses on its own is left to
 * `algorithm-invalid-hyperparameter` (the container stops there, before these checks).
 */
import type { Node } from 'jsonc-parser';
import type { HyperparameterRuleData } from '../../algorithms/algorithmData';
import type { AlgorithmJob } from '../../algorithms/algorithmJobs';
import { valueProblem } from '../../algorithms/hyperparameterValue';
import { intent } from '../../edits/editIntent';
import type { QuickFix } from '../../findings';
import { nodeRange, type RuleContext } from '../ruleContext';
import { consequence, listText, severityOf } from './algorithmSeverity';
import { rangeNames } from './tuningRules';

const CODE = 'algorithm-hyperparameter-conflict';

/** The hyperparameter the metric rules read (XGBoost's eval_metric check reads `objective`). */
const OBJECTIVE = 'objective';

/** A hyperparameter with cross rules, set to a static value the algorithm accepts on its own. */
export interface RuledHyperparameter {
  /** Canonical name (an alias already mapped). */
  name: string;
  value: string;
  /** The value's node: where a finding goes. */
  node: Node;
}

/**
 * What the request says of one hyperparameter: not set; set to a static value the algorithm
 * accepts; or set in a way not known here (computed, a tuning range, a refused value, or
 * possibly set by computed members of the map).
 */
type Setting = { kind: 'absent' } | { kind: 'value'; value: string } | { kind: 'unknown' };

/**
 * Reports the cross-hyperparameter rules that `ruled` (from the map pass of
 * hyperparameterRules.ts) break; `values` maps every canonical name of the map to its static value
 * (undefined when computed).
 */
export function checkHyperparameterConflicts(context: RuleContext, job: AlgorithmJob, values: ReadonlyMap<string, string | undefined>, ruled: readonly RuledHyperparameter[]): void {
  if (ruled.length === 0 || !context.isEnabled(CODE)) return;
  const { facts } = job;
  let ranged: Set<string> | undefined;
  const setting = (name: string): Setting => {
    if (values.has(name)) {
      const value = values.get(name);
      const hyperparameter = facts.hyperparameter(name);
      if (value === undefined || !hyperparameter || valueProblem(facts, hyperparameter, value)) return { kind: 'unknown' };
      return { kind: 'value', value };
    }
    ranged ??= rangeNames(job);
    return ranged.has(name) || job.hyperparametersOpen ? { kind: 'unknown' } : { kind: 'absent' };
  };
  for (const entry of ruled) {
    const rules = (facts.hyperparameter(entry.name)?.rules ?? []).filter((rule) => !('since' in rule) || facts.atLeast(rule.since));
    for (const conflict of conflicts(entry, rules, setting)) {
      const hyperparameter = facts.hyperparameter(entry.name)!;
      const fixes: QuickFix[] =
        conflict.missing !== undefined && job.hyperparameters
          ? [{ title: `Add hyperparameter "${conflict.missing}"`, intents: [intent.setMember(job.hyperparameters, [conflict.missing], '')], preferred: true, leavesPlaceholder: true }]
          : [];
      context.report(CODE, `${facts.label} hyperparameter "${entry.name}": ${conflict.message}. ${consequence(hyperparameter.evidence)}.`, nodeRange(entry.node), fixes, severityOf(hyperparameter.evidence));
    }
  }
}

interface Conflict {
  /** Why, in our words, without the label and the consequence. */
  message: string;
  /** A hyperparameter to add (with a placeholder value the user fills in), when that is the fix. */
  missing?: string;
}

/** The rules `entry` breaks, in the container's order; one finding per broken rule. */
function conflicts(entry: RuledHyperparameter, rules: readonly HyperparameterRuleData[], setting: (name: string) => Setting): Conflict[] {
  const found: Conflict[] = [];
  const items = entry.value.split(',').map((item) => item.trim());
  let objectiveMissingReported = false;
  let updaterDecided = false;
  for (const rule of rules) {
    switch (rule.rule) {
      case 'requires-parameter':
        if (setting(rule.parameter).kind === 'absent') {
          found.push({ message: `"${rule.parameter}" must be set as well: the container reads it while checking "${entry.name}", and stops with an error when it is missing`, missing: rule.parameter });
          if (rule.parameter === OBJECTIVE) objectiveMissingReported = true;
        }
        break;
      case 'requires-parameter-value': {
        const other = setting(rule.parameter);
        const needed = `"${rule.parameter}" set to ${listText(rule.in, 'or')}`;
        if (other.kind === 'absent') {
          found.push({ message: `it needs ${needed}, and "${rule.parameter}" is not set (the container does not assume a value for it)`, missing: rule.parameter });
        } else if (other.kind === 'value' && !rule.in.includes(other.value)) {
          found.push({ message: `it needs ${needed}, not "${other.value}"` });
        }
        break;
      }
      case 'metric-needs-objective-prefix':
      case 'metric-needs-objective': {
        if (!items.includes(rule.metric)) break;
        const objective = setting(OBJECTIVE);
        const accepts = (value: string) => (rule.rule === 'metric-needs-objective' ? rule.objectives.includes(value) : rule.objectivePrefixes.some((prefix) => value.startsWith(prefix)));
        const needed = rule.rule === 'metric-needs-objective' ? `the objective ${listText(rule.objectives, 'or')}` : `an objective starting with ${listText(rule.objectivePrefixes, 'or')}`;
        if (objective.kind === 'absent' && !objectiveMissingReported) {
          found.push({ message: `the metric "${rule.metric}" needs ${needed}, and "${OBJECTIVE}" is not set`, missing: OBJECTIVE });
          objectiveMissingReported = true;
        } else if (objective.kind === 'value' && !accepts(objective.value)) {
          found.push({ message: `the metric "${rule.metric}" needs ${needed}, not "${objective.value}"` });
        }
        break;
      }
      case 'gblinear-single-linear-updater':
      case 'process-update-plugins':
      case 'single-tree-grow-plugin': {
        // The container's if / elif / else: the first rule whose condition holds decides; an unknown condition decides nothing.
        if (updaterDecided) break;
        const holds = rule.rule === 'single-tree-grow-plugin' ? true : conditionHolds(rule.when, setting);
        if (holds === false) break;
        updaterDecided = true;
        if (holds) found.push(...updaterConflicts(rule, items));
        break;
      }
      default:
        // threshold-form and no-callables are forms of one value: hyperparameterValue.ts reads them.
        break;
    }
  }
  return found;
}

/** True or false when the request says; undefined when the parameter's value is not known here (the container's `dependencies.get(…) == …`: not set is false). */
function conditionHolds(condition: { parameter: string; equals: string }, setting: (name: string) => Setting): boolean | undefined {
  const value = setting(condition.parameter);
  if (value.kind === 'unknown') return undefined;
  return value.kind === 'value' && value.value === condition.equals;
}

function updaterConflicts(rule: Extract<HyperparameterRuleData, { rule: 'gblinear-single-linear-updater' | 'process-update-plugins' | 'single-tree-grow-plugin' }>, items: readonly string[]): Conflict[] {
  switch (rule.rule) {
    case 'gblinear-single-linear-updater':
      if (items.length === 1 && rule.plugins.includes(items[0])) return [];
      return [{ message: `with "${rule.when.parameter}" ${rule.when.equals} it must be exactly one of ${listText(rule.plugins, 'or')}` }];
    case 'process-update-plugins': {
      const others = items.filter((item) => !rule.plugins.includes(item));
      if (others.length === 0) return [];
      return [{ message: `with "${rule.when.parameter}" ${rule.when.equals} it may list only ${listText(rule.plugins)}, not ${listText(others.map((item) => `"${item}"`))}` }];
    }
    default: {
      const found: Conflict[] = [];
      const linear = items.filter((item) => rule.rejectedPlugins.includes(item));
      if (linear.length > 0) found.push({ message: `${listText(linear.map((item) => `"${item}"`))} ${linear.length > 1 ? 'are updaters' : 'is an updater'} of the linear booster, refused unless "booster" is gblinear` });
      const grow = items.filter((item) => rule.growPlugins.includes(item));
      if (grow.length > 1) found.push({ message: `it lists ${grow.length} tree-growing plugins (${grow.join(', ')}), and the container takes at most one` });
      return found;
    }
  }
}
