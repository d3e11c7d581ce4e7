// State machines in CloudFormation and SAM templates, read with the template's own readings: a
// DefinitionString that is not JSON is reported (`invalid-json`, on the template's characters);
// a Definition's tasks get parameter defaults and each `Fn::If` branch as a SageMaker resource's
// properties do; a task Resource built with `Fn::Sub`/`Fn::Join` is fixed in its own string.
import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { readYamlDocument } from '../../src/core/hostDocument';
import { textAt, XGBOOST_US_EAST_1 } from './specTestKit';
import { analyzeJsonTemplate, analyzeYaml, applyHostFix } from './yamlTestKit';

const ROLE = 'arn:aws:iam::111122223333:role/SageMaker';

/** The text each finding covers, by code. */
function covered(text: string, findings: readonly Finding[]): [string, string][] {
  return findings.map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length)]);
}

/** A YAML template whose state machine's DefinitionString is the `!Sub |` block `lines` (each indented under it). */
function yamlDefinitionString(lines: string[]): string {
  return [
    'Resources:',
    '  Flow:',
    '    Type: AWS::StepFunctions::StateMachine',
    '    Properties:',
    '      DefinitionSubstitutions:',
    '        Role: !Ref RoleArn',
    '      DefinitionString: !Sub |',
    ...lines.map((line) => `        ${line}`),
    '',
  ].join('\n');
}

/** A training task's lines of JSON, with `between` written after its OutputDataConfig member (no comma before it). */
function trainingTaskJson(between: string, mode = '"File"'): string[] {
  return [
    '{',
    '  "StartAt": "Train",',
    '  "States": {',
    '    "Train": {',
    '      "Type": "Task",',
    '      "Resource": "arn:${AWS::Partition}:states:::sagemaker:createTrainingJob.sync",',
    '      "Parameters": {',
    '        "TrainingJobName.$": "$$.Execution.Name",',
    '        "RoleArn": "${!Role}",',
    `        "AlgorithmSpecification": { "TrainingImage": "${XGBOOST_US_EAST_1}:latest", "TrainingInputMode": ${mode} },`,
    `        "OutputDataConfig": { "S3OutputPath": "s3://bucket/out/" }${between}`,
    '        "ResourceConfig": { "InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10 },',
    '        "StoppingCondition": { "MaxRuntimeInSeconds": 3600 }',
    '      },',
    '      "End": true',
    '    }',
    '  }',
    '}',
  ];
}

describe('CloudFormation: a DefinitionString that is not JSON', () => {
  it('reports a missing comma in a YAML !Sub block as invalid-json, an error on the template\'s characters', () => {
    const text = yamlDefinitionString(trainingTaskJson(''));
    const findings = analyzeYaml(text);
    const syntax = findings.filter((finding) => finding.code === 'invalid-json');
    assert.equal(syntax.length, 1);
    assert.equal(syntax[0].severity, 'error');
    // jsonc-parser reports a missing comma at the token that follows: the next member's name.
    assert.equal(text.slice(syntax[0].offset, syntax[0].offset + syntax[0].length), '"ResourceConfig"');
    assert.match(syntax[0].message, /^The DefinitionString is not valid JSON here: a comma is expected\. CloudFormation cannot deploy the resource until it is fixed\.$/);
    // What did parse is still checked; nothing is reported missing meanwhile.
    assert.deepEqual(findings.map((finding) => finding.code).sort(), ['invalid-json', 'xgboost-unpinned']);
    assert.deepEqual(syntax[0].fixes, []);
  });

  it('reports an unterminated string at its opening quote', () => {
    const text = yamlDefinitionString(trainingTaskJson(',', '"File'));
    const findings = analyzeYaml(text);
    const syntax = findings.filter((finding) => finding.code === 'invalid-json');
    // The string runs to the end of its line; what follows may add errors of its own (three at most).
    assert.deepEqual(covered(text, syntax)[0], ['invalid-json', '"File },']);
    assert.match(syntax[0].message, /an unterminated string/);
    assert.ok(syntax.length <= 3);
  });

  it('reports a JSON template\'s DefinitionString through its escapes, beside the findings of the tasks that parsed', () => {
    const definition = trainingTaskJson('').join('\n').replace('${!Role}', ROLE).replace('${AWS::Partition}', 'aws');
    const text = JSON.stringify({ Resources: { Flow: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: definition } } } }, null, 2);
    const findings = analyzeJsonTemplate(text);
    assert.deepEqual(covered(text, findings), [
      ['xgboost-unpinned', 'latest'],
      ['invalid-json', '\\"ResourceConfig\\"'],
    ]);
  });

  it('names the DefinitionString only for its own errors: a template\'s own syntax error is the file\'s', () => {
    const definition = trainingTaskJson(',').join('\n').replace('${!Role}', ROLE).replace('${AWS::Partition}', 'aws').replace(':latest', ':1.7-1');
    const valid = JSON.stringify({ Resources: { Flow: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: definition, RoleArn: ROLE } } } }, null, 2);
    const text = valid.replace(`"RoleArn": "${ROLE}"`, `"RoleArn" "${ROLE}"`);
    const findings = analyzeJsonTemplate(text);
    assert.deepEqual(covered(text, findings), [['invalid-json', `"${ROLE}"`]]);
    assert.equal(findings[0].message, 'The template is not valid JSON here: a colon is expected. CloudFormation cannot deploy it until it is fixed.');
  });

  it('names the file a JSON syntax error is in: a state machine, a pipeline definition (found by a fresh user: "the spec")', () => {
    const machine = '{"StartAt": "Train", "States": {"Train": {"Type": "Task", "Resource": "arn:aws:states:::sagemaker:createModel", "Parameters": {"ModelName" "m"}, "End": true}}}';
    const [onMachine] = analyzeJsonTemplate(machine).filter((finding) => finding.code === 'invalid-json');
    assert.equal(onMachine.message, 'The state machine is not valid JSON here: a colon is expected. Step Functions cannot create it until it is fixed.');
    const pipeline = '{"Version": "2020-12-01", "Steps": [{"Name": "M", "Type": "Model", "Arguments": {"ExecutionRoleArn" "r"}}]}';
    const [onPipeline] = analyzeJsonTemplate(pipeline).filter((finding) => finding.code === 'invalid-json');
    assert.equal(onPipeline.message, 'The pipeline definition is not valid JSON here: a colon is expected. SageMaker Pipelines cannot create the pipeline until it is fixed.');
  });

  it('reports damage that hides every task, and JSON in a PipelineDefinitionBody by its own name', () => {
    const hidden = yamlDefinitionString(['{ "StartAt": "Train" "States": {} }']);
    assert.deepEqual(covered(hidden, analyzeYaml(hidden)), [['invalid-json', '"States"']]);
    const pipeline = [
      'Resources:',
      '  Pipe:',
      '    Type: AWS::SageMaker::Pipeline',
      '    Properties:',
      '      PipelineDefinition:',
      '        PipelineDefinitionBody: \'{"Version": "2020-12-01", "Steps": [}\'',
      '',
    ].join('\n');
    const findings = analyzeYaml(pipeline);
    assert.deepEqual(covered(pipeline, findings)[0], ['invalid-json', '}']);
    assert.match(findings[0].message, /^The PipelineDefinitionBody is not valid JSON here: a value is expected\./);
  });

  it('says nothing of a DefinitionString that parses, or whose placeholders stand in a value\'s place', () => {
    const text = yamlDefinitionString(trainingTaskJson(',').map((line) => line.replace(':latest', ':1.7-1').replace('"InstanceCount": 1', '"InstanceCount": ${Count}')));
    assert.deepEqual(analyzeYaml(text), []);
  });
});

/** A YAML template whose parameters and condition feed a state machine's `Definition` lines. */
function yamlDefinition(definition: string[]): string {
  return [
    'Parameters:',
    '  Env: { Type: String, AllowedValues: [dev, prod] }',
    '  XgbTag:',
    '    Type: String',
    '    Default: "1"',
    'Conditions:',
    '  IsProd: !Equals [!Ref Env, prod]',
    'Resources:',
    '  Flow:',
    '    Type: AWS::Serverless::StateMachine',
    '    Properties:',
    '      Definition:',
    ...definition.map((line) => `        ${line}`),
    '',
  ].join('\n');
}

function trainingTaskYaml(image: string, instanceType: string): string[] {
  return [
    'StartAt: Train',
    'States:',
    '  Train:',
    '    Type: Task',
    '    Resource: !Sub arn:${AWS::Partition}:states:::sagemaker:createTrainingJob.sync',
    '    Parameters:',
    '      TrainingJobName.$: $$.Execution.Name',
    '      RoleArn: !GetAtt Role.Arn',
    '      AlgorithmSpecification:',
    `        TrainingImage: ${image}`,
    '        TrainingInputMode: File',
    '      OutputDataConfig: { S3OutputPath: !Sub "s3://${AWS::AccountId}-ml/out/" }',
    `      ResourceConfig: { InstanceType: ${instanceType}, InstanceCount: !If [IsProd, 4, 1], VolumeSizeInGB: 30 }`,
    '      StoppingCondition: { MaxRuntimeInSeconds: 3600 }',
    '    End: true',
  ];
}

describe('CloudFormation: a Definition\'s tasks read through the template', () => {
  it('reads an image through a parameter\'s default, and fixes it there, as in AWS::SageMaker::Model', () => {
    const text = yamlDefinition(trainingTaskYaml(`!Sub ${XGBOOST_US_EAST_1}:\${XgbTag}`, 'ml.m5.xlarge'));
    const findings = analyzeYaml(text);
    assert.deepEqual(covered(text, findings), [['xgboost-unpinned', '${XgbTag}']]);
    assert.match(findings[0].message, /^With parameter XgbTag's default "1": ":1" does not pin an XGBoost version/);
    const fixed = applyHostFix(text, findings[0], findings[0].fixes[0].title);
    assert.match(fixed, /\n {4}Default: "[0-9][0-9.-]+"\n/);
    assert.ok(fixed.includes(`TrainingImage: !Sub ${XGBOOST_US_EAST_1}:\${XgbTag}\n`));
  });

  it('checks each literal branch of Fn::If, in a member and around the whole Definition', () => {
    const text = yamlDefinition(trainingTaskYaml(`${XGBOOST_US_EAST_1}:1.7-1`, '!If [IsProd, ml.m5.4xlarge, ml.m5.larg]'));
    const findings = analyzeYaml(text);
    assert.deepEqual(covered(text, findings), [['invalid-enum-value', 'ml.m5.larg']]);
    assert.match(applyHostFix(text, findings[0]), /InstanceType: !If \[IsProd, ml\.m5\.4xlarge, ml\.m5\.large\]/);
    const machine = (tag: string) => ({ StartAt: 'M', States: { M: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createModel', Parameters: { ModelName: 'm', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: `${XGBOOST_US_EAST_1}:${tag}` } }, End: true } } });
    const json = JSON.stringify({ Conditions: { IsProd: { 'Fn::Equals': ['a', 'b'] } }, Resources: { Flow: { Type: 'AWS::StepFunctions::StateMachine', Properties: { Definition: { 'Fn::If': ['IsProd', machine('1.7-1'), machine('latest')] } } } } }, null, 2);
    assert.deepEqual(covered(json, analyzeJsonTemplate(json)), [['xgboost-unpinned', 'latest']]);
    // A condition nested in a branch: its branches are each checked too.
    const nested = yamlDefinition(trainingTaskYaml(`${XGBOOST_US_EAST_1}:1.7-1`, '!If [IsProd, ml.m5.larg, !If [IsStaging, ml.m5.xlarg, ml.t2.mediumm]]'));
    assert.deepEqual(covered(nested, analyzeYaml(nested)).sort(), [
      ['invalid-enum-value', 'ml.m5.larg'],
      ['invalid-enum-value', 'ml.m5.xlarg'],
      ['invalid-enum-value', 'ml.t2.mediumm'],
    ]);
  });

  it('reads a Definition without conditions once', () => {
    const text = yamlDefinition(trainingTaskYaml(`${XGBOOST_US_EAST_1}:1.7-1`, 'ml.m5.xlarge').map((line) => line.replace('!If [IsProd, 4, 1]', '1')));
    assert.equal(readYamlDocument(text).requests.length, 1);
    assert.deepEqual(analyzeYaml(text), []);
  });
});

describe('CloudFormation: a task Resource built with Fn::Sub or Fn::Join gets the pattern fixes', () => {
  /** A JSON template whose state machine has one task of `action` with the Resource `resource`. */
  function jsonResource(resource: unknown, action: 'createModel' | 'createTrainingJob'): string {
    const parameters = action === 'createModel' ? { ModelName: 'm', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: `${XGBOOST_US_EAST_1}:1.7-1` } } : { 'TrainingJobName.$': '$.n' };
    const definition = { StartAt: 'T', States: { T: { Type: 'Task', Resource: resource, Parameters: parameters, End: true } } };
    return JSON.stringify({ Resources: { Flow: { Type: 'AWS::StepFunctions::StateMachine', Properties: { Definition: definition } } } }, null, 2);
  }

  it('removes .sync from the Fn::Join item or the Fn::Sub string that holds it (preferred: it starts no job)', () => {
    for (const [resource, after] of [
      [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':states:::sagemaker:createModel.sync']] }, '":states:::sagemaker:createModel"'],
      [{ 'Fn::Sub': 'arn:${AWS::Partition}:states:::sagemaker:createModel.sync' }, '"arn:${AWS::Partition}:states:::sagemaker:createModel"'],
      [{ 'Fn::Sub': ['arn:${P}:states:::sagemaker:createModel.sync', { P: { Ref: 'AWS::Partition' } }] }, '"arn:${P}:states:::sagemaker:createModel"'],
    ] as const) {
      const text = jsonResource(resource, 'createModel');
      const findings = analyzeJsonTemplate(text);
      assert.deepEqual(covered(text, findings), [['unsupported-integration-pattern', '.sync']], JSON.stringify(resource));
      assert.deepEqual(findings[0].fixes.map((fix) => [fix.title, fix.preferred, fix.changesBehaviour ?? false]), [['Remove ".sync" (request-response)', true, false]]);
      const fixed = applyHostFix(text, findings[0], undefined, 'json');
      assert.ok(fixed.includes(after), fixed);
      assert.deepEqual(analyzeJsonTemplate(fixed), []);
    }
  });

  it('offers the SageMaker integration for an SDK .sync job, written in the Fn::Join item', () => {
    const text = jsonResource({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':states:::aws-sdk:sagemaker:createTrainingJob.sync']] }, 'createTrainingJob');
    const finding = analyzeJsonTemplate(text, { rules: { 'missing-required-property': 'off' } }).find((candidate) => candidate.code === 'unsupported-integration-pattern')!;
    assert.deepEqual(finding.fixes.map((fix) => fix.title), ['Use the SageMaker integration (states:::sagemaker:createTrainingJob.sync, which waits for the job)', 'Remove ".sync" (request-response)']);
    assert.ok(applyHostFix(text, finding, undefined, 'json').includes('":states:::sagemaker:createTrainingJob.sync"'));
  });

  it('fixes a YAML !Join item in place', () => {
    const text = yamlDefinition([
      'StartAt: M',
      'States:',
      '  M:',
      '    Type: Task',
      '    Resource: !Join ["", ["arn:", !Ref AWS::Partition, ":states:::sagemaker:createModel.waitForTaskToken"]]',
      `    Parameters: { ModelName: m, ExecutionRoleArn: ${ROLE}, PrimaryContainer: { Image: "${XGBOOST_US_EAST_1}:1.7-1" } }`,
      '    End: true',
    ]);
    const findings = analyzeYaml(text);
    assert.deepEqual(covered(text, findings), [['unsupported-integration-pattern', '.waitForTaskToken']]);
    assert.ok(applyHostFix(text, findings[0]).includes('Resource: !Join ["", ["arn:", !Ref AWS::Partition, ":states:::sagemaker:createModel"]]\n'));
  });

  it('offers no fix in a DefinitionString, whose text would need the string\'s escaping', () => {
    const text = yamlDefinitionString(trainingTaskJson(',').map((line) => line.replace('createTrainingJob.sync', 'createTrainingJob.waitForTaskToken').replace(':latest', ':1.7-1')));
    const findings = analyzeYaml(text);
    assert.deepEqual(covered(text, findings), [['unsupported-integration-pattern', '.waitForTaskToken']]);
    assert.deepEqual(findings[0].fixes, []);
  });
});

describe('CloudFormation: strict JSON in a DefinitionString or a PipelineDefinitionBody', () => {
  const strict = (findings: readonly Finding[]) => findings.filter((finding) => finding.code === 'strict-json');

  it('a trailing comma in a YAML !Sub block: strict-json on the template\'s comma, removed by its preferred fix', () => {
    const lines = trainingTaskJson(',').map((line) => line.replace('"MaxRuntimeInSeconds": 3600 }', '"MaxRuntimeInSeconds": 3600 },'));
    const text = yamlDefinitionString(lines);
    const [finding, ...rest] = strict(analyzeYaml(text));
    assert.deepEqual(rest, []);
    assert.equal(finding.offset, text.indexOf('3600 },') + 6);
    assert.equal(textAt(text, finding), ',');
    assert.equal(finding.severity, 'error');
    assert.equal(finding.message, 'Step Functions reads the DefinitionString as strict JSON, which has no trailing commas: deploying it fails on this one.');
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [['Remove the trailing comma', true]]);
    assert.equal(applyHostFix(text, finding), text.replace('3600 },', '3600 }'));
  });

  it('JSON template strings: a comment is reported with no fix; a comma written as an escape is reported with none either', () => {
    const definition = (json: string) => JSON.stringify({ Resources: { Flow: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: json } } } }, null, 2);
    const machine = (between: string, end: string) => `{"StartAt": "M", ${between}"States": {"M": {"Type": "Task", "Resource": "arn:aws:states:::sagemaker:createModel", "Parameters": {"ModelName": "m", "ExecutionRoleArn": "${ROLE}", "PrimaryContainer": {"Image": "${XGBOOST_US_EAST_1}:1.7-1"}${end}}, "End": true}}}`;
    const commented = definition(machine('/* c */ ', ''));
    const [comment] = strict(analyzeJsonTemplate(commented));
    assert.equal(textAt(commented, comment), '/* c */');
    assert.equal(comment.message, 'Step Functions reads the DefinitionString as strict JSON, which has no comments: deploying it fails on this one.');
    assert.deepEqual(comment.fixes, []);
    const plain = definition(machine('', ','));
    const [comma] = strict(analyzeJsonTemplate(plain));
    assert.equal(textAt(plain, comma), ',');
    assert.equal(applyHostFix(plain, comma, undefined, 'json'), definition(machine('', '')));
    const escaped = plain.replace('1.7-1\\"},}', '1.7-1\\"}\\u002c}');
    const [escapedComma] = strict(analyzeJsonTemplate(escaped));
    assert.equal(escapedComma.offset, escaped.indexOf('\\u002c'));
    assert.deepEqual(escapedComma.fixes, []);
  });

  it('a PipelineDefinitionBody in a !Sub block: SageMaker Pipelines reads it strictly; nothing while the string does not parse', () => {
    const pipeline = (end: string) =>
      [
        'Resources:',
        '  Pipe:',
        '    Type: AWS::SageMaker::Pipeline',
        '    Properties:',
        '      PipelineDefinition:',
        '        PipelineDefinitionBody: !Sub |',
        '          {"Version": "2020-12-01", "Steps": [{"Name": "Train", "Type": "Training", "Arguments": {',
        `            "AlgorithmSpecification": {"TrainingImage": "${XGBOOST_US_EAST_1}:1.7-1", "TrainingInputMode": "File"}${end}`,
        '          }}]}',
        '',
      ].join('\n');
    const text = pipeline(',');
    const [finding] = strict(analyzeYaml(text));
    assert.equal(finding.message, 'SageMaker Pipelines reads the PipelineDefinitionBody as strict JSON, which has no trailing commas: deploying it fails on this one.');
    assert.equal(applyHostFix(text, finding), pipeline(''));
    assert.deepEqual(strict(analyzeYaml(pipeline(',,'))), []);
  });
});
