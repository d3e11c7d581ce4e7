/**
 * Where AWS calls go (region, profile, endpoint) and the lazily loaded AWS implementation.
 * `dist/aws.js` holds the SDK; it is required on the first command that needs it.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AwsApi, AwsTarget } from '../aws/api';
import { regionForSpec } from '../core/analyze';
import { resolveSageMakerEndpoint, withSdkAwsEndpoint, type EffectiveEndpoint } from '../core/launch/serviceEndpoint';
import { resolveRegion } from '../core/region';
import type { SpecDocument } from '../core/specDocument';
import { SECTION } from './settings';
import type { SpecAnalysis } from './specAnalysis';

export class AwsAccess {
  private api: (AwsApi & { reset(): void }) | undefined;
  /** Per-request time limit; tests shorten it. */
  requestTimeoutMs = 30_000;

  constructor(private readonly extensionPath: string, private readonly analysis: SpecAnalysis) {}

  /** Loads the SDK bundle once. */
  get aws(): AwsApi & { reset(): void } {
    if (!this.api) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      this.api = (require(path.join(this.extensionPath, 'dist', 'aws.js')) as { awsApi: AwsApi & { reset(): void } }).awsApi;
    }
    return this.api;
  }

  get loaded(): boolean {
    return this.api !== undefined;
  }

  /** For a spec: the same region resolution as completion and diagnostics. */
  targetForSpec(document: vscode.TextDocument, spec: SpecDocument): AwsTarget {
    const inputs = this.analysis.regionInputs(document.uri);
    const resolved = regionForSpec(spec, inputs);
    return { region: resolved.region, profile: resolved.profile, profileSetting: inputs.profileSetting, endpointUrl: endpointUrl(), requestTimeoutMs: this.requestTimeoutMs };
  }

  /**
   * Where SageMaker requests for `target` go, and what set it (the setting, an AWS_ENDPOINT_URL
   * variable, the AWS config file, or AWS itself), resolved as the SDK resolves it.
   */
  endpointFor(target: AwsTarget): EffectiveEndpoint {
    const { awsConfigText } = this.analysis.regionInputs();
    return resolveSageMakerEndpoint({ setting: target.endpointUrl, env: process.env, awsConfigText, region: target.region });
  }

  /**
   * `endpointFor`, with AWS's own endpoint as the SDK resolves it (FIPS, dual-stack), for what a
   * command shows before and while it sends. Loads the SDK bundle; sends nothing.
   */
  async sendingEndpointFor(target: AwsTarget): Promise<EffectiveEndpoint> {
    const endpoint = this.endpointFor(target);
    if (endpoint.source !== 'aws') return endpoint;
    try {
      return withSdkAwsEndpoint(endpoint, await this.aws.sageMakerAwsEndpoint(target));
    } catch {
      // A region the rule set refuses fails the send itself, with its own message.
      return endpoint;
    }
  }

  /** Without a spec (list, stop, delete): setting, environment, profile, then us-east-1. */
  defaultTarget(): AwsTarget {
    const inputs = this.analysis.regionInputs(vscode.window.activeTextEditor?.document.uri);
    const resolved = resolveRegion(inputs);
    return { region: resolved.region, profile: resolved.profile, profileSetting: inputs.profileSetting, endpointUrl: endpointUrl(), requestTimeoutMs: this.requestTimeoutMs };
  }
}

/** Machine-scoped, so no workspace can redirect requests and credentials. */
function endpointUrl(): string | undefined {
  const value = vscode.workspace.getConfiguration(SECTION).get<string>('endpointUrl');
  return value && value.trim() !== '' ? value.trim() : undefined;
}
