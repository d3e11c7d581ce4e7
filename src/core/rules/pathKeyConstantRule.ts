/**
 * `path-key-constant`: a Step Functions JSONPath key ending in `.$` whose value is no path (`$…`,
 * `$$…`) nor intrinsic function (`States.Format(…)`), such as `"InstanceType.$": "ml.m5.xlarge"`.
 * Step Functions rejects the state machine ("must be a valid JSONPath or a valid intrinsic
 * function call"). Reported on the value; the fix drops the `.$`, sending the value as written.
 * It is preferred (and so applied by fix-all) only when that constant is valid for the member: no
 * other finding lies on the value, which the rules check as the constant it is (see markPathKey),
 * and it is no blank nor a path or function behind spaces (`"  $.x"`: meant computed).
 */
import { intent } from '../edits/editIntent';
import type { Finding, QuickFix } from '../findings';
import type { PathKeyConstant } from '../specDocument';
import { nodeRange, type RuleContext } from './ruleContext';

/**
 * Reports each of `constants` (a task's, from its host). `findings`: the request's findings so
 * far, every other rule having run; one on a value makes its fix not preferred.
 */
export function checkPathKeyConstants(context: RuleContext, constants: readonly PathKeyConstant[], findings: readonly Finding[]): void {
  for (const { key, value, suffixOffset } of constants) {
    const name = String(key.value);
    const range = nodeRange(value);
    const shown = value.type === 'string' ? `"${String(value.value).slice(0, 60)}"` : value.type === 'object' || value.type === 'array' ? `An ${value.type === 'object' ? 'object' : 'array'}` : String(value.value);
    // A blank, or a path behind spaces (`"  $.x"`), was meant computed, or is nothing yet: the constant is a guess.
    const text = value.type === 'string' ? String(value.value).trim() : undefined;
    const meantComputed = text !== undefined && (text === '' || text.startsWith('$') || text.startsWith('States.'));
    const valid = !meantComputed && !findings.some((finding) => finding.offset < range.offset + range.length && range.offset < finding.offset + finding.length);
    const fixes: QuickFix[] = suffixOffset === undefined ? [] : [{ title: `Drop ".$" from the key (send ${value.type === 'string' ? shown : 'the value'} as written)`, intents: [intent.replaceText(suffixOffset, 2, '')], preferred: valid }];
    context.report(
      'path-key-constant',
      `${shown} is not a path nor an intrinsic function, which the key "${name}.$" takes: Step Functions rejects the state machine. Write a path ("$.…", "$$.…") or "States.…(…)" for a computed value, or name the key "${name}" to send this one.`,
      range,
      fixes,
    );
  }
}
