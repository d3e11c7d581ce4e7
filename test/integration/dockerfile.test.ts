// Dockerfiles in a real VS Code (issue 13): a FROM image's hover, a diagnostic on an ARG default
// read into a FROM line with its quick fix (which edits the ARG line), and completion after FROM.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openFixture, waitFor, waitForDiagnostics } from './helpers';

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

function hoverText(hover: vscode.Hover): string {
  return hover.contents.map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : '')).join('\n');
}

describe('Dockerfiles', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is served as language dockerfile; hover on a FROM image describes it over the whole image', async () => {
    const { document } = await openFixture('docker/Dockerfile');
    assert.strictEqual(document.languageId, 'dockerfile');
    const image = '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.0.1-gpu-py310';
    const at = document.positionAt(document.getText().indexOf('pytorch-training'));
    const hovers = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
      return found.find((hover) => hoverText(hover).includes('Amazon ECR image'));
    }, { what: 'our hover on the FROM image' });
    assert.match(hoverText(hovers), /\| Tag \| `2\.0\.1-gpu-py310` \|/);
    assert.strictEqual(document.getText(hovers.range), image);
  });

  it('reports an unpinned XGBoost tag read from an ARG default, and the quick fix pins it in the ARG line', async () => {
    const { document } = await openFixture('docker/Dockerfile');
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.some((diagnostic) => codeOf(diagnostic) === 'xgboost-unpinned'));
    assert.deepStrictEqual(diagnostics.map(codeOf), ['xgboost-unpinned']);
    const unpinned = diagnostics[0];
    assert.strictEqual(document.getText(unpinned.range), '${XGBOOST_VERSION}');
    assert.match(unpinned.message, /^With ARG XGBOOST_VERSION's default 1: /);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, unpinned.range, vscode.CodeActionKind.QuickFix.value, 10);
    const preferred = actions.find((action) => action.isPreferred && action.edit);
    assert.ok(preferred, `a preferred fix among ${actions.map((action) => action.title).join(', ')}`);
    const version = /^Pin XGBoost (\S+)$/.exec(preferred.title)?.[1];
    assert.ok(version, preferred.title);
    assert.ok(await vscode.workspace.applyEdit(preferred.edit!));
    assert.strictEqual(document.lineAt(1).text, `ARG XGBOOST_VERSION=${version}`);
    assert.ok(document.getText().includes('sagemaker-xgboost:${XGBOOST_VERSION} AS train'), 'the FROM line keeps its ARG');
    await waitForDiagnostics(document.uri, (found) => found.length === 0, { what: 'no diagnostics once pinned' });
  });

  it('completes images right after "FROM ", and the tags of a typed image', async () => {
    const editor = await openFixture('docker/Dockerfile');
    const { document } = editor;
    const labelsAt = async (position: vscode.Position) => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
      return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    };
    await editor.edit((edit) => edit.insert(document.lineAt(document.lineCount - 1).range.end, '\nFROM '));
    // Rows show repository:tag (the registry is the row's description); they insert the full reference.
    const images = await waitFor(async () => {
      const found = await labelsAt(document.lineAt(document.lineCount - 1).range.end);
      return found.some((label) => label.startsWith('sagemaker-xgboost:')) && found;
    }, { what: 'image completion after FROM' });
    assert.ok(!images.some((label) => /sagemaker-xgboost:(1|latest)$/.test(label)), 'never offers a floating XGBoost tag');
    await editor.edit((edit) => edit.insert(document.lineAt(document.lineCount - 1).range.end, '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.'));
    const tags = await waitFor(async () => {
      const found = await labelsAt(document.lineAt(document.lineCount - 1).range.end);
      return found.includes('1.7-1') && found;
    }, { what: 'tag completion in a FROM image' });
    assert.ok(!tags.includes('1') && !tags.includes('latest'), 'never offers a floating XGBoost tag');
  });
});
