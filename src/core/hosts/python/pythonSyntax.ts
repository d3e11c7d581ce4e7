/**
 * Parsing Python with @lezer/python (error-recovering: half-typed code still gives a tree) and
 * small helpers over its syntax nodes.
 */
import type { SyntaxNode, Tree } from '@lezer/common';
import type { LRParser } from '@lezer/lr';

export type { SyntaxNode, Tree };

let loadedParser: LRParser | undefined;

/** How many texts parsePython has parsed in this process; tests prove fix-all parses once per round, not per fix. */
export const pythonParseCount = { value: 0 };

/**
 * Parses `text` (never throws: syntax errors become error nodes). The grammar is loaded on the
 * first call, not when the extension activates: most workspaces never parse Python for us.
 */
export function parsePython(text: string): Tree {
  pythonParseCount.value++;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load: esbuild defers the module until this runs
  loadedParser ??= (require('@lezer/python') as typeof import('@lezer/python')).parser;
  let tree = loadedParser.parse(text);
  if (!MAYBE_TARGET_NOT_NAME.test(text)) return tree; // most files: no second walk over the tree
  // Same length, so every offset still points into `text`; kept only while lezer then reads more
  // of the file. Again after each pass: a broken item hides the `with` statements after it.
  let masked = text;
  for (let pass = 0; pass < 8; pass++) {
    const targets = withTargetsNotNames(tree, masked);
    if (targets.length === 0) break;
    for (const at of targets) masked = `${masked.slice(0, at)}in${masked.slice(at + 2)}`;
    const reparsed = loadedParser.parse(masked);
    if (errorCount(reparsed) >= errorCount(tree)) break;
    tree = reparsed;
  }
  return tree;
}

/** Text that may hold an `as` followed by a target other than a plain name (a cheap test before walking the tree). */
const MAYBE_TARGET_NOT_NAME = /\bas\s*[([]|\bas\s+\w+\s*[.[]/;

/**
 * The offsets of the `as` of each `with` item whose target is not a plain name: `with f() as (a, b):`,
 * `as [a, b]`, `as x.y`, `as x[0]`, all valid Python. The grammar of @lezer/python (1.1.19) takes
 * only `as name`; on anything else its recovery loses the statement's body and the indentation of
 * the rest of the file, so later functions' locals read as module names (bound twice, never
 * resolved). Read as `with f() in (a, b):` instead, the item is a comparison whose right side is
 * the target, with the same nodes at the same offsets; PythonScopes binds it (see withTarget).
 */
function withTargetsNotNames(tree: Tree, text: string): number[] {
  const found: number[] = [];
  tree.iterate({
    enter: (node) => {
      if (node.name !== 'as' || node.node.parent?.name !== 'WithStatement' || text.slice(node.from, node.to) !== 'as') return;
      const next = node.node.nextSibling;
      const broken = next?.type.isError || (next?.name === 'VariableName' && next.nextSibling?.type.isError && next.nextSibling.from === next.to);
      if (broken) found.push(node.from);
    },
  });
  return found;
}

function errorCount(tree: Tree): number {
  let count = 0;
  const cursor = tree.cursor();
  do if (cursor.type.isError) count++;
  while (cursor.next());
  return count;
}

/**
 * The target of a `with` item lezer could only read as a comparison (see withTargetsNotNames):
 * the right side of `item in target` when the source there says `as`, else undefined.
 */
export function withTarget(text: string, item: SyntaxNode): SyntaxNode | undefined {
  if (item.name !== 'BinaryExpression' || item.parent?.name !== 'WithStatement') return undefined;
  const [, operator, target] = childrenOf(item);
  return operator && target && sourceOf(text, operator) === 'as' ? target : undefined;
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
  return errorCount(parsePython(text));
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
