// Typing in a 1 MB spec (issue 14): edits never parse in their own handler; a burst of them
// shares the one pending analysis, and the diagnostics then follow the last text. (How fast is a
// benchmark's business, `npm run bench:editor`, never a test's.)
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../src/extension';
import { activateExtension, waitFor, waitForDiagnostics } from './helpers';

const EDITS = 10;

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

/** A training spec padded to about 1 MB with HyperParameters, its image tagged `latest`. */
function oneMegabyteSpec(): string {
  const hyperParameters: Record<string, string> = {};
  for (let i = 0; i < 16_000; i++) hyperParameters[`feature_weight_${String(i).padStart(5, '0')}`] = `0.${String(i).padStart(5, '0')}${'7'.repeat(34)}`;
  const spec = {
    TrainingJobName: 'typing-pace',
    RoleArn: 'arn:aws:iam::123456789012:role/SageMakerExecutionRole',
    AlgorithmSpecification: { TrainingImage: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:latest', TrainingInputMode: 'File' },
    HyperParameters: hyperParameters,
    OutputDataConfig: { S3OutputPath: 's3://example-bucket/output/' },
    ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
  };
  return JSON.stringify(spec, null, 2) + '\n';
}

describe('typing in a 1 MB spec', () => {
  let api: ExtensionTestApi;
  let folder: string;

  before(async () => {
    api = (await activateExtension()).exports as ExtensionTestApi;
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-spec-typing-'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it(`${EDITS} edits in a burst share analyses (at most half as many reads as edits), and the last edit is what is reported`, async () => {
    const file = path.join(folder, 'big.sagemaker.json');
    const text = oneMegabyteSpec();
    assert.ok(text.length > 1_000_000, `${text.length} characters`);
    fs.writeFileSync(file, text);
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    await waitForDiagnostics(document.uri, (found) => found.some((diagnostic) => codeOf(diagnostic) === 'xgboost-unpinned'), { timeoutMs: 30_000 });

    const tag = document.getText().indexOf(':latest"') + 1;
    const lastValueEnd = document.getText().lastIndexOf('7"') + 1;
    const edits = Array.from({ length: EDITS }, (_, index) => {
      const edit = new vscode.WorkspaceEdit();
      // Nine characters typed into the last HyperParameters value (after the image), then the tag pinned.
      if (index < EDITS - 1) edit.insert(document.uri, document.positionAt(lastValueEnd), '1');
      else edit.replace(document.uri, new vscode.Range(document.positionAt(tag), document.positionAt(tag + 'latest'.length)), '1.7-1');
      return edit;
    });
    const readsBefore = api.documentReadCount();
    // Not awaited one by one: the edits reach the extension host as fast as VS Code applies them.
    assert.deepStrictEqual(await Promise.all(edits.map((edit) => vscode.workspace.applyEdit(edit))), edits.map(() => true));
    await waitForDiagnostics(document.uri, (found) => !found.some((diagnostic) => codeOf(diagnostic) === 'xgboost-unpinned'), { timeoutMs: 30_000 });
    assert.match(document.getText(), /sagemaker-xgboost:1\.7-1"/);
    assert.match(document.getText(), /7111111111"\n/);
    // Let any analysis still pending run before counting.
    const settled = await waitFor(
      async () => {
        const count = api.documentReadCount();
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        return api.documentReadCount() === count && count;
      },
      { timeoutMs: 30_000, what: 'no more reads' },
    );
    const reads = settled - readsBefore;
    assert.ok(reads >= 1 && reads <= EDITS / 2, `${reads} reads of the document for ${EDITS} edits`);
  });
});
