/**
 * The AWS operations the extension uses, as plain types. This file imports no SDK code: the
 * editor layer depends on it, and loads the implementation (`dist/aws.js`) only when a command
 * needs AWS, so activation never pays for the SDK.
 */
import type { SpecKind } from '../core/specKind';
import type { TrainingJobSnapshot } from '../core/launch/trainingJobProgress';
import type { RemoteTag } from '../core/registry/registryTypes';

export interface AwsTarget {
  region: string;
  /** The profile in use, for messages: the setting, else AWS_PROFILE, else `default`. */
  profile: string;
  /**
   * `sagemakerSpec.profile` when set. Only then is a profile forced on the SDK: its chain skips
   * environment credentials whenever a profile is named.
   */
  profileSetting?: string;
  /** `sagemakerSpec.endpointUrl`: one endpoint for every service (a local emulator). */
  endpointUrl?: string;
  /** How long one HTTP request may take before it fails (default 30 s). */
  requestTimeoutMs?: number;
}

/** The SDK's own regional endpoint, and the options it was resolved with. */
export interface ResolvedAwsEndpoint {
  /** `https://api-fips.sagemaker.us-east-1.amazonaws.com` (no trailing slash). */
  url: string;
  fips: boolean;
  dualStack: boolean;
}

export interface ResourceSummary {
  name: string;
  status?: string;
  creationTime?: Date;
}

export interface LogEvent {
  timestamp?: number;
  message: string;
}

export interface AwsApi {
  /** The account of the credentials in use (STS GetCallerIdentity). */
  callerAccount(target: AwsTarget): Promise<string | undefined>;
  /**
   * The regional AWS endpoint SageMaker requests for `target` go to when none is configured, as
   * the SDK's client resolves it: with FIPS (`AWS_USE_FIPS_ENDPOINT`, a profile's
   * `use_fips_endpoint`) and dual-stack (`AWS_USE_DUALSTACK_ENDPOINT`, `use_dualstack_endpoint`)
   * applied. Sends nothing.
   */
  sageMakerAwsEndpoint(target: AwsTarget): Promise<ResolvedAwsEndpoint>;
  /** Sends the Create call of a spec kind; returns the new resource's ARN. */
  sendCreate(target: AwsTarget, kind: SpecKind, body: Record<string, unknown>): Promise<string | undefined>;
  describeTrainingJob(target: AwsTarget, name: string): Promise<TrainingJobSnapshot>;
  stopTrainingJob(target: AwsTarget, name: string): Promise<void>;
  listTrainingJobs(target: AwsTarget): Promise<ResourceSummary[]>;
  describeEndpoint(target: AwsTarget, name: string): Promise<{ status?: string; failureReason?: string }>;
  listEndpoints(target: AwsTarget): Promise<ResourceSummary[]>;
  listEndpointConfigs(target: AwsTarget): Promise<ResourceSummary[]>;
  listModels(target: AwsTarget): Promise<ResourceSummary[]>;
  deleteEndpoint(target: AwsTarget, name: string): Promise<void>;
  deleteEndpointConfig(target: AwsTarget, name: string): Promise<void>;
  deleteModel(target: AwsTarget, name: string): Promise<void>;
  /** Log stream names of a training job (`/aws/sagemaker/TrainingJobs`, prefixed with the job name). */
  trainingLogStreams(target: AwsTarget, jobName: string): Promise<string[]>;
  /** Events of one stream after `nextToken` (from the start when absent). */
  trainingLogEvents(target: AwsTarget, stream: string, nextToken?: string): Promise<{ events: LogEvent[]; nextToken?: string }>;
  /*
   * The user's own ECR registries. The caller builds the target from the image host
   * `<account>.dkr.ecr.<region>.<suffix>`: registryId is the account, target.region the host's region.
   * Failures are `RegistryError`s (core/registry/registryTypes); `signal` aborts with kind 'cancelled'.
   * dist/aws.js bundles its own copy of that class: across the bundle boundary test
   * `error.name === 'RegistryError'` and read `kind`, not `instanceof`.
   */
  /** Repository names of the registry (DescribeRepositories, every page), sorted. */
  ecrRepositories(target: AwsTarget, registryId: string, signal?: AbortSignal): Promise<string[]>;
  /** One entry per tag (DescribeImages, every page) with digest, push date and size; newest pushed first; untagged images left out. */
  ecrImages(target: AwsTarget, registryId: string, repository: string, signal?: AbortSignal): Promise<RemoteTag[]>;
  /** The digest a tag points at (BatchGetImage), or undefined when the repository has no such tag. */
  ecrDigest(target: AwsTarget, registryId: string, repository: string, tag: string, signal?: AbortSignal): Promise<string | undefined>;
}
