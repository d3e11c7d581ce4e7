/**
 * Turns a YAML document into the request tree every rule reads (jsonc-parser's `Node` shape with
 * offsets into the YAML text), as yaml-language-server turns YAML into JSON's AST: mappings become
 * objects, sequences arrays, scalars strings, numbers, booleans and nulls, each with its source
 * range; `content` and `offsetOfIndex` say where a scalar's characters are (plain, quoted or
 * block scalars).
 *
 * - An alias is its anchor's value, with the anchor's offsets: a finding inside it points at the
 *   text that holds it, and a fix edits that text (so every alias sees the change).
 * - A node tagged with a CloudFormation short form (`!Sub …`) becomes the long form's one-member
 *   object (`{"Fn::Sub": …}`, its key on the tag), marked dynamic: the CloudFormation host reads
 *   it as an intrinsic function, and any other host never reports it.
 * - Other tags (`!Custom`, `!!binary`, …): the value is dynamic — some program reads it.
 * - A mapping with a merge key (`<<: *base`) gets the merged members it does not write itself, as
 *   YAML 1.1 readers (the AWS CLI) merge them, and open members: YAML 1.2 readers do not merge,
 *   so nothing is said about members missing or unknown there.
 * - A plain scalar that YAML 1.1 and 1.2 readers read differently (`yes`, `on`, `012`, `0o12`,
 *   `1_000`, `1:30`, `1e3`) keeps its YAML 1.2 value but is dynamic: a type or value problem is
 *   reported only where every reader agrees.
 * - `Key:` with no value is a member still being typed (like JSON's `"Key":`), not a null.
 */
import type { Node } from 'jsonc-parser';
import type { Alias, Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { OffsetRange } from '../../jsonTree';
import type { RequestNode } from '../../requestTree';
import { CLOUDFORMATION_SHORT_FORMS, yamlModule } from './yamlSyntax';

type YamlNode = Alias | Scalar | YAMLMap | YAMLSeq;

/** A tree node while it is being built (jsonc-parser's fields are read-only). */
type Building = { -readonly [K in keyof RequestNode]: RequestNode[K] };

/** Plain scalars YAML 1.1 reads as booleans and YAML 1.2 as strings. */
const YAML11_BOOLEAN = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;
/** Plain scalars that are numbers in one YAML version and something else (or another number) in the other. */
const AMBIGUOUS_NUMBER = /^[-+]?(?:0[0-7_]+|0b[01_]+|0o[0-7]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|[0-9][0-9_]*_[0-9_]*(?:\.[0-9_]*)?|[0-9.]*[0-9][eE][-+]?[0-9]+|[0-9]+[eE][-+]?[0-9]+)$/;

/** More nodes than this through aliases (a "billion laughs" document) and the rest is dynamic. */
const ALIAS_NODE_BUDGET = 200_000;
/** Deeper than this and the rest is dynamic: the walk is recursive. */
const MAX_DEPTH = 200;

/** True when YAML 1.1 and 1.2 readers disagree on the type or value of this plain scalar. */
export function isAmbiguousPlainScalar(source: string): boolean {
  return YAML11_BOOLEAN.test(source) || AMBIGUOUS_NUMBER.test(source) || source === '=';
}

/**
 * The tree of `document`'s top-level value (offsets into `text`), or undefined for an empty
 * document. Never throws on odd YAML: what cannot be read becomes a dynamic value.
 */
export function yamlDocumentTree(text: string, document: Document.Parsed): RequestNode | undefined {
  const contents = document.contents as YamlNode | null;
  if (!contents) return undefined;
  return new TreeBuilder(text, document).node(contents, undefined, 0);
}

class TreeBuilder {
  private readonly yaml = yamlModule();
  private aliasNodes = 0;

  constructor(private readonly text: string, private readonly document: Document.Parsed) {}

  /** `untag`: read a tagged node as if it had no tag (the value inside a short form). */
  node(source: YamlNode, parent: Node | undefined, depth: number, alias = false, untag = false): RequestNode {
    const yaml = this.yaml;
    if (alias && ++this.aliasNodes > ALIAS_NODE_BUDGET) return this.dynamic(source, parent);
    if (depth > MAX_DEPTH) return this.dynamic(source, parent);
    if (yaml.isAlias(source)) {
      const target = source.resolve(this.document) as YamlNode | undefined;
      return target ? this.node(target, parent, depth + 1, true) : this.dynamic(source, parent);
    }
    const tag = untag ? undefined : source.tag;
    if (tag && tag.startsWith('!') && !tag.startsWith('!!')) {
      const longForm = Object.hasOwn(CLOUDFORMATION_SHORT_FORMS, tag.slice(1)) ? CLOUDFORMATION_SHORT_FORMS[tag.slice(1)] : undefined;
      return longForm ? this.intrinsic(source, longForm, parent, depth, alias) : this.dynamic(source, parent);
    }
    if (yaml.isMap(source)) return this.map(source, parent, depth, alias);
    if (yaml.isSeq(source)) return this.seq(source, parent, depth, alias);
    return this.scalar(source as Scalar, parent, !source.tag);
  }

  private map(source: YAMLMap, parent: Node | undefined, depth: number, alias: boolean): RequestNode {
    const [start, end] = rangeOf(source);
    const object: Building = { type: 'object', offset: start, length: end - start, parent, children: [] };
    const merged: YamlNode[] = [];
    for (const pair of source.items as Pair<YamlNode | null, YamlNode | null>[]) {
      const key = pair.key;
      if (!key || !this.yaml.isScalar(key)) continue; // a complex key names no API member
      if (key.value === '<<' && key.type === 'PLAIN') {
        object.openMembers = true;
        if (pair.value && this.yaml.isSeq(pair.value)) merged.push(...(pair.value.items as YamlNode[]));
        else if (pair.value) merged.push(pair.value);
        continue;
      }
      const keyNode: Building = this.scalar(key, undefined, false);
      if (keyNode.type !== 'string') keyNode.type = 'string';
      const [keyStart] = rangeOf(key);
      const property: Building = { type: 'property', offset: keyStart, length: keyNode.offset + keyNode.length - keyStart, parent: object, children: [keyNode] };
      keyNode.parent = property;
      keyNode.value = String(key.value);
      const value = pair.value;
      if (value && !isEmptyScalar(this.yaml, value)) {
        const valueNode = this.node(value, property, depth + 1, alias);
        property.children!.push(valueNode);
        property.length = Math.max(property.length, valueNode.offset + valueNode.length - keyStart);
        property.colonOffset = keyNode.offset + keyNode.length;
      }
      object.children!.push(property);
    }
    if (merged.length > 0) this.merge(object, merged, depth);
    return object;
  }

  /**
   * YAML 1.1's merge (`<<: *base`, `<<: [*a, *b]`), as the AWS CLI reads it: the members of the
   * merged mappings that the mapping does not write itself (the first source wins), so the body
   * sent holds them; the mapping keeps open members, since YAML 1.2 readers do not merge.
   */
  private merge(object: Building, sources: YamlNode[], depth: number): void {
    const present = new Set(object.children!.map((property) => property.children?.[0]?.value));
    for (const source of sources) {
      const mapping = this.node(source, undefined, depth + 1, true);
      if (mapping.type !== 'object' || mapping.dynamic) continue;
      for (const property of mapping.children ?? []) {
        const name = property.children?.[0]?.value;
        if (present.has(name)) continue;
        present.add(name);
        (property as Building).parent = object;
        object.children!.push(property);
      }
    }
  }

  private seq(source: YAMLSeq, parent: Node | undefined, depth: number, alias: boolean): RequestNode {
    const [start, end] = rangeOf(source);
    const array: Building = { type: 'array', offset: start, length: end - start, parent, children: [] };
    for (const item of source.items as (YamlNode | null)[]) {
      if (!item) continue;
      array.children!.push(this.node(item, array, depth + 1, alias));
    }
    return array;
  }

  /** `!Sub x` as `{"Fn::Sub": x}`: the key spans the tag, the object the tag and its value. */
  private intrinsic(source: YamlNode, longForm: string, parent: Node | undefined, depth: number, alias: boolean): RequestNode {
    const [valueStart, valueEnd] = rangeOf(source);
    const shortForm = `!${longForm.replace(/^Fn::/, '')}`;
    const tagAt = this.text.lastIndexOf(shortForm, valueStart);
    const start = tagAt >= 0 ? tagAt : valueStart;
    const object: Building = { type: 'object', offset: start, length: valueEnd - start, parent, children: [], dynamic: true };
    const property: Building = { type: 'property', offset: start, length: valueEnd - start, parent: object, children: [] };
    const key: Building = { type: 'string', offset: start, length: shortForm.length, value: longForm, parent: property, content: { offset: start, length: shortForm.length } };
    property.children!.push(key);
    // The tagged value itself, read again without its tag.
    if (!isEmptyScalar(this.yaml, source)) property.children!.push(this.node(source, property, depth + 1, alias, true));
    object.children!.push(property);
    return object;
  }

  private scalar(source: Scalar, parent: Node | undefined, untagged: boolean): RequestNode {
    const [start, end] = rangeOf(source);
    const value = source.value;
    const length = end - start;
    const content = scalarContent(this.text, source.type, start, end);
    const node: Building = { type: 'string', offset: start, length, parent, value: undefined, content };
    if (value === null || value === undefined) node.type = 'null';
    else if (typeof value === 'boolean') node.type = 'boolean';
    else if (typeof value === 'number' || typeof value === 'bigint') node.type = 'number';
    else if (typeof value !== 'string') {
      node.dynamic = true; // a date or binary from a `!!` tag: not JSON
      return node;
    }
    node.value = typeof value === 'bigint' ? Number(value) : value;
    if (node.type === 'string') node.offsetOfIndex = offsetMapper(this.text, source.type, content, String(value));
    if (untagged && source.type === 'PLAIN' && isAmbiguousPlainScalar(this.text.slice(start, end))) node.dynamic = true;
    return node;
  }

  private dynamic(source: YamlNode, parent: Node | undefined): RequestNode {
    const [start, end] = rangeOf(source);
    return { type: 'string', offset: start, length: end - start, parent, value: undefined, dynamic: true };
  }
}

function rangeOf(node: { range?: [number, number, number] | null }): [number, number] {
  const range = node.range;
  return range ? [range[0], range[1]] : [0, 0];
}

/** `Key:` with nothing after it: a plain null with no source. */
function isEmptyScalar(yaml: ReturnType<typeof yamlModule>, node: YamlNode): boolean {
  if (!yaml.isScalar(node)) return false;
  const range = node.range;
  return node.value === null && (!range || range[0] === range[1]);
}

/** Where a scalar's characters lie: inside the quotes, after a block scalar's header line, or all of it. */
function scalarContent(text: string, type: Scalar['type'], start: number, end: number): OffsetRange {
  if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') return { offset: start + 1, length: Math.max(0, end - start - 2) };
  if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') {
    const lineEnd = text.indexOf('\n', start);
    const bodyStart = lineEnd < 0 || lineEnd >= end ? end : lineEnd + 1;
    let bodyEnd = end;
    while (bodyEnd > bodyStart && (text[bodyEnd - 1] === '\n' || text[bodyEnd - 1] === '\r')) bodyEnd--;
    return { offset: bodyStart, length: bodyEnd - bodyStart };
  }
  return { offset: start, length: end - start };
}

/**
 * Maps an index of a scalar's decoded value to a source offset: exact where the source spells the
 * value character for character (plain, single-line quoted, double-quoted with escapes); else
 * (folded lines, `''`) clamped to the content, which keeps every range inside the scalar.
 */
function offsetMapper(text: string, type: Scalar['type'], content: OffsetRange, value: string): (index: number) => number {
  // Built on first use: most strings are never asked (only image values and fixed strings are).
  let mapper: ((index: number) => number) | undefined;
  return (index) => (mapper ??= buildOffsetMapper(text, type, content, value))(index);
}

function buildOffsetMapper(text: string, type: Scalar['type'], content: OffsetRange, value: string): (index: number) => number {
  const raw = text.slice(content.offset, content.offset + content.length);
  const end = content.offset + content.length;
  if (raw === value) return (index) => content.offset + Math.min(index, value.length);
  if (type === 'QUOTE_DOUBLE' && !raw.includes('\n')) {
    const starts: number[] = [];
    for (let i = 0; i < raw.length; ) {
      starts.push(content.offset + i);
      if (raw[i] !== '\\') i += 1;
      else i += raw[i + 1] === 'x' ? 4 : raw[i + 1] === 'u' ? 6 : raw[i + 1] === 'U' ? 10 : 2;
    }
    starts.push(end);
    if (starts.length === value.length + 1) return (index) => starts[Math.min(index, starts.length - 1)];
  }
  return (index) => Math.min(content.offset + index, end);
}
