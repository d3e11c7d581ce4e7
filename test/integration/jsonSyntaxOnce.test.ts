// One finding per problem (issue 14): a JSON syntax error in a spec shows once in the editor —
// VS Code's own JSON diagnostic where its JSON support validates the document, ours
// (`invalid-json`) where it does not.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, DIAGNOSTIC_SOURCE, openFixture, waitFor, waitForDiagnostics } from './helpers';

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

/** Every diagnostic of any source on a line (0-based). */
function diagnosticsOnLine(uri: vscode.Uri, line: number): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.range.start.line <= line && diagnostic.range.end.line >= line);
}

describe('a JSON syntax error shows once', () => {
  // syntax-error.sagemaker.json lacks the comma after "num_round": "100"; the error is at the next member.
  const FIXTURE = 'syntax-error.sagemaker.json';
  let errorLine: number;

  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await vscode.workspace.getConfiguration('json').update('validate.enable', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('where VS Code validates JSON: its own diagnostic only, no invalid-json of ours', async () => {
    const { document } = await openFixture(FIXTURE);
    errorLine = document.getText().split('\n').findIndex((line) => line.includes('"max_depth"'));
    // Our analysis ran (the unpinned image is reported) and VS Code's JSON support has spoken.
    await waitForDiagnostics(document.uri, (found) => found.some((diagnostic) => codeOf(diagnostic) === 'xgboost-unpinned'));
    const [builtin] = await waitFor(
      () => {
        const found = diagnosticsOnLine(document.uri, errorLine).filter((diagnostic) => diagnostic.source !== DIAGNOSTIC_SOURCE);
        return found.length > 0 && found;
      },
      { timeoutMs: 30_000, what: "VS Code's JSON syntax error" },
    );
    assert.strictEqual(builtin.severity, vscode.DiagnosticSeverity.Error);
    const onLine = diagnosticsOnLine(document.uri, errorLine);
    assert.deepStrictEqual(onLine.map((diagnostic) => diagnostic.source), [builtin.source], 'one diagnostic for the one syntax error');
    const ours = vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
    assert.ok(!ours.some((diagnostic) => codeOf(diagnostic) === 'invalid-json'), ours.map(codeOf).join(', '));
  });

  it('with json.validate.enable off: our invalid-json, at the same place, and nothing else there', async () => {
    await vscode.workspace.getConfiguration('json').update('validate.enable', false, vscode.ConfigurationTarget.Global);
    const { document } = await openFixture(FIXTURE);
    errorLine = document.getText().split('\n').findIndex((line) => line.includes('"max_depth"'));
    const ours = await waitForDiagnostics(document.uri, (found) => found.some((diagnostic) => codeOf(diagnostic) === 'invalid-json'));
    const invalid = ours.find((diagnostic) => codeOf(diagnostic) === 'invalid-json')!;
    assert.strictEqual(invalid.range.start.line, errorLine);
    assert.strictEqual(document.getText(invalid.range), '"max_depth"');
    // VS Code's JSON support, told validation is off, withdraws its own report of the error.
    await waitFor(() => diagnosticsOnLine(document.uri, errorLine).length === 1, { timeoutMs: 30_000, what: 'one diagnostic on the error line' });
    assert.strictEqual(diagnosticsOnLine(document.uri, errorLine)[0].source, DIAGNOSTIC_SOURCE);
  });
});
