/**
 * `${…}` left as text where nothing substitutes it: a CloudFormation pseudo parameter
 * (`${AWS::Region}`) in a state machine file, which only `Fn::Sub` fills, or any `${…}` in a
 * literal value of an AWS CLI spec (JSON or YAML) or of a boto3 or SDK call in Python. The
 * program that reads the value gets it as written. Read as template placeholders marked
 * `unfilled`, so the rules check the static text around them (as for any template) and
 * `unfilled-placeholder` reports each one.
 */
import type { Node } from 'jsonc-parser';
import { valueOffsetMapper } from './jsonTree';
import type { PlaceholderFacts, RequestNode, TemplatePart } from './requestTree';
import type { SpecDocument } from './specDocument';

/** A placeholder part of a template (see TemplatePart). */
export type Placeholder = Extract<TemplatePart, { kind: 'placeholder' }>;

/** `${Name}`: a name of at least one character, up to the first `}` (as CloudFormation reads it). Global: use with matchAll. */
export const PLACEHOLDER = /\$\{([^}]+)\}/g;

const UNFILLED: PlaceholderFacts = Object.freeze({ description: 'nothing fills it in: sent as written', unfilled: true });

/** True when `text` may hold a placeholder (a cheap test before splitting). */
export function mayHoldPlaceholder(text: string): boolean {
  return text.includes('${');
}

/**
 * The parts of the literal string `value` with each `${Name}` for which `isUnfilled(Name)` holds
 * as an unfilled placeholder; undefined when there is none. `offsetOf(i)`: the source offset of
 * `value[i]` (and of its end for `value.length`).
 */
export function unfilledParts(value: string, offsetOf: (index: number) => number, isUnfilled: (name: string) => boolean = () => true): TemplatePart[] | undefined {
  return splitText({ kind: 'text', value, offsets: Array.from({ length: value.length + 1 }, (_, index) => offsetOf(index)) }, isUnfilled);
}

/**
 * `parts` (a template's) with each `${Name}` in their text for which `isUnfilled(Name)` holds
 * made an unfilled placeholder; undefined when their text holds none (`${!Literal}` of a
 * CloudFormation `Fn::Sub` leaves `${Literal}` as text: it is such a one).
 */
export function withUnfilledParts(parts: readonly TemplatePart[], isUnfilled: (name: string) => boolean = () => true): TemplatePart[] | undefined {
  let changed = false;
  const out: TemplatePart[] = [];
  for (const part of parts) {
    const split = part.kind === 'text' && mayHoldPlaceholder(part.value) ? splitText(part, isUnfilled) : undefined;
    if (split) changed = true;
    out.push(...(split ?? [part]));
  }
  return changed ? out : undefined;
}

/** The unfilled placeholders of `parts`. */
export function unfilledPlaceholdersOf(parts: readonly TemplatePart[]): Placeholder[] {
  return parts.filter((part): part is Placeholder => part.kind === 'placeholder' && part.facts?.unfilled === true);
}

/**
 * Marks each string under `values` (request trees over `text`) that holds a `${Name}` for which
 * `isUnfilled(Name)` holds as a dynamic template with those placeholders unfilled, so no rule
 * judges its text as the value meant while those that judge static parts alone still do; returns
 * the unfilled placeholders under `values`, in document order, each once. A string marked
 * before (a Python dict passed to two calls) gives its placeholders again. Strings in `skip` (the
 * images, which their own rules read) are left as they are, and so are templates the host wrote
 * unless `intoTemplates` (a state machine `Definition` under `Fn::Sub`, whose `${!Name}` leaves
 * `${Name}` as text). In place; an explicit stack, as a request's depth is the file's to choose.
 */
export function markUnfilledStrings(text: string, values: readonly Node[], isUnfilled: (name: string) => boolean = () => true, skip?: ReadonlySet<Node>, intoTemplates = true): Placeholder[] {
  const found = new Map<number, Placeholder>();
  const stack: Node[] = [...values];
  while (stack.length > 0) {
    const node = stack.pop() as RequestNode;
    if (skip?.has(node)) continue;
    if (node.type === 'string') {
      const parts = unfilledTemplate(text, node, isUnfilled, intoTemplates);
      if (parts) {
        const building = node as { -readonly [K in keyof RequestNode]: RequestNode[K] };
        building.dynamic = true;
        building.template = parts;
      }
      for (const placeholder of unfilledPlaceholdersOf(parts ?? node.template ?? [])) found.set(placeholder.offset, placeholder);
      continue;
    }
    if (node.type === 'property') {
      if (node.children?.[1]) stack.push(node.children[1]);
    } else {
      for (const child of node.children ?? []) stack.push(child);
    }
  }
  return [...found.values()].sort((a, b) => a.offset - b.offset);
}

/**
 * False when no string of a JSON or YAML text can read as holding `${`: the two characters are
 * nowhere written out and no escape (`\u0024{`, a YAML line joined by `\`) could spell them. Lets a
 * spec without placeholders skip the walk over its whole request on every version (a 1 MB spec).
 * (Python joins adjacent literals, `'$' '{x}'`: its host walks without this test.)
 */
export function mayReadAsPlaceholder(text: string): boolean {
  return text.includes('${') || text.includes('\\');
}

/**
 * For a request whose host substitutes nothing (an AWS CLI spec in JSON or YAML, a boto3 or SDK
 * call in Python): marks every `${…}` in the literal strings under `values` (the request's root
 * unless given) but its images' as unfilled (markUnfilledStrings; not in a Python f-string or
 * `.format` template, whose `${{x}}` is written so on purpose), and sets
 * `spec.unfilledPlaceholders` when there is one. The AWS CLI and boto3 send the value as written.
 */
export function markUnfilledRequestValues(spec: SpecDocument, values: readonly Node[] = spec.root ? [spec.root] : []): void {
  const images = new Set(spec.images.map((field) => field.value));
  const unfilled = markUnfilledStrings(spec.text, values, undefined, images, false);
  if (unfilled.length > 0) spec.unfilledPlaceholders = unfilled;
}

/** The string's parts with its unfilled placeholders; undefined when it has none not yet marked. */
function unfilledTemplate(text: string, node: RequestNode, isUnfilled: (name: string) => boolean, intoTemplates: boolean): TemplatePart[] | undefined {
  if (node.template) return intoTemplates ? withUnfilledParts(node.template, isUnfilled) : undefined;
  // Another dynamic string (a JSONPath or JSONata expression, a Python name) is not sent as written.
  if (node.dynamic || typeof node.value !== 'string' || !mayHoldPlaceholder(node.value)) return undefined;
  return unfilledParts(node.value, valueOffsetMapper(text, node), isUnfilled);
}

function splitText(part: Extract<TemplatePart, { kind: 'text' }>, isUnfilled: (name: string) => boolean): TemplatePart[] | undefined {
  const { value, offsets } = part;
  const out: TemplatePart[] = [];
  let textStart = 0;
  const pushText = (end: number) => {
    if (end > textStart) out.push({ kind: 'text', value: value.slice(textStart, end), offsets: offsets.slice(textStart, end + 1) });
  };
  for (const match of value.matchAll(PLACEHOLDER)) {
    if (!isUnfilled(match[1])) continue;
    pushText(match.index);
    const end = match.index + match[0].length;
    out.push({ kind: 'placeholder', offset: offsets[match.index], length: offsets[end] - offsets[match.index], facts: UNFILLED });
    textStart = end;
  }
  if (out.length === 0) return undefined;
  pushText(value.length);
  return out;
}
