/**
 * Follows a training job to its end: polls DescribeTrainingJob with backoff, writes status and
 * secondary-status transitions and the job's CloudWatch log lines to the output channel, and
 * reports each status to its status-bar item (see followedJobs.ts).
 */
import type { AwsTarget } from '../../aws/api';
import { describeAwsError } from '../../core/launch/awsErrors';
import { followStoppedStatusText, type StoppedFollowing } from '../../core/launch/followStopped';
import { isFinished, pollDelayMs, progressLines, type TrainingJobSnapshot } from '../../core/launch/trainingJobProgress';
import type { LaunchServices } from './services';

/** After this many failed polls in a row, following stops (the job itself carries on). */
const MAX_CONSECUTIVE_FAILURES = 5;

export interface FollowResult {
  /** The final status, or the last one seen when following stopped before the end. */
  status: string | undefined;
  failureReason?: string;
  /** A training job's secondary status last seen (`Training`). */
  secondaryStatus?: string;
  /** Set when following gave up after failed checks: the status above is only the last one seen. */
  stopped?: StoppedFollowing;
}

/** One status of a followed job or endpoint, for its status-bar item. */
export interface FollowedStatus {
  /** `Training`, `InService`, … */
  text: string;
  /** `unfollowed`: following gave up; the job's state is no longer known. */
  state: 'running' | 'succeeded' | 'failed' | 'unfollowed';
  /** The primary status, when `text` is a secondary one (`InProgress` while `Training`). */
  primary?: string;
}

export class TrainingJobFollower {
  private readonly logTokens = new Map<string, string | undefined>();
  private stopped = false;

  constructor(
    private readonly services: LaunchServices,
    private readonly target: AwsTarget,
    readonly jobName: string,
    private readonly onStatus: (status: FollowedStatus) => void,
  ) {}

  async follow(): Promise<FollowResult> {
    const { output } = this.services;
    output.line(`Following training job "${this.jobName}" in ${this.target.region}.`);
    let previous: TrainingJobSnapshot | undefined;
    let failures = 0;
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        const current = await this.services.access.aws.describeTrainingJob(this.target, this.jobName);
        failures = 0;
        for (const line of progressLines(previous, current)) output.line(`${this.jobName}: ${line}`);
        this.showStatus(current);
        await this.copyLogs();
        previous = current;
        if (isFinished(current)) {
          await this.copyLogs();
          return { status: current.TrainingJobStatus, failureReason: current.FailureReason };
        }
      } catch (error) {
        failures++;
        const described = describeAwsError(error as Error, { action: `Checking "${this.jobName}"`, profile: this.target.profile, region: this.target.region });
        output.line(described.message);
        if (failures >= MAX_CONSECUTIVE_FAILURES) {
          output.line(`Stopped following "${this.jobName}" after ${failures} failed checks; the job itself is not affected.`);
          const status = previous?.TrainingJobStatus;
          this.onStatus({ text: followStoppedStatusText(previous?.SecondaryStatus ?? status), state: 'unfollowed', primary: status });
          return { status, secondaryStatus: previous?.SecondaryStatus, stopped: { checks: failures, reason: described.reason } };
        }
      }
      await this.wait(pollDelayMs(attempt, this.services.polling.initialMs, this.services.polling.maximumMs));
    }
    return { status: previous?.TrainingJobStatus, secondaryStatus: previous?.SecondaryStatus };
  }

  /** Streams new lines of every log stream of the job (`<job>/algo-1-…`). */
  private async copyLogs(): Promise<void> {
    const { aws } = this.services.access;
    try {
      for (const stream of await aws.trainingLogStreams(this.target, this.jobName)) {
        for (let page = 0; page < 20; page++) {
          const token = this.logTokens.get(stream);
          const { events, nextToken } = await aws.trainingLogEvents(this.target, stream, token);
          for (const event of events) this.services.output.line(`${stream.slice(this.jobName.length + 1)} | ${event.message.trimEnd()}`);
          this.logTokens.set(stream, nextToken);
          if (events.length === 0 || nextToken === token) break;
        }
      }
    } catch (error) {
      // Logs are a convenience: a missing log group (no logs yet) must not stop following.
      const name = (error as Error).name;
      if (name !== 'ResourceNotFoundException') this.services.output.line(`Could not read the logs of "${this.jobName}": ${(error as Error).message}`);
    }
  }

  private showStatus(snapshot: TrainingJobSnapshot): void {
    const status = snapshot.TrainingJobStatus;
    const state = !isFinished(snapshot) ? 'running' : status === 'Completed' ? 'succeeded' : 'failed';
    this.onStatus({ text: snapshot.SecondaryStatus ?? status ?? 'Unknown', state, primary: status });
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** Stops at the next poll; the job itself carries on. */
  dispose(): void {
    this.stopped = true;
  }
}
