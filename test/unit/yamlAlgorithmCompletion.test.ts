// Built-in algorithm completion in YAML (issue 13): hyperparameter names and values, channel names,
// content types and objective metrics, as a JSON spec gets them from algorithmCompletion, written as
// YAML (hyperparameter values as strings); hover on a hyperparameter name; and completion of members
// and values inside flow mappings (`{…}`).
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { KMEANS_US_EAST_1, XGBOOST_US_EAST_1 } from './specTestKit';
import { acceptYaml, completeYaml, hoverYaml } from './yamlTestKit';

const XGBOOST = `${XGBOOST_US_EAST_1}:1.7-1`;
const LINEAR = '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1';
const OWN_IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/mine:1';

/** A CreateTrainingJob in YAML running `image`, with `rest` after its AlgorithmSpecification. */
function training(image: string, rest: string[]): string {
  return ['TrainingJobName: demo', 'AlgorithmSpecification:', `  TrainingImage: ${image}`, '  TrainingInputMode: File', ...rest, ''].join('\n');
}

const labels = (textWithCursor: string, forced = false) => completeYaml(textWithCursor, forced)?.items.map((item) => item.label);

describe('YAML built-in algorithm completion: hyperparameter names', () => {
  it('offers the names on an empty line of HyperParameters, required first with type and bounds, leaving out those present', () => {
    const text = training(XGBOOST, ['HyperParameters:', '  eta: "0.1"', '  |']);
    const result = completeYaml(text, true)!;
    const names = result.items.map((item) => item.label);
    assert.equal(names[0], 'num_round');
    assert.ok(!names.includes('eta'), 'eta is already there');
    assert.ok(!names.includes('silent'), '1.7-1 has no silent');
    assert.deepEqual([...result.items].sort((a, b) => a.sortText.localeCompare(b.sortText))[0].label, 'num_round');
    assert.equal(result.items[0].detail, 'required · an integer in [1, ∞)');
    assert.equal(result.items.find((item) => item.label === 'subsample')?.detail, 'optional · a number in [0, 1] · default 1');
    // The value is a string in the API: it goes in quotes, so `100` stays the string "100".
    assert.deepEqual(result.items[0].edit, { offset: text.indexOf('|'), length: 0, newText: 'num_round: "$1"' });
    const accepted = acceptYaml(text, 'num_round', true);
    assert.equal(accepted.text, training(XGBOOST, ['HyperParameters:', '  eta: "0.1"', '  num_round: "$1"']));
    assert.deepEqual(parse(accepted.text.replace('$1', '100')).HyperParameters, { eta: '0.1', num_round: '100' });
  });

  it('replaces a half-typed name, the only line of the map', () => {
    const text = training(XGBOOST, ['HyperParameters:', '  num_r|']);
    const result = completeYaml(text)!;
    assert.equal(result.typed, 'num_r');
    const start = text.indexOf('num_r|');
    assert.deepEqual(result.items.find((item) => item.label === 'num_round')!.edit, { offset: start, length: 5, newText: 'num_round: "$1"' });
  });

  it('renames a name that has its value, replacing only the key', () => {
    const text = training(XGBOOST, ['HyperParameters:', '  num_rou|: "10"']);
    const item = completeYaml(text)!.items.find((candidate) => candidate.label === 'num_round')!;
    assert.equal(item.snippet, undefined);
    assert.deepEqual(item.edit, { offset: text.indexOf('num_rou|'), length: 7, newText: 'num_round' });
    assert.deepEqual(parse(acceptYaml(text, 'num_round').text).HyperParameters, { num_round: '10' });
  });

  it('offers the names of a tuning job\'s StaticHyperParameters', () => {
    const text = ['HyperParameterTuningJobName: t', 'TrainingJobDefinition:', '  AlgorithmSpecification:', `    TrainingImage: ${KMEANS_US_EAST_1}:1`, '    TrainingInputMode: File', '  StaticHyperParameters:', '    |', ''].join('\n');
    const names = labels(text)!;
    assert.deepEqual(names.slice(0, 2), ['feature_dim', 'k']);
  });

  it('offers nothing for an image that is no built-in algorithm, nor in script mode', () => {
    assert.equal(completeYaml(training(OWN_IMAGE, ['HyperParameters:', '  |'])), undefined);
    assert.equal(completeYaml(training(XGBOOST, ['HyperParameters:', '  sagemaker_program: train.py', '  |'])), undefined);
    assert.equal(completeYaml(training(XGBOOST, ['HyperParameters: {sagemaker_program: train.py, |}'])), undefined);
    assert.equal(completeYaml(training(OWN_IMAGE, ['HyperParameters:', '  objective: |'])), undefined);
  });
});

describe('YAML built-in algorithm completion: values', () => {
  it('offers the allowed values of an enum-like hyperparameter after `name: `, and after the `:` just typed', () => {
    const text = training(LINEAR, ['HyperParameters:', '  predictor_type: |']);
    const result = completeYaml(text)!;
    assert.deepEqual(result.items.map((item) => item.label), ['binary_classifier', 'regressor', 'multiclass_classifier']);
    assert.deepEqual(result.items[1].edit, { offset: text.indexOf('|'), length: 0, newText: 'regressor' });
    const colon = acceptYaml(training(LINEAR, ['HyperParameters:', '  predictor_type:|']), 'regressor');
    assert.deepEqual(parse(colon.text).HyperParameters, { predictor_type: 'regressor' });
  });

  it('writes a value YAML would read as a boolean or number in quotes, and inside quotes as typed', () => {
    const plain = training(XGBOOST, ['HyperParameters:', '  save_model_on_termination: tr|']);
    const result = completeYaml(plain)!;
    assert.deepEqual(result.items.map((item) => item.label), ['true', 'false']);
    assert.deepEqual(result.items[0].edit, { offset: plain.indexOf('tr|'), length: 2, newText: '"true"' });
    assert.deepEqual(parse(acceptYaml(plain, 'true').text).HyperParameters, { save_model_on_termination: 'true' });
    const quoted = training(XGBOOST, ['HyperParameters:', '  objective: "binary:lo|"']);
    const item = completeYaml(quoted)!.items.find((candidate) => candidate.label === 'binary:logistic')!;
    assert.deepEqual(item.edit, { offset: quoted.indexOf('binary:lo|'), length: 9, newText: 'binary:logistic' });
    assert.deepEqual(parse(acceptYaml(quoted, 'binary:logistic').text).HyperParameters, { objective: 'binary:logistic' });
  });

  it('offers channel names, required or optional, in a list item\'s ChannelName', () => {
    const text = training(XGBOOST, ['InputDataConfig:', '  - ChannelName: |']);
    const result = completeYaml(text)!;
    assert.deepEqual(result.items.map((item) => [item.label, item.detail]), [['code', 'optional channel'], ['train', 'required channel'], ['validation', 'optional channel']]);
    assert.deepEqual(parse(acceptYaml(text, 'train').text).InputDataConfig, [{ ChannelName: 'train' }]);
  });

  it('offers the content types of the channel and its input mode', () => {
    const channel = (mode: string) => training(XGBOOST, ['InputDataConfig:', '  - ChannelName: train', `    InputMode: ${mode}`, '    ContentType: |']);
    const pipe = labels(channel('Pipe'))!;
    const file = labels(channel('File'))!;
    assert.ok(pipe.includes('text/csv') && !pipe.includes('text/libsvm'), pipe.join(', '));
    assert.ok(file.includes('text/libsvm'), file.join(', '));
    assert.deepEqual(parse(acceptYaml(channel('File'), 'text/csv').text).InputDataConfig[0].ContentType, 'text/csv');
  });

  it('offers a tuning job\'s objective metrics with their direction, and tunable names in its ranges', () => {
    const tuning = (config: string[]) => ['HyperParameterTuningJobName: t', 'HyperParameterTuningJobConfig:', ...config.map((line) => `  ${line}`), 'TrainingJobDefinition:', '  AlgorithmSpecification:', `    TrainingImage: ${XGBOOST}`, '    TrainingInputMode: File', ''].join('\n');
    const metrics = completeYaml(tuning(['HyperParameterTuningJobObjective:', '  Type: Maximize', '  MetricName: validation:au|']))!;
    const auc = metrics.items.find((item) => item.label === 'validation:auc')!;
    assert.equal(auc.detail, 'Maximize · XGBoost 1.7-1');
    assert.equal(metrics.typed, 'validation:au');
    const accepted = acceptYaml(tuning(['HyperParameterTuningJobObjective:', '  Type: Maximize', '  MetricName: validation:au|']), 'validation:auc');
    assert.equal(parse(accepted.text).HyperParameterTuningJobConfig.HyperParameterTuningJobObjective.MetricName, 'validation:auc');
    const names = labels(tuning(['ParameterRanges:', '  ContinuousParameterRanges:', '    - Name: |']))!;
    assert.ok(names.includes('eta') && names.includes('num_round') && !names.includes('objective'), names.join(', '));
  });
});

describe('YAML built-in algorithm completion in a Step Functions task', () => {
  const task = (parameters: string[]) => ['StartAt: Train', 'States:', '  Train:', '    Type: Task', '    Resource: arn:aws:states:::sagemaker:createTrainingJob.sync', '    Parameters:', '      TrainingJobName.$: $.name', '      AlgorithmSpecification:', `        TrainingImage: ${XGBOOST}`, '        TrainingInputMode: File', ...parameters.map((line) => `      ${line}`), '    End: true', ''].join('\n');

  it('offers hyperparameter names in the task\'s Parameters, block and flow', () => {
    assert.equal(labels(task(['HyperParameters:', '  |']))?.[0], 'num_round');
    const flow = acceptYaml(task(['HyperParameters: {eta: "0.1", |}']), 'num_round');
    assert.deepEqual(parse(flow.filled).States.Train.Parameters.HyperParameters, { eta: '0.1', num_round: '' });
  });

  it('hovers a hyperparameter name there', () => {
    assert.match(hoverYaml(task(['HyperParameters:', '  num_ro|und: "10"']))!, /^\*\*num\\_round\*\* — XGBoost 1\\\.7\\-1 hyperparameter/);
  });
});

describe('YAML hover on a hyperparameter name', () => {
  it('shows its requirement, type and bounds, and the source of the facts, in a block or flow mapping', () => {
    const markdown = hoverYaml(training(XGBOOST, ['HyperParameters:', '  num_ro|und: "10"']))!;
    assert.equal(markdown.split('\n\n')[1], 'required · an integer in \\[1\\, ∞\\)');
    assert.match(markdown, /^\*\*num\\_round\*\* — XGBoost 1\\\.7\\-1 hyperparameter/);
    assert.match(markdown, /Source: the XGBoost container code/);
    const flow = hoverYaml(training(XGBOOST, ['HyperParameters: {eta: "0.1", num_ro|und: "10"}']))!;
    assert.match(flow, /^\*\*num\\_round\*\* — XGBoost 1\\\.7\\-1 hyperparameter/);
  });

  it('says nothing of the algorithm for a name it does not have, in script mode, or for another image (the map entry\'s API hover is left)', () => {
    for (const text of [
      training(XGBOOST, ['HyperParameters:', '  num_roun|ds: "10"']),
      training(XGBOOST, ['HyperParameters:', '  sagemaker_program: train.py', '  num_ro|und: "10"']),
      training(OWN_IMAGE, ['HyperParameters:', '  num_ro|und: "10"']),
    ]) {
      const markdown = hoverYaml(text)!;
      assert.match(markdown, / · an entry of this map · a string/);
      assert.doesNotMatch(markdown, /hyperparameter|XGBoost/);
    }
  });
});

describe('YAML completion inside flow mappings', () => {
  it('offers hyperparameter names after `{` or `,`, written `name: "…"` with a `,` when an entry follows', () => {
    const after = training(XGBOOST, ['HyperParameters: {eta: "0.1", |}']);
    const result = completeYaml(after)!;
    assert.equal(result.items[0].label, 'num_round');
    assert.ok(!result.items.some((item) => item.label === 'eta'));
    assert.deepEqual(result.items[0].edit, { offset: after.indexOf('|'), length: 0, newText: 'num_round: "$1"' });
    assert.deepEqual(parse(acceptYaml(after, 'num_round').filled).HyperParameters, { eta: '0.1', num_round: '' });
    const before = training(XGBOOST, ['HyperParameters: {| eta: "0.1"}']);
    assert.deepEqual(completeYaml(before)!.items[0].edit, { offset: before.indexOf('|'), length: 0, newText: 'num_round: "$1",' });
    assert.deepEqual(parse(acceptYaml(before, 'num_round').filled).HyperParameters, { num_round: '', eta: '0.1' });
    const typed = training(XGBOOST, ['HyperParameters: {eta: "0.1", num_r|}']);
    assert.deepEqual(completeYaml(typed)!.items[0].edit, { offset: typed.indexOf('num_r|'), length: 5, newText: 'num_round: "$1"' });
  });

  it('offers members of a flow mapping from the API model, required first, in flow syntax', () => {
    const text = training(XGBOOST, ['InputDataConfig:', '  - ChannelName: train', '    DataSource:', '      S3DataSource: {S3DataType: S3Prefix, |}']);
    const result = completeYaml(text)!;
    assert.equal(result.items[0].label, 'S3Uri');
    assert.ok(!result.items.some((item) => item.label === 'S3DataType'));
    assert.deepEqual(result.items[0].edit, { offset: text.indexOf('|'), length: 0, newText: 'S3Uri: $1' });
    const list = result.items.find((item) => item.label === 'AttributeNames')!;
    assert.equal(list.edit.newText, 'AttributeNames: [$1]');
    const { filled } = acceptYaml(text, 'S3DataDistributionType');
    assert.deepEqual(parse(filled).InputDataConfig[0].DataSource.S3DataSource, { S3DataType: 'S3Prefix', S3DataDistributionType: 'FullyReplicated' });
    assert.deepEqual(parse(acceptYaml(text, 'HubAccessConfig').filled).InputDataConfig[0].DataSource.S3DataSource.HubAccessConfig, {});
  });

  it('offers members on a line of a multi-line flow mapping, adding the `,` the next entry needs', () => {
    const text = training(XGBOOST, ['OutputDataConfig: {', '  |', '  S3OutputPath: "s3://bucket/out"', '}']);
    const names = labels(text)!;
    assert.ok(!names.includes('S3OutputPath'), 'S3OutputPath is already there');
    assert.deepEqual(parse(acceptYaml(text, 'KmsKeyId').filled).OutputDataConfig, { KmsKeyId: null, S3OutputPath: 's3://bucket/out' });
  });

  it('offers enum values after `Key:` in a flow mapping, and hyperparameter values as strings', () => {
    const empty = training(XGBOOST, ['InputDataConfig:', '  - ChannelName: train', '    DataSource:', '      S3DataSource: {S3DataType: |, S3Uri: "s3://b/p"}']);
    const result = completeYaml(empty)!;
    assert.deepEqual(result.items.map((item) => item.label), ['ManifestFile', 'S3Prefix', 'AugmentedManifestFile', 'Converse']);
    assert.deepEqual(result.items[1].edit, { offset: empty.indexOf('|'), length: 0, newText: 'S3Prefix' });
    const colon = acceptYaml(empty.replace('S3DataType: |', 'S3DataType:|'), 'S3Prefix');
    assert.deepEqual(parse(colon.text).InputDataConfig[0].DataSource.S3DataSource, { S3DataType: 'S3Prefix', S3Uri: 's3://b/p' });
    const hyperparameter = training(XGBOOST, ['HyperParameters: {num_round: "10", save_model_on_termination: f|}']);
    assert.deepEqual(parse(acceptYaml(hyperparameter, 'false').text).HyperParameters, { num_round: '10', save_model_on_termination: 'false' });
    const typed = training(LINEAR, ['HyperParameters: {predictor_type: bin|, feature_dim: "3"}']);
    assert.deepEqual(completeYaml(typed)!.items[0].edit, { offset: typed.indexOf('bin|'), length: 3, newText: 'binary_classifier' });
  });

  it('renames a flow mapping key, replacing only the key', () => {
    const text = training(XGBOOST, ['HyperParameters: {num_rou|: "10"}']);
    const item = completeYaml(text)!.items.find((candidate) => candidate.label === 'num_round')!;
    assert.deepEqual(item.edit, { offset: text.indexOf('num_rou|'), length: 7, newText: 'num_round' });
  });

  it('completes a flow mapping in a CloudFormation resource\'s Properties', () => {
    const text = ['Resources:', '  Model:', '    Type: AWS::SageMaker::Model', '    Properties:', '      ExecutionRoleArn: arn:aws:iam::123456789012:role/R', '      PrimaryContainer: {Image: x, Mo|}', ''].join('\n');
    const result = completeYaml(text)!;
    assert.ok(result.items.some((item) => item.label === 'Mode') && !result.items.some((item) => item.label === 'Image'));
    const { filled } = acceptYaml(text, 'ModelDataUrl');
    assert.deepEqual(parse(filled).Resources.Model.Properties.PrimaryContainer, { Image: 'x', ModelDataUrl: null });
  });

  it('offers nothing in a flow mapping\'s value that is not a key, nor in a flow sequence', () => {
    assert.equal(completeYaml(training(XGBOOST, ['OutputDataConfig: {S3OutputPath: s3://bucket/o|}'])), undefined);
    assert.equal(completeYaml(training(XGBOOST, ['VpcConfig: {Subnets: [a, |]}'])), undefined);
  });
});
