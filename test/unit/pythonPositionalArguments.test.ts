import * as assert from 'node:assert/strict';
import { analyzePython, applyPythonFix } from './pythonTestKit';

const XGBOOST = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
const PYTORCH_TRAINING = '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.1.0-gpu-py310';

const findingsOf = (text: string, region?: string) => analyzePython(text, { algorithms: true, region });
const source = (text: string, finding: { offset: number; length: number }) => text.slice(finding.offset, finding.offset + finding.length);
const summary = (text: string, region?: string) => findingsOf(text, region).map((finding) => `${finding.code} ${source(text, finding)}`);

/** The notebook style: `Estimator(container, role, …)` with the image and perhaps more by position. */
function linearLearner(call: string): string {
  return `import sagemaker
from sagemaker import image_uris
role = "arn:aws:iam::123456789012:role/SageMakerRole"
container = image_uris.retrieve("linear-learner", "us-east-1")
ll = ${call}
ll.fit({"train": "s3://b/ll"})
`;
}

describe('SDK classes given their arguments by position (Python host)', () => {
  it('reads Estimator(container, role, instance_count=…, …) as image_uri=container: the algorithm rules run', () => {
    const text = linearLearner('sagemaker.estimator.Estimator(container, role, instance_count=1, instance_type="ml.m5.xlarge", hyperparameters={"predictor_typ": "regressor", "feature_dim": 10})');
    const findings = findingsOf(text);
    // The misspelt required predictor_type is one finding: its fix gives the name.
    assert.deepEqual(findings.map((finding) => `${finding.code} ${source(text, finding)}`), ['algorithm-unknown-hyperparameter predictor_typ']);
    assert.match(findings[0].message, /Did you mean "predictor_type"\? Linear Learner needs it\./);
    // The same findings as the keyword form, at the same places relative to the call.
    const keyword = linearLearner('sagemaker.estimator.Estimator(image_uri=container, role=role, instance_count=1, instance_type="ml.m5.xlarge", hyperparameters={"predictor_typ": "regressor", "feature_dim": 10})');
    assert.deepEqual(summary(keyword), summary(text));
    assert.ok(applyPythonFix(text, findings[0]).includes('hyperparameters={"predictor_type": "regressor"'));
  });

  it('maps image, role, instance_count and instance_type by position, with retrieve(…) in place', () => {
    const text = `from sagemaker.estimator import Estimator
from sagemaker import image_uris
ic = Estimator(image_uris.retrieve("image-classification", "us-east-1"), role, 1, "ml.m5.xlarge",
               hyperparameters={"num_classes": 2, "num_training_samples": 100})
ic.fit({"train": "s3://b/t", "validation": "s3://b/v"})
`;
    // instance_type by position: a GPU-only algorithm on a CPU instance is known.
    assert.deepEqual(summary(text), ['algorithm-instance ml.m5.xlarge']);
  });

  it('adds hyperparameters={…} after the positional arguments when none are written', () => {
    const text = `from sagemaker.estimator import Estimator\nxgb = Estimator("${XGBOOST}", role, 1, "ml.m5.xlarge")\n`;
    const findings = findingsOf(text);
    assert.deepEqual(findings.map((finding) => `${finding.code} ${source(text, finding)}`), ['algorithm-missing-hyperparameter Estimator']);
    assert.equal(applyPythonFix(text, findings[0]), `from sagemaker.estimator import Estimator\nxgb = Estimator("${XGBOOST}", role, 1, "ml.m5.xlarge", hyperparameters={"num_round": ""})\n`);
  });

  it('leaves hyperparameters open when a positional argument past instance_type may be them', () => {
    // v2.112 put keep_alive_period_in_seconds fifth: what the fifth and later are depends on the release.
    const text = `from sagemaker.estimator import Estimator\nxgb = Estimator("${XGBOOST}", role, 1, "ml.m5.xlarge", 30, None, 3600, "File", None, None, None, session, {"objective": "x"})\n`;
    assert.deepEqual(summary(text), []);
    const starred = `from sagemaker.estimator import Estimator\nxgb = Estimator(*args, "${XGBOOST}")\n`;
    // After `*args` no position is known: the literal is only an image reference.
    assert.deepEqual(summary(starred), []);
  });

  it('leaves a call alone when an argument is given by position and by keyword (a TypeError)', () => {
    const text = linearLearner('sagemaker.estimator.Estimator(container, role, image_uri=container, hyperparameters={"predictor_typ": "regressor"})');
    assert.deepEqual(summary(text), []);
  });

  it('reads the image by position for Model(image_uri, …), Processor(role, image_uri, …) and the framework classes', () => {
    const model = `from sagemaker.model import Model\nm = Model("${PYTORCH_TRAINING}", "s3://b/model.tar.gz", role)\n`;
    assert.deepEqual(summary(model), ['image-scope-mismatch pytorch-training']);
    const processor = `from sagemaker.processing import Processor\np = Processor(role, "${XGBOOST.replace('us-east-1', 'eu-west-1').replace('683313688378', '141502667606')}", 1, "ml.m5.xlarge")\n`;
    assert.deepEqual(summary(processor, 'us-east-1'), ['image-region-mismatch eu-west-1']);
    // framework_version by position (PyTorch(entry_point, framework_version, py_version, …)).
    const pytorch = 'from sagemaker.pytorch import PyTorch\nt = PyTorch("train.py", "9.9", "py310", role=role, instance_count=1, instance_type="ml.m5.xlarge")\n';
    assert.deepEqual(summary(pytorch), ['unknown-framework-version 9.9']);
  });
});
