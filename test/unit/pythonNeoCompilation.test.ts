import * as assert from 'node:assert/strict';
import { analyzePython } from './pythonTestKit';
import { textAt } from './specTestKit';

/** Every finding as `code @ offset "text it points at": message`. */
function findings(text: string): string[] {
  return analyzePython(text).map((finding) => `${finding.code} @ ${finding.offset} "${textAt(text, finding)}": ${finding.message}`);
}

const HEAD = 'from sagemaker.pytorch.model import PyTorchModel\nrole = "arn:aws:iam::123456789012:role/R"\n';
/** PyTorch 1.5.1 has an EIA inference image only: uncompiled, its inference image does not exist. */
const MODEL = (name: string) => `${name} = PyTorchModel(model_data="s3://b/model.tar.gz", role=role, entry_point="resnet18.py", framework_version="1.5.1", py_version="py3")\n`;
const COMPILE = (target: string) => `compile(target_instance_family="${target}", input_shape={"input0": [1, 3, 224, 224]}, output_path="s3://b/compiled", framework="pytorch", framework_version="1.5.1", role=role, job_name="neo-job")`;
const UNCOMPILED = 'image-scope-unavailable @ {offset} "1.5.1": PyTorch 1.5.1 has no inference image; it has eia.';

describe('Python: a framework model compiled with Neo serves the compilation job\'s image (Model.compile sets image_uri to its InferenceImage)', () => {
  it('does not judge the framework\'s inference image of a model compiled for ml_inf1 and deployed (archived/deploy_pytorch_model_on_Inf1_instance)', () => {
    const text = `${HEAD}${MODEL('pytorch_model')}neo_model = pytorch_model.${COMPILE('ml_inf1')}\nneo_model.deploy(instance_type="ml.inf1.xlarge", initial_instance_count=1)\n`;
    assert.deepEqual(findings(text), []);
  });

  it('finds the compile on the model anywhere in the file: its result unused, the target by position, chained on the constructor, before a deploy on the model', () => {
    const unused = `${HEAD}${MODEL('m')}m.deploy(instance_type="ml.c5.xlarge", initial_instance_count=1)\nm.${COMPILE('ml_c5')}\n`;
    assert.deepEqual(findings(unused), []);
    const positional = `${HEAD}${MODEL('m')}m.compile("ml_inf1", {"x": [1]}, "s3://b/c", role, job_name="j", framework="pytorch").deploy(initial_instance_count=1, instance_type="ml.inf1.xlarge")\n`;
    assert.deepEqual(findings(positional), []);
    const chained = `${HEAD}${MODEL('m').replace('m = ', 'neo = ').replace('\n', `.${COMPILE('ml_inf1')}\n`)}`;
    assert.deepEqual(findings(chained), []);
  });

  it('still judges the model when no compile is its own: none, another model\'s, or a compile for ml_eia2 (which keeps the framework image)', () => {
    const none = `${HEAD}${MODEL('m')}m.deploy(instance_type="ml.c5.xlarge", initial_instance_count=1)\n`;
    const other = `${HEAD}${MODEL('m')}${MODEL('other')}other.${COMPILE('ml_inf1')}\nm.deploy(instance_type="ml.c5.xlarge", initial_instance_count=1)\n`;
    const eia = `${HEAD}${MODEL('m')}m.${COMPILE('ml_eia2')}\n`;
    for (const text of [none, other, eia]) {
      const version = text.indexOf('1.5.1');
      const found = findings(text);
      assert.equal(found[0], UNCOMPILED.replace('{offset}', String(version)), text);
      if (text === none || text === eia) assert.equal(found.length, 1, JSON.stringify(found));
    }
  });

  it('stays lenient when a compile on the model\'s name cannot be tied to it (the name bound twice)', () => {
    const text = `${HEAD}${MODEL('m')}m.deploy(instance_type="ml.c5.xlarge", initial_instance_count=1)\nm = load_model()\nm.${COMPILE('ml_c5')}\n`;
    assert.deepEqual(findings(text), []);
  });

  it('still checks the compiled model\'s deploy arguments: a misspelt instance type on the model compile returned, or on the model itself', () => {
    const text = `${HEAD}${MODEL('pytorch_model')}neo_model = pytorch_model.${COMPILE('ml_inf1')}\nneo_model.deploy(instance_type="ml.inf1.xlarg", initial_instance_count=1)\npytorch_model.deploy(instance_type="ml.inf1.2xlarg", initial_instance_count=1)\n`;
    assert.deepEqual(findings(text).map((finding) => finding.replace(/: .*/, '')), [
      `invalid-enum-value @ ${text.indexOf('ml.inf1.xlarg')} "ml.inf1.xlarg"`,
      `invalid-enum-value @ ${text.indexOf('ml.inf1.2xlarg')} "ml.inf1.2xlarg"`,
    ]);
    assert.match(findings(text)[0], /: "ml\.inf1\.xlarg" is not a valid instance_type \(ProductionVariants\[0\]\.InstanceType\)/);
  });

  it('does not take compile on an estimator (it has compile_model) for a model', () => {
    const text = 'from sagemaker.pytorch import PyTorch\nest = PyTorch(entry_point="t.py", role="r", framework_version="2.6.0", py_version="py312", instance_type="ml.g5.xlarge", instance_count=1)\nx = est.compile("ml_inf1", {}, "s3://b/c")\nx.deploy(initial_instance_count=1, instance_type="ml.inf1.xlarg")\n';
    assert.deepEqual(findings(text), []);
  });
});
