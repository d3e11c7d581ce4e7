import * as assert from 'node:assert/strict';
import { completeAt, type CompletionResult } from '../../src/core/completion';
import { applyEdits } from '../../src/core/findings';
import { hoverAt } from '../../src/core/hover';
import { parseSpecDocument } from '../../src/core/specDocument';
import { apiModel, catalog } from './specTestKit';

/** Completes at the `|` in `textWithCursor`, with the API model. */
function complete(textWithCursor: string): CompletionResult | undefined {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return completeAt(parseSpecDocument(text), offset, { catalog, regionInputs: { env: { AWS_REGION: 'us-east-1' } }, apiModel });
}

function accept(textWithCursor: string, label: string): { text: string; snippet: boolean } {
  const item = complete(textWithCursor)?.items.find((candidate) => candidate.label === label);
  if (!item) throw new Error(`no item ${label}`);
  return { text: applyEdits(textWithCursor.replace('|', ''), [item.edit]), snippet: Boolean(item.snippet) };
}

function hover(textWithCursor: string): string | undefined {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return hoverAt(parseSpecDocument(text), offset, catalog, apiModel)?.markdown;
}

const job = (inner: string) => `{\n  "TrainingJobName": "j",\n${inner}\n}`;

describe('completion from the API model', () => {
  it('offers the missing top-level members, required first', () => {
    const labels = complete(job('  |'))!.items.map((item) => item.label);
    assert.deepEqual(labels.slice(0, 2), ['RoleArn', 'OutputDataConfig']);
    assert.ok(!labels.includes('TrainingJobName'), 'members already present are not offered');
    assert.ok(labels.includes('AlgorithmSpecification') && labels.includes('HyperParameters'));
  });

  it('inserts "Name": with a typed placeholder, as a snippet', () => {
    assert.deepEqual(accept(job('  |'), 'RoleArn'), { text: job('  "RoleArn": "$1"'), snippet: true });
    assert.equal(accept(job('  |'), 'ResourceConfig').text, job('  "ResourceConfig": {$1}'));
    assert.equal(accept(job('  |'), 'EnableNetworkIsolation').text, job('  "EnableNetworkIsolation": ${1|true,false|}'));
    assert.equal(accept(job('  |'), 'InputDataConfig').text, job('  "InputDataConfig": [$1]'));
  });

  it('replaces a partly typed key and adds a comma when a member follows', () => {
    const text = '{\n  "TrainingJobName": "j",\n  "Rol|\n  "OutputDataConfig": {}\n}';
    assert.equal(accept(text, 'RoleArn').text, '{\n  "TrainingJobName": "j",\n  "RoleArn": "$1",\n  "OutputDataConfig": {}\n}');
  });

  it('renames only the key when it already has a value', () => {
    const text = job('  "RoleAr|": "arn"');
    assert.deepEqual(accept(text, 'RoleArn'), { text: job('  "RoleArn": "arn"'), snippet: false });
  });

  it('completes nested members, in list items too, with enum choices', () => {
    const nested = complete(job('  "ResourceConfig": { | }'))!.items.map((item) => item.label);
    assert.ok(nested.includes('InstanceType') && nested.includes('InstanceCount'));
    const channel = complete(job('  "InputDataConfig": [ { | } ]'))!.items;
    assert.deepEqual(channel.slice(0, 2).map((item) => item.label), ['ChannelName', 'DataSource']);
    const mode = accept(job('  "InputDataConfig": [ { "ChannelName": "train", | } ]'), 'InputMode').text;
    assert.match(mode, /"InputMode": "\$\{1\|Pipe,File,FastFile\|\}"/);
  });

  it('completes enum values and booleans', () => {
    const instanceTypes = complete(job('  "ResourceConfig": { "InstanceType": "ml.p4|" }'))!;
    assert.ok(instanceTypes.items.some((item) => item.label === 'ml.p4d.24xlarge'));
    assert.equal(instanceTypes.typed, 'ml.p4');
    assert.equal(accept(job('  "ResourceConfig": { "InstanceType": | }'), 'ml.m5.large').text, job('  "ResourceConfig": { "InstanceType": "ml.m5.large" }'));
    assert.deepEqual(complete(job('  "EnableNetworkIsolation": |'))!.items.map((item) => item.label), ['true', 'false']);
  });

  it('starts a spec whose kind is not known yet with the member that names each kind', () => {
    const result = complete('{\n  |\n}')!;
    assert.deepEqual(result.items.map((item) => item.label).sort(), [
      'EndpointConfigName', 'HyperParameterTuningJobName', 'PrimaryContainer', 'ProcessingJobName', 'TrainingJobName', 'TransformJobName',
    ]);
    assert.equal(result.items.find((item) => item.label === 'TrainingJobName')!.detail, 'starts a CreateTrainingJob request');
    const { text } = accept('{\n  |\n}', 'TrainingJobName');
    assert.equal(parseSpecDocument(text.replace(/\$\{\d+:?([^}]*)\}/g, '$1')).kind, 'CreateTrainingJob');
  });

  it('offers nothing where the model has nothing to say', () => {
    assert.equal(complete(job('  "HyperParameters": { "eta": "|" }')), undefined);
    // Without a kind only the starters are offered (the editor asks only for spec files at all).
    assert.ok(complete('{ "Foo": 1, | }')!.items.every((item) => item.detail?.startsWith('starts a ')), 'no kind, only starters');
  });
});

describe('hover from the API model', () => {
  it('describes a required string with its limits and pattern', () => {
    const markdown = hover(job('  "Role|Arn": "x"'))!;
    assert.match(markdown, /\*\*RoleArn\*\* · required · a string/);
    assert.match(markdown, /20 to 2048 characters/);
    assert.match(markdown, /arn:aws/);
  });

  it('lists allowed values and says optional', () => {
    const markdown = hover(job('  "AlgorithmSpecification": { "TrainingInput|Mode": "File" }'))!;
    assert.match(markdown, /required · a string/);
    assert.match(markdown, /One of: `Pipe`, `File`, `FastFile`/);
    const instance = hover(job('  "ResourceConfig": { "Instance|Type": "ml.m5.large" }'))!;
    assert.match(instance, /optional/);
    assert.match(instance, /in all; completion lists them/);
  });

  it('describes numbers, objects and lists', () => {
    assert.match(hover(job('  "StoppingCondition": { "MaxRuntime|InSeconds": 1 }'))!, /an integer[\s\S]*Value at least 1/);
    assert.match(hover(job('  "Output|DataConfig": {}'))!, /required: `S3OutputPath`/);
    assert.match(hover(job('  "Input|DataConfig": []'))!, /1 to 20 items[\s\S]*Each item: an object/);
  });

  it('still shows the image hover on images, and nothing on unknown keys', () => {
    assert.match(hover(job('  "AlgorithmSpecification": { "TrainingImage": "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7|-1" }'))!, /Amazon ECR image/);
    assert.equal(hover(job('  "No|Such": 1')), undefined);
  });
});
