import * as assert from 'node:assert/strict';
import { analyzePython } from './pythonTestKit';

const ROLE = 'arn:aws:iam::111122223333:role/R';
const PYTORCH_EU = '763104351884.dkr.ecr.eu-west-1.amazonaws.com/pytorch-inference:2.6.0-cpu-py312';
const MODEL = `from sagemaker.model import Model\n\n`;
const HF = 'from sagemaker.huggingface import HuggingFaceModel\nrole = "r"\n';
/** AWS's Inferentia2 sample: transformers 4.28.1 on PyTorch 1.13.0 is a huggingface-neuronx image only. */
const INF2_SAMPLE = 'HuggingFaceModel(model_data="s3://b/model.tar.gz", role=role, transformers_version="4.28.1", pytorch_version="1.13.0", py_version="py38")';
const ON_G5 = 'Hugging Face 4.28.1 (inference on ml.g5.xlarge) comes with pytorch 2.0.0, not pytorch 1.13.0.';

/** code, offset and message of each finding, with us-east-1 as the explicit target region. */
function inUsEast1(text: string): [string, number, string][] {
  return analyzePython(text, { region: 'us-east-1' }).map((finding) => [finding.code, finding.offset, finding.message]);
}

/** code, offset and message of each framework finding. */
function framework(text: string): [string, number, string][] {
  return analyzePython(text)
    .filter((finding) => ['unknown-framework-version', 'image-scope-unavailable', 'py-version-mismatch', 'image-processor-mismatch'].includes(finding.code))
    .map((finding) => [finding.code, finding.offset, finding.message]);
}

/** Offset of the `nth` (0-based) occurrence of `part` in `text`. */
function nth(text: string, part: string, index: number): number {
  let at = -1;
  for (let count = 0; count <= index; count++) at = text.indexOf(part, at + 1);
  assert.ok(at >= 0, `${part} #${index} in the text`);
  return at;
}

const REGION_MISMATCH = 'The image is in eu-west-1, but the target region is us-east-1 (from sagemakerSpec.region); SageMaker pulls images from its own region.';

describe('The calls on a model, followed once for local mode and for its framework image', () => {
  describe('a call on a same-named binding that resolves to another object is that object\'s alone', () => {
    it('local mode: a model deployed locally stays local when a function deploys its own "m" to SageMaker', () => {
      // The module's model was reported before: one foreign deploy gave up on all of its deploys.
      const text = `${MODEL}m = Model(image_uri="${PYTORCH_EU}", role="${ROLE}")\nm.deploy(initial_instance_count=1, instance_type="local")\n\ndef serve():\n    m = Model(image_uri="${PYTORCH_EU}", role="${ROLE}")\n    m.deploy(initial_instance_count=1, instance_type="ml.m5.xlarge")\n`;
      assert.deepEqual(inUsEast1(text), [['image-region-mismatch', nth(text, 'eu-west-1', 1), REGION_MISMATCH]]);
    });

    it('framework: each model is judged on its own deploys only', () => {
      const text = `${HF}m = ${INF2_SAMPLE}\nm.deploy(initial_instance_count=1, instance_type="ml.inf2.xlarge")\n\ndef serve():\n    m = ${INF2_SAMPLE}\n    m.deploy(initial_instance_count=1, instance_type="ml.g5.xlarge")\n`;
      assert.deepEqual(framework(text), [['unknown-framework-version', nth(text, '1.13.0', 1), ON_G5]]);
    });
  });

  describe('a call on the model\'s name that cannot be tied to it (the name bound twice) yields no finding', () => {
    it('local mode: a local deploy on the rebound name may be either model\'s, so neither is compared with the target region', () => {
      // The second deploy (on other()'s object, as a reader sees) no longer makes the Model SageMaker's.
      const rebound = `${MODEL}m = Model(image_uri="${PYTORCH_EU}", role="${ROLE}")\nm.deploy(initial_instance_count=1, instance_type="local")\nm = other()\nm.deploy(initial_instance_count=1)\n`;
      assert.deepEqual(inUsEast1(rebound), []);
    });

    it('local mode: untied deploys to SageMaker do not hide a finding; without any local deploy the model is SageMaker\'s as before', () => {
      const text = `${MODEL}m = Model(image_uri="${PYTORCH_EU}", role="${ROLE}")\nm = Model(image_uri="${PYTORCH_EU}", role="${ROLE}")\nm.deploy(initial_instance_count=1, instance_type="ml.m5.xlarge")\n`;
      assert.deepEqual(inUsEast1(text).map(([code, offset]) => [code, offset]), [
        ['image-region-mismatch', nth(text, 'eu-west-1', 0)],
        ['image-region-mismatch', nth(text, 'eu-west-1', 1)],
      ]);
    });

    it('framework: an untied deploy on ml.g5 is not judged; the instance type is open (a Neuron config clears the version)', () => {
      const text = `${HF}m = ${INF2_SAMPLE}\nm.deploy(initial_instance_count=1, instance_type="ml.g5.xlarge")\nm = ${INF2_SAMPLE}\n`;
      assert.deepEqual(framework(text), []);
      // The control: the same deploy tied to a model bound once is judged.
      const tied = `${HF}m = ${INF2_SAMPLE}\nm.deploy(initial_instance_count=1, instance_type="ml.g5.xlarge")\n`;
      assert.deepEqual(framework(tied), [['unknown-framework-version', tied.indexOf('1.13.0'), ON_G5]]);
    });
  });

  describe('arguments passed through **dict(…), **{…} or a name bound once to either are read by both', () => {
    it('framework: a HuggingFaceModel deployed via deploy(**dict(instance_type="ml.inf2.xlarge", …)) is judged against the neuronx config', () => {
      // Was unknown-framework-version: the deploy's instance type was not seen and the plain config judged.
      assert.deepEqual(framework(`${HF}m = ${INF2_SAMPLE}\nm.deploy(**dict(instance_type="ml.inf2.xlarge", initial_instance_count=1))\n`), []);
      const onG5 = `${HF}deploy_args = {"instance_type": "ml.g5.xlarge", "initial_instance_count": 1}\nm = ${INF2_SAMPLE}\nm.deploy(**deploy_args)\n`;
      assert.deepEqual(framework(onG5), [['unknown-framework-version', onG5.indexOf('1.13.0'), ON_G5]]);
    });

    it('framework: **kwargs that cannot be read may hold the instance type: open, not judged as a serverless deploy', () => {
      assert.deepEqual(framework(`${HF}m = ${INF2_SAMPLE}\nm.deploy(**load_args())\n`), []);
      // Written beside it, the instance type is known whatever **x holds (a second one is a TypeError).
      const written = `${HF}m = ${INF2_SAMPLE}\nm.deploy(instance_type="ml.g5.xlarge", **load_args())\n`;
      assert.deepEqual(framework(written), [['unknown-framework-version', written.indexOf('1.13.0'), ON_G5]]);
    });

    it('local mode: a model deployed through **dict(instance_type="local") is local; through **{"instance_type": "ml.m5.xlarge"} it is not', () => {
      assert.deepEqual(inUsEast1(`${MODEL}m = Model(image_uri="${PYTORCH_EU}", role="${ROLE}")\nm.deploy(**dict(initial_instance_count=1, instance_type="local"))\n`), []);
      const remote = `${MODEL}m = Model(image_uri="${PYTORCH_EU}", role="${ROLE}")\nm.deploy(**{"initial_instance_count": 1, "instance_type": "ml.m5.xlarge"})\n`;
      assert.deepEqual(inUsEast1(remote), [['image-region-mismatch', remote.indexOf('eu-west-1'), REGION_MISMATCH]]);
    });
  });

  it('local mode: a transform job on SageMaker makes a locally deployed model SageMaker\'s, as a deploy does', () => {
    const text = `${MODEL}m = Model(image_uri="${PYTORCH_EU}", role="${ROLE}")\nm.deploy(initial_instance_count=1, instance_type="local")\nm.transformer(1, "ml.m5.xlarge")\n`;
    assert.deepEqual(inUsEast1(text), [['image-region-mismatch', text.indexOf('eu-west-1'), REGION_MISMATCH]]);
    assert.deepEqual(inUsEast1(text.replace('"ml.m5.xlarge"', '"local"')), []);
  });

  it('local mode: a model created or registered in SageMaker is SageMaker\'s, whatever its local deploys', () => {
    const local = `${MODEL}m = Model(image_uri="${PYTORCH_EU}", role="${ROLE}")\nm.deploy(initial_instance_count=1, instance_type="local")\n`;
    assert.deepEqual(inUsEast1(local), []);
    for (const call of ['m.create(instance_type="ml.m5.xlarge")', 'm.register(["text/csv"], ["text/csv"], ["ml.m5.xlarge"], ["ml.m5.xlarge"], model_package_group_name="g")']) {
      const text = `${local}${call}\n`;
      assert.deepEqual(inUsEast1(text), [['image-region-mismatch', text.indexOf('eu-west-1'), REGION_MISMATCH]], call);
    }
    assert.deepEqual(inUsEast1(`${local}m.create(instance_type="local")\n`), []);
  });
});
