/**
 * `spot-training-wait`: a training job's `StoppingCondition.MaxWaitTimeInSeconds` is the time a
 * managed spot job may wait for capacity and run. SageMaker refuses it without managed spot
 * training (`ValidationException: Invalid MaxWaitTimeInSeconds. It is only supported when
 * EnableManagedSpotTraining is set to true`, as users have met it from the SDK and tools), and
 * the API reference says it must be equal to or greater than `MaxRuntimeInSeconds` (the SageMaker
 * API model's StoppingCondition documentation). Only values written as they are sent are judged.
 */
import type { Node } from 'jsonc-parser';
import { intent, type QuickFix } from '../edits/editIntent';
import { keyOfValue, memberValue } from '../jsonTree';
import { isDynamic } from '../requestTree';
import { topLevelObject } from '../specDocument';
import { nodeRange, type RuleContext } from './ruleContext';

export function checkSpotTraining(context: RuleContext): void {
  const root = topLevelObject(context.spec);
  if (context.spec.kind !== 'CreateTrainingJob' || !root) return;
  const stopping = memberValue(root, 'StoppingCondition');
  const maxWait = memberValue(stopping, 'MaxWaitTimeInSeconds');
  if (!stopping || !maxWait || isDynamic(maxWait) || maxWait.type !== 'number') return;
  const spot = memberValue(root, 'EnableManagedSpotTraining');
  // A computed value, or one of another type (invalid-type's to report), says nothing here.
  if (spot !== undefined && (isDynamic(spot) || spot.type !== 'boolean')) return;
  if (spot?.value !== true) {
    const key = keyOfValue(maxWait)!;
    const fixes: QuickFix[] = [
      { title: 'Remove MaxWaitTimeInSeconds', intents: [intent.removeMember(key)] },
      // Spot capacity is cheaper but may wait and be interrupted: the user's choice.
      { title: 'Set EnableManagedSpotTraining to true', intents: [intent.setMember(root, ['EnableManagedSpotTraining'], true)], changesBehaviour: true },
    ];
    const why = spot === undefined ? 'the request does not set EnableManagedSpotTraining' : 'EnableManagedSpotTraining is false';
    context.report('spot-training-wait', `MaxWaitTimeInSeconds is only for managed spot training, and ${why}: SageMaker refuses the job ("Invalid MaxWaitTimeInSeconds").`, nodeRange(key), fixes);
    return;
  }
  const maxRuntime = memberValue(stopping, 'MaxRuntimeInSeconds');
  if (!maxRuntime || isDynamic(maxRuntime) || maxRuntime.type !== 'number') return;
  const wait = maxWait.value as number;
  const runtime = maxRuntime.value as number;
  if (wait >= runtime) return;
  const fixes: QuickFix[] = [{ title: `Use ${runtime}`, intents: [intent.replaceValue(maxWait as Node, runtime)], changesBehaviour: true }];
  context.report('spot-training-wait', `MaxWaitTimeInSeconds (${wait}) must be at least MaxRuntimeInSeconds (${runtime}): it is the time to wait for spot capacity plus the time the job runs.`, nodeRange(maxWait), fixes);
}
