/**
 * `definition-file-not-found`: a template's state machine file path (SAM's `DefinitionUri`, a
 * local `DefinitionS3Location`) with no file at it. `sam build` and `aws cloudformation package`
 * stop there, and none of the file's tasks can be checked. Reported on the path; when a file of
 * the same folder is clearly the one meant (a typo in its name), the fix renames the path to it
 * (never by fix-all: which file is deployed is the user's choice).
 */
import { closestMatches, isClearNearest } from '../closestMatches';
import { intent } from '../edits/editIntent';
import type { MissingDefinitionFile } from '../specDocument';
import type { RuleContext } from './ruleContext';

/** A file name the fix may write into any host's string as it is (no quote, backslash or space to escape). */
const PLAIN_NAME = /^[\w.-]+$/;

export function checkDefinitionFile(context: RuleContext, missing: MissingDefinitionFile): void {
  const { property, path, range, name, siblings } = missing;
  const written = name ? path.slice(path.length - name.length) : undefined;
  const nearest = written !== undefined ? closestMatches(written, siblings.filter((sibling) => PLAIN_NAME.test(sibling)), 1) : [];
  const meant = written !== undefined && nearest.length > 0 && isClearNearest(written, nearest) ? nearest[0] : undefined;
  const folder = path.slice(0, path.length - (written?.length ?? 0));
  const advice = meant !== undefined ? ` Did you mean ${folder}${meant}?` : ' The path is read from the template\'s folder.';
  context.report(
    'definition-file-not-found',
    `${property} names ${path}, and there is no file there: sam build (or aws cloudformation package) fails, and the state machine's tasks cannot be checked.${advice}`,
    range,
    meant !== undefined && name ? [{ title: `Change to ${folder}${meant}`, preferred: true, changesBehaviour: true, intents: [intent.replaceText(name.offset, name.length, meant)] }] : [],
  );
}
