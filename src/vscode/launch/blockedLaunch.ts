/**
 * A launch blocked by rule errors: one modal lists every error on its own line (with its line
 * number) and offers, as buttons, the preferred quick fix of each error that has one, besides
 * Show Problems. A fix the user picks is applied to the open document like the quick fix in the
 * editor; nothing is sent, the user launches again when the spec is ready.
 */
import * as vscode from 'vscode';
import type { QuickFix } from '../../core/edits/editIntent';
import type { Finding } from '../../core/findings';
import { renderFix, type RenderTarget } from '../../core/renderFix';
import { placeCursor } from '../codeActions';
import { toTextEdit } from '../convert';
import type { LaunchServices } from './services';

/** A modal has room for a few buttons; the rest of the fixes stay in the Problems panel. */
const MAX_FIX_BUTTONS = 3;
/** Lines of the detail; more errors are counted, not listed. */
const MAX_LISTED = 20;
const SHOW_PROBLEMS = 'Show Problems';

export interface BlockedOutcome {
  result: 'blocked';
  reason: string;
  /** The title of the fix applied, when the user picked one. */
  fixed?: string;
}

/**
 * Tells the user why nothing is sent and offers the fixes. `target` is the text the findings
 * were computed on (the open document as analysed).
 */
export async function offerBlockingFixes(services: LaunchServices, document: vscode.TextDocument, target: RenderTarget, errors: readonly Finding[], noun: string): Promise<BlockedOutcome> {
  const count = `${errors.length} problem${errors.length === 1 ? '' : 's'}`;
  const reason = `${count} in the spec must be fixed before the ${noun} is sent.`;
  const listed = errors.slice(0, MAX_LISTED).map((finding) => `Line ${document.positionAt(finding.offset).line + 1}: ${finding.message} (${finding.code})`);
  if (errors.length > MAX_LISTED) listed.push(`… and ${errors.length - MAX_LISTED} more in the Problems panel.`);
  const detail = listed.join('\n');

  const fixes = new Map<string, QuickFix>();
  for (const finding of errors) {
    const fix = finding.fixes.find((candidate) => candidate.preferred);
    if (fix && !fixes.has(fix.title) && fixes.size < MAX_FIX_BUTTONS) fixes.set(fix.title, fix);
  }
  const choice = await services.prompter.alert(reason, detail, ...fixes.keys(), SHOW_PROBLEMS);
  const outcome: BlockedOutcome = { result: 'blocked', reason: `${reason}\n${detail}` };
  if (choice === SHOW_PROBLEMS) {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    return outcome;
  }
  const fix = choice === undefined ? undefined : fixes.get(choice);
  if (!fix) return outcome;
  if (!(await applyFix(services, document, target, fix))) {
    await services.prompter.warning(`"${fix.title}" no longer applies: the spec changed. Use the quick fixes in the editor.`);
    return outcome;
  }
  services.output.line(`Applied "${fix.title}" to ${vscode.workspace.asRelativePath(document.uri)}; nothing was sent.`);
  return { ...outcome, fixed: fix.title };
}

/** Applies a fix rendered against the analysed text, unless the document changed since. */
async function applyFix(services: LaunchServices, document: vscode.TextDocument, target: RenderTarget, fix: QuickFix): Promise<boolean> {
  if (document.getText() !== target.text) return false;
  let rendered;
  try {
    rendered = renderFix(target, fix);
  } catch (error) {
    services.analysis.internalError(`quick fix "${fix.title}"`, error);
    return false;
  }
  if (!rendered) return false;
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, rendered.edits.map((textEdit) => toTextEdit(document, textEdit)));
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  if (rendered.cursorOffset !== undefined) await placeCursor(document.uri, rendered.cursorOffset);
  return true;
}
