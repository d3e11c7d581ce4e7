/**
 * `unknown-integration-action`: a Step Functions task whose Resource names a SageMaker action the
 * integration does not have (`arn:aws:states:::sagemaker:createTraningJob.sync`). Step Functions
 * rejects the state machine when it is created. The host reads the misspelling (see
 * TaskIntegration.unknownAction): any action outside the optimized integration's list, and in the
 * SDK integration (which takes every SageMaker API action) a near miss of one of our Create
 * actions. With a clear correction among ours, the task is checked as that action's request.
 */
import { intent } from '../edits/editIntent';
import type { QuickFix } from '../findings';
import { valueOffsetMapper } from '../jsonTree';
import type { TaskIntegration, UnknownAction } from '../specDocument';
import type { RuleContext } from './ruleContext';

export function checkIntegrationAction(context: RuleContext, integration: TaskIntegration): void {
  const unknown = integration.unknownAction;
  if (!unknown) return;
  const message = actionMessage(integration.form, unknown);
  if (unknown.range) {
    // A template's Resource: its node is the whole function call, with no string to edit.
    context.report('unknown-integration-action', message, unknown.range, []);
    return;
  }
  const { resource } = integration;
  const offsetOf = valueOffsetMapper(context.spec.text, resource);
  const start = offsetOf(unknown.start);
  const end = unknown.start + unknown.written.length;
  // Only the clear nearest is preferred: equally near actions, or one far from all, are a guess.
  const fixes: QuickFix[] = unknown.nearest.map((action, index) => ({
    title: `Change to ${action}`,
    intents: [intent.replaceInString(resource, unknown.start, end, action)],
    preferred: index === 0 && unknown.clear,
  }));
  context.report('unknown-integration-action', message, { offset: start, length: offsetOf(end) - start }, fixes);
}

function actionMessage(form: TaskIntegration['form'], unknown: UnknownAction): string {
  const integration = form === 'optimized' ? 'the SageMaker integration (states:::sagemaker:…)' : 'SageMaker (the AWS SDK integration takes the API\'s actions in camelCase)';
  const meant = unknown.clear ? ` Did you mean ${unknown.nearest[0]}?` : ` Its nearest actions: ${unknown.nearest.join(', ')}.`;
  const checked = unknown.readAs ? ` The task is checked as ${unknown.readAs}.` : '';
  return `"${unknown.written}" is not an action of ${integration}: Step Functions rejects the state machine.${meant}${checked}`;
}
