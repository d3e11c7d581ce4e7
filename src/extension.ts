/**
 * Activation only wires things together: the catalog loads on first use, and nothing here
 * touches the AWS SDK.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { placeCursor, PLACE_CURSOR_COMMAND, QuickFixProvider } from './vscode/codeActions';
import { COMPLETION_TRIGGERS, SpecCompletionProvider } from './vscode/completionProvider';
import { DiagnosticsController } from './vscode/diagnostics';
import { ImageHoverProvider } from './vscode/hoverProvider';
import { affectsSettings } from './vscode/settings';
import { SpecAnalysis } from './vscode/specAnalysis';
import { SpecDocuments } from './vscode/specDocuments';

const JSON_DOCUMENTS: vscode.DocumentSelector = [{ language: 'json' }, { language: 'jsonc' }];

export function activate(context: vscode.ExtensionContext): void {
  const analysis = new SpecAnalysis(new SpecDocuments(), path.join(context.extensionPath, 'data'));
  const diagnostics = new DiagnosticsController(analysis);
  context.subscriptions.push(
    diagnostics,
    vscode.languages.registerCompletionItemProvider(JSON_DOCUMENTS, new SpecCompletionProvider(analysis), ...COMPLETION_TRIGGERS),
    vscode.languages.registerCodeActionsProvider(JSON_DOCUMENTS, new QuickFixProvider(analysis), QuickFixProvider.metadata),
    vscode.languages.registerHoverProvider(JSON_DOCUMENTS, new ImageHoverProvider(analysis)),
    vscode.commands.registerCommand(PLACE_CURSOR_COMMAND, placeCursor),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!affectsSettings(event)) return;
      analysis.invalidateAll();
      diagnostics.refreshAll();
    }),
  );
}

export function deactivate(): void {}
