// strict-json: comments and trailing commas in JSON files whose readers take strict JSON (Step
// Functions, SageMaker Pipelines, CloudFormation); JSON specs keep JSONC.
import * as assert from 'node:assert/strict';
import { parseJson } from '../../src/core/jsonParse';
import { analyzeText, textAt, trainingSpec, XGBOOST_US_EAST_1 } from './specTestKit';
import { analyzeWorkflow, applyWorkflowFix } from './workflowTestKit';

/** `code text-at-range` of each strict-json finding. */
function strictFindings(text: string): string[] {
  return analyzeWorkflow(text).filter((finding) => finding.code === 'strict-json').map((finding) => textAt(text, finding));
}

const STATE_MACHINE = `{
  "StartAt": "Model",
  "States": {
    "Model": {
      "Type": "Task",
      "Resource": "arn:aws:states:::sagemaker:createModel",
      "Parameters": {
        "ModelName.$": "$$.Execution.Name",
        "ExecutionRoleArn": "arn:aws:iam::123456789012:role/SageMakerRole",
        "PrimaryContainer": { "Image": "${XGBOOST_US_EAST_1}:1.7-1" },
      },
      "End": true
    }
  }
}`;

describe('strict-json', () => {
  it('the parser records comments and trailing commas (and nothing in plain JSON)', () => {
    const text = '{"a": [1, 2,], /* b */ "c": {"d": 1,}, // e\n "f": [[],]}';
    const { jsoncOnly } = parseJson(text);
    assert.deepEqual(jsoncOnly.comments.map((comment) => text.slice(comment.offset, comment.offset + comment.length)), ['/* b */', '// e']);
    assert.deepEqual(jsoncOnly.trailingCommas.map((offset) => text.slice(offset - 1, offset + 2)), ['2,]', '1,}', '],]']);
    assert.deepEqual(parseJson('{"a": [1, 2], "b": {"c": ","}}').jsoncOnly, { comments: [], trailingCommas: [] });
  });

  it('a trailing comma in a state machine, removed by its preferred fix', () => {
    const [finding, ...rest] = analyzeWorkflow(STATE_MACHINE).filter((candidate) => candidate.code === 'strict-json');
    assert.deepEqual(rest, []);
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.message, 'Step Functions reads the state machine as strict JSON, which has no trailing commas: deploying it fails on this one.');
    assert.equal(applyWorkflowFix(STATE_MACHINE, finding), STATE_MACHINE.replace('1.7-1" },\n', '1.7-1" }\n'));
  });

  it('a comment in a pipeline definition: reported, its removal offered but not preferred', () => {
    const text = `{\n  "Version": "2020-12-01",\n  // the training step\n  "Steps": [{ "Name": "Train", "Type": "Training", "Arguments": { "AlgorithmSpecification": { "TrainingImage": "${XGBOOST_US_EAST_1}:1.7-1", "TrainingInputMode": "File" } } }]\n}`;
    const [finding] = analyzeWorkflow(text).filter((candidate) => candidate.code === 'strict-json');
    assert.equal(textAt(text, finding), '// the training step');
    assert.match(finding.message, /^SageMaker Pipelines reads the pipeline definition as strict JSON, which has no comments/);
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [['Remove the comment', false]]);
    assert.equal(applyWorkflowFix(text, finding, 'Remove the comment'), text.replace('// the training step', ''));
  });

  it('a JSON CloudFormation template, and a suppression comment too (it still suppresses)', () => {
    const text = `{\n  "Resources": {\n    "Model": {\n      "Type": "AWS::SageMaker::Model",\n      "Properties": {\n        // sagemaker-spec-disable-next-line xgboost-unpinned\n        "PrimaryContainer": { "Image": "${XGBOOST_US_EAST_1}:latest" }\n      }\n    }\n  }\n}`;
    const findings = analyzeWorkflow(text);
    assert.deepEqual(findings.map((finding) => finding.code), ['strict-json']);
    assert.match(findings[0].message, /^CloudFormation reads the template as strict JSON/);
  });

  it('no directive silences strict-json: not its own comment, nor a trailing comma on the next line; naming it is invalid-suppression', () => {
    const text = STATE_MACHINE.replace('"StartAt": "Model",', '"StartAt": "Model", // sagemaker-spec-disable-line strict-json').replace(
      '        "PrimaryContainer"',
      '        // sagemaker-spec-disable-next-line\n        "PrimaryContainer"',
    );
    const findings = analyzeWorkflow(text);
    assert.deepEqual(
      findings.map((finding) => `${finding.code} ${textAt(text, finding)}`),
      ['strict-json // sagemaker-spec-disable-line strict-json', 'invalid-suppression strict-json', 'strict-json // sagemaker-spec-disable-next-line', 'strict-json ,'],
    );
    assert.deepEqual(findings[1].fixes, []);
  });

  it('nothing in a strict file without them, while the text does not parse, or in a JSON spec', () => {
    assert.deepEqual(strictFindings(STATE_MACHINE.replace('1.7-1" },', '1.7-1" }')), []);
    assert.deepEqual(strictFindings(STATE_MACHINE.replace('"End": true', '"End": true,,')), []);
    const spec = trainingSpec(`${XGBOOST_US_EAST_1}:1.7-1`).replace('{', '{ // a comment\n');
    assert.deepEqual(analyzeText(spec).map((finding) => finding.code), []);
  });

  it('a JSON template\'s own trailing comma and those inside its DefinitionString are all reported at once', () => {
    const definition = JSON.stringify(`{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::sagemaker:createModel", "Parameters": {"ModelName": "m", "ExecutionRoleArn": "arn:aws:iam::123456789012:role/r", "PrimaryContainer": {"Image": "${XGBOOST_US_EAST_1}:1.7-1"}}, "End": true,},},}`);
    const text = `{\n  "Resources": {\n    "SM": {\n      "Type": "AWS::StepFunctions::StateMachine",\n      "Properties": {\n        "DefinitionString": ${definition}\n      }\n    }\n  },\n}\n`;
    const found = analyzeWorkflow(text).filter((finding) => finding.code === 'strict-json');
    assert.deepEqual(found.map((finding) => finding.message.split(' reads ')[0]), ['Step Functions', 'Step Functions', 'Step Functions', 'CloudFormation']);
    assert.equal(found[3].offset, text.lastIndexOf('},\n}') + 1);
  });
});
