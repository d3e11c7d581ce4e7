// Suggestions for an instance type a member does not take: a typo by spelling, a real instance
// type of another family or size by likeness (family, kind, size, generation).
import * as assert from 'node:assert/strict';
import { nearestInstanceTypes } from '../../src/core/nearestInstanceTypes';
import { analyzeText, KMEANS_US_EAST_1, only, trainingSpec } from './specTestKit';

/** What a member takes (a transform job's instance types, shortened). */
const TAKEN = ['ml.m4.xlarge', 'ml.m4.2xlarge', 'ml.c4.xlarge', 'ml.p2.xlarge', 'ml.p3.2xlarge', 'ml.c5.large', 'ml.c5.xlarge', 'ml.m5.large', 'ml.m5.xlarge', 'ml.m6i.large', 'ml.m7i.large', 'ml.g4dn.xlarge', 'ml.g5.xlarge', 'ml.r5.large'];
/** Every instance type SageMaker names: those and the ones other members take. */
const KNOWN = new Set([...TAKEN, 'ml.t2.medium', 'ml.g4dn.2xlarge', 'ml.inf1.xlarge', 'ml.r6i.large', 'ml.x1.32xlarge']);

describe('nearestInstanceTypes', () => {
  it('answers a typo by spelling', () => {
    assert.deepEqual(nearestInstanceTypes('ml.m5.xlarg', TAKEN, 2, KNOWN), ['ml.m5.xlarge', 'ml.m4.xlarge']);
    assert.deepEqual(nearestInstanceTypes('m5.xlarge', TAKEN, 1, KNOWN), nearestInstanceTypes('m5.xlarge', TAKEN, 1, new Set()));
  });

  it('answers a burstable medium instance with general-purpose ones of the nearest size, the newest first: not the GPU instance spelt nearest', () => {
    assert.deepEqual(nearestInstanceTypes('ml.t2.medium', TAKEN, 3, KNOWN), ['ml.m7i.large', 'ml.m6i.large', 'ml.m5.large']);
    // Unknown to SageMaker, the same text is read as a typo: by spelling.
    assert.equal(nearestInstanceTypes('ml.t2.medium', TAKEN, 1, new Set())[0], 'ml.p2.xlarge');
  });

  it('keeps to the family, at the nearest generation, before another family of the same size', () => {
    assert.deepEqual(nearestInstanceTypes('ml.g4dn.2xlarge', TAKEN, 3, KNOWN), ['ml.g4dn.xlarge', 'ml.g5.xlarge', 'ml.p3.2xlarge']);
    assert.deepEqual(nearestInstanceTypes('ml.r6i.large', TAKEN, 1, KNOWN), ['ml.r5.large']);
  });

  it('keeps to the kind when the family is not taken: accelerated for accelerated, memory for memory', () => {
    assert.deepEqual(nearestInstanceTypes('ml.inf1.xlarge', TAKEN, 2, KNOWN), ['ml.g5.xlarge', 'ml.g4dn.xlarge']);
    assert.deepEqual(nearestInstanceTypes('ml.x1.32xlarge', TAKEN, 1, KNOWN), ['ml.r5.large']);
  });

  it('through the API model rules: ml.t2.medium in a transform job gets general-purpose large instances, none preferred', () => {
    const text = JSON.stringify({ TransformJobName: 't', ModelName: 'm', TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/i' } } }, TransformOutput: { S3OutputPath: 's3://b/o' }, TransformResources: { InstanceType: 'ml.t2.medium', InstanceCount: 1 } }, null, 2);
    const finding = only(analyzeText(text), 'invalid-enum-value');
    assert.match(finding.message, /^"ml\.t2\.medium" is not a valid InstanceType: SageMaker offers ml\.t2\.medium for other members, not this one; the most alike ML instance types this one takes are "ml\.m\d+[a-z]*\.large", "ml\.m\d+[a-z]*\.large", "ml\.m\d+[a-z]*\.large"\.$/);
    assert.ok(finding.fixes.every((fix) => !fix.preferred));
  });

  it('through the API model rules: a real instance type a spelling away from one the member takes is no typo, and no fix is preferred (found by a fresh user)', () => {
    // ml.c5d.xlarge serves processing and endpoints; training takes ml.c5.xlarge, one letter away.
    const text = trainingSpec(`${KMEANS_US_EAST_1}:1`).replace('"InstanceType": "ml.m5.xlarge"', '"InstanceType": "ml.c5d.xlarge"');
    const finding = only(analyzeText(text), 'invalid-enum-value');
    assert.match(finding.message, /SageMaker offers ml\.c5d\.xlarge for other members, not this one/);
    assert.ok(finding.fixes.length > 0 && finding.fixes.every((fix) => !fix.preferred));
  });
});
