/**
 * Training jobs whose DescribeTrainingJob answers follow a script: each Describe answers the next
 * step (merged over what the job was created with), and the last step repeats. The server keeps
 * the secondary-status transitions, start, end and modification times as SageMaker does.
 * StopTrainingJob turns an InProgress job into Stopping, then Stopped.
 */
import type { DescribeTrainingJobResponse, SecondaryStatus, SecondaryStatusTransition } from '@aws-sdk/client-sagemaker';
import { ServiceError } from './awsErrors';
import { listPage, type ListRequest } from './listing';

/**
 * One DescribeTrainingJob answer. Transitions may leave out their times: the server fills them in
 * from when it first answered each status.
 */
export type TrainingJobStep = Omit<Partial<DescribeTrainingJobResponse>, 'SecondaryStatusTransitions'> & {
  SecondaryStatusTransitions?: Partial<SecondaryStatusTransition>[];
};

/** What a job does when nobody scripted it: starting, then completed. */
export const DEFAULT_TRAINING_STEPS: readonly TrainingJobStep[] = [
  { TrainingJobStatus: 'InProgress', SecondaryStatus: 'Starting' },
  { TrainingJobStatus: 'Completed', SecondaryStatus: 'Completed' },
];

const STOP_STEPS: readonly TrainingJobStep[] = [
  { TrainingJobStatus: 'Stopping', SecondaryStatus: 'Stopping' },
  { TrainingJobStatus: 'Stopped', SecondaryStatus: 'Stopped' },
];

/** The StatusMessage SageMaker writes for each secondary status. */
const STATUS_MESSAGES: Record<string, string> = {
  Starting: 'Starting the training job',
  Pending: 'Preparing the instances for training',
  LaunchingMLInstances: 'Launching requested ML instances',
  PreparingTrainingStack: 'Preparing the instances for training',
  DownloadingTrainingImage: 'Downloading the training image',
  Downloading: 'Downloading input data',
  Training: 'Training image download completed. Training in progress.',
  Uploading: 'Uploading generated training model',
  Completed: 'Training job completed',
  Failed: 'Training job failed',
  Stopping: 'Stopping the training job',
  Stopped: 'Training job stopped',
  MaxRuntimeExceeded: 'Training job stopped because the maximum runtime was exceeded',
  Interrupted: 'Training job interrupted',
};

const BEFORE_TRAINING = new Set(['Starting', 'Pending', 'LaunchingMLInstances', 'PreparingTrainingStack']);
const TERMINAL = new Set(['Completed', 'Failed', 'Stopped']);
/** CreateTrainingJob members that DescribeTrainingJob does not echo. */
const NOT_ECHOED = new Set(['TrainingJobName', 'Tags', 'SessionChainingConfig']);

interface TrainingJob {
  name: string;
  /** False for a job that exists only because a test scripted it: its CreateTrainingJob is still welcome. */
  created: boolean;
  arn: string;
  request: Record<string, unknown>;
  creationTime: Date;
  lastModifiedTime: Date;
  trainingStartTime?: Date;
  trainingEndTime?: Date;
  steps: TrainingJobStep[];
  /** How many Describe answers the current script has given. */
  cursor: number;
  /** The state the last answer (or creation, or stop) left: status, secondary status and any scripted members. */
  current: TrainingJobStep;
  transitions: SecondaryStatusTransition[];
}

export class TrainingJobs {
  /** By lower-case name: SageMaker names are case-insensitive. */
  private readonly jobs = new Map<string, TrainingJob>();

  /** Scripts a job; a job that does not exist yet exists from now on (listed, described, stoppable). */
  script(name: string, steps: TrainingJobStep[], arn: string, now = new Date()): void {
    if (steps.length === 0) throw new Error('scriptTrainingJob needs at least one step');
    const job = this.jobs.get(name.toLowerCase());
    if (job) {
      job.steps = [...steps];
      job.cursor = 0;
    } else {
      this.add(name, arn, {}, [...steps], false, now);
    }
  }

  create(name: string, arn: string, request: Record<string, unknown>, now = new Date()): void {
    const existing = this.jobs.get(name.toLowerCase());
    if (existing?.created) {
      throw new ServiceError(
        'ResourceInUse',
        `Training job names must be unique within an AWS account and region, and a training job with this name already exists (${existing.arn})`,
      );
    }
    // A scripted job is created afresh, following its script from the first step.
    this.add(name, arn, request, existing ? existing.steps : [...DEFAULT_TRAINING_STEPS], true, now);
  }

  private add(name: string, arn: string, request: Record<string, unknown>, steps: TrainingJobStep[], created: boolean, now: Date): void {
    const job: TrainingJob = { name, created, arn, request, creationTime: now, lastModifiedTime: now, steps, cursor: 0, current: {}, transitions: [] };
    this.apply(job, steps[0], now);
    this.jobs.set(name.toLowerCase(), job);
  }

  has(name: string): boolean {
    return this.jobs.has(name.toLowerCase());
  }

  describe(name: string, now = new Date()): TrainingJobStep {
    const job = this.get(name);
    const step = job.steps[Math.min(job.cursor, job.steps.length - 1)];
    job.cursor += 1;
    this.apply(job, step, now);
    return this.view(job);
  }

  /** The current state without advancing the script. */
  peek(name: string): TrainingJobStep {
    return this.view(this.get(name));
  }

  stop(name: string, now = new Date()): void {
    const job = this.get(name);
    const status = job.current.TrainingJobStatus;
    if (status !== 'InProgress') throw new ServiceError('ValidationException', `The request was rejected because the training job is in status ${status}.`);
    job.steps = [...STOP_STEPS];
    job.cursor = 0;
    this.apply(job, STOP_STEPS[0], now);
  }

  list(request: ListRequest & { StatusEquals?: unknown }): { TrainingJobSummaries: unknown[]; NextToken?: string } {
    const all = [...this.jobs.values()].map((job) => ({ name: job.name, creationTime: job.creationTime, status: job.current.TrainingJobStatus, job }));
    // The brief for this server: newest first unless the request says otherwise.
    const page = listPage(all, request, { sortOrder: 'Descending' });
    return {
      TrainingJobSummaries: page.items.map(({ job }) => ({
        TrainingJobName: job.name,
        TrainingJobArn: job.arn,
        CreationTime: job.creationTime,
        TrainingEndTime: job.trainingEndTime,
        LastModifiedTime: job.lastModifiedTime,
        TrainingJobStatus: job.current.TrainingJobStatus,
        SecondaryStatus: job.current.SecondaryStatus,
      })),
      NextToken: page.nextToken,
    };
  }

  clear(): void {
    this.jobs.clear();
  }

  private get(name: string): TrainingJob {
    const job = this.jobs.get(name.toLowerCase());
    // What SageMaker answers for a training job that does not exist.
    if (!job) throw new ServiceError('ValidationException', 'Requested resource not found.');
    return job;
  }

  private apply(job: TrainingJob, step: TrainingJobStep, now: Date): void {
    const status = step.TrainingJobStatus ?? job.current.TrainingJobStatus ?? 'InProgress';
    // A step that names only a new status gets the matching secondary status (Completed → Completed).
    const statusChanged = step.TrainingJobStatus !== undefined && step.TrainingJobStatus !== job.current.TrainingJobStatus;
    const secondary: SecondaryStatus =
      step.SecondaryStatus ??
      (statusChanged || !job.current.SecondaryStatus
        ? status === 'InProgress'
          ? (job.current.SecondaryStatus ?? 'Starting')
          : (status as SecondaryStatus)
        : job.current.SecondaryStatus);
    if (status !== job.current.TrainingJobStatus || secondary !== job.current.SecondaryStatus) job.lastModifiedTime = now;

    const last = job.transitions[job.transitions.length - 1];
    if (last?.Status !== secondary) {
      if (last && !last.EndTime) last.EndTime = now;
      job.transitions.push({ Status: secondary, StartTime: now, StatusMessage: STATUS_MESSAGES[secondary] ?? secondary });
    }
    if (!job.trainingStartTime && !BEFORE_TRAINING.has(secondary) && status !== 'Failed') job.trainingStartTime = now;
    if (TERMINAL.has(status)) {
      job.trainingEndTime ??= now;
      const final = job.transitions[job.transitions.length - 1];
      final.EndTime ??= now;
    }
    job.current = { ...job.current, ...step, TrainingJobStatus: status, SecondaryStatus: secondary };
  }

  private view(job: TrainingJob): TrainingJobStep {
    const echoed = Object.fromEntries(Object.entries(job.request).filter(([member]) => !NOT_ECHOED.has(member)));
    const output = job.request.OutputDataConfig as { S3OutputPath?: unknown } | undefined;
    const outputPath = typeof output?.S3OutputPath === 'string' ? output.S3OutputPath.replace(/\/+$/, '') : 's3://sagemaker-output';
    const seconds =
      job.trainingStartTime && job.trainingEndTime ? Math.max(1, Math.round((job.trainingEndTime.getTime() - job.trainingStartTime.getTime()) / 1000)) : undefined;
    const { SecondaryStatusTransitions: scripted, ...current } = job.current;
    return {
      TrainingJobName: job.name,
      TrainingJobArn: job.arn,
      ModelArtifacts: { S3ModelArtifacts: `${outputPath}/${job.name}/output/model.tar.gz` },
      EnableNetworkIsolation: false,
      EnableInterContainerTrafficEncryption: false,
      EnableManagedSpotTraining: false,
      ...echoed,
      CreationTime: job.creationTime,
      TrainingStartTime: job.trainingStartTime,
      TrainingEndTime: job.trainingEndTime,
      LastModifiedTime: job.lastModifiedTime,
      TrainingTimeInSeconds: seconds,
      BillableTimeInSeconds: seconds,
      ...current,
      SecondaryStatusTransitions: scripted ? withTimes(scripted, job) : job.transitions.map((transition) => ({ ...transition })),
    };
  }
}

/** Scripted transitions get the times the server saw for their statuses (else the creation time). */
function withTimes(scripted: Partial<SecondaryStatusTransition>[], job: TrainingJob): SecondaryStatusTransition[] {
  const starts = scripted.map(
    (transition) => transition.StartTime ?? job.transitions.find((seen) => seen.Status === transition.Status)?.StartTime ?? job.creationTime,
  );
  return scripted.map((transition, index) => ({
    ...transition,
    Status: transition.Status ?? 'Starting',
    StartTime: starts[index],
    EndTime: transition.EndTime ?? (index + 1 < scripted.length ? starts[index + 1] : job.transitions.find((seen) => seen.Status === transition.Status)?.EndTime),
  }));
}
