/**
 * Parsing Python with @lezer/python (error-recovering: half-typed code still gives a tree) and
 * small helpers over its syntax nodes.
 */
import type { SyntaxNode, Tree } from '@lezer/common';
import type { LRParser } from '@lezer/lr';

export type { SyntaxNode, Tree };

let loadedParser: LRParser | undefined;

/**
 * Parses `text` (never throws: syntax errors become error nodes). The grammar is loaded on the
 * first call, not when the extension activates: most workspaces never parse Python for us.
 */
export function parsePython(text: string): Tree {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load: esbuild defers the module until this runs
  loadedParser ??= (require('@lezer/python') as typeof import('@lezer/python')).parser;
  return loadedParser.parse(text);
}

/**
 * The direct children of `node`, in order, without comments: lezer puts a comment wherever it
 * stands (between arguments, items, a key and its value), and no caller wants one as an operand.
 */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.name !== 'Comment') children.push(child);
  return children;
}

export function sourceOf(text: string, node: SyntaxNode): string {
  return text.slice(node.from, node.to);
}

/** How many error nodes lezer puts in `text`'s tree: a fix or completion must not add any. */
export function errorNodeCount(text: string): number {
  let count = 0;
  const cursor = parsePython(text).cursor();
  do if (cursor.type.isError) count++;
  while (cursor.next());
  return count;
}

/** Lezer marks what it could not parse with error nodes (`⚠`). */
export function isErrorNode(node: SyntaxNode): boolean {
  return node.type.isError;
}

/** The name a call is made by: `f` in `f(…)`, `m` in `a.b.m(…)`; with the node naming it. */
export function calleeName(text: string, call: SyntaxNode): { name: string; node: SyntaxNode; receiver?: SyntaxNode } | undefined {
  const callee = call.firstChild;
  if (!callee) return undefined;
  if (callee.name === 'VariableName') return { name: sourceOf(text, callee), node: callee };
  if (callee.name === 'MemberExpression') {
    const property = callee.lastChild;
    if (property?.name === 'PropertyName') return { name: sourceOf(text, property), node: property, receiver: callee.firstChild ?? undefined };
  }
  return undefined;
}

/** The dotted source of a name or attribute chain (`sagemaker.image_uris`), or undefined for anything else. */
export function dottedName(text: string, node: SyntaxNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.name === 'VariableName') return sourceOf(text, node);
  if (node.name === 'MemberExpression') {
    const base = dottedName(text, node.firstChild ?? undefined);
    const property = node.lastChild;
    if (base !== undefined && property?.name === 'PropertyName' && node.getChild('.')) return `${base}.${sourceOf(text, property)}`;
  }
  return undefined;
}
