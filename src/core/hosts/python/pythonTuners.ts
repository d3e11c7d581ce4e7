/**
 * The SageMaker Python SDK's `HyperparameterTuner(estimator, objective_metric_name,
 * hyperparameter_ranges, metric_definitions, strategy, objective_type, …)` (v2,
 * `sagemaker/tuner.py`), read for the built-in algorithm estimator it takes: its objective as a
 * `TuningObjective` (`MetricName`, `Type`) and its ranges as `HyperParameterRanges`
 * (`IntegerParameterRanges`, `ContinuousParameterRanges`, `CategoricalParameterRanges`), the
 * objects a tuning job's training job definition holds, so the tuning rules judge them as they
 * judge a CreateHyperParameterTuningJob. Each value is the string the SDK sends (`str(value)`,
 * `ParameterRange.as_tuning_range`), on the Python text it comes from.
 *
 * A range's name is its dict key as written: the SDK sends it as the range's `Name` unchanged,
 * also for the Amazon estimators (`KMeans`' `center_factor=` keyword is the hyperparameter
 * `extra_center_factor`, and a range must say `extra_center_factor`).
 *
 * Only the tuner and range classes imported from `sagemaker` count (`from sagemaker.tuner import
 * HyperparameterTuner`, `sagemaker.tuner.IntegerParameter`, `from sagemaker.parameter import …`).
 */
import type { Node } from 'jsonc-parser';
import type { SdkTuner } from '../../specDocument';
import { addMember, callArguments, resolved, sentValue, syntheticObject, type EstimatorMethodCall } from './pythonEstimators';
import type { PythonScopes } from './pythonScopes';
import { importBindings } from './pythonImports';
import { calleeName, childrenOf, dottedName, type SyntaxNode } from './pythonSyntax';
import { argumentsInfo, type PythonNode, type PythonValues } from './pythonValues';

/** The classes each SDK module exports that this module reads. */
const MODULE_CLASSES: Readonly<Record<string, readonly string[]>> = {
  'sagemaker.tuner': ['HyperparameterTuner', 'ContinuousParameter', 'IntegerParameter', 'CategoricalParameter'],
  'sagemaker.parameter': ['ContinuousParameter', 'IntegerParameter', 'CategoricalParameter'],
};

/** The request member each range class becomes (`ParameterRange.__all_types__`). */
const RANGE_KINDS: Readonly<Record<string, 'ContinuousParameterRanges' | 'IntegerParameterRanges' | 'CategoricalParameterRanges'>> = {
  ContinuousParameter: 'ContinuousParameterRanges',
  IntegerParameter: 'IntegerParameterRanges',
  CategoricalParameter: 'CategoricalParameterRanges',
};

/**
 * `HyperparameterTuner.__init__`'s leading parameters, in order: what positional arguments are.
 * Every v2 release shares this prefix.
 */
const TUNER_PARAMETERS = ['estimator', 'objective_metric_name', 'hyperparameter_ranges', 'metric_definitions', 'strategy', 'objective_type'];

/** The objective direction the SDK sends when `objective_type=` is not given. */
const DEFAULT_OBJECTIVE_TYPE = 'Maximize';

/** How this file may name the SDK's tuning classes. */
export interface TuningNames {
  /** local name → class name (`from sagemaker.tuner import IntegerParameter as IP`: `IP` → `IntegerParameter`). */
  classes: Map<string, string>;
  /** local name → the module it is bound to (`import sagemaker`: `sagemaker`; `from sagemaker import tuner as t`: `t` → `sagemaker.tuner`). */
  modules: Map<string, string>;
}

/** The file's import statements (in functions and blocks too), read for the tuning classes and their modules. */
export function tuningNames(text: string, imports: readonly SyntaxNode[]): TuningNames {
  const names: TuningNames = { classes: new Map(), modules: new Map() };
  for (const binding of importBindings(text, imports)) {
    if ('from' in binding) {
      if (MODULE_CLASSES[binding.from]?.includes(binding.imported)) names.classes.set(binding.bound, binding.imported);
      else if (binding.from === 'sagemaker' && Object.hasOwn(MODULE_CLASSES, `sagemaker.${binding.imported}`)) names.modules.set(binding.bound, `sagemaker.${binding.imported}`);
    } else if (binding.module === 'sagemaker' || Object.hasOwn(MODULE_CLASSES, binding.module)) {
      // `import sagemaker`, `import sagemaker.tuner` (binds `sagemaker`), `import sagemaker.tuner as t`
      names.modules.set(binding.bound, binding.aliased ? binding.module : 'sagemaker');
    }
  }
  return names;
}

/** The SDK tuning class a call names (`HyperparameterTuner`, `IntegerParameter`, …), or undefined when it is not one imported from `sagemaker`. */
function tuningClassOf(text: string, call: SyntaxNode, names: TuningNames): string | undefined {
  const callee = calleeName(text, call);
  if (!callee) return undefined;
  if (!callee.receiver) return names.classes.get(callee.name);
  const receiver = dottedName(text, callee.receiver);
  if (receiver === undefined) return undefined;
  const head = receiver.split('.')[0];
  const module = names.modules.get(head);
  if (module === undefined) return undefined;
  return MODULE_CLASSES[module + receiver.slice(head.length)]?.includes(callee.name) ? callee.name : undefined;
}

/**
 * The objective and ranges of every SDK `HyperparameterTuner(…)` among `tuners` (the file's calls
 * named so, with their estimator argument as receiver) whose estimator is the call `estimator`
 * (in place, or through a name bound once). A tuner whose arguments Python would refuse (a
 * parameter given twice) sends nothing and gives nothing.
 */
export function tunersOf(values: PythonValues, scopes: PythonScopes, estimator: SyntaxNode, tuners: readonly EstimatorMethodCall[], names: TuningNames): SdkTuner[] {
  const found: SdkTuner[] = [];
  for (const tuner of tuners) {
    const target = tuner.receiver && resolved(scopes, tuner.receiver);
    if (!target || target.from !== estimator.from || target.to !== estimator.to) continue;
    const call = tuner.argList.parent;
    if (!call || tuningClassOf(values.text, call, names) !== 'HyperparameterTuner') continue;
    const read = tunerOf(values, scopes, tuner.argList, names);
    if (read) found.push(read);
  }
  return found;
}

/** One tuner's objective and ranges (each undefined when its argument is not written or not a literal). */
function tunerOf(values: PythonValues, scopes: PythonScopes, argList: SyntaxNode, names: TuningNames): SdkTuner | undefined {
  const written = callArguments(values.text, argList);
  const argument = new Map(written.keywords);
  // After `*args` a position says nothing: only keywords are known then.
  if (!written.unpacked) {
    for (let index = 0; index < written.positional.length && index < TUNER_PARAMETERS.length; index++) {
      if (argument.has(TUNER_PARAMETERS[index])) return undefined; // a TypeError: nothing is sent
      argument.set(TUNER_PARAMETERS[index], written.positional[index]);
    }
  }
  const tuner: SdkTuner = {};
  const metricSyntax = argument.get('objective_metric_name');
  if (metricSyntax) {
    const objective = syntheticObject(argList.from, argList.to - argList.from, undefined);
    const metric: PythonNode = values.node(metricSyntax, undefined);
    addMember(objective, 'MetricName', metric);
    const typeSyntax = argument.get('objective_type');
    if (typeSyntax) addMember(objective, 'Type', values.node(typeSyntax, undefined));
    else if (!written.unpacked) addMember(objective, 'Type', defaultObjectiveType(argList, metric));
    tuner.objective = objective;
  }
  const rangesSyntax = argument.get('hyperparameter_ranges');
  if (rangesSyntax) {
    const read = rangesOf(values, scopes, resolved(scopes, rangesSyntax), names);
    tuner.ranges = read?.ranges;
    tuner.rangesComplete = read?.complete === true;
  }
  return tuner;
}

/**
 * The `Type` the SDK sends when `objective_type=` is not written: "Maximize", standing on the
 * metric (what it applies to). A fix writes `objective_type=…` into the tuner's call.
 */
function defaultObjectiveType(argList: SyntaxNode, metric: PythonNode): PythonNode {
  const range = { offset: metric.offset, length: metric.length };
  const content = metric.content ?? range;
  return { type: 'string', value: DEFAULT_OBJECTIVE_TYPE, ...range, content, python: { kind: 'defaultArgument', keyword: 'objective_type', call: argumentsInfo(argList, 'call') } };
}

/**
 * `{"name": IntegerParameter(min, max), …}` (a dict literal) as a `HyperParameterRanges` object.
 * An entry whose key is not a literal string or whose value is not an SDK range class call is
 * left out (it cannot be judged); a bound that is not a literal is dynamic.
 */
function rangesOf(values: PythonValues, scopes: PythonScopes, dict: SyntaxNode, names: TuningNames): { ranges: PythonNode; complete: boolean } | undefined {
  if (dict.name !== 'DictionaryExpression') return undefined;
  const ranges = syntheticObject(dict.from, dict.to - dict.from, undefined);
  const lists = new Map<string, PythonNode>();
  const children = childrenOf(dict);
  let complete = true;
  for (let i = 0; i < children.length; i++) {
    const key = children[i];
    const value = children[i + 2];
    if (key.name === '{' || key.name === '}' || key.name === ',') continue;
    if (key.name !== 'String' || children[i + 1]?.name !== ':' || !value) {
      complete = false; // `**more`, a computed key: names we cannot read
      continue;
    }
    i += 2;
    const call = resolved(scopes, value);
    const className = call.name === 'CallExpression' ? tuningClassOf(values.text, call, names) : undefined;
    const kind = className !== undefined && Object.hasOwn(RANGE_KINDS, className) ? RANGE_KINDS[className] : undefined;
    const rangeArguments = call.getChild('ArgList');
    if (!kind || !rangeArguments) {
      complete = false;
      continue;
    }
    let list = lists.get(kind);
    if (!list) {
      list = { type: 'array', offset: dict.from, length: dict.to - dict.from, children: [] };
      lists.set(kind, list);
      addMember(ranges, kind, list);
    }
    const entry = syntheticObject(key.from, value.to - key.from, list);
    addMember(entry, 'Name', values.string(key, undefined));
    const rangeCall = callArguments(values.text, rangeArguments);
    const parameter = (name: string, position: number): PythonNode | undefined => {
      const syntax = rangeCall.keywords.get(name) ?? (rangeCall.unpacked ? undefined : rangeCall.positional[position]);
      return syntax && values.node(syntax, undefined);
    };
    if (kind === 'CategoricalParameterRanges') {
      const written = parameter('values', 0);
      if (written) addMember(entry, 'Values', categoricalValues(values.text, written));
    } else {
      for (const [member, name, position] of [['MinValue', 'min_value', 0], ['MaxValue', 'max_value', 1]] as const) {
        const bound = parameter(name, position);
        if (bound) addMember(entry, member, sentValue(values.text, bound));
      }
    }
    list.children!.push(entry);
  }
  return { ranges, complete };
}

/** `CategoricalParameter(values)`'s values as sent: each `str(v)`; a single value stands for a list of one. */
function categoricalValues(text: string, written: PythonNode): PythonNode {
  if (written.type !== 'array' || written.dynamic) {
    const list: PythonNode = { type: 'array', offset: written.offset, length: written.length, children: [] };
    if (!written.dynamic) list.children!.push(sentValue(text, written) as Node);
    else list.dynamic = true;
    return list;
  }
  const list: PythonNode = { ...written, children: [] };
  for (const item of written.children ?? []) {
    const sent = sentValue(text, item as PythonNode);
    (sent as { parent?: Node }).parent = list;
    list.children!.push(sent);
  }
  return list;
}
