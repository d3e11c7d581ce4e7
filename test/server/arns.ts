/** ARNs the test server hands out, in the partition of the region. */

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  return 'aws';
}

/** SageMaker ARNs carry the resource name in lower case. */
export function sageMakerArn(region: string, account: string, resourceType: string, name: string): string {
  return `arn:${partitionOf(region)}:sagemaker:${region}:${account}:${resourceType}/${name.toLowerCase()}`;
}
