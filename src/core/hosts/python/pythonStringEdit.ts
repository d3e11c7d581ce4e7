/**
 * Changes a Python string literal's value while keeping the literal as the user wrote it: only
 * the characters that differ are rewritten, inside the quoted segment that holds them, escaped for
 * that segment's prefix and quotes. A literal split across lines (`("ml.m5."  # family` /
 * `"xlarg")`) keeps its comments and its other segments; `u'…'`, `r"…"`, `f"…"` and `"""…"""` keep
 * their prefix and quotes (a constant f-string's braces are written doubled).
 */
import type { TextEdit } from '../../findings';
import { decodeContent, hasReplacementField, pythonStringLiteral, segmentOf, type StringSegment } from './pythonStrings';

/** One segment with the value indices it decodes to and each index's source offset. */
interface DecodedSegment {
  segment: StringSegment;
  raw: boolean;
  /** An f-string segment (without replacement fields): braces are written `{{`/`}}`. */
  formatted: boolean;
  /** Value index of the segment's first character in the whole literal's value. */
  start: number;
  value: string;
  /** Source offset per value index of the segment, plus the content's end. */
  offsets: number[];
}

/**
 * The edits that turn the literal of `segments` (in `text`, decoding to `before`) into one that
 * decodes to `after`. The change between the two values (their common start and end left alone)
 * is written into the one segment that holds it; a change across segments rewrites the literal
 * whole in its first segment's prefix and quotes, but only when nothing but spacing lies between
 * the segments. Undefined when the literal cannot be kept as written: a comment between segments
 * the change crosses, or text a raw segment cannot hold.
 */
export function stringValueEdits(text: string, segments: readonly StringSegment[], before: string, after: string): TextEdit[] | undefined {
  const decoded = decodeSegments(text, segments);
  if (!decoded || decoded.map((part) => part.value).join('') !== before) return undefined;
  if (before === after) return [];
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const from = prefix;
  const to = before.length - suffix;
  const replacement = after.slice(prefix, after.length - suffix);
  for (const part of decoded) {
    if (from < part.start || to > part.start + part.value.length) continue;
    const edit = segmentEdit(text, part, from - part.start, to - part.start, replacement);
    if (edit) return [edit];
  }
  return wholeLiteralEdit(text, segments, after);
}

function decodeSegments(text: string, segments: readonly StringSegment[]): DecodedSegment[] | undefined {
  const parts: DecodedSegment[] = [];
  let start = 0;
  for (const segment of segments) {
    const formatted = segment.prefix.includes('f');
    if (segment.prefix.includes('b')) return undefined;
    if (formatted && hasReplacementField(text, segment.contentFrom, segment.contentTo)) return undefined;
    const raw = segment.prefix.includes('r');
    const content = decodeContent(text, segment.contentFrom, segment.contentTo, raw, formatted);
    if (!content) return undefined;
    parts.push({ segment, raw, formatted, start, value: content.value, offsets: [...content.offsets, segment.contentTo] });
    start += content.value.length;
  }
  return parts;
}

/** The edit replacing the segment's value `[from, to)` with `replacement`, checked by decoding the result. */
function segmentEdit(text: string, part: DecodedSegment, from: number, to: number, replacement: string): TextEdit | undefined {
  const { segment, offsets } = part;
  // An escape decoding to several characters (`\U0001F600`, two UTF-16 units) is rewritten whole, never cut.
  while (from > 0 && offsets[from] === offsets[from - 1]) replacement = part.value[--from] + replacement;
  while (to > 0 && to < part.value.length && offsets[to] === offsets[to - 1]) replacement += part.value[to++];
  const written = contentText(replacement, segment.quote, part.raw, part.formatted);
  if (written === undefined) return undefined;
  const sourceFrom = offsets[from];
  const sourceTo = offsets[to];
  const source = text.slice(segment.from, sourceFrom) + written + text.slice(sourceTo, segment.to);
  const expected = part.value.slice(0, from) + replacement + part.value.slice(to);
  if (decodedSource(source, part.raw, part.formatted) !== expected) return undefined;
  return { offset: sourceFrom, length: sourceTo - sourceFrom, newText: written };
}

/** The literal rewritten as one segment in its first segment's prefix and quotes, when no comment lies between segments. */
function wholeLiteralEdit(text: string, segments: readonly StringSegment[], after: string): TextEdit[] | undefined {
  const first = segments[0];
  const last = segments[segments.length - 1];
  for (let index = 1; index < segments.length; index++) {
    if (!/^[\s\\]*$/.test(text.slice(segments[index - 1].to, segments[index].from))) return undefined;
  }
  const raw = first.prefix.includes('r');
  const formatted = first.prefix.includes('f');
  const prefix = text.slice(first.from, first.contentFrom - first.quote.length);
  // A raw segment that cannot hold the value is written without its `r` (escapes then say it).
  const candidates: [string, boolean][] = raw ? [[prefix, true], [prefix.replace(/[rR]/g, ''), false]] : [[prefix, false]];
  for (const [writtenPrefix, writtenRaw] of candidates) {
    const content = contentText(after, first.quote, writtenRaw, formatted);
    if (content === undefined) continue;
    const source = `${writtenPrefix}${first.quote}${content}${first.quote}`;
    if (decodedSource(source, writtenRaw, formatted) === after) return [{ offset: first.from, length: last.to - first.from, newText: source }];
  }
  return undefined;
}

/**
 * `value` as the content of a segment quoted with `quote` (in an f-string, `formatted`, with its
 * braces doubled); undefined when a raw segment cannot hold it.
 */
function contentText(value: string, quote: string, raw: boolean, formatted: boolean): string | undefined {
  const braced = (content: string) => (formatted ? content.replace(/[{}]/g, '$&$&') : content);
  // A raw literal has no escapes: it cannot hold its quote, or a line end inside one-character quotes.
  if (raw) return value.includes(quote[0]) || (quote.length === 1 && /[\r\n]/.test(value)) ? undefined : braced(value);
  return braced(pythonStringLiteral(value, quote[0]).slice(1, -1));
}

/** The value of one segment's source text (prefix and quotes included); undefined for an f-string that gained a field. */
function decodedSource(source: string, raw: boolean, formatted: boolean): string | undefined {
  const segment = segmentOf(source, 0, source.length);
  if (segment.contentTo + segment.quote.length !== source.length) return undefined; // the quotes no longer close where they did
  // In a raw literal an odd run of backslashes before the closing quote escapes it.
  if (raw && /(^|[^\\])(\\\\)*\\$/.test(source.slice(segment.contentFrom, segment.contentTo))) return undefined;
  if (formatted && hasReplacementField(source, segment.contentFrom, segment.contentTo)) return undefined;
  return decodeContent(source, segment.contentFrom, segment.contentTo, raw, formatted)?.value;
}
