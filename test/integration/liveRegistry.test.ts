// Live tags in a real VS Code: a real Docker registry (Debian's docker-registry) and the user's
// ECR emulated by moto answer completion, "Pin to digest" and tag-not-found.
import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { CreateRepositoryCommand, ECRClient, PutImageCommand } from '@aws-sdk/client-ecr';
import type { ExtensionTestApi } from '../../src/extension';
import { pushImageDetails, startDockerRegistry, type DockerRegistry } from '../server/dockerRegistry';
import { startMoto, type MotoServer } from '../server/motoServer';
import { startRecordingProxy, type RecordingProxy } from '../server/recordingProxy';
import { startFaultRegistry, type FaultRegistry } from '../server/registryFaults';
import { TEST_CREDENTIALS, useTestAwsEnvironment } from './awsTestEnvironment';
import { activateExtension, ourDiagnostics, waitFor, waitForDiagnostics } from './helpers';
import { ScriptedPrompter } from './scriptedPrompter';

const config = () => vscode.workspace.getConfiguration('sagemakerSpec');

/** A training spec (Vpc access, VpcConfig, so only registry findings remain) around one image. */
function trainingSpec(image: string): string {
  return JSON.stringify({
    TrainingJobName: 'live',
    RoleArn: 'arn:aws:iam::123456789012:role/r',
    AlgorithmSpecification: { TrainingImage: image, TrainingInputMode: 'File', TrainingImageConfig: { TrainingRepositoryAccessMode: 'Vpc' } },
    OutputDataConfig: { S3OutputPath: 's3://b/o' },
    ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    VpcConfig: { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: ['subnet-0123456789abcdef0'] },
  }, null, 2);
}

// Real files, one per test: untitled documents are reused by VS Code (same URI, and sometimes the
// same not-yet-disposed document), which would mix one test's text into the next.
const SPEC_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-spec-live-'));
let specCount = 0;

async function openSpec(image: string): Promise<vscode.TextEditor> {
  const file = path.join(SPEC_FOLDER, `live-${++specCount}.sagemaker.json`);
  fs.writeFileSync(file, trainingSpec(image));
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(file)));
}

/** Our completion labels at the end of the image string (VS Code's word suggestions left out). */
async function completionLabels(document: vscode.TextDocument, image: string): Promise<string[]> {
  const position = document.positionAt(document.getText().indexOf(image) + image.length);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items
    .filter((item) => item.kind !== vscode.CompletionItemKind.Text)
    .map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

async function pinToDigest(document: vscode.TextDocument, image: string): Promise<void> {
  const position = document.positionAt(document.getText().indexOf(image) + 5);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider', document.uri, new vscode.Range(position, position), undefined, 10,
  );
  const pin = actions.find((action) => action.title === 'Pin to digest');
  assert.ok(pin, `Pin to digest offered among ${actions.map((action) => action.title).join(', ')}`);
  assert.ok(pin.edit, 'the action resolved to an edit');
  assert.ok(await vscode.workspace.applyEdit(pin.edit));
}

describe('live registries', function () {
  this.timeout(120_000);
  let api: ExtensionTestApi;
  const prompter = new ScriptedPrompter();

  before(async () => {
    api = (await activateExtension()).exports as ExtensionTestApi;
    api.launch.services.prompter = prompter;
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    prompter.reset();
  });

  after(() => fs.rmSync(SPEC_FOLDER, { recursive: true, force: true }));

  describe('a private Docker registry', () => {
    let registry: DockerRegistry;
    let digest: string;

    before(async () => {
      registry = await startDockerRegistry({ auth: 'none' });
      await pushImageDetails(registry, 'team/trainer', '1.0');
      digest = (await pushImageDetails(registry, 'team/trainer', '2.0')).digest;
    });

    after(async () => {
      await config().update('registries', undefined, vscode.ConfigurationTarget.Global);
      await registry?.stop();
    });

    it('asks once before querying a host found in a spec, then adds it to sagemakerSpec.registries', async () => {
      prompter.reset({ info: 'Query' });
      const { document } = await openSpec(`${registry.host}/`);
      await waitFor(async () => (await completionLabels(document, `${registry.host}/`)).includes('team/trainer'), { what: 'repositories after consent' });
      assert.strictEqual(prompter.of('info').length, 1, 'asked once');
      assert.deepStrictEqual(config().get('registries'), [{ host: registry.host, allowHttp: true }]);
    });

    it('completes its repositories and tags', async () => {
      const { document } = await openSpec(`${registry.host}/te`);
      let last: string[] = [];
      const repositories = await waitFor(async () => {
        last = await completionLabels(document, `${registry.host}/te`);
        return last.includes('team/trainer') && last;
      }, { what: 'repositories from the registry' }).catch((error: Error) => {
        throw new Error(`${error.message}; last: ${JSON.stringify(last)}; cached: ${JSON.stringify(api.live.cache.repositories(registry.host))}; prompts: ${JSON.stringify(prompter.records)}; text: ${document.getText().slice(0, 160)}`);
      });
      assert.deepStrictEqual(repositories, ['team/trainer']);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, document.getWordRangeAtPosition(document.positionAt(document.getText().indexOf(`${registry.host}/te`)), /[^"]+/)!, `${registry.host}/team/trainer:`);
      await vscode.workspace.applyEdit(edit);
      const tags = await waitFor(async () => {
        const labels = await completionLabels(document, `${registry.host}/team/trainer:`);
        return labels.length === 2 && labels;
      }, { what: 'tags from the registry' });
      assert.deepStrictEqual(tags, ['2.0', '1.0']);
    });

    it('pins a tag to the digest the registry reports', async () => {
      const image = `${registry.host}/team/trainer:2.0`;
      const { document } = await openSpec(image);
      await pinToDigest(document, image);
      assert.ok(document.getText().includes(`"${registry.host}/team/trainer@${digest}"`), document.getText());
    });

    it('reports tag-not-found once the registry has answered', async () => {
      const { document } = await openSpec(`${registry.host}/team/trainer:9.9`);
      const diagnostics = await waitForDiagnostics(document.uri, (found) => found.some((diagnostic) => (diagnostic.code as { value: string }).value === 'tag-not-found'));
      const finding = diagnostics.find((diagnostic) => (diagnostic.code as { value: string }).value === 'tag-not-found')!;
      assert.strictEqual(document.getText(finding.range), '9.9');
      assert.strictEqual(finding.severity, vscode.DiagnosticSeverity.Warning);
    });
  });

  describe('a registry behind TLS (a test CA given as caFile) with Basic auth', () => {
    let registry: DockerRegistry;

    before(async () => {
      registry = await startDockerRegistry({ auth: 'htpasswd' });
      await pushImageDetails(registry, 'secure/model', '3.1');
      await config().update('registries', [registry.entry], vscode.ConfigurationTarget.Global);
    });

    after(async () => {
      await config().update('registries', undefined, vscode.ConfigurationTarget.Global);
      await registry?.stop();
    });

    it('says to sign in, then lists tags with credentials from "Sign in to Registry…" (kept in secret storage)', async () => {
      const image = `${registry.host}/secure/model:`;
      const { document } = await openSpec(image);
      assert.deepStrictEqual(await completionLabels(document, image), []);
      await waitFor(() => api.launch.services.output.recent.some((line) => line.includes(registry.host) && /sign in/i.test(line)), { what: 'the sign-in hint in the output' });

      const { username, password } = registry.credentials!;
      prompter.reset({ pick: registry.host, inputs: [username, password] });
      assert.strictEqual(await vscode.commands.executeCommand('sagemakerSpec.signInToRegistry'), registry.host);
      assert.ok(!api.launch.services.output.recent.some((line) => line.includes(password)), 'the password is never written');
      assert.deepStrictEqual(prompter.of('input').map((record) => record.answer), [username, true]);

      const tags = await waitFor(async () => {
        const labels = await completionLabels(document, image);
        return labels.length > 0 && labels;
      }, { what: 'tags after signing in' });
      assert.deepStrictEqual(tags, ['3.1']);
    });
  });

  describe('registries that are slow, or not listed', () => {
    let server: http.Server;
    let requests = 0;
    let host: string;

    before(async () => {
      server = http.createServer((_request, response) => {
        requests++;
        setTimeout(() => response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"repositories": ["late"]}'), 3000);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      host = `127.0.0.1:${(server.address() as { port: number }).port}`;
    });

    after(async () => {
      await config().update('registries', undefined, vscode.ConfigurationTarget.Global);
      await config().update('registryTimeoutMs', undefined, vscode.ConfigurationTarget.Global);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it('never contacts a host that is not listed, until the user agrees', async () => {
      prompter.reset({ info: 'Not Now' });
      const { document } = await openSpec(`${host}/`);
      const labels = await completionLabels(document, `${host}/`);
      assert.deepStrictEqual(labels, []);
      assert.match(prompter.of('info')[0].message, new RegExp(`Query registry ${host.replace(/[.]/g, '\\.')} for repositories and tags`));
      assert.strictEqual(requests, 0);
      assert.deepStrictEqual(ourDiagnostics(document.uri).filter((d) => (d.code as { value: string }).value === 'tag-not-found'), []);
    });

    it('answers completion within registryTimeoutMs when the registry is slower', async () => {
      await config().update('registries', [{ host, allowHttp: true }], vscode.ConfigurationTarget.Global);
      await config().update('registryTimeoutMs', 300, vscode.ConfigurationTarget.Global);
      const { document } = await openSpec(`${host}/`);
      const started = Date.now();
      const labels = await completionLabels(document, `${host}/`);
      const elapsed = Date.now() - started;
      assert.ok(elapsed < 2500, `completion answered in ${elapsed} ms, before the registry's 3 s`);
      assert.deepStrictEqual(labels, []);
      assert.ok(requests >= 1, 'the registry was asked');
    });
  });

  describe("the user's own ECR (moto behind a recording proxy)", () => {
    let moto: MotoServer;
    let proxy: RecordingProxy;
    let restore: () => Promise<void>;
    let newest: string;
    const ACCOUNT = '123456789012';
    const ECR_HOST = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`;
    /**
     * The ECR operations sent after `since` (a count of requests), optionally only those naming
     * `text` in their body (an account, a repository) or signed for `region`. Other open documents
     * may refresh in the background, so each test looks only for its own account or repository.
     */
    const ecrCalls = (since = 0, about: { text?: string; region?: string } = {}) => proxy.requests
      .slice(since)
      .filter((request) => (about.text === undefined || request.body.includes(about.text)) && (about.region === undefined || request.region === about.region))
      .map((request) => request.operation);
    const codes = (uri: vscode.Uri) => ourDiagnostics(uri).map((diagnostic) => (diagnostic.code as { value: string }).value);

    before(async () => {
      moto = await startMoto();
      proxy = await startRecordingProxy(moto.endpoint);
      restore = await useTestAwsEnvironment(proxy.endpoint);
      api.launch.services.access.aws.reset();
      const ecr = new ECRClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: TEST_CREDENTIALS });
      await ecr.send(new CreateRepositoryCommand({ repositoryName: 'team/app' }));
      const manifest = (layer: string) => JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: 100, digest: `sha256:${'c'.repeat(64)}` },
        layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: 200, digest: `sha256:${layer.repeat(64)}` }],
      });
      await ecr.send(new PutImageCommand({ repositoryName: 'team/app', imageTag: 'v1', imageManifest: manifest('a') }));
      await new Promise((resolve) => setTimeout(resolve, 1100)); // moto's push dates have whole seconds
      newest = (await ecr.send(new PutImageCommand({ repositoryName: 'team/app', imageTag: 'v2', imageManifest: manifest('b') }))).image!.imageId!.imageDigest!;
      ecr.destroy();
    });

    afterEach(async () => {
      await config().update('liveEcrLookups', undefined, vscode.ConfigurationTarget.Global);
      await config().update('liveEcrAccounts', undefined, vscode.ConfigurationTarget.Global);
      await config().update('registries', undefined, vscode.ConfigurationTarget.Global);
    });

    after(async () => {
      await restore?.();
      await proxy?.stop();
      await moto?.stop();
      api.launch.services.access.aws.reset();
    });

    describe('liveEcrLookups: ask (the default)', () => {
      it('asks once for the account; agreeing queries it, remembers it, and reports tag-not-found', async () => {
        prompter.reset({ info: 'Query' });
        const before = proxy.requests.length;
        const { document } = await openSpec(`${ECR_HOST}/team/app:v9`);
        const diagnostics = await waitForDiagnostics(document.uri, (found) => found.some((d) => (d.code as { value: string }).value === 'tag-not-found'));
        const finding = diagnostics.find((d) => (d.code as { value: string }).value === 'tag-not-found')!;
        assert.strictEqual(document.getText(finding.range), 'v9');
        const questions = prompter.of('info');
        assert.strictEqual(questions.length, 1, 'asked once');
        assert.match(questions[0].message, new RegExp(`Amazon ECR in account ${ACCOUNT}`));
        assert.deepStrictEqual(config().get('liveEcrAccounts'), [ACCOUNT]);
        assert.ok(ecrCalls(before, { text: ACCOUNT }).includes('DescribeImages'), JSON.stringify(proxy.requests.slice(before)));
      });

      it('declining sends no ECR call, reports no tag-not-found, and is not asked again', async () => {
        const account = '111122223333';
        const host = `${account}.dkr.ecr.us-east-1.amazonaws.com`;
        prompter.reset({ info: 'Not Now' });
        const before = proxy.requests.length;
        const { document } = await openSpec(`${host}/team/app:v9`);
        await waitFor(() => prompter.of('info').some((record) => record.message.includes(account) && record.answer === 'Not Now'), { what: 'the ECR question, declined' });
        assert.deepStrictEqual(await completionLabels(document, `${host}/team/app:`), [], 'completion offers no ECR tags');
        const image = `${host}/team/app:v9`;
        const position = document.positionAt(document.getText().indexOf(image) + 5);
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(position, position));
        assert.ok(!actions.some((action) => action.title === 'Pin to digest'), 'Pin to digest is not offered for a declined account');
        assert.strictEqual(prompter.of('info').length, 1, 'asked once');
        assert.deepStrictEqual(ecrCalls(before, { text: account }), []);
        assert.ok(!codes(document.uri).includes('tag-not-found'));
        assert.strictEqual(config().get<string[]>('liveEcrAccounts', []).length, 0);
      });
    });

    it('liveEcrLookups: never asks nothing and calls nothing', async () => {
      await config().update('liveEcrLookups', 'never', vscode.ConfigurationTarget.Global);
      const account = '444455556666';
      const host = `${account}.dkr.ecr.us-east-1.amazonaws.com`;
      prompter.reset({ info: 'Query' });
      const before = proxy.requests.length;
      const { document } = await openSpec(`${host}/team/app:v9`);
      assert.deepStrictEqual(await completionLabels(document, `${host}/team/app:`), []);
      // Code actions run the analysis (and its background refresh) on the spec.
      const position = document.positionAt(document.getText().indexOf(`${host}/team/app:v9`) + 5);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(position, position));
      assert.ok(!actions.some((action) => action.title === 'Pin to digest'), 'Pin to digest is not offered');
      assert.deepStrictEqual(prompter.records, []);
      assert.deepStrictEqual(ecrCalls(before, { text: account }), []);
      assert.ok(!codes(document.uri).includes('tag-not-found'));
    });

    it('a look-alike host under another domain is a private registry: asked as one, never sent to ECR', async () => {
      await config().update('liveEcrLookups', 'always', vscode.ConfigurationTarget.Global);
      const host = `${ACCOUNT}.dkr.ecr.us-east-1.evil.example`;
      prompter.reset({ info: 'Not Now' });
      const before = proxy.requests.length;
      const { document } = await openSpec(`${host}/evil/app:`);
      assert.deepStrictEqual(await completionLabels(document, `${host}/evil/app:`), []);
      assert.match(prompter.of('info')[0]?.message ?? '', new RegExp(`Query registry ${host.replace(/[.]/g, '\\.')} for repositories and tags`));
      assert.deepStrictEqual(ecrCalls(before, { text: 'evil/app' }), [], 'its repository is never asked of ECR');
      assert.ok(!proxy.requests.slice(before).some((request) => request.operation === 'DescribeRepositories'), 'nor its repositories listed');
      assert.deepStrictEqual(config().get('registries'), []);
    });

    describe('liveEcrLookups: always (no question, as before)', () => {
      beforeEach(async () => {
        await config().update('liveEcrLookups', 'always', vscode.ConfigurationTarget.Global);
        prompter.reset();
      });

      it('completes repositories and tags, newest pushed first', async () => {
        const { document } = await openSpec(`${ECR_HOST}/team/app:`);
        const tags = await waitFor(async () => {
          const labels = await completionLabels(document, `${ECR_HOST}/team/app:`);
          return labels.length === 2 && labels;
        }, { what: 'ECR tags' });
        assert.deepStrictEqual(tags, ['v2', 'v1']);
        assert.deepStrictEqual(prompter.records, []);
      });

      it('pins to the digest ECR reports', async () => {
        const image = `${ECR_HOST}/team/app:v2`;
        const { document } = await openSpec(image);
        await pinToDigest(document, image);
        assert.ok(document.getText().includes(`"${ECR_HOST}/team/app@${newest}"`), document.getText());
        assert.ok(ecrCalls(0, { text: 'team/app' }).includes('BatchGetImage'));
      });

      it('never calls ECR for a region the catalog does not know', async () => {
        const host = `${ACCOUNT}.dkr.ecr.xx-made-up-1.amazonaws.com`;
        const before = proxy.requests.length;
        const { document } = await openSpec(`${host}/team/app:v9`);
        assert.deepStrictEqual(await completionLabels(document, `${host}/team/app:`), []);
        assert.deepStrictEqual(ecrCalls(before, { region: 'xx-made-up-1' }), []);
        assert.deepStrictEqual(prompter.records, []);
      });
    });
  });

  describe('Pin to digest while the user types', () => {
    let faults: FaultRegistry;
    const SLOW_MS = 2500;

    before(async () => {
      faults = await startFaultRegistry({ slowMs: SLOW_MS });
      await config().update('registries', [{ host: faults.host, allowHttp: true }], vscode.ConfigurationTarget.Global);
    });

    after(async () => {
      await config().update('registries', undefined, vscode.ConfigurationTarget.Global);
      await faults?.stop();
    });

    /** Asks for Pin to digest (resolving it), and runs `type` while the registry is still answering. */
    async function pinWhileTyping(document: vscode.TextDocument, image: string, type: () => Promise<void>): Promise<vscode.CodeAction> {
      const position = document.positionAt(document.getText().indexOf(image) + 5);
      const asked = Promise.resolve(vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider', document.uri, new vscode.Range(position, position), undefined, 10,
      ));
      const manifestRequests = () => faults.requests.filter((request) => request.path.includes('/manifests/')).length;
      const before = manifestRequests();
      await waitFor(() => manifestRequests() > before, { what: 'the registry to be asked for the digest' });
      const versionBefore = document.version;
      await type();
      assert.ok(document.version > versionBefore, 'the document changed during the wait');
      const pin = (await asked).find((action) => action.title === 'Pin to digest');
      assert.ok(pin, 'Pin to digest offered');
      return pin;
    }

    it('typing elsewhere: the digest still lands on the image, and the JSON stays valid', async () => {
      const image = `${faults.host}/slow/app:1.0`;
      const { document } = await openSpec(image);
      const pin = await pinWhileTyping(document, image, async () => {
        const edit = new vscode.WorkspaceEdit();
        edit.insert(document.uri, document.positionAt(document.getText().indexOf('{') + 1), '\n  "Tags": [{"Key": "team", "Value": "ml"}],');
        assert.ok(await vscode.workspace.applyEdit(edit));
      });
      assert.ok(pin.edit, 'the action resolved to an edit');
      assert.ok(await vscode.workspace.applyEdit(pin.edit));
      const parsed = JSON.parse(document.getText()) as { Tags: unknown; AlgorithmSpecification: { TrainingImage: string } };
      assert.strictEqual(parsed.AlgorithmSpecification.TrainingImage, `${faults.host}/slow/app@${faults.slowDigest}`);
      assert.deepStrictEqual(parsed.Tags, [{ Key: 'team', Value: 'ml' }]);
    });

    it('typing in the image: nothing is pinned, the user is told, and the JSON stays valid', async () => {
      const image = `${faults.host}/slow/app:1.0`;
      const { document } = await openSpec(image);
      prompter.reset();
      const pin = await pinWhileTyping(document, image, async () => {
        const tagOffset = document.getText().indexOf(image) + image.length - '1.0'.length;
        const edit = new vscode.WorkspaceEdit();
        edit.replace(document.uri, new vscode.Range(document.positionAt(tagOffset), document.positionAt(tagOffset + 3)), '1.1');
        assert.ok(await vscode.workspace.applyEdit(edit));
      });
      if (pin.edit) assert.ok(await vscode.workspace.applyEdit(pin.edit));
      const parsed = JSON.parse(document.getText()) as { AlgorithmSpecification: { TrainingImage: string } };
      assert.strictEqual(parsed.AlgorithmSpecification.TrainingImage, `${faults.host}/slow/app:1.1`);
      assert.strictEqual(pin.edit?.size ?? 0, 0, 'no edit');
      assert.ok(prompter.of('warning').some((record) => /changed while its registry answered/.test(record.message)), JSON.stringify(prompter.records));
    });
  });
});
