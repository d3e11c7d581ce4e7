// Generates data/catalog.json and data/instance-gpus.json from the SageMaker Python SDK's
// image_uri_config folder (copied into reference/ by scripts/refresh-reference.mjs).
//
//   node scripts/generate-catalog.mjs            write both files
//   node scripts/generate-catalog.mjs --check    exit 1 when the committed files are stale
//
// The reference folder defaults to `<repo>/reference`; set SAGEMAKER_SPEC_REFERENCE_DIR to
// use another one. The extension never reads the reference folder at run time: the output of this
// script is committed.
//
// The walk over the configs is strict: an unknown key at any level throws, so a new SDK layout
// cannot be dropped silently. The tag rule follows the SDK's image_uris.retrieve():
//   tag = join('-', non-empty [tag_prefix or version, processor, py_version, container_version[processor]])
// with the SDK's special cases:
//   - built-in algorithms have no processors/py_versions, so their tag is the version (`1`);
//   - Hugging Face configs nested by base framework (`pytorch2.8.0`) use the prefix
//     `{base framework version}-transformers{version}`;
//   - the SDK's Neuron repositories (SDK_VERSION_REPOSITORIES) prefix the container version with the
//     newest `sdk_versions` entry, and the Neuron frameworks put the inference tool
//     (`neuron`/`neuronx`) in the processor slot;
//   - a version alias is put in the tag as requested (`2.8-gpu-py312` for pytorch `2.8` → `2.8.0`),
//     and an alias that has the name of a version shadows it (the SDK resolves aliases first);
//   - Hugging Face base framework aliases (`pytorch2.8`) likewise give `2.8-transformers…` tags;
//   - Triton's GPU tag has no processor suffix (`25.09-py3`);
//   - SMP v2 (pytorch-smp) tags end in the CUDA suffix of get_training_image_uri (smpCudaSuffixes);
//   - Spark without a py version gives `3.1-cpu`;
//   - the p4d/smdistributed container versions (AUTO_CONTAINER_VERSIONS) give extra tags;
//   - `{framework}-inference-graviton` repositories append `-sagemaker` to the container version;
//   - xgboost/sklearn `inference_graviton` tags come from the SDK's fixed table (GRAVITON_TAGS);
//   - sagemaker-base-python's repository is `{repository}-{py}` for py 310 and 38 (SDK
//     get_base_python_image_uri), its tag is the version;
//   - an empty version (model-monitor) gives no tag.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { invokedDirectly } from './lib/invoked-directly.mjs';

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(scriptDir, '..');

/** Default reference folder: `SAGEMAKER_SPEC_REFERENCE_DIR` or the in-repository copy `<repo>/reference`. */
export function defaultReferenceDir() {
  return process.env.SAGEMAKER_SPEC_REFERENCE_DIR
    ? path.resolve(process.env.SAGEMAKER_SPEC_REFERENCE_DIR)
    : path.resolve(repoRoot, 'reference');
}

// ---------------------------------------------------------------------------------------------
// Fixed facts (from the SDK code, not from its JSON configs)

/** The SDK's ALTERNATE_DOMAINS table (common_utils.py); every other region uses amazonaws.com. */
export const DNS_SUFFIX_OVERRIDES = {
  'cn-north-1': 'amazonaws.com.cn',
  'cn-northwest-1': 'amazonaws.com.cn',
  'us-iso-east-1': 'c2s.ic.gov',
  'us-iso-west-1': 'c2s.ic.gov',
  'us-isob-east-1': 'sc2s.sgov.gov',
  'us-isob-west-1': 'sc2s.sgov.gov',
  'us-isof-south-1': 'csp.hci.ic.gov',
  'us-isof-east-1': 'csp.hci.ic.gov',
  'eu-isoe-west-1': 'cloud.adc-e.uk',
  'eusc-de-east-1': 'amazonaws.eu',
};
export const DEFAULT_DNS_SUFFIX = 'amazonaws.com';

/** Region name prefix → partition. Checked in order; the first match wins. */
const PARTITION_PREFIXES = [
  ['cn-', 'aws-cn'],
  ['us-gov-', 'aws-us-gov'],
  ['us-iso-', 'aws-iso'],
  ['us-isob-', 'aws-iso-b'],
  ['us-isof-', 'aws-iso-f'],
  ['eu-isoe-', 'aws-iso-e'],
  ['eusc-', 'aws-eusc'],
];

export function partitionOf(region) {
  for (const [prefix, partition] of PARTITION_PREFIXES) if (region.startsWith(prefix)) return partition;
  return 'aws';
}

const BUILT_IN_ALGORITHMS = new Set([
  'blazingtext', 'factorization-machines', 'forecasting-deepar', 'image-classification', 'ipinsights',
  'kmeans', 'knn', 'lda', 'linear-learner', 'ntm', 'object2vec', 'object-detection', 'pca',
  'randomcutforest', 'semantic-segmentation', 'seq2seq', 'xgboost',
]);
const FIRST_PARTY = new Set([
  'sklearn', 'sparkml-serving', 'spark', 'clarify', 'model-monitor', 'debugger', 'detailed-profiler',
  'data-wrangler', 'image-classification-neo', 'xgboost-neo', 'vw', 'sagemaker-geospatial',
  'sagemaker-base-python', 'sagemaker-inspect-ai',
]);

/** The SDK's `_get_image_tag` table for xgboost/sklearn in the inference_graviton scope. */
const GRAVITON_TAGS = {
  xgboost: { '1.3-1': '1.3-1-arm64', '1.5-1': '1.5-1-arm64' },
  sklearn: { '1.0-1': '1.0-1-arm64-cpu-py3' },
};

/** Frameworks that the SDK retrieves with an inference tool, which replaces the processor in the tag. */
const INFERENCE_TOOL = {
  'huggingface-neuron': 'neuron',
  'huggingface-neuronx': 'neuronx',
  'huggingface-llm-neuronx': 'neuronx',
  'pytorch-neuron': 'neuron',
};

/**
 * Documented tag forms beyond the SDK's rule, per repository: first-party tags that public
 * Dockerfiles and the image's own release notes pull. `{version}` is the image's version, `{py}` a
 * Python version number (`39`), `{build}` a release number (`1.2`). Accepted, never suggested.
 */
const TAG_FORMS = {
  // aws/sagemaker-spark-container README: `3.1-cpu-py39-v1.2` (py and release pinned).
  'sagemaker-spark-processing': ['{version}-cpu-py{py}-v{build}'],
};

/** Deep Learning Containers whose tags are exact: SMP v2 tags always end in the CUDA suffix. */
const EXACT_TAG_FRAMEWORKS = new Set(['pytorch-smp']);

/** sagemaker-base-python: the SDK appends the py version to the repository (310 is the default). */
const BASE_PYTHON_PY_VERSIONS = ['310', '38'];

/** Display names for frameworks that have no section in the docs tables (docs-registry-paths.csv). */
/**
 * Product names as their makers write them: the docs' section titles write "Tensorflow" where
 * the name is TensorFlow, and the titles reach messages ("refuses Tensorflow there").
 */
const PRODUCT_SPELLINGS = [[/\bTensorflow\b/g, 'TensorFlow']];

function productSpelling(title) {
  return PRODUCT_SPELLINGS.reduce((text, [wrong, right]) => text.replace(wrong, right), title);
}

const FALLBACK_TITLES = {
  'detailed-profiler': 'Detailed Profiler',
  'djl-deepspeed': 'DJL DeepSpeed',
  'djl-fastertransformer': 'DJL FasterTransformer',
  'djl-lmi': 'DJL LMI',
  'djl-neuronx': 'DJL NeuronX',
  'djl-tensorrtllm': 'DJL TensorRT-LLM',
  'huggingface-llamacpp': 'Hugging Face llama.cpp',
  'huggingface-llm': 'Hugging Face TGI',
  'huggingface-llm-neuronx': 'Hugging Face TGI NeuronX',
  'huggingface-neuron': 'Hugging Face Neuron',
  'huggingface-neuronx': 'Hugging Face NeuronX',
  'huggingface-sglang': 'Hugging Face SGLang',
  'huggingface-tei': 'Hugging Face TEI',
  'huggingface-tei-cpu': 'Hugging Face TEI (CPU)',
  'huggingface-training-compiler': 'Hugging Face Training Compiler',
  'huggingface-vllm': 'Hugging Face vLLM',
  'huggingface-vllm-neuronx': 'Hugging Face vLLM NeuronX',
  'huggingface-vllm-omni': 'Hugging Face vLLM-Omni',
  'hyperpod-recipes-neuron': 'HyperPod Recipes Neuron',
  'pytorch-neuron': 'PyTorch Neuron',
  'pytorch-smp': 'PyTorch SMP',
  'pytorch-training-compiler': 'PyTorch Training Compiler',
  'sagemaker-base-python': 'SageMaker Base Python',
  'sagemaker-distribution': 'SageMaker Distribution',
  'sagemaker-geospatial': 'SageMaker Geospatial',
  'sagemaker-inspect-ai': 'SageMaker Inspect AI',
  'sagemaker-tritonserver': 'SageMaker Triton Server',
  stabilityai: 'Stability AI',
};

const SOURCE_FALLBACK = {
  repository: 'aws/sagemaker-python-sdk',
  commit: 'unknown',
  configDir: 'sagemaker-core/src/sagemaker/core/image_uri_config/',
};

// ---------------------------------------------------------------------------------------------
// Versions: the same ordering as src/core/catalog/versions.ts (a unit test checks they agree).

const VERSION_TOKEN = /\d+|[A-Za-z]+/g;

function compareNumeric(a, b) {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Numeric-aware version order (ascending): `0.90-1` < `1` < `1.0-1` < `1.7-1` < `3.2-0` < `latest`. */
export function compareVersions(a, b) {
  if (a === b) return 0;
  if (a === 'latest') return 1;
  if (b === 'latest') return -1;
  const ta = a.replace(/^v(?=\d)/, '').match(VERSION_TOKEN) ?? [];
  const tb = b.replace(/^v(?=\d)/, '').match(VERSION_TOKEN) ?? [];
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const x = ta[i];
    const y = tb[i];
    const xn = /^\d/.test(x);
    const yn = /^\d/.test(y);
    let c;
    if (xn && yn) c = compareNumeric(x, y);
    else if (xn !== yn) c = xn ? 1 : -1; // a number sorts above a word: 1.0 > 1.x
    else c = x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return c;
  }
  if (ta.length !== tb.length) return ta.length - tb.length;
  return a < b ? -1 : 1;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function fail(where, message) {
  throw new Error(`generate-catalog: ${where}: ${message}`);
}

function checkKeys(where, object, allowed) {
  for (const key of Object.keys(object)) if (!allowed.includes(key)) fail(where, `unexpected key "${key}"`);
}

function sortedObject(object, compare) {
  const out = {};
  for (const key of Object.keys(object).sort(compare)) out[key] = object[key];
  return out;
}

function byString(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Minimal RFC 4180 CSV parser (quoted fields, doubled quotes, CRLF). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function readTitles(referenceDir) {
  const titles = {};
  const file = path.join(referenceDir, 'docs-registry-paths.csv');
  if (!fs.existsSync(file)) return titles;
  const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8'));
  const keyCol = header.indexOf('section_key');
  const titleCol = header.indexOf('section_title');
  if (keyCol < 0 || titleCol < 0) fail(file, 'missing section_key/section_title columns');
  for (const row of rows) {
    const key = row[keyCol];
    if (key && row[titleCol] && !(key in titles)) titles[key] = row[titleCol];
  }
  return titles;
}

/**
 * The SDK snapshot the configs come from: `sdk-source.json` (written by scripts/refresh-reference.mjs),
 * else the `source` of algorithm-registries.json (the ../shared/reference layout). `date` is the
 * commit's date as the committer wrote it (`YYYY-MM-DD`), shown in hover and in `newer-than-catalog`.
 */
function readSource(referenceDir) {
  let source;
  for (const name of ['sdk-source.json', 'algorithm-registries.json']) {
    const file = path.join(referenceDir, name);
    if (!fs.existsSync(file)) continue;
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    source = name === 'sdk-source.json' ? json : json.source;
    break;
  }
  const date = /^\d{4}-\d{2}-\d{2}/.exec(source?.commitDate ?? '')?.[0];
  return {
    repository: source?.repository ?? SOURCE_FALLBACK.repository,
    commit: source?.commit ?? SOURCE_FALLBACK.commit,
    ...(date ? { date } : {}),
    configDir: source?.configDir ?? SOURCE_FALLBACK.configDir,
  };
}

// ---------------------------------------------------------------------------------------------
// Walking one config file

const SCOPE_KEYS = ['versions', 'processors', 'version_aliases'];
const LEAF_KEYS = ['registries', 'repository', 'processors', 'py_versions', 'tag_prefix', 'container_version', 'sdk_versions'];

/**
 * Returns the drafts (one per scope × version × base framework × nested py version) of one config.
 * `warnings` collects data oddities worth a line in the summary.
 */
function walkConfig(framework, config, warnings) {
  const drafts = [];
  if ('versions' in config) {
    // Shared scope: one image serves every scope in the list. sagemaker-base-python has no scope.
    checkKeys(framework, config, ['scope', ...SCOPE_KEYS]);
    walkScope(framework, config.scope ?? [], config, drafts, warnings);
  } else {
    for (const [scope, scopeConfig] of Object.entries(config)) {
      checkKeys(`${framework}/${scope}`, scopeConfig, SCOPE_KEYS);
      walkScope(framework, [scope], scopeConfig, drafts, warnings);
    }
  }
  if (drafts.length === 0) fail(framework, 'no images');
  return drafts;
}

function walkScope(framework, scopes, scopeConfig, drafts, warnings) {
  const where = `${framework}/${scopes.join(',') || '(no scope)'}`;
  const versions = scopeConfig.versions;
  if (!versions || typeof versions !== 'object') fail(where, 'no versions');

  const aliasesOf = new Map();
  for (const [alias, target] of Object.entries(scopeConfig.version_aliases ?? {})) {
    if (!(target in versions)) {
      warnings.push(`${where}: alias ${alias} → ${target}, but ${target} is not a version`);
      continue;
    }
    if (alias in versions && alias !== target) {
      warnings.push(`${where}: alias ${alias} → ${target} shadows version ${alias} (the SDK resolves aliases first)`);
    }
    if (!aliasesOf.has(target)) aliasesOf.set(target, []);
    aliasesOf.get(target).push(alias);
  }

  // The SDK resolves an alias before the version (`_version_for_config`), so a version key that is
  // also an alias of another version is never requested as itself (pytorch-smp `2.3.1` → `2.5.0`).
  const aliasMap = scopeConfig.version_aliases ?? {};
  for (const [version, entry] of Object.entries(versions)) {
    const shadowed = version in aliasMap && aliasMap[version] !== version;
    const requestKeys = [...(shadowed ? [] : [version]), ...(aliasesOf.get(version) ?? []).filter((a) => a !== version)];
    if (requestKeys.length === 0) {
      warnings.push(`${where}/${version}: no request reaches this version (an alias of the same name points elsewhere); left out`);
      continue;
    }
    const base = {
      framework,
      scopes,
      version,
      scopeProcessors: scopeConfig.processors,
      aliases: (aliasesOf.get(version) ?? []).filter((a) => a !== version),
      requestKeys,
    };
    if ('registries' in entry) {
      drafts.push(leafDraft(`${where}/${version}`, base, entry, {}, warnings));
      continue;
    }
    // Nested: by base framework (Hugging Face: `pytorch2.8.0`, with `version_aliases` such as
    // `pytorch2.8` → `pytorch2.8.0`) or by py version (old mxnet/tensorflow: `py2`, `py3`).
    const nestedAliases = entry.version_aliases ?? {};
    for (const [alias, target] of Object.entries(nestedAliases)) {
      if (!(target in entry)) warnings.push(`${where}/${version}: base framework alias ${alias} → ${target}, but ${target} is missing`);
    }
    let count = 0;
    for (const [key, nested] of Object.entries(entry)) {
      if (key === 'version_aliases') continue;
      const nestedWhere = `${where}/${version}/${key}`;
      if (!nested || typeof nested !== 'object' || !('registries' in nested)) fail(nestedWhere, 'not an image entry');
      if (/^(pytorch|tensorflow)\d/.test(key)) {
        const baseKeys = [key, ...Object.entries(nestedAliases).filter(([alias, target]) => target === key && alias !== key).map(([alias]) => alias)];
        drafts.push(leafDraft(nestedWhere, base, nested, { baseFramework: key, baseKeys }, warnings));
      } else if (/^py\d+$/.test(key)) drafts.push(leafDraft(nestedWhere, base, nested, { pyNest: key }, warnings));
      else fail(nestedWhere, `unknown nesting key "${key}"`);
      count++;
    }
    if (count === 0) fail(`${where}/${version}`, 'empty nested version');
  }
}

/**
 * The SDK's `_should_auto_select_container_version` table: on ml.p4d instances (or with
 * smdistributed) these framework tags get a CUDA/OS suffix.
 */
const AUTO_CONTAINER_VERSIONS = {
  'tensorflow-2.3-gpu-py37': 'cu110-ubuntu18.04-v3',
  'tensorflow-2.3.1-gpu-py37': 'cu110-ubuntu18.04',
  'tensorflow-2.3.2-gpu-py37': 'cu110-ubuntu18.04',
  'tensorflow-1.15-gpu-py37': 'cu110-ubuntu18.04-v8',
  'tensorflow-1.15.4-gpu-py37': 'cu110-ubuntu18.04',
  'tensorflow-1.15.5-gpu-py37': 'cu110-ubuntu18.04',
  'mxnet-1.8-gpu-py37': 'cu110-ubuntu16.04-v1',
  'mxnet-1.8.0-gpu-py37': 'cu110-ubuntu16.04',
  'pytorch-1.6-gpu-py36': 'cu110-ubuntu18.04-v3',
  'pytorch-1.6.0-gpu-py36': 'cu110-ubuntu18.04',
  'pytorch-1.6-gpu-py3': 'cu110-ubuntu18.04-v3',
  'pytorch-1.6.0-gpu-py3': 'cu110-ubuntu18.04',
};

/** Repositories whose container version the SDK prefixes with the newest `sdk_versions` entry. */
const SDK_VERSION_REPOSITORIES = new Set([
  'pytorch-training-neuron', 'pytorch-training-neuronx', 'huggingface-vllm-inference-neuronx',
  'huggingface-pytorch-inference-neuron', 'huggingface-pytorch-inference-neuronx',
]);

/** Hugging Face repositories whose tag uses the resolved version and base framework, not the alias. */
const HF_RESOLVED_PREFIX_REPOSITORIES = new Set(['huggingface-pytorch-inference-neuron', 'huggingface-pytorch-inference-neuronx']);

/**
 * SMP v2 (`get_training_image_uri` with smdistributed model parallel): the CUDA suffix follows the
 * requested version and the instance type. `2.5` → cu124; `2.1`–`2.4` or an ml.p5 instance → cu121;
 * otherwise cu118. Returns every suffix some instance type gives.
 */
export function smpCudaSuffixes(requested) {
  if (requested.includes('2.5')) return ['cu124'];
  if (['2.1', '2.2', '2.3', '2.4'].some((v) => requested.includes(v))) return ['cu121'];
  return ['cu118', 'cu121'];
}

/** `_format_tag`: the non-empty parts joined with `-`. */
function formatTag(...parts) {
  return parts.filter((part) => part).join('-');
}

function leafDraft(where, base, entry, nesting, warnings) {
  checkKeys(where, entry, LEAF_KEYS);
  const { framework, scopes, version } = base;
  if (typeof entry.repository !== 'string' || !entry.repository) fail(where, 'no repository');
  const registries = entry.registries;
  if (!registries || typeof registries !== 'object' || Object.keys(registries).length === 0) fail(where, 'no registries');
  for (const [region, account] of Object.entries(registries)) {
    if (!/^[a-z]{2,5}(-[a-z]+)+-\d+$/.test(region)) fail(where, `odd region "${region}"`);
    if (!/^\d{12}$/.test(account)) fail(where, `odd account "${account}" for ${region}`);
  }

  // The SDK: config.get("processors") or version_config.get("processors").
  const processors = base.scopeProcessors ?? entry.processors;
  const pyVersions = nesting.pyNest ? [nesting.pyNest] : entry.py_versions;
  const hfPrefix = (baseKey, requested) => `${baseKey.replace(/^(pytorch|tensorflow)/, '')}-transformers${requested}`;
  const tagBase = nesting.baseFramework ? hfPrefix(nesting.baseFramework, version) : (entry.tag_prefix ?? version);

  // Every tag prefix a request can produce: the version itself first, then its aliases (the SDK
  // puts the requested version, not the resolved one, in the tag).
  const prefixes = [];
  for (const requested of base.requestKeys) {
    if (nesting.baseFramework) {
      const resolved = HF_RESOLVED_PREFIX_REPOSITORIES.has(entry.repository);
      for (const baseKey of resolved ? [nesting.baseFramework] : nesting.baseKeys) {
        prefixes.push({ prefix: hfPrefix(baseKey, resolved ? version : requested), requested });
      }
    } else prefixes.push({ prefix: entry.tag_prefix ?? requested, requested });
  }

  const tags = [];
  const add = (tag) => {
    if (tag && !tags.includes(tag)) tags.push(tag);
  };
  const graviton = scopes.length === 1 && scopes[0] === 'inference_graviton' && GRAVITON_TAGS[framework];
  if (graviton) {
    const tag = GRAVITON_TAGS[framework][version];
    if (!tag) fail(where, 'inference_graviton version missing from the SDK tag table (GRAVITON_TAGS)');
    add(tag);
  } else {
    const latestSdk = entry.sdk_versions ? [...entry.sdk_versions].sort().reverse()[0] : undefined;
    for (const { prefix, requested } of prefixes) {
      // xgboost `latest` → `1`: the catalog accepts it through the alias rule, never offers it.
      if (requested === 'latest' && requested !== version) continue;
      for (const processor of processors ?? [undefined]) {
        let containers = [undefined];
        if (entry.container_version) {
          let container = processor === undefined ? undefined : entry.container_version[processor];
          if (container === undefined) {
            const values = Object.values(entry.container_version);
            if (values.length !== 1) fail(where, `container_version has no entry for processor ${processor}`);
            container = values[0];
            if (requested === base.requestKeys[0]) {
              warnings.push(`${where}: container_version is keyed ${Object.keys(entry.container_version)} but the processor is ${processor}; used its only value`);
            }
          }
          if (latestSdk && SDK_VERSION_REPOSITORIES.has(entry.repository)) container = `${latestSdk}-${container}`;
          if (entry.repository === `${framework}-inference-graviton`) container = `${container}-sagemaker`;
          containers = [container];
        } else if (framework === 'pytorch-smp') containers = smpCudaSuffixes(requested);
        const slot = INFERENCE_TOOL[framework] ?? processor;
        // Spark: without a py_version the SDK leaves it out of the tag (`3.1-cpu`).
        const pys = [...(pyVersions ?? [undefined]), ...(framework === 'spark' && pyVersions ? [undefined] : [])];
        for (const py of pys) {
          for (const container of containers) {
            let tag = formatTag(prefix, slot, py, container);
            const auto = AUTO_CONTAINER_VERSIONS[`${framework}-${tag}`];
            // Triton: the GPU tag has no processor suffix (the SDK's `tag.rstrip("-gpu")`).
            if (framework === 'sagemaker-tritonserver' && processor === 'gpu') tag = tag.replace(/[-gpu]+$/, '');
            add(tag);
            if (auto) add(`${tag}-${auto}`);
          }
        }
      }
    }
  }

  const repositories =
    framework === 'sagemaker-base-python'
      ? BASE_PYTHON_PY_VERSIONS.map((py) => ({ repository: `${entry.repository}-${py}`, pyVersions: [`py${py}`] }))
      : [{ repository: entry.repository, pyVersions }];

  return repositories.map(({ repository, pyVersions: pys }) => ({
    framework,
    scopes: [...scopes],
    version,
    baseFramework: nesting.baseFramework,
    repository,
    registries: sortedObject(registries, byString),
    processors: processors ? [...processors] : undefined,
    pyVersions: pys ? [...pys] : undefined,
    tagPrefix: tagBase !== version ? tagBase : undefined,
    tags,
    aliases: [...base.aliases].sort(compareVersions),
  }));
}

// ---------------------------------------------------------------------------------------------
// Building the catalog

function kindOf(framework) {
  if (BUILT_IN_ALGORITHMS.has(framework)) return 'built-in-algorithm';
  if (FIRST_PARTY.has(framework)) return 'first-party';
  return 'deep-learning-container';
}

function imageOrder(a, b) {
  return (
    byString(a.framework, b.framework) ||
    -compareVersions(a.version, b.version) ||
    byString(a.scopes.join(','), b.scopes.join(',')) ||
    -compareVersions(a.baseFramework ?? '', b.baseFramework ?? '') ||
    byString(a.repository, b.repository)
  );
}

/**
 * Reads the reference folder and returns the catalog model (plain objects) plus a summary.
 * @param {string} [referenceDir]
 */
export function buildCatalog(referenceDir = defaultReferenceDir()) {
  const configDir = path.join(referenceDir, 'image_uri_config');
  if (!fs.existsSync(configDir)) throw new Error(`generate-catalog: ${configDir} does not exist`);
  const files = fs.readdirSync(configDir).filter((f) => f.endsWith('.json')).sort(byString);
  const titles = readTitles(referenceDir);
  const source = readSource(referenceDir);
  const warnings = [];

  const flat = [];
  const perFramework = {};
  for (const file of files) {
    const framework = file.slice(0, -'.json'.length);
    if (framework === 'instance_gpu_info') continue;
    const config = JSON.parse(fs.readFileSync(path.join(configDir, file), 'utf8'));
    const drafts = walkConfig(framework, config, warnings).flat();
    perFramework[framework] = drafts.length;
    flat.push(...drafts);
  }

  // Merge scopes that share everything but the scope (e.g. xgboost training + inference).
  const merged = new Map();
  for (const draft of flat) {
    const key = JSON.stringify([
      draft.framework, draft.version, draft.baseFramework, draft.repository, draft.registries,
      draft.processors, draft.pyVersions, draft.tagPrefix, draft.tags, draft.aliases,
    ]);
    const existing = merged.get(key);
    if (existing) {
      for (const scope of draft.scopes) if (!existing.scopes.includes(scope)) existing.scopes.push(scope);
    } else merged.set(key, { ...draft, scopes: [...draft.scopes] });
  }
  const drafts = [...merged.values()];
  for (const draft of drafts) draft.scopes.sort(byString);
  drafts.sort(imageOrder);

  // Regions and deduplicated account maps (ids in order of first use).
  const regionNames = new Set();
  const mapIds = new Map();
  const accountMaps = {};
  for (const draft of drafts) {
    for (const region of Object.keys(draft.registries)) regionNames.add(region);
    const key = JSON.stringify(draft.registries);
    if (!mapIds.has(key)) mapIds.set(key, null);
  }
  const width = String(mapIds.size).length < 2 ? 2 : String(mapIds.size).length;
  let next = 1;
  for (const key of mapIds.keys()) {
    const id = `m${String(next++).padStart(width, '0')}`;
    mapIds.set(key, id);
    accountMaps[id] = JSON.parse(key);
  }

  const regions = {};
  for (const name of [...regionNames].sort(byString)) {
    regions[name] = { dnsSuffix: DNS_SUFFIX_OVERRIDES[name] ?? DEFAULT_DNS_SUFFIX, partition: partitionOf(name) };
  }

  const images = drafts.map((d) => {
    const kind = kindOf(d.framework);
    const image = {
      framework: d.framework,
      title: productSpelling(titles[d.framework] ?? FALLBACK_TITLES[d.framework] ?? d.framework),
      kind,
      scopes: d.scopes,
      version: d.version,
    };
    if (d.baseFramework) image.baseFramework = d.baseFramework;
    image.repository = d.repository;
    image.accounts = mapIds.get(JSON.stringify(d.registries));
    if (d.processors) image.processors = d.processors;
    if (d.pyVersions) image.pyVersions = d.pyVersions;
    if (d.tagPrefix !== undefined) image.tagPrefix = d.tagPrefix;
    image.tags = d.tags;
    image.tagMatch = kind === 'deep-learning-container' && !EXACT_TAG_FRAMEWORKS.has(d.framework) ? 'version-prefix' : 'exact';
    if (d.aliases.length > 0) image.aliases = d.aliases;
    return image;
  });

  for (const framework of Object.keys(perFramework)) {
    if (!(framework in titles) && !(framework in FALLBACK_TITLES)) warnings.push(`${framework}: no display name`);
  }

  // Repositories served by different accounts in one region (worth knowing for the rules).
  const served = new Map();
  for (const d of drafts) {
    for (const [region, account] of Object.entries(d.registries)) {
      const key = `${d.repository} ${region}`;
      if (!served.has(key)) served.set(key, new Set());
      served.get(key).add(account);
    }
  }
  for (const [key, accounts] of served) {
    if (accounts.size > 1) warnings.push(`${key}: served by ${accounts.size} accounts (${[...accounts].sort().join(', ')})`);
  }

  return {
    source,
    regions,
    accountMaps,
    images,
    tagForms: sortedObject(TAG_FORMS, byString),
    summary: { configFiles: files.length, frameworks: Object.keys(perFramework).length, perFramework, warnings: [...new Set(warnings)] },
  };
}

function header(source) {
  return `generated by scripts/generate-catalog.mjs from the SageMaker Python SDK's image_uri_config (commit ${source.commit}) — do not edit`;
}

/** One entry per line inside the big collections, so diffs stay readable. */
function serializeCatalog(model) {
  const lines = ['{'];
  lines.push(`"//": ${JSON.stringify(header(model.source))},`);
  lines.push(`"source": ${JSON.stringify(model.source)},`);
  const block = (name, entries, last) => {
    lines.push(`${JSON.stringify(name)}: ${Array.isArray(entries) ? '[' : '{'}`);
    const list = Array.isArray(entries) ? entries.map((e) => JSON.stringify(e)) : Object.entries(entries).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
    list.forEach((line, i) => lines.push(`  ${line}${i < list.length - 1 ? ',' : ''}`));
    lines.push(`${Array.isArray(entries) ? ']' : '}'}${last ? '' : ','}`);
  };
  block('regions', model.regions, false);
  block('accountMaps', model.accountMaps, false);
  block('tagForms', model.tagForms, false);
  block('images', model.images, true);
  lines.push('}');
  return lines.join('\n') + '\n';
}

/**
 * Returns the text of data/catalog.json for the given reference folder.
 * @param {string} [referenceDir]
 */
export function generateCatalog(referenceDir = defaultReferenceDir()) {
  return serializeCatalog(buildCatalog(referenceDir));
}

/**
 * Returns the text of data/instance-gpus.json: instance type → GPU count (and total GPU memory),
 * merged across the regions of instance_gpu_info.json. Throws if two regions disagree.
 * @param {string} [referenceDir]
 */
export function generateInstanceGpus(referenceDir = defaultReferenceDir()) {
  const file = path.join(referenceDir, 'image_uri_config', 'instance_gpu_info.json');
  const byRegion = JSON.parse(fs.readFileSync(file, 'utf8'));
  const merged = {};
  for (const [region, instances] of Object.entries(byRegion)) {
    for (const [instanceType, info] of Object.entries(instances)) {
      checkKeys(`instance_gpu_info/${region}/${instanceType}`, info, ['Count', 'TotalGpuMemoryInMiB']);
      const value = { gpus: info.Count, gpuMemoryMiB: info.TotalGpuMemoryInMiB };
      const seen = merged[instanceType];
      if (seen && (seen.gpus !== value.gpus || seen.gpuMemoryMiB !== value.gpuMemoryMiB)) {
        fail(`instance_gpu_info/${region}/${instanceType}`, 'differs from another region');
      }
      merged[instanceType] = value;
    }
  }
  const source = readSource(referenceDir);
  const names = Object.keys(merged).sort((a, b) => byString(a.split('.')[1], b.split('.')[1]) || compareSize(a, b) || byString(a, b));
  const lines = ['{', `"//": ${JSON.stringify(header(source).replace('image_uri_config', 'image_uri_config/instance_gpu_info.json'))},`];
  lines.push('"instances": {');
  names.forEach((name, i) => lines.push(`  ${JSON.stringify(name)}: ${JSON.stringify(merged[name])}${i < names.length - 1 ? ',' : ''}`));
  lines.push('}', '}');
  return lines.join('\n') + '\n';
}

/** Orders `ml.p4d.24xlarge` sizes: xlarge < 2xlarge < 12xlarge < 48xlarge. */
function compareSize(a, b) {
  const size = (name) => {
    const s = name.split('.')[2] ?? '';
    const m = /^(\d*)xlarge$/.exec(s);
    return m ? Number(m[1] || 1) : 0;
  };
  return size(a) - size(b);
}

/** Generates both files; returns their texts and a summary. */
export function generateAll(referenceDir = defaultReferenceDir()) {
  const model = buildCatalog(referenceDir);
  const catalog = serializeCatalog(model);
  const instanceGpus = generateInstanceGpus(referenceDir);
  return { catalog, instanceGpus, model };
}

function main() {
  const referenceDir = defaultReferenceDir();
  const check = process.argv.includes('--check');
  const { catalog, instanceGpus, model } = generateAll(referenceDir);
  const outputs = [
    [path.join(repoRoot, 'data', 'catalog.json'), catalog],
    [path.join(repoRoot, 'data', 'instance-gpus.json'), instanceGpus],
  ];
  let stale = false;
  for (const [file, text] of outputs) {
    if (check) {
      const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      if (current !== text) {
        console.error(`${path.relative(repoRoot, file)} is stale: run npm run generate`);
        stale = true;
      }
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
  }
  const s = model.summary;
  const repositories = new Set(model.images.map((i) => i.repository));
  console.log(`reference: ${referenceDir} (commit ${model.source.commit})`);
  console.log(
    `config files: ${s.configFiles} (${s.frameworks} image configs + instance_gpu_info.json); ` +
      `frameworks: ${s.frameworks}; images: ${model.images.length}; repositories: ${repositories.size}; ` +
      `regions: ${Object.keys(model.regions).length}; account maps: ${Object.keys(model.accountMaps).length}`,
  );
  const kinds = {};
  for (const image of model.images) kinds[image.kind] = (kinds[image.kind] ?? 0) + 1;
  console.log(`images by kind: ${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`data/catalog.json: ${Buffer.byteLength(catalog)} bytes; data/instance-gpus.json: ${Buffer.byteLength(instanceGpus)} bytes${check ? ' (checked, not written)' : ''}`);
  if (s.warnings.length > 0) {
    console.log(`notes (${s.warnings.length}):`);
    for (const w of s.warnings) console.log(`  - ${w}`);
  }
  if (stale) process.exitCode = 1;
}

if (invokedDirectly(import.meta.url)) main();
