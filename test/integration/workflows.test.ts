// Workflow hosts in a real VS Code (issue 13): a Step Functions definition gets a diagnostic and its
// quick fix on the task's Resource, and completion of it (JSON and YAML); a SageMaker Pipelines
// step completes images in TrainingImage, and a misspelt parameter in a Get is fixed in place;
// neither is launchable.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, openFixture, ourDiagnostics, waitFor, waitForDiagnostics } from './helpers';

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

/** The completion items at `at` in `document`, once one is labelled `label` (VS Code may ask before the document is read). */
async function completionOnceOffered(document: vscode.TextDocument, at: vscode.Position, label: string, what: string): Promise<vscode.CompletionItem[]> {
  return waitFor(async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, at);
    return list.items.some((item) => labelOf(item) === label) && list.items;
  }, { what });
}

function ourCodes(document: vscode.TextDocument): string[] {
  return ourDiagnostics(document.uri).map(codeOf);
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Replaces the text from `before`'s end to the next `until` in `editor`'s document with `typed`; the position after it. */
async function typeAfter(editor: vscode.TextEditor, before: string, until: string, typed: string): Promise<vscode.Position> {
  const { document } = editor;
  const text = document.getText();
  const start = text.indexOf(before) + before.length;
  const end = text.indexOf(until, start);
  await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(start), document.positionAt(end)), typed));
  return document.positionAt(start + typed.length);
}

describe('Pipelines definitions and Step Functions state machines', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reports .waitForTaskToken on a SageMaker task and fixes it to .sync, in the state machine', async () => {
    const { document } = await openFixture('workflows/train-and-deploy.asl.json');
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.some((diagnostic) => codeOf(diagnostic) === 'unsupported-integration-pattern'));
    assert.deepStrictEqual(diagnostics.map(codeOf), ['unsupported-integration-pattern']);
    const finding = diagnostics[0];
    assert.strictEqual(document.getText(finding.range), '.waitForTaskToken');
    // Asked again until offered: right after activation VS Code may ask while the diagnostics are
    // being set again, and pass none (seen when this test runs alone, at the session start's code too).
    const preferred = await waitFor(async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, finding.range, vscode.CodeActionKind.QuickFix.value, 10);
      return actions.find((action) => action.isPreferred);
    }, { what: 'a preferred fix' });
    assert.strictEqual(preferred.title, 'Use ".sync" (wait for the job)');
    const before = document.getText();
    assert.ok(await vscode.workspace.applyEdit(preferred.edit!));
    assert.strictEqual(document.getText(), before.replace('createTrainingJob.waitForTaskToken', 'createTrainingJob.sync'));
    await waitForDiagnostics(document.uri, (found) => found.length === 0, { what: 'no diagnostics after the fix' });
    // A workflow holds requests but is not one: no launch CodeLens.
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    assert.deepStrictEqual(lenses ?? [], []);
  });

  it('a fresh user\'s deploy flow: updateEndpoint.sync is reported and its fix removes the suffix; describeEndpoint in the optimized integration offers the SDK integration; hover and completion in a task', async () => {
    const editor = await openFixture('workflows/deploy-endpoint.asl.json');
    const { document } = editor;
    const original = document.getText();
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.length >= 2);
    assert.deepStrictEqual(diagnostics.map((diagnostic) => [codeOf(diagnostic), document.getText(diagnostic.range)]), [['unsupported-integration-pattern', '.sync'], ['unknown-integration-action', 'describeEndpoint']]);
    assert.match(diagnostics[0].message, /does not support "\.sync" for updateEndpoint.*poll aws-sdk:sagemaker:describeEndpoint/);
    const fixesAt = (range: vscode.Range) => waitFor(async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, vscode.CodeActionKind.QuickFix.value, 10);
      return actions.length > 0 && actions;
    }, { what: 'quick fixes' });
    const patternFix = (await fixesAt(diagnostics[0].range)).find((action) => action.isPreferred);
    assert.strictEqual(patternFix?.title, 'Remove ".sync" (request-response)');
    assert.ok(await vscode.workspace.applyEdit(patternFix.edit!));
    assert.strictEqual(document.getText(), original.replace('updateEndpoint.sync', 'updateEndpoint'));
    const [action] = await waitForDiagnostics(document.uri, (found) => found.length === 1);
    const sdk = (await fixesAt(action.range)).find((candidate) => candidate.title === 'Use the AWS SDK integration (aws-sdk:sagemaker:describeEndpoint)');
    assert.ok(sdk?.edit);
    assert.strictEqual(sdk.isPreferred, false);
    assert.ok(await vscode.workspace.applyEdit(sdk.edit));
    assert.strictEqual(document.getText(), original.replace('updateEndpoint.sync', 'updateEndpoint').replace('states:::sagemaker:describeEndpoint', 'states:::aws-sdk:sagemaker:describeEndpoint'));
    await waitForDiagnostics(document.uri, (found) => found.length === 0, { what: 'no diagnostics after both fixes' });
    // Hover on a request member of a task ("Name.$" read as the member), and completion of a value.
    const hoverText = async (near: string) => {
      const hovers = await waitFor(async () => {
        const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(document.getText().indexOf(near) + 3));
        return result.length > 0 && result;
      }, { what: `a hover on ${near}` });
      return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    };
    assert.match(await hoverText('"InstanceType"'), /^\*\*InstanceType\*\* · optional · a string/);
    assert.match(await hoverText('"EndpointConfigName.$"'), /^\*\*EndpointConfigName\*\* · required · a string/);
    const at = await typeAfter(editor, '"InstanceType": "', '"', 'ml.g5.');
    const items = await completionOnceOffered(document, at, 'ml.g5.xlarge', 'instance types in a task');
    assert.ok(items.every((item) => labelOf(item).startsWith('ml.')), items.map(labelOf).join(', '));
  });

  it('in a SAM template\'s Definition: describeTrainingJob in the optimized integration is reported with the SDK fix written in YAML, and the task\'s values complete', async () => {
    const editor = await openFixture('cloudformation/training-machine.template.yaml');
    const { document } = editor;
    const original = document.getText();
    const [finding] = await waitForDiagnostics(document.uri, (found) => found.some((diagnostic) => codeOf(diagnostic) === 'unknown-integration-action'));
    assert.deepStrictEqual(ourCodes(document), ['unknown-integration-action']);
    assert.strictEqual(document.getText(finding.range), 'describeTrainingJob');
    const sdk = await waitFor(async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, finding.range, vscode.CodeActionKind.QuickFix.value, 10);
      return actions.find((action) => action.title === 'Use the AWS SDK integration (aws-sdk:sagemaker:describeTrainingJob)');
    }, { what: 'the SDK integration fix' });
    assert.ok(await vscode.workspace.applyEdit(sdk.edit!));
    assert.strictEqual(document.getText(), original.replace('Resource: arn:aws:states:::sagemaker:describeTrainingJob', 'Resource: arn:aws:states:::aws-sdk:sagemaker:describeTrainingJob'));
    await waitForDiagnostics(document.uri, (found) => found.length === 0, { what: 'no diagnostics after the fix' });
    const at = await typeAfter(editor, 'TrainingInputMode: ', '\n', 'Fa');
    const items = await completionOnceOffered(document, at, 'FastFile', 'TrainingInputMode values in a Definition');
    assert.ok(items.some((item) => labelOf(item) === 'Pipe'));
    const hovers = await waitFor(async () => {
      const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(document.getText().indexOf('sagemaker-xgboost') + 3));
      return result.length > 0 && result;
    }, { what: 'a hover on the !Sub image' });
    assert.match(hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n'), /\| Tag \| `1\.7-1` \|/);
  });

  it('completes a task Resource with the SageMaker integrations', async () => {
    const editor = await openFixture('workflows/train-and-deploy.asl.json');
    const at = await typeAfter(editor, '"Resource": "', '"', 'arn:aws:states:::sagemaker:cre');
    const items = await completionOnceOffered(editor.document, at, 'arn:aws:states:::sagemaker:createTrainingJob.sync', 'Resource completion');
    assert.ok(items.some((item) => labelOf(item) === 'arn:aws:states:::sagemaker:createHyperParameterTuningJob.sync'));
  });

  it('completes a task Resource in a YAML state machine, where `…sagemaker:` is still a mapping key to YAML', async () => {
    const editor = await openFixture('workflows/train.asl.yaml');
    const { document } = editor;
    const text = document.getText();
    const at = await typeAfter(editor, 'Resource: ', '\n', 'arn:aws:states:::sagemaker:');
    const items = await completionOnceOffered(document, at, 'arn:aws:states:::sagemaker:createTrainingJob.sync', 'Resource completion in YAML');
    const item = items.find((candidate) => labelOf(candidate) === 'arn:aws:states:::sagemaker:createTrainingJob.sync')!;
    // Accepting it replaces what was typed with the whole ARN.
    assert.ok(item.range);
    const range = 'inserting' in item.range ? item.range.replacing : item.range;
    assert.ok(await editor.edit((edit) => edit.replace(range, String(item.insertText))));
    assert.strictEqual(document.getText(), text);
  });

  it('completes the first SageMaker task\'s Resource in a state machine that has none yet (YAML and JSON)', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-spec-new-asl-'));
    const cases: [string, string, string][] = [
      ['new.asl.yaml', 'StartAt: Notify\nStates:\n  Notify:\n    Type: Task\n    Resource: arn:aws:states:::lambda:invoke\n    Next: Train\n  Train:\n    Type: Task\n    Resource: \n    End: true\n', 'Resource: \n'],
      ['new.asl.json', '{\n  "StartAt": "Train",\n  "States": {\n    "Train": { "Type": "Task", "Resource": "", "End": true }\n  }\n}\n', '"Resource": "'],
    ];
    for (const [name, text, before] of cases) {
      const file = path.join(folder, name);
      fs.writeFileSync(file, text);
      const document = await vscode.workspace.openTextDocument(file);
      await vscode.window.showTextDocument(document);
      const at = document.positionAt(text.indexOf(before) + before.length - (before.endsWith('\n') ? 1 : 0));
      const items = await completionOnceOffered(document, at, 'arn:aws:states:::sagemaker:createTrainingJob.sync', `Resource completion in ${name}`);
      assert.ok(items.some((item) => labelOf(item) === 'arn:aws:states:::sagemaker:createModel'), name);
    }
  });

  it('reports a misspelt pipeline parameter in a Get on its name, and its quick fix renames it to the declared one', async () => {
    const editor = await openFixture('workflows/xgboost-churn.pipeline.json');
    const { document } = editor;
    const original = document.getText();
    await typeAfter(editor, '"InstanceType": { "Get": "Parameters.', '"', 'TrainingInstanceTyp');
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.some((diagnostic) => codeOf(diagnostic) === 'undefined-pipeline-variable'));
    const finding = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'undefined-pipeline-variable')!;
    assert.strictEqual(document.getText(finding.range), 'TrainingInstanceTyp');
    assert.match(finding.message, /Did you mean "TrainingInstanceType"\?$/);
    const preferred = await waitFor(async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, finding.range, vscode.CodeActionKind.QuickFix.value, 10);
      return actions.find((action) => action.isPreferred);
    }, { what: 'a preferred fix' });
    assert.strictEqual(preferred.title, 'Change to "TrainingInstanceType"');
    assert.ok(await vscode.workspace.applyEdit(preferred.edit!));
    assert.strictEqual(document.getText(), original);
    await waitForDiagnostics(document.uri, (found) => !found.some((diagnostic) => codeOf(diagnostic) === 'undefined-pipeline-variable'), { what: 'the finding gone after the fix' });
  });

  it('reports a DependsOn naming no step on the name, and its quick fix renames it to the step meant', async () => {
    const editor = await openFixture('workflows/xgboost-churn.pipeline.json');
    const { document } = editor;
    const original = document.getText();
    await typeAfter(editor, '"Name": "TrainModel",', '\n', ' "DependsOn": ["PrepareDta"],');
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.some((diagnostic) => codeOf(diagnostic) === 'undefined-pipeline-step'));
    const finding = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'undefined-pipeline-step')!;
    assert.strictEqual(document.getText(finding.range), 'PrepareDta');
    const preferred = await waitFor(async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, finding.range, vscode.CodeActionKind.QuickFix.value, 10);
      return actions.find((action) => action.isPreferred);
    }, { what: 'a preferred fix' });
    assert.strictEqual(preferred.title, 'Change to "PrepareData"');
    assert.ok(await vscode.workspace.applyEdit(preferred.edit!));
    assert.ok(document.getText().includes('"Name": "TrainModel", "DependsOn": ["PrepareData"],'));
    await waitForDiagnostics(document.uri, (found) => !found.some((diagnostic) => codeOf(diagnostic) === 'undefined-pipeline-step'), { what: 'the finding gone after the fix' });
    // The fixture as it was, for the tests after this one.
    await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original));
  });

  it('completes image references in a Pipelines step\'s TrainingImage', async () => {
    const editor = await openFixture('workflows/xgboost-churn.pipeline.json');
    const { document } = editor;
    const text = document.getText();
    const start = text.indexOf('"TrainingImage": "') + '"TrainingImage": "'.length;
    const end = text.indexOf('"', start);
    await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(start), document.positionAt(end)), 'xgb'));
    const labels = await waitFor(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt(start + 3));
      // Rows show repository:tag; the full reference is what they insert.
      const found = list.items.map((item) => [typeof item.label === 'string' ? item.label : item.label.label, typeof item.insertText === 'string' ? item.insertText : item.insertText?.value ?? '']);
      return found.some(([, inserted]) => inserted.includes('.dkr.ecr.')) && found;
    }, { what: 'image completion in TrainingImage' });
    const xgboost = labels.find(([label]) => label === 'sagemaker-xgboost:1.7-1');
    assert.ok(xgboost, labels.slice(0, 5).map(([label]) => label).join(', '));
    assert.match(xgboost[1], /^\d{12}\.dkr\.ecr\.us-east-1\.amazonaws\.com\/sagemaker-xgboost:1\.7-1$/);
  });
});
