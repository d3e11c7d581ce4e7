// The launch commands in a real VS Code against our SageMaker-compatible test server: what the
// user is asked, what is sent, how a job is followed, and every failure path.
import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../src/extension';
import type { CreateOutcome } from '../../src/vscode/launch/createCommand';
import type { CleanupOutcome } from '../../src/vscode/launch/cleanupCommands';
import type { FollowResult } from '../../src/vscode/launch/trainingJobFollower';
import { SageMakerTestServer } from '../server/sageMakerTestServer';
import { activateExtension, openFixture, waitFor } from './helpers';
import { ScriptedPrompter } from './scriptedPrompter';
import { useTestAwsEnvironment, TEST_CREDENTIALS } from './awsTestEnvironment';

const JOB = 'launch-test-job';

describe('launch commands (test server)', function () {
  this.timeout(60_000);
  let api: ExtensionTestApi;
  let server: SageMakerTestServer;
  const prompter = new ScriptedPrompter();
  let restoreEnvironment: () => Promise<void>;

  before(async () => {
    const extension = await activateExtension();
    api = extension.exports as ExtensionTestApi;
    assert.ok(api?.launch, 'the extension exposes its test hooks in test mode');
    server = await SageMakerTestServer.start(TEST_CREDENTIALS);
    restoreEnvironment = await useTestAwsEnvironment(server.endpoint);
    api.launch.services.prompter = prompter;
    api.launch.services.polling = { initialMs: 20, maximumMs: 100 };
    api.launch.services.now = () => new Date(Date.UTC(2026, 10, 23, 14, 5, 9));
  });

  after(async () => {
    await restoreEnvironment?.();
    await server?.stop();
  });

  beforeEach(() => {
    server.reset();
    prompter.reset();
  });

  afterEach(async () => {
    await Promise.allSettled(follows.splice(0));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** Follows started by a test, finished before the next test so none reports into it. */
  const follows: Promise<unknown>[] = [];

  async function launch(fixture: string, command = 'sagemakerSpec.launchTrainingJob'): Promise<CreateOutcome> {
    await openFixture(fixture);
    const outcome = await vscode.commands.executeCommand<CreateOutcome>(command);
    if (outcome.result === 'created' && outcome.follow) follows.push(outcome.follow);
    return outcome;
  }

  function sent(operation: string) {
    return server.requests.filter((request) => request.operation === operation);
  }

  it('asks first, showing what will be sent, then sends the spec without its comments', async () => {
    prompter.reset({ confirm: true });
    const outcome = await launch('launch-training.sagemaker.jsonc');
    assert.strictEqual(outcome.result, 'created');
    const [confirm] = prompter.of('confirm');
    assert.strictEqual(confirm.message, `Launch training job "${JOB}" in us-east-1?`);
    assert.deepStrictEqual(confirm.actions, ['Launch']);
    for (const line of ['Operation: CreateTrainingJob', `Name: ${JOB}`, 'Region: us-east-1', `Endpoint: ${server.endpoint} (sagemakerSpec.endpointUrl)`, 'Account: 123456789012', 'Image: 382416733822.dkr.ecr.us-east-1.amazonaws.com/kmeans:1', 'Instances: ml.m5.xlarge × 1', 'Max runtime: 1 h']) {
      assert.ok(confirm.detail!.includes(line), `confirmation shows "${line}":\n${confirm.detail}`);
    }
    const [request] = sent('CreateTrainingJob');
    assert.ok(request.signatureValid, 'the request is signed with the test credentials');
    const document = vscode.window.activeTextEditor!.document;
    const expected = JSON.parse(document.getText().replace(/^\/\/.*$/m, ''));
    assert.deepStrictEqual(request.body, expected);
    assert.ok(!document.isDirty, 'the file is not changed');
    assert.ok(api.launch.services.output.recent.includes(`Endpoint: ${server.endpoint} (sagemakerSpec.endpointUrl)`), 'the output names the endpoint too');
    await (outcome as { follow: Promise<unknown> }).follow;
  });

  it('shows an endpoint set by AWS_ENDPOINT_URL_SAGEMAKER as such', async () => {
    const config = vscode.workspace.getConfiguration('sagemakerSpec');
    await config.update('endpointUrl', undefined, vscode.ConfigurationTarget.Global);
    process.env.AWS_ENDPOINT_URL_SAGEMAKER = server.endpoint;
    // The STS call (account) has no endpoint of its own now: the answer does not matter here.
    process.env.AWS_ENDPOINT_URL_STS = server.endpoint;
    api.launch.services.access.aws.reset();
    try {
      prompter.reset({ confirm: false });
      const outcome = await launch('launch-training.sagemaker.jsonc');
      assert.strictEqual(outcome.result, 'cancelled');
      assert.ok(prompter.of('confirm')[0].detail!.split('\n').includes(`Endpoint: ${server.endpoint} (AWS_ENDPOINT_URL_SAGEMAKER)`), prompter.of('confirm')[0].detail);
    } finally {
      delete process.env.AWS_ENDPOINT_URL_SAGEMAKER;
      delete process.env.AWS_ENDPOINT_URL_STS;
      await config.update('endpointUrl', server.endpoint, vscode.ConfigurationTarget.Global);
      api.launch.services.access.aws.reset();
    }
  });

  it('stops before anything is sent when the target region is not one the catalog knows, naming the nearest; Send Anyway goes on to the confirmation (found by a fresh user)', async () => {
    const config = vscode.workspace.getConfiguration('sagemakerSpec');
    const before = config.inspect<string>('region')?.globalValue;
    await config.update('region', 'us-east-7', vscode.ConfigurationTarget.Global);
    try {
      // An endpoint spec has no image, so no rule sees the region: only the launch can.
      prompter.reset({ confirm: false });
      const stopped = await launch('launch-endpoint.sagemaker.json', 'sagemakerSpec.createEndpoint');
      assert.strictEqual(stopped.result, 'unavailable');
      const [error] = prompter.of('error');
      assert.match(error.message, /^"us-east-7" is not a known AWS region \(did you mean us-east-1\?\), and nothing was sent\./);
      assert.deepStrictEqual(error.actions, ['Send Anyway']);
      assert.strictEqual(server.requests.length, 0, 'not even the identity check');
      prompter.reset({ confirm: false, error: 'Send Anyway' });
      const asked = await launch('launch-endpoint.sagemaker.json', 'sagemakerSpec.createEndpoint');
      assert.strictEqual(asked.result, 'cancelled');
      assert.strictEqual(prompter.of('confirm')[0].message, 'Create endpoint "trainer-serving" in us-east-7?');
      assert.strictEqual(sent('CreateEndpoint').length, 0);
    } finally {
      await config.update('region', before, vscode.ConfigurationTarget.Global);
    }
  });

  it('sends nothing when the confirmation is declined', async () => {
    prompter.reset({ confirm: false });
    const outcome = await launch('launch-training.sagemaker.jsonc');
    assert.strictEqual(outcome.result, 'cancelled');
    assert.strictEqual(sent('CreateTrainingJob').length, 0);
  });

  it('blocks a spec with errors from our rules, one per line, offering each preferred fix and Show Problems', async () => {
    const outcome = await launch('xgboost-unpinned.sagemaker.json');
    assert.strictEqual(outcome.result, 'blocked');
    const [alert] = prompter.of('alert');
    assert.strictEqual(alert.message, '1 problem in the spec must be fixed before the training job is sent.');
    assert.match(alert.detail!, /^Line 5: .* \(xgboost-unpinned\)$/);
    assert.strictEqual(alert.actions.length, 2, alert.actions.join(' | '));
    assert.match(alert.actions[0], /^Pin XGBoost \d/);
    assert.strictEqual(alert.actions[1], 'Show Problems');
    assert.strictEqual(server.requests.length, 0, 'nothing at all was sent, not even STS');
  });

  it('applies the fix picked in the blocked-launch dialog to the open spec, and sends nothing', async () => {
    prompter.reset({ alert: 'Pin XGBoost' });
    try {
      const outcome = await launch('xgboost-unpinned.sagemaker.json');
      assert.strictEqual(outcome.result, 'blocked');
      const title = prompter.of('alert')[0].answer as string;
      const tag = /^Pin XGBoost (\S+)$/.exec(title)![1];
      assert.strictEqual((outcome as { fixed?: string }).fixed, title);
      const text = vscode.window.activeTextEditor!.document.getText();
      assert.match(text, new RegExp(`"TrainingImage": "683313688378\\.dkr\\.ecr\\.us-east-1\\.amazonaws\\.com/sagemaker-xgboost:${tag.replace(/\./g, '\\.')}"`));
      assert.strictEqual(server.requests.length, 0);
      // Fixed, the spec launches.
      prompter.reset({ confirm: false });
      assert.strictEqual((await vscode.commands.executeCommand<CreateOutcome>('sagemakerSpec.launchTrainingJob')).result, 'cancelled');
      assert.strictEqual(prompter.of('confirm').length, 1);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('lists several errors on separate lines, each with its line number', async () => {
    const { document } = await openFixture('launch-training.sagemaker.jsonc');
    const editor = vscode.window.activeTextEditor!;
    try {
      const text = document.getText();
      await editor.edit((builder) => {
        for (const [from, to] of [['ml.m5.xlarge', 'ml.m5.huge'], ['"arn:aws:iam::123456789012:role/SageMakerExecutionRole"', '"role"']] as const) {
          const offset = text.indexOf(from);
          assert.ok(offset >= 0, from);
          builder.replace(new vscode.Range(document.positionAt(offset), document.positionAt(offset + from.length)), to);
        }
      });
      const outcome = await vscode.commands.executeCommand<CreateOutcome>('sagemakerSpec.launchTrainingJob');
      assert.strictEqual(outcome.result, 'blocked');
      const [alert] = prompter.of('alert');
      const lines = alert.detail!.split('\n');
      assert.ok(lines.length >= 2, alert.detail);
      for (const line of lines) assert.match(line, /^Line \d+: .+ \([a-z-]+\)$/);
      assert.strictEqual(alert.actions.at(-1), 'Show Problems');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('refuses a YAML stream of several requests (`---`), which the AWS CLI refuses too; one request with an empty second document is blocked on that `---`', async () => {
    const job = (name: string) => `TrainingJobName: ${name}\nRoleArn: arn:aws:iam::123456789012:role/SageMakerRole\nAlgorithmSpecification:\n  TrainingImage: 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1\n  TrainingInputMode: File\nOutputDataConfig:\n  S3OutputPath: s3://example-bucket/output/\nResourceConfig:\n  InstanceType: ml.m5.xlarge\n  InstanceCount: 1\n  VolumeSizeInGB: 10\nStoppingCondition:\n  MaxRuntimeInSeconds: 3600\nHyperParameters:\n  num_round: "10"\nInputDataConfig:\n  - {ChannelName: train, ContentType: text/csv, DataSource: {S3DataSource: {S3DataType: S3Prefix, S3Uri: "s3://example-bucket/train/"}}}\n`;
    for (const [content, expected] of [
      [`${job('first')}---\n${job('second')}`, 'unavailable'],
      [`${job('first')}---\n`, 'blocked'],
    ] as const) {
      prompter.reset();
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'yaml', content }));
      try {
        const outcome = await vscode.commands.executeCommand<CreateOutcome>('sagemakerSpec.launchTrainingJob');
        assert.strictEqual(outcome.result, expected);
        if (expected === 'unavailable') {
          assert.strictEqual(prompter.of('error')[0].message, 'This YAML file holds 2 requests, one per document; the AWS CLI reads a single document, and so does "SageMaker: Launch Training Job". Put each request in a file of its own.');
        } else {
          assert.match(prompter.of('alert')[0].detail!, /^Line 18: An empty second YAML document starts here, and the AWS CLI reads only one .* \(invalid-yaml\)$/);
        }
        assert.strictEqual(server.requests.length, 0, 'nothing at all was sent');
      } finally {
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    }
  });

  it('refuses a spec of another kind', async () => {
    const outcome = await launch('launch-model.sagemaker.json');
    assert.strictEqual(outcome.result, 'unavailable');
    assert.match(prompter.of('error')[0].message, /CreateModel request; use "SageMaker: Create Model"/);
  });

  it('follows a job through its transitions and log lines to Completed', async () => {
    server.scriptTrainingJob(JOB, [
      { TrainingJobStatus: 'InProgress', SecondaryStatus: 'Starting', SecondaryStatusTransitions: [{ Status: 'Starting', StatusMessage: 'Preparing the instances for training' }] },
      { TrainingJobStatus: 'InProgress', SecondaryStatus: 'Training', SecondaryStatusTransitions: [{ Status: 'Starting', StatusMessage: 'Preparing the instances for training' }, { Status: 'Training', StatusMessage: 'Training image download completed' }] },
      { TrainingJobStatus: 'Completed', SecondaryStatus: 'Completed', SecondaryStatusTransitions: [{ Status: 'Starting' }, { Status: 'Training' }, { Status: 'Completed', StatusMessage: 'Training job completed' }] },
    ]);
    server.addLogEvents(JOB, `${JOB}/algo-1-1700000000`, [{ timestamp: 1, message: 'epoch 1 loss=0.52' }, { timestamp: 2, message: 'epoch 2 loss=0.31' }]);
    const outcome = await launch('launch-training.sagemaker.jsonc');
    assert.strictEqual(outcome.result, 'created');
    const result = await (outcome as { follow: Promise<{ status: string }> }).follow;
    assert.strictEqual(result.status, 'Completed');
    assert.ok(api.launch.followedJobTexts().includes(`$(check) ${JOB}: Completed`), `status bar: ${api.launch.followedJobTexts().join(' | ')}`);
    const lines = api.launch.services.output.recent.join('\n');
    for (const expected of ['Starting: Preparing the instances for training', 'Training: Training image download completed', 'Status: Completed', 'algo-1-1700000000 | epoch 1 loss=0.52', 'algo-1-1700000000 | epoch 2 loss=0.31']) {
      assert.ok(lines.includes(expected), `output has "${expected}"`);
    }
    assert.strictEqual(lines.split('epoch 2 loss=0.31').length, 2, 'each log line once');
    assert.match(prompter.of('info').at(-1)!.message, /Training job "launch-test-job" completed/);
    const launched = prompter.of('info')[0];
    assert.strictEqual(launched.message, `Training job "${JOB}" launched in us-east-1 at ${server.endpoint}; following it in the status bar.`);
    // The test server is not AWS: no console page to offer.
    assert.deepStrictEqual(launched.actions, ['Show Output']);
  });

  it('keeps a status-bar item while the job runs, and shows its details on a click', async () => {
    server.scriptTrainingJob(JOB, [{ TrainingJobStatus: 'InProgress', SecondaryStatus: 'Training' }]);
    const outcome = await launch('launch-training.sagemaker.jsonc');
    assert.strictEqual(outcome.result, 'created');
    await waitFor(() => api.launch.followedJobTexts().includes(`$(sync~spin) ${JOB}: Training`), { what: 'the running job in the status bar' });
    const details = await vscode.commands.executeCommand<string>('sagemakerSpec.internal.showFollowedJob', `training-job:us-east-1:${server.endpoint}:${JOB}`);
    assert.strictEqual(details, `Training job "${JOB}": InProgress · Training. Region us-east-1, profile default, endpoint ${server.endpoint} (sagemakerSpec.endpointUrl).`);
    server.scriptTrainingJob(JOB, [{ TrainingJobStatus: 'Completed', SecondaryStatus: 'Completed' }]);
    assert.strictEqual(((await (outcome as { follow: Promise<{ status: string }> }).follow)).status, 'Completed');
    assert.ok(api.launch.followedJobTexts().includes(`$(check) ${JOB}: Completed`));
  });

  it('offers Follow instead when sagemakerSpec.followAfterLaunch is off', async () => {
    const config = vscode.workspace.getConfiguration('sagemakerSpec');
    await config.update('followAfterLaunch', false, vscode.ConfigurationTarget.Global);
    try {
      const outcome = await launch('launch-training.sagemaker.jsonc');
      assert.strictEqual(outcome.result, 'created');
      assert.strictEqual(await (outcome as { follow: Promise<unknown> }).follow, undefined);
      assert.deepStrictEqual(prompter.of('info')[0].actions, ['Follow']);
      assert.strictEqual(sent('DescribeTrainingJob').length, 0, 'not followed');
    } finally {
      await config.update('followAfterLaunch', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('follows a running job picked in Follow Job…, listing only running jobs', async () => {
    server.scriptTrainingJob('picked-job', [{ TrainingJobStatus: 'InProgress', SecondaryStatus: 'Training' }, { TrainingJobStatus: 'Completed', SecondaryStatus: 'Completed' }]);
    server.scriptTrainingJob('finished-job', [{ TrainingJobStatus: 'Completed' }]);
    prompter.reset({ pick: 'picked-job' });
    const outcome = await vscode.commands.executeCommand<{ result: string; name: string; follow: Promise<{ status: string }> }>('sagemakerSpec.followJob');
    assert.strictEqual(outcome.result, 'following');
    const [pick] = prompter.of('pick');
    assert.deepStrictEqual(pick.actions, ['picked-job']);
    assert.strictEqual(pick.message, `Follow which job? (us-east-1, profile default, ${server.endpoint})`);
    assert.strictEqual((await outcome.follow).status, 'Completed');
    assert.ok(api.launch.followedJobTexts().includes('$(check) picked-job: Completed'));
    assert.match(prompter.of('info').at(-1)!.message, /Training job "picked-job" completed/);
  });

  it('follows an endpoint being created, picked in Follow Job…, to InService', async () => {
    server.addEndpoint('serving-endpoint', 'Creating');
    server.scriptEndpoint('serving-endpoint', [{ EndpointStatus: 'Creating' }, { EndpointStatus: 'InService' }]);
    server.addEndpoint('old-endpoint', 'InService');
    prompter.reset({ pick: 'serving-endpoint' });
    const outcome = await vscode.commands.executeCommand<{ result: string; follow: Promise<{ status: string }> }>('sagemakerSpec.followJob');
    assert.strictEqual(outcome.result, 'following');
    assert.deepStrictEqual(prompter.of('pick')[0].actions, ['serving-endpoint'], 'an endpoint in service has nothing to follow');
    assert.strictEqual((await outcome.follow).status, 'InService');
    assert.ok(api.launch.followedJobTexts().includes('$(check) serving-endpoint: InService'));
    assert.match(prompter.of('info').at(-1)!.message, /Endpoint "serving-endpoint" is InService/);
  });

  it('says so when no job is running', async () => {
    const outcome = await vscode.commands.executeCommand<{ result: string }>('sagemakerSpec.followJob');
    assert.strictEqual(outcome.result, 'cancelled');
    assert.strictEqual(prompter.of('info')[0].message, `No running training jobs or endpoints being created in us-east-1, profile default, ${server.endpoint}.`);
  });

  it('follows a job to Failed and reports its FailureReason', async () => {
    server.scriptTrainingJob(JOB, [{ TrainingJobStatus: 'Failed', SecondaryStatus: 'Failed', FailureReason: 'AlgorithmError: out of memory' }]);
    const outcome = await launch('launch-training.sagemaker.jsonc');
    const result = await (outcome as { follow: Promise<{ status: string }> }).follow;
    assert.strictEqual(result.status, 'Failed');
    assert.ok(api.launch.services.output.recent.some((line) => line.includes('Status: Failed — AlgorithmError: out of memory')));
    assert.match(prompter.of('warning').at(-1)!.message, /failed: AlgorithmError: out of memory/);
  });

  const EXPIRED = { type: 'ExpiredTokenException', message: 'The security token included in the request is expired', status: 400, times: 5 };
  const STOPPED_MESSAGE = `Stopped following training job "${JOB}" after 5 failed checks: the credentials of profile "default" have expired. Refresh them, e.g. \`aws sso login --profile default\`, then try again. It was InProgress (Training) when last checked and may still be running.`;

  it('stops following after 5 failed checks, saying why and the status last seen; the item stops spinning', async () => {
    server.scriptTrainingJob(JOB, [{ TrainingJobStatus: 'InProgress', SecondaryStatus: 'Training' }]);
    const outcome = await launch('launch-training.sagemaker.jsonc');
    assert.strictEqual(outcome.result, 'created');
    await waitFor(() => api.launch.followedJobTexts().includes(`$(sync~spin) ${JOB}: Training`), { what: 'the running job in the status bar' });
    server.failNext('DescribeTrainingJob', EXPIRED);
    const result = await (outcome as { follow: Promise<FollowResult> }).follow;
    assert.deepStrictEqual(result.stopped?.checks, 5);
    const warning = prompter.of('warning').at(-1)!;
    assert.strictEqual(warning.message, STOPPED_MESSAGE);
    assert.deepStrictEqual(warning.actions, ['Follow Again', 'Show Output']);
    assert.ok(api.launch.followedJobTexts().includes(`$(debug-disconnect) ${JOB}: following stopped (was Training)`), `status bar: ${api.launch.followedJobTexts().join(' | ')}`);
    assert.ok(api.launch.services.output.recent.includes(`Stopped following "${JOB}" after 5 failed checks; the job itself is not affected.`));
  });

  it('never makes up a status when the first check already failed, and follows again on Follow Again', async () => {
    server.scriptTrainingJob(JOB, [{ TrainingJobStatus: 'InProgress', SecondaryStatus: 'Training' }]);
    server.failNext('DescribeTrainingJob', EXPIRED);
    prompter.reset({ confirm: true, warning: 'Follow Again' });
    const outcome = await launch('launch-training.sagemaker.jsonc');
    assert.strictEqual(outcome.result, 'created');
    // The job ends while nobody follows it: following again finds it Completed.
    server.scriptTrainingJob(JOB, [{ TrainingJobStatus: 'Completed', SecondaryStatus: 'Completed' }]);
    const result = await (outcome as { follow: Promise<FollowResult> }).follow;
    assert.strictEqual(result.status, undefined);
    const [warning] = prompter.of('warning');
    assert.match(warning.message, /^Stopped following training job "launch-test-job" after 5 failed checks: the credentials of profile "default" have expired\..* Its status was never read; it may be running\.$/);
    assert.ok(!/unknown|inprogress/.test(warning.message), warning.message);
    await waitFor(() => prompter.of('info').some((record) => record.message === `Training job "${JOB}" completed.`), { what: 'the second follow to announce Completed' });
    assert.ok(api.launch.followedJobTexts().includes(`$(check) ${JOB}: Completed`));
  });

  it("explains an endpoint that answers with a proxy's HTML page, without the page or the SDK's parser text", async () => {
    const proxy = http.createServer((_request, response) => response.writeHead(502, { 'Content-Type': 'text/html' }).end('<html><body>Bad Gateway</body></html>'));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const config = vscode.workspace.getConfiguration('sagemakerSpec');
    await config.update('endpointUrl', proxyUrl, vscode.ConfigurationTarget.Global);
    try {
      const outcome = await launch('launch-training.sagemaker.jsonc');
      assert.strictEqual(outcome.result, 'failed');
      assert.strictEqual(prompter.of('error')[0].message, `Checking your AWS identity failed: the endpoint ${proxyUrl} answered HTTP 502 with a page that is not an AWS response (a proxy or gateway?). Check the network, a proxy, or the endpoint settings (sagemakerSpec.endpointUrl, AWS_ENDPOINT_URL).`);
      const output = api.launch.services.output.recent.join('\n');
      assert.ok(!output.includes('<html') && !output.includes('Deserialization') && !output.includes('Unknown'), output);
    } finally {
      await config.update('endpointUrl', server.endpoint, vscode.ConfigurationTarget.Global);
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });

  it('offers a timestamped name when the name is taken, and sends it under that name', async () => {
    server.failNext('CreateTrainingJob', { type: 'ResourceInUse', message: `Training job names must be unique within an AWS account and region, and a training job with this name already exists (arn:aws:sagemaker:us-east-1:123456789012:training-job/${JOB})` });
    prompter.reset({ warning: 'Send as' });
    const outcome = await launch('launch-training.sagemaker.jsonc');
    assert.strictEqual(outcome.result, 'created');
    const renamed = `${JOB}-20261123140509`;
    assert.strictEqual((outcome as { name: string }).name, renamed);
    const attempts = sent('CreateTrainingJob');
    assert.strictEqual(attempts.length, 2);
    assert.strictEqual((attempts[1].body as { TrainingJobName: string }).TrainingJobName, renamed);
    assert.match(vscode.window.activeTextEditor!.document.getText(), /"TrainingJobName": "launch-test-job"/, 'the file keeps its name');
  });

  it('cancels on a name conflict when the user says so', async () => {
    server.failNext('CreateTrainingJob', { type: 'ResourceInUse', message: 'already exists' });
    prompter.reset({ warning: 'Cancel' });
    const outcome = await launch('launch-training.sagemaker.jsonc');
    assert.strictEqual(outcome.result, 'cancelled');
    assert.strictEqual(sent('CreateTrainingJob').length, 1);
  });

  const failures: [string, { type: string; message: string; status?: number; times?: number }, RegExp][] = [
    ['AccessDenied', { type: 'AccessDeniedException', message: 'User: arn:aws:iam::123456789012:user/test is not authorized to perform: sagemaker:CreateTrainingJob', status: 400 }, /access denied for profile "default".*IAM policy/],
    ['ValidationException', { type: 'ValidationException', message: 'Value ml.m5.huge for InstanceType is not valid' }, /SageMaker rejected the request\. Value ml\.m5\.huge/],
    ['ResourceLimitExceeded', { type: 'ResourceLimitExceeded', message: 'The account-level service limit for ml.m5.xlarge is 0 Instances' }, /quota is reached in us-east-1/],
    ['throttling after retries', { type: 'ThrottlingException', message: 'Rate exceeded', times: 10 }, /throttled the requests even after retries/],
  ];
  for (const [name, error, expected] of failures) {
    it(`explains ${name}`, async () => {
      server.failNext('CreateTrainingJob', error);
      const outcome = await launch('launch-training.sagemaker.jsonc');
      assert.strictEqual(outcome.result, 'failed');
      assert.match(prompter.of('error').at(-1)!.message, expected);
      assert.ok(!api.launch.services.output.recent.join('\n').includes(TEST_CREDENTIALS.secretAccessKey), 'no secret in the output');
    });
  }

  it('offers a new name when a model of that name exists (SageMaker says ValidationException)', async () => {
    server.addModel('trainer-serving');
    prompter.reset({ warning: 'Send as' });
    const outcome = await launch('launch-model.sagemaker.json', 'sagemakerSpec.createModel');
    assert.strictEqual(outcome.result, 'created');
    assert.deepStrictEqual(sent('CreateModel').map((request) => (request.body as { ModelName: string }).ModelName), ['trainer-serving', 'trainer-serving-20261123140509']);
  });

  it('explains a request that times out', async () => {
    api.launch.services.access.requestTimeoutMs = 300;
    server.delay('CreateTrainingJob', 2000, 10);
    try {
      const outcome = await launch('launch-training.sagemaker.jsonc');
      assert.strictEqual(outcome.result, 'failed');
      assert.match(prompter.of('error')[0].message, /did not answer in time/);
    } finally {
      api.launch.services.access.requestTimeoutMs = 30_000;
      server.delay('CreateTrainingJob', 0);
    }
  });

  it('explains expired credentials with the SSO login hint', async () => {
    server.failNext('GetCallerIdentity', { type: 'ExpiredTokenException', message: 'The security token included in the request is expired', status: 400 });
    const outcome = await launch('launch-training.sagemaker.jsonc');
    assert.strictEqual(outcome.result, 'failed');
    assert.match(prompter.of('error')[0].message, /have expired.*aws sso login --profile default/);
    assert.strictEqual(sent('CreateTrainingJob').length, 0);
  });

  it('explains missing credentials and names the profile', async () => {
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    // Clients cache their credentials: start from fresh ones, as after a profile change.
    api.launch.services.access.aws.reset();
    try {
      const outcome = await launch('launch-training.sagemaker.jsonc');
      assert.strictEqual(outcome.result, 'failed');
      assert.match(prompter.of('error')[0].message, /no AWS credentials found for profile "default".*aws sso login --profile default/);
      assert.strictEqual(server.requests.length, 0, 'nothing was sent unsigned');
    } finally {
      process.env.AWS_ACCESS_KEY_ID = saved.id;
      process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
      api.launch.services.access.aws.reset();
    }
  });

  it('explains an unreachable endpoint', async () => {
    const config = vscode.workspace.getConfiguration('sagemakerSpec');
    await config.update('endpointUrl', 'http://127.0.0.1:9', vscode.ConfigurationTarget.Global);
    try {
      const outcome = await launch('launch-training.sagemaker.jsonc');
      assert.strictEqual(outcome.result, 'failed');
      assert.match(prompter.of('error')[0].message, /could not reach AWS in us-east-1/);
    } finally {
      await config.update('endpointUrl', server.endpoint, vscode.ConfigurationTarget.Global);
    }
  });

  it('offers Launch through a CodeLens above the spec', async () => {
    const { document } = await openFixture('launch-training.sagemaker.jsonc');
    const lenses = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      return found.length > 0 && found;
    }, { what: 'the launch CodeLens' });
    assert.strictEqual(lenses[0].command?.command, 'sagemakerSpec.launchTrainingJob');
    assert.match(lenses[0].command!.title, /Launch Training Job/);
  });

  it('shows profile and region in the status bar', async () => {
    await openFixture('launch-training.sagemaker.jsonc');
    await waitFor(() => api.launch.statusBarText() === '$(cloud) default · us-east-1', { what: 'the status bar item' });
  });

  it('changes the region from the status bar item, in the user settings', async () => {
    prompter.reset({ pick: (labels) => labels.find((label) => label.includes('Change region')) ?? labels.find((label) => label === 'eu-west-1') });
    const config = vscode.workspace.getConfiguration('sagemakerSpec');
    const before = config.inspect<string>('region')?.globalValue;
    try {
      await vscode.commands.executeCommand('sagemakerSpec.pickProfileOrRegion');
      assert.strictEqual(vscode.workspace.getConfiguration('sagemakerSpec').inspect<string>('region')?.globalValue, 'eu-west-1');
      assert.ok(prompter.of('pick')[1].actions.includes('us-east-1'), 'regions come from the catalog');
    } finally {
      await config.update('region', before, vscode.ConfigurationTarget.Global);
    }
  });

  it('stops a running training job picked from the list', async () => {
    server.scriptTrainingJob('running-job', [{ TrainingJobStatus: 'InProgress' }]);
    prompter.reset({ pick: 'running-job', confirm: true });
    const outcome = await vscode.commands.executeCommand<CleanupOutcome>('sagemakerSpec.stopTrainingJob');
    assert.deepStrictEqual(outcome, { result: 'done', name: 'running-job' });
    assert.deepStrictEqual(sent('StopTrainingJob').map((request) => request.body), [{ TrainingJobName: 'running-job' }]);
    assert.deepStrictEqual(prompter.of('confirm')[0].actions, ['Stop']);
  });

  it('deletes an endpoint picked from the list after a Delete confirmation', async () => {
    server.addEndpoint('old-endpoint', 'InService');
    prompter.reset({ pick: 'old-endpoint', confirm: true });
    const outcome = await vscode.commands.executeCommand<CleanupOutcome>('sagemakerSpec.deleteEndpoint');
    assert.deepStrictEqual(outcome, { result: 'done', name: 'old-endpoint' });
    assert.deepStrictEqual(sent('DeleteEndpoint').map((request) => request.body), [{ EndpointName: 'old-endpoint' }]);
    assert.deepStrictEqual(prompter.of('confirm')[0].actions, ['Delete']);
  });

  it('deletes nothing when the deletion is not confirmed', async () => {
    server.addEndpoint('kept-endpoint', 'InService');
    prompter.reset({ pick: 'kept-endpoint', confirm: false });
    const outcome = await vscode.commands.executeCommand<CleanupOutcome>('sagemakerSpec.deleteEndpoint');
    assert.strictEqual(outcome.result, 'cancelled');
    assert.strictEqual(sent('DeleteEndpoint').length, 0);
  });
});
