/**
 * `unsupported-integration-pattern`: a Step Functions task whose Resource asks for an
 * integration pattern Step Functions does not offer for that SageMaker action. The state
 * machine is rejected when it is created (or, in a template, when the stack deploys).
 * - The optimized integration (`states:::sagemaker:…`) has no `.waitForTaskToken`, and offers
 *   `.sync` only for the job actions (training, processing, transform, tuning, labeling): not for
 *   createModel, createEndpointConfig, createEndpoint or updateEndpoint.
 * - The SDK integration (`states:::aws-sdk:sagemaker:…`) has no `.sync`, for any SageMaker
 *   action (`.waitForTaskToken` is allowed: some other party calls back). Its actions other than
 *   ours (`startPipelineExecution.sync`) come as tasks of no kind, read for this rule alone.
 * - In an Express workflow (an Express Distributed Map's child workflows, a template's Express
 *   state machine: expressWorkflows.ts) neither is offered: request-response only, so the one
 *   way out there is dropping the suffix.
 */
import type { Node } from 'jsonc-parser';
import { intent } from '../edits/editIntent';
import type { QuickFix } from '../findings';
import { valueOffsetMapper } from '../jsonTree';
import type { ExpressWorkflow, TaskIntegration } from '../specDocument';
import type { RuleContext } from './ruleContext';

/** Optimized-integration actions that start a job, and so can wait for it (`.sync`). */
const JOB_ACTIONS = new Set(['createTrainingJob', 'createProcessingJob', 'createTransformJob', 'createHyperParameterTuningJob', 'createLabelingJob']);

/** Actions that start an endpoint's creation or update, which no pattern waits for. */
const ENDPOINT_ACTIONS = new Set(['createEndpoint', 'updateEndpoint']);

/**
 * SDK actions that only read (`describeTrainingJob`, `listTags`): request-response returns what
 * they would have waited for, so dropping a `.sync` there changes nothing. Any other action of
 * the SDK integration may start something long (`startPipelineExecution`), which `.sync` was
 * meant to wait for.
 */
const READ_ONLY_ACTION = /^(?:describe|list|get|search|query|batchDescribe|batchGet)[A-Z]/;

export function checkIntegrationPattern(context: RuleContext, integration: TaskIntegration): void {
  const { form, action, pattern, patternStart, resource, express } = integration;
  // An action that does not exist, read as none of ours: its own finding says so; no pattern is judged for it.
  // The integration's other actions (updateEndpoint, createLabelingJob, the SDK's startPipelineExecution) are judged as their own.
  if (pattern === '' || (integration.unknownAction && !integration.unknownAction.readAs)) return;
  const job = JOB_ACTIONS.has(action);
  const inStandard = form === 'optimized' ? pattern === 'sync' && job : pattern === 'waitForTaskToken';
  if (inStandard && !express) return;
  const integrationName = form === 'optimized' ? 'The SageMaker integration' : 'The AWS SDK integration';
  let message: string;
  if (express) {
    // A pattern Standard workflows take is refused for the workflow type alone: the message says so.
    message = `${integrationName} does not support ".${pattern}" for ${action}${inStandard ? ' in an Express workflow' : ''}: ${expressReason(express)}, and Express workflows take request-response only. Step Functions rejects the state machine otherwise.`;
  } else {
    const offered = form === 'optimized' ? (job ? 'request-response or ".sync"' : 'request-response only') : 'request-response or ".waitForTaskToken"';
    message = `${integrationName} does not support ".${pattern}" for ${action}: Step Functions offers ${offered} there, and rejects the state machine otherwise.${ENDPOINT_ACTIONS.has(action) ? ' To wait until the endpoint is InService, poll aws-sdk:sagemaker:describeEndpoint with a Wait and a Choice state.' : ''}`;
  }
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

/** Why the task runs in an Express workflow, as a clause (`the Distributed Map state "Each" runs it …`). */
function expressReason(express: ExpressWorkflow): string {
  if ('map' in express) return `the Distributed Map state "${express.map}" runs it in Express child workflows (ExecutionType: EXPRESS)`;
  const type = `${express.property}: EXPRESS${express.via ? `, from ${express.via}` : ''}`;
  return express.template === undefined ? `this state machine is an Express workflow (${type})` : `${express.template} deploys this state machine as an Express workflow (${type})`;
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
 * have done (the action completes before it returns): preferred and safe. An SDK action other
 * than a read (`startPipelineExecution.sync`) has no integration that waits: dropping the suffix
 * is the one way out, preferred but left to the user, who may add a wait of their own.
 * In an Express workflow request-response is the only way: preferred, and left to the user
 * where the task waited (for a job, or for a callback).
 */
function patternFixes(integration: TaskIntegration, written: PatternString, job: boolean): QuickFix[] {
  const { form, action, pattern } = integration;
  const { node, value, start, end } = written;
  // Whether dropping the suffix changes what the task waits for: a job, a callback, or an SDK action that is no mere read.
  const waits = job || (form === 'aws-sdk' && !READ_ONLY_ACTION.test(action));
  if (integration.express) {
    const waited = waits || pattern === 'waitForTaskToken';
    return [{ title: `Remove ".${pattern}" (request-response)`, intents: [intent.replaceInString(node, start, end, '')], preferred: true, ...(waited && { changesBehaviour: true }) }];
  }
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
  fixes.push({ title: `Remove ".${pattern}" (request-response)`, intents: [intent.replaceInString(node, start, end, '')], preferred: fixes.length === 0, ...(waits && { changesBehaviour: true }) });
  return fixes;
}

/** The SDK integration's service part of a Resource (`arn:aws:states:::aws-sdk:sagemaker:createTrainingJob`). */
const SDK_SAGEMAKER = 'aws-sdk:sagemaker:';
