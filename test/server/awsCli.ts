/**
 * Runs the real AWS CLI (`aws` on PATH: AWS CLI 1.45 / botocore 1.43 on the project's machines)
 * against a local endpoint with test credentials, isolated from the machine's AWS config.
 * Asynchronous on purpose: the test server answers from the same process.
 */
import { execFile } from 'node:child_process';
import type { SpecKind } from '../../src/core/specKind';

export interface CliCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Environment variables of the machine that would change what the CLI sends or where. */
const INHERITED_AWS = /^AWS_/;

export function awsCliEnvironment(credentials: CliCredentials, region = 'us-east-1'): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !INHERITED_AWS.test(name)));
  return {
    ...env,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    ...(credentials.sessionToken !== undefined ? { AWS_SESSION_TOKEN: credentials.sessionToken } : {}),
    AWS_DEFAULT_REGION: region,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  };
}

/** `executable`: the CLI to run (default `aws` on PATH; `/usr/bin/aws` is Debian's AWS CLI v2). */
export function runAwsCli(args: string[], options: { endpoint: string; credentials: CliCredentials; region?: string; timeoutMs?: number; executable?: string }): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(
      options.executable ?? 'aws',
      [...args, '--endpoint-url', options.endpoint, '--output', 'json'],
      { env: awsCliEnvironment(options.credentials, options.region), timeout: options.timeoutMs ?? 30_000, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(error);
          return;
        }
        resolve({ exitCode: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
  });
}

let available: Promise<string | undefined> | undefined;

/** The CLI's version line, or undefined when `aws` is not on PATH. */
export function awsCliVersion(): Promise<string | undefined> {
  available ??= new Promise((resolve) => {
    execFile('aws', ['--version'], { timeout: 30_000, encoding: 'utf8' }, (error, stdout, stderr) => resolve(error ? undefined : `${stdout}${stderr}`.trim()));
  });
  return available;
}

/** Runs `tasks` with at most `limit` at a time, keeping their order in the results. */
export async function inBatches<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** The AWS CLI command that sends each spec kind (`aws sagemaker <command> --cli-input-json …`). */
export const CLI_COMMANDS: Record<SpecKind, string> = {
  CreateTrainingJob: 'create-training-job',
  CreateModel: 'create-model',
  CreateEndpointConfig: 'create-endpoint-config',
  CreateEndpoint: 'create-endpoint',
  CreateProcessingJob: 'create-processing-job',
  CreateTransformJob: 'create-transform-job',
  CreateHyperParameterTuningJob: 'create-hyper-parameter-tuning-job',
};
