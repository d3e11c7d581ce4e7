/**
 * Values to insert for a member the user has yet to fill in: a JSON value for quick fixes and new
 * specs, and snippet text (with tab stops and choices) for completion.
 */
import type { Shape } from './apiModel';

/** How deep required sub-members are filled in; deeper objects are left as `{}`. */
const MAX_DEPTH = 3;

/** A value of the right type: `""`, the minimum number, `false`, `[]`, or an object with its required members. */
export function placeholderValue(shape: Shape, depth = 0): unknown {
  switch (shape.type) {
    case 'string':
      return '';
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return shape.min ?? 0;
    case 'boolean':
      return false;
    case 'list':
      return [];
    case 'map':
      return {};
    case 'structure': {
      const value: Record<string, unknown> = {};
      if (depth < MAX_DEPTH) for (const name of shape.requiredList) value[name] = placeholderValue(shape.members.get(name)!, depth + 1);
      return value;
    }
  }
}

/** Escapes text for a snippet (outside placeholders `$`, `}` and `\` are special). */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (char) => `\\${char}`);
}

/** Choice text inside `${1|a,b|}` must escape `,`, `|` and `\` as well. */
export function escapeChoice(text: string): string {
  return text.replace(/[$}\\,|]/g, (char) => `\\${char}`);
}

/** The most choices offered inline; longer enums (instance types) get an empty string and completion inside it. */
const MAX_CHOICES = 12;

/** The values a placeholder offers inline for `shape` (an enum of a dozen or fewer), else undefined. */
export function inlineChoices(shape: Shape): readonly string[] | undefined {
  return shape.type === 'string' && shape.enum && shape.enum.length <= MAX_CHOICES ? shape.enum : undefined;
}

/** How a host writes a scalar placeholder: a string's quotes and a choice between them, and its two booleans. */
export interface PlaceholderSyntax {
  quote: string;
  /** A choice as written between the quotes (the host's escapes). */
  quoted: (value: string) => string;
  booleans: readonly [string, string];
}

/** JSON's: enum values need no escapes inside double quotes. */
export const JSON_PLACEHOLDER_SYNTAX: PlaceholderSyntax = { quote: '"', quoted: (value) => value, booleans: ['true', 'false'] };

/**
 * Snippet text of a value placeholder, with tab stop 1 where the user types: `"$1"`,
 * `${1|true,false|}`, `"${1|File,Pipe,FastFile|}"`, `[$1]`, `{$1}` — strings and booleans as
 * `syntax` writes them (Python: `'$1'`, `${1|True,False|}`).
 */
export function placeholderSnippet(shape: Shape, syntax: PlaceholderSyntax = JSON_PLACEHOLDER_SYNTAX): string {
  const { quote } = syntax;
  switch (shape.type) {
    case 'string': {
      const choices = inlineChoices(shape);
      return choices ? `${quote}\${1|${choices.map((choice) => escapeChoice(syntax.quoted(choice))).join(',')}|}${quote}` : `${quote}$1${quote}`;
    }
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return `\${1:${shape.min ?? 0}}`;
    case 'boolean':
      return `\${1|${syntax.booleans.join(',')}|}`;
    case 'list':
      return '[$1]';
    case 'map':
    case 'structure':
      return '{$1}';
  }
}
