import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { analyzePython, applyPythonFix } from './pythonTestKit';

const GPU_IMAGE = '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.6.0-gpu-py312';
const CPU_IMAGE = '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.6.0-cpu-py312';
const INFERENCE_IMAGE = '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.6.0-cpu-py312';
const ROLE = 'arn:aws:iam::111122223333:role/R';

const source = (text: string, finding: Finding) => text.slice(finding.offset, finding.offset + finding.length);
/** code, the text the finding covers, its message: what a reader of the Problems panel sees. */
const shown = (text: string) => analyzePython(text).map((finding) => [finding.code, source(text, finding), finding.message]);
const codes = (text: string) => analyzePython(text).map((finding) => finding.code);
const only = (text: string, code: string): Finding => {
  const found = analyzePython(text).filter((finding) => finding.code === code);
  assert.equal(found.length, 1, `one ${code} in ${JSON.stringify(analyzePython(text).map((finding) => finding.code))}`);
  return found[0];
};

const ESTIMATOR_IMPORTS = 'from sagemaker.estimator import Estimator\nfrom sagemaker.processing import Processor\n\n';

describe('SDK arguments sent as request members: the API model on instance types and counts', () => {
  it('reports a misspelt estimator instance_type as the boto3 member would be, and fixes it in the string\'s own quotes', () => {
    const text = `${ESTIMATOR_IMPORTS}est = Estimator(image_uri="${CPU_IMAGE}", role="${ROLE}", instance_count=1, instance_type='ml.m5.xlarg')\n`;
    const finding = only(text, 'invalid-enum-value');
    // On the string's content, as in every host.
    assert.equal(finding.offset, text.indexOf("'ml.m5.xlarg'") + 1);
    assert.equal(source(text, finding), 'ml.m5.xlarg');
    assert.equal(
      finding.message,
      '"ml.m5.xlarg" is not a valid instance_type (ResourceConfig.InstanceType): the nearest ML instance types are "ml.m5.xlarge", "ml.m4.xlarge", "ml.m5.large".',
    );
    assert.equal(applyPythonFix(text, finding), text.replace("'ml.m5.xlarg'", "'ml.m5.xlarge'"));
    assert.deepEqual(codes(applyPythonFix(text, finding)), []);
  });

  it('reads whole-number arithmetic of literals and of names bound to it as the number Python sends; anything else stays unknown (found by a fresh user)', () => {
    const call = (volume: string, prelude = '') => `${ESTIMATOR_IMPORTS}${prelude}est = Estimator(image_uri="${CPU_IMAGE}", role="${ROLE}", instance_count=1, instance_type="ml.m5.xlarge", volume_size=${volume})\n`;
    for (const [volume, prelude] of [['(10 + 5) * 0', ''], ['2 * NONE', 'NONE = 3 - 3\n'], ['-1 // 2 + 1', '']]) {
      const text = call(volume, prelude);
      const finding = only(text, 'value-out-of-range');
      assert.equal(source(text, finding), volume);
      assert.match(finding.message, /; it is 0\./);
    }
    // True division, a power, a float, a call, a name bound twice: not computed, nothing said.
    for (const [volume, prelude] of [['0 / 2', ''], ['0 ** 2', ''], ['0.0 * 2', ''], ['int(0)', ''], ['2 * N', 'N = 0\nN = 1\n']]) assert.deepEqual(codes(call(volume, prelude)), [], volume);
    assert.deepEqual(codes(call('30 * 1 + 0')), []);
  });

  it('maps a processor\'s arguments to ProcessingResources.ClusterConfig, by keyword and by position', () => {
    const text = `${ESTIMATOR_IMPORTS}proc = Processor("${ROLE}", "${CPU_IMAGE}", 1, "ml.t3.medum", volume_size_in_gb=0)\n`;
    assert.deepEqual(shown(text), [
      [
        'invalid-enum-value',
        'ml.t3.medum',
        '"ml.t3.medum" is not a valid instance_type (ProcessingResources.ClusterConfig.InstanceType): the nearest ML instance types are "ml.t3.medium", "ml.t3.large", "ml.t3.xlarge".',
      ],
      ['value-out-of-range', '0', 'volume_size_in_gb (ProcessingResources.ClusterConfig.VolumeSizeInGB) must be from 1 to 16384; it is 0.'],
    ]);
  });

  it('judges the count and run time as the API types them, with the type fix written in Python', () => {
    const text = `${ESTIMATOR_IMPORTS}est = Estimator(image_uri="${CPU_IMAGE}", role="${ROLE}", instance_count="2", instance_type="ml.m5.xlarge", max_run=0)\n`;
    const [count, runTime] = analyzePython(text);
    assert.deepEqual([count.code, source(text, count), count.message], ['invalid-type', '2', 'instance_count (ResourceConfig.InstanceCount) must be an integer, not a string.']);
    assert.equal(applyPythonFix(text, count), text.replace('instance_count="2"', 'instance_count=2'));
    assert.deepEqual([runTime.code, source(text, runTime)], ['value-out-of-range', '0']);
    assert.match(runTime.message, /^max_run \(StoppingCondition\.MaxRuntimeInSeconds\) must be from 1 to 2147483647/);
  });

  it('checks a framework estimator and an Amazon algorithm estimator, with or without an image', () => {
    const pytorch = 'from sagemaker.pytorch import PyTorch\npt = PyTorch(entry_point="t.py", framework_version="2.6.0", py_version="py312", role="r", instance_count=1, instance_type="ml.g5.xlarg")\n';
    assert.deepEqual(codes(pytorch), ['invalid-enum-value']);
    assert.equal(source(pytorch, analyzePython(pytorch)[0]), 'ml.g5.xlarg');
    const kmeans = 'from sagemaker import KMeans\nkm = KMeans(role="r", instance_count=1, instance_type="ml.c5.xlarg", k=10)\n';
    assert.deepEqual(shown(kmeans).map(([code, text]) => [code, text]), [['invalid-enum-value', 'ml.c5.xlarg']]);
    // An image that is a variable: the arguments are judged all the same.
    assert.deepEqual(codes(`${ESTIMATOR_IMPORTS}est = Estimator(image_uri=image, role="r", instance_count=1, instance_type="ml.m5.xlarg")\n`), ['invalid-enum-value']);
  });

  it('maps deploy(…) and transformer(…) on an estimator or model to the endpoint config and the transform job', () => {
    const text = `from sagemaker.model import Model
model = Model(image_uri="${INFERENCE_IMAGE}", model_data="s3://b/m.tar.gz", role="r")
predictor = model.deploy(initial_instance_count=1, instance_type="ml.m5.larg")
batch = Model(image_uri="${INFERENCE_IMAGE}", role="r").transformer(1, "ml.c5.xlarg")
`;
    assert.deepEqual(shown(text).map(([code, covered, message]) => [code, covered, message.split(':')[0]]), [
      ['invalid-enum-value', 'ml.m5.larg', '"ml.m5.larg" is not a valid instance_type (ProductionVariants[0].InstanceType)'],
      ['invalid-enum-value', 'ml.c5.xlarg', '"ml.c5.xlarg" is not a valid instance_type (TransformResources.InstanceType)'],
    ]);
    // Another object's deploy (not an SDK estimator or model we can follow) is not the SDK's.
    assert.deepEqual(codes('other.deploy(1, "ml.m5.larg")\nclient.transformer(1, "ml.c5.xlarg")\n'), []);
  });

  it('maps deploy(…), transformer(…) and register(…) on a model package, a pipeline model and JumpStart models alike', () => {
    const text = `from sagemaker import ModelPackage
from sagemaker.pipeline import PipelineModel
from sagemaker.jumpstart.model import JumpStartModel
from sagemaker.jumpstart.estimator import JumpStartEstimator
package = ModelPackage(role="r", model_package_arn="arn:aws:sagemaker:us-east-1:111122223333:model-package/p/1")
package.deploy(initial_instance_count=1, instance_type="ml.m5.xlarg")
PipelineModel(name="p", role="r", models=[]).transformer(1, "ml.c5.xlarg")
JumpStartModel(model_id="m").deploy(1, "ml.g5.2xlarg")
JumpStartEstimator(model_id="m").deploy(instance_type="ml.g5.xlarg")
from sagemaker.djl_inference import DJLModel
from sagemaker.multidatamodel import MultiDataModel
from sagemaker.sparkml.model import SparkMLModel
DJLModel(model_id="s3://b/m/", role="r").deploy(1, "ml.g5.2xlarg")
MultiDataModel(name="x", model_data_prefix="s3://b/p/", role="r").deploy(1, "ml.g5.2xlarg")
SparkMLModel(model_data="s3://b/m.tar.gz", role="r").deploy(1, "ml.c5.xlarg")
`;
    assert.deepEqual(shown(text).map(([code, covered, message]) => [code, covered, message.split(':')[0]]), [
      ['invalid-enum-value', 'ml.m5.xlarg', '"ml.m5.xlarg" is not a valid instance_type (ProductionVariants[0].InstanceType)'],
      ['invalid-enum-value', 'ml.c5.xlarg', '"ml.c5.xlarg" is not a valid instance_type (TransformResources.InstanceType)'],
      ['invalid-enum-value', 'ml.g5.2xlarg', '"ml.g5.2xlarg" is not a valid instance_type (ProductionVariants[0].InstanceType)'],
      ['invalid-enum-value', 'ml.g5.xlarg', '"ml.g5.xlarg" is not a valid instance_type (ProductionVariants[0].InstanceType)'],
      ['invalid-enum-value', 'ml.g5.2xlarg', '"ml.g5.2xlarg" is not a valid instance_type (ProductionVariants[0].InstanceType)'],
      ['invalid-enum-value', 'ml.g5.2xlarg', '"ml.g5.2xlarg" is not a valid instance_type (ProductionVariants[0].InstanceType)'],
      ['invalid-enum-value', 'ml.c5.xlarg', '"ml.c5.xlarg" is not a valid instance_type (ProductionVariants[0].InstanceType)'],
    ]);
  });

  it('judges the RL and Marketplace algorithm estimators\' instance types (no image of ours)', () => {
    const text = `from sagemaker.rl import RLEstimator
from sagemaker.algorithm import AlgorithmEstimator
RLEstimator(entry_point="t.py", toolkit="ray", toolkit_version="1.6.0", framework="tensorflow", role="r", instance_type="ml.c5.2xlarg", instance_count=1)
AlgorithmEstimator("arn:aws:sagemaker:us-east-1:123456789012:algorithm/x", "r", 1, "ml.c5.xlarg")
`;
    assert.deepEqual(shown(text).map(([code, covered]) => [code, covered]), [
      ['invalid-enum-value', 'ml.c5.2xlarg'],
      ['invalid-enum-value', 'ml.c5.xlarg'],
    ]);
  });

  it('reads the Spark processors (sagemaker.spark.processing) as processors of Spark\'s image, by keyword and by position', () => {
    const text = `from sagemaker.spark.processing import PySparkProcessor, SparkJarProcessor
spark = PySparkProcessor(base_job_name="sm-spark", framework_version="3.9", role="r", instance_count=2, instance_type="ml.m5.xlargeq", max_runtime_in_seconds=0)
jars = SparkJarProcessor("r", "ml.g4dn.xlarge", 1, "3.3")
py = PySparkProcessor(role="r", instance_type="ml.m5.xlarge", instance_count=1, framework_version="3.5", py_version="py310", container_version="1")
`;
    assert.deepEqual(shown(text), [
      // retrieve("spark", region, "3.9") raises in the SDK; the API refuses the instance type and the run time.
      ['unknown-framework-version', '3.9', 'Spark has no version "3.9" for processing. Nearest: 3.5, 3.3, 3.2.'],
      [
        'invalid-enum-value',
        'ml.m5.xlargeq',
        '"ml.m5.xlargeq" is not a valid instance_type (ProcessingResources.ClusterConfig.InstanceType): the nearest ML instance types are "ml.m5.xlarge", "ml.m4.xlarge", "ml.c5.xlarge".',
      ],
      ['value-out-of-range', '0', 'max_runtime_in_seconds (StoppingCondition.MaxRuntimeInSeconds) must be from 1 to 777600; it is 0.'],
      ['image-processor-mismatch', 'ml.g4dn.xlarge', 'ml.g4dn.xlarge has GPUs, but Spark 3.3 (processing) is built for CPUs only; use a CPU instance type (ml.m*, ml.c*).'],
      ['py-version-mismatch', 'py310', 'Spark 3.5 (processing) is built for py312 or py39, not "py310".'],
    ]);
    const fixed = applyPythonFix(text, only(text, 'invalid-enum-value'));
    assert.ok(fixed.includes('instance_type="ml.m5.xlarge", max_runtime_in_seconds=0'));
    // Without a version the SDK's own default decides: since v2.236 (and in v3) `retrieve("spark", region,
    // version=None)` takes the newest version of its config (`_fetch_latest_version_from_config`);
    // before, it raised "Unsupported spark version: None". Nothing to judge but the arguments.
    for (const processor of ['SparkJarProcessor', 'PySparkProcessor']) {
      assert.deepEqual(codes(`from sagemaker.spark.processing import ${processor}\n${processor}(role="r", instance_type="ml.m5.xlarge", instance_count=1)\n`), [], processor);
    }
  });

  it('reads the Transformer class (sagemaker.transformer) as `transformer(…)`: TransformResources, by keyword and by position', () => {
    const text = `from sagemaker.transformer import Transformer
transformer = Transformer(model_name="m", instance_count=1, instance_type="ml.m5.xlargeq")
Transformer("m", "2", "ml.c5.xlarge")
`;
    assert.deepEqual(shown(text), [
      [
        'invalid-enum-value',
        'ml.m5.xlargeq',
        '"ml.m5.xlargeq" is not a valid instance_type (TransformResources.InstanceType): the nearest ML instance types are "ml.m5.xlarge", "ml.m4.xlarge", "ml.c5.xlarge".',
      ],
      ['invalid-type', '2', 'instance_count (TransformResources.InstanceCount) must be an integer, not a string.'],
    ]);
    assert.equal(applyPythonFix(text, only(text, 'invalid-enum-value')), text.replace('"ml.m5.xlargeq"', '"ml.m5.xlarge"'));
    // Through the module, under any name it is imported as.
    for (const form of ['import sagemaker.transformer\nsagemaker.transformer.Transformer', 'from sagemaker import transformer as tr\ntr.Transformer', 'from sagemaker.transformer import Transformer as T\nT']) {
      assert.deepEqual(codes(`${form}("m", 1, "ml.m5.xlargeq")\n`), ['invalid-enum-value'], form);
    }
    // Another library's Transformer (PyTorch's takes d_model, nhead, …), or one not imported from sagemaker, is not the SDK's.
    assert.deepEqual(codes('import torch.nn as nn\nfrom torch.nn import Transformer\nnn.Transformer(512, 8, 6)\nTransformer(512, "8", 6)\n'), []);
    assert.deepEqual(codes('Transformer("m", 1, "ml.m5.xlargeq")\n'), []);
  });

  it('reads SDK v1\'s train_instance_type and kin as v2\'s renamed_kwargs does, naming the argument as written', () => {
    const text = `${ESTIMATOR_IMPORTS}est = Estimator("${CPU_IMAGE}", "r", train_instance_count="1", train_instance_type="ml.m5.xlargeq", train_max_run=0)\n`;
    assert.deepEqual(shown(text).map(([code, covered, message]) => [code, covered, (message as string).split(':')[0]]), [
      ['invalid-type', '1', 'train_instance_count (ResourceConfig.InstanceCount) must be an integer, not a string.'],
      ['invalid-enum-value', 'ml.m5.xlargeq', '"ml.m5.xlargeq" is not a valid train_instance_type (ResourceConfig.InstanceType)'],
      ['value-out-of-range', '0', 'train_max_run (StoppingCondition.MaxRuntimeInSeconds) must be from 1 to 2147483647 (a 32-bit integer); it is 0.'],
    ]);
    assert.equal(applyPythonFix(text, only(text, 'invalid-enum-value')), text.replace('"ml.m5.xlargeq"', '"ml.m5.xlarge"'));
    // The old name's value wins over the new one's, as renamed_kwargs sets it last.
    assert.deepEqual(shown(`${ESTIMATOR_IMPORTS}Estimator("${CPU_IMAGE}", "r", instance_count=1, instance_type="ml.m5.xlarge", train_instance_type="ml.m5.xlarg")\n`).map(([, covered]) => covered), ['ml.m5.xlarg']);
    // An Amazon algorithm estimator, and a framework estimator's image judged on the instance type.
    assert.deepEqual(shown('from sagemaker import KMeans\nKMeans(role="r", train_instance_count=1, train_instance_type="ml.c5.xlarg", k=10)\n').map(([code, covered]) => [code, covered]), [['invalid-enum-value', 'ml.c5.xlarg']]);
    const pytorch = 'from sagemaker.pytorch import PyTorch\nPyTorch(entry_point="t.py", framework_version="2.6.0", py_version="py312", role="r", train_instance_count=1, train_instance_type="ml.g5.xlarge", image_uri="' + CPU_IMAGE + '")\n';
    assert.deepEqual(codes(pytorch), ['image-processor-mismatch']);
    // A processor has no such names: not read.
    assert.deepEqual(codes(`${ESTIMATOR_IMPORTS}Processor(role="r", image_uri="${CPU_IMAGE}", instance_count=1, instance_type="ml.m5.xlarge", train_instance_type="ml.m5.xlarg")\n`), []);
  });

  it('maps a HyperparameterTuner\'s deploy(…) (the best training job\'s estimator deployed) to the endpoint config, by keyword and by position', () => {
    const text = `from sagemaker.tuner import HyperparameterTuner, ContinuousParameter
${ESTIMATOR_IMPORTS}est = Estimator(image_uri=image, role="r", instance_count=1, instance_type="ml.m5.xlarge")
tuner = HyperparameterTuner(est, "validation:auc", {"eta": ContinuousParameter(0.1, 0.5)})
tuner.deploy(initial_instance_count=1, instance_type="ml.m5.xlargeq")
HyperparameterTuner(est, "validation:auc", {}).deploy("1", "ml.c5.xlarge")
`;
    assert.deepEqual(shown(text), [
      [
        'invalid-enum-value',
        'ml.m5.xlargeq',
        '"ml.m5.xlargeq" is not a valid instance_type (ProductionVariants[0].InstanceType): the nearest ML instance types are "ml.m5.xlarge", "ml.m4.xlarge", "ml.m5.large".',
      ],
      ['invalid-type', '1', 'initial_instance_count (ProductionVariants[0].InitialInstanceCount) must be an integer, not a string.'],
    ]);
    // A tuner has no transformer(…); another object's deploy is not the SDK's.
    assert.deepEqual(codes('from sagemaker.tuner import HyperparameterTuner\ntuner = HyperparameterTuner(est, "m", {})\ntuner.transformer(1, "ml.m5.xlargeq")\n'), []);
  });

  it('keeps judging a deploy once what it returns, or what that returns, is changed in place (the estimator is still the estimator)', () => {
    const text = `from sagemaker.model import Model
model = Model(image_uri="${INFERENCE_IMAGE}", model_data="s3://b/m.tar.gz", role="r")
predictor = model.deploy(initial_instance_count=1, instance_type="ml.g5.2xlarg")
response = predictor.predict(b"x")
for item in response:
    item["generated"] = item["generated"].strip()
parts = response["Body"]
parts.append("done")
`;
    assert.deepEqual(shown(text).map(([code, covered]) => [code, covered]), [['invalid-enum-value', 'ml.g5.2xlarg']]);
    // Bound anew (or deleted), the name no longer says which object it holds.
    const rebound = `from sagemaker.model import Model
model = Model(image_uri="${INFERENCE_IMAGE}", model_data="s3://b/m.tar.gz", role="r")
del model
model = other()
model.deploy(initial_instance_count=1, instance_type="ml.g5.2xlarg")
`;
    assert.deepEqual(codes(rebound), []);
  });

  describe('register(…): its instance type lists, sent in CreateModelPackage\'s InferenceSpecification', () => {
    const MODEL = `from sagemaker.model import Model\nmodel = Model(image_uri="${INFERENCE_IMAGE}", model_data="s3://b/m.tar.gz", role="r")\n`;
    const REALTIME = 'inference_instances (InferenceSpecification.SupportedRealtimeInferenceInstanceTypes)';
    const TRANSFORM = 'transform_instances (InferenceSpecification.SupportedTransformInstanceTypes)';

    it('reports a misspelt entry of inference_instances with the nearest instance types, and fixes it in place', () => {
      const text = `${MODEL}model.register(content_types=["text/csv"], response_types=["text/csv"], inference_instances=["ml.c5.xlarge", "ml.m5.xlarg"], model_package_group_name="g")\n`;
      assert.deepEqual(shown(text), [
        ['invalid-enum-value', 'ml.m5.xlarg', `"ml.m5.xlarg" is not a valid ${REALTIME}: the nearest ML instance types are "ml.m5.xlarge", "ml.m4.xlarge", "ml.m5.large".`],
      ]);
      const finding = only(text, 'invalid-enum-value');
      assert.equal(finding.offset, text.indexOf('ml.m5.xlarg"'));
      assert.equal(applyPythonFix(text, finding), text.replace('"ml.m5.xlarg"', '"ml.m5.xlarge"'));
    });

    it('judges transform_instances by the transform job\'s instance types: ml.t2.medium serves endpoints, not transform jobs', () => {
      const text = `${MODEL}model.register(["text/csv"], ["text/csv"], ["ml.t2.medium"], ["ml.t2.medium"])\n`;
      const found = shown(text);
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.deepEqual(found[0].slice(0, 2), ['invalid-enum-value', 'ml.t2.medium']);
      assert.match(found[0][2] as string, new RegExp(`^"ml\\.t2\\.medium" is not a valid ${TRANSFORM.replace(/[().]/g, '\\$&')}: `));
      assert.equal(analyzePython(text)[0].offset, text.lastIndexOf('ml.t2.medium'));
    });

    it('reads an estimator\'s register by position, a list bound once to a name, and **dict(…)', () => {
      const estimator = `${ESTIMATOR_IMPORTS}est = Estimator(image_uri="${CPU_IMAGE}", role="r", instance_count=1, instance_type="ml.m5.xlarge")\ntypes = ["ml.g5.2xlarg"]\nest.register(["text/csv"], ["text/csv"], types, ["ml.m5.xlarge"])\n`;
      assert.deepEqual(shown(estimator).map(([code, covered]) => [code, covered]), [['invalid-enum-value', 'ml.g5.2xlarg']]);
      const spread = `${MODEL}model.register(**dict(content_types=["text/csv"], response_types=["text/csv"], transform_instances=["ml.m5.xlarg"]))\n`;
      assert.deepEqual(shown(spread).map(([code, covered, message]) => [code, covered, (message as string).split(':')[0]]), [['invalid-enum-value', 'ml.m5.xlarg', `"ml.m5.xlarg" is not a valid ${TRANSFORM}`]]);
    });

    it('reads the RegisterModel step collection\'s lists (sagemaker.workflow.step_collections) as register(…)\'s, by keyword and by position', () => {
      const text = `from sagemaker.workflow.step_collections import RegisterModel
step = RegisterModel(name="r", estimator=est, model_data="s3://b/m.tar.gz", content_types=["text/csv"], response_types=["text/csv"],
                     inference_instances=["ml.m5.xlargeq"], transform_instances=["ml.t2.medium"], model_package_group_name="g")
RegisterModel("r", ["text/csv"], ["text/csv"], ["ml.c5.xlarg"], None, estimator=est)
`;
      assert.deepEqual(shown(text).map(([code, covered, message]) => [code, covered, (message as string).split(':')[0]]), [
        ['invalid-enum-value', 'ml.m5.xlargeq', `"ml.m5.xlargeq" is not a valid ${REALTIME}`],
        ['invalid-enum-value', 'ml.t2.medium', `"ml.t2.medium" is not a valid ${TRANSFORM}`],
        ['invalid-enum-value', 'ml.c5.xlarg', `"ml.c5.xlarg" is not a valid ${REALTIME}`],
      ]);
      assert.deepEqual(codes('RegisterModel(name="r", inference_instances=["ml.m5.xlargeq"])\n'), [], 'not imported from the SDK');
    });

    it('never judges a list it cannot read, None or local entries, pipeline parameters, or another object\'s register', () => {
      for (const list of ['instance_types()', '[None, "local"]', '[ParameterString(name="Instance", default_value="ml.m5.xlarg")]', 'types + ["ml.m5.xlarg"]']) {
        assert.deepEqual(codes(`${MODEL}model.register(["text/csv"], ["text/csv"], inference_instances=${list})\n`), [], list);
      }
      assert.deepEqual(codes('registry.register(inference_instances=["ml.m5.xlarg"])\n'), []);
    });
  });

  it('never judges what the SDK reads itself or what is not literal', () => {
    const calls = [
      'instance_type="local"',
      'instance_type="local_gpu"',
      'instance_type=None, instance_groups=groups',
      'instance_type=instance_type',
      'instance_type="ml.m5." + size',
    ];
    for (const argument of calls) {
      assert.deepEqual(codes(`${ESTIMATOR_IMPORTS}est = Estimator(image_uri="${CPU_IMAGE}", role="r", instance_count=1, ${argument})\n`), [], argument);
    }
    assert.deepEqual(codes('from sagemaker.model import Model\nm = Model(image_uri=image, role="r")\nm.deploy(1, "local")\n'), []);
    // v3's ModelTrainer takes its instance in a Compute: not mapped.
    assert.deepEqual(codes(`from sagemaker.train import ModelTrainer\nt = ModelTrainer(training_image="${CPU_IMAGE}", instance_type="ml.m5.xlarg")\n`), []);
  });
});

describe('docker-hub-image on an SDK class\'s image_uri', () => {
  it('reports an estimator\'s Docker Hub image, without a fix and without digest-recommended beside it', () => {
    const text = `${ESTIMATOR_IMPORTS}est = Estimator(image_uri="my-trainer:opt", role="r", instance_count=1, instance_type="ml.m5.xlarge")\n`;
    const finding = only(text, 'docker-hub-image');
    assert.equal(finding.offset, text.indexOf('my-trainer:opt'));
    assert.equal(source(text, finding), 'my-trainer:opt');
    assert.equal(
      finding.message,
      "The image names no registry, so it is Docker Hub's docker.io/library/my-trainer:opt; SageMaker pulls images from Amazon ECR, or from a private registry it reaches through your VPC: push it to an ECR repository in the job's region.",
    );
    assert.deepEqual(finding.fixes, []);
    assert.deepEqual(codes(text), ['docker-hub-image']);
  });

  it('reports a processor\'s always, and a model\'s or estimator\'s only when the call cannot set Vpc access', () => {
    const processor = `${ESTIMATOR_IMPORTS}p = Processor(role="r", image_uri="pytorch/pytorch:2.3.0", instance_count=1, instance_type="ml.m5.xlarge", **common)\n`;
    const finding = only(processor, 'docker-hub-image');
    assert.equal(source(processor, finding), 'pytorch/pytorch:2.3.0');
    assert.match(finding.message, /Processing jobs pull images from Amazon ECR only/);
    const model = 'from sagemaker.model import Model\nm = Model(image_uri="docker.io/acme/server:1", role="r")\n';
    assert.equal(source(model, only(model, 'docker-hub-image')), 'docker.io');
    const estimator = (argument: string) => `${ESTIMATOR_IMPORTS}est = Estimator(image_uri="my-trainer:opt", role="r", instance_count=1, instance_type="ml.m5.xlarge", ${argument})\n`;
    assert.deepEqual(codes(estimator('training_repository_access_mode="Vpc"')), ['digest-recommended']);
    assert.deepEqual(codes(estimator('**settings')), ['digest-recommended']);
    assert.deepEqual(codes(model.replace('role="r"', 'role="r", image_config={"RepositoryAccessMode": "Vpc"}')), ['digest-recommended']);
    const trainer = (argument: string) => `from sagemaker.train import ModelTrainer\nt = ModelTrainer(training_image="my-trainer:opt"${argument})\n`;
    assert.deepEqual(codes(trainer('')), ['docker-hub-image']);
    assert.deepEqual(codes(trainer(', training_image_config=TrainingImageConfig(training_repository_access_mode="Vpc")')), ['digest-recommended']);
  });
});

describe('image-processor-mismatch on an SDK class\'s image_uri and instance_type', () => {
  it('reports a GPU image on a CPU instance type of an estimator, and fixes the image to its CPU build', () => {
    const text = `${ESTIMATOR_IMPORTS}est = Estimator(image_uri="${GPU_IMAGE}", role="r", instance_count=1, instance_type="ml.m5.xlarge")\n`;
    const finding = only(text, 'image-processor-mismatch');
    assert.equal(finding.offset, text.indexOf('"ml.m5.xlarge"') + 1);
    assert.equal(finding.message, "ml.m5.xlarge has no GPU, but the image is built for GPUs; use a GPU instance type (ml.g*, ml.p*) or the image's CPU variant.");
    assert.equal(applyPythonFix(text, finding), text.replace(GPU_IMAGE, CPU_IMAGE));
  });

  it('reports a CPU image on a GPU instance type (a processor by position, a framework estimator given image_uri)', () => {
    const processor = `${ESTIMATOR_IMPORTS}p = Processor("r", "${CPU_IMAGE}", 1, "ml.g5.xlarge")\n`;
    const finding = only(processor, 'image-processor-mismatch');
    assert.equal(source(processor, finding), 'ml.g5.xlarge');
    assert.equal(finding.message, "ml.g5.xlarge has GPUs, but the image is built for CPUs only; use a CPU instance type or the image's GPU variant.");
    assert.equal(applyPythonFix(processor, finding), processor.replace(CPU_IMAGE, GPU_IMAGE));
    const framework = `from sagemaker.pytorch import PyTorch\npt = PyTorch(entry_point="t.py", image_uri="${CPU_IMAGE}", role="r", instance_count=1, instance_type="ml.p3.2xlarge")\n`;
    assert.deepEqual(codes(framework), ['image-processor-mismatch']);
    // Matching processors, or an instance type that is not literal: nothing.
    assert.deepEqual(codes(processor.replace('ml.g5.xlarge', 'ml.m5.xlarge')), []);
    assert.deepEqual(codes(processor.replace('"ml.g5.xlarge"', 'instance_type')), []);
  });

  it('judges an image template by its static tag, without a fix (trial 6, 9-11)', () => {
    const template = 'f"763104351884.dkr.ecr.{region}.amazonaws.com/pytorch-training:2.6.0-gpu-py312"';
    const text = `${ESTIMATOR_IMPORTS}est = Estimator(image_uri=${template}, role="r", instance_count=1, instance_type="ml.m5.xlarge")\n`;
    const finding = only(text, 'image-processor-mismatch');
    assert.equal(finding.offset, text.indexOf('"ml.m5.xlarge"') + 1);
    assert.equal(source(text, finding), 'ml.m5.xlarge');
    assert.equal(finding.message, "ml.m5.xlarge has no GPU, but the image is built for GPUs; use a GPU instance type (ml.g*, ml.p*) or the image's CPU variant.");
    assert.deepEqual(finding.fixes, []);
    // The written-out image gets the same finding (with its fix): the template now matches it.
    assert.equal(only(text.replace(template, `"${GPU_IMAGE}"`), 'image-processor-mismatch').message, finding.message);
    // .format(…) and a processor by position; a CPU tag on a GPU instance type.
    const formatted = `${ESTIMATOR_IMPORTS}p = Processor("r", "763104351884.dkr.ecr.{}.amazonaws.com/pytorch-training:2.6.0-cpu-py312".format(region), 1, "ml.g5.xlarge")\n`;
    assert.equal(only(formatted, 'image-processor-mismatch').message, "ml.g5.xlarge has GPUs, but the image is built for CPUs only; use a CPU instance type or the image's GPU variant.");
    // A placeholder in the tag hides what it says; matching processors say nothing.
    assert.deepEqual(codes(text.replace('2.6.0-gpu-py312', '2.6.0-{device}-py312')), []);
    assert.deepEqual(codes(text.replace('ml.m5.xlarge', 'ml.g5.xlarge')), []);
  });

  it('judges a boto3 request\'s image template by its static tag against ResourceConfig', () => {
    const text = `import boto3\nsm = boto3.client("sagemaker")\nsm.create_training_job(TrainingJobName="j", RoleArn="${ROLE}", AlgorithmSpecification={"TrainingImage": f"763104351884.dkr.ecr.{region}.amazonaws.com/pytorch-training:2.6.0-gpu-py312", "TrainingInputMode": "File"}, OutputDataConfig={"S3OutputPath": "s3://b/o"}, ResourceConfig={"InstanceType": "ml.c5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10}, StoppingCondition={"MaxRuntimeInSeconds": 3600})\n`;
    const finding = only(text, 'image-processor-mismatch');
    assert.equal(source(text, finding), 'ml.c5.xlarge');
    assert.equal(finding.message, "ml.c5.xlarge has no GPU, but the image is built for GPUs; use a GPU instance type (ml.g*, ml.p*) or the image's CPU variant.");
    assert.deepEqual(finding.fixes, []);
  });
});
