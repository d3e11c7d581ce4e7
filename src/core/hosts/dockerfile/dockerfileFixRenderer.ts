/**
 * Renders edit intents in a Dockerfile. The image rules only ever replace part of a FROM image
 * (`replaceInString`); the change is first narrowed to the characters that differ, then written
 * where those characters come from:
 * - text written in the FROM line is replaced there;
 * - text read from an ARG default (`ARG TAG=latest` … `FROM …:${TAG}`) is replaced in the ARG
 *   line, so the ARG stays the one place the value is set (every FROM using that ARG, and every
 *   build without `--build-arg TAG`, gets the new value);
 * - a change reaching across a variable's edge, or into a default not written verbatim (quotes
 *   with escapes, a continued line), is written in the FROM line over the variables it covers
 *   (`${REGION}.amazonaws.com` → `us-east-1.amazonaws.com`), so it always applies as shown;
 * - text added at a variable's edge (a tag after `${BASE}`) goes into that ARG's default.
 * Images with a value known only at build time get no fixes (the template rules offer none).
 * Other intents (members, whole values) have nothing to land on in a Dockerfile: no edit.
 */
import { changedSpan } from '../../edits/changedSpan';
import type { HostIntent } from '../../edits/editIntent';
import type { TextEdit } from '../../findings';
import { sortWithoutOverlap } from '../renderedEdits';
import type { DockerfileImageNode, ImagePiece } from './dockerfileImages';

/**
 * Renders `intents` against `text` (the text the nodes were read from); undefined when one is not
 * a FROM image change, the text no longer holds what the node says, or two edits overlap.
 * Dockerfile fixes leave no placeholder to fill.
 */
export function renderDockerfileEdits(text: string, intents: readonly HostIntent[]): { edits: TextEdit[]; placeholderOffset?: number } | undefined {
  const edits: TextEdit[] = [];
  for (const change of intents) {
    if (change.kind !== 'replaceInString') return undefined;
    const node = change.node as DockerfileImageNode;
    const value = typeof node.value === 'string' ? node.value : undefined;
    if (!node.dockerfile || value === undefined || change.start < 0 || change.end > value.length || change.start > change.end) return undefined;
    const edit = imageEdit(node.dockerfile.pieces, value, change.start, change.end, change.text);
    if (!edit) continue;
    if (edit.stale(text)) return undefined;
    edits.push({ offset: edit.offset, length: edit.length, newText: edit.newText });
  }
  if (!sortWithoutOverlap(edits)) return undefined;
  return { edits };
}

/** An edit, and how to tell that the text it is for has changed since it was read. */
type CheckedEdit = TextEdit & { stale(text: string): boolean };

/** The edit making value `[start, end)` read `replacement`; undefined when nothing changes. */
function imageEdit(pieces: readonly ImagePiece[], value: string, start: number, end: number, replacement: string): CheckedEdit | undefined {
  // Only the characters that differ: `us-east-9.amazonaws.com` → `us-east-1.amazonaws.com` touches "9".
  const changed = changedSpan(value, start, end, replacement);
  if (!changed) return undefined;
  const { from, to, newText } = changed;

  const touched = pieces.filter((piece) => (from === to ? piece.start < from && from < piece.end : piece.start < to && piece.end > from));
  if (touched.length === 0) {
    const offset = insertionOffset(pieces, from);
    return { offset, length: 0, newText, stale: (text) => text.length < offset };
  }
  if (touched.length === 1) {
    const piece = touched[0];
    const written = piece.kind === 'text' ? piece.source : piece.kind === 'default' ? piece.written?.offset : undefined;
    if (written !== undefined) {
      const offset = written + from - piece.start;
      return { offset, length: to - from, newText, stale: (text) => text.slice(offset, offset + to - from) !== value.slice(from, to) };
    }
  }
  // Across pieces: the FROM line's text of every piece touched, written out with the change.
  const first = touched[0];
  const last = touched[touched.length - 1];
  const before = value.slice(first.start, from);
  const after = value.slice(to, last.end);
  const sourceStart = first.kind === 'text' ? first.source : first.token.offset;
  const sourceEnd = last.kind === 'text' ? last.source + last.end - last.start : last.token.offset + last.token.length;
  if (touched.some((piece) => piece.kind === 'dynamic')) return undefined;
  return { offset: sourceStart, length: sourceEnd - sourceStart, newText: before + newText + after, stale: (text) => text.length < sourceEnd };
}

/**
 * Where text inserted at value index `index`, between two pieces, goes: at the end of the piece
 * before (its FROM text, or its ARG default), else at the start of the piece after; a variable
 * whose default is not written verbatim takes it beside its `${…}`.
 */
function insertionOffset(pieces: readonly ImagePiece[], index: number): number {
  const before = pieces.filter((piece) => piece.end === index && piece.end > piece.start).pop();
  const after = pieces.find((piece) => piece.start === index && piece.end > piece.start);
  if (before?.kind === 'text') return before.source + before.end - before.start;
  if (before?.kind === 'default' && before.written) return before.written.offset + before.written.length;
  if (after?.kind === 'text') return after.source;
  if (after?.kind === 'default' && after.written) return after.written.offset;
  if (before?.kind === 'default') return before.token.offset + before.token.length;
  if (after?.kind === 'default') return after.token.offset;
  return pieces[0]?.kind === 'text' ? pieces[0].source : 0;
}
