/**
 * `unfilled-placeholder`: a `${…}` that nothing fills in, sent as written. A Step Functions task's Resource written `arn:${AWS::Partition}:states:::…`
 * as literal text. Only CloudFormation's `Fn::Sub` fills pseudo parameters; a state machine file
 * deployed by SAM's `DefinitionUri` (or CloudFormation's `DefinitionS3Location`), and a
 * template's `Definition` outside `Fn::Sub`, get only their `DefinitionSubstitutions`, so Step
 * Functions reads the ARN as written and rejects the state machine. The task is still checked as
 * the integration it names. The fix writes a `DefinitionSubstitutions` key the deployment can
 * fill (`${Partition}`) — offered, never applied: the template must then define it.
 */
import type { ApiModel } from '../apiModel/apiModel';
import { intent, type QuickFix } from '../edits/editIntent';
import { valueOffsetMapper } from '../jsonTree';
import type { RequestNode, TemplatePart } from '../requestTree';
import type { ImageField, TaskIntegration } from '../specDocument';
import { mayHoldPlaceholder, unfilledParts, unfilledPlaceholdersOf, withUnfilledParts } from '../unfilledPlaceholders';
import { freeTextMembers } from './freeTextPlaceholders';
import type { RuleContext } from './ruleContext';
import { checkTemplateImage } from './templateImageRule';

export function checkUnfilledPartition(context: RuleContext, integration: TaskIntegration): void {
  const unfilled = integration.unfilledPartition;
  if (!unfilled) return;
  const offsetOf = valueOffsetMapper(context.spec.text, integration.resource);
  const offset = offsetOf(unfilled.start);
  const length = offsetOf(unfilled.start + unfilled.text.length) - offset;
  context.report(
    'unfilled-placeholder',
    `${unfilled.text} is filled in only by CloudFormation's Fn::Sub: in a state machine file (or a Definition outside Fn::Sub) Step Functions reads the Resource as written and rejects it. Write the partition (arn:aws:…), or a DefinitionSubstitutions key (\${Partition}) that the deployment fills.`,
    { offset, length },
    [
      { title: 'Write the partition aws', intents: [intent.replaceInString(integration.resource, unfilled.start, unfilled.start + unfilled.text.length, 'aws')], preferred: false, changesBehaviour: true },
    ],
  );
}

/** A placeholder of a template (see TemplatePart). */
type Placeholder = Extract<TemplatePart, { kind: 'placeholder' }>;

/**
 * `unfilled-placeholder` on each `${…}` of a request value that nothing fills in (see
 * unfilledPlaceholders.ts): a CloudFormation pseudo parameter in a state machine task's request,
 * any `${…}` in a value of an AWS CLI spec or a Python call, or in an image. The value is sent as written. A region placeholder gets the explicit
 * target region as a fix (preferred only in a request file, which is sent to that one region).
 * With `model`, a placeholder of an AWS CLI spec or a Python call in a member that takes any text
 * (an `Environment` value: see freeTextPlaceholders.ts) is a warning that says so: the container
 * gets it as written and may expand it itself. Elsewhere, and without a model, it is an error.
 */
export function reportUnfilledPlaceholders(context: RuleContext, placeholders: readonly Placeholder[], model?: ApiModel): void {
  const spec = context.spec;
  // State machine tasks and templates have their own substitutions to name; images their own rules.
  const freeText = model && !spec.embedding && !spec.anyRegion ? freeTextMembers(spec, model, placeholders) : undefined;
  for (const placeholder of placeholders) {
    const written = spec.text.slice(placeholder.offset, placeholder.offset + placeholder.length);
    const name = written.startsWith('${') && written.endsWith('}') ? written.slice(2, -1) : written;
    const range = { offset: placeholder.offset, length: placeholder.length };
    const member = freeText?.get(placeholder.offset);
    if (member !== undefined) context.report('unfilled-placeholder', freeTextMessage(written, name, member), range, unfilledFixes(context, written, name, placeholder), 'warning');
    else context.report('unfilled-placeholder', unfilledMessage(context, written, name), range, unfilledFixes(context, written, name, placeholder));
  }
}

/**
 * A literal image holding `${…}`: no host substitution reached it (hosts make the placeholders
 * they fill template parts), so each is reported, and the static text around them is checked as
 * a template's. False when the image holds none.
 */
export function checkUnfilledImage(context: RuleContext, field: ImageField): boolean {
  const node = field.value as RequestNode;
  const value = node.value;
  if (typeof value !== 'string' || !mayHoldPlaceholder(value)) return false;
  const parts = unfilledParts(value, valueOffsetMapper(context.spec.text, node));
  if (!parts) return false;
  reportUnfilledPlaceholders(context, unfilledPlaceholdersOf(parts));
  checkTemplateImage(context, field, parts);
  return true;
}

/**
 * A template image whose text still holds `${…}` (CloudFormation's `${!Name}` escape writes
 * `${Name}`; a template `Definition` outside `Fn::Sub` keeps a name DefinitionSubstitutions lacks):
 * as checkUnfilledImage. False when its text holds none.
 */
export function checkUnfilledTemplateImage(context: RuleContext, field: ImageField, template: readonly TemplatePart[]): boolean {
  const parts = withUnfilledParts(template);
  if (!parts) return false;
  reportUnfilledPlaceholders(context, unfilledPlaceholdersOf(parts));
  checkTemplateImage(context, field, parts);
  return true;
}

function freeTextMessage(written: string, name: string, member: string): string {
  const what = name.startsWith('AWS::') ? 'a CloudFormation pseudo parameter, which only Fn::Sub fills' : 'a placeholder';
  return `${written} is ${what}: nothing substitutes it in this file, so ${member} is sent as written, and only a container that expands ${written} itself would read it as meant. Write the value itself, unless your container expands it.`;
}

function unfilledMessage(context: RuleContext, written: string, name: string): string {
  const pseudoParameter = name.startsWith('AWS::');
  if (context.spec.embedding?.container === 'state-machine-task' && context.spec.inString && written.startsWith('${!')) {
    const key = written.slice(3, -1);
    // A DefinitionString's Fn::Sub writes `${!Name}` out as `${Name}` for DefinitionSubstitutions, which has no such key.
    if (context.spec.inSubString) return `${written} is Fn::Sub's escape: Fn::Sub writes it out as the text \${${key}} for DefinitionSubstitutions to fill in, and the state machine has no DefinitionSubstitutions key ${key}, so Step Functions sends the value as written. Add ${key} to DefinitionSubstitutions, write \${${key}} if a parameter or resource ${key} should fill it in, or write the value itself.`;
    // Outside Fn::Sub, `${!…}` escapes nothing: the text goes as written, `!` and all.
    return `${written} is sent as written: outside Fn::Sub, \${!…} is no escape, and DefinitionSubstitutions fills only \${Name} for its keys. Write \${${key}} with a DefinitionSubstitutions key ${key}, or the value itself.`;
  }
  if (context.spec.embedding?.container === 'state-machine-task' && context.spec.inString) {
    // A template's DefinitionString outside Fn::Sub: a plain string, or a literal item of Fn::Join, which joins its items as written.
    const item = name.includes('.') ? `Fn::GetAtt ${name}` : `Ref ${name}`;
    return `${written} is filled in only by CloudFormation's Fn::Sub, and this part of the DefinitionString is outside one, so Step Functions sends the value as written. Write the string with Fn::Sub, join the value in as an Fn::Join item of its own (${item}), or use a DefinitionSubstitutions key (\${${substitutionKey(name)}}).`;
  }
  if (context.spec.embedding?.container === 'state-machine-task') {
    return `${written} is filled in only by CloudFormation's Fn::Sub: a state machine file's deployment fills only its DefinitionSubstitutions keys (\${Name}), so Step Functions sends the value as written. Write the value, or a DefinitionSubstitutions key (\${${substitutionKey(name)}}) that the deployment fills.`;
  }
  if (context.spec.anyRegion) {
    // `${!Name}` inside Fn::Sub is its escape: written out as the text `${Name}`, never filled in.
    // (Outside Fn::Sub nothing fills `${…}` at all: the same advice holds.)
    if (written.startsWith('${!')) return `${written} is never filled in: inside Fn::Sub it is the escape that writes out the text \${${written.slice(3)}, and outside Fn::Sub nothing substitutes \${…}, so the value is sent with it. Write \${${written.slice(3)} inside Fn::Sub (!Sub) to have CloudFormation fill it in, or the value itself.`;
    return `${written} is not filled in: CloudFormation substitutes \${…} only inside Fn::Sub (!Sub), so the value is sent as written. Write the value with !Sub.`;
  }
  const what = pseudoParameter ? 'a CloudFormation pseudo parameter, which only Fn::Sub fills' : 'a placeholder';
  return `${written} is ${what}: nothing substitutes it in this file, so the request is sent with it as written. Write the value itself.`;
}

/** A DefinitionSubstitutions key for a Sub-only name: `AWS::Region` → `Region`, `Bucket.Arn` → `BucketArn`. */
function substitutionKey(name: string): string {
  const last = name.includes('::') ? name.slice(name.lastIndexOf('::') + 2) : name;
  return last.replace(/[^A-Za-z0-9_]/g, '') || 'Value';
}

function unfilledFixes(context: RuleContext, written: string, name: string, placeholder: Placeholder): QuickFix[] {
  // Written as the text it is (no escapes): the fix replaces it as written, in any host.
  if (context.spec.anyRegion || !/^\$\{[^}]+\}$/.test(written)) return [];
  const inRequestFile = context.spec.embedding?.container !== 'state-machine-task';
  const replace = (title: string, text: string, preferred: boolean): QuickFix => ({ title, intents: [intent.replaceText(placeholder.offset, placeholder.length, text)], preferred, ...(!preferred && { changesBehaviour: true }) });
  if (name === 'AWS::Region' && context.region.explicit && context.catalog.region(context.region.region)) {
    return [replace(`Write the region ${context.region.region}`, context.region.region, inRequestFile)];
  }
  if (name === 'AWS::Partition') {
    const partition = context.region.explicit ? context.catalog.partition(context.region.region) : 'aws';
    return [replace(`Write the partition ${partition}`, partition, false)];
  }
  return [];
}
