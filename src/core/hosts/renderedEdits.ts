/**
 * What every host's fix renderer needs once its edits are written: the indentation of a line,
 * the check that edits do not overlap, where the first placeholder string they wrote ends
 * (the cursor's place after a fix that leaves a blank to fill), and the text a removed member
 * takes with it.
 */
import type { Node } from 'jsonc-parser';
import type { TextEdit } from '../findings';
import { lineStartAt } from '../textPositions';

/** The whitespace that starts the line holding `offset`. */
export function lineIndent(text: string, offset: number): string {
  const lineStart = lineStartAt(text, offset);
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

/**
 * The edits that remove `property` (a member of its parent object, as the tree shapes it) from
 * `text`. `commaSeparated`: members are separated by commas (JSON, a YAML flow mapping); else each
 * member has lines of its own (a YAML block mapping). A member on lines of its own goes with them
 * (and with a comment after it on its last line), and a comma that only it needed goes too; one
 * sharing its line with others goes with the comma between it and its neighbour. Undefined when
 * the member is not written inside its object (a member merged from a YAML anchor) or a comma
 * cannot be found where it should be.
 */
export function removedMemberEdits(text: string, property: Node, commaSeparated: boolean): TextEdit[] | undefined {
  const object = property.parent;
  const members = object?.children ?? [];
  const index = members.indexOf(property);
  const start = property.offset;
  const end = property.offset + property.length;
  if (!object || index < 0 || start < object.offset || end > object.offset + object.length) return undefined;
  const lineStart = lineStartAt(text, start);
  const ownLine = text.slice(lineStart, start).trim() === '';
  if (!commaSeparated) return ownLine ? [linesEdit(text, lineStart, end)] : undefined;
  const previous = members[index - 1];
  const next = members[index + 1];
  const afterSpaces = skipBlanks(text, end);
  const commaAfter = text[afterSpaces] === ',' ? afterSpaces : undefined;
  const restStart = commaAfter !== undefined ? commaAfter + 1 : end;
  const restOfLine = text.slice(restStart, nextLineStart(text, restStart));
  if (ownLine && /^[ \t]*(?:(?:\/\/|#).*)?\r?\n?$/.test(restOfLine)) {
    const edits: TextEdit[] = [linesEdit(text, lineStart, restStart)];
    // The last member: the comma before it separated it from the previous one, now the last.
    if (commaAfter === undefined && previous) {
      const commaBefore = skipBlanks(text, previous.offset + previous.length, true);
      if (text[commaBefore] !== ',') return undefined;
      edits.push({ offset: commaBefore, length: 1, newText: '' });
    }
    return edits;
  }
  if (next) return [{ offset: start, length: next.offset - start, newText: '' }];
  if (previous) return [{ offset: previous.offset + previous.length, length: end - (previous.offset + previous.length), newText: '' }];
  return [{ offset: start, length: restStart - start, newText: '' }];
}

/** The offset of the first character at or after `offset` that is not a space or tab (nor a line break, with `lineBreaks`). */
function skipBlanks(text: string, offset: number, lineBreaks = false): number {
  let at = offset;
  while (text[at] === ' ' || text[at] === '\t' || (lineBreaks && (text[at] === '\n' || text[at] === '\r'))) at++;
  return at;
}

/**
 * Removes the lines from `lineStart` through the one holding `offset`: with the line break before
 * them, so text another edit inserts at the end of the line above (a member added after this one)
 * is left whole; the first line of the text goes with the break after it.
 */
function linesEdit(text: string, lineStart: number, offset: number): TextEdit {
  const next = nextLineStart(text, offset);
  if (lineStart === 0) return { offset: 0, length: next, newText: '' };
  const breakBefore = text[lineStart - 2] === '\r' ? lineStart - 2 : lineStart - 1;
  const lastBreak = next > 0 && text[next - 1] === '\n' ? (text[next - 2] === '\r' ? next - 2 : next - 1) : next;
  return { offset: breakBefore, length: lastBreak - breakBefore, newText: '' };
}

/** The start of the line after the one holding `offset` (the text's end on the last line); `offset` itself when a line break precedes it. */
function nextLineStart(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}
