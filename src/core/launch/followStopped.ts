/**
 * What the user is told when following a job or endpoint gave up: checks (DescribeTrainingJob,
 * DescribeEndpoint) failed several times in a row — expired credentials, an endpoint gone — so its
 * state is no longer known. The job itself carries on: the message says why following stopped
 * and the state last seen, never a state it did not see.
 */

/** Following that gave up, as the followers report it. */
export interface StoppedFollowing {
  /** Failed checks in a row. */
  checks: number;
  /** Why the last check failed and what to do (`DescribedError.reason` of src/core/launch/awsErrors.ts). */
  reason: string;
}

export interface FollowStoppedInput {
  kind: 'training-job' | 'endpoint';
  name: string;
  stopped: StoppedFollowing;
  /** The status of the last successful check (`InProgress`, `Creating`); undefined when none succeeded. */
  lastStatus?: string;
  /** A training job's secondary status then (`Training`). */
  lastSecondary?: string;
}

const NOUNS: Record<FollowStoppedInput['kind'], string> = { 'training-job': 'training job', endpoint: 'endpoint' };

/**
 * `Stopped following training job "j" after 5 failed checks: the credentials of profile "default"
 * have expired. Refresh them, … It was InProgress (Training) when last checked and may still be
 * running.`
 */
export function followStoppedMessage(input: FollowStoppedInput): string {
  const { kind, name, stopped, lastStatus, lastSecondary } = input;
  const reason = stopped.reason.trim().replace(/([^.!?])$/, '$1.');
  const checks = `${stopped.checks} failed check${stopped.checks === 1 ? '' : 's'}`;
  const still = kind === 'training-job' ? 'running' : 'changing';
  const last = lastStatus
    ? `It was ${lastStatus}${lastSecondary && lastSecondary !== lastStatus ? ` (${lastSecondary})` : ''} when last checked and may still be ${still}.`
    : `Its status was never read; it may be ${still}.`;
  return `Stopped following ${NOUNS[kind]} "${name}" after ${checks}: ${reason} ${last}`;
}

/** The status-bar text of an item whose following stopped: `following stopped (was Training)`. */
export function followStoppedStatusText(lastText: string | undefined): string {
  return lastText ? `following stopped (was ${lastText})` : 'following stopped';
}
