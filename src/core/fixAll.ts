/**
 * "Fix everything at once": applies each finding's preferred fix where it is unambiguous, the one
 * loop behind the editor's `source.fixAll.sagemaker-spec` code action and `sagemaker-spec check
 * --fix`.
 *
 * A fix is applied only when its finding has exactly one preferred fix, that fix does not change
 * what the job runs or how (QuickFix.changesBehaviour: a newer XGBoost, File for Pipe, VPC
 * access, a number moved to its nearest limit are the user's decisions), and it leaves no
 * blank for the user to fill (QuickFix.leavesPlaceholder): anything else needs a person. Fixes
 * are rendered against the text they were found in; one whose edits would overlap an edit already
 * taken in the same round waits, and so does one giving a name another fix of the round gives in
 * the same place (two misspelt keys both renamed to the one member they are near, a row added
 * where a misspelt key is renamed to it); the text is
 * analysed again before the next round, so edits never collide and a fix that another made
 * unnecessary is not applied twice. A rename to a name its object already writes is never applied
 * (one it only merges in with a YAML merge key is overridden, so that rename is).
 * The result lists only fixes whose edits are still in the final text: one that a later round's
 * fix rewrote is left out.
 */
import type { Node } from 'jsonc-parser';
import type { QuickFix } from './edits/editIntent';
import { applyEdits, type Finding, type TextEdit } from './findings';
import { findProperty } from './jsonTree';
import { isMergedMember } from './requestTree';
import { changedSpan } from './edits/changedSpan';
import { rangeBeforeEdits } from './edits/rangeBeforeEdits';
import { renderFix, syntaxErrorCount, type RenderTarget } from './renderFix';
import { LineIndex } from './textPositions';

/** What one round needs: the findings of a text and the document to render their fixes against. */
export interface FixableAnalysis {
  document: RenderTarget;
  findings: readonly Finding[];
}

/** One fix applied. */
export interface AppliedFix {
  code: string;
  /** The fix's title (`Use tag 3.2-0`). */
  title: string;
  /** Where its finding was, 1-based, in the text before any fix (the file as it was; a later round's finding mapped back). */
  line: number;
  column: number;
}

export interface FixAllResult {
  /** The text after every round (the input when nothing applied). */
  text: string;
  applied: AppliedFix[];
  /** Each round's edits (trimmed to the characters they change), against the text the round before left; absent when nothing applied. See edits/rangeBeforeEdits.ts. */
  rounds?: TextEdit[][];
  /** How many fixes were dropped for undoing each other (see applyPreferredFixes); absent when none. */
  undone?: number;
}

/** Rounds at most: each round re-analyses, and real fixes settle in two or three. */
export const MAX_FIX_ROUNDS = 10;

/** The fix to apply without asking, or undefined when there is none or the choice is not clear. */
export function unambiguousFix(finding: Finding): QuickFix | undefined {
  const preferred = finding.fixes.filter((fix) => fix.preferred);
  if (preferred.length !== 1 || preferred[0].leavesPlaceholder || preferred[0].changesBehaviour) return undefined;
  return preferred[0];
}

/**
 * Applies the unambiguous preferred fixes of `text` round by round until none is left (or
 * MAX_FIX_ROUNDS). A round that leads back to a text met before means fixes that undo each other:
 * the rounds since that text are dropped, and it is the result.
 * `analyze` is the host's analysis of a text (the editor's or the checker's, with their settings);
 * the findings it returns are the ones whose fixes may be applied (the checker's `--quiet` passes
 * errors only). A fix whose rendering fails or throws is skipped; `onError` hears of the throw.
 */
export function applyPreferredFixes(text: string, analyze: (text: string) => FixableAnalysis, onError?: (fix: QuickFix, error: unknown) => void): FixAllResult {
  let applied: Applied[] = [];
  let undone = 0;
  const rounds: TextEdit[][] = [];
  const original = text;
  // Each text met, with what stood then: a round that leads back to one undid the rounds since.
  const seen = new Map<string, Snapshot>([[text, snapshotOf(applied, rounds)]]);
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    const { document, findings } = analyze(text);
    // Rendered without each fix's own syntax check (two parses of the whole text per fix made
    // `--fix` quadratic), then checked once together; a round that adds a syntax error is done
    // again checking each fix, so the one that would add it is left out.
    let { taken, takenNow } = roundOfFixes(document, findings, rounds, false, onError);
    if (taken.length > 0 && addsSyntaxErrors(document, taken)) ({ taken, takenNow } = roundOfFixes(document, findings, rounds, true, onError));
    if (taken.length === 0) break;
    const next = applyEdits(document.text, taken);
    const before = seen.get(next);
    if (before) {
      // Fixes that undo each other (a YAML anchor read as a string by one member and as a number
      // by another took turns, one run after another): none of them is applied.
      undone = applied.length + takenNow.length - before.applied.length;
      text = next;
      applied = before.applied.map((entry) => ({ ...entry, written: [...entry.written] }));
      rounds.length = before.rounds;
      break;
    }
    // Earlier rounds' edits move with this round's; one this round rewrites is no longer in the text.
    for (let index = applied.length - 1; index >= 0; index--) {
      const moved = applied[index].written.map((range) => movedRange(range, taken));
      if (moved.some((range) => range === undefined)) applied.splice(index, 1);
      else applied[index].written = moved as OffsetRange[];
    }
    for (const entry of takenNow) entry.written = entry.edits.map((edit) => writtenRange(edit, taken));
    text = next;
    // Trimmed to the characters they change (a value rewritten whole keeps its quotes), so positions map back closely.
    rounds.push(taken.flatMap((edit) => {
      const span = changedSpan(document.text, edit.offset, edit.offset + edit.length, edit.newText);
      return span ? [{ offset: span.from, length: span.to - span.from, newText: span.newText }] : [];
    }));
    applied.push(...takenNow);
    seen.set(text, snapshotOf(applied, rounds));
  }
  const lines = new LineIndex(original);
  const fixes = applied.map(({ fix, offset }) => {
    const position = lines.positionAt(offset);
    return { ...fix, line: position.line + 1, column: position.character + 1 };
  });
  return { text, applied: fixes, ...(rounds.length > 0 && { rounds }), ...(undone > 0 && { undone }) };
}

/**
 * One round's fixes against `document`: each finding's unambiguous fix, rendered (`verify`: each
 * checked to add no syntax error), unless its edits overlap one taken or it gives a name another
 * gives in the same place. `rounds`: the earlier rounds' edits, to place each finding in the
 * text before any of them.
 */
function roundOfFixes(document: RenderTarget, findings: readonly Finding[], rounds: readonly TextEdit[][], verify: boolean, onError?: (fix: QuickFix, error: unknown) => void): { taken: TextEdit[]; takenNow: Applied[] } {
  const taken: TextEdit[] = [];
  const takenNow: Applied[] = [];
  const named = new Map<Node, Set<string>>();
  for (const finding of findings) {
    const fix = unambiguousFix(finding);
    if (!fix) continue;
    const names = namesGiven(fix);
    if (names.some(({ within, name }) => named.get(within)?.has(name) || renamesOntoMember(fix, within, name))) continue;
    let edits: TextEdit[] | undefined;
    try {
      edits = renderFix(document, fix, verify)?.edits;
    } catch (error) {
      onError?.(fix, error);
    }
    if (!edits || edits.length === 0 || edits.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    taken.push(...edits);
    for (const { within, name } of names) {
      let inPlace = named.get(within);
      if (!inPlace) named.set(within, (inPlace = new Set()));
      inPlace.add(name);
    }
    // Where the finding was before any round's fix (`rounds`: the earlier rounds' edits): lines and columns are given in the file as it was.
    takenNow.push({ fix: { code: finding.code, title: fix.title, line: 0, column: 0 }, offset: rangeBeforeEdits({ offset: finding.offset, length: 0 }, rounds).offset, edits, written: [] });
  }
  return { taken, takenNow };
}

/** True when `edits` together leave `document` with more syntax errors than it has (hosts that can tell). */
function addsSyntaxErrors(document: RenderTarget, edits: readonly TextEdit[]): boolean {
  const before = syntaxErrorCount(document.text, document.host);
  return before !== undefined && syntaxErrorCount(applyEdits(document.text, edits), document.host)! > before;
}

/** A fix applied, with its edits and where their text is in the latest text. */
/** What fix-all had done when it met a text: its fixes (ranges copied) and how many rounds. */
interface Snapshot {
  applied: Applied[];
  rounds: number;
}

function snapshotOf(applied: readonly Applied[], rounds: readonly TextEdit[][]): Snapshot {
  return { applied: applied.map((entry) => ({ ...entry, written: [...entry.written] })), rounds: rounds.length };
}

interface Applied {
  fix: AppliedFix;
  /** Where its finding was in the text before any fix. */
  offset: number;
  edits: readonly TextEdit[];
  written: OffsetRange[];
}

interface OffsetRange {
  offset: number;
  length: number;
}

/** The names a fix gives, with where each must be unique: its own `givesName`, each member it renames, and each member it adds. */
function namesGiven(fix: QuickFix): { within: Node; name: string }[] {
  const names: { within: Node; name: string }[] = fix.givesName ? [fix.givesName] : [];
  for (const change of fix.intents) {
    if (change.kind === 'renameMember') {
      const object = change.key.parent?.parent;
      if (object) names.push({ within: object, name: change.name });
    } else if (change.kind === 'setMember') {
      const added = addedMember(change.object, change.path);
      if (added) names.push(added);
    }
  }
  return names;
}

/** The member a `setMember` of `path` below `object` adds (the first name on the path its object lacks), undefined when it adds none. */
function addedMember(object: Node, path: readonly string[]): { within: Node; name: string } | undefined {
  let within: Node | undefined = object;
  for (const name of path) {
    // A value on the way that is not an object is replaced: its edit overlaps any other there.
    if (within?.type !== 'object') return undefined;
    const property = findProperty(within, name);
    if (!property) return { within, name };
    within = property.children?.[1];
  }
  return undefined;
}

/**
 * True when `fix` renames a member of `object` to `name`, which another of its members already
 * has. Not one the object has only through a YAML merge key (`<<: *base`): the key written
 * overrides it, and the merged mapping keeps its member.
 */
function renamesOntoMember(fix: QuickFix, object: Node, name: string): boolean {
  return fix.intents.some((change) => {
    if (change.kind !== 'renameMember' || change.key.parent?.parent !== object || change.name !== name) return false;
    const existing = findProperty(object, name);
    return existing !== undefined && !isMergedMember(existing);
  });
}

/** Where `edit` (one of `round`, all against the text before them) put its new text in the text after them. */
function writtenRange(edit: TextEdit, round: readonly TextEdit[]): OffsetRange {
  return { offset: edit.offset + shiftBefore(edit.offset, round, edit), length: edit.newText.length };
}

/** `range` in the text after `round`'s edits, or undefined when one of them rewrote part of it. */
function movedRange(range: OffsetRange, round: readonly TextEdit[]): OffsetRange | undefined {
  const end = range.offset + range.length;
  for (const edit of round) {
    const editEnd = edit.offset + edit.length;
    // An insertion at either end of the range leaves its text as it was; text deleted there is rewritten when an edit spans the point.
    const rewrites = range.length === 0 ? edit.offset < range.offset && range.offset < editEnd : edit.offset < end && range.offset < editEnd;
    if (rewrites) return undefined;
  }
  return { offset: range.offset + shiftBefore(range.offset, round), length: range.length };
}

/** How far the edits of `round` (but `self`) that end at or before `offset` move it. */
function shiftBefore(offset: number, round: readonly TextEdit[], self?: TextEdit): number {
  let shift = 0;
  for (const edit of round) if (edit !== self && edit.offset + edit.length <= offset) shift += edit.newText.length - edit.length;
  return shift;
}

/** Two edits touch the same text (or insert at the same place, where their order would be a guess). */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.offset === b.offset) return true;
  return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}
