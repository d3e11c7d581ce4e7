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

/** The member that, when present, tells the kind by the request's structure rather than by a name alone. */
const STRUCTURE_MEMBERS: Readonly<Partial<Record<SpecKind, string>>> = {
  CreateTrainingJob: 'AlgorithmSpecification',
  CreateProcessingJob: 'AppSpecification',
  CreateTransformJob: 'TransformInput',
  CreateHyperParameterTuningJob: 'HyperParameterTuningJobConfig',
  CreateEndpointConfig: 'ProductionVariants',
};

/**
 * The kind of a file whose name does not make it a spec, from its top-level members: as
 * detectSpecKind, but a kind told only by a name member (`TrainingJobName` without
 * `AlgorithmSpecification`) also needs more than half of the members to be the request's. A Step
 * Functions execution input (`{"TrainingJobName": …, "TrainUri": …, "InstanceType": …}`) shares a
 * name with a request and is not one; a request being written (`{"TrainingJobName": "x"}`) is.
 * A saved Describe response (see isDescribeResponse) is no request either. A file the user names
 * a spec (`sagemakerSpec.files`) goes through detectSpecKind and is checked as a request whatever
 * it holds: a response edited into a request, as the AWS CLI's `--cli-input-json` takes it.
 */
export function detectSpecKindByContent(topLevelMembers: Iterable<string>): SpecKind | undefined {
  const members = [...topLevelMembers];
  if (isDescribeResponse(members)) return undefined;
  const kind = detectSpecKind(members);
  const structure = kind && STRUCTURE_MEMBERS[kind];
  if (!kind || !structure || members.includes(structure)) return kind;
  const known = new Set(REQUEST_MEMBERS[kind]);
  const ofTheRequest = members.filter((member) => known.has(member)).length;
  return ofTheRequest * 2 > members.length ? kind : undefined;
}

/**
 * The resource's ARN member of each kind's Describe response (`TrainingJobArn` of
 * DescribeTrainingJob), from the SageMaker API model (data/api-model.json's `describeResponses`; a
 * unit test keeps this copy equal to it): identification runs before the model is loaded.
 */
export const DESCRIBE_RESPONSE_ARN_MEMBERS: Readonly<Record<SpecKind, string>> = {
  CreateTrainingJob: 'TrainingJobArn',
  CreateModel: 'ModelArn',
  CreateEndpointConfig: 'EndpointConfigArn',
  CreateEndpoint: 'EndpointArn',
  CreateProcessingJob: 'ProcessingJobArn',
  CreateTransformJob: 'TransformJobArn',
  CreateHyperParameterTuningJob: 'HyperParameterTuningJobArn',
};

/** Required in every Describe response, and a member of no request. */
export const DESCRIBE_RESPONSE_TIME_MEMBER = 'CreationTime';

const DESCRIBE_ARNS: ReadonlySet<string> = new Set(Object.values(DESCRIBE_RESPONSE_ARN_MEMBERS));

/**
 * True for the top-level members of a saved Describe response (`aws sagemaker
 * describe-training-job > job.json`): a resource's ARN member with `CreationTime`. It holds most of
 * the request's members too, but it is a record of a resource, not a request to send: its reporting
 * members (`TrainingJobStatus`, `CreationTime`) are no typos to rename. Only the ARN of some
 * resource is asked for (DescribeEndpoint's response has `ProductionVariants`, which tells an
 * endpoint config).
 */
export function isDescribeResponse(topLevelMembers: readonly string[]): boolean {
  return topLevelMembers.includes(DESCRIBE_RESPONSE_TIME_MEMBER) && topLevelMembers.some((member) => DESCRIBE_ARNS.has(member));
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
