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
  return new PlacedImage(text, field, reference);
}

/**
 * A class, not an object of closures, with its offset mapping made on first need: every image of
 * every request gets one (200 in a state machine), and most are never reported on.
 */
class PlacedImage implements ImageOccurrence {
  readonly node: Node;
  private toOffset: ((valueIndex: number) => number) | undefined;

  constructor(
    private readonly text: string,
    readonly field: ImageField,
    readonly reference: ImageReference,
  ) {
    this.node = field.value;
  }

  rangeOf(span: Span): OffsetRange {
    const hostRange = (this.node as RequestNode).valueRange;
    if (hostRange) return hostRange(span.start, span.end);
    this.toOffset ??= valueOffsetMapper(this.text, this.node);
    const offset = this.toOffset(span.start);
    return { offset, length: this.toOffset(span.end) - offset };
  }

  wholeRange(): OffsetRange {
    return this.rangeOf({ start: 0, end: this.reference.raw.length });
  }

  replacePart(span: Span, replacement: string): EditIntent {
    return intent.replaceInString(this.node, span.start, span.end, replacement);
  }

  replaceWhole(replacement: string): EditIntent {
    return intent.replaceInString(this.node, 0, this.reference.raw.length, replacement);
  }
}

/** Where a missing or floating tag is pointed at: the tag itself, or the whole reference. */
export function tagOrWholeRange(image: ImageOccurrence): OffsetRange {
  return image.reference.tag ? image.rangeOf(image.reference.tag) : image.wholeRange();
}
