/**
 * What every host's fix renderer needs once its edits are written: the indentation of a line,
 * the check that edits do not overlap, and where the first placeholder string they wrote ends
 * (the cursor's place after a fix that leaves a blank to fill).
 */
import type { TextEdit } from '../findings';

/** The whitespace that starts the line holding `offset`. */
export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let end = lineStart;
  while (end < offset && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(lineStart, end);
}

/** Sorts `edits` by offset in place; false when two of them overlap (the fix cannot be one change). */
export function sortWithoutOverlap(edits: TextEdit[]): boolean {
  edits.sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < edits.length; i++) if (edits[i].offset < edits[i - 1].offset + edits[i - 1].length) return false;
  return true;
}

/**
 * The offset, in the text after `sortedEdits`, just before the closing quote of the first string
 * value they wrote (a member name, followed by `:`, is skipped). `quotes` are the host's string
 * quotes: `"` for JSON, `'"` for Python.
 */
export function placeholderEnd(sortedEdits: readonly TextEdit[], quotes: string): number | undefined {
  let shift = 0;
  for (const edit of sortedEdits) {
    const end = firstStringValueEnd(edit.newText, quotes);
    if (end !== undefined) return edit.offset + shift + end;
    shift += edit.newText.length - edit.length;
  }
  return undefined;
}

function firstStringValueEnd(source: string, quotes: string): number | undefined {
  for (let i = 0; i < source.length; i++) {
    const quote = source[i];
    if (!quotes.includes(quote)) continue;
    let end = i + 1;
    while (end < source.length && source[end] !== quote) end += source[end] === '\\' ? 2 : 1;
    let next = end + 1;
    while (source[next] === ' ') next++;
    if (source[next] !== ':') return end;
    i = end;
  }
  return undefined;
}
