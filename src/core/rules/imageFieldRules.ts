/**
 * The image rules on one image field: a literal reference (registry, tags, scope, live tags), a
 * template's static parts, or why it is no image reference (a placeholder nothing fills, a pasted
 * scheme, a space).
 */
import type { AnalyzeOptions } from '../analyze';
import type { ParseResult } from '../imageReference';
import type { RequestNode } from '../requestTree';
import type { ImageField, SpecDocument } from '../specDocument';
import { imageOccurrence } from './imageOccurrence';
import { checkLiveTag } from './liveTagRule';
import { checkRegistry } from './registryRules';
import { nodeRange, type RuleContext } from './ruleContext';
import type { RuleRunner } from './ruleRunner';
import { checkScope } from './scopeRule';
import { checkTags } from './tagRules';
import { checkTemplateImage, reportUnsubstituted } from './templateImageRule';
import { checkUnfilledImage, checkUnfilledTemplateImage } from './unfilledPlaceholderRule';

/** The image rules on one image field (a literal reference, or a template's static parts). */
export function checkImageField(run: RuleRunner, context: RuleContext, spec: SpecDocument, field: ImageField, options: Pick<AnalyzeOptions, 'algorithms' | 'live'>): void {
  if (field.unsubstituted) {
    // The image holds `${Name}` as written: invalid, and nothing else about it is what was meant.
    run('invalid-image-reference', reportUnsubstituted, context, field.unsubstituted);
    return;
  }
  const parsed = field.parsed;
  if (!parsed) {
    const template = (field.value as RequestNode).template;
    if (template) run('template-image', checkTemplateOrUnfilledImage, context, field, template, options.algorithms);
    return;
  }
  if (!parsed.ok) {
    // `${…}` that nothing filled: said as such, and the text around it checked (not "the port must be a number").
    run('invalid-image-reference', reportInvalidOrUnfilled, context, spec, field, parsed);
    return;
  }
  const image = imageOccurrence(spec.text, field, parsed.reference);
  run('registry', checkRegistry, context, image);
  run('tags', checkTags, context, image, options.algorithms);
  run('image-scope-mismatch', checkScope, context, image);
  if (field.usage !== 'reference') run('tag-not-found', checkLiveTag, context, image, options.live);
}

function checkTemplateOrUnfilledImage(context: RuleContext, field: ImageField, template: NonNullable<RequestNode['template']>, algorithms: AnalyzeOptions['algorithms']): void {
  if (!checkUnfilledTemplateImage(context, field, template)) checkTemplateImage(context, field, template, algorithms);
}

function reportInvalidOrUnfilled(context: RuleContext, spec: SpecDocument, field: ImageField, parsed: Extract<ParseResult, { ok: false }>): void {
  if (!checkUnfilledImage(context, field)) reportInvalidReference(context, spec, field, parsed);
}

function reportInvalidReference(context: RuleContext, spec: SpecDocument, field: ImageField, parsed: Extract<ParseResult, { ok: false }>): void {
  const occurrenceRange = nodeRange(field.value);
  // A value the host reads as one of its expressions sent as text (`"$.image"` without `.$`): that is
  // the cause, which the report adds (literalExpressionFindings.ts); how a repository is spelt is not.
  if (typeof field.value.value === 'string' && spec.embedding?.literalExpression?.(field.value.value)) {
    context.report('invalid-image-reference', `"${field.value.value}" is not an image reference.`, occurrenceRange);
    return;
  }
  // Point at the offending part when it is known, else the whole value.
  const start = Math.min(parsed.span.start, occurrenceRange.length);
  const end = Math.min(Math.max(parsed.span.end, start), occurrenceRange.length);
  const image = imageOccurrence(spec.text, field, { raw: String(field.value.value), repository: { start: 0, end: 0, text: '' } });
  const range = end > start ? image.rangeOf({ start, end }) : occurrenceRange;
  // A plain repair (a pasted scheme, a stray space, credentials) is the fix to apply.
  const { repair } = parsed;
  const fixes = repair ? [{ title: repair.title, intents: [image.replacePart(repair.span, repair.text)], preferred: true }] : [];
  context.report('invalid-image-reference', `Not a valid image reference: ${parsed.problem}.`, range, fixes);
}
