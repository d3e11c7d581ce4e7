/**
 * The jobs (and endpoints) being followed: one status-bar item each, current while the job runs
 * and kept a minute after it ends with its final state; clicking it shows the output and the
 * job's details. A job followed twice (launched, then picked in Follow Job…) is followed once.
 */
import * as vscode from 'vscode';
import type { AwsTarget } from '../../aws/api';
import { consoleUrl, type ConsoleResource } from '../../core/launch/consoleUrl';
import { formatEndpoint, shownUrl, type EffectiveEndpoint } from '../../core/launch/serviceEndpoint';
import { followEndpoint } from './endpointFollower';
import type { LaunchServices } from './services';
import { TrainingJobFollower, type FollowedStatus, type FollowResult } from './trainingJobFollower';

/** What can be followed: the kinds with a follower. */
export type FollowedKind = 'training-job' | 'endpoint';

export interface FollowRequest {
  kind: FollowedKind;
  name: string;
  target: AwsTarget;
  /** Where the requests go, for the details and whether a console page exists. */
  endpoint: EffectiveEndpoint;
}

/** The internal command a status-bar item runs, with the item's key. */
export const SHOW_FOLLOWED_JOB_COMMAND = 'sagemakerSpec.internal.showFollowedJob';

/** How long an ended job's item stays, so its final state can be seen. */
const LINGER_MS = 60_000;

const NOUNS: Record<FollowedKind, string> = { 'training-job': 'Training job', endpoint: 'Endpoint' };
const ICONS: Record<FollowedStatus['state'], string> = { running: '$(sync~spin)', succeeded: '$(check)', failed: '$(error)', unfollowed: '$(debug-disconnect)' };

interface Entry {
  request: FollowRequest;
  item: vscode.StatusBarItem;
  status?: FollowedStatus;
  result: Promise<FollowResult>;
  stop(): void;
  lingering?: NodeJS.Timeout;
}

export class FollowedJobs implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly services: LaunchServices) {}

  /**
   * Follows a job until it ends and resolves with its final status. A job already followed is
   * not followed again: its running follow's result is returned, and `started` is false.
   */
  follow(request: FollowRequest): { result: Promise<FollowResult>; started: boolean } {
    const key = keyOf(request);
    const existing = this.entries.get(key);
    if (existing && !existing.lingering) return { result: existing.result, started: false };
    if (existing) this.remove(key);

    const item = vscode.window.createStatusBarItem(`sagemakerSpec.followed.${key}`, vscode.StatusBarAlignment.Left, 50);
    item.name = `SageMaker ${NOUNS[request.kind].toLowerCase()} ${request.name}`;
    item.command = { command: SHOW_FOLLOWED_JOB_COMMAND, title: 'Show details', arguments: [key] };
    // The followers report their first status after their first answer, when `entry` exists.
    const onStatus = (status: FollowedStatus) => this.show(entry, status);
    const { result, stop } = this.start(request, onStatus);
    const entry: Entry = { request, item, result, stop };
    this.entries.set(key, entry);
    this.show(entry, { text: 'Starting to follow', state: 'running' });
    const linger = () => {
      if (this.entries.get(key) === entry) entry.lingering = setTimeout(() => this.remove(key), LINGER_MS);
    };
    // Whoever follows gets the failure, if any; here the item only has to go.
    entry.result.then(linger, linger);
    return { result: entry.result, started: true };
  }

  private start(request: FollowRequest, onStatus: (status: FollowedStatus) => void): { result: Promise<FollowResult>; stop(): void } {
    this.services.output.line(`Following ${NOUNS[request.kind].toLowerCase()} "${request.name}" in ${request.target.region}. Endpoint: ${formatEndpoint(request.endpoint)}`);
    if (request.kind === 'training-job') {
      const follower = new TrainingJobFollower(this.services, request.target, request.name, onStatus);
      return { result: follower.follow(), stop: () => follower.dispose() };
    }
    let stopped = false;
    return { result: followEndpoint(this.services, request.target, request.name, onStatus, () => stopped), stop: () => (stopped = true) };
  }

  /** The texts of the items shown now (for tests and the details). */
  statusTexts(): string[] {
    return [...this.entries.values()].map((entry) => entry.item.text);
  }

  /** What a click on an item does: the output, and the job's status and where it runs, with its console page for AWS. */
  async showDetails(key: string): Promise<string | undefined> {
    const entry = this.entries.get(key);
    this.services.output.show();
    if (!entry) return undefined;
    const { request, status } = entry;
    const state = status ? `${status.primary && status.primary !== status.text ? `${status.primary} · ` : ''}${status.text}` : 'unknown';
    const url = request.endpoint.isAws ? consoleUrl(this.services.analysis.catalog.partition(request.target.region), request.target.region, request.kind as ConsoleResource, request.name) : undefined;
    const message = `${NOUNS[request.kind]} "${request.name}": ${state}. Region ${request.target.region}, profile ${request.target.profile}, endpoint ${formatEndpoint(request.endpoint)}.`;
    const choice = await this.services.prompter.info(message, ...(url ? ['Open in Console'] : []));
    if (choice === 'Open in Console' && url) await vscode.env.openExternal(vscode.Uri.parse(url));
    return message;
  }

  dispose(): void {
    for (const key of [...this.entries.keys()]) this.remove(key);
  }

  private show(entry: Entry, status: FollowedStatus): void {
    entry.status = status;
    const { request, item } = entry;
    item.text = `${ICONS[status.state]} ${request.name}: ${status.text}`;
    item.tooltip = `SageMaker ${NOUNS[request.kind].toLowerCase()} ${request.name} (${request.target.region}, ${request.endpoint.isAws ? 'AWS' : shownUrl(request.endpoint)}): ${status.state === 'unfollowed' ? status.text : status.primary ?? status.text}. Click for details.`;
    item.show();
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    clearTimeout(entry.lingering);
    entry.stop();
    entry.item.dispose();
    this.entries.delete(key);
  }
}

/** One item per job per region and endpoint: the same name elsewhere is another job. */
function keyOf(request: FollowRequest): string {
  return `${request.kind}:${request.target.region}:${request.endpoint.url}:${request.name}`;
}
