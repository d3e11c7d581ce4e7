/**
 * "SageMaker: Follow Job…": lists the running training jobs and the endpoints being created
 * (what the followers can follow) in the current region and endpoint, and follows the one picked,
 * with its status-bar item and its progress in the output.
 */
import * as vscode from 'vscode';
import type { ResourceSummary } from '../../aws/api';
import { describeAwsError } from '../../core/launch/awsErrors';
import { followStoppedMessage } from '../../core/launch/followStopped';
import { formatEndpoint, shownUrl } from '../../core/launch/serviceEndpoint';
import type { PickItem } from '../prompter';
import type { FollowedJobs, FollowedKind, FollowRequest } from './followedJobs';
import type { LaunchServices } from './services';
import type { FollowResult } from './trainingJobFollower';

export type FollowOutcome =
  | { result: 'following'; kind: FollowedKind; name: string; follow: Promise<FollowResult> }
  | { result: 'cancelled' | 'failed' | 'unavailable'; reason: string };

/** Statuses in which there is something to follow. */
const RUNNING: Record<FollowedKind, ReadonlySet<string>> = {
  'training-job': new Set(['InProgress', 'Stopping']),
  endpoint: new Set(['Creating', 'Updating', 'SystemUpdating', 'RollingBack']),
};

const NOUNS: Record<FollowedKind, string> = { 'training-job': 'training job', endpoint: 'endpoint' };

export async function runFollowJobCommand(services: LaunchServices, jobs: FollowedJobs): Promise<FollowOutcome> {
  const { prompter, output } = services;
  if (!vscode.workspace.isTrusted) {
    const reason = 'Follow Job is disabled in Restricted Mode: trust this workspace to send requests to AWS.';
    await prompter.error(reason);
    return { result: 'unavailable', reason };
  }
  const target = services.access.defaultTarget();
  const endpoint = await services.access.sendingEndpointFor(target);
  const where = `${target.region}, profile ${target.profile}${endpoint.isAws ? '' : `, ${shownUrl(endpoint)}`}`;
  let listed: { kind: FollowedKind; item: ResourceSummary }[];
  try {
    const { aws } = services.access;
    const [trainingJobs, endpoints] = await Promise.all([aws.listTrainingJobs(target), aws.listEndpoints(target)]);
    listed = [
      ...trainingJobs.map((item) => ({ kind: 'training-job' as const, item })),
      ...endpoints.map((item) => ({ kind: 'endpoint' as const, item })),
    ].filter(({ kind, item }) => RUNNING[kind].has(item.status ?? ''));
  } catch (error) {
    const reason = describeAwsError(error as Error, { action: 'Listing running jobs', profile: target.profile, region: target.region }).message;
    output.line(`${reason} Endpoint: ${formatEndpoint(endpoint)}`);
    await prompter.error(reason, 'Show Output').then((choice) => choice === 'Show Output' && output.show());
    return { result: 'failed', reason };
  }
  if (listed.length === 0) {
    const reason = `No running training jobs or endpoints being created in ${where}.`;
    await prompter.info(reason);
    return { result: 'cancelled', reason };
  }
  const choices: PickItem<{ kind: FollowedKind; name: string }>[] = listed.map(({ kind, item }) => ({
    label: item.name,
    description: [NOUNS[kind], item.status, item.creationTime?.toISOString().slice(0, 16).replace('T', ' ')].filter(Boolean).join(' · '),
    value: { kind, name: item.name },
  }));
  const picked = await prompter.pick(choices, `Follow which job? (${where})`);
  if (!picked) return { result: 'cancelled', reason: 'nothing picked' };
  output.show();
  const request: FollowRequest = { kind: picked.kind, name: picked.name, target, endpoint };
  const { result, started } = jobs.follow(request);
  // A job followed already announces its end once, from where it was first followed.
  const follow = started ? result.then(async (ended) => (await announceFollowEnd(services, jobs, request, ended), ended)) : result;
  return { result: 'following', kind: picked.kind, name: picked.name, follow };
}

/** The action that follows a job again after following stopped. */
export const FOLLOW_AGAIN = 'Follow Again';

/**
 * The notification when a followed job or endpoint reaches its final state, or when following
 * stopped before (failed checks): then why, the state last seen, and **Follow Again**.
 */
export async function announceFollowEnd(services: LaunchServices, jobs: FollowedJobs, request: FollowRequest, ended: FollowResult): Promise<void> {
  const { kind, name } = request;
  if (ended.stopped) {
    const message = followStoppedMessage({ kind, name, stopped: ended.stopped, lastStatus: ended.status, lastSecondary: ended.secondaryStatus });
    const choice = await services.prompter.warning(message, FOLLOW_AGAIN, 'Show Output');
    if (choice === 'Show Output') services.output.show();
    if (choice === FOLLOW_AGAIN) {
      const again = jobs.follow(request);
      // Not waited for: the new follow may run for hours; it announces its own end.
      if (again.started) void again.result.then((next) => announceFollowEnd(services, jobs, request, next));
    }
    return;
  }
  if (kind === 'training-job') {
    const finished = ended.status === 'Completed' || ended.status === 'Stopped' || ended.status === 'Failed';
    if (!finished) {
      // Following was ended (VS Code closing) before the job did: say what was last seen, not a made-up state.
      await services.prompter.warning(`Stopped following training job "${name}"${ended.status ? ` while it was ${ended.status}` : ''}; the job itself is not affected.`);
      return;
    }
    const ending = ended.status === 'Failed' ? `failed: ${ended.failureReason ?? 'no reason given'}` : ended.status!.toLowerCase();
    await services.prompter[ended.status === 'Completed' ? 'info' : 'warning'](`Training job "${name}" ${ending}.`);
    return;
  }
  await services.prompter[ended.status === 'InService' ? 'info' : 'warning'](`Endpoint "${name}" is ${ended.status ?? 'in an unknown state'}${ended.failureReason ? `: ${ended.failureReason}` : ''}.`);
}
