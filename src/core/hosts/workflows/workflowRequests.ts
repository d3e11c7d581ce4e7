/**
 * One entry for both workflow hosts: the requests embedded in a SageMaker Pipelines definition
 * or a Step Functions state machine, whichever `root` is. Other hosts that embed workflows
 * (a YAML state machine, CloudFormation's `PipelineDefinitionBody` and `Definition`) call this
 * with their own tree.
 */
import type { Node } from 'jsonc-parser';
import { scanJson } from '../../jsonScan';
import { specImageRegions, type ExpressWorkflow, type HostLanguage, type SpecDocument } from '../../specDocument';
import { findPipelineRequests, isPipelineDefinition } from './pipelineRequests';
import { withUndefinedDependsOn } from './pipelineDependsOn';
import { withUndefinedPipelineVariables } from './pipelineVariables';
import { findStateMachineRequests, isStateMachine } from './stateMachineRequests';
import { markDeployPlaceholders } from './deployPlaceholders';

/**
 * True when a text may hold a workflow with requests of ours: a pre-filter on words, so other
 * JSON files are never parsed for it. A state machine names a SageMaker integration
 * (`states:::sagemaker:` or `…:aws-sdk:sagemaker:`); a Pipelines definition has `Steps` and `Arguments`.
 */
export function mayHoldWorkflow(text: string): boolean {
  return (text.includes('"States"') && text.includes('sagemaker:')) || (text.includes('"Steps"') && text.includes('"Arguments"'));
}

/** True when the top-level member names are a workflow's: `StartAt` and `States`, or `Version` and `Steps`. */
export function namesWorkflow(topLevelMembers: readonly string[]): boolean {
  return (topLevelMembers.includes('StartAt') && topLevelMembers.includes('States')) || (topLevelMembers.includes('Version') && topLevelMembers.includes('Steps'));
}

/**
 * True when a JSON text is a workflow that may hold requests of ours (words, then one flat scan
 * of its top-level members; no tree): how a folder's `*.json` files are picked for checking.
 */
export function isWorkflowJson(text: string): boolean {
  return mayHoldWorkflow(text) && namesWorkflow(scanJson(text).topLevelMembers);
}

/**
 * The requests of the workflow whose top-level value is `root` (none when it is neither kind); a
 * Pipelines definition's undefined pipeline variables and `DependsOn` names go with them
 * (pipelineVariables.ts, pipelineDependsOn.ts).
 * `dollarKeys`: the tree's keys ending in `.$` in document order, when its parser collected them
 * (jsonParse.ts); without them a state machine's requests are walked for such keys.
 * `express`: a state machine is an Express workflow (its template resource's type).
 */
export function findWorkflowRequests(text: string, root: Node | undefined, host: HostLanguage = 'json', dollarKeys?: readonly Node[], express?: ExpressWorkflow): SpecDocument[] {
  if (!root) return [];
  if (isStateMachine(root)) return findStateMachineRequests(text, root, host, dollarKeys, express);
  if (isPipelineDefinition(root)) return withUndefinedDependsOn(withUndefinedPipelineVariables(findPipelineRequests(text, root, host), text, root, host), text, root, host);
  return [];
}

/**
 * The requests of a workflow file read on its own (a JSON or YAML document, not a template's
 * `Definition`): as findWorkflowRequests, with a state machine's `${Name}` placeholders of its
 * deployment's substitutions dynamic (deployPlaceholders.ts).
 */
export function findWorkflowFileRequests(text: string, root: Node | undefined, host: HostLanguage = 'json', dollarKeys?: readonly Node[]): SpecDocument[] {
  const stateMachine = root !== undefined && isStateMachine(root);
  if (stateMachine) markDeployPlaceholders(text, root);
  const requests = findWorkflowRequests(text, root, host, dollarKeys);
  // One workflow runs in one region: images naming several are told to each request (see SpecDocument.workflowImages).
  const regions = requests.flatMap(specImageRegions);
  if (new Set(regions).size > 1) {
    const workflowImages = { regions, workflow: stateMachine ? ('state machine' as const) : ('pipeline' as const) };
    for (const request of requests) request.workflowImages = workflowImages;
  }
  return requests;
}
