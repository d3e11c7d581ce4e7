// The API-model features in a real VS Code: a misspelt key and its quick fix, member-name
// completion inserting a snippet, and the "SageMaker: New Spec…" command.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, fixtureUri, openFixture, waitFor, waitForDiagnostics } from './helpers';

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

describe('API model features', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('flags a misspelt key with unknown-property, and the quick fix renames it', async () => {
    const { document } = await openFixture('misspelt-key.sagemaker.json');
    const [diagnostic] = await waitForDiagnostics(document.uri, (found) => found.some((d) => codeOf(d) === 'unknown-property'));
    assert.strictEqual(codeOf(diagnostic), 'unknown-property');
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(document.getText(diagnostic.range), 'TrainingImge');
    const fixes = await waitFor(async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        // Fixes carry their edit once resolved, as when the user picks one: resolve them all.
      'vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 100,
      );
      return actions.some((action) => action.isPreferred) && actions;
    }, { what: 'quick fixes for unknown-property' });
    const preferred = fixes.find((action) => action.isPreferred)!;
    assert.strictEqual(preferred.title, 'Change to "TrainingImage"');
    assert.ok(await vscode.workspace.applyEdit(preferred.edit!));
    assert.match(document.getText(), /"TrainingImage": "382416733822/);
    await waitForDiagnostics(document.uri, (found) => found.length === 0, { what: 'unknown-property to disappear' });
  });

  it('completes a member name and inserts "Name": with a placeholder snippet', async () => {
    const editor = await openFixture('misspelt-key.sagemaker.json');
    const { document } = editor;
    // An empty line inside ResourceConfig, before its first member.
    const anchor = document.getText().indexOf('"InstanceType"');
    await editor.edit((edit) => edit.insert(document.positionAt(anchor), '\n    '));
    const position = document.positionAt(anchor);
    const list = await waitFor(async () => {
      const result = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
      return result.items.some((item) => item.label === 'KeepAlivePeriodInSeconds') && result;
    }, { what: 'member-name completion' });
    const labels = list.items.map((item) => String(item.label));
    assert.ok(!labels.includes('InstanceType'), 'members already present are not offered');
    const item = list.items.find((candidate) => candidate.label === 'KeepAlivePeriodInSeconds')!;
    assert.strictEqual(item.kind, vscode.CompletionItemKind.Property);
    assert.ok(item.insertText instanceof vscode.SnippetString, 'a snippet');
    assert.strictEqual(item.insertText.value, '"KeepAlivePeriodInSeconds": ${1:0},');
    assert.ok(await editor.insertSnippet(item.insertText, item.range as vscode.Range));
    assert.match(document.getText(), /"ResourceConfig": \{\n\s*"KeepAlivePeriodInSeconds": 0,\n\s*"InstanceType"/);
  });

  it('New Spec opens an untitled <kind>.sagemaker.json in the workspace folder, the cursor at the first blank, Tab walking the others', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('sagemakerSpec.newSpec', 'CreateTrainingJob');
    assert.ok(document, 'the command returns the new document');
    assert.strictEqual(document.isUntitled, true);
    // An untitled document with a path: Save proposes this name in this folder.
    assert.strictEqual(document.uri.scheme, 'untitled');
    assert.strictEqual(document.uri.path, vscode.Uri.joinPath(fixtureUri('.'), 'training-job.sagemaker.json').path);
    assert.strictEqual(document.languageId, 'json');
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document, document);
    const spec = JSON.parse(document.getText());
    assert.deepStrictEqual(Object.keys(spec).slice(0, 4), ['TrainingJobName', 'RoleArn', 'AlgorithmSpecification', 'ResourceConfig']);
    assert.match(spec.AlgorithmSpecification.TrainingImage, /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/sagemaker-xgboost:\d/);
    /** The line of the cursor up to the cursor, as the user sees it. */
    const beforeCursor = () => document.lineAt(editor.selection.active.line).text.slice(0, editor.selection.active.character).trim();
    assert.strictEqual(beforeCursor(), '"TrainingJobName": "');
    assert.ok(editor.selection.isEmpty);
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.strictEqual(beforeCursor(), '"RoleArn": "');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.strictEqual(beforeCursor(), '"S3Uri": "s3://');
    // The blanks are what the diagnostics point at, until each is filled in.
    // Five blanks: the name, the role, two S3 locations and XGBoost's required num_round.
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.length === 5, { what: 'the five blanks flagged' });
    assert.ok(diagnostics.every((d) => ['value-out-of-range', 'pattern-mismatch', 'algorithm-invalid-hyperparameter'].includes(codeOf(d))), diagnostics.map(codeOf).join(', '));
    await vscode.commands.executeCommand('type', { text: 'amzn-s3-demo-bucket/train/' });
    assert.match(document.getText(), /"S3Uri": "s3:\/\/amzn-s3-demo-bucket\/train\/"/);
    const left = await waitForDiagnostics(document.uri, (found) => found.length === 4, { what: 'the filled S3 URI to be clear' });
    assert.deepStrictEqual(left.map((d) => document.getText(d.range)).sort(), ['', '', '', 's3://']);
  });

  it('New Spec numbers the proposed name past files and unsaved new specs that have it', async () => {
    const existing = fixtureUri('model.sagemaker.json');
    await vscode.workspace.fs.writeFile(existing, new TextEncoder().encode('{}\n'));
    try {
      const first = await vscode.commands.executeCommand<vscode.TextDocument>('sagemakerSpec.newSpec', 'CreateModel');
      assert.strictEqual(first.uri.path.split('/').pop(), 'model-2.sagemaker.json');
      const second = await vscode.commands.executeCommand<vscode.TextDocument>('sagemakerSpec.newSpec', 'CreateModel');
      assert.strictEqual(second.uri.path.split('/').pop(), 'model-3.sagemaker.json');
      assert.strictEqual(vscode.window.activeTextEditor?.document, second);
      assert.strictEqual(JSON.parse(second.getText()).ModelName, '');
      for (const document of [second, first]) {
        await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    } finally {
      await vscode.workspace.fs.delete(existing);
    }
  });
});
