/**
 * Text from a spec (keys, values inside messages, file names) made safe to print on a terminal:
 * control characters would let a file clear the screen, move the cursor or fake a line such as
 * "All checks passed". Each is shown as a visible escape instead (`\u001b`, `\n`), so the text
 * stays recognisable and nothing is hidden.
 *
 * Escaped: C0 controls (tab and newline included: every printed field is one line), DEL, C1
 * controls (U+0080–U+009F, among them the one-byte CSI), the line and paragraph separators, and
 * the bidirectional overrides and isolates that can reorder what a reader sees.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every unsafe character replaced by its escape; other text unchanged. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (char) => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
