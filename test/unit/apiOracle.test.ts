/**
 * The AWS CLI as an independent oracle: whatever its client-side validation rejects ("Parameter
 * validation failed": required members, unknown keys, types, minimums) our diagnostics must report
 * as an error. Checked for every plain-JSON example and for generated variants of valid specs.
 *
 * The CLI here (AWS CLI 1.45, botocore 1.43.11) has an older model than ours (1.43.67), so variants
 * only touch members that both know: the CLI's own input skeleton says which it knows.
 *
 * Needs `aws` and `moto_server` on PATH (the CLI sends requests it accepts to moto). Where they are
 * missing this test fails and says what to install; SAGEMAKER_SPEC_SKIP_ORACLE=1 opts out.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Shape } from '../../src/core/apiModel/apiModel';
import { parseSpecDocument } from '../../src/core/specDocument';
import type { SpecKind } from '../../src/core/specKind';
import { CLI_COMMANDS } from '../server/awsCli';
import { startMoto, type MotoServer } from '../server/motoServer';
import { analyzeText, apiModel } from './specTestKit';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');
/** Parallel CLI runs: each is a Python process, CPU-bound for about half a second. */
const PARALLEL = Math.max(2, Math.min(4, os.cpus().length + 1));
const MIN_VARIANTS = 200;
/** The mutations give about 300 variants; all of them run (in batches, seconds in all). */
const VARIANTS_RUN = 400;


type Json = null | boolean | number | string | Json[] | { [name: string]: Json };
type JsonObject = { [name: string]: Json };
type Path = (string | number)[];

interface OracleCase {
  name: string;
  kind: SpecKind;
  text: string;
}

interface CliVerdict {
  rejected: boolean;
  output: string;
}

/** An environment where nothing of the machine's AWS set-up can interfere. */
function cliEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('AWS_')) env[name] = value;
  return {
    ...env,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_MAX_ATTEMPTS: '1',
    AWS_PAGER: '',
  };
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim() !== '';
}

function runCli(args: string[], timeoutMs = 60_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('aws', args, { env: cliEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`aws ${args.slice(0, 2).join(' ')} took over ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/**
 * Runs the AWS CLI's own entry point (awscli.clidriver, what the `aws` script calls) once per
 * argument list inside one Python process: the same validation, without paying the CLI's start-up
 * (about half a second of CPU) for every case.
 */
const BATCH_DRIVER = `
import contextlib, io, json, sys
from awscli.clidriver import create_clidriver
driver = create_clidriver()
results = []
for args in json.load(sys.stdin):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = driver.main(args)
        except SystemExit as exit:
            code = exit.code
    results.append({"code": code, "output": out.getvalue() + err.getvalue()})
sys.__stdout__.write(json.dumps(results))
`;

/** The Python interpreter of the `aws` on PATH (through a pyenv shim too), or undefined. */
function awsInterpreter(): string[] | undefined {
  const shebangOf = (file: string) => /^#!\s*(.+)$/.exec(fs.readFileSync(file, 'utf8').split('\n')[0])?.[1].trim().split(/\s+/);
  let script = spawnSync('sh', ['-c', 'command -v aws'], { encoding: 'utf8' }).stdout.trim();
  let interpreter = script ? shebangOf(script) : undefined;
  if (interpreter && !interpreter.join(' ').includes('python')) {
    script = spawnSync('pyenv', ['which', 'aws'], { encoding: 'utf8' }).stdout?.trim() ?? '';
    interpreter = script ? shebangOf(script) : undefined;
  }
  return interpreter?.join(' ').includes('python') ? interpreter : undefined;
}

function runBatch(interpreter: string[], jobs: string[][]): Promise<{ code: number | null; output: string }[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(interpreter[0], [...interpreter.slice(1), '-c', BATCH_DRIVER], { env: cliEnvironment(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(stdout) as { code: number | null; output: string }[]);
      } catch {
        reject(new Error(`the AWS CLI batch exited with ${code}: ${stderr.slice(-2000)}`));
      }
    });
    child.stdin.end(JSON.stringify(jobs));
  });
}

/** The CLI's verdict on every case: batched in PARALLEL Python processes, or one `aws` run each. */
async function cliVerdicts(cases: readonly OracleCase[], endpoint: string, dir: string): Promise<CliVerdict[]> {
  const jobs = cases.map((kase, index) => {
    const file = path.join(dir, `case-${index}.json`);
    fs.writeFileSync(file, kase.text);
    return ['sagemaker', CLI_COMMANDS[kase.kind], '--cli-input-json', `file://${file}`, '--endpoint-url', endpoint, '--output', 'json'];
  });
  const interpreter = awsInterpreter();
  let results: { code: number | null; output: string }[];
  if (interpreter) {
    const chunks = Array.from({ length: PARALLEL }, (_, chunk) => jobs.filter((_job, index) => index % PARALLEL === chunk));
    const answers = await Promise.all(chunks.map((chunk) => runBatch(interpreter, chunk)));
    results = jobs.map((_job, index) => answers[index % PARALLEL][Math.floor(index / PARALLEL)]);
  } else {
    results = await mapLimited(jobs, PARALLEL, (job) => runCli(job));
  }
  return results.map(({ code, output }) => ({ rejected: code !== 0 && output.includes('Parameter validation failed'), output }));
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of results. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// ---------------------------------------------------------------------------------------------
// Variants

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const IMAGE = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
const S3 = { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/train/', S3DataDistributionType: 'FullyReplicated' } };
const CHANNEL = { ChannelName: 'train', DataSource: S3, ContentType: 'text/csv', CompressionType: 'None', InputMode: 'File' };
const RESOURCES = { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 };
const STOPPING = { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 };

/** Valid specs rich enough to mutate, one per kind the variants are built from. */
const BASES: { kind: SpecKind; spec: JsonObject }[] = [
  {
    kind: 'CreateTrainingJob',
    spec: {
      TrainingJobName: 'oracle-training',
      HyperParameters: { objective: 'binary:logistic', num_round: '100' },
      AlgorithmSpecification: { TrainingImage: IMAGE, TrainingInputMode: 'File', MetricDefinitions: [{ Name: 'auc', Regex: 'auc:([0-9.]+)' }], EnableSageMakerMetricsTimeSeries: true },
      RoleArn: ROLE,
      InputDataConfig: [CHANNEL],
      OutputDataConfig: { S3OutputPath: 's3://bucket/output/', KmsKeyId: 'alias/key' },
      ResourceConfig: RESOURCES,
      VpcConfig: { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: ['subnet-0123456789abcdef0'] },
      StoppingCondition: STOPPING,
      Tags: [{ Key: 'team', Value: 'ml' }],
      EnableNetworkIsolation: false,
      EnableManagedSpotTraining: true,
      CheckpointConfig: { S3Uri: 's3://bucket/checkpoints/' },
      Environment: { MODE: 'fast' },
      RetryStrategy: { MaximumRetryAttempts: 2 },
    },
  },
  {
    kind: 'CreateModel',
    spec: {
      ModelName: 'oracle-model',
      PrimaryContainer: { Image: IMAGE, Mode: 'SingleModel', ModelDataUrl: 's3://bucket/model.tar.gz', Environment: { A: 'b' } },
      ExecutionRoleArn: ROLE,
      Tags: [{ Key: 'team', Value: 'ml' }],
      EnableNetworkIsolation: true,
    },
  },
  {
    kind: 'CreateEndpointConfig',
    spec: {
      EndpointConfigName: 'oracle-config',
      ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'oracle-model', InitialInstanceCount: 1, InstanceType: 'ml.m5.large', InitialVariantWeight: 1.0 }],
      DataCaptureConfig: { InitialSamplingPercentage: 50, DestinationS3Uri: 's3://bucket/capture/', CaptureOptions: [{ CaptureMode: 'Input' }] },
    },
  },
  {
    kind: 'CreateProcessingJob',
    spec: {
      ProcessingJobName: 'oracle-processing',
      ProcessingResources: { ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 30 } },
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      AppSpecification: { ImageUri: IMAGE, ContainerEntrypoint: ['python3', 'run.py'], ContainerArguments: ['--fast'] },
      Environment: { A: 'b' },
      RoleArn: ROLE,
    },
  },
  {
    kind: 'CreateTransformJob',
    spec: {
      TransformJobName: 'oracle-transform',
      ModelName: 'oracle-model',
      MaxConcurrentTransforms: 2,
      MaxPayloadInMB: 6,
      BatchStrategy: 'MultiRecord',
      TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/in/' } }, ContentType: 'text/csv', SplitType: 'Line' },
      TransformOutput: { S3OutputPath: 's3://bucket/out/', Accept: 'text/csv' },
      TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1 },
    },
  },
  {
    kind: 'CreateHyperParameterTuningJob',
    spec: {
      HyperParameterTuningJobName: 'oracle-tuning',
      HyperParameterTuningJobConfig: {
        Strategy: 'Bayesian',
        HyperParameterTuningJobObjective: { Type: 'Maximize', MetricName: 'validation:auc' },
        ResourceLimits: { MaxNumberOfTrainingJobs: 10, MaxParallelTrainingJobs: 2 },
        ParameterRanges: { ContinuousParameterRanges: [{ Name: 'eta', MinValue: '0.1', MaxValue: '0.5' }], IntegerParameterRanges: [{ Name: 'max_depth', MinValue: '3', MaxValue: '9' }] },
      },
      TrainingJobDefinition: {
        StaticHyperParameters: { objective: 'binary:logistic' },
        AlgorithmSpecification: { TrainingImage: IMAGE, TrainingInputMode: 'File' },
        RoleArn: ROLE,
        InputDataConfig: [CHANNEL],
        OutputDataConfig: { S3OutputPath: 's3://bucket/output/' },
        ResourceConfig: RESOURCES,
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      },
    },
  },
];

/** True when the CLI's input skeleton has the member at `at` (list items and map values by their one sample). */
function cliKnows(skeleton: Json, at: Path): boolean {
  let node: Json | undefined = skeleton;
  for (const segment of at) {
    if (Array.isArray(node)) node = node[0];
    else if (node && typeof node === 'object') node = typeof segment === 'string' && segment in node ? node[segment] : Object.keys(node).length === 1 && Object.keys(node)[0] === 'KeyName' ? node.KeyName : undefined;
    else return false;
    if (node === undefined) return false;
  }
  return true;
}

function clone<T extends Json>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The value at `at` (its parent and key), in a clone of `spec`. */
function edit(spec: JsonObject, at: Path, change: (parent: JsonObject | Json[], key: string | number) => void): JsonObject {
  const copy = clone(spec);
  let parent: Json = copy;
  for (const segment of at.slice(0, -1)) parent = (parent as JsonObject)[segment as string] ?? (parent as Json[])[segment as number];
  change(parent as JsonObject | Json[], at[at.length - 1]);
  return copy;
}

/** A value of another JSON type than the shape wants. */
function wrongTypeValue(shape: Shape): Json {
  switch (shape.type) {
    case 'string':
      return 12345;
    case 'integer':
    case 'long':
      return '1';
    case 'float':
    case 'double':
      return 'one';
    case 'boolean':
      return 'true';
    case 'list':
      return { item: 'x' };
    case 'structure':
    case 'map':
      return ['x'];
  }
}

/** A value just under the shape's minimum, when it has one that JSON can go under. */
function underMinimum(shape: Shape): Json | undefined {
  if (shape.min === undefined) return undefined;
  if (shape.type === 'string' && shape.min >= 1 && !shape.enum) return 'a'.repeat(shape.min - 1);
  if ((shape.type === 'integer' || shape.type === 'long') && Number.isFinite(shape.min)) return shape.min - 1;
  if ((shape.type === 'float' || shape.type === 'double') && Number.isFinite(shape.min)) return shape.min - 1;
  if (shape.type === 'list' && shape.min >= 1) return [];
  return undefined;
}

/** Mutations of `base`: a missing required member, a wrong type, a value under its minimum, an unknown key. */
function variantsOf(kind: SpecKind, base: JsonObject, skeleton: Json): OracleCase[] {
  const cases: OracleCase[] = [];
  const add = (what: string, spec: JsonObject) => cases.push({ name: `${kind} ${what}`, kind, text: JSON.stringify(spec, null, 2) });
  const visit = (value: Json, shape: Shape | undefined, at: Path) => {
    if (!shape || (at.length > 0 && !cliKnows(skeleton, at))) return;
    const where = at.join('.') || '(request)';
    if (at.length > 0) {
      add(`${where}: wrong type`, edit(base, at, (parent, key) => ((parent as JsonObject)[key as string] = wrongTypeValue(shape))));
      const under = underMinimum(shape);
      if (under !== undefined) add(`${where}: under its minimum`, edit(base, at, (parent, key) => ((parent as JsonObject)[key as string] = under)));
    }
    if (shape.type === 'structure' && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const name of shape.requiredList) {
        if (name in value && cliKnows(skeleton, [...at, name])) add(`${where}: without ${name}`, edit(base, [...at, name], (parent, key) => delete (parent as JsonObject)[key as string]));
      }
      const first = Object.keys(value)[0];
      if (first) add(`${where}: misspelt ${first}`, edit(base, [...at, first], (parent, key) => {
        const object = parent as JsonObject;
        object[`${key}x`] = object[key as string];
        delete object[key as string];
      }));
      for (const [name, member] of Object.entries(value)) visit(member, shape.members.get(name), [...at, name]);
    } else if (shape.type === 'list' && Array.isArray(value) && value.length > 0) {
      visit(value[0], shape.member, [...at, 0]);
    }
  };
  visit(base, apiModel.inputShape(kind), []);
  return cases;
}

/** `count` items spread evenly over `items` (every kind and kind of mutation stays represented). */
function evenSample<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, index) => items[Math.floor((index * items.length) / count)]);
}

// ---------------------------------------------------------------------------------------------

describe('AWS CLI oracle (client-side validation agrees with our errors)', function () {
  this.timeout(400_000);
  let moto: MotoServer | undefined;
  let workDir: string;

  before(async function () {
    if (process.env.SAGEMAKER_SPEC_SKIP_ORACLE === '1') {
      // Skipped only on request (a machine without botocore/moto for a quick local run); CI never sets it.
      console.log('    (skipped: SAGEMAKER_SPEC_SKIP_ORACLE=1)');
      this.skip();
    }
    const missing = ['aws', 'moto_server'].filter((command) => !onPath(command));
    if (missing.length > 0) {
      throw new Error(
        `The oracle test needs ${missing.join(' and ')} on PATH: install the AWS CLI v1 (pip install awscli) and moto (pip install 'moto[server]'), ` +
          'or set SAGEMAKER_SPEC_SKIP_ORACLE=1 to skip it knowingly.',
      );
    }
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-spec-oracle-'));
    moto = await startMoto();
  });

  after(async () => {
    await moto?.stop();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('every plain-JSON example and at least 200 variants: what the CLI rejects, we report as an error', async () => {
    const examples: OracleCase[] = fs
      .readdirSync(EXAMPLES)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .flatMap((file) => {
        const text = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
        const kind = parseSpecDocument(text).kind;
        return kind ? [{ name: `examples/${file}`, kind, text }] : [];
      });
    assert.ok(examples.length >= 5, 'examples found');

    const skeletons = new Map<SpecKind, Json>();
    for (const { kind } of BASES) {
      const { code, output } = await runCli(['sagemaker', CLI_COMMANDS[kind], '--generate-cli-skeleton', 'input']);
      assert.equal(code, 0, output);
      skeletons.set(kind, JSON.parse(output) as Json);
    }
    const variants = evenSample(BASES.flatMap(({ kind, spec }) => variantsOf(kind, spec, skeletons.get(kind)!)), VARIANTS_RUN);
    assert.ok(variants.length >= MIN_VARIANTS, `${variants.length} variants`);
    const bases = BASES.map(({ kind, spec }) => ({ name: `${kind} base`, kind, text: JSON.stringify(spec, null, 2) }));

    const cases = [...examples, ...bases, ...variants];
    const verdicts = await cliVerdicts(cases, moto!.endpoint, workDir);

    const disagreements: string[] = [];
    let rejected = 0;
    let extraErrors = 0;
    cases.forEach((kase, index) => {
      const errors = analyzeText(kase.text).filter((finding) => finding.severity === 'error');
      if (verdicts[index].rejected) {
        rejected++;
        if (errors.length === 0) disagreements.push(`${kase.name}: the CLI rejects it, we report no error\n${verdicts[index].output.trim()}`);
      } else if (errors.length > 0) {
        extraErrors++; // enums, patterns, maximums and newer members: beyond what the CLI checks
      }
    });
    console.log(`    ${cases.length} cases (${examples.length} examples, ${variants.length} variants): the CLI rejects ${rejected}; we flag ${extraErrors} more that it does not check`);
    assert.deepEqual(disagreements, []);
    for (const [index, kase] of [...examples, ...bases].entries()) {
      assert.equal(verdicts[index].rejected, false, `${kase.name} is valid for the CLI: ${verdicts[index].output}`);
    }
    assert.ok(rejected >= MIN_VARIANTS * 0.75, `only ${rejected} variants were rejected: the oracle would prove little`);
  });
});
