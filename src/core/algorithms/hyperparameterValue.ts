/**
 * Whether a hyperparameter value (always a string in the request) is one the algorithm parses
 * and accepts: the typed parse (`int()`, `float()`), bounds with their inclusiveness, allowed
 * values, list formats, patterns, and values wrapped in an extra pair of quotes. Pure and cheap:
 * a few comparisons per value, so 16,000 entries cost little.
 */
import { closestMatches, editDistance } from '../closestMatches';
import type { HyperparameterData, HyperparameterRuleData, ListFormatData } from './algorithmData';
import type { AlgorithmFacts } from './algorithmTable';

export interface ValueProblem {
  /** Why, in our words, naming the value (`"1.5" is above the upper bound 1 (inclusive)`). */
  message: string;
  /** The field of the facts the check used (`min`, `allowedValues`, …): a disputed field is reported as a warning. */
  field: string;
  /** A value that fixes it (the unquoted value, the nearest allowed value), when one is clear. */
  replacement?: string;
  /** Further replacements offered (other near allowed values). */
  alternatives?: string[];
  /**
   * Set when the replacement is a guess: among equally near allowed values (`"2"` for `0`/`1`),
   * or further than a typo (`multiclass_classifier` → `binary_classifier` changes what is
   * trained). Offered, but not preferred, so fix-all never picks it for the user.
   */
  guess?: true;
}

const INTEGER = /^\s*[+-]?\d+\s*$/;
const FLOAT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$|^\s*[+-]?(inf|infinity|nan)\s*$/i;

/** The value's problem for `hyperparameter` in `facts`' version, or undefined when it is accepted. */
export function valueProblem(facts: AlgorithmFacts, hyperparameter: HyperparameterData, value: string): ValueProblem | undefined {
  if (hyperparameter.specialValues?.includes(value)) return undefined;
  const unquoted = /^"(.*)"$|^'(.*)'$/s.exec(value);
  if (unquoted && value.length >= 2) {
    const inner = unquoted[1] ?? unquoted[2];
    if (valueProblem(facts, hyperparameter, inner) === undefined || hyperparameter.type !== 'string') {
      return { message: `"${value}" is wrapped in an extra pair of quotes, which the algorithm reads as part of the value`, field: 'type', replacement: inner };
    }
  }
  if (value.trim() === '' && hyperparameter.type !== 'string') return { message: 'the value is empty', field: 'type' };
  switch (hyperparameter.type) {
    case 'integer':
      return numberProblem(hyperparameter, value, true);
    case 'float':
      return numberProblem(hyperparameter, value, false);
    case 'categorical':
      return allowedProblem(facts, hyperparameter, value);
    case 'boolean-string':
      return booleanProblem(facts, hyperparameter, value);
    case 'list':
      return hyperparameter.list ? listProblem(facts, hyperparameter, hyperparameter.list, value) : undefined;
    case 'string':
      if (hyperparameter.pattern !== undefined && !new RegExp(hyperparameter.pattern).test(value)) {
        return { message: `"${value}" is not in the form the algorithm reads (${hyperparameter.pattern})`, field: 'pattern' };
      }
      return undefined;
    default:
      return undefined;
  }
}

function numberProblem(hyperparameter: HyperparameterData, value: string, integer: boolean): ValueProblem | undefined {
  if (integer && !INTEGER.test(value)) {
    const number = FLOAT.test(value) ? Number(value) : Number.NaN;
    if (Number.isInteger(number)) {
      return { message: `"${value}" is not an integer (the algorithm parses it with int(), which refuses a decimal point)`, field: 'type', replacement: String(number) };
    }
    // A 0/1 flag (XGBoost's csv_weights) written as a boolean (`True` from the SDK's str(True)).
    const meaning = booleanMeaning(value);
    if (meaning !== undefined && hyperparameter.min === 0 && hyperparameter.max === 1 && hyperparameter.minInclusive !== false && hyperparameter.maxInclusive !== false) {
      return { message: `"${value}" is not an integer (the algorithm reads this flag as 0 or 1)`, field: 'type', replacement: meaning ? '1' : '0' };
    }
    return { message: `"${value}" is not an integer`, field: 'type' };
  }
  if (!integer && !FLOAT.test(value)) return { message: `"${value}" is not a number`, field: 'type' };
  return boundsProblem(hyperparameter, value, Number(value));
}

/** Names the bound a number breaks and whether that bound is itself allowed. */
export function boundsProblem(
  bounds: Pick<HyperparameterData, 'min' | 'minInclusive' | 'max' | 'maxInclusive'>,
  value: string,
  number: number,
): ValueProblem | undefined {
  if (bounds.min !== undefined && (bounds.minInclusive === false ? !(number > bounds.min) : !(number >= bounds.min))) {
    const inclusive = bounds.minInclusive === false ? 'exclusive: the value must be above it' : 'inclusive';
    return { message: `"${value}" is below the lower bound ${bounds.min} (${inclusive})${rangeText(bounds)}`, field: 'min' + (number === bounds.min ? 'Inclusive' : '') };
  }
  if (bounds.max !== undefined && (bounds.maxInclusive === false ? !(number < bounds.max) : !(number <= bounds.max))) {
    const inclusive = bounds.maxInclusive === false ? 'exclusive: the value must be below it' : 'inclusive';
    return { message: `"${value}" is above the upper bound ${bounds.max} (${inclusive})${rangeText(bounds)}`, field: 'max' + (number === bounds.max ? 'Inclusive' : '') };
  }
  return undefined;
}

/** `; the range is (0, 1]` in interval notation. */
export function rangeText(bounds: Pick<HyperparameterData, 'min' | 'minInclusive' | 'max' | 'maxInclusive'>): string {
  const interval = intervalText(bounds);
  return interval === undefined ? '' : `; the range is ${interval}`;
}

/** `(0, 1]`, `[1, ∞)`; undefined without bounds. */
export function intervalText(bounds: Pick<HyperparameterData, 'min' | 'minInclusive' | 'max' | 'maxInclusive'>): string | undefined {
  if (bounds.min === undefined && bounds.max === undefined) return undefined;
  const low = bounds.min === undefined ? '(-∞' : `${bounds.minInclusive === false ? '(' : '['}${bounds.min}`;
  const high = bounds.max === undefined ? '∞)' : `${bounds.max}${bounds.maxInclusive === false ? ')' : ']'}`;
  return `${low}, ${high}`;
}

function allowedProblem(facts: AlgorithmFacts, hyperparameter: HyperparameterData, value: string): ValueProblem | undefined {
  // Most values are allowed: said without listing the version's values (a fifth of the hyperparameter checks' time).
  if (hyperparameter.allowedValues?.includes(value) && facts.valueInVersion(hyperparameter, value)) return undefined;
  const inVersion = (hyperparameter.allowedValues ?? []).filter((candidate) => facts.valueInVersion(hyperparameter, candidate));
  if (inVersion.length === 0 || inVersion.includes(value)) return undefined;
  const allowed = facts.offeredValues(hyperparameter);
  if (hyperparameter.allowedValues?.includes(value)) {
    return { message: `"${value}" is not accepted by ${facts.label}${versionsText(facts, hyperparameter.valueVersions?.[value])}`, field: 'allowedValues', ...nearest(value, allowed) };
  }
  const flag = booleanPair(allowed);
  const reads = flag && booleanMeaning(value) !== undefined ? `: the algorithm reads this flag as ${flag.truthy} for true and ${flag.falsy} for false` : '';
  return { message: `"${value}" is not one of the allowed values (${shortList(allowed)})${reads}`, field: 'allowedValues', ...nearest(value, allowed) };
}

/** ` (only XGBoost 1.2-1 and later have it)` */
function versionsText(facts: AlgorithmFacts, range: { since?: string; until?: string } | undefined): string {
  if (!range) return '';
  const name = facts.label.replace(/\s+\S+$/, '');
  if (range.since && range.until) return ` (only ${name} ${range.since} to ${range.until} accept it)`;
  if (range.since) return ` (only ${name} ${range.since} and later accept it)`;
  return range.until ? ` (only ${name} ${range.until} and earlier accept it)` : '';
}

function booleanProblem(facts: AlgorithmFacts, hyperparameter: HyperparameterData, value: string): ValueProblem | undefined {
  const allowed = hyperparameter.allowedValues ?? ['true', 'false'];
  // Only the XGBoost container is known to compare exactly; elsewhere the case is not established.
  const exact = hyperparameter.evidence === 'container';
  if (exact ? allowed.includes(value) : allowed.some((candidate) => candidate.toLowerCase() === value.toLowerCase())) return undefined;
  const sameCase = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
  if (sameCase !== undefined) {
    return { message: `"${value}" is not read as a boolean: ${facts.label} compares the spelling exactly and accepts only ${allowed.join(' or ')}`, field: 'allowedValues', replacement: sameCase };
  }
  return { message: `"${value}" is not a boolean (${allowed.join(' or ')})`, field: 'allowedValues', ...nearest(value, allowed) };
}

function listProblem(facts: AlgorithmFacts, hyperparameter: HyperparameterData, list: ListFormatData, value: string): ValueProblem | undefined {
  // XGBoost's container splits on commas and trims nothing: `rmse, auc` asks for the metric " auc".
  if (list.format === 'comma-separated' && hyperparameter.evidence === 'container' && !value.startsWith('[')) {
    const raw = value.split(',');
    const padded = raw.find((item) => item !== item.trim() && item.trim() !== '');
    if (padded !== undefined) {
      return {
        message: `the item "${padded}" has spaces around it, which the container keeps (it splits the list on commas and trims nothing), so it is not a value it knows`,
        field: 'list',
        replacement: raw.map((item) => item.trim()).join(','),
      };
    }
  }
  const items = listItems(list.format, value.trim());
  if (items === undefined) return { message: `"${value}" is not ${formatText(list.format)}`, field: 'list' };
  for (let index = 0; index < items.length; index++) {
    const problem = itemProblem(facts, hyperparameter, list, items[index]);
    if (!problem) continue;
    if (problem.replacement === undefined) return problem;
    // The item's fixes, as whole values: only that item changes.
    const whole = [problem.replacement, ...(problem.alternatives ?? [])]
      .map((item) => replaceItem(list.format, value, index, items[index], item))
      .filter((candidate): candidate is string => candidate !== undefined);
    const found: ValueProblem = { message: problem.message, field: problem.field, ...(problem.guess && { guess: true as const }) };
    return whole.length === 0 ? found : { ...found, replacement: whole[0], alternatives: whole.slice(1) };
  }
  return undefined;
}

/**
 * `value` with its item number `index` (read as `item`) replaced by `replacement`, everything else
 * as written; undefined when the item cannot be found again (a JSON item written twice).
 */
function replaceItem(format: ListFormatData['format'], value: string, index: number, item: string, replacement: string): string | undefined {
  if (value.trim().startsWith('[') || format === 'json-array') {
    const quoted = JSON.stringify(item);
    const parts = value.split(quoted);
    return parts.length === 2 ? `${parts[0]}${JSON.stringify(replacement)}${parts[1]}` : undefined;
  }
  if (format !== 'comma-separated' && format !== 'comma-separated or json-array') return undefined;
  const pieces = value.split(',');
  const piece = pieces[index];
  if (piece === undefined || piece.trim() !== item) return undefined;
  pieces[index] = piece.replace(item, replacement);
  return pieces.join(',');
}

/** The items of a list value in `format`, or undefined when the value is not in that format. */
function listItems(format: ListFormatData['format'], value: string): string[] | undefined {
  switch (format) {
    case 'comma-separated':
      return value.startsWith('[') ? undefined : value.split(',').map((item) => item.trim());
    case 'json-array':
      return jsonItems(value);
    case 'comma-separated or json-array':
      return value.startsWith('[') ? jsonItems(value) : value.split(',').map((item) => item.trim());
    case 'python-tuple':
    case 'nested-list': {
      // `(1,0,-1)` / `[[1,2],[3,4]]`: read the brackets as a JSON array, then flatten the groups.
      const json = format === 'python-tuple' ? value.replace(/^\((.*)\)$/s, '[$1]').replace(/,\s*\]$/, ']') : value.replace(/\(/g, '[').replace(/\)/g, ']');
      const items = jsonItems(json, format === 'nested-list');
      return items;
    }
    default:
      return undefined;
  }
}

function jsonItems(value: string, nested = false): string[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  const flat = nested ? parsed.flatMap((group: unknown) => (Array.isArray(group) ? group : [Symbol.for('not-a-group')])) : parsed;
  if (flat.some((item: unknown) => typeof item === 'symbol' || (typeof item === 'object' && item !== null))) return undefined;
  return flat.map((item: unknown) => String(item));
}

function itemProblem(facts: AlgorithmFacts, hyperparameter: HyperparameterData, list: ListFormatData, item: string): ValueProblem | undefined {
  if (item === '') return { message: 'the list has an empty item', field: 'list' };
  if (list.itemAllowedValues) {
    const form = itemFormProblem(hyperparameter, item);
    if (form !== null) return form;
    const allowed = list.itemAllowedValues.filter((candidate) => facts.valueInVersion(hyperparameter, candidate));
    if (!allowed.includes(item)) {
      const inOther = list.itemAllowedValues.includes(item) ? versionsText(facts, hyperparameter.valueVersions?.[item]) : '';
      return { message: `the item "${item}" is not one of the allowed values${inOther || ` (${shortList(allowed)})`}`, field: 'list', ...nearest(item, allowed, true) };
    }
    return undefined;
  }
  if (list.itemType === 'integer' && !INTEGER.test(item)) return { message: `the item "${item}" is not an integer`, field: 'list' };
  if (list.itemType === 'float' && !FLOAT.test(item)) return { message: `the item "${item}" is not a number`, field: 'list' };
  if (list.itemMin !== undefined) {
    const problem = boundsProblem({ min: list.itemMin, minInclusive: list.itemMinInclusive }, item, Number(item));
    if (problem) return { message: `the item ${problem.message}`, field: 'list' };
  }
  return undefined;
}

/**
 * XGBoost's eval_metric items outside its name list, read as the container reads them: an item
 * holding `<function` (a Python callable's repr) is refused; an item with `@` is a base metric
 * and a threshold (`error@0.7`, `ndcg@3`), accepted when the base is one the `threshold-form`
 * rule lists and the text after the first `@` parses as a float. Returns null for a plain name.
 */
function itemFormProblem(hyperparameter: HyperparameterData, item: string): ValueProblem | undefined | null {
  const rules = hyperparameter.rules;
  if (!rules) return null;
  if (item.includes('<function') && rules.some((rule) => rule.rule === 'no-callables')) {
    return { message: `the item "${item}" is a Python function, and the container takes only the names of its own metrics`, field: 'list' };
  }
  const threshold = rules.find((rule): rule is Extract<HyperparameterRuleData, { rule: 'threshold-form' }> => rule.rule === 'threshold-form');
  if (!threshold || !item.includes('@')) return null;
  const [base, value] = item.split('@').map((part) => part.trim());
  if (!threshold.metrics.includes(base)) {
    return { message: `the item "${item}" has a threshold (@), which the container accepts only after ${threshold.metrics.join(', ')}`, field: 'list' };
  }
  return FLOAT.test(value) ? undefined : { message: `the threshold "${value}" in "${item}" is not a number`, field: 'list' };
}

/** At most 12 values, for messages; completion lists them all. */
function shortList(values: readonly string[]): string {
  return values.length <= 12 ? values.join(', ') : `${values.slice(0, 12).join(', ')}, …`;
}

function formatText(format: ListFormatData['format']): string {
  switch (format) {
    case 'comma-separated':
      return 'a comma-separated list (a,b,c)';
    case 'json-array':
      return 'a JSON array (["a","b"])';
    case 'python-tuple':
      return 'a tuple ((1,0,-1))';
    case 'nested-list':
      return 'a list of lists ([[0,1],[2,3]])';
    default:
      return 'a comma-separated list or a JSON array';
  }
}

/**
 * The nearest allowed values: the first as the replacement, up to two more as alternatives. A
 * boolean-like value for a two-valued flag (`True`, `yes`, `0` for `0`/`1` or `true`/`false`) means
 * the value of the same truth, alone. Otherwise, when the first two are equally near (`"2"` for
 * `0`/`1`), or none is within a typo, the replacement is a `guess`: not preferred. `typosOnly` (list items, whose
 * candidates are many) keeps only candidates a typo away.
 */
function nearest(value: string, allowed: readonly string[], typosOnly = false): Pick<ValueProblem, 'replacement' | 'alternatives' | 'guess'> {
  const flag = booleanPair(allowed);
  const meaning = booleanMeaning(value);
  if (flag && meaning !== undefined) return { replacement: meaning ? flag.truthy : flag.falsy };
  const ranked = rankByDistance(value, allowed).filter((candidate) => !typosOnly || editDistance(value.toLowerCase(), candidate.toLowerCase()) <= typoLimit(value));
  if (ranked.length === 0) return {};
  const distance = (candidate: string) => (candidate.toLowerCase() === value.toLowerCase() ? 0 : editDistance(value.toLowerCase(), candidate.toLowerCase()));
  const tied = ranked.length > 1 && distance(ranked[0]) === distance(ranked[1]);
  const farther = distance(ranked[0]) > typoLimit(value);
  return { replacement: ranked[0], alternatives: ranked.slice(1, 3), ...((tied || farther) && { guess: true as const }) };
}

/** Edits that still make a typo: one for short values, up to three for long ones (as for names). */
function typoLimit(value: string): number {
  return value.length <= 4 ? 1 : value.length <= 8 ? 2 : 3;
}

function rankByDistance(value: string, allowed: readonly string[]): string[] {
  const lowered = value.toLowerCase();
  const exactCase = allowed.find((candidate) => candidate.toLowerCase() === lowered);
  const rest = closestMatches(value, allowed, 3);
  return exactCase === undefined ? rest : [exactCase, ...rest.filter((candidate) => candidate !== exactCase)];
}

const TRUTHY = /^(true|yes|on|1)$/i;
const FALSY = /^(false|no|off|0)$/i;

/** What a boolean-looking value means (`True`, `yes`, `1` → true; `false`, `no`, `0` → false), else undefined. */
export function booleanMeaning(value: string): boolean | undefined {
  const trimmed = value.trim();
  if (TRUTHY.test(trimmed)) return true;
  return FALSY.test(trimmed) ? false : undefined;
}

/** The true and false values of a two-valued flag (`1`/`0`, `true`/`false`, `True`/`False`), else undefined. */
function booleanPair(allowed: readonly string[]): { truthy: string; falsy: string } | undefined {
  if (allowed.length !== 2) return undefined;
  const truthy = allowed.find((candidate) => booleanMeaning(candidate) === true);
  const falsy = allowed.find((candidate) => booleanMeaning(candidate) === false);
  return truthy !== undefined && falsy !== undefined ? { truthy, falsy } : undefined;
}
