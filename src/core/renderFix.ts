/**
 * Turning a finding's fix into text edits, on demand: the editor calls this when the user picks
 * a quick fix (resolveCodeAction), fix-all for each fix it applies. Analysis never does, so a
 * spec with thousands of findings costs no more than its findings.
 */
import type { HostIntent, QuickFix } from './edits/editIntent';
import type { TextEdit } from './findings';
import { renderDockerfileEdits } from './hosts/dockerfile/dockerfileFixRenderer';
import { renderJsonEdits } from './hosts/jsonFixRenderer';
import { jsoncErrorCount } from './jsoncGrammar';
import { renderPythonEdits } from './hosts/python/pythonFixRenderer';
import { errorNodeCount } from './hosts/python/pythonSyntax';
import { renderYamlEdits, yamlSyntaxErrorCount } from './hosts/yaml/yamlFixRenderer';
import type { RequestNode } from './requestTree';
import type { HostLanguage } from './specDocument';

export interface RenderedFix {
  edits: TextEdit[];
  /** Where to leave the cursor, as an offset into the text after the edits. */
  cursorOffset?: number;
}

/** How many fixes have been rendered in this process; tests prove analysis renders none. */
export const fixRenderCount = { value: 0 };

/** What rendering needs of a document: its text and the syntax it is written in (absent: JSON). */
export interface RenderTarget {
  text: string;
  host?: HostLanguage;
}

/**
 * The syntax errors of `text` read as `host` writes it, for the hosts whose renderers check that
 * a fix adds none (JSON, YAML, Python: lezer's error nodes); undefined for the others, whose
 * renderers write only values.
 */
export function syntaxErrorCount(text: string, host: HostLanguage | undefined): number | undefined {
  if (host === undefined || host === 'json') return jsoncErrorCount(text);
  if (host === 'python') return errorNodeCount(text);
  return host === 'yaml' ? yamlSyntaxErrorCount(text) : undefined;
}

/**
 * The edits of `fix` in the syntax of the document's host, against `document.text` (the text
 * the fix's nodes were parsed from).
 * Returns undefined when the fix no longer applies cleanly (see renderJsonEdits); throws only
 * on a programming error, which callers log and treat as "no fix". `verify: false` skips the
 * check that the fix adds no syntax error (the caller checks, see syntaxErrorCount).
 */
export function renderFix(document: RenderTarget, fix: QuickFix, verify = true): RenderedFix | undefined {
  fixRenderCount.value++;
  // Text no host reads as a value (a comment) is replaced as written, whatever the host.
  const asWritten: TextEdit[] = [];
  const hostIntents: HostIntent[] = [];
  for (const intent of fix.intents) {
    if (intent.kind === 'replaceText') asWritten.push({ offset: intent.offset, length: intent.length, newText: intent.text });
    else hostIntents.push(intent);
  }
  if (hostIntents.length === 0) return { edits: asWritten };
  const intents = writtenIntents(hostIntents);
  if (!intents) return undefined;
  const rendered =
    document.host === 'python' ? renderPythonEdits(document.text, intents, verify)
    : document.host === 'dockerfile' ? renderDockerfileEdits(document.text, intents)
    : document.host === 'yaml' ? renderYamlEdits(document.text, intents, verify)
    : renderJsonEdits(document.text, intents, verify);
  if (!rendered) return undefined;
  return { edits: [...rendered.edits, ...asWritten].sort((a, b) => a.offset - b.offset), cursorOffset: fix.leavesPlaceholder ? rendered.placeholderOffset : undefined };
}

/**
 * The intents on the nodes where the text is written: a string assembled from several (see
 * RequestNodeExtras.editAt) has its part replaced where each piece comes from. Undefined when one
 * cannot be written.
 */
function writtenIntents(intents: readonly HostIntent[]): readonly HostIntent[] | undefined {
  if (!intents.some((change) => change.kind === 'replaceInString' && (change.node as RequestNode).editAt)) return intents;
  const written: HostIntent[] = [];
  for (const change of intents) {
    const editAt = change.kind === 'replaceInString' ? (change.node as RequestNode).editAt : undefined;
    if (change.kind !== 'replaceInString' || !editAt) {
      written.push(change);
      continue;
    }
    const replaced = editAt(change.start, change.end, change.text);
    if (!replaced) return undefined;
    written.push(...replaced);
  }
  return written;
}
