/**
 * `invalid-integration-arn`: a Step Functions task whose Resource is meant as a SageMaker service
 * integration but is no ARN of one. Service-integration ARNs have no region or account
 * (`arn:aws:states:::sagemaker:createEndpointConfig`: the task runs in the state machine's own
 * region and account), so a region or account written in, as a state machine's or an activity's
 * ARN has them (`arn:aws:states:us-east-1:123456789012:sagemaker:…`), or a colon missing
 * (`arn:aws:states::sagemaker:…`), names no integration: Step Functions rejects the state machine
 * ("The resource provided … is not recognized"). The host reads the task as the integration all
 * the same (TaskIntegration.malformedArn), so its request is checked.
 * On `states:…:`; the fix writes `states:::`, keeping the partition, the action and the pattern.
 */
import { intent } from '../edits/editIntent';
import type { QuickFix } from '../findings';
import { valueOffsetMapper } from '../jsonTree';
import type { MalformedArn, TaskIntegration } from '../specDocument';
import type { RuleContext } from './ruleContext';

/** The integration ARN's fields after `arn:<partition>:`: the service and an empty region and account. */
const SERVICE_FIELDS = 'states:::';

export function checkIntegrationArn(context: RuleContext, integration: TaskIntegration): void {
  const arn = integration.malformedArn;
  if (!arn) return;
  // The string the fix edits: the Resource's own, or the template string holding `states:…:` (none inside a DefinitionString).
  const written = arn.range ? arn.string : { node: integration.resource, start: arn.start, end: arn.end };
  const range = arn.range ?? resourceRange(context, integration, arn);
  const fields = context.spec.text.slice(range.offset, range.offset + range.length);
  const meant = written && `${String(written.node.value).slice(0, written.start)}${SERVICE_FIELDS}${String(written.node.value).slice(written.end)}`;
  const fixes: QuickFix[] = written && meant !== undefined ? [{ title: `Write ${meant}`, intents: [intent.replaceInString(written.node, written.start, written.end, SERVICE_FIELDS)], preferred: true }] : [];
  context.report('invalid-integration-arn', arnMessage(arn, fields, meant), range, fixes);
}

/** The range of `states:…:` in a literal Resource. */
function resourceRange(context: RuleContext, integration: TaskIntegration, arn: MalformedArn): { offset: number; length: number } {
  const offsetOf = valueOffsetMapper(context.spec.text, integration.resource);
  const start = offsetOf(arn.start);
  return { offset: start, length: offsetOf(arn.end) - start };
}

/**
 * `fields`: `states:…:` as the document writes it; `meant`: the Resource with `states:::` in its
 * place, when one string holds it.
 */
function arnMessage(arn: MalformedArn, fields: string, meant: string | undefined): string {
  const write = meant !== undefined ? ` Write ${meant}.` : ` Write "${SERVICE_FIELDS}" in its place.`;
  // Quoted when written as one piece of text (an `Fn::Join` spreads it over items, quotes and all).
  const quoted = /^[^"'\r\n]*$/.test(fields) ? `"${fields}"` : undefined;
  if (arn.written) {
    return `Step Functions' service-integration ARNs have no region or account (a task runs in its state machine's): with ${quoted ?? 'a region or account after "states"'} the Resource names no integration, and Step Functions rejects the state machine.${write}`;
  }
  return `Step Functions' service-integration ARNs have no region or account, written as three colons after "states": ${quoted ?? 'the Resource'} has ${arn.colons}, so the Resource names no integration, and Step Functions rejects the state machine.${write}`;
}
