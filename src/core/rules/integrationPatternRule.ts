/**
 * `unsupported-integration-pattern`: a Step Functions task whose Resource asks for an
 * integration pattern Step Functions does not offer for that SageMaker action. The state
 * machine is rejected when it is created (or, in a template, when the stack deploys).
 * - The optimized integration (`states:::sagemaker:…`) has no `.waitForTaskToken`, and offers
 *   `.sync` only for the job actions (training, processing, transform, tuning): not for
 *   createModel, createEndpointConfig or createEndpoint.
 * - The SDK integration (`states:::aws-sdk:sagemaker:…`) has no `.sync` (`.waitForTaskToken`
 *   is allowed: some other party calls back).
 */
import type { Node } from 'jsonc-parser';
import { intent } from '../edits/editIntent';
import type { QuickFix } from '../findings';
import { valueOffsetMapper } from '../jsonTree';
import type { TaskIntegration } from '../specDocument';
import type { RuleContext } from './ruleContext';

/** Optimized-integration actions that start a job, and so can wait for it (`.sync`). */
const JOB_ACTIONS = new Set(['createTrainingJob', 'createProcessingJob', 'createTransformJob', 'createHyperParameterTuningJob']);

export function checkIntegrationPattern(context: RuleContext, integration: TaskIntegration): void {
  const { form, action, pattern, patternStart, resource } = integration;
  // An action that does not exist, read as none of ours: its own finding says so; no pattern is judged for it.
  if (pattern === '' || (integration.unknownAction && !integration.unknownAction.readAs)) return;
  const job = JOB_ACTIONS.has(action);
  const supported = form === 'optimized' ? pattern === 'sync' && job : pattern === 'waitForTaskToken';
  if (supported) return;
  const offered = form === 'optimized' ? (job ? 'request-response or ".sync"' : 'request-response only') : 'request-response or ".waitForTaskToken"';
  const integrationName = form === 'optimized' ? 'The SageMaker integration' : 'The AWS SDK integration';
  const message = `${integrationName} does not support ".${pattern}" for ${action}: Step Functions offers ${offered} there, and rejects the state machine otherwise.`;
  if (integration.patternRange) {
    // A template's Resource (`Fn::Sub`, `Fn::Join`): fixed in the string that holds the pattern, when the host found it.
    const written = integration.patternString;
    const fixes = written ? patternFixes(integration, { node: written.node, value: String(written.node.value), start: written.start, end: written.end }, job) : [];
    context.report('unsupported-integration-pattern', message, integration.patternRange, fixes);
    return;
  }
  const value = String(resource.value);
  const offsetOf = valueOffsetMapper(context.spec.text, resource);
  const start = offsetOf(patternStart);
  const range = { offset: start, length: offsetOf(value.length) - start };
  context.report('unsupported-integration-pattern', message, range, patternFixes(integration, { node: resource, value, start: patternStart, end: value.length }, job));
}

/** The string a fix edits: its node and value, and the indices `[start, end)` of `.pattern` in it. */
interface PatternString {
  node: Node;
  value: string;
  start: number;
  end: number;
}

/**
 * The ways out, most likely meant first. Waiting for a job is what `.waitForTaskToken` and an SDK
 * `.sync` ask for, and the optimized integration's `.sync` does it; that, like request-response
 * on a job (the task ends when the job starts), changes how the workflow runs: offered, never
 * applied by fix-all. On an action that starts no job, request-response is what `.sync` would
 * have done (the action completes before it returns): preferred and safe.
 */
function patternFixes(integration: TaskIntegration, written: PatternString, job: boolean): QuickFix[] {
  const { form, action, pattern } = integration;
  const { node, value, start, end } = written;
  const fixes: QuickFix[] = [];
  if (job && form === 'optimized') {
    fixes.push({ title: 'Use ".sync" (wait for the job)', intents: [intent.replaceInString(node, start, end, '.sync')], preferred: true, changesBehaviour: true });
  }
  // The service part right before the action, in the same string.
  const sdkPrefix = start - action.length - SDK_SAGEMAKER.length;
  if (job && form === 'aws-sdk' && pattern === 'sync' && sdkPrefix >= 0 && value.startsWith(SDK_SAGEMAKER + action, sdkPrefix)) {
    fixes.push({
      title: `Use the SageMaker integration (states:::sagemaker:${action}.sync, which waits for the job)`,
      intents: [intent.replaceInString(node, sdkPrefix, sdkPrefix + SDK_SAGEMAKER.length, 'sagemaker:')],
      preferred: true,
      changesBehaviour: true,
    });
  }
  fixes.push({ title: `Remove ".${pattern}" (request-response)`, intents: [intent.replaceInString(node, start, end, '')], preferred: !job, ...(job && { changesBehaviour: true }) });
  return fixes;
}

/** The SDK integration's service part of a Resource (`arn:aws:states:::aws-sdk:sagemaker:createTrainingJob`). */
const SDK_SAGEMAKER = 'aws-sdk:sagemaker:';
