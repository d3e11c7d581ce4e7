/**
 * The AWS partition a request's own ARNs name (`arn:aws-cn:iam::…:role/…`, a state machine
 * task's `arn:aws-cn:states:::sagemaker:…`): where the request runs, whatever region setting is
 * in force. A target region of another partition (`AWS_REGION=us-east-1` while editing a China
 * state machine) cannot be where it runs.
 */
import type { Partition } from '../catalog/catalogData';
import { memberValue, stringValue } from '../jsonTree';
import type { SpecDocument } from '../specDocument';

const PARTITIONS: ReadonlySet<string> = new Set<Partition>(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc']);

/** The request's role members, where its partition is written in most requests. */
const ROLE_MEMBERS = ['RoleArn', 'ExecutionRoleArn'];

/**
 * The partition named by the first literal ARN among the task's Resource (workflows) and the
 * request's role ARN (`RoleArn`, `ExecutionRoleArn`, a tuning job's
 * `TrainingJobDefinition.RoleArn`); undefined when none is written literally.
 */
export function requestPartition(spec: SpecDocument): Partition | undefined {
  const resource = spec.embedding?.integration?.resource;
  const fromResource = partitionOfArn(stringValue(resource));
  if (fromResource) return fromResource;
  const root = spec.root;
  for (const holder of [root, memberValue(root, 'TrainingJobDefinition')]) {
    for (const member of ROLE_MEMBERS) {
      const partition = partitionOfArn(stringValue(memberValue(holder, member)));
      if (partition) return partition;
    }
  }
  return undefined;
}

/** `aws-cn` of `arn:aws-cn:…`; undefined for anything else (a placeholder, another string). */
export function partitionOfArn(arn: string | undefined): Partition | undefined {
  if (!arn?.startsWith('arn:')) return undefined;
  const end = arn.indexOf(':', 4);
  const partition = end < 0 ? '' : arn.slice(4, end);
  return PARTITIONS.has(partition) ? (partition as Partition) : undefined;
}
