/**
 * A resource property written `!Ref Name` (`{"Ref": "Name"}`) of a `String` parameter of the
 * template: the value the stack gets when no one passes the parameter is its `Default`, and any
 * passed value must be one of its `AllowedValues`. Each is checked against the member in the
 * property's place and reported where it is written (RequestNodeExtras.standIn and choices), as a
 * Pipelines parameter's `DefaultValue` and `EnumValues` are: `InstanceType: !Ref InstanceType`
 * with `Default: ml.m5.xlarg` is `invalid-enum-value` on the Default, with its fix there.
 * Images are read through the template elsewhere (templateImages.ts) and are left alone here.
 */
import type { Node } from 'jsonc-parser';
import { memberValue, stringValue } from '../../jsonTree';
import type { RequestNode } from '../../requestTree';
import { IMAGE_MEMBERS } from '../../specDocument';
import { intrinsicCall, intrinsicOf } from './intrinsics';
import { writtenDefault, type TemplateParameter, type TemplateScope } from './templateScope';

/** A note on a node checked in another's place (SpecDocument.standInNotes). */
export interface StandInNote {
  node: Node;
  note: string;
}

/**
 * Marks each `!Ref` of a `String` parameter under `root` (a view of a resource's properties, see
 * intrinsicView) with the parameter's `Default` as stand-in and its `AllowedValues` items as
 * choices, literal scalars only; returns a note per node so marked (for findings on them).
 */
export function markParameterStandIns(root: Node, scope: TemplateScope): StandInNote[] {
  const notes = new Map<Node, string>();
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if ((current as RequestNode).dynamic) {
      markRef(current as RequestNode, scope, notes);
      continue;
    }
    for (const child of current.children ?? []) {
      // An image is read through the template on its own (templateImages.ts).
      if (current.type === 'object' && IMAGE_MEMBERS.has(String(child.children?.[0]?.value))) continue;
      if (current.type === 'object') {
        if (child.children?.[1]) stack.push(child.children[1]);
      } else {
        stack.push(child);
      }
    }
  }
  return [...notes].map(([node, note]) => ({ node, note }));
}

/**
 * The values written for the `String` parameter a `!Ref` value (of a view, see intrinsicView)
 * reads: its literal `Default` (`the Default of parameter X`), then each literal `AllowedValues`
 * item, each with its note; none for another value.
 */
export function refParameterValues(value: Node, scope: TemplateScope): StandInNote[] {
  const parameter = refParameter(value, scope);
  if (!parameter) return [];
  const values: StandInNote[] = [];
  const standIn = writtenDefault(parameter.declaration);
  if (standIn && isLiteralScalar(standIn)) values.push({ node: standIn, note: `the Default of parameter ${parameter.name}` });
  const allowed = memberValue(parameter.declaration, 'AllowedValues');
  for (const choice of allowed?.type === 'array' ? (allowed.children ?? []) : []) {
    // Each written once: one equal to the Default is fixed there too, or the Default leaves the list.
    if (isLiteralScalar(choice) && !isEmptyString(choice)) values.push({ node: choice, note: `an AllowedValues item of parameter ${parameter.name}` });
  }
  return values;
}

/** The declared `String` parameter a `!Ref` value reads, else undefined. */
function refParameter(value: Node, scope: TemplateScope): TemplateParameter | undefined {
  const written = (value as RequestNode).dynamic ? intrinsicOf(value) : undefined;
  const call = written && intrinsicCall(written);
  const name = call?.name === 'Ref' ? stringValue(call.argument) : undefined;
  const parameter = name !== undefined ? scope.parameters.get(name) : undefined;
  return parameter && stringValue(memberValue(parameter.declaration, 'Type')) === 'String' ? parameter : undefined;
}

function markRef(value: RequestNode, scope: TemplateScope, notes: Map<Node, string>): void {
  const parameter = refParameter(value, scope);
  if (!parameter) return;
  const standIn = writtenDefault(parameter.declaration);
  if (standIn && isLiteralScalar(standIn)) {
    value.standIn = standIn;
    notes.set(standIn, `the Default of parameter ${parameter.name}`);
  }
  const allowed = memberValue(parameter.declaration, 'AllowedValues');
  const choices = allowed?.type === 'array' ? (allowed.children ?? []).filter((choice) => isLiteralScalar(choice) && !isEmptyString(choice)) : [];
  if (choices.length > 0) {
    value.choices = choices;
    for (const choice of choices) if (choice !== standIn) notes.set(choice, `an AllowedValues item of parameter ${parameter.name}`);
  }
}

/** A string, number or boolean written in the template (no intrinsic, nothing computed). */
function isLiteralScalar(node: Node): boolean {
  return (node.type === 'string' || node.type === 'number' || node.type === 'boolean') && !(node as RequestNode).dynamic && !intrinsicCall(node);
}

/** `""`: as a Default or an allowed value, the mark of a value passed at deployment (see writtenDefault), not one to judge. */
function isEmptyString(node: Node): boolean {
  return node.type === 'string' && node.value === '';
}
