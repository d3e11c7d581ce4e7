/**
 * Keeps the Problems panel in step with open documents: analysed on open, debounced while typing,
 * re-run when settings change, cleared on close.
 */
import * as vscode from 'vscode';
import { toDiagnostic, DIAGNOSTIC_SOURCE } from './convert';
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
      vscode.workspace.onDidOpenTextDocument((document) => this.refresh(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.clear(document)),
    );
    this.refreshAll();
  }

  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.refresh(document);
  }

  refresh(document: vscode.TextDocument): void {
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

  private schedule(document: vscode.TextDocument): void {
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
