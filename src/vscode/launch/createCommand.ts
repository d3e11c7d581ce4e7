/**
 * "SageMaker: Launch Training Job" and the other Create commands: check the open spec with our
 * rules, show exactly what will be sent and ask, send it, handle a taken name, then follow.
 * Nothing is sent without the user's confirmation, and the user's file is never changed.
 */
import * as vscode from 'vscode';
import type { AwsTarget } from '../../aws/api';
import { describeAwsError } from '../../core/launch/awsErrors';
import { consoleUrl, type ConsoleResource } from '../../core/launch/consoleUrl';
import { formatSummary, launchSummary } from '../../core/launch/launchSummary';
import { CREATE_OPERATIONS } from '../../core/launch/operations';
import { buildCreateRequest, timestampedName, withName, type CreateRequest } from '../../core/launch/requestBody';
import type { SpecKind } from '../../core/specKind';
import { followEndpoint } from './endpointFollower';
import type { LaunchServices } from './services';
import { TrainingJobFollower } from './trainingJobFollower';

/** What a command run ended with; integration tests assert it. */
export type CreateOutcome =
  | { result: 'created'; name: string; arn?: string; follow?: Promise<unknown> }
  | { result: 'cancelled' | 'blocked' | 'failed' | 'unavailable'; reason: string };

const CONSOLE_RESOURCES: Record<SpecKind, ConsoleResource> = {
  CreateTrainingJob: 'training-job',
  CreateModel: 'model',
  CreateEndpointConfig: 'endpoint-config',
  CreateEndpoint: 'endpoint',
  CreateProcessingJob: 'processing-job',
  CreateTransformJob: 'transform-job',
  CreateHyperParameterTuningJob: 'tuning-job',
};

export async function runCreateCommand(services: LaunchServices, kind: SpecKind, followers: vscode.Disposable[]): Promise<CreateOutcome> {
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
    const reason = `Open a SageMaker ${operation.kind} spec (JSON or YAML) to use "${operation.title}".`;
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
  if (errors.length > 0) {
    const list = errors.slice(0, 5).map((finding) => `• ${finding.code}: ${finding.message}`).join('\n');
    const reason = `${errors.length} problem${errors.length === 1 ? '' : 's'} in the spec must be fixed before it is sent:\n${list}`;
    if ((await prompter.error(reason, 'Show Problems')) === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
    return { result: 'blocked', reason };
  }

  let request = buildCreateRequest(spec)!;
  const target = services.access.targetForSpec(document, spec);
  const account = await lookUpAccount(services, target);
  if (account.failed) return { result: 'failed', reason: account.failed };

  const summary = formatSummary(launchSummary(request, { region: target.region, profile: target.profile, account: account.id }));
  const question = `${operation.confirmLabel} ${operation.noun} "${request.name ?? ''}" in ${target.region}?`;
  if (!(await prompter.confirm(question, summary, operation.confirmLabel))) {
    output.line(`${action}: cancelled, nothing was sent.`);
    return { result: 'cancelled', reason: 'not confirmed' };
  }

  for (;;) {
    try {
      output.line(`${action}: sending ${operation.kind} "${request.name}" to ${target.region} (profile ${target.profile}).`);
      const arn = await services.access.aws.sendCreate(target, kind, request.body);
      output.line(`${action}: created ${arn ?? request.name}.`);
      return { result: 'created', name: request.name ?? '', arn, follow: afterCreate(services, target, request, followers) };
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

/** The notification after a successful create; Follow and Open in Console where they apply. */
async function afterCreate(services: LaunchServices, target: AwsTarget, request: CreateRequest, followers: vscode.Disposable[]): Promise<unknown> {
  const kind = request.operation.kind;
  const name = request.name ?? '';
  const partition = services.analysis.catalog.partition(target.region);
  const url = consoleUrl(partition, target.region, CONSOLE_RESOURCES[kind], name);
  const canFollow = kind === 'CreateTrainingJob' || kind === 'CreateEndpoint';
  const actions = [...(canFollow ? ['Follow'] : []), ...(url ? ['Open in Console'] : [])];
  const verb = kind === 'CreateTrainingJob' ? 'launched' : kind === 'CreateEndpoint' ? 'is being created' : 'created';
  const choice = await services.prompter.info(`${request.operation.noun[0].toUpperCase()}${request.operation.noun.slice(1)} "${name}" ${verb} in ${target.region}.`, ...actions);
  if (choice === 'Open in Console' && url) {
    await vscode.env.openExternal(vscode.Uri.parse(url));
    return undefined;
  }
  if (choice !== 'Follow') return undefined;
  services.output.show();
  if (kind === 'CreateTrainingJob') {
    const follower = new TrainingJobFollower(services, target, name);
    followers.push(follower);
    const result = await follower.follow();
    const ending = result.status === 'Failed' ? `failed: ${result.failureReason ?? 'no reason given'}` : (result.status ?? 'unknown').toLowerCase();
    const notify = result.status === 'Completed' ? 'info' : 'warning';
    await services.prompter[notify](`Training job "${name}" ${ending}.`);
    return result;
  }
  const result = await followEndpoint(services, target, name);
  const notify = result.status === 'InService' ? 'info' : 'warning';
  await services.prompter[notify](`Endpoint "${name}" is ${result.status ?? 'in an unknown state'}${result.failureReason ? `: ${result.failureReason}` : ''}.`);
  return result;
}
