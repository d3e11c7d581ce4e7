import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { parseJson } from '../../src/core/jsonParse';
import { PARSE_ERROR, SCAN_ERROR, TOKEN, jsoncErrorCount } from '../../src/core/jsoncGrammar';
import { MAX_NESTING_DEPTH, scanJson } from '../../src/core/jsonScan';
import { EXAMPLES } from './cliTestKit';

/** The top-level keys of a tree that a colon follows. */
function treeMembers(root: Node | undefined): string[] {
  if (root?.type !== 'object') return [];
  return (root.children ?? []).filter((property) => property.colonOffset !== undefined).map((property) => property.children![0].value as string);
}

/** jsonc-parser's own tree and errors, as every JSON host read them before. */
function libraryParse(text: string): { root: Node | undefined; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  return { root, errors };
}

/**
 * A node without its parent links (they make cycles), for deepEqual. A property whose colon was
 * never read has `colonOffset` undefined in our tree and absent in parseTree's: the same to every
 * reader (`node.colonOffset`), and writing it up front saves a property store per member.
 */
function shape(node: Node | undefined): unknown {
  if (!node) return node;
  const { parent, children, ...rest } = node;
  if (rest.colonOffset === undefined) delete rest.colonOffset;
  assert.ok(parent === undefined || parent.children?.includes(node), 'every parent link points at a node that holds the child');
  return children ? { ...rest, children: children.map(shape) } : rest;
}

describe('the one-pass JSON parse (tree, top-level members and depth guard)', () => {
  const cases: Record<string, string> = {
    'comments of both kinds, with brackets and quotes in them': '{/* { "Fake": [ */ "A": 1, // "Fake2": {\n "B": {"C": [1, {"D": 2}]}}',
    'strings holding brackets, colons and escaped quotes': '{"A": "{[\\"x\\": ]}", "B\\u0041": "a:b", "C": ["]", "}"]}',
    'a trailing comma and nested keys that are not top-level': '{"A": {"Nested": 1}, "B": [{"Item": 2}],}',
    'an array at the top level': '[{"A": 1}]',
    'literals of every type': '{"s": "x", "n": -1.5e3, "t": true, "f": false, "z": null}',
    'half-typed: an unterminated string before a line break': '{"A": "abc\n, "B": 1}',
    'half-typed: a member without a value yet': '{"A": , "B": {"C":',
    'half-typed: a key without its colon': '{"A": 1, "B"\n}',
    'half-typed: objects and arrays left open at the end': '{"A": [1, {"B": 2, "C": [',
    'mismatched brackets': '{"A": [1}, "B": [{"C": 1], "D": {}}',
    'empty and nested containers': '{"A": [], "B": {}, "C": [[[]], {"D": [{}]}]}',
    'empty text': '',
    'text that is not JSON': 'hello: world',
    'every kind of white space, and characters the scanner refuses between tokens': '{\r\n\t"A":\u00a0 1,\f"B":\v2\u2028, "C"  \t\r\r\n: [ \t3 ]\n}',
    'an unterminated comment and an unterminated string at the end': '{"A": 1 /* open',
    'bad escapes, bad unicode and a bad number': '{"A": "\\q\\u12", "B": -, "C": 1e, "D": 0x1F}',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`builds jsonc-parser's tree and errors and the scan's members: ${name}`, () => {
      const parsed = parseJson(text);
      const library = libraryParse(text);
      assert.deepEqual(shape(parsed.root), shape(library.root));
      assert.deepEqual(parsed.parseErrors, library.errors);
      // The members are the tree's top-level keys that a colon follows; where brackets match, the scan's too.
      assert.deepEqual(parsed.topLevelMembers, treeMembers(library.root));
      if (!name.startsWith('mismatched')) assert.deepEqual(parsed.topLevelMembers, scanJson(text).topLevelMembers);
      assert.equal(parsed.tooDeepAt, undefined);
    });
  }

  it('reads mismatched brackets as the parser does, not as a bracket count would', () => {
    // The array closed by `}` ends there for jsonc-parser, and so does the object: "B" is no top-level member.
    assert.deepEqual(parseJson('{"A": [1}, "B": [{"C": 1], "D": {}}').topLevelMembers, ['A', 'D']);
  });

  it('agrees with jsonc-parser and the scan on every example', () => {
    for (const name of fs.readdirSync(EXAMPLES).filter((file) => /\.jsonc?$/.test(file))) {
      const text = fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
      const parsed = parseJson(text);
      assert.deepEqual(shape(parsed.root), shape(libraryParse(text).root), name);
      assert.deepEqual(parsed.topLevelMembers, scanJson(text).topLevelMembers, name);
    }
  });

  it('agrees with jsonc-parser on every prefix of a state machine and with any one character deleted (half-typed and broken text)', () => {
    // The first 700 characters: two Task states, Parameters with `.$` keys, arrays (a few seconds for the whole file).
    const text = fs.readFileSync(path.join(EXAMPLES, 'train-and-deploy.asl.json'), 'utf8').slice(0, 700);
    const variants = [];
    for (let end = 0; end <= text.length; end++) variants.push(text.slice(0, end));
    for (let at = 0; at < text.length; at++) variants.push(text.slice(0, at) + text.slice(at + 1));
    for (const variant of variants) {
      const parsed = parseJson(variant);
      const library = libraryParse(variant);
      assert.deepEqual(shape(parsed.root), shape(library.root), JSON.stringify(variant));
      assert.deepEqual(parsed.parseErrors, library.errors, JSON.stringify(variant));
      assert.deepEqual(parsed.topLevelMembers, treeMembers(library.root), JSON.stringify(variant));
      assert.equal(jsoncErrorCount(variant), library.errors.length, JSON.stringify(variant));
    }
  });

  it("names jsonc-parser's token, scan error and parse error codes by the library's own names and values", () => {
    // The library declares them as const enums; its runtime objects are what its scanner and parser use.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const library = require('jsonc-parser') as Record<string, Record<string, number>>;
    const ours: [string, Record<string, number>][] = [['SyntaxKind', TOKEN], ['ScanError', SCAN_ERROR], ['ParseErrorCode', PARSE_ERROR]];
    for (const [enumName, codes] of ours) {
      for (const [name, value] of Object.entries(codes)) assert.equal(value, library[enumName][name], `${enumName}.${name}`);
    }
  });

  it(`leaves out what is nested past ${MAX_NESTING_DEPTH} levels, keeps the rest, and names the bracket the scan names`, () => {
    const deep = '{"A": ' + '['.repeat(100) + ']'.repeat(100) + ', "B": 1}';
    const parsed = parseJson(deep);
    assert.equal(parsed.tooDeepAt, scanJson(deep).tooDeepAt);
    assert.equal(parsed.tooDeepAt, 6 + MAX_NESTING_DEPTH - 1);
    assert.deepEqual(parsed.parseErrors, []);
    // Every top-level name is read (the scan stops at the bracket), and "B" is in the tree.
    assert.deepEqual(parsed.topLevelMembers, ['A', 'B']);
    assert.deepEqual(treeMembers(parsed.root), ['A', 'B']);
    const b = parsed.root!.children![1].children![1];
    assert.deepEqual([b.type, b.value, b.offset], ['number', 1, deep.length - 2]);
    // The last list kept is the one at the limit, empty: the list past it is left out.
    let list = parsed.root!.children![0].children![1];
    let levels = 1;
    while (list.children?.length) {
      list = list.children[0];
      levels++;
    }
    assert.equal(levels, MAX_NESTING_DEPTH - 1);
  });

  it(`keeps the tree at exactly ${MAX_NESTING_DEPTH} levels`, () => {
    const atLimit = '['.repeat(MAX_NESTING_DEPTH) + ']'.repeat(MAX_NESTING_DEPTH);
    const parsed = parseJson(atLimit);
    assert.equal(parsed.tooDeepAt, undefined);
    assert.deepEqual(shape(parsed.root), shape(libraryParse(atLimit).root));
  });

  it('answers input deep enough to overflow the parser’s stack with the scan’s offset, without throwing', () => {
    const overflowing = '{"A": ' + '['.repeat(200_000) + ']'.repeat(200_000) + '}';
    assert.throws(() => parseTree(overflowing), RangeError, 'the input does overflow jsonc-parser (else this test proves nothing)');
    const parsed = parseJson(overflowing);
    assert.equal(parsed.tooDeepAt, 6 + MAX_NESTING_DEPTH - 1);
    assert.equal(parsed.root, undefined);
    assert.deepEqual(parsed.topLevelMembers, ['A']);
  });
});
