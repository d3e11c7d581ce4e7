/**
 * The part of a value an edit really changes: a fix that rewrites a whole image reference usually
 * changes a few characters (`:1` → `:1.7-1` adds `.7-1`; `us-east-9` → `us-east-1` touches `9`), and
 * hosts that assemble a value from several written pieces (a Dockerfile's ARG defaults, a
 * template's `!Sub` and parameter defaults) must edit only the piece those characters come from.
 */

/** The smallest change making `value[start, end)` read `replacement`. */
export interface ChangedSpan {
  /** Offset into `value` where the changed characters start. */
  from: number;
  /** Offset into `value` where they end (`from` for an insertion). */
  to: number;
  /** What replaces `value[from, to)`. */
  newText: string;
}

/**
 * `value[start, end)` → `replacement`, without the common prefix and suffix of the old and new
 * text; undefined when nothing changes. Offsets and lengths in UTF-16 units.
 */
export function changedSpan(value: string, start: number, end: number, replacement: string): ChangedSpan | undefined {
  const old = value.slice(start, end);
  let prefix = 0;
  while (prefix < old.length && prefix < replacement.length && old[prefix] === replacement[prefix]) prefix++;
  let suffix = 0;
  while (suffix < old.length - prefix && suffix < replacement.length - prefix && old[old.length - 1 - suffix] === replacement[replacement.length - 1 - suffix]) suffix++;
  const from = start + prefix;
  const to = end - suffix;
  const newText = replacement.slice(prefix, replacement.length - suffix);
  return from === to && newText === '' ? undefined : { from, to, newText };
}
