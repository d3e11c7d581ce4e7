// Built-in algorithm checks in a real VS Code: an XGBoost job without num_round is reported, the
// quick fix inserts a placeholder (itself reported until filled), and hyperparameter names complete.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, fixtureUri, waitFor, waitForDiagnostics } from './helpers';

const FIXTURE = 'algorithm-xgboost.sagemaker.json';

/**
 * Opens a copy of the fixture in a temporary folder: these tests edit and wait, long enough for
 * the workbench's auto-save to write the edits, which must never reach the fixture itself.
 */
async function openCopy(): Promise<vscode.TextEditor> {
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-spec-algorithm-')), FIXTURE);
  fs.copyFileSync(fixtureUri(FIXTURE).fsPath, copy);
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(copy)));
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

describe('built-in algorithms', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    const document = vscode.window.activeTextEditor?.document;
    if (document?.isDirty) await document.save();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (document) fs.rmSync(path.dirname(document.uri.fsPath), { recursive: true, force: true });
  });

  it('reports a missing num_round, and the fix inserts a placeholder that is reported until filled', async () => {
    const editor = await openCopy();
    const { document } = editor;
    const found = await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.some((d) => codeOf(d) === 'algorithm-missing-hyperparameter'));
    assert.deepStrictEqual(found.map(codeOf), ['algorithm-missing-hyperparameter']);
    const [diagnostic] = found;
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(document.getText(diagnostic.range), 'HyperParameters');
    assert.match(diagnostic.message, /needs the hyperparameter "num_round"/);
    const fixes = await waitFor(async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 100);
      return actions.some((action) => action.title === 'Add hyperparameter "num_round"') && actions;
    }, { what: 'the Add hyperparameter fix' });
    const fix = fixes.find((action) => action.title === 'Add hyperparameter "num_round"')!;
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(document.getText(), /"objective": "binary:logistic",\n\s*"num_round": ""\n\s*\}/);
    const placeholder = await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.some((d) => codeOf(d) === 'algorithm-invalid-hyperparameter'));
    assert.deepStrictEqual(placeholder.map(codeOf), ['algorithm-invalid-hyperparameter']);
    // Filling it in clears it.
    const empty = document.getText().indexOf('"num_round": ""') + '"num_round": "'.length;
    await editor.edit((edit) => edit.insert(document.positionAt(empty), '100'));
    await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length === 0, { what: 'no findings once num_round is 100' });
  });

  it('completes hyperparameter names, required first, with type and bounds', async () => {
    const editor = await openCopy();
    const { document } = editor;
    const anchor = document.getText().indexOf('"objective"');
    await editor.edit((edit) => edit.insert(document.positionAt(anchor), '\n    '));
    const position = document.positionAt(anchor);
    const list = await waitFor(async () => {
      const result = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
      return result.items.some((item) => item.label === 'num_round') && result;
    }, { what: 'hyperparameter name completion' });
    const sorted = [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.strictEqual(sorted[0].label, 'num_round');
    assert.strictEqual(sorted[0].detail, 'required · an integer in [1, ∞)');
    assert.ok(!list.items.some((item) => item.label === 'objective'), 'present names are not offered');
    const item = sorted[0];
    assert.ok(item.insertText instanceof vscode.SnippetString);
    assert.strictEqual(item.insertText.value, '"num_round": "$1",');
  });
});
