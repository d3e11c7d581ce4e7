/**
 * An image asked for by framework and version rather than by URI: the SageMaker Python SDK's
 * `image_uris.retrieve(framework, region, version, py_version, instance_type, image_scope)` and
 * the framework estimators and models (`PyTorch(framework_version=…, py_version=…)`,
 * `HuggingFaceModel(transformers_version=…, pytorch_version=…)`). A host (Python today) finds
 * these calls and hands them to the framework rules as this host-neutral record; the rules check
 * the literal arguments against the catalog the way the SDK would at run time.
 */
import type { Node } from 'jsonc-parser';
import type { OffsetRange } from './jsonTree';

/** One argument of the call. */
export interface FrameworkArgument {
  /** The literal string value, or undefined when the value is not a literal (dynamic: never reported). */
  value: string | undefined;
  /** The value node (a string node for literals), for fixes: `intent.replaceValue(node, …)`. */
  node: Node;
  /** Where findings on this argument go: the string's content without quotes, or the whole expression. */
  range: OffsetRange;
}

export interface FrameworkRequest {
  /** The SDK's framework name as in image_uri_config (`xgboost`, `pytorch`, `huggingface`, …). */
  framework?: FrameworkArgument;
  /**
   * For estimator/model classes the framework is implied by the class, not an argument:
   * then `framework` is undefined and this holds it (`pytorch` for `PyTorch(...)`).
   */
  impliedFramework?: string;
  version?: FrameworkArgument;
  pyVersion?: FrameworkArgument;
  region?: FrameworkArgument;
  instanceType?: FrameworkArgument;
  /** `image_scope`: `training`, `inference`, `inference_graviton`, … */
  imageScope?: FrameworkArgument;
  /** Hugging Face: `pytorch_version` / `tensorflow_version` give the base framework version. */
  baseFrameworkVersion?: FrameworkArgument & { baseFramework: 'pytorch' | 'tensorflow' };
  /** The scope the call implies when `image_scope` is absent: estimators train, models serve. */
  impliedScope?: 'training' | 'inference' | 'processing';
  /** The callee's name in the source (`retrieve`, `PyTorch`), where findings about the call as a whole go. */
  calleeRange: OffsetRange;
}
