/**
 * Registers the AWS commands (create, follow, stop, delete), the CodeLens, the profile/region status bar
 * and the context key that offers each create command only for its kind of spec.
 */
import * as vscode from 'vscode';
import { CREATE_OPERATIONS } from '../../core/launch/operations';
import { SPEC_KINDS } from '../../core/specKind';
import { AwsAccess } from '../awsAccess';
import { TYPING_DELAY_MS } from '../diagnostics';
import { AwsStatusBar, PICK_PROFILE_OR_REGION_COMMAND, pickProfileOrRegion } from '../awsStatusBar';
import { windowPrompter } from '../prompter';
import type { SpecAnalysis } from '../specAnalysis';
import { CLEANUP_KINDS, runCleanupCommand, type CleanupCommand, type CleanupOutcome } from './cleanupCommands';
import { runCreateCommand, type CreateOutcome } from './createCommand';
import { FollowedJobs, SHOW_FOLLOWED_JOB_COMMAND } from './followedJobs';
import { runFollowJobCommand, type FollowOutcome } from './followJobCommand';
import type { LaunchServices } from './services';
import { SpecCodeLensProvider } from './specCodeLens';

/** The context key naming the active editor's spec kind (for `when` clauses). */
const ACTIVE_SPEC_KIND = 'sagemakerSpec.activeSpecKind';

export interface LaunchTestHooks {
  services: LaunchServices;
  /** Outcome of the last command run, with its follow-up (following a job) when there is one. */
  lastOutcome(): CreateOutcome | CleanupOutcome | FollowOutcome | undefined;
  statusBarText(): string;
  /** The status-bar texts of the jobs being followed (and those ended less than a minute ago). */
  followedJobTexts(): string[];
}

export function registerLaunchCommands(context: vscode.ExtensionContext, analysis: SpecAnalysis, selector: vscode.DocumentSelector): LaunchTestHooks {
  const access = new AwsAccess(context.extensionPath, analysis);
  const output = analysis.output;
  const services: LaunchServices = {
    analysis,
    access,
    output,
    prompter: windowPrompter,
    polling: { initialMs: 2000, maximumMs: 30_000 },
    now: () => new Date(),
  };
  const jobs = new FollowedJobs(services);
  const statusBar = new AwsStatusBar(analysis, access);
  let lastOutcome: CreateOutcome | CleanupOutcome | FollowOutcome | undefined;

  let typingTimer: NodeJS.Timeout | undefined;
  const updateActiveSpec = (editor: vscode.TextEditor | undefined) => {
    const kind = editor ? analysis.documents.get(editor.document)?.spec.kind : undefined;
    void vscode.commands.executeCommand('setContext', ACTIVE_SPEC_KIND, kind ?? '');
    statusBar.update(editor);
  };

  for (const kind of SPEC_KINDS) {
    context.subscriptions.push(
      vscode.commands.registerCommand(`sagemakerSpec.${CREATE_OPERATIONS[kind].command}`, async () => {
        lastOutcome = await runCreateCommand(services, kind, jobs);
        return lastOutcome;
      }),
    );
  }
  for (const command of Object.keys(CLEANUP_KINDS) as CleanupCommand[]) {
    context.subscriptions.push(
      vscode.commands.registerCommand(`sagemakerSpec.${command}`, async () => {
        lastOutcome = await runCleanupCommand(services, command);
        return lastOutcome;
      }),
    );
  }
  context.subscriptions.push(
    output,
    statusBar,
    jobs,
    vscode.commands.registerCommand('sagemakerSpec.followJob', async () => {
      lastOutcome = await runFollowJobCommand(services, jobs);
      return lastOutcome;
    }),
    vscode.commands.registerCommand(SHOW_FOLLOWED_JOB_COMMAND, (key: string) => jobs.showDetails(key)),
    { dispose: () => access.loaded && access.aws.reset() },
    vscode.commands.registerCommand('sagemakerSpec.showOutput', () => output.show()),
    vscode.commands.registerCommand(PICK_PROFILE_OR_REGION_COMMAND, () => pickProfileOrRegion(services.prompter, analysis)),
    vscode.languages.registerCodeLensProvider(selector, new SpecCodeLensProvider(analysis)),
    vscode.window.onDidChangeActiveTextEditor(updateActiveSpec),
    vscode.workspace.onDidChangeTextDocument((event) => {
      // Typing can change the spec's kind, but the parse this needs must not run per keystroke:
      // wait until typing pauses, like the diagnostics do.
      if (event.document !== vscode.window.activeTextEditor?.document) return;
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => updateActiveSpec(vscode.window.activeTextEditor), TYPING_DELAY_MS);
    }),
    { dispose: () => clearTimeout(typingTimer) },
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('sagemakerSpec')) {
        if (access.loaded) access.aws.reset();
        updateActiveSpec(vscode.window.activeTextEditor);
      }
    }),
  );
  updateActiveSpec(vscode.window.activeTextEditor);
  return { services, lastOutcome: () => lastOutcome, statusBarText: () => statusBar.text, followedJobTexts: () => jobs.statusTexts() };
}
