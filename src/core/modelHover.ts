/**
 * Hover on a member name: its type, whether it is required, its limits and allowed values, from
 * the API model's facts in our own words.
 */
import { findNodeAtOffset, type Node } from 'jsonc-parser';
import type { ApiModel, Shape } from './apiModel/apiModel';
import { constraintPhrases, expectedType } from './apiModel/describeShape';
import type { HoverResult } from './hover';
import { codeSpan, escapeMarkdown } from './markdown';
import { nodeRange } from './rules/ruleContext';
import { memberPathText } from './requestTree';
import { requestPathOf, type SpecDocument } from './specDocument';

/** How many allowed values a hover lists before summarising the rest. */
const MAX_LISTED_VALUES = 24;

/**
 * The hover on a member name at `offset`: required or optional, expected type, limits and allowed
 * values from `model`; undefined when the offset is not on a key the model knows.
 */
export function hoverMember(spec: SpecDocument, offset: number, model: ApiModel): HoverResult | undefined {
  if (!spec.kind || !spec.root) return undefined;
  const key = findNodeAtOffset(spec.root, offset, false);
  const property = key?.parent;
  if (!key || key.type !== 'string' || property?.type !== 'property' || property.children?.[0] !== key) return undefined;
  return hoverMemberKey(spec, key, model);
}

/**
 * The hover on `key`, a member's key node in `spec`'s tree (a host that finds the key itself,
 * such as Python's, whose dicts bound to a name lie outside the request's range); undefined when
 * the model does not know the member.
 */
export function hoverMemberKey(spec: SpecDocument, key: Node, model: ApiModel): HoverResult | undefined {
  if (!spec.kind) return undefined;
  const path = requestPathOf(spec, key);
  if (!path || path.length === 0) return undefined;
  const shape = model.shapeAt(spec.kind, path);
  const holder = model.shapeAt(spec.kind, path.slice(0, -1));
  if (!shape || !holder) return undefined;
  // A key being typed (`""`): no name to say anything of (the hover read `****`, found by a fuzz run).
  if (key.value === '') return undefined;
  // The key as typed: a map key can hold anything.
  const name = escapeMarkdown(String(key.value));
  const lines: string[] = [];
  if (holder.type === 'structure') {
    // A template resource's own schema says what it requires (a name CloudFormation generates is optional there).
    const required = holder.required.has(name) ? (spec.valuesOnly ? 'required by the API' : 'required') : 'optional';
    lines.push(`**${name}** · ${required} · ${expectedType(shape)}`);
  } else {
    lines.push(`**${name}** · an entry of this map · ${expectedType(shape)}`);
  }
  lines.push(...details(shape).map((line) => `- ${line}`));
  return { markdown: lines.join('\n\n'), range: nodeRange(key) };
}

/**
 * The hover on a `DefinitionSubstitutions` entry's value that fills request members written as one
 * `${Name}` (SpecDocument.substitutedValues): which members of which tasks it fills, and the
 * first member's type, limits and allowed values from `model`; undefined elsewhere.
 */
export function hoverSubstitutedValue(spec: SpecDocument, offset: number, model: ApiModel): HoverResult | undefined {
  const uses = (spec.substitutedValues ?? []).filter(({ value }) => value.offset <= offset && offset <= value.offset + value.length);
  if (uses.length === 0) return undefined;
  const fills = uses.map(({ memberPath, tasks }) => `${codeSpan(memberPathText(memberPath))} of ${tasks.map((task) => `task ${codeSpan(task)}`).join(', ') || 'a task'}`);
  const file = uses[0].file === undefined ? '' : ` in ${codeSpan(uses[0].file)}`;
  const lines = ['**DefinitionSubstitutions entry**', `Substituted into ${fills.join(' and ')}${file}.`];
  const shape = model.shapeAt(uses[0].kind, uses[0].memberPath);
  if (shape) lines.push(`${expectedType(shape)}`, ...details(shape).map((line) => `- ${line}`));
  return { markdown: lines.join('\n\n'), range: nodeRange(uses[0].value) };
}

function details(shape: Shape): string[] {
  const lines = constraintPhrases(shape).map((phrase) => capitalize(phrase));
  switch (shape.type) {
    case 'string':
      if (shape.enum) {
        const listed = shape.enum.slice(0, MAX_LISTED_VALUES).map((value) => codeSpan(value)).join(', ');
        const more = shape.enum.length > MAX_LISTED_VALUES ? `, … (${shape.enum.length} in all; completion lists them)` : '';
        lines.push(`One of: ${listed}${more}`);
      }
      break;
    case 'structure': {
      const required = shape.requiredList.map((name) => codeSpan(name)).join(', ');
      lines.push(`An object with ${shape.members.size} possible members${required ? `; required: ${required}` : '; none required'}`);
      break;
    }
    case 'list':
      lines.push(`Each item: ${expectedType(shape.member)}${shape.member.type === 'string' && shape.member.enum ? ` (one of ${shape.member.enum.length} values)` : ''}`);
      break;
    case 'map':
      lines.push(`Names: ${expectedType(shape.key)}; values: ${expectedType(shape.value)}`);
      break;
    default:
      break;
  }
  return lines;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
