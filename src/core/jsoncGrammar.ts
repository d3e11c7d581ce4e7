/**
 * jsonc-parser's grammar (its `visit`, version 3.3) over its own public scanner (`createScanner`),
 * calling the tree builder directly: the same events, in the same order, at the same offsets,
 * with the same parse errors and the same recovery from broken text (skipping to the next `,`,
 * `}` or `]` as it does). Why not `visit` itself: for every token it also keeps a JSON path
 * (a push and pop per member), makes a closure handing out a copy of that path for each member
 * and value, and asks the scanner for the token's line and column, none of which a tree needs;
 * on a 500-state machine that was a fifth of the parse. The tokens (strings, escapes, numbers,
 * comments, scan errors) stay the library's.
 *
 * Differences from `visit`, on purpose: no path and no line or column in the events, and the
 * options are fixed to what every JSON host reads (comments and trailing commas allowed, empty
 * text a ValueExpected error as parseTree reports it). Past a depth `enter` refuses, events
 * stop until that container ends, as they do when a `visit` callback returns false. The unit
 * tests compare the tree and errors built here with parseTree's on the examples, on every prefix
 * of a state machine and with each character deleted (test/unit/jsonParse.test.ts), and the
 * token codes with the library's own enums.
 */
import { createScanner, type JSONScanner, type ParseErrorCode } from 'jsonc-parser';
import { NEWLINE, RETURN, SPACE, TAB } from './charCodes';

/** jsonc-parser's SyntaxKind values, by its names (a `const enum` in its types, so written here; a unit test compares them with the library's). */
export const TOKEN = {
  OpenBraceToken: 1,
  CloseBraceToken: 2,
  OpenBracketToken: 3,
  CloseBracketToken: 4,
  CommaToken: 5,
  ColonToken: 6,
  NullKeyword: 7,
  TrueKeyword: 8,
  FalseKeyword: 9,
  StringLiteral: 10,
  NumericLiteral: 11,
  LineCommentTrivia: 12,
  BlockCommentTrivia: 13,
  LineBreakTrivia: 14,
  Trivia: 15,
  Unknown: 16,
  EOF: 17,
} as const;

/** jsonc-parser's ScanError values (see TOKEN). */
export const SCAN_ERROR = { UnexpectedEndOfComment: 1, UnexpectedEndOfString: 2, UnexpectedEndOfNumber: 3, InvalidUnicode: 4, InvalidEscapeCharacter: 5, InvalidCharacter: 6 } as const;

/** jsonc-parser's ParseErrorCode values (see TOKEN). */
export const PARSE_ERROR = {
  InvalidSymbol: 1,
  InvalidNumberFormat: 2,
  PropertyNameExpected: 3,
  ValueExpected: 4,
  ColonExpected: 5,
  CommaExpected: 6,
  CloseBraceExpected: 7,
  CloseBracketExpected: 8,
  EndOfFileExpected: 9,
  UnexpectedEndOfComment: 11,
  UnexpectedEndOfString: 12,
  UnexpectedEndOfNumber: 13,
  InvalidUnicode: 14,
  InvalidEscapeCharacter: 15,
  InvalidCharacter: 16,
} as const;

/**
 * What the grammar reports, in text order; offsets and lengths are UTF-16 code units into the
 * text. `enterObject`/`enterArray` return false to silence everything inside the container; its
 * own `leaveObject`/`leaveArray` is still called, as `visit` calls it.
 */
export interface JsoncEvents {
  enterObject(offset: number): boolean;
  leaveObject(offset: number, length: number): void;
  enterArray(offset: number): boolean;
  leaveArray(offset: number, length: number): void;
  /** A member's name (decoded), at its quoted key's offset and length. */
  property(name: string, offset: number, length: number): void;
  /** A string, number (NaN read as 0, with an InvalidNumberFormat error), boolean or null. */
  literal(value: string | number | boolean | null, offset: number, length: number): void;
  /** A `:` or `,` at `offset`. */
  separator(separator: ':' | ',', offset: number): void;
  comment(offset: number, length: number): void;
  error(code: ParseErrorCode, offset: number, length: number): void;
}

/** The parse error each scan error is reported as (by ScanError value; comments are allowed, so their end is one too). */
const PARSE_ERROR_OF_SCAN_ERROR: Record<number, ParseErrorCode> = {
  [SCAN_ERROR.UnexpectedEndOfComment]: PARSE_ERROR.UnexpectedEndOfComment,
  [SCAN_ERROR.UnexpectedEndOfString]: PARSE_ERROR.UnexpectedEndOfString,
  [SCAN_ERROR.UnexpectedEndOfNumber]: PARSE_ERROR.UnexpectedEndOfNumber,
  [SCAN_ERROR.InvalidUnicode]: PARSE_ERROR.InvalidUnicode,
  [SCAN_ERROR.InvalidEscapeCharacter]: PARSE_ERROR.InvalidEscapeCharacter,
  [SCAN_ERROR.InvalidCharacter]: PARSE_ERROR.InvalidCharacter,
};

/** The tokens after which, or before which, a broken member or item's recovery stops. */
const NONE: readonly number[] = [];
const OBJECT_RECOVERY: readonly number[] = [TOKEN.CloseBraceToken, TOKEN.CommaToken];
const ARRAY_RECOVERY: readonly number[] = [TOKEN.CloseBracketToken, TOKEN.CommaToken];
const AFTER_CLOSE_BRACE: readonly number[] = [TOKEN.CloseBraceToken];
const AFTER_CLOSE_BRACKET: readonly number[] = [TOKEN.CloseBracketToken];

/**
 * Reads `text` as JSON with comments and trailing commas, reporting to `events`. Time linear in
 * the text's length; recursion as deep as its nesting (as `visit`'s: about 6,000 levels overflow
 * the stack with a RangeError, which the caller answers).
 */
export function readJsonc(text: string, events: JsoncEvents): void {
  new JsoncReader(text, createScanner(text, false), events).readDocument();
}

class JsoncReader {
  /** Containers entered that `enter` refused, plus those inside them: events wait until it is 0 again. */
  private silenced = 0;

  constructor(
    private readonly text: string,
    private readonly scanner: JSONScanner,
    private readonly events: JsoncEvents,
  ) {}

  readDocument(): void {
    const scanner = this.scanner;
    this.scanNext();
    if (scanner.getToken() === TOKEN.EOF) return this.fail(PARSE_ERROR.ValueExpected, NONE, NONE);
    if (!this.readValue()) return this.fail(PARSE_ERROR.ValueExpected, NONE, NONE);
    if (scanner.getToken() !== TOKEN.EOF) this.fail(PARSE_ERROR.EndOfFileExpected, NONE, NONE);
  }

  /** The next token that is not trivia; scan errors, unknown symbols and comments reported on the way. */
  private scanNext(): number {
    const { scanner, text } = this;
    for (;;) {
      // Spaces, tabs and line breaks are skipped here rather than scanned as trivia: the scanner
      // builds each run's text a character at a time (the indentation of every line of a
      // pretty-printed file), which was a third of its time and most of its garbage. It reads on
      // from where it is put (setPosition); only its line count, which nothing here reads, is lost.
      const from = scanner.getPosition();
      let at = from;
      for (let char = text.charCodeAt(at); char === SPACE || char === NEWLINE || char === RETURN || char === TAB; char = text.charCodeAt(++at));
      if (at !== from) scanner.setPosition(at);
      const token = scanner.scan();
      const scanError = scanner.getTokenError();
      if (scanError !== 0) this.fail(PARSE_ERROR_OF_SCAN_ERROR[scanError], NONE, NONE);
      switch (token) {
        case TOKEN.LineCommentTrivia:
        case TOKEN.BlockCommentTrivia:
          if (this.silenced === 0) this.events.comment(scanner.getTokenOffset(), scanner.getTokenLength());
          break;
        case TOKEN.Unknown:
          this.fail(PARSE_ERROR.InvalidSymbol, NONE, NONE);
          break;
        case TOKEN.Trivia:
        case TOKEN.LineBreakTrivia:
          break;
        default:
          return token;
      }
    }
  }

  /**
   * Reports `code` at the current token, then skips tokens: past the first in `skipUntilAfter`,
   * or up to the first in `skipUntil`, or to the end (both empty: nothing is skipped).
   */
  private fail(code: ParseErrorCode, skipUntilAfter: readonly number[], skipUntil: readonly number[]): void {
    const scanner = this.scanner;
    if (this.silenced === 0) this.events.error(code, scanner.getTokenOffset(), scanner.getTokenLength());
    if (skipUntilAfter.length + skipUntil.length === 0) return;
    let token = scanner.getToken();
    while (token !== TOKEN.EOF) {
      if (skipUntilAfter.includes(token)) {
        this.scanNext();
        break;
      } else if (skipUntil.includes(token)) {
        break;
      }
      token = this.scanNext();
    }
  }

  private readValue(): boolean {
    switch (this.scanner.getToken()) {
      case TOKEN.OpenBracketToken:
        return this.readContainer(false);
      case TOKEN.OpenBraceToken:
        return this.readContainer(true);
      case TOKEN.StringLiteral:
        if (this.silenced === 0) this.events.literal(this.scanner.getTokenValue(), this.scanner.getTokenOffset(), this.scanner.getTokenLength());
        this.scanNext();
        return true;
      default:
        return this.readLiteral();
    }
  }

  private readLiteral(): boolean {
    const scanner = this.scanner;
    let value: number | boolean | null;
    switch (scanner.getToken()) {
      case TOKEN.NumericLiteral:
        value = Number(scanner.getTokenValue());
        if (isNaN(value)) {
          this.fail(PARSE_ERROR.InvalidNumberFormat, NONE, NONE);
          value = 0;
        }
        break;
      case TOKEN.NullKeyword:
        value = null;
        break;
      case TOKEN.TrueKeyword:
        value = true;
        break;
      case TOKEN.FalseKeyword:
        value = false;
        break;
      default:
        return false;
    }
    if (this.silenced === 0) this.events.literal(value, scanner.getTokenOffset(), scanner.getTokenLength());
    this.scanNext();
    return true;
  }

  private readProperty(): boolean {
    const scanner = this.scanner;
    if (scanner.getToken() !== TOKEN.StringLiteral) {
      this.fail(PARSE_ERROR.PropertyNameExpected, NONE, OBJECT_RECOVERY);
      return false;
    }
    if (this.silenced === 0) this.events.property(scanner.getTokenValue(), scanner.getTokenOffset(), scanner.getTokenLength());
    this.scanNext();
    if (scanner.getToken() === TOKEN.ColonToken) {
      if (this.silenced === 0) this.events.separator(':', scanner.getTokenOffset());
      this.scanNext();
      if (!this.readValue()) this.fail(PARSE_ERROR.ValueExpected, NONE, OBJECT_RECOVERY);
    } else {
      this.fail(PARSE_ERROR.ColonExpected, NONE, OBJECT_RECOVERY);
    }
    return true;
  }

  /** An object (`{` is the current token) or an array (`[`): its members or items, then its end. */
  private readContainer(isObject: boolean): boolean {
    const { scanner, events } = this;
    const close = isObject ? TOKEN.CloseBraceToken : TOKEN.CloseBracketToken;
    const offset = scanner.getTokenOffset();
    this.enter(this.silenced === 0 && (isObject ? events.enterObject(offset) : events.enterArray(offset)));
    this.scanNext();
    let needsComma = false;
    while (scanner.getToken() !== close && scanner.getToken() !== TOKEN.EOF) {
      if (scanner.getToken() === TOKEN.CommaToken) {
        if (!needsComma) this.fail(PARSE_ERROR.ValueExpected, NONE, NONE);
        if (this.silenced === 0) events.separator(',', scanner.getTokenOffset());
        this.scanNext();
        if (scanner.getToken() === close) break; // a trailing comma
      } else if (needsComma) {
        this.fail(PARSE_ERROR.CommaExpected, NONE, NONE);
      }
      if (!(isObject ? this.readProperty() : this.readValue())) this.fail(PARSE_ERROR.ValueExpected, NONE, isObject ? OBJECT_RECOVERY : ARRAY_RECOVERY);
      needsComma = true;
    }
    if (this.leave()) {
      if (isObject) events.leaveObject(scanner.getTokenOffset(), scanner.getTokenLength());
      else events.leaveArray(scanner.getTokenOffset(), scanner.getTokenLength());
    }
    if (scanner.getToken() !== close) this.fail(isObject ? PARSE_ERROR.CloseBraceExpected : PARSE_ERROR.CloseBracketExpected, isObject ? AFTER_CLOSE_BRACE : AFTER_CLOSE_BRACKET, NONE);
    else this.scanNext();
    return true;
  }

  /** A container begins: `accepted` is what `enter` answered (false while silenced). */
  private enter(accepted: boolean): void {
    if (this.silenced > 0 || !accepted) this.silenced++;
  }

  /** A container ends: true when its end is to be reported (it was entered unsilenced). */
  private leave(): boolean {
    if (this.silenced > 0) this.silenced--;
    return this.silenced === 0;
  }
}

const IGNORE = (): void => undefined;

/** The number of parse errors in `text` read as JSON with comments and trailing commas (parseTree's errors), without building a tree. */
export function jsoncErrorCount(text: string): number {
  let count = 0;
  readJsonc(text, {
    enterObject: () => true,
    leaveObject: IGNORE,
    enterArray: () => true,
    leaveArray: IGNORE,
    property: IGNORE,
    literal: IGNORE,
    separator: IGNORE,
    comment: IGNORE,
    error: () => {
      count++;
    },
  });
  return count;
}
