import * as assert from 'node:assert/strict';
import { parseSpecDocument } from '../../src/core/specDocument';
import { detectSpecKind } from '../../src/core/specKind';

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
