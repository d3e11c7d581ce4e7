/**
 * Shapes in plain words, for messages and hover: "an integer from 1 to 100", "a list of 1 to 16
 * items". Our own wording from the model's facts; nothing here comes from AWS's documentation.
 */
import type { Shape } from './apiModel';
import { patternInMarkdown } from './patternWords';

const TYPE_NAMES: Record<Shape['type'], string> = {
  structure: 'an object',
  list: 'a list',
  map: 'an object of names to values',
  string: 'a string',
  integer: 'an integer',
  long: 'an integer',
  float: 'a number',
  double: 'a number',
  boolean: 'true or false',
};

/** The JSON type a shape expects, with its article: "an integer", "a list". */
export function expectedType(shape: Shape): string {
  return TYPE_NAMES[shape.type];
}

function plural(count: number, word: string): string {
  if (count === 1) return `${count} ${word}`;
  return `${count} ${word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`}`;
}

/** "from 1 to 100", "at least 1", "at most 63", or "" — with `unit` after each bound when given. */
export function boundsText(min: number | undefined, max: number | undefined, unit?: string): string {
  const withUnit = (value: number) => (unit ? plural(value, unit) : String(value));
  if (min !== undefined && max !== undefined) {
    if (min === max) return `exactly ${withUnit(min)}`;
    return unit ? `${min} to ${withUnit(max)}` : `from ${min} to ${max}`;
  }
  if (min !== undefined) return `at least ${withUnit(min)}`;
  if (max !== undefined) return `at most ${withUnit(max)}`;
  return '';
}

/** The unit a length limit counts for a shape: characters, items or entries. */
export function lengthUnit(shape: Shape): string | undefined {
  if (shape.type === 'string') return 'character';
  if (shape.type === 'list') return 'item';
  if (shape.type === 'map') return 'entry';
  return undefined;
}

/** The constraints that apply, one phrase each (for hover): a pattern in words where we have them, and raw. */
export function constraintPhrases(shape: Shape): string[] {
  const phrases: string[] = [];
  const unit = lengthUnit(shape);
  // A minimum of 0 says nothing for lengths; keep it for numbers, where it forbids negatives.
  const min = unit && shape.min === 0 ? undefined : shape.min;
  const bounds = boundsText(min, shape.max, unit);
  if (bounds) phrases.push(unit ? bounds : `value ${bounds}`);
  if (shape.type === 'string' && shape.pattern && !shape.enum) {
    const words = patternInMarkdown(shape);
    const raw = `whole value matches \`${shape.pattern}\``;
    phrases.push(words ? `${words} (the ${raw})` : raw);
  }
  return phrases;
}
