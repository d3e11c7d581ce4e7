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
 * text (each character with its source offset) and a placeholder per `{}`. `offsetOf(i)` is the
 * source offset of `value[i]` (and of its end). Undefined for any other value, or a template
 * that is not closed.
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
      return parts;
    }
    if (character === '{' && value[index + 1] === '}') {
      flush(index);
      parts.push({ kind: 'placeholder', offset: offsetOf(index), length: offsetOf(index + 2) - offsetOf(index) });
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
