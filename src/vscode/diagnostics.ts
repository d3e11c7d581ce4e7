/**
 * Keeps the Problems panel in step with open documents: analysed on open, debounced while typing,
 * re-run when settings change, cleared on close. A notebook is analysed as a whole (its cells
 * share one scope): a change to any cell, or cells added or removed, refreshes every cell.
 */
import * as vscode from 'vscode';
import { toDiagnostic, DIAGNOSTIC_SOURCE } from './convert';
import { cellDiagnostics, isNotebookCell, notebookOf } from './notebookDocuments';
import type { SpecAnalysis } from './specAnalysis';

/** How long typing must pause before a spec is analysed again. */
export const TYPING_DELAY_MS = 150;

export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly analysis: SpecAnalysis) {
    this.subscriptions.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((document) => (isNotebookCell(document) ? this.schedule(document) : this.refresh(document))),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.clear(document)),
      vscode.workspace.onDidOpenNotebookDocument((notebook) => this.refreshNotebook(notebook)),
      vscode.workspace.onDidChangeNotebookDocument((event) => {
        for (const change of event.contentChanges) for (const cell of change.removedCells) this.collection.delete(cell.document.uri);
        this.scheduleNotebook(event.notebook);
      }),
      vscode.workspace.onDidCloseNotebookDocument((notebook) => this.clearNotebook(notebook)),
    );
    this.refreshAll();
  }

  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) if (!isNotebookCell(document)) this.refresh(document);
    for (const notebook of vscode.workspace.notebookDocuments) this.refreshNotebook(notebook);
  }

  refresh(document: vscode.TextDocument): void {
    if (isNotebookCell(document)) {
      const notebook = notebookOf(document);
      if (notebook) this.refreshNotebook(notebook);
      else this.collection.delete(document.uri);
      return;
    }
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    let result: ReturnType<SpecAnalysis['analyze']>;
    try {
      result = this.analysis.analyze(document);
    } catch (error) {
      // One document must never stop the others (or activation, which refreshes them all).
      this.analysis.internalError(`analysis of ${document.uri.toString(true)}`, error);
      result = undefined;
    }
    if (!result) {
      this.collection.delete(document.uri);
      return;
    }
    this.collection.set(document.uri, result.analysis.findings.map((finding) => toDiagnostic(document, finding)));
  }

  /** Every cell's diagnostics from one analysis of the notebook. */
  refreshNotebook(notebook: vscode.NotebookDocument): void {
    const key = notebookTimerKey(notebook);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const cells = notebook.getCells().map((cell) => cell.document);
    let diagnostics: Map<vscode.TextDocument, vscode.Diagnostic[]> | undefined;
    try {
      const first = cells.find((document) => this.analysis.documents.serve(document));
      const result = first && this.analysis.analyze(first);
      diagnostics = result?.served.cell && cellDiagnostics(result.served.cell.read, result.analysis.findings);
    } catch (error) {
      this.analysis.internalError(`analysis of ${notebook.uri.toString(true)}`, error);
    }
    for (const document of cells) {
      const found = diagnostics?.get(document);
      if (found) this.collection.set(document.uri, found);
      else this.collection.delete(document.uri);
    }
  }

  private scheduleNotebook(notebook: vscode.NotebookDocument): void {
    const key = notebookTimerKey(notebook);
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => this.refreshNotebook(notebook), TYPING_DELAY_MS));
  }

  private clearNotebook(notebook: vscode.NotebookDocument): void {
    clearTimeout(this.timers.get(notebookTimerKey(notebook)));
    this.timers.delete(notebookTimerKey(notebook));
    for (const cell of notebook.getCells()) this.collection.delete(cell.document.uri);
    this.analysis.documents.notebooks.forget(notebook);
  }

  private schedule(document: vscode.TextDocument): void {
    // A cell's change (or a cell opening with its notebook) refreshes the whole notebook, once.
    const notebook = notebookOf(document);
    if (notebook) return this.scheduleNotebook(notebook);
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => this.refresh(document), TYPING_DELAY_MS));
  }

  private clear(document: vscode.TextDocument): void {
    clearTimeout(this.timers.get(document.uri.toString()));
    this.timers.delete(document.uri.toString());
    this.collection.delete(document.uri);
    this.analysis.forget(document);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** A notebook's timer, apart from that of the same file opened as text. */
function notebookTimerKey(notebook: vscode.NotebookDocument): string {
  return `notebook:${notebook.uri.toString()}`;
}
