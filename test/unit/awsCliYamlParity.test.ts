// The executable oracle of the YAML host: each `*.sagemaker.yaml` in test/fixtures/yaml-cli is
// sent by the real AWS CLI v2 (`aws sagemaker create-training-job --cli-input-yaml file://…`, the
// command the file is written for) to the project's SageMaker test server, and the JSON body the
// CLI sent must equal the request tree the YAML host yields for the same file, member by member,
// skipping exactly what the tree marks dynamic — the plain scalars YAML 1.1 and 1.2 readers read
// differently, whose CLI reading is recorded here as well.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readYamlDocument } from '../../src/core/hostDocument';
import { runAwsCli } from '../server/awsCli';
import { SageMakerTestServer } from '../server/sageMakerTestServer';
import { compareTree, type Comparison } from './requestBodyOracle';
import { analyzeYaml } from './yamlTestKit';

/** Debian's `awscli` package (AWS CLI v2): the pyenv `aws` on PATH is v1, which has no `--cli-input-yaml`. */
const AWS_CLI_V2 = '/usr/bin/aws';
const CREDENTIALS = { accessKeyId: 'AKIDCLIYAMLPARITY001', secretAccessKey: 'cli-yaml-parity-secret/not+real' };
const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'yaml-cli');

/**
 * Per fixture: how many scalars must be compared, the dynamic members skipped, and what the
 * CLI sent for each of them (its own YAML reading: ruamel.yaml, 1.2 with 1.1's `0b…` and `1_000`).
 */
const EXPECTED: Record<string, { minimumCompared: number; cliReadings: Record<string, unknown> }> = {
  'anchors-and-merge-keys.sagemaker.yaml': { minimumCompared: 23, cliReadings: {} },
  'block-scalars.sagemaker.yaml': { minimumCompared: 21, cliReadings: {} },
  'many-members.sagemaker.yaml': { minimumCompared: 45, cliReadings: {} },
  'yaml-versions.sagemaker.yaml': {
    minimumCompared: 18,
    cliReadings: {
      'CreateTrainingJob.ResourceConfig.InstanceCount': 1, // `0b1`: YAML 1.1's binary (a string in 1.2)
      'CreateTrainingJob.ResourceConfig.VolumeSizeInGB': 12, // `012`: 1.2's decimal (octal 10 in 1.1)
      'CreateTrainingJob.StoppingCondition.MaxRuntimeInSeconds': 3600, // `3_600`: 1.1's separator (a string in 1.2)
      'CreateTrainingJob.StoppingCondition.MaxWaitTimeInSeconds': 7200, // `0o16040`: 1.2's octal (a string in 1.1)
      'CreateTrainingJob.Tags[0].Value': 'yes', // 1.2's string (true in 1.1)
      'CreateTrainingJob.Tags[1].Value': 'on', // 1.2's string (true in 1.1)
      'CreateTrainingJob.Tags[2].Value': '1:30', // 1.2's string (sexagesimal 90 in 1.1)
    },
  },
};

/** The AWS CLI v2's version line, or undefined when /usr/bin/aws is missing or not v2. */
function awsCliV2Version(): string | undefined {
  const run = spawnSync(AWS_CLI_V2, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  const version = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim();
  return run.status === 0 && version.startsWith('aws-cli/2.') ? version : undefined;
}

/** The value at a comparison path such as `CreateTrainingJob.Tags[1].Value` of `body`. */
function valueAt(body: unknown, at: string): unknown {
  return at.split('.').slice(1).flatMap((part) => part.split(/[[\]]/).filter(Boolean)).reduce<unknown>((value, key) => (value as Record<string, unknown>)?.[key], body);
}

describe('AWS CLI v2 parity: the bodies `--cli-input-yaml` sends equal the YAML host’s request trees', function () {
  this.timeout(120_000);
  let server: SageMakerTestServer | undefined;

  before(async function () {
    const version = awsCliV2Version();
    if (!version) {
      // CI installs Debian's awscli in .ci/run, so there a missing CLI is a failure, never a skip.
      if (process.env.CI === 'true') throw new Error(`The AWS CLI v2 parity test needs ${AWS_CLI_V2} (Debian's awscli, v2): .ci/run installs it.`);
      // Skipped on a machine without Debian's AWS CLI v2 (apt-get install -y awscli): the `aws` on PATH may be v1, which has no --cli-input-yaml.
      console.log(`    (skipped: no AWS CLI v2 at ${AWS_CLI_V2}; apt-get install -y awscli)`);
      this.skip();
    }
    server = await SageMakerTestServer.start(CREDENTIALS);
  });

  after(async () => {
    await server?.stop();
  });

  it('has an expectation for every fixture, and a fixture for every expectation', () => {
    assert.deepEqual(fs.readdirSync(FIXTURES).filter((file) => file.endsWith('.sagemaker.yaml')).sort(), Object.keys(EXPECTED).sort());
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(file, async () => {
      server!.reset();
      const spec = path.join(FIXTURES, file);
      const run = await runAwsCli(['sagemaker', 'create-training-job', '--cli-input-yaml', `file://${spec}`], { endpoint: server!.endpoint, credentials: CREDENTIALS, executable: AWS_CLI_V2 });
      assert.equal(run.exitCode, 0, `aws sagemaker create-training-job --cli-input-yaml file://${file} failed:\n${run.stderr}`);
      const sent = server!.requests.filter((request) => request.operation === 'CreateTrainingJob');
      assert.equal(sent.length, 1, 'the CLI sent one CreateTrainingJob');
      assert.equal(sent[0].signatureValid, true, 'signed with the fake credentials');

      const requests = readYamlDocument(fs.readFileSync(spec, 'utf8'), true).requests;
      assert.deepEqual(requests.map((request) => request.kind), ['CreateTrainingJob'], 'the request the YAML host found');

      const seen: Comparison = { compared: 0, skipped: [] };
      compareTree(requests[0].root!, sent[0].body, 'CreateTrainingJob', seen, 'the AWS CLI');
      assert.deepEqual(Object.fromEntries(seen.skipped.map((at) => [at, valueAt(sent[0].body, at)])), expected.cliReadings, 'skipped exactly the dynamic members, which the CLI read as recorded');
      assert.ok(seen.compared >= expected.minimumCompared, `compared ${seen.compared} values, expected at least ${expected.minimumCompared}`);
      // The CLI's parameter validation accepted every member: the host reports no type or value problem either.
      assert.deepEqual(analyzeYaml(fs.readFileSync(spec, 'utf8'), { forced: true, region: 'us-east-1' }).map((finding) => finding.code), []);
    });
  }

  it('rejects, as the host reports, a type problem every YAML reader agrees on (a quoted boolean and number)', async () => {
    server!.reset();
    const text = fs.readFileSync(path.join(FIXTURES, 'many-members.sagemaker.yaml'), 'utf8').replace('VolumeSizeInGB: 100', 'VolumeSizeInGB: "100"').replace('EnableSageMakerMetricsTimeSeries: false', 'EnableSageMakerMetricsTimeSeries: "false"');
    const spec = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-yaml-parity-')), 'quoted.sagemaker.yaml');
    fs.writeFileSync(spec, text);
    try {
      const run = await runAwsCli(['sagemaker', 'create-training-job', '--cli-input-yaml', `file://${spec}`], { endpoint: server!.endpoint, credentials: CREDENTIALS, executable: AWS_CLI_V2 });
      assert.equal(run.exitCode, 252, run.stderr);
      assert.match(run.stderr, /Invalid type for parameter ResourceConfig\.VolumeSizeInGB, value: 100, type: <class 'str'>/);
      assert.match(run.stderr, /Invalid type for parameter AlgorithmSpecification\.EnableSageMakerMetricsTimeSeries, value: false, type: <class 'str'>/);
      assert.deepEqual(server!.requests.filter((request) => request.operation === 'CreateTrainingJob'), [], 'nothing sent');
      const findings = analyzeYaml(text, { forced: true, region: 'us-east-1' });
      assert.deepEqual(findings.map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length)]), [
        ['invalid-type', 'false'],
        ['invalid-type', '100'],
      ]);
    } finally {
      fs.rmSync(path.dirname(spec), { recursive: true, force: true });
    }
  });
});
