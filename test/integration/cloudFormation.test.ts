// CloudFormation templates in YAML in a real VS Code (issue 13): the language `yaml` is served,
// a finding on a SageMaker resource's property, and its quick fix written as YAML.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openFixture, waitForDiagnostics } from './helpers';

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

describe('CloudFormation templates (YAML)', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reports an invalid enum on AWS::SageMaker::Model, and the quick fix edits only that YAML line', async () => {
    const { document } = await openFixture('cloudformation/model.template.yaml');
    assert.strictEqual(document.languageId, 'yaml');
    const before = document.getText();
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.some((diagnostic) => codeOf(diagnostic) === 'invalid-enum-value'));
    // The !Sub image's placeholders and the !Ref are dynamic: nothing else is reported.
    assert.deepStrictEqual(diagnostics.map(codeOf), ['invalid-enum-value']);
    const invalid = diagnostics[0];
    assert.strictEqual(document.getText(invalid.range), 'SingleModle');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, invalid.range, vscode.CodeActionKind.QuickFix.value, 10);
    const preferred = actions.find((action) => action.isPreferred);
    assert.ok(preferred, `a preferred fix among ${actions.map((action) => action.title).join(', ')}`);
    // Resolved (the last argument above), as when the user picks it: the edit is rendered then.
    assert.ok(preferred.edit, 'the preferred fix has an edit');
    assert.ok(await vscode.workspace.applyEdit(preferred.edit));
    assert.strictEqual(document.getText(), before.replace('Mode: SingleModle # typo', 'Mode: SingleModel # typo'));
    await waitForDiagnostics(document.uri, (found) => found.length === 0);
  });
});
