/**
 * A state machine resource's `DefinitionSubstitutions` (`AWS::StepFunctions::StateMachine` and
 * `AWS::Serverless::StateMachine`): CloudFormation replaces `${Name}` in the definition — the
 * `Definition` object's strings, or the `DefinitionString` text — with the value of the key
 * `Name`, at deployment. Only keys of that map are placeholders: any other `${…}` is written out
 * as it stands (there is no `${!…}` escape here, unlike `Fn::Sub`). A `DefinitionString` written
 * `Fn::Sub` is read by Fn::Sub first: its `${!Name}` reaches the map as `${Name}`, and its own
 * `${Name}` never does (one naming only a key fails the deploy: unescapedSubstitutions.ts).
 *
 * A placeholder is dynamic even when its key's value is a literal: a finding on the substituted
 * text, and its fix, would belong to the map rather than to the definition (and `DefinitionString`
 * placeholders were never substituted either). So it is never reported, and the static text
 * around it is checked as a template (see TemplatePart).
 */
import type { Node } from 'jsonc-parser';
import { memberValue, valueOffsetMapper } from '../../jsonTree';
import type { RequestNode, TemplatePart } from '../../requestTree';
import { intrinsicCall } from './intrinsics';

/**
 * Which `${Name}` the resource substitutes: true for its `DefinitionSubstitutions` keys. When
 * the map cannot be read (an intrinsic other than `Fn::If` with literal maps), every name may be
 * one of its keys, so every `${Name}` counts; without the property, none does.
 */
export type SubstitutionNames = (name: string) => boolean;

/** The names `properties` (a state machine resource's `Properties`) substitutes; see SubstitutionNames. */
export function definitionSubstitutionNames(properties: Node): SubstitutionNames {
  if (!memberValue(properties, 'DefinitionSubstitutions')) return () => false;
  const names = definitionSubstitutionKeys(properties);
  return names ? (name) => names.has(name) : () => true;
}

/**
 * The keys of the `DefinitionSubstitutions` of `properties` as written: a literal map's, or
 * either side's of an `Fn::If` between two (empty without the property). Undefined when the map
 * cannot be read (another intrinsic).
 */
export function definitionSubstitutionKeys(properties: Node): ReadonlySet<string> | undefined {
  const substitutions = memberValue(properties, 'DefinitionSubstitutions');
  if (!substitutions) return new Set();
  const call = intrinsicCall(substitutions);
  // `Fn::If` between two literal maps: a name of either side may be substituted.
  const maps = !call ? [substitutions] : call.name === 'Fn::If' && call.argument?.type === 'array' ? call.argument.children?.slice(1) ?? [] : [];
  if (maps.length === 0 || maps.some((map) => map.type !== 'object' || intrinsicCall(map))) return undefined;
  return new Set(maps.flatMap((map) => (map.children ?? []).map((property) => String(property.children?.[0]?.value))));
}

/** `${Name}`: a name of at least one character, up to the first `}`. */
const PLACEHOLDER = /\$\{([^}]+)\}/g;

/**
 * The parts of a definition string `value` when it holds a substituted `${Name}`, else
 * undefined. `offsetOf(i)`: the source offset of `value[i]` (and of its end for `value.length`).
 */
export function substitutionParts(value: string, offsetOf: (index: number) => number, isSubstituted: SubstitutionNames): TemplatePart[] | undefined {
  const parts: TemplatePart[] = [];
  let textStart = 0;
  const pushText = (end: number) => {
    if (end <= textStart) return;
    const offsets: number[] = [];
    for (let i = textStart; i <= end; i++) offsets.push(offsetOf(i));
    parts.push({ kind: 'text', value: value.slice(textStart, end), offsets });
  };
  for (const match of value.matchAll(PLACEHOLDER)) {
    if (!isSubstituted(match[1])) continue;
    pushText(match.index);
    const end = match.index + match[0].length;
    parts.push({ kind: 'placeholder', offset: offsetOf(match.index), length: offsetOf(end) - offsetOf(match.index), filledBy: 'deployment' });
    textStart = end;
  }
  if (parts.length === 0) return undefined;
  pushText(value.length);
  return parts;
}

/**
 * Marks the strings of a `Definition` object (a tree of `text`, intrinsics already dynamic) that
 * hold a substituted `${Name}`: dynamic, with their static parts as a template. In place; an
 * explicit stack, since the definition's depth is the template's to choose.
 */
export function markDefinitionSubstitutions(text: string, definition: Node, isSubstituted: SubstitutionNames): void {
  const stack: Node[] = [definition];
  while (stack.length > 0) {
    const node = stack.pop() as RequestNode;
    if (node.type === 'string') {
      if (node.dynamic || typeof node.value !== 'string' || !node.value.includes('${')) continue;
      const parts = substitutionParts(node.value, valueOffsetMapper(text, node), isSubstituted);
      if (!parts) continue;
      const building = node as { -readonly [K in keyof RequestNode]: RequestNode[K] };
      building.dynamic = true;
      building.template = parts;
      continue;
    }
    // Property values and array items; keys name members and are never substituted here.
    if (node.type === 'property') {
      if (node.children?.[1]) stack.push(node.children[1]);
    } else {
      for (const child of node.children ?? []) stack.push(child);
    }
  }
}
