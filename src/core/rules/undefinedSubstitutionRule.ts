/**
 * A `${Name}` that a template's `DefinitionUri` file uses and its `DefinitionSubstitutions` does
 * not define: the deploy leaves it as text, so the task sends `${TrainImage}` to SageMaker as the
 * value (a placeholder renamed in the file, or a key dropped from the map). Reported on the
 * template's `DefinitionUri`, naming where the file uses it and the nearest defined name.
 */
import { closestMatches, isClearNearest } from '../closestMatches';
import type { UndefinedSubstitutions } from '../specDocument';
import type { RuleContext } from './ruleContext';

export function checkUndefinedSubstitutions(context: RuleContext, undefinedSubstitutions: UndefinedSubstitutions): void {
  const { range, file, names, defined } = undefinedSubstitutions;
  for (const { name, usedIn } of names) {
    const nearest = closestMatches(name, defined, 1);
    const meant = nearest.length > 0 && isClearNearest(name, nearest) ? ` (did you mean \${${nearest[0]}}?)` : '';
    context.report(
      'unfilled-placeholder',
      `${file} uses \${${name}} in ${usedIn}, which DefinitionSubstitutions does not define: the deploy leaves it as text, and the task sends "\${${name}}" as written. Add ${name} to DefinitionSubstitutions, or correct the name in ${file}${meant}.`,
      range,
    );
  }
}
