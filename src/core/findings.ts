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

/** Applies non-overlapping edits to a text; used by tests, fix-all and cursor math. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let result = text;
  for (const edit of sorted) {
    result = result.slice(0, edit.offset) + edit.newText + result.slice(edit.offset + edit.length);
  }
  return result;
}
