import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AlgorithmsData } from '../../src/core/algorithms/algorithmData';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const referenceDir = process.env.SAGEMAKER_SPEC_REFERENCE_DIR ? path.resolve(process.env.SAGEMAKER_SPEC_REFERENCE_DIR) : path.resolve(repoRoot, 'reference');

interface GeneratorModule {
  generateAlgorithms(referenceDir: string): string;
}

// See catalog-generated.test.ts: a Function body keeps tsc from turning import() into require().
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

describe('algorithm facts generator (scripts/generate-algorithms.mjs)', function () {
  let generator: GeneratorModule;
  const committed = () => fs.readFileSync(path.join(repoRoot, 'data', 'algorithms.json'), 'utf8');

  before(async () => {
    generator = (await importEsm(pathToFileURL(path.join(repoRoot, 'scripts', 'generate-algorithms.mjs')).href)) as GeneratorModule;
  });

  it('reproduces the committed data/algorithms.json byte for byte', () => {
    assert.ok(generator.generateAlgorithms(referenceDir) === committed(), 'data/algorithms.json is stale: run npm run generate');
  });

  it('keeps every algorithm of the reference, keyed by ECR repository', () => {
    const reference = JSON.parse(fs.readFileSync(path.join(referenceDir, 'builtin-algorithms', 'algorithms.json'), 'utf8')) as { algorithms: Record<string, { hyperparameters: object }> };
    const data = JSON.parse(committed()) as AlgorithmsData;
    assert.deepEqual(Object.keys(data.algorithms), Object.keys(reference.algorithms).sort());
    for (const [key, algorithm] of Object.entries(data.algorithms)) {
      assert.deepEqual(Object.keys(algorithm.hyperparameters), Object.keys(reference.algorithms[key].hyperparameters).sort(), key);
    }
  });

  it('takes the permissive value where sources disagree, and marks the field disputed', () => {
    const data = JSON.parse(committed()) as AlgorithmsData;
    const subsample = data.algorithms['sagemaker-xgboost'].hyperparameters.subsample;
    assert.equal(subsample.minInclusive, true); // the guide's [0,1] over the container's (0,1]
    assert.deepEqual(subsample.disputed, ['minInclusive']);
    assert.equal(data.algorithms.kmeans.hyperparameters.k.min, 1);
    assert.equal(data.algorithms.ntm.hyperparameters.epochs.max, undefined);
    assert.equal(data.algorithms.object2vec.hyperparameters.epochs.required, undefined);
    assert.ok(data.algorithms['linear-learner'].hyperparameters.loss.allowedValues?.includes('softmax_loss'));
  });

  it('rates container facts as container evidence and guide or SDK facts as documentation', () => {
    const data = JSON.parse(committed()) as AlgorithmsData;
    assert.equal(data.algorithms['sagemaker-xgboost'].hyperparameters.num_round.evidence, 'container');
    assert.equal(data.algorithms['sagemaker-xgboost'].channels.train.evidence, 'container');
    assert.equal(data.algorithms.xgboost.hyperparameters.num_round.evidence, 'documentation');
    assert.equal(data.algorithms['linear-learner'].hyperparameters.predictor_type.evidence, 'documentation');
  });

  it("carries XGBoost's cross-hyperparameter rules with the versions that run them", () => {
    const xgboost = JSON.parse(committed()).algorithms['sagemaker-xgboost'] as AlgorithmsData['algorithms'][string];
    const rulesOf = (name: string) => (xgboost.hyperparameters[name].rules ?? []).map((rule) => [rule.rule, 'since' in rule ? rule.since : undefined]);
    // eval_metric without objective fails from 1.2-1 only (read from the container; the reference gives no version).
    assert.deepEqual(rulesOf('eval_metric'), [
      ['requires-parameter', '1.2-1'],
      ['metric-needs-objective-prefix', undefined],
      ['metric-needs-objective', '1.2-1'],
      ['threshold-form', undefined],
      ['no-callables', undefined],
    ]);
    assert.deepEqual(rulesOf('monotone_constraints'), [['requires-parameter-value', '1.0-1']]);
    assert.deepEqual(rulesOf('updater').map(([rule]) => rule), ['gblinear-single-linear-updater', 'process-update-plugins', 'single-tree-grow-plugin']);
    // The multi-class rule on objective is num_class's requiredWhen, not a second rule.
    assert.equal(xgboost.hyperparameters.objective.rules, undefined);
    assert.ok(xgboost.hyperparameters.updater.list?.itemAllowedValues?.includes('grow_local_histmaker'));
  });

  it('copies no prose from the reference', () => {
    assert.doesNotMatch(committed(), /"(notes|note|defaultNote|conditionNote)":/);
  });
});
