/**
 * Types of data/algorithms.json, written by scripts/generate-algorithms.mjs from the team's
 * reference on the SageMaker built-in algorithms. Every hyperparameter value is a string in the
 * request (`HyperParameters` is a map of strings); `type` says what the algorithm parses it into.
 */

/**
 * Where a fact comes from: `container` for the algorithm's own container code (XGBoost), which
 * the rules report as errors; `documentation` for the developer guide or the SDK alone (warnings).
 */
export type Evidence = 'container' | 'documentation';

export type HyperparameterType = 'integer' | 'float' | 'string' | 'categorical' | 'boolean-string' | 'list';

/** A condition on other values of the request; a list of them means "any of". */
export type Condition =
  | { parameter: string; equals: string }
  | { parameter: string; in: string[] }
  | { parameter: string; present: true }
  | { channel: string; contentTypeIn: string[] };

/** A tuning range the algorithm recommends; its presence marks the hyperparameter tunable. */
export interface TuningRange {
  rangeType: 'Integer' | 'Continuous' | 'Categorical';
  min?: number;
  max?: number;
  values?: string[];
  scalingType?: string;
}

export interface ListFormatData {
  format: 'comma-separated' | 'json-array' | 'python-tuple' | 'nested-list' | 'comma-separated or json-array';
  itemType?: 'integer' | 'float' | 'string';
  itemAllowedValues?: string[];
  itemMin?: number;
  itemMinInclusive?: boolean;
}

/**
 * A check the XGBoost container runs on a hyperparameter together with others (its dependency
 * validators). `since`: the first image version that runs it (absent: every version). The rules
 * of one hyperparameter keep the container's order; the updater rules are its `if / elif / else`.
 */
export type HyperparameterRuleData =
  /** Setting this hyperparameter needs `parameter` set too (eval_metric needs objective). */
  | { rule: 'requires-parameter'; parameter: string; since?: string }
  /** Setting this hyperparameter needs `parameter` set explicitly to one of `in` (monotone_constraints: tree_method exact or hist). */
  | { rule: 'requires-parameter-value'; parameter: string; in: string[]; since?: string }
  /** The list item `metric` needs an objective starting with one of `objectivePrefixes` (auc: binary: or rank:). */
  | { rule: 'metric-needs-objective-prefix'; metric: string; objectivePrefixes: string[]; since?: string }
  /** The list item `metric` needs one of `objectives` (aft-nloglik: survival:aft). */
  | { rule: 'metric-needs-objective'; metric: string; objectives: string[]; since?: string }
  /** List items `<metric>@<float>` are accepted for these base metrics only (error@0.7, ndcg@3). */
  | { rule: 'threshold-form'; metrics: string[] }
  /** Items holding `<function` (a Python callable's repr) are refused. */
  | { rule: 'no-callables' }
  /** When `when` holds: exactly one item, one of `plugins` (booster gblinear: shotgun or coord_descent). */
  | { rule: 'gblinear-single-linear-updater'; when: { parameter: string; equals: string }; plugins: string[] }
  /** When `when` holds: every item one of `plugins` (process_type update: refresh, prune). */
  | { rule: 'process-update-plugins'; when: { parameter: string; equals: string }; plugins: string[] }
  /** Otherwise (a tree booster): none of `rejectedPlugins`, and at most one of `growPlugins`. */
  | { rule: 'single-tree-grow-plugin'; growPlugins: string[]; rejectedPlugins: string[] };

export interface HyperparameterData {
  type: HyperparameterType;
  evidence: Evidence;
  /** Fields on which the sources disagree; the permissive value is kept, and reported as a warning. */
  disputed?: string[];
  required?: true;
  requiredWhen?: Condition[];
  /** BlazingText: the `mode` values that read it. */
  modes?: string[];
  allowedValues?: string[];
  /** XGBoost: allowed values that only some image versions accept. */
  valueVersions?: Record<string, { since?: string; until?: string }>;
  /** Literal strings accepted besides the typed value (`auto`, `ignore`, ``). */
  specialValues?: string[];
  min?: number;
  minInclusive?: boolean;
  max?: number;
  maxInclusive?: boolean;
  pattern?: string;
  list?: ListFormatData;
  default?: string;
  /** XGBoost: other names mapped onto this one before validation, from `aliasesSinceVersion` on. */
  aliases?: string[];
  aliasesSinceVersion?: string;
  /** XGBoost: the image versions that have this name, when not all do. */
  versions?: string[];
  /** XGBoost: checks the container runs across hyperparameters, starting from this one. */
  rules?: HyperparameterRuleData[];
  tuning?: TuningRange;
  /** The SDK's estimators fill it in at `fit()` (`feature_dim`, `mini_batch_size`). */
  setBySdk?: true;
  /**
   * The keyword argument of the SDK's Amazon algorithm estimator (`KMeans(k=…)`) that sets it,
   * when the class declares it (the class attribute: `max_iterations` for `local_lloyd_max_iter`).
   */
  sdkKeyword?: string;
  /** Source ids of the reference (`xgb-container`, `devguide`, `python-sdk`, …). */
  sources: string[];
}

export interface ChannelData {
  required?: true;
  /** BlazingText: the `mode` values that read it. */
  modes?: string[];
  /** Input mode (`File`, `Pipe`) → accepted ContentType strings; an empty list: not documented. */
  contentTypes: { File?: string[]; Pipe?: string[] };
  /** The algorithm compares ContentType as written (XGBoost: `TEXT/CSV` fails). */
  exactContentType?: true;
  defaultContentType?: string;
  evidence: Evidence;
}

export interface MetricData {
  name: string;
  type: 'Maximize' | 'Minimize';
  /** XGBoost: the image versions that emit it, when not all do. */
  versions?: string[];
  otherTypeInVersions?: { type: 'Maximize' | 'Minimize'; versions: string[] };
  /** The values of the algorithm's `modeHyperparameter` whose jobs emit it (absent: every mode). */
  modes?: string[];
  evidence: Evidence;
}

/** BlazingText: what one `mode` trains on (CPU always). */
export interface ModeInstanceData {
  /** False: the mode has no GPU training (batch_skipgram). */
  gpu: boolean;
  multiInstance: boolean;
  /** The number of GPUs of an instance the mode uses, when limited (supervised: 1). */
  gpusUsed?: number;
}

export interface InstanceData {
  cpu: boolean;
  gpu: boolean;
  /** `some-modes`: only some modes train on several instances (judged per mode by `byMode`, else not). */
  multiInstance: boolean | 'some-modes';
  maxInstanceCount?: number;
  gpuSinceVersion?: string;
  /**
   * The guide states training supports CPU instances only (LDA). Without it, `gpu: false` means a
   * GPU instance runs the job on its CPUs and leaves the GPUs idle (Random Cut Forest).
   */
  gpuUnsupported?: true;
  /** Per value of the algorithm's `modeHyperparameter` (BlazingText's `mode`). */
  byMode?: Record<string, ModeInstanceData>;
}

export interface AlgorithmData {
  name: string;
  evidence: Evidence;
  /** Image versions of this repository, oldest first. */
  versions: string[];
  unknownHyperparameters: 'rejected' | 'not-documented';
  unknownChannels: 'rejected' | 'not-documented';
  inputModes: string[];
  pipeRemovedInVersions?: string[];
  /**
   * The hyperparameter that selects what the algorithm trains (BlazingText's `mode`, the
   * `predictor_type` of k-NN, Linear Learner and Factorization Machines): the metrics it emits
   * (`MetricData.modes`) and, for BlazingText, its instances (`InstanceData.byMode`) depend on it.
   */
  modeHyperparameter?: string;
  instances: InstanceData;
  hyperparameters: Record<string, HyperparameterData>;
  channels: Record<string, ChannelData>;
  metrics: MetricData[];
}

export interface AlgorithmsData {
  schemaVersion: 1;
  collectedOn: string;
  /** Keyed by ECR repository (`sagemaker-xgboost`, `xgboost`, `kmeans`, …). */
  algorithms: Record<string, AlgorithmData>;
}
