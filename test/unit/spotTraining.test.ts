// spot-training-wait: MaxWaitTimeInSeconds without managed spot training, or shorter than
// MaxRuntimeInSeconds, in a JSON spec, a boto3 call and a Step Functions task.
import * as assert from 'node:assert/strict';
import { RULES } from '../../src/core/rules/ruleCodes';
import { analyzePython } from './pythonTestKit';
import { analyzeText, applyFix, only, textAt, trainingSpec, KMEANS_US_EAST_1 } from './specTestKit';
import { analyzeWorkflow } from './workflowTestKit';

const IMAGE = `${KMEANS_US_EAST_1}:1`;
const HYPERPARAMETERS = { HyperParameters: { k: '3', feature_dim: '4' }, InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/t' } } }] };
const spec = (extra: Record<string, unknown>) => trainingSpec(IMAGE, { ...HYPERPARAMETERS, ...extra });
const codes = (text: string) => analyzeText(text).map((finding) => finding.code);

describe('spot-training-wait', () => {
  it('is an error of its own code', () => {
    assert.equal(RULES['spot-training-wait'].severity, 'error');
  });

  it('reports MaxWaitTimeInSeconds without managed spot training on its key, with a removal and (not preferred) spot as fixes', () => {
    const text = spec({ StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 } });
    const finding = only(analyzeText(text), 'spot-training-wait');
    assert.equal(textAt(text, finding), 'MaxWaitTimeInSeconds');
    assert.equal(finding.message, 'MaxWaitTimeInSeconds is only for managed spot training, and the request does not set EnableManagedSpotTraining: SageMaker refuses the job ("Invalid MaxWaitTimeInSeconds").');
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred ?? false, fix.changesBehaviour ?? false]), [['Remove MaxWaitTimeInSeconds', false, false], ['Set EnableManagedSpotTraining to true', false, true]]);
    assert.deepEqual(codes(applyFix(text, finding, 'Remove MaxWaitTimeInSeconds')), []);
    assert.deepEqual(codes(applyFix(text, finding, 'Set EnableManagedSpotTraining to true')), []);
    assert.match(only(analyzeText(spec({ EnableManagedSpotTraining: false, StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 } })), 'spot-training-wait').message, /EnableManagedSpotTraining is false/);
  });

  it('reports a wait shorter than the run time on the wait, with the run time as a fix that changes behaviour', () => {
    const text = spec({ EnableManagedSpotTraining: true, StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 1800 } });
    const finding = only(analyzeText(text), 'spot-training-wait');
    assert.equal(textAt(text, finding), '1800');
    assert.equal(finding.message, 'MaxWaitTimeInSeconds (1800) must be at least MaxRuntimeInSeconds (3600): it is the time to wait for spot capacity plus the time the job runs.');
    assert.deepEqual(codes(applyFix(text, finding, 'Use 3600')), []);
    assert.deepEqual(codes(spec({ EnableManagedSpotTraining: true, StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 3600 } })), []);
    assert.deepEqual(codes(spec({ EnableManagedSpotTraining: true, StoppingCondition: { MaxRuntimeInSeconds: 3600 } })), []);
  });

  it('holds in a boto3 call, and says nothing where a value is computed (a Step Functions path)', () => {
    const python = `import boto3\nsm = boto3.client("sagemaker")\nsm.create_training_job(TrainingJobName="j", RoleArn="arn:aws:iam::123456789012:role/R", AlgorithmSpecification={"TrainingImage": "${IMAGE}", "TrainingInputMode": "File"}, HyperParameters={"k": "3", "feature_dim": "4"}, InputDataConfig=[{"ChannelName": "train", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/t"}}}], OutputDataConfig={"S3OutputPath": "s3://b/o"}, ResourceConfig={"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10}, StoppingCondition={"MaxRuntimeInSeconds": 3600, "MaxWaitTimeInSeconds": 600}, EnableManagedSpotTraining=True)\n`;
    assert.equal(textAt(python, only(analyzePython(python), 'spot-training-wait')), '600');
    const machine = JSON.stringify({
      StartAt: 'Train',
      States: {
        Train: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
          Parameters: { ...JSON.parse(spec({})), TrainingJobName: undefined, 'TrainingJobName.$': '$.name', 'EnableManagedSpotTraining.$': '$.spot', StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 } },
          End: true,
        },
      },
    });
    assert.deepEqual(analyzeWorkflow(machine).filter((finding) => finding.code === 'spot-training-wait'), []);
  });
});
