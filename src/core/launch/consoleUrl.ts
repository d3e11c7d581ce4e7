/** The AWS console page of a resource, on the console host of the region's partition. */
import type { Partition } from '../catalog/catalogData';

const CONSOLE_HOSTS: Partial<Record<Partition, (region: string) => string>> = {
  aws: (region) => `https://${region}.console.aws.amazon.com`,
  'aws-cn': () => 'https://console.amazonaws.cn',
  'aws-us-gov': () => 'https://console.amazonaws-us-gov.com',
};

export type ConsoleResource = 'training-job' | 'endpoint' | 'model' | 'endpoint-config' | 'processing-job' | 'transform-job' | 'tuning-job';

const FRAGMENTS: Record<ConsoleResource, string> = {
  'training-job': 'jobs',
  endpoint: 'endpoints',
  model: 'models',
  'endpoint-config': 'endpointConfig',
  'processing-job': 'processing-jobs',
  'transform-job': 'transform-jobs',
  'tuning-job': 'hyper-tuning-jobs',
};

/** Undefined for partitions without a public console (the isolated regions). */
export function consoleUrl(partition: Partition, region: string, resource: ConsoleResource, name: string): string | undefined {
  const host = CONSOLE_HOSTS[partition];
  if (!host) return undefined;
  return `${host(region)}/sagemaker/home?region=${encodeURIComponent(region)}#/${FRAGMENTS[resource]}/${encodeURIComponent(name)}`;
}
