/**
 * `invalid-suppression`: a suppression comment naming a code SageMaker Spec does not have. A
 * misspelt code (`xgboost-unpined`) suppresses nothing, and the finding it was meant for stays;
 * reported on the code, with the nearest codes as fixes. So is a code no comment silences
 * (UNSUPPRESSIBLE_CODES: `strict-json`), with where to silence it instead. So is a directive
 * written after an instruction on a Dockerfile line (`FROM …:latest # sagemaker-spec-disable-line
 * latest-tag`), where it is no comment: the fix moves it onto a line of its own.
 */
import { closestMatches, editDistance } from '../closestMatches';
import { intent } from '../edits/editIntent';
import type { QuickFix } from '../findings';
import { DISABLE_LINE, DISABLE_NEXT_LINE, UNSUPPRESSIBLE_CODES, type DirectiveCode, type MisplacedDirective } from '../suppressions';
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

/**
 * Reports each Dockerfile directive written after an instruction (see misplacedDirectives.ts),
 * on the directive. Its fix writes it where it works: a `disable-line` as a `disable-next-line`
 * comment above the instruction (none when the line continues an instruction: nothing can go
 * between its lines), a `disable-next-line` on a line of its own below.
 */
export function checkMisplacedDirectives(context: RuleContext, misplaced: readonly MisplacedDirective[]): void {
  for (const found of misplaced) {
    const instruction = found.instruction ? `the ${found.instruction.toUpperCase()} instruction` : 'the instruction';
    const fromWords = found.instruction?.toUpperCase() === 'FROM' ? ' (and docker build refuses a FROM with words after its image and stage name)' : '';
    const comment = `# ${DISABLE_NEXT_LINE}${found.rest}`;
    const where = found.directive === DISABLE_LINE ? `on its own line above ${found.startsInstruction ? 'it' : 'the instruction'}` : 'on its own line, above the line it is for';
    const intents = [];
    if (found.directive === DISABLE_LINE && found.startsInstruction) {
      intents.push(intent.replaceText(found.lineStart, 0, `${found.indentation}${comment}\n`), intent.replaceText(found.blanksStart, found.offset + found.text.length - found.blanksStart, ''));
    } else if (found.directive === DISABLE_NEXT_LINE) {
      intents.push(intent.replaceText(found.blanksStart, found.offset - found.blanksStart, `\n${found.indentation}`));
    }
    const fixes: QuickFix[] = intents.length > 0 ? [{ title: `Move to a line of its own${found.directive === DISABLE_LINE ? ` (as ${DISABLE_NEXT_LINE})` : ''}`, intents, preferred: true, changesBehaviour: true }] : [];
    context.report(
      'invalid-suppression',
      `In a Dockerfile "#" starts a comment only at the beginning of a line: this directive is part of ${instruction}, so it suppresses nothing${fromWords}. Write "${comment}" ${where}.`,
      { offset: found.offset, length: found.text.length },
      fixes,
    );
  }
}
