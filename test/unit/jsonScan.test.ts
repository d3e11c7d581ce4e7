import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTree } from 'jsonc-parser';
import { MAX_NESTING_DEPTH, scanJson } from '../../src/core/jsonScan';
import { memberNames } from '../../src/core/jsonTree';
import { EXAMPLES } from './cliTestKit';

/** The top-level member names as jsonc-parser's tree has them. */
function parsedNames(text: string): string[] {
  const root = parseTree(text, [], { allowTrailingComma: true });
  return root?.type === 'object' ? memberNames(root) : [];
}

describe('the flat scan that tells a JSON document’s kind', () => {
  const cases: Record<string, string> = {
    'comments of both kinds, with brackets and quotes in them': '{/* { "Fake": [ */ "A": 1, // "Fake2": {\n "B": {"C": [1, {"D": 2}]}}',
    'strings holding brackets, colons and escaped quotes': '{"A": "{[\\"x\\": ]}", "B\\u0041": "a:b", "C": ["]", "}"]}',
    'a trailing comma and nested keys that are not top-level': '{"A": {"Nested": 1}, "B": [{"Item": 2}],}',
    'an array at the top level': '[{"A": 1}]',
    'half-typed: an unterminated string before a line break': '{"A": "abc\n, "B": 1}',
    'half-typed: a member without a value yet': '{"A": , "B": {"C":',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`finds the members jsonc-parser finds: ${name}`, () => {
      assert.deepEqual(scanJson(text).topLevelMembers, parsedNames(text));
      assert.equal(scanJson(text).tooDeepAt, undefined);
    });
  }

  it('agrees with jsonc-parser on every example', () => {
    for (const name of fs.readdirSync(EXAMPLES).filter((file) => /\.jsonc?$/.test(file))) {
      const text = fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
      assert.deepEqual(scanJson(text).topLevelMembers, parsedNames(text), name);
    }
  });

  it(`stops at the bracket that goes deeper than ${MAX_NESTING_DEPTH} levels, outside strings and comments only`, () => {
    const deep = '{"A": ' + '['.repeat(100) + ']'.repeat(100) + '}';
    assert.equal(scanJson(deep).tooDeepAt, 6 + MAX_NESTING_DEPTH - 1);
    const inString = '{"A": "' + '['.repeat(100) + '", /* ' + '{'.repeat(100) + ' */ "B": 1}';
    assert.deepEqual(scanJson(inString), { topLevelMembers: ['A', 'B'] });
  });
});
