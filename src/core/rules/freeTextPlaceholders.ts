/**
 * Which unfilled `${…}` of a request sit in a member that takes any text (an `Environment` or
 * `HyperParameters` value, a tag-free `ContainerArguments` entry): the API accepts the value as
 * written and hands it to the container, which may expand `${…}` itself. In a member whose API
 * model shape has an enum, or a pattern that refuses the placeholder on its own (a role ARN, an S3
 * URI, a name), the value is certainly refused or wrong.
 */
import type { Node } from 'jsonc-parser';
import type { ApiModel, Shape } from '../apiModel/apiModel';
import { matchesPattern } from '../apiModel/patterns';
import type { RequestNode } from '../requestTree';
import type { SpecDocument } from '../specDocument';
import { memberLabel } from '../memberLabel';
import type { SpecKind } from '../specKind';
import { PLACEHOLDER, unfilledPlaceholdersOf, type Placeholder } from '../unfilledPlaceholders';

/**
 * The member (as messages name it: `Environment.MODEL_DIR`, `Tags[0].Value`) of each placeholder
 * of `placeholders` whose string value the API model accepts as written with any text in place of
 * the placeholder, by the placeholder's offset. Looks in the request's values (`spec.root`) and
 * the SDK arguments sent as request members; a placeholder found in neither, or in a member the
 * model does not know, is left out (judged as refused).
 */
export function freeTextMembers(spec: SpecDocument, model: ApiModel, placeholders: readonly Placeholder[]): Map<number, string> {
  const wanted = new Set(placeholders.map((placeholder) => placeholder.offset));
  const members = new Map<number, string>();
  const starts: Start[] = [];
  if (spec.kind && spec.root) starts.push({ kind: spec.kind, node: spec.root, path: [], label: undefined });
  for (const argument of spec.sdkRequest?.arguments ?? []) starts.push({ kind: argument.kind, node: argument.value, path: argument.path, label: argument.member });
  for (const start of starts) {
    // An explicit stack, as a request's depth is the file's to choose.
    const stack: [Node, readonly (string | number)[]][] = [[start.node, start.path]];
    while (stack.length > 0) {
      const [node, path] = stack.pop()!;
      if (node.type === 'object') {
        for (const property of node.children ?? []) {
          const [key, value] = property.children ?? [];
          if (key && value) stack.push([value, [...path, String(key.value)]]);
        }
      } else if (node.type === 'array') {
        (node.children ?? []).forEach((child, index) => stack.push([child, [...path, index]]));
      } else if (node.type === 'string') {
        const template = (node as RequestNode).template;
        const here = template ? unfilledPlaceholdersOf(template).filter((placeholder) => wanted.has(placeholder.offset)) : [];
        if (here.length > 0 && takesAnyText(model.shapeAt(start.kind, path), node.value)) {
          const label = path.length === start.path.length && start.label ? start.label : memberLabel(path);
          for (const placeholder of here) members.set(placeholder.offset, label);
        }
      }
    }
  }
  return members;
}

/** Where a walk starts: a request's root, or an SDK argument at its member's path. */
interface Start {
  kind: SpecKind;
  node: Node;
  path: readonly (string | number)[];
  /** How messages name the member at `path` when the path alone does not (see SdkArgument.member). */
  label: string | undefined;
}

/**
 * True when `shape` is a string without an enum whose pattern (when it has one) accepts the value
 * as written (`value`, decoded) and each of its `${…}` by itself: any text goes there.
 */
function takesAnyText(shape: Shape | undefined, value: unknown): boolean {
  if (shape?.type !== 'string' || shape.enum || typeof value !== 'string') return false;
  const pattern = shape.pattern;
  if (pattern === undefined) return true;
  // A pattern we cannot read (undefined) counts as constraining: the finding stays an error.
  return matchesPattern(pattern, value) === true && [...value.matchAll(PLACEHOLDER)].every(([written]) => matchesPattern(pattern, written) === true);
}
