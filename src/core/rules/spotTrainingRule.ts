/**
 * `spot-training-wait`: a training job's `StoppingCondition.MaxWaitTimeInSeconds` is the time a
 * managed spot job may wait for capacity and run. SageMaker refuses it without managed spot
 * training (`ValidationException: Invalid MaxWaitTimeInSeconds. It is only supported when
 * EnableManagedSpotTraining is set to true`, as users have met it from the SDK and tools), and
 * with managed spot training it must be present and at least `MaxRuntimeInSeconds` (the API
 * reference's StoppingCondition and the service's `Invalid MaxWaitTimeInSeconds. It must be
 * present and be greater than or equal to MaxRuntimeInSeconds`). `MaxRuntimeInSeconds` defaults
 * to one day (86400 s) in the API and in the SageMaker Python SDK's estimators (`max_run`).
 *
 * Judged where the members are written as they are sent: a training job request, each training
 * job definition of a tuning job, and an SDK estimator's `use_spot_instances=`, `max_wait=` and
 * `max_run=` (the SDK sends `MaxWaitTimeInSeconds` only for a non-zero `max_wait`,
 * `_Job._prepare_stop_condition`). A computed value says nothing.
 */
import type { Node } from 'jsonc-parser';
import { intent, type QuickFix } from '../edits/editIntent';
import { keyOfValue, memberValue } from '../jsonTree';
import { hasOpenMembers, isDynamic } from '../requestTree';
import type { SdkArgument, SdkRequest } from '../specDocument';
import { topLevelObject } from '../specDocument';
import { nodeRange, type RuleContext } from './ruleContext';

/** The API's and the SDK's `MaxRuntimeInSeconds` when none is given: one day, in seconds. */
export const DEFAULT_MAX_RUNTIME_SECONDS = 86400;

export function checkSpotTraining(context: RuleContext): void {
  const root = topLevelObject(context.spec);
  if (!root) return;
  if (context.spec.kind === 'CreateTrainingJob') checkTrainingDefinition(context, root, 'the request');
  if (context.spec.kind !== 'CreateHyperParameterTuningJob') return;
  // A tuning job's training jobs take the same members, in one definition or a list of them.
  const single = memberValue(root, 'TrainingJobDefinition');
  if (single?.type === 'object' && !isDynamic(single)) checkTrainingDefinition(context, single, 'the training job definition');
  const list = memberValue(root, 'TrainingJobDefinitions');
  if (list?.type !== 'array' || isDynamic(list)) return;
  for (const definition of list.children ?? []) {
    if (definition.type === 'object' && !isDynamic(definition)) checkTrainingDefinition(context, definition, 'the training job definition');
  }
}

/** A literal boolean or number, else undefined (absent, computed, or of another type: invalid-type's to report). */
function literal(node: Node | undefined, type: 'boolean' | 'number'): Node | undefined {
  return node && !isDynamic(node) && node.type === type ? node : undefined;
}

/** The rule on one object holding `EnableManagedSpotTraining` and `StoppingCondition`; `holder` names it in messages. */
function checkTrainingDefinition(context: RuleContext, definition: Node, holder: string): void {
  const stopping = memberValue(definition, 'StoppingCondition');
  if (stopping?.type !== 'object' || isDynamic(stopping)) return;
  const spotNode = memberValue(definition, 'EnableManagedSpotTraining');
  if (spotNode !== undefined && !literal(spotNode, 'boolean')) return;
  const spot = spotNode?.value === true;
  const maxWaitNode = memberValue(stopping, 'MaxWaitTimeInSeconds');
  const maxRuntimeNode = memberValue(stopping, 'MaxRuntimeInSeconds');
  const maxWait = literal(maxWaitNode, 'number');
  if (maxWait && !spot) {
    const key = keyOfValue(maxWait)!;
    const fixes: QuickFix[] = [
      { title: 'Remove MaxWaitTimeInSeconds', intents: [intent.removeMember(key)] },
      // Spot capacity is cheaper but may wait and be interrupted: the user's choice.
      { title: 'Set EnableManagedSpotTraining to true', intents: [intent.setMember(definition, ['EnableManagedSpotTraining'], true)], changesBehaviour: true },
    ];
    const why = spotNode === undefined ? `${holder} does not set EnableManagedSpotTraining` : 'EnableManagedSpotTraining is false';
    context.report('spot-training-wait', `MaxWaitTimeInSeconds is only for managed spot training, and ${why}: SageMaker refuses the job ("Invalid MaxWaitTimeInSeconds").`, nodeRange(key), fixes);
    return;
  }
  if (!spot) return;
  // Without a written run time the API's default holds; a computed one is unknown.
  const maxRuntime = maxRuntimeNode === undefined ? DEFAULT_MAX_RUNTIME_SECONDS : (literal(maxRuntimeNode, 'number')?.value as number | undefined);
  if (maxWaitNode === undefined) {
    // A member may still come from what the host cannot read (a `**` spread): nothing is sure then.
    if (hasOpenMembers(stopping)) return;
    const fixes: QuickFix[] = [];
    if (maxRuntime !== undefined) fixes.push({ title: `Add MaxWaitTimeInSeconds (${maxRuntime})`, intents: [intent.setMember(stopping, ['MaxWaitTimeInSeconds'], maxRuntime)] });
    fixes.push({ title: 'Set EnableManagedSpotTraining to false', intents: [intent.replaceValue(spotNode!, false)], changesBehaviour: true });
    context.report(
      'spot-training-wait',
      'Managed spot training needs StoppingCondition.MaxWaitTimeInSeconds (the time to wait for spot capacity plus the run time, at least MaxRuntimeInSeconds): SageMaker refuses the job without it ("Invalid MaxWaitTimeInSeconds").',
      nodeRange(keyOfValue(spotNode!)!),
      fixes,
    );
    return;
  }
  if (!maxWait || maxRuntime === undefined) return;
  const wait = maxWait.value as number;
  if (wait >= maxRuntime) return;
  const fixes: QuickFix[] = [{ title: `Use ${maxRuntime}`, intents: [intent.replaceValue(maxWait, maxRuntime)], changesBehaviour: true }];
  const runtime = maxRuntimeNode === undefined ? `MaxRuntimeInSeconds (${maxRuntime}, its default)` : `MaxRuntimeInSeconds (${maxRuntime})`;
  context.report('spot-training-wait', `MaxWaitTimeInSeconds (${wait}) must be at least ${runtime}: it is the time to wait for spot capacity plus the time the job runs.`, nodeRange(maxWait), fixes);
}

/**
 * The rule on an SDK estimator call (see the file comment): `sdkArguments` are the call's
 * arguments sent as request members; `unwritten` holds, when every argument of the call is read,
 * a node per spot parameter the call does not pass (see SdkRequest.unwrittenArguments).
 */
export function checkSdkSpotTraining(context: RuleContext, sdkArguments: readonly SdkArgument[], unwritten: SdkRequest['unwrittenArguments']): void {
  const find = (member: string) => sdkArguments.find((argument) => argument.kind === 'CreateTrainingJob' && argument.path[argument.path.length - 1] === member);
  const spotArgument = find('EnableManagedSpotTraining');
  const waitArgument = find('MaxWaitTimeInSeconds');
  const runArgument = find('MaxRuntimeInSeconds');
  const spotNode = literal(spotArgument?.value, 'boolean');
  if (spotArgument && !spotNode) return;
  const spot = spotNode?.value === true;
  const maxWait = literal(waitArgument?.value, 'number');
  const spotSlot = spotNode ?? unwritten?.use_spot_instances;
  if (maxWait && !spot) {
    // Unknown whether spot is on when the call may pass it where we cannot read.
    if (!spotSlot) return;
    const why = spotNode ? `${spotArgument!.keyword}=False` : 'no use_spot_instances=True';
    context.report(
      'spot-training-wait',
      `${waitArgument!.keyword} is sent as MaxWaitTimeInSeconds, which is only for managed spot training, and the call passes ${why}: SageMaker refuses the job ("Invalid MaxWaitTimeInSeconds").`,
      nodeRange(maxWait),
      [{ title: 'Pass use_spot_instances=True', intents: [intent.replaceValue(spotSlot, true)], changesBehaviour: true }],
    );
    return;
  }
  if (!spot) return;
  const runNode = literal(runArgument?.value, 'number');
  const maxRuntime = runNode ? (runNode.value as number) : !runArgument && unwritten?.max_run ? DEFAULT_MAX_RUNTIME_SECONDS : undefined;
  if (!waitArgument) {
    const waitSlot = unwritten?.max_wait;
    if (!waitSlot) return;
    const fixes: QuickFix[] = maxRuntime === undefined ? [] : [{ title: `Pass max_wait=${maxRuntime}`, intents: [intent.replaceValue(waitSlot, maxRuntime)] }];
    fixes.push({ title: 'Pass use_spot_instances=False', intents: [intent.replaceValue(spotNode!, false)], changesBehaviour: true });
    context.report(
      'spot-training-wait',
      `${spotArgument!.keyword}=True needs max_wait (the time to wait for spot capacity plus the run time, at least max_run): without it the SDK sends no MaxWaitTimeInSeconds and SageMaker refuses the job ("Invalid MaxWaitTimeInSeconds").`,
      nodeRange(spotNode!),
      fixes,
    );
    return;
  }
  if (!maxWait || maxRuntime === undefined) return;
  const wait = maxWait.value as number;
  if (wait >= maxRuntime) return;
  const runtime = runNode ? `${runArgument!.keyword} (${maxRuntime})` : `max_run (${maxRuntime}, the SDK's default)`;
  context.report(
    'spot-training-wait',
    `${waitArgument.keyword} (${wait}) must be at least ${runtime}: it is the time to wait for spot capacity plus the time the job runs, and SageMaker refuses a shorter one.`,
    nodeRange(maxWait),
    [{ title: `Use ${maxRuntime}`, intents: [intent.replaceValue(maxWait, maxRuntime)], changesBehaviour: true }],
  );
}
