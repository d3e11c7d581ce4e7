/**
 * IPython syntax in notebook cells — line magics (`%pip install …`), shell escapes (`!aws …`,
 * `files = !ls`), help (`obj?`, `??obj`) and cell magics (a cell starting with `%%`) — is not
 * Python, so the Python parser would see errors there. Such lines are blanked: every character
 * but line breaks becomes a space, so every other offset in the cell stays where it was and the
 * parser sees nothing. `get_ipython().run_line_magic(…)` is Python and stays as it is.
 *
 * Like IPython's own input transformers, only lines that start a statement count: a line inside
 * a triple-quoted string, inside brackets or after a `\` continuation is never blanked.
 */

/** `%…` or `!…` at the start of a statement, or assigned: `name = !cmd`, `a, b = %magic`. */
const ESCAPED = /^\s*(?:[A-Za-z_][\w.]*\s*(?:,\s*[A-Za-z_][\w.]*\s*)*=\s*)?[%!]/;
/** `?name`, `??name`, `name?`, `name??` (names may be dotted or use `*` wildcards, as `%psearch`). */
const HELP = /^\s*(?:\?{1,2}[\w.*]+|[\w.*]+\?{1,2})\s*$/;

/**
 * Cell magics whose body is Python run in the notebook's own namespace: `%%time` and `%%capture`
 * (around `estimator.fit()` or `tuner.fit()` in most SageMaker notebooks). Only their magic line
 * is blanked. (`%%timeit` runs its body in a namespace of its own, so what it binds is not the
 * notebook's: it stays blanked whole, with `%%bash`, `%%writefile` and the rest.)
 */
const PYTHON_CELL_MAGIC = /^(\s*%%(?:time|capture)\b[^\r\n]*)/;

/**
 * The cell's text with its IPython lines blanked (same length, line breaks kept).
 * A cell whose first non-blank characters are `%%` is a cell magic: all of it is blanked, except
 * the body of `%%time` and `%%capture` (PYTHON_CELL_MAGIC), which is read as Python.
 */
export function blankIPython(cell: string): string {
  const pythonMagic = PYTHON_CELL_MAGIC.exec(cell);
  if (pythonMagic) return blank(pythonMagic[1]) + blankIPython(cell.slice(pythonMagic[1].length));
  if (/^\s*%%/.test(cell)) return blank(cell);
  if (!/[%!?]/.test(cell)) return cell;
  let result = '';
  let state: ScanState = { quote: undefined, depth: 0, continued: false };
  for (const line of splitLines(cell)) {
    const atStatementStart = state.quote === undefined && state.depth === 0 && !state.continued;
    const content = line.replace(/\r?\n$|\r$/, '');
    if (atStatementStart && (ESCAPED.test(content) || HELP.test(content))) {
      result += blank(line);
      // An escaped line ends where its line ends, whatever quotes or brackets it holds.
      state = { quote: undefined, depth: 0, continued: false };
    } else {
      result += line;
      state = scanLine(content, state);
    }
  }
  return result;
}

/** Every character but `\r` and `\n` replaced by a space. */
function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

/** Lines with their line breaks (`\n`, `\r\n`, lone `\r`); the last may have none. */
function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

interface ScanState {
  /** The open triple-quote (`'''` or `"""`) at the end of the line, if any. */
  quote: string | undefined;
  /** Open brackets at the end of the line. */
  depth: number;
  /** The line ended with a `\` continuation. */
  continued: boolean;
}

/**
 * Where a line leaves strings and brackets, as Python's tokenizer would: enough to tell whether
 * the next line starts a statement. Single-quoted strings end at the line's end; comments are
 * skipped.
 */
function scanLine(line: string, start: ScanState): ScanState {
  let quote = start.quote;
  let depth = start.depth;
  let commented = false;
  let index = 0;
  while (index < line.length) {
    const char = line[index];
    if (quote !== undefined) {
      if (char === '\\') index += 2;
      else if (line.startsWith(quote, index)) {
        index += quote.length;
        quote = undefined;
      } else index += 1;
      continue;
    }
    if (char === '#') {
      commented = true;
      break;
    }
    if (char === '"' || char === "'") {
      const triple = char.repeat(3);
      if (line.startsWith(triple, index)) {
        quote = triple;
        index += 3;
        continue;
      }
      index = endOfShortString(line, index + 1, char);
      continue;
    }
    if (char === '(' || char === '[' || char === '{') depth += 1;
    else if ((char === ')' || char === ']' || char === '}') && depth > 0) depth -= 1;
    index += 1;
  }
  const continued = quote === undefined && !commented && line.endsWith('\\');
  return { quote, depth, continued };
}

/** The index after the closing quote of a one-line string opened before `from` (or the line's end). */
function endOfShortString(line: string, from: number, quote: string): number {
  let index = from;
  while (index < line.length) {
    if (line[index] === '\\') index += 2;
    else if (line[index] === quote) return index + 1;
    else index += 1;
  }
  return line.length;
}
