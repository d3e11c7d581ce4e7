/**
 * Python expressions as request-tree nodes: dict literals and `dict(Key=…)` calls become objects,
 * lists and tuples arrays, string/number/bool/None literals values, and names bound once to a
 * literal what they are bound to. Anything else (calls, conditionals, comprehensions, f-strings,
 * names bound twice) is a dynamic node: present, but never judged.
 */
import type { Node } from 'jsonc-parser';
import type { RequestNode } from '../../requestTree';
import type { PythonScopes } from './pythonScopes';
import { decodeString, segmentOf, type StringSegment } from './pythonStrings';
import { childrenOf, sourceOf, type SyntaxNode } from './pythonSyntax';

/** What the Python fix renderer needs to know about a node beyond the request tree. */
export type PythonNodeInfo =
  /** An object written as `{…}` or as call arguments `(Key=…)`: where its own entries are. */
  | { kind: 'object'; style: 'dict' | 'call'; open: number; close: number; entries: { from: number; to: number }[] }
  /** A member key: a string in a dict or a keyword argument's name. */
  | { kind: 'key'; style: 'string' | 'keyword' }
  | { kind: 'string'; segments: StringSegment[]; plain: boolean };

export type PythonNode = RequestNode & { python?: PythonNodeInfo };

/** How deep names may resolve through other names and nested literals. */
const MAX_DEPTH = 40;

export class PythonValues {
  constructor(readonly text: string, private readonly scopes: PythonScopes) {}

  /** The request-tree node for expression `syntax`. */
  node(syntax: SyntaxNode, parent: Node | undefined, depth = 0): PythonNode {
    if (depth > MAX_DEPTH) return this.dynamic(syntax, parent);
    switch (syntax.name) {
      case 'DictionaryExpression':
        return this.dictionary(syntax, parent, depth);
      case 'CallExpression':
        return this.isDictCall(syntax) ? this.keywordObject(syntax.getChild('ArgList')!, parent, depth, 'call') : this.dynamic(syntax, parent);
      case 'ArrayExpression':
      case 'TupleExpression':
        return this.sequence(syntax, parent, depth);
      case 'String':
      case 'ContinuedString':
        return this.string(syntax, parent);
      case 'Number':
        return this.number(syntax, parent, sourceOf(this.text, syntax));
      case 'UnaryExpression': {
        const [operator, operand] = childrenOf(syntax);
        if (operator && operand?.name === 'Number' && (sourceOf(this.text, operator) === '-' || sourceOf(this.text, operator) === '+')) {
          return this.number(syntax, parent, sourceOf(this.text, operator) + sourceOf(this.text, operand));
        }
        return this.dynamic(syntax, parent);
      }
      case 'Boolean':
        return { type: 'boolean', value: sourceOf(this.text, syntax) === 'True', offset: syntax.from, length: syntax.to - syntax.from, parent };
      case 'None':
        return { type: 'null', value: null, offset: syntax.from, length: syntax.to - syntax.from, parent };
      case 'ParenthesizedExpression': {
        const inner = childrenOf(syntax).filter((child) => child.name !== '(' && child.name !== ')');
        return inner.length === 1 ? this.node(inner[0], parent, depth + 1) : this.dynamic(syntax, parent);
      }
      case 'VariableName': {
        const bound = this.scopes.resolve(syntax);
        if (!bound) return this.dynamic(syntax, parent);
        return this.node(bound, parent, depth + 1);
      }
      default:
        return this.dynamic(syntax, parent);
    }
  }

  /** Call arguments as an object: `Key=value` members; `**name` merges a dict that resolves, else the object is open. */
  keywordObject(argList: SyntaxNode, parent: Node | undefined, depth: number, style: 'call' | 'dict'): PythonNode {
    const object: PythonNode = { type: 'object', offset: argList.from, length: argList.to - argList.from, parent, children: [] };
    const children = childrenOf(argList);
    const entries: { from: number; to: number }[] = [];
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child.name === 'VariableName' && children[i + 1]?.name === 'AssignOp' && children[i + 2]) {
        const value = children[i + 2];
        this.addMember(object, child, 'keyword', value, depth);
        entries.push({ from: child.from, to: value.to });
        i += 2;
      } else if (child.name === '**' && children[i + 1]) {
        this.merge(object, children[i + 1], depth);
        entries.push({ from: child.from, to: children[i + 1].to });
        i += 1;
      } else if (child.name !== '(' && child.name !== ')' && child.name !== ',') {
        entries.push({ from: child.from, to: child.to }); // a positional argument: not a member
      }
    }
    object.python = { kind: 'object', style, open: argList.from + 1, close: closingOffset(argList, ')'), entries };
    return object;
  }

  private dictionary(syntax: SyntaxNode, parent: Node | undefined, depth: number): PythonNode {
    const object: PythonNode = { type: 'object', offset: syntax.from, length: syntax.to - syntax.from, parent, children: [] };
    const children = childrenOf(syntax);
    const entries: { from: number; to: number }[] = [];
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child.name === '{' || child.name === '}' || child.name === ',') continue;
      if (child.name === '**' && children[i + 1]) {
        this.merge(object, children[i + 1], depth);
        entries.push({ from: child.from, to: children[i + 1].to });
        i += 1;
      } else if (children[i + 1]?.name === ':' && children[i + 2]) {
        const value = children[i + 2];
        if (child.name === 'String' || child.name === 'ContinuedString') this.addMember(object, child, 'string', value, depth);
        else object.openMembers = true; // a computed key could be any member
        entries.push({ from: child.from, to: value.to });
        i += 2;
      } else {
        object.openMembers = true; // a comprehension or something half-typed
        entries.push({ from: child.from, to: child.to });
      }
    }
    object.python = { kind: 'object', style: 'dict', open: syntax.from + 1, close: closingOffset(syntax, '}'), entries };
    return object;
  }

  private addMember(object: PythonNode, keySyntax: SyntaxNode, style: 'string' | 'keyword', valueSyntax: SyntaxNode, depth: number): void {
    const property: PythonNode = { type: 'property', offset: keySyntax.from, length: valueSyntax.to - keySyntax.from, parent: object, colonOffset: keySyntax.to, children: [] };
    let key: PythonNode;
    if (style === 'keyword') {
      key = { type: 'string', value: sourceOf(this.text, keySyntax), offset: keySyntax.from, length: keySyntax.to - keySyntax.from, parent: property, content: { offset: keySyntax.from, length: keySyntax.to - keySyntax.from } };
    } else {
      key = this.string(keySyntax, property);
      if (key.dynamic) {
        object.openMembers = true;
        return;
      }
    }
    key.python = { kind: 'key', style };
    property.children!.push(key, this.node(valueSyntax, property, depth + 1));
    object.children!.push(property);
  }

  /** `**name`: the members of the dict it resolves to join this object; otherwise they are unknown. */
  private merge(object: PythonNode, expression: SyntaxNode, depth: number): void {
    const merged = this.node(expression, object, depth + 1);
    if (merged.type !== 'object' || merged.dynamic) {
      object.openMembers = true;
      return;
    }
    if (merged.openMembers) object.openMembers = true;
    for (const property of merged.children ?? []) {
      (property as { parent?: Node }).parent = object;
      object.children!.push(property);
    }
  }

  private sequence(syntax: SyntaxNode, parent: Node | undefined, depth: number): PythonNode {
    const array: PythonNode = { type: 'array', offset: syntax.from, length: syntax.to - syntax.from, parent, children: [] };
    for (const child of childrenOf(syntax)) {
      if (['[', ']', '(', ')', ','].includes(child.name)) continue;
      if (child.name === '*') return this.dynamic(syntax, parent); // a spread: the items are unknown
      array.children!.push(this.node(child, array, depth + 1));
    }
    return array;
  }

  string(syntax: SyntaxNode, parent: Node | undefined): PythonNode {
    const pieces = syntax.name === 'ContinuedString' ? childrenOf(syntax) : [syntax];
    if (pieces.some((piece) => piece.name !== 'String')) return this.dynamic(syntax, parent); // an f-string part
    const segments = pieces.map((piece) => segmentOf(this.text, piece.from, piece.to));
    const decoded = decodeString(this.text, segments);
    if (!decoded) return this.dynamic(syntax, parent);
    const first = segments[0];
    const last = segments[segments.length - 1];
    const offsets = decoded.offsets;
    return {
      type: 'string',
      value: decoded.value,
      offset: syntax.from,
      length: syntax.to - syntax.from,
      parent,
      content: { offset: first.contentFrom, length: last.contentTo - first.contentFrom },
      offsetOfIndex: (index) => offsets[Math.min(Math.max(index, 0), offsets.length - 1)],
      python: { kind: 'string', segments, plain: decoded.plain },
    };
  }

  private number(syntax: SyntaxNode, parent: Node | undefined, literal: string): PythonNode {
    const value = pythonNumber(literal);
    if (value === undefined) return this.dynamic(syntax, parent);
    return { type: 'number', value, offset: syntax.from, length: syntax.to - syntax.from, parent };
  }

  dynamic(syntax: SyntaxNode, parent: Node | undefined): PythonNode {
    return { type: 'null', value: null, offset: syntax.from, length: syntax.to - syntax.from, parent, dynamic: true };
  }

  private isDictCall(call: SyntaxNode): boolean {
    const callee = call.firstChild;
    return callee?.name === 'VariableName' && sourceOf(this.text, callee) === 'dict' && call.getChild('ArgList') !== null;
  }
}

/** The offset of the closing bracket of a dict or argument list, or its end when not typed yet. */
function closingOffset(node: SyntaxNode, bracket: string): number {
  const last = node.lastChild;
  return last?.name === bracket ? last.from : node.to;
}

/** Python int/float literal → number; complex and malformed ones → undefined. */
function pythonNumber(literal: string): number | undefined {
  const clean = literal.replace(/_/g, '').toLowerCase();
  if (/j$/.test(clean)) return undefined;
  const sign = clean.startsWith('-') ? -1 : 1;
  const body = clean.replace(/^[-+]/, '');
  if (/^0[xob]/.test(body)) {
    const parsed = Number(body);
    return Number.isNaN(parsed) ? undefined : sign * parsed;
  }
  const parsed = Number(body);
  return Number.isFinite(parsed) ? sign * parsed : undefined;
}
