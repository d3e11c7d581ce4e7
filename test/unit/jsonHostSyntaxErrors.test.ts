// JSON workflows and templates with syntax errors: the errors are reported (once), a member being
// typed is not yet missing, and errors that hid every request still fail the check.
import * as assert from 'node:assert/strict';
import { analyzeWorkflow } from './workflowTestKit';
import { textAt } from './specTestKit';

const XGBOOST = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost';

/** `code text-at-range` for each finding, in order. */
function summary(text: string): string[] {
  return analyzeWorkflow(text, { algorithms: true }).map((finding) => `${finding.code} ${textAt(text, finding)}`);
}

/** A state machine cut off while its training task's Parameters are being typed. */
const HALF_TYPED_STATE_MACHINE = `{
  "StartAt": "Train",
  "States": {
    "Train": {
      "Type": "Task",
      "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync",
      "Parameters": {
        "RoleArn": "arn:aws:iam::123456789012:role/SageMakerRole",
        "AlgorithmSpecification": { "TrainingImage": "${XGBOOST}:1.7-1", "TrainingInputMode": "File" },
        "Output`;

const HALF_TYPED_PIPELINE = `{
  "Version": "2020-12-01",
  "Steps": [
    {
      "Name": "Train",
      "Type": "Training",
      "Arguments": {
        "AlgorithmSpecification": { "TrainingImage": "${XGBOOST}:1.7-1", "TrainingInputMode": "File" },
        "Res`;

describe('JSON workflows and templates with syntax errors', () => {
  it('a half-typed state machine: the errors, and no member reported missing yet', () => {
    const codes = summary(HALF_TYPED_STATE_MACHINE).map((line) => line.split(' ')[0]);
    assert.ok(codes.includes('invalid-json'), codes.join(', '));
    for (const held of ['missing-required-property', 'algorithm-channel', 'algorithm-missing-hyperparameter']) assert.ok(!codes.includes(held), `${held} in ${codes.join(', ')}`);
  });

  it('a half-typed pipeline: the same', () => {
    const codes = summary(HALF_TYPED_PIPELINE).map((line) => line.split(' ')[0]);
    assert.ok(codes.includes('invalid-json'), codes.join(', '));
    for (const held of ['missing-required-property', 'algorithm-channel', 'algorithm-missing-hyperparameter']) assert.ok(!codes.includes(held), `${held} in ${codes.join(', ')}`);
  });

  it('a JSON template missing its last brace: invalid-json at the end, and its resources still checked', () => {
    const text = `{\n  "Resources": {\n    "Model": {\n      "Type": "AWS::SageMaker::Model",\n      "Properties": { "PrimaryContainer": { "Image": "${XGBOOST}:latest" } }\n    }\n  }\n`;
    assert.deepEqual(summary(text), ['xgboost-unpinned latest', 'invalid-json ']);
    const [, error] = analyzeWorkflow(text);
    assert.equal(error.offset, text.length);
    assert.match(error.message, /a closing brace "}" is expected/);
  });

  it('a JSON template whose errors hid its resources still fails', () => {
    const text = `{\n  "Resources": {\n    "Model" {\n      "Type": "AWS::SageMaker::Model",\n      "Properties": { "PrimaryContainer": { "Image": "${XGBOOST}:latest" } }\n    }\n  }\n}\n`;
    const findings = analyzeWorkflow(text);
    assert.ok(findings.length > 0 && findings.every((finding) => finding.code === 'invalid-json'), JSON.stringify(findings.map((finding) => finding.code)));
    assert.equal(textAt(text, findings[0]), '{');
    assert.equal(findings[0].offset, text.indexOf('"Model" {') + '"Model" '.length);
  });

  it('valid JSONC gets no invalid-json (its comments and trailing commas are strict-json)', () => {
    const text = `{\n  // the model\n  "Resources": {\n    "Model": {\n      "Type": "AWS::SageMaker::Model",\n      "Properties": { "PrimaryContainer": { "Image": "${XGBOOST}:1.7-1", }, },\n    },\n  },\n}\n`;
    assert.deepEqual(summary(text), ['strict-json // the model', 'strict-json ,', 'strict-json ,', 'strict-json ,', 'strict-json ,', 'strict-json ,']);
  });
});
