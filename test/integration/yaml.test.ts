// AWS CLI YAML specs in a real VS Code (issue 13): member-name completion from the API model on a
// half-typed line, inserted as YAML with the block's indentation; built-in algorithm hyperparameter
// names under HyperParameters.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openFixture, waitFor } from './helpers';

describe('YAML specs', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** The completion list at `position`, once it offers `label`. */
  async function itemAt(document: vscode.TextDocument, position: vscode.Position, label: string): Promise<vscode.CompletionItem> {
    const list = await waitFor(async () => {
      const result = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
      return result.items.some((item) => item.label === label) && result;
    }, { what: `${label} in the completion list` });
    return list.items.find((item) => item.label === label)!;
  }

  it('completes a half-typed member name in a .sagemaker.yaml, inserting `Key: value` as YAML', async () => {
    const editor = await openFixture('yaml/training.sagemaker.yaml');
    const { document } = editor;
    assert.strictEqual(document.languageId, 'yaml');
    // `  Trai` typed on a new line at the end of AlgorithmSpecification: to the parser, not a key yet.
    const lineEnd = document.lineAt(document.positionAt(document.getText().indexOf('  TrainingImage:')).line).range.end;
    assert.ok(await editor.edit((edit) => edit.insert(lineEnd, '\n  Trai')));
    const cursor = lineEnd.translate(1, 0).with({ character: 6 });
    const item = await itemAt(document, cursor, 'TrainingInputMode');
    assert.strictEqual(item.kind, vscode.CompletionItemKind.Property);
    assert.strictEqual(item.detail, 'required · one of 3 values');
    assert.ok(item.insertText instanceof vscode.SnippetString, 'a snippet');
    assert.strictEqual(item.insertText.value, 'TrainingInputMode: ${1|Pipe,File,FastFile|}');
    assert.deepStrictEqual([(item.range as vscode.Range).start.character, (item.range as vscode.Range).end.character], [2, 6], 'the typed word is replaced');
    assert.ok(await editor.insertSnippet(item.insertText, item.range as vscode.Range));
    assert.strictEqual(document.lineAt(cursor.line).text, '  TrainingInputMode: Pipe');
    // The choice is made (Tab or Escape) before typing on: with the choice still open, the list came back empty here.
    await vscode.commands.executeCommand('leaveSnippet');

    // An object member, on a new line at the end of ResourceConfig: its block goes one level in,
    // with the indentation the item carries (the editor adds none: keepWhitespace).
    const last = document.lineAt(document.positionAt(document.getText().indexOf('  VolumeSizeInGB:')).line).range.end;
    assert.ok(await editor.edit((edit) => edit.insert(last, '\n  Instance')));
    const at = last.translate(1, 0).with({ character: 10 });
    const groups = await itemAt(document, at, 'InstanceGroups');
    assert.strictEqual(groups.keepWhitespace, true);
    assert.strictEqual((groups.insertText as vscode.SnippetString).value, 'InstanceGroups:\n    - $1');
    assert.ok(await editor.insertSnippet(groups.insertText as vscode.SnippetString, groups.range as vscode.Range, { undoStopBefore: true, undoStopAfter: true, keepWhitespace: true }));
    assert.strictEqual(document.getText(new vscode.Range(at.with({ character: 0 }), at.translate(2, 0).with({ character: 0 }))), '  InstanceGroups:\n    - \n');
  });

  it('completes a built-in algorithm\'s hyperparameter name under HyperParameters, its value quoted as the string it is', async () => {
    const editor = await openFixture('yaml/training.sagemaker.yaml');
    const { document } = editor;
    // The image is XGBoost 1.7-1: a new HyperParameters map at the end, with `num_r` typed in it.
    const end = document.lineAt(document.lineCount - 1).range.end;
    const prefix = document.lineAt(document.lineCount - 1).text === '' ? '' : '\n';
    assert.ok(await editor.edit((edit) => edit.insert(end, `${prefix}HyperParameters:\n  num_r`)));
    const cursor = new vscode.Position(document.lineCount - 1, 7);
    assert.strictEqual(document.lineAt(cursor.line).text, '  num_r');
    const item = await itemAt(document, cursor, 'num_round');
    assert.strictEqual(item.kind, vscode.CompletionItemKind.Property);
    assert.strictEqual(item.detail, 'required · an integer in [1, ∞)');
    assert.ok(item.insertText instanceof vscode.SnippetString, 'a snippet');
    assert.strictEqual(item.insertText.value, 'num_round: "$1"');
    assert.deepStrictEqual([(item.range as vscode.Range).start.character, (item.range as vscode.Range).end.character], [2, 7], 'the typed word is replaced');
    assert.ok(await editor.insertSnippet(item.insertText, item.range as vscode.Range));
    assert.strictEqual(document.lineAt(cursor.line).text, '  num_round: ""');
  });
});
