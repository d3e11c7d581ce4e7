/**
 * "SageMaker: New Spec…": pick a request kind, get an untitled `<kind>.sagemaker.json` in the
 * workspace folder (so saving proposes that name) with its required and common members and a
 * pinned SageMaker image for the target region, inserted as a snippet: the cursor starts at the
 * first blank and Tab walks the others in reading order.
 */
import * as vscode from 'vscode';
import { freeSpecFileName, newSpecSnippet, NEW_SPEC_CHOICES } from '../core/newSpec';
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
  const folder = targetFolder();
  const region = resolveRegion({ ...analysis.regionInputs(folder?.uri), specImageRegions: [] });
  const snippet = newSpecSnippet(chosen, { apiModel: analysis.apiModel, catalog: analysis.catalog, region: region.region, algorithms: analysis.algorithms });
  const fileStem = NEW_SPEC_CHOICES.find((choice) => choice.kind === chosen)!.fileStem;
  const document = await openUntitled(folder, fileStem);
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(snippet), new vscode.Position(0, 0));
  return document;
}

/** The folder of the active editor's file, else the first workspace folder; none in an empty window. */
function targetFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
}

/**
 * An empty untitled JSON document. In a folder it carries a path (`untitled:` scheme), so Save
 * proposes `<stem>.sagemaker.json` there, numbered past names already taken.
 */
async function openUntitled(folder: vscode.WorkspaceFolder | undefined, fileStem: string): Promise<vscode.TextDocument> {
  if (!folder) return vscode.workspace.openTextDocument({ language: 'json' });
  const name = await freeSpecFileName(fileStem, (candidate) => isTaken(vscode.Uri.joinPath(folder.uri, candidate)));
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, name).with({ scheme: 'untitled' }));
  // `files.associations` may make it JSONC, which we serve as well; anything else becomes JSON.
  return ['json', 'jsonc'].includes(document.languageId) ? document : vscode.languages.setTextDocumentLanguage(document, 'json');
}

/** A file on disk or an open document (an earlier new spec not yet saved) with that path. */
async function isTaken(uri: vscode.Uri): Promise<boolean> {
  if (vscode.workspace.textDocuments.some((document) => document.uri.path === uri.path)) return true;
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
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
