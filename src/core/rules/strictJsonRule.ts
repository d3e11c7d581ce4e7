/**
 * `strict-json`: a state machine, pipeline definition or CloudFormation template in JSON is read
 * by a strict JSON parser (Step Functions, SageMaker Pipelines, CloudFormation), as is a plain
 * `.json` spec by the AWS CLI's `--cli-input-json`, while VS Code's
 * JSON with Comments and this extension accept comments and trailing commas. Each of those stops
 * the deploy, so each is reported where it is written. So is a workflow written in a string of a
 * template (a `DefinitionString`, a `PipelineDefinitionBody`), at the template's characters:
 * there a comment gets no fix, and a trailing comma one only where deleting the template's
 * character removes just it (StrictJsonFile.inString).
 */
import type { QuickFix } from '../edits/editIntent';
import { intent } from '../edits/editIntent';
import type { StrictJsonFile } from '../specDocument';
import type { RuleContext } from './ruleContext';

/** Enough to show the pattern; a file of many comments gets the first few. */
const MAX_REPORTED = 10;

export function checkStrictJson(context: RuleContext, file: StrictJsonFile): void {
  const { reader, what, jsoncOnly, inString } = file;
  const failure = file.failure ?? 'deploying it fails on this one';
  const found = [
    ...jsoncOnly.comments.map((comment) => ({ offset: comment.offset, length: comment.length, comment: true })),
    ...jsoncOnly.trailingCommas.map((offset) => ({ offset, length: 1, comment: false })),
  ].sort((a, b) => a.offset - b.offset);
  for (const { offset, length, comment } of found.slice(0, MAX_REPORTED)) {
    if (comment) {
      // Removing a comment loses what it says (a suppression, a note): offered, never applied by fix-all. Not in a template's string, whose text is the template's.
      const fixes: QuickFix[] = inString ? [] : [{ title: 'Remove the comment', intents: [intent.replaceText(offset, length, '')], preferred: false }];
      const silence = inString ? '' : (file.advice ?? ' (To silence a finding in this file, give it an "overrides" entry with "rules" in .sagemaker-spec.json; a comment cannot.)');
      context.report('strict-json', `${reader} reads the ${what} as strict JSON, which has no comments: ${failure}.${silence}`, { offset, length }, fixes);
    } else {
      const removable = !inString || inString.removableCommas.includes(offset);
      const fixes: QuickFix[] = removable ? [{ title: 'Remove the trailing comma', intents: [intent.replaceText(offset, 1, '')], preferred: true }] : [];
      context.report('strict-json', `${reader} reads the ${what} as strict JSON, which has no trailing commas: ${failure}.`, { offset, length }, fixes);
    }
  }
}
