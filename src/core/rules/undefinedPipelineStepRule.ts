/**
 * `undefined-pipeline-step`: a SageMaker Pipelines step's `DependsOn` naming no step of the
 * definition (hosts/workflows/pipelineDependsOn.ts) — a step renamed where it is declared and not
 * where another waits for it, a misspelt name. Its own code, not `undefined-pipeline-variable`:
 * a `DependsOn` name is no pipeline variable (nothing is read from it: it orders the steps), and
 * turning one check off should not turn off the other. Reported on the name, naming the steps
 * the definition has; the nearest of them are offered as fixes of the name, the first preferred
 * when it is a clear typo. The step itself and the names its `DependsOn` lists already are never
 * offered: a step cannot wait for itself, and a second entry for a step adds nothing.
 */
import { closestSpellings, isClearNearest } from '../closestMatches';
import { intent, type QuickFix } from '../edits/editIntent';
import { valueOffsetMapper } from '../jsonTree';
import type { UndefinedPipelineStep } from '../specDocument';
import { listText } from './algorithm/algorithmSeverity';
import type { RuleContext } from './ruleContext';

/** Suggestions offered per finding. */
const NEAREST = 3;

/** Step names listed in a message; more are counted. */
const LISTED = 6;

export function checkUndefinedPipelineSteps(context: RuleContext, steps: readonly UndefinedPipelineStep[]): void {
  for (const { name, node, step, declared, taken } of steps) {
    const nearest = name === '' ? [] : closestSpellings(name, declared.filter((candidate) => !taken.includes(candidate)), NEAREST);
    const fixes: QuickFix[] = nearest.map((candidate, index) => ({
      title: `Change to "${candidate}"`,
      intents: [intent.replaceInString(node, 0, name.length, candidate)],
      preferred: index === 0 && isClearNearest(name, nearest),
    }));
    const listed = declared.length > LISTED ? [...declared.slice(0, LISTED - 1), `${declared.length - LISTED + 1} more`] : declared;
    const waiting = step === undefined ? 'this step' : `step "${step}"`;
    const suggestion = nearest.length > 0 ? ` Did you mean "${nearest[0]}"?` : '';
    // An empty name has no characters to mark: the string is.
    const offsetOf = valueOffsetMapper(context.spec.text, node);
    const range = name === '' ? { offset: node.offset, length: node.length } : { offset: offsetOf(0), length: offsetOf(name.length) - offsetOf(0) };
    context.report('undefined-pipeline-step', `"${name}" is not a step of this pipeline (its steps are ${listText(listed)}): ${waiting} cannot wait for it.${suggestion}`, range, fixes);
  }
}
