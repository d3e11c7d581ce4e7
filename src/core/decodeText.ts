/**
 * Bytes of a spec file to text, by byte-order mark as VS Code does: a UTF-8 BOM is dropped,
 * UTF-16 LE and BE are decoded (their BOM dropped too), anything else is UTF-8. Dropping the BOM
 * keeps offsets equal to the editor's, whose document text never holds it.
 */

/** The mark is removed here, once: a second one is text, as in the editor. */
const KEEP_BOM = { ignoreBOM: true };

/** The text of `bytes`; invalid sequences become U+FFFD (as in the editor), never an error. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', KEEP_BOM).decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', KEEP_BOM).decode(bytes.subarray(2));
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8', KEEP_BOM).decode(bytes.subarray(3));
  return new TextDecoder('utf-8', KEEP_BOM).decode(bytes);
}
