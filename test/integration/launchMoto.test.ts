// The launch commands against moto, an independent AWS emulator: a user's whole path from a
// training job to a live endpoint, with no AWS account.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../src/extension';
import type { CreateOutcome } from '../../src/vscode/launch/createCommand';
import { activateExtension, openFixture } from './helpers';
import { startMoto, type MotoServer } from '../server/motoServer';
import { ScriptedPrompter } from './scriptedPrompter';
import { useTestAwsEnvironment } from './awsTestEnvironment';

describe('launch commands (moto)', function () {
  this.timeout(90_000);
  let api: ExtensionTestApi;
  let moto: MotoServer;
  let restoreEnvironment: () => Promise<void>;
  const prompter = new ScriptedPrompter();

  before(async () => {
    api = (await activateExtension()).exports as ExtensionTestApi;
    moto = await startMoto();
    restoreEnvironment = await useTestAwsEnvironment(moto.endpoint);
    api.launch.services.prompter = prompter;
    api.launch.services.polling = { initialMs: 20, maximumMs: 100 };
  });

  after(async () => {
    await restoreEnvironment?.();
    await moto?.stop();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function run(fixture: string, command: string): Promise<CreateOutcome> {
    await openFixture(fixture);
    return vscode.commands.executeCommand<CreateOutcome>(command);
  }

  it('launches a training job and follows it to Completed', async () => {
    prompter.reset({ confirm: true, info: 'Follow' });
    const outcome = await run('launch-training.sagemaker.jsonc', 'sagemakerSpec.launchTrainingJob');
    assert.strictEqual(outcome.result, 'created', JSON.stringify(outcome));
    assert.match(String((outcome as { arn: string }).arn), /^arn:aws:sagemaker:us-east-1:\d{12}:training-job\/launch-test-job$/);
    const result = await (outcome as { follow: Promise<{ status: string }> }).follow;
    assert.strictEqual(result.status, 'Completed');
    assert.match(prompter.of('confirm')[0].detail!, /Account: \d{12}/);
  });

  for (const [fixture, command, arn] of [
    ['launch-model.sagemaker.json', 'sagemakerSpec.createModel', /:model\/trainer-serving$/],
    ['launch-endpoint-config.sagemaker.json', 'sagemakerSpec.createEndpointConfig', /:endpoint-config\/trainer-serving-config$/],
    ['launch-endpoint.sagemaker.json', 'sagemakerSpec.createEndpoint', /:endpoint\/trainer-serving$/],
  ] as const) {
    it(`${command.replace('sagemakerSpec.', '')} creates it in moto`, async () => {
      prompter.reset({ confirm: true, info: 'Follow' });
      const outcome = await run(fixture, command);
      assert.strictEqual(outcome.result, 'created', JSON.stringify(outcome));
      assert.match(String((outcome as { arn: string }).arn), arn);
      assert.deepStrictEqual(prompter.of('confirm')[0].actions, ['Create']);
      const followed = (await (outcome as { follow: Promise<{ status?: string } | undefined> }).follow);
      // Only training jobs and endpoints are followed; an endpoint until it is InService.
      assert.strictEqual(followed?.status, command === 'sagemakerSpec.createEndpoint' ? 'InService' : undefined);
    });
  }

  it('deletes the endpoint it created, picked from the list', async () => {
    prompter.reset({ confirm: true, pick: 'trainer-serving' });
    const outcome = await vscode.commands.executeCommand<{ result: string; name: string }>('sagemakerSpec.deleteEndpoint');
    assert.deepStrictEqual(outcome, { result: 'done', name: 'trainer-serving' });
    const endpoints = await api.launch.services.access.aws.listEndpoints(api.launch.services.access.defaultTarget());
    assert.ok(!endpoints.some((endpoint) => endpoint.name === 'trainer-serving'), 'moto no longer lists it');
  });
});
