/** Completion of image references, repositories, tags and access/input mode values. */
import * as vscode from 'vscode';
import { completeAt, type CompletionKind } from '../core/completion';
import { toRange } from './convert';
import type { SpecAnalysis } from './specAnalysis';

const ITEM_KINDS: Record<CompletionKind, vscode.CompletionItemKind> = {
  image: vscode.CompletionItemKind.Module,
  repository: vscode.CompletionItemKind.Folder,
  tag: vscode.CompletionItemKind.Constant,
  value: vscode.CompletionItemKind.EnumMember,
  property: vscode.CompletionItemKind.Property,
};

export const COMPLETION_TRIGGERS = ['"', '/', ':'];

export class SpecCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly analysis: SpecAnalysis) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionList | undefined {
    const served = this.analysis.documents.get(document);
    if (!served) return undefined;
    const result = completeAt(served.spec, document.offsetAt(position), {
      catalog: this.analysis.catalog,
      regionInputs: this.analysis.regionInputs(document.uri),
      apiModel: this.analysis.apiModel,
    });
    if (!result) return undefined;
    const items = result.items.map((item) => {
      const completion = new vscode.CompletionItem(item.label, ITEM_KINDS[item.kind]);
      completion.detail = item.detail;
      if (item.documentation) completion.documentation = new vscode.MarkdownString(item.documentation);
      completion.sortText = item.sortText;
      // We rank and filter ourselves; filtering by the typed text keeps VS Code from re-ranking.
      completion.filterText = item.filterText ?? result.typed + item.label;
      completion.range = toRange(document, item.edit.offset, item.edit.length);
      completion.insertText = item.snippet ? new vscode.SnippetString(item.edit.newText) : item.edit.newText;
      if (item.retrigger) completion.command = { command: 'editor.action.triggerSuggest', title: 'Suggest tags' };
      return completion;
    });
    return new vscode.CompletionList(items, result.isIncomplete);
  }
}
