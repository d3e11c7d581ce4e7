/**
 * Where bytes stop being UTF-8: the first byte of the first ill-formed sequence, by the Unicode
 * Standard's table of well-formed UTF-8 byte sequences (chapter 3, table 3-7), which is what
 * TextDecoder and Buffer's isUtf8 accept. What the bytes are instead (Latin-1, Windows-1252, …)
 * cannot be told from them, and is not guessed.
 */

/** The first invalid byte: its value, its 0-based offset in the bytes, and its 1-based line. */
export interface InvalidUtf8 {
  byte: number;
  offset: number;
  line: number;
}

/** The first byte of `bytes` that begins no well-formed UTF-8 sequence, or undefined when they are all UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): InvalidUtf8 | undefined {
  let line = 1;
  for (let offset = 0; offset < bytes.length; ) {
    const length = sequenceLength(bytes, offset);
    if (length === 0) return { byte: bytes[offset], offset, line };
    // A line feed is always a sequence of its own: never inside a longer one.
    if (bytes[offset] === 0x0a) line++;
    offset += length;
  }
  return undefined;
}

/** The length of the well-formed sequence starting at `offset`, or 0 when none starts there. */
function sequenceLength(bytes: Uint8Array, offset: number): number {
  const lead = bytes[offset];
  if (lead <= 0x7f) return 1;
  const shape = sequenceShape(lead);
  if (!shape || offset + shape.length > bytes.length) return 0;
  const second = bytes[offset + 1];
  if (second < shape.low || second > shape.high) return 0;
  for (let index = offset + 2; index < offset + shape.length; index++) if (bytes[index] < 0x80 || bytes[index] > 0xbf) return 0;
  return shape.length;
}

/**
 * The length of a sequence led by `lead` (0x80 and up) and the range of its second byte (the
 * others are 0x80–0xBF); undefined for a byte that leads none (a continuation byte, C0, C1,
 * F5–FF). The narrower second bytes rule out overlong forms, the surrogates (ED A0–BF) and
 * code points past U+10FFFF.
 */
function sequenceShape(lead: number): { length: number; low: number; high: number } | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) return { length: 2, low: 0x80, high: 0xbf };
  if (lead === 0xe0) return { length: 3, low: 0xa0, high: 0xbf };
  if (lead === 0xed) return { length: 3, low: 0x80, high: 0x9f };
  if (lead >= 0xe1 && lead <= 0xef) return { length: 3, low: 0x80, high: 0xbf };
  if (lead === 0xf0) return { length: 4, low: 0x90, high: 0xbf };
  if (lead === 0xf4) return { length: 4, low: 0x80, high: 0x8f };
  if (lead >= 0xf1 && lead <= 0xf3) return { length: 4, low: 0x80, high: 0xbf };
  return undefined;
}
