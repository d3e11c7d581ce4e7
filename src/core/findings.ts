/**
 * What the rules produce: findings with offset ranges and quick fixes as plain text edits.
 * The editor layer turns these into diagnostics and code actions; the CLI prints them.
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

export interface QuickFix {
  title: string;
  edits: TextEdit[];
  /** The fix to apply with one keystroke (Ctrl+. / the Problems panel). */
  preferred?: boolean;
  /** Where to leave the cursor, as an offset in the text after the edits. */
  cursorOffset?: number;
}

export interface Finding {
  code: string;
  message: string;
  severity: Severity;
  offset: number;
  length: number;
  fixes: QuickFix[];
}

/** Applies non-overlapping edits to a text; used by tests, the CLI's --fix and cursor math. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let result = text;
  for (const edit of sorted) {
    result = result.slice(0, edit.offset) + edit.newText + result.slice(edit.offset + edit.length);
  }
  return result;
}
