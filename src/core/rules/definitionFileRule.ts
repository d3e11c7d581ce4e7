/**
 * `definition-file-not-found`: a template's state machine file path (SAM's `DefinitionUri`, a
 * local `DefinitionS3Location`) with no file at it. `sam build` and `aws cloudformation package`
 * stop there, and none of the file's tasks can be checked. Reported on the path; when a file of
 * the same folder is clearly the one meant (a typo in its name), the fix renames the path to it
 * (never by fix-all: which file is deployed is the user's choice).
 */
import { closestMatches, isClearNearest } from '../closestMatches';
import { intent, type QuickFix } from '../edits/editIntent';
import type { MissingDefinitionFile } from '../specDocument';
import type { RuleContext } from './ruleContext';

/** A file name the fix may write into any host's string as it is (no quote, backslash or space to escape). */
const PLAIN_NAME = /^[\w.-]+$/;

export function checkDefinitionFile(context: RuleContext, missing: MissingDefinitionFile): void {
  const { property, path, range, name, siblings, nearestPath } = missing;
  const written = name ? path.slice(path.length - name.length) : undefined;
  const nearest = written !== undefined ? closestMatches(written, siblings.filter((sibling) => PLAIN_NAME.test(sibling)), 1) : [];
  const folder = path.slice(0, path.length - (written?.length ?? 0));
  // A file of the same folder, else a path the reader found segment by segment (a misspelt folder, another case).
  const meantName = !missing.folder && written !== undefined && nearest.length > 0 && isClearNearest(written, nearest) ? nearest[0] : undefined;
  const meant = meantName !== undefined ? `${folder}${meantName}` : nearestPath !== undefined && nearestPath !== path && PLAIN_PATH.test(nearestPath) ? nearestPath : undefined;
  const advice = meant !== undefined ? ` Did you mean ${meant}?` : path.startsWith('/') ? '' : ' The path is read from the template\'s folder.';
  const what = missing.folder ? 'which is a folder, not a state machine file' : 'and there is no file there';
  const fix = (): QuickFix[] => {
    if (meant === undefined || name === undefined) return [];
    // The file's name alone when only it changes, else the whole path (the string holds it verbatim when `name` is known).
    const intents = meantName !== undefined ? [intent.replaceText(name.offset, name.length, meantName)] : [intent.replaceText(range.offset, range.length, meant)];
    return [{ title: `Change to ${meant}`, preferred: true, changesBehaviour: true, intents }];
  };
  context.report('definition-file-not-found', `${property} names ${path}, ${what}: sam build (or aws cloudformation package) fails, and the state machine's tasks cannot be checked.${advice}`, range, fix());
}

/** A path the fix may write as it is: `/`-separated plain names. */
const PLAIN_PATH = /^[\w.-]+(?:\/[\w.-]+)*$/;
