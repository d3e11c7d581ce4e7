import * as assert from 'node:assert/strict';
import { SDK_ESTIMATOR_CLASSES } from '../../src/core/algorithms/sdkEstimatorClasses';
import { AMAZON_ESTIMATORS } from '../../src/core/hosts/python/pythonAmazonEstimators';
import { algorithmFindings, algorithmSummary as summary, applyPythonFix, onlyAlgorithmFinding as only, sourceAt as source } from './pythonTestKit';
import { algorithms } from './specTestKit';


/** A notebook cell: `name = Class(role, instance_count=1, instance_type=…, <arguments>)`, then `after`. */
function script(className: string, arguments_: string, after = '', instanceType = 'ml.m5.xlarge', name = 'estimator'): string {
  return `import sagemaker
from sagemaker import ${className}

${name} = ${className}(
    role=role,
    instance_count=1,
    instance_type="${instanceType}",${arguments_ ? `\n    ${arguments_},` : ''}
)
${after}`;
}

interface EstimatorCase {
  className: string;
  /** The arguments of a job the algorithm accepts (its required hyperparameters). */
  passing: string;
  /** Arguments that break one fact, the finding's code and the source it is reported on. */
  violating: string;
  code: string;
  on: string;
  instanceType?: string;
}

const CASES: EstimatorCase[] = [
  { className: 'KMeans', passing: 'k=10, init_method="kmeans++"', violating: 'k=10, init_method="kmeans+"', code: 'algorithm-invalid-hyperparameter', on: 'kmeans+' },
  { className: 'LinearLearner', passing: 'predictor_type="binary_classifier", use_bias=True', violating: 'predictor_type="binary"', code: 'algorithm-invalid-hyperparameter', on: 'binary' },
  { className: 'PCA', passing: 'num_components=3', violating: 'num_components=3, algorithm_mode="fast"', code: 'algorithm-invalid-hyperparameter', on: 'fast' },
  { className: 'LDA', passing: 'num_topics=5', violating: 'num_topics=5', code: 'algorithm-instance', on: 'ml.p3.2xlarge', instanceType: 'ml.p3.2xlarge' },
  { className: 'NTM', passing: 'num_topics=20, encoder_layers=[100, 50]', violating: 'num_topics=1', code: 'algorithm-invalid-hyperparameter', on: '1' },
  { className: 'KNN', passing: 'k=5, sample_size=1000, predictor_type="classifier"', violating: 'k=5, predictor_type="classifier"', code: 'algorithm-missing-hyperparameter', on: 'KNN' },
  { className: 'FactorizationMachines', passing: 'num_factors=8, predictor_type="regressor"', violating: 'num_factors=0, predictor_type="regressor"', code: 'algorithm-invalid-hyperparameter', on: '0' },
  { className: 'RandomCutForest', passing: 'num_trees=100, eval_metrics=["accuracy"]', violating: 'num_trees=10', code: 'algorithm-invalid-hyperparameter', on: '10' },
  { className: 'IPInsights', passing: 'num_entity_vectors=10000, vector_dim=128', violating: 'num_entity_vectors=10000, vector_dim=2', code: 'algorithm-invalid-hyperparameter', on: '2' },
  { className: 'Object2Vec', passing: 'epochs=10, enc0_max_seq_len=50, enc0_vocab_size=1000', violating: 'epochs=10, enc0_max_seq_len=0, enc0_vocab_size=1000', code: 'algorithm-invalid-hyperparameter', on: '0' },
];

describe('built-in algorithm rules on the SDK Amazon algorithm estimators (KMeans(k=…), …)', () => {
  for (const entry of CASES) {
    it(`${entry.className}: one violating and one passing job`, () => {
      const violating = script(entry.className, entry.violating, '', entry.instanceType);
      assert.deepEqual(summary(violating), [[entry.code, entry.on]]);
      assert.deepEqual(summary(script(entry.className, entry.passing)), []);
    });
  }

  it('knows the keywords of every class from the facts (sdkKeyword), each class its own algorithm', () => {
    for (const [className, estimator] of Object.entries(AMAZON_ESTIMATORS)) {
      const facts = algorithms.data.algorithms[estimator.repository];
      assert.ok(facts, `${className}: no facts for ${estimator.repository}`);
      const keywords = new Set(Object.values(facts.hyperparameters).map((hyperparameter) => hyperparameter.sdkKeyword));
      for (const keyword of Object.values(estimator.types).flat()) assert.ok(keywords.has(keyword), `${className}.${keyword} sets no hyperparameter`);
    }
  });

  it('never reports feature_dim or mini_batch_size missing: the SDK fills them at fit()', () => {
    // PCA and LDA require both; the estimator sets them from the record set at fit().
    assert.deepEqual(summary(script('PCA', 'num_components=3', 'estimator.fit(estimator.record_set(train_array))\n')), []);
    assert.deepEqual(summary(script('LDA', 'num_topics=5')), []);
    // The generic Estimator fills nothing: the same job there must set them.
    const generic = `from sagemaker.estimator import Estimator
pca = Estimator(image_uri="382416733822.dkr.ecr.us-east-1.amazonaws.com/pca:1", role=role, instance_count=1, instance_type="ml.m5.xlarge", hyperparameters={"num_components": 3})
`;
    const missing = algorithmFindings(generic);
    assert.deepEqual(missing.map((finding) => finding.code), ['algorithm-missing-hyperparameter', 'algorithm-missing-hyperparameter']);
    assert.match(missing[0].message, /"feature_dim".*the SDK's PCA\(…\) estimator fills it in at fit\(\); a request written by hand or with the generic Estimator must set it/);
  });

  it('names the algorithm\'s own estimator class where the SDK fills a hyperparameter: KMeans(…) for K-Means, not PCA(…) (found by a fresh user)', () => {
    const kmeans = `from sagemaker.estimator import Estimator
km = Estimator(image_uri="382416733822.dkr.ecr.us-east-1.amazonaws.com/kmeans:1", role=role, instance_count=1, instance_type="ml.m5.xlarge", hyperparameters={"k": 3})
`;
    const missing = algorithmFindings(kmeans).find((finding) => finding.message.includes('"feature_dim"'));
    assert.ok(missing);
    assert.match(missing.message, /\(the SDK's KMeans\(…\) estimator fills it in at fit\(\);/);
    assert.doesNotMatch(missing.message, /PCA/);
  });

  it('every algorithm whose hyperparameters the SDK fills has its estimator class named, the class the Python host reads for its repository', () => {
    for (const [className, estimator] of Object.entries(AMAZON_ESTIMATORS)) assert.equal(SDK_ESTIMATOR_CLASSES[estimator.repository], className, estimator.repository);
    assert.equal(Object.keys(SDK_ESTIMATOR_CLASSES).length, Object.keys(AMAZON_ESTIMATORS).length);
    for (const [repository, facts] of Object.entries(algorithms.data.algorithms)) {
      if (Object.values(facts.hyperparameters).some((hyperparameter) => hyperparameter.setBySdk)) assert.ok(Object.hasOwn(SDK_ESTIMATOR_CLASSES, repository), repository);
    }
  });

  it('reports a required hyperparameter missing on the class name and adds it as a keyword argument', () => {
    const text = script('KMeans', 'init_method="random"');
    const missing = only(text, 'algorithm-missing-hyperparameter');
    assert.equal(source(text, missing), 'KMeans');
    const fixed = applyPythonFix(text, missing);
    assert.ok(fixed.includes('    init_method="random",\n    k="",\n)'), fixed);
    // The placeholder is reported until it is filled.
    assert.deepEqual(summary(fixed), [['algorithm-invalid-hyperparameter', '']]);
    assert.deepEqual(summary(fixed.replace('k=""', 'k=8')), []);
  });

  it('fixes a value in place: the nearest allowed value, as Python', () => {
    const text = script('KMeans', 'k=10, init_method="kmeans+"');
    const invalid = only(text, 'algorithm-invalid-hyperparameter');
    assert.ok(applyPythonFix(text, invalid).includes('    k=10, init_method="kmeans++",\n'));
  });

  it('maps a keyword named for its class attribute to the hyperparameter (max_iterations= sets local_lloyd_max_iter)', () => {
    const text = script('KMeans', 'k=10, max_iterations=0, tol=1.5');
    const findings = algorithmFindings(text);
    assert.deepEqual(findings.map((finding) => [finding.code, source(text, finding)]), [
      ['algorithm-invalid-hyperparameter', '0'],
      ['algorithm-invalid-hyperparameter', '1.5'],
    ]);
    assert.match(findings[0].message, /"local_lloyd_max_iter" \(max_iterations=\): "0" is below the lower bound 1 \(inclusive\)/);
    assert.match(findings[1].message, /"local_lloyd_tol" \(tol=\): "1\.5" is above the upper bound 1/);
    // Keyword arguments that set no hyperparameter are the estimator's own: never reported.
    assert.deepEqual(summary(script('KMeans', 'k=10, output_path="s3://b/out/", max_run=3600, base_job_name="km"')), []);
  });

  it('judges a value as the SDK sends it: converted by the hp data type, then str()', () => {
    // int(3.9) is 3: below IP Insights' lower bound 4.
    const truncated = script('IPInsights', 'num_entity_vectors=10000, vector_dim=3.9');
    assert.match(only(truncated, 'algorithm-invalid-hyperparameter').message, /"3" is below the lower bound 4/);
    assert.deepEqual(summary(script('IPInsights', 'num_entity_vectors="10000", vector_dim=4.2')), []);
    // int("auto") raises in the SDK: judged as written.
    const auto = script('KNN', 'k="auto", sample_size=1000, predictor_type="classifier"');
    assert.match(only(auto, 'algorithm-invalid-hyperparameter').message, /"auto" is not an integer/);
    // A list is sent as json.dumps(list(value)): a string becomes its characters.
    const listed = script('KMeans', 'k=10, eval_metrics="msd"');
    assert.deepEqual(summary(listed), [['algorithm-invalid-hyperparameter', '"msd"']]);
    assert.match(only(listed, 'algorithm-invalid-hyperparameter').message, /the item "m" is not one of the allowed values/);
    assert.deepEqual(summary(script('KMeans', 'k=10, eval_metrics=["msd", "ssd"]')), []);
    assert.deepEqual(summary(script('KMeans', 'k=10, eval_metrics=["msd", "sdd"]')), [['algorithm-invalid-hyperparameter', '["msd", "sdd"]']]);
    // bool(): True is sent as "True", which the linear learner reads whatever the case.
    assert.deepEqual(summary(script('LinearLearner', 'predictor_type="regressor", normalize_data=True, learning_rate=1')), []);
  });

  it('never judges dynamic values, and never reports missing hyperparameters it cannot see', () => {
    assert.deepEqual(summary(script('KMeans', 'k=n_clusters, init_method=method')), []);
    assert.deepEqual(summary(script('KMeans', 'k=None')), []);
    assert.deepEqual(summary(script('KMeans', '**params')), []);
    // Hyperparameters set as attributes later: `estimator.k = 10`.
    assert.deepEqual(summary(script('KMeans', '', 'estimator.k = 10\n')), []);
    // An estimator not bound to a name.
    assert.deepEqual(summary(script('KMeans', '').replace('estimator = KMeans(', 'run(KMeans(').replace(/\)\n$/, '))\n')), []);
    // Another attribute set later does not hide a missing k.
    assert.deepEqual(summary(script('KMeans', '', 'estimator.output_path = "s3://b/o/"\n')), [['algorithm-missing-hyperparameter', 'KMeans']]);
  });

  it('reads positional arguments in the constructor order (LDA takes no positional instance_count)', () => {
    const text = 'from sagemaker import LDA\nlda = LDA(role, "ml.p3.2xlarge", 0)\n';
    assert.deepEqual(summary(text), [
      ['algorithm-instance', 'ml.p3.2xlarge'],
      ['algorithm-invalid-hyperparameter', '0'],
    ]);
    assert.deepEqual(summary('from sagemaker import KMeans\nkm = KMeans(role, 1, "ml.c5.xlarge", 10)\n'), []);
    const count = 'from sagemaker import LDA\nlda = LDA(role, "ml.c5.xlarge", 5, instance_count=2)\n';
    assert.ok(applyPythonFix(count, only(count, 'algorithm-instance')).includes('instance_count=1)'));
  });

  it('reads the classes only when imported from sagemaker', () => {
    const job = 'k=10, init_method="kmeans+"';
    const bad = [['algorithm-invalid-hyperparameter', 'kmeans+']];
    assert.deepEqual(summary(`import sagemaker\nkm = sagemaker.KMeans(role=role, instance_count=1, instance_type="ml.m5.xlarge", ${job})\n`), bad);
    assert.deepEqual(summary(`import sagemaker as sm\nkm = sm.KMeans(role=role, instance_count=1, instance_type="ml.m5.xlarge", ${job})\n`), bad);
    assert.deepEqual(summary(`from sagemaker.amazon.kmeans import KMeans as KM\nkm = KM(role=role, instance_count=1, instance_type="ml.m5.xlarge", ${job})\n`), bad);
    assert.deepEqual(summary(`from sagemaker.amazon import kmeans\nkm = kmeans.KMeans(role=role, instance_count=1, instance_type="ml.m5.xlarge", ${job})\n`), bad);
    // scikit-learn's PCA and LDA are other classes.
    assert.deepEqual(summary('from sklearn.decomposition import PCA\npca = PCA(n_components=2)\n'), []);
    assert.deepEqual(summary('from sklearn.discriminant_analysis import LinearDiscriminantAnalysis as LDA\nlda = LDA(solver="svd")\n'), []);
    assert.deepEqual(summary(`km = KMeans(role=role, instance_count=1, instance_type="ml.m5.xlarge", ${job})\n`), []);
  });

  it('leaves script mode alone: a framework estimator with entry_point= gets no algorithm rules', () => {
    const text = `from sagemaker import KMeans
from sagemaker.sklearn import SKLearn
sk = SKLearn(entry_point="train.py", role=role, instance_count=2, instance_type="ml.m5.xlarge", framework_version="1.2-1", hyperparameters={"k": 0})
sk.fit("s3://b/t/")
`;
    assert.deepEqual(summary(text), []);
  });

  it('reads fit(record_set): the channel record_set(channel=…) names, train by default', () => {
    const fit = (after: string) => script('KMeans', 'k=10', after);
    assert.deepEqual(summary(fit('estimator.fit(estimator.record_set(train_array))\n')), []);
    assert.deepEqual(summary(fit('records = estimator.record_set(train_array, labels)\nestimator.fit(records, mini_batch_size=500)\n')), []);
    assert.deepEqual(summary(fit('estimator.fit([estimator.record_set(a), estimator.record_set(b, channel="test")])\n')), []);
    assert.deepEqual(summary(fit('estimator.fit(RecordSet("s3://b/manifest", num_records=10, feature_dim=4))\n')), []);
    // A test channel only: train is missing.
    const onlyTest = fit('estimator.fit(estimator.record_set(b, channel="test"))\n');
    assert.deepEqual(summary(onlyTest), [['algorithm-channel', 'fit']]);
    // A misnamed channel, fixed in place.
    const misnamed = fit('estimator.fit(estimator.record_set(a, channel="training"))\n');
    const unknown = algorithmFindings(misnamed).find((finding) => source(misnamed, finding) === 'training')!;
    assert.equal(unknown.code, 'algorithm-channel');
    assert.ok(applyPythonFix(misnamed, unknown).includes('channel="train"))'));
    // What cannot be followed stays open: no missing channel.
    assert.deepEqual(summary(fit('estimator.fit(load_records())\n')), []);
    assert.deepEqual(summary(fit('estimator.fit(estimator.record_set(a, channel=name))\n')), []);
  });
});

describe('fit(…) with a single input: the SDK names the channel "training"', () => {
  const xgboost = (fit: string) => `from sagemaker.estimator import Estimator
from sagemaker.inputs import TrainingInput
xgb = Estimator(image_uri="683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1", role=role, instance_count=1, instance_type="ml.m5.xlarge")
xgb.set_hyperparameters(num_round=10)
${fit}
`;

  for (const [form, input] of [
    ['an S3 URI', '"s3://b/t/"'],
    ['TrainingInput(…)', 'TrainingInput("s3://b/t/", content_type="text/csv")'],
  ] as const) {
    for (const call of [`xgb.fit(${input})`, `xgb.fit(inputs=${input})`]) {
      it(`${call}: "training" is no XGBoost channel, and train is missing: one finding, on the input (${form})`, () => {
        const text = xgboost(call);
        assert.deepEqual(summary(text), [['algorithm-channel', input]]);
        const unknown = algorithmFindings(text)[0];
        assert.equal(unknown.severity, 'error');
        assert.match(unknown.message, /has no channel "training" .* It needs a "train" channel, which the job lacks: this one looks meant as "train"\.$/);
        // The name is not in the source: the fix names the channel by writing the input as a dict.
        const fixed = applyPythonFix(text, unknown);
        assert.ok(fixed.includes(call.replace(input, `{"train": ${input}}`)), fixed);
        assert.deepEqual(summary(fixed), []);
      });
    }
  }

  it('a name bound once to the input counts; a dict names its channels', () => {
    assert.deepEqual(summary(xgboost('data = "s3://b/t/"\nxgb.fit(data)')).map(([code]) => code), ['algorithm-channel']);
    assert.deepEqual(summary(xgboost('xgb.fit({"train": "s3://b/t/"})')), []);
    assert.deepEqual(summary(xgboost('xgb.fit(make_inputs())')), []);
  });

  it('an Amazon estimator given an S3 URI: "training" instead of train', () => {
    const text = script('LinearLearner', 'predictor_type="regressor"', 'estimator.fit("s3://b/t/")\n');
    assert.deepEqual(summary(text), [['algorithm-channel', '"s3://b/t/"']]);
  });

  it('checks the content type of a single TrainingInput on the channel it becomes', () => {
    const text = script('FactorizationMachines', 'num_factors=8, predictor_type="regressor"', 'estimator.fit({"train": TrainingInput("s3://b/t/", content_type="text/csv")})\n');
    assert.deepEqual(summary(text), [['algorithm-content-type', 'text/csv']]);
  });
});

describe('estimators a HyperparameterTuner takes', () => {
  // The tuner sets hyperparameters from its ranges: a required one given as a range is present, one no range sets is missing.
  it('reports no missing hyperparameter on an estimator passed to a tuner, by position or as estimator=', () => {
    const generic = (tuner: string) => `import sagemaker
from sagemaker import image_uris
from sagemaker.estimator import Estimator
from sagemaker.tuner import HyperparameterTuner, IntegerParameter

ipi = Estimator(image_uris.retrieve("ipinsights", "us-east-1"), role, instance_count=1, instance_type="ml.c5.xlarge",
                hyperparameters={"num_entity_vectors": 1000})
${tuner}
`;
    const untuned = generic('');
    assert.deepEqual(summary(untuned).filter(([code]) => code === 'algorithm-missing-hyperparameter').length, 1, 'without a tuner vector_dim is missing');
    assert.deepEqual(summary(generic('t = HyperparameterTuner(ipi, "validation:discriminator_auc", {"vector_dim": IntegerParameter(4, 4096)})')), []);
    assert.deepEqual(summary(generic('t = HyperparameterTuner(objective_metric_name="validation:discriminator_auc", estimator=ipi, hyperparameter_ranges={"vector_dim": IntegerParameter(4, 4096)})')), []);
    // Ranges read whole that do not set it: vector_dim is missing still.
    assert.equal(summary(generic('t = HyperparameterTuner(ipi, "validation:discriminator_auc", {"epochs": IntegerParameter(1, 10)})')).filter(([code]) => code === 'algorithm-missing-hyperparameter').length, 1);
    const amazon = script('KMeans', '', 't = HyperparameterTuner(estimator, "test:msd", {"k": IntegerParameter(2, 20)})');
    assert.deepEqual(summary(amazon), []);
    assert.equal(summary(script('KMeans', '')).filter(([code]) => code === 'algorithm-missing-hyperparameter').length, 1, 'without a tuner k is missing');
  });

  it('still judges the values an estimator passed to a tuner writes', () => {
    const text = script('KMeans', 'k=0', 't = HyperparameterTuner(estimator, "test:msd", {"mini_batch_size": IntegerParameter(100, 500)})');
    assert.deepEqual(summary(text).map(([code]) => code), ['algorithm-invalid-hyperparameter']);
  });
});
