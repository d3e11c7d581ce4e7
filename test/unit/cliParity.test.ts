// Parity with the real AWS CLI: for each plain-JSON example spec, the request body the extension
// sends equals (as JSON) the one `aws sagemaker create-… --cli-input-json file://…` sends for the
// same file. Both go to the test server, which records them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { sendCreate } from '../../src/aws/sendCreate';
import { parseSpecDocument } from '../../src/core/specDocument';
import type { SpecKind } from '../../src/core/specKind';
import { awsCliVersion, CLI_COMMANDS, inBatches, runAwsCli, type CliResult } from '../server/awsCli';
import { SageMakerTestServer, type RecordedRequest } from '../server/sageMakerTestServer';

const CREDENTIALS = { accessKeyId: 'AKIDCLIPARITY0000001', secretAccessKey: 'cli-parity-secret' };
const REGION = 'us-east-1';
const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');

/** The extension's way of sending a spec: the one place to change when that changes. */
async function sendWithExtension(kind: SpecKind, body: Record<string, unknown>, endpoint: string, credentials: typeof CREDENTIALS): Promise<void> {
  const client = new SageMakerClient({ endpoint, region: REGION, credentials, maxAttempts: 1 });
  try {
    await sendCreate(client, kind, body);
  } finally {
    client.destroy();
  }
}


interface Sent {
  file: string;
  kind: SpecKind;
  cli: CliResult;
  cliRequest?: RecordedRequest;
  extensionRequest?: RecordedRequest;
}

/** Each file against a server of its own, so the same name can be created by both and calls can run side by side. */
async function sendBoth(file: string, kind: SpecKind): Promise<Sent> {
  const server = await SageMakerTestServer.start(CREDENTIALS);
  try {
    const cli = await runAwsCli(['sagemaker', CLI_COMMANDS[kind], '--cli-input-json', `file://${path.join(EXAMPLES, file)}`], {
      endpoint: server.endpoint,
      credentials: CREDENTIALS,
    });
    const cliRequest = server.requestsFor(kind)[0];
    server.reset();
    const body = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')) as Record<string, unknown>;
    await sendWithExtension(kind, body, server.endpoint, CREDENTIALS);
    return { file, kind, cli, cliRequest, extensionRequest: server.requestsFor(kind)[0] };
  } finally {
    await server.stop();
  }
}

describe('parity with the AWS CLI (request bodies of the example specs)', function () {
  this.timeout(60_000);

  const files = fs
    .readdirSync(EXAMPLES)
    .filter((file) => file.endsWith('.sagemaker.json'))
    .sort()
    .map((file) => ({ file, kind: parseSpecDocument(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')).kind }))
    .filter((entry): entry is { file: string; kind: SpecKind } => entry.kind !== undefined);
  const results = new Map<string, Sent>();

  before(async function () {
    // The parity check needs the real AWS CLI: a machine without it fails here, saying so.
    if (!(await awsCliVersion())) throw new Error('The AWS CLI (`aws`) is not on PATH: install it (pip install awscli); this test compares its request bodies with ours.');
    // About a second of Python start-up per CLI call: two at a time.
    const sent = await inBatches(
      files.map(({ file, kind }) => () => sendBoth(file, kind)),
      2,
    );
    for (const result of sent) results.set(result.file, result);
  });

  it('covers every kind the launch commands send from the examples', () => {
    const kinds = new Set(files.map(({ kind }) => kind));
    for (const kind of ['CreateTrainingJob', 'CreateModel', 'CreateEndpointConfig', 'CreateEndpoint'] as const) assert.ok(kinds.has(kind), kind);
  });

  for (const { file, kind } of files) {
    it(`${file} (${kind}): the same body as \`aws sagemaker ${CLI_COMMANDS[kind]}\``, () => {
      const result = results.get(file);
      assert.ok(result, 'sent');
      assert.equal(result.cli.exitCode, 0, `aws sagemaker ${CLI_COMMANDS[kind]} failed: ${result.cli.stderr}`);
      assert.ok(result.cliRequest, 'the CLI request was recorded');
      assert.ok(result.extensionRequest, 'the extension request was recorded');
      assert.equal(result.cliRequest.signatureValid, true, 'botocore signature verified');
      assert.equal(result.extensionRequest.signatureValid, true, 'SDK signature verified');
      assert.equal(result.extensionRequest.headers['x-amz-target'], result.cliRequest.headers['x-amz-target']);
      assert.deepStrictEqual(result.extensionRequest.body, result.cliRequest.body);
    });
  }
});
