/** Hover on image references and member names; the Markdown is untrusted. */
import * as vscode from 'vscode';
import { requestAt } from '../core/hostDocument';
import { hoverAt, hoverThroughAlias, type HoverResult } from '../core/hover';
import { hoverInPython } from '../core/hosts/python/pythonMemberHover';
import { chosenRegion, deploymentRegions, templateRegion } from '../core/region';
import { analysisOffset, editorRange } from './notebookDocuments';
import type { SpecAnalysis } from './specAnalysis';
import type { ServedDocument } from './specDocuments';
import { untrustedMarkdown } from './untrustedMarkdown';

export class ImageHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analysis: SpecAnalysis) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    try {
      const served = this.analysis.documents.serve(document);
      if (!served) return undefined;
      const offset = analysisOffset(served.cell, document, position);
      if (offset === undefined) return undefined;
      // On a YAML alias (`*img`), the hover of the value it reads.
      const hover = hoverThroughAlias(served.document, offset, (at) => this.hoverAt(served, document, at));
      if (!hover) return undefined;
      return new vscode.Hover(untrustedMarkdown(hover.markdown), editorRange(served.cell, document, hover.range.offset, hover.range.length));
    } catch (error) {
      this.analysis.internalError('hover', error);
      return undefined;
    }
  }

  /** The hover at `offset` of the analysed text `served` (of the editor's `document`). */
  private hoverAt(served: ServedDocument, document: vscode.TextDocument, offset: number): HoverResult | undefined {
    const { catalog, apiModel, algorithms } = this.analysis;
    // Python finds a member's key in the whole request tree (a dict bound to a name lies outside its call).
    const spec = served.document.host === 'python' ? undefined : requestAt(served.document, offset);
    // The regions a template is deployed to (templateRegions, else the one region chosen): the hover names those a Mappings table lacks.
    const inputs = spec?.anyRegion ? this.analysis.regionInputs(served.cell?.read.notebook.uri ?? document.uri) : undefined;
    const target = inputs && (templateRegion(inputs) ?? chosenRegion(inputs));
    const deployed = target && deploymentRegions(target);
    // A chosen region the catalog does not know is no region a stack is created in (mapping-missing-region leaves it out too).
    const templateRegions = deployed && { regions: target!.regions ? deployed.regions : deployed.regions.filter((region) => catalog.region(region) !== undefined), settingName: deployed.settingName };
    return served.document.host === 'python' ? hoverInPython(served.document, offset, catalog, apiModel, algorithms) : spec ? hoverAt(spec, offset, catalog, apiModel, algorithms, templateRegions) : undefined;
  }
}
