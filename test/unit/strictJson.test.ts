// strict-json: comments and trailing commas in JSON files whose readers take strict JSON (Step
// Functions, SageMaker Pipelines, CloudFormation, and the AWS CLI for a plain `.json` spec);
// `.jsonc` specs keep JSONC.
import * as assert from 'node:assert/strict';
import { readAgain, readFileDocument } from '../../src/core/fileHost';
import { analyzeDocument } from '../../src/core/hostDocument';
import { parseJson } from '../../src/core/jsonParse';
import { analyzeOptions, analyzeText, applyFix, textAt, trainingSpec, XGBOOST_US_EAST_1 } from './specTestKit';
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
    assert.equal(finding.severity, 'error');
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

  it('a suppression comment in a JSON template of several resources applies once, where it is written', () => {
    const model = (name: string, directive: string) => `    "${name}": {\n      "Type": "AWS::SageMaker::Model",\n      "Properties": {\n${directive}        "PrimaryContainer": { "Image": "${XGBOOST_US_EAST_1}:latest" }\n      }\n    }`;
    const text = `{\n  "Resources": {\n${model('First', '')},\n${model('Second', '        // sagemaker-spec-disable-next-line xgboost-unpinned\n')}\n  }\n}`;
    const findings = analyzeWorkflow(text);
    assert.deepEqual(findings.map((finding) => finding.code), ['xgboost-unpinned', 'strict-json']);
    assert.ok(findings[0].offset < text.indexOf('"Second"'), 'the first model\'s image is still reported');
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

  it('a plain .json spec is AWS CLI input: its comment and trailing comma are reported, a .jsonc spec keeps them', () => {
    const spec = trainingSpec(`${XGBOOST_US_EAST_1}:1.7-1`).replace('{', '{ // nightly job\n').replace(/\n}$/, ',\n}');
    const strict = (file: string) => analyzeDocument(readFileDocument('json', file, spec, false).document, analyzeOptions()).findings.filter((finding) => finding.code === 'strict-json');
    const [comment, comma, ...rest] = strict('/repo/specs/train.sagemaker.json');
    assert.deepEqual(rest, []);
    assert.deepEqual([textAt(spec, comment), textAt(spec, comma)], ['// nightly job', ',']);
    assert.equal(comment.severity, 'error');
    assert.equal(
      comment.message,
      'The AWS CLI reads the spec as strict JSON, which has no comments: `aws sagemaker … --cli-input-json file://…` fails on this one. (The launch commands of this extension drop comments: name the file .jsonc if only they send it.)',
    );
    assert.equal(comma.message, 'The AWS CLI reads the spec as strict JSON, which has no trailing commas: `aws sagemaker … --cli-input-json file://…` fails on this one.');
    assert.equal(applyFix(spec, comma), spec.replace(/,\n}$/, '\n}'));
    assert.deepEqual(strict('/repo/specs/train.sagemaker.jsonc'), []);
    assert.deepEqual(strict('/repo/specs/TRAIN.SAGEMAKER.JSONC'), []);
  });

  it('a fix-all round reads the fixed text in the dialect the file was read in', () => {
    const spec = trainingSpec(`${XGBOOST_US_EAST_1}:1.7-1`).replace(/\n}$/, ',\n}');
    const reread = (file: string) => readAgain(readFileDocument('json', file, spec, false).document, spec, false);
    assert.equal(reread('/p/a.json').requests[0].strictJson?.reader, 'The AWS CLI');
    assert.equal(reread('/p/a.jsonc').requests[0].strictJson, undefined);
  });

  it('a state machine in a .jsonc file is still read strictly by Step Functions', () => {
    const found = analyzeDocument(readFileDocument('json', '/p/train.asl.jsonc', STATE_MACHINE, false).document, analyzeOptions()).findings;
    assert.deepEqual(found.filter((finding) => finding.code === 'strict-json').map((finding) => finding.message.split(' reads ')[0]), ['Step Functions']);
  });

  it('nothing in a strict file without them, while the text does not parse, or in a JSONC spec', () => {
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
