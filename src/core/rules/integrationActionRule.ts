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
  const sdkAction = integration.form === 'optimized' && !unknown.clear && API_ACTION.test(unknown.written);
  const message = sdkAction ? sdkActionMessage(unknown) : actionMessage(integration.form, unknown);
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
  // `states:::sagemaker:describeTrainingJob`: the SDK integration has it. Offered first, never preferred:
  // the name is not checked against the API (`createJob` reads as an action and is none).
  const value = String(resource.value);
  const service = unknown.start - OPTIMIZED_SERVICE.length;
  if (sdkAction && service >= 0 && value.startsWith(OPTIMIZED_SERVICE, service)) {
    fixes.unshift({
      title: `Use the AWS SDK integration (aws-sdk:sagemaker:${unknown.written})`,
      intents: [intent.replaceInString(resource, service, unknown.start, `aws-sdk:${OPTIMIZED_SERVICE}`)],
      preferred: false,
    });
  }
  context.report('unknown-integration-action', message, { offset: start, length: offsetOf(end) - start }, fixes);
}

/**
 * An action named as SageMaker's API names its operations (a verb of theirs, then a capital), such
 * as `describeTrainingJob` or `createModelCard`: in the optimized integration, which has nine of
 * them, more likely an API action meant for the SDK integration than a misspelling.
 */
const API_ACTION = /^(?:list|describe|create|delete|update|stop|start|get|batch|add|search|send|associate|attach|deregister|detach|disable|disassociate|enable|extend|import|put|query|register|render|retry)[A-Z]/;

/** What stands before the action in the optimized integration's Resource. */
const OPTIMIZED_SERVICE = 'sagemaker:';

/** The optimized integration's actions, as the message lists them. */
const OPTIMIZED_LIST = 'createTrainingJob, createProcessingJob, createTransformJob, createHyperParameterTuningJob, createLabelingJob, createModel, createEndpointConfig, createEndpoint and updateEndpoint';

function sdkActionMessage(unknown: UnknownAction): string {
  return `"${unknown.written}" is not an action of the SageMaker integration (states:::sagemaker:…), which has only ${OPTIMIZED_LIST}: Step Functions rejects the state machine. A SageMaker API action of another name is called through the AWS SDK integration (states:::aws-sdk:sagemaker:${unknown.written}).`;
}

function actionMessage(form: TaskIntegration['form'], unknown: UnknownAction): string {
  const integration = form === 'optimized' ? 'the SageMaker integration (states:::sagemaker:…)' : 'SageMaker (the AWS SDK integration takes the API\'s actions in camelCase)';
  const meant = unknown.clear ? ` Did you mean ${unknown.nearest[0]}?` : ` Its nearest actions: ${unknown.nearest.join(', ')}.`;
  const checked = unknown.readAs ? ` The task is checked as ${unknown.readAs}.` : '';
  return `"${unknown.written}" is not an action of ${integration}: Step Functions rejects the state machine.${meant}${checked}`;
}
