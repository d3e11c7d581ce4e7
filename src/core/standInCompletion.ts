/**
 * Completion of a value a request member reads from elsewhere: a SageMaker Pipelines parameter's
 * `DefaultValue` or `EnumValues` item behind `{"Get": "Parameters.X"}`, a CloudFormation
 * parameter's `Default` or `AllowedValues` behind `!Ref X`. The rules judge that value as the
 * member (see RequestNodeExtras.standIn); completion offers what the member takes — an
 * `InstanceType` parameter's default completes with instance types, as the member itself does.
 * (Images are completeDocumentImage's.)
 */
import type { Node } from 'jsonc-parser';
import type { CompletionOptions, CompletionResult } from './completion';
import type { HostDocument } from './hostDocument';
import { valueItems } from './modelCompletion';
import { contentRange, isDynamic, staticReadingsOf } from './requestTree';

/** Items for the string under `offset` when a request member reads it from elsewhere and takes an enum; undefined otherwise. */
export function completeStandInValue(document: HostDocument, offset: number, options: CompletionOptions): CompletionResult | undefined {
  const model = options.apiModel;
  if (!model) return undefined;
  for (const request of document.requests) {
    if (!request.kind || !request.root) continue;
    const reader = memberReading(request.root, offset);
    if (!reader) continue;
    const shape = model.shapeAt(request.kind, reader.path);
    if (shape?.type !== 'string' || !shape.enum) return undefined;
    const content = contentRange(reader.value);
    return valueItems(shape.enum, { offset: content.offset, length: content.length, newText: '' }, document.text.slice(content.offset, offset), false);
  }
  return undefined;
}

/**
 * The member path (from the request's top) of a dynamic value of `root` that reads a string
 * written elsewhere holding `offset`, with that string. An explicit stack: a request's depth is
 * its writer's to choose.
 */
function memberReading(root: Node, offset: number): { path: (string | number)[]; value: Node } | undefined {
  const stack: { node: Node; path: (string | number)[] }[] = [{ node: root, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (isDynamic(node)) {
      for (const written of staticReadingsOf(node)) {
        const content = contentRange(written);
        // Outside the request's own text: a value written in place is the member's own completion's.
        const elsewhere = written.offset < root.offset || written.offset >= root.offset + root.length;
        if (elsewhere && written.type === 'string' && offset >= content.offset && offset <= content.offset + content.length) return { path, value: written };
      }
      continue;
    }
    if (node.type === 'object') {
      for (const property of node.children ?? []) {
        const key = property.children?.[0]?.value;
        const value = property.children?.[1];
        if (typeof key === 'string' && value) stack.push({ node: value, path: [...path, key] });
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((item, index) => stack.push({ node: item, path: [...path, index] }));
    }
  }
  return undefined;
}
