/**
 * Keeps the Problems panel in step with open documents: analysed on open, again after edits at a
 * pace set by what the last analysis cost (analysisPacing.ts), re-run when settings change,
 * cleared on close. A notebook is analysed as a whole (its cells share one scope): a change to any
 * cell, or cells added or removed, refreshes every cell.
 */
import * as vscode from 'vscode';
import { analysisDelayMs, type LastAnalysis } from './analysisPacing';
import { withoutBuiltinJsonDuplicates } from './builtinJsonSyntax';
import { toDiagnostic, DIAGNOSTIC_SOURCE } from './convert';
import { cellDiagnostics, isNotebookCell, notebookOf } from './notebookDocuments';
import type { SpecAnalysis } from './specAnalysis';

/**
 * How long typing must pause before the launch commands read the active spec's kind again
 * (registerLaunchCommands.ts). Diagnostics no longer wait a fixed time: see analysisPacing.ts.
 */
export const TYPING_DELAY_MS = 150;

export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  /** The pending analysis per document (or notebook), as its cancel: at most one, whatever the edits. */
  private readonly pending = new Map<string, () => void>();
  /** What each document's (or notebook's) last analysis cost, for the pace of the next. */
  private readonly lastAnalyses = new Map<string, LastAnalysis>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly analysis: SpecAnalysis) {
    this.subscriptions.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (isNotebookCell(document)) this.schedule(document);
        else this.refresh(document);
        this.scheduleLinked(document.uri);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        this.schedule(event.document);
        this.scheduleLinked(event.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.clear(document);
        // Its unsaved text is gone: a template reading it reads the file on disk now.
        this.scheduleLinked(document.uri);
      }),
      vscode.workspace.onDidSaveTextDocument((document) => this.scheduleLinked(document.uri)),
      vscode.workspace.onDidCreateFiles((event) => event.files.forEach((uri) => this.scheduleLinked(uri))),
      vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => this.scheduleLinked(uri))),
      vscode.workspace.onDidRenameFiles((event) => event.files.forEach(({ oldUri, newUri }) => [oldUri, newUri].forEach((uri) => this.scheduleLinked(uri)))),
      vscode.workspace.onDidOpenNotebookDocument((notebook) => this.refreshNotebook(notebook)),
      vscode.workspace.onDidChangeNotebookDocument((event) => {
        for (const change of event.contentChanges) for (const cell of change.removedCells) this.collection.delete(cell.document.uri);
        this.scheduleNotebook(event.notebook);
      }),
      vscode.workspace.onDidCloseNotebookDocument((notebook) => this.clearNotebook(notebook)),
      // Whether VS Code reports JSON syntax errors itself decides whether we do (builtinJsonSyntax.ts).
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('json.validate.enable') && this.refreshAll()),
      vscode.extensions.onDidChange(() => this.refreshAll()),
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
    this.cancel(key);
    const started = performance.now();
    let result: ReturnType<SpecAnalysis['analyze']>;
    try {
      result = this.analysis.analyze(document);
    } catch (error) {
      // One document must never stop the others (or activation, which refreshes them all).
      this.analysis.internalError(`analysis of ${document.uri.toString(true)}`, error);
      result = undefined;
    }
    // A cached result reports what producing it cost; for a document not ours, deciding so counts.
    const endedAt = performance.now();
    this.lastAnalyses.set(key, { costMs: result?.costMs ?? endedAt - started, endedAt });
    if (!result) {
      this.collection.delete(document.uri);
      return;
    }
    const findings = withoutBuiltinJsonDuplicates(result.analysis.findings, result.served, document);
    this.collection.set(document.uri, findings.map((finding) => toDiagnostic(document, finding)));
  }

  /** Every cell's diagnostics from one analysis of the notebook. */
  refreshNotebook(notebook: vscode.NotebookDocument): void {
    const key = notebookTimerKey(notebook);
    this.cancel(key);
    const cells = notebook.getCells().map((cell) => cell.document);
    const started = performance.now();
    let diagnostics: Map<vscode.TextDocument, vscode.Diagnostic[]> | undefined;
    try {
      const first = cells.find((document) => this.analysis.documents.serve(document));
      const result = first && this.analysis.analyze(first);
      diagnostics = result?.served.cell && cellDiagnostics(result.served.cell.read, result.analysis.findings);
    } catch (error) {
      this.analysis.internalError(`analysis of ${notebook.uri.toString(true)}`, error);
    }
    const endedAt = performance.now();
    this.lastAnalyses.set(key, { costMs: endedAt - started, endedAt });
    for (const document of cells) {
      const found = diagnostics?.get(document);
      if (found) this.collection.set(document.uri, found);
      else this.collection.delete(document.uri);
    }
  }

  private scheduleNotebook(notebook: vscode.NotebookDocument): void {
    this.scheduleOnce(notebookTimerKey(notebook), () => this.refreshNotebook(notebook));
  }

  /**
   * Edits never analyse in their own handler: they start one pending analysis, which later edits
   * join (it reads the text as it is when it runs), at the pace analysisDelayMs allows.
   */
  private scheduleOnce(key: string, refresh: () => void): void {
    if (this.pending.has(key)) return;
    const delay = analysisDelayMs(this.lastAnalyses.get(key), performance.now());
    // setImmediate, not setTimeout(0) (at least 1 ms in Node): a 2 KB spec's whole analysis costs less.
    if (delay === 0) {
      const immediate = setImmediate(refresh);
      this.pending.set(key, () => clearImmediate(immediate));
    } else {
      const timer = setTimeout(refresh, delay);
      this.pending.set(key, () => clearTimeout(timer));
    }
  }

  private cancel(key: string): void {
    this.pending.get(key)?.();
    this.pending.delete(key);
  }

  private clearNotebook(notebook: vscode.NotebookDocument): void {
    this.cancel(notebookTimerKey(notebook));
    this.lastAnalyses.delete(notebookTimerKey(notebook));
    for (const cell of notebook.getCells()) this.collection.delete(cell.document.uri);
    this.analysis.documents.notebooks.forget(notebook);
  }

  private schedule(document: vscode.TextDocument): void {
    // A cell's change (or a cell opening with its notebook) refreshes the whole notebook, once.
    const notebook = notebookOf(document);
    if (notebook) return this.scheduleNotebook(notebook);
    this.scheduleOnce(document.uri.toString(), () => this.refresh(document));
  }

  /**
   * The templates that read the state machine file at `uri` (`DefinitionUri`) are analysed again:
   * the images its placeholders take are checked in them. When `uri` is a template, so are the open
   * state machine files it may deploy. (A file changed outside VS Code is read again at the
   * template's next analysis.)
   */
  private scheduleLinked(uri: vscode.Uri): void {
    if (uri.scheme !== 'file') return;
    const { documents } = this.analysis;
    const linked = new Set([...documents.linkedTo(uri.fsPath), ...documents.forgetDeployedBy(uri.fsPath)]);
    for (const document of linked) this.schedule(document);
  }

  private clear(document: vscode.TextDocument): void {
    this.cancel(document.uri.toString());
    this.lastAnalyses.delete(document.uri.toString());
    this.collection.delete(document.uri);
    this.analysis.forget(document);
  }

  dispose(): void {
    for (const cancel of this.pending.values()) cancel();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** A notebook's timer, apart from that of the same file opened as text. */
function notebookTimerKey(notebook: vscode.NotebookDocument): string {
  return `notebook:${notebook.uri.toString()}`;
}
