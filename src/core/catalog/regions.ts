// Region → partition and ECR DNS suffix rules, usable for regions the catalog does not list
// (e.g. us-iso-west-1, which the SDK knows a suffix for but no image config uses yet).

import type { Partition } from './catalogData';

export const DEFAULT_DNS_SUFFIX = 'amazonaws.com';

/** The SDK's ALTERNATE_DOMAINS table (common_utils.py). */
export const DNS_SUFFIX_OVERRIDES: Readonly<Record<string, string>> = {
  'cn-north-1': 'amazonaws.com.cn',
  'cn-northwest-1': 'amazonaws.com.cn',
  'us-iso-east-1': 'c2s.ic.gov',
  'us-iso-west-1': 'c2s.ic.gov',
  'us-isob-east-1': 'sc2s.sgov.gov',
  'us-isob-west-1': 'sc2s.sgov.gov',
  'us-isof-south-1': 'csp.hci.ic.gov',
  'us-isof-east-1': 'csp.hci.ic.gov',
  'eu-isoe-west-1': 'cloud.adc-e.uk',
  'eusc-de-east-1': 'amazonaws.eu',
};

const PARTITION_PREFIXES: ReadonlyArray<readonly [string, Partition]> = [
  ['cn-', 'aws-cn'],
  ['us-gov-', 'aws-us-gov'],
  ['us-iso-', 'aws-iso'],
  ['us-isob-', 'aws-iso-b'],
  ['us-isof-', 'aws-iso-f'],
  ['eu-isoe-', 'aws-iso-e'],
  ['eusc-', 'aws-eusc'],
];

const PARTITION_DNS_SUFFIX: Readonly<Record<Partition, string>> = {
  aws: 'amazonaws.com',
  'aws-cn': 'amazonaws.com.cn',
  'aws-us-gov': 'amazonaws.com',
  'aws-iso': 'c2s.ic.gov',
  'aws-iso-b': 'sc2s.sgov.gov',
  'aws-iso-f': 'csp.hci.ic.gov',
  'aws-iso-e': 'cloud.adc-e.uk',
  'aws-eusc': 'amazonaws.eu',
};

/** Partition from the region name's prefix (`cn-` → `aws-cn`, `us-isob-` → `aws-iso-b`, …). */
export function partitionOf(region: string): Partition {
  for (const [prefix, partition] of PARTITION_PREFIXES) if (region.startsWith(prefix)) return partition;
  return 'aws';
}

/** ECR DNS suffix: the SDK's table first, then the partition's suffix. */
export function dnsSuffixOf(region: string): string {
  return DNS_SUFFIX_OVERRIDES[region] ?? PARTITION_DNS_SUFFIX[partitionOf(region)];
}

/** Loose shape check for region names: `us-east-1`, `eusc-de-east-1`, `us-isof-south-1`. */
export function looksLikeRegion(name: string): boolean {
  return /^[a-z]{2,5}(-[a-z]+)+-\d+$/.test(name);
}
