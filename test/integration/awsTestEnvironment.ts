// Points the extension at a local endpoint with test credentials, isolated from the machine's
// own AWS config (and never reaching the instance metadata service).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';

export const TEST_CREDENTIALS = { accessKeyId: 'AKIDTESTSAGEMAKERSPEC', secretAccessKey: 'test-secret-key-do-not-log' };

const VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_EC2_METADATA_DISABLED'];

/** Sets the environment and `sagemakerSpec.endpointUrl`; returns a function that restores both. */
export async function useTestAwsEnvironment(endpoint: string): Promise<() => Promise<void>> {
  const saved = new Map(VARIABLES.map((name) => [name, process.env[name]]));
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-spec-aws-'));
  fs.writeFileSync(path.join(folder, 'config'), '[default]\nregion = us-east-1\n');
  fs.writeFileSync(path.join(folder, 'credentials'), '');
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_CONFIG_FILE: path.join(folder, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(folder, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  for (const name of ['AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION']) delete process.env[name];
  const config = vscode.workspace.getConfiguration('sagemakerSpec');
  await config.update('endpointUrl', endpoint, vscode.ConfigurationTarget.Global);
  return async () => {
    await config.update('endpointUrl', undefined, vscode.ConfigurationTarget.Global);
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    fs.rmSync(folder, { recursive: true, force: true });
  };
}
