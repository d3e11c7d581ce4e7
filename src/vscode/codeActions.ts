/**
 * Quick fixes for our diagnostics: each fix of the matching finding becomes a QuickFix code action
 * linked to its diagnostic, the best one preferred, so it shows in the Problems panel and on Ctrl+.;
 * last, "Disable <code> for this line" where the host takes a suppression comment there.
 * The action carries no edit until VS Code resolves it (when the user picks it): rendering a fix
 * reads the document again, and a spec with thousands of findings must not pay for every fix.
 */
import * as vscode from 'vscode';
import type { QuickFix } from '../core/edits/editIntent';
import type { Finding } from '../core/findings';
import { renderFix, type RenderTarget } from '../core/renderFix';
import { suppressionFix } from '../core/suppressionFix';
import { diagnosticCode, toTextEdit } from './convert';
import { toCellEdits, toCellOffset, toNotebookOffset, type ServedCell } from './notebookDocuments';
import type { SpecAnalysis } from './specAnalysis';

export const PLACE_CURSOR_COMMAND = 'sagemakerSpec.internal.placeCursor';

/** A quick fix not yet rendered: what it needs to render against the text it was computed for. */
class FindingFixAction extends vscode.CodeAction {
  constructor(
    readonly document: vscode.TextDocument,
    readonly version: number,
    readonly target: RenderTarget,
    readonly fix: QuickFix,
    /** For a notebook cell: the notebook as analysed (the fix renders against all its code cells). */
    readonly cell: ServedCell | undefined,
  ) {
    super(fix.title, vscode.CodeActionKind.QuickFix);
  }
}

export class QuickFixProvider implements vscode.CodeActionProvider<FindingFixAction> {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly analysis: SpecAnalysis) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): FindingFixAction[] {
    const ours = context.diagnostics.filter((diagnostic) => diagnosticCode(diagnostic) !== undefined);
    if (ours.length === 0) return [];
    const result = this.analysis.analyze(document);
    if (!result) return [];
    const actions: FindingFixAction[] = [];
    for (const diagnostic of ours) {
      const finding = findingFor(document, result.analysis.findings, diagnostic, result.served.cell);
      if (!finding) continue;
      // The finding's own fixes, then silencing it with a comment where the host allows one.
      const suppression = suppressionFix(result.served.document, finding);
      for (const fix of suppression ? [...finding.fixes, suppression] : finding.fixes) {
        const action = new FindingFixAction(document, document.version, result.served.document, fix, result.served.cell);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred === true;
        actions.push(action);
      }
    }
    return actions;
  }

  /** Renders the picked fix; a document changed since, or a fix that fails, yields no edit. */
  resolveCodeAction(action: FindingFixAction): FindingFixAction {
    if (action.document.version !== action.version) return action;
    // In a notebook any cell may have changed since: only the notebook as analysed will do.
    if (action.cell && this.analysis.documents.serve(action.document)?.document !== action.target) return action;
    try {
      const rendered = renderFix(action.target, action.fix);
      if (!rendered) return action;
      if (action.cell) return withCellEdits(action, action.cell, rendered);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.set(action.document.uri, rendered.edits.map((edit) => toTextEdit(action.document, edit)));
      if (rendered.cursorOffset !== undefined) {
        action.command = { command: PLACE_CURSOR_COMMAND, title: 'Place cursor', arguments: [action.document.uri, rendered.cursorOffset] };
      }
    } catch (error) {
      this.analysis.internalError(`quick fix "${action.title}"`, error);
    }
    return action;
  }
}

/**
 * A notebook fix's edits may land in other cells than the diagnostic's: one WorkspaceEdit over
 * the cells; no edit when one would cross a cell break.
 */
function withCellEdits(action: FindingFixAction, cell: ServedCell, rendered: NonNullable<ReturnType<typeof renderFix>>): FindingFixAction {
  const edit = toCellEdits(cell.read, rendered.edits);
  if (!edit) return action;
  action.edit = edit;
  const cursor = rendered.cursorOffset === undefined ? undefined : toCellOffset(cell.read, rendered.cursorOffset);
  if (cursor) action.command = { command: PLACE_CURSOR_COMMAND, title: 'Place cursor', arguments: [cursor.uri, cursor.offset] };
  return action;
}

/** Diagnostics come back as copies: match them to findings by code and range (a cell's through its notebook). */
function findingFor(document: vscode.TextDocument, findings: Finding[], diagnostic: vscode.Diagnostic, cell: ServedCell | undefined): Finding | undefined {
  const code = diagnosticCode(diagnostic);
  const toAnalysis = (offset: number) => (cell ? toNotebookOffset(cell, offset) : offset);
  const start = toAnalysis(document.offsetAt(diagnostic.range.start));
  const end = toAnalysis(document.offsetAt(diagnostic.range.end));
  // Several findings can share a code and a range (two missing members both reported on `{`): the message tells them apart.
  return findings.find((finding) => finding.code === code && finding.offset === start && finding.offset + finding.length === end && finding.message === diagnostic.message);
}

/** After a fix that inserts placeholders, put the cursor where the user types next. */
export async function placeCursor(uri: vscode.Uri, offset: number): Promise<void> {
  const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === uri.toString());
  if (!editor) return;
  const position = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position));
}
