import * as assert from 'node:assert/strict';
import { blank, freeSpecFileName, newSpecSnippet, newSpecText, NEW_SPEC_CHOICES, READING_ORDER, specSnippet } from '../../src/core/newSpec';
import { parseSpecDocument } from '../../src/core/specDocument';
import { SPEC_KINDS } from '../../src/core/specKind';
import { algorithms, analyzeText, apiModel, catalog, textAt } from './specTestKit';

describe('new spec', () => {
  it('offers every request kind', () => {
    assert.deepEqual(NEW_SPEC_CHOICES.map((choice) => choice.kind), [...SPEC_KINDS]);
  });

  for (const kind of SPEC_KINDS) {
    it(`${kind}: is recognised as that kind, has every required member, and only blanks to fill in are flagged`, () => {
      const text = newSpecText(kind, { apiModel, catalog, region: 'us-east-1' });
      const spec = parseSpecDocument(text);
      assert.equal(spec.kind, kind);
      const object = JSON.parse(text);
      for (const name of apiModel.inputShape(kind)!.requiredList) assert.ok(name in object, name);
      for (const finding of analyzeText(text)) {
        assert.ok(['value-out-of-range', 'pattern-mismatch'].includes(finding.code), `${finding.code}: ${finding.message}`);
        assert.ok(['', 's3://'].includes(textAt(text, finding)), `flagged ${JSON.stringify(textAt(text, finding))}`);
      }
    });
  }

  it('orders a training job as a person reads it, with a pinned image of the target region', () => {
    const text = newSpecText('CreateTrainingJob', { apiModel, catalog, region: 'eu-west-1' });
    const spec = JSON.parse(text);
    assert.deepEqual(Object.keys(spec), [
      'TrainingJobName', 'RoleArn', 'AlgorithmSpecification', 'ResourceConfig', 'InputDataConfig', 'OutputDataConfig', 'StoppingCondition', 'HyperParameters',
    ]);
    assert.deepEqual(Object.keys(spec.InputDataConfig[0].DataSource.S3DataSource), ['S3Uri', 'S3DataType', 'S3DataDistributionType']);
    assert.match(spec.AlgorithmSpecification.TrainingImage, /^\d{12}\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/sagemaker-xgboost:\d/);
    assert.equal(spec.ResourceConfig.InstanceType, 'ml.m5.xlarge');
    const model = JSON.parse(newSpecText('CreateModel', { apiModel, catalog, region: 'cn-north-1' }));
    assert.match(model.PrimaryContainer.Image, /\.dkr\.ecr\.cn-north-1\.amazonaws\.com\.cn\//);
  });

  it('orders every kind from one table: name first, then the role where there is one, then what it runs', () => {
    const firstKeys = (kind: (typeof SPEC_KINDS)[number]) => Object.keys(JSON.parse(newSpecText(kind, { apiModel, catalog, region: 'us-east-1' })));
    assert.deepEqual(firstKeys('CreateModel'), ['ModelName', 'ExecutionRoleArn', 'PrimaryContainer']);
    assert.deepEqual(firstKeys('CreateEndpointConfig'), ['EndpointConfigName', 'ProductionVariants']);
    assert.deepEqual(firstKeys('CreateEndpoint'), ['EndpointName', 'EndpointConfigName']);
    assert.deepEqual(firstKeys('CreateProcessingJob'), ['ProcessingJobName', 'RoleArn', 'AppSpecification', 'ProcessingResources', 'StoppingCondition']);
    assert.deepEqual(firstKeys('CreateTransformJob'), ['TransformJobName', 'ModelName', 'TransformResources', 'TransformInput', 'TransformOutput']);
    assert.deepEqual(firstKeys('CreateHyperParameterTuningJob'), ['HyperParameterTuningJobName', 'HyperParameterTuningJobConfig', 'TrainingJobDefinition']);
    const tuning = JSON.parse(newSpecText('CreateHyperParameterTuningJob', { apiModel, catalog, region: 'us-east-1' }));
    assert.deepEqual(Object.keys(tuning.TrainingJobDefinition), [
      'RoleArn', 'AlgorithmSpecification', 'ResourceConfig', 'InputDataConfig', 'OutputDataConfig', 'StoppingCondition', 'StaticHyperParameters',
    ]);
    // Every name in the table is a member of the structure it orders: a typo would silently not sort.
    for (const [structure, members] of Object.entries(READING_ORDER)) {
      const shape = apiModel.shape(structure);
      assert.equal(shape.type, 'structure', structure);
      if (shape.type === 'structure') for (const member of members) assert.ok(shape.members.has(member), `${structure}.${member}`);
    }
  });

  it("makes a built-in algorithm's required hyperparameters blanks, in the tab walk and flagged until filled", () => {
    const inputs = { apiModel, catalog, region: 'us-east-1', algorithms };
    for (const kind of ['CreateTrainingJob', 'CreateHyperParameterTuningJob'] as const) {
      const text = newSpecText(kind, inputs);
      const spec = JSON.parse(text);
      const hyperParameters = kind === 'CreateTrainingJob' ? spec.HyperParameters : spec.TrainingJobDefinition.StaticHyperParameters;
      assert.equal(hyperParameters.num_round, '', kind);
      const flagged = analyzeText(text, { algorithms: true, region: 'us-east-1' }).filter((finding) => finding.code.startsWith('algorithm-'));
      assert.deepEqual(flagged.map((finding) => [finding.code, textAt(text, finding)]), [['algorithm-invalid-hyperparameter', '']], kind);
      const snippet = newSpecSnippet(kind, inputs);
      const stops = [...snippet.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]));
      assert.match(snippet, new RegExp(`"num_round": "\\$${Math.max(...stops)}"`), 'num_round is the last tab stop');
    }
    assert.deepEqual(JSON.parse(newSpecText('CreateTrainingJob', { apiModel, catalog, region: 'us-east-1' })).HyperParameters, {}, 'without the facts, no blanks');
  });

  describe('snippet', () => {
    /** The text VS Code shows once the snippet is inserted and nothing typed: tab stops gone, escapes undone. */
    const expand = (snippet: string) => snippet.replace(/\\(.)|\$\d+/g, (_match, escaped: string | undefined) => escaped ?? '');

    it('walks the blanks of a training job in reading order: name, role, training data, output path', () => {
      const snippet = newSpecSnippet('CreateTrainingJob', { apiModel, catalog, region: 'us-east-1' });
      const stops = [...snippet.matchAll(/^\s*("\w+": "[^"$]*\$\d+")/gm)].map((match) => match[1]);
      assert.deepEqual(stops, ['"TrainingJobName": "$1"', '"RoleArn": "$2"', '"S3Uri": "s3://$3"', '"S3OutputPath": "s3://$4"']);
      assert.equal([...snippet.matchAll(/\$\d/g)].length, 4, 'no other tab stop');
    });

    for (const kind of SPEC_KINDS) {
      it(`${kind}: inserted, reads as the spec text, with tab stops 1..n at its blanks in order`, () => {
        const inputs = { apiModel, catalog, region: 'us-east-1' };
        const snippet = newSpecSnippet(kind, inputs);
        const text = newSpecText(kind, inputs);
        assert.equal(expand(snippet), text);
        const numbers = [...snippet.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]));
        assert.ok(numbers.length > 0, 'at least the name is a blank');
        assert.deepEqual(numbers, numbers.map((_, index) => index + 1));
        // Each stop sits where the analysis flags a blank: the findings are exactly at the stops.
        const stopOffsets = [...text.matchAll(/"(?:s3:\/\/)?"/g)].map((match) => match.index! + match[0].length - 1);
        const flagged = analyzeText(text).map((finding) => finding.offset + finding.length);
        assert.deepEqual([...new Set(flagged)].sort((a, b) => a - b), stopOffsets);
      });
    }

    it('numbers blanks added to the members in the order they are written, and escapes literal text', () => {
      const snippet = specSnippet({
        TrainingJobName: blank(),
        HyperParameters: { num_round: blank(), objective: 'reg:squarederror', note: 'costs $5 {per} run\\' },
        OutputDataConfig: { S3OutputPath: blank('s3://') },
      });
      assert.equal(snippet, [
        '{',
        '  "TrainingJobName": "$1",',
        '  "HyperParameters": {',
        '    "num_round": "$2",',
        '    "objective": "reg:squarederror",',
        '    "note": "costs \\$5 {per\\} run\\\\\\\\"',
        '  },',
        '  "OutputDataConfig": {',
        '    "S3OutputPath": "s3://$3"',
        '  }',
        '}',
      ].join('\n'));
    });
  });

  it('proposes <kind>.sagemaker.json, numbered past the names already taken', async () => {
    assert.equal(await freeSpecFileName('training-job', () => false), 'training-job.sagemaker.json');
    const taken = new Set(['model.sagemaker.json', 'model-2.sagemaker.json']);
    assert.equal(await freeSpecFileName('model', (name) => taken.has(name)), 'model-3.sagemaker.json');
    assert.deepEqual(NEW_SPEC_CHOICES.map((choice) => choice.fileStem), [
      'training-job', 'model', 'endpoint-config', 'endpoint', 'processing-job', 'transform-job', 'tuning-job',
    ]);
  });
});
