// Whether the nearest name is a clear fix (isClearNearest), which decides if a rule prefers it and
// fix-all may apply it.
import * as assert from 'node:assert/strict';
import { closestMatches, isClearNearest } from '../../src/core/closestMatches';

describe('isClearNearest', () => {
  const clear = (target: string, names: string[]) => isClearNearest(target, closestMatches(target, names, 3));

  it('takes a typo or a shortened name with one nearest name', () => {
    assert.equal(clear('ml.m5.xlarg', ['ml.m5.xlarge', 'ml.m5.large', 'ml.c5.xlarge']), true);
    assert.equal(clear('Single', ['SingleModel', 'MultiModel']), true);
    assert.equal(clear('file', ['File', 'Pipe', 'FastFile']), true);
  });

  it('refuses equally near names and names far from the target', () => {
    assert.equal(clear('ml.m6.large', ['ml.m5.large', 'ml.m6i.large', 'ml.m6g.large']), false);
    assert.equal(clear('eu-wset-1', ['eu-west-2', 'eu-west-3', 'ca-west-1']), false);
    assert.equal(clear('base', ['Tags', 'ModelName']), false);
    assert.equal(clear('File # sagemaker-spec-disable-line invalid-enum-value', ['File', 'Pipe', 'FastFile']), false);
    assert.equal(isClearNearest('x', []), false);
  });
});
