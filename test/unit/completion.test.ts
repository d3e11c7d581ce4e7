import * as assert from 'node:assert/strict';
import { completeAt, type CompletionResult } from '../../src/core/completion';
import { applyEdits } from '../../src/core/findings';
import { readPythonDocument } from '../../src/core/hostDocument';
import { completeInPython } from '../../src/core/hosts/python/pythonCompletion';
import { parseSpecDocument } from '../../src/core/specDocument';
import { analyzeText, apiModel, catalog } from './specTestKit';

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
  it('typing "xgb" offers every pinned XGBoost version of the target region, newest first, inserting the full reference', () => {
    const items = complete(training('xgb|'))!.items;
    const xgboost = items.filter((item) => item.label.startsWith('sagemaker-xgboost:'));
    assert.equal(items[0].label, 'sagemaker-xgboost:3.2-0');
    assert.deepEqual(xgboost.slice(0, 3).map((item) => item.label), ['sagemaker-xgboost:3.2-0', 'sagemaker-xgboost:3.0-5', 'sagemaker-xgboost:1.7-1']);
    assert.deepEqual(xgboost.slice(0, 3).map((item) => item.edit.newText), [
      '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:3.2-0',
      '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:3.0-5',
      '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
    ]);
    assert.ok(!items.some((item) => /xgboost:(1|latest)$/.test(item.label)), 'never the floating tags');
  });

  it('shows on every row what the image is (after the label) and whose registry in which region (as the description)', () => {
    const [item] = complete(training('xgb|'))!.items;
    assert.deepEqual(item.labelDetails, { detail: ' XGBoost 3.2-0', description: '683313688378 · us-east-1' });
    assert.equal(item.detail, '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:3.2-0');
    assert.match(item.documentation ?? '', /^XGBoost 3\.2-0 \(.*training.*\) from the SageMaker registry in us-east-1 \(from AWS_REGION\)\.$/);
  });

  it('gives rows labels that differ from each other, all the way down the list', () => {
    const items = complete(training('|'))!.items;
    assert.equal(items.length, 100);
    assert.equal(new Set(items.map((item) => item.label)).size, items.length);
    for (const item of items) assert.ok(!item.label.includes('dkr.ecr'), item.label);
  });

  it('filters on the text the editor filters with: what is typed first, then the reference, the framework and the title', () => {
    for (const typed of ['xgb', '683313688378', '683313688378.dkr.ecr.us-east-1']) {
      const items = complete(training(`${typed}|`))!.items;
      assert.ok(items.length > 0, typed);
      // The replaced range starts where `typed` starts, so the editor matches `typed` against filterText.
      for (const item of items) assert.ok(item.filterText!.startsWith(typed), `${typed}: ${item.filterText}`);
      assert.ok(items.every((item) => item.filterText!.includes(item.edit.newText)), typed);
    }
    const [xgboost] = complete(training('xgb|'))!.items;
    assert.equal(xgboost.filterText, 'xgb 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:3.2-0 xgboost XGBoost');
    // Typing on past the list asked for (`xgbo`) still finds the row in its filter text.
    assert.match(xgboost.filterText!.slice('xgb'.length), /xgbo/);
  });

  it('gives Python image arguments the same rows, replacing the string content', () => {
    const source = 'from sagemaker.estimator import Estimator\nestimator = Estimator(image_uri="xgb", role=role, instance_count=1, instance_type="ml.m5.xlarge")\n';
    const offset = source.indexOf('"xgb"') + 4;
    const result = completeInPython(readPythonDocument(source), offset, { catalog, regionInputs: { env: { AWS_REGION: 'us-east-1' } } })!;
    const [item] = result.items;
    assert.equal(item.label, 'sagemaker-xgboost:3.2-0');
    assert.deepEqual(item.labelDetails, { detail: ' XGBoost 3.2-0', description: '683313688378 · us-east-1' });
    assert.ok(item.filterText!.startsWith('xgb'));
    assert.equal(applyEdits(source, [item.edit]), source.replace('"xgb"', '"683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:3.2-0"'));
  });

  it('completes an SDK argument sent as a request member with the member\'s values: instance_type of an estimator, a processor, deploy (found by a fresh user)', () => {
    const at = (withCursor: string) => {
      const offset = withCursor.indexOf('|');
      const source = withCursor.replace('|', '');
      return { source, result: completeInPython(readPythonDocument(source), offset, { catalog, apiModel, regionInputs: { env: {} } }) };
    };
    const { source, result } = at('from sagemaker.estimator import Estimator\nest = Estimator(image_uri="x", role="r", instance_count=1, instance_type="ml.m5.x|large")\n');
    const labels = result!.items.map((item) => item.label);
    assert.equal(result!.typed, 'ml.m5.x');
    assert.ok(labels.includes('ml.m5.xlarge') && !labels.includes('ml.t2.medium'), 'training instance types (ResourceConfig.InstanceType)');
    const item = result!.items.find((candidate) => candidate.label === 'ml.m5.2xlarge')!;
    assert.equal(applyEdits(source, [item.edit]), source.replace('"ml.m5.xlarge"', '"ml.m5.2xlarge"'));
    const deploy = at('from sagemaker.estimator import Estimator\nest = Estimator(image_uri="x", role="r", instance_count=1, instance_type="ml.m5.xlarge")\np = est.deploy(initial_instance_count=1, instance_type="ml.t2.|")\n');
    assert.ok(deploy.result!.items.some((candidate) => candidate.label === 'ml.t2.medium'), 'endpoint instance types (ProductionVariants[0].InstanceType)');
    // Outside such a string (a role), nothing.
    assert.equal(at('from sagemaker.estimator import Estimator\nest = Estimator(image_uri="x", role="r|", instance_count=1, instance_type="ml.m5.xlarge")\n').result, undefined);
  });

  it('completes a boto3 request dict\'s image while the request is written, before its name member', () => {
    const source = 'import boto3\nsm = boto3.client("sagemaker")\nsm.create_training_job(AlgorithmSpecification={"TrainingImage": "xgb"})\n';
    const offset = source.indexOf('"xgb"') + 4;
    const result = completeInPython(readPythonDocument(source), offset, { catalog, regionInputs: { env: { AWS_REGION: 'us-east-1' } } })!;
    assert.equal(result.items[0].label, 'sagemaker-xgboost:3.2-0');
    assert.equal(applyEdits(source, [result.items[0].edit]), source.replace('"xgb"', '"683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:3.2-0"'));
  });

  it('uses the region of the environment, with the right DNS suffix', () => {
    const items = complete(training('kmeans|'), { AWS_REGION: 'cn-north-1' })!.items;
    assert.ok(items.length > 0);
    assert.ok(items.every((item) => item.edit.newText.includes('.dkr.ecr.cn-north-1.amazonaws.com.cn/')), items[0].edit.newText);
    assert.match(items[0].labelDetails?.description ?? '', /^\d{12} · cn-north-1$/);
  });

  it('accepting an item replaces the whole string content', () => {
    assert.equal(accept(training('xg|b-old-text'), 'sagemaker-xgboost:1.7-1'), training('683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1'));
  });

  it('offers only images built for the job: no inference-only images in a training job', () => {
    const labels = complete(training('pytorch|'))!.items.map((item) => item.label);
    assert.ok(labels.some((label) => label.startsWith('pytorch-training:')));
    assert.ok(!labels.some((label) => label.startsWith('pytorch-inference:')));
  });

  it('after a registry host, lists the repositories that account hosts in that region', () => {
    const result = complete(training('382416733822.dkr.ecr.us-east-1.amazonaws.com/km|'))!;
    assert.deepEqual(result.items.map((item) => item.label), ['kmeans']);
    assert.deepEqual(result.items[0].labelDetails, { detail: ' K-Means', description: '382416733822 · us-east-1' });
    assert.equal(result.items[0].edit.newText, '382416733822.dkr.ecr.us-east-1.amazonaws.com/kmeans:');
    assert.equal(result.items[0].retrigger, true);
  });

  it('after "repository:", lists its tags newest first, never latest or 1 for XGBoost', () => {
    const items = complete(training('683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:|'))!.items;
    const labels = items.map((item) => item.label);
    assert.deepEqual(labels.slice(0, 3), ['3.2-0', '3.0-5', '1.7-1']);
    assert.equal(items[0].labelDetails?.detail, ' XGBoost 3.2-0');
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
      assert.match(items[0].labelDetails?.description ?? '', /^Graviton inference only$/);
      // `1.0-1` also matches the passing 1.0-1-cpu-py3, so the Graviton tag stays out.
      assert.deepEqual(complete(training(`${SKLEARN}:1.0-1|`))!.items.map((item) => item.label), ['1.0-1-cpu-py3']);
    });

    it('offers inference-only Deep Learning Container tags in a training job only when nothing else matches', () => {
      const inference = '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference';
      const items = complete(training(`${inference}:2.6|`))!.items;
      assert.ok(items.length > 0);
      for (const item of items) assert.equal(item.labelDetails?.description, 'inference only');
    });

    it('offers images with no scope (sagemaker-base-python) and the short-version tags the SDK emits', () => {
      const base = complete(training('081325390199.dkr.ecr.us-east-1.amazonaws.com/sagemaker-base-python-310:|'))!.items;
      assert.deepEqual(base.map((item) => item.label), ['1.0']);
      assert.ok(complete(training('base-python|'))!.items.some((item) => item.label === 'sagemaker-base-python-310:1.0'));
      const pytorch = complete(training('763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.8-|'))!.items.map((item) => item.label);
      assert.ok(pytorch.includes('2.8-gpu-py312'), pytorch.join(', '));
      const triton = complete(model('763104351884.dkr.ecr.us-east-1.amazonaws.com/sagemaker-tritonserver:25.09|'))!.items.map((item) => item.label);
      assert.deepEqual(triton, ['25.09-py3-cpu', '25.09-py3']);
    });
  });

  it('after "repository:" under an account that does not serve it in that region, writes the serving account with the tag (found by a fresh user)', () => {
    const china = catalog.accountsForRepository('sagemaker-xgboost', 'cn-north-1')[0];
    assert.notEqual(china, '683313688378');
    const result = complete(training('683313688378.dkr.ecr.cn-north-1.amazonaws.com.cn/sagemaker-xgboost:|'))!;
    assert.equal(result.items[0].labelDetails?.description, `inference, training · account ${china}`);
    const fixed = accept(training('683313688378.dkr.ecr.cn-north-1.amazonaws.com.cn/sagemaker-xgboost:1.7|'), '1.7-1');
    assert.equal(fixed, training(`${china}.dkr.ecr.cn-north-1.amazonaws.com.cn/sagemaker-xgboost:1.7-1`));
    assert.deepEqual(analyzeText(fixed, { region: 'cn-north-1' }).filter((finding) => finding.code === 'registry-account-mismatch'), []);
    // The serving account's own tags stay as typed.
    assert.match(complete(training(`${china}.dkr.ecr.cn-north-1.amazonaws.com.cn/sagemaker-xgboost:|`))!.items[0].labelDetails!.description!, /^inference, training$/);
  });

  it('offers an image published without version tags untagged, as documented (Model Monitor), never in a training job', () => {
    const processing = (image: string) => `{"ProcessingJobName": "p", "AppSpecification": {"ImageUri": "${image}"}}`;
    const account = catalog.accountsForRepository('sagemaker-model-monitor-analyzer', 'us-east-1')[0];
    assert.equal(accept(processing('model-monitor|'), 'sagemaker-model-monitor-analyzer'), processing(`${account}.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer`));
    assert.ok(!complete(training('model-monitor|'))!.items.some((item) => item.label.startsWith('sagemaker-model-monitor-analyzer')));
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
    assert.ok(result!.items.some((item) => item.label === 'kmeans:1' && item.edit.newText === '382416733822.dkr.ecr.us-east-1.amazonaws.com/kmeans:1'));
  });

  it('offers nothing outside image and mode values', () => {
    assert.equal(complete('{"TrainingJobName": "jo|b"}'), undefined);
    assert.equal(complete('{"name": "xgb|"}'), undefined);
  });
});
