/**
 * One parsed image reference at its place in the document, with the range and edit helpers that
 * the image rules share (parts of the reference map to document offsets, escapes included; fixes
 * are intents on the string node, rendered by the document's host).
 */
import type { Node } from 'jsonc-parser';
import { intent, type EditIntent } from '../edits/editIntent';
import type { ImageReference, Span } from '../imageReference';
import { valueOffsetMapper, type OffsetRange } from '../jsonTree';
import type { RequestNode } from '../requestTree';
import type { ImageField } from '../specDocument';

export interface ImageOccurrence {
  field: ImageField;
  reference: ImageReference;
  node: Node;
  /** The document range of a part of the reference (the tag, the account, …). */
  rangeOf(span: Span): OffsetRange;
  /** The whole reference, without the quotes. */
  wholeRange(): OffsetRange;
  /** The intent of replacing a part of the reference. */
  replacePart(span: Span, replacement: string): EditIntent;
  /** The intent of replacing the whole reference. */
  replaceWhole(replacement: string): EditIntent;
}

export function imageOccurrence(text: string, field: ImageField, reference: ImageReference): ImageOccurrence {
  const node = field.value;
  const toOffset = valueOffsetMapper(text, node);
  const hostRange = (node as RequestNode).valueRange;
  const rangeOf = (span: Span): OffsetRange => {
    if (hostRange) return hostRange(span.start, span.end);
    const offset = toOffset(span.start);
    return { offset, length: toOffset(span.end) - offset };
  };
  return {
    field,
    reference,
    node,
    rangeOf,
    wholeRange: () => rangeOf({ start: 0, end: reference.raw.length }),
    replacePart: (span, replacement) => intent.replaceInString(node, span.start, span.end, replacement),
    replaceWhole: (replacement) => intent.replaceInString(node, 0, reference.raw.length, replacement),
  };
}

/** Where a missing or floating tag is pointed at: the tag itself, or the whole reference. */
export function tagOrWholeRange(image: ImageOccurrence): OffsetRange {
  return image.reference.tag ? image.rangeOf(image.reference.tag) : image.wholeRange();
}
