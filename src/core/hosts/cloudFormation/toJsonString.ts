/**
 * `Fn::ToJsonString` (of the `AWS::LanguageExtensions` transform): CloudFormation writes the
 * object under it out as a JSON string. Templates use it to give a string property a workflow
 * written as the template's own mapping — `AWS::SageMaker::Pipeline`'s
 * `PipelineDefinitionBody: {Fn::ToJsonString: {Version: …, Steps: […]}}`, a state machine's
 * `DefinitionString: {Fn::ToJsonString: {StartAt: …, States: {…}}}` (aws/amazon-sagemaker-examples
 * `archived/text-to-image-fine-tuning/template.yml`). That object is already in the template's
 * tree, so it is read in place, as a `Definition` object is: findings on the template's
 * characters, fixes written in its syntax, intrinsics inside it dynamic.
 *
 * YAML has only the long form (`Fn::ToJsonString:`): CloudFormation defines no `!ToJsonString`
 * tag. The object is read whether or not the template declares the transform (see the README's
 * CloudFormation section): CloudFormation refuses the template without it, but that is the
 * template's validation (cfn-lint's E1031), and the workflow's own mistakes are worth knowing
 * meanwhile.
 */
import type { Node } from 'jsonc-parser';
import type { RequestNode } from '../../requestTree';
import { intrinsicCall, intrinsicView, viewCount } from './intrinsics';

/** The object `value` turns into a JSON string, when `value` is `{"Fn::ToJsonString": {…}}`; else undefined (an array is no workflow). */
export function toJsonStringObject(value: Node | undefined): Node | undefined {
  const call = intrinsicCall(value);
  return call?.name === 'Fn::ToJsonString' && call.argument?.type === 'object' ? call.argument : undefined;
}

/**
 * The views of a resource's `properties` (conditionSides) paired with views of `object`, the
 * argument of an `Fn::ToJsonString` among them, which the properties' views keep as one computed
 * string: side by side, each takes its own view index, or its last when it has fewer (as
 * intrinsicView does for an object's members), so each literal branch of either is read.
 * Lazily: further views are built only when the first met a condition.
 */
export function* sidesWithToJsonString(text: string, properties: Node, object: Node): Generator<{ side: RequestNode; object: RequestNode }> {
  const side = intrinsicView(text, properties, 0);
  const inner = intrinsicView(text, object, 0);
  yield { side: side.root, object: inner.root };
  if (!side.hasConditions && !inner.hasConditions) return;
  const sideViews = viewCount(properties);
  const objectViews = viewCount(object);
  for (let index = 1; index < Math.max(sideViews, objectViews); index++) {
    yield { side: intrinsicView(text, properties, Math.min(index, sideViews - 1)).root, object: intrinsicView(text, object, Math.min(index, objectViews - 1)).root };
  }
}
