/** Suggesting the nearest names: for misspelt regions, unknown tags and (later) property names. */

/** Longest text (UTF-16 units) compared for suggestions; anything longer gets none. */
export const MAX_SUGGESTION_INPUT = 256;

/** Levenshtein distance, with an early exit once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/**
 * The `count` candidates nearest to `target` (case-insensitive), nearest first; ties keep the
 * candidates' own order, which callers use to prefer newer versions. A target or candidate longer
 * than MAX_SUGGESTION_INPUT is never compared, so the cost stays bounded whatever the input.
 */
export function closestMatches(target: string, candidates: readonly string[], count = 3): string[] {
  // Nobody misspells a name into a page of text; the distance table would be length × length.
  if (target.length > MAX_SUGGESTION_INPUT) return [];
  const lowered = target.toLowerCase();
  return candidates
    .filter((candidate) => candidate.length <= MAX_SUGGESTION_INPUT)
    .map((candidate, index) => ({ candidate, index, distance: editDistance(lowered, candidate.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .slice(0, count)
    .map((entry) => entry.candidate);
}

/**
 * closestMatches limited to names a spelling slip away from `name`: at most half its characters
 * (and at least three) differ. A member of another object, or another parameter, is not a
 * spelling of this one; `base` is still near `Tags`, so callers prefer only a clear nearest.
 */
export function closestSpellings(name: string, candidates: readonly string[], count = 3): string[] {
  const limit = Math.max(3, Math.ceil(name.length / 2));
  const lowered = name.toLowerCase();
  return closestMatches(name, candidates, count).filter((candidate) => editDistance(lowered, candidate.toLowerCase(), limit) <= limit);
}

/**
 * True when the first of `nearest` (closestMatches' answer for `target`) is a clear fix: strictly
 * nearer than the second, and a typo away (at most a third of `target`'s characters, and at least
 * two, differ) or `target` shortened. Equally near names (`ml.m6.large`: `ml.m5.large`, `ml.m6i.large`), or a word far
 * from every name (`base` → `Tags`), are guesses: offered, not preferred, so fix-all leaves them.
 */
export function isClearNearest(target: string, nearest: readonly string[]): boolean {
  if (nearest.length === 0) return false;
  const lowered = target.toLowerCase();
  const first = editDistance(lowered, nearest[0].toLowerCase());
  // A shortened name (`Single` for `SingleModel`) is near whatever its length.
  if (first > Math.max(2, Math.ceil(target.length / 3)) && !nearest[0].toLowerCase().startsWith(lowered)) return false;
  return nearest.length < 2 || first < editDistance(lowered, nearest[1].toLowerCase());
}

/**
 * isClearNearest for version tags, ranked by something other than spelling: true when `ranked[0]`
 * is the one suggestion completing what was typed (`0.90-1` → `0.90-1-cpu-py3`), or the clear
 * nearest by spelling with the same digits in the same order — a typo in the words
 * (`2.0.1-gpuu-py310` → `2.0.1-gpu-py310`). A changed digit is another version (`2.4.1` → `2.4.0`,
 * `1.8-1` → `1.7-1`, `3.2-l` → `3.2-1`: which one was meant is the user's call), never clear.
 */
export function isClearTypo(target: string, ranked: readonly string[]): boolean {
  if (ranked.length === 0) return false;
  // What was typed, completed (`0.90-1` → `0.90-1-cpu-py3`): clear when only one suggestion extends it.
  const lowered = target.toLowerCase();
  const extending = ranked.filter((candidate) => candidate.toLowerCase().startsWith(lowered));
  if (extending.length > 0) return extending.length === 1 && extending[0] === ranked[0];
  const bySpelling = closestMatches(target, ranked, ranked.length);
  return bySpelling[0] === ranked[0] && digitsOf(target) === digitsOf(ranked[0]) && isClearNearest(target, bySpelling);
}

/** The digits of a name in order (`2.0.1-gpu-py310` → `201310`): equal for two spellings of one version. */
export function digitsOf(name: string): string {
  return name.replace(/\D+/g, '');
}

/** Edits that make a name a typo of another (a swapped or dropped letter): `createTraningJob`, `us-west-3`. */
export const TYPO_EDITS = 2;

/** True when `written` is at most TYPO_EDITS edits from `name` (case-insensitive). */
export function isTypoOf(written: string, name: string): boolean {
  return editDistance(written.toLowerCase(), name.toLowerCase(), TYPO_EDITS) <= TYPO_EDITS;
}
