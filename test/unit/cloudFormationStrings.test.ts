// CloudFormation templates whose workflows are written as strings or templates: a task Resource
// built with `Fn::Sub`/`Fn::Join` around the partition, a state machine's `DefinitionString` and a
// SageMaker Pipeline's `PipelineDefinitionBody` (JSON in a string, plain or in `Fn::Sub`), read
// with findings on the template's own characters, placeholders dynamic, and no fixes inside
// strings (a Resource's pattern is fixed in its `Fn::Sub`/`Fn::Join` string); a `Definition`
// written `Fn::Sub`, which CloudFormation refuses, reported and read as a DefinitionString.
import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { readJsonDocument, readYamlDocument, requestAt } from '../../src/core/hostDocument';
import { hoverAt } from '../../src/core/hover';
import { completeInPython } from '../../src/core/hosts/python/pythonCompletion';
import { apiModel, catalog, XGBOOST_US_EAST_1 } from './specTestKit';
import { analyzeJsonTemplate, analyzeYaml, applyHostFix } from './yamlTestKit';

const ROLE = 'arn:aws:iam::111122223333:role/SageMaker';

/** The text each finding covers, by code. */
function covered(text: string, findings: readonly Finding[]): [string, string][] {
  return findings.map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length)]);
}

/** A state machine with one training task, as an object (for JSON.stringify). */
function stateMachine(resource: unknown, image: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Comment: 'Trains\nthen "stops"',
    StartAt: 'Train',
    States: {
      Train: {
        Type: 'Task',
        Resource: resource,
        Parameters: {
          'TrainingJobName.$': '$.name',
          RoleArn: ROLE,
          AlgorithmSpecification: { TrainingImage: image, TrainingInputMode: 'File' },
          OutputDataConfig: { S3OutputPath: 's3://bucket/out' },
          ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
          StoppingCondition: { MaxRuntimeInSeconds: 3600 },
          ...extra,
        },
        End: true,
      },
    },
  };
}

function jsonTemplate(type: string, properties: Record<string, unknown>): string {
  return JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { Flow: { Type: type, Properties: properties } } }, null, 2);
}

describe('CloudFormation: task Resources built with Fn::Sub or Fn::Join', () => {
  it('reads `!Sub arn:${AWS::Partition}:states:::…` in YAML, with the pattern finding on its suffix and its fixes written in the !Sub string', () => {
    const text = [
      'Resources:',
      '  Flow:',
      '    Type: AWS::StepFunctions::StateMachine',
      '    Properties:',
      '      Definition:',
      '        StartAt: Train',
      '        States:',
      '          Train:',
      '            Type: Task',
      '            Resource: !Sub arn:${AWS::Partition}:states:::sagemaker:createTrainingJob.waitForTaskToken',
      '            Parameters:',
      `              RoleArn: ${ROLE}`,
      '            End: true',
      '          Model:',
      '            Type: Task',
      "            Resource: !Sub 'arn:${AWS::Partition}:states:::sagemaker:createModel.sync'",
      '            End: true',
      '          Fine:',
      '            Type: Task',
      '            Resource: !Sub "arn:${AWS::Partition}:states:::sagemaker:createTransformJob.sync"',
      '            End: true',
      '',
    ].join('\n');
    assert.deepEqual(readYamlDocument(text).requests.map((request) => [request.kind, request.embedding?.integration?.pattern]), [
      ['CreateTrainingJob', 'waitForTaskToken'],
      ['CreateModel', 'sync'],
      ['CreateTransformJob', 'sync'],
    ]);
    const findings = analyzeYaml(text, { rules: { 'missing-required-property': 'off' } });
    assert.deepEqual(covered(text, findings), [
      ['unsupported-integration-pattern', '.waitForTaskToken'],
      ['unsupported-integration-pattern', '.sync'],
    ]);
    assert.ok(text.slice(findings[1].offset - 11, findings[1].offset).endsWith('createModel'));
    // The fixes edit the `!Sub` string itself, keeping its quotes (templateWorkflows.test.ts has more).
    assert.deepEqual(findings.map((finding) => finding.fixes.map((fix) => fix.title)), [
      ['Use ".sync" (wait for the job)', 'Remove ".waitForTaskToken" (request-response)'],
      ['Remove ".sync" (request-response)'],
    ]);
    assert.ok(applyHostFix(text, findings[0]).includes("Resource: !Sub arn:${AWS::Partition}:states:::sagemaker:createTrainingJob.sync\n"));
    assert.ok(applyHostFix(text, findings[1]).includes("Resource: !Sub 'arn:${AWS::Partition}:states:::sagemaker:createModel'\n"));
  });

  it('reads {"Fn::Sub": …} and {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, …]]} in JSON', () => {
    for (const resource of [
      { 'Fn::Sub': 'arn:${AWS::Partition}:states:::aws-sdk:sagemaker:createTrainingJob.sync' },
      { 'Fn::Sub': ['arn:${Partition}:states:::aws-sdk:sagemaker:createTrainingJob.sync', { Partition: { Ref: 'AWS::Partition' } }] },
      { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':states:::aws-sdk:sagemaker:createTrainingJob.sync']] },
    ]) {
      const text = jsonTemplate('AWS::StepFunctions::StateMachine', { Definition: stateMachine(resource, `${XGBOOST_US_EAST_1}:1.7-1`) });
      const findings = analyzeJsonTemplate(text);
      assert.deepEqual(covered(text, findings), [['unsupported-integration-pattern', '.sync']], JSON.stringify(resource));
      assert.match(findings[0].message, /AWS SDK integration does not support "\.sync" for createTrainingJob/);
    }
  });

  it('leaves alone a template with a placeholder anywhere but the partition (the action or service may be anything)', () => {
    for (const resource of [
      { 'Fn::Sub': 'arn:aws:states:::sagemaker:${Action}.waitForTaskToken' },
      { 'Fn::Sub': 'arn:${AWS::Partition}:states:::${Service}:createTrainingJob.waitForTaskToken' },
      { 'Fn::Sub': '${Prefix}:states:::sagemaker:createTrainingJob.waitForTaskToken' },
      { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':states:::sagemaker:', { Ref: 'Action' }]] },
    ]) {
      const text = jsonTemplate('AWS::StepFunctions::StateMachine', { Definition: stateMachine(resource, `${XGBOOST_US_EAST_1}:latest`) });
      assert.deepEqual(readJsonDocument(text).requests, [], JSON.stringify(resource));
    }
  });
});

describe('CloudFormation: DefinitionString and PipelineDefinitionBody (JSON in a string)', () => {
  it('reads a JSON template\'s DefinitionString through its escapes: findings on the template\'s characters, no fixes', () => {
    const definition = JSON.stringify(stateMachine('arn:aws:states:::sagemaker:createTrainingJob.waitForTaskToken', `${XGBOOST_US_EAST_1}:1`));
    const text = jsonTemplate('AWS::StepFunctions::StateMachine', { RoleArn: ROLE, DefinitionString: definition });
    const requests = readJsonDocument(text).requests;
    assert.deepEqual(requests.map((request) => [request.kind, request.inString, request.anyRegion]), [['CreateTrainingJob', true, true]]);
    // The request object starts at its `{` in the template, after the escaped `\"Parameters\":`.
    assert.equal(text[requests[0].root!.offset], '{');
    assert.match(text.slice(0, requests[0].root!.offset), /\\"Parameters\\":$/);
    const findings = analyzeJsonTemplate(text);
    assert.deepEqual(covered(text, findings), [
      ['unsupported-integration-pattern', '.waitForTaskToken'],
      ['xgboost-unpinned', '1'],
    ]);
    assert.ok(text.slice(0, findings[1].offset).endsWith(`\\"TrainingImage\\":\\"${XGBOOST_US_EAST_1}:`));
    assert.ok(findings.every((finding) => finding.fixes.length === 0));
  });

  it('reports a missing member of the embedded request on its key, and finds nothing in a correct one', () => {
    const good = JSON.stringify(stateMachine('arn:aws:states:::sagemaker:createTrainingJob.sync', `${XGBOOST_US_EAST_1}:1.7-1`));
    assert.deepEqual(analyzeJsonTemplate(jsonTemplate('AWS::StepFunctions::StateMachine', { DefinitionString: good })), []);
    const wrongKey = good.replace('"InstanceType"', '"InstanceTpye"');
    const text = jsonTemplate('AWS::StepFunctions::StateMachine', { DefinitionString: wrongKey });
    const findings = analyzeJsonTemplate(text).filter((finding) => finding.code === 'unknown-property');
    assert.deepEqual(covered(text, findings), [['unknown-property', 'InstanceTpye']]);
  });

  it('reads DefinitionString in Fn::Sub: placeholders in a value\'s place and inside strings are dynamic, static parts still checked', () => {
    const definition = JSON.stringify(stateMachine('arn:${AWS::Partition}:states:::sagemaker:createTrainingJob.sync', '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/sagemaker-xgboost:latest'))
      .replace('"MaxRuntimeInSeconds":3600', '"MaxRuntimeInSeconds":${Runtime}')
      .replace(`"RoleArn":"${ROLE}"`, '"RoleArn":"${RoleArn}"');
    for (const sub of [definition, [definition, { Runtime: { Ref: 'Runtime' } }]]) {
      const text = jsonTemplate('AWS::StepFunctions::StateMachine', { DefinitionString: { 'Fn::Sub': sub } });
      const findings = analyzeJsonTemplate(text);
      // The image template's static tag, and ${AWS::AccountId} as a SageMaker repository's registry (the stack's account, as in a
      // resource's image); ${Runtime} stands in a number's place, ${RoleArn} is a whole string.
      assert.deepEqual(covered(text, findings), [
        ['registry-account-mismatch', '${AWS::AccountId}'],
        ['xgboost-unpinned', 'latest'],
      ]);
      assert.equal(findings[0].severity, 'warning');
      assert.ok(text.slice(0, findings[1].offset).endsWith('.amazonaws.com/sagemaker-xgboost:'));
    }
  });

  it('reads the account of a task image in a !Sub DefinitionString from its variable map\'s !FindInMap: each row checked on the row, with its fix', () => {
    const text = [
      'Mappings:',
      '  XgbAccounts:',
      '    us-east-1: { Account: "683313688378" }',
      '    ap-southeast-2: { Account: "683313688378" }',
      'Resources:',
      '  Flow:',
      '    Type: AWS::StepFunctions::StateMachine',
      '    Properties:',
      '      DefinitionString: !Sub',
      '        - |',
      '          {"StartAt": "M", "States": {"M": {"Type": "Task", "End": true, "Resource": "arn:aws:states:::sagemaker:createModel",',
      '            "Parameters": {"ModelName": "m", "ExecutionRoleArn": "arn:aws:iam::111122223333:role/sm",',
      '              "PrimaryContainer": {"Image": "${Account}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/sagemaker-xgboost:1.7-1"}}}}}',
      '        - Account: !FindInMap [XgbAccounts, !Ref AWS::Region, Account]',
      '',
    ].join('\n');
    const findings = analyzeYaml(text);
    assert.deepEqual(
      findings.map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length), finding.fixes.map((fix) => fix.title)]),
      [['registry-account-mismatch', '683313688378', ['Use account 783357654285']]],
    );
    assert.ok(text.slice(0, findings[0].offset).endsWith('ap-southeast-2: { Account: "'));
    assert.match(applyHostFix(text, findings[0]), /ap-southeast-2: \{ Account: "783357654285" \}/);
  });

  it('reads `${!Name}` in Fn::Sub as the static text `${Name}`: it is checked, the finding covering what the template writes', () => {
    const definition = JSON.stringify(stateMachine('arn:aws:states:::sagemaker:createTrainingJob.sync', `${XGBOOST_US_EAST_1}:1.7-1`)).replace('"TrainingInputMode":"File"', '"TrainingInputMode":"${!Mode}"');
    const text = jsonTemplate('AWS::StepFunctions::StateMachine', { DefinitionString: { 'Fn::Sub': definition } });
    assert.deepEqual(covered(text, analyzeJsonTemplate(text)), [['invalid-enum-value', '${!Mode}']]);
  });

  it('treats ${…} in a plain DefinitionString as a DefinitionSubstitutions placeholder', () => {
    const definition = JSON.stringify(stateMachine('arn:aws:states:::sagemaker:createTrainingJob.sync', '${TrainingImage}', { VpcConfig: '${Vpc}' }));
    const text = jsonTemplate('AWS::StepFunctions::StateMachine', { DefinitionString: definition, DefinitionSubstitutions: { TrainingImage: `${XGBOOST_US_EAST_1}:1.7-1`, Vpc: 'y' } });
    // The task's request, the image the map gives its whole-placeholder TrainingImage (checked where the map writes it),
    // and the values it gives other whole-placeholder members (VpcConfig: no string member, left alone by the rule).
    assert.deepEqual(
      readJsonDocument(text).requests.map((request) => [request.kind, request.imagesOnly === true, request.substitutedValues?.map((value) => value.memberPath.join('.'))]),
      [['CreateTrainingJob', false, undefined], [undefined, true, undefined], [undefined, false, ['VpcConfig']]],
    );
    assert.deepEqual(analyzeJsonTemplate(text), []);
  });

  it('reads a YAML `!Sub |` block: each line\'s indentation skipped, findings on the right characters', () => {
    const text = [
      'Parameters:',
      '  Runtime: { Type: Number }',
      'Resources:',
      '  Flow:',
      '    Type: AWS::StepFunctions::StateMachine',
      '    Properties:',
      '      DefinitionString: !Sub |',
      '        {',
      '          "StartAt": "Train",',
      '          "States": {',
      '            "Train": {',
      '              "Type": "Task",',
      '              "Resource": "arn:${AWS::Partition}:states:::sagemaker:createTrainingJob.waitForTaskToken",',
      '              "Parameters": {',
      '                "TrainingJobName.$": "$.name",',
      `                "RoleArn": "${ROLE}",`,
      '                "AlgorithmSpecification": {',
      `                  "TrainingImage": "${XGBOOST_US_EAST_1}:1",`,
      '                  "TrainingInputMode": "File"',
      '                },',
      '                "OutputDataConfig": { "S3OutputPath": "s3://bucket/out" },',
      '                "ResourceConfig": { "InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10 },',
      '                "StoppingCondition": { "MaxRuntimeInSeconds": ${Runtime} }',
      '              },',
      '              "End": true',
      '            }',
      '          }',
      '        }',
      '  Other: { Type: AWS::S3::Bucket }',
      '',
    ].join('\n');
    const requests = readYamlDocument(text).requests;
    assert.deepEqual(requests.map((request) => request.embedding?.name), ['Train']);
    const findings = analyzeYaml(text);
    assert.deepEqual(covered(text, findings), [
      ['unsupported-integration-pattern', '.waitForTaskToken'],
      ['xgboost-unpinned', '1'],
    ]);
    assert.ok(text.slice(0, findings[1].offset).endsWith(`                  "TrainingImage": "${XGBOOST_US_EAST_1}:`));
    assert.ok(findings.every((finding) => finding.fixes.length === 0));
  });

  it('reads YAML folded (`>-`) and one-line double-quoted scalars, and reads nothing it cannot map exactly', () => {
    const definition = JSON.stringify(stateMachine('arn:aws:states:::sagemaker:createModel.sync', `${XGBOOST_US_EAST_1}:1.7-1`));
    const withModel = definition.replace('createModel', 'createTrainingJob').replace('createTrainingJob.sync', 'createModel.sync');
    const folded = `Resources:\n  Flow:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: >-\n        ${withModel.replace(',"States":', ',\n        "States":')}\n`;
    assert.deepEqual(covered(folded, analyzeYaml(folded, { rules: { 'missing-required-property': 'off', 'unknown-property': 'off' } })), [['unsupported-integration-pattern', '.sync']]);
    const quoted = `Resources:\n  Flow:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: ${JSON.stringify(withModel)}\n`;
    assert.deepEqual(covered(quoted, analyzeYaml(quoted, { rules: { 'missing-required-property': 'off', 'unknown-property': 'off' } })), [['unsupported-integration-pattern', '.sync']]);
    // A double-quoted scalar over several lines folds its breaks: not mapped, not read.
    const multiLine = quoted.replace('\\"States\\":', '\n        \\"States\\":');
    assert.equal(readYamlDocument(multiLine).requests.length, 0);
  });

  it('reads a folded (`>`) block whose lines are more indented than the first, mapping each character (found by a fresh user)', () => {
    const text = [
      'Resources:',
      '  PipeFolded:',
      '    Type: AWS::SageMaker::Pipeline',
      '    Properties:',
      '      PipelineName: b',
      '      RoleArn: arn:aws:iam::123456789012:role/R',
      '      PipelineDefinition:',
      '        PipelineDefinitionBody: >',
      '          {"Version": "2020-12-01",',
      '           "Parameters": [{"Name": "InputData", "Type": "String"}],',
      '           "Steps": [{"Name": "M", "Type": "Model", "Arguments": {"ExecutionRoleArn": "arn:aws:iam::123456789012:role/R", "PrimaryContainer": {"Image": "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:latest", "ModelDataUrl": {"Get": "Parameters.InputDat"}}}}]}',
      '',
    ].join('\n');
    assert.deepEqual(covered(text, analyzeYaml(text)), [['xgboost-unpinned', 'latest'], ['undefined-pipeline-variable', 'InputDat']]);
  });

  it('reads an AWS::SageMaker::Pipeline\'s PipelineDefinitionBody, in JSON and in a YAML block, in Fn::Sub too', () => {
    const body = {
      Version: '2020-12-01',
      Parameters: [],
      Steps: [{ Name: 'Train', Type: 'Training', Arguments: {
        RoleArn: ROLE,
        AlgorithmSpecification: { TrainingImage: `${XGBOOST_US_EAST_1}:latest`, TrainingInputMode: 'File' },
        OutputDataConfig: { S3OutputPath: 's3://bucket/out' },
        ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      } }],
    };
    const json = jsonTemplate('AWS::SageMaker::Pipeline', { PipelineName: 'p', RoleArn: ROLE, PipelineDefinition: { PipelineDefinitionBody: JSON.stringify(body) } });
    assert.deepEqual(readJsonDocument(json).requests.map((request) => [request.kind, request.embedding?.container]), [['CreateTrainingJob', 'pipeline-step']]);
    const jsonFindings = analyzeJsonTemplate(json);
    assert.deepEqual(covered(json, jsonFindings), [['xgboost-unpinned', 'latest']]);
    assert.ok(json.slice(0, jsonFindings[0].offset).endsWith(`\\"TrainingImage\\":\\"${XGBOOST_US_EAST_1}:`));
    assert.deepEqual(jsonFindings[0].fixes, []);

    const block = JSON.stringify(body, null, 2).replace(`"${ROLE}"`, '"${PipelineRole.Arn}"').split('\n').map((line) => `          ${line}`).join('\n');
    const yaml = `Resources:\n  Pipeline:\n    Type: AWS::SageMaker::Pipeline\n    Properties:\n      PipelineName: p\n      PipelineDefinition:\n        PipelineDefinitionBody: !Sub |\n${block}\n`;
    const yamlFindings = analyzeYaml(yaml);
    assert.deepEqual(covered(yaml, yamlFindings), [['xgboost-unpinned', 'latest']]);
    assert.ok(yaml.slice(0, yamlFindings[0].offset).endsWith(`                  "TrainingImage": "${XGBOOST_US_EAST_1}:`));
  });

  it('completes and hovers an image inside a YAML block DefinitionString, the edit on the image\'s own characters', () => {
    const image = `${XGBOOST_US_EAST_1}:1.7-1`;
    const definition = JSON.stringify(stateMachine('arn:aws:states:::sagemaker:createTrainingJob.sync', image), null, 2).split('\n').map((line) => `        ${line}`).join('\n');
    const text = `Resources:\n  Flow:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: |\n${definition}\n`;
    const document = readYamlDocument(text);
    const cursor = text.indexOf('sagemaker-xgboost:') + 'sagemaker-xgboost:'.length;
    const item = completeInPython(document, cursor, { catalog, regionInputs: { env: {} } })!.items.find((candidate) => candidate.label === '1.7-1')!;
    assert.deepEqual(item.edit, { offset: text.indexOf(image), length: image.length, newText: image });
    assert.match(hoverAt(requestAt(document, cursor)!, cursor, catalog)!.markdown, /XGBoost/i);
  });
  it('hovers nothing on a key being typed (its opening quote alone), and a one-character key from after the quote, never with a negative range (found by fuzzing)', () => {
    const typed = `{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync", "Parameters": {"AlgorithmSpecification": {"TrainingImage": "${XGBOOST_US_EAST_1}:1.7-1"}, "HyperParameters": {"`;
    const block = `Resources:\n  Flow:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: |\n        ${typed}`;
    // The quote last in the text, before a line break, and escaped in a JSON template's string.
    const cases: [string, ReturnType<typeof readYamlDocument>, number][] = [
      [block, readYamlDocument(block), block.length - 1],
      [`${block}\n        }}}}}\n`, readYamlDocument(`${block}\n        }}}}}\n`), block.length - 1],
    ];
    const json = jsonTemplate('AWS::StepFunctions::StateMachine', { RoleArn: ROLE, DefinitionString: typed });
    cases.push([json, readJsonDocument(json), json.lastIndexOf('\\"')]);
    for (const [text, document, quote] of cases) {
      // An empty key has no name to show: no hover (it read `****`).
      assert.equal(hoverAt(requestAt(document, quote)!, quote, catalog, apiModel), undefined, text.slice(quote));
      // One character typed (no closing quote yet): the hover names it, its range starting after the quote, never negative.
      const after = text[quote] === '\\' ? quote + 2 : quote + 1;
      const typedOne = `${text.slice(0, after)}e${text.slice(after)}`;
      const reread = text === json ? readJsonDocument(typedOne) : readYamlDocument(typedOne);
      const hover = hoverAt(requestAt(reread, after)!, after, catalog, apiModel);
      assert.match(hover?.markdown ?? '', /^\*\*e\*\* · an entry of this map/, typedOne.slice(quote));
      assert.equal(hover?.range.offset, after);
      assert.ok(hover!.range.length >= 0);
    }
  });
});

describe('CloudFormation: a state machine Definition written Fn::Sub (a string where an object goes)', () => {
  /** A YAML template whose `Definition` is `!Sub |` over the JSON lines `json`. */
  const yamlSubDefinition = (type: string, json: string, extra: string[] = []) => [
    'Resources:',
    '  Flow:',
    `    Type: ${type}`,
    '    Properties:',
    ...extra,
    '      Definition: !Sub |',
    ...json.split('\n').map((line) => `        ${line}`),
    '',
  ].join('\n');
  const definition = JSON.stringify(stateMachine('arn:${AWS::Partition}:states:::sagemaker:createTrainingJob.sync', `${XGBOOST_US_EAST_1}:latest`), null, 2);

  it('reports !Sub over JSON on the tag, renames Definition to DefinitionString (preferred), and checks the tasks in the string', () => {
    const text = yamlSubDefinition('AWS::StepFunctions::StateMachine', definition);
    const findings = analyzeYaml(text);
    assert.deepEqual(covered(text, findings), [['invalid-type', '!Sub'], ['xgboost-unpinned', 'latest']]);
    const [sub, unpinned] = findings;
    assert.equal(sub.offset, text.indexOf('!Sub'));
    assert.equal(
      sub.message,
      'Definition must be the state machine as a mapping, and !Sub returns a string: CloudFormation rejects the template. Move the string to DefinitionString (which takes !Sub), or keep Definition a mapping and fill in its values with DefinitionSubstitutions (${Name} in the mapping).',
    );
    assert.deepEqual(sub.fixes.map((fix) => [fix.title, fix.preferred]), [['Rename Definition to DefinitionString', true]]);
    const renamed = applyHostFix(text, sub);
    assert.equal(renamed, text.replace('      Definition: !Sub |', '      DefinitionString: !Sub |'));
    // Read as a DefinitionString already: the same task finding, without the fix a string cannot take.
    assert.deepEqual(unpinned.fixes, []);
    assert.deepEqual(covered(renamed, analyzeYaml(renamed)), [['xgboost-unpinned', 'latest']]);
  });

  it('JSON: {"Fn::Sub": "…"} under Definition is the same finding on the Fn::Sub key, [string, variables] too', () => {
    const compact = JSON.stringify(stateMachine('arn:aws:states:::sagemaker:createTrainingJob.sync', `${XGBOOST_US_EAST_1}:1.7-1`));
    for (const sub of [compact, [compact, { Unused: 'x' }]]) {
      const text = jsonTemplate('AWS::StepFunctions::StateMachine', { RoleArn: ROLE, Definition: { 'Fn::Sub': sub } });
      const finding = analyzeJsonTemplate(text).find((found) => found.code === 'invalid-type')!;
      assert.deepEqual(covered(text, [finding]), [['invalid-type', 'Fn::Sub']]);
      assert.match(finding.message, /^Definition must be the state machine as a mapping, and Fn::Sub returns a string: .* \(which takes Fn::Sub\)/);
      assert.equal(applyHostFix(text, finding, undefined, 'json'), text.replace('"Definition":', '"DefinitionString":'));
    }
  });

  it('offers the rename without preferring it when the string is no state machine in JSON; no fix beside a DefinitionString, over a mapping, or in SAM', () => {
    // A YAML state machine in the string: not JSON, so not read, and DefinitionString would refuse it too.
    const yamlText = yamlSubDefinition('AWS::StepFunctions::StateMachine', 'StartAt: Done\nStates:\n  Done: {Type: Succeed}');
    assert.deepEqual(analyzeYaml(yamlText).map((found) => [found.code, found.fixes.map((fix) => [fix.title, fix.preferred])]), [['invalid-type', [['Rename Definition to DefinitionString', false]]]]);
    // JSON with a syntax error: reported as the Definition's (the task read around it, as in a DefinitionString), the rename offered only.
    const broken = yamlSubDefinition('AWS::StepFunctions::StateMachine', definition.replace('"StartAt": "Train",', '"StartAt": "Train"'));
    const brokenFindings = analyzeYaml(broken);
    assert.deepEqual(brokenFindings.map((found) => found.code), ['invalid-type', 'invalid-json', 'xgboost-unpinned']);
    assert.match(brokenFindings[1].message, /^The Definition is not valid JSON here/);
    assert.equal(brokenFindings[0].fixes[0].preferred, false);
    // A DefinitionString beside it: renaming would write it twice.
    const both = yamlSubDefinition('AWS::StepFunctions::StateMachine', definition, ['      DefinitionString: "{}"']);
    assert.deepEqual(analyzeYaml(both).find((found) => found.code === 'invalid-type')!.fixes, []);
    // !Sub over a mapping: no string to move.
    const mapping = 'Resources:\n  Flow:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition: !Sub\n        StartAt: Done\n        States:\n          Done: {Type: Succeed}\n';
    const overMapping = analyzeYaml(mapping);
    assert.deepEqual(covered(mapping, overMapping), [['invalid-type', '!Sub']]);
    assert.match(overMapping[0].message, /CloudFormation rejects the template\. Drop the !Sub and fill in its values with DefinitionSubstitutions/);
    assert.deepEqual(overMapping[0].fixes, []);
    // SAM has no DefinitionString: no fix, and the message says what SAM takes; the tasks are still checked.
    const sam = yamlSubDefinition('AWS::Serverless::StateMachine', definition);
    const samFindings = analyzeYaml(sam);
    assert.deepEqual(covered(sam, samFindings), [['invalid-type', '!Sub'], ['xgboost-unpinned', 'latest']]);
    assert.match(samFindings[0].message, /SAM rejects the template\. AWS::Serverless::StateMachine has no DefinitionString: write the state machine as a mapping under Definition .* or put the JSON in a file named by DefinitionUri\.$/);
    assert.deepEqual(samFindings[0].fixes, []);
  });
});
