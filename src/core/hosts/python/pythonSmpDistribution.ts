/**
 * SageMaker model parallelism v2 (SMP v2) on a PyTorch estimator. v2's
 * `image_uris.get_training_image_uri` (which `Framework.training_image_uri` calls with the
 * estimator's `distribution`) switches the framework to `pytorch-smp` when
 * `"torch_distributed" in distribution and "smdistributed" in distribution`, the latter holds
 * `"modelparallel"`, and `distribution["smdistributed"]["modelparallel"].get("enabled", True)` is
 * truthy. The training image is then `smdistributed-modelparallel:<version>-gpu-py311-cu121`, and
 * `framework_version` is looked up in pytorch-smp's config (`2.4.1` is an alias there, not a
 * PyTorch version).
 */
import { findProperty } from '../../jsonTree';
import type { PythonNode, PythonValues } from './pythonValues';
import type { SyntaxNode } from './pythonSyntax';

/** The image_uri_config framework the SDK reads for SMP v2 training. */
export const SMP_FRAMEWORK = 'pytorch-smp';

/**
 * How an estimator's `distribution` picks the training config: `smp` (pytorch-smp), `plain` (the
 * class's own framework) or `unknown` (a value we cannot read: a name that does not resolve, a
 * `**spread`, a flag computed at run time).
 */
export type SmpChoice = 'smp' | 'plain' | 'unknown';

/**
 * The choice for one estimator call, from `distribution` (its argument's syntax, when written)
 * and `unmapped` (true when some argument may hide `distribution`: `**kwargs` we cannot read, or
 * positions past the ones we know). `None` and a missing `distribution` are `plain`.
 */
export function smpChoice(values: PythonValues, distribution: SyntaxNode | undefined, unmapped: boolean): SmpChoice {
  if (!distribution) return unmapped ? 'unknown' : 'plain';
  const node = values.node(distribution, undefined);
  if (node.type === 'null' && !node.dynamic) return 'plain';
  const torch = presence(node, 'torch_distributed');
  const smdistributed = presence(node, 'smdistributed');
  if (torch === 'absent' || smdistributed === 'absent') return 'plain';
  if (torch === 'unknown' || smdistributed === 'unknown') return 'unknown';
  const modelParallel = presence(smdistributed, 'modelparallel');
  if (modelParallel === 'absent') return 'plain';
  if (modelParallel === 'unknown' || modelParallel.type !== 'object' || modelParallel.dynamic) return 'unknown';
  const enabled = presence(modelParallel, 'enabled');
  if (enabled === 'absent') return 'smp'; // `.get("enabled", True)`
  if (enabled === 'unknown') return 'unknown';
  const truthy = pythonTruth(enabled);
  return truthy === undefined ? 'unknown' : truthy ? 'smp' : 'plain';
}

/**
 * The value of `key` in a dict node (the last one written, as Python keeps), `absent` when the
 * dict certainly lacks it, `unknown` when it may hold it (open members) or is no dict we can read.
 */
function presence(dict: PythonNode, key: string): PythonNode | 'absent' | 'unknown' {
  if (dict.type !== 'object' || dict.dynamic) return 'unknown';
  const value = findProperty(dict, key)?.children?.[1] as PythonNode | undefined;
  if (value) return value;
  return dict.openMembers ? 'unknown' : 'absent';
}

/** Python's truth value of a literal; undefined for a value read at run time. */
function pythonTruth(node: PythonNode): boolean | undefined {
  if (node.dynamic) return undefined;
  switch (node.type) {
    case 'boolean':
    case 'number':
    case 'string':
      return Boolean(node.value);
    case 'null':
      return false;
    case 'array':
    case 'object':
      return (node.children?.length ?? 0) > 0 || (node.openMembers ? undefined : false);
    default:
      return undefined;
  }
}
