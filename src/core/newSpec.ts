/**
 * A new spec for one request kind: the model's required members plus the members most jobs set,
 * a pinned SageMaker image for the target region, and blanks for what only the user knows (names,
 * the role, S3 locations). Members are ordered as a person reads a job (one table below), and the
 * editor inserts the spec as a snippet whose tab stops walk the blanks in that order. Blanks stay
 * empty (`""`, `"s3://"`), so the diagnostics point at each one until it is filled in.
 */
import { algorithmOfImage } from './algorithms/algorithmJobs';
import type { AlgorithmTable } from './algorithms/algorithmTable';
import { parseImageReference } from './imageReference';
import type { ApiModel, Shape } from './apiModel/apiModel';
import { escapeSnippet, placeholderValue } from './apiModel/placeholders';
import type { Catalog } from './catalog/catalog';
import type { SpecKind } from './specKind';

/** A value the user must fill in: written as `prefix` (`s3://`), with a tab stop right after it. */
export interface Blank {
  readonly blank: true;
  readonly prefix: string;
}

/** A member value of a new spec: JSON, with blanks where the user types. Objects keep insertion order. */
export type SpecValue = string | number | boolean | null | Blank | SpecValue[] | SpecObject;
export interface SpecObject {
  [name: string]: SpecValue;
}

/** A blank with `prefix` already written (`blank('s3://')`); `blank()` is an empty string to fill. */
export function blank(prefix = ''): Blank {
  return { blank: true, prefix };
}

/** True for a blank (made by `blank()`), false for any JSON value. */
export function isBlank(value: SpecValue): value is Blank {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && (value as Blank).blank === true;
}

/** What a user picks from, with a one-line description and the file name a new spec proposes. */
export const NEW_SPEC_CHOICES: readonly { kind: SpecKind; description: string; fileStem: string }[] = [
  { kind: 'CreateTrainingJob', description: 'Train a model (aws sagemaker create-training-job)', fileStem: 'training-job' },
  { kind: 'CreateModel', description: 'Register a model for hosting (create-model)', fileStem: 'model' },
  { kind: 'CreateEndpointConfig', description: 'Instances and variants for an endpoint (create-endpoint-config)', fileStem: 'endpoint-config' },
  { kind: 'CreateEndpoint', description: 'Deploy an endpoint from a config (create-endpoint)', fileStem: 'endpoint' },
  { kind: 'CreateProcessingJob', description: 'Run a processing script (create-processing-job)', fileStem: 'processing-job' },
  { kind: 'CreateTransformJob', description: 'Batch inference over S3 data (create-transform-job)', fileStem: 'transform-job' },
  { kind: 'CreateHyperParameterTuningJob', description: 'Tune hyperparameters over training jobs (create-hyper-parameter-tuning-job)', fileStem: 'tuning-job' },
];

/**
 * The order a person reads each object in, keyed by the API model's structure name: who and what
 * first (the name, the role, the image), then where it runs, its data in and out, its limits, and
 * its tuning knobs last. Members not listed follow in the model's order. One table for every
 * request kind, and for the objects inside them.
 */
export const READING_ORDER: Readonly<Record<string, readonly string[]>> = {
  CreateTrainingJobRequest: [
    'TrainingJobName', 'RoleArn', 'AlgorithmSpecification', 'ResourceConfig', 'InputDataConfig', 'OutputDataConfig', 'StoppingCondition', 'HyperParameters',
  ],
  CreateModelInput: ['ModelName', 'ExecutionRoleArn', 'PrimaryContainer', 'Containers', 'VpcConfig'],
  CreateEndpointConfigInput: ['EndpointConfigName', 'ProductionVariants'],
  CreateEndpointInput: ['EndpointName', 'EndpointConfigName'],
  CreateProcessingJobRequest: [
    'ProcessingJobName', 'RoleArn', 'AppSpecification', 'ProcessingResources', 'ProcessingInputs', 'ProcessingOutputConfig', 'StoppingCondition', 'Environment',
  ],
  CreateTransformJobRequest: ['TransformJobName', 'ModelName', 'TransformResources', 'TransformInput', 'TransformOutput'],
  CreateHyperParameterTuningJobRequest: ['HyperParameterTuningJobName', 'HyperParameterTuningJobConfig', 'TrainingJobDefinition'],
  HyperParameterTrainingJobDefinition: [
    'DefinitionName', 'RoleArn', 'AlgorithmSpecification', 'ResourceConfig', 'InputDataConfig', 'OutputDataConfig', 'StoppingCondition', 'StaticHyperParameters',
  ],
  HyperParameterTuningJobConfig: ['Strategy', 'HyperParameterTuningJobObjective', 'ResourceLimits', 'ParameterRanges'],
  AlgorithmSpecification: ['TrainingImage', 'AlgorithmName', 'TrainingInputMode'],
  ContainerDefinition: ['Image', 'ModelDataUrl', 'Environment'],
  ProductionVariant: ['VariantName', 'ModelName', 'InstanceType', 'InitialInstanceCount'],
  ProcessingClusterConfig: ['InstanceType', 'InstanceCount', 'VolumeSizeInGB'],
  Channel: ['ChannelName', 'DataSource', 'ContentType'],
  S3DataSource: ['S3Uri', 'S3DataType', 'S3DataDistributionType'],
  TransformS3DataSource: ['S3Uri', 'S3DataType'],
  OutputDataConfig: ['S3OutputPath'],
  TransformOutput: ['S3OutputPath'],
};

export interface NewSpecInputs {
  apiModel: ApiModel;
  catalog: Catalog;
  region: string;
  /** The built-in algorithms' facts: the training image's required hyperparameters become blanks. */
  algorithms?: AlgorithmTable;
}

/** The members of a new spec of `kind`, in reading order at every level, with blanks to fill in. */
export function newSpecMembers(kind: SpecKind, inputs: NewSpecInputs): SpecObject {
  const shape = inputs.apiModel.inputShape(kind);
  if (!shape) throw new Error(`no input shape for ${kind}`);
  // The model's placeholders leave "" for every required string: each one is a blank.
  const required = blanksForEmptyStrings(placeholderValue(shape) as SpecValue) as SpecObject;
  const images = imagesFor(inputs);
  return inReadingOrder(merge(required, commonMembers(kind, images, requiredHyperParameters(inputs, images.training))), shape) as SpecObject;
}

/** The text of a new spec with its blanks left empty: what the editor shows once the snippet is in. */
export function newSpecText(kind: SpecKind, inputs: NewSpecInputs): string {
  return `${renderSpec(newSpecMembers(kind, inputs), false)}\n`;
}

/** The snippet of a new spec: its text, with tab stops `$1`, `$2`, … at the blanks in reading order. */
export function newSpecSnippet(kind: SpecKind, inputs: NewSpecInputs): string {
  return `${specSnippet(newSpecMembers(kind, inputs))}\n`;
}

/**
 * Snippet text of ordered members, indented by two spaces as `JSON.stringify(…, null, 2)` would
 * write them: each blank becomes `"<prefix>$n"`, numbered in the order it is written, and every
 * other character is escaped for the snippet syntax. Add blanks to `members` (an algorithm's
 * required hyperparameters) and they join the walk in their place.
 */
export function specSnippet(members: SpecObject): string {
  return renderSpec(members, true);
}

/**
 * A file name for a new spec that no existing file takes: `<stem>.sagemaker.json`, else
 * `<stem>-2.sagemaker.json`, `<stem>-3…`. `taken` says whether a name is in use (on disk or by an
 * open untitled document).
 */
export async function freeSpecFileName(stem: string, taken: (name: string) => boolean | Promise<boolean>): Promise<string> {
  for (let counter = 1; ; counter++) {
    const name = `${stem}${counter === 1 ? '' : `-${counter}`}.sagemaker.json`;
    if (!(await taken(name))) return name;
  }
}

function renderSpec(members: SpecObject, snippet: boolean): string {
  let tabStop = 0;
  const literal = (text: string) => (snippet ? escapeSnippet(text) : text);
  const render = (value: SpecValue, indent: string): string => {
    if (isBlank(value)) {
      const quoted = JSON.stringify(value.prefix);
      return snippet ? `${literal(quoted.slice(0, -1))}$${++tabStop}"` : quoted;
    }
    const inner = `${indent}  `;
    if (Array.isArray(value)) {
      if (value.length === 0) return '[]';
      return `[\n${value.map((item) => inner + render(item, inner)).join(',\n')}\n${indent}]`;
    }
    if (typeof value === 'object' && value !== null) {
      const entries = Object.entries(value);
      if (entries.length === 0) return '{}';
      return `{\n${entries.map(([name, item]) => `${inner}${literal(JSON.stringify(name))}: ${render(item, inner)}`).join(',\n')}\n${indent}}`;
    }
    return literal(JSON.stringify(value));
  };
  return render(members, '');
}

interface DefaultImages {
  training: string;
  inference: string;
  processing: string;
}

/** The newest pinned XGBoost (training, hosting) and scikit-learn (processing) images of the region. */
function imagesFor({ catalog, region }: NewSpecInputs): DefaultImages {
  const newest = (framework: string, scope: string) => catalog.pinnedVersions(framework, region, scope)[0]?.uri ?? '';
  return { training: newest('xgboost', 'training'), inference: newest('xgboost', 'inference'), processing: newest('sklearn', 'training') };
}

/**
 * The hyperparameters the training image's algorithm always needs (XGBoost's `num_round`), each a
 * blank to fill in; none for an image that is not a built-in algorithm's, or without the facts.
 */
function requiredHyperParameters({ catalog, algorithms }: NewSpecInputs, trainingImage: string): SpecObject {
  const parsed = trainingImage ? parseImageReference(trainingImage) : undefined;
  const facts = algorithms && parsed?.ok ? algorithmOfImage(catalog, algorithms, parsed.reference) : undefined;
  const blanks: SpecObject = {};
  for (const name of facts?.hyperparameterNames ?? []) if (facts!.data.hyperparameters[name].required) blanks[name] = blank();
  return blanks;
}

const S3_DATA = { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: blank('s3://'), S3DataDistributionType: 'FullyReplicated' } };
const TRAIN_CHANNEL = { ChannelName: 'train', DataSource: S3_DATA, ContentType: 'text/csv' };
const RESOURCES = { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 };
const STOPPING = { MaxRuntimeInSeconds: 3600 };

/** The members most requests of each kind set, beyond the required ones. */
function commonMembers(kind: SpecKind, images: DefaultImages, hyperParameters: SpecObject): SpecObject {
  switch (kind) {
    case 'CreateTrainingJob':
      return {
        AlgorithmSpecification: { TrainingImage: images.training, TrainingInputMode: 'File' },
        HyperParameters: hyperParameters,
        InputDataConfig: [TRAIN_CHANNEL],
        OutputDataConfig: { S3OutputPath: blank('s3://') },
        ResourceConfig: RESOURCES,
        StoppingCondition: STOPPING,
      };
    case 'CreateModel':
      return { ExecutionRoleArn: blank(), PrimaryContainer: { Image: images.inference, ModelDataUrl: blank('s3://') } };
    case 'CreateEndpointConfig':
      return { ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: blank(), InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }] };
    case 'CreateEndpoint':
      return {};
    case 'CreateProcessingJob':
      return {
        AppSpecification: { ImageUri: images.processing, ContainerEntrypoint: ['python3', '/opt/ml/processing/input/code/processing.py'] },
        ProcessingResources: { ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 30 } },
        StoppingCondition: STOPPING,
      };
    case 'CreateTransformJob':
      return {
        TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: blank('s3://') } }, ContentType: 'text/csv' },
        TransformOutput: { S3OutputPath: blank('s3://') },
        TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1 },
      };
    case 'CreateHyperParameterTuningJob':
      return {
        HyperParameterTuningJobConfig: {
          Strategy: 'Bayesian',
          HyperParameterTuningJobObjective: { Type: 'Maximize', MetricName: 'validation:auc' },
          ResourceLimits: { MaxNumberOfTrainingJobs: 10, MaxParallelTrainingJobs: 2 },
          ParameterRanges: { ContinuousParameterRanges: [{ Name: 'eta', MinValue: '0.1', MaxValue: '0.5' }] },
        },
        TrainingJobDefinition: {
          AlgorithmSpecification: { TrainingImage: images.training, TrainingInputMode: 'File' },
          RoleArn: blank(),
          StaticHyperParameters: { ...hyperParameters, objective: 'binary:logistic', eval_metric: 'auc' },
          InputDataConfig: [TRAIN_CHANNEL],
          OutputDataConfig: { S3OutputPath: blank('s3://') },
          ResourceConfig: RESOURCES,
          StoppingCondition: STOPPING,
        },
      };
  }
}

function blanksForEmptyStrings(value: SpecValue): SpecValue {
  if (value === '') return blank();
  if (Array.isArray(value)) return value.map(blanksForEmptyStrings);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, blanksForEmptyStrings(item)]));
  return value;
}

/** Objects merge member by member; anything else in `overlay` wins. */
function merge(base: SpecValue, overlay: SpecValue): SpecValue {
  if (!isObject(base) || !isObject(overlay)) return overlay;
  const result: SpecObject = { ...base };
  for (const [name, value] of Object.entries(overlay)) result[name] = name in base ? merge(base[name], value) : value;
  return result;
}

/** Members in `READING_ORDER` first, the rest in the model's order, at every level. */
function inReadingOrder(value: SpecValue, shape: Shape | undefined): SpecValue {
  if (Array.isArray(value)) return value.map((item) => inReadingOrder(item, shape?.type === 'list' ? shape.member : undefined));
  if (!isObject(value) || shape?.type !== 'structure') return value;
  const order = [...(READING_ORDER[shape.name] ?? []), ...shape.members.keys()];
  const rank = (name: string) => {
    const at = order.indexOf(name);
    return at < 0 ? order.length : at;
  };
  const names = Object.keys(value).sort((a, b) => rank(a) - rank(b));
  return Object.fromEntries(names.map((name) => [name, inReadingOrder(value[name], shape.members.get(name))]));
}

function isObject(value: SpecValue): value is SpecObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isBlank(value);
}
