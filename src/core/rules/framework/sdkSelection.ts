/**
 * The parts of the SageMaker Python SDK's `image_uris.retrieve` that pick an image config before
 * any version is looked at: which config file the instance type leads to (`pytorch` on `ml.trn1`
 * reads `pytorch-neuron`), which scope is used (Graviton instances force `inference_graviton`,
 * XGBoost and scikit-learn default to `training`), and which processor an instance type asks for.
 * Mirrors `_get_inference_tool`, `_get_final_image_scope`, `_config_for_framework_and_scope` and
 * `_processor` of sagemaker-core's image_uris.py.
 */
import type { CatalogImage } from '../../catalog/catalog';
import type { InstanceGpuTable } from '../../catalog/instanceGpus';
import { instanceHasGpus } from '../processorRule';

/** fw_utils.GRAVITON_ALLOWED_FRAMEWORKS */
export const GRAVITON_FRAMEWORKS: ReadonlySet<string> = new Set(['tensorflow', 'pytorch', 'xgboost', 'sklearn']);
/** fw_utils.GRAVITON_ALLOWED_TARGET_INSTANCE_FAMILY */
export const GRAVITON_FAMILIES: ReadonlySet<string> = new Set(['m6g', 'm6gd', 'c6g', 'c6gd', 'c6gn', 'c7g', 'r6g', 'r6gd']);
export const INFERENCE_GRAVITON = 'inference_graviton';
/** image_uris.TRAINIUM_ALLOWED_FRAMEWORKS: a string, which the SDK tests with `in` (a substring test). */
const TRAINIUM_FRAMEWORK = 'pytorch';
/** Frameworks whose config is swapped for `{framework}-neuron` on Inferentia and Trainium instances. */
const NEURON_FRAMEWORKS: ReadonlySet<string> = new Set(['huggingface', 'pytorch']);
/** Frameworks that default to the training scope when none is given (their configs have none at the top). */
const TRAINING_DEFAULT_FRAMEWORKS: ReadonlySet<string> = new Set(['xgboost', 'sklearn']);

/** `ml.m5.xlarge` → `m5`, `ml_g4dn` → `g4dn`; `` when the name has another shape (common_utils.get_instance_type_family). */
export function instanceFamily(instanceType: string): string {
  return /^ml[._]([a-z\d-]+)\.?\w*$/.exec(instanceType)?.[1] ?? '';
}

/**
 * The config the SDK reads for `framework` on this instance type (`_get_inference_tool`): an
 * `inference_tool` given wins; else `ml.inf*`/`ml.trn*` mean `neuron`. The tool swaps the config
 * for `{framework}-{tool}` (`pytorch-neuron`, `huggingface-neuronx`) for PyTorch and Hugging Face.
 */
export function configFramework(framework: string, instanceType: string | undefined, inferenceTool?: string): string {
  if (!NEURON_FRAMEWORKS.has(framework)) return framework;
  const family = instanceType === undefined ? '' : instanceFamily(instanceType);
  const tool = inferenceTool ?? (family.startsWith('inf') || family.startsWith('trn') ? 'neuron' : undefined);
  return tool === 'neuron' || tool === 'neuronx' ? `${framework}-${tool}` : framework;
}

/** The Neuron configs an unknown instance type (or tool) may lead `framework` to. */
export function neuronConfigs(framework: string): string[] {
  return NEURON_FRAMEWORKS.has(framework) ? [`${framework}-neuron`, `${framework}-neuronx`] : [];
}

/**
 * The tool v2's `HuggingFaceModel.deploy` passes: `neuron` on `ml.inf1.*`, `neuronx` on the other
 * `ml.inf*` types; undefined elsewhere (then `retrieve` decides from the instance type).
 */
export function huggingFaceDeployTool(instanceType: string): 'neuron' | 'neuronx' | undefined {
  if (!instanceType.startsWith('ml.inf')) return undefined;
  return instanceType.startsWith('ml.inf1') ? 'neuron' : 'neuronx';
}

/**
 * The instance kind on which the SDK refuses `framework` before reading any config
 * (`_validate_for_suppported_frameworks_and_instance_type`): `Trainium` for all but PyTorch on an
 * instance type holding `trn`; `Graviton` for frameworks without Graviton images on a Graviton
 * family. Configs built for Neuron (`huggingface-neuronx`, `djl-neuronx`) are left alone: the SDK
 * refuses those on Trainium too, but their images are made for it and other paths reach them.
 */
export function refusedInstanceKind(framework: string, instanceType: string): 'Trainium' | 'Graviton' | undefined {
  if (framework.includes('neuron')) return undefined;
  if (instanceType.includes('trn') && !TRAINIUM_FRAMEWORK.includes(framework)) return 'Trainium';
  if (GRAVITON_FAMILIES.has(instanceFamily(instanceType)) && !GRAVITON_FRAMEWORKS.has(framework)) return 'Graviton';
  return undefined;
}

/** True when the instance type makes the SDK look for a Graviton inference image. */
export function forcesGraviton(framework: string, instanceType: string | undefined): boolean {
  return instanceType !== undefined && GRAVITON_FRAMEWORKS.has(framework) && GRAVITON_FAMILIES.has(instanceFamily(instanceType));
}

/** Every scope of the framework's images, in first-seen order (newest version first). */
export function frameworkScopes(images: readonly CatalogImage[]): string[] {
  const scopes: string[] = [];
  for (const image of images) for (const scope of image.scopes) if (!scopes.includes(scope)) scopes.push(scope);
  return scopes;
}

/**
 * The scope the SDK uses when the call names none, or undefined when the SDK would stop with
 * "Unsupported image scope: None". A config with one scope uses it; XGBoost and scikit-learn use
 * `training`; a config shared by training and inference (every image serves both) uses `training`.
 */
export function defaultScope(framework: string, images: readonly CatalogImage[]): string | undefined {
  const scopes = frameworkScopes(images);
  if (scopes.length === 1) return scopes[0];
  if (TRAINING_DEFAULT_FRAMEWORKS.has(framework)) return 'training';
  const shared = images.every((image) => image.scopes.length === 2 && image.scopes.includes('training') && image.scopes.includes('inference'));
  return shared ? 'training' : undefined;
}

/**
 * Whether the instance type runs GPU code: `local` is CPU, `local_gpu` GPU; `ml.*` types by the
 * SDK's GPU table, else by family (see instanceHasGpus). Undefined for Inferentia, Trainium and
 * names we cannot judge.
 */
export function instanceRunsGpu(instanceType: string, gpus: InstanceGpuTable): boolean | undefined {
  if (instanceType === 'local') return false;
  if (instanceType.startsWith('local')) return true;
  const family = instanceFamily(instanceType);
  if (family.startsWith('inf') || family.startsWith('trn')) return undefined;
  return instanceHasGpus(gpus, instanceType);
}
