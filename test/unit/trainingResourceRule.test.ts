import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { analyzePython, boto3Script } from './pythonTestKit';
import { analyzeText, trainingSpec } from './specTestKit';
import { analyzeYaml } from './yamlTestKit';

const IMAGE = '111122223333.dkr.ecr.us-east-1.amazonaws.com/mine:1.0';
const COUNT_MESSAGE = 'ResourceConfig.InstanceCount must be at least 1 when ResourceConfig has no InstanceGroups; it is 0. The API model allows 0 only for heterogeneous clusters (InstanceGroups), and a training job on one instance type runs on at least one instance.';
const VOLUME_MESSAGE = 'ResourceConfig.VolumeSizeInGB must be at least 1 when ResourceConfig has no InstanceGroups; it is 0. The API model allows 0 only for heterogeneous clusters (InstanceGroups), and a training job on one instance type needs a storage volume of at least 1 GB.';

/** code, covered text, message and fix titles of each value-out-of-range finding. */
function outOfRange(text: string, findings: Finding[]): [string, string, string[]][] {
  return findings.filter((finding) => finding.code === 'value-out-of-range').map((finding) => [text.slice(finding.offset, finding.offset + finding.length), finding.message, finding.fixes.map((fix) => fix.title)]);
}

const ZERO = { InstanceType: 'ml.m5.xlarge', InstanceCount: 0, VolumeSizeInGB: 0 };
const GROUPS = { InstanceGroups: [{ InstanceGroupName: 'a', InstanceType: 'ml.m5.xlarge', InstanceCount: 2 }], InstanceCount: 0, VolumeSizeInGB: 30 };

describe('a training job without InstanceGroups needs an instance and a volume (value-out-of-range on 0)', () => {
  it('JSON: reports InstanceCount 0 and VolumeSizeInGB 0 on their values, with no fix', () => {
    const text = trainingSpec(IMAGE, { ResourceConfig: ZERO });
    const findings = analyzeText(text);
    assert.deepEqual(outOfRange(text, findings), [['0', COUNT_MESSAGE, []], ['0', VOLUME_MESSAGE, []]]);
    const [count, volume] = findings.filter((finding) => finding.code === 'value-out-of-range');
    assert.equal(count.offset, text.indexOf('"InstanceCount": 0') + '"InstanceCount": '.length);
    assert.equal(volume.offset, text.indexOf('"VolumeSizeInGB": 0') + '"VolumeSizeInGB": '.length);
  });

  it('JSON: says nothing of 1, nor of a 0 beside InstanceGroups (a heterogeneous cluster)', () => {
    assert.deepEqual(analyzeText(trainingSpec(IMAGE)), []);
    const text = trainingSpec(IMAGE, { ResourceConfig: GROUPS });
    assert.deepEqual(outOfRange(text, analyzeText(text)), []);
  });

  it('JSON: says nothing of a serverless training job, whose resources SageMaker chooses', () => {
    const text = trainingSpec(IMAGE, { ResourceConfig: ZERO, ServerlessJobConfig: {} });
    assert.deepEqual(outOfRange(text, analyzeText(text)), []);
  });

  it('YAML: the same finding on the YAML value', () => {
    const text = [
      'TrainingJobName: demo-job',
      'RoleArn: arn:aws:iam::123456789012:role/SageMakerRole',
      'AlgorithmSpecification:',
      `  TrainingImage: ${IMAGE}`,
      '  TrainingInputMode: File',
      'OutputDataConfig:',
      '  S3OutputPath: s3://bucket/output',
      'ResourceConfig:',
      '  InstanceType: ml.m5.xlarge',
      '  InstanceCount: 0',
      '  VolumeSizeInGB: 10',
      'StoppingCondition:',
      '  MaxRuntimeInSeconds: 3600',
      '',
    ].join('\n');
    const findings = analyzeYaml(text, { forced: true });
    assert.deepEqual(outOfRange(text, findings), [['0', COUNT_MESSAGE, []]]);
    assert.equal(findings[0].offset, text.indexOf('InstanceCount: 0') + 'InstanceCount: '.length);
  });

  it('boto3: reports the ResourceConfig dict\'s 0 (trial 6, p19), not when **kwargs may add InstanceGroups', () => {
    const request = JSON.parse(trainingSpec(IMAGE, { ResourceConfig: ZERO })) as Record<string, unknown>;
    const text = boto3Script('CreateTrainingJob', request);
    assert.deepEqual(outOfRange(text, analyzePython(text)), [['0', COUNT_MESSAGE, []], ['0', VOLUME_MESSAGE, []]]);
    const open = text.replace("'InstanceCount': 0", "'InstanceCount': 0, **extra");
    assert.deepEqual(outOfRange(open, analyzePython(open)), []);
  });

  describe('SDK estimators', () => {
    const IMPORTS = 'from sagemaker.estimator import Estimator\nfrom sagemaker.pytorch import PyTorch\nfrom sagemaker.instance_group import InstanceGroup\n\n';

    it('reports instance_count=0 and volume_size=0, by keyword and by position (trial 6, p1)', () => {
      const text = `${IMPORTS}est = PyTorch(entry_point="t.py", role="r", framework_version="2.3.0", py_version="py311",\n    instance_count=0, instance_type="ml.g5.xlarge", volume_size=0)\ngeneric = Estimator("${IMAGE}", "r", 0, "ml.m5.xlarge")\n`;
      const findings = analyzePython(text);
      const count = `instance_count (ResourceConfig.InstanceCount) must be at least 1 when the call passes no instance_groups; it is 0. The API model allows 0 only for heterogeneous clusters (InstanceGroups), and a training job on one instance type runs on at least one instance.`;
      assert.deepEqual(outOfRange(text, findings), [
        ['0', count, []],
        ['0', 'volume_size (ResourceConfig.VolumeSizeInGB) must be at least 1 when the call passes no instance_groups; it is 0. The API model allows 0 only for heterogeneous clusters (InstanceGroups), and a training job on one instance type needs a storage volume of at least 1 GB.', []],
        ['0', count, []],
      ]);
      const offsets = findings.filter((finding) => finding.code === 'value-out-of-range').map((finding) => finding.offset);
      assert.deepEqual(offsets, [text.indexOf('instance_count=0') + 'instance_count='.length, text.indexOf('volume_size=0') + 'volume_size='.length, text.indexOf('"r", 0,') + '"r", '.length]);
    });

    it('says nothing when the call passes instance_groups, or of a count of 1', () => {
      const groups = `${IMPORTS}est = Estimator(image_uri="${IMAGE}", role="r", volume_size=0, instance_groups=[InstanceGroup("a", "ml.m5.xlarge", 2)])\n`;
      assert.deepEqual(analyzePython(groups), []);
      const one = `${IMPORTS}est = Estimator(image_uri="${IMAGE}", role="r", instance_count=1, instance_type="ml.m5.xlarge", volume_size=30)\n`;
      assert.deepEqual(analyzePython(one), []);
    });
  });
});
