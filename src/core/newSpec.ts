/**
 * The text of a new spec for one request kind: the model's required members (with typed
 * placeholders) plus the members most jobs set, and a pinned SageMaker image for the target region.
 * Empty strings are left for the user: diagnostics point at each one until it is filled in.
 */
import type { ApiModel, Shape } from './apiModel/apiModel';
import { placeholderValue } from './apiModel/placeholders';
import type { Catalog } from './catalog/catalog';
import type { SpecKind } from './specKind';

type Json = string | number | boolean | null | Json[] | { [name: string]: Json };
type JsonObject = { [name: string]: Json };

/** What a user picks from, with a one-line description each. */
export const NEW_SPEC_CHOICES: readonly { kind: SpecKind; description: string }[] = [
  { kind: 'CreateTrainingJob', description: 'Train a model (aws sagemaker create-training-job)' },
  { kind: 'CreateModel', description: 'Register a model for hosting (create-model)' },
  { kind: 'CreateEndpointConfig', description: 'Instances and variants for an endpoint (create-endpoint-config)' },
  { kind: 'CreateEndpoint', description: 'Deploy an endpoint from a config (create-endpoint)' },
  { kind: 'CreateProcessingJob', description: 'Run a processing script (create-processing-job)' },
  { kind: 'CreateTransformJob', description: 'Batch inference over S3 data (create-transform-job)' },
  { kind: 'CreateHyperParameterTuningJob', description: 'Tune hyperparameters over training jobs (create-hyper-parameter-tuning-job)' },
];

export interface NewSpecInputs {
  apiModel: ApiModel;
  catalog: Catalog;
  region: string;
}

export function newSpecText(kind: SpecKind, inputs: NewSpecInputs): string {
  const shape = inputs.apiModel.inputShape(kind);
  if (!shape) throw new Error(`no input shape for ${kind}`);
  const base = placeholderValue(shape) as JsonObject;
  const spec = merge(base, commonMembers(kind, imagesFor(inputs)));
  return `${JSON.stringify(orderLikeModel(spec, shape), null, 2)}\n`;
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

const S3_DATA = { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://', S3DataDistributionType: 'FullyReplicated' } };
const TRAIN_CHANNEL = { ChannelName: 'train', DataSource: S3_DATA, ContentType: 'text/csv' };
const RESOURCES = { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 };
const STOPPING = { MaxRuntimeInSeconds: 3600 };

/** The members most requests of each kind set, beyond the required ones. */
function commonMembers(kind: SpecKind, images: DefaultImages): JsonObject {
  switch (kind) {
    case 'CreateTrainingJob':
      return {
        AlgorithmSpecification: { TrainingImage: images.training, TrainingInputMode: 'File' },
        HyperParameters: {},
        InputDataConfig: [TRAIN_CHANNEL],
        OutputDataConfig: { S3OutputPath: 's3://' },
        ResourceConfig: RESOURCES,
        StoppingCondition: STOPPING,
      };
    case 'CreateModel':
      return { ExecutionRoleArn: '', PrimaryContainer: { Image: images.inference, ModelDataUrl: 's3://' } };
    case 'CreateEndpointConfig':
      return { ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: '', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }] };
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
        TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://' } }, ContentType: 'text/csv' },
        TransformOutput: { S3OutputPath: 's3://' },
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
          RoleArn: '',
          StaticHyperParameters: { objective: 'binary:logistic', eval_metric: 'auc' },
          InputDataConfig: [TRAIN_CHANNEL],
          OutputDataConfig: { S3OutputPath: 's3://' },
          ResourceConfig: RESOURCES,
          StoppingCondition: STOPPING,
        },
      };
  }
}

/** Objects merge member by member; anything else in `overlay` wins. */
function merge(base: Json, overlay: Json): Json {
  if (!isObject(base) || !isObject(overlay)) return overlay;
  const result: JsonObject = { ...base };
  for (const [name, value] of Object.entries(overlay)) result[name] = name in base ? merge(base[name], value) : value;
  return result;
}

/** Members in the model's order (the service's own, e.g. the job name first), at every level. */
function orderLikeModel(value: Json, shape: Shape | undefined): Json {
  if (Array.isArray(value)) return value.map((item) => orderLikeModel(item, shape?.type === 'list' ? shape.member : undefined));
  if (!isObject(value) || shape?.type !== 'structure') return value;
  const modelOrder = [...shape.members.keys()];
  const names = Object.keys(value).sort((a, b) => modelOrder.indexOf(a) - modelOrder.indexOf(b));
  return Object.fromEntries(names.map((name) => [name, orderLikeModel(value[name], shape.members.get(name))]));
}

function isObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
