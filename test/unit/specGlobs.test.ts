import * as assert from 'node:assert/strict';
import { compileGlobs, globProblem, MAX_GLOB_COUNT, MAX_GLOB_LENGTH } from '../../src/core/specGlobs';

describe('spec globs (.sagemaker-spec.json "files")', () => {
  const matches = (glob: string, file: string) => compileGlobs([glob])(file);

  it('matches VS Code glob syntax: *, ?, **, [...], {...}, escapes; dot files included', () => {
    const table: [string, string, boolean][] = [
      ['**/*.sagemaker.json', 'x.sagemaker.json', true],
      ['**/*.sagemaker.json', 'a/b/x.sagemaker.json', true],
      ['**/*.sagemaker.json', '/abs/path/x.sagemaker.json', true],
      ['**/*.sagemaker.json', 'x.sagemaker.json.bak', false],
      ['jobs/*.json', 'jobs/a.json', true],
      ['jobs/*.json', 'jobs/a/b.json', false],
      ['jobs/*.json', 'other/jobs/a.json', false],
      ['jobs/**', 'jobs/a/b.json', true],
      ['jobs/**/*.json', 'jobs/x.json', true],
      ['jobs/**/*.json', 'jobs/a/b/x.json', true],
      ['*.{json,jsonc}', 'a.jsonc', true],
      ['*.{json,jsonc}', 'a.yaml', false],
      ['{a,b/**}/x', 'b/c/d/x', true],
      ['job?.json', 'job1.json', true],
      ['job?.json', 'job/.json', false],
      ['[ab].json', 'b.json', true],
      ['[!ab].json', 'b.json', false],
      ['[!ab].json', 'c.json', true],
      ['[a-c]x', 'bx', true],
      ['x[/]y', 'x/y', false],
      ['f(1)+.json', 'f(1)+.json', true],
      ['f(1)+.json', 'f11.json', false],
      ['*.json', '.hidden.json', true],
      ['é😀/*.json', 'é😀/a.json', true],
      ['\\*x', '*x', true],
      ['\\*x', 'ax', false],
    ];
    const wrong = table.filter(([glob, file, expected]) => matches(glob, file) !== expected);
    assert.deepEqual(wrong, []);
  });

  it('matches patterns that make backtracking matchers run for minutes, with the right answer', () => {
    // Each took from 100 s to many minutes with picomatch (extglobs on or off) against these names.
    const isMatch = compileGlobs(['**/*(*a)*(*a)*(*a)*(*a)!', `**/${'?*'.repeat(20)}!`, `**/${'[a-z]*'.repeat(150)}!`]);
    assert.equal(isMatch('a'.repeat(22)), false);
    assert.equal(isMatch(`${'d/'.repeat(2000)}${'a'.repeat(4000)}`), false);
    assert.equal(isMatch(`${'a'.repeat(30)}!`), true);
  });

  it('names what is wrong with a glob it refuses', () => {
    assert.equal(globProblem('jobs/**/*.json'), undefined);
    assert.equal(globProblem('a'.repeat(MAX_GLOB_LENGTH)), undefined);
    assert.equal(globProblem('a'.repeat(MAX_GLOB_LENGTH + 1)), `glob is longer than ${MAX_GLOB_LENGTH} characters`);
    assert.equal(globProblem('{a,b'), 'has a "{" without its "}"');
    assert.equal(globProblem('a}'), 'has a "}" without its "{"');
    assert.equal(globProblem('!jobs/*.json'), 'negated globs (leading "!") are not supported');
    assert.equal(globProblem('a\\'), 'ends with a lone "\\"');
    assert.throws(() => compileGlobs(Array.from({ length: MAX_GLOB_COUNT + 1 }, (_, index) => `${index}.json`)), /more than 256 globs/);
    assert.throws(() => compileGlobs(['ok.json', '{x']), /"\{x": has a "\{" without its "\}"/);
  });
});
