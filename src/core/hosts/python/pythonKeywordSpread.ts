/**
 * The keyword arguments `**x` passes to a call, when `x` is certain: a dict literal with string
 * keys (`**{"instance_type": "ml.m5.xlarge"}`), `dict(instance_type=…)`, `dict(common, …)` of
 * such a dict, or a name bound once to one (`est_kwargs = dict(role=role, instance_count=1)`
 * shared by several estimators). Each value is the syntax written in the dict, so findings and
 * fixes land where it is written. Anything else (a call, a dict built at run time, a name bound
 * twice or mutated) is unknown.
 */
import type { PythonScopes } from './pythonScopes';
import { calleeName, childrenOf, sourceOf, type SyntaxNode } from './pythonSyntax';

/** Bound on names resolving to names and nested `**`: no real code goes deeper. */
const MAX_DEPTH = 8;

/** A keyword's name as a string key: one plain literal, a Python identifier. */
const KEYWORD_KEY = /^(['"])([A-Za-z_][A-Za-z0-9_]*)\1$/;

/**
 * The keywords `expression` (what follows `**`) passes, by name, in written order; undefined when
 * they cannot all be known.
 */
export function spreadKeywords(text: string, scopes: PythonScopes, expression: SyntaxNode, depth = 0): Map<string, SyntaxNode> | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (expression.name) {
    case 'VariableName': {
      const bound = scopes.resolve(expression);
      return bound ? spreadKeywords(text, scopes, bound, depth + 1) : undefined;
    }
    case 'DictionaryExpression':
      return dictionaryKeywords(text, scopes, childrenOf(expression), depth);
    case 'CallExpression': {
      const callee = calleeName(text, expression);
      const argList = expression.getChild('ArgList');
      return callee?.name === 'dict' && !callee.receiver && argList ? dictCallKeywords(text, scopes, childrenOf(argList), depth) : undefined;
    }
    default:
      return undefined;
  }
}

/** `{"key": value, **other}`. */
function dictionaryKeywords(text: string, scopes: PythonScopes, children: readonly SyntaxNode[], depth: number): Map<string, SyntaxNode> | undefined {
  const keywords = new Map<string, SyntaxNode>();
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child.name === '{' || child.name === '}' || child.name === ',') continue;
    if (child.name === '**' && children[i + 1]) {
      if (!mergeInto(keywords, spreadKeywords(text, scopes, children[i + 1], depth + 1))) return undefined;
      i += 1;
    } else if (child.name === 'String' && children[i + 1]?.name === ':' && children[i + 2]) {
      const key = KEYWORD_KEY.exec(sourceOf(text, child));
      if (!key) return undefined;
      keywords.set(key[2], children[i + 2]); // a later duplicate key wins, as in Python
      i += 2;
    } else {
      return undefined; // a computed key, a comprehension, something half-typed
    }
  }
  return keywords;
}

/**
 * `dict(key=value, **other)`, or `dict(mapping, key=value)` whose one positional argument is a
 * dict that is certain (its keywords override the mapping's, as in Python); any other positional
 * argument (`dict(pairs)`, `dict(*items)`) is unknown.
 */
function dictCallKeywords(text: string, scopes: PythonScopes, children: readonly SyntaxNode[], depth: number): Map<string, SyntaxNode> | undefined {
  const keywords = new Map<string, SyntaxNode>();
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child.name === '(' || child.name === ')' || child.name === ',') continue;
    if (child.name === 'VariableName' && children[i + 1]?.name === 'AssignOp' && children[i + 2]) {
      keywords.set(sourceOf(text, child), children[i + 2]);
      i += 2;
    } else if (child.name === '**' && children[i + 1]) {
      if (!mergeInto(keywords, spreadKeywords(text, scopes, children[i + 1], depth + 1))) return undefined;
      i += 1;
    } else if (i === 1 && child.name !== '*') {
      // The mapping comes first (Python allows no positional argument after a keyword).
      if (!mergeInto(keywords, spreadKeywords(text, scopes, child, depth + 1))) return undefined;
    } else {
      return undefined;
    }
  }
  return keywords;
}

function mergeInto(keywords: Map<string, SyntaxNode>, more: Map<string, SyntaxNode> | undefined): boolean {
  if (!more) return false;
  for (const [name, value] of more) keywords.set(name, value);
  return true;
}
