import * as assert from 'node:assert/strict';
import { allowedCharacters, breaksPatternBesidesLength, lengthFreePattern, withForbiddenCharactersReplaced } from '../../src/core/rules/patternConstraints';

const JOB_NAME = '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}';

describe('pattern constraints', () => {
  it('loosens counted quantifiers and + but not braces inside classes or escapes', () => {
    assert.equal(lengthFreePattern(JOB_NAME)!.test('a'.repeat(200)), true);
    assert.equal(lengthFreePattern(JOB_NAME)!.test('a_b'), false);
    assert.equal(lengthFreePattern('arn:aws:iam::\\d{12}:role/.+')!.test('arn:aws:iam::1:role/'), true);
    assert.equal(lengthFreePattern('[{]x{2}')!.test('{'), true);
    assert.equal(lengthFreePattern('[{]x{2}')!.test('x'), false);
  });

  it('knows the allowed characters of simple patterns only', () => {
    const job = allowedCharacters(JOB_NAME)!;
    assert.deepEqual(['a', 'Z', '7', '-', '_', '.', ' '].map(job), [true, true, true, true, false, false, false]);
    const ids = allowedCharacters('[-0-9a-zA-Z]+')!;
    assert.deepEqual(['-', '0', '.', '/'].map(ids), [true, true, false, false]);
    const channel = allowedCharacters('[A-Za-z0-9\\.\\-_]+')!;
    assert.deepEqual(['.', '-', '_', '/', '9'].map(channel), [true, true, true, false, true]);
    assert.equal(allowedCharacters('arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+'), undefined);
    assert.equal(allowedCharacters('.*'), undefined);
    assert.equal(allowedCharacters('[^a-z]+'), undefined);
  });

  it('replaces runs of forbidden characters, only when the result matches', () => {
    assert.equal(withForbiddenCharactersReplaced('my_job_name', JOB_NAME), 'my-job-name');
    assert.equal(withForbiddenCharactersReplaced('my-job', JOB_NAME), undefined);
    assert.equal(withForbiddenCharactersReplaced('___', JOB_NAME), undefined);
    assert.equal(withForbiddenCharactersReplaced('my-var', '[a-zA-Z_][a-zA-Z0-9_]{0,1023}'), 'my_var');
    assert.equal(withForbiddenCharactersReplaced('a b', '[a-z]+'), undefined);
  });

  it('judges a value beyond its length limit by what else is wrong, megabytes in linear time', () => {
    const started = Date.now();
    assert.equal(breaksPatternBesidesLength('a'.repeat(10 * 1024 * 1024), JOB_NAME), false);
    assert.equal(breaksPatternBesidesLength(`${'a'.repeat(10 * 1024 * 1024)}_`, JOB_NAME), true);
    // Native scans take milliseconds; the bound leaves room for a loaded machine.
    assert.ok(Date.now() - started < 5000);
    assert.equal(breaksPatternBesidesLength('', JOB_NAME), false);
    assert.equal(breaksPatternBesidesLength('short', 'arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+'), true);
    assert.equal(breaksPatternBesidesLength('arn:aws:iam::1:role/r', 'arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+'), false);
  });
});
