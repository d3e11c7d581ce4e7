// The executable oracle of the YAML host: each `*.sagemaker.yaml` in test/fixtures/yaml-cli is
// sent by the real AWS CLI v2 (`aws sagemaker create-training-job --cli-input-yaml file://…`, the
// command the file is written for) to the project's SageMaker test server, and the JSON body the
// CLI sent must equal the request tree the YAML host yields for the same file, member by member:
// AWS CLI input has one reader, so nothing in it is dynamic for being read differently by YAML 1.1
// and 1.2 readers — the tree holds the CLI's own reading. And where the CLI's parameter validation
// refuses a value (`yes` for a boolean, a date, an empty value), the host reports invalid-type on
// exactly those members, and its fixes write what the CLI accepts.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readYamlDocument } from '../../src/core/hostDocument';
import { runAwsCli } from '../server/awsCli';
import { SageMakerTestServer } from '../server/sageMakerTestServer';
import { compareTree, type Comparison } from './requestBodyOracle';
import { analyzeYaml, applyHostFix } from './yamlTestKit';

/** Debian's `awscli` package (AWS CLI v2): the pyenv `aws` on PATH is v1, which has no `--cli-input-yaml`. */
const AWS_CLI_V2 = '/usr/bin/aws';
const CREDENTIALS = { accessKeyId: 'AKIDCLIYAMLPARITY001', secretAccessKey: 'cli-yaml-parity-secret/not+real' };
const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'yaml-cli');

/**
 * Per fixture: how many scalars must be compared, and the dynamic members skipped with what the
 * CLI sent for each (none: the tree holds the CLI's reading of every plain scalar).
 */
const EXPECTED: Record<string, { minimumCompared: number; cliReadings: Record<string, unknown> }> = {
  'anchors-and-merge-keys.sagemaker.yaml': { minimumCompared: 23, cliReadings: {} },
  'block-scalars.sagemaker.yaml': { minimumCompared: 21, cliReadings: {} },
  'many-members.sagemaker.yaml': { minimumCompared: 45, cliReadings: {} },
  // `0b1` is 1, `012` 12 (decimal, as in 1.2), `3_600` 3600, `0o16040` 7200; `yes`, `on` and `1:30` are strings.
  'yaml-versions.sagemaker.yaml': { minimumCompared: 25, cliReadings: {} },
  'aws-cli-readings.sagemaker.yaml': { minimumCompared: 25, cliReadings: {} },
  // Flow collections whose lines are indented at or left of their keys: the CLI reads them whole.
  'flow-indentation.sagemaker.yaml': { minimumCompared: 14, cliReadings: {} },
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

  it('refuses a stream of several documents, even an empty second one, as the host reports (invalid-yaml on the second `---`); one document with `---` and `...` markers passes', async () => {
    const single = fs.readFileSync(path.join(FIXTURES, 'many-members.sagemaker.yaml'), 'utf8');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-yaml-parity-'));
    const send = async (text: string) => {
      server!.reset();
      fs.writeFileSync(path.join(dir, 'stream.sagemaker.yaml'), text);
      const run = await runAwsCli(['sagemaker', 'create-training-job', '--cli-input-yaml', `file://${path.join(dir, 'stream.sagemaker.yaml')}`], { endpoint: server!.endpoint, credentials: CREDENTIALS, executable: AWS_CLI_V2 });
      const sent = server!.requests.filter((request) => request.operation === 'CreateTrainingJob').length;
      const reported = analyzeYaml(text, { forced: true, region: 'us-east-1' }).map((finding) => [finding.code, finding.offset, text.slice(finding.offset, finding.offset + finding.length)]);
      return { exitCode: run.exitCode, stderr: run.stderr, sent, reported };
    };
    try {
      for (const stream of [`${single}---\n${single}`, `${single}---\n`, `---\n${single}---\n# only a comment\n`]) {
        const second = stream.indexOf('---', stream.startsWith('---') ? 3 : 0);
        assert.deepEqual(await send(stream), { exitCode: 252, stderr: "\nError parsing parameter 'cli-input-yaml': Invalid YAML received.\n", sent: 0, reported: [['invalid-yaml', second, '---']] }, stream);
      }
      for (const one of [`---\n${single}`, `%YAML 1.2\n---\n${single}...\n`]) assert.deepEqual(await send(one), { exitCode: 0, stderr: '', sent: 1, reported: [] }, one);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file with a key written twice, at the top or nested, as the host says (duplicate-key on the second, naming the refusal; found by a fresh user)', async () => {
    const single = fs.readFileSync(path.join(FIXTURES, 'many-members.sagemaker.yaml'), 'utf8');
    const role = /^RoleArn: .*$/m.exec(single)![0];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-yaml-parity-'));
    try {
      for (const [text, key] of [[single.replace(role, `${role}\n${role}`), 'RoleArn'], [single.replace(/^(\s+)InstanceCount: (.*)$/m, '$1InstanceCount: $2\n$1InstanceCount: $2'), 'InstanceCount']]) {
        assert.notEqual(text, single);
        server!.reset();
        fs.writeFileSync(path.join(dir, 'twice.sagemaker.yaml'), text);
        const run = await runAwsCli(['sagemaker', 'create-training-job', '--cli-input-yaml', `file://${path.join(dir, 'twice.sagemaker.yaml')}`], { endpoint: server!.endpoint, credentials: CREDENTIALS, executable: AWS_CLI_V2 });
        const reported = analyzeYaml(text, { forced: true, region: 'us-east-1' }).map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length), finding.offset > text.indexOf(key), finding.message]);
        assert.deepEqual(
          { exitCode: run.exitCode, stderr: run.stderr, sent: server!.requests.length, reported },
          { exitCode: 252, stderr: "\nError parsing parameter 'cli-input-yaml': Invalid YAML received.\n", sent: 0, reported: [['duplicate-key', key, true, `"${key}" appears more than once in this mapping; the AWS CLI refuses the whole file ("Invalid YAML received") and sends nothing.`]] },
          key,
        );
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file with a tagged value (`!Sub` copied from a template, `!Env`), as the host reports (invalid-type on each, not a placeholder sent as written)', async () => {
    const single = fs.readFileSync(path.join(FIXTURES, 'many-members.sagemaker.yaml'), 'utf8');
    const role = /^RoleArn: .*$/m.exec(single)![0];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-yaml-parity-'));
    try {
      for (const written of ['!Sub arn:aws:iam::${AWS::AccountId}:role/SageMakerRole', '!Env ROLE_ARN', '!Ref Role']) {
        const text = single.replace(role, `RoleArn: ${written}`);
        server!.reset();
        fs.writeFileSync(path.join(dir, 'tagged.sagemaker.yaml'), text);
        const run = await runAwsCli(['sagemaker', 'create-training-job', '--cli-input-yaml', `file://${path.join(dir, 'tagged.sagemaker.yaml')}`], { endpoint: server!.endpoint, credentials: CREDENTIALS, executable: AWS_CLI_V2 });
        const reported = analyzeYaml(text, { forced: true, region: 'us-east-1' }).map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length)]);
        assert.deepEqual(
          { exitCode: run.exitCode, stderr: run.stderr, sent: server!.requests.length, reported },
          { exitCode: 252, stderr: "\nError parsing parameter 'cli-input-yaml': Invalid YAML received.\n", sent: 0, reported: [['invalid-type', written]] },
          written,
        );
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

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

  it('refuses exactly the members the host reports in the CLI’s own reading (`yes`, `off`, a date, `012` as a string, `1e3`, an empty value), and accepts what the fixes write', async () => {
    const base = fs.readFileSync(path.join(FIXTURES, 'yaml-versions.sagemaker.yaml'), 'utf8');
    const text = base
      .replace('EnableNetworkIsolation: True', 'EnableNetworkIsolation: yes')
      .replace('EnableManagedSpotTraining: TRUE', 'EnableManagedSpotTraining: off')
      .replace('  TrainingInputMode: File', '  TrainingInputMode:')
      .replace('InstanceCount: 0b1', 'InstanceCount: 1e0')
      .replace('VolumeSizeInGB: 012', 'VolumeSizeInGB: 1:30')
      .replace('    Value: yes', '    Value: 2024-01-31')
      .replace('    Value: on', '    Value: 012');
    const refusedBy = async (yaml: string): Promise<string[]> => {
      server!.reset();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-yaml-parity-'));
      try {
        fs.writeFileSync(path.join(dir, 'spec.sagemaker.yaml'), yaml);
        const run = await runAwsCli(['sagemaker', 'create-training-job', '--cli-input-yaml', `file://${path.join(dir, 'spec.sagemaker.yaml')}`], { endpoint: server!.endpoint, credentials: CREDENTIALS, executable: AWS_CLI_V2 });
        if (run.exitCode === 0) return [];
        assert.equal(run.exitCode, 252, run.stderr);
        assert.equal(server!.requests.length, 0, 'nothing sent');
        return [...run.stderr.matchAll(/^Invalid type for parameter (\S+), value: ([^,]*), type: <class '([\w.]+)'>/gm)].map((match) => `${match[1]}=${match[2]}:${match[3]}`).sort();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    };
    const reported = (yaml: string) => analyzeYaml(yaml, { forced: true, region: 'us-east-1' }).map((finding) => [finding.code, yaml.slice(finding.offset, finding.offset + finding.length)]);

    assert.deepEqual(await refusedBy(text), [
      'AlgorithmSpecification.TrainingInputMode=None:NoneType',
      'EnableManagedSpotTraining=off:str',
      'EnableNetworkIsolation=yes:str',
      'ResourceConfig.InstanceCount=1.0:float',
      'ResourceConfig.VolumeSizeInGB=1:30:str',
      'Tags[0].Value=2024-01-31:datetime.date',
      'Tags[1].Value=12:int',
    ]);
    assert.deepEqual(reported(text).sort(), [
      ['invalid-type', '012'],
      ['invalid-type', '1:30'],
      ['invalid-type', '1e0'],
      ['invalid-type', '2024-01-31'],
      ['invalid-type', 'TrainingInputMode'],
      ['invalid-type', 'off'],
      ['invalid-type', 'yes'],
    ]);

    // Every preferred fix applied: the CLI refuses only what had none (nothing to tell what was meant).
    let fixed = text;
    for (let finding = analyzeYaml(fixed, { forced: true }).find((candidate) => candidate.fixes.some((fix) => fix.preferred)); finding; finding = analyzeYaml(fixed, { forced: true }).find((candidate) => candidate.fixes.some((fix) => fix.preferred))) {
      fixed = applyHostFix(fixed, finding);
    }
    assert.deepEqual(await refusedBy(fixed), ['AlgorithmSpecification.TrainingInputMode=None:NoneType', 'ResourceConfig.VolumeSizeInGB=1:30:str']);
    // `off` is now false: a spot wait without spot training, which SageMaker (not the CLI, nor the test server) refuses.
    assert.deepEqual(reported(fixed).sort(), [['invalid-type', '1:30'], ['invalid-type', 'TrainingInputMode'], ['spot-training-wait', 'MaxWaitTimeInSeconds']]);

    const completed = fixed.replace('  TrainingInputMode:', '  TrainingInputMode: File').replace('VolumeSizeInGB: 1:30', 'VolumeSizeInGB: 90').replace(/\n *MaxWaitTimeInSeconds: .*/, '');
    assert.deepEqual(await refusedBy(completed), []);
    const body = server!.requests.find((request) => request.operation === 'CreateTrainingJob')!.body as Record<string, unknown>;
    assert.deepEqual([body.EnableNetworkIsolation, body.EnableManagedSpotTraining, (body.ResourceConfig as Record<string, unknown>).InstanceCount, body.Tags], [
      true,
      false,
      1,
      [
        { Key: 'plain-yes', Value: '2024-01-31' },
        { Key: 'plain-on', Value: '012' },
        { Key: 'time', Value: '1:30' },
        { Key: 'quoted-number', Value: '0x1F' },
      ],
    ]);
    assert.deepEqual(reported(completed), []);
  });
});
