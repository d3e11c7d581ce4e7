/**
 * Stopping training jobs and deleting endpoints, endpoint configs and models: picked from a list,
 * confirmed in a modal. Endpoints bill by the hour, so cleaning up is one command away.
 */
import * as vscode from 'vscode';
import type { AwsApi, AwsTarget, ResourceSummary } from '../../aws/api';
import { describeAwsError } from '../../core/launch/awsErrors';
import type { PickItem } from '../prompter';
import type { LaunchServices } from './services';

export type CleanupOutcome = { result: 'done'; name: string } | { result: 'cancelled' | 'failed' | 'unavailable'; reason: string };

interface CleanupKind {
  noun: string;
  list(aws: AwsApi, target: AwsTarget): Promise<ResourceSummary[]>;
  act(aws: AwsApi, target: AwsTarget, name: string): Promise<void>;
  confirmLabel: string;
  /** Which items can be acted on (a finished job cannot be stopped). */
  eligible?(item: ResourceSummary): boolean;
  done: string;
}

const RUNNING_TRAINING = new Set(['InProgress']);

export const CLEANUP_KINDS = {
  stopTrainingJob: {
    noun: 'training job',
    list: (aws, target) => aws.listTrainingJobs(target),
    act: (aws, target, name) => aws.stopTrainingJob(target, name),
    confirmLabel: 'Stop',
    eligible: (item) => RUNNING_TRAINING.has(item.status ?? ''),
    done: 'is stopping',
  },
  deleteEndpoint: {
    noun: 'endpoint',
    list: (aws, target) => aws.listEndpoints(target),
    act: (aws, target, name) => aws.deleteEndpoint(target, name),
    confirmLabel: 'Delete',
    done: 'is being deleted',
  },
  deleteEndpointConfig: {
    noun: 'endpoint config',
    list: (aws, target) => aws.listEndpointConfigs(target),
    act: (aws, target, name) => aws.deleteEndpointConfig(target, name),
    confirmLabel: 'Delete',
    done: 'was deleted',
  },
  deleteModel: {
    noun: 'model',
    list: (aws, target) => aws.listModels(target),
    act: (aws, target, name) => aws.deleteModel(target, name),
    confirmLabel: 'Delete',
    done: 'was deleted',
  },
} satisfies Record<string, CleanupKind>;

export type CleanupCommand = keyof typeof CLEANUP_KINDS;

export async function runCleanupCommand(services: LaunchServices, command: CleanupCommand): Promise<CleanupOutcome> {
  const kind: CleanupKind = CLEANUP_KINDS[command];
  const { prompter, output } = services;
  const verb = kind.confirmLabel;
  if (!vscode.workspace.isTrusted) {
    const reason = `${verb} ${kind.noun} is disabled in Restricted Mode: trust this workspace to change AWS resources.`;
    await prompter.error(reason);
    return { result: 'unavailable', reason };
  }
  const target = services.access.defaultTarget();
  const action = `${verb} ${kind.noun}`;
  let items: ResourceSummary[];
  try {
    items = await kind.list(services.access.aws, target);
  } catch (error) {
    const reason = describeAwsError(error as Error, { action: `Listing ${kind.noun}s`, profile: target.profile, region: target.region }).message;
    output.line(reason);
    await prompter.error(reason);
    return { result: 'failed', reason };
  }
  // Running jobs first, then the most recent.
  const ordered = [...items.filter((item) => kind.eligible?.(item) ?? true), ...items.filter((item) => !(kind.eligible?.(item) ?? true))];
  const choices: PickItem<ResourceSummary>[] = ordered.map((item) => ({
    label: item.name,
    description: [item.status, item.creationTime?.toISOString().slice(0, 16).replace('T', ' ')].filter(Boolean).join(' · '),
    value: item,
  }));
  if (choices.length === 0) {
    const reason = `No ${kind.noun}s in ${target.region} (profile ${target.profile}).`;
    await prompter.info(reason);
    return { result: 'cancelled', reason };
  }
  const picked = await prompter.pick(choices, `${verb} which ${kind.noun}? (${target.region}, profile ${target.profile})`);
  if (!picked) return { result: 'cancelled', reason: 'nothing picked' };
  if (kind.eligible && !kind.eligible(picked)) {
    const reason = `Training job "${picked.name}" is ${picked.status ?? 'not running'}; only running jobs can be stopped.`;
    await prompter.warning(reason);
    return { result: 'cancelled', reason };
  }
  const consequence = command === 'deleteEndpoint' ? ' Its instances stop billing; the endpoint config and model stay.' : '';
  if (!(await prompter.confirm(`${verb} ${kind.noun} "${picked.name}" in ${target.region}?`, `Profile ${target.profile}.${consequence} This cannot be undone.`, verb))) {
    return { result: 'cancelled', reason: 'not confirmed' };
  }
  try {
    await kind.act(services.access.aws, target, picked.name);
  } catch (error) {
    const reason = describeAwsError(error as Error, { action, profile: target.profile, region: target.region }).message;
    output.line(reason);
    await prompter.error(reason);
    return { result: 'failed', reason };
  }
  output.line(`${action}: "${picked.name}" ${kind.done}.`);
  await prompter.info(`${kind.noun[0].toUpperCase()}${kind.noun.slice(1)} "${picked.name}" ${kind.done}.`);
  return { result: 'done', name: picked.name };
}
