/**
 * How a Python call's arguments reach the parameters of the SDK method it calls: by keyword, by
 * position (in the order the SDK's signature shares across releases) and through `**x` whose dict
 * is certain. Every SDK call the Python host reads (classes, `deploy`, `register`, …) is read here.
 */
import type { PythonScopes } from './pythonScopes';
import { spreadKeywords } from './pythonKeywordSpread';
import { childrenOf, sourceOf, type SyntaxNode } from './pythonSyntax';

/** A call's arguments by parameter name (see sdkArguments). */
export interface CallArguments {
  keywords: Map<string, SyntaxNode>;
  /** True when some parameter may be set where it cannot be read (`**x` not certain, positions past the known ones). */
  unmapped: boolean;
}

/**
 * A call's arguments by parameter name: `name=value` keywords, the keywords of each `**x` whose dict
 * is certain (see spreadKeywords; `scopes` resolves names, so `**dict(instance_type=…)` and a name
 * bound once to a dict are read), and positional arguments under the names `positional` gives
 * them (the SDK class's or method's leading parameters). `unmapped` is true when some parameter
 * may be set where it cannot be read: a positional argument past the known prefix or after
 * `*args`, or a `**x` that is not certain. Undefined when two arguments name the same
 * parameter (by position and keyword, or by keyword and in `**x`): Python raises a TypeError
 * before the SDK sends anything, so the call is left alone.
 */
export function sdkArguments(text: string, argList: SyntaxNode, positional: readonly string[], scopes: PythonScopes): CallArguments | undefined {
  const keywords = new Map<string, SyntaxNode>();
  const spread = new Map<string, SyntaxNode>();
  const byPosition: SyntaxNode[] = [];
  let unmapped = false;
  let afterStar = false;
  const children = childrenOf(argList);
  for (let i = 0; i < children.length; i++) {
    const name = children[i].name;
    if (name === '(' || name === ')' || name === ',') continue;
    if (name === 'VariableName' && children[i + 1]?.name === 'AssignOp' && children[i + 2]) {
      keywords.set(sourceOf(text, children[i]), children[i + 2]);
      i += 2;
    } else if (name === '**') {
      const passed = children[i + 1] ? spreadKeywords(text, scopes, children[i + 1]) : undefined;
      if (passed) for (const [keyword, value] of passed) {
        if (spread.has(keyword)) return undefined;
        spread.set(keyword, value);
      }
      else unmapped = true; // any parameter may be in it
      i += 1;
    } else if (name === '*') {
      afterStar = true; // what `*args` holds shifts every later position
      i += 1;
    } else if (afterStar || byPosition.length >= positional.length) {
      unmapped = true;
    } else {
      byPosition.push(children[i]);
    }
  }
  for (const [keyword, value] of spread) {
    if (keywords.has(keyword)) return undefined;
    keywords.set(keyword, value);
  }
  for (let index = 0; index < byPosition.length; index++) {
    if (keywords.has(positional[index])) return undefined;
    keywords.set(positional[index], byPosition[index]);
  }
  return { keywords, unmapped };
}

/**
 * SDK v1's estimator argument names that v2's `EstimatorBase.__init__` still takes, through
 * `renamed_kwargs` (a deprecation warning; the old name's value wins over the new one's):
 * `Estimator(…, train_instance_type="ml.m5.xlarge")` trains on ml.m5.xlarge.
 */
const ESTIMATOR_RENAMED_KEYWORDS: Readonly<Record<string, string>> = {
  train_instance_count: 'instance_count',
  train_instance_type: 'instance_type',
  train_max_run: 'max_run',
  train_use_spot_instances: 'use_spot_instances',
  train_max_wait: 'max_wait',
  train_volume_size: 'volume_size',
  train_volume_kms_key: 'volume_kms_key',
};

/**
 * Reads an estimator's v1 argument names as v2 does (see ESTIMATOR_RENAMED_KEYWORDS): each old
 * name's value is set under the new name in `keywords`. Returns new name → the old name written,
 * for messages that name the argument as written.
 */
export function renameEstimatorKeywords(keywords: Map<string, SyntaxNode>): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const [old, current] of Object.entries(ESTIMATOR_RENAMED_KEYWORDS)) {
    const value = keywords.get(old);
    if (!value) continue;
    keywords.set(current, value);
    renamed.set(current, old);
  }
  return renamed;
}
