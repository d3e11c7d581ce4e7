import * as assert from 'node:assert/strict';
import { findSuppressions } from '../../src/core/suppressions';
import { analyzeText, codes, KMEANS_US_EAST_1, only, textAt, trainingSpec } from './specTestKit';

/** A complete training spec (JSONC) on `:latest`, with `comment` on the line above the image. */
function jsoncTrainingSpec(comment: string): string {
  const text = trainingSpec(`${KMEANS_US_EAST_1}:latest`);
  return comment ? text.replace('    "TrainingImage"', `    ${comment}\n    "TrainingImage"`) : text;
}

/** The codes found, without those of other rule families (these tests are about `latest-tag`). */
function latestTag(text: string): string[] {
  return codes(analyzeText(text)).filter((code) => code === 'latest-tag');
}

describe('suppression comments (// sagemaker-spec-disable-next-line)', () => {
  it('reports the finding without a comment', () => {
    assert.equal(textAt(jsoncTrainingSpec(''), only(analyzeText(jsoncTrainingSpec('')), 'latest-tag')), 'latest');
  });

  it('drops the named code on the next line', () => {
    assert.deepEqual(latestTag(jsoncTrainingSpec('// sagemaker-spec-disable-next-line latest-tag')), []);
  });

  it('drops every code when none is named, and accepts a reason after --', () => {
    assert.deepEqual(latestTag(jsoncTrainingSpec('// sagemaker-spec-disable-next-line')), []);
    assert.deepEqual(latestTag(jsoncTrainingSpec('// sagemaker-spec-disable-next-line -- base image decides')), []);
    assert.deepEqual(latestTag(jsoncTrainingSpec('// sagemaker-spec-disable-next-line latest-tag -- base image decides')), []);
  });

  it('accepts a comma-separated list of codes', () => {
    assert.deepEqual(latestTag(jsoncTrainingSpec('// sagemaker-spec-disable-next-line digest-recommended, latest-tag')), []);
  });

  it('keeps codes it does not name', () => {
    assert.deepEqual(latestTag(jsoncTrainingSpec('// sagemaker-spec-disable-next-line digest-recommended')), ['latest-tag']);
  });

  it('applies to the next line only', () => {
    const text = jsoncTrainingSpec('').replace('"TrainingJobName": "demo-job",', '// sagemaker-spec-disable-next-line latest-tag\n  "TrainingJobName": "demo-job",');
    assert.deepEqual(latestTag(text), ['latest-tag']);
  });

  it('does not count "//" inside a string', () => {
    const text = [
      '{',
      '  "TrainingJobName": "demo-job",',
      '  "Tags": [{"Key": "note", "Value": "// sagemaker-spec-disable-next-line"}],',
      `  "AlgorithmSpecification": {"TrainingImage": "${KMEANS_US_EAST_1}:latest", "TrainingInputMode": "File"}`,
      '}',
    ].join('\n');
    assert.deepEqual([...findSuppressions(text).keys()], []);
    assert.deepEqual(latestTag(text), ['latest-tag']);
  });

  it('ignores block comments and other line comments', () => {
    assert.deepEqual(latestTag(jsoncTrainingSpec('/* sagemaker-spec-disable-next-line */')), ['latest-tag']);
    assert.deepEqual(latestTag(jsoncTrainingSpec('// see sagemaker-spec-disable-next-line')), ['latest-tag']);
  });

  it('works with CRLF line ends and a trailing comment on the line before', () => {
    const text = jsoncTrainingSpec('').replace('"AlgorithmSpecification": {', '"AlgorithmSpecification": { // sagemaker-spec-disable-next-line latest-tag').replace(/\n/g, '\r\n');
    assert.deepEqual(latestTag(text), []);
  });

  it('finds directives by line', () => {
    const suppressions = findSuppressions('{\n// sagemaker-spec-disable-next-line a, b\n"x": 1,\n// sagemaker-spec-disable-next-line\n"y": 2}');
    assert.deepEqual([...suppressions.entries()].map(([line, suppressed]) => [line, suppressed === 'all' ? 'all' : [...suppressed]]), [
      [2, ['a', 'b']],
      [4, 'all'],
    ]);
  });
});
