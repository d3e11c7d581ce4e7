/**
 * Built-in algorithm checks that depend on the job's mode: the objective metrics of BlazingText's
 * `mode` and of the `predictor_type` of k-NN, Linear Learner and Factorization Machines, the
 * instances of each BlazingText mode, and LDA's CPU-only, single-instance training. Each host the
 * algorithm rules run in (JSON, YAML, Step Functions, Pipelines, boto3, the SDK) reads the mode
 * from the hyperparameters; a computed or absent mode keeps the checks of every mode.
 */
import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { analyzePython, applyPythonFix } from './pythonTestKit';
import { analyzeText, applyFix, textAt } from './specTestKit';
import { analyzeWorkflow, applyWorkflowFix } from './workflowTestKit';
import { analyzeYaml, applyHostFix } from './yamlTestKit';

const IMAGES = {
  blazingtext: '811284229777.dkr.ecr.us-east-1.amazonaws.com/blazingtext:1',
  knn: '382416733822.dkr.ecr.us-east-1.amazonaws.com/knn:1',
  linearLearner: '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1',
  lda: '766337827248.dkr.ecr.us-east-1.amazonaws.com/lda:1',
};
const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const S3 = { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/data/' } };
const KNN_HYPERPARAMETERS = { k: '5', sample_size: '1000', feature_dim: '10' };

type Json = Record<string, unknown>;

interface Definition {
  image: string;
  hyperparameters: Json;
  contentType?: string;
  instanceType?: string;
  instanceCount?: number;
}

function trainingJob({ image, hyperparameters, contentType, instanceType, instanceCount }: Definition): Json {
  return {
    AlgorithmSpecification: { TrainingImage: image, TrainingInputMode: 'File' },
    RoleArn: ROLE,
    HyperParameters: hyperparameters,
    InputDataConfig: [{ ChannelName: 'train', DataSource: S3, ContentType: contentType ?? 'text/csv' }],
    OutputDataConfig: { S3OutputPath: 's3://bucket/output' },
    ResourceConfig: { InstanceType: instanceType ?? 'ml.m5.xlarge', InstanceCount: instanceCount ?? 1, VolumeSizeInGB: 10 },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
  };
}

function training(definition: Definition): string {
  return JSON.stringify({ TrainingJobName: 'job', ...trainingJob(definition) }, null, 2);
}

/** A tuning job's body: the definition's HyperParameters become StaticHyperParameters. */
function tuningBody(definition: Definition, metricName: string, type: string): Json {
  const { HyperParameters, ...rest } = trainingJob(definition);
  return {
    HyperParameterTuningJobName: 'tuning',
    HyperParameterTuningJobConfig: {
      Strategy: 'Bayesian',
      HyperParameterTuningJobObjective: { Type: type, MetricName: metricName },
      ResourceLimits: { MaxNumberOfTrainingJobs: 4, MaxParallelTrainingJobs: 2 },
    },
    TrainingJobDefinition: { ...rest, StaticHyperParameters: HyperParameters },
  };
}

function tuning(definition: Definition, metricName: string, type: string): string {
  return JSON.stringify(tuningBody(definition, metricName, type), null, 2);
}

const algorithmFindings = (findings: Finding[]) => findings.filter((finding) => finding.code.startsWith('algorithm-'));

/** The one finding of `code` in `findings`, asserted to lie on the text `at`. */
function oneOn(text: string, findings: Finding[], code: string, at: string): Finding {
  const matching = findings.filter((finding) => finding.code === code);
  assert.equal(matching.length, 1, JSON.stringify(algorithmFindings(findings).map((finding) => [finding.code, textAt(text, finding)])));
  assert.equal(textAt(text, matching[0]), at);
  return matching[0];
}

const fixTitles = (finding: Finding) => finding.fixes.map((fix) => [fix.title, fix.preferred === true]);

describe('algorithm-objective-metric: the metrics of the job\'s mode', () => {
  it('k-NN regressor: test:accuracy is a classifier metric; the fix changes to test:mse and its direction', () => {
    const text = tuning({ image: IMAGES.knn, hyperparameters: { ...KNN_HYPERPARAMETERS, predictor_type: 'regressor' } }, 'test:accuracy', 'Maximize');
    const finding = oneOn(text, analyzeText(text, { algorithms: true }), 'algorithm-objective-metric', 'test:accuracy');
    assert.equal(finding.severity, 'warning');
    assert.equal(
      finding.message,
      'k-Nearest Neighbors with predictor_type "regressor" emits only test:mse; "test:accuracy" comes with predictor_type classifier. SageMaker accepts the tuning job, but its training jobs never report that metric, so the tuner has no objective to compare.',
    );
    assert.deepEqual(fixTitles(finding), [['Change to "test:mse"', true]]);
    const fixed = applyFix(text, finding);
    assert.deepEqual(JSON.parse(fixed).HyperParameterTuningJobConfig.HyperParameterTuningJobObjective, { Type: 'Minimize', MetricName: 'test:mse' });
    assert.deepEqual(algorithmFindings(analyzeText(fixed, { algorithms: true })), []);
  });

  it('k-NN classifier: test:accuracy passes, test:mse is reported', () => {
    const classifier = { image: IMAGES.knn, hyperparameters: { ...KNN_HYPERPARAMETERS, predictor_type: 'classifier' } };
    assert.deepEqual(algorithmFindings(analyzeText(tuning(classifier, 'test:accuracy', 'Maximize'), { algorithms: true })), []);
    const text = tuning(classifier, 'test:mse', 'Minimize');
    assert.match(oneOn(text, analyzeText(text, { algorithms: true }), 'algorithm-objective-metric', 'test:mse').message, /^k-Nearest Neighbors with predictor_type "classifier" emits only test:accuracy; "test:mse" comes with predictor_type regressor\./);
  });

  it('BlazingText: the word2vec modes emit train:mean_rho only, supervised validation:accuracy only', () => {
    for (const mode of ['skipgram', 'cbow', 'batch_skipgram']) {
      const text = tuning({ image: IMAGES.blazingtext, hyperparameters: { mode }, contentType: 'text/plain' }, 'validation:accuracy', 'Maximize');
      const finding = oneOn(text, analyzeText(text, { algorithms: true }), 'algorithm-objective-metric', 'validation:accuracy');
      assert.equal(finding.message, `BlazingText with mode "${mode}" emits only train:mean_rho; "validation:accuracy" comes with mode supervised. SageMaker accepts the tuning job, but its training jobs never report that metric, so the tuner has no objective to compare.`);
      assert.ok(applyFix(text, finding).includes('"MetricName": "train:mean_rho"'));
    }
    const supervised = tuning({ image: IMAGES.blazingtext, hyperparameters: { mode: 'supervised' }, contentType: 'text/plain' }, 'train:mean_rho', 'Maximize');
    assert.match(oneOn(supervised, analyzeText(supervised, { algorithms: true }), 'algorithm-objective-metric', 'train:mean_rho').message, /^BlazingText with mode "supervised" emits only validation:accuracy; "train:mean_rho" comes with mode batch_skipgram, skipgram or cbow\./);
  });

  it('Linear Learner: a multiclass job names its 14 metrics; a binary metric gets fixes to the nearest, none preferred', () => {
    const text = tuning({ image: IMAGES.linearLearner, hyperparameters: { predictor_type: 'multiclass_classifier', num_classes: '3' } }, 'validation:binary_f_beta', 'Maximize');
    const finding = oneOn(text, analyzeText(text, { algorithms: true }), 'algorithm-objective-metric', 'validation:binary_f_beta');
    assert.match(finding.message, /^Linear Learner with predictor_type "multiclass_classifier" emits test:dcg, .*validation:multiclass_top_k_accuracy and validation:objective_loss; "validation:binary_f_beta" comes with predictor_type binary_classifier\./);
    assert.equal(finding.message.match(/(test|validation):[a-z_]+/g)!.length, 15, 'the 14 metrics of the mode and the one written');
    assert.deepEqual(fixTitles(finding), [['Change to "validation:macro_f_beta"', false], ['Change to "validation:macro_recall"', false], ['Change to "validation:objective_loss"', false]]);
    // objective_loss is emitted for every predictor type.
    assert.deepEqual(algorithmFindings(analyzeText(tuning({ image: IMAGES.linearLearner, hyperparameters: { predictor_type: 'regressor' } }, 'validation:objective_loss', 'Minimize'), { algorithms: true })), []);
  });

  it('a metric no mode emits keeps its message, offering the metrics of the job\'s mode', () => {
    const text = tuning({ image: IMAGES.knn, hyperparameters: { ...KNN_HYPERPARAMETERS, predictor_type: 'regressor' } }, 'test:accurracy', 'Maximize');
    const finding = oneOn(text, analyzeText(text, { algorithms: true }), 'algorithm-objective-metric', 'test:accurracy');
    assert.match(finding.message, /does not emit the metric "test:accurracy": by the developer guide, SageMaker refuses the tuning job at submission\. Did you mean "test:mse"\?$/);
  });

  it('any metric of the algorithm passes when the mode is absent, a tuning range, or not an allowed value', () => {
    const absent = tuningBody({ image: IMAGES.knn, hyperparameters: KNN_HYPERPARAMETERS }, 'test:accuracy', 'Maximize');
    const objectiveFindings = (text: string) => analyzeText(text, { algorithms: true }).filter((finding) => finding.code === 'algorithm-objective-metric');
    assert.deepEqual(objectiveFindings(JSON.stringify(absent, null, 2)), []);
    (absent.HyperParameterTuningJobConfig as Json).ParameterRanges = { CategoricalParameterRanges: [{ Name: 'predictor_type', Values: ['classifier', 'regressor'] }] };
    assert.deepEqual(objectiveFindings(JSON.stringify(absent, null, 2)), []);
    const typo = tuning({ image: IMAGES.knn, hyperparameters: { ...KNN_HYPERPARAMETERS, predictor_type: 'regresor' } }, 'test:accuracy', 'Maximize');
    assert.deepEqual(algorithmFindings(analyzeText(typo, { algorithms: true })).map((finding) => [finding.code, textAt(typo, finding)]), [['algorithm-invalid-hyperparameter', 'regresor']]);
  });

  it('YAML: the same finding and fix', () => {
    const yaml = [
      'HyperParameterTuningJobName: tuning',
      'HyperParameterTuningJobConfig:',
      '  Strategy: Bayesian',
      '  HyperParameterTuningJobObjective: {Type: Maximize, MetricName: "validation:accuracy"}',
      '  ResourceLimits: {MaxNumberOfTrainingJobs: 4, MaxParallelTrainingJobs: 2}',
      'TrainingJobDefinition:',
      `  AlgorithmSpecification: {TrainingImage: ${IMAGES.blazingtext}, TrainingInputMode: File}`,
      `  RoleArn: ${ROLE}`,
      '  StaticHyperParameters: {mode: cbow}',
      '  InputDataConfig:',
      '    - {ChannelName: train, ContentType: text/plain, DataSource: {S3DataSource: {S3DataType: S3Prefix, S3Uri: "s3://b/t"}}}',
      '  OutputDataConfig: {S3OutputPath: "s3://b/o"}',
      '  ResourceConfig: {InstanceType: ml.m5.xlarge, InstanceCount: 1, VolumeSizeInGB: 10}',
      '  StoppingCondition: {MaxRuntimeInSeconds: 3600}',
      '',
    ].join('\n');
    const finding = oneOn(yaml, analyzeYaml(yaml, { algorithms: true, forced: true }), 'algorithm-objective-metric', 'validation:accuracy');
    assert.match(finding.message, /^BlazingText with mode "cbow" emits only train:mean_rho;/);
    assert.equal(applyHostFix(yaml, finding), yaml.replace('"validation:accuracy"', '"train:mean_rho"'));
  });

  it('Step Functions: a literal mode is read, a "mode.$" path is not', () => {
    const machine = (hyperparameters: Json) =>
      JSON.stringify(
        {
          StartAt: 'Tune',
          States: {
            Tune: {
              Type: 'Task',
              Resource: 'arn:aws:states:::sagemaker:createHyperParameterTuningJob.sync',
              Parameters: tuningBody({ image: IMAGES.knn, hyperparameters }, 'test:accuracy', 'Maximize'),
              End: true,
            },
          },
        },
        null,
        2,
      );
    const text = machine({ ...KNN_HYPERPARAMETERS, predictor_type: 'regressor' });
    const finding = oneOn(text, analyzeWorkflow(text, { algorithms: true }), 'algorithm-objective-metric', 'test:accuracy');
    assert.ok(applyWorkflowFix(text, finding).includes('"MetricName": "test:mse"'));
    assert.deepEqual(algorithmFindings(analyzeWorkflow(machine({ ...KNN_HYPERPARAMETERS, 'predictor_type.$': '$.predictorType' }), { algorithms: true })), []);
  });

  it('Pipelines: a mode read from a pipeline parameter may be overridden at run time, so it is not judged', () => {
    const pipeline = (predictorType: unknown) =>
      JSON.stringify(
        {
          Version: '2020-12-01',
          Parameters: [{ Name: 'PredictorType', Type: 'String', DefaultValue: 'regressor' }],
          Steps: [{ Name: 'Tune', Type: 'Tuning', Arguments: tuningBody({ image: IMAGES.knn, hyperparameters: { ...KNN_HYPERPARAMETERS, predictor_type: predictorType } }, 'test:accuracy', 'Maximize') }],
        },
        null,
        2,
      );
    const literal = pipeline('regressor');
    oneOn(literal, analyzeWorkflow(literal, { algorithms: true }), 'algorithm-objective-metric', 'test:accuracy');
    assert.deepEqual(algorithmFindings(analyzeWorkflow(pipeline({ Get: 'Parameters.PredictorType' }), { algorithms: true })), []);
  });
});

// The SDK's HyperparameterTuner(estimator, objective_metric_name, …) is read only for the ranges it
// sets (no missing hyperparameter); its objective is no request the rules see, so boto3 carries item 1.
describe('algorithm-objective-metric in Python (boto3)', () => {
  const pythonFindings = (text: string) => algorithmFindings(analyzePython(text, { algorithms: true }));

  it('boto3 create_hyper_parameter_tuning_job for BlazingText skipgram, tuned on validation:accuracy', () => {
    const call = (mode: string) => `import boto3

boto3.client("sagemaker").create_hyper_parameter_tuning_job(
    HyperParameterTuningJobName="words",
    HyperParameterTuningJobConfig={
        "Strategy": "Bayesian",
        "HyperParameterTuningJobObjective": {"Type": "Maximize", "MetricName": "validation:accuracy"},
        "ResourceLimits": {"MaxNumberOfTrainingJobs": 4, "MaxParallelTrainingJobs": 2},
    },
    TrainingJobDefinition={
        "AlgorithmSpecification": {"TrainingImage": "${IMAGES.blazingtext}", "TrainingInputMode": "File"},
        "RoleArn": "${ROLE}",
        "StaticHyperParameters": {"mode": ${mode}},
        "InputDataConfig": [{"ChannelName": "train", "ContentType": "text/plain", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/t/"}}}],
        "OutputDataConfig": {"S3OutputPath": "s3://b/o/"},
        "ResourceConfig": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10},
        "StoppingCondition": {"MaxRuntimeInSeconds": 3600},
    },
)
`;
    const text = call('"skipgram"');
    const finding = oneOn(text, pythonFindings(text), 'algorithm-objective-metric', 'validation:accuracy');
    assert.match(finding.message, /^BlazingText with mode "skipgram" emits only train:mean_rho;/);
    assert.equal(applyPythonFix(text, finding), text.replace('"validation:accuracy"', '"train:mean_rho"'));
    assert.deepEqual(pythonFindings(call('"supervised"')), []);
    assert.deepEqual(pythonFindings(call('mode')), [], 'a computed mode is not judged');
  });
});

describe('algorithm-instance: BlazingText per mode, LDA on CPU and one instance', () => {
  const blazingtext = (mode: string, instanceType: string, instanceCount: number) => training({ image: IMAGES.blazingtext, hyperparameters: { mode }, contentType: 'text/plain', instanceType, instanceCount });
  const instanceFindings = (text: string) => analyzeText(text, { algorithms: true }).filter((finding) => finding.code === 'algorithm-instance');

  it('skipgram and cbow on several CPU instances: an error, with fixes to one instance and to batch_skipgram', () => {
    for (const mode of ['skipgram', 'cbow']) {
      const text = blazingtext(mode, 'ml.c5.4xlarge', 3);
      const finding = oneOn(text, instanceFindings(text), 'algorithm-instance', '3');
      assert.equal(finding.severity, 'error');
      assert.equal(finding.message, `The developer guide lists BlazingText mode "${mode}" for a single instance only; InstanceCount 3 runs it outside what it supports. "batch_skipgram" is the mode of the same task that trains on several CPU instances.`);
      assert.deepEqual(fixTitles(finding), [['Change to 1', true], ['Change mode to "batch_skipgram"', false]]);
      assert.ok(applyFix(text, finding).includes('"InstanceCount": 1'));
      const distributed = applyFix(text, finding, 'Change mode to "batch_skipgram"');
      assert.ok(distributed.includes('"mode": "batch_skipgram"'));
      assert.deepEqual(instanceFindings(distributed), []);
    }
  });

  it('supervised on several instances, or skipgram on several GPU instances: only the fix to one instance', () => {
    const supervised = blazingtext('supervised', 'ml.c5.4xlarge', 2);
    const finding = oneOn(supervised, instanceFindings(supervised), 'algorithm-instance', '2');
    assert.equal(finding.message, 'The developer guide lists BlazingText mode "supervised" for a single instance only; InstanceCount 2 runs it outside what it supports.');
    assert.deepEqual(fixTitles(finding), [['Change to 1', true]]);
    const gpu = blazingtext('skipgram', 'ml.p3.2xlarge', 2);
    assert.deepEqual(fixTitles(oneOn(gpu, instanceFindings(gpu), 'algorithm-instance', '2')), [['Change to 1', true]]);
  });

  it('batch_skipgram on a GPU instance is an error; on several CPU instances it passes', () => {
    const text = blazingtext('batch_skipgram', 'ml.p3.2xlarge', 1);
    const finding = oneOn(text, instanceFindings(text), 'algorithm-instance', 'ml.p3.2xlarge');
    assert.equal(finding.severity, 'error');
    assert.equal(finding.message, 'ml.p3.2xlarge has GPUs, and the developer guide lists BlazingText mode "batch_skipgram" for CPU instances only (the modes that train on a GPU are cbow, skipgram, supervised). Use a CPU instance type (ml.m5, ml.c5, …).');
    assert.deepEqual(instanceFindings(blazingtext('batch_skipgram', 'ml.c5.4xlarge', 4)), []);
  });

  it('supervised uses one GPU: a 4-GPU instance is a warning, a 1-GPU instance passes; skipgram and cbow use them all', () => {
    const text = blazingtext('supervised', 'ml.p3.8xlarge', 1);
    const finding = oneOn(text, instanceFindings(text), 'algorithm-instance', 'ml.p3.8xlarge');
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.message, 'BlazingText mode "supervised" trains on 1 GPU of an instance; ml.p3.8xlarge has 4, and 3 stay idle. Use an instance type with 1 GPU (ml.p3.2xlarge, ml.g5.xlarge, …).');
    assert.deepEqual(instanceFindings(blazingtext('supervised', 'ml.p3.2xlarge', 1)), []);
    assert.deepEqual(instanceFindings(blazingtext('skipgram', 'ml.p3.8xlarge', 1)), []);
  });

  it('a computed or absent mode gets the checks of every mode only (BlazingText has CPU and GPU modes, and one distributed mode)', () => {
    const absent = training({ image: IMAGES.blazingtext, hyperparameters: {}, contentType: 'text/plain', instanceType: 'ml.p3.8xlarge', instanceCount: 3 });
    assert.deepEqual(instanceFindings(absent), []);
    const boto3 = `import boto3

boto3.client("sagemaker").create_training_job(
    TrainingJobName="words",
    RoleArn="${ROLE}",
    AlgorithmSpecification={"TrainingImage": "${IMAGES.blazingtext}", "TrainingInputMode": "File"},
    HyperParameters={"mode": mode},
    InputDataConfig=[{"ChannelName": "train", "ContentType": "text/plain", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/t/"}}}],
    OutputDataConfig={"S3OutputPath": "s3://b/o/"},
    ResourceConfig={"InstanceType": "ml.p3.2xlarge", "InstanceCount": 3, "VolumeSizeInGB": 10},
    StoppingCondition={"MaxRuntimeInSeconds": 3600},
)
`;
    assert.deepEqual(analyzePython(boto3, { algorithms: true }).filter((finding) => finding.code === 'algorithm-instance'), []);
    const literal = boto3.replace('{"mode": mode}', '{"mode": "cbow"}');
    oneOn(literal, analyzePython(literal, { algorithms: true }), 'algorithm-instance', '3');
  });

  it('the SDK Estimator: mode from set_hyperparameters, InstanceCount from instance_count', () => {
    const script = (mode: string) => `from sagemaker.estimator import Estimator

bt = Estimator(image_uri="${IMAGES.blazingtext}", role=role, instance_count=2, instance_type="ml.c5.4xlarge")
bt.set_hyperparameters(mode=${mode})
`;
    const text = script('"skipgram"');
    const finding = oneOn(text, analyzePython(text, { algorithms: true }).filter((entry) => entry.code === 'algorithm-instance'), 'algorithm-instance', '2');
    assert.equal(applyPythonFix(text, finding, 'Change mode to "batch_skipgram"'), text.replace('mode="skipgram"', 'mode="batch_skipgram"'));
    assert.deepEqual(analyzePython(script('"batch_skipgram"'), { algorithms: true }).filter((entry) => entry.code === 'algorithm-instance'), []);
    assert.deepEqual(analyzePython(script('mode'), { algorithms: true }).filter((entry) => entry.code === 'algorithm-instance'), []);
  });

  it('LDA: a GPU instance and InstanceCount 2 are errors, as the guide states CPU and one instance only', () => {
    const lda = (instanceType: string, instanceCount: number) => training({ image: IMAGES.lda, hyperparameters: { num_topics: '5', feature_dim: '10', mini_batch_size: '10' }, instanceType, instanceCount });
    const gpu = lda('ml.p3.2xlarge', 1);
    const onGpu = oneOn(gpu, instanceFindings(gpu), 'algorithm-instance', 'ml.p3.2xlarge');
    assert.equal(onGpu.severity, 'error');
    assert.equal(onGpu.message, 'ml.p3.2xlarge has GPUs, and the developer guide states Latent Dirichlet Allocation supports CPU instances only for training. Use a CPU instance type (ml.m5, ml.c5, …).');
    const several = lda('ml.m5.xlarge', 2);
    const count = oneOn(several, instanceFindings(several), 'algorithm-instance', '2');
    assert.equal(count.severity, 'error');
    assert.equal(count.message, 'The developer guide states Latent Dirichlet Allocation trains on a single instance only; InstanceCount 2 runs it outside what it supports.');
    assert.ok(applyFix(several, count).includes('"InstanceCount": 1'));
    assert.deepEqual(instanceFindings(lda('ml.m5.xlarge', 1)), []);
  });
});
