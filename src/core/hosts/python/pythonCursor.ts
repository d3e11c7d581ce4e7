/**
 * Where a cursor stands in Python text, read lexically (half-typed code has no reliable syntax
 * tree): the brackets open around it, the string it is in (closed or still being typed), and the
 * last significant character before it. Completion decides from this what is being written (a
 * keyword argument, a dict key, a value) before reading the text again with that filled in.
 */

/** A string literal the cursor is inside (between its quotes). */
export interface CursorString {
  /** Offset of the opening quote (a prefix such as `r` lies before it). */
  start: number;
  quote: string;
  triple: boolean;
  contentStart: number;
  /** Offset of the closing quote, or where the unterminated string stops (its line's end). */
  contentEnd: number;
  /** False while the string is still being typed (no closing quote on its line). */
  closed: boolean;
}

/** An open bracket: `(`, `[` or `{` with its offset. */
export interface Bracket {
  char: string;
  offset: number;
}

export interface CursorContext {
  /** Open brackets around the cursor, outermost first. */
  brackets: Bracket[];
  /** The last character before the cursor (before its string, when inside one) outside strings, comments and white space. */
  before?: { char: string; offset: number };
  string?: CursorString;
  inComment: boolean;
}

/**
 * The context at `offset` (UTF-16 code units into `text`), scanning from the start of the text:
 * linear in the offset, a millisecond for a large notebook.
 */
export function cursorContext(text: string, offset: number): CursorContext {
  const brackets: Bracket[] = [];
  let before: { char: string; offset: number } | undefined;
  let i = 0;
  while (i < offset) {
    const char = text[i];
    if (char === '#') {
      const end = text.indexOf('\n', i);
      if (end < 0 || end >= offset) return { brackets, before, inComment: true };
      i = end;
      continue;
    }
    if (char === '"' || char === "'") {
      const triple = text.startsWith(char.repeat(3), i);
      const start = i;
      const contentStart = i + (triple ? 3 : 1);
      let at = contentStart;
      let closed = false;
      while (at < text.length) {
        if (text[at] === '\\') {
          at += 2;
          continue;
        }
        if (triple ? text.startsWith(char.repeat(3), at) : text[at] === char) {
          closed = true;
          break;
        }
        if (!triple && (text[at] === '\n' || text[at] === '\r')) break;
        at++;
      }
      const contentEnd = Math.min(at, text.length);
      if (offset >= contentStart && offset <= contentEnd) return { brackets, before, string: { start, quote: char, triple, contentStart, contentEnd, closed }, inComment: false };
      before = { char, offset: start };
      i = closed ? contentEnd + (triple ? 3 : 1) : contentEnd;
      continue;
    }
    if (char === '(' || char === '[' || char === '{') brackets.push({ char, offset: i });
    else if (char === ')' || char === ']' || char === '}') brackets.pop();
    if (!/\s/.test(char)) before = { char, offset: i };
    i++;
  }
  return { brackets, before, inComment: false };
}

/** The first character at or after `offset` that is not white space (a comment counts as nothing), or '' at the end. */
export function nextSignificant(text: string, offset: number): string {
  let at = offset;
  while (at < text.length) {
    const char = text[at];
    if (char === '#') {
      const end = text.indexOf('\n', at);
      if (end < 0) return '';
      at = end;
    } else if (/\s/.test(char)) {
      at++;
    } else {
      return char;
    }
  }
  return '';
}
