import * as assert from 'node:assert/strict';
import { pythonNumberText } from '../../src/core/hosts/python/pythonEstimators';
import { analyzePython, applyPythonFix } from './pythonTestKit';

const XGBOOST = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
const IMAGE_CLASSIFICATION = '811284229777.dkr.ecr.us-east-1.amazonaws.com/image-classification:1';
const LDA = '766337827248.dkr.ecr.us-east-1.amazonaws.com/lda:1';

/** A notebook-style script: an SDK Estimator bound to `xgb`, with `arguments` added to its call and `after` following it. */
function estimatorScript(arguments_: string, after = '', image = `"${XGBOOST}"`): string {
  return `from sagemaker.estimator import Estimator

xgb = Estimator(
    image_uri=${image},
    role=role,
    instance_count=1,
    instance_type="ml.m5.xlarge",${arguments_}
)
${after}`;
}

const findingsOf = (text: string) => analyzePython(text, { algorithms: true });
const algorithmFindings = (text: string) => findingsOf(text).filter((finding) => finding.code.startsWith('algorithm-'));
const codes = (text: string) => algorithmFindings(text).map((finding) => finding.code);
const source = (text: string, finding: { offset: number; length: number }) => text.slice(finding.offset, finding.offset + finding.length);

describe('built-in algorithm rules on the SageMaker Python SDK Estimator', () => {
  it('reports a missing num_round in hyperparameters={…} and inserts a dict entry', () => {
    const text = estimatorScript('\n    hyperparameters={"objective": "binary:logistic"},');
    const findings = algorithmFindings(text);
    assert.deepEqual(findings.map((finding) => finding.code), ['algorithm-missing-hyperparameter']);
    assert.equal(source(text, findings[0]), 'hyperparameters');
    const fixed = applyPythonFix(text, findings[0]);
    assert.ok(fixed.includes('hyperparameters={"objective": "binary:logistic", "num_round": ""},'), fixed);
    // The placeholder is reported until it is filled.
    assert.deepEqual(codes(fixed), ['algorithm-invalid-hyperparameter']);
  });

  it('reads a later set_hyperparameters(…) on the same name and inserts num_round=… into it', () => {
    const text = estimatorScript('', 'xgb.set_hyperparameters(objective="binary:logistic", max_depth=5)\nxgb.fit({"train": train_input})\n');
    const findings = algorithmFindings(text);
    assert.deepEqual(findings.map((finding) => finding.code), ['algorithm-missing-hyperparameter']);
    assert.equal(source(text, findings[0]), 'set_hyperparameters');
    const fixed = applyPythonFix(text, findings[0]);
    assert.ok(fixed.includes('xgb.set_hyperparameters(objective="binary:logistic", max_depth=5, num_round="")'), fixed);
    assert.deepEqual(codes(estimatorScript('', 'xgb.set_hyperparameters(objective="binary:logistic", num_round=100)\n')), []);
  });

  it('leaves out set_hyperparameters(…) in a branch that cannot run for the algorithm a name picks; the branch that runs is judged', () => {
    const script = (algorithm: string, xgboostLine: string) => `from sagemaker.estimator import Estimator
from sagemaker.image_uris import retrieve

algo = "${algorithm}"
container = retrieve(framework=algo, region="us-east-1", version="1.7-1")
model = Estimator(container, role, instance_count=1, instance_type="ml.m5.xlarge")

if algo == "xgboost":
    ${xgboostLine}
elif algo != "linear-learner":
    model.set_hyperparameters(num_round=10, colour="red")
else:
    model.set_hyperparameters(feature_dim=10, predictor_type="regressor", mini_batch_size=100)
`;
    assert.deepEqual(codes(script('xgboost', 'model.set_hyperparameters(objective="reg:squarederror", num_round=10)')), []);
    const typo = script('xgboost', 'model.set_hyperparameters(objective="reg:squarederror", num_roundd=10)');
    // The typo of the required num_round is one finding, whose fix gives the name (not also a missing one).
    assert.deepEqual(algorithmFindings(typo).map((finding) => [finding.code, source(typo, finding)]), [['algorithm-unknown-hyperparameter', 'num_roundd']]);
  });

  it('reports an estimator without any hyperparameters on its class name and adds hyperparameters={…} to its call', () => {
    const text = estimatorScript('', 'xgb.fit({"train": train_input})\n');
    const findings = algorithmFindings(text);
    assert.deepEqual(findings.map((finding) => finding.code), ['algorithm-missing-hyperparameter']);
    assert.equal(source(text, findings[0]), 'Estimator');
    const fixed = applyPythonFix(text, findings[0]);
    assert.ok(fixed.includes('    instance_type="ml.m5.xlarge",\n    hyperparameters={"num_round": ""},\n)'), fixed);
    assert.deepEqual(codes(fixed), ['algorithm-invalid-hyperparameter']);
  });

  it('merges hyperparameters={…} with set_hyperparameters(…): a name in either counts as present', () => {
    assert.deepEqual(codes(estimatorScript('\n    hyperparameters={"num_round": "50"},', 'xgb.set_hyperparameters(eta=0.2)\n')), []);
  });

  it('judges Python numbers and booleans as the strings str() makes of them', () => {
    // `100.0` is sent as "100.0", which is not an integer.
    const float = estimatorScript('', 'xgb.set_hyperparameters(num_round=100.0)\n');
    const [invalid] = algorithmFindings(float);
    assert.equal(invalid.code, 'algorithm-invalid-hyperparameter');
    assert.equal(source(float, invalid), '100.0');
    // XGBoost compares booleans exactly: `True` is sent as "True", which it does not read.
    const boolean = estimatorScript('', 'xgb.set_hyperparameters(num_round=10, deterministic_histogram=True)\n');
    const [caseFinding] = algorithmFindings(boolean);
    assert.equal(caseFinding.code, 'algorithm-invalid-hyperparameter');
    assert.match(caseFinding.message, /"True" is not read as a boolean/);
    assert.ok(applyPythonFix(boolean, caseFinding).includes('deterministic_histogram="true")'));
    // Out of bounds, written as a float.
    const eta = estimatorScript('', 'xgb.set_hyperparameters(num_round=10, eta=1.5)\n');
    assert.deepEqual(algorithmFindings(eta).map((finding) => [finding.code, source(eta, finding)]), [['algorithm-invalid-hyperparameter', '1.5']]);
  });

  it('reads booleans case-insensitively where the facts do not establish the case (linear learner)', () => {
    const text = estimatorScript(
      '',
      'xgb.set_hyperparameters(predictor_type="binary_classifier", normalize_data=True)\n',
      '"382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1"',
    );
    assert.deepEqual(codes(text), []);
  });

  it('renames a misspelt keyword in set_hyperparameters and a misspelt key in the dict', () => {
    const keyword = estimatorScript('', 'xgb.set_hyperparameters(num_rounds=100)\n');
    const unknown = algorithmFindings(keyword).find((finding) => finding.code === 'algorithm-unknown-hyperparameter')!;
    assert.equal(source(keyword, unknown), 'num_rounds');
    assert.ok(applyPythonFix(keyword, unknown).includes('xgb.set_hyperparameters(num_round=100)'));
    const dict = estimatorScript('\n    hyperparameters={"num_round": 10, "objectve": "reg:squarederror"},');
    const misspelt = algorithmFindings(dict).find((finding) => finding.code === 'algorithm-unknown-hyperparameter')!;
    assert.ok(applyPythonFix(dict, misspelt).includes('{"num_round": 10, "objective": "reg:squarederror"}'));
  });

  it('checks literal instance_type and instance_count, with a fix for the count', () => {
    const gpuOnly = estimatorScript('\n    hyperparameters={"num_classes": 2, "num_training_samples": 1000},', '', `"${IMAGE_CLASSIFICATION}"`);
    const [instance] = algorithmFindings(gpuOnly);
    assert.equal(instance.code, 'algorithm-instance');
    assert.equal(source(gpuOnly, instance), 'ml.m5.xlarge');
    const single = estimatorScript('\n    hyperparameters={"feature_dim": 100, "mini_batch_size": 10, "num_topics": 5},', '', `"${LDA}"`).replace('instance_count=1', 'instance_count=2');
    const [count] = algorithmFindings(single);
    assert.equal(count.code, 'algorithm-instance');
    assert.ok(applyPythonFix(single, count).includes('instance_count=1,'));
    // Not literal: not judged.
    assert.deepEqual(codes(gpuOnly.replace('"ml.m5.xlarge"', 'instance_type')), []);
  });

  it('reads the channels of fit({…}): names, TrainingInput content types, a required channel missing', () => {
    const fit = (inputs: string) => estimatorScript('', `xgb.set_hyperparameters(num_round=10)\n${inputs}`);
    // XGBoost compares content types exactly.
    const upper = fit('train_input = TrainingInput("s3://bucket/train/", content_type="TEXT/CSV")\nxgb.fit({"train": train_input})\n');
    const [contentType] = algorithmFindings(upper);
    assert.equal(contentType.code, 'algorithm-content-type');
    assert.equal(source(upper, contentType), 'TEXT/CSV');
    assert.ok(applyPythonFix(upper, contentType).includes('content_type="text/csv")'));
    // A shortened channel name, with the fix to the channel it begins.
    const valid = fit('xgb.fit({"train": TrainingInput("s3://b/t/", content_type="text/csv"), "valid": "s3://b/v/"})\n');
    const [channel] = algorithmFindings(valid);
    assert.equal(channel.code, 'algorithm-channel');
    assert.ok(applyPythonFix(valid, channel).includes('"validation": "s3://b/v/"'));
    // No train channel at all: reported on fit.
    const missing = fit('xgb.fit(inputs={"validation": TrainingInput("s3://b/v/", content_type="text/csv")})\n');
    const [required] = algorithmFindings(missing);
    assert.equal(required.code, 'algorithm-channel');
    assert.equal(source(missing, required), 'fit');
    assert.deepEqual(codes(fit('xgb.fit({"train": TrainingInput("s3://b/t/", content_type="text/csv")})\n')), []);
    // Unknown: a content type that is not literal, inputs that are not a dict literal, several fit calls.
    assert.deepEqual(codes(fit('xgb.fit({"train": TrainingInput("s3://b/t/", content_type=kind)})\n')), []);
    assert.deepEqual(codes(fit('xgb.fit({"train": make_input()})\n')), []);
    assert.deepEqual(codes(fit('xgb.fit(channels)\n')), []);
    assert.deepEqual(codes(fit('xgb.fit({"validation": "s3://b/v/"})\nxgb.fit({"train": "s3://b/t/"})\n')), []);
  });

  it('never reports channels without fit(…)', () => {
    const text = estimatorScript('\n    input_mode="Pipe",\n    hyperparameters={"feature_dim": 100, "mini_batch_size": 10, "num_topics": 5},', '', `"${LDA}"`);
    assert.deepEqual(codes(text), []);
  });

  it('finds the algorithm from image_uris.retrieve(framework, region, version), in place or through a name', () => {
    const inPlace = `from sagemaker import image_uris\n${estimatorScript('', 'xgb.set_hyperparameters(objective="binary:logistic")\n', 'image_uris.retrieve("xgboost", region, "1.7-1")')}`;
    assert.deepEqual(codes(inPlace), ['algorithm-missing-hyperparameter']);
    const named = `from sagemaker import image_uris\ncontainer = image_uris.retrieve("xgboost", region, "1.0-1")\n${estimatorScript('', 'xgb.set_hyperparameters(num_round=10, deterministic_histogram="true")\n', 'container')}`;
    const [version] = algorithmFindings(named);
    assert.equal(version.code, 'algorithm-hyperparameter-version');
    assert.match(version.message, /not of 1\.0-1/);
    // The version decides the facts: without a literal one, nothing is judged.
    assert.deepEqual(codes(inPlace.replace('"1.7-1"', 'xgb_version')), []);
    // A framework image is no algorithm image.
    assert.deepEqual(codes(inPlace.replace('"xgboost"', '"pytorch"')), []);
  });

  it('reads retrieve\'s version alias "latest" as the legacy XGBoost it names, as "1" is read (the trial\'s num_rounds typo)', () => {
    const script = (version: string) =>
      `from sagemaker import image_uris\n${estimatorScript('\n    hyperparameters={"objective": "binary:logistic", "num_rounds": 200},', '', `image_uris.retrieve("xgboost", region, "${version}")`)}`;
    const text = script('latest');
    const findings = algorithmFindings(text);
    assert.deepEqual(
      findings.map((finding) => [finding.code, source(text, finding), finding.message]),
      [
        [
          'algorithm-unknown-hyperparameter',
          'num_rounds',
          '"num_rounds" is not a documented hyperparameter of XGBoost 0.72; the algorithm may reject it or ignore it. Did you mean "num_round"? XGBoost 0.72 needs it.',
        ],
      ],
    );
    assert.equal(findings[0].offset, text.indexOf('"num_rounds"') + 1);
    const renamed = applyPythonFix(text, findings[0]);
    assert.ok(renamed.includes('hyperparameters={"objective": "binary:logistic", "num_round": 200},'), renamed);
    assert.deepEqual(codes(renamed), []);
    // "1" and "latest" name the same image; the unpinned finding stays beside them.
    assert.deepEqual(codes(script('1')), codes(text));
    assert.ok(findingsOf(text).some((finding) => finding.code === 'xgboost-unpinned'));
  });

  it('leaves script mode alone: entry_point=, or a sagemaker_program hyperparameter', () => {
    assert.deepEqual(codes(estimatorScript('\n    entry_point="train.py",', 'xgb.set_hyperparameters(epochs=3)\n')), []);
    assert.deepEqual(codes(estimatorScript('\n    hyperparameters={"sagemaker_program": "train.py", "epochs": "3"},')), []);
    assert.deepEqual(codes(estimatorScript('', 'xgb.set_hyperparameters(sagemaker_program="train.py", epochs=3)\n')), []);
  });

  it('never reports missing hyperparameters when a source is not static, and never judges dynamic values', () => {
    assert.deepEqual(codes(estimatorScript('', 'xgb.set_hyperparameters(**params)\n')), []);
    assert.deepEqual(codes(estimatorScript('\n    hyperparameters=load_hyperparameters(),')), []);
    assert.deepEqual(codes(estimatorScript('', 'xgb.set_hyperparameters(num_round=rounds, eta=float(eta))\n')), []);
    // set on something we cannot follow: it may be this estimator.
    assert.deepEqual(codes(estimatorScript('', 'self.estimator.set_hyperparameters(objective="binary:logistic")\n')), []);
    // An estimator not bound to a name may get its hyperparameters elsewhere.
    assert.deepEqual(codes(estimatorScript('').replace('xgb = Estimator(', 'make(Estimator(').replace(/\)\n$/, '))\n')), []);
    // A name bound once to a dict is read; its members count.
    assert.deepEqual(codes(`hp = {"num_round": "10"}\n${estimatorScript('\n    hyperparameters=hp,')}`), []);
  });

  it('reports nothing from the API model on an SDK estimator (the SDK writes the request)', () => {
    const text = estimatorScript('', 'xgb.set_hyperparameters(objective="binary:logistic")\n');
    const findings = findingsOf(text);
    assert.deepEqual(findings.map((finding) => finding.code), ['algorithm-missing-hyperparameter']);
    // The image rules still run on the image.
    const wrongTag = estimatorScript('', 'xgb.set_hyperparameters(num_round=10)\n', `"${XGBOOST.replace('1.7-1', '1.7-9')}"`);
    assert.ok(findingsOf(wrongTag).some((finding) => !finding.code.startsWith('algorithm-')), 'image rules report the unknown tag');
  });

  it('reports nothing for an Estimator whose image is no algorithm image', () => {
    const custom = estimatorScript('', 'xgb.set_hyperparameters(anything="1")\n', '"123456789012.dkr.ecr.us-east-1.amazonaws.com/my-image:1.0"');
    assert.deepEqual(codes(custom), []);
  });
});

describe('pythonNumberText (str() of a Python number literal)', () => {
  it('writes ints and floats as Python does', () => {
    assert.equal(pythonNumberText('100', 100), '100');
    assert.equal(pythonNumberText('1_000', 1000), '1000');
    assert.equal(pythonNumberText('0x10', 16), '16');
    assert.equal(pythonNumberText('100.0', 100), '100.0');
    assert.equal(pythonNumberText('0.3', 0.3), '0.3');
    assert.equal(pythonNumberText('1e-5', 1e-5), '1e-05');
    assert.equal(pythonNumberText('0.0001', 0.0001), '0.0001');
    assert.equal(pythonNumberText('1e3', 1000), '1000.0');
    assert.equal(pythonNumberText('1.5e16', 1.5e16), '1.5e+16');
    assert.equal(pythonNumberText('-2.50', -2.5), '-2.5');
    assert.equal(pythonNumberText('123.456', 123.456), '123.456');
    assert.equal(pythonNumberText('99999999999999999999', 1e20), undefined);
  });
});
