/**
 * Image references built at run time in Python (issue 10, "Templates"): f-strings, `.format` and
 * `+` are checked on their static parts, and their placeholders are never reported.
 */
import * as assert from 'node:assert/strict';
import { analyzeDocument, readPythonDocument } from '../../src/core/hostDocument';
import type { Finding } from '../../src/core/findings';
import { algorithms, apiModel, catalog, instanceGpus } from './specTestKit';
import { analyzePython, applyPythonFix, sourceAt } from './pythonTestKit';

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

  it('a name bound to a literal or a template is its text inside a template', () => {
    assert.deepEqual(summary(`${PREAMBLE}suffix = "/my-model:latest"\nEstimator(image_uri=get_base() + suffix)`), ['latest-tag latest']);
    // The registry bound to a template, the repository and tag written where it is used.
    const registry = `${PREAMBLE}registry = f"{account}.dkr.ecr.{region}.amazonaws.com"\nEstimator(image_uri=registry + "/my-model:latest")`;
    const [tag] = findings(registry);
    assert.deepEqual(summary(registry), ['latest-tag latest']);
    assert.equal(tag.offset, registry.indexOf('latest")'), 'on the tag written in the call');
    // Its static account is read through the name, and reported where it is written.
    const kmeans = `${PREAMBLE}tag = get_tag()\nregistry = f"382416733822.dkr.ecr.{region}.amazonaws.com"\nEstimator(image_uri=registry + "/sagemaker-xgboost:" + tag)`;
    const [account] = findings(kmeans, 'us-east-1');
    assert.deepEqual(summary(kmeans, 'us-east-1'), ['registry-account-mismatch 382416733822']);
    assert.equal(account.offset, kmeans.indexOf('382416733822'));
  });
});

describe('Python image templates bound to a name', () => {
  /** `source` with its findings as `code text@line`: the line (1-based) tells the binding from the use. */
  function placed(source: string, region?: string): string[] {
    return findings(source, region).map((finding) => `${finding.code} ${source.slice(finding.offset, finding.offset + finding.length)}@${source.slice(0, finding.offset).split('\n').length}`);
  }

  it('an f-string bound once is read where boto3 requests use it, reported once on the binding', () => {
    const source = [
      'import boto3',
      'region = boto3.Session().region_name',
      'client = boto3.client("sagemaker", region_name=region)',
      'container = f"683313688378.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:1"  # unpinned',
      'client.create_training_job(TrainingJobName="j", AlgorithmSpecification={"TrainingImage": container, "TrainingInputMode": "File"})',
      'client.create_model(ModelName="m", PrimaryContainer={"Image": container, "ModelDataUrl": "s3://b/m.tar.gz"})',
    ].join('\n');
    const all = findings(source).filter((finding) => finding.code === 'xgboost-unpinned');
    assert.equal(all.length, 1, 'two requests, one binding: one finding');
    const [unpinned] = all;
    assert.equal(unpinned.offset, source.indexOf(':1"') + 1);
    assert.equal(unpinned.length, 1);
    // As for the same template in place: the same message, and no fix (the tag is static text of an f-string).
    const inline = `${PREAMBLE}Estimator(image_uri=f"683313688378.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:1")`;
    assert.equal(unpinned.message, findings(inline)[0].message);
    assert.match(unpinned.message, /^":1" does not pin an XGBoost version: "1" and "latest" name no XGBoost version in "sagemaker-xgboost"/);
    assert.deepEqual(unpinned.fixes, []);
  });

  it('a bring-your-own-container "….format(account, region)" passed by position to Estimator', () => {
    const source = [
      'import sagemaker as sage',
      'sess = sage.Session()',
      'account = sess.boto_session.client("sts").get_caller_identity()["Account"]',
      'region = sess.boto_session.region_name',
      'image = "{}.dkr.ecr.{}.amazonaws.com/sagemaker-decision-trees:latest".format(account, region)',
      'tree = sage.estimator.Estimator(image, role, 1, "ml.c4.2xlarge", sagemaker_session=sess)',
      'other = sage.estimator.Estimator(image_uri=image, role=role, instance_count=1, instance_type="ml.c4.2xlarge")',
    ].join('\n');
    assert.deepEqual(placed(source), ['latest-tag latest@5']);
    const [latest] = findings(source);
    assert.equal(latest.message, '"latest" moves whenever a new image is pushed, so the same file can run different code. Pin a version tag or a digest.');
    assert.deepEqual(latest.fixes, []);
  });

  it('"+" concatenation bound to a name: the tag rules, and the account rule on the name bound to the account', () => {
    const source = `${PREAMBLE.replace('account = get_account()', 'account = "683313688378"')}uri = account + ".dkr.ecr." + region + ".amazonaws.com/sagemaker-xgboost:1"\nEstimator(image_uri=uri)`;
    assert.deepEqual(placed(source), ['xgboost-unpinned 1@4']);
    assert.deepEqual(placed(source, 'eu-west-1'), ['registry-account-mismatch 683313688378@2', 'xgboost-unpinned 1@4']);
    const mismatch = findings(source, 'eu-west-1')[0];
    assert.equal(mismatch.message, 'In eu-west-1, SageMaker serves "sagemaker-xgboost" from account 141502667606, not 683313688378.');
  });

  it('account and region placeholders work through the name as in place', () => {
    const source = `${PREAMBLE}uri = f"382416733822.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:{tag}"\nEstimator(image_uri=uri)`;
    assert.deepEqual(placed(source), []);
    assert.deepEqual(placed(source, 'us-east-1'), ['registry-account-mismatch 382416733822@4']);
    // A static region other than the target, on the binding.
    assert.deepEqual(placed(`${PREAMBLE}uri = f"{account}.dkr.ecr.us-west-2.amazonaws.com/my-model:{tag}"\nEstimator(image_uri=uri)`, 'us-east-1'), ['image-region-mismatch us-west-2@4']);
    // A placeholder account on latest: a request's image is judged, wherever it is bound.
    assert.deepEqual(placed(`${PREAMBLE}uri = f"{account}.dkr.ecr.{region}.amazonaws.com/my-model:latest"\nEstimator(image_uri=uri)`), ['latest-tag latest@4']);
  });

  it('a name bound twice, or augmented, is unknown where it is used', () => {
    const template = 'f"{account}.dkr.ecr.{region}.amazonaws.com/my-model:latest"';
    // Each binding is still read as an image reference of its own, which says nothing of an account it cannot know.
    assert.deepEqual(placed(`${PREAMBLE}uri = ${template}\nif gpu:\n    uri = ${template.replace('my-model', 'my-gpu-model')}\nEstimator(image_uri=uri)`), []);
    assert.deepEqual(placed(`${PREAMBLE}uri = ${template}\nuri += "-gpu"\nEstimator(image_uri=uri)`), []);
  });

  it('a fix of static text edits the template at the binding, still valid Python', () => {
    const fString = `${PREAMBLE}tag = get_tag()\nuri = f"683313688378.dkr.ecr.{region}.amazonaws.com/sagemaker-xgbost:{tag}"\nEstimator(image_uri=uri)\nEstimator(image_uri=uri)\n`;
    const [rename] = analyzePython(fString, { region: 'us-east-1' });
    assert.equal(rename.code, 'unknown-repository');
    assert.equal(sourceAt(fString, rename), 'sagemaker-xgbost');
    assert.equal(analyzePython(fString, { region: 'us-east-1' }).length, 1, 'once for both calls');
    assert.equal(applyPythonFix(fString, rename, 'Use repository sagemaker-xgboost'), fString.replace('sagemaker-xgbost:{tag}', 'sagemaker-xgboost:{tag}'));
    const format = `${PREAMBLE}uri = "683313688378.dkr.ecr.{}.amazonaws.com/sagemaker-xgbost:{}".format(region, tag)\nEstimator(image_uri=uri)\n`;
    const [formatRename] = analyzePython(format, { region: 'us-east-1' });
    assert.equal(applyPythonFix(format, formatRename, 'Use repository sagemaker-xgboost'), format.replace('sagemaker-xgbost:{}', 'sagemaker-xgboost:{}'));
  });

  it('a finding on the whole image covers the template at the binding, as for a literal bound to a name', () => {
    const source = [
      'import boto3',
      'region = get_region()',
      'sm = boto3.client("sagemaker")',
      'tpl = f"683313688378.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:1.7-1"',
      'sm.create_training_job(TrainingJobName="j", RoleArn="arn:aws:iam::123456789012:role/R", AlgorithmSpecification={"TrainingImage": tpl, "TrainingInputMode": "File"})',
    ].join('\n');
    const channel = analyzePython(source, { algorithms: true }).filter((finding) => finding.code === 'algorithm-channel');
    assert.equal(channel.length, 1);
    assert.equal(sourceAt(source, channel[0]), '683313688378.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:1.7-1');
  });

  it('a template bound to a name and never used is checked as an image reference, as a literal is', () => {
    const source = [
      'account = "683313688378"',
      'region = get_region()',
      'container_a = f"683313688378.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:1"',
      'container_c = f"{account}.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:latest"',
      'container_e = "{}.dkr.ecr.{}.amazonaws.com/sagemaker-xgboost:latest".format(account, region)',
      'container_f = account + ".dkr.ecr." + region + ".amazonaws.com/sagemaker-xgboost:1"',
    ].join('\n');
    assert.deepEqual(placed(source), ['xgboost-unpinned 1@3', 'xgboost-unpinned latest@4', 'xgboost-unpinned latest@5', 'xgboost-unpinned 1@6']);
  });

  it('text that is no image reference is left alone: a registry host, a command, an account nobody knows on latest', () => {
    const source = [
      'account = get_account()',
      'region = get_region()',
      'registry = f"{account}.dkr.ecr.{region}.amazonaws.com"',
      'login = f"docker login --username AWS {account}.dkr.ecr.{region}.amazonaws.com"',
      'push = f"docker push {account}.dkr.ecr.{region}.amazonaws.com/my-model:latest"',
      'mine = f"{account}.dkr.ecr.{region}.amazonaws.com/my-model:latest"',
      'sagemaker_uri = "{}.dkr.ecr.{}.amazonaws.com/{}:latest".format(account, region, name)',
    ].join('\n');
    assert.deepEqual(placed(source), []);
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
