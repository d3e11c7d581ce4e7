/**
 * Completion in YAML — AWS CLI input, a CloudFormation resource's `Properties`, a Step Functions
 * task's `Parameters`/`Arguments` — as a JSON spec has it: image strings (as in every host), from
 * the API model the member names of the object at the cursor (required first, written `Key: `
 * with the block's indentation, or as a flow mapping's entry) and enum and boolean values (quoted
 * only where YAML needs), and for a built-in algorithm job what algorithmCompletionPlace offers
 * (hyperparameter names and values, channels, content types, metrics), written as YAML strings.
 *
 * A member name being typed is rarely a key yet: `  Trai` alone on its line is a plain scalar (or
 * a syntax error) to the parser, and an empty line is nothing. So, unless the parser's recovery
 * already made a key of the word, the text is read again with a `:` after the word (a placeholder
 * key on an empty line), through the same host code as analysis; the key found there tells which
 * request, object and path the name goes in. Offsets before the end of the word are the same in
 * both texts.
 *
 * Images complete where the parser sees no image string yet in the same way: a plain value that
 * ends in `:` (`…/sagemaker-xgboost:` is a nested mapping to YAML until its tag follows) is read
 * again with a character after the `:`, an empty value (`TrainingImage: `) with `""` in it. An
 * image inserted in a plain or empty value is written as YAML that reads back as the string:
 * plain, or quoted (a repository's `host/repo:`, which the tags follow inside the quotes).
 */
import { findNodeAtOffset, type Node } from 'jsonc-parser';
import { algorithmCompletionPlace, hyperparameterCandidates, type HyperparameterCandidate } from '../../algorithms/algorithmCompletion';
import type { ApiModel, Shape, StructureShape } from '../../apiModel/apiModel';
import { escapeChoice, escapeSnippet, inlineChoices } from '../../apiModel/placeholders';
import type { CompletionItem, CompletionOptions, CompletionResult } from '../../completion';
import { completeStandInValue } from '../../standInCompletion';
import { completeDocumentImage } from '../../documentImageCompletion';
import type { TextEdit } from '../../findings';
import { readYamlDocument, requestAt, type HostDocument } from '../../hostDocument';
import { memberNames } from '../../jsonTree';
import { kindStarterDetail, kindStarterShape, memberCandidates, memberItem, valueItems } from '../../modelCompletion';
import { contentRange, isDynamic, writtenValuesOf } from '../../requestTree';
import { IMAGE_MEMBERS, requestPathOf, type SpecDocument } from '../../specDocument';
import { lineStartAt } from '../../textPositions';
import { detectLayout, scalarText, type Layout } from './yamlFixRenderer';
import { isEmptyValue } from './yamlTree';

/** The key written on an empty line for the second reading; no API member has this name. */
const PLACEHOLDER_KEY = 'sagemakerSpecCompletionKey';

/** A key being typed: indentation, `- ` of sequence items, then a word (maybe empty) up to the cursor. */
const KEY_BEFORE = /^ *(?:- +)*([A-Za-z_$][\w.$]*)?$/;
/** What may follow the cursor on a key's line: the rest of the word, then `:` (a key already) or nothing but a comment. */
const KEY_AFTER = /^([\w.$]*)( *)(:(?=\s|$).*|#.*|)$/;
/** A value being typed: `Key: ` then a scalar (maybe quoted, maybe empty) up to the cursor; or `Key:` just typed (`:` triggers completion). */
const VALUE_BEFORE = /^( *(?:- +)*)([A-Za-z_$][\w.$]*) *:(?: +\S*|)$/;
/** A key being typed in a flow mapping: `{` or `,` (maybe on an earlier line), then a word (maybe empty) up to the cursor. */
const FLOW_KEY_BEFORE = /[{,][ \t\r\n]*([A-Za-z_$][\w.$]*)?$/;
/** What may follow the cursor on a flow key: the rest of the word, then `:` (a key already) or anything else. */
const FLOW_KEY_AFTER = /^([\w.$]*)[ \t]*(:(?=[\s,\]}]|$))?/;
/** A value being typed in a flow mapping: `{` or `,`, `Key:`, then a scalar (maybe quoted, maybe empty) up to the cursor. */
const FLOW_VALUE_BEFORE = /[{,][ \t\r\n]*([A-Za-z_$][\w.$]*)[ \t]*:(?:[ \t]+(?:"[^"\n]*|'[^'\n]*|[^\s,[\]{}"']*)|)$/;

/**
 * Items at `offset` (UTF-16 code units into `document.text`), or undefined where nothing
 * completes. `forced`: the file is always a spec (`*.sagemaker.yaml`, `sagemakerSpec.files`),
 * as it was read.
 */
export function completeInYaml(document: HostDocument, offset: number, options: CompletionOptions, forced = false): CompletionResult | undefined {
  // Image references complete as in every host that yields image fields.
  const image = completeImage(document, offset, options, forced);
  if (image) return image;
  if (!options.apiModel && !options.algorithms) return undefined;
  // A template parameter's Default (or AllowedValues item) that a member reads through `!Ref`: the member's values.
  const standIn = completeStandInValue(document, offset, options);
  if (standIn) return standIn;
  const text = document.text;
  const lineStart = lineStartAt(text, offset);
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEnd).replace(/\r$/, '');
  const flow = completeInFlow(document, offset, after, options, forced);
  if (flow) return flow;
  const value = VALUE_BEFORE.exec(before);
  if (value) return completeValue(document, offset, lineStart + value[1].length, after, options, before.endsWith(':'), false);
  const key = KEY_BEFORE.exec(before);
  const rest = KEY_AFTER.exec(after);
  if (!key || !rest) return undefined;
  const wordStart = offset - (key[1]?.length ?? 0);
  const wordEnd = offset + rest[1].length;
  return rest[3].startsWith(':')
    ? renameKey(document, offset, wordStart, options)
    : newKey(document, offset, wordStart, wordEnd, options, forced, false);
}

/** A plain value (after `Key: ` or `- `, maybe tagged `!Sub`) that ends in `:` at the cursor. */
const PLAIN_ENDING_IN_COLON = /(?::|^ *-|[{,[])[ \t]+(?:!Sub[ \t]+)?[^\s'"#&*!|>%@`{[][^\s]*:$/;
/** An empty value being typed: `Key:` (maybe spaces) at the cursor, in a block or flow mapping. */
const EMPTY_VALUE_BEFORE = /(?:^ *(?:- +)*|[{,][ \t]*)([A-Za-z_$][\w.$]*) *:( *)$/;

/**
 * Image items at `offset`: in an image string the parser sees (plain or quoted), else in a plain
 * value ending in `:` or an empty value after an image member, read again as described above.
 */
function completeImage(document: HostDocument, offset: number, options: CompletionOptions, forced: boolean): CompletionResult | undefined {
  const { text } = document;
  const image = completeDocumentImage(document, offset, options);
  if (image) return isPlainImageAt(document, offset) ? asPlainYaml(image) : image;
  const lineStart = lineStartAt(text, offset);
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(lineStart, offset);
  const next = text[offset];
  const endsValue = next === undefined || next === ' ' || next === '\t' || next === '\r' || next === '\n' || next === ',' || next === '}' || next === ']';
  if (endsValue && PLAIN_ENDING_IN_COLON.test(before)) {
    // `…/sagemaker-xgboost:x` is a plain scalar: the items replace the value up to the `x` only.
    const probe = completeDocumentImage(readYamlDocument(`${text.slice(0, offset)}x${text.slice(offset)}`, forced, document.readDefinitionFile), offset, options);
    if (!probe) return undefined;
    const items = probe.items.filter((item) => item.edit.offset <= offset && item.edit.offset + item.edit.length > offset).map((item) => ({ ...item, edit: { ...item.edit, length: item.edit.length - 1 } }));
    return asPlainYaml({ ...probe, items });
  }
  const empty = EMPTY_VALUE_BEFORE.exec(before);
  // Only after a member that may hold an image (findImageFields decides) is an empty value read again with `""`.
  if (!empty || !(IMAGE_MEMBERS.has(empty[1]) || empty[1] === 'Default') || !/^[ \t]*(?:[,}].*|#.*|)\r?$/.test(text.slice(offset, lineEnd))) return undefined;
  // Right after the colon, the value brings its space.
  const lead = empty[2] === '' ? ' ' : '';
  const inside = offset + lead.length + 1;
  const probe = completeDocumentImage(readYamlDocument(`${text.slice(0, offset)}${lead}""${text.slice(offset)}`, forced, document.readDefinitionFile), inside, options);
  if (!probe) return undefined;
  const items = probe.items.filter((item) => item.edit.offset === inside && item.edit.length === 0).map((item) => ({ ...item, edit: { offset, length: 0, newText: item.edit.newText } }));
  const written = asPlainYaml({ ...probe, typed: '', items });
  if (lead) for (const item of written.items) item.edit.newText = `${lead}${item.edit.newText}`;
  return written;
}

/** True when the image value under `offset` is a plain scalar (not quoted, not a block scalar). */
function isPlainImageAt(document: HostDocument, offset: number): boolean {
  for (const request of document.requests) {
    for (const image of request.images) {
      for (const value of writtenValuesOf(image.written ?? image.value)) {
        const { offset: start, length } = value;
        if (offset >= start && offset <= start + length) return !/["'|>]/.test(document.text[start] ?? '');
      }
    }
  }
  return false;
}

/**
 * Image items for a plain scalar: each written as YAML that reads back as the string it inserts
 * (quoted when plain would not do, as a repository's `host/repo:`; then, when the editor asks
 * again for its tags, as a snippet that leaves the cursor inside the quotes).
 */
function asPlainYaml(result: CompletionResult): CompletionResult {
  const items = result.items.map((item): CompletionItem => {
    if (item.snippet) return item;
    // Flow context is the stricter: what reads back there reads back in a block too.
    const newText = scalarText(item.edit.newText, 'plain', true);
    if (newText === item.edit.newText) return item;
    if (!item.retrigger) return { ...item, edit: { ...item.edit, newText } };
    return { ...item, snippet: true, edit: { ...item.edit, newText: `${escapeSnippet(newText.slice(0, -1))}$0${newText.slice(-1)}` } };
  });
  return { ...result, items };
}

/**
 * Inside a flow mapping (`{S3DataType: S3Prefix, |}`): a key after `{` or `,`, or a value after
 * its `Key:`; undefined elsewhere (the tree decides: the object must be written `{…}`).
 */
function completeInFlow(document: HostDocument, offset: number, after: string, options: CompletionOptions, forced: boolean): CompletionResult | undefined {
  // Only the text since the last `{` or `,` matters; a bounded window keeps the regexes cheap in large files.
  const before = document.text.slice(Math.max(0, offset - 4096), offset);
  const value = FLOW_VALUE_BEFORE.exec(before);
  if (value) {
    const keyStart = offset - before.length + value.index + value[0].search(/[A-Za-z_$]/);
    return completeValue(document, offset, keyStart, after, options, before.endsWith(':'), true);
  }
  const key = FLOW_KEY_BEFORE.exec(before);
  const rest = FLOW_KEY_AFTER.exec(after);
  if (!key || !rest) return undefined;
  const wordStart = offset - (key[1]?.length ?? 0);
  const wordEnd = offset + rest[1].length;
  return rest[2] ? renameKey(document, offset, wordStart, options, true) : newKey(document, offset, wordStart, wordEnd, options, forced, true);
}

/**
 * A word on a line of its own, or after a flow mapping's `{` or `,` (`flow`): read again as
 * `word:` and offer the members of the object it lands in (a flow entry gets a `,` when another
 * entry follows).
 */
function newKey(document: HostDocument, offset: number, wordStart: number, wordEnd: number, options: CompletionOptions, forced: boolean, flow: boolean): CompletionResult | undefined {
  const { text } = document;
  const word = text.slice(wordStart, wordEnd);
  // A word typed under other members is already a key to the parser's recovery (with an error):
  // no second reading, which costs as much as the first (it matters in large files). In a flow
  // mapping a lone word is a key with no value, so it is always read again.
  const recovered = word === '' || flow ? undefined : keyAt(document, wordStart);
  // A flow entry needs its `,` when another follows, so that the second reading parses.
  const comma = flow && !/^\s*(?:[,}]|$)/.test(text.slice(wordEnd)) ? ',' : '';
  const probeText = `${text.slice(0, wordEnd)}${word === '' ? PLACEHOLDER_KEY : ''}:${flow ? ' ' : ''}${comma}${text.slice(wordEnd)}`;
  const found = recovered?.name === word && (recovered.property.children?.length === 1 || isEmptyValue(recovered.property.children?.[1])) ? recovered : keyAt(readYamlDocument(probeText, forced, document.readDefinitionFile), wordStart);
  if (!found || isFlowMapping(text, found.object) !== flow) return undefined;
  const { request, object, name } = found;
  const edit = { offset: wordStart, length: wordEnd - wordStart };
  const typed = text.slice(wordStart, offset);
  const hyperparameters = hyperparameterNamesFor(found, options);
  if (hyperparameters) {
    // Hyperparameter values are strings in the API: the value goes in quotes.
    const items = hyperparameters.map((candidate) => hyperparameterItem(candidate, { ...edit, newText: `${escapeSnippet(scalarText(candidate.name, 'plain', flow))}: "$1"${comma}` }, true));
    return { typed, isIncomplete: false, items };
  }
  const members = options.apiModel && membersFor(request, object, options.apiModel);
  if (!members) return undefined;
  const layout = detectLayout(text);
  const lineStart = lineStartAt(text, wordStart);
  const indent = ' '.repeat(wordStart - lineStart);
  const present = presentMembers(request, object, name);
  const items = memberCandidates(members.shape, present, !request.valuesOnly).map((candidate) =>
    memberItem(
      candidate,
      { ...edit, newText: `${escapeSnippet(scalarText(candidate.name, 'plain', flow))}:${flow ? flowValueSnippet(candidate.shape) : valueSnippet(candidate.shape, indent, layout)}${comma}` },
      { snippet: true, detail: members.detail?.(candidate.name) },
    ),
  );
  return { typed, isIncomplete: false, items };
}

/** The cursor in a key that already has its `:`: offer the other names, replacing the key only. */
function renameKey(document: HostDocument, offset: number, wordStart: number, options: CompletionOptions, flow = false): CompletionResult | undefined {
  const found = keyAt(document, wordStart);
  if (!found) return undefined;
  const { request, object, key, name } = found;
  const edit = { offset: key.offset, length: key.length, newText: '' };
  const hyperparameters = hyperparameterNamesFor(found, options);
  if (hyperparameters) {
    const items = hyperparameters.map((candidate) => hyperparameterItem(candidate, { ...edit, newText: scalarText(candidate.name, 'plain', flow) }, false));
    return { typed: document.text.slice(wordStart, offset), isIncomplete: false, items };
  }
  const members = options.apiModel && membersFor(request, object, options.apiModel);
  if (!members) return undefined;
  const present = presentMembers(request, object, name);
  const items = memberCandidates(members.shape, present, !request.valuesOnly).map((candidate) =>
    memberItem(candidate, { ...edit, newText: scalarText(candidate.name, 'plain', flow) }, { detail: members.detail?.(candidate.name) }),
  );
  return { typed: document.text.slice(wordStart, offset), isIncomplete: false, items };
}

/**
 * After `Key: `: the member's enum values or booleans, or what a built-in algorithm takes there,
 * replacing the scalar typed so far (inside its quotes, if any). `afterColon`: the cursor is right
 * after the `:`, and the value brings its space. `flow`: the key is a flow mapping's.
 */
function completeValue(document: HostDocument, offset: number, keyStart: number, after: string, options: CompletionOptions, afterColon: boolean, flow: boolean): CompletionResult | undefined {
  const found = keyAt(document, keyStart);
  const kind = found?.request.kind;
  if (!found || !kind) return found ? undefined : completeSubstitutedValue(document, offset, keyStart, after, options, afterColon);
  if (found.name.endsWith('.$')) return undefined; // `Key.$` holds a JSONPath
  const { request, property, name } = found;
  if (isFlowMapping(document.text, found.object) !== flow) return undefined;
  // The null that AWS CLI input reads for `Key:` with no value is nothing written yet.
  const written = isEmptyValue(property.children?.[1]) ? undefined : property.children?.[1];
  let edit: TextEdit;
  let style: 'plain' | 'single' | 'double' = 'plain';
  if (written) {
    if (isDynamic(written) || !['string', 'number', 'boolean', 'null'].includes(written.type)) return undefined;
    const content = contentRange(written);
    if (offset < content.offset || offset > content.offset + content.length) return undefined;
    const quote = document.text[written.offset];
    style = quote === '"' ? 'double' : quote === "'" ? 'single' : 'plain';
    edit = { offset: content.offset, length: content.length, newText: '' };
  } else {
    if (!(flow ? /^\s*(?:[,}]|#|$)/ : /^\s*(?:#.*)?$/).test(after)) return undefined;
    edit = { offset, length: 0, newText: '' };
  }
  const objectPath = requestPathOf(request, property.parent!);
  if (!objectPath) return undefined;
  const path = [...objectPath, name];
  const algorithm = options.algorithms && algorithmCompletionPlace(request, path, false, options.catalog, options.algorithms);
  const shape = options.apiModel?.shapeAt(kind, path);
  const strings = algorithm?.kind === 'values' ? algorithm.values : shape?.type === 'string' ? shape.enum : undefined;
  const values = strings ?? (shape?.type === 'boolean' ? ['true', 'false'] : undefined);
  if (!values) return undefined;
  const result = valueItems(values, edit, document.text.slice(edit.offset, offset), false, algorithm?.kind === 'values' ? algorithm.details : undefined);
  // A boolean is written as is; a string (an enum value, any algorithm value) so that it reads back as that string.
  if (strings) for (const item of result.items) item.edit.newText = scalarIn(style, item.label, flow);
  if (afterColon) for (const item of result.items) item.edit.newText = ` ${item.edit.newText}`;
  return result;
}

/**
 * A template's `DefinitionSubstitutions` entry being written whose placeholder fills a request
 * member (`TrainingInstanceType: ml.m5.` for a task's `"InstanceType": "${TrainingInstanceType}"`):
 * that member's enum values, as for the member itself. Read again with a probe value when the
 * entry has none yet, so the map's entry is one (SpecDocument.substitutedValues).
 */
function completeSubstitutedValue(document: HostDocument, offset: number, keyStart: number, after: string, options: CompletionOptions, afterColon: boolean): CompletionResult | undefined {
  if (!options.apiModel) return undefined;
  const text = document.text;
  const empty = /^\s*(?:#.*)?$/.test(after) && /:\s*$/.test(text.slice(keyStart, offset));
  const read = empty ? readYamlDocument(`${text.slice(0, offset)}${afterColon ? ' ' : ''}x${text.slice(offset)}`, false, document.readDefinitionFile) : document;
  const use = read.requests.flatMap((request) => request.substitutedValues ?? []).find(({ value }) => value.parent?.children?.[0]?.offset === keyStart);
  const shape = use && options.apiModel.shapeAt(use.kind, use.memberPath);
  if (!use || shape?.type !== 'string' || !shape.enum) return undefined;
  const quote = empty ? undefined : text[use.value.offset];
  const style = quote === '"' ? 'double' : quote === "'" ? 'single' : 'plain';
  const content = contentRange(use.value);
  const edit: TextEdit = empty ? { offset, length: 0, newText: '' } : { offset: content.offset, length: content.length, newText: '' };
  if (!empty && (offset < content.offset || offset > content.offset + content.length)) return undefined;
  const result = valueItems(shape.enum, edit, text.slice(edit.offset, offset), false);
  for (const item of result.items) item.edit.newText = `${afterColon ? ' ' : ''}${scalarIn(style, item.label, false)}`;
  return result;
}

interface FoundKey {
  request: SpecDocument;
  property: Node;
  object: Node;
  key: Node;
  /** The key as written (`Name.$` keeps its suffix). */
  name: string;
}

/** The request and member whose key starts at `keyStart`, in a request that completion may edit. */
function keyAt(document: HostDocument, keyStart: number): FoundKey | undefined {
  const request = requestAt(document, keyStart);
  // Not inside a template's DefinitionString: the edits would need the string's escaping.
  if (!request?.root || request.inString) return undefined;
  const key = findNodeAtOffset(request.root, keyStart, false);
  const property = key?.parent;
  const object = property?.parent;
  if (!key || key.offset !== keyStart || property?.type !== 'property' || property.children?.[0] !== key || object?.type !== 'object') return undefined;
  return { request, property, object, key, name: String(key.value) };
}

/** The structure whose members go in `object`, and how to describe each (a spec of no kind yet: the members that start one). */
function membersFor(request: SpecDocument, object: Node, model: ApiModel): { shape: StructureShape; detail?: (name: string) => string | undefined } | undefined {
  if (!request.kind) return object === request.root ? { shape: kindStarterShape(model), detail: kindStarterDetail } : undefined;
  const path = requestPathOf(request, object);
  const shape = path && model.shapeAt(request.kind, path);
  return shape?.type === 'structure' ? { shape } : undefined;
}

/** Members already written in `object` (not the one being typed), and those the workflow supplies at the top. */
function presentMembers(request: SpecDocument, object: Node, typing: string): Set<string> {
  const strip = request.embedding?.pathKeys ? (name: string) => name.replace(/\.\$$/, '') : (name: string) => name;
  const present = new Set(memberNames(object).map(strip));
  present.delete(strip(typing));
  if (object === request.root) for (const name of request.embedding?.suppliedMembers ?? []) present.add(name);
  return present;
}

/**
 * What follows `Key:` for a new member, as a snippet: ` $1` for a scalar (enum choices and
 * booleans inline), or the next line one level in for an object, map or list (`- $1`). The
 * indentation is absolute (the editor must keep it as is).
 */
function valueSnippet(shape: Shape, keyIndent: string, layout: Layout): string {
  const inner = `${layout.eol}${keyIndent}${layout.unit}`;
  switch (shape.type) {
    case 'string': {
      const choices = inlineChoices(shape);
      return choices ? ` \${1|${choices.map((choice) => escapeChoice(scalarText(choice, 'plain', false))).join(',')}|}` : ' $1';
    }
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return ` \${1:${shape.min ?? 0}}`;
    case 'boolean':
      return ' ${1|true,false|}';
    case 'list':
      return `${inner}- $1`;
    case 'map':
    case 'structure':
      return `${inner}$1`;
  }
}

/** `value` written inside a scalar of `style` (between its quotes), or as a plain scalar that reads back as this string (in a flow collection: `flow`). */
function scalarIn(style: 'plain' | 'single' | 'double', value: string, flow: boolean): string {
  if (style === 'double') return JSON.stringify(value).slice(1, -1);
  if (style === 'single') return value.replace(/'/g, "''");
  return scalarText(value, 'plain', flow);
}

/** What follows `Key:` for a new flow mapping entry, as a snippet: ` $1` for a scalar (choices inline), ` {$1}` for an object or map, ` [$1]` for a list. */
function flowValueSnippet(shape: Shape): string {
  switch (shape.type) {
    case 'list':
      return ' [$1]';
    case 'map':
    case 'structure':
      return ' {$1}';
    case 'string': {
      const choices = inlineChoices(shape);
      return choices ? ` \${1|${choices.map((choice) => escapeChoice(scalarText(choice, 'plain', true))).join(',')}|}` : ' $1';
    }
    default:
      return valueSnippet(shape, '', { eol: '\n', unit: '' });
  }
}

/** True when `object` is written as a flow mapping (`{…}`). */
function isFlowMapping(text: string, object: Node): boolean {
  return text[object.offset] === '{';
}

/** The hyperparameter names to offer where `found` is a key of a built-in algorithm job's hyperparameter map, else undefined. */
function hyperparameterNamesFor(found: FoundKey, options: CompletionOptions): HyperparameterCandidate[] | undefined {
  if (!options.algorithms) return undefined;
  const { request, object, name } = found;
  const path = requestPathOf(request, object);
  const place = path && algorithmCompletionPlace(request, [...path, name], true, options.catalog, options.algorithms);
  if (place?.kind !== 'names') return undefined;
  const present = new Set(memberNames(object));
  present.delete(name);
  return hyperparameterCandidates(place.job, present);
}

function hyperparameterItem(candidate: HyperparameterCandidate, edit: TextEdit, snippet: boolean): CompletionItem {
  const { name, detail, documentation, sortText } = candidate;
  return { label: name, kind: 'property', detail, documentation, sortText, edit, ...(snippet ? { snippet: true } : {}), filterText: name };
}
