/**
 * SDK clients per region, profile and endpoint, with the SDK's own credential chain
 * (environment, shared config and credentials files, SSO, credential_process, instance metadata).
 */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ECRClient } from '@aws-sdk/client-ecr';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsTarget } from './api';

export interface AwsClients {
  sagemaker: SageMakerClient;
  sts: STSClient;
  logs: CloudWatchLogsClient;
  ecr: ECRClient;
}

const cache = new Map<string, AwsClients>();

/** Bounded waits: a dead network fails in seconds, a hung request in half a minute. */
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export function clientsFor(target: AwsTarget): AwsClients {
  const requestTimeout = target.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const key = JSON.stringify([target.region, target.profileSetting ?? '', target.endpointUrl ?? '', requestTimeout]);
  let clients = cache.get(key);
  if (!clients) {
    const config = {
      region: target.region,
      // Without a profile setting the SDK applies AWS_PROFILE and environment credentials itself.
      credentials: fromNodeProviderChain(target.profileSetting ? { profile: target.profileSetting } : {}),
      // Unset, the SDK applies AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE> and profile endpoint_url itself.
      ...(target.endpointUrl ? { endpoint: target.endpointUrl } : {}),
      maxAttempts: 4,
      // throwOnRequestTimeout: without it the handler only logs a warning when a request hangs.
      requestHandler: { connectionTimeout: 5000, requestTimeout, throwOnRequestTimeout: true },
    };
    clients = { sagemaker: new SageMakerClient(config), sts: new STSClient(config), logs: new CloudWatchLogsClient(config), ecr: new ECRClient(config) };
    cache.set(key, clients);
  }
  return clients;
}

/** Forget clients (and their cached credentials), e.g. after the user switched profile. */
export function resetClients(): void {
  for (const clients of cache.values()) {
    clients.sagemaker.destroy();
    clients.sts.destroy();
    clients.logs.destroy();
    clients.ecr.destroy();
  }
  cache.clear();
}
