/**
 * Member-name and value completion in Python boto3 requests, as a JSON spec has it: in a call's
 * argument list the request's keyword names (`RoleArn=`), in a dict that is a request structure
 * (written in place or bound once to a name and passed in) its member names (`"Name": ` in the
 * quote style of the string being typed, else the file's), and enum values and `True`/`False`
 * for a member's value; in a built-in algorithm job's `HyperParameters` dict, the algorithm's
 * hyperparameter names. The ranking and descriptions are the JSON ones (modelCompletion).
 *
 * What is being typed is rarely valid Python yet (`{"Trai` is an open string, `Ro` alone is a
 * positional argument), so the cursor's context is read lexically (pythonCursor), and the text is
 * read again with the entry completed (`Ro=None`, `"Trai": None`, a closing quote); the request
 * tree of that second reading tells which request, object and path the name goes in. Offsets
 * before the end of the typed word are the same in both texts. Only boto3 requests complete: an
 * SDK estimator's keywords are not the API's members.
 */
import type { Node } from 'jsonc-parser';
import type { ApiModel, Shape, StructureShape } from '../../apiModel/apiModel';
import { escapeSnippet, placeholderSnippet } from '../../apiModel/placeholders';
import { algorithmCompletionPlace, hyperparameterDetail } from '../../algorithms/algorithmCompletion';
import { algorithmJobs } from '../../algorithms/algorithmJobs';
import type { CompletionItem, CompletionOptions, CompletionResult } from '../../completion';
import type { TextEdit } from '../../findings';
import { readPythonDocument, type HostDocument } from '../../hostDocument';
import { memberNames } from '../../jsonTree';
import { memberCandidates, memberItem, valueItems } from '../../modelCompletion';
import { contentRange } from '../../requestTree';
import { requestPathOf, type SpecDocument } from '../../specDocument';
import { cursorContext, nextSignificant, type Bracket, type CursorString } from './pythonCursor';
import { detectStyle } from './pythonFixRenderer';
import { pythonStringLiteral } from './pythonStrings';
import type { PythonNode } from './pythonValues';

/** The name written in the second reading when no word is typed yet; no API member has it. */
const PLACEHOLDER_KEY = 'sagemakerSpecCompletionKey';

/** How deep the request trees are searched for the member being typed (a request is a dozen levels at most). */
const MAX_DEPTH = 64;

/** A member of a boto3 request: the request, the property and its object. */
export interface FoundMember {
  request: SpecDocument;
  property: Node;
  object: Node;
}

/** True for a request read from a boto3 call (whose keyword arguments are the API's members). */
export function isBoto3Request(request: SpecDocument): boolean {
  return request.host === 'python' && request.kind !== undefined && request.root !== undefined && !request.sdkRequest && !request.imagesOnly;
}

/**
 * The first property of a boto3 request in `document` for which `matches` holds, searching every
 * request's whole tree: a dict bound to a name lies outside its call's argument list.
 */
export function findBoto3Member(document: HostDocument, matches: (property: Node) => boolean): FoundMember | undefined {
  for (const request of document.requests) {
    if (!isBoto3Request(request)) continue;
    const property = findProperty(request.root!, matches, 0);
    if (property?.parent) return { request, property, object: property.parent };
  }
  return undefined;
}

function findProperty(node: Node, matches: (property: Node) => boolean, depth: number): Node | undefined {
  if (depth > MAX_DEPTH) return undefined;
  for (const child of node.children ?? []) {
    if (child.type === 'property' && matches(child)) return child;
    const found = findProperty(child, matches, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The closing bracket of each opening one. */
const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/**
 * The member `matches` finds in the text read again as `entry` (what is typed, completed) between
 * `head` and `tail`. When the text has brackets still open (`{"Trai` before the `}` is typed),
 * the parser's recovery may not make a dict of them: then it is read once more with `open`
 * closed right after the entry.
 */
function findInProbe(head: string, tail: string, open: readonly Bracket[], matches: (property: Node) => boolean): FoundMember | undefined {
  const found = findBoto3Member(readPythonDocument(head + tail), matches);
  if (found || open.length === 0) return found;
  const closers = open.map((bracket) => CLOSERS[bracket.char]).reverse().join('');
  return findBoto3Member(readPythonDocument(head + closers + tail), matches);
}

/**
 * Items at `offset` (UTF-16 code units into `document.text`) inside a boto3 request, or
 * undefined where none applies (outside a request structure, in an unrelated dict, in an SDK
 * class's arguments, in a comment). Never throws on odd text: what cannot be read gives undefined.
 */
export function completePythonMembers(document: HostDocument, offset: number, options: CompletionOptions): CompletionResult | undefined {
  const model = options.apiModel;
  if (!model) return undefined;
  const { text } = document;
  const word = /[A-Za-z_]\w*$/.exec(text.slice(Math.max(0, offset - 128), offset))?.[0] ?? '';
  const wordStart = offset - word.length;
  const context = cursorContext(text, wordStart);
  if (context.inComment) return undefined;
  if (context.string) {
    const { string } = context;
    if (string.triple) return undefined;
    const inside = cursorContext(text, string.start);
    const stringBracket = inside.brackets[inside.brackets.length - 1]?.char;
    const stringBefore = inside.before?.char;
    if (stringBracket === '{' && (stringBefore === '{' || stringBefore === ',')) return keyInString(document, offset, string, inside.brackets, options);
    if ((stringBracket === '{' && stringBefore === ':') || (stringBracket === '(' && stringBefore === '=' && isKeywordEquals(text, inside.before!.offset))) {
      return valueInString(document, offset, string, inside.brackets, options);
    }
    return undefined;
  }
  // Outside strings only: a value in quotes is typed with dots (`"ml.m5|"`) and digits (`"ml.g4dn.12x|"`).
  if (/[\w.]/.test(text[wordStart - 1] ?? '')) return undefined; // `sm.cre`, `3x`: not a name of ours
  const wordEnd = offset + (/^\w*/.exec(text.slice(offset, offset + 128))?.[0].length ?? 0);
  const bracket = context.brackets[context.brackets.length - 1]?.char;
  const before = context.before?.char;
  const quote = detectStyle(text).quote;
  if (bracket === '(' && (before === '(' || before === ',')) {
    return /^\s*=(?!=)/.test(text.slice(wordEnd)) ? renameKeyword(document, offset, wordStart, wordEnd, model) : newKeyword(document, offset, wordStart, wordEnd, context.brackets, model);
  }
  if (bracket === '{' && (before === '{' || before === ',')) {
    if (/^\s*:/.test(text.slice(wordEnd))) return undefined; // a name as a key: a variable, not a member
    return newKey(document, { replaceStart: wordStart, replaceEnd: wordEnd, typedStart: wordStart, offset, quote, open: context.brackets }, options);
  }
  if ((bracket === '{' && before === ':') || (bracket === '(' && before === '=' && isKeywordEquals(text, context.before!.offset))) {
    return bareValue(document, offset, wordStart, wordEnd, quote, context.brackets, options);
  }
  return undefined;
}

/** `=` at `at` is a keyword argument's (not `==`, `<=`, `!=`, `>=`). */
function isKeywordEquals(text: string, at: number): boolean {
  return !/[=!<>]/.test(text[at - 1] ?? '') && text[at + 1] !== '=';
}

/** `,` when another entry follows the one inserted before `end` (else the probe and the edit would run into it). */
function entrySeparator(text: string, end: number): string {
  return [',', ')', '}', ']', ''].includes(nextSignificant(text, end)) ? '' : ',';
}

/** A keyword argument being typed in a call: read again as `word=None` and offer the request's top-level members. */
function newKeyword(document: HostDocument, offset: number, wordStart: number, wordEnd: number, open: readonly Bracket[], model: ApiModel): CompletionResult | undefined {
  const { text } = document;
  const word = text.slice(wordStart, wordEnd);
  const separator = entrySeparator(text, wordEnd);
  const found = findInProbe(`${text.slice(0, wordStart)}${word || PLACEHOLDER_KEY}=None`, `${separator}${text.slice(wordEnd)}`, open, (property) => keyOf(property)?.offset === wordStart && keyStyle(property) === 'keyword');
  const members = found && membersOf(found, model);
  if (!members) return undefined;
  const items = memberCandidates(members.shape, members.present).map((candidate) =>
    memberItem(candidate, { offset: wordStart, length: wordEnd - wordStart, newText: `${escapeSnippet(candidate.name)}=${valueSnippet(candidate.shape, detectStyle(text).quote)}${separator}` }, { snippet: true }),
  );
  return { typed: text.slice(wordStart, offset), isIncomplete: false, items };
}

/** The cursor in a keyword that already has its `=`: offer the other names, replacing the name only. */
function renameKeyword(document: HostDocument, offset: number, wordStart: number, wordEnd: number, model: ApiModel): CompletionResult | undefined {
  const found = findBoto3Member(document, (property) => keyOf(property)?.offset === wordStart && keyStyle(property) === 'keyword');
  const members = found && membersOf(found, model);
  if (!members) return undefined;
  return renameItems(members, { offset: wordStart, length: wordEnd - wordStart, newText: '' }, document.text.slice(wordStart, offset), (name) => name);
}

interface NewKey {
  /** What the inserted entry replaces: the typed word, or the whole string key being typed with its quotes. */
  replaceStart: number;
  replaceEnd: number;
  /** Where the text the editor filters with starts (inside the quotes of a string key). */
  typedStart: number;
  offset: number;
  quote: string;
  /** Brackets open before the key. */
  open: readonly Bracket[];
}

/** A key being typed in a dict: read again as a complete entry and offer the members of the structure it lands in. */
function newKey(document: HostDocument, key: NewKey, options: CompletionOptions): CompletionResult | undefined {
  const { text } = document;
  const typedName = text.slice(key.typedStart, key.offset);
  const separator = entrySeparator(text, key.replaceEnd);
  // Read again with the key as a complete string entry, in place of the word or string typed.
  const probeName = /^\w+$/.test(typedName) ? typedName : PLACEHOLDER_KEY;
  const head = `${text.slice(0, key.replaceStart)}${pythonStringLiteral(probeName, key.quote)}: None`;
  const found = findInProbe(head, `${separator}${text.slice(key.replaceEnd)}`, key.open, (property) => keyOf(property)?.offset === key.replaceStart && keyStyle(property) === 'string');
  if (!found) return undefined;
  const members = membersOf(found, options.apiModel!);
  const q = key.quote;
  const filterText = (name: string) => (key.replaceStart < key.typedStart ? `${q}${name}${q}` : name);
  if (!members) {
    const hyperparameters = hyperparameterItems(found, options, { offset: key.replaceStart, length: key.replaceEnd - key.replaceStart, newText: '' }, q, separator, filterText);
    return hyperparameters && { typed: typedName, isIncomplete: false, items: hyperparameters };
  }
  const items = memberCandidates(members.shape, members.present).map((candidate) =>
    memberItem(
      candidate,
      { offset: key.replaceStart, length: key.replaceEnd - key.replaceStart, newText: `${escapeSnippet(pythonStringLiteral(candidate.name, q))}: ${valueSnippet(candidate.shape, q)}${separator}` },
      // The editor filters the text from the edit's start (the quote, if typed) to the cursor.
      { snippet: true, filterText: filterText(candidate.name) },
    ),
  );
  return { typed: typedName, isIncomplete: false, items };
}

/** The cursor in a string in a dict's key position: a new key (read again completed), or a key that has its `:` (renamed in place). */
function keyInString(document: HostDocument, offset: number, string: CursorString, open: readonly Bracket[], options: CompletionOptions): CompletionResult | undefined {
  const { text } = document;
  const model = options.apiModel!;
  const stringEnd = string.closed ? string.contentEnd + 1 : string.contentEnd;
  if (string.closed && /^\s*:/.test(text.slice(stringEnd))) {
    const found = findBoto3Member(document, (property) => keyOf(property)?.offset === string.start && keyStyle(property) === 'string');
    const members = found && membersOf(found, model);
    if (!members) return undefined;
    const content = contentRange(keyOf(found.property)!);
    return renameItems(members, { offset: content.offset, length: content.length, newText: '' }, text.slice(string.contentStart, offset), (name) => escapedIn(name, string.quote));
  }
  // An open string runs to its line's end: the key is what is typed, up to the end of the word.
  const keyEnd = string.closed ? stringEnd : offset + (/^\w*/.exec(text.slice(offset, string.contentEnd))?.[0].length ?? 0);
  return newKey(document, {
    replaceStart: string.start,
    replaceEnd: keyEnd,
    typedStart: string.contentStart,
    offset,
    quote: string.quote,
    open,
  }, options);
}

/**
 * In a built-in algorithm job's `HyperParameters` dict (a map to the API model): the algorithm's
 * hyperparameter names not written yet, required first, each inserted as `"name": "$1"` (boto3
 * sends every value as a string). Undefined when the dict is no such job's.
 */
function hyperparameterItems(found: FoundMember, options: CompletionOptions, edit: TextEdit, quote: string, separator: string, filterText: (name: string) => string): CompletionItem[] | undefined {
  if (!options.algorithms) return undefined;
  const job = algorithmJobs(found.request, options.catalog, options.algorithms).find((candidate) => candidate.hyperparameters === found.object);
  if (!job) return undefined;
  const present = new Set(memberNames(found.object));
  present.delete(String(keyOf(found.property)?.value));
  const { facts } = job;
  // hyperparameterNames lists the required ones first.
  return facts.hyperparameterNames.filter((name) => !present.has(name)).map((name, index): CompletionItem => {
    const hyperparameter = facts.hyperparameter(name)!;
    return {
      label: name,
      kind: 'property',
      detail: hyperparameterDetail(hyperparameter),
      documentation: `${facts.label} hyperparameter.`,
      sortText: `${hyperparameter.required ? 0 : 1}${String(index).padStart(4, '0')}`,
      edit: { ...edit, newText: `${escapeSnippet(pythonStringLiteral(name, quote))}: ${quote}$1${quote}${separator}` },
      snippet: true,
      filterText: filterText(name),
    };
  });
}

/** Items renaming a key in place (no snippet): `nameText` writes a name as the key's content. */
function renameItems(members: Members, edit: TextEdit, typed: string, nameText: (name: string) => string): CompletionResult {
  const items = memberCandidates(members.shape, members.present).map((candidate) => memberItem(candidate, { ...edit, newText: nameText(candidate.name) }));
  return { typed, isIncomplete: false, items };
}

/**
 * The cursor inside a string value (`"TrainingInputMode": "F|"`, `TrainingInputMode="F|"`): the
 * member's enum values, or in a built-in algorithm job a hyperparameter's allowed values, a
 * channel's name or content type, inside the quotes.
 */
function valueInString(document: HostDocument, offset: number, string: CursorString, open: readonly Bracket[], options: CompletionOptions): CompletionResult | undefined {
  const { text } = document;
  const valueEnd = string.closed ? string.contentEnd : offset + (/^[\w.:/+-]*/.exec(text.slice(offset, string.contentEnd))?.[0].length ?? 0);
  const isValue = (property: Node) => property.children?.[1]?.offset === string.start;
  // An open string is read again closed after the word.
  const found = string.closed ? findBoto3Member(document, isValue) : findInProbe(`${text.slice(0, valueEnd)}${string.quote}`, text.slice(valueEnd), open, isValue);
  const offered = found && offeredValues(found, options);
  if (!offered) return undefined;
  const edit = { offset: string.contentStart, length: valueEnd - string.contentStart, newText: '' };
  const result = valueItems(offered.values, edit, text.slice(string.contentStart, offset), false, offered.details);
  for (const item of result.items) item.edit.newText = escapedIn(item.label, string.quote);
  return result;
}

/** After `Key=` or `"Key": ` with no value or a bare word: enum (or algorithm) values as strings in the file's quotes, or `True`/`False`. */
function bareValue(document: HostDocument, offset: number, wordStart: number, wordEnd: number, quote: string, open: readonly Bracket[], options: CompletionOptions): CompletionResult | undefined {
  const { text } = document;
  const found = findInProbe(`${text.slice(0, wordStart)}None`, text.slice(wordEnd), open, (property) => property.children?.[1]?.offset === wordStart);
  if (!found) return undefined;
  const edit = { offset: wordStart, length: wordEnd - wordStart, newText: '' };
  const typed = text.slice(wordStart, offset);
  // Right after a dict's `:` (which opens completion), the value brings its space.
  const space = text[wordStart - 1] === ':' ? ' ' : '';
  const shape = memberShape(found, options.apiModel!);
  if (shape?.type === 'boolean') {
    const result = valueItems(['True', 'False'], edit, typed, false);
    for (const item of result.items) item.edit.newText = space + item.label;
    return result;
  }
  const offered = offeredValues(found, options);
  if (!offered) return undefined;
  const result = valueItems(offered.values, edit, typed, false, offered.details);
  for (const item of result.items) item.edit.newText = space + pythonStringLiteral(item.label, quote);
  return result;
}

/**
 * The string values offered for the found property's value: its enum in the API model, else, in
 * a built-in algorithm job, what algorithm completion offers there (a hyperparameter's allowed
 * values, channel names, content types, metrics), as in JSON and YAML.
 */
function offeredValues(found: FoundMember, options: CompletionOptions): { values: readonly string[]; details: Record<string, string> } | undefined {
  const shape = memberShape(found, options.apiModel!);
  if (shape?.type === 'string' && shape.enum) return { values: shape.enum, details: {} };
  const value = found.property.children?.[1];
  const path = value && options.algorithms ? requestPathOf(found.request, value) : undefined;
  if (!path || path.length === 0) return undefined;
  const place = algorithmCompletionPlace(found.request, path, false, options.catalog, options.algorithms!);
  return place?.kind === 'values' ? place : undefined;
}

interface Members {
  shape: StructureShape;
  /** Members already written in the object (not the one being typed). */
  present: Set<string>;
}

/** The structure whose members go in the found property's object, and the members already there. */
function membersOf(found: FoundMember, model: ApiModel): Members | undefined {
  const path = requestPathOf(found.request, found.object);
  const shape = path && model.shapeAt(found.request.kind!, path);
  if (shape?.type !== 'structure') return undefined;
  const present = new Set(memberNames(found.object));
  present.delete(String(keyOf(found.property)?.value));
  return { shape, present };
}

/** The shape of the found property's value. */
function memberShape(found: FoundMember, model: ApiModel): Shape | undefined {
  const value = found.property.children?.[1];
  const path = value && requestPathOf(found.request, value);
  return path && path.length > 0 ? model.shapeAt(found.request.kind!, path) : undefined;
}

function keyOf(property: Node): Node | undefined {
  return property.children?.[0];
}

function keyStyle(property: Node): 'string' | 'keyword' | undefined {
  const info = (keyOf(property) as PythonNode | undefined)?.python;
  return info?.kind === 'key' ? info.style : undefined;
}

/** `value` written between quotes of `quote` (Python escapes). */
function escapedIn(value: string, quote: string): string {
  return pythonStringLiteral(value, quote).slice(1, -1);
}

/** The value written after a new member's `=` or `: ` (placeholders.ts), with Python's quotes, escapes and `True`/`False`. */
function valueSnippet(shape: Shape, quote: string): string {
  return placeholderSnippet(shape, { quote, quoted: (value) => escapedIn(value, quote), booleans: ['True', 'False'] });
}
