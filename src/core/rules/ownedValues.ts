/**
 * One finding per cause: values that the registry and VPC rules already judge, so the API-model
 * rules leave them alone (they still check the values' children).
 *
 * - An image reference string belongs to the image rules (`invalid-image-reference` covers empty,
 *   spaces and over-long references). A non-string image is a type problem: still ours.
 * - A registry credentials provider ARN belongs to `invalid-credentials-provider-arn`.
 * - Under `Vpc` repository access, the top-level VpcConfig's `SecurityGroupIds` and `Subnets`
 *   (missing, empty or not a list) belong to `missing-vpc-config`.
 */
import type { Node } from 'jsonc-parser';
import { memberValue, stringValue } from '../jsonTree';
import { topLevelObject, type SpecDocument } from '../specDocument';

export interface OwnedElsewhere {
  /**
   * Values whose own type, length, enum and pattern are judged by another rule: a few nodes, in
   * a list (every value of the request is looked up here; a Set hashed each node it was asked about).
   */
  values: readonly Node[];
  /** Objects whose missing members (by name) another rule reports. */
  missingMembers: ReadonlyMap<Node, ReadonlySet<string>>;
}

const ACCESS_MEMBERS = {
  training: { config: 'TrainingImageConfig', mode: 'TrainingRepositoryAccessMode', auth: 'TrainingRepositoryAuthConfig', arn: 'TrainingRepositoryCredentialsProviderArn' },
  inference: { config: 'ImageConfig', mode: 'RepositoryAccessMode', auth: 'RepositoryAuthConfig', arn: 'RepositoryCredentialsProviderArn' },
} as const;

const VPC_LISTS = ['SecurityGroupIds', 'Subnets'];

export function ownedElsewhere(spec: SpecDocument): OwnedElsewhere {
  const values: Node[] = [];
  let vpcAccess = false;
  for (const field of spec.images) {
    if (field.value.type === 'string') values.push(field.value);
    const members = field.usage === 'training' || field.usage === 'inference' ? ACCESS_MEMBERS[field.usage] : undefined;
    if (!members) continue;
    const config = memberValue(field.holder, members.config);
    if (stringValue(memberValue(config, members.mode)) === 'Vpc') vpcAccess = true;
    const arn = memberValue(memberValue(config, members.auth), members.arn);
    if (arn) values.push(arn);
  }
  const vpcConfig = vpcAccess ? memberValue(topLevelObject(spec), 'VpcConfig') : undefined;
  if (!vpcConfig) return { values, missingMembers: NONE_MISSING };
  if (vpcConfig.type !== 'object') values.push(vpcConfig);
  for (const name of VPC_LISTS) {
    const list = memberValue(vpcConfig, name);
    if (list) values.push(list);
  }
  return { values, missingMembers: new Map([[vpcConfig, VPC_LIST_SET]]) };
}

/** Most requests: no object's missing members are another rule's (one shared empty map, not one per request). */
const NONE_MISSING: ReadonlyMap<Node, ReadonlySet<string>> = new Map();
const VPC_LIST_SET: ReadonlySet<string> = new Set(VPC_LISTS);
