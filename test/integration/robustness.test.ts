// Hostile and half-typed input in a real VS Code (issue 9): nothing stops the extension, fixes
// are rendered only when picked, and they edit the object they were computed for.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../src/extension';
import { activateExtension, openFixture, ourDiagnostics, waitFor, waitForDiagnostics } from './helpers';

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

async function codeActions(document: vscode.TextDocument, range: vscode.Range, resolveCount: number): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, vscode.CodeActionKind.QuickFix.value, resolveCount);
}

describe('hostile input in the editor', () => {
  let api: ExtensionTestApi;

  before(async () => {
    api = (await activateExtension()).exports as ExtensionTestApi;
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('"TrainingImageConfig": "" (just after closing a quote): diagnostics, and the fix replaces the string', async () => {
    const { document } = await openFixture('hostile/image-config-string.sagemaker.json');
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.some((diagnostic) => codeOf(diagnostic) === 'private-registry-needs-vpc-access'));
    const needsVpc = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'private-registry-needs-vpc-access')!;
    const before = api.fixRenderCount();
    const unresolved = await codeActions(document, needsVpc.range, 0);
    assert.ok(unresolved.some((action) => action.title === 'Set TrainingRepositoryAccessMode to "Vpc"'));
    assert.ok(unresolved.every((action) => action.edit === undefined), 'an unresolved quick fix carries no edit');
    assert.strictEqual(api.fixRenderCount(), before, 'offering quick fixes rendered one');
    const [fix] = (await codeActions(document, needsVpc.range, 1)).filter((action) => action.isPreferred);
    assert.ok(fix.edit, 'the resolved fix has its edit');
    assert.ok(api.fixRenderCount() > before);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(document.getText(), /"TrainingImageConfig": \{\s*"TrainingRepositoryAccessMode": "Vpc"\s*\}/);
    JSON.parse(document.getText());
  });

  it('a spec nested 7,000 levels deep: one invalid-json, and the other documents are still served', async () => {
    const { document } = await openFixture('hostile/deep-spec.sagemaker.json');
    const [diagnostic] = await waitForDiagnostics(document.uri, (found) => found.length > 0);
    assert.strictEqual(codeOf(diagnostic), 'invalid-json');
    assert.match(diagnostic.message, /nested deeper than 64 levels/);
    const other = await openFixture('xgboost-unpinned.sagemaker.json');
    await waitForDiagnostics(other.document.uri, (found) => found.some((candidate) => codeOf(candidate) === 'xgboost-unpinned'));
  });

  it('another JSON file nested 7,000 levels deep is skipped silently', async () => {
    const { document } = await openFixture('hostile/deep.json');
    const marker = await openFixture('xgboost-unpinned.sagemaker.json');
    await waitForDiagnostics(marker.document.uri, (found) => found.length > 0);
    assert.deepStrictEqual(ourDiagnostics(document.uri), []);
    assert.ok(!api.outputLines().some((line) => line.includes('Internal error')), api.outputLines().join('\n'));
  });

  it('2,000 incomplete channels: all findings shown, no fix rendered until one is picked', async () => {
    const before = api.fixRenderCount();
    const { document } = await openFixture('hostile/many-channels.sagemaker.json');
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.length >= 4000, { timeoutMs: 30_000 });
    assert.strictEqual(diagnostics.filter((diagnostic) => codeOf(diagnostic) === 'missing-required-property').length, 4000);
    assert.strictEqual(api.fixRenderCount(), before);
    const last = diagnostics[diagnostics.length - 1];
    const actions = await waitFor(async () => {
      const found = await codeActions(document, last.range, 1);
      return found.some((action) => action.edit) && found;
    }, { what: 'a resolved fix for the last channel' });
    assert.ok(await vscode.workspace.applyEdit(actions.find((action) => action.edit)!.edit!));
    JSON.parse(document.getText());
  });
});
