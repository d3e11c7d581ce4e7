/**
 * The fixes and severities of the built-in algorithm checks that a user's trial found wrong
 * (issue 12): a boolean written for a 0/1 flag is fixed to the value of the same truth, never to
 * a guess; equally near candidates are offered but not preferred (fix-all leaves them); a list
 * item gets the nearest-allowed fix like a whole value; XGBoost's comma lists are read untrimmed;
 * the XGBoost pin suggested for a Pipe job reads Pipe; and a GPU-only algorithm on a CPU instance
 * (refused at submission) is an error while idle GPUs are a warning.
 */
import * as assert from 'node:assert/strict';
import type { HyperparameterData } from '../../src/core/algorithms/algorithmData';
import { booleanMeaning, valueProblem } from '../../src/core/algorithms/hyperparameterValue';
import { applyPreferredFixes, unambiguousFix, type FixableAnalysis } from '../../src/core/fixAll';
import type { Finding } from '../../src/core/findings';
import { analyzeDocument, readJsonDocument, readPythonDocument, readYamlDocument } from '../../src/core/hostDocument';
import { analyzePython } from './pythonTestKit';
import { algorithms, analyzeOptions, analyzeText, applyFix, catalog, only, textAt } from './specTestKit';

const REGISTRY = {
  xgboost: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost',
  imageClassification: '811284229777.dkr.ecr.us-east-1.amazonaws.com/image-classification:1',
  kmeans: '382416733822.dkr.ecr.us-east-1.amazonaws.com/kmeans:1',
  object2vec: '382416733822.dkr.ecr.us-east-1.amazonaws.com/object2vec:1',
  randomCutForest: '382416733822.dkr.ecr.us-east-1.amazonaws.com/randomcutforest:1',
};
const S3 = { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/data/' } };

interface Job {
  image: string;
  hyperparameters: Record<string, string>;
  channels?: Record<string, unknown>[];
  instanceType?: string;
  inputMode?: string;
}

function request({ image, hyperparameters, channels, instanceType, inputMode }: Job): string {
  return JSON.stringify(
    {
      TrainingJobName: 'job',
      RoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
      AlgorithmSpecification: { TrainingImage: image, TrainingInputMode: inputMode ?? 'File' },
      HyperParameters: hyperparameters,
      InputDataConfig: channels ?? [{ ChannelName: 'train', DataSource: S3, ContentType: 'text/csv' }],
      OutputDataConfig: { S3OutputPath: 's3://bucket/output' },
      ResourceConfig: { InstanceType: instanceType ?? 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    },
    null,
    2,
  );
}

/** An image classification job, valid but for `hyperparameters` added to the required ones. */
function imageClassification(hyperparameters: Record<string, string>, instanceType = 'ml.p3.2xlarge'): string {
  const channels = ['train', 'validation'].map((name) => ({ ChannelName: name, DataSource: S3, ContentType: 'application/x-recordio' }));
  return request({ image: REGISTRY.imageClassification, hyperparameters: { num_classes: '2', num_training_samples: '100', ...hyperparameters }, channels, instanceType });
}

function xgboost(tag: string, hyperparameters: Record<string, string>, extra: Partial<Job> = {}): string {
  return request({ image: `${REGISTRY.xgboost}:${tag}`, hyperparameters: { num_round: '10', ...hyperparameters }, ...extra });
}

function findings(text: string): Finding[] {
  return analyzeText(text, { algorithms: true });
}

function findingOn(text: string, code: string, at: string): Finding {
  const matching = findings(text).filter((finding) => finding.code === code && textAt(text, finding) === at);
  assert.equal(matching.length, 1, `one ${code} on ${at}: ${JSON.stringify(findings(text).map((finding) => [finding.code, textAt(text, finding)]))}`);
  return matching[0];
}

/** The fixes as [title, preferred] pairs. */
function fixList(finding: Finding): [string, boolean][] {
  return finding.fixes.map((fix) => [fix.title, fix.preferred === true]);
}

function fixAll(text: string, read: (text: string) => ReturnType<typeof readJsonDocument>, host: 'json' | 'yaml' | 'python'): string {
  const analyze = (current: string): FixableAnalysis => ({ document: { text: current, host }, findings: analyzeDocument(read(current), analyzeOptions({ algorithms: true })).findings });
  return applyPreferredFixes(text, analyze).text;
}

const TRUTHY = ['True', 'true', 'TRUE', 'yes', 'on', '1'];
const FALSY = ['False', 'false', 'no', 'off', '0'];

describe('built-in algorithm fixes: boolean flags', () => {
  it('reads true-ish and false-ish spellings, and nothing else', () => {
    for (const value of TRUTHY) assert.equal(booleanMeaning(value), true, value);
    for (const value of FALSY) assert.equal(booleanMeaning(value), false, value);
    for (const value of ['2', 'truthy', 'y', '', 'nope']) assert.equal(booleanMeaning(value), undefined, value);
  });

  // Every two-valued flag of the facts (0/1, true/false, True/False, and 0..1 integers), every spelling.
  for (const [repository, data] of Object.entries(algorithms.data.algorithms)) {
    const facts = algorithms.facts(repository, data.versions[data.versions.length - 1])!;
    for (const name of facts.hyperparameterNames) {
      const hyperparameter: HyperparameterData = facts.hyperparameter(name)!;
      const values = hyperparameter.type === 'integer' && hyperparameter.min === 0 && hyperparameter.max === 1 ? ['0', '1'] : hyperparameter.type === 'boolean-string' ? (hyperparameter.allowedValues ?? ['true', 'false']) : hyperparameter.allowedValues;
      if (values?.length !== 2 || booleanMeaning(values[0]) === booleanMeaning(values[1]) || values.some((value) => booleanMeaning(value) === undefined)) continue;
      const truthy = values.find((value) => booleanMeaning(value))!;
      const falsy = values.find((value) => !booleanMeaning(value))!;
      it(`${repository} ${name} (${values.join('/')}): a boolean spelling is fixed to the value of the same truth, alone`, () => {
        for (const [spellings, expected] of [[TRUTHY, truthy], [FALSY, falsy]] as const) {
          for (const spelling of spellings) {
            const problem = valueProblem(facts, hyperparameter, spelling);
            if (problem === undefined) continue; // accepted as written (the value itself, or a case the algorithm ignores)
            assert.equal(problem.replacement, expected, `${spelling} → ${expected}`);
            assert.deepEqual(problem.alternatives ?? [], [], spelling);
            assert.equal(problem.guess, undefined, spelling);
          }
        }
      });
    }
  }

  it('fixes the SDK\'s True for image classification\'s use_pretrained_model to "1", the single preferred fix (JSON)', () => {
    const text = imageClassification({ use_pretrained_model: 'True' });
    const finding = findingOn(text, 'algorithm-invalid-hyperparameter', 'True');
    assert.equal(finding.severity, 'warning');
    assert.equal(
      finding.message,
      'Image Classification hyperparameter "use_pretrained_model": "True" is not one of the allowed values (0, 1): the algorithm reads this flag as 1 for true and 0 for false. SageMaker accepts the job, and the algorithm may fail inside the container when it starts.',
    );
    assert.deepEqual(fixList(finding), [['Change to "1"', true]]);
    assert.equal(unambiguousFix(finding)?.title, 'Change to "1"');
    assert.ok(applyFix(text, finding).includes('"use_pretrained_model": "1"'));
    assert.equal(fixAll(imageClassification({ use_pretrained_model: 'False' }), (current) => readJsonDocument(current, true), 'json'), imageClassification({ use_pretrained_model: '0' }));
  });

  it('fix-all writes "1" for YAML "true" and for a Python True, as the trial files had them', () => {
    const yaml = [
      'HyperParameters:',
      '  use_pretrained_model: "true"',
      '  num_classes: "2"',
      '  num_training_samples: "100"',
      'TrainingJobName: a',
      'RoleArn: arn:aws:iam::123456789012:role/SageMakerRole',
      `AlgorithmSpecification: {TrainingImage: ${REGISTRY.imageClassification}, TrainingInputMode: File}`,
      'OutputDataConfig: {S3OutputPath: "s3://b/o"}',
      'ResourceConfig: {InstanceType: ml.p3.2xlarge, InstanceCount: 1, VolumeSizeInGB: 50}',
      'StoppingCondition: {MaxRuntimeInSeconds: 3600}',
      'InputDataConfig:',
      '  - {ChannelName: train, ContentType: application/x-recordio, DataSource: {S3DataSource: {S3DataType: S3Prefix, S3Uri: "s3://b/t"}}}',
      '  - {ChannelName: validation, ContentType: application/x-recordio, DataSource: {S3DataSource: {S3DataType: S3Prefix, S3Uri: "s3://b/v"}}}',
      '',
    ].join('\n');
    assert.equal(fixAll(yaml, (current) => readYamlDocument(current, true), 'yaml'), yaml.replace('use_pretrained_model: "true"', 'use_pretrained_model: "1"'));
    const python = [
      'from sagemaker import image_uris',
      'from sagemaker.estimator import Estimator',
      'ic = Estimator(',
      '    image_uri=image_uris.retrieve("image-classification", "us-east-1"),',
      '    role="arn:aws:iam::123456789012:role/SageMakerRole",',
      '    instance_count=1,',
      '    instance_type="ml.p3.2xlarge",',
      '    hyperparameters={"num_classes": 2, "num_training_samples": 1000, "use_pretrained_model": True},',
      ')',
      '',
    ].join('\n');
    assert.equal(fixAll(python, readPythonDocument, 'python'), python.replace('"use_pretrained_model": True', '"use_pretrained_model": "1"'));
  });

  it('maps 1/0 and yes to true/false for a true/false flag instead of the nearest spelling (linear learner, XGBoost)', () => {
    const linear = request({
      image: '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1',
      hyperparameters: { feature_dim: '10', predictor_type: 'regressor', use_bias: '0' },
    });
    assert.deepEqual(fixList(findingOn(linear, 'algorithm-invalid-hyperparameter', '0')), [['Change to "false"', true]]);
    const text = xgboost('1.7-1', { save_model_on_termination: 'yes', csv_weights: 'True' });
    const flag = findingOn(text, 'algorithm-invalid-hyperparameter', 'yes');
    assert.equal(flag.severity, 'error');
    assert.deepEqual(fixList(flag), [['Change to "true"', true]]);
    const weights = findingOn(text, 'algorithm-invalid-hyperparameter', 'True');
    assert.match(weights.message, /"True" is not an integer \(the algorithm reads this flag as 0 or 1\)/);
    assert.deepEqual(fixList(weights), [['Change to "1"', true]]);
  });
});

describe('built-in algorithm fixes: equally near candidates are not preferred', () => {
  it('offers "0" and "1" for "2", prefers neither, and fix-all leaves the value to the user', () => {
    const text = imageClassification({ use_pretrained_model: '2' });
    const finding = findingOn(text, 'algorithm-invalid-hyperparameter', '2');
    assert.deepEqual(fixList(finding), [['Change to "0"', false], ['Change to "1"', false]]);
    assert.equal(unambiguousFix(finding), undefined);
    assert.equal(fixAll(text, (current) => readJsonDocument(current, true), 'json'), text);
  });

  it('does not prefer a nearest value further than a typo: a multiclass factorization machine is not made binary', () => {
    const value = 'multiclass_classifier';
    const problem = valueProblem(algorithms.facts('factorization-machines', undefined)!, algorithms.facts('factorization-machines', undefined)!.hyperparameter('predictor_type')!, value)!;
    assert.equal(problem.replacement, 'binary_classifier');
    assert.equal(problem.guess, true);
  });

  it('still prefers a single nearest value (gbtre → gbtree)', () => {
    const finding = findingOn(xgboost('1.7-1', { booster: 'gbtre' }), 'algorithm-invalid-hyperparameter', 'gbtre');
    assert.deepEqual(fixList(finding)[0], ['Change to "gbtree"', true]);
  });
});

describe('built-in algorithm fixes: list items', () => {
  it('fixes a typo in an eval_metric item like one in objective, changing only that item', () => {
    const text = xgboost('1.7-1', { objective: 'binary:logistic', eval_metric: 'rmse,aucc,logloss' });
    const finding = findingOn(text, 'algorithm-invalid-hyperparameter', 'rmse,aucc,logloss');
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /the item "aucc" is not one of the allowed values/);
    assert.deepEqual(fixList(finding), [['Change to "rmse,auc,logloss"', true]]);
    assert.ok(applyFix(text, finding).includes('"eval_metric": "rmse,auc,logloss"'));
    assert.equal(fixAll(text, (current) => readJsonDocument(current, true), 'json'), xgboost('1.7-1', { objective: 'binary:logistic', eval_metric: 'rmse,auc,logloss' }));
  });

  it('fixes an item of a JSON-array list in place (k-means eval_metrics)', () => {
    const text = request({ image: REGISTRY.kmeans, hyperparameters: { k: '3', feature_dim: '4', eval_metrics: '["msd", "ssdd"]' }, channels: [{ ChannelName: 'train', DataSource: S3, ContentType: 'text/csv' }] });
    const finding = findingOn(text, 'algorithm-invalid-hyperparameter', '[\\"msd\\", \\"ssdd\\"]');
    assert.deepEqual(fixList(finding), [['Change to "["msd", "ssd"]"', true]]);
    assert.ok(applyFix(text, finding).includes('"eval_metrics": "[\\"msd\\", \\"ssd\\"]"'));
  });

  it('offers no string for the list an SDK estimator writes itself (KMeans(eval_metrics=[…]))', () => {
    const text = [
      'from sagemaker import KMeans',
      'kmeans = KMeans(role="arn:aws:iam::123456789012:role/R", instance_count=1, instance_type="ml.c5.xlarge", k=10, eval_metrics=["msd", "ssdd"])',
      'kmeans.fit(kmeans.record_set(train_array))',
      '',
    ].join('\n');
    const finding = only(analyzePython(text, { algorithms: true }), 'algorithm-invalid-hyperparameter');
    assert.equal(textAt(text, finding), '["msd", "ssdd"]');
    assert.match(finding.message, /the item "ssdd" is not one of the allowed values \(msd, ssd\)/);
    assert.deepEqual(fixList(finding), []);
  });

  it('offers nothing for an item no allowed value is a typo away from', () => {
    const finding = findingOn(xgboost('1.7-1', { objective: 'binary:logistic', eval_metric: 'rmse,foo' }), 'algorithm-invalid-hyperparameter', 'rmse,foo');
    assert.deepEqual(fixList(finding), []);
  });
});

describe('built-in algorithm fixes: XGBoost comma lists are not trimmed', () => {
  it('reports "rmse, auc" (the container looks up " auc"), fixed by removing the spaces', () => {
    const text = xgboost('1.7-1', { objective: 'binary:logistic', eval_metric: 'rmse, auc' });
    const finding = findingOn(text, 'algorithm-invalid-hyperparameter', 'rmse, auc');
    assert.equal(finding.severity, 'error');
    assert.equal(
      finding.message,
      'XGBoost 1.7-1 hyperparameter "eval_metric": the item " auc" has spaces around it, which the container keeps (it splits the list on commas and trims nothing), so it is not a value it knows. SageMaker accepts the job, and it fails inside the container when it starts.',
    );
    assert.deepEqual(fixList(finding), [['Change to "rmse,auc"', true]]);
    assert.equal(fixAll(text, (current) => readJsonDocument(current, true), 'json'), xgboost('1.7-1', { objective: 'binary:logistic', eval_metric: 'rmse,auc' }));
    assert.deepEqual(fixList(findingOn(xgboost('1.7-1', { updater: 'grow_colmaker , prune' }), 'algorithm-invalid-hyperparameter', 'grow_colmaker , prune')), [['Change to "grow_colmaker,prune"', true]]);
  });

  it('leaves spaces alone where the evidence is not the container (Object2Vec comparator_list)', () => {
    const channels = [{ ChannelName: 'train', DataSource: S3, ContentType: 'application/jsonlines' }];
    const text = request({ image: REGISTRY.object2vec, hyperparameters: { enc0_max_seq_len: '10', enc0_vocab_size: '100', comparator_list: 'hadamard, abs_diff' }, channels });
    assert.deepEqual(findings(text).filter((finding) => finding.code === 'algorithm-invalid-hyperparameter'), []);
  });
});

describe('xgboost-unpinned: the suggested pin reads the job\'s input mode', () => {
  const pinned = [...new Set(catalog.pinnedVersions('xgboost', 'us-east-1', 'training').map((entry) => entry.version))];
  const withoutPipe = algorithms.data.algorithms['sagemaker-xgboost'].pipeRemovedInVersions ?? [];
  const pipeReader = pinned.find((version) => !withoutPipe.includes(version))!;

  it('needs facts where the newest version dropped Pipe (else this test proves nothing)', () => {
    assert.ok(withoutPipe.includes(pinned[0]), `${pinned[0]} reads Pipe`);
  });

  it('offers the newest version that reads Pipe for a Pipe job, says so, and the pin raises no Pipe finding', () => {
    const text = xgboost('1', {}, { inputMode: 'Pipe' });
    const finding = only(findings(text), 'xgboost-unpinned');
    assert.equal(finding.fixes[0].title, `Pin XGBoost ${pipeReader}, the newest that reads Pipe input`);
    assert.equal(finding.fixes[0].preferred, true);
    assert.ok(!finding.fixes.some((fix) => fix.title.startsWith(`Pin XGBoost ${pinned[0]}`)));
    assert.equal(
      finding.message,
      `":1" does not pin an XGBoost version: "1" and "latest" name no XGBoost version in "sagemaker-xgboost", whose images are tagged by version. Pin a specific version such as ${pipeReader} (the job reads Pipe input, which ${pinned[0]} no longer reads).`,
    );
    const fixed = applyFix(text, finding);
    assert.deepEqual(findings(fixed).filter((other) => other.code === 'algorithm-input-mode' || other.code === 'xgboost-unpinned'), []);
  });

  it('reads Pipe from a channel\'s InputMode too, and keeps the newest version for a File job', () => {
    const channelPipe = xgboost('latest', {}, { channels: [{ ChannelName: 'train', DataSource: S3, ContentType: 'text/csv', InputMode: 'Pipe' }] });
    assert.equal(only(findings(channelPipe), 'xgboost-unpinned').fixes[0].title, `Pin XGBoost ${pipeReader}, the newest that reads Pipe input`);
    const file = only(findings(xgboost('1', {})), 'xgboost-unpinned');
    assert.equal(file.fixes[0].title, `Pin XGBoost ${pinned[0]}`);
    assert.match(file.message, new RegExp(`such as ${pinned[0]}\\.$`));
  });

  /** A boto3 training job whose image is an f-string (a template image) with the static tag `tag`. */
  function pythonTemplateJob(tag: string, inputMode: 'File' | 'Pipe'): string {
    return [
      'import boto3',
      'def train(account, region):',
      "    sm = boto3.client('sagemaker')",
      '    sm.create_training_job(',
      "        TrainingJobName='j', RoleArn='arn:aws:iam::123456789012:role/R',",
      `        AlgorithmSpecification={'TrainingImage': f'683313688378.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:${tag}', 'TrainingInputMode': '${inputMode}'},`,
      "        HyperParameters={'num_round': '10'},",
      "        InputDataConfig=[{'ChannelName': 'train', 'DataSource': {'S3DataSource': {'S3DataType': 'S3Prefix', 'S3Uri': 's3://b/d/'}}, 'ContentType': 'text/csv'}],",
      "        OutputDataConfig={'S3OutputPath': 's3://b/o'},",
      "        ResourceConfig={'InstanceType': 'ml.m5.xlarge', 'InstanceCount': 1, 'VolumeSizeInGB': 10},",
      "        StoppingCondition={'MaxRuntimeInSeconds': 3600})",
      '',
    ].join('\n');
  }

  it('says what the legacy repository\'s "1" and "latest" run: XGBoost 0.72', () => {
    const legacy = only(findings(request({ image: '811284229777.dkr.ecr.us-east-1.amazonaws.com/xgboost:latest', hyperparameters: { num_round: '10' } })), 'xgboost-unpinned');
    assert.match(legacy.message, /^":latest" does not pin an XGBoost version: "1" and "latest" run the legacy image \(XGBoost 0\.72\), not a version you chose\. Pin a specific version such as /);
  });

  it('suggests the same version for a template image (region unknown) as for a literal one: the newest, else the newest that reads Pipe', () => {
    // Templates said "such as 1.7-1" whatever the catalog held (found by a fresh user).
    const file = only(analyzePython(pythonTemplateJob('1', 'File'), { algorithms: true }), 'xgboost-unpinned');
    assert.equal(file.message, `":1" does not pin an XGBoost version: "1" and "latest" name no XGBoost version in "sagemaker-xgboost", whose images are tagged by version. Pin a specific version such as ${pinned[0]}.`);
    const pipe = only(analyzePython(pythonTemplateJob('latest', 'Pipe'), { algorithms: true }), 'xgboost-unpinned');
    assert.equal(
      pipe.message,
      `":latest" does not pin an XGBoost version: "1" and "latest" name no XGBoost version in "sagemaker-xgboost", whose images are tagged by version. Pin a specific version such as ${pipeReader} (the job reads Pipe input, which ${pinned[0]} no longer reads).`,
    );
  });
});

describe('algorithm-instance: severity follows what happens to the job', () => {
  it('a GPU-only algorithm on a CPU instance is an error: SageMaker refuses it at submission', () => {
    const finding = findingOn(imageClassification({}, 'ml.m5.xlarge'), 'algorithm-instance', 'ml.m5.xlarge');
    assert.equal(finding.severity, 'error');
    assert.equal(finding.message, 'ml.m5.xlarge has no GPU, and Image Classification trains on GPU instances only: SageMaker refuses the job at submission. Use a GPU instance type (ml.p3, ml.g5, …).');
  });

  it('a CPU-only image on a GPU instance is a warning: the job runs and the GPUs stay idle', () => {
    const old = findingOn(xgboost('1.0-1-cpu-py3', {}, { instanceType: 'ml.p3.2xlarge' }), 'algorithm-instance', 'ml.p3.2xlarge');
    assert.equal(old.severity, 'warning');
    assert.equal(old.message, 'XGBoost 1.0-1 has no GPU training (it starts with 1.2-1): on ml.p3.2xlarge the job runs and the GPUs stay idle. Use a CPU instance type or a newer version.');
    // Random Cut Forest "could technically run on GPU instance types" (the guide); LDA supports CPU only (algorithmModes.test.ts).
    const rcf = request({ image: REGISTRY.randomCutForest, hyperparameters: { feature_dim: '10' }, instanceType: 'ml.p3.2xlarge' });
    const cpuOnly = findingOn(rcf, 'algorithm-instance', 'ml.p3.2xlarge');
    assert.equal(cpuOnly.severity, 'warning');
    assert.equal(cpuOnly.message, 'ml.p3.2xlarge has GPUs, but Random Cut Forest trains on CPU only: the job runs and the GPUs stay idle. Use a CPU instance type (ml.m5, ml.c5, …).');
  });
});
