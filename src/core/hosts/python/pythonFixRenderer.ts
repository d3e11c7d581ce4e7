/**
 * Renders edit intents as Python: strings in the file's own quote style with Python escapes,
 * `True`/`False`/`None`, dict entries `'Key': value` in dict literals and keyword arguments
 * `Key=value` in calls (also for a value the SDK sends by default: the keyword is added), with
 * the indentation of the neighbouring entries. A string written in several segments (`"a" "b"`),
 * with a prefix, in triple quotes or with escapes changes only where its value does
 * (pythonStringEdit.ts): its comments, prefix and quotes stay.
 */
import type { Node } from 'jsonc-parser';
import type { FixValue, HostIntent } from '../../edits/editIntent';
import { applyEdits, type TextEdit } from '../../findings';
import { lineIndent, placeholderEnd, sortWithoutOverlap } from '../renderedEdits';
import { findProperty } from '../../jsonTree';
import { pythonStringLiteral } from './pythonStrings';
import { stringValueEdits } from './pythonStringEdit';
import { errorNodeCount } from './pythonSyntax';
import type { PythonNode, PythonNodeInfo } from './pythonValues';

export interface RenderedPythonEdits {
  edits: TextEdit[];
  /** Where the first string value the fix wrote ends (before its closing quote), in the text after the edits. */
  placeholderOffset?: number;
}

export interface Style {
  quote: string;
  unit: string;
  eol: string;
}

/**
 * Renders `intents` against `text`; undefined when two edits overlap, a node lacks what Python
 * rendering needs, or the result would parse with more errors than `text` has. `verify: false`
 * leaves that check to the caller (fix-all checks a round's edits together: two parses of the
 * whole text per fix made `check --fix` quadratic).
 */
export function renderPythonEdits(text: string, intents: readonly HostIntent[], verify = true): RenderedPythonEdits | undefined {
  const style = detectStyle(text);
  const edits: TextEdit[] = [];
  const insertions = new Map<Node, [string, FixValue][]>();
  for (const change of intents) {
    // No rule removes a member of Python code (a table row of a template is the only one removed).
    if (change.kind === 'removeMember') return undefined;
    if (((change.kind === 'renameMember' ? change.key : change.kind === 'setMember' ? change.object : change.node) as PythonNode).python?.kind === 'sdkWritten') return undefined;
    switch (change.kind) {
      case 'replaceValue':
        if ((change.node as PythonNode).python?.kind === 'singleInputChannel' && typeof change.value === 'string') {
          // `fit(<input>)` names its channel `training`: another name makes it `fit({"name": <input>})`.
          edits.push({ offset: change.node.offset, length: 0, newText: `{${pythonStringLiteral(change.value, style.quote)}: ` });
          edits.push({ offset: change.node.offset + change.node.length, length: 0, newText: '}' });
          break;
        }
        if ((change.node as PythonNode).python?.kind === 'defaultArgument') {
          // Not written: the call gets the keyword argument.
          const { keyword, call } = (change.node as PythonNode).python as Extract<PythonNodeInfo, { kind: 'defaultArgument' }>;
          const added = insertMembers(text, style, { ...(change.node as PythonNode), python: call }, [[keyword, change.value]]);
          if (!added) return undefined;
          edits.push(...added);
          break;
        }
        if (typeof change.value === 'string' && isWrittenString(change.node as PythonNode)) {
          // Split, prefixed or triple-quoted: only what differs is rewritten, so comments, prefix and quotes stay.
          const kept = keptStringEdits(text, change.node as PythonNode, change.value);
          if (!kept) return undefined;
          edits.push(...kept);
          break;
        }
        // A string replaced by a string keeps its own quotes (`'ml.g5.xlarg'` → `'ml.g5.xlarge'`).
        edits.push({
          offset: change.node.offset,
          length: change.node.length,
          newText: valueText(change.value, lineIndent(text, change.node.offset), typeof change.value === 'string' && change.node.type === 'string' ? { ...style, quote: quoteOf(text, change.node, style) } : style, false),
        });
        break;
      case 'replaceInString': {
        const node = change.node as PythonNode;
        if (isWrittenString(node) && typeof node.value === 'string') {
          const kept = keptStringEdits(text, node, node.value.slice(0, change.start) + change.text + node.value.slice(change.end));
          if (!kept) return undefined;
          edits.push(...kept);
          break;
        }
        const edit = stringPartEdit(node, change.start, change.end, change.text);
        if (!edit) return undefined;
        edits.push(edit);
        break;
      }
      case 'renameMember': {
        const info = (change.key as PythonNode).python;
        const keyword = info?.kind === 'key' && info.style === 'keyword';
        edits.push({ offset: change.key.offset, length: change.key.length, newText: keyword ? change.name : pythonStringLiteral(change.name, quoteOf(text, change.key, style)) });
        break;
      }
      case 'setMember':
        if (!planSetMember(text, style, change.object, change.path, change.value, edits, insertions)) return undefined;
        break;
    }
  }
  for (const [object, members] of insertions) {
    const added = insertMembers(text, style, object as PythonNode, members);
    if (!added) return undefined;
    edits.push(...added);
  }
  if (!sortWithoutOverlap(edits)) return undefined;
  if (verify && errorNodeCount(applyEdits(text, edits)) > errorNodeCount(text)) return undefined;
  return { edits, placeholderOffset: placeholderEnd(edits, `'"`) };
}

function planSetMember(text: string, style: Style, object: Node, path: readonly string[], value: FixValue, edits: TextEdit[], insertions: Map<Node, [string, FixValue][]>): boolean {
  let current = object as PythonNode;
  for (let depth = 0; depth < path.length; depth++) {
    const rest = path.slice(depth + 1);
    const nested = nest(rest, value);
    const existing = findProperty(current, path[depth])?.children?.[1] as PythonNode | undefined;
    if (!existing) {
      if (current.python?.kind !== 'object') return false;
      const members = insertions.get(current) ?? [];
      members.push([path[depth], nested]);
      insertions.set(current, members);
      return true;
    }
    if (rest.length === 0 || existing.type !== 'object' || existing.python?.kind !== 'object') {
      edits.push({ offset: existing.offset, length: existing.length, newText: valueText(nested, lineIndent(text, existing.offset), style, false) });
      return true;
    }
    current = existing;
  }
  return true;
}

function nest(path: readonly string[], value: FixValue): FixValue {
  let result = value;
  for (let i = path.length - 1; i >= 0; i--) result = { [path[i]]: result };
  return result;
}

/** The edits adding `members` to a dict literal (`'Key': value`) or a call (`Key=value`). */
function insertMembers(text: string, style: Style, object: PythonNode, members: [string, FixValue][]): TextEdit[] | undefined {
  const info = object.python;
  if (info?.kind !== 'object') return undefined;
  if (info.keyword !== undefined) {
    // The object is not written yet: it becomes one new keyword argument of its call.
    const written: Record<string, FixValue> = Object.fromEntries(members);
    return insertMembers(text, style, { ...object, python: { ...info, keyword: undefined, style: 'call' } }, [[info.keyword, written]]);
  }
  const member = (name: string, value: FixValue, indent: string, oneLine: boolean) =>
    info.style === 'call' ? `${name}=${valueText(value, indent, style, oneLine)}` : `${pythonStringLiteral(name, style.quote)}: ${valueText(value, indent, style, oneLine)}`;
  const oneLine = !text.slice(info.open, info.close).includes('\n');
  const last = info.entries[info.entries.length - 1];
  if (!last) {
    return [{ offset: info.open, length: 0, newText: members.map(([name, value]) => member(name, value, '', true)).join(', ') }];
  }
  const indent = oneLine ? '' : lineIndent(text, last.from);
  const separator = oneLine ? ' ' : style.eol + indent;
  const rendered = members.map(([name, value]) => member(name, value, indent, oneLine));
  let at = last.to;
  const following = /^[ \t]*,/.exec(text.slice(at, at + 64));
  if (following) at += following[0].length;
  const added = `${separator}${rendered.join(`,${separator}`)}${following ? ',' : ''}`;
  const comment = oneLine ? null : /^[ \t]*#[^\r\n]*/.exec(text.slice(at));
  if (comment) {
    // The last entry's own comment stays with it: the comma goes before the comment, the new members after it.
    const after: TextEdit = { offset: at + comment[0].length, length: 0, newText: added };
    return following ? [after] : [{ offset: last.to, length: 0, newText: ',' }, after];
  }
  return [{ offset: at, length: 0, newText: `${following ? '' : ','}${added}` }];
}

/** Python source for `value`; nested lines carry `indent`. */
function valueText(value: FixValue, indent: string, style: Style, oneLine: boolean): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return pythonStringLiteral(value, style.quote);
  const entries: string[] = Array.isArray(value)
    ? value.map((item) => valueText(item, indent + style.unit, style, oneLine))
    : Object.entries(value as Record<string, FixValue>).map(([name, member]) => `${pythonStringLiteral(name, style.quote)}: ${valueText(member, indent + style.unit, style, oneLine)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return `${open}${close}`;
  if (oneLine || entries.every((entry) => !entry.includes('\n')) && entries.join(', ').length < 60) return `${open}${entries.join(', ')}${close}`;
  return `${open}${style.eol}${indent}${style.unit}${entries.join(`,${style.eol}${indent}${style.unit}`)}${style.eol}${indent}${close}`;
}

/**
 * True for a string literal written in a way a plain rewrite would lose: in several segments, with
 * a prefix (`u'…'`, `r"…"`), in triple quotes, or with escapes.
 */
function isWrittenString(node: PythonNode): boolean {
  const info = node.python;
  return info?.kind === 'string' && (!info.plain || info.segments.length !== 1 || info.segments[0].quote.length !== 1);
}

/** The edits giving such a literal the value `after` as written (see stringValueEdits); undefined when it cannot be kept. */
function keptStringEdits(text: string, node: PythonNode, after: string): TextEdit[] | undefined {
  const info = node.python as Extract<PythonNodeInfo, { kind: 'string' }>;
  return typeof node.value === 'string' ? stringValueEdits(text, info.segments, node.value, after) : undefined;
}

/** Replaces part of a plain string's value in place (see isWrittenString for the others). */
function stringPartEdit(node: PythonNode, start: number, end: number, replacement: string): TextEdit | undefined {
  const info = node.python;
  if (info?.kind !== 'string' || !node.offsetOfIndex) return undefined;
  const escaped = pythonStringLiteral(replacement, info.segments[0].quote).slice(1, -1);
  const from = node.offsetOfIndex(start);
  return { offset: from, length: node.offsetOfIndex(end) - from, newText: escaped };
}

function quoteOf(text: string, node: Node, style: Style): string {
  const first = text[node.offset];
  return first === "'" || first === '"' ? first : style.quote;
}

/** The file's own habits: its most used quote, its indentation unit and line ends. */
export function detectStyle(text: string): Style {
  const sample = text.slice(0, 64 * 1024);
  let single = 0;
  let double = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === "'") single++;
    else if (sample[i] === '"') double++;
  }
  const indented = /\n( +|\t)\S/.exec(sample);
  return { quote: single > double ? "'" : '"', unit: indented?.[1].startsWith('\t') ? '\t' : indented ? ' '.repeat(Math.min(indented[1].length, 8)) : '    ', eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

