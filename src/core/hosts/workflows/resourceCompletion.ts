/**
 * Completion of a Step Functions Task's `Resource` string with the SageMaker integrations this
 * extension checks: each action of STATE_MACHINE_ACTIONS as the optimized integration writes it
 * (`arn:aws:states:::sagemaker:createTrainingJob`), and with `.sync` where Step Functions offers
 * it (the job actions). The partition typed so far (`arn:aws-cn:`) is kept. JSON state machines
 * (files and workflows in the editor); a Task is any state object under `States`.
 */
import { getLocation, type Node } from 'jsonc-parser';
import type { CompletionItem, CompletionResult } from '../../completion';
import { STATE_MACHINE_ACTIONS } from './stateMachineRequests';

/** The actions that start a job, which `.sync` waits for (as integrationPatternRule.ts says). */
const JOB_ACTIONS = new Set(['createTrainingJob', 'createProcessingJob', 'createTransformJob', 'createHyperParameterTuningJob']);

/** The partition of a typed ARN (`arn:aws-cn:` → `aws-cn`), else `aws`. */
const TYPED_PARTITION = /^arn:(aws[a-z-]*):/;

/**
 * Items at `offset` in `text` (a JSON state machine or a document embedding one at its top level)
 * when the cursor is inside the string value of a state's `Resource`; undefined elsewhere.
 */
export function completeTaskResource(text: string, offset: number): CompletionResult | undefined {
  const location = getLocation(text, offset);
  const path = location.path;
  if (location.isAtPropertyKey || path[path.length - 1] !== 'Resource' || path[path.length - 3] !== 'States') return undefined;
  const value: Node | undefined = location.previousNode;
  if (value?.type !== 'string' || offset <= value.offset || offset >= value.offset + value.length) return undefined;
  const contentStart = value.offset + 1;
  const typed = text.slice(contentStart, offset);
  const partition = TYPED_PARTITION.exec(typed)?.[1] ?? 'aws';
  const edit = { offset: contentStart, length: value.length - 2, newText: '' };
  const items: CompletionItem[] = [];
  for (const action of Object.keys(STATE_MACHINE_ACTIONS)) {
    const patterns = JOB_ACTIONS.has(action) ? ['.sync', ''] : [''];
    for (const pattern of patterns) {
      const resource = `arn:${partition}:states:::sagemaker:${action}${pattern}`;
      items.push({
        label: resource,
        kind: 'value',
        detail: `${STATE_MACHINE_ACTIONS[action]}${pattern === '.sync' ? ', waiting for the job to end' : ''}`,
        sortText: String(items.length).padStart(3, '0'),
        edit: { ...edit, newText: resource },
      });
    }
  }
  return { typed, isIncomplete: false, items };
}
