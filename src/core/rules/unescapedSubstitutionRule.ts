/**
 * `unfilled-placeholder` on a `${Name}` of a state machine's `DefinitionString` written `Fn::Sub`
 * that names only a `DefinitionSubstitutions` key (hosts/cloudFormation/unescapedSubstitutions.ts):
 * Fn::Sub fills every `${…}` before Step Functions sees the string, cannot fill this one, and
 * CloudFormation rejects the template. The preferred fix writes Fn::Sub's escape `${!Name}`, which
 * Fn::Sub writes out as `${Name}` for the map to fill: what the map's key says was meant. (The
 * template says nothing of the value until then: the map's value is not read for it.)
 */
import { intent, type QuickFix } from '../edits/editIntent';
import type { UnescapedSubstitution } from '../specDocument';
import type { RuleContext } from './ruleContext';

export function checkUnescapedSubstitutions(context: RuleContext, unescaped: readonly UnescapedSubstitution[]): void {
  for (const { name, range, escapable } of unescaped) {
    const escape = `\${!${name}}`;
    // `!` after `${`: the rest of the text stays as written, in a JSON string or any YAML scalar alike.
    const fixes: QuickFix[] = escapable ? [{ title: `Write ${escape}`, intents: [intent.replaceText(range.offset + 2, 0, '!')], preferred: true }] : [];
    context.report(
      'unfilled-placeholder',
      `\${${name}} is filled in by Fn::Sub, before Step Functions reads DefinitionSubstitutions, and ${name} is only a DefinitionSubstitutions key (no parameter, resource or variable of the Fn::Sub): CloudFormation rejects the template ("Unresolved resource dependencies [${name}]"). Write ${escape}, which Fn::Sub writes out as \${${name}} for DefinitionSubstitutions to fill in.`,
      range,
      fixes,
    );
  }
}
