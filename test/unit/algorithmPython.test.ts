import * as assert from 'node:assert/strict';
import { analyzePython, applyPythonFix } from './pythonTestKit';

const XGBOOST = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';

/** A boto3 create_training_job call for XGBoost with `hyperparameters` as Python source. */
function boto3Training(hyperparameters: string, extra = ''): string {
  return `import boto3

sm = boto3.client("sagemaker")
sm.create_training_job(
    TrainingJobName="churn",
    RoleArn="arn:aws:iam::123456789012:role/SageMakerRole",
    AlgorithmSpecification={"TrainingImage": "${XGBOOST}", "TrainingInputMode": "File"},
    HyperParameters=${hyperparameters},
    InputDataConfig=[{"ChannelName": "train", "ContentType": "text/csv", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://bucket/train/"}}}],
    OutputDataConfig={"S3OutputPath": "s3://bucket/output/"},
    ResourceConfig={"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10},
    StoppingCondition={"MaxRuntimeInSeconds": 3600},${extra}
)
`;
}

const algorithmFindings = (text: string) => analyzePython(text, { algorithms: true }).filter((finding) => finding.code.startsWith('algorithm-'));

describe('built-in algorithm rules on boto3 calls (Python host, through the request tree)', () => {
  it('reports a missing num_round and inserts it as a Python dict entry', () => {
    const text = boto3Training('{"objective": "binary:logistic"}');
    const findings = algorithmFindings(text);
    assert.deepEqual(findings.map((finding) => finding.code), ['algorithm-missing-hyperparameter']);
    assert.equal(text.slice(findings[0].offset, findings[0].offset + findings[0].length), 'HyperParameters');
    const fixed = applyPythonFix(text, findings[0]);
    assert.ok(fixed.includes(`HyperParameters={"objective": "binary:logistic", "num_round": ""}`), fixed);
    // The placeholder is reported until filled.
    assert.deepEqual(algorithmFindings(fixed).map((finding) => finding.code), ['algorithm-invalid-hyperparameter']);
  });

  it('renames a misspelt name and unquotes a doubly quoted value in Python syntax', () => {
    const text = boto3Training(`dict(num_rounds="100", objective='"binary:logistic"')`);
    const findings = algorithmFindings(text);
    const unknown = findings.find((finding) => finding.code === 'algorithm-unknown-hyperparameter')!;
    assert.ok(applyPythonFix(text, unknown).includes('dict(num_round="100"'));
    const quoted = findings.find((finding) => finding.code === 'algorithm-invalid-hyperparameter')!;
    // The replaced string keeps its own quotes.
    assert.ok(applyPythonFix(text, quoted).includes(`objective='binary:logistic'`));
  });

  it('never judges values that are not literals, and counts their members as present', () => {
    assert.deepEqual(algorithmFindings(boto3Training('{"num_round": str(rounds), "eta": eta}')), []);
    assert.deepEqual(algorithmFindings(boto3Training('hyperparameters')), []);
  });

  it('leaves script mode alone', () => {
    assert.deepEqual(algorithmFindings(boto3Training('{"sagemaker_program": "train.py", "epochs": "\\"3\\""}')), []);
  });
});

/** The request of sm-regression_xgboost.ipynb's shape: XGBoost's hyperparameters with eta out of range, no channels. */
const RETRIEVED_REQUEST_MEMBERS = `"RoleArn": "arn:aws:iam::123456789012:role/r",
    "OutputDataConfig": {"S3OutputPath": "s3://b/o"},
    "ResourceConfig": {"InstanceCount": 1, "InstanceType": "ml.m5.2xlarge", "VolumeSizeInGB": 5},
    "TrainingJobName": "j",
    "HyperParameters": {"eta": "2.5", "num_round": "50"},
    "StoppingCondition": {"MaxRuntimeInSeconds": 3600},`;

const ETA_MESSAGE =
  'XGBoost 1.7-1 hyperparameter "eta": "2.5" is above the upper bound 1 (inclusive); the range is [0, 1]. SageMaker accepts the job, and it fails inside the container when it starts.';
const CHANNEL_MESSAGE = 'XGBoost 1.7-1 needs a "train" channel in InputDataConfig. SageMaker accepts the job, and it fails inside the container when it starts.';

/** [code, source text, message] of every finding (not only the algorithm rules'): nothing else is reported on the image. */
const summary = (text: string) => analyzePython(text, { algorithms: true }).map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length), finding.message]);

describe('built-in algorithm rules on boto3 calls whose image is image_uris.retrieve(…)', () => {
  const retrieveCall = 'sagemaker.image_uris.retrieve("xgboost", region, "1.7-1")';

  it('finds the algorithm through a name bound to the call, in a dict spread into the call (**params)', () => {
    const text = `import boto3
import sagemaker

region = boto3.Session().region_name
container = ${retrieveCall}
client = boto3.client("sagemaker", region_name=region)
params = {
    "AlgorithmSpecification": {"TrainingImage": container, "TrainingInputMode": "File"},
    ${RETRIEVED_REQUEST_MEMBERS}
}
client.create_training_job(**params)
`;
    // The channel finding goes on the image, as it does for a literal image bound to the name: here, the call.
    assert.deepEqual(summary(text), [
      ['algorithm-channel', retrieveCall, CHANNEL_MESSAGE],
      ['algorithm-invalid-hyperparameter', '2.5', ETA_MESSAGE],
    ]);
    assert.equal(text.indexOf(retrieveCall), analyzePython(text, { algorithms: true })[0].offset);
  });

  it('finds the algorithm from the call written in place, with keyword arguments', () => {
    const text = `import boto3
import sagemaker

client = boto3.client("sagemaker")
client.create_training_job(
    TrainingJobName="j",
    AlgorithmSpecification={"TrainingImage": ${retrieveCall}, "TrainingInputMode": "File"},
    RoleArn="arn:aws:iam::123456789012:role/r",
    OutputDataConfig={"S3OutputPath": "s3://b/o"},
    ResourceConfig={"InstanceCount": 1, "InstanceType": "ml.m5.2xlarge", "VolumeSizeInGB": 5},
    HyperParameters={"eta": "2.5", "num_round": "50"},
    StoppingCondition={"MaxRuntimeInSeconds": 3600},
)
`;
    assert.deepEqual(summary(text), [
      ['algorithm-channel', retrieveCall, CHANNEL_MESSAGE],
      ['algorithm-invalid-hyperparameter', '2.5', ETA_MESSAGE],
    ]);
  });

  it('reads the import forms the SDK path reads: from sagemaker import image_uris, from sagemaker.image_uris import retrieve [as …]', () => {
    const request = (imports: string, call: string) => `import boto3
${imports}

sm = boto3.client("sagemaker")
image = ${call}
sm.create_training_job(
    TrainingJobName="j",
    AlgorithmSpecification={"TrainingImage": image, "TrainingInputMode": "File"},
    InputDataConfig=[{"ChannelName": "train", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/t"}}}],
    RoleArn="arn:aws:iam::123456789012:role/r",
    OutputDataConfig={"S3OutputPath": "s3://b/o"},
    ResourceConfig={"InstanceCount": 1, "InstanceType": "ml.m5.2xlarge", "VolumeSizeInGB": 5},
    HyperParameters={"eta": "2.5", "num_round": "50"},
    StoppingCondition={"MaxRuntimeInSeconds": 3600},
)
`;
    for (const [imports, call] of [
      ['from sagemaker import image_uris', 'image_uris.retrieve(framework="xgboost", region="us-east-1", version="1.7-1")'],
      ['from sagemaker.image_uris import retrieve', 'retrieve("xgboost", "us-east-1", "1.7-1")'],
      ['from sagemaker.image_uris import retrieve as image_of', 'image_of("xgboost", "us-east-1", "1.7-1")'],
    ]) {
      const text = request(imports, call);
      assert.deepEqual(summary(text), [['algorithm-invalid-hyperparameter', '2.5', ETA_MESSAGE]], text);
    }
    // A `retrieve` of something else is no SageMaker image.
    assert.deepEqual(summary(request('from mylib import retrieve', 'retrieve("xgboost", "us-east-1", "1.7-1")')), []);
  });

  it('gives nothing from the algorithm rules for a version the catalog does not know (the framework rules name it), nor for a name bound twice', () => {
    const text = `import boto3
from sagemaker import image_uris

sm = boto3.client("sagemaker")
sm.create_training_job(
    TrainingJobName="j",
    AlgorithmSpecification={"TrainingImage": image_uris.retrieve("xgboost", "us-east-1", "1.7-9"), "TrainingInputMode": "File"},
    RoleArn="arn:aws:iam::123456789012:role/r",
    OutputDataConfig={"S3OutputPath": "s3://b/o"},
    ResourceConfig={"InstanceCount": 1, "InstanceType": "ml.m5.2xlarge", "VolumeSizeInGB": 5},
    HyperParameters={"eta": "2.5", "num_round": "50"},
    StoppingCondition={"MaxRuntimeInSeconds": 3600},
)
`;
    assert.deepEqual(
      summary(text).map(([code, source]) => [code, source]),
      [['unknown-framework-version', '1.7-9']],
    );
    const twice = text.replace('"TrainingImage": image_uris.retrieve("xgboost", "us-east-1", "1.7-9")', '"TrainingImage": image').replace('sm = ', 'image = image_uris.retrieve("xgboost", "us-east-1", "1.7-1")\nif other:\n    image = "x"\nsm = ');
    assert.deepEqual(summary(twice), []);
  });

  it('finds the algorithm of a tuning job definition\'s image: static hyperparameters and ranges are judged', () => {
    const text = `import boto3
import sagemaker

container = sagemaker.image_uris.retrieve("xgboost", "us-east-1", "1.7-1")
sm = boto3.client("sagemaker")
sm.create_hyper_parameter_tuning_job(
    HyperParameterTuningJobName="t",
    HyperParameterTuningJobConfig={"Strategy": "Bayesian", "ResourceLimits": {"MaxNumberOfTrainingJobs": 4, "MaxParallelTrainingJobs": 2},
        "HyperParameterTuningJobObjective": {"MetricName": "validation:rmse", "Type": "Minimize"},
        "ParameterRanges": {"ContinuousParameterRanges": [{"Name": "eta", "MinValue": "0", "MaxValue": "1"}]}},
    TrainingJobDefinition={
        "AlgorithmSpecification": {"TrainingImage": container, "TrainingInputMode": "File"},
        "RoleArn": "arn:aws:iam::123456789012:role/r",
        "OutputDataConfig": {"S3OutputPath": "s3://b/o"},
        "ResourceConfig": {"InstanceCount": 1, "InstanceType": "ml.m5.2xlarge", "VolumeSizeInGB": 5},
        "StaticHyperParameters": {"num_round": "50", "max_depth": "0.5"},
        "StoppingCondition": {"MaxRuntimeInSeconds": 3600},
        "InputDataConfig": [{"ChannelName": "train", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/t"}}}],
    },
)
`;
    assert.deepEqual(summary(text), [
      ['algorithm-invalid-hyperparameter', '0.5', 'XGBoost 1.7-1 hyperparameter "max_depth": "0.5" is not an integer. SageMaker accepts the job, and it fails inside the container when it starts.'],
    ]);
  });
});
