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
import { markUnfilledStrings, type Placeholder } from '../../unfilledPlaceholders';

/** A name no `DefinitionSubstitutions` key can have (keys are letters, digits and `_`): `AWS::Region`, `Bucket.Arn`. */
const isFilledOnlyBySub = (name: string): boolean => !/^[A-Za-z0-9_]+$/.test(name);

/**
 * Marks the strings of `args` (a task's request, a tree of `text`) holding a `${…}` that only
 * `Fn::Sub` fills as templates with those placeholders unfilled, and returns the placeholders in
 * document order (see markUnfilledStrings).
 */
export function markUnfilledPseudoParameters(text: string, args: Node): Placeholder[] {
  return markUnfilledStrings(text, [args], isFilledOnlyBySub);
}
