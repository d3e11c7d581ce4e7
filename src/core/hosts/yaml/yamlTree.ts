/**
 * Turns a YAML document into the request tree every rule reads (jsonc-parser's `Node` shape with
 * offsets into the YAML text), as yaml-language-server turns YAML into JSON's AST: mappings become
 * objects, sequences arrays, scalars strings, numbers, booleans and nulls, each with its source
 * range; `content`, `verbatim` and `offsetOfIndex` say where a scalar's characters are (plain, quoted or
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
 *   reported only where every reader agrees (CloudFormation, workflows: readers differ).
 * - `Key:` with no value is a member still being typed (like JSON's `"Key":`), not a null.
 *
 * AWS CLI input has one reader, the AWS CLI v2: readAsAwsCli gives such a tree the CLI's values
 * instead (awsCliScalars.ts): nothing is dynamic for being ambiguous, a date or a scalar the CLI
 * cannot load is a value of no JSON type, and `Key:` with no value is the null the CLI sends.
 */
import type { Node } from 'jsonc-parser';
import type { Alias, Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { OffsetRange } from '../../jsonTree';
import type { RequestNode, ValueReading, YamlReading } from '../../requestTree';
import type { HostSyntaxError } from '../../specDocument';
import { awsCliPlainScalar, type AwsCliScalar, type AwsCliYamlVersion } from './awsCliScalars';
import { CLOUDFORMATION_SHORT_FORMS, yamlModule } from './yamlSyntax';

type YamlNode = Alias | Scalar | YAMLMap | YAMLSeq;

/** A tree node while it is being built (jsonc-parser's fields are read-only). */
type Building = { -readonly [K in keyof RequestNode]: RequestNode[K] };

/** Plain scalars YAML 1.1 reads as booleans and YAML 1.2 as strings. */
const YAML11_BOOLEAN = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;
/** Plain scalars that are numbers in one YAML version and something else (or another number) in the other. */
const AMBIGUOUS_NUMBER = /^[-+]?(?:0[0-7_]+|0b[01_]+|0o[0-7]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|[0-9][0-9_]*_[0-9_]*(?:\.[0-9_]*)?|[0-9.]*[0-9][eE][-+]?[0-9]+|[0-9]+[eE][-+]?[0-9]+)$/;

/** A first character with which a plain scalar may be something else than a string to some reader. */
const MAY_NOT_BE_STRING = new Set('-+.0123456789~nNtTfF<=yYoO');

/**
 * What the AWS CLI may read otherwise than the tree says, noted while the tree is built: plain
 * scalars that may not be strings, and members written `Key:` with no value (at the empty
 * value's offset). Kept per tree until readAsAwsCli asks (most trees are never AWS CLI input).
 */
interface AwsCliSites {
  version: AwsCliYamlVersion;
  /** One-line plain scalars, whose source is their whole range. */
  scalars: Building[];
  emptyValues: { property: Building; at: number }[];
  /** Values with a local tag (`!Sub …`, `!Env x`), which the AWS CLI's loader refuses; `tag` as written. */
  taggedValues: { node: Building; tag: string }[];
  /** Mappings with a merge key (`<<: *base`): open to other readers, but the AWS CLI merges, so their members are known. */
  mergingMaps: Building[];
  /** Values a merge key names that are no mapping (`<<: *name` where `name` is a scalar), as written. */
  unmergeable: OffsetRange[];
}

const awsCliSites = new WeakMap<RequestNode, AwsCliSites>();

/**
 * More nodes than this through aliases (a "billion laughs" document) and the rest is dynamic, the
 * alias that went past it reported. A request has far fewer values (a training job's
 * hyperparameters are at most 100); 200,000 took seconds to build and check.
 */
export const ALIAS_NODE_BUDGET = 10_000;
/** Deeper than this and the rest is dynamic: the walk is recursive. */
const MAX_DEPTH = 200;

/** True when YAML 1.1 and 1.2 readers disagree on the type or value of this plain scalar. */
export function isAmbiguousPlainScalar(source: string): boolean {
  return YAML11_BOOLEAN.test(source) || AMBIGUOUS_NUMBER.test(source) || source === '=';
}

export interface YamlDocumentTree {
  /** The top-level value's tree; undefined for an empty document. */
  root: RequestNode | undefined;
  /**
   * The alias (as written) whose expansion took the document past ALIAS_NODE_BUDGET nodes built
   * through aliases; what lies beyond is dynamic. Undefined when the budget held.
   */
  aliasOverflow?: OffsetRange;
  /** True when an alias was read: one node then stands at several places of the tree. */
  readsAliases?: boolean;
  /** Each alias read (as written, once even when read through other aliases), with the anchored value it reads; absent without one. */
  aliasReadings?: AliasReading[];
}

/**
 * An alias (`*img`) and the anchored value it reads (`&img 68331….dkr.ecr….:1`), as written: a
 * finding in the value reached through the alias is placed on the value (an alias is its
 * anchor's nodes), so suppression directives and hover look through the alias to it.
 */
export interface AliasReading {
  alias: OffsetRange;
  /** The anchored node's range (its anchor and tag not included). */
  anchored: OffsetRange;
  /** The anchored value is a scalar (hover on the alias shows the value's). */
  scalar: boolean;
}

/**
 * The tree of `document`'s top-level value (offsets into `text`). Never throws on odd YAML: what
 * cannot be read becomes a dynamic value.
 */
export function yamlDocumentTree(text: string, document: Document.Parsed): YamlDocumentTree {
  const contents = document.contents as YamlNode | null;
  if (!contents) return { root: undefined };
  const builder = new TreeBuilder(text, document);
  const root = builder.node(contents, undefined, 0);
  awsCliSites.set(root, { version: document.directives?.yaml.explicit && document.directives.yaml.version === '1.1' ? '1.1' : '1.2', scalars: builder.plainScalars, emptyValues: builder.emptyValues, taggedValues: builder.taggedValues, mergingMaps: builder.mergingMaps, unmergeable: builder.unmergeable });
  const tree: YamlDocumentTree = builder.aliasOverflow ? { root, aliasOverflow: builder.aliasOverflow } : { root };
  if (builder.readsAliases) tree.readsAliases = true;
  if (builder.aliasReadings.size > 0) tree.aliasReadings = [...builder.aliasReadings.values()];
  return tree;
}

/**
 * Gives `root` (a tree of yamlDocumentTree, read as AWS CLI input) the values the AWS CLI v2
 * reads: each plain scalar as awsCliPlainScalar reads it (never dynamic for being ambiguous),
 * with a `reading` where a YAML 1.1 writer may have meant otherwise; a date or a scalar the CLI
 * cannot load as a string of no JSON type (`reading.foreign`); and `Key:` with no value as a
 * null whose findings show on the key (the CLI sends `None`). Returns what makes the CLI refuse
 * the file and the tree cannot show: merge values that are no mapping (`<<: *scalar`). Once per
 * tree; then a no-op that returns nothing.
 */
export function readAsAwsCli(text: string, root: RequestNode): HostSyntaxError[] {
  const sites = awsCliSites.get(root);
  if (!sites) return [];
  awsCliSites.delete(root);
  for (const node of sites.scalars) readScalarAsAwsCli(node, text.slice(node.offset, node.offset + node.length), sites.version);
  for (const { node, tag } of sites.taggedValues) readTaggedAsAwsCli(node, tag);
  // The AWS CLI v2 loads YAML 1.1 and merges: the merged mapping's members are what it sends.
  for (const object of sites.mergingMaps) object.openMembers = undefined;
  for (const { property, at } of sites.emptyValues) {
    const key = property.children![0];
    const value: Building = { type: 'null', offset: at, length: 0, parent: property, value: null, content: { offset: key.offset, length: key.length } };
    value.reading = { note: `With no value after "${String(key.value)}:", the AWS CLI sends null.` };
    property.children!.push(value);
    property.colonOffset = key.offset + key.length;
  }
  return sites.unmergeable.map(unmergeableError);
}

/**
 * A merge key's value that is no mapping: the AWS CLI v2's YAML loader (ruamel.yaml, YAML 1.1)
 * raises "expected a mapping or list of mappings for merging" and sends nothing. Not a syntax
 * error: nothing is dropped, so the request stays complete.
 */
function unmergeableError(range: OffsetRange): HostSyntaxError {
  return {
    ...range,
    message: 'a merge key (`<<`) names no mapping',
    finding:
      'A merge key (`<<:`) takes a mapping or a list of mappings, and this value is neither: the AWS CLI refuses the whole file ("expected a mapping or list of mappings for merging") and sends nothing. ' +
      'Merge an anchored mapping (`<<: *base`), or write the member itself.',
  };
}

/**
 * A tagged value in AWS CLI input: its YAML loader knows no local tag and refuses the whole file
 * ("Invalid YAML received"), so the value is foreign wherever it stands — not the dynamic value
 * a template's intrinsic is (a `!Sub` copied from a template is a common slip).
 */
function readTaggedAsAwsCli(node: Building, tag: string): void {
  const cloudFormation = Object.hasOwn(CLOUDFORMATION_SHORT_FORMS, tag.slice(1));
  node.type = 'string';
  node.value = undefined;
  node.children = undefined;
  node.dynamic = undefined;
  // Its whole text, tag and all, is what a finding covers (a string's range is otherwise its content's).
  node.content = { offset: node.offset, length: node.length };
  node.reading = {
    note: `The AWS CLI cannot load a tagged value${cloudFormation ? ` (${tag} is CloudFormation's, which only a template reads)` : ''}, and refuses the whole file: write the value itself.`,
    foreign: `a value tagged ${tag}`,
  };
}

/** True for the null readAsAwsCli gives `Key:` with no value (nothing written: completion treats it as absent). */
export function isEmptyValue(node: Node | undefined): boolean {
  return node?.type === 'null' && node.length === 0;
}

function readScalarAsAwsCli(node: Building, source: string, version: AwsCliYamlVersion): void {
  const read = awsCliPlainScalar(source, version);
  node.dynamic = undefined;
  node.reading = undefined;
  node.offsetOfIndex = undefined;
  node.verbatim = undefined;
  switch (read.type) {
    case 'string':
    case 'date':
    case 'unreadable':
      node.type = 'string';
      node.value = read.type === 'string' ? read.value : source;
      // A one-line plain scalar spells its value character for character.
      node.offsetOfIndex = (index) => node.offset + Math.min(index, source.length);
      break;
    case 'null':
      node.type = 'null';
      node.value = null;
      break;
    default:
      node.type = read.type;
      node.value = read.value;
  }
  const reading = awsCliReading(source, read, version);
  if (reading) node.reading = reading;
}

/** A JSON number as written: anything else read as a number deserves a word on how. */
const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$/;

/** What a type problem on `source` should add: how the AWS CLI read it, where a writer may not expect it. */
function awsCliReading(source: string, read: AwsCliScalar, version: AwsCliYamlVersion): ValueReading | undefined {
  const shown = `\`${source}\``;
  if (read.type === 'date') return { note: `The AWS CLI reads ${shown} as a date (a YAML timestamp).`, meant: source, foreign: 'a date' };
  if (read.type === 'unreadable') return { note: 'The AWS CLI cannot load it, and refuses the whole file.', meant: source, foreign: shown };
  if (read.type === 'number' && !Number.isFinite(read.value)) return { note: `The AWS CLI sends it as ${String(read.value)}, which is not JSON.`, foreign: shown };
  const yaml11 = version === '1.2' ? awsCliPlainScalar(source, '1.1') : read;
  if (read.type === 'string' && yaml11.type === 'boolean') {
    return { note: `The AWS CLI reads ${shown} as the string "${source}" (YAML 1.2), not as ${String(yaml11.value)}.`, meant: yaml11.value };
  }
  if (read.type === 'string' && yaml11.type === 'number') return { note: `The AWS CLI reads ${shown} as the string "${source}" (YAML 1.2 has no base-60 numbers).` };
  if (read.type === 'number' && !JSON_NUMBER.test(source)) return { note: `The AWS CLI reads ${shown} as the number ${String(read.value)}.` };
  return undefined;
}

class TreeBuilder {
  private readonly yaml = yamlModule();
  private aliasNodes = 0;
  /** True once an alias has been read (see YamlDocumentTree.readsAliases). */
  readsAliases = false;
  /** Each alias read, once (an alias inside an anchored value is met again at every alias of it). */
  readonly aliasReadings = new Map<Alias, AliasReading>();
  /** The outermost alias being expanded, as written (see YamlDocumentTree.aliasOverflow). */
  private expanding: OffsetRange | undefined;
  aliasOverflow: OffsetRange | undefined;
  /** Plain scalars the AWS CLI may read otherwise (see AwsCliSites). */
  readonly plainScalars: AwsCliSites['scalars'] = [];
  /** Members written `Key:` with no value (see AwsCliSites). */
  readonly emptyValues: AwsCliSites['emptyValues'] = [];
  /** Values with a local tag (see AwsCliSites). */
  readonly taggedValues: AwsCliSites['taggedValues'] = [];
  readonly mergingMaps: AwsCliSites['mergingMaps'] = [];
  /** Merge values that are no mapping (see AwsCliSites). */
  readonly unmergeable: AwsCliSites['unmergeable'] = [];

  /** Each alias's anchored node, found in one walk of the document on the first alias. */
  private aliasTargets: Map<Alias, YamlNode> | undefined;

  constructor(private readonly text: string, private readonly document: Document.Parsed) {}

  /**
   * The node `alias` names: the last node anchored with its name before it, as Alias.resolve
   * finds it. Alias.resolve walks the whole document on every call, which made a document of many
   * aliases (or an alias "bomb") quadratic; one walk serves them all.
   */
  private aliasTarget(alias: Alias): YamlNode | undefined {
    if (!this.aliasTargets) {
      const targets = new Map<Alias, YamlNode>();
      const anchored = new Map<string, YamlNode>();
      this.yaml.visit(this.document, {
        Node: (_key, node) => {
          if (this.yaml.isAlias(node)) {
            const target = anchored.get(node.source);
            if (target) targets.set(node, target);
          } else if (node.anchor) {
            anchored.set(node.anchor, node as YamlNode);
          }
        },
      });
      this.aliasTargets = targets;
    }
    return this.aliasTargets.get(alias);
  }

  /** `untag`: read a tagged node as if it had no tag (the value inside a short form). */
  node(source: YamlNode, parent: Node | undefined, depth: number, alias = false, untag = false): RequestNode {
    const yaml = this.yaml;
    if (alias && ++this.aliasNodes > ALIAS_NODE_BUDGET) {
      this.aliasOverflow ??= this.expanding;
      return this.dynamic(source, parent);
    }
    if (depth > MAX_DEPTH) return this.dynamic(source, parent);
    if (yaml.isAlias(source)) {
      const target = this.aliasTarget(source);
      if (!target) return this.dynamic(source, parent);
      this.readsAliases = true;
      if (!this.aliasReadings.has(source)) {
        const [aliasStart, aliasEnd] = rangeOf(source);
        const [targetStart, targetEnd] = rangeOf(target);
        this.aliasReadings.set(source, { alias: { offset: aliasStart, length: aliasEnd - aliasStart }, anchored: { offset: targetStart, length: targetEnd - targetStart }, scalar: yaml.isScalar(target) });
      }
      if (this.expanding) return this.node(target, parent, depth + 1, true);
      const [start, end] = rangeOf(source);
      this.expanding = { offset: start, length: end - start };
      try {
        return this.node(target, parent, depth + 1, true);
      } finally {
        this.expanding = undefined;
      }
    }
    const tag = untag ? undefined : source.tag;
    if (tag && tag.startsWith('!') && !tag.startsWith('!!')) {
      const longForm = Object.hasOwn(CLOUDFORMATION_SHORT_FORMS, tag.slice(1)) ? CLOUDFORMATION_SHORT_FORMS[tag.slice(1)] : undefined;
      const tagged = longForm ? this.intrinsic(source, longForm, parent, depth, alias) : this.taggedValue(source, tag, parent);
      this.taggedValues.push({ node: tagged, tag });
      return tagged;
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
      } else if (value) {
        this.emptyValues.push({ property, at: rangeOf(value)[0] });
      }
      object.children!.push(property);
    }
    if (merged.length > 0) {
      this.merge(object, merged, depth);
      this.mergingMaps.push(object);
    }
    return object;
  }

  /**
   * YAML 1.1's merge (`<<: *base`, `<<: [*a, *b]`), as the AWS CLI reads it: the members of the
   * merged mappings that the mapping does not write itself (the first source wins), so the body
   * sent holds them, each marked `merged` (a key written in the mapping overrides it, so a
   * misspelt override may be renamed onto its name); the mapping keeps open members, since YAML
   * 1.2 readers do not merge.
   */
  private merge(object: Building, sources: YamlNode[], depth: number): void {
    const present = new Set(object.children!.map((property) => property.children?.[0]?.value));
    for (const source of sources) {
      const value = this.node(source, undefined, depth + 1, true);
      if (value.dynamic) continue;
      // An alias of a list of mappings (`<<: *list`) merges each of them, as a written list does.
      const mappings = value.type === 'array' ? (value.children ?? []) : [value];
      if (mappings.some((mapping) => mapping.type !== 'object' && !(mapping as RequestNode).dynamic)) {
        const [start, end] = rangeOf(source);
        this.unmergeable.push({ offset: start, length: end - start });
        continue;
      }
      for (const property of mappings.flatMap((mapping) => (mapping.type === 'object' ? (mapping.children ?? []) : []))) {
        const name = property.children?.[0]?.value;
        if (present.has(name)) continue;
        present.add(name);
        (property as Building).parent = object;
        (property as Building).merged = true;
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
    const [start, rangeEnd] = rangeOf(source);
    // A block scalar's range runs past its last line break (to the next key): its value ends with its text,
    // so a fix replacing it keeps the line breaks after it.
    const end = source.type === 'BLOCK_LITERAL' || source.type === 'BLOCK_FOLDED' ? blockEnd(this.text, start, rangeEnd) : rangeEnd;
    const value = source.value;
    const length = end - start;
    const content = scalarContent(this.text, source.type, start, end);
    const node: Building = { type: 'string', offset: start, length, parent, value: undefined, content };
    if (untagged && source.type === 'PLAIN' && length > 0 && MAY_NOT_BE_STRING.has(this.text[start]) && this.text.lastIndexOf('\n', end - 1) < start) this.plainScalars.push(node);
    if (value === null || value === undefined) node.type = 'null';
    else if (typeof value === 'boolean') node.type = 'boolean';
    else if (typeof value === 'number' || typeof value === 'bigint') node.type = 'number';
    else if (typeof value !== 'string') {
      node.dynamic = true; // a date or binary from a `!!` tag: not JSON
      return node;
    }
    node.value = typeof value === 'bigint' ? Number(value) : value;
    if (node.type === 'string') {
      // Most strings are spelt as written: no mapper to keep for them (see RequestNode.verbatim).
      if (typeof value === 'string' && value.length === content.length && this.text.startsWith(value, content.offset)) node.verbatim = true;
      else node.offsetOfIndex = offsetMapper(this.text, source.type, content, String(value));
    }
    if (untagged && source.type === 'PLAIN' && isAmbiguousPlainScalar(this.text.slice(start, end))) {
      node.dynamic = true;
      node.yamlReadings = [yaml11Reading(this.text.slice(start, end)), { version: '1.2', type: node.type === 'string' || node.type === 'number' || node.type === 'boolean' || node.type === 'null' ? node.type : 'other', value: node.value as string | number | boolean }];
    }
    return node;
  }

  /** A value with a tag of no meaning to us (`!Env x`): dynamic, its range from the tag on. */
  private taggedValue(source: YamlNode, tag: string, parent: Node | undefined): RequestNode {
    const [valueStart, valueEnd] = rangeOf(source);
    const tagAt = this.text.lastIndexOf(tag, valueStart);
    const start = tagAt >= 0 ? tagAt : valueStart;
    return { type: 'string', offset: start, length: valueEnd - start, parent, value: undefined, dynamic: true };
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
/** Where a block scalar spanning `[start, end)` ends: after its last character that is no line break or trailing space (its header at least). */
function blockEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && (text[at - 1] === '\n' || text[at - 1] === '\r' || text[at - 1] === ' ')) at--;
  return at;
}

function scalarContent(text: string, type: Scalar['type'], start: number, end: number): OffsetRange {
  if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') return { offset: start + 1, length: Math.max(0, end - start - 2) };
  if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') {
    const lineEnd = text.indexOf('\n', start);
    let bodyStart = lineEnd < 0 || lineEnd >= end ? end : lineEnd + 1;
    let bodyEnd = end;
    while (bodyEnd > bodyStart && (text[bodyEnd - 1] === '\n' || text[bodyEnd - 1] === '\r' || text[bodyEnd - 1] === ' ')) bodyEnd--;
    // From the first character of the value, past blank lines and the first line's indentation.
    while (bodyStart < bodyEnd && (text[bodyStart] === ' ' || text[bodyStart] === '\n' || text[bodyStart] === '\r')) bodyStart++;
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

/**
 * The source offset of each character of a block scalar's value (and one for its end), `raw`
 * being its content (from the first character of the value): each value character is the next
 * source character that equals it, or, for a space or line break that a `>` block folds or a
 * line's indentation, the line break it stands for; indentation and blank lines between are
 * skipped. Undefined when the two cannot be aligned so (an escape the reader made otherwise).
 */
function blockValueStarts(raw: string, value: string, base: number): number[] | undefined {
  const starts: number[] = [];
  let at = 0;
  for (let index = 0; index < value.length; index++) {
    const char = value[index];
    // Indentation and line breaks the value does not hold (a folded break, a blank line, a line's indent).
    while (at < raw.length && raw[at] !== char && (raw[at] === ' ' || raw[at] === '\n' || raw[at] === '\r')) {
      if (char === ' ' && raw[at] === '\n') break; // a folded line break: the space stands for it
      at++;
    }
    if (at >= raw.length) return index >= value.trimEnd().length ? [...starts, ...Array.from({ length: value.length - index }, () => base + raw.length), base + raw.length] : undefined;
    if (raw[at] !== char && !(char === ' ' && raw[at] === '\n')) return undefined;
    starts.push(base + at);
    at++;
  }
  starts.push(base + raw.length);
  return starts;
}

function buildOffsetMapper(text: string, type: Scalar['type'], content: OffsetRange, value: string): (index: number) => number {
  const raw = text.slice(content.offset, content.offset + content.length);
  const end = content.offset + content.length;
  if (raw === value) return (index) => content.offset + Math.min(index, value.length);
  if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') {
    const starts = blockValueStarts(raw, value, content.offset);
    if (starts) return (index) => starts[Math.min(index, starts.length - 1)];
  }
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
  if ((type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') && raw.includes('\n')) {
    const starts = quotedValueStarts(raw, value, content.offset, type === 'QUOTE_DOUBLE');
    if (starts) return (index) => starts[Math.min(index, starts.length - 1)];
  }
  return (index) => Math.min(content.offset + index, end);
}

/**
 * The source offset of each character of a quoted scalar written over several lines (and one for
 * its end), `raw` being the text between its quotes: each value character is the next source
 * character that spells it — an escape (`\"`, `\t`, `\u00e9`) or `''` for one character, a line
 * break for the space a folded break stands for — past what the value does not hold: an escaped
 * line break (`\` at a line's end) with the next line's indentation, a line's indentation and
 * trailing spaces. Undefined when the two cannot be aligned so.
 */
function quotedValueStarts(raw: string, value: string, base: number, double: boolean): number[] | undefined {
  const starts: number[] = [];
  let at = 0;
  for (let index = 0; index < value.length; index++) {
    const char = value[index];
    for (;;) {
      if (double && raw[at] === '\\' && (raw[at + 1] === '\n' || (raw[at + 1] === '\r' && raw[at + 2] === '\n'))) {
        at += raw[at + 1] === '\r' ? 3 : 2;
        while (raw[at] === ' ' || raw[at] === '\t') at++;
      } else if (raw[at] !== char && (raw[at] === ' ' || raw[at] === '\t' || raw[at] === '\n' || raw[at] === '\r') && !(char === ' ' && raw[at] === '\n')) {
        at++;
      } else {
        break;
      }
    }
    if (at >= raw.length) return undefined;
    starts.push(base + at);
    if (double && raw[at] === '\\') at += raw[at + 1] === 'x' ? 4 : raw[at + 1] === 'u' ? 6 : raw[at + 1] === 'U' ? 10 : 2;
    else if (!double && raw[at] === "'" && raw[at + 1] === "'") at += 2;
    else if (raw[at] === char || (char === ' ' && raw[at] === '\n')) at++;
    else return undefined;
  }
  starts.push(base + raw.length);
  return starts;
}

/** How a YAML 1.1 reader takes the plain scalar `source` (the AWS CLI's reader under `%YAML 1.1` stands for them all). */
function yaml11Reading(source: string): YamlReading {
  const read = awsCliPlainScalar(source, '1.1');
  switch (read.type) {
    case 'string':
    case 'number':
    case 'boolean':
      return { version: '1.1', type: read.type, value: read.value };
    case 'null':
      return { version: '1.1', type: 'null' };
    default:
      return { version: '1.1', type: 'other' };
  }
}
