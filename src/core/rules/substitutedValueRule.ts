/**
 * The values a template's `DefinitionSubstitutions` gives a state machine's request members written
 * as one `${Name}` (`"InstanceType": "${TrainingInstanceType}"`, the `sam init` layout): each
 * judged against that member, on the map's characters, as a template's own values are. A
 * misspelt instance type in the map fails the task minutes into an execution; nothing else looks.
 */
import type { ApiModel } from '../apiModel/apiModel';
import type { SubstitutedValue } from '../specDocument';
import { checkValueAgainstMember } from './apiModelRules';
import type { RuleContext } from './ruleContext';

export function checkSubstitutedValues(context: RuleContext, values: readonly SubstitutedValue[], model: ApiModel): void {
  for (const { value, kind, memberPath, where } of values) {
    // Each finding says which member of which task the map entry fills: the map names only its key.
    const prefix = `DefinitionSubstitutions gives this to ${pathText(memberPath)} of ${where}: `;
    const noted: RuleContext = {
      spec: context.spec,
      catalog: context.catalog,
      region: context.region,
      isEnabled: (code) => context.isEnabled(code),
      report: (code, message, range, fixes, severity) => context.report(code, `${prefix}${message}`, range, fixes, severity),
    };
    checkValueAgainstMember(noted, model, kind, memberPath, value);
  }
}

/** `ResourceConfig.InstanceType`, `InputDataConfig[0].ContentType`. */
function pathText(path: readonly (string | number)[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}
