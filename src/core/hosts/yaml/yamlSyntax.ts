/**
 * Parsing YAML with the `yaml` package: it keeps every node's source range, several documents,
 * anchors and aliases, flow collections and comments, and takes custom tags — here
 * CloudFormation's short forms (`!Ref`, `!Sub`, …), declared for scalars, sequences and maps
 * alike so a template parses without "unresolved tag" warnings. The package is loaded on the
 * first parse, not when the extension activates (hostDocument.ts filters texts first).
 */
import type { CST, Document, Lexer, Parser, Tags } from 'yaml';
import { flowIndentationLenientLexer } from './flowIndentation';
import { mayHoldDirective, type HostComment } from '../../suppressions';

type YamlModule = typeof import('yaml');

let loaded: YamlModule | undefined;

/** The `yaml` module, loaded on first use. */
export function yamlModule(): YamlModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load: esbuild defers the module until this runs
  loaded ??= require('yaml') as YamlModule;
  return loaded;
}

/** CloudFormation's short-form tags (without `!`) and the long form each stands for. */
export const CLOUDFORMATION_SHORT_FORMS: Readonly<Record<string, string>> = {
  Ref: 'Ref',
  Condition: 'Condition',
  Sub: 'Fn::Sub',
  GetAtt: 'Fn::GetAtt',
  Join: 'Fn::Join',
  If: 'Fn::If',
  FindInMap: 'Fn::FindInMap',
  Select: 'Fn::Select',
  Split: 'Fn::Split',
  Base64: 'Fn::Base64',
  ImportValue: 'Fn::ImportValue',
  GetAZs: 'Fn::GetAZs',
  Equals: 'Fn::Equals',
  Not: 'Fn::Not',
  And: 'Fn::And',
  Or: 'Fn::Or',
  Cidr: 'Fn::Cidr',
  Transform: 'Fn::Transform',
};

let customTags: Tags | undefined;

/** Each short form as a scalar, a sequence and a map tag; the node is kept as written (resolve is the identity). */
function cloudFormationTags(): Tags {
  customTags ??= Object.keys(CLOUDFORMATION_SHORT_FORMS).flatMap((name) => [
    { tag: `!${name}`, resolve: (value: string) => value },
    { tag: `!${name}`, collection: 'seq' as const, resolve: <T>(value: T) => value },
    { tag: `!${name}`, collection: 'map' as const, resolve: <T>(value: T) => value },
  ]) as Tags;
  return customTags;
}

export interface ParsedYaml {
  /** Every document of the stream, in order (with each one's syntax errors: see yamlRequests.ts). */
  documents: Document.Parsed[];
  /**
   * Every comment, for `# sagemaker-spec-disable-next-line` (from the parser's tokens, so a `#`
   * inside a string never counts); none when the text has no such directive.
   */
  comments: HostComment[];
}

/**
 * Parses `text` as a YAML stream (YAML 1.2 core schema; never throws on bad YAML: errors stay in
 * each document's `errors`). Duplicate keys are kept, so `duplicate-key` can report them.
 * A stream that has errors only as YAML 1.2 reads flow collections' indentation is read as
 * CloudFormation and the AWS CLI read it (see flowIndentation.ts); otherwise the strict reading
 * stands, whose errors are placed where the text goes wrong (a `{` left open ends at the next
 * line under its key, not at the end of the file).
 */
export function parseYaml(text: string): ParsedYaml {
  const yaml = yamlModule();
  const strict = composeYaml(yaml, text, new yaml.Lexer());
  if (!strict.documents.some((document) => document.errors.length > 0) || !holdsFlowCollection(text)) return strict;
  const lexer = flowIndentationLenientLexer(yaml);
  const lenient = lexer && composeYaml(yaml, text, lexer);
  return lenient && lenient.documents.every((document) => document.errors.length === 0) ? lenient : strict;
}

function holdsFlowCollection(text: string): boolean {
  return text.includes('{') || text.includes('[');
}

/** The documents `lexer`'s tokens of `text` make, with the comments when a directive may be among them. */
function composeYaml(yaml: YamlModule, text: string, lexer: Lexer): ParsedYaml {
  const comments: HostComment[] = [];
  const parser = new yaml.Parser();
  const tokens = parsedTokens(parser, lexer, text);
  // Comments matter only for suppression directives: most texts have none, and skip the walk.
  // Tokens stream from the parser into the composer, as parseAllDocuments does: none are kept.
  const composer = new yaml.Composer({ customTags: cloudFormationTags(), uniqueKeys: false, prettyErrors: false, strict: false });
  try {
    const documents = [...composer.compose(mayHoldDirective(text) ? withComments(tokens, comments) : tokens, true, text.length)];
    return { documents, comments };
  } catch (error) {
    // The parser recurses once per block collection a line closes: a few thousand closed at once
    // (`- - - … x` on one line, then a key at the left) overflow the stack. The composer
    // catches its own overflow as a RESOURCE_EXHAUSTION error; this one is given the same.
    if (!(error instanceof RangeError)) throw error;
    return { documents: [tooDeepDocument(yaml, text, parser)], comments: [] };
  }
}

/**
 * The stream read as one document with nothing in it and one RESOURCE_EXHAUSTION error, at the
 * start of the deepest collection the parser still held open when its stack ran out.
 */
function tooDeepDocument(yaml: YamlModule, text: string, parser: Parser): Document.Parsed {
  const document = new yaml.Document() as unknown as Document.Parsed;
  document.range = [0, text.length, text.length];
  const offset = Math.min(parser.stack[parser.stack.length - 1]?.offset ?? parser.offset, text.length);
  document.errors.push(new yaml.YAMLParseError([offset, Math.min(offset + 1, text.length)], 'RESOURCE_EXHAUSTION', 'Maximum call stack size exceeded'));
  return document;
}

/** The parser's tokens from `lexer`'s lexemes: the `yaml` package's way of parsing with a lexer of one's own. */
function* parsedTokens(parser: Parser, lexer: Lexer, text: string): Generator<CST.Token> {
  for (const lexeme of lexer.lex(text)) yield* parser.next(lexeme);
  yield* parser.end();
}

/** The tokens as they come, noting the comments in each on the way. */
function* withComments<T>(tokens: Generator<T>, comments: HostComment[]): Generator<T> {
  for (const token of tokens) {
    collectComments(token, comments);
    yield token;
  }
}

/**
 * Comments anywhere in a CST token (document starts, map and sequence items, flow collections,
 * trailing ends): a walk over its arrays and child tokens, since comments may sit in any of them.
 */
function collectComments(token: unknown, comments: HostComment[]): void {
  if (Array.isArray(token)) {
    for (const item of token) collectComments(item, comments);
    return;
  }
  if (token === null || typeof token !== 'object') return;
  const record = token as Record<string, unknown>;
  if (record.type === 'comment' && typeof record.offset === 'number' && typeof record.source === 'string') {
    comments.push({ offset: record.offset, text: record.source });
    return;
  }
  // Scalars hold no comments: skip their string fields, walk only what may hold tokens.
  for (const key of ['start', 'items', 'key', 'sep', 'value', 'end', 'props']) {
    const child = record[key];
    if (child !== undefined && typeof child === 'object') collectComments(child, comments);
  }
}
