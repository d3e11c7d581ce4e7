/**
 * A training job on one instance type needs at least one instance and a storage volume. The API
 * model's minimum for `ResourceConfig.InstanceCount` and `VolumeSizeInGB` is 0 because of
 * heterogeneous clusters, whose `InstanceGroups` give each group's type and count (before them
 * both members were required, minimum 1). Without `InstanceGroups`, a 0 passes the model and the
 * job cannot run: `value-out-of-range`, without a fix (how many instances, or how many GB, is the
 * user's choice). Not for a serverless training job (`ServerlessJobConfig`), whose resources
 * SageMaker chooses.
 */
import type { Node } from 'jsonc-parser';
import { memberValue } from '../jsonTree';
import { hasOpenMembers, isDynamic, standInOf } from '../requestTree';
import { topLevelObject, type SdkArgument } from '../specDocument';
import { nodeRange, type RuleContext } from './ruleContext';

/** The members judged, each with what a 0 would leave the job without. */
const AT_LEAST_ONE: Readonly<Record<string, string>> = {
  InstanceCount: 'a training job on one instance type runs on at least one instance',
  VolumeSizeInGB: 'a training job on one instance type needs a storage volume of at least 1 GB',
};

/** A whole CreateTrainingJob: its ResourceConfig's count and volume, unless it has (or may have) InstanceGroups. */
export function checkTrainingResources(context: RuleContext): void {
  if (context.spec.kind !== 'CreateTrainingJob' || context.spec.valuesOnly || !context.isEnabled('value-out-of-range')) return;
  const root = topLevelObject(context.spec);
  // A serverless training job's resources are SageMaker's to choose (the volume size cannot be set).
  if (memberValue(root, 'ServerlessJobConfig')) return;
  const resources = memberValue(root, 'ResourceConfig');
  if (resources?.type !== 'object' || hasOpenMembers(resources) || memberValue(resources, 'InstanceGroups')) return;
  for (const member of Object.keys(AT_LEAST_ONE)) {
    const value = memberValue(resources, member);
    if (value) reportZero(context, value, `ResourceConfig.${member}`, member, 'ResourceConfig has no InstanceGroups');
  }
}

/**
 * An SDK estimator's `instance_count=0` or `volume_size=0` (see SdkRequest.arguments), unless the
 * call passes `instance_groups` (listed among the arguments as ResourceConfig.InstanceGroups).
 */
export function checkSdkTrainingResources(context: RuleContext, sdkArguments: readonly SdkArgument[]): void {
  if (!context.isEnabled('value-out-of-range')) return;
  const training = sdkArguments.filter((argument) => argument.kind === 'CreateTrainingJob' && argument.path[0] === 'ResourceConfig');
  if (training.some((argument) => argument.path[1] === 'InstanceGroups')) return;
  for (const argument of training) {
    const member = argument.path[1] as string;
    if (Object.hasOwn(AT_LEAST_ONE, member)) reportZero(context, argument.value, `${argument.keyword} (ResourceConfig.${member})`, member, 'the call passes no instance_groups');
  }
}

/** Reports `value` (or the literal standing in for it) when it is the number 0. */
function reportZero(context: RuleContext, value: Node, name: string, member: string, because: string): void {
  const literal = isDynamic(value) ? standInOf(value) : value;
  if (!literal || isDynamic(literal) || literal.type !== 'number' || literal.value !== 0) return;
  context.report(
    'value-out-of-range',
    `${name} must be at least 1 when ${because}; it is 0. The API model allows 0 only for heterogeneous clusters (InstanceGroups), and ${AT_LEAST_ONE[member]}.`,
    nodeRange(literal),
  );
}
