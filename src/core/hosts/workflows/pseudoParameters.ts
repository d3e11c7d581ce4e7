/**
 * CloudFormation pseudo parameters (`${AWS::Region}`, `${AWS::AccountId}`, `${AWS::Partition}`)
 * in a state machine task's request. Only `Fn::Sub` fills them; a state machine file's deployment
 * (SAM's `DefinitionUri`, CloudFormation's `DefinitionS3Location`, the CDK) fills only its
 * `DefinitionSubstitutions` keys, which are plain names, and a template's `Definition` outside
 * `Fn::Sub` the same. So one left as text in a request value reaches SageMaker as written. Each
 * such string becomes a template whose pseudo parameters are unfilled placeholders: its static
 * text is still checked, and `unfilled-placeholder` reports each (the task's Resource has its own
 * reading, TaskIntegration.unfilledPartition).
 */
import type { Node } from 'jsonc-parser';
import { valueOffsetMapper } from '../../jsonTree';
import type { RequestNode, TemplatePart } from '../../requestTree';
import { mayHoldPlaceholder, unfilledParts, unfilledPlaceholdersOf, withUnfilledParts } from '../../unfilledPlaceholders';

/** A name no `DefinitionSubstitutions` key can have (keys are letters, digits and `_`): `AWS::Region`, `Bucket.Arn`. */
const isFilledOnlyBySub = (name: string): boolean => !/^[A-Za-z0-9_]+$/.test(name);

/**
 * Marks the strings of `args` (a task's request, a tree of `text`) holding a `${…}` that only
 * `Fn::Sub` fills as templates with those placeholders unfilled, and returns the placeholders in
 * document order. In place; an explicit stack, as the request's depth is the file's to choose.
 */
export function markUnfilledPseudoParameters(text: string, args: Node): Extract<TemplatePart, { kind: 'placeholder' }>[] {
  const found: Extract<TemplatePart, { kind: 'placeholder' }>[] = [];
  const stack: Node[] = [args];
  while (stack.length > 0) {
    const node = stack.pop() as RequestNode;
    if (node.type === 'string') {
      const parts = unfilledTemplate(text, node);
      if (!parts) continue;
      const building = node as { -readonly [K in keyof RequestNode]: RequestNode[K] };
      building.dynamic = true;
      building.template = parts;
      found.push(...unfilledPlaceholdersOf(parts));
      continue;
    }
    if (node.type === 'property') {
      if (node.children?.[1]) stack.push(node.children[1]);
    } else {
      for (const child of node.children ?? []) stack.push(child);
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** The string's parts with its Sub-only placeholders unfilled; undefined when it has none. */
function unfilledTemplate(text: string, node: RequestNode): TemplatePart[] | undefined {
  if (node.template) return withUnfilledParts(node.template, isFilledOnlyBySub);
  // Another dynamic string (a JSONPath or JSONata expression) is not sent as written.
  if (node.dynamic || typeof node.value !== 'string' || !mayHoldPlaceholder(node.value)) return undefined;
  return unfilledParts(node.value, valueOffsetMapper(text, node), isFilledOnlyBySub);
}
