/**
 * `undefined-pipeline-variable`: a Pipelines `{"Get": "Parameters.X"}` or `{"Get": "Steps.X.…"}`
 * whose X the definition does not declare (hosts/workflows/pipelineVariables.ts) — a parameter
 * renamed in `Parameters` and not where it is read, a step name misspelt. The SDK calls
 * parameters, execution variables and step properties "pipeline variables"; the run has none by
 * that name. Reported on X inside the Get's string, naming what the definition declares; the
 * nearest names are offered as fixes of X alone, the first preferred when it is a clear typo.
 */
import { closestSpellings, isClearNearest } from '../closestMatches';
import { intent, type QuickFix } from '../edits/editIntent';
import { valueOffsetMapper } from '../jsonTree';
import type { UndefinedPipelineVariable } from '../specDocument';
import { listText } from './algorithm/algorithmSeverity';
import type { RuleContext } from './ruleContext';

/** Suggestions offered per finding. */
const NEAREST = 3;

/** Declared names listed in a message; more are counted. */
const LISTED = 6;

export function checkUndefinedPipelineVariables(context: RuleContext, variables: readonly UndefinedPipelineVariable[]): void {
  for (const variable of variables) {
    const { kind, name, node, start, end, declared } = variable;
    const nearest = closestSpellings(name, declared, NEAREST);
    const fixes: QuickFix[] = nearest.map((candidate, index) => ({
      title: `Change to "${candidate}"`,
      intents: [intent.replaceInString(node, start, end, candidate)],
      preferred: index === 0 && isClearNearest(name, nearest),
    }));
    const suggestion = nearest.length > 0 ? ` Did you mean "${nearest[0]}"?` : '';
    const offsetOf = valueOffsetMapper(context.spec.text, node);
    const range = { offset: offsetOf(start), length: offsetOf(end) - offsetOf(start) };
    context.report('undefined-pipeline-variable', `${notDeclared(kind, name, declared)}: the step has no value for it.${suggestion}`, range, fixes);
  }
}

/** `"X" is not a parameter of this pipeline (its Parameters declare A, B and C)`, or the same of steps. */
function notDeclared(kind: UndefinedPipelineVariable['kind'], name: string, declared: readonly string[]): string {
  const listed = declared.length > LISTED ? [...declared.slice(0, LISTED - 1), `${declared.length - LISTED + 1} more`] : declared;
  if (kind === 'parameter') {
    const which = declared.length === 0 ? 'it declares no Parameters' : `its Parameters declare ${listText(listed)}`;
    return `"${name}" is not a parameter of this pipeline (${which})`;
  }
  return `"${name}" is not a step of this pipeline (its steps are ${listText(listed)})`;
}
