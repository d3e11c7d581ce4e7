/**
 * Python string literals as the request tree sees them: the decoded value and, for each index
 * of it, the source offset it came from. Prefixes (`r`, `u`, `b`, `f` and pairs), all four quote
 * styles, escapes and implicit concatenation (`"a" "b"`) are handled. An f-string without
 * replacement fields is the constant it spells (`f"a{{b}}"` is `a{b}`); bytes literals and
 * f-strings with fields are not values we can know (`undefined`).
 */

/** One quoted piece of a (possibly concatenated) string literal. */
export interface StringSegment {
  /** Source range of the whole segment, prefix and quotes included. */
  from: number;
  to: number;
  /** Lower-cased prefix letters: '', 'r', 'u', 'b', 'f', 'rb', 'fr', … */
  prefix: string;
  /** `'`, `"`, `'''` or `"""`. */
  quote: string;
  /** Source range of the content between the quotes. */
  contentFrom: number;
  contentTo: number;
}

export interface DecodedString {
  value: string;
  segments: StringSegment[];
  /** `offsets[i]` is the source offset of value index i; `offsets[value.length]` the end of the content. */
  offsets: number[];
  /** True when every segment is plain: no prefix, no escapes (so value indices map one to one). */
  plain: boolean;
}

/** Splits a segment's source text into prefix, quote and content. */
export function segmentOf(text: string, from: number, to: number): StringSegment {
  let at = from;
  while (at < to && /[rRbBuUfF]/.test(text[at])) at++;
  const prefix = text.slice(from, at).toLowerCase();
  const triple = text.startsWith(text[at].repeat(3), at) && to - at >= 6 ? text[at].repeat(3) : text[at];
  const quote = triple;
  const contentFrom = at + quote.length;
  // A half-typed string has no closing quote yet: its content runs to the end of the node.
  const closed = to - contentFrom >= quote.length && text.slice(to - quote.length, to) === quote;
  const contentTo = closed ? to - quote.length : to;
  return { from, to, prefix, quote, contentFrom, contentTo: Math.max(contentTo, contentFrom) };
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0' };

/**
 * Decodes the segments of one literal; undefined for bytes and for f-strings with a replacement
 * field (not a known string). A constant f-string decodes its `{{`/`}}` to `{`/`}`.
 */
export function decodeString(text: string, segments: StringSegment[]): DecodedString | undefined {
  let value = '';
  let offsets: number[] = [];
  let plain = segments.length === 1;
  for (const segment of segments) {
    const formatted = segment.prefix.includes('f');
    if (segment.prefix.includes('b')) return undefined;
    if (formatted && hasReplacementField(text, segment.contentFrom, segment.contentTo)) return undefined;
    if (segment.prefix !== '') plain = false;
    const piece = decodeContent(text, segment.contentFrom, segment.contentTo, segment.prefix.includes('r'), formatted);
    if (!piece) return undefined;
    if (piece.escaped) plain = false;
    value += piece.value;
    // A single segment's offsets are the literal's: taken, not copied.
    if (segments.length === 1) offsets = piece.offsets;
    else for (const offset of piece.offsets) offsets.push(offset);
  }
  const last = segments[segments.length - 1];
  offsets.push(last ? last.contentTo : 0);
  return { value, segments, offsets, plain };
}

/**
 * Decodes the source range `[from, to)` of a literal's content: escapes (unless `raw`), and in
 * f-strings (`formatted`) the doubled braces `{{`/`}}`. `offsets[i]` is the source offset of
 * value index i. Undefined for escapes Python would reject and for `\N{…}`.
 */
export function decodeContent(text: string, from: number, to: number, raw: boolean, formatted: boolean): { value: string; offsets: number[]; escaped: boolean } | undefined {
  // Most literals hold nothing to decode: one slice instead of a string grown a character at a
  // time (a 2,000-line script spent a third of its Python-host time and garbage on that).
  if (isPlainContent(text, from, to, raw, formatted)) {
    const offsets = new Array<number>(Math.max(0, to - from));
    for (let index = 0; index < offsets.length; index++) offsets[index] = from + index;
    return { value: text.slice(from, to), offsets, escaped: false };
  }
  let value = '';
  const offsets: number[] = [];
  let escaped = false;
  let at = from;
  while (at < to) {
    const char = text[at];
    if (formatted && (char === '{' || char === '}') && text[at + 1] === char) {
      offsets.push(at);
      value += char;
      at += 2;
      escaped = true;
      continue;
    }
    if (char !== '\\' || raw) {
      offsets.push(at);
      value += char;
      at++;
      continue;
    }
    escaped = true;
    const next = text[at + 1];
    if (next === '\n') {
      at += 2; // a line continuation inside the literal adds nothing
    } else if (next === '\r') {
      at += text[at + 2] === '\n' ? 3 : 2;
    } else if (next !== undefined && next in SIMPLE_ESCAPES && !(next === '0' && /[0-7]/.test(text[at + 2] ?? ''))) {
      offsets.push(at);
      value += SIMPLE_ESCAPES[next];
      at += 2;
    } else if (next === 'x' || next === 'u' || next === 'U') {
      const digits = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const hex = text.slice(at + 2, at + 2 + digits);
      if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) return undefined; // a syntax error in Python
      const decoded = String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff));
      for (let unit = 0; unit < decoded.length; unit++) offsets.push(at);
      value += decoded;
      at += 2 + digits;
    } else if (next !== undefined && /[0-7]/.test(next)) {
      const octal = /^[0-7]{1,3}/.exec(text.slice(at + 1, at + 4))![0];
      offsets.push(at);
      value += String.fromCharCode(parseInt(octal, 8));
      at += 1 + octal.length;
    } else if (next === 'N') {
      return undefined; // \N{NAME}: not worth a name table for image references
    } else {
      // Python keeps unknown escapes as they are: backslash and character.
      offsets.push(at);
      value += '\\';
      at++;
    }
  }
  return { value, offsets, escaped };
}

/**
 * True when the f-string content `[from, to)` holds a replacement field: a `{` or `}` that is not
 * half of a doubled `{{`/`}}`. Python reads braces before escapes, so the source is scanned as is.
 */
export function hasReplacementField(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) {
    const char = text[at];
    if (char !== '{' && char !== '}') continue;
    if (text[at + 1] !== char || at + 1 >= to) return true;
    at++; // a doubled brace spells one
  }
  return false;
}

/** True when `[from, to)` decodes to itself: no backslash to read (unless `raw`), no doubled brace (when `formatted`). */
function isPlainContent(text: string, from: number, to: number, raw: boolean, formatted: boolean): boolean {
  for (let at = from; at < to; at++) {
    const char = text.charCodeAt(at);
    if ((char === 0x5c && !raw) || (formatted && (char === 0x7b || char === 0x7d))) return false;
  }
  return true;
}

/** A Python literal for `value` in quote style `quote` (`'` or `"`), escaping what must be. */
export function pythonStringLiteral(value: string, quote: string): string {
  let body = '';
  for (const char of value) {
    if (char === '\\') body += '\\\\';
    else if (char === quote) body += `\\${quote}`;
    else if (char === '\n') body += '\\n';
    else if (char === '\r') body += '\\r';
    else if (char === '\t') body += '\\t';
    else if (char < ' ' || char === '\x7f') body += `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
    else body += char;
  }
  return `${quote}${body}${quote}`;
}
