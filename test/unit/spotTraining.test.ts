// spot-training-wait: MaxWaitTimeInSeconds without managed spot training, missing with it, or
// shorter than MaxRuntimeInSeconds, in a JSON spec, a tuning job, a boto3 call, a Step Functions
// task and an SDK estimator's use_spot_instances / max_wait / max_run.
import * as assert from 'node:assert/strict';
import { RULES } from '../../src/core/rules/ruleCodes';
import { analyzePython, applyPythonFix } from './pythonTestKit';
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

  it('reports managed spot training without MaxWaitTimeInSeconds on EnableManagedSpotTraining, with the run time (or its default) as the wait to add', () => {
    const text = spec({ EnableManagedSpotTraining: true, StoppingCondition: { MaxRuntimeInSeconds: 3600 } });
    const finding = only(analyzeText(text), 'spot-training-wait');
    assert.equal(textAt(text, finding), 'EnableManagedSpotTraining');
    assert.match(finding.message, /^Managed spot training needs StoppingCondition.MaxWaitTimeInSeconds .*refuses the job without it/);
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.changesBehaviour ?? false]), [['Add MaxWaitTimeInSeconds (3600)', false], ['Set EnableManagedSpotTraining to false', true]]);
    const added = applyFix(text, finding, 'Add MaxWaitTimeInSeconds (3600)');
    assert.deepEqual(JSON.parse(added).StoppingCondition, { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 3600 });
    assert.deepEqual(codes(added), []);
    assert.deepEqual(codes(applyFix(text, finding, 'Set EnableManagedSpotTraining to false')), []);
    // The API's one-day default run time stands in for an unwritten MaxRuntimeInSeconds.
    const noRuntime = spec({ EnableManagedSpotTraining: true, StoppingCondition: {} });
    assert.ok(only(analyzeText(noRuntime), 'spot-training-wait').fixes.some((fix) => fix.title === 'Add MaxWaitTimeInSeconds (86400)'));
    const shortDefault = only(analyzeText(spec({ EnableManagedSpotTraining: true, StoppingCondition: { MaxWaitTimeInSeconds: 3600 } })), 'spot-training-wait');
    assert.equal(shortDefault.message, 'MaxWaitTimeInSeconds (3600) must be at least MaxRuntimeInSeconds (86400, its default): it is the time to wait for spot capacity plus the time the job runs.');
  });

  it('holds in each training job definition of a tuning job', () => {
    const definition = (stopping: Record<string, number>, spot?: boolean) => ({
      AlgorithmSpecification: { TrainingImage: IMAGE, TrainingInputMode: 'File' },
      RoleArn: 'arn:aws:iam::123456789012:role/R',
      OutputDataConfig: { S3OutputPath: 's3://b/o' },
      ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
      StoppingCondition: stopping,
      ...(spot !== undefined && { EnableManagedSpotTraining: spot }),
    });
    const tuning = (body: Record<string, unknown>) =>
      JSON.stringify({ HyperParameterTuningJobName: 't', HyperParameterTuningJobConfig: { Strategy: 'Bayesian', ResourceLimits: { MaxNumberOfTrainingJobs: 2, MaxParallelTrainingJobs: 1 } }, ...body }, null, 2);
    const single = tuning({ TrainingJobDefinition: definition({ MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 }) });
    const finding = only(analyzeText(single), 'spot-training-wait');
    assert.match(finding.message, /the training job definition does not set EnableManagedSpotTraining/);
    assert.equal(JSON.parse(applyFix(single, finding, 'Set EnableManagedSpotTraining to true')).TrainingJobDefinition.EnableManagedSpotTraining, true);
    const list = tuning({ TrainingJobDefinitions: [{ DefinitionName: 'a', ...definition({ MaxRuntimeInSeconds: 3600 }, true) }, { DefinitionName: 'b', ...definition({ MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 600 }, true) }] });
    assert.deepEqual(
      analyzeText(list).filter((found) => found.code === 'spot-training-wait').map((found) => textAt(list, found)),
      ['EnableManagedSpotTraining', '600'],
    );
  });
});

describe('spot-training-wait on SDK estimators', () => {
  const estimator = (args: string, after = '') => `from sagemaker.estimator import Estimator\nest = Estimator(image_uri="my.registry/img:1", role="arn:aws:iam::123456789012:role/R", instance_count=1, instance_type="ml.m5.xlarge", ${args})\n${after}est.fit("s3://b/t")\n`;
  const spotFindings = (text: string) => analyzePython(text).filter((finding) => finding.code === 'spot-training-wait');

  it('reports max_wait without use_spot_instances=True on the value, with use_spot_instances=True as the fix', () => {
    const text = estimator('max_run=3600, max_wait=7200');
    const [finding] = spotFindings(text);
    assert.equal(textAt(text, finding), '7200');
    assert.equal(finding.message, 'max_wait is sent as MaxWaitTimeInSeconds, which is only for managed spot training, and the call passes no use_spot_instances=True: SageMaker refuses the job ("Invalid MaxWaitTimeInSeconds").');
    const fixed = applyPythonFix(text, finding, 'Pass use_spot_instances=True');
    assert.equal(fixed, estimator('max_run=3600, max_wait=7200, use_spot_instances=True'));
    assert.deepEqual(spotFindings(fixed), []);
    const off = estimator('use_spot_instances=False, max_wait=7200');
    assert.match(spotFindings(off)[0].message, /the call passes use_spot_instances=False/);
    assert.equal(applyPythonFix(off, spotFindings(off)[0], 'Pass use_spot_instances=True'), estimator('use_spot_instances=True, max_wait=7200'));
  });

  it('reports use_spot_instances=True without max_wait, adding max_wait as long as max_run (or its default)', () => {
    const text = estimator('use_spot_instances=True, max_run=3600');
    const [finding] = spotFindings(text);
    assert.equal(textAt(text, finding), 'True');
    assert.match(finding.message, /^use_spot_instances=True needs max_wait .*the SDK sends no MaxWaitTimeInSeconds/);
    assert.deepEqual(finding.fixes.map((fix) => fix.title), ['Pass max_wait=3600', 'Pass use_spot_instances=False']);
    assert.equal(applyPythonFix(text, finding, 'Pass max_wait=3600'), estimator('use_spot_instances=True, max_run=3600, max_wait=3600'));
    assert.equal(applyPythonFix(text, finding, 'Pass use_spot_instances=False'), estimator('use_spot_instances=False, max_run=3600'));
    const noneWait = estimator('use_spot_instances=True, max_wait=None');
    assert.equal(applyPythonFix(noneWait, spotFindings(noneWait)[0], 'Pass max_wait=86400'), estimator('use_spot_instances=True, max_wait=86400'));
    // v1's keyword names are still read (and named as written).
    assert.match(spotFindings(estimator('train_use_spot_instances=True'))[0].message, /^train_use_spot_instances=True needs max_wait/);
  });

  it('reports a max_wait shorter than max_run, or than its one-day default', () => {
    const text = estimator('use_spot_instances=True, max_run=7200, max_wait=3600');
    const [finding] = spotFindings(text);
    assert.equal(finding.message, "max_wait (3600) must be at least max_run (7200): it is the time to wait for spot capacity plus the time the job runs, and SageMaker refuses a shorter one.");
    assert.equal(applyPythonFix(text, finding, 'Use 7200'), estimator('use_spot_instances=True, max_run=7200, max_wait=7200'));
    assert.match(spotFindings(estimator('use_spot_instances=True, max_wait=3600'))[0].message, /max_run \(86400, the SDK's default\)/);
    assert.deepEqual(spotFindings(estimator('use_spot_instances=True, max_run=3600, max_wait=3600')), []);
  });

  it('says nothing where the call or the file may set them out of sight, or they are computed', () => {
    assert.deepEqual(spotFindings(estimator('max_wait=7200, **spot_settings')), []);
    assert.deepEqual(spotFindings(estimator('use_spot_instances=True, **settings')), []);
    assert.deepEqual(spotFindings(estimator('use_spot_instances=True', 'est.max_wait = 7200\n')), []);
    assert.deepEqual(spotFindings(estimator('use_spot_instances=use_spot, max_wait=600')), []);
    assert.deepEqual(spotFindings(estimator('use_spot_instances=True, max_run=run_seconds, max_wait=600')), []);
    assert.deepEqual(spotFindings(estimator('max_wait=0')), []);
    assert.deepEqual(spotFindings(estimator('max_wait=None, use_spot_instances=False')), []);
  });

  it('holds for the SDK\'s Amazon algorithm estimators', () => {
    const text = 'from sagemaker import KMeans\nkm = KMeans(role="arn:aws:iam::123456789012:role/R", instance_count=1, instance_type="ml.m5.xlarge", k=3, use_spot_instances=True, max_run=3600)\n';
    const [finding] = spotFindings(text);
    assert.equal(applyPythonFix(text, finding, 'Pass max_wait=3600'), text.replace('max_run=3600)', 'max_run=3600, max_wait=3600)'));
  });
});
