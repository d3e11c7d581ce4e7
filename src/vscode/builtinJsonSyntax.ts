/**
 * One finding per problem in the editor: VS Code's own JSON support (the built-in
 * `vscode.json-language-features`) already underlines every syntax error of a `json` or `jsonc`
 * document, so our `invalid-json` there would show the same error twice. It stays wherever that
 * support does not report it:
 * - a spec nested deeper than we parse (not a syntax error to VS Code, so it says nothing);
 * - `json.validate.enable` turned off for the document (VS Code then validates nothing);
 * - the built-in JSON extension disabled or absent (some VS Code forks, minimal builds);
 * - a document in any other language (what a host other than JSON may serve in future).
 * The checker (`sagemaker-spec check`) always reports it: there it is the only report.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/findings';
import type { ServedDocument } from './specDocuments';

export const BUILTIN_JSON_EXTENSION_ID = 'vscode.json-language-features';
const BUILTIN_JSON_LANGUAGES = new Set(['json', 'jsonc']);

/** True when VS Code's own JSON diagnostics report the syntax errors of `document`. */
export function vscodeReportsJsonSyntax(document: vscode.TextDocument): boolean {
  if (!BUILTIN_JSON_LANGUAGES.has(document.languageId)) return false;
  if (!vscode.extensions.getExtension(BUILTIN_JSON_EXTENSION_ID)) return false;
  return vscode.workspace.getConfiguration('json', document.uri).get<boolean>('validate.enable', true) !== false;
}

/**
 * `findings` without the `invalid-json` syntax errors VS Code already shows for `document` (the
 * same array when there are none to drop). The too-deep report is kept: VS Code has no such error.
 */
export function withoutBuiltinJsonDuplicates(findings: readonly Finding[], served: ServedDocument, document: vscode.TextDocument): readonly Finding[] {
  if (!findings.some((finding) => finding.code === 'invalid-json')) return findings;
  if (served.json?.spec.tooDeepAt !== undefined || !vscodeReportsJsonSyntax(document)) return findings;
  return findings.filter((finding) => finding.code !== 'invalid-json');
}
