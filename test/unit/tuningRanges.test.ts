// A tuning job's ranges as SageMaker reads them, whatever the algorithm's facts: the kind of range
// an integer hyperparameter takes, integer bounds, bounds in order, the values a mode hyperparameter
// is tuned over, fixes that would name a value or a hyperparameter twice, and an SDK tuner's
// objective_type spelled otherwise than the API's enum (a trial's findings).
import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { analyzePython, applyPythonFix } from './pythonTestKit';
import { analyzeText, textAt } from './specTestKit';

const XGBOOST = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
const NTM = '382416733822.dkr.ecr.us-east-1.amazonaws.com/ntm:1';
const BLAZINGTEXT = '811284229777.dkr.ecr.us-east-1.amazonaws.com/blazingtext:1';
const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';

/** A tuning job for `image` with `ranges` (ParameterRanges), `objective` and static hyperparameters. */
function tuningJob(image: string, ranges: Record<string, unknown>, objective: { Type: string; MetricName: string }, staticHyperparameters: Record<string, string>): string {
  return JSON.stringify(
    {
      HyperParameterTuningJobName: 'tune',
      HyperParameterTuningJobConfig: {
        Strategy: 'Bayesian',
        HyperParameterTuningJobObjective: objective,
        ResourceLimits: { MaxNumberOfTrainingJobs: 10, MaxParallelTrainingJobs: 2 },
        ParameterRanges: ranges,
      },
      TrainingJobDefinition: {
        AlgorithmSpecification: { TrainingImage: image, TrainingInputMode: 'File' },
        RoleArn: ROLE,
        StaticHyperParameters: staticHyperparameters,
        InputDataConfig: [
          { ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/train/' } }, ContentType: 'text/csv' },
          { ChannelName: 'validation', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/validation/' } }, ContentType: 'text/csv' },
        ],
        OutputDataConfig: { S3OutputPath: 's3://bucket/output/' },
        ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      },
    },
    null,
    2,
  );
}

const xgboostJob = (ranges: Record<string, unknown>) => tuningJob(XGBOOST, ranges, { Type: 'Maximize', MetricName: 'validation:auc' }, { objective: 'binary:logistic' });

/** [code, severity, text the finding points at, message] of the range findings. */
function rangeFindings(text: string): [string, string, string, string][] {
  return analyzeText(text, { algorithms: true })
    .filter((finding) => finding.code === 'algorithm-parameter-range')
    .map((finding) => [finding.code, finding.severity, textAt(text, finding), finding.message]);
}

describe('tuning ranges read as SageMaker reads them', () => {
  it('reports a continuous range for an integer hyperparameter, on its name', () => {
    const text = xgboostJob({ IntegerParameterRanges: [{ Name: 'num_round', MinValue: '50', MaxValue: '500' }], ContinuousParameterRanges: [{ Name: 'max_depth', MinValue: '3', MaxValue: '10' }] });
    const [finding] = rangeFindings(text);
    assert.deepEqual(finding.slice(0, 3), ['algorithm-parameter-range', 'error', 'max_depth']);
    assert.match(finding[3], /"max_depth" takes integers, but a continuous range gives its training jobs values such as 2\.5.*use an integer range \(IntegerParameterRanges/);
    assert.equal(rangeFindings(text).length, 1);
  });

  it('reports an integer range whose bound is not an integer, and bounds out of order, on MinValue', () => {
    const text = xgboostJob({
      IntegerParameterRanges: [{ Name: 'num_round', MinValue: '10.5', MaxValue: '100' }],
      ContinuousParameterRanges: [{ Name: 'subsample', MinValue: '1', MaxValue: '0.5' }],
    });
    assert.deepEqual(rangeFindings(text), [
      ['algorithm-parameter-range', 'error', '10.5', 'MinValue of "num_round" is 10.5, but an integer range takes integers: SageMaker refuses the tuning job at submission.'],
      ['algorithm-parameter-range', 'error', '1', 'MinValue of "subsample" (1) is above its MaxValue (0.5): SageMaker refuses the tuning job at submission.'],
    ]);
    // Bounds in order, integers where they must be: nothing.
    assert.deepEqual(rangeFindings(xgboostJob({ IntegerParameterRanges: [{ Name: 'num_round', MinValue: '10', MaxValue: '100' }], ContinuousParameterRanges: [{ Name: 'subsample', MinValue: '0.5', MaxValue: '1' }] })), []);
  });

  it('tunes BlazingText\'s mode over the Word2Vec modes only (a warning: the guide says so)', () => {
    const text = tuningJob(BLAZINGTEXT, { CategoricalParameterRanges: [{ Name: 'mode', Values: ['supervised', 'skipgram'] }] }, { Type: 'Maximize', MetricName: 'train:mean_rho' }, {});
    const findings = rangeFindings(text);
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0].slice(0, 3), ['algorithm-parameter-range', 'warning', 'supervised']);
    assert.match(findings[0][3], /tuned over batch_skipgram, skipgram or cbow only, not "supervised"/);
  });

  it('offers no value that is in the list already, and says to remove the one written', () => {
    const ranges = (values: string[]) => ({ CategoricalParameterRanges: [{ Name: 'encoder_layers_activation', Values: values }] });
    const ntm = (values: string[]) => tuningJob(NTM, ranges(values), { Type: 'Minimize', MetricName: 'validation:total_loss' }, { feature_dim: '100', num_topics: '10' });
    const text = ntm(['sigmoid', 'relu', 'reluu']);
    const finding = analyzeText(text, { algorithms: true }).find((candidate) => candidate.code === 'algorithm-parameter-range')!;
    assert.equal(textAt(text, finding), 'reluu');
    assert.deepEqual(finding.fixes, []);
    assert.match(finding.message, /"relu" is in the list already: remove this one/);
    // Without "relu" in the list, the fix is there.
    const alone = ntm(['sigmoid', 'reluu']);
    assert.deepEqual(analyzeText(alone, { algorithms: true }).find((candidate) => candidate.code === 'algorithm-parameter-range')!.fixes.map((fix) => fix.title), ['Change to "relu"']);
  });
});

describe('an SDK tuner\'s ranges and objective_type', () => {
  const script = (tuner: string) => `from sagemaker.estimator import Estimator
from sagemaker.tuner import HyperparameterTuner, ContinuousParameter, IntegerParameter

xgb = Estimator(image_uri="${XGBOOST}", role="${ROLE}", instance_count=1, instance_type="ml.m5.xlarge", hyperparameters={"objective": "reg:squarederror", "num_round": "100"})
${tuner}
`;
  const findings = (text: string): Finding[] => analyzePython(text, { algorithms: true }).filter((finding) => finding.code === 'algorithm-parameter-range' || finding.code === 'invalid-enum-value');
  const on = (text: string, finding: Finding) => text.slice(finding.offset, finding.offset + finding.length);

  it('reports ContinuousParameter over an integer, IntegerParameter(10.5, …) and bounds out of order', () => {
    const text = script('tuner = HyperparameterTuner(xgb, "validation:rmse", {"max_depth": ContinuousParameter(3.5, 9.5), "num_round": IntegerParameter(10.5, 100), "subsample": ContinuousParameter(1, 0.5)}, objective_type="Minimize")');
    assert.deepEqual(
      findings(text).map((finding) => [finding.code, on(text, finding)]),
      [
        ['algorithm-parameter-range', 'max_depth'],
        ['algorithm-parameter-range', '10.5'],
        ['algorithm-parameter-range', '1'],
      ],
    );
  });

  it('reports objective_type "maximize" (the SDK sends it as written) and fixes it to the API\'s spelling', () => {
    const text = script('tuner = HyperparameterTuner(xgb, "validation:rmse", {"eta": ContinuousParameter(0.1, 0.5)}, objective_type="minimise")');
    const [finding] = findings(text);
    assert.equal(finding.code, 'invalid-enum-value');
    assert.equal(on(text, finding), 'minimise');
    assert.equal(applyPythonFix(text, finding), text.replace('objective_type="minimise"', 'objective_type="Minimize"'));
  });

  it('prefers no other name when the nearest one has a range already (the dict would hold it twice)', () => {
    const text = script('tuner = HyperparameterTuner(xgb, "validation:rmse", {"max_depth": IntegerParameter(3, 10), "max_depht": IntegerParameter(3, 10)}, objective_type="Minimize")');
    const [finding] = findings(text);
    assert.equal(on(text, finding), 'max_depht');
    assert.match(finding.message, /Did you mean "max_depth"\? It has a range already: remove this one\./);
    assert.equal(finding.fixes.some((fix) => fix.preferred), false);
    assert.equal(finding.fixes.some((fix) => fix.title === 'Change to "max_depth"'), false);
  });

  describe('a tuned estimator\'s missing hyperparameters', () => {
    const knn = (ranges: string) => `from sagemaker import KNN
from sagemaker.tuner import HyperparameterTuner, IntegerParameter

knn = KNN(role="${ROLE}", instance_count=1, instance_type="ml.m5.xlarge", k=5, sample_size=500)
tuner = HyperparameterTuner(knn, "test:accuracy", ${ranges}, objective_type="Maximize")
`;
    const missing = (text: string) => analyzePython(text, { algorithms: true }).filter((finding) => finding.code === 'algorithm-missing-hyperparameter').map((finding) => finding.message.match(/"([a-z_]+)"/)![1]);

    it('reports a required hyperparameter no range sets, when every tuner is read whole', () => {
      assert.deepEqual(missing(knn('{"k": IntegerParameter(1, 20)}')), ['predictor_type']);
    });

    it('counts a required hyperparameter given as a range as set', () => {
      const xgboost = script('tuner = HyperparameterTuner(xgb, "validation:rmse", {"eta": ContinuousParameter(0.1, 0.5)}, objective_type="Minimize")').replace(', "num_round": "100"', '');
      assert.deepEqual(missing(xgboost), ['num_round']);
      assert.deepEqual(missing(xgboost.replace('{"eta"', '{"num_round": IntegerParameter(10, 100), "eta"')), []);
    });

    it('reports none when a tuner\'s ranges cannot be read whole (they may set any of them)', () => {
      assert.deepEqual(missing(knn('{"k": IntegerParameter(1, 20), **more}')), []);
      assert.deepEqual(missing(knn('ranges')), []);
      assert.deepEqual(missing(knn('{"k": make_range()}')), []);
    });
  });
});
