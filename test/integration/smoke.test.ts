import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, openFixture, ourDiagnostics, waitFor, waitForJsonLanguageServer } from './helpers';

describe('smoke', () => {
  it('loads the extension from the working tree and activates it', async () => {
    const extension = await activateExtension();
    assert.strictEqual(extension.id, EXTENSION_ID);
    assert.ok(extension.isActive, 'extension is active');
    // extensionDevelopmentPath points at the repository: out/test/integration → ../../..
    assert.strictEqual(extension.extensionUri.fsPath, path.resolve(__dirname, '..', '..', '..'));
  });

  it('reports nothing on a JSON file that is not a SageMaker spec', async () => {
    await activateExtension();
    const editor = await openFixture('package.json');
    const document = editor.document;
    await waitFor(() => document.languageId === 'json', { what: 'package.json to open as JSON' });
    await waitForJsonLanguageServer(document);

    assert.deepStrictEqual(
      ourDiagnostics(document.uri).map((d) => d.message),
      [],
      'no sagemaker-spec diagnostics on a plain package.json',
    );
    assert.ok(vscode.workspace.isTrusted, 'the default test workbench runs with Workspace Trust disabled');
  });
});
