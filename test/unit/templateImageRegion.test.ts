// image-region-mismatch on a template image's static region (Pipelines Std:Join, Python f-strings,
// CloudFormation !Sub): the same message and fix as for a literal image, the fix rewriting only the
// static registry host.
import * as assert from 'node:assert/strict';
import { analyzePython, applyPythonFix } from './pythonTestKit';
import { analyzeText, modelSpec, only, textAt } from './specTestKit';
import { analyzeWorkflow, applyWorkflowFix } from './workflowTestKit';
import { analyzeYaml, applyHostFix, modelTemplate } from './yamlTestKit';

const US_EAST_1 = '683313688378.dkr.ecr.us-east-1.amazonaws.com';
const EU_WEST_1 = '141502667606.dkr.ecr.eu-west-1.amazonaws.com';
const MESSAGE = 'The image is in us-east-1, but the target region is eu-west-1 (from sagemakerSpec.region); SageMaker pulls images from its own region.';
const FIX = `Use the eu-west-1 registry (${EU_WEST_1})`;

function pipeline(image: unknown): string {
  return JSON.stringify({
    Version: '2020-12-01',
    Parameters: [{ Name: 'XgbVersion', Type: 'String', DefaultValue: '1.7-1' }],
    Steps: [{ Name: 'Model', Type: 'Model', Arguments: { ExecutionRoleArn: 'arn:aws:iam::111122223333:role/R', PrimaryContainer: { Image: image } } }],
  }, null, 2);
}

describe('image-region-mismatch on a template image', () => {
  it('agrees with a literal image: message and fix', () => {
    const literal = modelSpec(`${US_EAST_1}/sagemaker-xgboost:1.7-1`);
    const finding = only(analyzeText(literal, { region: 'eu-west-1' }), 'image-region-mismatch');
    assert.equal(finding.message, MESSAGE);
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [[FIX, true]]);
  });

  it('a Pipelines Std:Join with a static host and a parameter tag (trial 5)', () => {
    const text = pipeline({ 'Std:Join': { On: ':', Values: [`${US_EAST_1}/sagemaker-xgboost`, { Get: 'Parameters.XgbVersion' }] } });
    const findings = analyzeWorkflow(text, { region: 'eu-west-1' });
    const finding = only(findings, 'image-region-mismatch');
    assert.equal(textAt(text, finding), 'us-east-1');
    assert.equal(finding.message, MESSAGE);
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [[FIX, true]]);
    const fixed = applyWorkflowFix(text, finding);
    assert.equal(fixed, text.replace(US_EAST_1, EU_WEST_1));
    assert.deepEqual(analyzeWorkflow(fixed, { region: 'eu-west-1' }).map((each) => each.code), []);
    // Without an explicit region, nothing to compare with.
    assert.deepEqual(analyzeWorkflow(text).map((each) => each.code), []);
  });

  it('a Python f-string image in boto3 create_model (trial 5), fixed as Python', () => {
    const text = ['import boto3', 'v = input()', 'sm = boto3.client("sagemaker")', `sm.create_model(ModelName="m", ExecutionRoleArn="arn:aws:iam::111122223333:role/R", PrimaryContainer={"Image": f"${US_EAST_1}/sagemaker-xgboost:{v}"})`, ''].join('\n');
    const finding = only(analyzePython(text, { region: 'eu-west-1' }), 'image-region-mismatch');
    assert.equal(textAt(text, finding), 'us-east-1');
    assert.equal(finding.message, MESSAGE);
    assert.equal(applyPythonFix(text, finding), text.replace(US_EAST_1, EU_WEST_1));
  });

  it('a CloudFormation !Sub whose region part is static, fixed as YAML', () => {
    const text = modelTemplate(`!Sub ${US_EAST_1}/sagemaker-xgboost:\${Tag}`, ['Parameters:', '  Tag: {Type: String, Default: 1.7-1}']);
    const finding = only(analyzeYaml(text, { region: 'eu-west-1' }), 'image-region-mismatch');
    assert.equal(textAt(text, finding), 'us-east-1');
    assert.equal(applyHostFix(text, finding), text.replace(US_EAST_1, EU_WEST_1));
  });

  it('an account placeholder: reported on the static region, with no fix (which account is the template\'s)', () => {
    const text = ['import boto3', 'a = input()', 'sm = boto3.client("sagemaker")', 'sm.create_model(ModelName="m", ExecutionRoleArn="arn:aws:iam::111122223333:role/R", PrimaryContainer={"Image": f"{a}.dkr.ecr.us-east-1.amazonaws.com/team/model:1"})', ''].join('\n');
    const finding = only(analyzePython(text, { region: 'eu-west-1' }), 'image-region-mismatch');
    assert.equal(textAt(text, finding), 'us-east-1');
    assert.deepEqual(finding.fixes, []);
  });
});
