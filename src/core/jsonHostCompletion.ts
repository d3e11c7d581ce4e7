/**
 * Completion in a JSON document that embeds requests (a Pipelines definition, a state machine, a
 * CloudFormation template): what the request under the cursor completes as a spec, else a
 * state's task `Resource`, else an image written outside any request (a parameter's default
 * that a step or resource reads whole).
 */
import { completeAt, type CompletionOptions, type CompletionResult } from './completion';
import { completeDocumentImage } from './documentImageCompletion';
import { requestAt, type HostDocument } from './hostDocument';
import { completeStandInValue } from './standInCompletion';
import { completeTaskResource } from './hosts/workflows/resourceCompletion';

/**
 * Items at `offset` (UTF-16 code units into `document.text`), or undefined where nothing
 * completes. Not inside a template's `DefinitionString`: its edits would need the string's
 * escaping. Live registry items need `options.live` filled for the request first (the editor
 * does that, see liveTargetAt).
 */
export function completeInJsonHost(document: HostDocument, offset: number, options: CompletionOptions): CompletionResult | undefined {
  const request = requestAt(document, offset);
  return (request && !request.inString ? completeAt(request, offset, options) : undefined) ?? completeTaskResource(document.text, offset) ?? completeDocumentImage(document, offset, options) ?? completeStandInValue(document, offset, options);
}
