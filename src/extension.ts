/**
 * Activation only wires things together: the catalog loads on first use, and the AWS SDK
 * (dist/aws.js) only when a command needs it.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { placeCursor, PLACE_CURSOR_COMMAND, QuickFixProvider } from './vscode/codeActions';
import { WorkspaceCheck } from './vscode/checkWorkspace';
import { COMPLETION_TRIGGERS, DOCKERFILE_COMPLETION_TRIGGERS, SpecCompletionProvider } from './vscode/completionProvider';
import { DiagnosticsController } from './vscode/diagnostics';
import { FixAllProvider, registerFixAllReport } from './vscode/fixAllAction';
import { ImageHoverProvider } from './vscode/hoverProvider';
import { registerLaunchCommands, type LaunchTestHooks } from './vscode/launch/registerLaunchCommands';
import type { LiveRegistries } from './vscode/registry/liveRegistries';
import { registerLiveRegistries } from './vscode/registry/registerLiveRegistries';
import { registerNewSpecCommand } from './vscode/newSpecCommand';
import { fixRenderCount } from './core/renderFix';
import { affectsSettings, logSettingsWarningsTo, watchProjectConfigs } from './vscode/settings';
import { SpecAnalysis } from './vscode/specAnalysis';
import { SpecDocuments } from './vscode/specDocuments';
import { DOCKERFILE_LANGUAGE_ID, JSON_LANGUAGE_IDS, PYTHON_LANGUAGE_IDS, YAML_LANGUAGE_IDS } from './vscode/servedLanguages';

const JSON_DOCUMENTS: vscode.DocumentFilter[] = JSON_LANGUAGE_IDS.map((language) => ({ language }));
/** AWS CLI YAML input, CloudFormation and SAM templates, state machines. */
const YAML_DOCUMENTS: vscode.DocumentFilter[] = YAML_LANGUAGE_IDS.map((language) => ({ language }));
/**
 * Python scripts and notebook cells (boto3, the SageMaker Python SDK); every cell of a Jupyter
 * notebook too, since a kernel that runs Python may give its cells its own language (AWS Glue's
 * `python_glue_session`): which cells are Python is told per cell (notebookDocuments.ts).
 */
const PYTHON_DOCUMENTS: vscode.DocumentFilter[] = [...PYTHON_LANGUAGE_IDS.map((language) => ({ language })), { notebookType: 'jupyter-notebook' }];
/** Dockerfiles and Containerfiles: their FROM images. */
const DOCKERFILE_DOCUMENTS: vscode.DocumentFilter[] = [{ language: DOCKERFILE_LANGUAGE_ID }];
/** Everything we serve. */
const SERVED_DOCUMENTS: vscode.DocumentSelector = [...JSON_DOCUMENTS, ...YAML_DOCUMENTS, ...PYTHON_DOCUMENTS, ...DOCKERFILE_DOCUMENTS];

/** Returned from activate only in test mode, so integration tests can answer prompts. */
export interface ExtensionTestApi {
  launch: LaunchTestHooks;
  live: LiveRegistries;
  /** How many quick fixes were rendered to text so far (only resolving an action should). */
  fixRenderCount(): number;
  /** What went to the "SageMaker" output channel lately. */
  outputLines(): readonly string[];
  /** How many document versions were read (parsed) so far: edits in a burst should share one. */
  documentReadCount(): number;
}

export function activate(context: vscode.ExtensionContext): ExtensionTestApi | undefined {
  const analysis = new SpecAnalysis(new SpecDocuments(), path.join(context.extensionPath, 'data'));
  const diagnostics = new DiagnosticsController(analysis);
  logSettingsWarningsTo((text) => analysis.output.line(text));
  context.subscriptions.push(
    diagnostics,
    vscode.languages.registerCompletionItemProvider([...JSON_DOCUMENTS, ...YAML_DOCUMENTS, ...PYTHON_DOCUMENTS], new SpecCompletionProvider(analysis), ...COMPLETION_TRIGGERS),
    vscode.languages.registerCompletionItemProvider(DOCKERFILE_DOCUMENTS, new SpecCompletionProvider(analysis), ...DOCKERFILE_COMPLETION_TRIGGERS),
    vscode.languages.registerCodeActionsProvider(SERVED_DOCUMENTS, new QuickFixProvider(analysis), QuickFixProvider.metadata),
    vscode.languages.registerCodeActionsProvider(SERVED_DOCUMENTS, new FixAllProvider(analysis), FixAllProvider.metadata),
    registerFixAllReport(analysis),
    new WorkspaceCheck(analysis),
    vscode.languages.registerHoverProvider(SERVED_DOCUMENTS, new ImageHoverProvider(analysis)),
    vscode.commands.registerCommand(PLACE_CURSOR_COMMAND, placeCursor),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!affectsSettings(event)) return;
      analysis.invalidateAll();
      diagnostics.refreshAll();
    }),
    watchProjectConfigs(() => {
      analysis.invalidateAll();
      diagnostics.refreshAll();
    }),
  );
  registerNewSpecCommand(context, analysis);
  // AWS CLI input only: never a state machine (the AWS Toolkit's `asl-yaml`).
  const launch = registerLaunchCommands(context, analysis, [...JSON_DOCUMENTS, { language: 'yaml' }]);
  const live = registerLiveRegistries(context, analysis, diagnostics, launch.services, JSON_DOCUMENTS);
  return context.extensionMode === vscode.ExtensionMode.Test
    ? { launch, live, fixRenderCount: () => fixRenderCount.value, outputLines: () => analysis.output.recent, documentReadCount: () => analysis.documents.readCount }
    : undefined;
}

export function deactivate(): void {}
