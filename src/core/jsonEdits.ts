/**
 * Building quick-fix edits: replacing parts of string values (respecting JSON escapes) and
 * setting members with jsonc-parser's `modify`, which keeps the document's own formatting.
 */
import { applyEdits as applyJsonEdits, modify, type JSONPath, type Node } from 'jsonc-parser';
import type { TextEdit } from './findings';
import { hasEscapes } from './jsonTree';

export interface Formatting {
  insertSpaces: boolean;
  tabSize: number;
  eol: string;
}

/** Guesses indentation and line endings from the text itself, so inserted JSON matches it. */
export function detectFormatting(text: string): Formatting {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indented = /\n([ \t]+)["{[\]}]/.exec(text);
  if (indented && indented[1].startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
  const width = indented ? indented[1].length : 2;
  return { insertSpaces: true, tabSize: Math.min(Math.max(width, 1), 8), eol };
}

/**
 * Replaces `[start, end)` of a string node's decoded value with `replacement`. When the string
 * uses escapes, the whole literal is rewritten so offsets cannot go wrong.
 */
export function replaceInString(text: string, node: Node, start: number, end: number, replacement: string): TextEdit {
  const value = String(node.value);
  if (hasEscapes(text, node)) {
    return { offset: node.offset, length: node.length, newText: JSON.stringify(value.slice(0, start) + replacement + value.slice(end)) };
  }
  const escaped = JSON.stringify(replacement).slice(1, -1);
  return { offset: node.offset + 1 + start, length: end - start, newText: escaped };
}

/** Replaces the whole content of a string node. */
export function replaceStringValue(node: Node, replacement: string): TextEdit {
  return { offset: node.offset, length: node.length, newText: JSON.stringify(replacement) };
}

/**
 * Sets several members in turn and returns one edit spanning everything that changed, so a
 * quick fix stays a single, reviewable change even when it touches nested objects.
 */
export function setMembers(text: string, changes: readonly { path: JSONPath; value: unknown }[]): { edit: TextEdit; result: string } | undefined {
  const formattingOptions = detectFormatting(text);
  let result = text;
  for (const change of changes) {
    const edits = modify(result, change.path, change.value, { formattingOptions });
    result = applyJsonEdits(result, edits);
  }
  if (result === text) return undefined;
  return { edit: singleEdit(text, result), result };
}

/** The smallest single replacement that turns `before` into `after`. */
export function singleEdit(before: string, after: string): TextEdit {
  let prefix = 0;
  const limit = Math.min(before.length, after.length);
  while (prefix < limit && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return { offset: prefix, length: before.length - prefix - suffix, newText: after.slice(prefix, after.length - suffix) };
}
