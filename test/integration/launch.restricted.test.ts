// Restricted Mode (an untrusted workspace): diagnostics still work, but nothing is sent to AWS.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../src/extension';
import type { CreateOutcome } from '../../src/vscode/launch/createCommand';
import { SageMakerTestServer } from '../server/sageMakerTestServer';
import { useTestAwsEnvironment, TEST_CREDENTIALS } from './awsTestEnvironment';
import { activateExtension, openFixture, waitForDiagnostics } from './helpers';
import { ScriptedPrompter } from './scriptedPrompter';

describe('Restricted Mode', function () {
  this.timeout(60_000);

  it('keeps diagnostics but refuses to launch, saying why, and sends nothing', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'this suite runs in an untrusted workspace');
    const api = (await activateExtension()).exports as ExtensionTestApi;
    const server = await SageMakerTestServer.start(TEST_CREDENTIALS);
    const restore = await useTestAwsEnvironment(server.endpoint);
    const prompter = new ScriptedPrompter();
    api.launch.services.prompter = prompter;
    try {
      const { document } = await openFixture('xgboost-unpinned.sagemaker.json');
      await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length > 0);
      await openFixture('launch-training.sagemaker.jsonc');
      const outcome = await vscode.commands.executeCommand<CreateOutcome>('sagemakerSpec.launchTrainingJob');
      assert.strictEqual(outcome.result, 'unavailable');
      assert.match(prompter.of('error')[0].message, /disabled in Restricted Mode/);
      const cleanup = await vscode.commands.executeCommand<{ result: string }>('sagemakerSpec.deleteEndpoint');
      assert.strictEqual(cleanup.result, 'unavailable');
      const follow = await vscode.commands.executeCommand<{ result: string }>('sagemakerSpec.followJob');
      assert.strictEqual(follow.result, 'unavailable');
      assert.strictEqual(server.requests.length, 0);
    } finally {
      await restore();
      await server.stop();
    }
  });

  it('declares the launch commands disabled without trust', () => {
    const manifest = vscode.extensions.getExtension('sagemaker-spec.sagemaker-spec')!.packageJSON as {
      contributes: { commands: { command: string; enablement?: string }[] };
    };
    for (const command of ['launchTrainingJob', 'createModel', 'createEndpoint', 'stopTrainingJob', 'deleteEndpoint', 'followJob']) {
      const declared = manifest.contributes.commands.find((entry) => entry.command === `sagemakerSpec.${command}`);
      assert.strictEqual(declared?.enablement, 'isWorkspaceTrusted', command);
    }
  });
});
