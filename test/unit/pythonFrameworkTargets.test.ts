import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { analyzePython } from './pythonTestKit';
import { textAt } from './specTestKit';

/** Each framework finding as `code @ the text it points at: message`. */
function framework(text: string): string[] {
  return analyzePython(text)
    .filter((finding: Finding) => ['unknown-framework-version', 'image-scope-unavailable', 'py-version-mismatch', 'image-processor-mismatch'].includes(finding.code))
    .map((finding) => `${finding.code} @ ${textAt(text, finding)}: ${finding.message}`);
}

const HF = 'import sagemaker\nfrom sagemaker.huggingface import HuggingFace, HuggingFaceModel\nrole = sagemaker.get_execution_role()\n';
const SDK = 'from sagemaker.pytorch import PyTorch, PyTorchModel\nfrom sagemaker.tensorflow import TensorFlow\nfrom sagemaker.xgboost import XGBoostModel\nrole = "r"\n';

/** The constructor of AWS's Inferentia2 sample: transformers 4.28.1 on PyTorch 1.13.0 is a huggingface-neuronx image only. */
const INF2_SAMPLE_MODEL = 'm = HuggingFaceModel(model_data="s3://b/model.tar.gz", role=role, transformers_version="4.28.1", pytorch_version="1.13.0", py_version="py38")\n';

describe('Python framework models: the instance type of the call that resolves the image picks the config', () => {
  describe('Hugging Face on Inferentia (found by a fresh user: AWS\'s own ml.inf2 sample was an error)', () => {
    it('judges a HuggingFaceModel deployed on ml.inf2 against huggingface-neuronx, as v2\'s deploy asks for the neuronx tool', () => {
      assert.deepEqual(framework(`${HF}${INF2_SAMPLE_MODEL}m.deploy(initial_instance_count=1, instance_type="ml.inf2.xlarge")\n`), []);
    });

    it('follows a deploy chained on the constructor, and a deploy with the instance type by position', () => {
      const chained = 'HuggingFaceModel(model_data="s3://b/m.tar.gz", role=role, transformers_version="4.36.2", pytorch_version="2.1.2", py_version="py310").deploy(initial_instance_count=1, instance_type="ml.inf2.8xlarge")\n';
      assert.deepEqual(framework(`${HF}${chained}`), []);
      assert.deepEqual(framework(`${HF}${INF2_SAMPLE_MODEL}m.deploy(1, "ml.inf2.xlarge")\n`), []);
    });

    it('still judges the Neuron config itself: a py_version huggingface-neuronx does not build, named with the deploy\'s instance type', () => {
      const text = `${HF}m = HuggingFaceModel(model_data="s3://b/m.tar.gz", role=role, transformers_version="4.36.2", pytorch_version="1.13.1", py_version="py38")\nm.deploy(initial_instance_count=1, instance_type="ml.inf2.xlarge")\n`;
      assert.deepEqual(framework(text), ['py-version-mismatch @ py38: Hugging Face NeuronX 4.36.2 (inference on ml.inf2.xlarge) is built for py310, not "py38".']);
    });

    it('reports the same constructor deployed on a GPU instance type, where the SDK reads the plain huggingface config', () => {
      const text = `${HF}${INF2_SAMPLE_MODEL}m.deploy(initial_instance_count=1, instance_type="ml.g5.xlarge")\n`;
      assert.deepEqual(framework(text), ['unknown-framework-version @ 1.13.0: Hugging Face 4.28.1 (inference on ml.g5.xlarge) comes with pytorch 2.0.0, not pytorch 1.13.0.']);
    });

    it('reads huggingface-neuron on ml.inf1, as v2 does (its one version 4.12.3 is used, whose base is pytorch 1.9.1)', () => {
      const text = `${HF}${INF2_SAMPLE_MODEL}m.deploy(initial_instance_count=1, instance_type="ml.inf1.xlarge")\n`;
      assert.deepEqual(framework(text), ['unknown-framework-version @ 1.13.0: Hugging Face Neuron 4.12.3 (inference on ml.inf1.xlarge) comes with pytorch 1.9.1, not pytorch 1.13.0.']);
    });

    it('reports nothing a Neuron config has when the instance type is unknown: no deploy, or a deploy on a name', () => {
      assert.deepEqual(framework(`${HF}${INF2_SAMPLE_MODEL}`), []);
      assert.deepEqual(framework(`${HF}${INF2_SAMPLE_MODEL}instance_type = pick()\nm.deploy(initial_instance_count=1, instance_type=instance_type)\n`), []);
    });

    it('still reports a version no config of the framework has when the instance type is unknown, in the plain config\'s words', () => {
      const text = `${HF}m = HuggingFaceModel(model_data="s3://b/m.tar.gz", role=role, transformers_version="4.99.0", pytorch_version="2.1.2", py_version="py310")\n`;
      const found = framework(text);
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.match(found[0], /^unknown-framework-version @ 4\.99\.0: Hugging Face has no version "4\.99\.0" for inference\. Nearest: /);
    });
  });

  describe('Graviton deploys (found by a fresh user: only image_uris.retrieve was judged)', () => {
    it('reports an XGBoostModel and a PyTorchModel whose version has no inference_graviton image, on the version', () => {
      const text = `${SDK}xm = XGBoostModel(model_data="s3://b/m.tar.gz", role=role, entry_point="i.py", framework_version="1.7-1")\nxm.deploy(initial_instance_count=1, instance_type="ml.c7g.xlarge")\npm = PyTorchModel(model_data="s3://b/m.tar.gz", role=role, entry_point="i.py", framework_version="2.6.0", py_version="py312")\npm.deploy(initial_instance_count=1, instance_type="ml.c7g.xlarge")\n`;
      const findings = analyzePython(text).filter((finding) => finding.code === 'image-scope-unavailable');
      assert.deepEqual(findings.map((finding) => [finding.offset, textAt(text, finding), finding.message]), [
        [text.indexOf('1.7-1'), '1.7-1', 'XGBoost 1.7-1 has no inference_graviton image (wanted on ml.c7g.xlarge); it has inference and training.'],
        [text.indexOf('2.6.0'), '2.6.0', 'PyTorch 2.6.0 has no inference_graviton image (wanted on ml.c7g.xlarge); it has inference and training.'],
      ]);
    });

    it('says it once for two deploys on Graviton, and judges a transformer\'s instance type too', () => {
      const text = `${SDK}xm = XGBoostModel(model_data="s3://b/m.tar.gz", role=role, entry_point="i.py", framework_version="1.7-1")\nxm.deploy(initial_instance_count=1, instance_type="ml.c7g.xlarge")\nxm.deploy(initial_instance_count=1, instance_type="ml.c7g.xlarge")\n`;
      assert.equal(framework(text).length, 1);
      const transformer = `${SDK}xm = XGBoostModel(model_data="s3://b/m.tar.gz", role=role, entry_point="i.py", framework_version="1.7-1")\nxm.transformer(1, "ml.c6g.xlarge")\n`;
      assert.deepEqual(framework(transformer), ['image-scope-unavailable @ 1.7-1: XGBoost 1.7-1 has no inference_graviton image (wanted on ml.c6g.xlarge); it has inference and training.']);
    });

    it('accepts versions that have Graviton images, and the same models on x86 or never deployed', () => {
      const good = `${SDK}xm = XGBoostModel(model_data="s3://b/m.tar.gz", role=role, entry_point="i.py", framework_version="1.5-1")\nxm.deploy(initial_instance_count=1, instance_type="ml.c7g.xlarge")\npm = PyTorchModel(model_data="s3://b/m.tar.gz", role=role, entry_point="i.py", framework_version="2.3.0", py_version="py311")\npm.deploy(initial_instance_count=1, instance_type="ml.c7g.4xlarge")\n`;
      assert.deepEqual(framework(good), []);
      const x86 = `${SDK}xm = XGBoostModel(model_data="s3://b/m.tar.gz", role=role, entry_point="i.py", framework_version="1.7-1")\nxm.deploy(initial_instance_count=1, instance_type="ml.m5.xlarge")\nxm2 = XGBoostModel(model_data="s3://b/m.tar.gz", role=role, entry_point="i.py", framework_version="1.7-1")\n`;
      assert.deepEqual(framework(x86), []);
    });
  });

  describe('Trainium and Graviton refusals (found by a fresh user: the message named an inference image)', () => {
    it('says that the SDK resolves only PyTorch on Trainium for a HuggingFace estimator, on its instance type', () => {
      const text = `${HF}hf = HuggingFace(entry_point="train.py", role=role, transformers_version="4.36.2", pytorch_version="1.13.1", py_version="py310", instance_type="ml.trn1.32xlarge", instance_count=1)\n`;
      assert.deepEqual(framework(text), [
        'image-scope-unavailable @ ml.trn1.32xlarge: The SageMaker Python SDK resolves only PyTorch images on Trainium (ml.trn1.32xlarge) and refuses Hugging Face there; use PyTorch, or pass image_uri (a huggingface-pytorch-training-neuronx image).',
      ]);
    });

    it('reports TensorFlow on Trainium, and a HuggingFaceModel deployed on Graviton; PyTorch on Trainium passes', () => {
      const tf = `${SDK}tf = TensorFlow(entry_point="t.py", role=role, framework_version="2.14", py_version="py310", instance_type="ml.trn1.2xlarge", instance_count=1)\n`;
      assert.deepEqual(framework(tf), ['image-scope-unavailable @ ml.trn1.2xlarge: The SageMaker Python SDK resolves only PyTorch images on Trainium (ml.trn1.2xlarge) and refuses TensorFlow there; use PyTorch, or pass image_uri.']);
      const graviton = `${HF}m = HuggingFaceModel(model_data="s3://b/m.tar.gz", role=role, transformers_version="4.37.0", pytorch_version="2.1.0", py_version="py310")\nm.deploy(initial_instance_count=1, instance_type="ml.c7g.xlarge")\n`;
      assert.deepEqual(framework(graviton), ['image-scope-unavailable @ ml.c7g.xlarge: The SageMaker Python SDK resolves only PyTorch, TensorFlow, XGBoost and scikit-learn images on Graviton (ml.c7g.xlarge) and refuses Hugging Face there; use an x86 instance type or pass image_uri.']);
      const pytorch = `${SDK}pt = PyTorch(entry_point="train.py", role=role, framework_version="1.11.0", py_version="py38", instance_type="ml.trn1.32xlarge", instance_count=1)\n`;
      assert.deepEqual(framework(pytorch), []);
    });
  });

  describe('a framework estimator\'s own deploy resolves the inference image of the model it builds (EstimatorBase.deploy → create_model)', () => {
    const HF_ESTIMATOR = (versions: string) => `${HF}est = HuggingFace(entry_point="train.py", role=role, ${versions}, instance_type="ml.g5.xlarge", instance_count=1)\nest.fit("s3://b/train")\n`;
    const HF_4_28 = 'transformers_version="4.28.1", pytorch_version="2.0.0", py_version="py310"';
    const PT_ESTIMATOR = `${SDK}est = PyTorch(entry_point="t.py", role=role, framework_version="2.6.0", py_version="py312", instance_type="ml.g5.xlarge", instance_count=1)\nest.fit()\n`;
    const PT_MODEL = `${SDK}est = PyTorchModel(model_data="s3://b/m.tar.gz", role=role, entry_point="t.py", framework_version="2.6.0", py_version="py312")\n`;

    it('judges a HuggingFace estimator deployed on ml.inf2 against huggingface-neuronx, and on ml.g5 against the plain config', () => {
      assert.deepEqual(framework(`${HF_ESTIMATOR(HF_4_28)}est.deploy(initial_instance_count=1, instance_type="ml.inf2.xlarge")\n`), [
        'unknown-framework-version @ 2.0.0: Hugging Face NeuronX 4.28.1 (inference on ml.inf2.xlarge) comes with pytorch 1.13.0, not pytorch 2.0.0.',
      ]);
      assert.deepEqual(framework(`${HF_ESTIMATOR(HF_4_28)}est.deploy(initial_instance_count=1, instance_type="ml.g5.xlarge")\n`), []);
    });

    it('reports a version that trains but has no inference image only once the estimator is deployed', () => {
      const versions = 'transformers_version="4.36.0", pytorch_version="2.1.0", py_version="py310"';
      assert.deepEqual(framework(HF_ESTIMATOR(versions)), []);
      assert.deepEqual(framework(`${HF_ESTIMATOR(versions)}est.deploy(1, "ml.g5.xlarge")\n`), ['image-scope-unavailable @ 4.36.0: Hugging Face 4.36.0 has no inference image; it has training.']);
    });

    it('judges a PyTorch estimator\'s deploys exactly as the PyTorchModel it builds: Graviton, Inferentia, local', () => {
      const deploys = 'est.deploy(initial_instance_count=1, instance_type="ml.c7g.xlarge")\nest.deploy(initial_instance_count=1, instance_type="ml.inf2.xlarge")\nest.deploy(initial_instance_count=1, instance_type="local")\n';
      const asModel = framework(PT_MODEL + deploys);
      assert.deepEqual(asModel, [
        'image-scope-unavailable @ 2.6.0: PyTorch 2.6.0 has no inference_graviton image (wanted on ml.c7g.xlarge); it has inference and training.',
        'py-version-mismatch @ py312: PyTorch Neuron 1.11.0 (training on ml.inf2.xlarge) is built for py38, not "py312".',
      ]);
      assert.deepEqual(framework(PT_ESTIMATOR + deploys), asModel);
    });

    it('keeps a local deploy\'s region check as a model\'s: the SDK resolves the image in the session\'s region there too', () => {
      const regionFindings = (text: string) => analyzePython(text, { region: 'il-central-1' }).filter((finding) => finding.code === 'framework-not-in-region').map((finding) => finding.message);
      const model = `${SDK}m = PyTorchModel(model_data="s3://b/m.tar.gz", role=role, entry_point="i.py", framework_version="0.4.0", py_version="py3")\nm.deploy(1, "local")\n`;
      const estimator = `${SDK}est = PyTorch(entry_point="t.py", role=role, framework_version="0.4.0", py_version="py3", instance_type="ml.m5.xlarge", instance_count=1)\nest.deploy(1, "local")\n`;
      const [inference] = regionFindings(model);
      assert.match(inference, /^PyTorch 0\.4\.0 \(inference on local\) has no image in the target region il-central-1\./);
      // The estimator's own training image and its local deploy's: one finding naming both scopes.
      assert.deepEqual(regionFindings(estimator), [
        'PyTorch 0.4.0 has no image in the target region il-central-1 for training, nor for inference on local. Regions that have both include ca-central-1, eu-central-1, eu-north-1.',
      ]);
    });

    /** Each finding of `code` as `the text it points at: message [fix titles, * preferred]`. */
    const onToken = (text: string, code: string, region?: string) =>
      analyzePython(text, region ? { region } : undefined)
        .filter((finding) => finding.code === code)
        .map((finding) => `${textAt(text, finding)}: ${finding.message} [${finding.fixes.map((fix) => `${fix.preferred ? '*' : ''}${fix.title}`).join(' | ')}]`);

    it('says a region neither training nor the deploy has an image in once, offering the versions the region has for both (found by a helper: two findings on one token)', () => {
      const text = `${SDK}est = PyTorch(entry_point="t.py", role=role, framework_version="0.4.0", py_version="py3", instance_type="ml.m5.xlarge", instance_count=1)\nest.deploy(1, "ml.m5.large")\n`;
      assert.deepEqual(onToken(text, 'framework-not-in-region', 'il-central-1'), [
        '0.4.0: PyTorch 0.4.0 has no image in the target region il-central-1 for training, nor for inference on ml.m5.large. Regions that have both include ca-central-1, eu-central-1, eu-north-1. [*Use version 1.13.1 | Use version 1.12.1 | Use version 1.12.0]',
      ]);
    });

    it('says a py_version neither training nor the deploy is built for once: the py_versions both have, or each scope\'s own, labelled, none preferred', () => {
      const estimator = `${SDK}est = PyTorch(entry_point="t.py", role=role, framework_version="2.6.0", py_version="py27", instance_type="ml.m5.xlarge", instance_count=1)\n`;
      assert.deepEqual(onToken(`${estimator}est.deploy(initial_instance_count=1, instance_type="ml.m5.large")\n`, 'py-version-mismatch'), [
        'py27: PyTorch 2.6.0 has no py_version "py27" for training, nor for inference on ml.m5.large. Built for both: py312. [*Use py312]',
      ]);
      assert.deepEqual(onToken(`${estimator}est.deploy(initial_instance_count=1, instance_type="ml.inf2.xlarge")\n`, 'py-version-mismatch'), [
        'py27: PyTorch 2.6.0 has no py_version "py27" for training, nor PyTorch Neuron 1.11.0 for training on ml.inf2.xlarge. No py_version has them all; built for training: py312; for training on ml.inf2.xlarge: py38. [Use py312 (training only) | Use py38 (training on ml.inf2.xlarge only)]',
      ]);
      // Not deployed: training's own words, as before.
      assert.deepEqual(onToken(estimator, 'py-version-mismatch'), ['py27: PyTorch 2.6.0 (training) is built for py312, not "py27". [*Use py312]']);
    });

    it('says a Hugging Face pytorch_version neither training nor the deploy comes with once: the versions both have, or each scope\'s own', () => {
      const estimator = HF_ESTIMATOR('transformers_version="4.28.1", pytorch_version="1.9", py_version="py310"');
      assert.deepEqual(onToken(`${estimator}est.deploy(1, "ml.g5.xlarge")\n`, 'unknown-framework-version'), [
        '1.9: Hugging Face 4.28.1 has no pytorch 1.9 for training, nor for inference on ml.g5.xlarge. Offered for both: pytorch 2.0.0. [*Use pytorch 2.0.0]',
      ]);
      assert.deepEqual(onToken(`${estimator}est.deploy(1, "ml.inf2.xlarge")\n`, 'unknown-framework-version'), [
        '1.9: Hugging Face 4.28.1 has no pytorch 1.9 for training, nor Hugging Face NeuronX 4.28.1 for inference on ml.inf2.xlarge. No pytorch version has them all; offered for training: 2.0.0; for inference on ml.inf2.xlarge: 1.13.0. [Use pytorch 2.0.0 (training only) | Use pytorch 1.13.0 (inference on ml.inf2.xlarge only)]',
      ]);
      assert.deepEqual(onToken(estimator, 'unknown-framework-version'), ['1.9: Hugging Face 4.28.1 (training) comes with pytorch 2.0.0, not pytorch 1.9. [*Use pytorch 2.0.0]']);
    });

    it('leaves out deploys that do not resolve the framework\'s image, and estimators given image_uri', () => {
      const versions = 'transformers_version="4.36.0", pytorch_version="2.1.0", py_version="py310"';
      for (const deploy of [
        'est.deploy(1, "ml.g5.xlarge", image_uri="111122223333.dkr.ecr.us-east-1.amazonaws.com/mine:1")',
        'est.deploy(1, "ml.inf1.xlarge", use_compiled_model=True)',
        'est.deploy(1, "ml.g5.xlarge", **deploy_options())',
      ]) {
        assert.deepEqual(framework(`${HF_ESTIMATOR(versions)}${deploy}\n`), [], deploy);
      }
      assert.deepEqual(framework(`${HF_ESTIMATOR(versions)}est.deploy(1, "ml.g5.xlarge", use_compiled_model=False)\n`).length, 1);
      const ownImage = `${HF}est = HuggingFace(entry_point="train.py", role=role, image_uri="111122223333.dkr.ecr.us-east-1.amazonaws.com/mine:1", ${versions}, instance_type="ml.g5.xlarge", instance_count=1)\nest.deploy(1, "ml.g5.xlarge")\n`;
      assert.deepEqual(framework(ownImage), []);
    });

    it('says a version that neither training nor the deploy has once, on the version, with the versions both have (found by a helper: two findings on one token)', () => {
      const text = `${SDK}est = PyTorch(entry_point="t.py", role=role, framework_version="9.9", py_version="py310", instance_type="ml.m5.xlarge", instance_count=1)\nest.deploy(initial_instance_count=1, instance_type="ml.m5.large")\n`;
      const findings = analyzePython(text).filter((finding) => finding.code === 'unknown-framework-version');
      assert.equal(findings.length, 1, JSON.stringify(findings.map((finding) => finding.message)));
      const [finding] = findings;
      assert.deepEqual([finding.offset, finding.length], [text.indexOf('9.9'), 3]);
      assert.equal(finding.message, 'PyTorch has no version "9.9" for training, nor for inference on ml.m5.large. Nearest for both: 2.6.0, 2.5.1, 2.4.0.');
      assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [['Use version 2.6.0', true], ['Use version 2.5.1', false], ['Use version 2.4.0', false]]);
      // Not deployed: training's own nearest, as before.
      const trained = text.slice(0, text.indexOf('est.deploy'));
      assert.deepEqual(framework(trained), ['unknown-framework-version @ 9.9: PyTorch has no version "9.9" for training. Nearest: 2.8.0, 2.7.1, 2.6.0.']);
    });

    it('follows the estimator as it follows a model: in place, and not through a same-named binding elsewhere', () => {
      const versions = 'transformers_version="4.36.0", pytorch_version="2.1.0", py_version="py310"';
      const chained = `${HF}HuggingFace(entry_point="train.py", role=role, ${versions}, instance_type="ml.g5.xlarge", instance_count=1).deploy(1, "ml.g5.xlarge")\n`;
      assert.equal(framework(chained).length, 1);
      const elsewhere = `${HF_ESTIMATOR(versions)}def serve():\n    est = attach()\n    est.deploy(1, "ml.g5.xlarge")\n`;
      assert.deepEqual(framework(elsewhere), []);
    });
  });

  describe('Pipelines\' model.create(instance_type=…) (a ModelStep\'s step_args) resolves the image for its instance type', () => {
    const PIPELINE = 'from sagemaker.workflow.model_step import ModelStep\nfrom sagemaker.workflow.pipeline_context import PipelineSession\n';

    it('judges a framework model created for ml.c7g against inference_graviton, as a deploy there is', () => {
      const text = `${SDK}${PIPELINE}pm = PyTorchModel(model_data="s3://b/m.tar.gz", role=role, entry_point="i.py", framework_version="2.6.0", py_version="py312", sagemaker_session=PipelineSession())\nstep = ModelStep(name="CreateModel", step_args=pm.create(instance_type="ml.c7g.xlarge"))\n`;
      assert.deepEqual(framework(text), ['image-scope-unavailable @ 2.6.0: PyTorch 2.6.0 has no inference_graviton image (wanted on ml.c7g.xlarge); it has inference and training.']);
      assert.deepEqual(framework(text.replace('ml.c7g.xlarge', 'ml.m5.xlarge')), []);
    });

    it('reads a HuggingFaceModel created for ml.inf2 with the neuron config: create passes no tool, unlike deploy, and retrieve picks neuron on any ml.inf', () => {
      const text = `${HF}${PIPELINE}${INF2_SAMPLE_MODEL}step = ModelStep(name="CreateModel", step_args=m.create("ml.inf2.xlarge"))\n`;
      assert.deepEqual(framework(text), ['unknown-framework-version @ 1.13.0: Hugging Face Neuron 4.12.3 (inference on ml.inf2.xlarge) comes with pytorch 1.9.1, not pytorch 1.13.0.']);
    });

    it('does not judge create\'s instance type against the API model: CreateModel has none, the SDK only picks the image with it', () => {
      const text = 'from sagemaker.model import Model\nm = Model(image_uri="763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.6.0-cpu-py312", role="r")\nm.create(instance_type="ml.m5.xlarg")\n';
      assert.deepEqual(analyzePython(text).map((finding) => finding.code), []);
    });
  });
});
