/** Hover on image references and member names; the Markdown is untrusted. */
import * as vscode from 'vscode';
import { requestAt } from '../core/hostDocument';
import { hoverAt } from '../core/hover';
import { analysisOffset, editorRange } from './notebookDocuments';
import type { SpecAnalysis } from './specAnalysis';
import { untrustedMarkdown } from './untrustedMarkdown';

export class ImageHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analysis: SpecAnalysis) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    try {
      const served = this.analysis.documents.serve(document);
      if (!served) return undefined;
      const offset = analysisOffset(served.cell, document, position);
      if (offset === undefined) return undefined;
      const spec = requestAt(served.document, offset);
      const hover = spec && hoverAt(spec, offset, this.analysis.catalog, this.analysis.apiModel, this.analysis.algorithms);
      if (!hover) return undefined;
      return new vscode.Hover(untrustedMarkdown(hover.markdown), editorRange(served.cell, document, hover.range.offset, hover.range.length));
    } catch (error) {
      this.analysis.internalError('hover', error);
      return undefined;
    }
  }
}
