/**
 * Image references built at run time in Python (issue 10, "Templates"): f-strings, `.format` and
 * `+` are checked on their static parts, and their placeholders are never reported.
 */
import * as assert from 'node:assert/strict';
import { analyzeDocument, readPythonDocument } from '../../src/core/hostDocument';
import type { Finding } from '../../src/core/findings';
import { algorithms, apiModel, catalog, instanceGpus } from './specTestKit';

function findings(source: string, region?: string): Finding[] {
  return analyzeDocument(readPythonDocument(source), { catalog, apiModel, instanceGpus, regionInputs: { regionSetting: region, env: {} } }).findings;
}

function summary(source: string, region?: string): string[] {
  return findings(source, region).map((finding) => `${finding.code} ${source.slice(finding.offset, finding.offset + finding.length)}`);
}

const PREAMBLE = 'from sagemaker.estimator import Estimator\naccount = get_account()\nregion = get_region()\n';

describe('Python image templates', () => {
  it('a static tag gets the tag rules: latest, and XGBoost on latest or 1', () => {
    assert.deepEqual(summary(`${PREAMBLE}Estimator(image_uri=f"{account}.dkr.ecr.{region}.amazonaws.com/my-model:latest")`), ['latest-tag latest']);
    assert.deepEqual(summary(`${PREAMBLE}Estimator(image_uri=f"{account}.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:1")`), ['xgboost-unpinned 1']);
    assert.deepEqual(summary(`${PREAMBLE}Estimator(image_uri=f"{account}.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:1.7-1")`), []);
  });

  it('".format(…)" and "+" concatenation are templates too', () => {
    assert.deepEqual(summary(`${PREAMBLE}Estimator(image_uri="{}.dkr.ecr.{}.amazonaws.com/my-model:latest".format(account, region))`), ['latest-tag latest']);
    assert.deepEqual(summary(`${PREAMBLE}base = get_base()\nEstimator(image_uri=base + "/my-model:latest")`), ['latest-tag latest']);
  });

  it('placeholders are never reported, wherever they are', () => {
    assert.deepEqual(summary(`${PREAMBLE}Estimator(image_uri=f"{account}.dkr.ecr.{region}.amazonaws.com/my-model:{tag}")`), []);
    assert.deepEqual(summary(`${PREAMBLE}Estimator(image_uri=f"{registry}/{name}")`), []);
  });

  it('a static region is checked; a placeholder region is the target region', () => {
    assert.deepEqual(summary(`${PREAMBLE}Estimator(image_uri=f"{account}.dkr.ecr.us-east-9.amazonaws.com/my-model:{tag}")`), ['unknown-region us-east-9']);
    // kmeans' account does not serve sagemaker-xgboost: judged only once the region is known.
    const wrongAccount = `${PREAMBLE}Estimator(image_uri=f"382416733822.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:{tag}")`;
    assert.deepEqual(summary(wrongAccount), []);
    assert.deepEqual(summary(wrongAccount, 'us-east-1'), ['registry-account-mismatch 382416733822']);
  });

  it('the tag rules stay when the account rule fires (a target region set)', () => {
    const source = `${PREAMBLE}Estimator(image_uri=f"683313688378.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:latest")`;
    assert.deepEqual(summary(source), ['xgboost-unpinned latest']);
    assert.deepEqual(summary(source, 'eu-west-1'), ['registry-account-mismatch 683313688378', 'xgboost-unpinned latest']);
    const [mismatch] = findings(source, 'eu-west-1');
    assert.equal(mismatch.message, 'In eu-west-1, SageMaker serves "sagemaker-xgboost" from account 141502667606, not 683313688378.');
    // An unknown static region does not hide them either.
    assert.deepEqual(summary(`${PREAMBLE}Estimator(image_uri=f"{account}.dkr.ecr.us-east-9.amazonaws.com/my-model:latest")`), ['unknown-region us-east-9', 'latest-tag latest']);
  });

  it('{{ and }} in an f-string are literal braces; ranges point into the right segment', () => {
    const source = `${PREAMBLE}Estimator(image_uri=f"{account}.dkr.ecr.{region}.amazonaws.com/my-{{x}}:latest")`;
    const [finding] = findings(source);
    // The repository reads "my-{x}", which no registry takes: reported on its source text, braces doubled.
    assert.equal(finding.code, 'invalid-image-reference');
    assert.equal(source.slice(finding.offset, finding.offset + finding.length), 'my-{{x}}');
    const tagged = `${PREAMBLE}Estimator(image_uri=f"{account}.dkr.ecr.{region}.amazonaws.com/my-model:{{x}}-{tag}-latest")`;
    assert.deepEqual(findings(tagged), []);
    const [tag] = findings(tagged.replace('{{x}}-{tag}-latest', '{{x}}-latest'));
    assert.equal(tagged.replace('{{x}}-{tag}-latest', '{{x}}-latest').slice(tag.offset, tag.offset + tag.length), '{{x}}-latest');
  });

  it('a name bound to a template is unknown, a name bound to a literal is its text', () => {
    assert.deepEqual(summary(`${PREAMBLE}uri = f"{account}.dkr.ecr.{region}.amazonaws.com/my-model:latest"\nEstimator(image_uri=uri)`), []);
    assert.deepEqual(summary(`${PREAMBLE}suffix = "/my-model:latest"\nEstimator(image_uri=get_base() + suffix)`), ['latest-tag latest']);
  });
});

describe('Python image templates: a finding on the whole image covers no quote', () => {
  /** The text of the one finding on the whole image (a built-in algorithm's missing channel) of a boto3 training job with `image`. */
  function wholeImageRange(image: string): string {
    const source = [
      'import boto3',
      'account = "683313688378"',
      'region = get_region()',
      'sm = boto3.client("sagemaker")',
      `sm.create_training_job(TrainingJobName="j", RoleArn="arn:aws:iam::123456789012:role/R", AlgorithmSpecification={"TrainingImage": ${image}, "TrainingInputMode": "File"})`,
      '',
    ].join('\n');
    const all = analyzeDocument(readPythonDocument(source), { catalog, apiModel, instanceGpus, algorithms, regionInputs: { env: {} } }).findings;
    const channel = all.filter((finding) => finding.code === 'algorithm-channel');
    assert.equal(channel.length, 1, image);
    return source.slice(channel[0].offset, channel[0].offset + channel[0].length);
  }

  it('inside the quotes and past the prefix of an f-string, as in a plain string', () => {
    const xgboost = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
    assert.equal(wholeImageRange(`"${xgboost}"`), xgboost);
    const template = '683313688378.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:1.7-1';
    assert.equal(wholeImageRange(`f"${template}"`), template);
    assert.equal(wholeImageRange(`rf'${template}'`), template);
    assert.equal(wholeImageRange(`f"""${template}"""`), template);
  });

  it('from the first to the last string of "…" "…", of a + "…" (the name included), the literal of "…".format(…)', () => {
    assert.equal(wholeImageRange('f"683313688378.dkr.ecr.{region}" ".amazonaws.com/sagemaker-xgboost:1.7-1"'), '683313688378.dkr.ecr.{region}" ".amazonaws.com/sagemaker-xgboost:1.7-1');
    // `account` is bound to a literal elsewhere: the range stays on the name written here.
    assert.equal(wholeImageRange('account + ".dkr.ecr." + region + ".amazonaws.com/sagemaker-xgboost:1.7-1"'), 'account + ".dkr.ecr." + region + ".amazonaws.com/sagemaker-xgboost:1.7-1');
    assert.equal(wholeImageRange('"{}.dkr.ecr.{}.amazonaws.com/sagemaker-xgboost:1.7-1".format(account, region)'), '{}.dkr.ecr.{}.amazonaws.com/sagemaker-xgboost:1.7-1');
  });
});

describe('Python: the names image_uris.retrieve goes by', () => {
  const cases: Record<string, string> = {
    'the module attribute': 'from sagemaker import image_uris\nimage_uris.retrieve("xgboost", "us-east-1", "latest")',
    'the full path': 'import sagemaker\nsagemaker.image_uris.retrieve("xgboost", "us-east-1", "latest")',
    'v3 sagemaker.core': 'from sagemaker.core import image_uris\nimage_uris.retrieve("xgboost", "us-east-1", "latest")',
    'the module imported under another name': 'from sagemaker import image_uris as uris\nuris.retrieve("xgboost", "us-east-1", "latest")',
    'import … as': 'import sagemaker.image_uris as iu\niu.retrieve("xgboost", "us-east-1", "latest")',
    'the function imported under another name, inside a function': 'def build():\n    from sagemaker.image_uris import retrieve as get_uri\n    return get_uri("xgboost", "us-east-1", "latest")',
  };
  for (const [name, source] of Object.entries(cases)) {
    it(name, () => assert.deepEqual(summary(source), ['xgboost-unpinned latest']));
  }

  it('a retrieve of something else is left alone', () => {
    assert.deepEqual(summary('import cache\ncache.retrieve("xgboost", "us-east-1", "latest")\nretrieve("xgboost", "us-east-1", "latest")'), []);
  });
});
