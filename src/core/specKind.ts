/**
 * Tells which SageMaker request a JSON document is, from its top-level member names alone.
 * One function shared by every feature: diagnostics, completion, launch commands and the CLI.
 */

export const SPEC_KINDS = [
  'CreateTrainingJob',
  'CreateModel',
  'CreateEndpointConfig',
  'CreateEndpoint',
  'CreateProcessingJob',
  'CreateTransformJob',
  'CreateHyperParameterTuningJob',
] as const;

export type SpecKind = (typeof SPEC_KINDS)[number];

/** Which members identify each kind, in words, for the `unknown-spec-kind` message and docs. */
export const KIND_SIGNATURES: Record<SpecKind, string> = {
  CreateTrainingJob: '"AlgorithmSpecification", or "TrainingJobName" without "HyperParameterTuningJobConfig"',
  CreateModel: '"PrimaryContainer" or "Containers", or "ModelName" with "InferenceExecutionConfig"',
  CreateEndpointConfig: '"ProductionVariants", or "EndpointConfigName" without "EndpointName"',
  CreateEndpoint: '"EndpointName" with "EndpointConfigName"',
  CreateProcessingJob: '"AppSpecification" or "ProcessingJobName"',
  CreateTransformJob: '"TransformInput" or "TransformJobName"',
  CreateHyperParameterTuningJob: '"HyperParameterTuningJobConfig" or "HyperParameterTuningJobName"',
};

/**
 * The order matters where signatures overlap: a tuning job is checked before a training job
 * (both may name a training job), and an endpoint config by its variants before an endpoint.
 */
export function detectSpecKind(topLevelMembers: Iterable<string>): SpecKind | undefined {
  const has = new Set(topLevelMembers);
  if (has.has('HyperParameterTuningJobConfig') || has.has('HyperParameterTuningJobName')) return 'CreateHyperParameterTuningJob';
  if (has.has('AlgorithmSpecification') || has.has('TrainingJobName')) return 'CreateTrainingJob';
  if (has.has('AppSpecification') || has.has('ProcessingJobName')) return 'CreateProcessingJob';
  if (has.has('TransformInput') || has.has('TransformJobName')) return 'CreateTransformJob';
  // Only CreateModel has containers; a model still missing its name is a model to check.
  if (has.has('PrimaryContainer') || has.has('Containers') || (has.has('ModelName') && has.has('InferenceExecutionConfig'))) return 'CreateModel';
  if (has.has('ProductionVariants')) return 'CreateEndpointConfig';
  if (has.has('EndpointName') && has.has('EndpointConfigName')) return 'CreateEndpoint';
  if (has.has('EndpointConfigName')) return 'CreateEndpointConfig';
  return undefined;
}

/**
 * The top-level members of each request, from the SageMaker API model (data/api-model.json; a unit
 * test keeps this copy equal to it). Identification needs them before the model is loaded.
 */
export const REQUEST_MEMBERS: Readonly<Record<SpecKind, readonly string[]>> = {
  CreateTrainingJob: ['AlgorithmSpecification', 'CheckpointConfig', 'DebugHookConfig', 'DebugRuleConfigurations', 'EnableInterContainerTrafficEncryption', 'EnableManagedSpotTraining', 'EnableNetworkIsolation', 'Environment', 'ExperimentConfig', 'HyperParameters', 'InfraCheckConfig', 'InputDataConfig', 'MlflowConfig', 'ModelPackageConfig', 'OutputDataConfig', 'ProfilerConfig', 'ProfilerRuleConfigurations', 'RemoteDebugConfig', 'ResourceConfig', 'RetryStrategy', 'RoleArn', 'ServerlessJobConfig', 'SessionChainingConfig', 'StoppingCondition', 'Tags', 'TensorBoardOutputConfig', 'TrainingJobName', 'VpcConfig'],
  CreateModel: ['Containers', 'EnableNetworkIsolation', 'ExecutionRoleArn', 'InferenceExecutionConfig', 'ModelName', 'PrimaryContainer', 'Tags', 'VpcConfig'],
  CreateEndpointConfig: ['AsyncInferenceConfig', 'DataCaptureConfig', 'EnableNetworkIsolation', 'EndpointConfigName', 'ExecutionRoleArn', 'ExplainerConfig', 'KmsKeyId', 'MetricsConfig', 'ProductionVariants', 'ShadowProductionVariants', 'Tags', 'VpcConfig'],
  CreateEndpoint: ['DeploymentConfig', 'EndpointConfigName', 'EndpointName', 'Tags'],
  CreateProcessingJob: ['AppSpecification', 'Environment', 'ExperimentConfig', 'NetworkConfig', 'ProcessingInputs', 'ProcessingJobName', 'ProcessingOutputConfig', 'ProcessingResources', 'RoleArn', 'StoppingCondition', 'Tags'],
  CreateTransformJob: ['BatchStrategy', 'DataCaptureConfig', 'DataProcessing', 'Environment', 'ExperimentConfig', 'MaxConcurrentTransforms', 'MaxPayloadInMB', 'ModelClientConfig', 'ModelName', 'Tags', 'TransformInput', 'TransformJobName', 'TransformOutput', 'TransformResources'],
  CreateHyperParameterTuningJob: ['Autotune', 'HyperParameterTuningJobConfig', 'HyperParameterTuningJobName', 'Tags', 'TrainingJobDefinition', 'TrainingJobDefinitions', 'WarmStartConfig'],
};

/**
 * The members that, when present, tell the kind by the request's structure rather than by a name
 * alone. CreateEndpoint has none: its members are names (`EndpointName`, `EndpointConfigName`),
 * which a deploy script's settings or an execution input share.
 */
const STRUCTURE_MEMBERS: Readonly<Record<SpecKind, readonly string[]>> = {
  CreateTrainingJob: ['AlgorithmSpecification'],
  CreateModel: ['PrimaryContainer', 'Containers', 'InferenceExecutionConfig'],
  CreateEndpointConfig: ['ProductionVariants'],
  CreateEndpoint: [],
  CreateProcessingJob: ['AppSpecification'],
  CreateTransformJob: ['TransformInput'],
  CreateHyperParameterTuningJob: ['HyperParameterTuningJobConfig'],
};

/**
 * The kind of a file whose name does not make it a spec, from its top-level members: as
 * detectSpecKind, but a kind told only by name members (`TrainingJobName` without
 * `AlgorithmSpecification`; `EndpointName` with `EndpointConfigName`) also needs more than half
 * of the members to be the request's. A Step Functions execution input (`{"TrainingJobName": …,
 * "TrainUri": …, "InstanceType": …}`) or a deploy script's settings (`EndpointName`,
 * `EndpointConfigName`, `ModelName`, `InstanceType`, …) share names with a request and are not
 * one; a request being written (`{"TrainingJobName": "x"}`) is.
 * A saved Describe response (see isDescribeResponse) is no request either. A file the user names
 * a spec (`sagemakerSpec.files`) goes through detectSpecKind and is checked as a request whatever
 * it holds: a response edited into a request, as the AWS CLI's `--cli-input-json` takes it.
 */
export function detectSpecKindByContent(topLevelMembers: Iterable<string>): SpecKind | undefined {
  const members = [...topLevelMembers];
  if (isDescribeResponse(members)) return undefined;
  const kind = detectSpecKind(members);
  if (!kind || STRUCTURE_MEMBERS[kind].some((member) => members.includes(member))) return kind;
  const known = new Set(REQUEST_MEMBERS[kind]);
  const ofTheRequest = members.filter((member) => known.has(member)).length;
  return ofTheRequest * 2 > members.length ? kind : undefined;
}

/**
 * The top-level members that some kind's Describe response has and no request of SPEC_KINDS takes:
 * what SageMaker records about a resource once it exists — its ARN (`TrainingJobArn`), its status
 * (`TrainingJobStatus`, `SecondaryStatus`, `EndpointStatus`), its times (`CreationTime`,
 * `LastModifiedTime`, `TrainingStartTime`), its outcome (`FailureReason`, `ModelArtifacts`) and the
 * resources it came from (`TuningJobArn`). From the SageMaker API model (data/api-model.json's
 * `describeResponses` less every request's members; a unit test keeps this copy equal to it):
 * identification runs before the model is loaded. Members a request also takes (`RoleArn`, and
 * DescribeEndpoint's `ProductionVariants`, which CreateEndpointConfig takes) are not here.
 */
export const DESCRIBE_RESPONSE_ONLY_MEMBERS: readonly string[] = [
  'AutoMLJobArn', 'BestTrainingJob', 'BillableTimeInSeconds', 'BillableTokenCount', 'ConsumedResources', 'CreationTime', 'DebugRuleEvaluationStatuses',
  'DeploymentRecommendation', 'EndpointArn', 'EndpointConfigArn', 'EndpointStatus', 'ExitMessage', 'FailureReason', 'FinalMetricDataList',
  'HyperParameterTuningEndTime', 'HyperParameterTuningJobArn', 'HyperParameterTuningJobStatus', 'LabelingJobArn', 'LastDeploymentConfig',
  'LastModifiedTime', 'MlflowDetails', 'ModelArn', 'ModelArtifacts', 'MonitoringScheduleArn', 'ObjectiveStatusCounters', 'OutputModelPackageArn',
  'OverallBestTrainingJob', 'PendingDeploymentSummary', 'ProcessingEndTime', 'ProcessingJobArn', 'ProcessingJobStatus', 'ProcessingStartTime',
  'ProfilerRuleEvaluationStatuses', 'ProfilingStatus', 'ProgressInfo', 'SecondaryStatus', 'SecondaryStatusTransitions', 'TrainingEndTime',
  'TrainingJobArn', 'TrainingJobStatus', 'TrainingJobStatusCounters', 'TrainingStartTime', 'TrainingTimeInSeconds', 'TransformEndTime',
  'TransformJobArn', 'TransformJobStatus', 'TransformStartTime', 'TuningJobArn', 'TuningJobCompletionDetails', 'WarmPoolStatus',
];

/**
 * How many DESCRIBE_RESPONSE_ONLY_MEMBERS make a file a saved response. One is a member pasted
 * into a request (a `TrainingJobArn` copied from the console), to be reported and removed; two
 * are a record. Every Describe response has two at least (its ARN and `CreationTime` are required),
 * and a trimmed one keeps some (`TrainingJobStatus` with `SecondaryStatus`).
 */
export const DESCRIBE_RESPONSE_MIN_MEMBERS = 2;

const RESPONSE_ONLY: ReadonlySet<string> = new Set(DESCRIBE_RESPONSE_ONLY_MEMBERS);

/**
 * True for the top-level members of a saved Describe response (`aws sagemaker
 * describe-training-job > job.json`, whole or trimmed to a test fixture): at least
 * DESCRIBE_RESPONSE_MIN_MEMBERS distinct members that only a Describe response has. Counted over
 * every kind's response, not only the kind the members tell: DescribeEndpoint's response, with
 * `ProductionVariants`, tells an endpoint config. It holds most of the request's members too, but
 * it is a record of a resource, not a request to send: its reporting members
 * (`TrainingJobStatus`, `CreationTime`) are no typos to rename.
 */
export function isDescribeResponse(topLevelMembers: readonly string[]): boolean {
  const found = new Set(topLevelMembers.filter((member) => RESPONSE_ONLY.has(member)));
  return found.size >= DESCRIBE_RESPONSE_MIN_MEMBERS;
}

/** Every member name that can identify a kind: a text without any of them is not a request. */
const IDENTIFYING_MEMBERS = [
  'HyperParameterTuningJob',
  'AlgorithmSpecification',
  'TrainingJobName',
  'AppSpecification',
  'ProcessingJobName',
  'TransformInput',
  'TransformJobName',
  'PrimaryContainer',
  'Containers',
  'ModelName',
  'ProductionVariants',
  'EndpointConfigName',
];

/** A cheap pre-filter: false when `text` cannot hold a member that identifies a request kind. */
export function mayNameSpecKind(text: string): boolean {
  return IDENTIFYING_MEMBERS.some((name) => text.includes(name));
}
