/**
 * `query-language-mismatch`: a Step Functions task whose request is under the key of the other
 * query language — `Parameters` in a JSONata state (JSONata states have `Arguments` only) or
 * `Arguments` in a JSONPath state. Step Functions rejects the definition. The block is still
 * checked, in the language its key belongs to (see Embedding.misplacedRequest).
 *
 * The fix renames the key only when that is the whole fix: the block reads the same in both
 * languages (no `"Name.$"` key, no `$.path` or `{% … %}` string), or its expressions are all of
 * the state's language (renameIsWholeFix). Otherwise a JSONPath block's `.$` keys
 * and paths would be wrong under `Arguments`, and a JSONata block's `{% … %}` would be text under
 * `Parameters`: each needs its values rewritten, which no fix can do for the user. The message
 * names what the block holds (see BlockExpressions), not what blocks of its kind usually hold.
 */
import { intent } from '../edits/editIntent';
import type { QuickFix } from '../findings';
import type { BlockExpressions, MisplacedRequest } from '../specDocument';
import { nodeRange, type RuleContext } from './ruleContext';

export function checkQueryLanguage(context: RuleContext, misplaced: MisplacedRequest): void {
  const { key, stateLanguage, expectedKey, readsAlike, expectedPresent } = misplaced;
  const written = String(key.value);
  let advice: string;
  if (expectedPresent) advice = ` The state has "${expectedKey}" too: remove "${written}".`;
  else if (readsAlike) advice = ` Rename it "${expectedKey}".`;
  else advice = stateLanguage === 'JSONata' ? jsonataStateAdvice(misplaced.holds) : jsonPathStateAdvice(misplaced.holds);
  const message = `A ${stateLanguage} state takes its request in "${expectedKey}", not "${written}": Step Functions rejects the state machine.${advice}`;
  const fixes: QuickFix[] = (readsAlike || renameIsWholeFix(misplaced)) && !expectedPresent ? [{ title: `Rename "${written}" to "${expectedKey}"`, intents: [intent.renameMember(key, expectedKey)], preferred: true }] : [];
  context.report('query-language-mismatch', message, nodeRange(key), fixes);
}

/**
 * True when the block's expressions are all of the state's own language, so renaming the key is
 * the whole fix: `{% … %}` values alone under `Parameters` in a JSONata state, `"Name.$"` keys
 * alone under `Arguments` in a JSONPath state (found by a fresh user: the message said to rename,
 * and no fix did).
 */
function renameIsWholeFix({ stateLanguage, holds }: MisplacedRequest): boolean {
  return stateLanguage === 'JSONata' ? holds.jsonata && !holds.pathKeys && !holds.pathValues : holds.pathKeys && !holds.jsonata && !holds.unkeyedPathValues;
}

/** `Parameters` in a JSONata state, holding expressions: what they are, and what to make of them. */
function jsonataStateAdvice(holds: BlockExpressions): string {
  const jsonPath = [holds.pathKeys && '"Name.$" keys', holds.pathValues && '"$.path" values'].filter(Boolean).join(', ');
  if (jsonPath) return ` Its JSONPath (${jsonPath}) must become "{% … %}" expressions under "Arguments"; it is checked as JSONPath meanwhile.`;
  return ` Its "{% … %}" values are JSONata, as the state is: rename it "Arguments" (until then it is checked as JSONPath, where they are text).`;
}

/** `Arguments` in a JSONPath state, holding expressions: what they are, and what to make of them. */
function jsonPathStateAdvice(holds: BlockExpressions): string {
  if (holds.jsonata) return ` Its "{% … %}" values are JSONata: set "QueryLanguage": "JSONata" on the state (if its other fields allow), or write them as "Name.$" paths under "Parameters"; it is checked as JSONata meanwhile.`;
  if (holds.pathKeys) return ` Its "Name.$" keys are JSONPath, as the state is: rename it "Parameters"; it is checked as JSONata meanwhile.`;
  return ` It has no "{% … %}" expression, and its "$.path" values are text in either language (a path needs a "Name.$" key under "Parameters"): rename it "Parameters", adding ".$" to the keys of the values meant as paths; it is checked as JSONata meanwhile.`;
}
