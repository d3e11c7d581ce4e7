/** Hover on image references. */
import * as vscode from 'vscode';
import { hoverAt } from '../core/hover';
import { toRange } from './convert';
import type { SpecAnalysis } from './specAnalysis';

/**
 * Markdown built from spec text: no command links, no HTML, no `$(icon)` syntax, whatever the
 * core let through. (These are VS Code's defaults today; saying so keeps it that way.)
 */
export function untrustedMarkdown(markdown: string): vscode.MarkdownString {
  const result = new vscode.MarkdownString(markdown, false);
  result.isTrusted = false;
  result.supportHtml = false;
  return result;
}

export class ImageHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analysis: SpecAnalysis) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const served = this.analysis.documents.get(document);
    if (!served) return undefined;
    const hover = hoverAt(served.spec, document.offsetAt(position), this.analysis.catalog, this.analysis.apiModel);
    if (!hover) return undefined;
    return new vscode.Hover(untrustedMarkdown(hover.markdown), toRange(document, hover.range.offset, hover.range.length));
  }
}
