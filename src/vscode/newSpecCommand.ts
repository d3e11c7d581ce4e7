/**
 * "SageMaker: New Spec…": pick a request kind, get an untitled JSON document with its required and
 * common members and a pinned SageMaker image for the target region.
 */
import * as vscode from 'vscode';
import { newSpecText, NEW_SPEC_CHOICES } from '../core/newSpec';
import { resolveRegion } from '../core/region';
import { SPEC_KINDS, type SpecKind } from '../core/specKind';
import type { SpecAnalysis } from './specAnalysis';

export const NEW_SPEC_COMMAND = 'sagemakerSpec.newSpec';

export function registerNewSpecCommand(context: vscode.ExtensionContext, analysis: SpecAnalysis): void {
  context.subscriptions.push(vscode.commands.registerCommand(NEW_SPEC_COMMAND, (kind?: unknown) => newSpec(analysis, kind)));
}

/** `kind` may be passed by tests or keybindings to skip the quick pick. Returns the new document. */
async function newSpec(analysis: SpecAnalysis, kind?: unknown): Promise<vscode.TextDocument | undefined> {
  const chosen = isSpecKind(kind) ? kind : await pickKind();
  if (!chosen) return undefined;
  const scope = vscode.workspace.workspaceFolders?.[0]?.uri;
  const region = resolveRegion({ ...analysis.regionInputs(scope), specImageRegions: [] });
  const content = newSpecText(chosen, { apiModel: analysis.apiModel, catalog: analysis.catalog, region: region.region });
  const document = await vscode.workspace.openTextDocument({ language: 'json', content });
  await vscode.window.showTextDocument(document);
  return document;
}

async function pickKind(): Promise<SpecKind | undefined> {
  // QuickPickItem already has a `kind` (separators), so the request kind travels as the label.
  const items: vscode.QuickPickItem[] = NEW_SPEC_CHOICES.map((choice) => ({ label: choice.kind, description: choice.description }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Which SageMaker request?', matchOnDescription: true });
  return isSpecKind(picked?.label) ? picked.label : undefined;
}

function isSpecKind(value: unknown): value is SpecKind {
  return typeof value === 'string' && (SPEC_KINDS as readonly string[]).includes(value);
}
