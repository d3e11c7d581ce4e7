/**
 * `invalid-json`: a spec that does not parse cannot be sent, and in CI nothing else would stop it.
 * (In the editor VS Code's JSON support underlines the same place; this code makes the checker
 * fail too.) The same for JSON in a template string (a `DefinitionString`), which no editor
 * checks and CloudFormation rejects only at deployment. Only the first few errors are reported: later ones usually follow from the first.
 */
import { ParseErrorCode } from 'jsonc-parser';
import { MAX_NESTING_DEPTH } from '../jsonScan';
import type { RuleContext } from './ruleContext';

const MAX_REPORTED = 3;

const DESCRIPTIONS: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'an unexpected character',
  [ParseErrorCode.InvalidNumberFormat]: 'a malformed number',
  [ParseErrorCode.PropertyNameExpected]: 'a member name in double quotes is expected',
  [ParseErrorCode.ValueExpected]: 'a value is expected',
  [ParseErrorCode.ColonExpected]: 'a colon is expected',
  [ParseErrorCode.CommaExpected]: 'a comma is expected',
  [ParseErrorCode.CloseBraceExpected]: 'a closing brace "}" is expected',
  [ParseErrorCode.CloseBracketExpected]: 'a closing bracket "]" is expected',
  [ParseErrorCode.EndOfFileExpected]: 'nothing may follow the top-level value',
  [ParseErrorCode.InvalidCommentToken]: 'a malformed comment',
  [ParseErrorCode.UnexpectedEndOfComment]: 'an unterminated comment',
  [ParseErrorCode.UnexpectedEndOfString]: 'an unterminated string',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'an unterminated number',
  [ParseErrorCode.InvalidUnicode]: 'a malformed \\u escape',
  [ParseErrorCode.InvalidEscapeCharacter]: 'an invalid escape character',
  [ParseErrorCode.InvalidCharacter]: 'a character that must be escaped in a string',
};

/** A jsonc-parser error in words ("a comma is expected"), for messages about other JSON files too. */
export function describeJsonSyntaxError(code: ParseErrorCode): string {
  return DESCRIPTIONS[code] ?? 'a syntax error';
}

export function checkJsonSyntax(context: RuleContext): void {
  const { tooDeepAt } = context.spec;
  if (tooDeepAt !== undefined) {
    // A workflow or template keeps what is shallower (jsonParse.ts); one that carries tooDeepAt could not be read at all.
    const file = context.spec.jsonFile;
    const message = file ? `The ${file.what} nests thousands of levels deep, past what the parser can read; it is not analysed.` : `The spec is nested deeper than ${MAX_NESTING_DEPTH} levels; no SageMaker request is, so it is not analysed.`;
    context.report('invalid-json', message, { offset: tooDeepAt, length: 1 });
    return;
  }
  // Most specs parse: nothing to allocate for them (every request of a state machine asks).
  if (context.spec.parseErrors.length === 0) return;
  // Text cut short misses one closer per open object at the same end offset: one finding there.
  const reported = new Set<string>();
  for (const error of context.spec.parseErrors.slice(0, MAX_REPORTED)) {
    const key = `${error.error}@${error.offset}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const what = describeJsonSyntaxError(error.error);
    const inString = context.spec.jsonString;
    const file = context.spec.jsonFile;
    const message = inString && inString.range.offset <= error.offset && error.offset <= inString.range.offset + inString.range.length
      ? `The ${inString.property} is not valid JSON here: ${what}. CloudFormation cannot deploy the resource until it is fixed.`
      : file
        ? `The ${file.what} is not valid JSON here: ${what}. ${file.consequence} until it is fixed.`
        : `The spec is not valid JSON here: ${what}. SageMaker cannot read the request until it is fixed.`;
    context.report('invalid-json', message, {
      offset: error.offset,
      length: Math.max(error.length, 0),
    });
  }
}
