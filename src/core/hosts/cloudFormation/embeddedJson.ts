/**
 * JSON written inside a string of a template — `AWS::StepFunctions::StateMachine`'s
 * `DefinitionString`, `AWS::SageMaker::Pipeline`'s `PipelineDefinitionBody` — read as a tree
 * whose offsets are the template's own, so findings land on the characters that hold them.
 *
 * Two layers lie between a character of the inner JSON and the template text:
 * 1. the host's string: JSON escapes (`\"`), or YAML's scalar styles (a `|` block drops each
 *    line's indentation, a `>` block folds line breaks into spaces, quotes and escapes);
 * 2. optionally `Fn::Sub`: `${Name}` is a placeholder CloudFormation fills in before the JSON is
 *    read (dynamic here), `${!Name}` the literal text `${Name}`; or `Fn::Join` (how the AWS CDK
 *    writes a definition that holds a token): its literal items and delimiter are the text, each
 *    other item (`{"Ref": …}`, `{"Fn::GetAtt": …}`) a value CloudFormation fills in (dynamic), an
 *    item `Fn::Sub` its string with its own placeholders;
 * 3. for a state machine, its `DefinitionSubstitutions`: `${Name}` for a key `Name` of that map
 *    is a placeholder too (definitionSubstitutions.ts), any other `${…}` static text.
 * Each decoded character keeps the source range it came from; the inner JSON is parsed by
 * jsonc-parser and every node's offsets are mapped back through those ranges.
 *
 * Where a host string's decoding cannot be mapped character for character (a multi-line quoted
 * YAML scalar), nothing is read: a finding in the wrong place is worse than none.
 */
import type { Node, ParseError } from 'jsonc-parser';
import { parseJson } from '../../jsonParse';
import { valueOffsetMapper, type OffsetRange } from '../../jsonTree';
import type { PlaceholderFacts, RequestNode, TemplatePart } from '../../requestTree';
import type { HostLanguage } from '../../specDocument';
import type { SubstitutionNames } from './definitionSubstitutions';
import { intrinsicCall, subTokens } from './intrinsics';

type Building = { -readonly [K in keyof RequestNode]: RequestNode[K] };

/** `${…}` placeholders of the text to parse: start index → end index (exclusive). */
type Placeholders = Map<number, number>;

/** A text decoded from the template, with each character's source range `[starts[i], ends[i])`. */
interface MappedText {
  text: string;
  starts: number[];
  ends: number[];
}

/** What reading an embedded document takes and tells besides its tree (see embeddedJsonTree). */
export interface EmbeddedJsonReading {
  /**
   * The names a state machine's `DefinitionSubstitutions` fills in after `Fn::Sub` — `${Name}` of
   * a plain string, `${!Name}` of `Fn::Sub` (written out as `${Name}`) — placeholders too; any
   * other `${…}` is static text. None by default.
   */
  isSubstituted?: SubstitutionNames;
  /** Receives the inner JSON's syntax errors at the template's characters. */
  parseErrors?: ParseError[];
  /** Receives its comments and trailing commas (which strict readers refuse) at the template's characters. */
  strict?: EmbeddedJsoncOnly;
  /**
   * Receives the placeholders the stack fills before the string's reader sees it, as opposed to
   * `DefinitionSubstitutions`' (`isSubstituted`): `Fn::Sub`'s `${Name}` (with `name`) and an
   * `Fn::Join`'s computed items, at the template's characters, in text order.
   */
  filledByStack?: StackPlaceholder[];
  /**
   * Set to true when the JSON breaks where a value the stack computes stands outside a string
   * (an `Fn::If` item giving `,"VpcConfig":{…}`): that value may be the JSON's missing piece, so
   * those errors are not reported, and the document may lack what the value supplies.
   */
  computedStructure?: boolean;
  /**
   * What the template says of the value written at a placeholder's range (an `Fn::Join` item
   * `{"Fn::FindInMap": [Table, {"Ref": "AWS::Region"}, Key]}`, a `${AWS::AccountId}` of
   * `Fn::Sub`): given to the placeholders of strings that hold other text besides (an image's
   * account beside its registry host), for the image rules and hover. A string that is one
   * placeholder gets none: where it is read for what it stands for, requests of its own read it
   * (subPlaceholderImageRequests), and their findings are not said twice.
   */
  placeholderFacts?: (range: OffsetRange) => PlaceholderFacts | undefined;
}

/** A placeholder the stack fills (see EmbeddedJsonReading.filledByStack): its range, and the name when it is `Fn::Sub`'s `${Name}`. */
export interface StackPlaceholder {
  offset: number;
  length: number;
  name?: string;
}

/**
 * The tree of the JSON document in `value` — a string node, `Fn::Sub` of one (the string, or
 * the first item of `[string, variables]`), or `Fn::Join` of a literal delimiter and list (see
 * joinedText) — with offsets into `text` (the template, written in `host`'s syntax). `${…}`
 * placeholders of `Fn::Sub` and the computed items of `Fn::Join` are dynamic values (inside a
 * JSON string, a dynamic string with its static parts as a template; outside one, a value).
 * Undefined when `value` is neither, or its characters cannot be mapped exactly. `reading` says
 * which names are substituted and receives what else the reading found.
 */
export function embeddedJsonTree(text: string, value: Node | undefined, host: HostLanguage, reading: EmbeddedJsonReading = {}): RequestNode | undefined {
  const read = embeddedText(text, value, host, reading.isSubstituted ?? (() => false));
  if (!read) return undefined;
  const { parseText, placeholders, values, filledByStack } = read;
  reading.filledByStack?.push(...filledByStack);
  const parsed = parseJson(parseText.text);
  const { parseErrors, strict } = reading;
  for (const error of parsed.parseErrors) {
    if (atComputedValue(parseText.text, values, error.offset)) reading.computedStructure = true;
    else parseErrors?.push({ ...error, ...sourceRange(parseText, error.offset, error.offset + error.length) });
  }
  if (strict) {
    for (const comment of parsed.jsoncOnly.comments) strict.comments.push(sourceRange(parseText, comment.offset, comment.offset + comment.length));
    for (const comma of parsed.jsoncOnly.trailingCommas) {
      const { offset, length } = sourceRange(parseText, comma, comma + 1);
      strict.trailingCommas.push(offset);
      if (length === 1 && removable(text, offset)) strict.removableCommas.push(offset);
    }
  }
  if (!parsed.root) return undefined;
  return mapTree(parsed.root, parseText, placeholders, reading.placeholderFacts);
}

/**
 * True when a syntax error at `offset` of the parsed text lies on a computed value outside a
 * string (`values`: its `[start, end)` ranges), or on the first token after it, where the parser
 * notices what that value's place needed.
 */
function atComputedValue(parsed: string, values: readonly [number, number][], offset: number): boolean {
  return values.some(([start, end]) => {
    let next = end;
    while (next < parsed.length && /\s/.test(parsed[next])) next++;
    return offset >= start && offset <= next;
  });
}

/** The JSON text of `value` to parse, with its placeholders (see embeddedJsonTree); undefined when it is no text we can map. */
function embeddedText(text: string, value: Node | undefined, host: HostLanguage, isSubstituted: SubstitutionNames): Substituted | undefined {
  const call = intrinsicCall(value);
  if (call?.name === 'Fn::Join') {
    const joined = joinedText(text, call.argument, host);
    return joined && substituted(joined.text, false, isSubstituted, joined.computed);
  }
  if (call && call.name !== 'Fn::Sub') return undefined;
  const source = call ? (call.argument?.type === 'array' ? call.argument.children?.[0] : call.argument) : value;
  const decoded = source && literalText(text, source, host);
  return decoded && substituted(decoded, call !== undefined, isSubstituted);
}

/** A literal string node of the template decoded (an intrinsic is no literal); undefined where it cannot be mapped. */
function literalText(text: string, node: Node, host: HostLanguage): MappedText | undefined {
  if (node.type !== 'string' || typeof node.value !== 'string') return undefined;
  return host === 'yaml' ? yamlScalarText(text, node) : jsonStringText(text, node);
}

/**
 * `Fn::Join`'s `[delimiter, [items…]]` as one text, as the AWS CDK writes a definition holding a
 * token (`"…\"RoleArn\":\"", {"Fn::GetAtt": ["Role", "Arn"]}, "\",…"`): literal items and the
 * delimiter decoded where they are written; an item `Fn::Sub` its string, whose `${Name}` are
 * computed; any other item computed, spelled as `Fn::Sub` would name it (`${AWS::Region}`,
 * `${Role.Arn}`, else `${Fn::FindInMap}`) at the item's range. `computed`: those ranges of the
 * text. Undefined for a delimiter or list that is not literal, or an item of another kind.
 */
function joinedText(text: string, argument: Node | undefined, host: HostLanguage): { text: MappedText; computed: Placeholders } | undefined {
  if (argument?.type !== 'array' || argument.children?.length !== 2) return undefined;
  const [delimiterNode, list] = argument.children;
  const delimiter = literalText(text, delimiterNode, host);
  if (!delimiter || list.type !== 'array') return undefined;
  const joined: MappedText = { text: '', starts: [], ends: [] };
  const computed: Placeholders = new Map();
  return appendJoined(joined, computed, text, delimiter, list, host) ? { text: joined, computed } : undefined;
}

/**
 * The items of a join's `list` appended to `joined`, `delimiter` between them: literal strings
 * decoded, numbers and booleans as written (CloudFormation joins their text), an `Fn::Join` of
 * its own read the same way (a hand-written definition may build part of its structure with
 * one), an `Fn::Sub` as its string, anything else computed. False when an item is none of these.
 */
function appendJoined(joined: MappedText, computed: Placeholders, text: string, delimiter: MappedText, list: Node, host: HostLanguage): boolean {
  const items = list.children ?? [];
  for (let index = 0; index < items.length; index++) {
    if (index > 0) append(joined, delimiter, 0, delimiter.text.length);
    const item = items[index];
    const call = intrinsicCall(item);
    const literal = call ? undefined : item.type === 'number' || item.type === 'boolean' ? writtenScalar(text, item) : literalText(text, item, host);
    if (literal) {
      append(joined, literal, 0, literal.text.length);
      continue;
    }
    if (!call) return false;
    if (call.name === 'Fn::Join' && appendNestedJoin(joined, computed, text, call.argument, host)) continue;
    const sub = call.name === 'Fn::Sub' && call.argument ? literalText(text, call.argument, host) : undefined;
    if (sub) appendSubstituted(joined, sub, computed);
    else appendComputed(joined, standInName(call), { offset: item.offset, length: item.length }, computed);
  }
  return true;
}

/** An `Fn::Join` item read as joinedText reads one, appended in place; false (nothing appended) when it cannot be read. */
function appendNestedJoin(joined: MappedText, computed: Placeholders, text: string, argument: Node | undefined, host: HostLanguage): boolean {
  // Read whole first: an item of no known kind leaves the whole item computed, not half appended.
  const inner = joinedText(text, argument, host);
  if (!inner) return false;
  const shift = joined.text.length;
  append(joined, inner.text, 0, inner.text.text.length);
  for (const [start, end] of inner.computed) computed.set(start + shift, end + shift);
  return true;
}

/** A number or boolean item as its source text, each character where it is written. */
function writtenScalar(text: string, node: Node): MappedText {
  const written = text.slice(node.offset, node.offset + node.length);
  return { text: written, starts: [...written].map((_, i) => node.offset + i), ends: [...written].map((_, i) => node.offset + i + 1) };
}

/** `source.text[from, to)` appended to `target` with its source ranges. */
function append(target: MappedText, source: MappedText, from: number, to: number): void {
  for (let i = from; i < to; i++) push(target, source.text[i], source.starts[i], source.ends[i]);
}

/** An `Fn::Sub` string inside a join: its text as written, each `${Name}` computed at its own characters. */
function appendSubstituted(target: MappedText, sub: MappedText, computed: Placeholders): void {
  for (const token of subTokens(sub.text)) {
    if (token.kind === 'text') {
      for (let i = 0; i < token.value.length; i++) push(target, token.value[i], sub.starts[token.indices[i]], sub.ends[token.indices[i + 1] - 1]);
      continue;
    }
    const start = target.text.length;
    append(target, sub, token.start, token.end);
    computed.set(start, target.text.length);
  }
}

/** A computed item: `name` (at least four characters, no quote or backslash) standing at the item's whole range. */
function appendComputed(target: MappedText, name: string, range: { offset: number; length: number }, computed: Placeholders): void {
  const start = target.text.length;
  for (const character of name) push(target, character, range.offset, range.offset + range.length);
  computed.set(start, target.text.length);
}

/** How `Fn::Sub` would write a computed join item: `${Name}` for `Ref`, `${Resource.Attribute}` for `Fn::GetAtt`, else `${Fn::Name}`. */
function standInName(call: { name: string; argument: Node | undefined }): string {
  const argument = call.argument;
  const parts = argument?.type === 'array' ? (argument.children ?? []).map((child) => child.value) : [argument?.value];
  const named = (call.name === 'Ref' && parts.length === 1) || (call.name === 'Fn::GetAtt' && parts.length <= 2);
  const name = named && parts.every((part) => typeof part === 'string') ? parts.join('.') : call.name;
  return /^[\w:.-]+$/.test(name) ? `\${${name}}` : `\${${call.name}}`;
}

/**
 * What strict JSON refuses in an embedded document, at the template's characters (see
 * embeddedJsonTree): each comment's range, each trailing comma's offset, and the trailing commas
 * whose removal is written safely in the template string (`removableCommas`).
 */
export interface EmbeddedJsoncOnly {
  comments: { offset: number; length: number }[];
  trailingCommas: number[];
  removableCommas: number[];
}

/**
 * True when deleting the template's `,` at `offset` removes just that comma from the string's
 * value: it is written as itself (no escape), and its neighbours joined do not start a YAML
 * comment (` #`) or a mapping (`: `) in a plain scalar.
 */
function removable(text: string, offset: number): boolean {
  if (text[offset] !== ',') return false;
  const joined = (text[offset - 1] ?? '') + (text[offset + 1] ?? '');
  return joined !== ' #' && joined !== ': ';
}

/** A JSON string node's decoded value: every escape maps to its whole source sequence. */
function jsonStringText(text: string, node: Node): MappedText {
  const value = String(node.value);
  const offsetOf = valueOffsetMapper(text, node);
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < value.length; i++) {
    starts.push(offsetOf(i));
    ends.push(offsetOf(i + 1));
  }
  return { text: value, starts, ends };
}

/**
 * A YAML scalar's decoded value, mapped by its style: plain and quoted scalars on one line
 * (with `''` and backslash escapes), `|` literal blocks, and `>` folded blocks whose lines are
 * all at one indentation. Each mapping is checked against the YAML parser's own value.
 */
function yamlScalarText(text: string, node: Node): MappedText | undefined {
  const value = String(node.value);
  const content = (node as RequestNode).content ?? { offset: node.offset, length: node.length };
  const raw = text.slice(content.offset, content.offset + content.length);
  const indicator = text[node.offset];
  let mapped: MappedText | undefined;
  // A block's body from the line after its header (its content starts at the value's first character, past the indentation).
  if (indicator === '|' || indicator === '>') mapped = blockText(text, blockBodyStart(text, node.offset, content.offset), content.offset + content.length, indicator === '>');
  else if (!raw.includes('\n')) mapped = indicator === '"' ? escapedText(raw, content.offset) : indicator === "'" ? singleQuotedText(raw, content.offset) : plainText(raw, content.offset);
  if (!mapped) return undefined;
  // Chomping (`|`, `|-`, `|+`) only adds or drops line breaks at the end: they map to the end.
  const trailing = value.slice(mapped.text.length);
  if (!value.startsWith(mapped.text) || !/^\n*$/.test(trailing)) return undefined;
  const end = content.offset + content.length;
  for (let i = 0; i < trailing.length; i++) {
    mapped.starts.push(end);
    mapped.ends.push(end);
  }
  return { ...mapped, text: value };
}

/** The start of the line after a block scalar's header at `header` (at most `contentStart`). */
function blockBodyStart(text: string, header: number, contentStart: number): number {
  const lineEnd = text.indexOf('\n', header);
  return lineEnd < 0 || lineEnd >= contentStart ? contentStart : lineEnd + 1;
}

function plainText(raw: string, offset: number): MappedText {
  const starts = [...raw].map((_, i) => offset + i);
  return { text: raw, starts, ends: starts.map((start) => start + 1) };
}

/** `''` is one quote. */
function singleQuotedText(raw: string, offset: number): MappedText {
  const result: MappedText = { text: '', starts: [], ends: [] };
  for (let i = 0; i < raw.length; i++) {
    const width = raw[i] === "'" && raw[i + 1] === "'" ? 2 : 1;
    push(result, raw[i], offset + i, offset + i + width);
    i += width - 1;
  }
  return result;
}

const YAML_ESCAPES: Readonly<Record<string, string>> = { '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029' };

/** A double-quoted scalar on one line: YAML's escapes (`\x`, `\u`, `\U` with 2, 4 or 8 hex digits, and the single letters). */
function escapedText(raw: string, offset: number): MappedText | undefined {
  const result: MappedText = { text: '', starts: [], ends: [] };
  for (let i = 0; i < raw.length; ) {
    if (raw[i] !== '\\') {
      push(result, raw[i], offset + i, offset + i + 1);
      i++;
      continue;
    }
    const letter = raw[i + 1];
    const digits = letter === 'x' ? 2 : letter === 'u' ? 4 : letter === 'U' ? 8 : 0;
    if (digits > 0) {
      const code = Number.parseInt(raw.slice(i + 2, i + 2 + digits), 16);
      if (Number.isNaN(code)) return undefined;
      const decoded = String.fromCodePoint(code);
      // A character outside the BMP is two UTF-16 units: both come from the one escape.
      for (const unit of decoded.split('')) push(result, unit, offset + i, offset + i + 2 + digits);
      i += 2 + digits;
    } else if (letter !== undefined && Object.hasOwn(YAML_ESCAPES, letter)) {
      push(result, YAML_ESCAPES[letter], offset + i, offset + i + 2);
      i += 2;
    } else {
      return undefined;
    }
  }
  return result;
}

/**
 * A block scalar's body `[start, end)` (after its header line, without trailing line breaks):
 * each line without the block's indentation, joined by line breaks (`|`) or, for `>`, by spaces
 * (an empty line is a line break). In a folded block, the breaks around a more-indented line
 * (one that starts with white space after the indentation) stay line breaks, as YAML keeps them.
 */
function blockText(text: string, start: number, end: number, folded: boolean): MappedText | undefined {
  const lines: { from: number; to: number }[] = [];
  for (let from = start; from <= end; ) {
    const newline = text.indexOf('\n', from);
    const to = newline < 0 || newline > end ? end : newline;
    lines.push({ from, to: text[to - 1] === '\r' ? to - 1 : to });
    from = to + 1;
  }
  const firstText = lines.find((line) => text.slice(line.from, line.to).trim() !== '');
  if (!firstText) return undefined;
  let indent = 0;
  while (text[firstText.from + indent] === ' ') indent++;
  const result: MappedText = { text: '', starts: [], ends: [] };
  let previousEmpty = true;
  let previousSpaced = false;
  lines.forEach((line, index) => {
    const from = Math.min(line.from + indent, line.to);
    const empty = from === line.to;
    const spaced = !empty && (text[from] === ' ' || text[from] === '\t');
    if (index > 0) {
      // The break that ends the previous line: a space between two folded lines of text, unless
      // either is more-indented (folding leaves those breaks alone).
      const breakAt = lines[index - 1].to;
      const folds = folded && !spaced && !previousSpaced;
      const joined = folds && !empty && !previousEmpty ? ' ' : '\n';
      if (!(folds && empty && !previousEmpty)) push(result, joined, breakAt, breakAt + 1);
    }
    for (let i = from; i < line.to; i++) push(result, text[i], i, i + 1);
    previousEmpty = empty;
    // An empty line keeps the last text line's kind: the break after it is judged by that line.
    if (!empty) previousSpaced = spaced;
  });
  return result;
}

function push(mapped: MappedText, characters: string, start: number, end: number): void {
  mapped.text += characters;
  mapped.starts.push(start);
  mapped.ends.push(end);
}

/**
 * The text as JSON to parse, its placeholders read: with `Fn::Sub` (`sub`), every `${Name}` is
 * one and `${!Name}` is the text `${Name}` (a placeholder again when `isSubstituted(Name)`);
 * without, only `${Name}` with `isSubstituted(Name)` is one. A placeholder stays inside a JSON
 * string (that string is a template) as the text Step Functions reads (`${Name}` for `${!Name}`,
 * its `{` at the template's `{!`), and elsewhere becomes `null` padded to its length (a dynamic
 * value). Placeholders are index ranges into the result. `computed`: ranges of `decoded` that
 * are placeholders already (an `Fn::Join`'s computed items), whatever their text.
 */
function substituted(decoded: MappedText, sub: boolean, isSubstituted: SubstitutionNames, computed?: Placeholders): Substituted {
  const result: MappedText = { text: '', starts: [], ends: [] };
  const placeholders: Placeholders = new Map();
  const values: [number, number][] = [];
  const filledByStack: StackPlaceholder[] = [];
  const source = decoded.text;
  let inString = false;
  for (let i = 0; i < source.length; ) {
    const computedEnd = computed?.get(i);
    const close = computedEnd !== undefined ? computedEnd - 1 : source.startsWith('${', i) ? source.indexOf('}', i + 2) : -1;
    // `${N}` at least: a name of one character (`${}` is text, and too short for a `null`).
    const escaped = sub && source[i + 2] === '!';
    const name = close > i + (escaped ? 3 : 2) ? source.slice(i + (escaped ? 3 : 2), close) : undefined;
    if (computedEnd !== undefined || (name !== undefined && (escaped ? isSubstituted(name) : sub || isSubstituted(name)))) {
      const start = result.text.length;
      if (escaped && inString) {
        // `${!Name}` reaches Step Functions as `${Name}`, the name the map fills: as the text escape below.
        push(result, '$', decoded.starts[i], decoded.ends[i]);
        push(result, '{', decoded.starts[i + 1], decoded.ends[i + 2]);
        for (let j = i + 3; j <= close; j++) push(result, source[j], decoded.starts[j], decoded.ends[j]);
      } else {
        const filler = inString ? source.slice(i, close + 1) : 'null'.padEnd(close + 1 - i, ' ');
        for (let j = i; j <= close; j++) push(result, filler[j - i], decoded.starts[j], decoded.ends[j]);
      }
      placeholders.set(start, result.text.length);
      if (computedEnd !== undefined || (!escaped && sub)) {
        filledByStack.push({ offset: decoded.starts[i], length: decoded.ends[close] - decoded.starts[i], ...(computedEnd === undefined && { name }) });
      }
      if (!inString) values.push([start, result.text.length]);
      i = close + 1;
      continue;
    }
    if (name !== undefined && escaped) {
      push(result, '$', decoded.starts[i], decoded.ends[i]);
      push(result, '{', decoded.starts[i + 1], decoded.ends[i + 2]);
      i += 3;
      continue;
    }
    const character = source[i];
    if (character === '"') inString = !inString;
    push(result, character, decoded.starts[i], decoded.ends[i]);
    if (character === '\\' && inString && i + 1 < source.length) {
      push(result, source[i + 1], decoded.starts[i + 1], decoded.ends[i + 1]);
      i++;
    }
    i++;
  }
  return { parseText: result, placeholders, values, filledByStack };
}

/**
 * The text to parse and its placeholders (see substituted); `values`: those outside strings, each
 * `[start, end)`; `filledByStack`: those the stack fills, at the template's characters.
 */
interface Substituted {
  parseText: MappedText;
  placeholders: Placeholders;
  values: [number, number][];
  filledByStack: StackPlaceholder[];
}

/** The template range of the parsed text's characters `[start, end)` (an empty range at the end of the text past it). */
function sourceRange(source: MappedText, start: number, end: number): { offset: number; length: number } {
  const offset = start < source.starts.length ? source.starts[start] : source.ends[source.ends.length - 1] ?? 0;
  return { offset, length: end > start && end <= source.ends.length ? source.ends[end - 1] - offset : 0 };
}

/**
 * The parsed tree with offsets into the template: every node's range, a string's `content` and
 * `offsetOfIndex` (through the inner JSON's escapes), placeholders dynamic. An explicit stack:
 * the inner document's depth is the template's to choose.
 */
function mapTree(root: Node, source: MappedText, placeholders: Placeholders, placeholderFacts: EmbeddedJsonReading['placeholderFacts']): RequestNode {
  const rangeOf = (start: number, end: number) => sourceRange(source, start, end);
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Building;
    const start = node.offset;
    let end = node.offset + node.length;
    for (const child of node.children ?? []) stack.push(child);
    const filled = node.type === 'null' ? placeholders.get(start) : undefined;
    if (filled !== undefined) {
      // `${Name}` in a value's place: whatever the stack fills in.
      node.type = 'string';
      node.value = undefined;
      node.dynamic = true;
      end = filled;
    } else if (node.type === 'string') {
      mapString(node, source, start, end, placeholders, placeholderFacts);
    }
    if (node.colonOffset !== undefined) node.colonOffset = rangeOf(node.colonOffset, node.colonOffset + 1).offset;
    Object.assign(node, rangeOf(start, end));
  }
  return root as RequestNode;
}

/**
 * A string of the inner JSON: its content range, index mapping, and template when it holds
 * placeholders (with what `placeholderFacts` says of each, when the string holds more than it).
 */
function mapString(node: Building, source: MappedText, start: number, end: number, placeholders: Placeholders, placeholderFacts: EmbeddedJsonReading['placeholderFacts']): void {
  // Where the closing quote is (or would be): a string the text ends in while its key is typed is
  // its opening quote alone, and its content an empty range after it (as contentRange gives it).
  const valueEnd = Math.max(end - 1, start + 1);
  const raw = source.text.slice(start + 1, valueEnd);
  // Index of each decoded character of the inner string in `source.text` (inner JSON escapes).
  const indices: number[] = [];
  for (let i = 0; i < raw.length; ) {
    indices.push(start + 1 + i);
    i += raw[i] !== '\\' ? 1 : raw[i + 1] === 'u' ? 6 : 2;
  }
  const offsetAt = (index: number) => (index < source.starts.length ? source.starts[index] : source.ends[source.ends.length - 1]);
  // Where decoded character `index` ends in the template: where its last character of `source` ends,
  // not where the next starts (an Fn::Join's next item is written elsewhere).
  const endOf = (index: number) => source.ends[(index + 1 < indices.length ? indices[index + 1] : valueEnd) - 1];
  node.offsetOfIndex = (index) => (index < indices.length ? offsetAt(indices[index]) : indices.length > 0 ? endOf(indices.length - 1) : offsetAt(valueEnd));
  const contentStart = offsetAt(start + 1);
  node.content = { offset: contentStart, length: node.offsetOfIndex(indices.length) - contentStart };
  if (!indices.some((index) => placeholders.has(index))) return;
  const value = String(node.value);
  const parts: TemplatePart[] = [];
  let text = '';
  let offsets: number[] = [];
  const flush = (index: number) => {
    if (text.length > 0) parts.push({ kind: 'text', value: text, offsets: [...offsets, endOf(index - 1)] });
    text = '';
    offsets = [];
  };
  for (let index = 0; index < value.length; index++) {
    const at = indices[index];
    const placeholderEnd = placeholders.get(at);
    if (placeholderEnd !== undefined) {
      flush(index);
      parts.push({ kind: 'placeholder', offset: offsetAt(at), length: source.ends[placeholderEnd - 1] - offsetAt(at), filledBy: 'deployment' });
      while (index + 1 < value.length && indices[index + 1] < placeholderEnd) index++;
      continue;
    }
    // Text written apart from the text before it (an Fn::Join's next item) is a part of its own: a part's offsets run on.
    if (text.length > 0 && offsetAt(at) !== endOf(index - 1)) flush(index);
    text += value[index];
    offsets.push(offsetAt(at));
  }
  flush(value.length);
  node.dynamic = true;
  node.template = parts.length > 1 && placeholderFacts ? parts.map((part) => withFacts(part, placeholderFacts)) : parts;
}

/** A placeholder part with the facts the template gives its range, if any; any other part as it is. */
function withFacts(part: TemplatePart, placeholderFacts: NonNullable<EmbeddedJsonReading['placeholderFacts']>): TemplatePart {
  if (part.kind !== 'placeholder') return part;
  const facts = placeholderFacts({ offset: part.offset, length: part.length });
  return facts ? { ...part, facts } : part;
}
