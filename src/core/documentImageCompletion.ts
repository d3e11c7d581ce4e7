/**
 * Completion of the image string under the cursor, in any host that yields image fields: the
 * static tag of a template image (a `!Sub` string's), the string in place, or the one an image
 * field reads whole from elsewhere (a CloudFormation
 * parameter's `Default` behind `!Ref Image`, a SageMaker Pipelines parameter's `DefaultValue` or
 * `EnumValues` behind `{"Get": "Parameters.Image"}`; see writtenValuesOf).
 */
import { completeImage, completionRegion, tagItems, type CompletionOptions, type CompletionResult } from './completion';
import type { HostDocument } from './hostDocument';
import type { ResolvedRegion } from './region';
import { contentRange, writtenValuesOf, type RequestNode } from './requestTree';
import type { ImageUsage } from './specDocument';
import { hasHole, parseTemplateReference } from './templateReference';

/**
 * Image items for the string of `document` under `offset` (UTF-16 code units into its text),
 * between its quotes, or undefined when no image field's written value is there. The edit
 * replaces the string's whole content; its text is an image reference, which needs no escaping
 * in any host's string.
 */
export function completeDocumentImage(document: HostDocument, offset: number, options: CompletionOptions): CompletionResult | undefined {
  for (const request of document.requests) {
    // One region per request, resolved when needed: it reads all the request's images, and YAML
    // aliases can give a request 50,000 of them (resolving it per image took 13 s).
    let region: ResolvedRegion | undefined;
    const requestRegion = () => (region ??= completionRegion(request, options));
    for (const image of request.images) {
      const tags = completeTemplateTag(document.text, image.value as RequestNode, offset, options, requestRegion, image.usage);
      if (tags) return tags;
      for (const value of writtenValuesOf(image.written ?? image.value)) {
        const content = contentRange(value);
        if (value.type !== 'string' || offset < content.offset || offset > content.offset + content.length) continue;
        const typed = document.text.slice(content.offset, offset);
        return completeImage(typed, { offset: content.offset, length: content.length, newText: '' }, requestRegion(), options, image.usage, image.repositories);
      }
    }
  }
  return undefined;
}

/**
 * The tags of a template image's static repository (`!Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}
 * .${AWS::URLSuffix}/sagemaker-xgboost:1.7-1"`), when `offset` is in its static tag written as
 * it is read: each item replaces the tag alone (the placeholders stay). Tags of the image's
 * static region, else of the target region (the one resolved for the request).
 */
function completeTemplateTag(text: string, value: RequestNode, offset: number, options: CompletionOptions, region: () => ResolvedRegion, usage: ImageUsage): CompletionResult | undefined {
  if (!value.dynamic || !value.template) return undefined;
  const reference = parseTemplateReference(value.template);
  if (!reference || reference.tag === undefined || reference.digest || hasHole(reference.repository) || hasHole(reference.tag)) return undefined;
  const tagStart = reference.repositoryEnd + 1;
  const range = reference.range(tagStart, reference.text.length);
  if (offset < range.offset || offset > range.offset + range.length || text.slice(range.offset, range.offset + range.length) !== reference.tag) return undefined;
  const typed = text.slice(range.offset, offset);
  const staticRegion = reference.ecr && !hasHole(reference.ecr.region) ? reference.ecr.region : region().region;
  const found = tagItems(options.catalog, typed, { ...range, newText: '' }, '', staticRegion, reference.repository, typed, usage);
  return { ...found, items: found.items.map((item) => ({ ...item, detail: `${reference.repository}:${item.label}`, edit: { offset: range.offset, length: range.length, newText: item.label } })) };
}
