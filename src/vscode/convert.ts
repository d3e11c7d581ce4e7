/** Conversions between the core's offsets and findings and the editor's ranges and diagnostics. */
import * as vscode from 'vscode';
import type { Finding, Severity, TextEdit } from '../core/findings';
import { ruleDocsUrl } from '../core/rules/ruleCodes';

export const DIAGNOSTIC_SOURCE = 'sagemaker-spec';

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** What turning offsets into positions needs: an open document, or a text's line index (Check Workspace). */
export type Positions = Pick<vscode.TextDocument, 'positionAt'>;

export function toRange(document: Positions, offset: number, length: number): vscode.Range {
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + length));
}

/** A core position (0-based line and UTF-16 character) as VS Code's. */
export function asPosition(position: { line: number; character: number }): vscode.Position {
  return new vscode.Position(position.line, position.character);
}

export function toDiagnostic(document: Positions, finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(document, finding.offset, finding.length), finding.message, SEVERITIES[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.code, target: vscode.Uri.parse(ruleDocsUrl(finding.code)) };
  return diagnostic;
}

export function toTextEdit(document: vscode.TextDocument, edit: TextEdit): vscode.TextEdit {
  return vscode.TextEdit.replace(toRange(document, edit.offset, edit.length), edit.newText);
}

/** The code of one of our diagnostics, whichever form VS Code hands it back in. */
export function diagnosticCode(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}
