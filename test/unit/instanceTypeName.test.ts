// The parts of an instance type's name, and the GPU judgement that falls back on its family when
// the SDK's GPU table does not list the type.
import * as assert from 'node:assert/strict';
import { InstanceGpuTable } from '../../src/core/catalog';
import { parseInstanceType } from '../../src/core/instanceTypeName';
import { instanceHasGpus } from '../../src/core/rules/processorRule';

describe('instance type names', () => {
  it('reads family, generation, options and size on one scale', () => {
    assert.deepEqual(parseInstanceType('ml.g4dn.xlarge'), { family: 'g', generation: 4, options: 'dn', size: 5 });
    assert.deepEqual(parseInstanceType('ml.m7i-flex.large'), { family: 'm', generation: 7, options: 'i-flex', size: 4 });
    assert.deepEqual(parseInstanceType('ml.p4d.24xlarge')?.size, 5 + Math.log2(24));
    assert.deepEqual(parseInstanceType('ml.trn1.32xlarge')?.family, 'trn');
    for (const name of ['ml.m5.xlarg', 'm5.xlarge', 'local', 'ml.m.xlarge', '']) assert.equal(parseInstanceType(name), undefined, name);
  });

  it('judges GPUs by the table first, else by family: g and p have them, m, c, r and t not, others unknown', () => {
    const table = new InstanceGpuTable({ instances: { 'ml.g5.xlarge': { gpus: 1 }, 'ml.m5.xlarge': { gpus: 0 } } } as never);
    assert.equal(instanceHasGpus(table, 'ml.g5.xlarge'), true);
    assert.equal(instanceHasGpus(table, 'ml.m5.xlarge'), false);
    assert.equal(instanceHasGpus(table, 'ml.g9.48xlarge'), true);
    assert.equal(instanceHasGpus(table, 'ml.p9e.48xlarge'), true);
    assert.equal(instanceHasGpus(table, 'ml.c9gd.large'), false);
    assert.equal(instanceHasGpus(table, 'ml.t9.medium'), false);
    assert.equal(instanceHasGpus(table, 'ml.inf9.xlarge'), undefined);
    assert.equal(instanceHasGpus(table, 'ml.m5.xlarg'), undefined);
  });
});
