/**
 * Following a training job: which lines a new DescribeTrainingJob answer adds to the output, when
 * the job is finished, and how long to wait before asking again.
 */

export interface StatusTransition {
  Status?: string;
  StatusMessage?: string;
  StartTime?: Date | string | number;
}

export interface TrainingJobSnapshot {
  TrainingJobName?: string;
  TrainingJobStatus?: string;
  SecondaryStatus?: string;
  FailureReason?: string;
  SecondaryStatusTransitions?: StatusTransition[];
  BillableTimeInSeconds?: number;
}

export const TERMINAL_TRAINING_STATUSES = new Set(['Completed', 'Failed', 'Stopped']);

export function isFinished(snapshot: TrainingJobSnapshot): boolean {
  return TERMINAL_TRAINING_STATUSES.has(snapshot.TrainingJobStatus ?? '');
}

/** Lines describing what changed since `previous` (all of `current` for the first answer). */
export function progressLines(previous: TrainingJobSnapshot | undefined, current: TrainingJobSnapshot): string[] {
  const lines: string[] = [];
  const seen = previous?.SecondaryStatusTransitions?.length ?? 0;
  const transitions = current.SecondaryStatusTransitions ?? [];
  for (const transition of transitions.slice(seen)) {
    lines.push(`${transition.Status ?? '?'}${transition.StatusMessage ? `: ${transition.StatusMessage}` : ''}`);
  }
  const statusChanged = previous?.TrainingJobStatus !== current.TrainingJobStatus;
  const secondaryChanged = previous?.SecondaryStatus !== current.SecondaryStatus;
  if (transitions.length === seen && secondaryChanged && current.SecondaryStatus) lines.push(`${current.SecondaryStatus}`);
  if (statusChanged && current.TrainingJobStatus) {
    const reason = current.TrainingJobStatus === 'Failed' && current.FailureReason ? ` — ${current.FailureReason}` : '';
    lines.push(`Status: ${current.TrainingJobStatus}${reason}`);
  }
  return lines;
}

/** Backoff between polls: 2 s, growing by half each time, at most 30 s. */
export function pollDelayMs(attempt: number, initialMs = 2000, maximumMs = 30_000): number {
  return Math.min(maximumMs, Math.round(initialMs * 1.5 ** Math.max(0, attempt)));
}
