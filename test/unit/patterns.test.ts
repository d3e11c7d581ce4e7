import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ApiModelData } from '../../src/core/apiModel/apiModelData';
import { compilePattern, matchesPattern, translatePattern } from '../../src/core/apiModel/patterns';

const MODEL = path.resolve(__dirname, '..', '..', '..', 'data', 'api-model.json');

function matches(pattern: string, value: string): boolean {
  const regex = compilePattern(pattern);
  assert.ok(regex, `pattern ${pattern} was skipped`);
  return regex.test(value);
}

describe('model patterns in JavaScript', () => {
  it('anchors the unanchored model patterns: a_b is not a name', () => {
    const name = '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}';
    assert.equal(matches(name, 'a_b'), false);
    assert.equal(matches(name, 'my-job-1'), true);
    assert.equal(matches(name, 'x'.repeat(63)), true);
    assert.equal(matches(name, 'x'.repeat(64)), false);
    assert.equal(matches(name, '-a'), false);
  });

  it('translates Java POSIX classes, inside and outside brackets', () => {
    const lambda = 'arn:[\\p{Alnum}\\-]+:lambda:[\\p{Alnum}\\-]+:[0-9]{12}:function:.*';
    assert.equal(matches(lambda, 'arn:aws:lambda:us-east-1:123456789012:function:f'), true);
    assert.equal(matches(lambda, 'arn:aws:lambda:us_east_1:123456789012:function:f'), false);
    assert.equal(matches('\\p{XDigit}+', 'deadBEEF09'), true);
    assert.equal(matches('\\p{XDigit}+', 'xyz'), false);
    assert.equal(matches('\\p{Print}*', 'hello world ~'), true);
    assert.equal(matches('\\p{Print}*', 'tab\there'), false);
    assert.equal(matches('\\P{Digit}+', 'abc'), true);
    assert.equal(translatePattern('[\\p{Alnum}]').ok, true);
  });

  it('keeps Unicode categories and surrogate-pair ranges (u flag)', () => {
    const tagValue = '([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)';
    assert.equal(matches(tagValue, 'Équipe 42 @data/x=y'), true);
    assert.equal(matches(tagValue, 'a;b'), false);
    const xmlChars = '[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*';
    assert.equal(matches(xmlChars, 'emoji 🎉 ok\t'), true);
    assert.equal(matches(xmlChars, 'bell \u0007'), false);
  });

  it('drops escapes that u mode rejects and keeps lookbehinds', () => {
    const arnOrName = '(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:[a-z\\-]*\\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)';
    assert.equal(matches(arnOrName, 'my-model'), true);
    assert.equal(matches(arnOrName, 'my-model-'), false);
    assert.equal(matches('a\\-b', 'a-b'), true);
  });

  it('skips, never throws on, what it cannot translate', () => {
    for (const pattern of ['a++', '(?>a)', '[a-z&&[^b]]', '\\Qa.b\\E', '[a-z[A-Z]]', '\\p{javaLowerCase}', '(']) {
      assert.doesNotThrow(() => compilePattern(pattern), pattern);
      assert.equal(compilePattern(pattern), undefined, pattern);
    }
  });

  it('translates every pattern of the committed model', () => {
    const model = JSON.parse(fs.readFileSync(MODEL, 'utf8')) as ApiModelData;
    const patterns = new Set(Object.values(model.shapes).flatMap((shape) => (shape.type === 'string' && shape.pattern ? [shape.pattern] : [])));
    assert.ok(patterns.size >= 30);
    const skipped = [...patterns].filter((pattern) => compilePattern(pattern) === undefined);
    assert.deepEqual(skipped, []);
  });
});

describe('matchesPattern (remembers the last value that matched)', () => {
  const role = '^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$';

  it('answers each value as the regular expression does, whatever was asked before', () => {
    const asks = ['arn:aws:iam::123456789012:role/A', 'arn:aws:iam::123456789012:role/A', 'arn:aws:iam::12345678901:role/A', 'arn:aws:iam::123456789012:role/A', 'arn:aws:iam::123456789012:role/B', 'x'];
    assert.deepEqual(
      asks.map((value) => matchesPattern(role, value)),
      asks.map((value) => compilePattern(role)!.test(value)),
    );
    assert.deepEqual(asks.map((value) => matchesPattern(role, value)), [true, true, false, true, true, false]);
  });

  it('is undefined for a pattern JavaScript cannot run, as compilePattern skips it', () => {
    assert.equal(compilePattern('[a-z&&[^b]]'), undefined);
    assert.equal(matchesPattern('[a-z&&[^b]]', 'a'), undefined);
  });
});
