/**
 * Exclude patterns: the checker's `--exclude <pattern>` and a config file's `"exclude"` list,
 * gitignore-style as ESLint's `ignorePatterns` are (`fixtures/`, `/generated`, `**\/testdata/**`,
 * `*.draft.json`, `!keep.json`), each list relative to its own folder. Matched by the `ignore`
 * package, the one that already reads `.gitignore` files for the walk, so both follow git's rules
 * the same way: a pattern without a `/` (but a trailing one) matches at any depth, one with a `/`
 * is anchored, a trailing `/` matches folders only, and everything in an excluded folder is
 * excluded (a `!` cannot bring back a file whose folder is excluded).
 *
 * `ignore` compiles patterns to backtracking regular expressions, and a config file comes with the
 * repository. Each `**` inside a pattern (not a leading `**\/` or a trailing `/**`) costs another
 * factor of the path's depth, so a pattern may have only one, after runs of `**` segments (which
 * mean the same as one) are merged.
 */
import ignore from 'ignore';

/** Longer patterns are refused: no real pattern comes near this (characters). */
export const MAX_EXCLUDE_PATTERN_LENGTH = 1024;
/** More patterns in one list are refused. */
export const MAX_EXCLUDE_PATTERN_COUNT = 256;

/** True when the `/`-separated path relative to the list's folder is excluded; a folder's path ends with `/`. */
export type ExcludeMatcher = (relativePath: string) => boolean;

/** Why `pattern` cannot be an exclude pattern, or undefined when it can. */
export function excludePatternProblem(pattern: string): string | undefined {
  if (pattern.trim() === '') return 'is empty';
  if (pattern.length > MAX_EXCLUDE_PATTERN_LENGTH) return `is longer than ${MAX_EXCLUDE_PATTERN_LENGTH} characters`;
  if (/[\r\n]/.test(pattern)) return 'holds a line break: give one pattern per entry';
  if (pattern.startsWith('#')) return 'starts with "#", which makes it a comment in gitignore syntax: write "\\#" for a name starting with #';
  if (innerGlobstars(mergeGlobstars(pattern)) > 1) return 'has more than one "**" between other parts (a leading "**/" and a trailing "/**" are free); split it into several patterns';
  return undefined;
}

/** Why a list of patterns cannot be used (text to follow the list's name), or undefined when it can. */
export function excludeListProblem(value: unknown): string | undefined {
  if (!Array.isArray(value) || !value.every((pattern) => typeof pattern === 'string')) return ' must be an array of gitignore-style pattern strings';
  if (value.length > MAX_EXCLUDE_PATTERN_COUNT) return `: more than ${MAX_EXCLUDE_PATTERN_COUNT} patterns`;
  for (const pattern of value as string[]) {
    const problem = excludePatternProblem(pattern);
    if (problem) return `: ${JSON.stringify(pattern.length > 80 ? `${pattern.slice(0, 80)}…` : pattern)} ${problem}`;
  }
  return undefined;
}

/**
 * One matcher for a list of patterns (later ones win, `!` re-includes), over paths relative to
 * the list's folder. A path outside that folder (`../x`), absolute or empty is never excluded.
 * Case-sensitive, as git is on Linux and as the `files` globs are.
 * @throws Error naming the pattern when one is invalid (see `excludePatternProblem`).
 */
export function compileExcludePatterns(patterns: readonly string[]): ExcludeMatcher {
  if (patterns.length === 0) return () => false;
  const problem = excludeListProblem(patterns);
  if (problem) throw new Error(`exclude${problem}`);
  const rules = ignore({ ignorecase: false }).add(patterns.map(mergeGlobstars));
  return (relativePath) => {
    if (relativePath === '' || relativePath === '/' || relativePath.startsWith('/') || relativePath === '..' || relativePath.startsWith('../')) return false;
    return rules.ignores(relativePath);
  };
}

/** `a/**\/**\/b` → `a/**\/b`: the same set of paths, one factor of depth less to match. */
function mergeGlobstars(pattern: string): string {
  return pattern.replace(/(^|\/)\*\*(?:\/\*\*)+(?=\/|$)/g, '$1**');
}

/** The `**` segments of a pattern that are neither its leading `**\/` nor its trailing `/**`. */
function innerGlobstars(pattern: string): number {
  const segments = pattern.replace(/^!/, '').replace(/^\//, '').replace(/\/$/, '').split('/');
  return segments.filter((segment, index) => segment === '**' && index !== 0 && index !== segments.length - 1).length;
}
