/**
 * The Create operations the launch commands send, one per spec kind, with what the UI needs to
 * name them: the command, the member that names the resource, and the confirm button's label.
 */
import type { SpecKind } from '../specKind';

export interface CreateOperation {
  kind: SpecKind;
  /** The command id under `sagemakerSpec.` */
  command: string;
  /** The palette title. */
  title: string;
  /** The member holding the resource name (`TrainingJobName`, …). */
  nameMember: string;
  /** What is created, in words: "training job". */
  noun: string;
  /** Label of the modal's confirm button. */
  confirmLabel: 'Launch' | 'Create';
}

export const CREATE_OPERATIONS: Record<SpecKind, CreateOperation> = {
  CreateTrainingJob: { kind: 'CreateTrainingJob', command: 'launchTrainingJob', title: 'SageMaker: Launch Training Job', nameMember: 'TrainingJobName', noun: 'training job', confirmLabel: 'Launch' },
  CreateModel: { kind: 'CreateModel', command: 'createModel', title: 'SageMaker: Create Model', nameMember: 'ModelName', noun: 'model', confirmLabel: 'Create' },
  CreateEndpointConfig: { kind: 'CreateEndpointConfig', command: 'createEndpointConfig', title: 'SageMaker: Create Endpoint Config', nameMember: 'EndpointConfigName', noun: 'endpoint config', confirmLabel: 'Create' },
  CreateEndpoint: { kind: 'CreateEndpoint', command: 'createEndpoint', title: 'SageMaker: Create Endpoint', nameMember: 'EndpointName', noun: 'endpoint', confirmLabel: 'Create' },
  CreateProcessingJob: { kind: 'CreateProcessingJob', command: 'createProcessingJob', title: 'SageMaker: Create Processing Job', nameMember: 'ProcessingJobName', noun: 'processing job', confirmLabel: 'Create' },
  CreateTransformJob: { kind: 'CreateTransformJob', command: 'createTransformJob', title: 'SageMaker: Create Transform Job', nameMember: 'TransformJobName', noun: 'transform job', confirmLabel: 'Create' },
  CreateHyperParameterTuningJob: { kind: 'CreateHyperParameterTuningJob', command: 'createHyperParameterTuningJob', title: 'SageMaker: Create Hyperparameter Tuning Job', nameMember: 'HyperParameterTuningJobName', noun: 'hyperparameter tuning job', confirmLabel: 'Create' },
};
