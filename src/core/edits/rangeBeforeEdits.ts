/**
 * Where a range of a text after rounds of edits was in the text before them: `--fix-dry-run`
 * reports what `--fix` would leave at positions in the file on disk, which it never rewrites.
 * Text the edits left alone maps to itself (shifted); a range end inside text an edit wrote maps
 * to that edit's whole span in the earlier text, so a finding on fixed text covers what the fix
 * would replace.
 */
import type { TextEdit } from '../findings';

/** An offset and a length, in UTF-16 code units. */
export interface EditedRange {
  offset: number;
  length: number;
}

/**
 * `range` (in the text after every round) in the text before the first. `rounds`: each round's
 * edits, non-overlapping, against the text the round before left (core/fixAll's rounds).
 */
export function rangeBeforeEdits(range: EditedRange, rounds: readonly (readonly TextEdit[])[]): EditedRange {
  let start = range.offset;
  let end = range.offset + range.length;
  for (let index = rounds.length - 1; index >= 0; index--) {
    const edits = [...rounds[index]].sort((a, b) => a.offset - b.offset);
    start = pointBefore(start, edits, 'start');
    end = Math.max(start, pointBefore(end, edits, 'end'));
  }
  return { offset: start, length: end - start };
}

/**
 * `point` (after `edits`, sorted) before them. Inside written text a start maps to the edit's
 * start and an end to its end; at the boundary of an insertion, a start after it stays after it
 * and an end before it stays before it.
 */
function pointBefore(point: number, edits: readonly TextEdit[], side: 'start' | 'end'): number {
  let shift = 0;
  for (const edit of edits) {
    const writtenStart = edit.offset + shift;
    const writtenEnd = writtenStart + edit.newText.length;
    if (side === 'start' ? point < writtenStart : point <= writtenStart) break;
    if (side === 'start' ? point < writtenEnd : point < writtenEnd || (point === writtenEnd && edit.newText.length > 0)) {
      return side === 'start' ? edit.offset : edit.offset + edit.length;
    }
    shift += edit.newText.length - edit.length;
  }
  return point - shift;
}
