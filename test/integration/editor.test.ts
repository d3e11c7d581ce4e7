// The core features as a user meets them in a real VS Code: diagnostics in the Problems panel,
// quick fixes through the code action provider, completion and hover.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, completionLabel, fixtureUri, openFixture, ourDiagnostics, waitFor, waitForDiagnostics, waitForJsonLanguageServer } from './helpers';

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

/** The quick fixes offered for a diagnostic (the API command returns them without their diagnostics). */
async function quickFixes(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return waitFor(async () => {
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      // Fixes carry their edit once resolved, as when the user picks one: resolve them all.
      'vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 100,
    );
    const fixes = actions.filter((action): action is vscode.CodeAction => 'edit' in action && action.edit !== undefined);
    return fixes.length > 0 && fixes;
  }, { what: `quick fixes for ${codeOf(diagnostic)}` });
}

describe('editor features', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    // Leave no modified editors behind: fixtures stay as committed.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows xgboost-unpinned on the tag, with a link to its documentation', async () => {
    const { document } = await openFixture('xgboost-unpinned.sagemaker.json');
    const [diagnostic] = await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length > 0);
    assert.strictEqual(codeOf(diagnostic), 'xgboost-unpinned');
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(document.getText(diagnostic.range), '1');
    const target = (diagnostic.code as { target: vscode.Uri }).target;
    assert.strictEqual(target.fragment, 'xgboost-unpinned');
  });

  it('applies the preferred quick fix and the diagnostic goes away', async () => {
    const editor = await openFixture('xgboost-unpinned.sagemaker.json');
    const { document } = editor;
    const [diagnostic] = await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length > 0);
    const actions = await quickFixes(document, diagnostic);
    const preferred = actions.filter((action) => action.isPreferred);
    assert.strictEqual(preferred.length, 1, `one preferred fix among ${actions.map((action) => action.title).join(', ')}`);
    assert.ok(actions.some((action) => action.title === 'Pin XGBoost 1.7-1'));
    const pin = actions.find((action) => action.title === 'Pin XGBoost 1.7-1')!;
    assert.ok(await vscode.workspace.applyEdit(pin.edit!));
    assert.match(document.getText(), /"TrainingImage": "683313688378\.dkr\.ecr\.us-east-1\.amazonaws\.com\/sagemaker-xgboost:1\.7-1"/);
    await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length === 0, { what: 'xgboost-unpinned to disappear' });
  });

  it('adds a VpcConfig and leaves the cursor where the first security group id goes', async () => {
    const editor = await openFixture('missing-vpc-config.sagemaker.json');
    const { document } = editor;
    const [diagnostic] = await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length > 0);
    assert.strictEqual(codeOf(diagnostic), 'missing-vpc-config');
    assert.strictEqual(document.getText(diagnostic.range), 'Vpc');
    const [fix] = (await quickFixes(document, diagnostic)).filter((action) => action.isPreferred);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    await vscode.commands.executeCommand(fix.command!.command, ...(fix.command!.arguments ?? []));
    const cursor = editor.selection.active;
    assert.strictEqual(document.lineAt(cursor.line).text.slice(0, cursor.character).trimStart(), '"sg-');
    // The placeholders are reported until the user completes them.
    const left = await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length === 2 && diagnostics.every((found) => codeOf(found) === 'invalid-resource-id'), {
      what: 'missing-vpc-config to give way to the placeholders',
    });
    assert.deepStrictEqual(left.map((found) => document.getText(found.range)).sort(), ['sg-', 'subnet-']);
  });

  it('completes a training image from "xgb" with rows that read: repository and tag, the image, the registry and region', async () => {
    const { document } = await openFixture('completion.sagemaker.json');
    const position = document.positionAt(document.getText().indexOf('"xgb"') + 4);
    const list = await waitFor(async () => {
      const result = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
      return result.items.some((item) => completionLabel(item).startsWith('sagemaker-xgboost:')) && result;
    }, { what: 'XGBoost completion items' });
    const rows = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Module);
    const labels = rows.map(completionLabel);
    assert.deepStrictEqual(labels.slice(0, 3), ['sagemaker-xgboost:3.2-0', 'sagemaker-xgboost:3.0-5', 'sagemaker-xgboost:1.7-1']);
    assert.ok(!labels.some((label) => /sagemaker-xgboost:(1|latest)$/.test(label)));
    const item = rows.find((candidate) => completionLabel(candidate) === 'sagemaker-xgboost:1.7-1')!;
    // The parts VS Code draws on every row: the detail right after the label, the description to the right.
    assert.deepStrictEqual(item.label, { label: 'sagemaker-xgboost:1.7-1', detail: ' XGBoost 1.7-1', description: '683313688378 · us-east-1' });
    const range = item.range as vscode.Range;
    assert.strictEqual(document.getText(range), 'xgb', 'accepting replaces the whole string content');
    assert.strictEqual(item.insertText, '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1');
    // VS Code filters the text from the range's start to the cursor ("xgb") against filterText.
    assert.ok(item.filterText!.startsWith(document.getText(range)), item.filterText);
  });

  it("VS Code's own filter keeps the rows: accepting after typing the image name or the account inserts a full reference", async () => {
    // An untitled copy of the fixture: the workbench may save a file it edits for this long.
    const fixture = await vscode.workspace.openTextDocument(fixtureUri('completion.sagemaker.json'));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'json', content: fixture.getText() }));
    const { document } = editor;
    const imageValue = () => /"TrainingImage": "([^"]*)"/.exec(document.getText())![1];
    /** Puts `typed` in the image string, opens the suggest widget, types `more` into it, and accepts the selected row. */
    const acceptAfter = async (typed: string, more: string) => {
      const start = document.getText().indexOf('"TrainingImage": "') + '"TrainingImage": "'.length;
      await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(start), document.positionAt(start + imageValue().length)), typed));
      const cursor = document.positionAt(start + typed.length);
      editor.selection = new vscode.Selection(cursor, cursor);
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      if (more) await vscode.commands.executeCommand('type', { text: more });
      // The widget opens when the provider has answered: accept until the row lands. On a loaded
      // machine the first trigger can come before the edit reached the widget: ask again.
      return waitFor(async () => {
        await vscode.commands.executeCommand('acceptSelectedSuggestion');
        if (imageValue() !== typed + more) return imageValue();
        await vscode.commands.executeCommand('editor.action.triggerSuggest');
        return false;
      }, { timeoutMs: 30_000, intervalMs: 1_000, what: `a row accepted after "${typed}${more}"` });
    };
    assert.strictEqual(await acceptAfter('xgb', 'o'), '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:3.2-0');
    assert.match(await acceptAfter('683313688378', ''), /^683313688378\.dkr\.ecr\.us-east-1\.amazonaws\.com\/[a-z0-9-]+:[^:]+$/);
  });

  it('shows what an image is on hover', async () => {
    const { document } = await openFixture('xgboost-unpinned.sagemaker.json');
    const position = document.positionAt(document.getText().indexOf('sagemaker-xgboost'));
    const hovers = await waitFor(async () => {
      const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      return result.length > 0 && result;
    }, { what: 'a hover' });
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /683313688378/);
    assert.match(text, /Not pinned/);
  });

  it('reports unknown-spec-kind once on a spec file whose kind cannot be told', async () => {
    const { document } = await openFixture('unknown-kind.sagemaker.json');
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.length > 0);
    assert.deepStrictEqual(diagnostics.map(codeOf), ['unknown-spec-kind']);
    assert.strictEqual(diagnostics[0].severity, vscode.DiagnosticSeverity.Information);
  });

  it('reports a comment in a plain JSON spec (AWS CLI input) as strict-json, and none in JSON with Comments', async () => {
    const fixture = await vscode.workspace.openTextDocument(fixtureUri('xgboost-unpinned.sagemaker.json'));
    const content = fixture.getText().replace('{', '{ // nightly job');
    const json = await vscode.workspace.openTextDocument({ language: 'json', content });
    await vscode.window.showTextDocument(json);
    const found = await waitForDiagnostics(json.uri, (diagnostics) => diagnostics.some((diagnostic) => codeOf(diagnostic) === 'strict-json'));
    const strict = found.filter((diagnostic) => codeOf(diagnostic) === 'strict-json');
    assert.deepStrictEqual(strict.map((diagnostic) => json.getText(diagnostic.range)), ['// nightly job']);
    assert.strictEqual(strict[0].severity, vscode.DiagnosticSeverity.Error);
    const jsonc = await vscode.workspace.openTextDocument({ language: 'jsonc', content });
    await vscode.window.showTextDocument(jsonc);
    // The analysis ran (the unpinned tag is reported) and said nothing about the comment.
    const inJsonc = await waitForDiagnostics(jsonc.uri, (diagnostics) => diagnostics.some((diagnostic) => codeOf(diagnostic) === 'xgboost-unpinned'));
    assert.deepStrictEqual(inJsonc.filter((diagnostic) => codeOf(diagnostic) === 'strict-json'), []);
  });

  it('leaves other JSON files alone', async () => {
    const { document } = await openFixture('tsconfig.json');
    await waitForJsonLanguageServer(document);
    assert.deepStrictEqual(ourDiagnostics(document.uri), []);
    const completions = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider', document.uri, document.positionAt(document.getText().indexOf('"out"') + 2),
    );
    assert.ok(!completions.items.some((item) => item.kind === vscode.CompletionItemKind.Module || String(item.detail).includes('dkr.ecr')));
  });
});
