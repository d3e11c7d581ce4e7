/**
 * Renders edit intents as JSON text, keeping the document's own layout: members are inserted
 * with the indentation and line endings of their neighbours (or on one line in one-line
 * objects), strings are written with JSON escapes, and only the text of the edited node changes.
 *
 * Own code rather than jsonc-parser's `modify`: `modify` addresses members by path from the root
 * (so with duplicate keys it edits the first object of that name, not the one the finding is
 * about) and re-formats through a recursive formatter that overflows the stack on deep input.
 */
import type { Node } from 'jsonc-parser';
import type { FixValue, HostIntent } from '../edits/editIntent';
import { applyEdits, type TextEdit } from '../findings';
import { lineIndent, placeholderEnd, removedMemberEdits, sortWithoutOverlap } from './renderedEdits';
import { findProperty } from '../jsonTree';
import { jsoncErrorCount } from '../jsoncGrammar';
import type { RequestNode } from '../requestTree';

export interface RenderedEdits {
  edits: TextEdit[];
  /** Where the first string the fix wrote ends, as an offset into the text after the edits. */
  placeholderOffset?: number;
}

interface Layout {
  eol: string;
  /** One level of indentation ("  ", "\t", …). */
  unit: string;
  /** What a one-line object has inside its braces: `{ "a": 1 }` (" ") or `{"a": 1}` (""). */
  braceSpace: string;
}

/**
 * Renders `intents` against `text` (the text the intents' nodes were parsed from).
 * Returns undefined when the intents cannot be rendered as one clean change (two edits
 * overlap) or when the result would parse with more errors than the text has now: a fix
 * never makes a document worse. `verify: false` leaves that check to the caller (fix-all checks
 * a round's edits together: one parse per round, not two per fix).
 */
export function renderJsonEdits(text: string, intents: readonly HostIntent[], verify = true): RenderedEdits | undefined {
  const layout = detectLayout(text);
  const edits: TextEdit[] = [];
  const insertions = new Map<Node, { members: [string, FixValue][] }>();
  for (const change of intents) {
    switch (change.kind) {
      case 'replaceValue':
        edits.push({ offset: change.node.offset, length: change.node.length, newText: valueText(change.value, lineIndent(text, change.node.offset), layout, isOneLine(text, change.node)) });
        break;
      case 'replaceInString':
        edits.push(stringPartEdit(text, change.node, change.start, change.end, change.text));
        break;
      case 'renameMember': {
        // A key whose name is part of it (a Step Functions `"Name.$"`): only the name changes.
        const content = (change.key as RequestNode).content;
        if (content) edits.push({ offset: content.offset, length: content.length, newText: JSON.stringify(change.name).slice(1, -1) });
        else edits.push({ offset: change.key.offset, length: change.key.length, newText: JSON.stringify(change.name) });
        break;
      }
      case 'removeMember': {
        const removed = change.key.parent && removedMemberEdits(text, change.key.parent, true);
        if (!removed) return undefined;
        edits.push(...removed);
        break;
      }
      case 'setMember':
        planSetMember(text, layout, change.object, change.path, change.value, edits, insertions);
        break;
    }
  }
  for (const [object, { members }] of insertions) edits.push(insertMembers(text, layout, object, members));
  if (!sortWithoutOverlap(edits)) return undefined;
  if (verify && jsoncErrorCount(applyEdits(text, edits)) > jsoncErrorCount(text)) return undefined;
  return { edits, placeholderOffset: placeholderEnd(edits, '"') };
}

/** Walks `path` from `object`; what exists is reused, the rest becomes one inserted or replaced value. */
function planSetMember(
  text: string,
  layout: Layout,
  object: Node,
  path: readonly string[],
  value: FixValue,
  edits: TextEdit[],
  insertions: Map<Node, { members: [string, FixValue][] }>,
): void {
  let current = object;
  for (let depth = 0; depth < path.length; depth++) {
    const rest = path.slice(depth + 1);
    const nested = nest(rest, value);
    const property = findProperty(current, path[depth]);
    const existing = property?.children?.[1];
    if (!existing) {
      // Absent (or written as `"Name":` with no value yet): insert into this object.
      if (property) {
        edits.push({ offset: property.offset, length: property.length, newText: `${JSON.stringify(path[depth])}: ${valueText(nested, lineIndent(text, property.offset), layout, isOneLine(text, current))}` });
        return;
      }
      const planned = insertions.get(current) ?? { members: [] };
      planned.members.push([path[depth], nested]);
      insertions.set(current, planned);
      return;
    }
    if (rest.length === 0 || existing.type !== 'object') {
      edits.push({ offset: existing.offset, length: existing.length, newText: valueText(nested, lineIndent(text, property!.offset), layout, isOneLine(text, current)) });
      return;
    }
    current = existing;
  }
}

function nest(path: readonly string[], value: FixValue): FixValue {
  let result = value;
  for (let i = path.length - 1; i >= 0; i--) result = { [path[i]]: result };
  return result;
}

/** One edit adding `members` to `object`, after its last member or inside its braces. */
function insertMembers(text: string, layout: Layout, object: Node, members: [string, FixValue][]): TextEdit {
  const oneLine = isOneLine(text, object);
  const properties = object.children ?? [];
  const last = properties[properties.length - 1];
  if (last) {
    const indent = oneLine ? '' : lineIndent(text, last.offset);
    const separator = oneLine ? ' ' : layout.eol + indent;
    const rendered = members.map(([name, value]) => memberText(name, value, indent, layout, oneLine));
    let at = last.offset + last.length;
    let comma = ',';
    // A trailing comma (JSONC) already separates: write after it.
    const following = /^\s*,/.exec(text.slice(at, at + 256));
    if (following) {
      at += following[0].length;
      comma = '';
    }
    return { offset: at, length: 0, newText: `${comma}${separator}${rendered.join(`,${separator}`)}${following ? ',' : ''}` };
  }
  const close = object.offset + object.length - 1;
  const inside = text.slice(object.offset + 1, close);
  const closed = text[close] === '}';
  if (oneLine || !closed || inside.trim() !== '') {
    const rendered = members.map(([name, value]) => memberText(name, value, '', layout, true)).join(', ');
    return { offset: object.offset + 1, length: 0, newText: rendered };
  }
  const base = lineIndent(text, object.offset);
  const indent = base + layout.unit;
  const rendered = members.map(([name, value]) => memberText(name, value, indent, layout, false));
  return { offset: object.offset + 1, length: inside.length, newText: `${layout.eol}${indent}${rendered.join(`,${layout.eol}${indent}`)}${layout.eol}${base}` };
}

function memberText(name: string, value: FixValue, indent: string, layout: Layout, oneLine: boolean): string {
  return `${JSON.stringify(name)}: ${valueText(value, indent, layout, oneLine)}`;
}

/** JSON text of `value`; nested lines carry `indent` so they line up under their member. */
function valueText(value: FixValue, indent: string, layout: Layout, oneLine: boolean): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (oneLine || isEmpty(value)) return oneLineText(value, layout.braceSpace);
  return JSON.stringify(value, null, layout.unit).split('\n').join(layout.eol + indent);
}

function oneLineText(value: FixValue, braceSpace: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => oneLineText(item, braceSpace)).join(', ')}]`;
  const entries = Object.entries(value as Record<string, FixValue>).map(([name, member]) => `${JSON.stringify(name)}: ${oneLineText(member, braceSpace)}`);
  return entries.length === 0 ? '{}' : `{${braceSpace}${entries.join(', ')}${braceSpace}}`;
}

function isEmpty(value: object): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

/** Replaces part of a string's decoded value; a string with escapes is rewritten whole. */
function stringPartEdit(text: string, node: Node, start: number, end: number, replacement: string): TextEdit {
  const value = String(node.value);
  const raw = text.slice(node.offset + 1, node.offset + node.length - 1);
  if (raw.includes('\\') || raw.length !== value.length) {
    return { offset: node.offset, length: node.length, newText: JSON.stringify(value.slice(0, start) + replacement + value.slice(end)) };
  }
  return { offset: node.offset + 1 + start, length: end - start, newText: JSON.stringify(replacement).slice(1, -1) };
}

/** True when the node's text has no line break: new members stay on its line. */
function isOneLine(text: string, node: Node): boolean {
  const end = Math.min(node.offset + node.length, text.length);
  for (let i = node.offset; i < end; i++) if (text.charCodeAt(i) === 10) return false;
  return true;
}

function detectLayout(text: string): Layout {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indented = /\n([ \t]+)["{[\]}]/.exec(text.slice(0, 64 * 1024));
  const width = indented ? Math.min(Math.max(indented[1].length, 1), 8) : 2;
  return { eol, unit: indented?.[1].startsWith('\t') ? '\t' : ' '.repeat(width), braceSpace: braceSpace(text) };
}

/**
 * The spacing inside the braces of the document's first one-line object with a member
 * (`{"Get": "Parameters.X"}` or `{ "Get": … }`), so a fix's one-line object is written alike;
 * " " when there is none.
 */
function braceSpace(text: string): string {
  const first = /\{([ \t]*)"[^"\r\n]*"[ \t]*:[^\r\n]*\}/.exec(text.slice(0, 64 * 1024));
  return first && first[1] === '' ? '' : ' ';
}
