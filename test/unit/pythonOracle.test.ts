// The executable oracle of the Python host: each script in test/fixtures/python/oracle runs under
// the real boto3 against the project's SageMaker test server, and the request bodies boto3 sends
// must equal the request trees the Python host built for the same calls, member by member,
// skipping exactly what the tree marks dynamic (computed at run time).
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readPythonDocument } from '../../src/core/hostDocument';
import { SageMakerTestServer, type RecordedRequest } from '../server/sageMakerTestServer';
import { compareTree, type Comparison } from './requestBodyOracle';

const CREDENTIALS = { accessKeyId: 'AKIDPYTHONORACLE0001', secretAccessKey: 'python-oracle-secret/not+real' };
const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'python');

/** An environment with nothing of the machine's AWS setup: fake credentials, one region, the test server as endpoint. */
function botoEnvironment(endpoint: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('AWS_') && !name.startsWith('BOTO')) env[name] = value;
  return {
    ...env,
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
    // botocore's service-specific endpoint variable: the scripts stay as users write them.
    AWS_ENDPOINT_URL_SAGEMAKER: endpoint,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_MAX_ATTEMPTS: '1',
    PYTHONDONTWRITEBYTECODE: '1',
  };
}

function runScript(file: string, endpoint: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [file], { env: botoEnvironment(endpoint), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/**
 * What each script (under test/fixtures/python) must compare and skip: proof that the comparison
 * covered the calls, and skipped exactly the dynamic members.
 */
const EXPECTED: Record<string, { operations: string[]; minimumCompared: number; skipped: string[] }> = {
  'private_registry_training.py': { operations: ['CreateTrainingJob'], minimumCompared: 18, skipped: [] },
  'private_registry_inference.py': { operations: ['CreateModel', 'CreateEndpointConfig', 'CreateEndpoint'], minimumCompared: 14, skipped: [] },
  'oracle/training_literals.py': { operations: ['CreateTrainingJob'], minimumCompared: 20, skipped: ['CreateTrainingJob.Tags[1]'] },
  'oracle/comments.py': { operations: ['CreateEndpointConfig'], minimumCompared: 7, skipped: [] },
  'oracle/hosting.py': { operations: ['CreateModel', 'CreateEndpointConfig', 'CreateEndpoint'], minimumCompared: 15, skipped: [] },
  'oracle/jobs.py': { operations: ['CreateProcessingJob', 'CreateTransformJob', 'CreateHyperParameterTuningJob'], minimumCompared: 40, skipped: [] },
  'oracle/dynamic_values.py': {
    operations: ['CreateTrainingJob'],
    minimumCompared: 4, // S3OutputPath, InstanceType, VolumeSizeInGB, MaxRuntimeInSeconds (60 * 60, computed as boto3 sends it)
    skipped: [
      'CreateTrainingJob.TrainingJobName',
      'CreateTrainingJob.RoleArn',
      'CreateTrainingJob.AlgorithmSpecification.TrainingImage',
      'CreateTrainingJob.AlgorithmSpecification.TrainingInputMode',
      'CreateTrainingJob.ResourceConfig.InstanceCount',
      'CreateTrainingJob.HyperParameters',
      'CreateTrainingJob.*EnableNetworkIsolation',
      'CreateTrainingJob.*EnableInterContainerTrafficEncryption',
    ],
  },
};

describe('boto3 oracle: the bodies boto3 sends equal the Python host’s request trees', function () {
  this.timeout(120_000);
  let server: SageMakerTestServer | undefined;

  before(async function () {
    if (process.env.SAGEMAKER_SPEC_SKIP_ORACLE === '1') {
      // Skipped only on request (a machine without botocore/moto for a quick local run); CI never sets it.
      console.log('    (skipped: SAGEMAKER_SPEC_SKIP_ORACLE=1)');
      this.skip();
    }
    const probe = spawnSync('python3', ['-c', 'import boto3'], { encoding: 'utf8' });
    if (probe.status !== 0) {
      throw new Error('The boto3 oracle needs python3 with boto3 (pip install boto3), or SAGEMAKER_SPEC_SKIP_ORACLE=1 to skip it knowingly.');
    }
    server = await SageMakerTestServer.start(CREDENTIALS);
  });

  after(async () => {
    await server?.stop();
  });

  it('has an expectation for every script, and a script for every expectation', () => {
    const scripts = fs.readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.py'));
    assert.deepEqual(scripts.sort(), Object.keys(EXPECTED).sort());
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(file, async () => {
      server!.reset();
      const script = path.join(FIXTURES, file);
      const run = await runScript(script, server!.endpoint);
      assert.equal(run.code, 0, `python3 ${file} failed:\n${run.output}`);

      // The Create calls are what we model; a script may describe what it made afterwards.
      const sent: RecordedRequest[] = server!.requests.filter((request) => request.service === 'sagemaker' && request.operation.startsWith('Create'));
      assert.deepEqual(sent.map((request) => request.operation), expected.operations, 'the calls boto3 made');
      for (const request of sent) assert.equal(request.signatureValid, true, `${request.operation} was signed with the fake credentials`);

      const requests = readPythonDocument(fs.readFileSync(script, 'utf8')).requests.filter((request) => request.root);
      assert.deepEqual(requests.map((request) => request.kind), expected.operations, 'the calls the Python host found, in the same order');

      const seen: Comparison = { compared: 0, skipped: [] };
      requests.forEach((request, index) => compareTree(request.root!, sent[index].body, request.kind!, seen));
      assert.deepEqual(seen.skipped, expected.skipped, 'skipped exactly the dynamic members');
      assert.ok(seen.compared >= expected.minimumCompared, `compared ${seen.compared} values, expected at least ${expected.minimumCompared}`);
    });
  }
});
