/**
 * `invalid-type` on a state machine resource's `Definition` written `Fn::Sub` (`Definition: !Sub |`
 * over JSON text, or over a mapping): CloudFormation takes `Definition` as the state machine
 * object, and Fn::Sub returns a string, so the template fails to deploy. Reported on the `!Sub`
 * tag (the `Fn::Sub` key in JSON). Where the Fn::Sub is of a string and the resource has no
 * `DefinitionString`, the fix renames `Definition` to `DefinitionString`, which takes a string in
 * Fn::Sub: the same text, substituted the same way. It is preferred (fix-all) only when that
 * string is a state machine in JSON that parses: then the rename deploys exactly what the
 * template says, and the other way out — a mapping filled with `DefinitionSubstitutions` — would
 * rewrite the whole definition. A string of anything else would fail as a DefinitionString too.
 * SAM's `AWS::Serverless::StateMachine` has no `DefinitionString`: no fix there, and the message
 * says what SAM takes.
 */
import { intent, type QuickFix } from '../edits/editIntent';
import type { SubDefinition } from '../specDocument';
import { nodeRange, type RuleContext } from './ruleContext';

export function checkSubDefinition(context: RuleContext, definition: SubDefinition): void {
  const range = nodeRange(definition.call);
  const sub = context.spec.text.slice(range.offset, range.offset + range.length);
  const fixes: QuickFix[] = definition.rename
    ? [{ title: 'Rename Definition to DefinitionString', intents: [intent.renameMember(definition.key, 'DefinitionString')], preferred: definition.rename.preferred }]
    : [];
  context.report('invalid-type', `Definition must be the state machine as a mapping, and ${sub} returns a string: ${definition.sam ? 'SAM' : 'CloudFormation'} rejects the template. ${waysOut(definition, sub)}`, range, fixes);
}

/** What to write instead: a string has a property of its own (not in SAM); over a mapping, the mapping is what Definition takes, without the Fn::Sub. */
function waysOut(definition: SubDefinition, sub: string): string {
  const substitutions = 'fill in its values with DefinitionSubstitutions (${Name} in the mapping)';
  if (definition.sam && definition.ofMapping) return `Drop the ${sub} and ${substitutions}.`;
  if (definition.sam) return `AWS::Serverless::StateMachine has no DefinitionString: write the state machine as a mapping under Definition and ${substitutions}, or put the JSON in a file named by DefinitionUri.`;
  if (definition.ofMapping) return `Drop the ${sub} and ${substitutions}, or write the state machine as JSON in DefinitionString, which takes ${sub}.`;
  return `Move the string to DefinitionString (which takes ${sub}), or keep Definition a mapping and ${substitutions}.`;
}
