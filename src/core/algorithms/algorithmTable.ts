/**
 * Query API over data/algorithms.json: the facts of one built-in algorithm as they hold for one
 * image version (XGBoost changes its hyperparameters, values and metrics between versions), or,
 * when the version is not known (a floating tag), only what holds for every version. Pure.
 */
import type { AlgorithmData, AlgorithmsData, ChannelData, HyperparameterData, MetricData } from './algorithmData';

/** The facts of one algorithm for one image version (`version` undefined: any version). */
export class AlgorithmFacts {
  /** Names (and aliases) this version reads → their canonical name. */
  private readonly names = new Map<string, string>();
  /** Names some other version has, and the versions that have them. */
  private readonly otherVersionNames = new Map<string, string[]>();
  private readonly metricsByName = new Map<string, MetricData>();
  private readonly allMetrics = new Map<string, MetricData>();
  /** Canonical names, for did-you-mean and completion (required first, then by name). */
  readonly hyperparameterNames: readonly string[];

  constructor(
    readonly repository: string,
    readonly data: AlgorithmData,
    /** The image version the facts are for; undefined for a floating tag or an unknown version. */
    readonly version: string | undefined,
  ) {
    const canonical: string[] = [];
    for (const [name, hyperparameter] of Object.entries(data.hyperparameters)) {
      const inVersion = this.hasVersion(hyperparameter.versions);
      if (inVersion) {
        canonical.push(name);
        this.names.set(name, name);
        if (hyperparameter.aliases && this.atLeast(hyperparameter.aliasesSinceVersion)) {
          for (const alias of hyperparameter.aliases) this.names.set(alias, name);
        }
      } else {
        this.otherVersionNames.set(name, hyperparameter.versions ?? []);
      }
    }
    const required = (name: string) => (data.hyperparameters[name].required ? 0 : 1);
    this.hyperparameterNames = canonical.sort((a, b) => required(a) - required(b) || (a < b ? -1 : a > b ? 1 : 0));
    for (const metric of data.metrics) {
      this.allMetrics.set(metric.name, metric);
      if (this.hasVersion(metric.versions)) this.metricsByName.set(metric.name, metric);
    }
  }

  /** A label for messages: `XGBoost 1.7-1`, `K-Means` (worked out once: every job's rules ask for it). */
  get label(): string {
    if (this.labelText === undefined) {
      const short = this.data.name.replace(/\s*\(.*\)$/, '');
      this.labelText = this.version !== undefined && this.data.versions.length > 1 ? `${short} ${this.version}` : short;
    }
    return this.labelText;
  }

  private labelText?: string;

  /** The channels the algorithm needs in some mode (`required`), with their names, in the data's order. */
  get requiredChannels(): readonly { name: string; channel: ChannelData }[] {
    this.requiredChannelList ??= Object.entries(this.data.channels)
      .filter(([, channel]) => channel.required)
      .map(([name, channel]) => ({ name, channel }));
    return this.requiredChannelList;
  }

  private requiredChannelList?: { name: string; channel: ChannelData }[];

  /** The canonical name `name` stands for in this version (itself, or the name an alias maps to). */
  canonicalName(name: string): string | undefined {
    return this.names.get(name);
  }

  hyperparameter(canonicalName: string): HyperparameterData | undefined {
    return this.data.hyperparameters[canonicalName];
  }

  /**
   * The hyperparameters of this version that a job may need (`required`, or `requiredWhen` a
   * condition holds), in hyperparameterNames order: the missing-hyperparameter check looks at
   * these few, not at every name (XGBoost has about 60) for every job.
   */
  get mayBeRequired(): readonly { name: string; hyperparameter: HyperparameterData }[] {
    this.requiredCandidates ??= this.hyperparameterNames
      .map((name) => ({ name, hyperparameter: this.data.hyperparameters[name] }))
      .filter(({ hyperparameter }) => hyperparameter.required || hyperparameter.requiredWhen !== undefined);
    return this.requiredCandidates;
  }

  private requiredCandidates?: { name: string; hyperparameter: HyperparameterData }[];

  /** For a name this version lacks but others have: those versions (empty when unknown to all). */
  versionsWith(name: string): readonly string[] | undefined {
    return this.otherVersionNames.get(name);
  }

  /** True when `value` of `canonicalName` is in this version (a value some versions lack). */
  /**
   * The allowed values worth suggesting (in messages, fixes and completion): those of this
   * version, without entries that are hyperparameter names — XGBoost's container lists
   * `aft_loss_distribution` among the objectives (sic); it is accepted, never offered.
   */
  offeredValues(hyperparameter: HyperparameterData): string[] {
    return (hyperparameter.allowedValues ?? []).filter((value) => this.valueInVersion(hyperparameter, value) && !Object.hasOwn(this.data.hyperparameters, value));
  }

  valueInVersion(hyperparameter: HyperparameterData, value: string): boolean {
    const range = hyperparameter.valueVersions?.[value];
    if (!range || this.version === undefined) return true;
    return this.atLeast(range.since) && (range.until === undefined || this.compare(this.version, range.until) <= 0);
  }

  metric(name: string): MetricData | undefined {
    return this.metricsByName.get(name);
  }

  /** A metric of any version (to tell "not in this version" from "never emitted"). */
  metricOfAnyVersion(name: string): MetricData | undefined {
    return this.allMetrics.get(name);
  }

  metrics(): readonly MetricData[] {
    return [...this.metricsByName.values()];
  }

  /** The metrics this version emits when the algorithm's `modeHyperparameter` is `mode` (a metric without modes is emitted in every mode). */
  metricsOfMode(mode: string): MetricData[] {
    return this.metrics().filter((metric) => metric.modes === undefined || metric.modes.includes(mode));
  }

  /** The direction of `metric` in this version, or undefined when versions differ and the version is unknown. */
  metricDirection(metric: MetricData): MetricData['type'] | undefined {
    const other = metric.otherTypeInVersions;
    if (!other) return metric.type;
    if (this.version === undefined) return undefined;
    return other.versions.includes(this.version) ? other.type : metric.type;
  }

  /** Versions in image order, for messages. */
  compare(a: string, b: string): number {
    return this.data.versions.indexOf(a) - this.data.versions.indexOf(b);
  }

  /** True when this version is `since` or later (always true without a version or a bound). */
  atLeast(since: string | undefined): boolean {
    if (since === undefined) return true;
    if (this.version === undefined) return false;
    return this.compare(this.version, since) >= 0;
  }

  /** A fact listed for `versions` only holds here when this version is among them; without a version, only facts of every version hold. */
  private hasVersion(versions: readonly string[] | undefined): boolean {
    if (!versions) return true;
    return this.version !== undefined && versions.includes(this.version);
  }
}

export class AlgorithmTable {
  /** Facts by repository, then by version (`''`: any version). Two lookups by strings the catalog and the table own, not a key string built per job. */
  private readonly cache = new Map<string, Map<string, AlgorithmFacts>>();

  constructor(readonly data: AlgorithmsData) {}

  /** True when `repository` (`kmeans`, `sagemaker-xgboost`) is a built-in algorithm we have facts for. */
  has(repository: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.data.algorithms, repository);
  }

  /**
   * The facts for `repository` at image `version` (undefined: only what every version shares);
   * built once per pair and reused, so per-request work is lookups only.
   */
  facts(repository: string, version: string | undefined): AlgorithmFacts | undefined {
    if (!this.has(repository)) return undefined;
    let byVersion = this.cache.get(repository);
    if (!byVersion) this.cache.set(repository, (byVersion = new Map()));
    let facts = byVersion.get(version ?? '');
    if (!facts) {
      facts = new AlgorithmFacts(repository, this.data.algorithms[repository], version);
      byVersion.set(version ?? '', facts);
    }
    return facts;
  }
}
