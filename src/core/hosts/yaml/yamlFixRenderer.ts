/**
 * Renders edit intents as YAML, touching only the lines of the edited nodes: a replaced string
 * keeps its quoting style (plain, 'single', "double"), new members go on a line of their own
 * after the last member of a block mapping (after its trailing comment) with the mapping's
 * indentation, or after the last entry of a flow mapping (`{a: 1, b: 2}`); new collections are
 * written in block style under a block mapping and in flow style inside flow collections.
 * Comments, anchors, aliases, other documents and every other byte stay as they are.
 *
 * Own code rather than the `yaml` package's Document editing: `Document.toString()` re-prints
 * the whole stream (quoting, indentation, comment placement), and a fix must not touch the rest.
 */
import type { Node } from 'jsonc-parser';
import type { FixValue, HostIntent } from '../../edits/editIntent';
import { applyEdits, type TextEdit } from '../../findings';
import { findProperty } from '../../jsonTree';
import { contentRange, type RequestNode } from '../../requestTree';
import { placeholderEnd, removedMemberEdits, sortWithoutOverlap } from '../renderedEdits';
import { awsCliPlainScalar } from './awsCliScalars';
import { isAmbiguousPlainScalar, isEmptyValue } from './yamlTree';
import { parseYaml } from './yamlSyntax';
import { lineStartAt } from '../../textPositions';

export interface RenderedYamlEdits {
  edits: TextEdit[];
  /** Where the first quoted string value the fix wrote ends (before its closing quote), in the text after the edits. */
  placeholderOffset?: number;
}

export interface Layout {
  eol: string;
  /** One level of block indentation (YAML allows only spaces). */
  unit: string;
}

type QuoteStyle = 'plain' | 'single' | 'double';

/**
 * Renders `intents` against `text` (the text their nodes were built from, see yamlTree.ts).
 * Returns undefined when two edits overlap or the result would parse with more YAML errors than
 * `text` has: a fix never makes a document worse.
 */
export function renderYamlEdits(text: string, intents: readonly HostIntent[], verify = true): RenderedYamlEdits | undefined {
  const layout = detectLayout(text);
  const edits: TextEdit[] = [];
  const insertions = new Map<Node, [string, FixValue][]>();
  for (const change of intents) {
    switch (change.kind) {
      case 'replaceValue':
        edits.push(replaceValueEdit(text, layout, change.node, change.value));
        break;
      case 'replaceInString':
        edits.push(stringPartEdit(text, change.node, change.start, change.end, change.text));
        break;
      case 'renameMember':
        edits.push(renameKeyEdit(text, change.key, change.name));
        break;
      case 'removeMember': {
        const property = change.key.parent;
        const object = property?.parent;
        const removed = property && object && removedMemberEdits(text, property, isFlowCollection(text, object) || inFlow(text, object));
        if (!removed) return undefined;
        edits.push(...removed);
        break;
      }
      case 'setMember':
        planSetMember(text, layout, change.object, change.path, change.value, edits, insertions);
        break;
    }
  }
  for (const [object, members] of insertions) edits.push(insertMembers(text, layout, object, members));
  if (!sortWithoutOverlap(edits)) return undefined;
  if (verify && yamlSyntaxErrorCount(applyEdits(text, edits)) > yamlSyntaxErrorCount(text)) return undefined;
  return { edits, placeholderOffset: placeholderEnd(edits, '"\'') };
}

/**
 * A key renamed: written whole in its quoting, except a Step Functions `Name.$` key, whose name
 * alone changes (its `content` stops before the `.$`, which keeps the value a path).
 */
function renameKeyEdit(text: string, key: Node, name: string): TextEdit {
  const content = (key as RequestNode).content;
  const contentEnd = content ? content.offset + content.length : -1;
  if (content && text.startsWith('.$', contentEnd) && /^[A-Za-z0-9_]+$/.test(name)) return { offset: content.offset, length: content.length, newText: name };
  return { offset: key.offset, length: key.length, newText: scalarText(name, quoteStyleAt(text, key.offset), inFlow(text, key)) };
}

/** A value replaced in place: scalars keep the node's quoting; collections take the context's style. */
function replaceValueEdit(text: string, layout: Layout, node: Node, value: FixValue): TextEdit {
  if (isEmptyValue(node) && node.parent?.type === 'property') return emptyValueEdit(text, layout, node.parent, value);
  const flow = inFlow(text, node) || (node.type !== 'object' && node.type !== 'array') || isFlowCollection(text, node);
  if (value === null || typeof value !== 'object' || flow || isEmpty(value)) {
    const style = node.type === 'string' ? quoteStyleAt(text, node.offset) : 'plain';
    return { offset: node.offset, length: node.length, newText: valueText(value, style, true, '', layout) };
  }
  // A block collection replaced by another: from just after its key's colon, so it starts on a new line.
  const start = afterColon(text, node.offset);
  return { offset: start, length: node.offset + node.length - start, newText: blockValue(value, keyIndent(text, node), layout) };
}

/** Replaces part of a string's value in place when the source spells it character for character, else the whole scalar. */
function stringPartEdit(text: string, node: Node, start: number, end: number, replacement: string): TextEdit {
  const value = String(node.value);
  const content = contentRange(node);
  const raw = text.slice(content.offset, content.offset + content.length);
  const style = quoteStyleAt(text, node.offset);
  const updated = value.slice(0, start) + replacement + value.slice(end);
  const flow = inFlow(text, node);
  if (raw === value && style !== 'plain' && !/[\\'"\n]/.test(replacement)) {
    return { offset: content.offset + start, length: end - start, newText: replacement };
  }
  if (raw === value && style === 'plain' && isPlainSafe(updated, flow)) {
    return { offset: content.offset + start, length: end - start, newText: replacement };
  }
  const blockStyle = text[node.offset] === '|' || text[node.offset] === '>';
  return { offset: node.offset, length: node.length, newText: scalarText(updated, blockStyle ? 'double' : style, flow) };
}

function planSetMember(text: string, layout: Layout, object: Node, path: readonly string[], value: FixValue, edits: TextEdit[], insertions: Map<Node, [string, FixValue][]>): void {
  let current = object;
  for (let depth = 0; depth < path.length; depth++) {
    const nested = nest(path.slice(depth + 1), value);
    const property = findProperty(current, path[depth]);
    const existing = property?.children?.[1];
    if (!property) {
      const planned = insertions.get(current) ?? [];
      planned.push([path[depth], nested]);
      insertions.set(current, planned);
      return;
    }
    if (!existing || isEmptyValue(existing)) {
      edits.push(emptyValueEdit(text, layout, property, nested));
      return;
    }
    if (path.length - depth === 1 || existing.type !== 'object') {
      edits.push(replaceValueEdit(text, layout, existing, nested));
      return;
    }
    current = existing;
  }
}

/** `Key:` with nothing after it (yet): the value goes after the colon. */
function emptyValueEdit(text: string, layout: Layout, property: Node, value: FixValue): TextEdit {
  const key = property.children![0];
  const object = property.parent!;
  const flow = inFlow(text, object) || isFlowCollection(text, object);
  const colon = text.indexOf(':', key.offset + key.length);
  const at = colon >= 0 ? colon + 1 : key.offset + key.length;
  const lineEnd = flow ? at : endOfLineBeforeComment(text, at);
  return { offset: at, length: lineEnd - at, newText: flow ? ` ${valueText(value, 'plain', true, '', layout)}` : blockValue(value, columnIndent(text, key.offset), layout) };
}

/** One edit adding `members` to `object`: new lines after a block mapping's last member, or entries in a flow mapping. */
function insertMembers(text: string, layout: Layout, object: Node, members: [string, FixValue][]): TextEdit {
  // Members merged from an anchor (`<<: *base`) lie elsewhere: new ones go after the object's own.
  const properties = (object.children ?? []).filter((property) => property.offset >= object.offset && property.offset < object.offset + object.length);
  const last = properties[properties.length - 1];
  if (isFlowCollection(text, object) || inFlow(text, object) || !last) {
    const entries = members.map(([name, value]) => `${keyText(name, true)}: ${valueText(value, 'plain', true, '', layout)}`);
    if (last) return { offset: last.offset + last.length, length: 0, newText: `, ${entries.join(', ')}` };
    const open = text.indexOf('{', object.offset);
    return { offset: open + 1, length: 0, newText: entries.join(', ') };
  }
  const indent = columnIndent(text, last.offset);
  const lines = members.map(([name, value]) => `${indent}${keyText(name, false)}:${blockValue(value, indent, layout)}`);
  const end = last.offset + last.length;
  // A value that ends its own line (a block scalar) leaves the cursor at the next line's start.
  if (text[end - 1] === '\n') return { offset: end, length: 0, newText: lines.map((line) => line + layout.eol).join('') };
  const lineEnd = endOfLine(text, end);
  return { offset: lineEnd, length: 0, newText: lines.map((line) => layout.eol + line).join('') };
}

/** What follows `Key:` for `value` in block context at key indentation `indent`: ` scalar`, or nested lines. */
function blockValue(value: FixValue, indent: string, layout: Layout): string {
  if (value === null || typeof value !== 'object' || isEmpty(value)) return ` ${valueText(value, 'plain', false, indent, layout)}`;
  const inner = indent + layout.unit;
  if (Array.isArray(value)) {
    return value.map((item) => `${layout.eol}${inner}-${sequenceItem(item, `${inner}  `, layout)}`).join('');
  }
  return Object.entries(value as Record<string, FixValue>)
    .map(([name, member]) => `${layout.eol}${inner}${keyText(name, false)}:${blockValue(member, inner, layout)}`)
    .join('');
}

/** An item after `-`: a mapping starts on the dash's line, its other members under the first. */
function sequenceItem(item: FixValue, indent: string, layout: Layout): string {
  if (item === null || typeof item !== 'object' || isEmpty(item) || Array.isArray(item)) return ` ${valueText(item, 'plain', true, indent, layout)}`;
  return Object.entries(item as Record<string, FixValue>)
    .map(([name, member], index) => `${index === 0 ? ' ' : layout.eol + indent}${keyText(name, false)}:${blockValue(member, indent, layout)}`)
    .join('');
}

/** A value on one line: a scalar in `style` (when it is a string), or a flow collection. */
function valueText(value: FixValue, style: QuoteStyle, flow: boolean, indent: string, layout: Layout): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return scalarText(value, style, flow);
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map((item) => valueText(item, 'plain', true, indent, layout)).join(', ')}]`;
  const entries = Object.entries(value as Record<string, FixValue>).map(([name, member]) => `${keyText(name, true)}: ${valueText(member, 'plain', true, indent, layout)}`);
  return entries.length === 0 ? '{}' : `{${entries.join(', ')}}`;
}

function keyText(name: string, flow: boolean): string {
  return isPlainSafe(name, flow) ? name : JSON.stringify(name);
}

/**
 * A string as a YAML scalar: plain when every reader reads it back as this string, else in the
 * wanted quotes (single quotes only for one line), else double quotes with JSON's escapes (JSON
 * strings are YAML double-quoted scalars).
 */
export function scalarText(value: string, style: QuoteStyle, flow: boolean): string {
  if (style === 'plain' && isPlainSafe(value, flow)) return value;
  if (style === 'single' && !/[\n\r\t]/.test(value) && !hasControl(value)) return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value);
}

/** Plain scalars that YAML 1.2 would not read as a string (numbers, booleans, nulls). */
const NOT_A_STRING = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0x[0-9a-fA-F]+|0o[0-7]+|true|True|TRUE|false|False|FALSE|null|Null|NULL|~)$/;

/** True when `value` written plain reads back as this very string in YAML 1.1 and 1.2 alike, and to the AWS CLI. */
function isPlainSafe(value: string, flow: boolean): boolean {
  if (value === '' || value !== value.trim() || hasControl(value) || /[\n\r\t]/.test(value)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) && !/^[-?:][^\s,[\]{}]/.test(value)) return false;
  if (value.includes(': ') || value.includes(' #') || value.endsWith(':')) return false;
  if (flow && /[,[\]{}]/.test(value)) return false;
  return !NOT_A_STRING.test(value) && !isAmbiguousPlainScalar(value) && awsCliPlainScalar(value).type === 'string';
}

function hasControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && code !== 9 && code !== 10 && code !== 13) || code === 0x7f) return true;
  }
  return false;
}

function quoteStyleAt(text: string, offset: number): QuoteStyle {
  return text[offset] === '"' ? 'double' : text[offset] === "'" ? 'single' : 'plain';
}

/** True when `node` sits inside a flow collection (`{…}` or `[…]`), where `,[]{}` end a plain scalar. */
function inFlow(text: string, node: Node): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) if (isFlowCollection(text, parent)) return true;
  return false;
}

function isFlowCollection(text: string, node: Node): boolean {
  return (node.type === 'object' || node.type === 'array') && (text[node.offset] === '{' || text[node.offset] === '[');
}

/** The indentation that puts a key at the column of the key at `offset` (spaces for a `- ` before it). */
function columnIndent(text: string, offset: number): string {
  const lineStart = lineStartAt(text, offset);
  return ' '.repeat(offset - lineStart);
}

/** The indentation of the key naming `node` (its member), for a block value that replaces it. */
function keyIndent(text: string, node: Node): string {
  const property = node.parent;
  const key = property?.type === 'property' ? property.children?.[0] : undefined;
  return key ? columnIndent(text, key.offset) : columnIndent(text, node.offset);
}

/** Just after the `:` that precedes `offset` on its key's line (spaces between them are replaced too). */
function afterColon(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && (text[at - 1] === ' ' || text[at - 1] === '\t' || text[at - 1] === '\n' || text[at - 1] === '\r')) at--;
  return text[at - 1] === ':' ? at : offset;
}

/** The end of the line holding `offset` (before its line break). */
function endOfLine(text: string, offset: number): number {
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  if (text[end - 1] === '\r') end--;
  return Math.max(end, offset);
}

/** The end of the line's content before a trailing ` # comment`, for a value written after a colon. */
function endOfLineBeforeComment(text: string, offset: number): number {
  const lineEnd = endOfLine(text, offset);
  const comment = text.slice(offset, lineEnd).search(/(?:^|\s)#/);
  return comment >= 0 ? offset + comment : lineEnd;
}

function nest(path: readonly string[], value: FixValue): FixValue {
  let result = value;
  for (let i = path.length - 1; i >= 0; i--) result = { [path[i]]: result };
  return result;
}

function isEmpty(value: object): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

/** The text's line ending and one level of block indentation (its first indented line's, else two spaces). */
export function detectLayout(text: string): Layout {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indented = /\n( +)[^\s#-]/.exec(text.slice(0, 64 * 1024));
  const width = indented ? Math.min(Math.max(indented[1].length, 1), 8) : 2;
  return { eol, unit: ' '.repeat(width) };
}

/** The number of syntax errors the yaml parser finds in `text`, all documents together. */
export function yamlSyntaxErrorCount(text: string): number {
  return parseYaml(text).documents.reduce((count, document) => count + document.errors.length, 0);
}
