// CloudFormation templates in a real VS Code (issue 13): the language `yaml` is served,
// a finding on a SageMaker resource's property, and its quick fix written as YAML;
// and a JSON template as cdk synth writes it (a DefinitionString built with Fn::Join).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../src/extension';
import { activateExtension, fixtureUri, openFixture, waitFor, waitForDiagnostics } from './helpers';

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

describe('CloudFormation templates (YAML and JSON)', () => {
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

  it('reads a template whose flow collections end under their keys (JSON pasted into YAML): the finding after them, no invalid-yaml, and its fix', async () => {
    const { document } = await openFixture('cloudformation/flow-indentation.template.yaml');
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.some((diagnostic) => codeOf(diagnostic) === 'invalid-enum-value'));
    assert.deepStrictEqual(diagnostics.map(codeOf), ['invalid-enum-value']);
    assert.strictEqual(document.getText(diagnostics[0].range), 'SingleModle');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostics[0].range, vscode.CodeActionKind.QuickFix.value, 10);
    const preferred = actions.find((action) => action.isPreferred);
    assert.ok(preferred?.edit, `a preferred fix among ${actions.map((action) => action.title).join(', ')}`);
    const before = document.getText();
    assert.ok(await vscode.workspace.applyEdit(preferred.edit));
    assert.strictEqual(document.getText(), before.replace('"Mode": "SingleModle"', '"Mode": "SingleModel"'));
    await waitForDiagnostics(document.uri, (found) => found.length === 0);
  });

  it('reads a DefinitionString built with Fn::Join (cdk synth output): a finding on the template\'s characters, no fix inside the string, hover on the image', async () => {
    const { document } = await openFixture('cloudformation/cdk-synth.template.json');
    assert.strictEqual(document.languageId, 'json');
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.some((diagnostic) => codeOf(diagnostic) === 'invalid-enum-value'));
    assert.deepStrictEqual(diagnostics.map(codeOf), ['invalid-enum-value']);
    assert.strictEqual(document.getText(diagnostics[0].range), 'ml.m5.xlarg');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostics[0].range, vscode.CodeActionKind.QuickFix.value, 10);
    assert.deepStrictEqual(actions.filter((action) => action.isPreferred).map((action) => action.title), []);
    const image = document.getText().indexOf('sagemaker-xgboost:1.7-1');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(image + 5));
    const markdown = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(markdown, /\| Repository \| `sagemaker-xgboost` \|/);
    assert.match(markdown, /\| Tag \| `1\.7-1` \|/);
  });

  it('checks a CDK stack pinned to a region (cdk.out/manifest.json) for that region, and names the construct to fix', async () => {
    const { document } = await openFixture('cloudformation/cdk.out/Pinned.template.json');
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.some((diagnostic) => codeOf(diagnostic) === 'image-region-mismatch'));
    assert.deepStrictEqual(diagnostics.map(codeOf), ['image-region-mismatch']);
    assert.match(diagnostics[0].message, /target region is us-east-1 \(from stack Pinned's environment in cdk\.out\/manifest\.json\)/);
    assert.match(diagnostics[0].message, /\(From CDK construct Pinned\/XgbModel: fix it in your CDK code; cdk synth writes this template again\.\)$/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostics[0].range, vscode.CodeActionKind.QuickFix.value, 10);
    assert.deepStrictEqual(actions.filter((action) => action.edit !== undefined || action.isPreferred).map((action) => action.title), []);
  });

  it('checks the images a SAM template substitutes into its DefinitionUri file, and follows that file\'s unsaved edits', async () => {
    // The sam init layout, copied: template.yaml beside statemachine/train.asl.json.
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-spec-sam-'));
    fs.mkdirSync(path.join(folder, 'statemachine'));
    fs.copyFileSync(fixtureUri('cloudformation/sam/statemachine/train.asl.json').fsPath, path.join(folder, 'statemachine', 'train.asl.json'));
    fs.copyFileSync(fixtureUri('cloudformation/sam/template.yaml').fsPath, path.join(folder, 'template.yaml'));
    const template = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(folder, 'template.yaml')));
    await vscode.window.showTextDocument(template);
    const found = await waitForDiagnostics(template.uri, (diagnostics) => diagnostics.some((diagnostic) => codeOf(diagnostic) === 'xgboost-unpinned'));
    assert.deepStrictEqual(found.map(codeOf), ['xgboost-unpinned']);
    assert.strictEqual(template.getText(found[0].range), 'latest');
    assert.match(template.lineAt(found[0].range.start.line).text, /^\s+TrainingImage: .*sagemaker-xgboost:latest$/);
    // The entry the file's training task takes as its instance type: hover says so, completion offers instance types.
    const typeAt = template.positionAt(template.getText().indexOf('TrainingInstanceType: ml.m5.') + 'TrainingInstanceType: ml.m5.'.length);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', template.uri, typeAt);
    const hoverText = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(hoverText, /Substituted into `ResourceConfig\.InstanceType` of task `Train` in `statemachine\/train\.asl\.json`/);
    const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', template.uri, typeAt);
    assert.ok(completions.items.some((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'ml.m5.4xlarge'));
    // The task's image placeholder renamed in the open file, unsaved: the template no longer gives it that image.
    const asl = await vscode.window.showTextDocument(vscode.Uri.file(path.join(folder, 'statemachine', 'train.asl.json')), { preview: false });
    const placeholder = asl.document.getText().indexOf('${TrainingImage}');
    assert.ok(placeholder > 0);
    const range = new vscode.Range(asl.document.positionAt(placeholder), asl.document.positionAt(placeholder + '${TrainingImage}'.length));
    await asl.edit((builder) => builder.replace(range, '${OtherImage}'));
    // The map's image is no longer the task's: instead, the name the map does not define, on DefinitionUri.
    const renamed = await waitForDiagnostics(template.uri, (diagnostics) => diagnostics.map(codeOf).join() === 'unfilled-placeholder', { what: 'the template reporting ${OtherImage} once the file uses it' });
    assert.match(template.lineAt(renamed[0].range.start.line).text, /DefinitionUri: statemachine\/train\.asl\.json/);
    assert.match(renamed[0].message, /^statemachine\/train\.asl\.json uses \$\{OtherImage\} in AlgorithmSpecification\.TrainingImage of task "Train", which DefinitionSubstitutions does not define/);
    // Undone: the finding is back, the template never edited.
    await asl.edit((builder) => builder.replace(new vscode.Range(range.start, asl.document.positionAt(placeholder + '${OtherImage}'.length)), '${TrainingImage}'));
    await waitForDiagnostics(template.uri, (diagnostics) => diagnostics.map(codeOf).join() === 'xgboost-unpinned', { what: 'the finding back' });
    assert.strictEqual(template.isDirty, false);
    // Saved, then deleted outside VS Code while its tab stays open (VS Code keeps the document): the
    // file is gone, so at the template's next analysis (an edit here) the map is not checked, and
    // the path is reported as naming no file.
    const aslText = asl.document.getText();
    assert.ok(await asl.document.save());
    fs.rmSync(asl.document.uri.fsPath);
    const templateEditor = await vscode.window.showTextDocument(template);
    await templateEditor.edit((builder) => builder.insert(new vscode.Position(0, 0), '# edited\n'));
    // (The deletion alone may already report it, on the text before the edit: wait for the edited text's.)
    await waitForDiagnostics(
      template.uri,
      (diagnostics) => diagnostics.map(codeOf).join() === 'definition-file-not-found' && template.getText(diagnostics[0].range) === 'statemachine/train.asl.json',
      { what: 'definition-file-not-found on DefinitionUri once its file is deleted' },
    );
    // Written again: checked again at the next analysis.
    fs.writeFileSync(asl.document.uri.fsPath, aslText);
    await templateEditor.edit((builder) => builder.delete(new vscode.Range(0, 0, 1, 0)));
    await waitForDiagnostics(template.uri, (diagnostics) => diagnostics.map(codeOf).join() === 'xgboost-unpinned', { what: 'the finding back once the file is there again' });
  });

  it('checks a DefinitionUri file\'s training task as the algorithm its template\'s map names, and follows the template\'s unsaved edits', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-spec-sam-'));
    fs.mkdirSync(path.join(folder, 'statemachine'));
    fs.copyFileSync(fixtureUri('cloudformation/sam/statemachine/train.asl.json').fsPath, path.join(folder, 'statemachine', 'train.asl.json'));
    fs.copyFileSync(fixtureUri('cloudformation/sam/template.yaml').fsPath, path.join(folder, 'template.yaml'));
    const asl = await vscode.window.showTextDocument(vscode.Uri.file(path.join(folder, 'statemachine', 'train.asl.json')));
    const rounds = asl.document.getText().indexOf('"num_round": "100"');
    await asl.edit((builder) => builder.replace(new vscode.Range(asl.document.positionAt(rounds), asl.document.positionAt(rounds + '"num_round": "100"'.length)), '"num_round": "many"'));
    const found = await waitForDiagnostics(asl.document.uri, (diagnostics) => diagnostics.some((diagnostic) => codeOf(diagnostic) === 'algorithm-invalid-hyperparameter'), { what: 'the hyperparameter judged for the image the template gives' });
    const invalid = found.find((diagnostic) => codeOf(diagnostic) === 'algorithm-invalid-hyperparameter')!;
    assert.strictEqual(asl.document.getText(invalid.range), 'many');
    assert.match(invalid.message, /\(\$\{TrainingImage\} is 683313688378\.dkr\.ecr\.us-east-1\.amazonaws\.com\/sagemaker-xgboost:latest in \.\.\/template\.yaml's DefinitionSubstitutions\.\)$/);
    // The template, edited and not saved, gives another image: the state machine is no XGBoost job any more.
    const template = await vscode.window.showTextDocument(vscode.Uri.file(path.join(folder, 'template.yaml')));
    const line = template.document.getText().split('\n').findIndex((text) => text.trimStart().startsWith('TrainingImage:'));
    await template.edit((builder) => builder.replace(template.document.lineAt(line).range, '        TrainingImage: registry.example.com/trainer:1'));
    await waitForDiagnostics(asl.document.uri, (diagnostics) => !diagnostics.some((diagnostic) => codeOf(diagnostic).startsWith('algorithm-')), { what: 'no algorithm finding once the template gives another image' });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('reads a state machine file again when a template that deploys it is created beside it', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-spec-sam-'));
    fs.mkdirSync(path.join(folder, 'statemachine'));
    const aslFile = path.join(folder, 'statemachine', 'train.asl.json');
    fs.writeFileSync(aslFile, fs.readFileSync(fixtureUri('cloudformation/sam/statemachine/train.asl.json').fsPath, 'utf8').replace('"num_round": "100"', '"num_round": "many"'));
    const asl = await vscode.window.showTextDocument(vscode.Uri.file(aslFile));
    // Alone, ${TrainingImage} is unknown: no algorithm to judge the job by.
    await waitForDiagnostics(asl.document.uri, (diagnostics) => !diagnostics.some((diagnostic) => codeOf(diagnostic).startsWith('algorithm-')), { what: 'no algorithm finding without a template' });
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(vscode.Uri.file(path.join(folder, 'template.yaml')), { contents: fs.readFileSync(fixtureUri('cloudformation/sam/template.yaml').fsPath) });
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(asl.document.uri, (diagnostics) => diagnostics.some((diagnostic) => codeOf(diagnostic) === 'algorithm-invalid-hyperparameter'), { what: 'the job judged once the template is there' });
  });

  it('says once, in the output too, when cdk.out/manifest.json is not JSON: its templates are checked without their stacks\' regions', async () => {
    const api = (await activateExtension()).exports as ExtensionTestApi;
    // A copy in a temporary cdk.out: the fixture's own manifest stays whole.
    const folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-spec-cdk-')), 'cdk.out');
    fs.mkdirSync(folder);
    fs.copyFileSync(fixtureUri('cloudformation/cdk.out/Pinned.template.json').fsPath, path.join(folder, 'Pinned.template.json'));
    fs.writeFileSync(path.join(folder, 'manifest.json'), '{"version": "48.0.0", "artifacts": {');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(folder, 'Pinned.template.json')));
    await vscode.window.showTextDocument(document);
    const warnings = () => api.outputLines().filter((line) => line.includes('cdk.out/manifest.json is not valid JSON'));
    await waitFor(() => warnings().length > 0, { what: 'the unreadable manifest in the output' });
    assert.match(warnings()[0], /^SageMaker Spec: cdk\.out\/manifest\.json is not valid JSON \(.*; a cdk synth cut short\?\): the templates beside it are checked without their stacks' regions\.$/);
    // Edited again: analysed again, but said once.
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), ' '));
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.strictEqual(warnings().length, 1);
  });
});
