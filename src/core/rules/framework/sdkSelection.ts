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
/** Frameworks whose config is swapped for `{framework}-neuron` on Inferentia and Trainium instances. */
const NEURON_FRAMEWORKS: ReadonlySet<string> = new Set(['huggingface', 'pytorch']);
/** Frameworks that default to the training scope when none is given (their configs have none at the top). */
const TRAINING_DEFAULT_FRAMEWORKS: ReadonlySet<string> = new Set(['xgboost', 'sklearn']);

/** `ml.m5.xlarge` → `m5`, `ml_g4dn` → `g4dn`; `` when the name has another shape (common_utils.get_instance_type_family). */
export function instanceFamily(instanceType: string): string {
  return /^ml[._]([a-z\d-]+)\.?\w*$/.exec(instanceType)?.[1] ?? '';
}

/** The config the SDK reads for `framework` on this instance type: `pytorch-neuron` for `pytorch` on `ml.inf2.*`/`ml.trn1.*`. */
export function configFramework(framework: string, instanceType: string | undefined): string {
  if (instanceType === undefined || !NEURON_FRAMEWORKS.has(framework)) return framework;
  const family = instanceFamily(instanceType);
  return family.startsWith('inf') || family.startsWith('trn') ? `${framework}-neuron` : framework;
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
