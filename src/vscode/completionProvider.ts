/** Completion of image references, repositories, tags and access/input mode values. */
import * as vscode from 'vscode';
import { completeAt, liveTargetAt, type CompletionKind, type CompletionResult } from '../core/completion';
import { completeTaskResource, completeTaskResourceInYaml } from '../core/hosts/workflows/resourceCompletion';
import { JSON_LANGUAGE_IDS, YAML_LANGUAGE_IDS } from './servedLanguages';
import { completeInJsonHost } from '../core/jsonHostCompletion';
import { completeInDockerfile } from '../core/hosts/dockerfile/dockerfileCompletion';
import { requestAt } from '../core/hostDocument';
import { completeInPython } from '../core/hosts/python/pythonCompletion';
import { completePythonMembers } from '../core/hosts/python/pythonMemberCompletion';
import { completeInYaml } from '../core/hosts/yaml/yamlCompletion';
import { analysisOffset, editorRange, type ServedCell } from './notebookDocuments';
import type { SpecAnalysis } from './specAnalysis';
import { untrustedMarkdown } from './untrustedMarkdown';

const ITEM_KINDS: Record<CompletionKind, vscode.CompletionItemKind> = {
  image: vscode.CompletionItemKind.Module,
  repository: vscode.CompletionItemKind.Folder,
  tag: vscode.CompletionItemKind.Constant,
  value: vscode.CompletionItemKind.EnumMember,
  property: vscode.CompletionItemKind.Property,
};

/**
 * Characters after which VS Code asks for items: a value's opening quote, the `/` and `:` of an
 * image, and `.`, which is no word character, so typing `ml.` or `dkr.` closed the list over
 * instance types and registries (the provider answers nothing outside our values: `sm.` is left
 * to the language's own completion).
 */
export const COMPLETION_TRIGGERS = ['"', '/', ':', '.'];
/** In a Dockerfile, images are offered as soon as `FROM ` is typed. */
export const DOCKERFILE_COMPLETION_TRIGGERS = [' ', '/', ':'];

export class SpecCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly analysis: SpecAnalysis) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionList | undefined> {
    try {
      return await this.complete(document, position, token);
    } catch (error) {
      this.analysis.internalError('completion', error);
      return undefined;
    }
  }

  private async complete(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionList | undefined> {
    const served = this.analysis.documents.serve(document);
    // A state machine with no SageMaker task yet is no document of ours: its first task's Resource still completes.
    if (!served) return this.completeFirstTaskResource(document, position);
    // Offsets into the served text: a notebook cell's go through the notebook.
    const offset = analysisOffset(served.cell, document, position);
    if (offset === undefined) return undefined;
    const options = {
      catalog: this.analysis.catalog,
      regionInputs: this.analysis.regionInputs(served.cell?.read.notebook.uri ?? document.uri),
      apiModel: this.analysis.apiModel,
      live: this.analysis.live?.cache,
      algorithms: this.analysis.algorithms,
    };
    let result;
    if (served.json && served.document.host === 'json') {
      // Images of the user's own registries: fetch their repositories or tags first, within the budget.
      const liveTarget = this.analysis.live && liveTargetAt(served.json.spec, offset, this.analysis.catalog);
      if (liveTarget) await this.analysis.live!.prepareCompletion(liveTarget, token);
      result = completeAt(served.json.spec, offset, options);
    } else if (served.document.host === 'dockerfile') {
      result = completeInDockerfile(served.document.text, offset, options);
    } else if (served.document.host === 'json') {
      // A workflow's step or task, or a template's resource: the request under the cursor completes like a spec.
      const request = requestAt(served.document, offset);
      const liveTarget = request && this.analysis.live && liveTargetAt(request, offset, this.analysis.catalog);
      if (liveTarget) await this.analysis.live!.prepareCompletion(liveTarget, token);
      result = completeInJsonHost(served.document, offset, options);
    } else if (served.document.host === 'yaml') {
      // A state machine's task Resource first (a cheap test of the line), then what a JSON spec completes.
      result = completeTaskResourceInYaml(served.document.text, offset) ?? completeInYaml(served.document, offset, options, served.json?.forced);
    } else {
      // Images and framework arguments, else a boto3 request's member names and values.
      result = completeInPython(served.document, offset, options) ?? completePythonMembers(served.document, offset, options);
    }
    return result && this.toCompletionList(result, served.cell, document);
  }

  /** A task `Resource` in a JSON or YAML document not served (no SageMaker request in it yet). */
  private completeFirstTaskResource(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionList | undefined {
    const text = document.getText();
    const offset = document.offsetAt(position);
    const yaml = YAML_LANGUAGE_IDS.includes(document.languageId);
    if (!yaml && !JSON_LANGUAGE_IDS.includes(document.languageId)) return undefined;
    const result = yaml ? completeTaskResourceInYaml(text, offset) : completeTaskResource(text, offset);
    return result && this.toCompletionList(result, undefined, document);
  }

  private toCompletionList(result: CompletionResult, cell: ServedCell | undefined, document: vscode.TextDocument): vscode.CompletionList {
    const items = result.items.flatMap((item) => {
      const range = editorRange(cell, document, item.edit.offset, item.edit.length);
      if (!range) return [];
      const label: string | vscode.CompletionItemLabel = item.labelDetails ? { label: item.label, ...item.labelDetails } : item.label;
      const completion = new vscode.CompletionItem(label, ITEM_KINDS[item.kind]);
      completion.detail = item.detail;
      if (item.documentation) completion.documentation = untrustedMarkdown(item.documentation);
      completion.sortText = item.sortText;
      // We rank and filter ourselves; filtering by the typed text keeps VS Code from re-ranking.
      // The range starts where `typed` starts, so VS Code filters `typed` against this text.
      completion.filterText = item.filterText ?? result.typed + item.label;
      completion.range = range;
      completion.insertText = item.snippet ? new vscode.SnippetString(item.edit.newText) : item.edit.newText;
      // A YAML member's lines carry their own indentation: the editor must not add the line's again.
      completion.keepWhitespace = true;
      if (item.retrigger) completion.command = { command: 'editor.action.triggerSuggest', title: 'Suggest tags' };
      return [completion];
    });
    return new vscode.CompletionList(items, result.isIncomplete);
  }
}
