/**
 * The SageMaker Python SDK (v2) arguments that the SDK sends unchanged as members of the request
 * it writes: an estimator's `instance_type="ml.m5.xlarge"` is the CreateTrainingJob's
 * `ResourceConfig.InstanceType`, a processor's the CreateProcessingJob's
 * `ProcessingResources.ClusterConfig.InstanceType` (`_Job._prepare_resource_config`,
 * `ProcessingJob.start_new`). The API-model rules judge them as they judge the member in a boto3
 * request, so a misspelt instance type is caught before `fit()` or `run()` sends it.
 *
 * Left out: `None` (the argument is not given; `instance_groups` may stand in), local mode's
 * `"local"` and `"local_gpu"` (the SDK runs the job in Docker and sends no request), and anything
 * not literal (a variable), which is never judged. A Pipelines parameter (`ParameterString(…,
 * default_value="ml.m5.xlarge")`) is judged through its default and enum values, reported where
 * they are written (pythonPipelineParameters.ts).
 */
import type { Node } from 'jsonc-parser';
import type { SdkArgument, SdkRequest } from '../../specDocument';
import type { SpecKind } from '../../specKind';
import { isDynamic } from '../../requestTree';
import { isLocalInstanceType } from './pythonLocalMode';
import { withPipelineParameter } from './pythonPipelineParameters';
import { childrenOf, type SyntaxNode } from './pythonSyntax';
import { argumentsInfo, type PythonNode, type PythonValues } from './pythonValues';

/**
 * The request an SDK call writes, among those whose arguments are mapped here: an estimator's
 * training job, a processor's processing job, the endpoint config and transform job of an
 * estimator's or model's `deploy(…)` and `transformer(…)`, and the model package of its `register(…)`.
 */
export type SdkJob = 'training' | 'processing' | 'endpoint' | 'transform' | 'modelPackage';

interface MappedArguments {
  kind: SpecKind;
  /** Keyword → the member's path in the request. */
  members: Readonly<Record<string, readonly (string | number)[]>>;
}

const CLUSTER = ['ProcessingResources', 'ClusterConfig'];

/** Per job, the keywords sent unchanged and where (SDK v2 parameter names). */
const MAPPED: Readonly<Record<Exclude<SdkJob, 'modelPackage'>, MappedArguments>> = {
  training: {
    kind: 'CreateTrainingJob',
    members: {
      instance_type: ['ResourceConfig', 'InstanceType'],
      instance_count: ['ResourceConfig', 'InstanceCount'],
      volume_size: ['ResourceConfig', 'VolumeSizeInGB'],
      // `InstanceGroup(…)` objects: known to be there (a count of 0 is then no mistake), their values unknown.
      instance_groups: ['ResourceConfig', 'InstanceGroups'],
      max_run: ['StoppingCondition', 'MaxRuntimeInSeconds'],
      // `_Job._prepare_stop_condition` sends a non-zero `max_wait`; `Session.train` a true `use_spot_instances`.
      max_wait: ['StoppingCondition', 'MaxWaitTimeInSeconds'],
      use_spot_instances: ['EnableManagedSpotTraining'],
      input_mode: ['AlgorithmSpecification', 'TrainingInputMode'],
    },
  },
  processing: {
    kind: 'CreateProcessingJob',
    members: {
      instance_type: [...CLUSTER, 'InstanceType'],
      instance_count: [...CLUSTER, 'InstanceCount'],
      volume_size_in_gb: [...CLUSTER, 'VolumeSizeInGB'],
      max_runtime_in_seconds: ['StoppingCondition', 'MaxRuntimeInSeconds'],
    },
  },
  // `Model.deploy` / `Estimator.deploy`: one production variant (`production_variant()`).
  endpoint: {
    kind: 'CreateEndpointConfig',
    members: { instance_type: ['ProductionVariants', 0, 'InstanceType'], initial_instance_count: ['ProductionVariants', 0, 'InitialInstanceCount'] },
  },
  transform: {
    kind: 'CreateTransformJob',
    members: { instance_type: ['TransformResources', 'InstanceType'], instance_count: ['TransformResources', 'InstanceCount'] },
  },
};

/**
 * The estimator and model methods whose arguments are mapped, with their leading parameters in
 * order (the same in `EstimatorBase` and `Model`, every v2 release).
 */
export const SDK_METHODS: Readonly<Record<string, { job: SdkJob; positional: readonly string[] }>> = {
  deploy: { job: 'endpoint', positional: ['initial_instance_count', 'instance_type'] },
  transformer: { job: 'transform', positional: ['instance_count', 'instance_type'] },
  // `Model.register` and `EstimatorBase.register` share these four (v2.50 to v2.257).
  register: { job: 'modelPackage', positional: ['content_types', 'response_types', 'inference_instances', 'transform_instances'] },
};

/**
 * `register(…)`'s instance type lists, which the SDK sends unchanged in CreateModelPackage's
 * `InferenceSpecification` (`get_model_package_args`). The API model data holds no
 * CreateModelPackage, so each entry is judged by a member of the same shape in a request it does
 * hold: `SupportedRealtimeInferenceInstanceTypes` lists `ProductionVariantInstanceType`s, as an
 * endpoint config's variant takes; `SupportedTransformInstanceTypes` lists `TransformInstanceType`s,
 * as a transform job's resources take. Messages name the member the entry is sent in.
 */
const REGISTER_LISTS: Readonly<Record<string, { kind: SpecKind; path: readonly (string | number)[]; member: string }>> = {
  inference_instances: { kind: 'CreateEndpointConfig', path: ['ProductionVariants', 0, 'InstanceType'], member: 'InferenceSpecification.SupportedRealtimeInferenceInstanceTypes' },
  transform_instances: { kind: 'CreateTransformJob', path: ['TransformResources', 'InstanceType'], member: 'InferenceSpecification.SupportedTransformInstanceTypes' },
};

/**
 * The arguments of one SDK call that the SDK sends unchanged for `job`, in keyword order of the
 * table; `argument(keyword)` gives the call's argument for a parameter (by keyword or position),
 * or undefined when it is not written. `spelled` names a parameter written under another name
 * (`train_instance_type`, see renameEstimatorKeywords), which messages then say.
 */
export function sdkArgumentsOf(values: PythonValues, job: SdkJob, argument: (keyword: string) => SyntaxNode | undefined, spelled?: ReadonlyMap<string, string>): SdkArgument[] {
  if (job === 'modelPackage') return registerArgumentsOf(values, argument);
  const { kind, members } = MAPPED[job];
  const found: SdkArgument[] = [];
  for (const [keyword, path] of Object.entries(members)) {
    const syntax = argument(keyword);
    if (!syntax) continue;
    const read = values.node(syntax, undefined);
    if (read.type === 'null' && !read.dynamic) continue;
    if (keyword === 'instance_type' && isLocalInstanceType(read)) continue;
    if (keyword === 'max_wait' && read.type === 'number' && read.value === 0 && !read.dynamic) continue; // falsy: not sent
    const { value, notes } = withPipelineParameter(values, values.scopes, values.pipelineParameters, syntax, read);
    found.push({ kind, path, keyword: spelled?.get(keyword) ?? keyword, value, ...(notes && { notes }) });
  }
  return found;
}

/**
 * Each entry of `register(…)`'s instance type lists (see REGISTER_LISTS), in written order: a
 * list written in place or through a name bound once; a list we cannot read, a `None` or local
 * entry, or a value that is not a list (the SDK sends it as it is; the API then refuses its type)
 * is not judged here.
 */
function registerArgumentsOf(values: PythonValues, argument: (keyword: string) => SyntaxNode | undefined): SdkArgument[] {
  const found: SdkArgument[] = [];
  for (const [keyword, { kind, path, member }] of Object.entries(REGISTER_LISTS)) {
    const syntax = argument(keyword);
    const list = syntax && values.node(syntax, undefined);
    if (list?.type !== 'array' || isDynamic(list)) continue;
    for (const value of list.children ?? []) {
      if ((value.type === 'null' && !isDynamic(value)) || isLocalInstanceType(value)) continue;
      found.push({ kind, path, keyword, value, member });
    }
  }
  return found;
}

/** `{ arguments: found }` when there are any, else nothing (most calls write none the API model could judge). */
export function withArguments(found: SdkArgument[]): { arguments?: SdkArgument[] } {
  return found.length > 0 ? { arguments: found } : {};
}

/** Keywords that set how SageMaker reaches the image's registry (v2 estimators and models, v3 ModelTrainer). */
const ACCESS_MODE_KEYWORDS = ['training_repository_access_mode', 'image_config', 'training_image_config'];

/**
 * True when the call may send a repository access mode: it passes one of the keywords that set
 * it, or `**kwargs` that may hold one.
 */
export function mayNameAccessMode(keywords: ReadonlyMap<string, SyntaxNode>, argList: SyntaxNode): boolean {
  return ACCESS_MODE_KEYWORDS.some((keyword) => keywords.has(keyword)) || childrenOf(argList).some((child) => child.name === '**');
}

/** The managed spot parameters whose absence the spot rule judges (see SdkRequest.unwrittenArguments). */
const SPOT_PARAMETERS = ['use_spot_instances', 'max_wait', 'max_run'] as const;

/** `est.max_wait = 7200` (or `train_` spellings) anywhere in the file: the estimator's attribute set after the call. */
const SPOT_ATTRIBUTE_SET = /\.\s*(?:train_)?(?:use_spot_instances|max_wait|max_run)\s*=(?!=)/;

/**
 * For an estimator call whose arguments are all read (`closed`: no `**x` or position we cannot
 * map), a node per managed spot parameter it does not send (SdkRequest.unwrittenArguments): a
 * `None` (or `max_wait=0`) as written, which a fix replaces, or for one not written a node on the
 * callee that a fix turns into a keyword argument after the last one. Undefined when the call is
 * not closed or the file sets one of these attributes later (`est.max_wait = 7200`).
 */
export function unwrittenSpotArguments(
  values: PythonValues,
  callee: SyntaxNode,
  argList: SyntaxNode,
  argument: (keyword: string) => SyntaxNode | undefined,
  closed: boolean,
): { unwrittenArguments?: SdkRequest['unwrittenArguments'] } {
  if (!closed || SPOT_ATTRIBUTE_SET.test(values.text)) return {};
  const unwritten: Partial<Record<(typeof SPOT_PARAMETERS)[number], Node>> = {};
  for (const keyword of SPOT_PARAMETERS) {
    const syntax = argument(keyword);
    if (!syntax) {
      unwritten[keyword] = { type: 'string', offset: callee.from, length: callee.to - callee.from, python: { kind: 'defaultArgument', keyword, call: argumentsInfo(argList, 'call') } } as PythonNode;
      continue;
    }
    const read = values.node(syntax, undefined);
    const leftOut = !read.dynamic && (read.type === 'null' || (keyword === 'max_wait' && read.type === 'number' && read.value === 0));
    // `max_run=None` is sent as it is (the API refuses it): not the default, so not listed.
    if (leftOut && keyword !== 'max_run') unwritten[keyword] = read;
  }
  return { unwrittenArguments: unwritten };
}
