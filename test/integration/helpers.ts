// Helpers for the integration tests, which run inside a real VS Code (see test/integration/index.ts).
// Waits poll a condition until a deadline: never sleep a fixed time.
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'sagemaker-spec.sagemaker-spec';
export const DIAGNOSTIC_SOURCE = 'sagemaker-spec';

/** The folder the test workbench opens (out/test/integration → test/fixtures/workspace). */
export const FIXTURE_WORKSPACE = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspace');

/** Finds the extension under test and activates it. */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) {
    throw new Error(`Extension ${EXTENSION_ID} is not loaded in this VS Code`);
  }
  await extension.activate();
  return extension;
}

export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.file(path.join(FIXTURE_WORKSPACE, relativePath));
}

/** Opens a file of the test workspace (path relative to test/fixtures/workspace) in an editor. */
export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  return vscode.window.showTextDocument(document);
}

export interface WaitOptions {
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
  /** How often to ask again (default 50 ms). */
  intervalMs?: number;
  /** Named in the timeout error: "timed out waiting for <what>". */
  what?: string;
}

/**
 * Polls `predicate` until it returns a truthy value, and returns that value. Errors thrown by the
 * predicate count as "not yet"; the last one is quoted if the deadline passes.
 */
export async function waitFor<T>(
  predicate: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  { timeoutMs = 10_000, intervalMs = 50, what = 'a condition' }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError ? ` (last error: ${lastError instanceof Error ? lastError.message : String(lastError)})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A completion row's label text, whether the item has a plain label or label parts. */
export function completionLabel(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** This extension's diagnostics for a document (other sources, e.g. the JSON schema checks, left out). */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

/** Waits until this extension's diagnostics for `uri` satisfy `predicate`, and returns them. */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  options: WaitOptions = {},
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => {
      const diagnostics = ourDiagnostics(uri);
      return predicate(diagnostics) && diagnostics;
    },
    { what: `sagemaker-spec diagnostics on ${path.basename(uri.fsPath)}`, ...options },
  );
}

/**
 * Waits until VS Code's JSON language server has processed `document` (it answers with the
 * document's symbols), so checks made afterwards do not race its first pass.
 */
export async function waitForJsonLanguageServer(document: vscode.TextDocument): Promise<void> {
  await waitFor(
    async () => {
      const symbols = await vscode.commands.executeCommand<unknown[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return (symbols?.length ?? 0) > 0;
    },
    { timeoutMs: 30_000, what: `the JSON language server to process ${path.basename(document.uri.fsPath)}` },
  );
}
