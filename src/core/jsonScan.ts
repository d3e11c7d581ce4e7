/**
 * A flat pass over JSON(C) text: the names of the top-level members and whether nesting stays
 * within a depth limit. It tells a document's kind before anything builds a tree, so other JSON
 * files cost one pass and deep input never reaches the recursive parser (about 6,000 levels
 * overflow the stack).
 *
 * A character loop rather than jsonc-parser's scanner: the scanner decodes every string and
 * number into a value, which made this pass cost as much as the parse itself; here only
 * top-level member names are decoded. Strings, escapes and both comment forms are skipped the
 * way jsonc-parser reads them, so bracket depth is the parser's depth (the unit tests compare
 * the two on the examples and on hostile shapes).
 */
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, DOUBLE_QUOTE, NEWLINE, OPEN_BRACE, OPEN_BRACKET, RETURN, SLASH, SPACE, STAR, TAB } from './charCodes';

/** Deeper than this is not a request: the SageMaker API's deepest request nests about 10 levels. */
export const MAX_NESTING_DEPTH = 64;

export interface JsonScan {
  /** Names of the top-level object's members in order (empty when the top level is not an object). */
  topLevelMembers: string[];
  /** The offset of the bracket that went past MAX_NESTING_DEPTH, when one did; the scan stops there. */
  tooDeepAt?: number;
}

/** What can end or interrupt a string: a quote, an escape, a line break. */
const STRING_STOP = /["\\\n\r]/g;

/** Scans `text` once; time linear in its length, memory in its top-level member count. */
export function scanJson(text: string): JsonScan {
  const topLevelMembers: string[] = [];
  const length = text.length;
  let depth = 0;
  let rootIsObject = false;
  let seenRoot = false;
  // The last string read at depth 1 (a member name once a colon follows).
  let nameStart = -1;
  let nameEnd = -1;
  let nameEscaped = false;
  for (let at = 0; at < length; at++) {
    const char = text.charCodeAt(at);
    switch (char) {
      case OPEN_BRACE:
      case OPEN_BRACKET:
        if (!seenRoot) rootIsObject = char === OPEN_BRACE;
        seenRoot = true;
        depth++;
        nameStart = -1;
        if (depth > MAX_NESTING_DEPTH) return { topLevelMembers, tooDeepAt: at };
        break;
      case CLOSE_BRACE:
      case CLOSE_BRACKET:
        if (depth > 0) depth--;
        nameStart = -1;
        break;
      case DOUBLE_QUOTE: {
        seenRoot = true;
        const start = at;
        let escaped = false;
        at++;
        // A string ends at its closing quote, or (unterminated) at a line break, as jsonc-parser reads it.
        // The regular expression jumps over the plain characters natively, which is most of a spec;
        // test() rather than exec(): no match array per string (a 230 KB state machine made 1 MB of them).
        STRING_STOP.lastIndex = at;
        for (;;) {
          if (!STRING_STOP.test(text)) {
            at = length;
            break;
          }
          const stop = STRING_STOP.lastIndex - 1;
          if (text.charCodeAt(stop) === BACKSLASH) {
            escaped = true;
            STRING_STOP.lastIndex = stop + 2;
            continue;
          }
          at = stop;
          break;
        }
        if (depth === 1 && rootIsObject) {
          nameStart = start + 1;
          nameEnd = Math.min(at, length);
          nameEscaped = escaped;
        }
        if (at < length && text.charCodeAt(at) !== DOUBLE_QUOTE) at--; // the line break is read again
        break;
      }
      case COLON:
        if (depth === 1 && rootIsObject && nameStart >= 0) topLevelMembers.push(decodeName(text, nameStart, nameEnd, nameEscaped));
        nameStart = -1;
        break;
      case SLASH: {
        const next = text.charCodeAt(at + 1);
        if (next === SLASH) {
          at += 2;
          while (at < length && text.charCodeAt(at) !== NEWLINE && text.charCodeAt(at) !== RETURN) at++;
        } else if (next === STAR) {
          const close = text.indexOf('*/', at + 2);
          at = close < 0 ? length : close + 1;
        } else {
          nameStart = -1;
        }
        break;
      }
      // Spaces, tabs and line breaks separate tokens and change nothing.
      case SPACE:
      case TAB:
      case NEWLINE:
      case RETURN:
        break;
      default:
        seenRoot = true;
        nameStart = -1; // a number, a literal, a comma: what came before is no member name
        break;
    }
  }
  return { topLevelMembers };
}

function decodeName(text: string, start: number, end: number, escaped: boolean): string {
  const raw = text.slice(start, end);
  if (!escaped) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw; // a malformed escape: the name as written
  }
}
