// Restricted Mode (an untrusted workspace): diagnostics still work, but nothing is sent to AWS.
import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
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

  it('does not offer Pin to digest, which asks a registry, even for a registry in the settings', async () => {
    const requests: string[] = [];
    const registry = http.createServer((request, response) => {
      requests.push(`${request.method} ${request.url}`);
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"repositories":["a/b"],"tags":["1.0"]}');
    });
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
    const host = `127.0.0.1:${(registry.address() as AddressInfo).port}`;
    const config = vscode.workspace.getConfiguration('sagemakerSpec');
    await config.update('registries', [{ host, allowHttp: true }], vscode.ConfigurationTarget.Global);
    const api = (await activateExtension()).exports as ExtensionTestApi;
    const prompter = new ScriptedPrompter();
    api.launch.services.prompter = prompter;
    try {
      const image = `${host}/a/b:1.0`;
      // VolumeSizeInGB 0 gives a finding: the analysis has run when it shows.
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'restricted-pin-')), 'job.sagemaker.json');
      fs.writeFileSync(file, JSON.stringify({ TrainingJobName: 'j', RoleArn: 'arn:aws:iam::123456789012:role/r', AlgorithmSpecification: { TrainingImage: image, TrainingInputMode: 'File' }, OutputDataConfig: { S3OutputPath: 's3://b/o' }, ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 0 }, StoppingCondition: { MaxRuntimeInSeconds: 3600 } }, null, 2));
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(document);
      await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length > 0);
      const position = document.positionAt(document.getText().indexOf(image) + image.length - 2);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(position, position), undefined, 10);
      assert.ok(!actions.some((action) => action.title === 'Pin to digest'), actions.map((action) => action.title).join(', '));
      assert.deepStrictEqual(requests, []);
      assert.deepStrictEqual(prompter.records, [], 'nothing was resolved or refused');
    } finally {
      await config.update('registries', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await new Promise<void>((resolve) => registry.close(() => resolve()));
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
