/**
 * `invalid-type` on a SageMaker Pipelines step's `DependsOn` that is not a list of step names
 * (hosts/workflows/pipelineDependsOn.ts): the pipeline definition's JSON schema takes an array of
 * strings there, and the SageMaker Python SDK writes one even for a single step. A lone string
 * (`"DependsOn": "Prep"`) is the usual slip: its fix wraps it in a list, keeping the name.
 */
import { intent, type QuickFix } from '../edits/editIntent';
import type { MalformedDependsOn } from '../specDocument';
import { describeJsonValue } from './apiModelRules';
import { nodeRange, type RuleContext } from './ruleContext';

export function checkMalformedDependsOn(context: RuleContext, malformed: readonly MalformedDependsOn[]): void {
  for (const { node, problem, step } of malformed) {
    const owner = step === undefined ? 'this step' : `step "${step}"`;
    const what = describeJsonValue(node, context.spec.text.slice(node.offset, node.offset + node.length));
    if (problem === 'not-a-name') {
      context.report('invalid-type', `A "DependsOn" item is the name of a step (a string), not ${what}: ${owner} cannot wait for it.`, nodeRange(node));
      continue;
    }
    const fixes: QuickFix[] = node.type === 'string' ? [{ title: `Write a list: ["${String(node.value)}"]`, intents: [intent.replaceValue(node, [String(node.value)])], preferred: true }] : [];
    const advice = node.type === 'string' ? `, even for one step: ["${String(node.value)}"]` : '';
    context.report('invalid-type', `"DependsOn" of ${owner} must be a list of step names, not ${what}${advice}.`, nodeRange(node), fixes);
  }
}
