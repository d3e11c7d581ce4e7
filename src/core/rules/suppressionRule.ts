/**
 * `invalid-suppression`: a suppression comment naming a code SageMaker Spec does not have. A
 * misspelt code (`xgboost-unpined`) suppresses nothing, and the finding it was meant for stays;
 * reported on the code, with the nearest codes as fixes. So is a code no comment silences
 * (UNSUPPRESSIBLE_CODES: `strict-json`), with where to silence it instead.
 */
import { closestMatches, editDistance } from '../closestMatches';
import { intent } from '../edits/editIntent';
import type { QuickFix } from '../findings';
import { UNSUPPRESSIBLE_CODES, type DirectiveCode } from '../suppressions';
import { RULE_CODES, RULES } from './ruleCodes';
import type { RuleContext } from './ruleContext';

/** Reports each code in `codes` (from the document's directives) that is no rule code, or one no directive silences. */
export function checkSuppressionCodes(context: RuleContext, codes: readonly DirectiveCode[]): void {
  for (const { code, offset } of codes) {
    if (UNSUPPRESSIBLE_CODES.has(code)) {
      context.report('invalid-suppression', `A comment cannot silence ${code}: the comment itself is what the reader refuses. Use "overrides" in .sagemaker-spec.json to silence it for this file.`, { offset, length: code.length });
      continue;
    }
    if (Object.hasOwn(RULES, code)) continue;
    // Only names a typo away: a word that is no code at all gets no guess.
    const limit = Math.max(2, Math.ceil(code.length / 4));
    const nearest = closestMatches(code, RULE_CODES, 3).filter((candidate) => editDistance(code.toLowerCase(), candidate, limit) <= limit);
    // Making the suppression work hides a finding: the user's choice, never fix-all's.
    const fixes: QuickFix[] = nearest.map((candidate, index) => ({ title: `Change to ${candidate}`, intents: [intent.replaceText(offset, code.length, candidate)], preferred: index === 0, changesBehaviour: true }));
    const suggestion = nearest.length > 0 ? ` Did you mean ${nearest[0]}?` : '';
    context.report('invalid-suppression', `"${code}" is not a SageMaker Spec code, so this comment suppresses nothing for it.${suggestion}`, { offset, length: code.length }, fixes);
  }
}
