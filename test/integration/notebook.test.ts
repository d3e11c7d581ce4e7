// Jupyter notebooks in a real VS Code: the built-in "ipynb" extension opens .ipynb files as
// jupyter-notebook documents (no Jupyter extension needed); each code cell is a TextDocument of its
// own, and ours are analysed with the whole notebook in view.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, completionLabel, fixtureUri, ourDiagnostics, waitFor, waitForDiagnostics } from './helpers';

const FIXTURE = 'notebook-two-cells.ipynb';

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

describe('notebooks', () => {
  let notebook: vscode.NotebookDocument;
  let editor: vscode.NotebookEditor;

  before(async () => {
    await activateExtension();
  });

  beforeEach(async () => {
    // Each test edits its own copy: reverting a notebook in code-server left cell edits in place.
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-spec-notebook-')), FIXTURE);
    fs.copyFileSync(fixtureUri(FIXTURE).fsPath, copy);
    notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.file(copy));
    editor = await vscode.window.showNotebookDocument(notebook);
  });

  afterEach(async () => {
    // Saved (it is a copy), so closing asks nothing.
    if (notebook.isDirty) await notebook.save();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.dirname(notebook.uri.fsPath), { recursive: true, force: true });
  });

  it('reports a finding in the cell it belongs to, the dict it needs bound in another cell', async () => {
    // Cells: 0 markdown, 1 code (%pip, the algorithm dict), 2 markdown, 3 code (!aws, the request).
    const request = notebook.cellAt(3).document;
    assert.strictEqual(request.languageId, 'python');
    const [diagnostic] = await waitForDiagnostics(request.uri, (diagnostics) => diagnostics.length === 1);
    assert.strictEqual(codeOf(diagnostic), 'missing-required-property');
    assert.strictEqual(request.getText(diagnostic.range), 'AlgorithmSpecification');
    assert.strictEqual(diagnostic.range.start.line, 4);
    assert.deepStrictEqual(ourDiagnostics(notebook.cellAt(1).document.uri), []);
  });

  it('applies a quick fix from cell 4 to the dict in cell 2, and the finding goes away', async () => {
    const request = notebook.cellAt(3).document;
    const setup = notebook.cellAt(1).document;
    const [diagnostic] = await waitForDiagnostics(request.uri, (diagnostics) => diagnostics.length === 1);
    // As a user would be: looking at the cell (VS Code builds a cell's text model when it is shown).
    editor.revealRange(new vscode.NotebookRange(3, 4), vscode.NotebookEditorRevealType.InCenter);
    editor.selection = new vscode.NotebookRange(3, 4);
    const fix = await waitFor(async () => {
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider', request.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 100,
      );
      return actions.find((action): action is vscode.CodeAction => action.title === 'Add "TrainingInputMode"' && 'edit' in action && action.edit !== undefined);
    }, { what: 'the Add "TrainingInputMode" fix' });
    assert.deepStrictEqual(fix.edit!.entries().map(([uri]) => uri.toString()), [setup.uri.toString()]);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.strictEqual(setup.getText().split('\n').slice(3).join('\n'), [
      'algorithm = {',
      "    'TrainingImage': '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',",
      "    'TrainingInputMode': '',",
      '}',
    ].join('\n'));
    await waitForDiagnostics(request.uri, (diagnostics) => !diagnostics.some((candidate) => codeOf(candidate) === 'missing-required-property'), { what: 'missing-required-property to go away' });
  });

  it('analyses again when a cell is added: a second binding makes the dict unknown', async () => {
    const request = notebook.cellAt(3).document;
    await waitForDiagnostics(request.uri, (diagnostics) => diagnostics.length === 1);
    const edit = new vscode.WorkspaceEdit();
    edit.set(notebook.uri, [vscode.NotebookEdit.insertCells(4, [new vscode.NotebookCellData(vscode.NotebookCellKind.Code, 'algorithm = load_algorithm()', 'python')])]);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.strictEqual(notebook.cellCount, 5);
    await waitForDiagnostics(request.uri, (diagnostics) => diagnostics.length === 0, { what: 'the finding to go once the name is bound twice' });
  });

  it('completes and hovers image references in a cell, with ranges in that cell', async () => {
    const setup = notebook.cellAt(1).document;
    const image = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
    const start = setup.getText().indexOf(image);
    const position = setup.positionAt(start + image.indexOf('sagemaker-xgb') + 'sagemaker-xgb'.length);
    const list = await waitFor(async () => {
      const result = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', setup.uri, position);
      return result.items.some((item) => completionLabel(item).includes('sagemaker-xgboost')) && result;
    }, { what: 'XGBoost completion items in the cell' });
    // After a host, repositories are offered.
    const item = list.items.find((candidate) => completionLabel(candidate) === 'sagemaker-xgboost');
    assert.ok(item, JSON.stringify(list.items.map(completionLabel)));
    // The item replaces the string's whole content, in this cell (not at the joined text's offsets).
    assert.strictEqual(setup.getText(item!.range as vscode.Range), image);
    const hovers = await waitFor(async () => {
      const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', setup.uri, setup.positionAt(start + 5));
      return result.length > 0 && result;
    }, { what: 'a hover in the cell' });
    const hover = hovers.find((candidate) => candidate.range && setup.getText(candidate.range) === image);
    assert.ok(hover, 'a hover over the image reference');
  });

  it('reads the cells of a kernel that runs Python under a language of its own (AWS Glue), with their quick fixes', async () => {
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-spec-notebook-')), 'notebook-glue-kernel.ipynb');
    fs.copyFileSync(fixtureUri('notebook-glue-kernel.ipynb').fsPath, copy);
    const glue = await vscode.workspace.openNotebookDocument(vscode.Uri.file(copy));
    await vscode.window.showNotebookDocument(glue);
    const cell = glue.cellAt(0).document;
    assert.strictEqual(cell.languageId, 'python_glue_session');
    const [diagnostic] = await waitForDiagnostics(cell.uri, (diagnostics) => diagnostics.length === 1);
    assert.strictEqual(codeOf(diagnostic), 'xgboost-unpinned');
    assert.strictEqual(cell.getText(diagnostic.range), '1');
    const actions = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', cell.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      return found.some((action) => action.title.startsWith('Pin XGBoost')) ? found : undefined;
    }, { what: 'the pin fixes on the Glue cell' });
    assert.ok(actions.length > 0);
  });
});
