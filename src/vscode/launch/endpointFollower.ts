/** Follows an endpoint until it is InService or Failed, with the same backoff as training jobs. */
import type { AwsTarget } from '../../aws/api';
import { describeAwsError } from '../../core/launch/awsErrors';
import { pollDelayMs } from '../../core/launch/trainingJobProgress';
import type { LaunchServices } from './services';

const FINAL_ENDPOINT_STATUSES = new Set(['InService', 'Failed', 'OutOfService']);
const MAX_CONSECUTIVE_FAILURES = 5;

export async function followEndpoint(services: LaunchServices, target: AwsTarget, name: string): Promise<{ status?: string; failureReason?: string }> {
  let previous: string | undefined;
  let failures = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      const { status, failureReason } = await services.access.aws.describeEndpoint(target, name);
      failures = 0;
      if (status !== previous) services.output.line(`Endpoint ${name}: ${status ?? 'Unknown'}${failureReason ? ` — ${failureReason}` : ''}`);
      previous = status;
      if (status && FINAL_ENDPOINT_STATUSES.has(status)) return { status, failureReason };
    } catch (error) {
      failures++;
      services.output.line(describeAwsError(error as Error, { action: `Checking endpoint "${name}"`, profile: target.profile, region: target.region }).message);
      if (failures >= MAX_CONSECUTIVE_FAILURES) return { status: previous };
    }
    await new Promise((resolve) => setTimeout(resolve, pollDelayMs(attempt, services.polling.initialMs, services.polling.maximumMs)));
  }
}
