/**
 * Turning a finding's fix into text edits, on demand: the editor calls this when the user picks
 * a quick fix (resolveCodeAction), fix-all for each fix it applies. Analysis never does, so a
 * spec with thousands of findings costs no more than its findings.
 */
import type { QuickFix } from './edits/editIntent';
import type { TextEdit } from './findings';
import { renderJsonEdits } from './hosts/jsonFixRenderer';
import { renderPythonEdits } from './hosts/python/pythonFixRenderer';
import type { SpecDocument } from './specDocument';

export interface RenderedFix {
  edits: TextEdit[];
  /** Where to leave the cursor, as an offset into the text after the edits. */
  cursorOffset?: number;
}

/** How many fixes have been rendered in this process; tests prove analysis renders none. */
export const fixRenderCount = { value: 0 };

/**
 * The edits of `fix` in the syntax of `spec`'s host, against `spec.text`.
 * Returns undefined when the fix no longer applies cleanly (see renderJsonEdits); throws only
 * on a programming error, which callers log and treat as "no fix".
 */
export function renderFix(spec: SpecDocument, fix: QuickFix): RenderedFix | undefined {
  fixRenderCount.value++;
  const rendered = spec.host === 'python' ? renderPythonEdits(spec.text, fix.intents) : renderJsonEdits(spec.text, fix.intents);
  if (!rendered) return undefined;
  return { edits: rendered.edits, cursorOffset: fix.leavesPlaceholder ? rendered.placeholderOffset : undefined };
}
