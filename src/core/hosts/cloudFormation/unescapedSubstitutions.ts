/**
 * A `${Name}` of a state machine's `DefinitionString` written `Fn::Sub` whose `Name` is only a
 * key of the resource's `DefinitionSubstitutions`. Fn::Sub reads the string first and fills every
 * `${Name}` itself: from a template parameter, a resource (`Name`, or `Name.Attribute`), a pseudo
 * parameter (`AWS::Region`) or its own variable map (`!Sub [string, {Name: …}]`). Any other name
 * fails the deploy ("Template format error: Unresolved resource dependencies [Name] in the
 * Resources block of the template"): the map, which Step Functions applies afterwards, is never
 * reached. `${!Name}` is how Fn::Sub writes the text `${Name}` out for the map to fill.
 *
 * Only keys of the map are read here: they say the author meant the map. Nothing is found when
 * the map or the Fn::Sub's variables are computed (either may name anything), nor in a template
 * whose `Transform` names a macro (it may declare the name).
 */
import type { Node } from 'jsonc-parser';
import { memberValue } from '../../jsonTree';
import type { UnescapedSubstitution } from '../../specDocument';
import type { TemplateResource } from './cloudFormationRequests';
import { definitionSubstitutionKeys } from './definitionSubstitutions';
import type { StackPlaceholder } from './embeddedJson';
import { intrinsicCall } from './intrinsics';

/**
 * The `${Name}` of `definitionString` (the resource's `DefinitionString`, when it is `Fn::Sub`)
 * that Fn::Sub cannot fill and the map's keys name, in text order; `filledByStack`: the
 * placeholders the embedded reading found the stack fills (EmbeddedJsonReading.filledByStack).
 */
export function unescapedSubstitutions(resource: TemplateResource, definitionString: Node | undefined, filledByStack: readonly StackPlaceholder[]): UnescapedSubstitution[] {
  const call = intrinsicCall(definitionString);
  if (call?.name !== 'Fn::Sub' || resource.scope.macro) return [];
  const keys = definitionSubstitutionKeys(resource.properties);
  const variables = call.argument?.type === 'array' ? call.argument.children?.[1] : undefined;
  if (!keys || keys.size === 0 || (variables && (variables.type !== 'object' || intrinsicCall(variables)))) return [];
  const found: UnescapedSubstitution[] = [];
  for (const { offset, length, name } of filledByStack) {
    if (name === undefined || !keys.has(name) || subFills(resource, name, variables)) continue;
    // The fix inserts `!` after `${`: only where the name is written as it reads (no escapes in the way).
    const escapable = resource.text.slice(offset, offset + length) === `\${${name}}`;
    found.push({ name, range: { offset, length }, escapable });
  }
  return found;
}

/** True when Fn::Sub fills `${name}` itself: a pseudo parameter, a parameter, a resource or one's attribute, or a key of its `variables` map. */
function subFills(resource: TemplateResource, name: string, variables: Node | undefined): boolean {
  const { parameters, resources } = resource.scope;
  if (name.startsWith('AWS::') || parameters.has(name) || resources.has(name)) return true;
  const dot = name.indexOf('.');
  if (dot > 0 && resources.has(name.slice(0, dot))) return true;
  return variables !== undefined && memberValue(variables, name) !== undefined;
}
