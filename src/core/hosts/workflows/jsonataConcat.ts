/**
 * A JSONata expression that joins string literals and other expressions with `&`, JSONata's
 * string concatenation (`{% $account & '.dkr.ecr.' & $states.input.region & '.amazonaws.com/sagemaker-xgboost:latest' %}`):
 * the value is computed, but its literals are fixed text, so the rules can still check what that
 * text decides alone (an image's static tag), as for JSONPath's `States.Format`.
 *
 * Only a plain concatenation is read: operands that are string literals (single- or
 * double-quoted, without escapes) become text, any other operand (a variable, a path, a function
 * call, a parenthesised expression) a placeholder. Anything else at the top level (a condition
 * `? :`, arithmetic, a comparison) gives no template: which text is sent is not fixed. JSONata's
 * `/* … *\/` comments count as blanks, wherever they stand.
 */
import type { TemplatePart } from '../../requestTree';

/** Characters that, outside strings and brackets, make the expression more than a concatenation. */
const NOT_CONCATENATION = /[?:=<>!+*%]|\band\b|\bor\b|\bin\b/;

/**
 * The template parts of `value` (a whole `{% … %}` string) when it is a concatenation holding at
 * least one string literal; `offsetOf(i)` is the source offset of `value[i]` (and of its end).
 * Undefined otherwise.
 */
export function jsonataConcatTemplate(written: string, offsetOf: (index: number) => number): TemplatePart[] | undefined {
  if (!written.startsWith('{%') || !written.endsWith('%}') || !written.includes('&')) return undefined;
  // Comments read as the blanks they stand for (same length: every index keeps its offset).
  const value = withCommentsBlanked(written);
  if (value === undefined) return undefined;
  const operands = splitTopLevel(value, 2, value.length - 2);
  if (!operands || operands.length < 2) return undefined;
  const parts: TemplatePart[] = [];
  let literals = 0;
  for (const [start, end] of operands) {
    const quote = value[start];
    if ((quote === "'" || quote === '"') && value[end - 1] === quote && end - start >= 2) {
      const text = value.slice(start + 1, end - 1);
      if (text.includes('\\') || text.includes(quote)) return undefined; // escapes: not read
      literals++;
      if (text.length === 0) continue;
      const offsets = Array.from({ length: text.length + 1 }, (_, index) => offsetOf(start + 1 + index));
      const previous = parts[parts.length - 1];
      // Two literals in a row read as one text.
      if (previous?.kind === 'text') parts[parts.length - 1] = { kind: 'text', value: previous.value + text, offsets: [...previous.offsets.slice(0, -1), ...offsets] };
      else parts.push({ kind: 'text', value: text, offsets });
    } else {
      if (NOT_CONCATENATION.test(outsideStrings(value.slice(start, end)))) return undefined;
      parts.push({ kind: 'placeholder', offset: offsetOf(start), length: offsetOf(end) - offsetOf(start), filledBy: 'stateRun' });
    }
  }
  return literals > 0 ? parts : undefined;
}

/**
 * The trimmed `[start, end)` ranges of the operands between top-level `&` in `value[from, to)`,
 * outside strings, parentheses, brackets and braces. Undefined when a string or bracket is not
 * closed, or an operand is empty.
 */
function splitTopLevel(value: string, from: number, to: number): [number, number][] | undefined {
  const ranges: [number, number][] = [];
  let depth = 0;
  let operandStart = from;
  for (let index = from; index < to; index++) {
    const character = value[index];
    if (character === "'" || character === '"') {
      const close = value.indexOf(character, index + 1);
      if (close < 0 || close >= to) return undefined;
      index = close;
    } else if ('([{'.includes(character)) depth++;
    else if (')]}'.includes(character)) depth--;
    else if (character === '&' && depth === 0) {
      ranges.push([operandStart, index]);
      operandStart = index + 1;
    }
    if (depth < 0) return undefined;
  }
  if (depth !== 0) return undefined;
  ranges.push([operandStart, to]);
  const trimmed: [number, number][] = [];
  for (let [start, end] of ranges) {
    while (start < end && /\s/.test(value[start])) start++;
    while (end > start && /\s/.test(value[end - 1])) end--;
    if (start === end) return undefined;
    trimmed.push([start, end]);
  }
  return trimmed;
}

/**
 * `value` with each `/* … *\/` comment outside strings replaced by spaces of its length; undefined
 * when a comment or a string is not closed (the expression is being typed).
 */
function withCommentsBlanked(value: string): string | undefined {
  if (!value.includes('/*')) return value;
  let blanked = '';
  let copiedTo = 0;
  for (let index = 0; index < value.length; index++) {
    const character = value[index];
    if (character === "'" || character === '"') {
      const close = value.indexOf(character, index + 1);
      if (close < 0) return undefined;
      index = close;
    } else if (character === '/' && value[index + 1] === '*') {
      const close = value.indexOf('*/', index + 2);
      if (close < 0) return undefined;
      blanked += value.slice(copiedTo, index) + ' '.repeat(close + 2 - index);
      copiedTo = close + 2;
      index = close + 1;
    }
  }
  return blanked + value.slice(copiedTo);
}

/** `source` with its quoted strings blanked, so their characters are not read as operators. */
function outsideStrings(source: string): string {
  return source.replace(/'[^']*'|"[^"]*"/g, '""');
}
