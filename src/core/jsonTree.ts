/**
 * Small helpers over jsonc-parser's syntax tree: member lookup, key ranges and the mapping from
 * a decoded string value back to document offsets (JSON escapes make them differ).
 */
import type { Node } from 'jsonc-parser';
import type { RequestNode } from './requestTree';

/**
 * The property node (`"key": value`) for `name` in an object node. With duplicate keys, the
 * last one: that is the one JSON readers keep (the AWS CLI's and SDKs' parsers), so the one sent.
 */
export function findProperty(object: Node | undefined, name: string): Node | undefined {
  if (!object || object.type !== 'object' || !object.children) return undefined;
  for (let index = object.children.length - 1; index >= 0; index--) {
    const property = object.children[index];
    const key = property.children?.[0];
    if (key && key.value === name) return property;
  }
  return undefined;
}

/** The value node of member `name`, when present. */
export function memberValue(object: Node | undefined, name: string): Node | undefined {
  return findProperty(object, name)?.children?.[1];
}

/** The key node of a property whose value is `value`, if `value` is a member value. */
export function keyOfValue(value: Node): Node | undefined {
  const property = value.parent;
  if (property?.type === 'property' && property.children?.[1] === value) return property.children[0];
  return undefined;
}

/** Names of an object's members, in document order. */
export function memberNames(object: Node | undefined): string[] {
  if (!object || object.type !== 'object' || !object.children) return [];
  const names: string[] = [];
  for (const property of object.children) {
    const key = property.children?.[0];
    if (key && typeof key.value === 'string') names.push(key.value);
  }
  return names;
}

export function stringValue(node: Node | undefined): string | undefined {
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

export interface OffsetRange {
  offset: number;
  length: number;
}

/**
 * Maps an index into the decoded value of string `node` to a document offset. Without escapes
 * this is a plain shift past the opening quote; with escapes each decoded character is located.
 */
export function valueOffsetMapper(text: string, node: Node): (valueIndex: number) => number {
  const { offsetOfIndex: hostMapping, verbatim, content } = node as RequestNode;
  if (hostMapping) return hostMapping;
  if (verbatim && content) return (index) => content.offset + Math.min(index, content.length);
  const rawStart = node.offset + 1;
  const rawEnd = node.offset + node.length - 1;
  const raw = text.slice(rawStart, rawEnd);
  if (!raw.includes('\\')) return (index) => rawStart + index;
  const starts: number[] = [];
  for (let i = 0; i < raw.length; ) {
    starts.push(rawStart + i);
    if (raw[i] !== '\\') {
      i += 1;
    } else {
      i += raw[i + 1] === 'u' ? 6 : 2;
    }
  }
  starts.push(rawEnd);
  return (index) => starts[Math.min(index, starts.length - 1)];
}

/**
 * The string values of the other items of the list `node` is an item of (a fix must not make it a
 * copy of one: a Pipelines parameter's EnumValues would offer a choice twice); undefined when
 * `node` is no list item.
 */
export function otherItemStrings(node: Node): Set<string> | undefined {
  const list = node.parent;
  if (list?.type !== 'array') return undefined;
  const values = new Set<string>();
  for (const item of list.children ?? []) if (item !== node && typeof item.value === 'string') values.add(item.value);
  return values;
}
