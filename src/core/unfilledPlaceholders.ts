/**
 * `${…}` left as text where nothing substitutes it: a CloudFormation pseudo parameter
 * (`${AWS::Region}`) in a state machine file, which only `Fn::Sub` fills, or any `${…}` in a
 * literal image of a JSON spec. The program that reads the value gets it as written. Read as
 * template placeholders marked `unfilled`, so the rules check the static text around them (as
 * for any template) and `unfilled-placeholder` reports each one.
 */
import type { PlaceholderFacts, TemplatePart } from './requestTree';

/** `${Name}`: a name of at least one character, up to the first `}` (as CloudFormation reads it). */
const PLACEHOLDER = /\$\{([^}]+)\}/g;

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
export function unfilledPlaceholdersOf(parts: readonly TemplatePart[]): Extract<TemplatePart, { kind: 'placeholder' }>[] {
  return parts.filter((part): part is Extract<TemplatePart, { kind: 'placeholder' }> => part.kind === 'placeholder' && part.facts?.unfilled === true);
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
