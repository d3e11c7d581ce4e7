/**
 * Hover on a value computed when the stack is deployed or the pipeline runs, whose value is
 * written elsewhere and checked in its place (RequestNodeExtras.standIn and choices): a
 * CloudFormation `!Ref Parameter` read through its `Default` and `AllowedValues`, a Pipelines
 * `{"Get": "Parameters.X"}` through its `DefaultValue` and `EnumValues`. It says which values
 * the checks read, and where they are written, so a finding on a default far away is not a
 * surprise.
 */
import { findNodeAtOffset, type Node } from 'jsonc-parser';
import type { HoverResult } from './hover';
import { codeSpan, escapeMarkdown } from './markdown';
import { isDynamic, type RequestNode } from './requestTree';
import type { SpecDocument } from './specDocument';

/** How many levels above the node under the cursor a marked value may be (`{"Get": "Parameters.X"}`: the string, its property, the object). */
const MAX_LEVELS = 3;
/** Values listed before "and N more". */
const LISTED = 8;

/** The hover for the computed value under `offset` in `spec`, or undefined when it reads no value written elsewhere. */
export function hoverStandIn(spec: SpecDocument, offset: number): HoverResult | undefined {
  if (!spec.root) return undefined;
  let node: Node | undefined = findNodeAtOffset(spec.root, offset, true);
  for (let level = 0; node && level <= MAX_LEVELS; level++, node = node.parent) {
    const { standIn, choices } = node as RequestNode;
    if (!isDynamic(node) || (!standIn && !choices?.length)) continue;
    const notes = [...(spec.standInNotes ?? []), ...(spec.embedding?.notes ?? [])];
    const where = (value: Node) => notes.find((entry) => entry.node === value)?.note;
    const shown = (value: Node) => (value.type === 'string' && typeof value.value === 'string' ? value.value : spec.text.slice(value.offset, value.offset + value.length).replace(/\s+/g, ' '));
    const text = (value: Node) => codeSpan(shown(value));
    const lines = ['**A value given when it is deployed or run**, checked as the values written for it:', ''];
    if (standIn) lines.push(`- ${text(standIn)}${where(standIn) ? `, ${escapeMarkdown(where(standIn)!)}` : ''}`);
    const others = (choices ?? []).filter((choice) => !standIn || shown(choice) !== shown(standIn));
    if (others.length > 0) {
      const listed = others.slice(0, LISTED).map(text).join(', ');
      const more = others.length > LISTED ? ` and ${others.length - LISTED} more` : '';
      const kind = where(others[0])?.replace(/^an? /, '').replace(/ item of /, ' of ');
      lines.push(`- also ${listed}${more}${kind ? `: ${escapeMarkdown(kind)}` : ''}`);
    }
    // The computed value as written (`!Ref X`, `{"Get": …}`): its node is no quoted string.
    return { markdown: lines.join('\n'), range: { offset: node.offset, length: node.length } };
  }
  return undefined;
}
