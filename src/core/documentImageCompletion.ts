/**
 * Completion of the image string under the cursor, in any host that yields image fields: the
 * string in place, or the one an image field reads whole from elsewhere (a CloudFormation
 * parameter's `Default` behind `!Ref Image`, a SageMaker Pipelines parameter's `DefaultValue` or
 * `EnumValues` behind `{"Get": "Parameters.Image"}`; see writtenValuesOf).
 */
import { regionForSpec } from './analyze';
import { completeImage, type CompletionOptions, type CompletionResult } from './completion';
import type { HostDocument } from './hostDocument';
import { contentRange, writtenValuesOf } from './requestTree';

/**
 * Image items for the string of `document` under `offset` (UTF-16 code units into its text),
 * between its quotes, or undefined when no image field's written value is there. The edit
 * replaces the string's whole content; its text is an image reference, which needs no escaping
 * in any host's string.
 */
export function completeDocumentImage(document: HostDocument, offset: number, options: CompletionOptions): CompletionResult | undefined {
  for (const request of document.requests) {
    for (const image of request.images) {
      for (const value of writtenValuesOf(image.written ?? image.value)) {
        const content = contentRange(value);
        if (value.type !== 'string' || offset < content.offset || offset > content.offset + content.length) continue;
        const typed = document.text.slice(content.offset, offset);
        return completeImage(typed, { offset: content.offset, length: content.length, newText: '' }, regionForSpec(request, options.regionInputs), options, image.usage);
      }
    }
  }
  return undefined;
}
