/**
 * One parsed image reference at its place in the document, with the range and edit helpers that
 * the image rules share (parts of the reference map to document offsets, escapes included).
 */
import type { Node } from 'jsonc-parser';
import type { TextEdit } from '../findings';
import type { ImageReference, Span } from '../imageReference';
import { replaceInString } from '../jsonEdits';
import { valueOffsetMapper, type OffsetRange } from '../jsonTree';
import type { ImageField } from '../specDocument';

export interface ImageOccurrence {
  field: ImageField;
  reference: ImageReference;
  node: Node;
  /** The document range of a part of the reference (the tag, the account, …). */
  rangeOf(span: Span): OffsetRange;
  /** The whole reference, without the quotes. */
  wholeRange(): OffsetRange;
  /** An edit replacing a part of the reference. */
  replacePart(span: Span, replacement: string): TextEdit;
  /** An edit replacing the whole reference. */
  replaceWhole(replacement: string): TextEdit;
}

export function imageOccurrence(text: string, field: ImageField, reference: ImageReference): ImageOccurrence {
  const node = field.value;
  const toOffset = valueOffsetMapper(text, node);
  const rangeOf = (span: Span): OffsetRange => {
    const offset = toOffset(span.start);
    return { offset, length: toOffset(span.end) - offset };
  };
  return {
    field,
    reference,
    node,
    rangeOf,
    wholeRange: () => rangeOf({ start: 0, end: reference.raw.length }),
    replacePart: (span, replacement) => replaceInString(text, node, span.start, span.end, replacement),
    replaceWhole: (replacement) => replaceInString(text, node, 0, reference.raw.length, replacement),
  };
}

/** Where a missing or floating tag is pointed at: the tag itself, or the whole reference. */
export function tagOrWholeRange(image: ImageOccurrence): OffsetRange {
  return image.reference.tag ? image.rangeOf(image.reference.tag) : image.wholeRange();
}
