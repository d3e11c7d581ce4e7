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
   * then `framework` is undefined and this holds it (`pytorch` for `PyTorch(...)`, `pytorch-smp`
   * for a PyTorch estimator whose `distribution` enables SMP v2).
   */
  impliedFramework?: string;
  /**
   * Configs the SDK may read instead of the framework's, when the argument that would pick one
   * cannot be read: `pytorch-smp` for a PyTorch estimator whose `distribution` is not literal. A
   * finding is kept only when each of them finds fault at the same place too.
   */
  alternativeFrameworks?: string[];
  version?: FrameworkArgument;
  /**
   * The version the called function passes when the call gives none: SDK v2's deprecated
   * `get_image_uri(region_name, repo_name, repo_version="1")`, whose default is XGBoost's legacy
   * image. Absent when `version` is written (or may be, in `**kwargs`).
   */
  defaultVersion?: { value: string; parameter: string; function: string };
  /**
   * When the call writes no version (and none may be in `*args` or `**kwargs`): where a fix writes
   * one, a node whose replaced value the host adds to the call as the version argument (Python:
   * `repo_version="1.7-1"` for `get_image_uri`, `version="1.7-1"` for `retrieve`).
   */
  versionSlot?: Node;
  pyVersion?: FrameworkArgument;
  region?: FrameworkArgument;
  /**
   * The call's own instance type: `retrieve`'s `instance_type`, an estimator's or processor's.
   * Absent on `retrieve` means none (the SDK then reads the plain config); see `instanceTypeOpen`.
   */
  instanceType?: FrameworkArgument;
  /** `retrieve`'s `inference_tool` (`neuron`, `neuronx`): it picks the `{framework}-{tool}` config. */
  inferenceTool?: FrameworkArgument;
  /**
   * A model's image is resolved by other calls, each with its own instance type: one entry per
   * `deploy(…)` / `transformer(…)` on the model found in the file (the model's own `instanceType`
   * is then unused). Undefined for calls that resolve the image themselves.
   */
  deployments?: Deployment[];
  /**
   * True when the image may also be resolved for an instance type the file does not show: a
   * class without `instance_type`, a model whose `deploy` is not found (or not all of them).
   * Such a target is judged leniently: a version some applicable config has (Neuron, Graviton)
   * is never reported.
   */
  instanceTypeOpen?: boolean;
  /** `image_scope`: `training`, `inference`, `inference_graviton`, … */
  imageScope?: FrameworkArgument;
  /** Hugging Face: `pytorch_version` / `tensorflow_version` give the base framework version. */
  baseFrameworkVersion?: FrameworkArgument & { baseFramework: 'pytorch' | 'tensorflow' };
  /** The scope the call implies when `image_scope` is absent: estimators train, models serve. */
  impliedScope?: 'training' | 'inference' | 'processing';
  /** The callee's name in the source (`retrieve`, `PyTorch`), where findings about the call as a whole go. */
  calleeRange: OffsetRange;
  /**
   * A framework estimator's deploys: the inference request its `deploy(…)` resolves from the same
   * arguments (as the model `create_model` builds). Judged with the estimator, so a version
   * argument both miss gets one finding naming both scopes.
   */
  served?: FrameworkRequest;
}

/** One call that resolves a model's image: `model.deploy(instance_type=…)`, `model.transformer(…)`. */
export interface Deployment {
  /** The call's instance type; absent for a serverless deploy (the SDK then reads the plain config). */
  instanceType?: FrameworkArgument;
  /**
   * The inference tool the class passes for it: v2's `HuggingFaceModel.deploy` asks for `neuron`
   * on `ml.inf1.*` and `neuronx` on other `ml.inf*` types.
   */
  inferenceTool?: 'neuron' | 'neuronx';
}
