// Generates data/algorithms.json, the built-in algorithm facts the rules read (hyperparameters,
// channels, input modes, instances, tuning metrics), from reference/builtin-algorithms/
// algorithms.json (copied from the team's ../shared/reference; see reference/README.md).
//
//   node scripts/generate-algorithms.mjs            write the file
//   node scripts/generate-algorithms.mjs --check    exit 1 when the committed file is stale
//
// The output keeps facts only: names, types, bounds, allowed values, defaults, content types,
// versions and the ids of the sources. The reference's notes are not copied; our messages are our
// own. Two judgements are made here, once, so the rules stay simple:
//   - evidence: a fact from the algorithm's own container code (`xgb-container`) is `container`,
//     one from the developer guide or the SDK alone is `documentation` (the rules report the
//     first as an error, the second as a warning);
//   - disagreements: where sources disagree on a field, the permissive value is kept and the
//     field is listed in `disputed` (reported as a warning whatever the evidence).
// The walk is strict: a field the generator does not know throws, so a new reference layout is
// never dropped silently.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { invokedDirectly } from './lib/invoked-directly.mjs';

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(scriptDir, '..');

/** The reference folder: `SAGEMAKER_SPEC_REFERENCE_DIR` or the in-repository copy `<repo>/reference`. */
export function defaultReferenceDir() {
  return process.env.SAGEMAKER_SPEC_REFERENCE_DIR ? path.resolve(process.env.SAGEMAKER_SPEC_REFERENCE_DIR) : path.resolve(repoRoot, 'reference');
}

const CONTAINER_SOURCE = 'xgb-container';
/** The SageMaker Python SDK's Amazon estimators (`src/sagemaker/amazon/*.py`), read for their `hp(...)` declarations. */
const SDK_SOURCE = 'python-sdk';

/** Hyperparameter fields of the reference, and what becomes of each (`drop`: prose or SDK-only detail). */
const HYPERPARAMETER_FIELDS = new Set([
  'type', 'required', 'requiredWhen', 'conditional', 'conditionNote', 'appliesWhen', 'appliesToModes', 'allowedValues', 'valueVersions',
  'specialValues', 'min', 'max', 'minInclusive', 'maxInclusive', 'rangeByVersion', 'maxParameter', 'maxExclusiveParameter', 'suggestedRange',
  'pattern', 'format', 'listFormat', 'itemType', 'itemAllowedValues', 'itemMin', 'itemMinInclusive', 'default', 'defaultNote', 'aliases',
  'aliasesSinceVersion', 'containerVersions', 'rules', 'validatedWith', 'setBySdkAtFit', 'sdkFixedValue', 'sdkAttribute', 'sdkSerialization',
  'tuning', 'disagreements', 'notes', 'sources',
]);

const CHANNEL_FIELDS = new Set([
  'required', 'requiredForFormat', 'appliesToModes', 'contentTypesByInputMode', 'contentTypeOptional', 'defaultContentType',
  'contentTypeMatching', 's3DataDistributionTypes', 'recommendedS3DataDistributionType', 'notes', 'sources',
]);

/**
 * The container's checks across hyperparameters (`rules` of a hyperparameter) that become
 * findings, by rule id: what each keeps. Prose is dropped. Ids not listed here throw, except
 * those in DROPPED_RULES.
 */
const RULE_FIELDS = {
  'requires-parameter': ['parameter', 'sinceVersion'],
  'requires-parameter-value': ['parameter', 'in', 'sinceVersion'],
  'metric-needs-objective-prefix': ['metric', 'objectivePrefixes', 'sinceVersion'],
  'metric-needs-objective': ['metric', 'objectives', 'sinceVersion'],
  'threshold-form': ['metrics'],
  'no-callables': [],
  'gblinear-single-linear-updater': ['when'],
  'process-update-plugins': ['when'],
  'single-tree-grow-plugin': [],
};

/**
 * Rules not carried, and why: a multi-class objective without num_class is already the
 * `requiredWhen` of num_class (checked when generating); the Dask GPU prerequisites span
 * instances, input modes, content types and distribution, and are left for their own check.
 */
const DROPPED_RULES = new Set(['dask-gpu-prerequisites']);

/**
 * The updater plugin sets of the container's updater check (hyperparameter_validation.py,
 * `updater_validator`, the same in every version; the reference names them in prose only).
 * grow_local_histmaker is listed for the versions whose item list has it (to 1.5-1).
 */
const UPDATER_PLUGINS = {
  'gblinear-single-linear-updater': { plugins: ['shotgun', 'coord_descent'] },
  'process-update-plugins': { plugins: ['refresh', 'prune'] },
  'single-tree-grow-plugin': {
    growPlugins: ['grow_colmaker', 'distcol', 'grow_histmaker', 'grow_local_histmaker', 'grow_quantile_histmaker'],
    rejectedPlugins: ['shotgun', 'coord_descent'],
  },
};

/**
 * First versions the reference leaves out, read from the container code it cites. eval_metric:
 * up to 1.0-1 the container reads objective only inside the `auc` check; from 1.2-1
 * (`eval_metric_dep_validator`, 0d8f55de) it reads it first, so any eval_metric without
 * objective fails. A sinceVersion in the reference wins.
 */
const RULE_SINCE_CORRECTIONS = { 'sagemaker-xgboost.eval_metric.requires-parameter': '1.2-1' };

/** The cross-hyperparameter rules of one hyperparameter, compacted (facts only, in the reference's order). */
function rules(algorithm, name, entry, hyperparameters) {
  const out = [];
  for (const rule of entry.rules ?? []) {
    const where = `${algorithm}.hyperparameters.${name}.rules.${rule.rule}`;
    if (DROPPED_RULES.has(rule.rule)) continue;
    if (rule.rule === 'requires-parameter' && rule.when) {
      // Already a requiredWhen of the named parameter (reported as algorithm-missing-hyperparameter).
      const target = hyperparameters[rule.parameter];
      const same = (target?.requiredWhen ?? []).some((condition) => JSON.stringify(condition) === JSON.stringify(rule.when));
      if (!same) throw new Error(`generate-algorithms: ${where} with a condition that is not a requiredWhen of ${rule.parameter}`);
      continue;
    }
    const fields = RULE_FIELDS[rule.rule];
    if (!fields) throw new Error(`generate-algorithms: unknown rule ${where}`);
    // threshold-form's `pattern` describes the one form the check reads (`<metric>@<float>`); another form is new.
    if (rule.rule === 'threshold-form' && rule.pattern !== '<metric>@<float>') throw new Error(`generate-algorithms: ${where} with pattern ${rule.pattern}`);
    checkFields(where, rule, new Set(['rule', 'note', ...(rule.rule === 'threshold-form' ? ['pattern'] : []), ...fields]));
    const compact = { rule: rule.rule };
    for (const field of fields) {
      if (rule[field] === undefined) continue;
      compact[field === 'sinceVersion' ? 'since' : field] = rule[field];
    }
    const since = RULE_SINCE_CORRECTIONS[`${algorithm}.${name}.${rule.rule}`];
    if (since && compact.since === undefined) compact.since = since;
    Object.assign(compact, UPDATER_PLUGINS[rule.rule]);
    out.push(compact);
  }
  return out;
}

function checkFields(what, object, known) {
  for (const key of Object.keys(object)) if (!known.has(key)) throw new Error(`generate-algorithms: unknown field ${what}.${key}`);
}

/** The permissive one of two values of `field` (a missing bound or `null` is no limit). */
function permissive(field, values) {
  const present = values.filter((value) => value !== null && value !== undefined);
  switch (field) {
    case 'min':
      return present.length < values.length ? null : Math.min(...present);
    case 'max':
      return present.length < values.length ? null : Math.max(...present);
    case 'minInclusive':
    case 'maxInclusive':
      return values.some((value) => value === true);
    case 'required':
      return values.every((value) => value === true);
    case 'allowedValues':
      return [...new Set(present.flat())];
    case 'type':
      // An integer string also parses as a float; a float string fails an integer parse.
      return present.includes('float') ? 'float' : present[0];
    default:
      throw new Error(`generate-algorithms: no permissive rule for disagreements on ${field}`);
  }
}

/** One hyperparameter, compacted; `tunable` is the recommended tuning range when the algorithm lists it as tunable. */
function hyperparameter(algorithm, name, entry, tunable, hyperparameters) {
  checkFields(`${algorithm}.hyperparameters.${name}`, entry, HYPERPARAMETER_FIELDS);
  const fields = { ...entry };
  const disputed = [];
  for (const disagreement of entry.disagreements ?? []) {
    const { field, ...bySource } = disagreement;
    delete bySource.note;
    fields[field] = permissive(field, [...Object.values(bySource), entry[field]]);
    if (fields[field] === null) delete fields[field];
    disputed.push(field);
  }
  // A lower bound dropped by a disagreement takes its inclusiveness with it.
  if (fields.min === undefined) delete fields.minInclusive;
  if (fields.max === undefined) delete fields.maxInclusive;
  const out = { type: fields.type, evidence: entry.sources.includes(CONTAINER_SOURCE) ? 'container' : 'documentation' };
  if (disputed.length > 0) out.disputed = disputed.sort();
  if (fields.required) out.required = true;
  if (fields.requiredWhen) out.requiredWhen = fields.requiredWhen;
  if (fields.appliesToModes) out.modes = fields.appliesToModes;
  if (fields.allowedValues) out.allowedValues = fields.allowedValues;
  if (fields.valueVersions) out.valueVersions = fields.valueVersions;
  if (fields.specialValues) out.specialValues = fields.specialValues;
  for (const key of ['min', 'minInclusive', 'max', 'maxInclusive', 'pattern']) if (fields[key] !== undefined) out[key] = fields[key];
  if (fields.listFormat) {
    out.list = { format: fields.listFormat };
    if (fields.itemType) out.list.itemType = fields.itemType;
    // A value some versions accept is an item of those versions (updater's grow_local_histmaker, to 1.5-1).
    const versioned = Object.keys(fields.valueVersions ?? {}).filter((value) => !fields.itemAllowedValues?.map(String).includes(value));
    if (fields.itemAllowedValues) out.list.itemAllowedValues = [...fields.itemAllowedValues.map(String), ...versioned];
    if (fields.itemMin !== undefined) Object.assign(out.list, { itemMin: fields.itemMin, itemMinInclusive: fields.itemMinInclusive !== false });
  }
  if (fields.default !== undefined) out.default = fields.default;
  if (fields.aliases) out.aliases = fields.aliases;
  if (fields.aliasesSinceVersion) out.aliasesSinceVersion = fields.aliasesSinceVersion;
  if (fields.containerVersions) out.versions = fields.containerVersions;
  const crossRules = rules(algorithm, name, entry, hyperparameters);
  if (crossRules.length > 0) out.rules = crossRules;
  if (tunable) out.tuning = tunable;
  if (fields.setBySdkAtFit) out.setBySdk = true;
  // The SDK's Amazon estimators take every hyperparameter they declare (`hp(...)`) as a
  // constructor keyword named for the class attribute, which differs from the name for a few.
  if (entry.sources.includes(SDK_SOURCE)) out.sdkKeyword = fields.sdkAttribute ?? name;
  out.sources = entry.sources;
  return out;
}

/**
 * ContentTypes an algorithm accepts beyond those the reference lists, from AWS's own material:
 * the legacy XGBoost (0.72, `xgboost:1`/`:latest`) ran with `content_type="csv"` in AWS's
 * tutorials and SDK v1 notebooks (the churn and direct-marketing examples, the "Build, train and
 * deploy" tutorial) and with `"libsvm"` in the abalone example; the guide lists only the MIME types.
 */
const CONTENT_TYPE_ADDITIONS = {
  'xgboost.train': { File: ['csv', 'libsvm'] },
  'xgboost.validation': { File: ['csv', 'libsvm'] },
};

function channel(algorithm, name, entry) {
  checkFields(`${algorithm}.channels.${name}`, entry, CHANNEL_FIELDS);
  const out = {};
  if (entry.required) out.required = true;
  if (entry.appliesToModes) out.modes = entry.appliesToModes;
  out.contentTypes = { ...(entry.contentTypesByInputMode ?? {}) };
  for (const [mode, added] of Object.entries(CONTENT_TYPE_ADDITIONS[`${algorithm}.${name}`] ?? {})) {
    const listed = out.contentTypes[mode];
    if (!listed) throw new Error(`generate-algorithms: ${algorithm}.channels.${name} has no ${mode} content types to add to`);
    out.contentTypes[mode] = [...listed, ...added.filter((type) => !listed.includes(type))];
  }
  if (entry.contentTypeMatching === 'exact') out.exactContentType = true;
  if (entry.defaultContentType) out.defaultContentType = entry.defaultContentType;
  out.evidence = (entry.sources ?? []).includes(CONTAINER_SOURCE) ? 'container' : 'documentation';
  return out;
}

/** name → recommended range, over the plain and the per-mode (BlazingText) tables. */
function tunableRanges(tuning) {
  const ranges = { ...(tuning.tunableHyperparameters ?? {}) };
  for (const table of Object.values(tuning.tunableHyperparametersByMode ?? {})) {
    for (const [name, range] of Object.entries(table)) ranges[name] ??= range;
  }
  return ranges;
}

/** A range without its note and seq2seq's per-init-type variants (facts for people, not checks). */
function withoutProse(range) {
  if (!range) return undefined;
  const rest = { ...range };
  delete rest.note;
  delete rest.byWeightInitType;
  return rest;
}

/**
 * The hyperparameter whose value decides which metrics an algorithm emits and which instances it
 * trains on (its mode), for the algorithms where the reference or the guide says so. BlazingText's
 * `mode` comes from the reference (`appliesToModes` of its metrics, channels and instances).
 */
const MODE_HYPERPARAMETERS = { blazingtext: 'mode', knn: 'predictor_type', 'linear-learner': 'predictor_type', 'factorization-machines': 'predictor_type' };

/**
 * Metric → the `predictor_type` values that emit it, where the reference keeps this in prose or
 * not at all; `null`: every predictor type. Every metric of the algorithm must be listed, and every
 * value must be one the hyperparameter allows, or the generator throws. Sources (developer guide,
 * `devguide` at d514c7799d1c934c96e97655b71dbd9cd78cd59b, doc_source/):
 *   - knn: kNN-tuning.md, "Metrics Computed by the k-NN Algorithm": classifier computes
 *     test:accuracy, regressor test:mse.
 *   - linear-learner: linear-learner-tuning.md, "Metrics computed by the linear learner algorithm":
 *     each metric's description says it is valid only for regression, binary classification or
 *     multiclass classification; the two objective_loss metrics name no predictor type.
 *   - factorization-machines: fm-tuning.md, "Metrics Computed by the Factorization Machines
 *     Algorithm" (and the reference's tuning note): test:rmse for regressor, the three
 *     test:binary_* metrics for binary_classifier.
 */
const REGRESSOR = ['regressor'];
const BINARY = ['binary_classifier'];
const MULTICLASS = ['multiclass_classifier'];
const METRIC_PREDICTOR_TYPES = {
  knn: { 'test:accuracy': ['classifier'], 'test:mse': REGRESSOR },
  'linear-learner': Object.fromEntries(
    ['test', 'validation'].flatMap((channel) => [
      ...['absolute_loss', 'mse'].map((metric) => [`${channel}:${metric}`, REGRESSOR]),
      ...['binary_classification_accuracy', 'binary_f_beta', 'precision', 'recall', 'roc_auc_score'].map((metric) => [`${channel}:${metric}`, BINARY]),
      ...['dcg', 'macro_f_beta', 'macro_precision', 'macro_recall', 'multiclass_accuracy', 'multiclass_top_k_accuracy'].map((metric) => [`${channel}:${metric}`, MULTICLASS]),
      [`${channel}:objective_loss`, null],
    ]).concat([['validation:rmse', REGRESSOR]]),
  ),
  'factorization-machines': { 'test:rmse': REGRESSOR, 'test:binary_classification_accuracy': BINARY, 'test:binary_classification_cross_entropy': BINARY, 'test:binary_f_beta': BINARY },
};

function metric(key, entry, containerAlgorithm, allowedModes) {
  const out = { name: entry.name, type: entry.type };
  if (entry.containerVersions) out.versions = entry.containerVersions;
  if (entry.otherTypeInVersions) out.otherTypeInVersions = entry.otherTypeInVersions;
  const table = METRIC_PREDICTOR_TYPES[key];
  if (table && !Object.hasOwn(table, entry.name)) throw new Error(`generate-algorithms: ${key} metric ${entry.name} has no predictor types in METRIC_PREDICTOR_TYPES`);
  const modes = entry.appliesToModes ?? table?.[entry.name];
  if (modes) {
    for (const mode of modes) if (!allowedModes?.includes(mode)) throw new Error(`generate-algorithms: ${key} metric ${entry.name} names mode ${mode}, not a value of ${MODE_HYPERPARAMETERS[key]}`);
    out.modes = modes;
  }
  out.evidence = containerAlgorithm && entry.sources.includes(CONTAINER_SOURCE) ? 'container' : 'documentation';
  return out;
}

/**
 * BlazingText's instance facts per mode (the reference's `instances.byMode`, from the guide's
 * blazingtext.md: the table of modes per instance kind, and "EC2 Instance Recommendation"), by
 * the reference's wording: batch_skipgram trains on one or more CPU instances and has no GPU row
 * in the guide's table; cbow and skipgram on one CPU or one GPU instance (any number of GPUs);
 * supervised on one CPU instance or one instance using one GPU. A wording not listed throws.
 */
const INSTANCES_BY_MODE_WORDING = {
  'one or more CPU instances': { gpu: false, multiInstance: true },
  'single CPU or single GPU instance': { gpu: true, multiInstance: false },
  'single CPU instance or single instance using one GPU': { gpu: true, multiInstance: false, gpusUsed: 1 },
};

/**
 * Algorithms the guide says train on CPU instances only, as a limit of what is supported rather
 * than of what pays off (`instances.gpu` false alone means a GPU instance runs the job on its
 * CPUs: Random Cut Forest "could technically run on GPU instance types", the legacy XGBoost 0.72
 * image is CPU-only). Source: devguide lda.md, "EC2 Instance Recommendation for the LDA Algorithm"
 * (LDA supports single-instance CPU training only), and common-info-all-im-models.md (instance
 * class "CPU (single instance only)").
 */
const GPU_UNSUPPORTED = new Set(['lda']);

function instances(key, entry, allowedModes) {
  const out = { cpu: entry.cpu === true, gpu: entry.gpu === true };
  // A string means "only in some modes" (BlazingText's batch_skipgram): judged per mode (byMode).
  out.multiInstance = entry.multiInstance === true ? true : entry.multiInstance === false ? false : 'some-modes';
  if (entry.maxInstanceCount !== undefined) out.maxInstanceCount = entry.maxInstanceCount;
  if (entry.gpuSinceVersion) out.gpuSinceVersion = entry.gpuSinceVersion;
  if (GPU_UNSUPPORTED.has(key)) {
    if (entry.gpu !== false) throw new Error(`generate-algorithms: ${key} is listed in GPU_UNSUPPORTED but the reference gives it GPU training`);
    out.gpuUnsupported = true;
  }
  if (entry.byMode) {
    out.byMode = {};
    for (const mode of Object.keys(entry.byMode).sort()) {
      const facts = INSTANCES_BY_MODE_WORDING[entry.byMode[mode]];
      if (!facts) throw new Error(`generate-algorithms: ${key}.instances.byMode.${mode} has a wording not in INSTANCES_BY_MODE_WORDING: ${entry.byMode[mode]}`);
      if (!allowedModes?.includes(mode)) throw new Error(`generate-algorithms: ${key}.instances.byMode names mode ${mode}, not a value of ${MODE_HYPERPARAMETERS[key]}`);
      out.byMode[mode] = facts;
    }
  }
  return out;
}

function algorithm(key, entry) {
  const containerAlgorithm = entry.sources.includes(CONTAINER_SOURCE);
  const ranges = tunableRanges(entry.tuning);
  const hyperparameters = {};
  for (const name of Object.keys(entry.hyperparameters).sort()) {
    const own = entry.hyperparameters[name].tuning;
    const range = withoutProse(own?.recommendedRange ?? own?.docsRecommendedRange ?? ranges[name]);
    hyperparameters[name] = hyperparameter(key, name, entry.hyperparameters[name], range, entry.hyperparameters);
  }
  const channels = {};
  for (const name of Object.keys(entry.channels).sort()) channels[name] = channel(key, name, entry.channels[name]);
  const out = {
    name: entry.displayName,
    evidence: containerAlgorithm ? 'container' : 'documentation',
    versions: entry.imageVersions,
    unknownHyperparameters: entry.unknownHyperparameters,
    unknownChannels: entry.unknownChannels ?? 'not-documented',
    inputModes: entry.inputModes,
  };
  const pipeRemoved = (entry.channelRules ?? []).find((rule) => rule.rule === 'pipe-removed');
  if (pipeRemoved) out.pipeRemovedInVersions = pipeRemoved.versions;
  const modeHyperparameter = MODE_HYPERPARAMETERS[key];
  const allowedModes = modeHyperparameter ? entry.hyperparameters[modeHyperparameter]?.allowedValues : undefined;
  if (modeHyperparameter && !allowedModes) throw new Error(`generate-algorithms: ${key} has no allowed values for its mode hyperparameter ${modeHyperparameter}`);
  if (modeHyperparameter) out.modeHyperparameter = modeHyperparameter;
  out.instances = instances(key, entry.instances, allowedModes);
  out.hyperparameters = hyperparameters;
  out.channels = channels;
  for (const name of Object.keys(METRIC_PREDICTOR_TYPES[key] ?? {})) {
    if (!entry.tuning.objectiveMetrics.some((m) => m.name === name)) throw new Error(`generate-algorithms: METRIC_PREDICTOR_TYPES names ${key} metric ${name}, which the reference does not list`);
  }
  out.metrics = entry.tuning.objectiveMetrics.map((m) => metric(key, m, containerAlgorithm, allowedModes)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return out;
}

/**
 * Returns the text of data/algorithms.json built from `<referenceDir>/builtin-algorithms/algorithms.json`.
 * One algorithm per block, one hyperparameter, channel or metric per line, so a refresh shows as a
 * readable diff. Throws on a reference field the generator does not know.
 */
export function generateAlgorithms(referenceDir = defaultReferenceDir()) {
  const reference = JSON.parse(fs.readFileSync(path.join(referenceDir, 'builtin-algorithms', 'algorithms.json'), 'utf8'));
  const keys = Object.keys(reference.algorithms).sort();
  const lines = ['{', `"schemaVersion": 1,`, `"collectedOn": ${JSON.stringify(reference.collectedOn)},`, '"algorithms": {'];
  keys.forEach((key, index) => {
    const data = algorithm(key, reference.algorithms[key]);
    lines.push(`${JSON.stringify(key)}: {`);
    const members = Object.entries(data);
    members.forEach(([member, value], memberIndex) => {
      const comma = memberIndex < members.length - 1 ? ',' : '';
      if (member === 'hyperparameters' || member === 'channels') {
        const entries = Object.entries(value);
        lines.push(`  ${JSON.stringify(member)}: {`);
        entries.forEach(([name, item], i) => lines.push(`    ${JSON.stringify(name)}: ${JSON.stringify(item)}${i < entries.length - 1 ? ',' : ''}`));
        lines.push(`  }${comma}`);
      } else if (member === 'metrics') {
        lines.push(`  "metrics": [`);
        value.forEach((item, i) => lines.push(`    ${JSON.stringify(item)}${i < value.length - 1 ? ',' : ''}`));
        lines.push(`  ]${comma}`);
      } else {
        lines.push(`  ${JSON.stringify(member)}: ${JSON.stringify(value)}${comma}`);
      }
    });
    lines.push(`}${index < keys.length - 1 ? ',' : ''}`);
  });
  lines.push('}', '}');
  return lines.join('\n') + '\n';
}

function main() {
  const check = process.argv.includes('--check');
  const file = path.join(repoRoot, 'data', 'algorithms.json');
  const text = generateAlgorithms();
  if (check) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (current !== text) {
      console.error('data/algorithms.json is stale: run npm run generate');
      process.exitCode = 1;
    }
  } else {
    fs.writeFileSync(file, text);
  }
  const algorithms = Object.keys(JSON.parse(text).algorithms);
  console.log(`data/algorithms.json: ${algorithms.length} algorithms, ${Buffer.byteLength(text)} bytes${check ? ' (checked, not written)' : ''}`);
}

if (invokedDirectly(import.meta.url)) main();
