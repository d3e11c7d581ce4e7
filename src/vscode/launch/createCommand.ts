/**
 * "SageMaker: Launch Training Job" and the other Create commands: check the open spec with our
 * rules, show exactly what will be sent (and where) and ask, send it, handle a taken name, then
 * follow. Nothing is sent without the user's confirmation, and the user's file is changed only
 * by a quick fix the user picks when the launch is blocked.
 */
import * as vscode from 'vscode';
import type { AwsTarget } from '../../aws/api';
import { describeAwsError } from '../../core/launch/awsErrors';
import { consoleUrl, type ConsoleResource } from '../../core/launch/consoleUrl';
import { formatSummary, launchSummary } from '../../core/launch/launchSummary';
import { CREATE_OPERATIONS } from '../../core/launch/operations';
import { buildCreateRequest, timestampedName, withName, type CreateRequest } from '../../core/launch/requestBody';
import { regionProblem } from '../../core/projectConfig';
import { formatEndpoint, shownUrl, type EffectiveEndpoint } from '../../core/launch/serviceEndpoint';
import type { SpecKind } from '../../core/specKind';
import { SECTION } from '../settings';
import { offerBlockingFixes } from './blockedLaunch';
import type { FollowedJobs, FollowRequest } from './followedJobs';
import type { LaunchServices } from './services';
import { announceFollowEnd } from './followJobCommand';

/** What a command run ended with; integration tests assert it. */
export type CreateOutcome =
  | { result: 'created'; name: string; arn?: string; follow?: Promise<unknown> }
  | { result: 'blocked'; reason: string; fixed?: string }
  | { result: 'cancelled' | 'failed' | 'unavailable'; reason: string };

/** The setting that turns following after a launch off. */
const FOLLOW_AFTER_LAUNCH = 'followAfterLaunch';

const CONSOLE_RESOURCES: Record<SpecKind, ConsoleResource> = {
  CreateTrainingJob: 'training-job',
  CreateModel: 'model',
  CreateEndpointConfig: 'endpoint-config',
  CreateEndpoint: 'endpoint',
  CreateProcessingJob: 'processing-job',
  CreateTransformJob: 'transform-job',
  CreateHyperParameterTuningJob: 'tuning-job',
};

/** The console page kind of each resource a spec creates. */
export function consoleResourceOf(kind: SpecKind): ConsoleResource {
  return CONSOLE_RESOURCES[kind];
}

/** The action that sends to a region the catalog does not know (see runCreateCommand). */
const SEND_ANYWAY = 'Send Anyway';

export async function runCreateCommand(services: LaunchServices, kind: SpecKind, jobs: FollowedJobs): Promise<CreateOutcome> {
  const { prompter, output } = services;
  const operation = CREATE_OPERATIONS[kind];
  const action = `${operation.title.replace('SageMaker: ', '')}`;
  if (!vscode.workspace.isTrusted) {
    const reason = `${action} is disabled in Restricted Mode: trust this workspace to send specs to AWS.`;
    await prompter.error(reason);
    return { result: 'unavailable', reason };
  }
  const document = vscode.window.activeTextEditor?.document;
  const served = document && services.analysis.analyze(document);
  if (!document || !served || !served.served.json?.spec.kind) {
    // A YAML stream of several AWS CLI requests (`---`): the AWS CLI refuses it, and so do we.
    const cliRequests = served?.served.document.host === 'yaml' ? served.served.document.requests.filter((request) => !request.embedding && !request.valuesOnly).length : 0;
    const reason = cliRequests > 1
      ? `This YAML file holds ${cliRequests} requests, one per document; the AWS CLI reads a single document, and so does "${operation.title}". Put each request in a file of its own.`
      : `Open a SageMaker ${operation.kind} spec (JSON or YAML) to use "${operation.title}".`;
    await prompter.error(reason);
    return { result: 'unavailable', reason };
  }
  const spec = served.served.json.spec;
  if (spec.kind !== kind) {
    const reason = `This spec is a ${spec.kind} request; use "${CREATE_OPERATIONS[spec.kind!].title}".`;
    await prompter.error(reason);
    return { result: 'unavailable', reason };
  }

  const errors = served.analysis.findings.filter((finding) => finding.severity === 'error');
  if (errors.length > 0) return offerBlockingFixes(services, document, served.served.document, errors, operation.noun);

  let request = buildCreateRequest(spec)!;
  const target = services.access.targetForSpec(document, spec);
  // A region the catalog does not know (a typo in sagemakerSpec.region or the profile) would only
  // come back as "could not reach AWS in us-east-7"; a spec with an image is stopped by its
  // rules already, one without (an endpoint) is not. A region newer than the catalog may be sent.
  const unknownRegion = regionProblem(target.region, services.analysis.catalog.regions().map((region) => region.name));
  if (unknownRegion) {
    const reason = `${unknownRegion}, and nothing was sent. Set the target region (the status bar, sagemakerSpec.region or the profile's region), or send anyway if the region is newer than SageMaker Spec's catalog.`;
    if ((await prompter.error(reason, SEND_ANYWAY)) !== SEND_ANYWAY) return { result: 'unavailable', reason };
    output.line(`${action}: sending to ${target.region}, a region the catalog does not know, as asked.`);
  }
  const account = await lookUpAccount(services, target);
  if (account.failed) return { result: 'failed', reason: account.failed };

  const endpoint = await services.access.sendingEndpointFor(target);
  const summary = formatSummary(launchSummary(request, { region: target.region, profile: target.profile, account: account.id, endpoint: formatEndpoint(endpoint), endpointProblem: endpoint.problem }));
  const question = `${operation.confirmLabel} ${operation.noun} "${request.name ?? ''}" in ${target.region}?`;
  if (!(await prompter.confirm(question, summary, operation.confirmLabel))) {
    output.line(`${action}: cancelled, nothing was sent.`);
    return { result: 'cancelled', reason: 'not confirmed' };
  }

  for (;;) {
    try {
      output.line(`${action}: sending ${operation.kind} "${request.name}" to ${target.region} (profile ${target.profile}).`);
      output.line(`Endpoint: ${formatEndpoint(endpoint)}`);
      const arn = await services.access.aws.sendCreate(target, kind, request.body);
      output.line(`${action}: created ${arn ?? request.name}.`);
      return { result: 'created', name: request.name ?? '', arn, follow: afterCreate(services, target, endpoint, request, jobs) };
    } catch (error) {
      const described = describeAwsError(error as Error, { action, profile: target.profile, region: target.region });
      output.line(`${described.message}${described.detail && !described.message.includes(described.detail) ? ` (${described.detail})` : ''}`);
      if (described.kind === 'name-in-use' && request.name) {
        const renamed = timestampedName(request.name, services.now());
        const choice = await prompter.warning(`A ${operation.noun} named "${request.name}" already exists. Send it as "${renamed}"? Your file stays as it is.`, `Send as ${renamed}`, 'Cancel');
        if (choice === `Send as ${renamed}`) {
          request = withName(request, renamed);
          continue;
        }
        return { result: 'cancelled', reason: 'name in use' };
      }
      await prompter.error(described.message, 'Show Output').then((choice) => choice === 'Show Output' && output.show());
      return { result: 'failed', reason: described.message };
    }
  }
}

async function lookUpAccount(services: LaunchServices, target: AwsTarget): Promise<{ id?: string; failed?: string }> {
  try {
    return { id: await services.access.aws.callerAccount(target) };
  } catch (error) {
    const described = describeAwsError(error as Error, { action: 'Checking your AWS identity', profile: target.profile, region: target.region });
    services.output.line(described.message);
    await services.prompter.error(described.message);
    return { failed: described.message };
  }
}

/**
 * After a successful create: follows a training job or endpoint at once (unless
 * `sagemakerSpec.followAfterLaunch` is off, then a Follow button offers it), says so in a
 * notification that is not waited for, and offers the console page only for AWS endpoints.
 * Resolves with the follow's result, or undefined when nothing is followed.
 */
async function afterCreate(services: LaunchServices, target: AwsTarget, endpoint: EffectiveEndpoint, request: CreateRequest, jobs: FollowedJobs): Promise<unknown> {
  const kind = request.operation.kind;
  const name = request.name ?? '';
  const url = endpoint.isAws ? consoleUrl(services.analysis.catalog.partition(target.region), target.region, CONSOLE_RESOURCES[kind], name) : undefined;
  const followed = kind === 'CreateTrainingJob' ? 'training-job' : kind === 'CreateEndpoint' ? 'endpoint' : undefined;
  const verb = kind === 'CreateTrainingJob' ? 'launched' : kind === 'CreateEndpoint' ? 'is being created' : 'created';
  const where = endpoint.isAws ? target.region : `${target.region} at ${shownUrl(endpoint)}`;
  const noun = `${request.operation.noun[0].toUpperCase()}${request.operation.noun.slice(1)}`;
  const openConsole = async (choice: string | undefined) => {
    if (choice === 'Open in Console' && url) await vscode.env.openExternal(vscode.Uri.parse(url));
    if (choice === 'Show Output') services.output.show();
  };
  const consoleAction = url ? ['Open in Console'] : [];
  const followNow = followed !== undefined && vscode.workspace.getConfiguration(SECTION).get<boolean>(FOLLOW_AFTER_LAUNCH, true);
  if (!followed || !followNow) {
    const choice = await services.prompter.info(`${noun} "${name}" ${verb} in ${where}.`, ...(followed ? ['Follow'] : []), ...consoleAction);
    if (choice !== 'Follow' || !followed) {
      await openConsole(choice);
      return undefined;
    }
    services.output.show();
  }
  const followRequest: FollowRequest = { kind: followed, name, target, endpoint };
  const { result } = jobs.follow(followRequest);
  // The notification is not waited for: it may stay open while the job runs.
  if (followNow) void services.prompter.info(`${noun} "${name}" ${verb} in ${where}; following it in the status bar.`, 'Show Output', ...consoleAction).then(openConsole);
  const ended = await result;
  await announceFollowEnd(services, jobs, followRequest, ended);
  return ended;
}
