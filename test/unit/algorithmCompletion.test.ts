import * as assert from 'node:assert/strict';
import { completeAt, type CompletionResult } from '../../src/core/completion';
import { applyEdits } from '../../src/core/findings';
import { readJsonDocument, requestAt } from '../../src/core/hostDocument';
import { hoverAt } from '../../src/core/hover';
import { parseSpecDocument } from '../../src/core/specDocument';
import { algorithms, analyzeText, apiModel, catalog } from './specTestKit';

const XGBOOST = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
const LINEAR = '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1';

/** Completes at the `|` in `textWithCursor`, with the algorithm facts loaded. */
function complete(textWithCursor: string): CompletionResult | undefined {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return completeAt(parseSpecDocument(text), offset, { catalog, apiModel, algorithms, regionInputs: { env: { AWS_REGION: 'us-east-1' } } });
}

const training = (image: string, rest: string) => `{"TrainingJobName": "j", "AlgorithmSpecification": {"TrainingImage": "${image}", "TrainingInputMode": "File"}, ${rest}}`;

describe('built-in algorithm completion and hover', () => {
  it('offers hyperparameter names, required first, with type, bounds and default', () => {
    const result = complete(training(XGBOOST, '"HyperParameters": {"eta": "0.1", |}'))!;
    const labels = result.items.map((item) => item.label);
    assert.equal(labels[0], 'num_round');
    assert.ok(!labels.includes('eta'), 'present names are not offered again');
    assert.ok(!labels.includes('silent'), '1.7-1 has no silent');
    assert.equal(result.items[0].detail, 'required · an integer in [1, ∞)');
    const subsample = result.items.find((item) => item.label === 'subsample')!;
    assert.equal(subsample.detail, 'optional · a number in [0, 1] · default 1');
    // A long list of allowed values is cut in the one-line detail (found by a fresh user: 33 metrics).
    const metric = result.items.find((item) => item.label === '_tuning_objective_metric')!;
    assert.match(metric.detail ?? '', /^optional · one of [^,]+(, [^,]+){5} and \d+ more$/);
    const text = training(XGBOOST, '"HyperParameters": {"eta": "0.1", |}');
    assert.equal(applyEdits(text.replace('|', ''), [result.items[0].edit]), training(XGBOOST, '"HyperParameters": {"eta": "0.1", "num_round": "$1"}'));
    assert.equal(result.items[0].snippet, true);
  });

  it('offers hyperparameter names and channels in a Pipelines step and a Step Functions task too', () => {
    const inWorkflow = (textWithCursor: string) => {
      const offset = textWithCursor.indexOf('|');
      const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
      return completeAt(requestAt(readJsonDocument(text), offset)!, offset, { catalog, apiModel, algorithms, regionInputs: { env: { AWS_REGION: 'us-east-1' } } });
    };
    const job = (rest: string) => `{"AlgorithmSpecification": {"TrainingImage": "${XGBOOST}", "TrainingInputMode": "File"}, ${rest}}`;
    const pipeline = `{"Version": "2020-12-01", "Steps": [{"Name": "Train", "Type": "Training", "Arguments": ${job('"HyperParameters": {"eta": "0.1", |}')}}]}`;
    assert.equal(inWorkflow(pipeline)!.items[0].label, 'num_round');
    const machine = `{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync", "Parameters": ${job('"TrainingJobName.$": "$.name", "InputDataConfig": [{"ChannelName": "|"}]')}, "End": true}}}`;
    const channels = inWorkflow(machine)!.items.map((item) => item.label);
    assert.ok(channels.includes('train') && channels.includes('validation'), channels.join());
  });

  it('offers the allowed values of an enum-like hyperparameter', () => {
    const labels = complete(training(LINEAR, '"HyperParameters": {"predictor_type": "|"}'))!.items.map((item) => item.label);
    assert.deepEqual(labels, ['binary_classifier', 'regressor', 'multiclass_classifier']);
    const xgboostBooleans = complete(training(XGBOOST, '"HyperParameters": {"save_model_on_termination": |}'))!.items.map((item) => item.edit.newText);
    assert.deepEqual(xgboostBooleans, ['"true"', '"false"']);
  });

  it('never offers a hyperparameter name the container lists among the values (XGBoost "aft_loss_distribution" as an objective), yet accepts it', () => {
    const objectives = complete(training(XGBOOST, '"HyperParameters": {"objective": "|"}'))!.items.map((item) => item.label);
    assert.ok(objectives.includes('binary:logistic') && objectives.includes('survival:aft'), objectives.join(', '));
    assert.ok(!objectives.includes('aft_loss_distribution'));
    const accepted = analyzeText(training(XGBOOST, '"HyperParameters": {"num_round": "10", "objective": "aft_loss_distribution"}'), { algorithms: true });
    assert.deepEqual(accepted.filter((finding) => finding.code === 'algorithm-invalid-hyperparameter'), []);
    const [typo] = analyzeText(training(XGBOOST, '"HyperParameters": {"num_round": "10", "objective": "binary:logistc"}'), { algorithms: true }).filter((finding) => finding.code === 'algorithm-invalid-hyperparameter');
    assert.doesNotMatch(typo.message, /aft_loss_distribution/);
    assert.equal(typo.fixes.find((fix) => fix.preferred)?.title, 'Change to "binary:logistic"');
  });

  it('offers channel names and the content types of the channel and mode', () => {
    const channels = complete(training(XGBOOST, '"InputDataConfig": [{"ChannelName": "|"}]'))!;
    assert.deepEqual(channels.items.map((item) => item.label).sort(), ['code', 'train', 'validation']);
    const pipe = complete(training(XGBOOST, '"InputDataConfig": [{"ChannelName": "train", "InputMode": "Pipe", "ContentType": "|"}]'))!.items.map((item) => item.label);
    assert.ok(pipe.includes('text/csv') && !pipe.includes('text/libsvm'));
  });

  it('offers objective metrics with their direction, and tunable names in ranges', () => {
    const tuning = (objective: string, ranges: string) =>
      `{"HyperParameterTuningJobName": "t", "HyperParameterTuningJobConfig": {"HyperParameterTuningJobObjective": ${objective}, "ParameterRanges": ${ranges}}, "TrainingJobDefinition": {"AlgorithmSpecification": {"TrainingImage": "${XGBOOST}", "TrainingInputMode": "File"}}}`;
    const metrics = complete(tuning('{"MetricName": "validation:au|"}', '{}'))!;
    const auc = metrics.items.find((item) => item.label === 'validation:auc')!;
    assert.equal(auc.detail, 'Maximize · XGBoost 1.7-1');
    const names = complete(tuning('{}', '{"ContinuousParameterRanges": [{"Name": "|"}]}'))!.items.map((item) => item.label);
    assert.ok(names.includes('eta') && names.includes('num_round') && !names.includes('objective'));
  });

  it('leaves other images to the API model completion', () => {
    const other = complete(training('123456789012.dkr.ecr.us-east-1.amazonaws.com/mine:1', '"HyperParameters": {|}'));
    assert.ok(!other?.items.some((item) => item.label === 'num_round'));
  });

  it('hovers a hyperparameter name with its type, bounds, default and source', () => {
    const text = training(XGBOOST, '"HyperParameters": {"learning_rate": "0.1"}');
    const hover = hoverAt(parseSpecDocument(text), text.indexOf('learning_rate') + 2, catalog, apiModel, algorithms)!;
    assert.deepEqual(hover.markdown.split('\n\n'), [
      '**eta** — XGBoost 1\\.7\\-1 hyperparameter',
      'optional · a number in \\[0\\, 1\\] · default 0\\.3',
      '`learning_rate` is an alias of `eta`.',
      'Tunable.',
      'Source: the XGBoost container code\\, the SageMaker Developer Guide (checked as errors).',
    ]);
    assert.equal(text.slice(hover.range.offset, hover.range.offset + hover.range.length), 'learning_rate');
  });
});
