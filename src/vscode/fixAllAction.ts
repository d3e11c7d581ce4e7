/**
 * `source.fixAll.sagemaker-spec`: every unambiguous preferred fix of a document in one edit, so
 * `editor.codeActionsOnSave` can apply them (`"source.fixAll.sagemaker-spec": "explicit"`) and
 * **Source Action…** offers them. The loop is the checker's `--fix` (core/fixAll.ts); a fix that
 * leaves a blank to fill is never applied. Computed only when this kind is asked for, never for
 * the light bulb. Notebook cells are left to their quick fixes (a fix may span cells).
 */
import * as vscode from 'vscode';
import { applyPreferredFixes } from '../core/fixAll';
import { readAgain } from '../core/fileHost';
import { analyzeHostDocument } from './fileAnalysis';
import type { SpecAnalysis } from './specAnalysis';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('sagemaker-spec');
/** Run after the fix-all edit is applied: writes what changed to the output channel. */
export const REPORT_FIX_ALL_COMMAND = 'sagemakerSpec.internal.reportFixAll';

/** The command behind REPORT_FIX_ALL_COMMAND. */
export function registerFixAllReport(analysis: SpecAnalysis): vscode.Disposable {
  return vscode.commands.registerCommand(REPORT_FIX_ALL_COMMAND, (heading: string, lines: readonly string[]) => {
    analysis.output.line(heading);
    for (const line of lines) analysis.output.line(line);
    vscode.window.setStatusBarMessage(heading.replace(/:$/, ''), 5000);
  });
}

export class FixAllProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [FIX_ALL_KIND] };

  constructor(private readonly analysis: SpecAnalysis) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (!context.only || !context.only.intersects(FIX_ALL_KIND)) return [];
    const result = this.analysis.analyze(document);
    if (!result || result.served.cell) return [];
    const { document: host } = result.served;
    const forced = result.served.json?.forced ?? false;
    const original = document.getText();
    const fixed = applyPreferredFixes(
      original,
      (text) => {
        // The first round uses the analysis the diagnostics already made.
        if (text === original) return { document: host, findings: result.analysis.findings };
        const read = readAgain(host, text, forced, this.analysis.documents.definitionReaderFor(document));
        return { document: read, findings: analyzeHostDocument(this.analysis, document.uri, read, forced) };
      },
      (fix, error) => this.analysis.internalError(`fix-all "${fix.title}"`, error),
    );
    if (fixed.applied.length === 0) return [];
    const count = fixed.applied.length;
    const action = new vscode.CodeAction(`Fix ${count} SageMaker ${count === 1 ? 'problem' : 'problems'}`, FIX_ALL_KIND);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(document.uri, changedRange(document, original, fixed.text), changedText(original, fixed.text));
    // Once applied (also on save), say what changed: the output channel lists each fix.
    const lines = fixed.applied.map((fix) => `  ${fix.line}:${fix.column}  ${fix.code}  ${fix.title}`);
    action.command = { command: REPORT_FIX_ALL_COMMAND, title: 'Report fixes', arguments: [`Fixed ${count} SageMaker ${count === 1 ? 'problem' : 'problems'} in ${vscode.workspace.asRelativePath(document.uri)}:`, lines] };
    return [action];
  }
}

/** The one range of `before` that differs from `after` (common start and end left alone), so the cursor and folds elsewhere stay. */
function commonEnds(before: string, after: string): { start: number; endBefore: number; endAfter: number } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { start, endBefore, endAfter };
}

function changedRange(document: vscode.TextDocument, before: string, after: string): vscode.Range {
  const { start, endBefore } = commonEnds(before, after);
  return new vscode.Range(document.positionAt(start), document.positionAt(endBefore));
}

function changedText(before: string, after: string): string {
  const { start, endAfter } = commonEnds(before, after);
  return after.slice(start, endAfter);
}
