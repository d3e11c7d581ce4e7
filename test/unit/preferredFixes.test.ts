// Which suggested fix is preferred (the one fix-all applies): a correction only when it is clear —
// strictly the nearest and a typo or a shortening away. Equally near names, far names and other
// versions are offered in the editor, never applied by `sagemaker-spec check --fix`.
import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { analyzePython } from './pythonTestKit';
import { analyzeText, only, textAt, trainingSpec, XGBOOST_US_EAST_1 } from './specTestKit';

/** `*` before a preferred fix's title, `!` before one fix-all leaves because it changes behaviour. */
function fixesOf(finding: Finding): string[] {
  return finding.fixes.map((fix) => `${fix.preferred ? '*' : ''}${fix.changesBehaviour ? '!' : ''}${fix.title}`);
}

function preferred(finding: Finding): string[] {
  return finding.fixes.filter((fix) => fix.preferred && !fix.changesBehaviour).map((fix) => fix.title);
}

const S3 = { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/data' } };

/** An XGBoost job with a `train` channel and one more, named `name` with `contentType`. */
function xgboostJob(name: string, contentType = 'text/csv', hyperparameters: Record<string, string> = {}): string {
  return trainingSpec(`${XGBOOST_US_EAST_1}:1.7-1`, {
    HyperParameters: { num_round: '10', objective: 'reg:squarederror', ...hyperparameters },
    InputDataConfig: [
      { ChannelName: 'train', DataSource: S3, ContentType: 'text/csv' },
      { ChannelName: name, DataSource: S3, ContentType: contentType },
    ],
  });
}

function algorithmFinding(text: string, code: string): Finding {
  return only(analyzeText(text, { algorithms: true }), code);
}

describe('preferred fixes: only a clear correction', () => {
  it('unknown-region: a typo is corrected; a region as near to two others is not', () => {
    const typo = only(analyzeText(trainingSpec(XGBOOST_US_EAST_1.replace('us-east-1', 'us-eas-1') + ':1.7-1')), 'unknown-region');
    assert.deepEqual(preferred(typo), ['Change the region to us-east-1']);
    const tie = only(analyzeText(trainingSpec(XGBOOST_US_EAST_1.replace('us-east-1', 'us-east-9') + ':1.7-1')), 'unknown-region');
    assert.deepEqual(fixesOf(tie), ['Change the region to us-east-1', 'Change the region to us-east-2', 'Change the region to ap-east-1']);
  });

  it('unknown-region in an SDK call: the same', () => {
    const script = (region: string) => `from sagemaker import image_uris\nimage_uris.retrieve("xgboost", "${region}", "1.7-1")\n`;
    assert.deepEqual(preferred(only(analyzePython(script('eu-wst-1')), 'unknown-region')), ['Change the region to eu-west-1']);
    assert.deepEqual(preferred(only(analyzePython(script('us-east-9')), 'unknown-region')), []);
  });

  it('unknown-framework: a typo is corrected', () => {
    const finding = only(analyzePython('from sagemaker import image_uris\nimage_uris.retrieve("xgbost", "us-east-1", "1.7-1")\n'), 'unknown-framework');
    assert.deepEqual(preferred(finding), ['Change to "xgboost"']);
  });

  it('unknown-framework-version: another version is offered, never applied by fix-all', () => {
    const script = 'from sagemaker.huggingface import HuggingFace\nHuggingFace(entry_point="t.py", role="arn:aws:iam::123456789012:role/R", transformers_version="4.49.0", pytorch_version="2.99", py_version="py311", instance_type="ml.g5.xlarge", instance_count=1)\n';
    assert.deepEqual(fixesOf(only(analyzePython(script), 'unknown-framework-version')), ['*!Use pytorch 2.5.1']);
  });

  it('unknown-image-tag: a typo in the words is corrected; another version is offered, not preferred', () => {
    const sklearn = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn';
    assert.deepEqual(preferred(only(analyzeText(trainingSpec(`${sklearn}:1.2-1-cpuu-py3`)), 'unknown-image-tag')), ['Use tag 1.2-1-cpu-py3']);
    // A changed digit is another version, however near (1.7-2 → 1.7-1, 2.4.1 → 2.4.0): the user's call.
    assert.deepEqual(preferred(only(analyzeText(trainingSpec(`${XGBOOST_US_EAST_1}:1.7-2`)), 'unknown-image-tag')), []);
    const pytorch = '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.4.1-gpu-py311';
    assert.deepEqual(preferred(only(analyzeText(trainingSpec(pytorch, { ResourceConfig: { InstanceType: 'ml.g5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 } })), 'unknown-image-tag')), []);
    // 1.8-1 is one edit from 1.7-1 and from 1.5-1: which version is the user's call.
    const version = only(analyzeText(trainingSpec(`${XGBOOST_US_EAST_1}:1.8-1`)), 'unknown-image-tag');
    assert.deepEqual(fixesOf(version), ['Use tag 1.7-1', 'Use tag 1.5-1', 'Use tag 1.5-1-arm64']);
  });

  it('registry-account-mismatch: the one account serving the repository is preferred', () => {
    const finding = only(analyzeText(trainingSpec(`${XGBOOST_US_EAST_1.replace('683313688378', '382416733822')}:1.7-1`)), 'registry-account-mismatch');
    assert.deepEqual(preferred(finding), ['Use account 683313688378']);
  });

  it('algorithm-channel: a shortening of one channel or a typo is corrected; a far name is not', () => {
    assert.deepEqual(preferred(algorithmFinding(xgboostJob('valid'), 'algorithm-channel')), ['Change to "validation"']);
    assert.deepEqual(preferred(algorithmFinding(xgboostJob('validatoin'), 'algorithm-channel')), ['Change to "validation"']);
    assert.deepEqual(fixesOf(algorithmFinding(xgboostJob('xyz'), 'algorithm-channel')), ['Change to "code"', 'Change to "validation"']);
  });

  it('algorithm-content-type: a typo is corrected', () => {
    assert.deepEqual(preferred(algorithmFinding(xgboostJob('validation', 'text/cvs'), 'algorithm-content-type')), ['Change to "text/csv"']);
  });

  it('algorithm-unknown-hyperparameter: a typo is corrected to the nearest', () => {
    assert.deepEqual(preferred(algorithmFinding(xgboostJob('validation', 'text/csv', { gama: '1' }), 'algorithm-unknown-hyperparameter')), ['Change to "gamma"']);
    // `lamba`: one edit from lambda, two from gamma.
    assert.deepEqual(fixesOf(algorithmFinding(xgboostJob('validation', 'text/csv', { lamba: '1' }), 'algorithm-unknown-hyperparameter')), ['*Change to "lambda"', 'Change to "gamma"']);
  });
});

describe('invalid-account-id on an ECR host', () => {
  it('an account with a digit lost or added is no private registry: the catalog account is the fix', () => {
    for (const account of ['68331368837', '6833136883788']) {
      const text = trainingSpec(`${XGBOOST_US_EAST_1.replace('683313688378', account)}:1.7-1`);
      const findings = analyzeText(text);
      assert.deepEqual(findings.map((finding) => finding.code), ['invalid-account-id']);
      assert.equal(findings[0].message, `"${account}" is not an AWS account id (12 digits): an Amazon ECR host is <account>.dkr.ecr.<region>.<DNS suffix>.`);
      assert.deepEqual(preferred(findings[0]), ['Use account 683313688378']);
    }
  });

  it('a word as the account of a repository the catalog does not know: reported without a fix', () => {
    const findings = analyzeText(trainingSpec('abc.dkr.ecr.us-east-1.amazonaws.com/my-model:1'));
    assert.deepEqual(findings.map((finding) => [finding.code, finding.fixes.length]), [['invalid-account-id', 0]]);
  });
});

describe('unknown-region on a client region in Python', () => {
  const script = (region: string) =>
    `import boto3\nsm = boto3.client("sagemaker", region_name="${region}")\nsm.create_model(ModelName="m", ExecutionRoleArn="arn:aws:iam::123456789012:role/R", PrimaryContainer={"Image": "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"})\n`;

  it('is reported on the literal (not as an image in another region), its clear correction preferred', () => {
    const text = script('us-eas-1');
    const findings = analyzePython(text);
    assert.deepEqual(findings.map((finding) => [finding.code, textAt(text, finding)]), [['unknown-region', 'us-eas-1']]);
    assert.equal(findings[0].message, '"us-eas-1" is not a region the catalog knows: the client sends every request there. Did you mean us-east-1?');
    assert.deepEqual(preferred(findings[0]), ['Change the region to us-east-1']);
    // us-est-1 is one edit from us-east-1 and from us-west-1: offered, not preferred, and named by no "Did you mean".
    const tie = only(analyzePython(script('us-est-1')), 'unknown-region');
    assert.deepEqual(preferred(tie), []);
    assert.equal(tie.message, '"us-est-1" is not a region the catalog knows: the client sends every request there.');
  });

  it('image_uris.retrieve\'s region argument: the clear correction named in the message too', () => {
    const retrieve = (region: string) => `import sagemaker\nimage = sagemaker.image_uris.retrieve(framework="xgboost", region="${region}", version="1.7-1")\n`;
    const finding = only(analyzePython(retrieve('eu-wset-2')), 'unknown-region');
    assert.equal(finding.message, '"eu-wset-2" is not a region with SageMaker images. Did you mean eu-west-2?');
    assert.deepEqual(preferred(finding), ['Change the region to eu-west-2']);
    assert.equal(only(analyzePython(retrieve('us-est-1')), 'unknown-region').message, '"us-est-1" is not a region with SageMaker images.');
  });

  it('a placeholder left in the code (TO_BE_DEFINED, <region>) says so, with no region offered; a typo does not', () => {
    for (const placeholder of ['TO_BE_DEFINED', '<region>', 'YOUR_REGION', 'REGION', '{region}']) {
      const finding = only(analyzePython(script(placeholder)), 'unknown-region');
      assert.equal(finding.message, `"${placeholder}" is not a region the catalog knows: the client sends every request there. It looks like a placeholder left to fill in with a region (us-east-1, eu-west-1, …).`);
      assert.deepEqual(finding.fixes, []);
    }
    for (const typo of ['us-eas-1', 'US-EAST-1', 'us-east']) assert.doesNotMatch(only(analyzePython(script(typo)), 'unknown-region').message, /placeholder/, typo);
    // The same for image_uris.retrieve's region argument (found on a real notebook).
    const retrieve = 'import sagemaker\nregion = "TO_BE_DEFINED"\nimage = sagemaker.image_uris.retrieve(framework="xgboost", region=region, version="1.7-1")\n';
    const finding = only(analyzePython(retrieve), 'unknown-region');
    assert.equal(textAt(retrieve, finding), 'TO_BE_DEFINED');
    assert.equal(finding.message, '"TO_BE_DEFINED" is not a region with SageMaker images. It looks like a placeholder left to fill in with a region (us-east-1, eu-west-1, …).');
    assert.deepEqual(finding.fixes, []);
  });

  it('a known client region gets no such finding; an image elsewhere is the mismatch as before', () => {
    assert.deepEqual(analyzePython(script('us-east-1')), []);
    assert.deepEqual(analyzePython(script('eu-west-1')).map((finding) => finding.code), ['image-region-mismatch']);
  });
});
