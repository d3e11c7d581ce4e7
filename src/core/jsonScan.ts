/**
 * A flat pass over JSON text with jsonc-parser's scanner (no recursion, no tree): the names of
 * the top-level members and whether nesting stays within a depth limit. It tells a document's
 * kind before anything builds a tree, so other JSON files cost one scan and deep input never
 * reaches the recursive parser (about 6,000 levels overflow the stack).
 */
import { createScanner, SyntaxKind } from 'jsonc-parser';

/** Deeper than this is not a request: the SageMaker API's deepest request nests about 10 levels. */
export const MAX_NESTING_DEPTH = 64;

export interface JsonScan {
  /** Names of the top-level object's members in order (empty when the top level is not an object). */
  topLevelMembers: string[];
  /** The offset of the bracket that went past MAX_NESTING_DEPTH, when one did; the scan stops there. */
  tooDeepAt?: number;
}

/** Scans `text` once; cost is linear in its length, memory in its top-level member count. */
export function scanJson(text: string): JsonScan {
  const scanner = createScanner(text, true);
  const topLevelMembers: string[] = [];
  let depth = 0;
  let rootIsObject = false;
  let seenRoot = false;
  let lastTopLevelString: string | undefined;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    switch (token) {
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken:
        if (!seenRoot) rootIsObject = token === SyntaxKind.OpenBraceToken;
        seenRoot = true;
        depth++;
        if (depth > MAX_NESTING_DEPTH) return { topLevelMembers, tooDeepAt: scanner.getTokenOffset() };
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        if (depth > 0) depth--;
        break;
      case SyntaxKind.StringLiteral:
        seenRoot = true;
        if (depth === 1 && rootIsObject) lastTopLevelString = scanner.getTokenValue();
        break;
      case SyntaxKind.ColonToken:
        if (depth === 1 && rootIsObject && lastTopLevelString !== undefined) topLevelMembers.push(lastTopLevelString);
        lastTopLevelString = undefined;
        break;
      default:
        seenRoot = true;
        if (depth === 1) lastTopLevelString = undefined;
        break;
    }
  }
  return { topLevelMembers };
}
