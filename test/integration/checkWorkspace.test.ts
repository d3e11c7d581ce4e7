// SageMaker: Check Workspace and fix-all, as a user meets them in a real VS Code: problems of
// files nobody opened in the Problems panel, what is left out (.gitignore, files.exclude, a config file's exclude, a FIFO,
// a 20 MB file, symlinks), how long results stay, cancelling halfway; and source.fixAll.sagemaker-spec, on
// save through editor.codeActionsOnSave.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, FIXTURE_WORKSPACE, ourDiagnostics, waitFor, waitForDiagnostics } from './helpers';

/** What the command returns (see src/vscode/checkWorkspace.ts). */
interface Summary {
  filesChecked: number;
  filesWithProblems: number;
  problems: number;
  skipped: string[];
  cancelled: boolean;
}

/** Made for these tests in the workspace, removed after. */
const FOLDER = path.join(FIXTURE_WORKSPACE, 'check-workspace');
const LATEST_TAG = fs.readFileSync(path.join(FIXTURE_WORKSPACE, '..', '..', '..', 'examples', 'broken-latest-tag.sagemaker.json'), 'utf8');
const ACCOUNT_MISMATCH = fs.readFileSync(path.join(FIXTURE_WORKSPACE, '..', '..', '..', 'examples', 'broken-registry-account-mismatch.sagemaker.json'), 'utf8');
const MANY = 200;

function write(relative: string, text: string): vscode.Uri {
  const file = path.join(FOLDER, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return vscode.Uri.file(file);
}

function codes(uri: vscode.Uri): string[] {
  return ourDiagnostics(uri).map((diagnostic) => String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code));
}

async function checkWorkspace(options?: object): Promise<Summary> {
  return (await vscode.commands.executeCommand<Summary>('sagemakerSpec.checkWorkspace', options))!;
}

describe('Check Workspace', function () {
  this.timeout(120_000);
  let previousExclude: unknown;

  before(async () => {
    await activateExtension();
    fs.rmSync(FOLDER, { recursive: true, force: true });
    previousExclude = vscode.workspace.getConfiguration('files').inspect('exclude')?.globalValue;
    await vscode.workspace.getConfiguration('files').update('exclude', { '**/excluded-in-editor': true }, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('files').update('exclude', previousExclude, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('editor').update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global);
    fs.rmSync(FOLDER, { recursive: true, force: true });
  });

  it('fills the Problems panel for files nobody opened, leaving out .gitignore, files.exclude, a config file\'s exclude, a FIFO, a 20 MB file and symlinks', async () => {
    const spec = write('latest.sagemaker.json', LATEST_TAG);
    const request = write('requests/train.json', LATEST_TAG);
    const other = write('requests/package.json', '{"name": "not-a-request"}');
    write('.gitignore', 'generated/\n');
    const ignored = write('generated/copy.sagemaker.json', LATEST_TAG);
    const excluded = write('excluded-in-editor/copy.sagemaker.json', LATEST_TAG);
    // A config file's `exclude` is applied as `sagemaker-spec check` applies it to a folder.
    write('configured/.sagemaker-spec.json', '{"exclude": ["fixtures/"]}');
    const fixture = write('configured/fixtures/copy.sagemaker.json', LATEST_TAG);
    const kept = write('configured/kept.sagemaker.json', LATEST_TAG);
    execFileSync('mkfifo', [path.join(FOLDER, 'pipe.sagemaker.json')]);
    const big = path.join(FOLDER, 'big.sagemaker.json');
    fs.writeFileSync(big, LATEST_TAG);
    fs.truncateSync(big, 20 * 1024 * 1024);
    // Symlinks are not followed, as by the checker: no second name for a file, nothing outside the workspace, no loop.
    fs.symlinkSync('requests', path.join(FOLDER, 'linked-requests'));
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'check-workspace-outside-'));
    fs.writeFileSync(path.join(outside, 'outside.sagemaker.json'), LATEST_TAG);
    fs.symlinkSync(outside, path.join(FOLDER, 'outside'));
    fs.symlinkSync('..', path.join(FOLDER, 'up'));

    const started = Date.now();
    const summary = await checkWorkspace();
    assert.ok(Date.now() - started < 60_000, 'the FIFO never blocked the run');
    assert.strictEqual(summary.cancelled, false);
    assert.deepStrictEqual(codes(spec), ['latest-tag']);
    assert.deepStrictEqual(codes(request), ['latest-tag'], 'a JSON file whose members identify a request is checked');
    assert.deepStrictEqual(codes(other), []);
    assert.deepStrictEqual(codes(ignored), [], 'a .gitignore\'d folder is skipped');
    assert.deepStrictEqual(codes(excluded), [], 'a files.exclude folder is skipped');
    assert.deepStrictEqual(codes(fixture), [], 'a folder the config file excludes is skipped');
    assert.deepStrictEqual(codes(kept), ['latest-tag'], 'the config file excludes nothing else');
    assert.deepStrictEqual(codes(vscode.Uri.file(path.join(FOLDER, 'linked-requests', 'train.json'))), [], 'a symlinked folder is not entered');
    assert.deepStrictEqual(codes(vscode.Uri.file(path.join(FOLDER, 'outside', 'outside.sagemaker.json'))), [], 'nothing outside the workspace is checked');
    assert.deepStrictEqual(codes(vscode.Uri.file(path.join(outside, 'outside.sagemaker.json'))), []);
    fs.rmSync(outside, { recursive: true, force: true });
    assert.deepStrictEqual(summary.skipped, ['check-workspace/big.sagemaker.json: it is larger than 16 MiB, the limit']);
    assert.ok(vscode.workspace.textDocuments.every((document) => document.uri.fsPath !== spec.fsPath), 'the spec was never opened');
  });

  it('keeps a result while the file is open (once, no duplicate) and after it closes; drops it when the file changes on disk or is deleted', async () => {
    const spec = write('kept.sagemaker.json', LATEST_TAG);
    const deleted = write('deleted.sagemaker.json', LATEST_TAG);
    await checkWorkspace();
    assert.deepStrictEqual(codes(spec), ['latest-tag']);

    const document = await vscode.workspace.openTextDocument(spec);
    await vscode.window.showTextDocument(document);
    await waitForDiagnostics(spec, (diagnostics) => diagnostics.length === 1, { what: 'one latest-tag while open' });
    await new Promise((resolve) => setTimeout(resolve, 500)); // no second copy arrives late
    assert.deepStrictEqual(codes(spec), ['latest-tag']);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor(() => codes(spec).length === 1, { what: 'the result back after closing' });

    fs.writeFileSync(spec.fsPath, LATEST_TAG.replace(':latest', ':1'));
    await waitFor(() => codes(spec).length === 0, { what: 'the result dropped after a change on disk' });
    fs.rmSync(deleted.fsPath);
    await waitFor(() => codes(deleted).length === 0, { what: 'the result dropped after deletion' });
  });

  it('stops when cancelled halfway, with the files checked so far in the Problems panel', async () => {
    const many = Array.from({ length: MANY }, (_, index) => write(`many/spec-${String(index).padStart(3, '0')}.sagemaker.json`, LATEST_TAG));
    const full = await checkWorkspace();
    assert.ok(many.every((uri) => codes(uri).length === 1), 'a full run checks them all');
    const half = Math.floor(full.filesChecked / 2);

    const cancellation = new vscode.CancellationTokenSource();
    const summary = await checkWorkspace({ token: cancellation.token, onFileChecked: (count: number) => count === half && cancellation.cancel() });
    assert.strictEqual(summary.cancelled, true);
    assert.strictEqual(summary.filesChecked, half);
    const withResults = many.filter((uri) => codes(uri).length === 1).length;
    assert.ok(withResults > 0 && withResults < MANY, `part of the ${MANY} files have results (${withResults})`);
  });
});

describe('source.fixAll.sagemaker-spec', function () {
  this.timeout(60_000);

  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(() => fs.rmSync(FOLDER, { recursive: true, force: true }));

  it('is offered as a source action and applies both unambiguous fixes in one edit', async () => {
    const text = ACCOUNT_MISMATCH.replace('"TrainingInputMode": "File"', '"TrainingInputMode": "Fil"');
    const document = await vscode.workspace.openTextDocument({ language: 'json', content: text });
    await vscode.window.showTextDocument(document);
    await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length === 2);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.sagemaker-spec');
    const ours = actions.filter((action) => action.kind?.value === 'source.fixAll.sagemaker-spec');
    assert.deepStrictEqual(ours.map((action) => action.title), ['Fix 2 SageMaker problems']);
    assert.ok(await vscode.workspace.applyEdit(ours[0].edit!));
    assert.strictEqual(document.getText(), ACCOUNT_MISMATCH.replace('246618743249', '683313688378'));
    await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length === 0);
  });

  it('fixes a YAML spec as YAML, reading it again as YAML between rounds', async () => {
    const yaml = fs.readFileSync(path.join(FIXTURE_WORKSPACE, '..', '..', '..', 'examples', 'broken-invalid-enum-value.sagemaker.yaml'), 'utf8').replace('382416733822', '246618743249');
    const uri = write('fix-all.sagemaker.yaml', yaml);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await waitForDiagnostics(uri, (diagnostics) => diagnostics.length === 2);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.sagemaker-spec');
    const ours = actions.filter((action) => action.kind?.value === 'source.fixAll.sagemaker-spec');
    assert.deepStrictEqual(ours.map((action) => action.title), ['Fix 2 SageMaker problems']);
    assert.ok(await vscode.workspace.applyEdit(ours[0].edit!));
    assert.strictEqual(document.getText(), yaml.replace('246618743249', '382416733822').replace('TrainingInputMode: Fil\n', 'TrainingInputMode: File\n'));
    await waitForDiagnostics(uri, (diagnostics) => diagnostics.length === 0);
  });

  it('runs on save through editor.codeActionsOnSave', async () => {
    await vscode.workspace.getConfiguration('editor').update('codeActionsOnSave', { 'source.fixAll.sagemaker-spec': 'explicit' }, vscode.ConfigurationTarget.Global);
    const uri = write('fix-on-save.sagemaker.json', ACCOUNT_MISMATCH);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    await waitForDiagnostics(uri, (diagnostics) => diagnostics.length === 1);
    // An edit makes the save a real one (code actions on save run for explicit saves).
    await editor.edit((edit) => edit.insert(document.positionAt(document.getText().lastIndexOf('}') + 1), '\n'));
    await vscode.commands.executeCommand('workbench.action.files.save');
    await waitFor(() => fs.readFileSync(uri.fsPath, 'utf8').includes('683313688378'), { what: 'the fix written on save' });
    assert.strictEqual(fs.readFileSync(uri.fsPath, 'utf8'), `${ACCOUNT_MISMATCH.replace('246618743249', '683313688378')}\n`);
    await vscode.workspace.getConfiguration('editor').update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global);
  });
});
