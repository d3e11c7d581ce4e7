/**
 * UTF-16 code units of the ASCII characters that the hand-written scanners compare against
 * (`text.charCodeAt(i) === DOT`): the JSON scan and parse, the Python bracket scan, the reading of
 * numbers and of `.$` keys. Numbers, not one-character strings: these loops run over every
 * character of every file, and a number comparison allocates nothing. One table, so each
 * character is written once.
 */

export const TAB = 0x09;
export const NEWLINE = 0x0a;
export const RETURN = 0x0d;
export const SPACE = 0x20;
export const DOUBLE_QUOTE = 0x22;
export const HASH = 0x23;
export const DOLLAR = 0x24;
export const SINGLE_QUOTE = 0x27;
export const OPEN_PAREN = 0x28;
export const CLOSE_PAREN = 0x29;
export const STAR = 0x2a;
export const PLUS = 0x2b;
export const MINUS = 0x2d;
export const DOT = 0x2e;
export const SLASH = 0x2f;
export const DIGIT_ZERO = 0x30;
export const COLON = 0x3a;
export const UPPER_E = 0x45;
export const UPPER_S = 0x53;
export const OPEN_BRACKET = 0x5b;
export const BACKSLASH = 0x5c;
export const CLOSE_BRACKET = 0x5d;
export const LOWER_E = 0x65;
export const LOWER_X = 0x78;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;
