import * as assert from 'node:assert/strict';
import { algorithmFindings, algorithmSummary as summary, applyPythonFix, onlyAlgorithmFinding as only, sourceAt as source } from './pythonTestKit';

const XGBOOST = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';


/** A notebook cell: an XGBoost `Estimator` bound to `xgb` (its image from `image`), then `tuner`. */
function xgboostScript(tuner: string, image = `"${XGBOOST}"`): string {
  return `import sagemaker
from sagemaker import image_uris
from sagemaker.estimator import Estimator
from sagemaker.tuner import HyperparameterTuner, ContinuousParameter, IntegerParameter, CategoricalParameter

xgb = Estimator(
    image_uri=${image},
    role=role,
    instance_count=1,
    instance_type="ml.m5.xlarge",
    hyperparameters={"objective": "binary:logistic", "num_round": "100"},
)
${tuner}
`;
}

/** A KMeans estimator bound to `kmeans`, then `tuner`. */
function kmeansScript(tuner: string): string {
  return `from sagemaker import KMeans
from sagemaker.tuner import HyperparameterTuner, IntegerParameter, CategoricalParameter

kmeans = KMeans(role=role, instance_count=1, instance_type="ml.c5.xlarge", k=10)
${tuner}
`;
}

describe('SDK HyperparameterTuner arguments on a built-in algorithm estimator', () => {
  it('reports nothing for a correct tuner', () => {
    const text = xgboostScript(`tuner = HyperparameterTuner(
    xgb,
    objective_metric_name="validation:auc",
    hyperparameter_ranges={
        "eta": ContinuousParameter(0.01, 0.3),
        "max_depth": IntegerParameter(3, 10),
        "num_round": IntegerParameter(50, 500),
    },
    objective_type="Maximize",
    max_jobs=10,
)`);
    assert.deepEqual(summary(text), []);
  });

  it('reports a metric XGBoost does not emit on the metric string, and fixes it to the nearest one in the file\'s quotes', () => {
    const text = xgboostScript('tuner = HyperparameterTuner(xgb, objective_metric_name="validation:aucc", hyperparameter_ranges={"eta": ContinuousParameter(0.1, 0.3)})');
    const finding = only(text, 'algorithm-objective-metric');
    assert.equal(source(text, finding), 'validation:aucc');
    assert.equal(finding.offset, text.indexOf('validation:aucc'));
    assert.ok(applyPythonFix(text, finding).includes('objective_metric_name="validation:auc", hyperparameter_ranges'));
  });

  it('reports objective_type="Minimize" for a metric that must be maximised, and fixes the direction', () => {
    const text = xgboostScript('tuner = HyperparameterTuner(xgb, "validation:auc", {"eta": ContinuousParameter(0.1, 0.3)}, objective_type="Minimize")');
    const finding = only(text, 'algorithm-objective-metric');
    assert.equal(source(text, finding), 'Minimize');
    assert.match(finding.message, /should be maximised/);
    assert.ok(applyPythonFix(text, finding).includes('objective_type="Maximize")'));
  });

  it('reports the default Maximize for a metric that must be minimised on the metric, and adds objective_type=', () => {
    const text = xgboostScript('tuner = HyperparameterTuner(xgb, "validation:rmse", {"eta": ContinuousParameter(0.1, 0.3)}, max_jobs=4)');
    const finding = only(text, 'algorithm-objective-metric');
    assert.equal(source(text, finding), 'validation:rmse');
    assert.match(finding.message, /should be minimised/);
    const fixed = applyPythonFix(text, finding);
    assert.ok(fixed.includes('HyperparameterTuner(xgb, "validation:rmse", {"eta": ContinuousParameter(0.1, 0.3)}, max_jobs=4, objective_type="Minimize")'), fixed);
    assert.deepEqual(summary(fixed), []);
    // `**kwargs` may hold objective_type: the default is not assumed.
    assert.deepEqual(summary(xgboostScript('tuner = HyperparameterTuner(xgb, objective_metric_name="validation:rmse", hyperparameter_ranges={}, **options)')), []);
  });

  it('reads positional arguments in the SDK order: estimator, metric, ranges, metric_definitions, strategy, objective_type', () => {
    const text = xgboostScript('tuner = HyperparameterTuner(xgb, "validation:rmse", {"etaa": ContinuousParameter(0.1, 0.3)}, None, "Bayesian", "Maximize")');
    assert.deepEqual(summary(text), [
      ['algorithm-parameter-range', 'etaa'],
      ['algorithm-objective-metric', 'Maximize'],
    ]);
    // A parameter given by position and by keyword is a TypeError: the SDK sends nothing.
    assert.deepEqual(summary(xgboostScript('tuner = HyperparameterTuner(xgb, "validation:aucc", {}, objective_metric_name="validation:aucc")')), []);
  });

  it('reports a range for an unknown hyperparameter on its name key, and fixes it to the nearest name', () => {
    const text = xgboostScript(`ranges = {'max_dept': IntegerParameter(3, 10)}
tuner = HyperparameterTuner(xgb, "validation:auc", ranges)`);
    const finding = only(text, 'algorithm-parameter-range');
    assert.equal(finding.offset, text.indexOf("max_dept'"));
    assert.equal(source(text, finding), 'max_dept');
    assert.match(finding.message, /^"max_dept" is not a hyperparameter of XGBoost.*\. Did you mean "max_depth"\?$/, 'names the nearest, as algorithm-unknown-hyperparameter does');
    assert.ok(applyPythonFix(text, finding).includes(`ranges = {'max_depth': IntegerParameter(3, 10)}`));
  });

  it('reports a bound outside what the hyperparameter accepts on the bound', () => {
    const text = xgboostScript('tuner = HyperparameterTuner(xgb, "validation:auc", {"eta": ContinuousParameter(0.1, 1.5), "max_depth": IntegerParameter(min_value=-1, max_value=10)})');
    assert.deepEqual(summary(text), [
      ['algorithm-parameter-range', '1.5'],
      ['algorithm-parameter-range', '-1'],
    ]);
    assert.match(algorithmFindings(text)[0].message, /^MaxValue of "eta"/);
  });

  it('reports a categorical value the hyperparameter does not accept on the value', () => {
    const text = kmeansScript('tuner = HyperparameterTuner(kmeans, "test:msd", {"init_method": CategoricalParameter(["kmeans++", "randm"])}, objective_type="Minimize")');
    const finding = only(text, 'algorithm-parameter-range');
    assert.equal(source(text, finding), 'randm');
    const fixed = applyPythonFix(text, finding);
    assert.ok(fixed.includes('CategoricalParameter(["kmeans++", "random"])'), fixed);
    assert.deepEqual(summary(fixed), []);
  });

  it('reports a range for a hyperparameter that is not tunable', () => {
    const text = xgboostScript('tuner = HyperparameterTuner(xgb, "validation:auc", {"objective": CategoricalParameter(["binary:logistic", "reg:squarederror"])})');
    const finding = only(text, 'algorithm-parameter-range');
    assert.equal(source(text, finding), 'objective');
    assert.match(finding.message, /not a tunable hyperparameter/);
  });

  it('checks a tuner of an estimator whose image is image_uris.retrieve("xgboost", …)', () => {
    const text = xgboostScript('tuner = HyperparameterTuner(xgb, "validation:aucc", {})', 'image_uris.retrieve("xgboost", "us-east-1", "1.7-1")');
    assert.deepEqual(summary(text), [['algorithm-objective-metric', 'validation:aucc']]);
  });

  it('takes the Amazon estimators\' ranges by hyperparameter name, as the SDK sends them, and maps a keyword name to it', () => {
    // KMeans' center_factor= keyword sets extra_center_factor; the tuner sends the key unchanged.
    const text = kmeansScript('tuner = HyperparameterTuner(kmeans, "test:msd", {"center_factor": IntegerParameter(1, 10)}, objective_type="Minimize")');
    const finding = only(text, 'algorithm-parameter-range');
    assert.equal(source(text, finding), 'center_factor');
    assert.match(finding.message, /center_factor= sets "extra_center_factor"/);
    const fixed = applyPythonFix(text, finding);
    assert.ok(fixed.includes('{"extra_center_factor": IntegerParameter(1, 10)}'), fixed);
    assert.deepEqual(summary(fixed), []);
    // The KMeans metric, and its direction.
    assert.deepEqual(summary(kmeansScript('tuner = HyperparameterTuner(kmeans, "test:msd", {"extra_center_factor": IntegerParameter(1, 10)})')), [['algorithm-objective-metric', 'test:msd']]);
  });

  it('reports nothing when the estimator or the metric is a value we cannot read', () => {
    assert.deepEqual(summary(xgboostScript('tuner = HyperparameterTuner(make_estimator(), "validation:aucc", {"etaa": ContinuousParameter(0.1, 0.3)})')), []);
    assert.deepEqual(summary(xgboostScript('tuner = HyperparameterTuner(self.estimator, "validation:aucc", {"etaa": ContinuousParameter(0.1, 0.3)})')), []);
    const estimatorParameter = xgboostScript(`def tune(estimator_var):
    return HyperparameterTuner(estimator_var, "validation:aucc", {"etaa": ContinuousParameter(0.1, 0.3)})`);
    assert.deepEqual(summary(estimatorParameter), []);
    const metricVariable = xgboostScript(`def tune(metric_var):
    return HyperparameterTuner(xgb, objective_metric_name=metric_var, hyperparameter_ranges={"eta": ContinuousParameter(0.1, 0.3)}, objective_type="Minimize")`);
    assert.deepEqual(summary(metricVariable), []);
    // Bounds and names that are not literals are never judged either.
    assert.deepEqual(summary(xgboostScript('tuner = HyperparameterTuner(xgb, "validation:auc", {name: IntegerParameter(3, 10), "max_depth": IntegerParameter(low, 100)})')), []);
  });

  it('follows a name that a module path also spells (from sagemaker.estimator import Estimator; estimator = Estimator(…))', () => {
    const text = `from sagemaker.estimator import Estimator
from sagemaker.tuner import HyperparameterTuner, IntegerParameter
import sagemaker.tuner

estimator = Estimator(image_uri="${XGBOOST}", role=role, instance_count=1, instance_type="ml.m5.xlarge")
estimator.set_hyperparameters(objective="binary:logistic", num_round=100)
tuner = HyperparameterTuner(estimator, "validation:aucc", {"max_depth": sagemaker.tuner.IntegerParameter(3, 10)})
`;
    assert.deepEqual(summary(text), [['algorithm-objective-metric', 'validation:aucc']]);
  });

  it('reads only the tuner and range classes imported from sagemaker', () => {
    const other = `from sagemaker.estimator import Estimator
from mytuning import HyperparameterTuner, IntegerParameter

xgb = Estimator(image_uri="${XGBOOST}", role=role, instance_count=1, instance_type="ml.m5.xlarge", hyperparameters={"num_round": "10"})
tuner = HyperparameterTuner(xgb, "validation:aucc", {"max_dept": IntegerParameter(3, 10)})
`;
    assert.deepEqual(summary(other), []);
    const modules = `import sagemaker
from sagemaker import parameter as p

xgb = sagemaker.estimator.Estimator(image_uri="${XGBOOST}", role=role, instance_count=1, instance_type="ml.m5.xlarge", hyperparameters={"num_round": "10"})
tuner = sagemaker.tuner.HyperparameterTuner(xgb, "validation:auc", {"max_dept": p.IntegerParameter(3, 10), "eta": sagemaker.tuner.ContinuousParameter(0, 2)})
`;
    assert.deepEqual(summary(modules), [
      ['algorithm-parameter-range', 'max_dept'],
      ['algorithm-parameter-range', '2'],
    ]);
  });
});
