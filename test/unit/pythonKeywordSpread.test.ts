import * as assert from 'node:assert/strict';
import { analyzePython, applyPythonFix } from './pythonTestKit';

const IMAGE = '111122223333.dkr.ecr.us-east-1.amazonaws.com/mine:1.0';
const XGBOOST = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
const IMPORTS = 'from sagemaker.estimator import Estimator\nfrom sagemaker.pytorch import PyTorch\nimport json\n\n';
const TYPO = '"ml.m5.xlarg" is not a valid instance_type (ResourceConfig.InstanceType): the nearest ML instance types are "ml.m5.xlarge", "ml.m4.xlarge", "ml.m5.large".';

/** code, covered text and message of each finding. */
function shown(text: string): [string, string, string][] {
  return analyzePython(text).map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length), finding.message]);
}

describe('SDK calls: **kwargs whose dict is certain are read as keyword arguments', () => {
  it('judges an instance type passed in **dict(…) where it is written, and fixes it there (trial 6, p12)', () => {
    const text = `${IMPORTS}est = Estimator(image_uri="${IMAGE}", **dict(role="r", instance_count=1, instance_type="ml.m5.xlarg"))\n`;
    const [finding] = analyzePython(text);
    assert.deepEqual(shown(text), [['invalid-enum-value', 'ml.m5.xlarg', TYPO]]);
    assert.equal(finding.offset, text.indexOf('ml.m5.xlarg'));
    assert.equal(applyPythonFix(text, finding), text.replace('"ml.m5.xlarg"', '"ml.m5.xlarge"'));
  });

  it('reads **{…}, a name bound once to a dict shared by two estimators (one finding), and nested **', () => {
    const literal = `${IMPORTS}est = Estimator(image_uri="${IMAGE}", **{"role": "r", "instance_count": 1, "instance_type": "ml.m5.xlarg"})\n`;
    assert.deepEqual(shown(literal), [['invalid-enum-value', 'ml.m5.xlarg', TYPO]]);
    const shared = `${IMPORTS}base = {"instance_count": 1}\nkw = dict(**base, role="r", instance_type="ml.m5.xlarg")\na = Estimator(image_uri="${IMAGE}", **kw)\nb = Estimator(image_uri="${IMAGE}", **kw)\n`;
    assert.deepEqual(shown(shared), [['invalid-enum-value', 'ml.m5.xlarg', TYPO]]);
    assert.equal(analyzePython(shared)[0].offset, shared.indexOf('ml.m5.xlarg'));
  });

  it('reads **dict(common, …): the mapping\'s keywords count, those written after it override them', () => {
    const text = `${IMPORTS}common = {"role": "r", "instance_count": 1, "instance_type": "ml.m5.xlarge"}\nest = Estimator(image_uri="${IMAGE}", **dict(common, instance_type="ml.m5.xlarg"))\n`;
    assert.deepEqual(shown(text), [['invalid-enum-value', 'ml.m5.xlarg', TYPO]]);
    assert.equal(analyzePython(text)[0].offset, text.indexOf('ml.m5.xlarg"'));
    // The mapping's typo is replaced, so not passed.
    const replaced = text.replace('"ml.m5.xlarge"', '"ml.m5.xlarg"').replace('instance_type="ml.m5.xlarg"', 'instance_type="ml.m5.xlarge"');
    assert.deepEqual(analyzePython(replaced), []);
  });

  it('reads a framework estimator\'s version from **common', () => {
    const text = `${IMPORTS}common = {"role": "r", "framework_version": "2.3.0", "py_version": "py310"}\npt = PyTorch(entry_point="t.py", instance_count=1, instance_type="ml.g5.xlarge", **common)\n`;
    assert.deepEqual(shown(text), [['py-version-mismatch', 'py310', 'PyTorch 2.3.0 (training) is built for py311, not "py310".']]);
  });

  it('leaves a call alone when a keyword is given twice (a TypeError), and reads nothing of a dict it cannot know', () => {
    const twice = `${IMPORTS}est = Estimator(image_uri="${IMAGE}", instance_type="ml.m5.xlarg", **{"instance_type": "ml.m5.xlarge", "role": "r"})\n`;
    assert.deepEqual(analyzePython(twice), []);
    for (const spread of ['json.load(open("k"))', 'kw', 'dict(pairs)', '{key: "ml.m5.xlarg"}']) {
      const text = `${IMPORTS}kw = {}\nkw["instance_type"] = "ml.m5.xlarg"\nest = Estimator(image_uri="${IMAGE}", role="r", instance_count=1, **${spread})\n`;
      assert.deepEqual(analyzePython(text), [], spread);
    }
  });

  it('no longer reports a required hyperparameter missing when **kwargs it cannot read may pass hyperparameters', () => {
    const text = `${IMPORTS}kw = json.load(open("k"))\nest = Estimator(image_uri="${XGBOOST}", role="r", instance_count=1, instance_type="ml.m5.xlarge", **kw)\nest.fit({"train": "s3://b/t"})\n`;
    assert.deepEqual(analyzePython(text, { algorithms: true }), []);
    const known = text.replace('kw = json.load(open("k"))', 'kw = {"hyperparameters": {"num_round": "5"}}');
    assert.deepEqual(analyzePython(known, { algorithms: true }), []);
    // Without **kwargs the same estimator misses num_round: the control.
    const without = text.replace(', **kw)', ')');
    assert.deepEqual(analyzePython(without, { algorithms: true }).map((finding) => finding.code), ['algorithm-missing-hyperparameter']);
  });
});
