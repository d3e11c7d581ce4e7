/**
 * A flat scan for bracket nesting, run before the Python parser: lezer builds its tree
 * recursively, so a text nested tens of thousands of brackets deep can overflow the stack inside
 * the parser, where no guard of ours can catch it cleanly.
 */

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
  let depth = 0;
  let index = 0;
  const length = text.length;
  while (index < length) {
    const char = text[index];
    if (char === '#') {
      const end = text.indexOf('\n', index);
      if (end < 0) return false;
      index = end + 1;
    } else if (char === '"' || char === "'") {
      index = afterString(text, index, char);
    } else {
      if (char === '(' || char === '[' || char === '{') {
        if (++depth > limit) return true;
      } else if ((char === ')' || char === ']' || char === '}') && depth > 0) {
        depth--;
      }
      index++;
    }
  }
  return false;
}

/** The offset after the string literal opening at `start` (the text's length when it never closes). */
function afterString(text: string, start: number, quote: string): number {
  const triple = text.startsWith(quote.repeat(3), start);
  const closing = triple ? quote.repeat(3) : quote;
  let index = start + closing.length;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') index += 2;
    else if (text.startsWith(closing, index)) return index + closing.length;
    else if (char === '\n' && !triple) return index + 1; // an unclosed one-line string ends at the line
    else index++;
  }
  return text.length;
}
