/**
 * The built-in algorithm jobs of a request: for each training image that the catalog identifies
 * as a SageMaker algorithm image (an AWS account's `kmeans`, `sagemaker-xgboost`, …; written out,
 * or a template whose static parts name one, see algorithmOfTemplate), the facts
 * of its algorithm and version and the request members that feed it (hyperparameters, tuning
 * ranges, channels, instances, objective). A CreateTrainingJob has one job; a tuning job one per
 * training job definition.
 *
 * Script mode is not algorithm mode: a job whose hyperparameters set `sagemaker_program` runs the
 * user's own script in the XGBoost container, which then validates nothing; it yields no job.
 */
import type { Node } from 'jsonc-parser';
import type { Catalog } from '../catalog/catalog';
import { parseImageReference, type ImageReference } from '../imageReference';
import { findProperty, memberValue, stringValue } from '../jsonTree';
import { hasOpenMembers, isDynamic, type RequestNode, type TemplatePart } from '../requestTree';
import { topLevelObject, type ImageField, type SpecDocument } from '../specDocument';
import { HOLE, hasHole, parseTemplateReference } from '../templateReference';
import type { AlgorithmFacts, AlgorithmTable } from './algorithmTable';
import { hyperparametersFromKeywords } from './sdkEstimatorHyperparameters';

/** The hyperparameter that switches the XGBoost container (and the SDK's framework estimators) to script mode. */
export const SCRIPT_MODE_HYPERPARAMETER = 'sagemaker_program';

export interface AlgorithmJob {
  facts: AlgorithmFacts;
  image: ImageField;
  /** The object holding the job's members: the request, or a tuning job's training job definition. */
  definition: Node;
  tuning: boolean;
  /** `HyperParameters` (training) or `StaticHyperParameters` (tuning). */
  hyperparametersMember: 'HyperParameters' | 'StaticHyperParameters';
  /** The hyperparameter map, when it is a static object. */
  hyperparameters: Node | undefined;
  /** True when the map (or a member of it) is computed: no missing-hyperparameter findings. */
  hyperparametersOpen: boolean;
  /**
   * Set when the SDK's Amazon algorithm estimator writes the hyperparameters (`KMeans(k=10)`):
   * names are its keyword arguments, and the ones it fills at fit() are never missing.
   */
  sdkEstimator?: true;
  /**
   * `ParameterRanges` objects that apply (the definition's, and for a single definition the tuning
   * config's; for an SDK estimator, those of the tuners that take it).
   */
  parameterRanges: Node[];
  /** `HyperParameterTuningJobObjective` / `TuningObjective` objects that apply (an SDK estimator's: its tuners'). */
  objectives: Node[];
}

/**
 * The algorithm and version an image names, or undefined when it is not a SageMaker built-in
 * algorithm image we have facts for. `sagemaker-xgboost` takes its version from the tag
 * (`1.7-1`, `1.0-1-cpu-py3`); a floating or unknown tag gives the facts of every version. The
 * legacy `xgboost` repository has one version (0.72), like the other algorithms.
 */
export function algorithmOfImage(catalog: Catalog, table: AlgorithmTable, reference: ImageReference): AlgorithmFacts | undefined {
  const ecr = reference.ecr;
  if (!ecr || !catalog.isAwsAccount(ecr.account.text)) return undefined;
  return algorithmOfRepository(catalog, table, reference.repository.text, reference.tag?.text);
}

/**
 * The algorithm and version of an image built from a template (`{account}.dkr.ecr.{region}…`),
 * or undefined when its static parts do not tell. They tell when they give an Amazon ECR host,
 * the repository and the tag (or no tag): a placeholder in the repository or tag could name any
 * image. The account must be an account that serves the repository in some region, or a
 * placeholder: SageMaker's algorithm images live in a different account in each region, so a
 * template that runs in many regions writes the account as a placeholder (a mapping per region),
 * and even a copy in the user's own registry under the same repository and tag is the same
 * container, which validates its hyperparameters the same way. The region may be a placeholder:
 * the algorithm's facts do not depend on it.
 */
export function algorithmOfTemplate(catalog: Catalog, table: AlgorithmTable, parts: readonly TemplatePart[]): AlgorithmFacts | undefined {
  const reference = parseTemplateReference(parts);
  const ecr = reference?.ecr;
  if (!reference || !ecr || hasHole(reference.repository) || hasHole(reference.nameAndTag)) return undefined;
  const { repository } = reference;
  if (ecr.account !== HOLE && !catalog.regionsForRepository(repository).some((region) => catalog.accountsForRepository(repository, region).includes(ecr.account))) return undefined;
  return algorithmOfRepository(catalog, table, repository, reference.tag);
}

/** The facts of an AWS algorithm repository at a tag (see algorithmOfImage), or undefined when it is no built-in algorithm's. */
function algorithmOfRepository(catalog: Catalog, table: AlgorithmTable, repository: string, tag: string | undefined): AlgorithmFacts | undefined {
  if (!table.has(repository)) return undefined;
  if (!catalog.imagesForRepository(repository).some((image) => image.kind === 'built-in-algorithm')) return undefined;
  const versions = table.data.algorithms[repository].versions;
  if (versions.length === 1) return table.facts(repository, versions[0]);
  const version = tag === undefined ? undefined : versions.find((candidate) => tag === candidate || tag.startsWith(`${candidate}-`));
  return table.facts(repository, version);
}

/**
 * The algorithm and version `image_uris.retrieve(framework, region, version)` gives, or undefined
 * when that is no built-in algorithm image we have facts for. The catalog maps the SDK's framework
 * name and version to the repository (`xgboost` `1.7-1` → `sagemaker-xgboost`, `xgboost` `1` → the
 * legacy `xgboost`, and so does its alias `latest`); the other algorithms have one version, so theirs may be left out. An XGBoost
 * call whose version is not known names no repository: no facts.
 */
export function algorithmOfFramework(catalog: Catalog, table: AlgorithmTable, framework: string, version: string | undefined): AlgorithmFacts | undefined {
  const images = catalog.imagesForFramework(framework).filter((image) => image.kind === 'built-in-algorithm');
  const repositories = new Set(images.map((image) => image.repository));
  // The SDK reads a version alias (`latest` → `1`, the legacy image) as the version it names.
  const image =
    version === undefined
      ? repositories.size === 1
        ? images[0]
        : undefined
      : images.find((candidate) => candidate.version === version || candidate.tags.includes(version) || candidate.aliases?.includes(version));
  if (!image || !table.has(image.repository)) return undefined;
  const versions = table.data.algorithms[image.repository].versions;
  return table.facts(image.repository, versions.length === 1 ? versions[0] : versions.find((candidate) => candidate === image.version));
}

/** The algorithm jobs of `spec`; empty for other request kinds and other images. */
export function algorithmJobs(spec: SpecDocument, catalog: Catalog, table: AlgorithmTable): AlgorithmJob[] {
  const root = topLevelObject(spec);
  if (!root || (spec.kind !== 'CreateTrainingJob' && spec.kind !== 'CreateHyperParameterTuningJob')) return [];
  const jobs: AlgorithmJob[] = [];
  for (const image of spec.images) {
    if (image.usage !== 'training' && image.usage !== 'tuning') continue;
    const facts = factsOfImage(catalog, table, image);
    if (!facts) continue;
    const tuning = image.usage === 'tuning';
    const definition = tuning ? definitionOf(root, image) : root;
    if (!definition) continue;
    const hyperparametersMember = tuning ? 'StaticHyperParameters' : 'HyperParameters';
    const hyperparametersValue = memberValue(definition, hyperparametersMember);
    const sdkEstimator = spec.sdkRequest?.amazonEstimator !== undefined;
    const written = hyperparametersValue?.type === 'object' ? hyperparametersValue : undefined;
    const hyperparameters = written && sdkEstimator ? hyperparametersFromKeywords(facts, written) : written;
    if (hyperparameters && isScriptMode(spec.text, hyperparameters)) continue;
    const parameterRanges: Node[] = [];
    const objectives: Node[] = [];
    const addObject = (list: Node[], node: Node | undefined) => {
      if (node?.type === 'object') list.push(node);
    };
    addObject(parameterRanges, memberValue(definition, 'HyperParameterRanges'));
    addObject(objectives, memberValue(definition, 'TuningObjective'));
    if (tuning && image.holderPath[0] === 'TrainingJobDefinition') {
      const config = memberValue(root, 'HyperParameterTuningJobConfig');
      addObject(parameterRanges, memberValue(config, 'ParameterRanges'));
      addObject(objectives, memberValue(config, 'HyperParameterTuningJobObjective'));
    }
    for (const tuner of spec.sdkRequest?.tuners ?? []) {
      addObject(parameterRanges, tuner.ranges);
      addObject(objectives, tuner.objective);
    }
    const hyperparametersOpen =
      (hyperparametersValue !== undefined && hyperparameters === undefined) || isDynamic(hyperparametersValue) || (hyperparameters !== undefined && hasOpenMembers(hyperparameters));
    jobs.push({ facts, image, definition, tuning, hyperparametersMember, hyperparameters, hyperparametersOpen, parameterRanges, objectives, ...(sdkEstimator && { sdkEstimator: true as const }) });
  }
  return jobs;
}

/** The algorithm an image field names: a literal reference, a template's static parts, or the SDK's `image_uris.retrieve` call. */
function factsOfImage(catalog: Catalog, table: AlgorithmTable, image: ImageField): AlgorithmFacts | undefined {
  if (image.parsed) return image.parsed.ok ? algorithmOfImage(catalog, table, image.parsed.reference) : undefined;
  // A `${TrainingImage}` filled by a template: the one deploying a state machine file, or the definition's own (its !Sub, its DefinitionSubstitutions).
  if (image.deployedAs) return algorithmOfDeployedImage(catalog, table, image.deployedAs.parts);
  const template = (image.value as RequestNode).template;
  if (template) return algorithmOfTemplate(catalog, table, template);
  return image.retrieved ? algorithmOfFramework(catalog, table, image.retrieved.framework, image.retrieved.version) : undefined;
}

/**
 * The algorithm of an image a template gives (ImageField.deployedAs): text alone is read as the
 * same text written in the field is (a literal reference), so `${XgbImage}` and the image it
 * stands for name the same algorithm; a template with placeholders by its static parts.
 */
function algorithmOfDeployedImage(catalog: Catalog, table: AlgorithmTable, parts: readonly TemplatePart[]): AlgorithmFacts | undefined {
  if (parts.some((part) => part.kind === 'placeholder')) return algorithmOfTemplate(catalog, table, parts);
  const parsed = parseImageReference(parts.map((part) => (part.kind === 'text' ? part.value : '')).join(''));
  return parsed.ok ? algorithmOfImage(catalog, table, parsed.reference) : undefined;
}

/**
 * True when the map has a `sagemaker_program` member. A text search of the map's source first: a
 * 16,000-entry map without the word costs one `indexOf`, not a walk over its members.
 */
function isScriptMode(text: string, hyperparameters: Node): boolean {
  // Searched within the map's own text: an indexOf from its start ran on to the end of the
  // document when the word was absent (100 XGBoost tasks in a state machine: 100 searches of it).
  const source = text.substring(hyperparameters.offset, hyperparameters.offset + hyperparameters.length);
  return source.includes(SCRIPT_MODE_HYPERPARAMETER) && findProperty(hyperparameters, SCRIPT_MODE_HYPERPARAMETER) !== undefined;
}

/** The training job definition that holds `image` (its holder path minus `AlgorithmSpecification`). */
function definitionOf(root: Node, image: ImageField): Node | undefined {
  let node: Node | undefined = root;
  for (const segment of image.holderPath.slice(0, -1)) {
    node = typeof segment === 'number' ? (node?.type === 'array' ? node.children?.[segment] : undefined) : memberValue(node, segment);
  }
  return node?.type === 'object' ? node : undefined;
}

/** The static string of member `name` of `object`, or undefined when absent, not a string or dynamic. */
export function staticString(object: Node | undefined, name: string): string | undefined {
  const value = memberValue(object, name);
  return value && !isDynamic(value) ? stringValue(value) : undefined;
}
