/**
 * What the rules produce: findings with offset ranges and quick fixes described as edit
 * intents (see edits/editIntent.ts). The editor layer turns them into diagnostics and code
 * actions, rendering a fix's text only when the user picks it; the CLI prints them.
 */
import type { QuickFix } from './edits/editIntent';

export type { QuickFix } from './edits/editIntent';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

export interface Finding {
  code: string;
  message: string;
  severity: Severity;
  /** UTF-16 offset into the document text; offset + length never passes its end. */
  offset: number;
  length: number;
  fixes: QuickFix[];
}

/**
 * Applies non-overlapping edits (offsets into `text`) to it; used by tests, fix-all and cursor
 * math. Two insertions at one offset are written in reverse order of `edits` (the later one
 * first), as applying them one by one from the end writes them. Time and memory linear in the
 * text's length plus the edits' text: the pieces are joined once (editing one string edit by edit
 * copied the whole text per edit, most of fix-all's time on a file with a hundred fixes).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const order = edits.map((_, index) => index).sort((a, b) => edits[a].offset - edits[b].offset || b - a);
  const pieces: string[] = [];
  let copied = 0;
  for (const index of order) {
    const edit = edits[index];
    pieces.push(text.slice(copied, edit.offset), edit.newText);
    copied = edit.offset + edit.length;
  }
  pieces.push(text.slice(copied));
  return pieces.join('');
}
