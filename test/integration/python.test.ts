// Python scripts in a real VS Code (issue 10): boto3 requests and SageMaker Python SDK calls get
// the same findings, Python quick fixes, and completion as JSON specs.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, completionLabel, openFixture, waitFor, waitForDiagnostics } from './helpers';

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

async function completionLabels(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items.map(completionLabel);
}

describe('Python scripts', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reports a private-registry image without Vpc access on the boto3 argument, and the fix writes Python', async () => {
    const { document } = await openFixture('python/train_private.py');
    assert.strictEqual(document.languageId, 'python');
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.some((diagnostic) => codeOf(diagnostic) === 'private-registry-needs-vpc-access'));
    const needsVpc = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'private-registry-needs-vpc-access')!;
    assert.strictEqual(document.getText(needsVpc.range), 'AlgorithmSpecification');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, needsVpc.range, vscode.CodeActionKind.QuickFix.value, 10);
    const preferred = actions.find((action) => action.isPreferred && action.edit);
    assert.ok(preferred, `a preferred fix among ${actions.map((action) => action.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(preferred.edit!));
    assert.match(document.getText(), /"TrainingInputMode": "File",\n {4}"TrainingImageConfig": \{"TrainingRepositoryAccessMode": "Vpc"\},\n\}/);
    // Vpc access now needs a VpcConfig: the next finding is on the "Vpc" value, in Python.
    const next = await waitForDiagnostics(document.uri, (found) => found.some((diagnostic) => codeOf(diagnostic) === 'missing-vpc-config'));
    assert.strictEqual(document.getText(next.find((diagnostic) => codeOf(diagnostic) === 'missing-vpc-config')!.range), 'Vpc');
  });

  it('completes image references inside image_uri="…"', async () => {
    const editor = await openFixture('python/train_private.py');
    const { document } = editor;
    const line = document.lineAt(document.getText().split('\n').findIndex((text) => text.startsWith('estimator = ')));
    const start = line.text.indexOf('image_uri="') + 'image_uri="'.length;
    const end = line.text.indexOf('"', start);
    await editor.edit((edit) => edit.replace(new vscode.Range(line.lineNumber, start, line.lineNumber, end), 'xgb'));
    const position = new vscode.Position(line.lineNumber, start + 3);
    const list = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
      return found.items.some((item) => item.kind === vscode.CompletionItemKind.Module) && found;
    }, { what: 'image completion in image_uri' });
    const labels = list.items.map(completionLabel);
    assert.ok(!labels.some((label) => /sagemaker-xgboost:(latest|1)$/.test(label)), 'never offers a floating XGBoost tag');
    // Rows read as in JSON: repository and tag, then the image, then the registry account and region.
    const item = list.items.find((candidate) => completionLabel(candidate) === 'sagemaker-xgboost:1.7-1');
    assert.ok(item, labels.slice(0, 5).join(', '));
    assert.deepStrictEqual(item.label, { label: 'sagemaker-xgboost:1.7-1', detail: ' XGBoost 1.7-1', description: '683313688378 · us-east-1' });
    assert.strictEqual(document.getText(item.range as vscode.Range), 'xgb');
    assert.strictEqual(item.insertText, '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1');
  });

  it('completes versions inside retrieve("xgboost", …, version="…"), newest first, without floating ones', async () => {
    const { document } = await openFixture('python/train_private.py');
    const text = document.getText();
    const at = document.positionAt(text.indexOf('version="1.7-1"') + 'version="'.length);
    const labels = await waitFor(async () => {
      const found = await completionLabels(document, at);
      return found.includes('1.7-1') && found;
    }, { what: 'version completion in retrieve' });
    assert.ok(!labels.includes('latest') && !labels.includes('1'));
  });

  it('completes member names in a request dict bound to a name, as Python, and hovers a keyword argument', async () => {
    const editor = await openFixture('python/train_private.py');
    const { document } = editor;
    // `"Enable` typed (the string still open) on a new line of the dict passed as AlgorithmSpecification.
    const lineEnd = document.lineAt(document.positionAt(document.getText().indexOf('    "TrainingInputMode": "File",')).line).range.end;
    assert.ok(await editor.edit((edit) => edit.insert(lineEnd, '\n    "Enable')));
    const cursor = lineEnd.translate(1, 0).with({ character: 11 });
    const list = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, cursor);
      return found.items.some((item) => completionLabel(item) === 'EnableSageMakerMetricsTimeSeries') && found;
    }, { what: 'member-name completion in a Python dict' });
    const labels = list.items.map(completionLabel);
    assert.ok(!labels.includes('TrainingInputMode'), 'a member already written is not offered');
    const item = list.items.find((candidate) => completionLabel(candidate) === 'EnableSageMakerMetricsTimeSeries')!;
    assert.strictEqual(item.kind, vscode.CompletionItemKind.Property);
    assert.strictEqual(item.detail, 'optional · true or false');
    assert.ok(item.insertText instanceof vscode.SnippetString, 'a snippet');
    assert.strictEqual(item.insertText.value, '"EnableSageMakerMetricsTimeSeries": ${1|True,False|}');
    assert.deepStrictEqual([(item.range as vscode.Range).start.character, (item.range as vscode.Range).end.character], [4, 11], 'the open string is replaced');
    assert.ok(await editor.insertSnippet(item.insertText, item.range as vscode.Range));
    assert.strictEqual(document.lineAt(cursor.line).text, '    "EnableSageMakerMetricsTimeSeries": True');
    await vscode.commands.executeCommand('leaveSnippet');

    const role = document.positionAt(document.getText().indexOf('RoleArn=') + 2);
    const hovers = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, role);
      return found.length > 0 && found;
    }, { what: 'hover on RoleArn=' });
    const markdown = hovers.flatMap((hover) => hover.contents).map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
    assert.match(markdown, /\*\*RoleArn\*\* · required · a string/);
  });

  it('offers instance types once "ml." is typed in a boto3 dict value, replacing the typed value (found by a fresh user)', async () => {
    const editor = await openFixture('python/train_private.py');
    const { document } = editor;
    const value = document.getText().indexOf('"ml.m5.xlarge", "InstanceCount"') + 1;
    assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(value), document.positionAt(value + 'ml.m5.xlarge'.length)), 'ml.')));
    const cursor = document.positionAt(value + 'ml.'.length);
    // Asked as VS Code asks when `.` is typed (a completion trigger of ours, see COMPLETION_TRIGGERS).
    const list = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, cursor, '.');
      return found.items.some((item) => completionLabel(item) === 'ml.m5.xlarge') && found;
    }, { what: 'instance types after "ml."' });
    const item = list.items.find((candidate) => completionLabel(candidate) === 'ml.m5.xlarge')!;
    const range = item.range as vscode.Range;
    assert.deepStrictEqual([document.offsetAt(range.start), document.offsetAt(range.end)], [value, value + 'ml.'.length], 'the typed value is replaced');
  });

  it('diagnoses retrieve("xgboost", region, "latest") on the version', async () => {
    const editor = await openFixture('python/train_private.py');
    const { document } = editor;
    const offset = document.getText().indexOf('version="1.7-1"');
    await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(offset), document.positionAt(offset + 'version="1.7-1"'.length)), 'version="latest"'));
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.some((diagnostic) => codeOf(diagnostic) === 'xgboost-unpinned'));
    assert.strictEqual(document.getText(diagnostics.find((diagnostic) => codeOf(diagnostic) === 'xgboost-unpinned')!.range), 'latest');
  });
});
