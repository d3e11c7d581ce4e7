/**
 * A template resource's image written with `!Sub`, `!Join` or `!Ref`, read through the template
 * (templateScope.ts):
 * - `${Name}` / `!Ref Name` of a parameter whose `Default` stands for it is that default's text;
 *   a finding on that text says so ("With parameter XgbTag's default "1": …"), and its fix edits
 *   the `Default`, the one place the value is set;
 * - `${Name}` that `!Sub`'s variable map gives a literal is that literal (its fix edits it there);
 * - what stays a placeholder says what it is, for the rules and hover: the stack's region
 *   (`AWS::Region`), a mapping row per region (`!FindInMap [Table, !Ref AWS::Region, Key]` or
 *   `[Table, TopKey, !Ref AWS::Region]`, with or without a `DefaultValue`: the template rule
 *   checks each row), a parameter without a default, a resource.
 * With every placeholder read, the image is a literal reference checked by the literal image
 * rules; with some left, a template whose static parts (defaults included) are checked.
 */
import type { Node } from 'jsonc-parser';
import { changedSpan } from '../../edits/changedSpan';
import { intent, type HostIntent } from '../../edits/editIntent';
import { parseImageReference } from '../../imageReference';
import { memberValue, stringValue, valueOffsetMapper, type OffsetRange } from '../../jsonTree';
import type { PlaceholderFacts, RegionTableFacts, RequestNode, Substitution, TemplatePart } from '../../requestTree';
import type { HostLanguage, ImageField, SpecDocument } from '../../specDocument';
import { dynamicReferenceIn, intrinsicCall, intrinsicOf, subTokens } from './intrinsics';
import { regionTable, scalarText, type ParameterDefault, type TemplateScope } from './templateScope';
import { possessive } from '../../possessive';
import { rowValueWords } from '../../regionTable';
import { PSEUDO_PARAMETERS } from './pseudoParameterFacts';

type PerRegion = RegionTableFacts;

/** A piece of the image's value, in value indices `[start, end)`. */
type Piece =
  /** Text written in the template: `offsets[i]` is the source offset of value index `start + i` (one more for the end). */
  | { kind: 'text'; start: number; end: number; value: string; offsets: number[]; /** The string it is written in, and the index there of each character (one more for the end). */ written?: { node: Node; indices: number[] } }
  /** A parameter's default, read for the reference at `token` (`${Tag}` in a `!Sub` string, at `inSub`). */
  | { kind: 'default'; start: number; end: number; token: OffsetRange; parameter: ParameterDefault; inSub?: { node: Node; start: number; end: number } }
  /** A value known only at deployment. */
  | { kind: 'placeholder'; start: number; end: number; range: OffsetRange; facts: PlaceholderFacts };

/** What a parameter's value may be replaced by, for hover. */
const REPLACED_BY = 'a parameter value given at deployment';

/**
 * `field` read through the template, when its value is a `!Sub`, `!Join` or `!Ref` that the
 * template says more about; else `field` itself.
 */
export function readImageThroughTemplate(field: ImageField, scope: TemplateScope): ImageField {
  const written = (field.value as RequestNode).dynamic ? intrinsicOf(field.value) : undefined;
  const unsubstituted = written ? joinedNames(scope.text, written) : [];
  const withJoin = unsubstituted.length > 0 ? { ...field, unsubstituted } : field;
  const value = written && imageValue(scope, written, field.value.parent);
  if (!value) return withJoin;
  return { ...withJoin, value, parsed: value.dynamic ? undefined : parseImageReference(value.value as string) };
}

/**
 * A whole image read from a table by the stack's region (`Image: !FindInMap [Images, !Ref
 * AWS::Region, Uri]`): each row's image as a document of its own, checked by the image rules
 * where the row is written, with the row's region as the one it is pulled in (an image from
 * another region is `image-region-mismatch`, fixed in the row). The table's keys are checked on
 * the request's image (its one placeholder carries the table: templateImageRule.ts); a row
 * whose key is no catalog region is never read by a stack, and its document is skipped by the
 * analysis (CodeRegion.tableKey). A row whose value is no string is not an image to check. A
 * `DefaultValue` is an image of the deployed regions without a row: one more document, judged in
 * those regions (SpecDocument.tableDefault).
 */
export function imageTableRows(field: ImageField, host: HostLanguage, text: string): SpecDocument[] {
  const table = wholeValueTable(field.value);
  if (!table) return [];
  const image = (value: Node, read: string): ImageField => ({ ...field, value, parsed: parseImageReference(read) });
  const rows = table.values.flatMap((row) => {
    if (row.value.type !== 'string' || row.text === undefined) return [];
    const codeRegion = { region: row.region, origin: `mapping ${possessive(table.table)} row for ${row.region}`, tableKey: true, table: table.table };
    return [{ text, root: undefined, parseErrors: [], kind: undefined, images: [image(row.value, row.text)], host, imagesOnly: true, codeRegion }];
  });
  // The DefaultValue: an image of the deployed regions without a row, judged there (SpecDocument.tableDefault).
  const { fallback } = table;
  if (fallback?.value.type !== 'string' || fallback.text === undefined) return rows;
  const tableDefault = { table: table.table, rowRegions: table.values.map((row) => row.region) };
  return [...rows, { text, root: undefined, parseErrors: [], kind: undefined, images: [image(fallback.value, fallback.text)], host, imagesOnly: true, anyRegion: true, tableDefault }];
}

/** The table of a value read whole from a table by the stack's region (its template is that one placeholder), else undefined. */
function wholeValueTable(value: Node): PerRegion | undefined {
  const template = (value as RequestNode).template;
  const only = template?.length === 1 ? template[0] : undefined;
  return only?.kind === 'placeholder' ? only.facts?.perRegion : undefined;
}

/**
 * Every `${Name}` in a literal item of `written` when it is an `Fn::Join`: Join writes its items
 * as they are, so the name is never filled in (only `Fn::Sub` substitutes). An item that is
 * itself a `!Sub` is a value, and substituted.
 */
function joinedNames(text: string, written: Node): { name: string; range: OffsetRange }[] {
  const call = intrinsicCall(written);
  const list = call?.name === 'Fn::Join' && call.argument?.type === 'array' ? call.argument.children?.[1] : undefined;
  if (list?.type !== 'array') return [];
  return (list.children ?? []).flatMap((item) => {
    if (item.type !== 'string' || typeof item.value !== 'string' || !item.value.includes('${')) return [];
    const offsetOf = valueOffsetMapper(text, item);
    return subTokens(item.value).flatMap((token) => (token.kind === 'name' ? [{ name: token.name, range: { offset: offsetOf(token.start), length: offsetOf(token.end) - offsetOf(token.start) } }] : []));
  });
}

class Pieces {
  readonly list: Piece[] = [];
  value = '';
  /** The empty `Default` of a parameter read as a placeholder, if one was: where completion may write the image. */
  emptyDefault: Node | undefined;

  text(value: string, offsets: number[], written?: { node: Node; indices: number[] }): void {
    if (value.length === 0) return;
    const reference = dynamicReferenceIn(value);
    if (reference) {
      // `{{resolve:ssm:…}}`: CloudFormation writes the parameter's or secret's value there at deployment.
      const [start, end] = reference;
      const slice = (from: number, to: number) => written && { node: written.node, indices: written.indices.slice(from, to + 1) };
      this.text(value.slice(0, start), offsets.slice(0, start + 1), slice(0, start));
      this.placeholder({ offset: offsets[start], length: offsets[end] - offsets[start] }, { description: 'a dynamic reference, resolved at deployment' });
      this.text(value.slice(end), offsets.slice(end), slice(end, value.length));
      return;
    }
    this.list.push({ kind: 'text', start: this.value.length, end: this.value.length + value.length, value, offsets, ...(written && { written }) });
    this.value += value;
  }

  /** A string node's whole value, written there. */
  literal(text: string, node: Node, value: string): void {
    const offsetOf = valueOffsetMapper(text, node);
    const indices = Array.from({ length: value.length + 1 }, (_, index) => index);
    this.text(value, indices.map(offsetOf), node.type === 'string' ? { node, indices } : undefined);
  }

  default(parameter: ParameterDefault, token: OffsetRange, inSub?: { node: Node; start: number; end: number }): void {
    // `Default: ""` stands for a value every deployment passes (see writtenDefault): a placeholder.
    if (parameter.value === '') {
      this.emptyDefault = parameter.node;
      return this.placeholder(token, { description: `parameter ${parameter.name} (an empty default: passed at deployment)` });
    }
    this.list.push({ kind: 'default', start: this.value.length, end: this.value.length + parameter.value.length, token, parameter, ...(inSub && { inSub }) });
    this.value += parameter.value;
  }

  placeholder(range: OffsetRange, facts: PlaceholderFacts): void {
    this.list.push({ kind: 'placeholder', start: this.value.length, end: this.value.length, range, facts });
  }
}

/** The image node for the intrinsic call `written`, or undefined when the template adds nothing to it. */
function imageValue(scope: TemplateScope, written: Node, parent: Node | undefined): RequestNode | undefined {
  const call = intrinsicCall(written);
  if (!call) return undefined;
  const pieces = new Pieces();
  if (call.name === 'Fn::Sub') {
    if (!subPieces(scope, call.argument, pieces)) return undefined;
  } else if (call.name === 'Fn::Join') {
    if (!joinPieces(scope, call.argument, pieces)) return undefined;
  } else if (call.name === 'Ref' || call.name === 'Fn::FindInMap') {
    valuePieces(scope, written, { offset: written.offset, length: written.length }, pieces);
  } else {
    return undefined;
  }
  // Nothing but placeholders: nothing for the rules to read — but a table by region, whose keys they check.
  const wholeTable = pieces.list.length === 1 && pieces.list[0].kind === 'placeholder' && pieces.list[0].facts.perRegion !== undefined;
  if (!wholeTable && pieces.list.every((piece) => piece.kind === 'placeholder')) {
    // The whole image is a parameter with an empty Default: no value to check, but completion writes there.
    const emptyDefault = pieces.list.length === 1 ? pieces.emptyDefault : undefined;
    return emptyDefault?.type === 'string' ? { type: 'string', offset: written.offset, length: written.length, parent, value: undefined, dynamic: true, writtenAt: emptyDefault } : undefined;
  }
  const value = assemble(written, parent, pieces);
  // The whole image is one parameter's Default (`!Ref Image`, `!Sub "${Image}"`): completion writes there.
  const [only] = pieces.list;
  if (pieces.list.length === 1 && only.kind === 'default' && only.parameter.node.type === 'string') value.writtenAt = only.parameter.node;
  return value;
}

/** `Fn::Sub`'s string (or `[string, variables]`), piece by piece; false when it is not a literal string. */
function subPieces(scope: TemplateScope, argument: Node | undefined, pieces: Pieces): boolean {
  const source = argument?.type === 'array' ? argument.children?.[0] : argument;
  if (source?.type !== 'string' || typeof source.value !== 'string' || intrinsicCall(source)) return false;
  subSourcePieces(scope, source as Node & { value: string }, argument?.type === 'array' ? argument.children?.[1] : undefined, pieces, true);
  return true;
}

/**
 * The image a string of JSON written inside an `Fn::Sub` stands for when its whole value is one
 * `${Name}` (a DefinitionString's `"Image": "${XgbImage}"`): Name read as that `Fn::Sub` reads it —
 * a key of its `variables` (the map's value, where findings and fixes land), else a parameter (its
 * default), a pseudo parameter or a resource (placeholders). Undefined when nothing can be read.
 * The string's own characters are never edited (they lie inside a template string).
 */
export function subPlaceholderImage(field: ImageField, scope: TemplateScope, variables: Node | undefined): ImageField | undefined {
  const source = field.value;
  if (source.type !== 'string' || typeof source.value !== 'string') return undefined;
  const pieces = new Pieces();
  subSourcePieces(scope, source as Node & { value: string }, variables, pieces, false);
  const wholeTable = pieces.list.length === 1 && pieces.list[0].kind === 'placeholder' && pieces.list[0].facts.perRegion !== undefined;
  if (!wholeTable && pieces.list.every((piece) => piece.kind === 'placeholder')) return undefined;
  const value = assemble(source, undefined, pieces);
  return { ...field, value, holder: value, holderPath: [], parsed: value.dynamic ? undefined : parseImageReference(value.value as string) };
}

/**
 * The pieces of `source`, an `Fn::Sub` string with its `variables` map (if any). `editable`: its
 * own text may be edited by fixes (a template string; not JSON inside one).
 */
function subSourcePieces(scope: TemplateScope, source: Node & { value: string }, variables: Node | undefined, pieces: Pieces, editable: boolean): void {
  // A computed variable map may name anything: none of its names can be read.
  const readableVariables = variables === undefined || (variables.type === 'object' && !intrinsicCall(variables));
  const offsetOf = valueOffsetMapper(scope.text, source);
  for (const token of subTokens(source.value)) {
    if (token.kind === 'text') {
      pieces.text(token.value, token.indices.map(offsetOf), editable ? { node: source, indices: token.indices } : undefined);
      continue;
    }
    const range = { offset: offsetOf(token.start), length: offsetOf(token.end) - offsetOf(token.start) };
    const variable = variables && readableVariables ? memberValue(variables, token.name) : undefined;
    if (variable) {
      const literal = scalarText(scope.text, variable);
      if (literal !== undefined) pieces.literal(scope.text, variable, literal);
      else valuePieces(scope, variable, range, pieces);
    } else if (!readableVariables) {
      pieces.placeholder(range, { description: `variable ${token.name} of the !Sub` });
    } else {
      namePieces(scope, token.name, range, pieces, editable ? { node: source, start: token.start, end: token.end } : undefined);
    }
  }
}

/** `Fn::Join` with a literal delimiter and list, piece by piece; false otherwise. */
function joinPieces(scope: TemplateScope, argument: Node | undefined, pieces: Pieces): boolean {
  if (argument?.type !== 'array' || argument.children?.length !== 2) return false;
  const [delimiter, list] = argument.children;
  if (delimiter.type !== 'string' || typeof delimiter.value !== 'string' || list.type !== 'array' || intrinsicCall(list)) return false;
  const delimiterOffsets = Array.from({ length: delimiter.value.length + 1 }, (_, index) => valueOffsetMapper(scope.text, delimiter)(index));
  list.children?.forEach((item, index) => {
    // The delimiter is written once for every join: never edited for one of them.
    if (index > 0) pieces.text(delimiter.value as string, delimiterOffsets);
    const literal = scalarText(scope.text, item) ?? (item.type === 'boolean' ? String(item.value) : undefined);
    if (literal !== undefined) pieces.literal(scope.text, item, literal);
    else valuePieces(scope, item, { offset: item.offset, length: item.length }, pieces);
  });
  return true;
}

/**
 * A value standing in a name's place (a `!Join` item, a `!Sub` variable, a whole `!Ref`): its
 * pieces, reported at `range`. A `!Sub` there (`!Join ["", [!FindInMap …, !Sub ".dkr.ecr.${AWS::Region}…"]]`)
 * is read as its own pieces, static text where it is written, so the image rules see the whole
 * reference rather than two unknowns.
 */
function valuePieces(scope: TemplateScope, value: Node, range: OffsetRange, pieces: Pieces): void {
  const call = intrinsicCall(value);
  if (call?.name === 'Fn::Sub' && subPieces(scope, call.argument, pieces)) return;
  if (call?.name === 'Ref') {
    const name = stringValue(call.argument);
    if (name !== undefined && !name.includes('.')) return namePieces(scope, name, range, pieces);
  }
  if (call?.name === 'Fn::FindInMap') {
    const table = regionTable(scope, call.argument);
    if (table) {
      const rows = table.values.map((row) => `${row.region}: ${row.text ?? '(not a string)'}`).join(', ');
      const fallback = table.fallback ? `; other regions: ${table.fallback.text ?? 'a computed DefaultValue'}` : '';
      return pieces.placeholder(range, { description: `mapping ${possessive(table.table)} ${rowValueWords(table)} for the stack's region (${rows || 'no rows'}${fallback})`, perRegion: table });
    }
    const tableName = call.argument?.type === 'array' ? stringValue(call.argument.children?.[0]) : undefined;
    return pieces.placeholder(range, { description: tableName !== undefined ? `a value of mapping ${tableName}` : 'a mapping value' });
  }
  pieces.placeholder(range, { description: call ? `a value computed at deployment (${call.name})` : 'a value computed at deployment' });
}

/**
 * What the template says of each value that stands in part of JSON written in a string of it (a
 * `DefinitionString`, a `PipelineDefinitionBody`: embeddedJson.ts), by that value's range: an
 * `Fn::Join` item other than text (`{"Fn::FindInMap": [Table, {"Ref": "AWS::Region"}, Key]}`,
 * `{"Ref": "AWS::AccountId"}`; nested joins too) and each `${Name}` of the `Fn::Sub` string (its
 * variable map read) or of an `Fn::Sub` item — read as an image's placeholder is: the stack's
 * region or account, a mapping's rows by region, a parameter without a default. None for a value
 * read as text in an image (a parameter's default) nor a name `isSubstituted` (the state
 * machine's DefinitionSubstitutions fill it).
 */
export function embeddedValueFacts(scope: TemplateScope, value: Node | undefined, isSubstituted: (name: string) => boolean): (range: OffsetRange) => PlaceholderFacts | undefined {
  const known = new Map<number, { length: number; facts: PlaceholderFacts }>();
  const add = (range: OffsetRange, facts: PlaceholderFacts | undefined) => {
    if (facts) known.set(range.offset, { length: range.length, facts });
  };
  const subNames = (source: Node | undefined, variables: Node | undefined) => {
    if (source?.type !== 'string' || typeof source.value !== 'string') return;
    // A computed variable map may name anything: none of its names can be read.
    const readableVariables = variables === undefined || (variables.type === 'object' && !intrinsicCall(variables));
    const offsetOf = valueOffsetMapper(scope.text, source);
    for (const token of subTokens(source.value)) {
      if (token.kind !== 'name' || isSubstituted(token.name) || !readableVariables) continue;
      const range = { offset: offsetOf(token.start), length: offsetOf(token.end) - offsetOf(token.start) };
      const variable = variables ? memberValue(variables, token.name) : undefined;
      if (variable) add(range, scalarText(scope.text, variable) === undefined ? onePlaceholder((pieces) => valuePieces(scope, variable, range, pieces)) : undefined);
      else add(range, onePlaceholder((pieces) => namePieces(scope, token.name, range, pieces)));
    }
  };
  const joinItems = (argument: Node | undefined) => {
    const list = argument?.type === 'array' && argument.children?.length === 2 ? argument.children[1] : undefined;
    for (const item of list?.type === 'array' ? list.children ?? [] : []) {
      const call = intrinsicCall(item);
      if (call?.name === 'Fn::Join') joinItems(call.argument);
      else if (call?.name === 'Fn::Sub') subNames(call.argument, undefined);
      else if (call) add(item, onePlaceholder((pieces) => valuePieces(scope, item, { offset: item.offset, length: item.length }, pieces)));
    }
  };
  const call = intrinsicCall(value);
  if (call?.name === 'Fn::Join') joinItems(call.argument);
  else if (call?.name === 'Fn::Sub') subNames(call.argument?.type === 'array' ? call.argument.children?.[0] : call.argument, call.argument?.type === 'array' ? call.argument.children?.[1] : undefined);
  return (range) => {
    const found = known.get(range.offset);
    return found?.length === range.length ? found.facts : undefined;
  };
}

/** The facts of the one placeholder `read` gives, else undefined (text, a default, several pieces). */
function onePlaceholder(read: (pieces: Pieces) => void): PlaceholderFacts | undefined {
  const pieces = new Pieces();
  read(pieces);
  const [only] = pieces.list;
  return pieces.list.length === 1 && only.kind === 'placeholder' ? only.facts : undefined;
}

/** `${Name}` or `!Ref Name`: a pseudo parameter, a parameter (its default when it stands for it), a resource's attribute or a resource. */
function namePieces(scope: TemplateScope, name: string, range: OffsetRange, pieces: Pieces, inSub?: { node: Node; start: number; end: number }): void {
  if (name.startsWith('AWS::')) {
    return pieces.placeholder(range, { description: PSEUDO_PARAMETERS[name] ?? `pseudo parameter ${name}`, ...(name === 'AWS::Region' && { deploymentRegion: true }), ...(name === 'AWS::AccountId' && { deploymentAccount: true }) });
  }
  const parameter = scope.parameters.get(name);
  if (parameter?.readable) return pieces.default(parameter.readable, range, inSub);
  if (parameter) return pieces.placeholder(range, { description: `parameter ${name} (${parameter.unreadable})` });
  const dot = name.indexOf('.');
  pieces.placeholder(range, { description: dot > 0 ? `attribute ${name.slice(dot + 1)} of resource ${name.slice(0, dot)}` : `resource ${name}` });
}

/** The image node: a literal string when every piece is known, else a dynamic one with its template. */
function assemble(written: Node, parent: Node | undefined, pieces: Pieces): RequestNode {
  const { list, value } = pieces;
  const whole = { offset: written.offset, length: written.length };
  const substitutions: Substitution[] = list.flatMap((piece) =>
    piece.kind === 'default' ? [{ range: piece.token, note: `parameter ${possessive(piece.parameter.name)} default ${JSON.stringify(piece.parameter.value)}`, replacedBy: REPLACED_BY }] : [],
  );
  const node: RequestNode = { type: 'string', offset: whole.offset, length: whole.length, parent, content: whole, substitutions };
  if (list.some((piece) => piece.kind === 'placeholder')) {
    return { ...node, value: undefined, dynamic: true, template: list.map(templatePart) };
  }
  return {
    ...node,
    value,
    offsetOfIndex: (index) => sourceRange(list, index, index, whole).offset,
    valueRange: (start, end) => sourceRange(list, start, end, whole),
    editAt: (start, end, replacement) => editAt(list, value, start, end, replacement),
  };
}

/** A piece as a template part: a default's text maps to its reference (`${Tag}`). */
function templatePart(piece: Piece): TemplatePart {
  if (piece.kind === 'placeholder') return { kind: 'placeholder', offset: piece.range.offset, length: piece.range.length, facts: piece.facts, filledBy: 'deployment' };
  if (piece.kind === 'text') {
    // Text of a string written once, its characters side by side (no `${!…}` escape between): a fix may edit it there.
    const indices = piece.written?.indices;
    const contiguous = indices !== undefined && indices.every((index, at) => index === indices[0] + at);
    return contiguous ? { kind: 'text', value: piece.value, offsets: piece.offsets, written: piece.written!.node, writtenStart: indices[0] } : { kind: 'text', value: piece.value, offsets: piece.offsets };
  }
  const offsets = Array.from({ length: piece.end - piece.start }, () => piece.token.offset);
  offsets.push(piece.token.offset + piece.token.length);
  // A fix of the default's text edits the Default, the one place the value is set (a string Default, its whole value).
  const { node } = piece.parameter;
  return node.type === 'string' ? { kind: 'text', value: piece.parameter.value, offsets, written: node } : { kind: 'text', value: piece.parameter.value, offsets };
}

/** The source range of value `[start, end)`: text where it is written, a default's text on its whole reference. */
function sourceRange(pieces: readonly Piece[], start: number, end: number, whole: OffsetRange): OffsetRange {
  if (end <= start) {
    const at = pieces.find((piece) => piece.start <= start && start < piece.end) ?? pieces.find((piece) => piece.start >= start);
    if (!at) {
      // The value's end: where its last piece ends (the string's closing quote), not the end of the whole intrinsic.
      const last = pieces.find((piece) => piece.end === start && piece.end > piece.start);
      const offset = !last ? whole.offset + whole.length : last.kind === 'text' ? last.offsets[start - last.start] : last.kind === 'default' ? last.token.offset + last.token.length : last.range.offset + last.range.length;
      return { offset, length: 0 };
    }
    const offset = at.kind === 'text' ? at.offsets[Math.max(0, start - at.start)] : at.kind === 'default' ? at.token.offset : at.range.offset;
    return { offset, length: 0 };
  }
  let from = Number.MAX_SAFE_INTEGER;
  let to = -1;
  for (const piece of pieces) {
    if (piece.end <= start || piece.start >= end) continue;
    const range =
      piece.kind === 'text'
        ? { offset: piece.offsets[Math.max(start, piece.start) - piece.start], length: piece.offsets[Math.min(end, piece.end) - piece.start] - piece.offsets[Math.max(start, piece.start) - piece.start] }
        : piece.kind === 'default'
          ? piece.token
          : piece.range;
    from = Math.min(from, range.offset);
    to = Math.max(to, range.offset + range.length);
  }
  return to < 0 ? { offset: whole.offset, length: 0 } : { offset: from, length: to - from };
}

/**
 * The intents making value `[start, end)` read `replacement`, where the changed characters are
 * written: in the `!Sub` string or literal they come from, in a parameter's `Default` (the one
 * place the value is set, so every use and every deployment without an override gets it), or —
 * a change across a `${Name}` of a `!Sub` — over that part of the `!Sub` string, with the
 * default's text written out. Undefined when the change touches a placeholder or a `!Join`
 * delimiter.
 */
function editAt(pieces: readonly Piece[], value: string, start: number, end: number, replacement: string): HostIntent[] | undefined {
  // Only the characters that differ: `:1` → `:1.7-1` adds `.7-1` at the default's end.
  const changed = changedSpan(value, start, end, replacement);
  if (!changed) return [];
  const { from, to, newText } = changed;
  const touched = pieces.filter((piece) => (from === to ? piece.start < from && from < piece.end : piece.start < to && piece.end > from));
  if (touched.length === 0) {
    // An insertion between pieces: at the end of the one before, else the start of the one after.
    const before = pieces.filter((piece) => piece.end === from && piece.end > piece.start).pop();
    const after = pieces.find((piece) => piece.start === from && piece.end > piece.start);
    for (const piece of [before, after]) {
      const edit = piece && pieceEdit(piece, from, from, newText);
      if (edit) return [edit];
    }
    return undefined;
  }
  if (touched.length === 1) {
    const edit = pieceEdit(touched[0], from, to, newText);
    if (edit) return [edit];
  }
  return acrossSub(touched, value, from, to, newText);
}

/** The intent replacing value `[from, to)` (inside `piece`) with `newText` where the piece is written, else undefined. */
function pieceEdit(piece: Piece, from: number, to: number, newText: string): HostIntent | undefined {
  if (piece.kind === 'text' && piece.written) {
    const { node, indices } = piece.written;
    return intent.replaceInString(node, indices[from - piece.start], indices[to - piece.start], newText);
  }
  if (piece.kind === 'default') {
    const { node, value } = piece.parameter;
    const [a, b] = [from - piece.start, to - piece.start];
    // A number written as the default (`Default: 1`) becomes the string it now is.
    return node.type === 'string' ? intent.replaceInString(node, a, b, newText) : intent.replaceValue(node, value.slice(0, a) + newText + value.slice(b));
  }
  return undefined;
}

/** A change across pieces of one `!Sub` string: that stretch of the string, with the defaults' text written out. */
function acrossSub(touched: readonly Piece[], value: string, from: number, to: number, newText: string): HostIntent[] | undefined {
  const stretch = touched.map((piece) => (piece.kind === 'text' && piece.written ? { node: piece.written.node, start: piece.written.indices[0], end: piece.written.indices[piece.end - piece.start] } : piece.kind === 'default' ? piece.inSub : undefined));
  const sub = stretch[0]?.node;
  if (!sub || stretch.some((part) => part?.node !== sub)) return undefined;
  const first = touched[0];
  const last = touched[touched.length - 1];
  const written = value.slice(first.start, from) + newText + value.slice(to, last.end);
  // Text that `!Sub` would read as a placeholder cannot be written out as it stands.
  if (written.includes('${')) return undefined;
  return [intent.replaceInString(sub, stretch[0]!.start, stretch[stretch.length - 1]!.end, written)];
}
