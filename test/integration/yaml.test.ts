// AWS CLI YAML specs in a real VS Code (issue 13): member-name completion from the API model on a
// half-typed line, inserted as YAML with the block's indentation; built-in algorithm hyperparameter
// names under HyperParameters; image tags after an unquoted `…/sagemaker-xgboost:` (invalid YAML
// until the tag follows) and images in an empty `TrainingImage: ` or a template's `Image: `.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, completionLabel, openFixture, waitFor, waitForDiagnostics } from './helpers';

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

describe('YAML specs', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** The completion list at `position` (as `triggerCharacter` typed there asks, if given), once it offers `label`. */
  async function itemAt(document: vscode.TextDocument, position: vscode.Position, label: string, triggerCharacter?: string): Promise<vscode.CompletionItem> {
    const list = await waitFor(async () => {
      const result = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, triggerCharacter);
      return result.items.some((item) => completionLabel(item) === label) && result;
    }, { what: `${label} in the completion list` });
    return list.items.find((item) => completionLabel(item) === label)!;
  }

  /** Accepts a plain-text `item` as the editor does: its range replaced by its text. */
  async function accept(editor: vscode.TextEditor, item: vscode.CompletionItem): Promise<void> {
    assert.strictEqual(typeof item.insertText, 'string', 'plain text, not a snippet');
    assert.ok(await editor.edit((edit) => edit.replace(item.range as vscode.Range, item.insertText as string)));
  }

  it('offers the tags after an unquoted `…/sagemaker-xgboost:` just typed, and the images in an empty `TrainingImage: `', async () => {
    const editor = await openFixture('yaml/training.sagemaker.yaml');
    const { document } = editor;
    const line = document.positionAt(document.getText().indexOf('  TrainingImage:')).line;
    const repository = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost';
    assert.ok(await editor.edit((edit) => edit.replace(document.lineAt(line).range, `  TrainingImage: ${repository}`)));
    // The `:` typed: to YAML the line is now a nested mapping, not a string.
    assert.ok(await editor.edit((edit) => edit.insert(document.lineAt(line).range.end, ':')));
    await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.some((diagnostic) => codeOf(diagnostic) === 'invalid-yaml'));
    const tag = await itemAt(document, document.lineAt(line).range.end, '1.7-1', ':');
    assert.deepStrictEqual([(tag.range as vscode.Range).start.character, (tag.range as vscode.Range).end.character], [17, 17 + repository.length + 1], 'the whole value is replaced');
    await accept(editor, tag);
    assert.strictEqual(document.lineAt(line).text, `  TrainingImage: ${repository}:1.7-1`);
    await waitForDiagnostics(document.uri, (diagnostics) => !diagnostics.some((diagnostic) => codeOf(diagnostic) === 'invalid-yaml'));

    // Ctrl+Space in an empty value: the images, inserted as a plain scalar.
    assert.ok(await editor.edit((edit) => edit.replace(document.lineAt(line).range, '  TrainingImage: ')));
    const image = await itemAt(document, document.lineAt(line).range.end, 'sagemaker-xgboost:1.7-1');
    await accept(editor, image);
    assert.strictEqual(document.lineAt(line).text, `  TrainingImage: ${repository}:1.7-1`);
  });

  it('offers the images in an empty `Image: ` of a CloudFormation template', async () => {
    const editor = await openFixture('cloudformation/model.template.yaml');
    const { document } = editor;
    const line = document.positionAt(document.getText().indexOf('        Image:')).line;
    assert.ok(await editor.edit((edit) => edit.replace(document.lineAt(line).range, '        Image: ')));
    const image = await itemAt(document, document.lineAt(line).range.end, 'sagemaker-xgboost:1.7-1');
    await accept(editor, image);
    assert.match(document.lineAt(line).text, /^ {8}Image: \d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\/sagemaker-xgboost:1\.7-1$/);
  });

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
  it('silences a finding with "Disable <code> for this line", a # comment written above it', async () => {
    const editor = await openFixture('yaml/training.sagemaker.yaml');
    const { document } = editor;
    const line = document.getText().split('\n').findIndex((text) => text.startsWith('  TrainingImage:'));
    assert.ok(await editor.edit((edit) => edit.replace(document.lineAt(line).range, '  TrainingImage: 683313688378.dkr.ecr.us-east-1.amazonaws.com/kmeans:latest')));
    const [latest] = await waitForDiagnostics(document.uri, (found) => found.some((diagnostic) => codeOf(diagnostic) === 'latest-tag'), { what: 'latest-tag' }).then((found) => found.filter((diagnostic) => codeOf(diagnostic) === 'latest-tag'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, latest.range, vscode.CodeActionKind.QuickFix.value, 100);
    const disable = actions.find((action) => action.title === 'Disable latest-tag for this line');
    assert.ok(disable, actions.map((action) => action.title).join(', '));
    assert.ok(!disable.isPreferred);
    assert.ok(await vscode.workspace.applyEdit(disable.edit!));
    assert.strictEqual(document.lineAt(line).text, '  # sagemaker-spec-disable-next-line latest-tag');
    await waitForDiagnostics(document.uri, (found) => !found.some((diagnostic) => codeOf(diagnostic) === 'latest-tag'), { what: 'latest-tag silenced' });
  });
});
