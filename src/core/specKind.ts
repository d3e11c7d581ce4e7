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
