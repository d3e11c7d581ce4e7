// Types of data/catalog.json and data/instance-gpus.json, written by scripts/generate-catalog.mjs
// from the SageMaker Python SDK's image_uri_config. The core never reads files: callers parse the
// JSON (see src/node/loadCatalog.ts) and hand it to `new Catalog(data)`.

/** `aws`, `aws-cn`, `aws-us-gov`, `aws-iso`, `aws-iso-b`, `aws-iso-f`, `aws-iso-e` or `aws-eusc`. */
export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov' | 'aws-iso' | 'aws-iso-b' | 'aws-iso-f' | 'aws-iso-e' | 'aws-eusc';

export type ImageKind = 'built-in-algorithm' | 'first-party' | 'deep-learning-container';

/**
 * `exact`: only the generated tags are valid (built-in algorithms, first-party images).
 * `version-prefix`: the real tags carry build suffixes (`-cu124-ubuntu22.04-sagemaker`), so a tag is
 * accepted when it equals the image's tag prefix (or version) or starts with it followed by `-`.
 */
export type TagMatch = 'exact' | 'version-prefix';

export interface RegionData {
  /** ECR host suffix: `amazonaws.com`, `amazonaws.com.cn`, `c2s.ic.gov`, … */
  readonly dnsSuffix: string;
  readonly partition: Partition;
}

/** One image of the SDK config: framework × version × (scopes that share repository, accounts and tags). */
export interface ImageData {
  /** The config file name without `.json`, e.g. `xgboost`, `pytorch`, `huggingface-llm`. */
  readonly framework: string;
  /** Display name, e.g. `XGBoost`, `K-Means`, `Hugging Face`. */
  readonly title: string;
  readonly kind: ImageKind;
  /**
   * SDK image scopes served by this image: `training`, `inference`, `inference_graviton`, `eia`,
   * `processing`, `monitoring`, `debugger`, `detailed-profiler`, `evaluation`. Empty for
   * sagemaker-base-python, whose config has no scope.
   */
  readonly scopes: readonly string[];
  /** The version key in the config: `1.7-1`, `2.8.0`, `1`, `latest`, `` (model-monitor). */
  readonly version: string;
  /** Hugging Face configs nested by base framework: `pytorch2.8.0`, `tensorflow2.5.1`. */
  readonly baseFramework?: string;
  readonly repository: string;
  /** Key into `CatalogData.accountMaps`. */
  readonly accounts: string;
  readonly processors?: readonly string[];
  readonly pyVersions?: readonly string[];
  /** The leading tag part when it is not the version: `tag_prefix`, or `{fw}-transformers{version}`. */
  readonly tagPrefix?: string;
  /** The concrete tags of the SDK's tag rule. Empty when the SDK emits no tag (model-monitor). */
  readonly tags: readonly string[];
  readonly tagMatch: TagMatch;
  /** Version aliases that point at this version, e.g. xgboost `latest` → `1`, pytorch `2.8` → `2.8.0`. */
  readonly aliases?: readonly string[];
}

/** The SDK snapshot the catalog was generated from (reference/sdk-source.json). */
export interface CatalogSource {
  /** `aws/sagemaker-python-sdk`. */
  readonly repository: string;
  /** Full 40-digit commit id. */
  readonly commit: string;
  /** The commit's date, `YYYY-MM-DD` as the committer wrote it; absent in catalogs from before it was recorded. */
  readonly date?: string;
  /** The config folder inside the SDK repository. */
  readonly configDir: string;
}

export interface CatalogData {
  readonly '//'?: string;
  readonly source: CatalogSource;
  /** Region name → host facts; every region that appears in any config. */
  readonly regions: Readonly<Record<string, RegionData>>;
  /** Map id → region → 12-digit account id. Many images share one map. */
  readonly accountMaps: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /**
   * Repository → documented tag forms beyond the SDK's rule (`{version}-cpu-py{py}-v{build}`):
   * `{version}` is an image version of that repository, `{py}` digits, `{build}` a dotted number.
   */
  readonly tagForms?: Readonly<Record<string, readonly string[]>>;
  readonly images: readonly ImageData[];
}

export interface InstanceGpuInfo {
  readonly gpus: number;
  readonly gpuMemoryMiB: number;
}

/** data/instance-gpus.json: instance type (`ml.p4d.24xlarge`) → GPU facts, merged across regions. */
export interface InstanceGpuData {
  readonly '//'?: string;
  readonly instances: Readonly<Record<string, InstanceGpuInfo>>;
}
