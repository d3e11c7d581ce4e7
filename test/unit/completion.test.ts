import * as assert from 'node:assert/strict';
import { completeAt, type CompletionResult } from '../../src/core/completion';
import { applyEdits } from '../../src/core/findings';
import { parseSpecDocument } from '../../src/core/specDocument';
import { catalog } from './specTestKit';

/** Completes at the `|` in `textWithCursor`. */
function complete(textWithCursor: string, env: Record<string, string> = { AWS_REGION: 'us-east-1' }): CompletionResult | undefined {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return completeAt(parseSpecDocument(text), offset, { catalog, regionInputs: { env } });
}

function accept(textWithCursor: string, label: string, env?: Record<string, string>): string {
  const result = complete(textWithCursor, env);
  const item = result?.items.find((candidate) => candidate.label === label);
  if (!item) throw new Error(`no item ${label} among ${JSON.stringify(result?.items.slice(0, 10).map((candidate) => candidate.label))}`);
  return applyEdits(textWithCursor.replace('|', ''), [item.edit]);
}

const training = (image: string) => `{"TrainingJobName": "j", "AlgorithmSpecification": {"TrainingImage": "${image}", "TrainingInputMode": "File"}}`;

describe('completion', () => {
  it('typing "xgb" offers every pinned XGBoost version of the target region, newest first', () => {
    const labels = complete(training('xgb|'))!.items.map((item) => item.label);
    const xgboost = labels.filter((label) => label.includes('/sagemaker-xgboost:'));
    assert.equal(labels[0], '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:3.2-0');
    assert.deepEqual(xgboost.slice(0, 3), [
      '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:3.2-0',
      '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:3.0-5',
      '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
    ]);
    assert.ok(!labels.some((label) => /xgboost:(1|latest)$/.test(label)), 'never the floating tags');
  });

  it('says what the image is and which region was used', () => {
    const item = complete(training('xgb|'))!.items[0];
    assert.equal(item.detail, 'XGBoost 3.2-0 · us-east-1 (from AWS_REGION)');
  });

  it('uses the region of the environment, with the right DNS suffix', () => {
    const labels = complete(training('kmeans|'), { AWS_REGION: 'cn-north-1' })!.items.map((item) => item.label);
    assert.ok(labels.length > 0);
    assert.ok(labels.every((label) => label.includes('.dkr.ecr.cn-north-1.amazonaws.com.cn/')), labels[0]);
  });

  it('accepting an item replaces the whole string content', () => {
    assert.equal(
      accept(training('xg|b-old-text'), '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1'),
      training('683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1'),
    );
  });

  it('offers only images built for the job: no inference-only images in a training job', () => {
    const labels = complete(training('pytorch|'))!.items.map((item) => item.label);
    assert.ok(labels.some((label) => label.includes('/pytorch-training:')));
    assert.ok(!labels.some((label) => label.includes('/pytorch-inference:')));
  });

  it('after a registry host, lists the repositories that account hosts in that region', () => {
    const result = complete(training('382416733822.dkr.ecr.us-east-1.amazonaws.com/km|'))!;
    assert.deepEqual(result.items.map((item) => item.label), ['kmeans']);
    assert.equal(result.items[0].edit.newText, '382416733822.dkr.ecr.us-east-1.amazonaws.com/kmeans:');
    assert.equal(result.items[0].retrigger, true);
  });

  it('after "repository:", lists its tags newest first, never latest or 1 for XGBoost', () => {
    const labels = complete(training('683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:|'))!.items.map((item) => item.label);
    assert.deepEqual(labels.slice(0, 3), ['3.2-0', '3.0-5', '1.7-1']);
    assert.ok(!labels.includes('1') && !labels.includes('latest'));
    assert.equal(
      accept(training('683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.|'), '1.7-1'),
      training('683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1'),
    );
  });

  describe('tags offered only where the rules accept them', () => {
    const SKLEARN = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn';
    const model = (image: string) => `{"ModelName": "m", "ExecutionRoleArn": "arn:aws:iam::123456789012:role/R", "PrimaryContainer": {"Image": "${image}"}}`;

    it('never offers the Graviton-only scikit-learn tag in a training job, but does for a model', () => {
      const inTraining = complete(training(`${SKLEARN}:|`))!.items.map((item) => item.label);
      assert.ok(inTraining.includes('1.2-1-cpu-py3'));
      assert.ok(!inTraining.includes('1.0-1-arm64-cpu-py3'));
      const inModel = complete(model(`${SKLEARN}:|`))!.items.map((item) => item.label);
      assert.ok(inModel.includes('1.0-1-arm64-cpu-py3'));
    });

    it('offers a failing tag only when nothing that passes matches, saying why', () => {
      const items = complete(training(`${SKLEARN}:1.0-1-arm|`))!.items;
      assert.deepEqual(items.map((item) => item.label), ['1.0-1-arm64-cpu-py3']);
      assert.match(items[0].detail ?? '', /Graviton inference only$/);
      // `1.0-1` also matches the passing 1.0-1-cpu-py3, so the Graviton tag stays out.
      assert.deepEqual(complete(training(`${SKLEARN}:1.0-1|`))!.items.map((item) => item.label), ['1.0-1-cpu-py3']);
    });

    it('offers inference-only Deep Learning Container tags in a training job only when nothing else matches', () => {
      const inference = '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference';
      const items = complete(training(`${inference}:2.6|`))!.items;
      assert.ok(items.length > 0);
      for (const item of items) assert.match(item.detail ?? '', /· inference only$/);
    });

    it('offers images with no scope (sagemaker-base-python) and the short-version tags the SDK emits', () => {
      const base = complete(training('081325390199.dkr.ecr.us-east-1.amazonaws.com/sagemaker-base-python-310:|'))!.items;
      assert.deepEqual(base.map((item) => item.label), ['1.0']);
      assert.ok(complete(training('base-python|'))!.items.some((item) => item.label.endsWith('/sagemaker-base-python-310:1.0')));
      const pytorch = complete(training('763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.8-|'))!.items.map((item) => item.label);
      assert.ok(pytorch.includes('2.8-gpu-py312'), pytorch.join(', '));
      const triton = complete(model('763104351884.dkr.ecr.us-east-1.amazonaws.com/sagemaker-tritonserver:25.09|'))!.items.map((item) => item.label);
      assert.deepEqual(triton, ['25.09-py3-cpu', '25.09-py3']);
    });
  });

  it('completes the access and input mode values, inside a string or as a new value', () => {
    const inString = complete('{"TrainingJobName": "j", "AlgorithmSpecification": {"TrainingImageConfig": {"TrainingRepositoryAccessMode": "|"}}}')!;
    assert.deepEqual(inString.items.map((item) => item.label), ['Platform', 'Vpc']);
    assert.equal(
      accept('{"ModelName": "m", "PrimaryContainer": {"ImageConfig": {"RepositoryAccessMode": |}}}', 'Vpc'),
      '{"ModelName": "m", "PrimaryContainer": {"ImageConfig": {"RepositoryAccessMode": "Vpc"}}}',
    );
    assert.deepEqual(complete(training('x').replace('"File"', '"|"'))!.items.map((item) => item.label), ['File', 'FastFile', 'Pipe']);
  });

  it('works in an unterminated string while typing', () => {
    const result = complete('{"TrainingJobName": "j", "AlgorithmSpecification": {"TrainingImage": "kmea|');
    assert.ok(result!.items.some((item) => item.label === '382416733822.dkr.ecr.us-east-1.amazonaws.com/kmeans:1'));
  });

  it('offers nothing outside image and mode values', () => {
    assert.equal(complete('{"TrainingJobName": "jo|b"}'), undefined);
    assert.equal(complete('{"name": "xgb|"}'), undefined);
  });
});
