/**
 * SDK clients per region, profile and endpoint, with the SDK's own credential chain
 * (environment, shared config and credentials files, SSO, credential_process, instance metadata).
 * At most `MAX_CLIENT_SETS` sets are kept; callers check a region against the catalog before
 * asking for clients (see src/node/registry/ecrRegistrySource.ts), so a file cannot make them.
 */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ECRClient } from '@aws-sdk/client-ecr';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsTarget } from './api';
import { ClientCache } from './clientCache';
import { recordRequestOrigin } from './requestOrigin';

export interface AwsClients {
  sagemaker: SageMakerClient;
  sts: STSClient;
  logs: CloudWatchLogsClient;
  ecr: ECRClient;
}

/** Client sets kept at once: a user works in a few regions; more would only hold memory and sockets. */
export const MAX_CLIENT_SETS = 8;

/** Bounded waits: a dead network fails in seconds, a hung request in half a minute. */
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

interface ClientKey {
  region: string;
  profileSetting: string;
  endpointUrl: string;
  requestTimeout: number;
}

function createClients(key: string): AwsClients & { destroy(): void } {
  const { region, profileSetting, endpointUrl, requestTimeout } = JSON.parse(key) as ClientKey;
  const config = {
    region,
    // Without a profile setting the SDK applies AWS_PROFILE and environment credentials itself.
    credentials: fromNodeProviderChain(profileSetting ? { profile: profileSetting } : {}),
    // Unset, the SDK applies AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE> and profile endpoint_url itself.
    ...(endpointUrl ? { endpoint: endpointUrl } : {}),
    maxAttempts: 4,
    // throwOnRequestTimeout: without it the handler only logs a warning when a request hangs.
    requestHandler: { connectionTimeout: 5000, requestTimeout, throwOnRequestTimeout: true },
  };
  const clients = { sagemaker: new SageMakerClient(config), sts: new STSClient(config), logs: new CloudWatchLogsClient(config), ecr: new ECRClient(config) };
  for (const client of Object.values(clients)) recordRequestOrigin(client);
  return {
    ...clients,
    destroy() {
      clients.sagemaker.destroy();
      clients.sts.destroy();
      clients.logs.destroy();
      clients.ecr.destroy();
    },
  };
}

const cache = new ClientCache(MAX_CLIENT_SETS, createClients);

/** The client set for a target, made on first use (no network until a call is sent). */
export function clientsFor(target: AwsTarget): AwsClients {
  const key: ClientKey = {
    region: target.region,
    profileSetting: target.profileSetting ?? '',
    endpointUrl: target.endpointUrl ?? '',
    requestTimeout: target.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
  };
  return cache.get(JSON.stringify(key));
}

/** How many client sets were made since start-up and how many are kept now. */
export function clientStats(): { created: number; cached: number } {
  return { created: cache.created, cached: cache.size };
}

/** Forget clients (and their cached credentials), e.g. after the user switched profile. */
export function resetClients(): void {
  cache.clear();
}
