/**
 * Step Functions' `States.Format('template {}', arg, …)` intrinsic, under a JSONPath `"Key.$"`:
 * the value is computed, but the template's text outside its `{}` is fixed, so the rules can
 * still check what that text decides alone (an image's static tag:
 * `States.Format('{}.dkr.ecr.{}.amazonaws.com/sagemaker-xgboost:latest', $.account, $.region)`).
 *
 * Grammar (Amazon States Language, intrinsic functions): string arguments are single-quoted, and
 * `'`, `{`, `}` and `\` are written escaped with `\` inside them; `{}` is one argument's place.
 */
import type { TemplatePart } from '../../requestTree';

const CALL = /^States\.Format\(\s*'/;

/**
 * The template parts of a `States.Format(…)` call whose first argument is a string literal:
 * text (each character with its source offset) and a placeholder per `{}`, which Step Functions
 * fills when the state runs, with the argument it takes said (`$.account`) when the call's
 * arguments can be read. `offsetOf(i)` is the source offset of `value[i]` (and of its end).
 * Undefined for any other value, or a template that is not closed.
 */
export function statesFormatTemplate(value: string, offsetOf: (index: number) => number): TemplatePart[] | undefined {
  const call = CALL.exec(value);
  if (!call) return undefined;
  const parts: TemplatePart[] = [];
  let text = '';
  let offsets: number[] = [];
  const flush = (end: number) => {
    if (text.length > 0) parts.push({ kind: 'text', value: text, offsets: [...offsets, offsetOf(end)] });
    text = '';
    offsets = [];
  };
  for (let index = call[0].length; index < value.length; index++) {
    const character = value[index];
    if (character === "'") {
      flush(index);
      const args = formatArguments(value, index + 1);
      let argument = 0;
      for (const part of parts) {
        if (part.kind !== 'placeholder') continue;
        const written = args?.[argument++];
        if (written !== undefined) part.facts = { description: `States.Format's argument ${written}` };
      }
      return parts;
    }
    if (character === '{' && value[index + 1] === '}') {
      flush(index);
      parts.push({ kind: 'placeholder', offset: offsetOf(index), length: offsetOf(index + 2) - offsetOf(index), filledBy: 'stateRun' });
      index++;
      continue;
    }
    // An escaped character stands for itself, at the escape's place.
    const escaped = character === '\\' && index + 1 < value.length;
    text += escaped ? value[index + 1] : character;
    offsets.push(offsetOf(index));
    if (escaped) index++;
  }
  return undefined;
}

/** Longer arguments are shown cut short (hover shows one line per placeholder). */
const ARGUMENT_SHOWN = 80;

/**
 * The arguments after the template, as written (trimmed), from `value[from]` (just past the
 * template's closing quote) to the call's closing `)`: split at commas outside strings and
 * parentheses (`States.ArrayGetItem($.a, 0)` is one). Undefined when the call does not close so.
 */
function formatArguments(value: string, from: number): string[] | undefined {
  const args: string[] = [];
  let depth = 0;
  let start = -1;
  let quoted = false;
  for (let index = from; index < value.length; index++) {
    const character = value[index];
    if (quoted) {
      if (character === '\\') index++;
      else if (character === "'") quoted = false;
    } else if (character === "'") {
      quoted = true;
    } else if (character === '(') {
      depth++;
    } else if ((character === ',' || character === ')') && depth === 0) {
      if (start >= 0) args.push(shown(value.slice(start, index).trim()));
      else if (value.slice(from, index).trim() !== '') return undefined; // text between the template and the first comma
      if (character === ')') return value.slice(index + 1).trim() === '' ? args : undefined;
      start = index + 1;
    } else if (character === ')') {
      depth--;
    }
  }
  return undefined;
}

function shown(argument: string): string {
  return argument.length > ARGUMENT_SHOWN ? `${argument.slice(0, ARGUMENT_SHOWN - 1)}…` : argument;
}
