/** Sending the Create call that matches a spec kind. */
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateHyperParameterTuningJobCommand,
  CreateModelCommand,
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  CreateTransformJobCommand,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import type { SpecKind } from '../core/specKind';

/**
 * The body is the user's spec as written; the service validates it. The casts only bridge our
 * plain JSON to the SDK's input types.
 */
export async function sendCreate(client: SageMakerClient, kind: SpecKind, body: Record<string, unknown>): Promise<string | undefined> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const input = body as any;
  switch (kind) {
    case 'CreateTrainingJob':
      return (await client.send(new CreateTrainingJobCommand(input))).TrainingJobArn;
    case 'CreateModel':
      return (await client.send(new CreateModelCommand(input))).ModelArn;
    case 'CreateEndpointConfig':
      return (await client.send(new CreateEndpointConfigCommand(input))).EndpointConfigArn;
    case 'CreateEndpoint':
      return (await client.send(new CreateEndpointCommand(input))).EndpointArn;
    case 'CreateProcessingJob':
      return (await client.send(new CreateProcessingJobCommand(input))).ProcessingJobArn;
    case 'CreateTransformJob':
      return (await client.send(new CreateTransformJobCommand(input))).TransformJobArn;
    case 'CreateHyperParameterTuningJob':
      return (await client.send(new CreateHyperParameterTuningJobCommand(input))).HyperParameterTuningJobArn;
  }
}
