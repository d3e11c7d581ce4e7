/**
 * Quick fixes for our diagnostics: each fix of the matching finding becomes a QuickFix code action
 * linked to its diagnostic, the best one preferred, so it shows in the Problems panel and on Ctrl+.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/findings';
import { diagnosticCode, toTextEdit } from './convert';
import type { SpecAnalysis } from './specAnalysis';

export const PLACE_CURSOR_COMMAND = 'sagemakerSpec.internal.placeCursor';

export class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly analysis: SpecAnalysis) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((diagnostic) => diagnosticCode(diagnostic) !== undefined);
    if (ours.length === 0) return [];
    const result = this.analysis.analyze(document);
    if (!result) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const finding = findingFor(document, result.analysis.findings, diagnostic);
      if (!finding) continue;
      for (const fix of finding.fixes) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred === true;
        action.edit = new vscode.WorkspaceEdit();
        action.edit.set(document.uri, fix.edits.map((edit) => toTextEdit(document, edit)));
        if (fix.cursorOffset !== undefined) {
          action.command = { command: PLACE_CURSOR_COMMAND, title: 'Place cursor', arguments: [document.uri, fix.cursorOffset] };
        }
        actions.push(action);
      }
    }
    return actions;
  }
}

/** Diagnostics come back as copies: match them to findings by code and range. */
function findingFor(document: vscode.TextDocument, findings: Finding[], diagnostic: vscode.Diagnostic): Finding | undefined {
  const code = diagnosticCode(diagnostic);
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  return findings.find((finding) => finding.code === code && finding.offset === start && finding.offset + finding.length === end);
}

/** After a fix that inserts placeholders, put the cursor where the user types next. */
export async function placeCursor(uri: vscode.Uri, offset: number): Promise<void> {
  const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === uri.toString());
  if (!editor) return;
  const position = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position));
}
