// Whether the nearest name is a clear fix (isClearNearest), which decides if a rule prefers it and
// fix-all may apply it.
import * as assert from 'node:assert/strict';
import { closestMatches, isClearNearest, isClearTypo } from '../../src/core/closestMatches';

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

describe('isClearTypo (suggestions ranked by version, not spelling)', () => {
  it('takes a typo of the first suggestion, or the one suggestion completing what was typed', () => {
    assert.equal(isClearTypo('2.0.1-gpuu-py310', ['2.0.1-gpu-py310', '2.0.1-cpu-py310', '2.0.0-gpu-py310']), true);
    assert.equal(isClearTypo('0.90-1', ['0.90-1-cpu-py3', '0.90-2-cpu-py3', '1.7-1']), true);
  });

  it('refuses another version, two completions, and a first suggestion that is not the nearest spelling', () => {
    assert.equal(isClearTypo('1.8-1', ['1.7-1', '1.5-1', '1.5-1-arm64']), false);
    // A changed digit is another version, however near: 2.4.1 → 2.4.0, 3.2-1 → 3.2-0, kmeans 2 → 1, even 1.7-l → 1.7-1.
    assert.equal(isClearTypo('2.4.1-gpu-py311', ['2.4.0-gpu-py311', '2.4.0-cpu-py311', '2.3.0-gpu-py311']), false);
    assert.equal(isClearTypo('3.2-1', ['3.2-0', '3.0-5', '1.7-1']), false);
    assert.equal(isClearTypo('2', ['1']), false);
    assert.equal(isClearTypo('1.7-l', ['1.7-1', '1.5-1', '1.3-1']), false);
    assert.equal(isClearTypo('2.6', ['2.6.0-gpu-py312', '2.6.0-cpu-py312']), false);
    assert.equal(isClearTypo('1.7-2', ['1.5-1', '1.7-1']), false);
    assert.equal(isClearTypo('1.7-1', []), false);
  });
});
