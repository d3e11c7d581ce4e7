import * as assert from 'node:assert/strict';
import { newSpecText, NEW_SPEC_CHOICES } from '../../src/core/newSpec';
import { parseSpecDocument } from '../../src/core/specDocument';
import { SPEC_KINDS } from '../../src/core/specKind';
import { analyzeText, apiModel, catalog, textAt } from './specTestKit';

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

  it('puts the common members in the service order and a pinned image of the target region', () => {
    const text = newSpecText('CreateTrainingJob', { apiModel, catalog, region: 'eu-west-1' });
    const spec = JSON.parse(text);
    assert.deepEqual(Object.keys(spec), [
      'TrainingJobName', 'HyperParameters', 'AlgorithmSpecification', 'RoleArn', 'InputDataConfig', 'OutputDataConfig', 'ResourceConfig', 'StoppingCondition',
    ]);
    assert.match(spec.AlgorithmSpecification.TrainingImage, /^\d{12}\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/sagemaker-xgboost:\d/);
    assert.equal(spec.ResourceConfig.InstanceType, 'ml.m5.xlarge');
    const model = JSON.parse(newSpecText('CreateModel', { apiModel, catalog, region: 'cn-north-1' }));
    assert.match(model.PrimaryContainer.Image, /\.dkr\.ecr\.cn-north-1\.amazonaws\.com\.cn\//);
  });
});
