/**
 * What the confirmation shows before anything is sent: operation, name, region, endpoint,
 * profile and account, image, instances, max runtime. Pure: the caller supplies the account it looked up.
 */
import type { CreateRequest } from './requestBody';

export interface SummaryContext {
  region: string;
  profile: string;
  /** From STS GetCallerIdentity; undefined when it could not be told. */
  account: string | undefined;
  /** Where the request goes and what set it (`formatEndpoint`); shown right after the region. */
  endpoint?: string;
  /** A broken endpoint configuration the SDK will fail on (EffectiveEndpoint.problem). */
  endpointProblem?: string;
}

export interface SummaryLine {
  label: string;
  value: string;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function images(body: Record<string, unknown>): string[] {
  const found: unknown[] = [
    record(body.AlgorithmSpecification)?.TrainingImage,
    record(body.PrimaryContainer)?.Image,
    record(body.AppSpecification)?.ImageUri,
    record(record(body.TrainingJobDefinition)?.AlgorithmSpecification)?.TrainingImage,
  ];
  for (const list of [body.Containers, body.TrainingJobDefinitions]) {
    if (!Array.isArray(list)) continue;
    for (const item of list) found.push(record(item)?.Image ?? record(record(item)?.AlgorithmSpecification)?.TrainingImage);
  }
  return found.filter((image): image is string => typeof image === 'string');
}

function instances(body: Record<string, unknown>): string[] {
  const resources = [
    record(body.ResourceConfig),
    record(record(body.ProcessingResources)?.ClusterConfig),
    record(body.TransformResources),
    record(record(body.TrainingJobDefinition)?.ResourceConfig),
  ];
  const lines = resources
    .filter((config): config is Record<string, unknown> => config !== undefined && typeof config.InstanceType === 'string')
    .map((config) => `${String(config.InstanceType)} × ${String(config.InstanceCount ?? 1)}`);
  if (Array.isArray(body.ProductionVariants)) {
    for (const variant of body.ProductionVariants) {
      const fields = record(variant);
      if (typeof fields?.InstanceType === 'string') lines.push(`${fields.InstanceType} × ${String(fields.InitialInstanceCount ?? 1)}`);
    }
  }
  return lines;
}

function formatDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const parts = [hours ? `${hours} h` : '', minutes ? `${minutes} min` : '', !hours && !minutes ? `${seconds} s` : ''];
  return parts.filter(Boolean).join(' ');
}

export function launchSummary(request: CreateRequest, context: SummaryContext): SummaryLine[] {
  const { body } = request;
  const lines: SummaryLine[] = [
    { label: 'Operation', value: request.operation.kind },
    { label: 'Name', value: request.name ?? '(none)' },
    { label: 'Region', value: context.region },
    ...(context.endpoint ? [{ label: 'Endpoint', value: context.endpoint }] : []),
    ...(context.endpointProblem ? [{ label: 'Endpoint problem', value: context.endpointProblem }] : []),
    { label: 'Profile', value: context.profile },
    { label: 'Account', value: context.account ?? '(unknown)' },
  ];
  for (const image of images(body)) lines.push({ label: 'Image', value: image });
  for (const instance of instances(body)) lines.push({ label: 'Instances', value: instance });
  const runtime = record(body.StoppingCondition)?.MaxRuntimeInSeconds;
  if (typeof runtime === 'number') lines.push({ label: 'Max runtime', value: formatDuration(runtime) });
  if (typeof body.EndpointConfigName === 'string' && request.operation.kind === 'CreateEndpoint') {
    lines.push({ label: 'Endpoint config', value: body.EndpointConfigName });
  }
  return lines;
}

export function formatSummary(lines: readonly SummaryLine[]): string {
  return lines.map((line) => `${line.label}: ${line.value}`).join('\n');
}
