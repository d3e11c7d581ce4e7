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
