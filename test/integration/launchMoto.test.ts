// The launch commands against moto, an independent AWS emulator: a user's whole path from a
// training job to a live endpoint, with no AWS account.
import * as assert from 'assert';
import * as path from 'path';
import { pathToFileURL } from 'url';
import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../src/extension';
import type { CreateOutcome } from '../../src/vscode/launch/createCommand';
import { activateExtension, openFixture } from './helpers';
import { startMoto, type MotoServer } from '../server/motoServer';
import { ScriptedPrompter } from './scriptedPrompter';
import { useTestAwsEnvironment } from './awsTestEnvironment';

// tsc turns import() into require(), which cannot load an .mjs on Node 20; a Function body keeps it.
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;
/** out/test/integration → the repository. */
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

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
    prompter.reset({ confirm: true });
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
      prompter.reset({ confirm: true });
      const outcome = await run(fixture, command);
      assert.strictEqual(outcome.result, 'created', JSON.stringify(outcome));
      assert.match(String((outcome as { arn: string }).arn), arn);
      assert.deepStrictEqual(prompter.of('confirm')[0].actions, ['Create']);
      const followed = (await (outcome as { follow: Promise<{ status?: string } | undefined> }).follow);
      // Only training jobs and endpoints are followed; an endpoint until it is InService.
      assert.strictEqual(followed?.status, command === 'sagemakerSpec.createEndpoint' ? 'InService' : undefined);
    });
  }

  it("offers a new name for a second job of the same name through the demo's proxy, which refuses it as SageMaker does", async () => {
    const { startUniqueNamesProxy } = (await importEsm(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'lib', 'unique-names-proxy.mjs')).href)) as {
      startUniqueNamesProxy(upstream: string): Promise<{ endpoint: string; refused: number; stop(): Promise<void> }>;
    };
    const proxy = await startUniqueNamesProxy(moto.endpoint);
    const config = vscode.workspace.getConfiguration('sagemakerSpec');
    await config.update('endpointUrl', proxy.endpoint, vscode.ConfigurationTarget.Global);
    try {
      prompter.reset({ confirm: true });
      const first = await run('launch-training.sagemaker.jsonc', 'sagemakerSpec.launchTrainingJob');
      assert.strictEqual(first.result, 'created', JSON.stringify(first));
      await (first as { follow: Promise<unknown> }).follow;
      assert.ok(prompter.of('confirm')[0].detail!.split('\n').includes(`Endpoint: ${proxy.endpoint} (sagemakerSpec.endpointUrl)`));
      prompter.reset({ confirm: true, warning: 'Send as' });
      const second = await run('launch-training.sagemaker.jsonc', 'sagemakerSpec.launchTrainingJob');
      assert.strictEqual(second.result, 'created', JSON.stringify(second));
      assert.match((second as { name: string }).name, /^launch-test-job-\d{14}$/);
      assert.match(prompter.of('warning')[0].message, /A training job named "launch-test-job" already exists/);
      assert.strictEqual(proxy.refused, 1);
      await (second as { follow: Promise<unknown> }).follow;
    } finally {
      await config.update('endpointUrl', moto.endpoint, vscode.ConfigurationTarget.Global);
      await proxy.stop();
    }
  });

  it('deletes the endpoint it created, picked from the list', async () => {
    prompter.reset({ confirm: true, pick: 'trainer-serving' });
    const outcome = await vscode.commands.executeCommand<{ result: string; name: string }>('sagemakerSpec.deleteEndpoint');
    assert.deepStrictEqual(outcome, { result: 'done', name: 'trainer-serving' });
    const endpoints = await api.launch.services.access.aws.listEndpoints(api.launch.services.access.defaultTarget());
    assert.ok(!endpoints.some((endpoint) => endpoint.name === 'trainer-serving'), 'moto no longer lists it');
  });
});
