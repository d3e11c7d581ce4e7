/** Markdown for hovers and completion documentation, which carry text from specs and registries. */
import * as vscode from 'vscode';

/**
 * A MarkdownString that renders no command links, no HTML and no `$(icon)` syntax, whatever the
 * text holds. (These are VS Code's defaults today; saying so keeps it that way.) The core escapes
 * spec text too; this is the second line.
 */
export function untrustedMarkdown(markdown: string): vscode.MarkdownString {
  const result = new vscode.MarkdownString(markdown, false);
  result.isTrusted = false;
  result.supportHtml = false;
  return result;
}
