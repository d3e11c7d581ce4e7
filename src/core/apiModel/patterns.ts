/**
 * The service model's string patterns are Java regular expressions, unanchored (the service
 * matches the whole value). This file anchors them and translates the Java-only syntax for
 * JavaScript's `u` mode. A pattern we cannot translate is skipped, never thrown: the rule simply
 * does not check it, and `skippedPatterns()` says which and why (a unit test lists them).
 */

/** Java's POSIX classes (ASCII unless UNICODE_CHARACTER_CLASS, which the service does not use). */
const POSIX_CLASSES: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
};

/** Characters that keep their backslash in JavaScript `u` mode (outside classes). */
const SYNTAX_CHARACTERS = new Set('^$\\.*+?()[]{}|/');
/** Escapes JavaScript understands as they are. */
const KNOWN_ESCAPES = new Set('dDwWsStrnfv0bBux');

export type Translation = { ok: true; source: string } | { ok: false; reason: string };

/** Translates one Java pattern into the source of an anchored JavaScript `u`-mode RegExp. */
export function translatePattern(pattern: string): Translation {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) return { ok: false, reason: 'trailing backslash' };
      if (next === 'p' || next === 'P') {
        const match = /^\{([A-Za-z_]+)\}/.exec(pattern.slice(i + 2));
        if (!match) return { ok: false, reason: `\\${next} without a {name}` };
        const name = match[1];
        const posix = POSIX_CLASSES[name];
        i += 1 + match[0].length;
        if (posix) {
          if (next === 'P' && inClass) return { ok: false, reason: `negated \\P{${name}} inside a class` };
          out += inClass ? posix : `[${next === 'P' ? '^' : ''}${posix}]`;
        } else {
          // Unicode categories (\p{L}, \p{N}, \p{Z}) are the same in JavaScript's u mode.
          out += `\\${next}{${name}}`;
        }
        continue;
      }
      if (next === 'Q' || next === 'A' || next === 'Z' || next === 'z' || next === 'G' || next === 'h' || next === 'H') {
        return { ok: false, reason: `Java-only escape \\${next}` };
      }
      if (/[0-9A-Za-z]/.test(next) && !KNOWN_ESCAPES.has(next) && !/[1-9]/.test(next)) {
        return { ok: false, reason: `unknown escape \\${next}` };
      }
      // u mode rejects escaping an ordinary character (`\-` outside a class, `\_`, `\@`).
      const keep = /[0-9A-Za-z]/.test(next) || SYNTAX_CHARACTERS.has(next) || (inClass && next === '-');
      out += keep ? `\\${next}` : next;
      i += 1;
      continue;
    }
    if (inClass) {
      if (char === '[') return { ok: false, reason: 'nested character class (Java union)' };
      if (char === '&' && pattern[i + 1] === '&') return { ok: false, reason: 'class intersection (&&)' };
      if (char === ']') inClass = false;
      out += char;
      continue;
    }
    if (char === '[') {
      inClass = true;
      out += char;
      // A leading `]` or `^]` is a literal in Java; keep it escaped for JavaScript.
      if (pattern[i + 1] === '^') {
        out += '^';
        i += 1;
      }
      if (pattern[i + 1] === ']') {
        out += '\\]';
        i += 1;
      }
      continue;
    }
    if ((char === '+' || char === '*' || char === '?' || char === '}') && pattern[i + 1] === '+') {
      return { ok: false, reason: 'possessive quantifier' };
    }
    if (char === '(' && pattern[i + 1] === '?' && pattern[i + 2] === '>') return { ok: false, reason: 'atomic group' };
    out += char;
  }
  if (inClass) return { ok: false, reason: 'unterminated character class' };
  return { ok: true, source: `^(?:${out})$` };
}

const compiled = new Map<string, RegExp | null>();
const skipped = new Map<string, string>();

/** The anchored RegExp for a model pattern (compiled once), or undefined when it is skipped. */
export function compilePattern(pattern: string): RegExp | undefined {
  const cached = compiled.get(pattern);
  if (cached !== undefined) return cached ?? undefined;
  const translation = translatePattern(pattern);
  let regex: RegExp | null = null;
  if (translation.ok) {
    try {
      regex = new RegExp(translation.source, 'u');
    } catch (error) {
      skipped.set(pattern, `not valid in JavaScript: ${(error as Error).message}`);
    }
  } else {
    skipped.set(pattern, translation.reason);
  }
  compiled.set(pattern, regex);
  return regex ?? undefined;
}

/** Per pattern, the last value that matched it (see matchesPattern); longer values are not kept alive. */
const REMEMBERED_LENGTH = 2048;
const lastMatched = new Map<string, string>();

/**
 * True when `value` matches the model pattern as a whole, false when not, undefined when the
 * pattern is skipped (see compilePattern). The last value that matched each pattern is kept: a
 * document repeats its role ARN, bucket and names in every request, and a string comparison
 * answers those again where the regular expression took a tenth of the API-model check's time
 * on a 200-task state machine.
 */
export function matchesPattern(pattern: string, value: string): boolean | undefined {
  if (lastMatched.get(pattern) === value) return true;
  const regex = compilePattern(pattern);
  if (!regex) return undefined;
  const matches = regex.test(value);
  if (matches && value.length <= REMEMBERED_LENGTH) lastMatched.set(pattern, value);
  return matches;
}

/** Patterns met so far that could not be translated, with the reason (for tests and notes). */
export function skippedPatterns(): ReadonlyMap<string, string> {
  return skipped;
}
