/**
 * Ids of AWS resources that a request names, in the formats the services use. The API model's
 * patterns are loose (`[-0-9a-zA-Z]+` accepts the `sg-` and `subnet-` placeholders the
 * **Add VpcConfig** fix leaves), so a placeholder or a malformed id would only fail at submit.
 *
 * - `SecurityGroupIds` items: `sg-` and 8 or 17 lowercase hex digits; `Subnets` items: `subnet-` likewise.
 * - `KmsKeyId` and `VolumeKmsKeyId`: a key id (a UUID or a multi-Region `mrk-…` id), a key ARN, an
 *   alias (`alias/…`) or an alias ARN.
 *
 * Values the API pattern or length already rejects belong to `pattern-mismatch` and
 * `value-out-of-range`; values computed later (template placeholders, Python names) are skipped.
 */
import type { Node } from 'jsonc-parser';
import { isDynamic } from '../requestTree';
import { topLevelObject } from '../specDocument';
import { nodeRange, type RuleContext } from './ruleContext';

interface IdFormat {
  /** What the id is, for the message. */
  noun: string;
  /** The API model's own constraint: values outside it are another rule's. */
  apiAccepts: RegExp;
  valid: RegExp;
  /** The form to write, for the message. */
  expected: string;
  /** Placeholder prefixes (what the VpcConfig fix inserts). */
  placeholder?: string;
}

const HEX_ID = (prefix: string) => new RegExp(`^${prefix}-(?:[0-9a-f]{8}|[0-9a-f]{17})$`);
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const MRK = 'mrk-[0-9a-fA-F]{32}';
const KMS_ARN = 'arn:aws[a-z-]*:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d{1,2}:\\d{12}:';
const ALIAS = 'alias/[a-zA-Z0-9/_-]{1,250}';

/** An EC2-style id: `<prefix>-` and 8 or 17 lowercase hex digits; the bare prefix is the fix's placeholder. */
function hexIdFormat(prefix: string, noun: string): IdFormat {
  return {
    noun,
    apiAccepts: /^[-0-9a-zA-Z]{1,32}$/,
    valid: HEX_ID(prefix),
    expected: `${prefix}- followed by 8 or 17 hexadecimal digits (${prefix}-0123456789abcdef0)`,
    placeholder: `${prefix}-`,
  };
}

const SECURITY_GROUP = hexIdFormat('sg', 'a security group id');
const SUBNET = hexIdFormat('subnet', 'a subnet id');
const KMS_KEY: IdFormat = {
  noun: 'an AWS KMS key',
  apiAccepts: /^[a-zA-Z0-9:/_-]{1,2048}$/,
  valid: new RegExp(`^(?:${UUID}|${MRK}|${ALIAS}|${KMS_ARN}(?:key/(?:${UUID}|${MRK})|${ALIAS}))$`),
  expected: 'a key id (1234abcd-12ab-34cd-56ef-1234567890ab), a key ARN, an alias (alias/my-key) or an alias ARN',
};

/** Members holding a list of ids, and members holding one. */
const ID_LISTS: Record<string, IdFormat> = { SecurityGroupIds: SECURITY_GROUP, Subnets: SUBNET };
const IDS: Record<string, IdFormat> = { KmsKeyId: KMS_KEY, VolumeKmsKeyId: KMS_KEY };

/** The members above by name, with whether each holds a list. */
const ID_MEMBERS = new Map<string, ResourceIdMember>([
  ...Object.entries(ID_LISTS).map(([name, format]) => [name, { format, list: true }] as const),
  ...Object.entries(IDS).map(([name, format]) => [name, { format, list: false }] as const),
]);

/**
 * Members whose value is a free-form map of strings in the API model (MapShape of string to
 * string): no resource ids by name inside, and 16,000 hyperparameters need not be walked.
 */
const STRING_MAPS = new Set(['HyperParameters', 'StaticHyperParameters', 'Environment']);

/** A member that holds resource ids (`SecurityGroupIds`, `KmsKeyId`, …): its format, and whether it holds a list of them. */
export interface ResourceIdMember {
  format: IdFormat;
  list: boolean;
}

/** The resource-id member named `name`, or undefined for every other name. */
export function resourceIdMember(name: string): ResourceIdMember | undefined {
  return ID_MEMBERS.get(name);
}

/**
 * Checks member `name` of `object` (whose value is `value`), a resource-id member: the API-model
 * walk calls this as it meets such members, so a request is not walked a second time for them.
 */
export function checkResourceIdMember(context: RuleContext, object: Node, name: string, value: Node, member: ResourceIdMember): void {
  if (member.list) {
    if (value.type === 'array') for (const item of value.children ?? []) checkId(context, item, member.format, `${memberPath(object, name)} item`);
  } else {
    checkId(context, value, member.format, memberPath(object, name));
  }
}

/**
 * The whole request walked for resource-id members: for runs without the API model (whose walk
 * checks them on the way, see checkResourceIdMember).
 */
export function checkResourceIds(context: RuleContext): void {
  if (!context.isEnabled('invalid-resource-id')) return;
  const root = topLevelObject(context.spec);
  if (!root) return;
  // An explicit stack: the walk visits every object of the request once.
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'array') {
      // Empty objects and lists hold no ids: 4,000 empty list items need not grow the stack.
      for (const child of node.children ?? []) if ((child.type === 'object' || child.type === 'array') && child.children?.length) stack.push(child);
      continue;
    }
    for (const property of node.children ?? []) {
      const key = property.children?.[0];
      const value = property.children?.[1];
      if (!key || !value || typeof key.value !== 'string') continue;
      const name = key.value;
      if (value.type !== 'object' && value.type !== 'array' && value.type !== 'string') continue;
      // One lookup answers most members (a request's other names miss it).
      const member = ID_MEMBERS.get(name);
      if (member) checkResourceIdMember(context, node, name, value, member);
      else if (value.type !== 'string' && !STRING_MAPS.has(name)) stack.push(value);
    }
  }
}

function checkId(context: RuleContext, node: Node, format: IdFormat, member: string): void {
  if (node.type !== 'string' || isDynamic(node)) return;
  const value = node.value as string;
  if (!format.apiAccepts.test(value) || format.valid.test(value)) return;
  const what = value === format.placeholder ? `is a placeholder to complete` : `is not ${format.noun}`;
  context.report('invalid-resource-id', `${member} "${value}" ${what}: use ${format.expected}.`, nodeRange(node));
}

/** `VpcConfig.Subnets`: the member with the key of the object holding it, where it has one. */
function memberPath(object: Node, name: string): string {
  const parentKey = object.parent?.type === 'property' ? object.parent.children?.[0]?.value : undefined;
  return typeof parentKey === 'string' ? `${parentKey}.${name}` : name;
}
