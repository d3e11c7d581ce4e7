/** Follows an endpoint until it is InService or Failed, with the same backoff as training jobs. */
import type { AwsTarget } from '../../aws/api';
import { describeAwsError } from '../../core/launch/awsErrors';
import { followStoppedStatusText } from '../../core/launch/followStopped';
import { pollDelayMs } from '../../core/launch/trainingJobProgress';
import type { LaunchServices } from './services';
import type { FollowedStatus, FollowResult } from './trainingJobFollower';

const FINAL_ENDPOINT_STATUSES = new Set(['InService', 'Failed', 'OutOfService']);
const MAX_CONSECUTIVE_FAILURES = 5;

/**
 * Polls DescribeEndpoint until a final status, writing each change to the output and to
 * `onStatus`; `stopped()` true ends it at the next poll (the endpoint itself is not affected).
 */
export async function followEndpoint(
  services: LaunchServices,
  target: AwsTarget,
  name: string,
  onStatus: (status: FollowedStatus) => void = () => undefined,
  stopped: () => boolean = () => false,
): Promise<FollowResult> {
  let previous: string | undefined;
  let failures = 0;
  for (let attempt = 0; !stopped(); attempt++) {
    try {
      const { status, failureReason } = await services.access.aws.describeEndpoint(target, name);
      failures = 0;
      if (status !== previous) services.output.line(`Endpoint ${name}: ${status ?? 'Unknown'}${failureReason ? ` — ${failureReason}` : ''}`);
      previous = status;
      const final = status !== undefined && FINAL_ENDPOINT_STATUSES.has(status);
      onStatus({ text: status ?? 'Unknown', state: !final ? 'running' : status === 'InService' ? 'succeeded' : 'failed' });
      if (final) return { status, failureReason };
    } catch (error) {
      failures++;
      const described = describeAwsError(error as Error, { action: `Checking endpoint "${name}"`, profile: target.profile, region: target.region });
      services.output.line(described.message);
      if (failures >= MAX_CONSECUTIVE_FAILURES) {
        services.output.line(`Stopped following endpoint "${name}" after ${failures} failed checks; the endpoint itself is not affected.`);
        onStatus({ text: followStoppedStatusText(previous), state: 'unfollowed', primary: previous });
        return { status: previous, stopped: { checks: failures, reason: described.reason } };
      }
    }
    await new Promise((resolve) => setTimeout(resolve, pollDelayMs(attempt, services.polling.initialMs, services.polling.maximumMs)));
  }
  return { status: previous };
}
