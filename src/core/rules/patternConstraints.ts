/**
 * What a string pattern of the API model says beyond a value's length, so that every broken
 * constraint is reported once: a length limit and a pattern are separate findings only when the
 * pattern fails for a reason other than the length (`my_job` is too long *and* has `_`), and a
 * value whose only fault is characters the pattern forbids gets them replaced.
 */
import { compilePattern } from '../apiModel/patterns';

/**
 * The pattern with its length-bearing quantifiers loosened (`{0,62}`, `{12}` and `+` become `*`),
 * as an anchored RegExp; undefined when it cannot be compiled. A value too long or too short
 * that fails this too breaks the pattern for another reason than its length.
 */
export function lengthFreePattern(pattern: string): RegExp | undefined {
  let out = '';
  let inClass = false;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\') {
      out += pattern.slice(index, index + 2);
      index++;
    } else if (inClass) {
      if (char === ']') inClass = false;
      out += char;
    } else if (char === '[') {
      inClass = true;
      out += char;
      // A leading `]` (or `^]`) is a literal, not the end of the class.
      if (pattern[index + 1] === '^') out += pattern[++index];
      if (pattern[index + 1] === ']') out += pattern[++index];
    } else if (char === '{') {
      const counted = /^\{\d+(?:,\d*)?\}/.exec(pattern.slice(index));
      if (counted) {
        out += '*';
        index += counted[0].length - 1;
      } else {
        out += char;
      }
    } else {
      out += char === '+' ? '*' : char;
    }
  }
  return compilePattern(out);
}

/** Longer values out of their length limits are judged by their characters only (a backtracking regex on megabytes could stall). */
const MAX_LENGTH_FREE_TEST = 4096;

/**
 * True when `value`, already too long or too short, also breaks `pattern` for another reason:
 * it holds a character a simple pattern forbids, or it fails the pattern with its length
 * quantifiers loosened. An empty value breaks nothing besides its length.
 */
export function breaksPatternBesidesLength(value: string, pattern: string): boolean {
  if (value === '') return false;
  const members = allowedClass(pattern);
  // One native scan, not a test per character: values here may be megabytes.
  if (members !== undefined && new RegExp(`[^${members}]`, 'u').test(value)) return true;
  if (value.length > MAX_LENGTH_FREE_TEST) return false;
  return lengthFreePattern(pattern)?.test(value) === false;
}

/**
 * The characters a "simple" pattern allows anywhere — one made only of bracket classes without
 * negation, literal separators, groups and quantifiers (the job and model name patterns) — as a
 * test for one character; undefined for any other pattern, whose allowed characters depend on
 * where they stand.
 */
export function allowedCharacters(pattern: string): ((char: string) => boolean) | undefined {
  const members = allowedClass(pattern);
  if (members === undefined) return undefined;
  const allowed = new RegExp(`^[${members}]$`, 'u');
  return (char) => allowed.test(char);
}

/** The members of one `u`-mode class of the characters a simple pattern allows (see `allowedCharacters`). */
function allowedClass(pattern: string): string | undefined {
  const classes: string[] = [];
  let rest = pattern;
  // Bracket classes with plain members: letters, digits, ranges and escaped or literal - _ . /
  const bracket = /^\[((?:[a-zA-Z0-9]-[a-zA-Z0-9]|[a-zA-Z0-9]|\\[-./_]|[-_./])+)\]/;
  while (rest.length > 0) {
    const match = bracket.exec(rest);
    if (match) {
      // Ranges as they are, every other member escaped: joined classes must not form new ranges.
      for (const member of match[1].match(/[a-zA-Z0-9]-[a-zA-Z0-9]|\\.|./g)!) {
        classes.push(member.length === 3 ? member : classMember(member.at(-1)!));
      }
      rest = rest.slice(match[0].length);
      continue;
    }
    const quantifier = /^(?:\{\d+(?:,\d*)?\}|[*+?()])/.exec(rest);
    if (quantifier) {
      rest = rest.slice(quantifier[0].length);
      continue;
    }
    const separator = /^(?:\\[-./_]|[-_])/.exec(rest);
    if (!separator) return undefined;
    classes.push(classMember(separator[0].at(-1)!));
    rest = rest.slice(separator[0].length);
  }
  return classes.length === 0 ? undefined : classes.join('');
}

/** One character as a member of a `u`-mode class: only `-` needs its backslash there. */
function classMember(char: string): string {
  return char === '-' ? '\\-' : char;
}

/** Separators tried in turn to replace forbidden characters: names use `-`, identifiers `_`. */
const SEPARATORS = ['-', '_', '.'];

/**
 * `value` with each run of characters the pattern forbids replaced by one separator the pattern
 * allows (`my_job_name` → `my-job-name`), runs at either end dropped; undefined when the pattern
 * is not simple (see `allowedCharacters`), nothing is forbidden, or the result still fails.
 */
export function withForbiddenCharactersReplaced(value: string, pattern: string): string | undefined {
  const allowed = allowedCharacters(pattern);
  const regex = compilePattern(pattern);
  if (!allowed || !regex) return undefined;
  const chars = [...value];
  if (chars.every(allowed)) return undefined;
  for (const separator of SEPARATORS.filter(allowed)) {
    let result = '';
    let pending = false;
    for (const char of chars) {
      if (!allowed(char)) {
        pending = true;
        continue;
      }
      if (pending && result.length > 0) result += separator;
      pending = false;
      result += char;
    }
    if (result.length > 0 && regex.test(result)) return result;
  }
  return undefined;
}
