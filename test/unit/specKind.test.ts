import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readJsonDocument, readYamlDocument } from '../../src/core/hostDocument';
import { parseSpecDocument } from '../../src/core/specDocument';
import { detectSpecKind, detectSpecKindByContent, REQUEST_MEMBERS, SPEC_KINDS } from '../../src/core/specKind';

describe('detectSpecKind', () => {
  const cases: [string[], string | undefined][] = [
    [['AlgorithmSpecification'], 'CreateTrainingJob'],
    [['TrainingJobName', 'RoleArn'], 'CreateTrainingJob'],
    [['TrainingJobName', 'HyperParameterTuningJobConfig'], 'CreateHyperParameterTuningJob'],
    [['HyperParameterTuningJobName'], 'CreateHyperParameterTuningJob'],
    [['ModelName', 'PrimaryContainer'], 'CreateModel'],
    [['ModelName', 'Containers'], 'CreateModel'],
    [['PrimaryContainer', 'ExecutionRoleArn'], 'CreateModel'],
    [['ModelName', 'InferenceExecutionConfig'], 'CreateModel'],
    [['ModelName'], undefined],
    [['ProductionVariants'], 'CreateEndpointConfig'],
    [['EndpointConfigName'], 'CreateEndpointConfig'],
    [['EndpointConfigName', 'ProductionVariants', 'EndpointName'], 'CreateEndpointConfig'],
    [['EndpointName', 'EndpointConfigName'], 'CreateEndpoint'],
    [['EndpointName'], undefined],
    [['AppSpecification'], 'CreateProcessingJob'],
    [['ProcessingJobName'], 'CreateProcessingJob'],
    [['TransformInput'], 'CreateTransformJob'],
    [['TransformJobName', 'ModelName'], 'CreateTransformJob'],
    [['name', 'version', 'scripts'], undefined],
  ];
  for (const [members, kind] of cases) {
    it(`${members.join(' + ')} → ${kind ?? 'not a spec'}`, () => {
      assert.equal(detectSpecKind(members), kind);
    });
  }
});

describe('detectSpecKindByContent (files whose name does not make them specs)', () => {
  it('needs most members to be the request\'s when only a name member tells the kind', () => {
    const cases: [string[], string | undefined][] = [
      // A Step Functions execution input shares a name with a request.
      [['TrainingJobName', 'TrainUri', 'InstanceType'], undefined],
      [['ProcessingJobName', 'InputUri'], undefined],
      [['EndpointConfigName', 'Variant', 'Weight'], undefined],
      // A request being written, or one with a misspelt member among known ones.
      [['TrainingJobName'], 'CreateTrainingJob'],
      [['TrainingJobName', 'RoleArn', 'AlgorithmSpecificaton'], 'CreateTrainingJob'],
      // The structure tells the kind whatever else is there.
      [['AlgorithmSpecification', 'Foo', 'Bar', 'Baz'], 'CreateTrainingJob'],
      [['PrimaryContainer', 'Foo', 'Bar'], 'CreateModel'],
      [['EndpointName', 'EndpointConfigName'], 'CreateEndpoint'],
    ];
    assert.deepEqual(cases.map(([members]) => [members, detectSpecKindByContent(members)]), cases);
  });

  it('leaves an execution input alone in JSON and YAML, unless the spec globs make it a spec', () => {
    const input = '{"TrainingJobName": "churn-2026-11-29", "TrainUri": "s3://my-bucket/churn/train/", "InstanceType": "ml.m5.xlarge"}';
    assert.deepEqual(readJsonDocument(input).requests, []);
    assert.deepEqual(readYamlDocument('TrainingJobName: churn\nTrainUri: s3://b/t/\nInstanceType: ml.m5.xlarge\n').requests, []);
    assert.equal(readJsonDocument(input, true).requests[0].kind, 'CreateTrainingJob');
    assert.equal(readYamlDocument('TrainingJobName: churn\nTrainUri: s3://b/t/\n', true).requests[0].kind, 'CreateTrainingJob');
  });

  it('knows each request\'s top-level members as the API model does', () => {
    const model = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../data/api-model.json'), 'utf8')) as { operations: Record<string, string>; shapes: Record<string, { members?: Record<string, unknown> }> };
    for (const kind of SPEC_KINDS) {
      assert.deepEqual([...REQUEST_MEMBERS[kind]], Object.keys(model.shapes[model.operations[kind]].members ?? {}).sort(), kind);
    }
  });
});

describe('parseSpecDocument', () => {
  it('finds the image fields of each kind with their usage', () => {
    const model = parseSpecDocument(JSON.stringify({ ModelName: 'm', Containers: [{ Image: 'a.io/x:1' }, { Image: 'b.io/y:2' }] }));
    assert.deepEqual(model.images.map((field) => [field.usage, field.value.value, field.holderPath]), [
      ['inference', 'a.io/x:1', ['Containers', 0]],
      ['inference', 'b.io/y:2', ['Containers', 1]],
    ]);
    const tuning = parseSpecDocument(JSON.stringify({
      HyperParameterTuningJobName: 't',
      TrainingJobDefinitions: [{ AlgorithmSpecification: { TrainingImage: 'a.io/x:1' } }],
      TrainingJobDefinition: { AlgorithmSpecification: { TrainingImage: 'b.io/y:1' } },
    }));
    assert.deepEqual(tuning.images.map((field) => [field.usage, field.value.value]), [['tuning', 'b.io/y:1'], ['tuning', 'a.io/x:1']]);
    const processing = parseSpecDocument('{"ProcessingJobName": "p", "AppSpecification": {"ImageUri": "a.io/x:1"}}');
    assert.deepEqual(processing.images.map((field) => field.usage), ['processing']);
  });

  it('accepts JSONC comments and trailing commas', () => {
    const spec = parseSpecDocument('// job\n{"TrainingJobName": "x", /* c */ "AlgorithmSpecification": {"TrainingImage": "a.io/x:1",},}');
    assert.equal(spec.kind, 'CreateTrainingJob');
    assert.equal(spec.images.length, 1);
  });

  it('is not a spec when the top level is not an object', () => {
    assert.equal(parseSpecDocument('[1, 2]').kind, undefined);
    assert.equal(parseSpecDocument('').kind, undefined);
  });
});
