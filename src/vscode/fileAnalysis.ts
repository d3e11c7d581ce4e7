/**
 * The editor's analysis of a text that is not (or not yet) a document's current text: a file on
 * disk for Check Workspace, the text between fix-all rounds. The same options as open documents
 * (settings and `.sagemaker-spec.json` of the file, cached live registry answers), and never a
 * registry or AWS call: only open documents refresh live answers.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/findings';
import { analyzeDocument, type HostDocument } from '../core/hostDocument';
import { readSettings } from './settings';
import type { SpecAnalysis } from './specAnalysis';

/** The findings of `document` (read from `uri`'s text), with `uri`'s settings. */
export function analyzeHostDocument(analysis: SpecAnalysis, uri: vscode.Uri, document: HostDocument, forcedSpec: boolean): Finding[] {
  const settings = readSettings(uri);
  return analyzeDocument(document, {
    catalog: analysis.catalog,
    apiModel: analysis.apiModel,
    instanceGpus: analysis.instanceGpus,
    regionInputs: analysis.regionInputs(uri),
    rules: settings.rules,
    forcedSpec,
    cdkStackTemplate: settings.cdkStackTemplate,
    live: analysis.live?.cache,
    onInternalError: (rule, error) => analysis.internalError(`rule ${rule}`, error),
  }).findings;
}
