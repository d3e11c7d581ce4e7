/**
 * A flat scan for bracket nesting, run before the Python parser: lezer builds its tree
 * recursively, so a text nested tens of thousands of brackets deep can overflow the stack inside
 * the parser, where no guard of ours can catch it cleanly.
 */
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, CLOSE_PAREN, DOUBLE_QUOTE, HASH, NEWLINE, OPEN_BRACE, OPEN_BRACKET, OPEN_PAREN, SINGLE_QUOTE } from '../../charCodes';

/**
 * CPython's own limit on nested brackets (`s_push: too many nested parentheses`, MAXLEVEL 200 in
 * its tokenizer): Python deeper than this does not run, so it holds no request to check.
 */
export const MAX_BRACKET_NESTING = 200;

/**
 * True when `text` nests `(`, `[` or `{` deeper than `limit` outside strings and comments.
 * Linear, no recursion. Strings are skipped by their quotes (single, triple, with backslash
 * escapes); an unterminated string ends the scan, as it ends the code.
 */
export function bracketNestingExceeds(text: string, limit = MAX_BRACKET_NESTING): boolean {
  // Character codes, not one-character strings: this runs over every character of every file.
  let depth = 0;
  let index = 0;
  const length = text.length;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (code === HASH) {
      const end = text.indexOf('\n', index);
      if (end < 0) return false;
      index = end + 1;
    } else if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      index = afterString(text, index, code);
    } else {
      if (code === OPEN_PAREN || code === OPEN_BRACKET || code === OPEN_BRACE) {
        if (++depth > limit) return true;
      } else if ((code === CLOSE_PAREN || code === CLOSE_BRACKET || code === CLOSE_BRACE) && depth > 0) {
        depth--;
      }
      index++;
    }
  }
  return false;
}

/** The offset after the string literal opening at `start` with the quote character `quote` (the text's length when it never closes). */
function afterString(text: string, start: number, quote: number): number {
  const length = text.length;
  const triple = text.charCodeAt(start + 1) === quote && text.charCodeAt(start + 2) === quote;
  let index = start + (triple ? 3 : 1);
  while (index < length) {
    const code = text.charCodeAt(index);
    if (code === BACKSLASH) index += 2;
    else if (code === quote && (!triple || (text.charCodeAt(index + 1) === quote && text.charCodeAt(index + 2) === quote))) return index + (triple ? 3 : 1);
    else if (code === NEWLINE && !triple) return index + 1; // an unclosed one-line string ends at the line
    else index++;
  }
  return length;
}
