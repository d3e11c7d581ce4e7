// The YAML fix renderer on a stream with comments, anchors, aliases, flow maps and several
// documents: each edit intent's resulting text, and every byte outside the edited lines the same.
import * as assert from 'node:assert/strict';
import type { Node } from 'jsonc-parser';
import { intent, type HostIntent } from '../../src/core/edits/editIntent';
import { applyEdits } from '../../src/core/findings';
import { readYamlDocument } from '../../src/core/hostDocument';
import { findProperty, memberValue } from '../../src/core/jsonTree';
import { renderYamlEdits } from '../../src/core/hosts/yaml/yamlFixRenderer';

const STREAM = [
  '# Two requests, one stream',
  'x-defaults: &resources {InstanceType: ml.m5.xlarge, InstanceCount: 1}  # shared',
  'TrainingJobName: demo-job',
  'AlgorithmSpecification:',
  "  TrainingImage: '382416733822.dkr.ecr.us-east-1.amazonaws.com/kmeans:latest'  # pinned later",
  '  TrainingInputMode: Fil',
  'ResourceConfig: *resources',
  'StoppingCondition: {MaxRuntimeInSeconds: 3600}',
  '---',
  '# the model',
  'ModelName: m',
  'PrimaryContainer:',
  '  Image: "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"',
  '',
].join('\n');

function roots(text: string): Node[] {
  return readYamlDocument(text).requests.map((request) => request.root!);
}

/** `STREAM` after `intents`, asserting that only the lines `changedLines` (0-based, in the original) differ. */
function rendered(intents: HostIntent[], changedLines: number[]): string {
  const result = renderYamlEdits(STREAM, intents);
  assert.ok(result, 'the fix renders');
  const after = applyEdits(STREAM, result.edits);
  const before = STREAM.split('\n');
  const lines = after.split('\n');
  // Lines before the first change and after the last change are byte-identical.
  const first = Math.min(...changedLines);
  const last = Math.max(...changedLines);
  assert.deepEqual(lines.slice(0, first), before.slice(0, first));
  const tail = before.length - last - 1;
  assert.deepEqual(lines.slice(lines.length - tail), before.slice(before.length - tail));
  return after;
}

describe('YAML fix renderer', () => {
  const [training, model] = roots(STREAM);
  const algorithm = memberValue(training, 'AlgorithmSpecification')!;

  it('replaceValue keeps a plain scalar plain, and its line comment', () => {
    const after = rendered([intent.replaceValue(memberValue(algorithm, 'TrainingInputMode')!, 'File')], [5]);
    assert.equal(after.split('\n')[5], '  TrainingInputMode: File');
  });

  it('replaceInString edits inside single quotes; the comment stays', () => {
    const image = memberValue(algorithm, 'TrainingImage')!;
    const value = String(image.value);
    const after = rendered([intent.replaceInString(image, value.length - 'latest'.length, value.length, '1')], [4]);
    assert.equal(after.split('\n')[4], "  TrainingImage: '382416733822.dkr.ecr.us-east-1.amazonaws.com/kmeans:1'  # pinned later");
  });

  it('replaceInString inside double quotes in another document', () => {
    const image = memberValue(memberValue(model, 'PrimaryContainer'), 'Image')!;
    const after = rendered([intent.replaceInString(image, 0, 12, '683313688378')], [12]);
    assert.equal(after, STREAM);
    const changed = rendered([intent.replaceInString(image, String(image.value).length - 5, String(image.value).length, '1.5-1')], [12]);
    assert.equal(changed.split('\n')[12], '  Image: "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.5-1"');
  });

  it('renameMember renames the key only', () => {
    const key = findProperty(algorithm, 'TrainingInputMode')!.children![0];
    const after = rendered([intent.renameMember(key, 'InputMode')], [5]);
    assert.equal(after.split('\n')[5], '  InputMode: Fil');
  });

  it('removeMember removes a block member\'s lines (a nested block and its line comment with them)', () => {
    const specification = findProperty(training, 'AlgorithmSpecification')!.children![0];
    const after = rendered([intent.removeMember(specification)], [3, 4, 5]);
    assert.deepEqual(after.split('\n').slice(2, 5), ['TrainingJobName: demo-job', 'ResourceConfig: *resources', 'StoppingCondition: {MaxRuntimeInSeconds: 3600}']);
    const mode = findProperty(algorithm, 'TrainingInputMode')!.children![0];
    assert.deepEqual(rendered([intent.removeMember(mode)], [5]).split('\n').slice(4, 6), [STREAM.split('\n')[4], 'ResourceConfig: *resources']);
    // A member merged from an anchor is written elsewhere: no edit removes it from here.
    const merged = 'base: &base {A: 1}\nTrainingJobName: j\nResourceConfig:\n  <<: *base\n  B: 2\n';
    const config = memberValue(roots(merged)[0], 'ResourceConfig')!;
    assert.equal(renderYamlEdits(merged, [intent.removeMember(findProperty(config, 'A')!.children![0])]), undefined);
  });

  it('removeMember in a flow map removes the entry and the comma beside it', () => {
    const text = 'TrainingJobName: j\nStoppingCondition: {MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200}\n';
    const stopping = memberValue(roots(text)[0], 'StoppingCondition')!;
    const remove = (name: string) => applyEdits(text, renderYamlEdits(text, [intent.removeMember(findProperty(stopping, name)!.children![0])])!.edits);
    assert.equal(remove('MaxRuntimeInSeconds'), 'TrainingJobName: j\nStoppingCondition: {MaxWaitTimeInSeconds: 7200}\n');
    assert.equal(remove('MaxWaitTimeInSeconds'), 'TrainingJobName: j\nStoppingCondition: {MaxRuntimeInSeconds: 3600}\n');
  });

  it('setMember into a flow map writes a flow entry', () => {
    const after = rendered([intent.setMember(memberValue(training, 'StoppingCondition')!, ['MaxWaitTimeInSeconds'], 7200)], [7]);
    assert.equal(after.split('\n')[7], 'StoppingCondition: {MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200}');
  });

  it('setMember through an alias edits the anchored mapping (every alias sees it)', () => {
    const after = rendered([intent.setMember(memberValue(training, 'ResourceConfig')!, ['VolumeSizeInGB'], 10)], [1]);
    assert.equal(after.split('\n')[1], 'x-defaults: &resources {InstanceType: ml.m5.xlarge, InstanceCount: 1, VolumeSizeInGB: 10}  # shared');
  });

  it('setMember with a nested path adds a block mapping after the last member, after its comment', () => {
    const after = rendered([intent.setMember(algorithm, ['TrainingImageConfig', 'TrainingRepositoryAccessMode'], 'Vpc')], [5]);
    assert.deepEqual(after.split('\n').slice(5, 8), ['  TrainingInputMode: Fil', '  TrainingImageConfig:', '    TrainingRepositoryAccessMode: Vpc']);
  });

  it('setMember at the root of the second document stays in that document', () => {
    const after = rendered([intent.setMember(model, ['ExecutionRoleArn'], '')], [12]);
    assert.deepEqual(after.split('\n').slice(12, 14), ['  Image: "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"', 'ExecutionRoleArn: ""']);
    const result = renderYamlEdits(STREAM, [intent.setMember(model, ['ExecutionRoleArn'], '')])!;
    assert.equal(result.placeholderOffset, after.indexOf('ExecutionRoleArn: ""') + 'ExecutionRoleArn: "'.length);
  });

  it('setMember writes lists as block sequences and quotes what would not read back as a string', () => {
    const after = rendered([intent.setMember(model, ['VpcConfig'], { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: ['yes', '012'] })], [12]);
    assert.deepEqual(after.split('\n').slice(13, 19), ['VpcConfig:', '  SecurityGroupIds:', '    - sg-0123456789abcdef0', '  Subnets:', '    - "yes"', '    - "012"']);
  });

  it('replaceValue of a scalar by an object writes a flow mapping in place', () => {
    const after = rendered([intent.replaceValue(memberValue(algorithm, 'TrainingInputMode')!, { Mode: 'File' })], [5]);
    assert.equal(after.split('\n')[5], '  TrainingInputMode: {Mode: File}');
  });

  it('refuses edits that overlap', () => {
    const mode = memberValue(algorithm, 'TrainingInputMode')!;
    assert.equal(renderYamlEdits(STREAM, [intent.replaceValue(mode, 'File'), intent.replaceValue(mode, 'Pipe')]), undefined);
  });
});
