/**
 * When to analyse a document again after an edit, from what its last analysis cost.
 *
 * A fixed typing delay (150 ms before) made every edit wait, although a 2 KB spec is analysed in
 * well under a millisecond: VS Code's own JSON diagnostics answered four to nine times sooner. So
 * the wait now follows the measured cost of the document's last analysis (parse and rules):
 * - A cheap document (below CHEAP_ANALYSIS_MS) is analysed on the next turn of the event loop:
 *   nothing waits, and the edits of one turn (a multi-cursor edit, a fix of several edits) still
 *   share one analysis.
 * - An expensive one (a 1 MB spec parses in tens of milliseconds) is analysed at once after a
 *   pause, but never sooner than its own cost after the previous analysis ended, and edits
 *   arriving meanwhile share the one analysis pending. The handler of an edit never parses, and
 *   while typing goes on our analysis holds the extension host at most about half the time, so
 *   completion, hover and other extensions still get their turn. A trailing debounce of the
 *   same length would add its whole wait to every pause; this adds none to the first edit after
 *   one.
 * No `vscode` import: the unit tests exercise it directly.
 */

/** Analyses cheaper than this (milliseconds) run with no rest after the previous one. */
export const CHEAP_ANALYSIS_MS = 4;

/** The longest rest (milliseconds) between two analyses of one document, however costly. */
export const MAX_REST_MS = 1_000;

/** What the last analysis of a document cost and when it ended, in `performance.now()` milliseconds. */
export interface LastAnalysis {
  costMs: number;
  endedAt: number;
}

/**
 * Milliseconds to wait, from `now`, before analysing a document whose last analysis was `last`
 * (undefined: never analysed, so no wait). 0 means the next turn of the event loop (setImmediate). The rest after
 * an analysis equals its cost (capped at MAX_REST_MS), or nothing when it cost less than
 * CHEAP_ANALYSIS_MS.
 */
export function analysisDelayMs(last: LastAnalysis | undefined, now: number): number {
  if (!last || last.costMs < CHEAP_ANALYSIS_MS) return 0;
  const rest = Math.min(last.costMs, MAX_REST_MS);
  return Math.max(0, Math.ceil(last.endedAt + rest - now));
}
