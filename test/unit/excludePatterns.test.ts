import * as assert from 'node:assert/strict';
import { compileExcludePatterns, excludeListProblem, excludePatternProblem, MAX_EXCLUDE_PATTERN_COUNT } from '../../src/core/excludePatterns';

describe('exclude patterns (--exclude, "exclude")', () => {
  it('follow gitignore: unanchored names match at any depth, a leading or inner / anchors, a trailing / means folders', () => {
    const excluded = compileExcludePatterns(['fixtures/', '/generated', 'jobs/old/*.json', '*.draft.sagemaker.json']);
    assert.equal(excluded('fixtures/'), true);
    assert.equal(excluded('a/b/fixtures/'), true);
    assert.equal(excluded('fixtures/x.sagemaker.json'), true, 'a file in an excluded folder');
    assert.equal(excluded('fixtures'), false, 'fixtures/ matches folders only');
    assert.equal(excluded('generated/'), true);
    assert.equal(excluded('src/generated/'), false, 'a leading / anchors to the list\'s folder');
    assert.equal(excluded('jobs/old/a.json'), true);
    assert.equal(excluded('x/jobs/old/a.json'), false, 'a pattern with a / inside is anchored too');
    assert.equal(excluded('deep/er/train.draft.sagemaker.json'), true);
    assert.equal(excluded('train.sagemaker.json'), false);
  });

  it('re-include with !, later patterns winning, and are case-sensitive', () => {
    const excluded = compileExcludePatterns(['*.json', '!keep.json', 'Drafts/']);
    assert.equal(excluded('a.json'), true);
    assert.equal(excluded('keep.json'), false);
    assert.equal(excluded('sub/keep.json'), false);
    assert.equal(excluded('Drafts/'), true);
    assert.equal(excluded('drafts/'), false);
  });

  it('never exclude the folder itself or a path outside it', () => {
    const excluded = compileExcludePatterns(['*']);
    assert.equal(excluded(''), false);
    assert.equal(excluded('../a.json'), false);
    assert.equal(excluded('/etc/a.json'), false);
    assert.equal(excluded('a.json'), true);
    assert.equal(compileExcludePatterns([])('a.json'), false);
  });

  it('refuse what is not one pattern, or could make matching slow', () => {
    assert.equal(excludePatternProblem('  '), 'is empty');
    assert.equal(excludePatternProblem('#comment'), 'starts with "#", which makes it a comment in gitignore syntax: write "\\#" for a name starting with #');
    assert.equal(excludePatternProblem('\\#name'), undefined);
    assert.equal(excludePatternProblem('a\nb'), 'holds a line break: give one pattern per entry');
    assert.equal(excludePatternProblem('x'.repeat(1025)), 'is longer than 1024 characters');
    assert.match(excludePatternProblem('a/**/b/**/c') ?? '', /^has more than one "\*\*" between other parts/);
    for (const pattern of ['**/fixtures/**', 'a/**/b', '**', '/a/**/b/**', '!a/**/b', 'a/**/**/**/b']) assert.equal(excludePatternProblem(pattern), undefined, pattern);
    assert.equal(excludeListProblem(['a', 'b/']), undefined);
    assert.equal(excludeListProblem('a'), ' must be an array of gitignore-style pattern strings');
    assert.equal(excludeListProblem(Array.from({ length: MAX_EXCLUDE_PATTERN_COUNT + 1 }, (_, index) => `p${index}`)), `: more than ${MAX_EXCLUDE_PATTERN_COUNT} patterns`);
    assert.throws(() => compileExcludePatterns(['a', '#b']), /exclude: "#b" starts with "#"/);
  });

  it('match a run of ** segments as one, so a pattern from a repository cannot stall the walk', () => {
    // Unmerged, each ** is a nested (\/[^\/]+)* and this failing match backtracks for hours.
    const excluded = compileExcludePatterns([`a/${'**/'.repeat(12)}b`]);
    const deep = `a/${'x/'.repeat(40)}c`;
    const started = Date.now();
    assert.equal(excluded(deep), false);
    assert.equal(excluded(`a/${'x/'.repeat(40)}b`), true);
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
  });
});
