// unknown-repository: a repository a SageMaker-owned account does not serve in the image's region,
// a typo away from one it does. Rules run on requests, so every host gets it; a name far from every
// listed repository, or one that may be another repository of the same family, stays silent (the
// SDK's catalog does not list every repository those accounts hold).
import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { analyzeDocument, readDockerfileDocument } from '../../src/core/hostDocument';
import { applyEdits } from '../../src/core/findings';
import { renderFix } from '../../src/core/renderFix';
import { analyzePython, applyPythonFix } from './pythonTestKit';
import { analyzeOptions, analyzeText, applyFix, modelSpec, only, textAt } from './specTestKit';
import { analyzeYaml, applyHostFix, modelTemplate } from './yamlTestKit';

const XGBOOST_HOST = '683313688378.dkr.ecr.us-east-1.amazonaws.com';
const DLC_HOST = '763104351884.dkr.ecr.us-east-1.amazonaws.com';

function summary(text: string, findings: readonly Finding[]): [string, string, string][] {
  return findings.map((finding) => [finding.code, textAt(text, finding), finding.severity]);
}

describe('unknown-repository', () => {
  it('reports a misspelt repository of a SageMaker account in a JSON spec, on the repository, with a preferred rename', () => {
    const text = modelSpec(`${XGBOOST_HOST}/sagemaker-xgbost:1.7-1`);
    const finding = only(analyzeText(text), 'unknown-repository');
    assert.deepEqual(summary(text, [finding]), [['unknown-repository', 'sagemaker-xgbost', 'error']]);
    assert.equal(finding.message, 'Account 683313688378 serves no repository "sagemaker-xgbost" in us-east-1 in the SageMaker image catalog: the pull fails. Did you mean "sagemaker-xgboost"?');
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [['Use repository sagemaker-xgboost', true]]);
    const fixed = applyFix(text, finding);
    assert.equal(fixed, modelSpec(`${XGBOOST_HOST}/sagemaker-xgboost:1.7-1`));
    assert.deepEqual(analyzeText(fixed), []);
  });

  it('reports a Deep Learning Container typo, and only that: the tag is not judged against an unknown repository', () => {
    const text = modelSpec(`${DLC_HOST}/pytorch-inferense:2.6.0-cpu-py312`);
    const findings = analyzeText(text);
    assert.deepEqual(summary(text, findings), [['unknown-repository', 'pytorch-inferense', 'error']]);
    assert.equal(applyFix(text, findings[0]), modelSpec(`${DLC_HOST}/pytorch-inference:2.6.0-cpu-py312`));
  });

  it('comes before image-region-mismatch, whose fix needs the right repository', () => {
    const text = modelSpec(`${XGBOOST_HOST}/sagemaker-xgbost:1.7-1`);
    assert.deepEqual(analyzeText(text, { region: 'eu-west-1' }).map((finding) => finding.code), ['unknown-repository']);
    const fixed = applyFix(text, only(analyzeText(text, { region: 'eu-west-1' }), 'unknown-repository'));
    assert.deepEqual(analyzeText(fixed, { region: 'eu-west-1' }).map((finding) => finding.code), ['image-region-mismatch']);
  });

  it('stays silent for a repository far from every listed one, another family member, a customer account or a repository of another account', () => {
    for (const image of [
      `${DLC_HOST}/stabilityai-sdxl-inference:1.0`, // far from every listed name: the catalog is not every repository
      `${DLC_HOST}/pytorch-training-neuronxx:2.1`, // a listed name extended: maybe a variant the catalog lacks
      '111122223333.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgbost:1.7-1', // not a SageMaker account
    ]) {
      assert.deepEqual(analyzeText(modelSpec(image)).filter((finding) => finding.code === 'unknown-repository'), [], image);
    }
    // A repository the catalog has in another account here is registry-account-mismatch's.
    assert.deepEqual(analyzeText(modelSpec(`${DLC_HOST}/sagemaker-xgboost:1.7-1`)).map((finding) => finding.code), ['registry-account-mismatch']);
  });

  it('a name with other digits than the nearest listed one is another version, not a typo', () => {
    const account = '081325390199'; // serves sagemaker-base-python-38 and -310 in us-east-1
    const names = new Set(analyzeOptions().catalog.repositoriesHostedBy(account, 'us-east-1'));
    assert.ok(names.has('sagemaker-base-python-310'), 'catalog fixture');
    const text = modelSpec(`${account}.dkr.ecr.us-east-1.amazonaws.com/sagemaker-base-python-312:1.0`);
    assert.deepEqual(analyzeText(text).filter((finding) => finding.code === 'unknown-repository'), []);
  });

  it('works in a Dockerfile FROM, fixed as Dockerfile text', () => {
    const text = `FROM ${DLC_HOST}/pytorch-trainning:2.6.0-gpu-py312\n`;
    const findings = analyzeDocument(readDockerfileDocument(text), analyzeOptions()).findings;
    assert.deepEqual(summary(text, findings), [['unknown-repository', 'pytorch-trainning', 'error']]);
    const rendered = renderFix({ text, host: 'dockerfile' }, findings[0].fixes[0]);
    assert.equal(applyEdits(text, rendered!.edits), `FROM ${DLC_HOST}/pytorch-training:2.6.0-gpu-py312\n`);
  });

  it('works in an SDK Estimator image_uri, fixed as Python', () => {
    const text = [
      'from sagemaker.estimator import Estimator',
      `est = Estimator(image_uri="${XGBOOST_HOST}/sagemaker-xgbost:1.7-1", role="arn:aws:iam::111122223333:role/R", instance_count=1, instance_type="ml.m5.xlarge")`,
      '',
    ].join('\n');
    const finding = only(analyzePython(text), 'unknown-repository');
    assert.equal(textAt(text, finding), 'sagemaker-xgbost');
    assert.equal(applyPythonFix(text, finding), text.replace('sagemaker-xgbost', 'sagemaker-xgboost'));
  });

  it('works in a template image whose account, region and repository are static (a Python f-string), fixing the static text', () => {
    const text = ['import boto3', 'sm = boto3.client("sagemaker")', 'v = input()', `sm.create_model(ModelName="m", ExecutionRoleArn="arn:aws:iam::111122223333:role/R", PrimaryContainer={"Image": f"${XGBOOST_HOST}/sagemaker-xgbost:{v}"})`, ''].join('\n');
    const finding = only(analyzePython(text), 'unknown-repository');
    assert.equal(textAt(text, finding), 'sagemaker-xgbost');
    assert.equal(applyPythonFix(text, finding), text.replace('sagemaker-xgbost', 'sagemaker-xgboost'));
  });

  it('with a region placeholder in a template, judges the repositories the account serves in any region', () => {
    const text = modelTemplate(`!Sub ${XGBOOST_HOST.replace('us-east-1', '${AWS::Region}')}/sagemaker-xgbost:1.7-1`);
    const finding = only(analyzeYaml(text), 'unknown-repository');
    assert.equal(textAt(text, finding), 'sagemaker-xgbost');
    assert.match(finding.message, /serves no repository "sagemaker-xgbost" in any region/);
    assert.equal(applyHostFix(text, finding), text.replace('sagemaker-xgbost', 'sagemaker-xgboost'));
  });
});
