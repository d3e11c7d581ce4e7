/**
 * SDK v2's deprecated `sagemaker.amazon.amazon_estimator.get_image_uri(region_name, repo_name,
 * repo_version="1")`, read as the `image_uris.retrieve(framework=repo_name, region=region_name,
 * version=repo_version)` it returns: the framework rules, XGBoost pinning (its default "1" is the
 * legacy 0.72 image), and the built-in algorithm rules of an estimator or boto3 request it feeds.
 */
import * as assert from 'node:assert/strict';
import { analyzePython, applyPythonFix } from './pythonTestKit';
import { catalog, only, textAt } from './specTestKit';

const IMPORT = 'from sagemaker.amazon.amazon_estimator import get_image_uri\n';
const NEWEST_TRAINING = catalog.pinnedVersions('xgboost', 'us-east-1', 'training')[0].version;

/** [code, source text] of every finding. */
const summary = (text: string, algorithms = false) => analyzePython(text, { algorithms }).map((finding) => [finding.code, textAt(text, finding)]);

describe('get_image_uri (SDK v2, deprecated), read as image_uris.retrieve', () => {
  it('reports XGBoost without repo_version on repo_name: the default "1" is the legacy 0.72 image; the fixes add repo_version=', () => {
    const text = `${IMPORT}container = get_image_uri("us-east-1", "xgboost")\n`;
    const findings = analyzePython(text);
    assert.deepEqual(findings.map((finding) => [finding.code, textAt(text, finding)]), [['xgboost-unpinned', 'xgboost']]);
    assert.equal(
      findings[0].message,
      `Without repo_version, get_image_uri asks for XGBoost's "1" training image: the legacy image (XGBoost 0.72), not a pinned version. Pass repo_version="${NEWEST_TRAINING}" (or another pinned version).`,
    );
    // The three newest pinned versions of the region, as a written "latest" gets them; never applied without the user.
    const pins = catalog.pinnedVersions('xgboost', 'us-east-1', 'training').slice(0, 3).map((entry) => `Pin XGBoost ${entry.version}`);
    assert.deepEqual(findings[0].fixes.map((fix) => fix.title), pins);
    assert.deepEqual(findings[0].fixes.map((fix) => [fix.preferred, fix.changesBehaviour]), [[true, true], [false, true], [false, true]]);
    const fixed = applyPythonFix(text, findings[0]);
    assert.equal(fixed, `${IMPORT}container = get_image_uri("us-east-1", "xgboost", repo_version="${NEWEST_TRAINING}")\n`);
    assert.deepEqual(analyzePython(fixed), []);
  });

  it('writes repo_version= after keyword arguments, in a multi-line call with or without a trailing comma, past a comment, in the file\'s quotes', () => {
    const cases: [string, string][] = [
      ['get_image_uri(region_name="us-east-1", repo_name="xgboost")', `get_image_uri(region_name="us-east-1", repo_name="xgboost", repo_version="${NEWEST_TRAINING}")`],
      ['get_image_uri(repo_name="xgboost", region_name="us-east-1")', `get_image_uri(repo_name="xgboost", region_name="us-east-1", repo_version="${NEWEST_TRAINING}")`],
      ['get_image_uri(\n    "us-east-1",\n    "xgboost",\n)', `get_image_uri(\n    "us-east-1",\n    "xgboost",\n    repo_version="${NEWEST_TRAINING}",\n)`],
      ['get_image_uri(\n    "us-east-1",\n    "xgboost"\n)', `get_image_uri(\n    "us-east-1",\n    "xgboost",\n    repo_version="${NEWEST_TRAINING}"\n)`],
      ['get_image_uri(\n    "us-east-1",\n    "xgboost"  # the algorithm\n)', `get_image_uri(\n    "us-east-1",\n    "xgboost",  # the algorithm\n    repo_version="${NEWEST_TRAINING}"\n)`],
    ];
    for (const [call, fixed] of cases) {
      const text = `${IMPORT}image = ${call}\n`;
      const finding = only(analyzePython(text), 'xgboost-unpinned');
      assert.equal(textAt(text, finding), 'xgboost', call);
      assert.equal(applyPythonFix(text, finding), `${IMPORT}image = ${fixed}\n`, call);
    }
    const single = `${IMPORT}image = get_image_uri('us-east-1', 'xgboost')\n`;
    assert.equal(applyPythonFix(single, only(analyzePython(single), 'xgboost-unpinned')), `${IMPORT}image = get_image_uri('us-east-1', 'xgboost', repo_version='${NEWEST_TRAINING}')\n`);
  });

  it('offers no fix where repo_version may already be passed (*args): no finding then', () => {
    assert.deepEqual(summary(`${IMPORT}image = get_image_uri("us-east-1", "xgboost", *rest)\n`), []);
  });

  it('adds version= to image_uris.retrieve("xgboost", …, image_scope=…) without a version, whose "latest" is the legacy image', () => {
    const text = 'from sagemaker import image_uris\nimage = image_uris.retrieve("xgboost", "us-east-1", image_scope="training")\n';
    const finding = only(analyzePython(text), 'xgboost-unpinned');
    assert.equal(textAt(text, finding), 'xgboost');
    assert.match(finding.message, /^Without a version, the SageMaker Python SDK retrieves XGBoost's "latest" training image/);
    assert.equal(finding.fixes[0].title, `Pin XGBoost ${NEWEST_TRAINING}`);
    assert.equal(applyPythonFix(text, finding), text.replace('image_scope="training")', `image_scope="training", version="${NEWEST_TRAINING}")`));
  });

  it('reports repo_version "1" and "latest", positional or by keyword, on the version with pins as fixes', () => {
    for (const call of ['get_image_uri(region, "xgboost", "latest")', 'get_image_uri(region_name=region, repo_name="xgboost", repo_version="1")', 'get_image_uri(repo_version="latest", repo_name="xgboost", region_name=region)']) {
      const text = `${IMPORT}region = "us-east-1"\nimage = ${call}\n`;
      const findings = analyzePython(text);
      assert.deepEqual(findings.map((finding) => finding.code), ['xgboost-unpinned'], call);
      const typed = textAt(text, findings[0]);
      assert.ok(typed === '1' || typed === 'latest', typed);
      assert.match(findings[0].message, /run the legacy image \(XGBoost 0\.72\)/);
      assert.ok(applyPythonFix(text, findings[0]).includes(`"${NEWEST_TRAINING}"`), call);
    }
  });

  it('is silent for a pinned XGBoost version, and when repo_version may be in **kwargs', () => {
    assert.deepEqual(summary(`${IMPORT}a = get_image_uri("us-east-1", "xgboost", "1.7-1")\nb = get_image_uri("us-east-1", "xgboost", **options)\n`), []);
  });

  it('reports an unknown repo_name and an unknown repo_version as retrieve’s framework and version', () => {
    const text = `${IMPORT}a = get_image_uri("us-east-1", "kmeanz")\nb = get_image_uri("us-east-1", repo_name="xgboost", repo_version="0.90-9")\n`;
    assert.deepEqual(summary(text), [
      ['unknown-framework', 'kmeanz'],
      ['unknown-framework-version', '0.90-9'],
    ]);
  });

  it('takes the one version of other algorithms without repo_version, as the SDK does', () => {
    assert.deepEqual(summary(`${IMPORT}x = get_image_uri("us-east-1", "kmeans")\ny = get_image_uri("us-east-1", "linear-learner", "1")\n`), []);
  });

  it('leaves retrieve’s own keyword-only arguments read (inference_tool)', () => {
    // 4.36.2 is a huggingface-neuronx version only: read with the tool, it is no unknown version.
    const call = (tool: string) => `from sagemaker import image_uris\nimage_uris.retrieve("huggingface", "us-east-1", "4.36.2"${tool}, image_scope="inference")\n`;
    assert.deepEqual(summary(call(', inference_tool="neuronx"')), []);
    assert.deepEqual(summary(call('')), [['unknown-framework-version', '4.36.2']]);
  });

  it('reads the module forms: sagemaker.amazon.amazon_estimator.get_image_uri, an imported module and aliases', () => {
    for (const [imports, call] of [
      ['import sagemaker', 'sagemaker.amazon.amazon_estimator.get_image_uri(region, "xgboost")'],
      ['from sagemaker.amazon import amazon_estimator', 'amazon_estimator.get_image_uri(region, "xgboost")'],
      ['import sagemaker.amazon.amazon_estimator as ae', 'ae.get_image_uri(region, "xgboost")'],
      ['from sagemaker.amazon.amazon_estimator import get_image_uri as image_of', 'image_of(region, "xgboost")'],
    ]) {
      const text = `${imports}\nregion = "us-east-1"\nimage = ${call}\n`;
      assert.deepEqual(summary(text), [['xgboost-unpinned', 'xgboost']], text);
    }
    // Another library's get_image_uri, or one never imported, is not the SDK's.
    assert.deepEqual(summary('from mylib import get_image_uri\nimage = get_image_uri("us-east-1", "xgboost")\n'), []);
    assert.deepEqual(summary('image = get_image_uri("us-east-1", "xgboost")\nimage2 = other.get_image_uri("us-east-1", "xgboost")\n'), []);
  });

  it('gives an Estimator whose image is bound to it the built-in algorithm rules (K-Means without k)', () => {
    const text = `${IMPORT}import sagemaker
container = get_image_uri("us-east-1", "kmeans")
km = sagemaker.estimator.Estimator(container, "arn:aws:iam::111122223333:role/R", instance_count=1, instance_type="ml.m5.xlarge")
km.set_hyperparameters(feature_dim=10)
`;
    const findings = analyzePython(text, { algorithms: true });
    assert.deepEqual(findings.map((finding) => finding.code), ['algorithm-missing-hyperparameter']);
    assert.match(findings[0].message, /^K-Means needs the hyperparameter "k"/);
  });

  it('gives a boto3 request whose TrainingImage is the call in place the algorithm rules, legacy XGBoost included', () => {
    const text = `import boto3
${IMPORT}sm = boto3.client("sagemaker")
sm.create_training_job(
    TrainingJobName="j",
    AlgorithmSpecification={"TrainingImage": get_image_uri("us-east-1", "xgboost"), "TrainingInputMode": "File"},
    RoleArn="arn:aws:iam::111122223333:role/R",
    InputDataConfig=[{"ChannelName": "train", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/t"}}}],
    HyperParameters={"objective": "binary:logistic"},
    OutputDataConfig={"S3OutputPath": "s3://b/o"},
    ResourceConfig={"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10},
    StoppingCondition={"MaxRuntimeInSeconds": 3600},
)
`;
    const findings = analyzePython(text, { algorithms: true });
    assert.deepEqual(
      findings.map((finding) => [finding.code, textAt(text, finding)]),
      [
        ['xgboost-unpinned', 'xgboost'],
        ['algorithm-missing-hyperparameter', 'HyperParameters'],
      ],
    );
    assert.match(findings[1].message, /"num_round"/);
  });
});
