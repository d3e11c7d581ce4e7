/**
 * `query-language-mismatch`: a Step Functions task whose request is under the key of the other
 * query language — `Parameters` in a JSONata state (JSONata states have `Arguments` only) or
 * `Arguments` in a JSONPath state. Step Functions rejects the definition. The block is still
 * checked, in the language its key belongs to (see Embedding.misplacedRequest).
 *
 * The fix renames the key only when that is the whole fix: the block reads the same in both
 * languages (no `"Name.$"` key, no `$.path` or `{% … %}` string). A JSONPath block's `.$` keys
 * and paths would be wrong under `Arguments`, and a JSONata block's `{% … %}` would be text under
 * `Parameters`: each needs its values rewritten, which no fix can do for the user.
 */
import { intent } from '../edits/editIntent';
import type { QuickFix } from '../findings';
import type { MisplacedRequest } from '../specDocument';
import { nodeRange, type RuleContext } from './ruleContext';

export function checkQueryLanguage(context: RuleContext, misplaced: MisplacedRequest): void {
  const { key, stateLanguage, expectedKey, readsAlike, expectedPresent } = misplaced;
  const written = String(key.value);
  let advice: string;
  if (expectedPresent) advice = ` The state has "${expectedKey}" too: remove "${written}".`;
  else if (readsAlike) advice = ` Rename it "${expectedKey}".`;
  else if (stateLanguage === 'JSONata') advice = ` Its JSONPath ("Name.$" keys, "$.path" values) must become "{% … %}" expressions under "Arguments"; it is checked as JSONPath meanwhile.`;
  else advice = ` Its "{% … %}" values are JSONata: set "QueryLanguage": "JSONata" on the state (if its other fields allow), or write them as "Name.$" paths under "Parameters"; it is checked as JSONata meanwhile.`;
  const message = `A ${stateLanguage} state takes its request in "${expectedKey}", not "${written}": Step Functions rejects the state machine.${advice}`;
  const fixes: QuickFix[] = readsAlike && !expectedPresent ? [{ title: `Rename "${written}" to "${expectedKey}"`, intents: [intent.renameMember(key, expectedKey)], preferred: true }] : [];
  context.report('query-language-mismatch', message, nodeRange(key), fixes);
}
