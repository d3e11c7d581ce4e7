/**
 * A finding on a value its host sends as text but that reads as one of the host's expressions —
 * a Step Functions `"CompressionType": "$.gzip"` whose key lost its `.$`, or `"{% $gzip %}"` in a
 * JSONPath state (see Embedding.literalExpression). The writer meant the value computed, so the
 * constant a rule would put in its place (`Gzip` for `$.gzip`, `ml.inf2.xlarge` for
 * `$.instanceType`) is a guess at the wrong thing. Every rule's finding passes through here (from
 * RuleContext.report), so none needs its own copy of this: the message gets the host's note, the
 * rule's fixes stay on offer but none is preferred, and where a key ending in `.$` makes the value
 * computed, naming the key so is offered first and preferred (it changes what the state sends,
 * so fix-all leaves it to the user).
 *
 * In a Step Functions request under the other query language's key (`Parameters` in a JSONata
 * state), such a value is named by `query-language-mismatch`, whose rewrite makes it computed:
 * every finding on it only repeats that one, so none is reported (`withheld`). The block is read
 * in its key's language, not the state's, so no note about "this state" would be true of it.
 */
import { findNodeAtOffset, type Node } from 'jsonc-parser';
import { intent, type QuickFix } from '../edits/editIntent';
import { keyOfValue, type OffsetRange } from '../jsonTree';
import { contentRange, isDynamic } from '../requestTree';
import type { SpecDocument } from '../specDocument';
import { DOLLAR, OPEN_BRACE, UPPER_S } from '../charCodes';

/** A finding's message and fixes. */
export interface FindingText {
  message: string;
  fixes: QuickFix[];
}

/**
 * `message` and `fixes` of a finding at `range` in `spec`, read again when `range` is the whole
 * content of a string value that the host reads as a literal expression; `withheld` when another
 * finding says what to rewrite there (LiteralExpression.repeats); undefined otherwise (the finding
 * stands as the rule wrote it). A key, a part of a string, or a value outside the request is never
 * read so.
 */
export function asLiteralExpression(spec: SpecDocument, message: string, range: OffsetRange, fixes: readonly QuickFix[]): FindingText | 'withheld' | undefined {
  const read = spec.embedding?.literalExpression;
  if (!read || !spec.root) return undefined;
  // Every expression starts with `$`, `States.` or `{%`: other findings cost one character's look.
  const first = spec.text.charCodeAt(range.offset);
  if (first !== DOLLAR && first !== OPEN_BRACE && first !== UPPER_S) return undefined;
  const node = findNodeAtOffset(spec.root, range.offset, false);
  if (node?.type !== 'string' || typeof node.value !== 'string' || isDynamic(node) || !isValue(node)) return undefined;
  const whole = contentRange(node);
  if (whole.offset !== range.offset || whole.length !== range.length) return undefined;
  const literal = read(node.value);
  if (!literal) return undefined;
  if (literal.repeats) return 'withheld';
  const offered = fixes.map((fix) => (fix.preferred ? { ...fix, preferred: false } : fix));
  const key = literal.namesKey ? keyOfValue(node) : undefined;
  const rename = key && typeof key.value === 'string' && !hasSibling(key, key.value) ? key.value : undefined;
  if (rename !== undefined) {
    offered.unshift({ title: `Name the key "${rename}.$" (a JSONPath value)`, intents: [intent.renameMember(key!, `${rename}.$`)], preferred: true, changesBehaviour: true });
  }
  return { message: `${message} ${literal.note}`, fixes: offered };
}

/** True when `node` is a member's value or a list item (not a key). */
function isValue(node: Node): boolean {
  const parent = node.parent;
  return parent?.type === 'array' || (parent?.type === 'property' && parent.children?.[1] === node);
}

/** True when another member of the key's object is read as `name` (a `"Name.$"` key beside `"Name"`): the rename would write it twice. */
function hasSibling(key: Node, name: string): boolean {
  const object = key.parent?.parent;
  for (const property of object?.children ?? []) {
    const other = property.children?.[0];
    if (other && other !== key && (other.value === name || other.value === `${name}.$`)) return true;
  }
  return false;
}
