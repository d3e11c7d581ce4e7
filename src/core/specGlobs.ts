/**
 * Matching of the `files` globs of `.sagemaker-spec.json` (and of the default spec globs) in time
 * linear in the path's length, whatever the glob. A pull request can add both a config file and a
 * file name, so a glob is untrusted input: regex-based matchers (picomatch, minimatch, VS Code's
 * own) backtrack, and `**\/?*?*?*…!` took minutes against a 40-character name even with extglobs
 * off. Here a glob is translated to a regular expression and run by re2js, a port of RE2, whose
 * automaton never backtracks.
 *
 * The syntax is VS Code's glob syntax, the one `sagemakerSpec.files` has in the editor: `*` and
 * `?` (never across `/`, dot files included), `**` as a whole path segment (any number of
 * folders), `[abc]`/`[a-z]`/`[!abc]`, `{a,b}` (nestable), and `\` to escape. Extglobs (`*(…)`)
 * and leading `!` negation are not part of it.
 */
import type { RE2JS as RE2JSClass } from 're2js';

let loadedRe2: typeof RE2JSClass | undefined;

/** re2js is loaded on the first glob compiled, not when the extension activates (it is 260 KB). */
function re2(): typeof RE2JSClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load: esbuild defers the module until this runs
  loadedRe2 ??= (require('re2js') as typeof import('re2js')).RE2JS;
  return loadedRe2;
}

/** Longer globs are refused: no real file pattern comes near this (characters). */
export const MAX_GLOB_LENGTH = 1024;
/** More globs in one `files` list are refused. */
export const MAX_GLOB_COUNT = 256;

/** True when the path (relative, `/`-separated) matches. */
export type PathMatcher = (path: string) => boolean;

/** Why `glob` cannot be used, or undefined when it can. */
export function globProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `glob is longer than ${MAX_GLOB_LENGTH} characters`;
  try {
    toRegExpSource(glob);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * One matcher for a list of globs: true when any matches the whole path.
 * @throws Error naming the problem when a glob is invalid (see `globProblem`) or there are more
 * than MAX_GLOB_COUNT of them.
 */
export function compileGlobs(globs: readonly string[]): PathMatcher {
  if (globs.length > MAX_GLOB_COUNT) throw new Error(`more than ${MAX_GLOB_COUNT} globs`);
  if (globs.length === 0) return () => false;
  for (const glob of globs) {
    const problem = globProblem(glob);
    if (problem) throw new Error(`"${glob.slice(0, 80)}": ${problem}`);
  }
  const regex = re2().compile(globs.map((glob) => `(?:${toRegExpSource(glob)})`).join('|'));
  return (path) => regex.matches(path);
}

/** The RE2 source for one glob, anchored by `matches` (whole input). */
function toRegExpSource(glob: string): string {
  if (glob.startsWith('!')) throw new Error('negated globs (leading "!") are not supported');
  let source = '';
  // Literal text is quoted a run at a time, so a character outside the BMP stays whole.
  let literal = '';
  const emit = (regex: string) => {
    if (literal) source += re2().quote(literal);
    literal = '';
    source += regex;
  };
  let braceDepth = 0;
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index];
    switch (char) {
      case '\\':
        index++;
        if (index >= glob.length) throw new Error('ends with a lone "\\"');
        literal += glob[index];
        break;
      case '*': {
        let end = index;
        while (glob[end + 1] === '*') end++;
        const before = index === 0 ? '/' : glob[index - 1];
        const after = end + 1 === glob.length ? '/' : glob[end + 1];
        const segmentEdges = braceDepth > 0 ? '/{,}' : '/';
        const wholeSegment = end > index && segmentEdges.includes(before) && segmentEdges.includes(after);
        if (wholeSegment && after === '/' && end + 1 < glob.length) {
          emit('(?:[^/]*/)*'); // `**/`: zero or more folders
          index = end + 1;
        } else if (wholeSegment) {
          emit('.*'); // a final `**`: anything below
          index = end;
        } else {
          emit('[^/]*');
          index = end;
        }
        break;
      }
      case '?':
        emit('[^/]');
        break;
      case '[': {
        const close = classEnd(glob, index);
        if (close === undefined) {
          literal += '[';
          break;
        }
        emit(characterClass(glob.slice(index + 1, close)));
        index = close;
        break;
      }
      case '{':
        braceDepth++;
        emit('(?:');
        break;
      case ',':
        if (braceDepth > 0) emit('|');
        else literal += ',';
        break;
      case '}':
        if (braceDepth === 0) throw new Error('has a "}" without its "{"');
        braceDepth--;
        emit(')');
        break;
      default:
        literal += char;
    }
  }
  emit('');
  if (braceDepth > 0) throw new Error('has a "{" without its "}"');
  return source;
}

/** Index of the `]` closing the class opened at `open`; a `]` right after `[` or `[!` is literal. */
function classEnd(glob: string, open: number): number | undefined {
  let index = open + 1;
  if (glob[index] === '!' || glob[index] === '^') index++;
  if (glob[index] === ']') index++;
  for (; index < glob.length; index++) {
    if (glob[index] === '\\') index++;
    else if (glob[index] === ']') return index;
  }
  return undefined;
}

/** `[!a-z]` → `[^/a-z]`; a class never matches `/` (a literal `/` in it is dropped). */
function characterClass(body: string): string {
  const negated = body.startsWith('!') || body.startsWith('^');
  let members = '';
  for (let index = negated ? 1 : 0; index < body.length; index++) {
    let char = body[index];
    if (char === '\\' && index + 1 < body.length) char = body[++index];
    const isRange = body[index + 1] === '-' && index + 2 < body.length;
    if (isRange) {
      members += `${classMember(char)}-`;
      index++;
    } else if (char !== '/') {
      members += classMember(char);
    }
  }
  if (negated) return `[^/${members}]`;
  return members ? `[${members}]` : '[^\\x{0}-\\x{10ffff}]'; // `[/]`: matches nothing
}

function classMember(char: string): string {
  return /[A-Za-z0-9]/.test(char) ? char : `\\x{${char.codePointAt(0)!.toString(16)}}`;
}
