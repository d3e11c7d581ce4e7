// A request's own ARNs name its partition: a target region of another partition (AWS_REGION set
// for other work) is not where it runs, so its images are not moved there.
import * as assert from 'node:assert/strict';
import { partitionOfArn } from '../../src/core/rules/requestPartition';
import { analyzeText, applyFix, textAt, trainingSpec } from './specTestKit';
import { analyzeWorkflow, completeWorkflow } from './workflowTestKit';

const CHINA_XGBOOST = '450853457545.dkr.ecr.cn-north-1.amazonaws.com.cn/sagemaker-xgboost:1.7-1';

/** A one-task state machine in `partition` whose training image is `image`. */
function stateMachine(partition: string, image: string): string {
  return JSON.stringify({
    StartAt: 'Train',
    States: {
      Train: {
        Type: 'Task',
        Resource: `arn:${partition}:states:::sagemaker:createTrainingJob.sync`,
        Parameters: {
          'TrainingJobName.$': '$$.Execution.Name',
          RoleArn: `arn:${partition}:iam::123456789012:role/SageMakerRole`,
          AlgorithmSpecification: { TrainingImage: image, TrainingInputMode: 'File' },
          OutputDataConfig: { S3OutputPath: 's3://bucket/output' },
          ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
          StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        },
        End: true,
      },
    },
  }, null, 2);
}

describe('the partition a request runs in', () => {
  it('reads the partition of an ARN', () => {
    assert.equal(partitionOfArn('arn:aws-cn:iam::123456789012:role/R'), 'aws-cn');
    assert.equal(partitionOfArn('arn:aws-us-gov:states:::sagemaker:createModel'), 'aws-us-gov');
    assert.equal(partitionOfArn('arn:aws:iam::123456789012:role/R'), 'aws');
    assert.equal(partitionOfArn('arn:${AWS::Partition}:iam::123456789012:role/R'), undefined);
    assert.equal(partitionOfArn('aws-cn'), undefined);
    assert.equal(partitionOfArn(undefined), undefined);
  });

  it('a China state machine keeps its images when the target region is in another partition', () => {
    const text = stateMachine('aws-cn', CHINA_XGBOOST);
    assert.deepEqual(analyzeWorkflow(text, { region: 'us-east-1' }), []);
    // In its own partition the target still decides, with the fix.
    const other = analyzeWorkflow(text, { region: 'cn-northwest-1' });
    assert.deepEqual(other.map((finding) => [finding.code, textAt(text, finding), finding.fixes.map((fix) => fix.title)]), [
      ['image-region-mismatch', 'cn-north-1', ['Use the cn-northwest-1 registry (451049120500.dkr.ecr.cn-northwest-1.amazonaws.com.cn)']],
    ]);
  });

  it('an image of another partition than the request is reported, with the same image in each region of the request\'s partition (none preferred without a target there)', () => {
    const text = stateMachine('aws-cn', '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1');
    const [finding, ...rest] = analyzeWorkflow(text, { region: 'us-west-2' });
    assert.deepEqual(rest, []);
    assert.equal(finding.code, 'image-region-mismatch');
    assert.equal(textAt(text, finding), 'us-east-1');
    assert.equal(finding.message, "The image is in us-east-1 (partition aws), but this request's ARNs are in the aws-cn partition; SageMaker pulls images from its own region. Use the registry of cn-north-1 or cn-northwest-1.");
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [
      ['Use the cn-north-1 registry (450853457545.dkr.ecr.cn-north-1.amazonaws.com.cn)', false],
      ['Use the cn-northwest-1 registry (451049120500.dkr.ecr.cn-northwest-1.amazonaws.com.cn)', false],
    ]);
    assert.equal(applyFix(text, finding, finding.fixes[1].title), text.replace('683313688378.dkr.ecr.us-east-1.amazonaws.com', '451049120500.dkr.ecr.cn-northwest-1.amazonaws.com.cn'));
    // A target region in the request's partition comes first, and its fix is preferred.
    const [targeted] = analyzeWorkflow(text, { region: 'cn-northwest-1' });
    assert.deepEqual(targeted.fixes.map((fix) => [fix.title.split(' ')[2], fix.preferred]), [['cn-northwest-1', true], ['cn-north-1', false]]);
  });

  it('an image of another partition is reported whatever the target region: none, the image\'s own, or the request\'s (found by a fresh user)', () => {
    const text = stateMachine('aws-cn', '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1');
    for (const region of [undefined, 'us-east-1', 'cn-north-1']) {
      const found = analyzeWorkflow(text, region ? { region } : {});
      assert.deepEqual(found.map((finding) => [finding.code, textAt(text, finding)]), [['image-region-mismatch', 'us-east-1']], String(region));
      assert.match(found[0].message, /^The image is in us-east-1 \(partition aws\), but this request's ARNs are in the aws-cn partition/);
    }
    // A plain spec whose role is in the aws partition, with a China image: the same, the other way.
    const spec = trainingSpec(CHINA_XGBOOST);
    assert.deepEqual(analyzeText(spec).map((finding) => [finding.code, textAt(spec, finding)]), [['image-region-mismatch', 'cn-north-1']]);
    // Without an ARN that names a partition (a placeholder), nothing is known.
    assert.deepEqual(analyzeText(trainingSpec(CHINA_XGBOOST, { RoleArn: 'arn:${AWS::Partition}:iam::123456789012:role/R' })).map((finding) => finding.code), ['unfilled-placeholder']);
  });

  it('image completion in a China task offers the images of its partition, whatever region is set (found by a fresh user)', () => {
    const marked = stateMachine('aws-cn', 'sagemaker-xgb|');
    const items = completeWorkflow(marked, 'us-east-1')!.items;
    assert.ok(items.length > 0);
    assert.ok(items.every((item) => /^\d{12}\.dkr\.ecr\.cn-north-1\.amazonaws\.com\.cn\//.test(item.edit.newText)), items[0].edit.newText);
    // In the aws partition, the region set decides as before.
    assert.match(completeWorkflow(stateMachine('aws', 'sagemaker-xgb|'), 'eu-west-1')!.items[0].edit.newText, /\.dkr\.ecr\.eu-west-1\.amazonaws\.com\//);
  });

  it('a spec whose role is in GovCloud is judged the same way', () => {
    const text = trainingSpec('414596584902.dkr.ecr.us-gov-west-1.amazonaws.com/sagemaker-xgboost:1.7-1', { RoleArn: 'arn:aws-us-gov:iam::123456789012:role/R' });
    assert.deepEqual(analyzeText(text, { region: 'eu-west-1' }), []);
    assert.deepEqual(analyzeText(text, { region: 'us-gov-east-1' }).map((finding) => finding.code), ['image-region-mismatch']);
  });
});
