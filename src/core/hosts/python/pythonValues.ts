/**
 * Python expressions as request-tree nodes: dict literals and `dict(Key=…)` / `dict(mapping, Key=…)`
 * calls become objects (a member a later one replaces left out, see pythonMemberOverrides.ts),
 * lists and tuples arrays, string/number/bool/None literals values, and names bound once what
 * they are bound to (at the binding's offsets); an f-string without replacement fields is the
 * string it spells. F-strings with fields, `"…".format(…)` and `+` of strings are templates: dynamic
 * string nodes whose static parts the template rules read, written in place or bound once to a name.
 * Anything else (calls, conditionals, comprehensions, names bound twice) is a dynamic node:
 * present, but never judged.
 */
import type { Node } from 'jsonc-parser';
import type { OffsetRange } from '../../jsonTree';
import type { RequestNode, TemplatePart } from '../../requestTree';
import { MemberSources } from './pythonMemberOverrides';
import type { PipelineParameterNames } from './pythonPipelineParameters';
import type { PythonScopes } from './pythonScopes';
import { decodeContent, decodeString, segmentOf, type StringSegment } from './pythonStrings';
import { childrenOf, sourceOf, type SyntaxNode } from './pythonSyntax';

/** What the Python fix renderer needs to know about a node beyond the request tree. */
export type PythonNodeInfo =
  /** An object written as `{…}` or as call arguments `(Key=…)`: where its own entries are. */
  | {
      kind: 'object';
      style: 'dict' | 'call';
      open: number;
      close: number;
      entries: { from: number; to: number }[];
      /**
       * Set for an object not written yet that a call's keyword argument would hold (an SDK
       * estimator's `hyperparameters`): members are added as `keyword={…}` to the call whose
       * arguments `open`, `close` and `entries` describe.
       */
      keyword?: string;
    }
  /** A member key: a string in a dict or a keyword argument's name. */
  | { kind: 'key'; style: 'string' | 'keyword' }
  | { kind: 'string'; segments: StringSegment[]; plain: boolean }
  /**
   * A value the SDK writes that the source does not (a record set's default channel `train`):
   * its range is the source that implies it, and no fix edits it there.
   */
  | { kind: 'sdkWritten' }
  /**
   * The channel name `training` the SDK gives a single `fit(…)` input; its range is the input.
   * Renaming it writes the input as a one-channel dict: `fit({"train": <input>})`.
   */
  | { kind: 'singleInputChannel' }
  /**
   * A value the SDK sends for a keyword argument the call does not write (a tuner's
   * `objective_type`, "Maximize"); its range is the source it applies to. Replacing it writes
   * `keyword=value` into the call whose arguments `call` describes.
   */
  | { kind: 'defaultArgument'; keyword: string; call: PythonNodeInfo & { kind: 'object' } };

export type PythonNode = RequestNode & {
  python?: PythonNodeInfo;
  /**
   * On an estimator's hyperparameters that are open only because `HyperparameterTuner`s take the
   * estimator: how many. When every one of them is read with all its ranges, the map is closed
   * again (pythonRequests.ts): a required hyperparameter no range sets is then missing.
   */
  openedByTuners?: number;
};

/**
 * The expressions a name's template parts are read through (templateParts): literals, f-strings,
 * `"…" "…"`, `+` and `"…".format(…)` (any other call is a placeholder there anyway).
 */
const TEMPLATE_SYNTAX = new Set(['String', 'FormatString', 'ContinuedString', 'BinaryExpression', 'CallExpression', 'VariableName']);

/** How deep names may resolve through other names and nested literals. */
const MAX_DEPTH = 40;

export class PythonValues {
  constructor(
    readonly text: string,
    readonly scopes: PythonScopes,
    /** The names the file binds to SageMaker Pipelines' parameter classes: SDK arguments read through a parameter's default. */
    readonly pipelineParameters?: PipelineParameterNames,
  ) {}

  /** The request-tree node for expression `syntax`. */
  node(syntax: SyntaxNode, parent: Node | undefined, depth = 0): PythonNode {
    if (depth > MAX_DEPTH) return this.dynamic(syntax, parent);
    switch (syntax.name) {
      case 'DictionaryExpression':
        return this.dictionary(syntax, parent, depth);
      case 'CallExpression':
        if (this.isDictCall(syntax)) {
          // Findings on the object as a whole go on `dict`, the way a dict literal's go on its `{`.
          const object = this.keywordObject(syntax.getChild('ArgList')!, parent, depth, 'call', true);
          object.anchor = { offset: syntax.from, length: 4 };
          return object;
        }
        return this.templateNode(syntax, parent) ?? this.dynamic(syntax, parent);
      case 'FormatString':
        return isConstantFormatString(syntax) ? this.string(syntax, parent) : (this.templateNode(syntax, parent) ?? this.dynamic(syntax, parent));
      case 'BinaryExpression': {
        // `max_run=60 * 60 * 24 * 30`: whole-number arithmetic of literals is the number Python sends.
        const computed = this.constantInteger(syntax, depth);
        if (computed !== undefined) return { type: 'number', value: computed, offset: syntax.from, length: syntax.to - syntax.from, parent };
        return this.templateNode(syntax, parent) ?? this.dynamic(syntax, parent);
      }
      case 'ArrayExpression':
      case 'TupleExpression':
        return this.sequence(syntax, parent, depth);
      case 'String':
        return this.string(syntax, parent);
      case 'ContinuedString':
        return childrenOf(syntax).some((piece) => piece.name === 'FormatString' && !isConstantFormatString(piece)) ? (this.templateNode(syntax, parent) ?? this.dynamic(syntax, parent)) : this.string(syntax, parent);
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
        // What the name is bound to, where it is bound: a literal's or a template's findings (and
        // fixes) land on its text there, once however many calls use the name (analyzeDocument).
        return this.node(bound, parent, depth + 1);
      }
      default:
        return this.dynamic(syntax, parent);
    }
  }

  /**
   * Call arguments as an object: `Key=value` members; `**name` merges a dict that resolves, else
   * the object is open. With `mapping` (the arguments of `dict(…)`), its one positional argument
   * is a mapping whose members the keywords override (`dict(common, Key=…)`): merged when it
   * resolves to a dict, else (pairs, a call, a name bound twice, `*args`) the object is open.
   * Otherwise positional arguments are no members (an SDK constructor's `image_uri, role`).
   */
  keywordObject(argList: SyntaxNode, parent: Node | undefined, depth: number, style: 'call' | 'dict', mapping = false): PythonNode {
    const object: PythonNode = { type: 'object', offset: argList.from, length: argList.to - argList.from, parent, children: [] };
    const children = childrenOf(argList);
    const sources = new MemberSources();
    let positionals = 0;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      const before = object.children!.length;
      if (child.name === 'VariableName' && children[i + 1]?.name === 'AssignOp' && children[i + 2]) {
        this.addMember(object, child, 'keyword', children[i + 2], depth);
        sources.note(object, before, 'written');
        i += 2;
      } else if (child.name === '**' && children[i + 1]) {
        this.merge(object, children[i + 1], depth);
        sources.note(object, before, 'spread');
        i += 1;
      } else if (mapping && child.name !== '(' && child.name !== ')' && child.name !== ',') {
        // `dict(a, b)` is a TypeError and `dict(*pairs)` unknowable: only one plain mapping is read.
        if (positionals++ === 0 && child.name !== '*') this.merge(object, child, depth);
        else object.openMembers = true;
        sources.note(object, before, 'mapping');
      }
    }
    sources.dropReplaced(object, false);
    object.python = argumentsInfo(argList, style, children);
    return object;
  }

  private dictionary(syntax: SyntaxNode, parent: Node | undefined, depth: number): PythonNode {
    const object: PythonNode = { type: 'object', offset: syntax.from, length: syntax.to - syntax.from, parent, children: [] };
    const children = childrenOf(syntax);
    const entries: { from: number; to: number }[] = [];
    const sources = new MemberSources();
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child.name === '{' || child.name === '}' || child.name === ',') continue;
      const before = object.children!.length;
      if (child.name === '**' && children[i + 1]) {
        this.merge(object, children[i + 1], depth);
        sources.note(object, before, 'spread');
        entries.push({ from: child.from, to: children[i + 1].to });
        i += 1;
      } else if (children[i + 1]?.name === ':' && children[i + 2]) {
        const value = children[i + 2];
        if (child.name === 'String' || child.name === 'ContinuedString') this.addMember(object, child, 'string', value, depth);
        else object.openMembers = true; // a computed key could be any member
        sources.note(object, before, 'written');
        entries.push({ from: child.from, to: value.to });
        i += 2;
      } else {
        object.openMembers = true; // a comprehension or something half-typed
        entries.push({ from: child.from, to: child.to });
      }
    }
    sources.dropReplaced(object, true);
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

  /** `**name` (or `dict(name)`): the members of the dict it resolves to join this object; otherwise they are unknown. */
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
    // An f-string with a replacement field is not a constant (a template, read elsewhere).
    if (pieces.some((piece) => piece.name !== 'String' && !(piece.name === 'FormatString' && isConstantFormatString(piece)))) return this.dynamic(syntax, parent);
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

  /**
   * The value of whole-number arithmetic (`+`, `-`, `*`, `//`, parentheses, a unary sign) of
   * integer literals and names bound once to such (`30 * DAY`), as Python computes it; undefined
   * for anything else (a float, `/`, `**`, a call) or a result past 2^53, which is never guessed.
   */
  private constantInteger(syntax: SyntaxNode, depth: number): number | undefined {
    if (depth > MAX_DEPTH) return undefined;
    switch (syntax.name) {
      case 'Number': {
        const value = pythonNumber(sourceOf(this.text, syntax));
        return value !== undefined && Number.isSafeInteger(value) && !/[.eEjJ]/.test(sourceOf(this.text, syntax).replace(/^0[xXoObB]/, '')) ? value : undefined;
      }
      case 'ParenthesizedExpression': {
        const inner = childrenOf(syntax).filter((child) => child.name !== '(' && child.name !== ')');
        return inner.length === 1 ? this.constantInteger(inner[0], depth + 1) : undefined;
      }
      case 'UnaryExpression': {
        const [operator, operand] = childrenOf(syntax);
        const value = operand ? this.constantInteger(operand, depth + 1) : undefined;
        const sign = operator ? sourceOf(this.text, operator) : '';
        return value === undefined ? undefined : sign === '-' ? -value : sign === '+' ? value : undefined;
      }
      case 'VariableName': {
        const bound = this.scopes.resolve(syntax);
        return bound ? this.constantInteger(bound, depth + 1) : undefined;
      }
      case 'BinaryExpression': {
        const [left, operator, right] = childrenOf(syntax);
        if (!left || !operator || !right) return undefined;
        const a = this.constantInteger(left, depth + 1);
        const b = a === undefined ? undefined : this.constantInteger(right, depth + 1);
        if (a === undefined || b === undefined) return undefined;
        const result = integerArithmetic(sourceOf(this.text, operator), a, b);
        return result !== undefined && Number.isSafeInteger(result) ? result : undefined;
      }
      default:
        return undefined;
    }
  }

  private number(syntax: SyntaxNode, parent: Node | undefined, literal: string): PythonNode {
    const value = pythonNumber(literal);
    if (value === undefined) return this.dynamic(syntax, parent);
    return { type: 'number', value, offset: syntax.from, length: syntax.to - syntax.from, parent };
  }

  /**
   * A string built at run time whose static parts we can read: f-strings, `"…".format(…)` and
   * `+` concatenation with string literals. Undefined when nothing of it is static text.
   */
  private templateNode(syntax: SyntaxNode, parent: Node | undefined): PythonNode | undefined {
    const parts = this.templateParts(syntax, 0);
    if (!parts || !parts.some((part) => part.kind === 'text')) return undefined;
    return { type: 'string', dynamic: true, template: parts, offset: syntax.from, length: syntax.to - syntax.from, parent, content: this.templateContent(syntax) };
  }

  /**
   * Where findings on a whole template go: inside the quotes, past a prefix (`f"…"`, `rf"…"`),
   * from the first to the last string of `"…" "…"` and of `a + "…" + b` (a name at either end
   * included), the literal of `"…".format(…)`. Read from the syntax, not the parts: a part read
   * from a name bound elsewhere (`account + "…"`) has its offsets where the name is bound.
   */
  private templateContent(syntax: SyntaxNode): OffsetRange {
    const from = this.templateEdge(syntax, 'start');
    return { offset: from, length: Math.max(0, this.templateEdge(syntax, 'end') - from) };
  }

  /** The source offset a template written as `syntax` starts (or ends) at, quotes and prefix left out. */
  private templateEdge(syntax: SyntaxNode, edge: 'start' | 'end'): number {
    let node = syntax;
    // `a + b + c` nests to the left: walked, not recursed, however long the chain.
    for (let depth = 0; depth <= MAX_DEPTH; depth++) {
      const children = childrenOf(node);
      const next =
        node.name === 'ContinuedString' || (node.name === 'BinaryExpression' && children.length === 3 && sourceOf(this.text, children[1]) === '+') ? (edge === 'start' ? children[0] : children[children.length - 1])
        : node.name === 'CallExpression' ? this.formatLiteral(node)
        : undefined;
      if (!next) break;
      node = next;
    }
    if (node.name !== 'String' && node.name !== 'FormatString') return edge === 'start' ? node.from : node.to;
    const segment = segmentOf(this.text, node.from, node.to);
    return edge === 'start' ? segment.contentFrom : segment.contentTo;
  }

  private templateParts(syntax: SyntaxNode, depth: number): TemplatePart[] | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const placeholder = (): TemplatePart[] => [{ kind: 'placeholder', offset: syntax.from, length: syntax.to - syntax.from, filledBy: 'programRun' }];
    switch (syntax.name) {
      case 'String': {
        const segment = segmentOf(this.text, syntax.from, syntax.to);
        if (segment.prefix.includes('b')) return undefined;
        const decoded = decodeContent(this.text, segment.contentFrom, segment.contentTo, segment.prefix.includes('r'), false);
        return decoded ? [{ kind: 'text', value: decoded.value, offsets: [...decoded.offsets, segment.contentTo] }] : undefined;
      }
      case 'FormatString':
        return this.formatStringParts(syntax);
      case 'ContinuedString': {
        const parts: TemplatePart[] = [];
        for (const piece of childrenOf(syntax)) {
          const inner = this.templateParts(piece, depth + 1);
          if (!inner) return undefined;
          for (const part of inner) parts.push(part);
        }
        return parts;
      }
      case 'BinaryExpression': {
        const [left, operator, right] = childrenOf(syntax);
        if (!left || !right || sourceOf(this.text, operator) !== '+') return placeholder();
        const leftParts = this.templateParts(left, depth + 1) ?? [];
        const rightParts = this.templateParts(right, depth + 1) ?? [];
        return [...(leftParts.length ? leftParts : [{ kind: 'placeholder', offset: left.from, length: left.to - left.from, filledBy: 'programRun' } as TemplatePart]), ...(rightParts.length ? rightParts : [{ kind: 'placeholder', offset: right.from, length: right.to - right.from, filledBy: 'programRun' } as TemplatePart])];
      }
      case 'CallExpression': {
        const format = this.formatLiteral(syntax);
        return format ? this.dotFormatParts(format) : placeholder();
      }
      case 'VariableName': {
        // A name bound once to a literal is its text, one bound to a template its parts (`registry =
        // f"{account}.dkr.ecr.{region}.amazonaws.com"`, then `registry + "/my-model:latest"`), their
        // offsets where it is bound; any other value is a placeholder here, at the name.
        const bound = this.scopes.resolve(syntax);
        const parts = bound && TEMPLATE_SYNTAX.has(bound.name) ? this.templateParts(bound, depth + 1) : undefined;
        return parts?.some((part) => part.kind === 'text') ? parts : placeholder();
      }
      default:
        return placeholder();
    }
  }

  /** `f"{account}.dkr.ecr.{region}…"`: text between the replacement fields, `{{`/`}}` decoded. */
  private formatStringParts(syntax: SyntaxNode): TemplatePart[] | undefined {
    const segment = segmentOf(this.text, syntax.from, syntax.to);
    if (segment.prefix.includes('b')) return undefined;
    const raw = segment.prefix.includes('r');
    const parts: TemplatePart[] = [];
    let at = segment.contentFrom;
    const addText = (from: number, to: number): boolean => {
      if (to <= from) return true;
      const decoded = decodeContent(this.text, from, to, raw, true);
      if (!decoded) return false;
      parts.push({ kind: 'text', value: decoded.value, offsets: [...decoded.offsets, to] });
      return true;
    };
    for (const field of syntax.getChildren('FormatReplacement')) {
      if (!addText(at, field.from)) return undefined;
      parts.push({ kind: 'placeholder', offset: field.from, length: field.to - field.from, filledBy: 'programRun' });
      at = field.to;
    }
    return addText(at, segment.contentTo) ? parts : undefined;
  }

  /** The string literal of a `"…".format(…)` call, else undefined. */
  private formatLiteral(call: SyntaxNode): SyntaxNode | undefined {
    const callee = call.firstChild;
    const literal = callee?.name === 'MemberExpression' && callee.lastChild?.name === 'PropertyName' && sourceOf(this.text, callee.lastChild) === 'format' ? callee.firstChild : undefined;
    return literal?.name === 'String' ? literal : undefined;
  }

  /** `"{}.dkr.ecr.{}…".format(…)`: the literal's text split at its `{…}` fields. */
  private dotFormatParts(literal: SyntaxNode): TemplatePart[] | undefined {
    const segment = segmentOf(this.text, literal.from, literal.to);
    const decoded = decodeContent(this.text, segment.contentFrom, segment.contentTo, segment.prefix.includes('r'), false);
    if (!decoded) return undefined;
    const offsets = [...decoded.offsets, segment.contentTo];
    const parts: TemplatePart[] = [];
    let text = '';
    let textOffsets: number[] = [];
    const flush = (end: number) => {
      if (text !== '') parts.push({ kind: 'text', value: text, offsets: [...textOffsets, end] });
      text = '';
      textOffsets = [];
    };
    const value = decoded.value;
    for (let i = 0; i < value.length; i++) {
      const char = value[i];
      if ((char === '{' || char === '}') && value[i + 1] === char) {
        text += char;
        textOffsets.push(offsets[i]);
        i++;
      } else if (char === '{') {
        const close = value.indexOf('}', i);
        if (close < 0) return undefined;
        flush(offsets[i]);
        parts.push({ kind: 'placeholder', offset: offsets[i], length: offsets[close + 1] - offsets[i], filledBy: 'programRun' });
        i = close;
      } else {
        text += char;
        textOffsets.push(offsets[i]);
      }
    }
    flush(offsets[value.length]);
    return parts;
  }

  dynamic(syntax: SyntaxNode, parent: Node | undefined): PythonNode {
    return { type: 'null', value: null, offset: syntax.from, length: syntax.to - syntax.from, parent, dynamic: true };
  }

  private isDictCall(call: SyntaxNode): boolean {
    const callee = call.firstChild;
    return callee?.name === 'VariableName' && sourceOf(this.text, callee) === 'dict' && call.getChild('ArgList') !== null;
  }
}

/** True for an f-string without replacement fields (`f"ml.m5.xlarge"`, `f"a{{b}}"`): a constant. */
export function isConstantFormatString(syntax: SyntaxNode): boolean {
  return syntax.name === 'FormatString' && !syntax.getChild('FormatReplacement');
}

/**
 * Where a call's arguments are (`entries`, each keyword, `**name` or positional argument) and its
 * brackets, for a fix that adds one; no value is read. `children` are the argument list's own
 * (childrenOf), when the caller has them.
 */
export function argumentsInfo(argList: SyntaxNode, style: 'call' | 'dict', children = childrenOf(argList)): PythonNodeInfo & { kind: 'object' } {
  const entries: { from: number; to: number }[] = [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child.name === 'VariableName' && children[i + 1]?.name === 'AssignOp' && children[i + 2]) {
      entries.push({ from: child.from, to: children[i + 2].to });
      i += 2;
    } else if (child.name === '**' && children[i + 1]) {
      entries.push({ from: child.from, to: children[i + 1].to });
      i += 1;
    } else if (child.name !== '(' && child.name !== ')' && child.name !== ',') {
      entries.push({ from: child.from, to: child.to }); // a positional argument: not a member
    }
  }
  return { kind: 'object', style, open: argList.from + 1, close: closingOffset(argList, ')'), entries };
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

/** `a <operator> b` for whole numbers as Python computes it (`//` floors); undefined for any other operator, or `// 0`. */
function integerArithmetic(operator: string, a: number, b: number): number | undefined {
  switch (operator) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '//':
      return b === 0 ? undefined : Math.floor(a / b);
    default:
      return undefined;
  }
}
