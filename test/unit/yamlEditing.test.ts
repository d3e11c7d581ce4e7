// Editing YAML requests (issue 13): member-name and value completion from the API model written as
// YAML (in AWS CLI input, a CloudFormation resource's Properties, a Step Functions task's
// Parameters), hover on member names, and YAML syntax errors (`invalid-yaml`) with the findings
// that need a whole document held back.
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { codes, only, textAt, XGBOOST_US_EAST_1 } from './specTestKit';
import { example } from './cliTestKit';
import { acceptYaml, analyzeYaml, completeYaml, hoverYaml } from './yamlTestKit';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';

/** A CreateTrainingJob in YAML with `algorithm` as the AlgorithmSpecification lines and `rest` after it. */
function training(algorithm: string[], rest: string[] = ['ResourceConfig:', '  InstanceType: ml.m5.xlarge']): string {
  return ['TrainingJobName: demo', `RoleArn: ${ROLE}`, 'AlgorithmSpecification:', ...algorithm, ...rest, ''].join('\n');
}

const labels = (textWithCursor: string, forced = false) => completeYaml(textWithCursor, forced)?.items.map((item) => item.label);

describe('YAML member-name completion', () => {
  it('completes a half-typed key under a mapping: required first, members present left out, the word replaced by `Key: value`', () => {
    const text = training([`  TrainingImage: ${XGBOOST_US_EAST_1}:1.7-1`, '  Trai|']);
    const result = completeYaml(text)!;
    assert.equal(result.typed, 'Trai');
    assert.equal(result.items[0].label, 'TrainingInputMode');
    assert.equal(result.items[0].detail, 'required · one of 3 values');
    assert.ok(!result.items.some((item) => item.label === 'TrainingImage'), 'TrainingImage is already there');
    const offset = text.indexOf('  Trai|') + 2;
    assert.deepEqual(result.items[0].edit, { offset, length: 4, newText: 'TrainingInputMode: ${1|Pipe,File,FastFile|}' });
    const { filled } = acceptYaml(text, 'TrainingInputMode');
    assert.deepEqual(parse(filled).AlgorithmSpecification, { TrainingImage: `${XGBOOST_US_EAST_1}:1.7-1`, TrainingInputMode: 'Pipe' });
  });

  it('completes the only line of a mapping, which the parser reads as a plain scalar', () => {
    assert.equal(labels(training(['  Trai|']))?.[0], 'TrainingInputMode');
  });

  it('completes on an empty line inside a mapping, at the cursor', () => {
    const text = training([`  TrainingImage: ${XGBOOST_US_EAST_1}:1.7-1`], ['ResourceConfig:', '  InstanceType: ml.m5.xlarge', '  |', 'StoppingCondition: {MaxRuntimeInSeconds: 60}']);
    const names = labels(text)!;
    assert.equal(names[0], 'InstanceCount');
    assert.ok(names.includes('VolumeSizeInGB') && !names.includes('InstanceType'));
    const { filled } = acceptYaml(text, 'InstanceCount');
    assert.deepEqual(parse(filled).ResourceConfig, { InstanceType: 'ml.m5.xlarge', InstanceCount: 0 }); // the model's minimum
  });

  it('completes on an empty first line, at the very start of the text, written at column 0 (found by fuzzing: it threw)', () => {
    const text = `|\n${training([`  TrainingImage: ${XGBOOST_US_EAST_1}:1.7-1`])}`;
    const item = completeYaml(text, true)!.items.find((candidate) => candidate.label === 'OutputDataConfig')!;
    assert.deepEqual(item.edit, { offset: 0, length: 0, newText: 'OutputDataConfig:\n  $1' });
    assert.ok(!labels(text, true)!.includes('RoleArn'));
  });

  it('writes an object or list member as a block one level in, at the key\'s own column (after `- ` too)', () => {
    const top = training(['  TrainingInputMode: File'], ['Vpc|']);
    assert.equal(acceptYaml(top, 'VpcConfig').text, training(['  TrainingInputMode: File'], ['VpcConfig:\n  $1']));
    const item = training(['  TrainingInputMode: File'], ['InputDataConfig:', '  - Data|']);
    const { text, filled } = acceptYaml(item, 'DataSource');
    assert.equal(text, training(['  TrainingInputMode: File'], ['InputDataConfig:', '  - DataSource:\n      $1']));
    assert.deepEqual(parse(filled).InputDataConfig, [{ DataSource: null }]);
    const list = acceptYaml(training(['  TrainingInputMode: File'], ['VpcConfig:', '  Sub|']), 'Subnets');
    assert.deepEqual(parse(list.filled).VpcConfig, { Subnets: [null] });
  });

  it('renames a key that already has its value: only the name is replaced', () => {
    const text = training(['  TrainingInputMod|: File']);
    const result = completeYaml(text)!;
    const item = result.items.find((candidate) => candidate.label === 'TrainingInputMode')!;
    assert.equal(item.snippet, undefined);
    const offset = text.indexOf('TrainingInputMod|');
    assert.deepEqual(item.edit, { offset, length: 'TrainingInputMod'.length, newText: 'TrainingInputMode' });
    assert.equal(acceptYaml(text, 'TrainingInputMode').text, training(['  TrainingInputMode: File']));
  });

  it('offers the members that start each kind in a *.sagemaker.yaml whose kind is not told yet', () => {
    const result = completeYaml('Trai|', true)!;
    assert.equal(result.items.find((item) => item.label === 'TrainingJobName')?.detail, 'starts a CreateTrainingJob request');
  });

  it('offers nothing inside a value that is not a key, nor in a comment', () => {
    assert.equal(completeYaml(training(['  TrainingInputMode: File'], ['OutputDataConfig:', '  S3OutputPath: s3://bucket/out|'])), undefined);
    assert.equal(completeYaml(training(['  TrainingInputMode: File # Fi|'])), undefined);
  });

  it('completes a half-typed key inside a flow mapping (more in yamlAlgorithmCompletion.test.ts)', () => {
    const text = training(['  TrainingInputMode: File'], ['OutputDataConfig: {S3Ou|}']);
    assert.deepEqual(completeYaml(text)!.items[0].edit, { offset: text.indexOf('S3Ou|'), length: 4, newText: 'S3OutputPath: $1' });
  });
});

/** Where a cursor is likely on each line: its start, its first character, after each `:`, `-` and space, its middle and its end. */
function cursorOffsets(text: string): number[] {
  const offsets = new Set<number>();
  let start = 0;
  for (const line of text.split('\n')) {
    offsets.add(start).add(start + line.length).add(start + Math.floor(line.length / 2)).add(start + line.length - line.trimStart().length);
    for (let index = 0; index < line.length; index++) if (/[:\- ]/.test(line[index])) offsets.add(start + index + 1);
    start += line.length + 1;
  }
  return [...offsets].filter((offset) => offset >= 0 && offset <= text.length);
}

describe('YAML completion and hover wherever the cursor is', () => {
  for (const name of ['training-xgboost.sagemaker.yaml', 'endpoint.template.yaml']) {
    it(`never throws in examples/${name}, and every edit lies inside the text`, () => {
      const text = example(name);
      for (const offset of cursorOffsets(text)) {
        const cursor = `${text.slice(0, offset)}|${text.slice(offset)}`;
        for (const item of completeYaml(cursor, name.endsWith('.sagemaker.yaml'))?.items ?? []) {
          assert.ok(item.edit.offset >= 0 && item.edit.offset + item.edit.length <= text.length, `${item.label} at ${offset}`);
        }
        hoverYaml(cursor);
      }
    });
  }
});

describe('YAML value completion', () => {
  it('offers the enum values of a plain scalar being typed, replacing it', () => {
    const text = training(['  TrainingInputMode: Fi|']);
    const result = completeYaml(text)!;
    assert.deepEqual(result.items.map((item) => item.label), ['Pipe', 'File', 'FastFile']);
    assert.deepEqual(result.items[1].edit, { offset: text.indexOf('Fi|'), length: 2, newText: 'File' });
  });

  it('writes inside the quotes of a quoted scalar, and after `Key: ` when there is no value yet', () => {
    const quoted = training(['  TrainingInputMode: "F|"']);
    assert.deepEqual(completeYaml(quoted)!.items[1].edit, { offset: quoted.indexOf('F|"'), length: 1, newText: 'File' });
    const empty = training(['  TrainingInputMode: |']);
    assert.equal(acceptYaml(empty, 'FastFile').text, training(['  TrainingInputMode: FastFile']));
  });

  it('offers the values right after the `:` that triggers completion, with the space YAML needs', () => {
    assert.equal(acceptYaml(training(['  TrainingInputMode:|']), 'File').text, training(['  TrainingInputMode: File']));
  });

  it('offers true and false for a boolean, written plain', () => {
    assert.equal(acceptYaml(training(['  TrainingInputMode: File'], ['EnableNetworkIsolation: |']), 'true').text, training(['  TrainingInputMode: File'], ['EnableNetworkIsolation: true']));
  });
});

describe('YAML image completion where the parser sees no image string yet', () => {
  const XGBOOST = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost';
  /** The value of `AlgorithmSpecification.TrainingImage` in `text`, as YAML reads it (and no syntax error). */
  const trainingImageOf = (text: string) => (parse(text) as { AlgorithmSpecification: { TrainingImage: unknown } }).AlgorithmSpecification.TrainingImage;

  it('offers the tags after an unquoted `…/sagemaker-xgboost:` (a nested mapping to YAML until the tag follows)', () => {
    for (const forced of [true, false]) {
      const text = training([`  TrainingImage: ${XGBOOST}:| # pinned`, '  TrainingInputMode: File']);
      assert.ok(labels(text, forced)!.includes('1.7-1'));
      const { text: accepted } = acceptYaml(text, '1.7-1', forced);
      assert.equal(accepted, training([`  TrainingImage: ${XGBOOST}:1.7-1 # pinned`, '  TrainingInputMode: File']));
      assert.equal(trainingImageOf(accepted), `${XGBOOST}:1.7-1`);
    }
    const flow = `TrainingJobName: demo\nAlgorithmSpecification: {TrainingImage: ${XGBOOST}:|, TrainingInputMode: File}\n`;
    assert.equal(trainingImageOf(acceptYaml(flow, '1.7-1', true).text), `${XGBOOST}:1.7-1`);
  });

  it('offers the images in an empty unquoted value, inserted with the space YAML needs', () => {
    const image = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:3.0-5';
    const labelOf = (text: string) => completeYaml(text, true)!.items.find((item) => item.edit.newText.trim() === image)!.label;
    for (const [typed, written] of [
      ['  TrainingImage: |', `  TrainingImage: ${image}`],
      ['  TrainingImage:|', `  TrainingImage: ${image}`],
      ['  TrainingImage: |  # set by CI', `  TrainingImage: ${image}  # set by CI`],
    ]) {
      const text = training([typed, '  TrainingInputMode: File']);
      assert.equal(acceptYaml(text, labelOf(text), true).text, training([written, '  TrainingInputMode: File']));
    }
    const flow = 'TrainingJobName: demo\nAlgorithmSpecification: {TrainingImage: |, TrainingInputMode: File}\n';
    assert.equal(trainingImageOf(acceptYaml(flow, labelOf(flow), true).text), image);
    // Other members' empty values complete as before: enum values, and nothing for a free string.
    assert.deepEqual(labels(training(['  TrainingInputMode: |'])), ['Pipe', 'File', 'FastFile']);
    assert.equal(completeYaml(training(['  TrainingInputMode: File'], ['RoleArn: |'])), undefined);
  });

  it('in a CloudFormation template: tags after `Image: …:`, images in an empty `Image: `', () => {
    const model = (image: string) => template('AWS::SageMaker::Model', ['ExecutionRoleArn: !GetAtt Role.Arn', 'PrimaryContainer:', `  Image: ${image}`]);
    assert.equal(acceptYaml(model(`${XGBOOST}:|`), '1.7-1').text, model(`${XGBOOST}:1.7-1`));
    const empty = completeYaml(model('|'))!;
    const item = empty.items.find((candidate) => candidate.edit.newText === `${XGBOOST}:3.0-5`)!;
    assert.equal(acceptYaml(model('|'), item.label).text, model(`${XGBOOST}:3.0-5`));
  });

  it('a repository picked in an unquoted value is quoted (`host/repo:` is no plain scalar), its tags then offered inside the quotes', () => {
    const text = training([`  TrainingImage: ${XGBOOST.slice(0, -4)}|`, '  TrainingInputMode: File']);
    const { text: accepted, filled } = acceptYaml(text, 'sagemaker-xgboost', true);
    assert.equal(accepted, training([`  TrainingImage: "${XGBOOST}:$0"`, '  TrainingInputMode: File']));
    assert.equal(trainingImageOf(filled), `${XGBOOST}:`);
    const inQuotes = training([`  TrainingImage: "${XGBOOST}:|"`, '  TrainingInputMode: File']);
    assert.equal(acceptYaml(inQuotes, '1.7-1', true).text, training([`  TrainingImage: "${XGBOOST}:1.7-1"`, '  TrainingInputMode: File']));
  });
});

/** A template with one SageMaker resource whose Properties are `properties` (six spaces in). */
function template(type: string, properties: string[], resourceLines: string[] = []): string {
  return ['Resources:', '  Resource:', `    Type: ${type}`, ...resourceLines, '    Properties:', ...properties.map((line) => `      ${line}`), ''].join('\n');
}

describe('YAML completion and hover in CloudFormation templates', () => {
  it('completes the API members of a SageMaker resource\'s Properties, none called required (the resource schema decides)', () => {
    const result = completeYaml(template('AWS::SageMaker::Model', ['ExecutionRoleArn: !GetAtt Role.Arn', 'Prim|']))!;
    const item = result.items.find((candidate) => candidate.label === 'PrimaryContainer')!;
    assert.equal(item.detail, 'object');
    assert.ok(!result.items.some((candidate) => candidate.label === 'ExecutionRoleArn'));
    const nested = acceptYaml(template('AWS::SageMaker::Model', ['PrimaryContainer:', '  Ima|']), 'Image');
    assert.equal(nested.text, template('AWS::SageMaker::Model', ['PrimaryContainer:', '  Image: $1']));
  });

  it('offers nothing where the template is not a request: resource attributes, other resources', () => {
    assert.equal(completeYaml(template('AWS::SageMaker::Model', ['ExecutionRoleArn: x'], ['    Dele|'])), undefined);
    assert.equal(completeYaml(template('AWS::S3::Bucket', ['Buck|'])), undefined);
  });

  it('hovers a property that is the API member, saying the API (not the template) requires it', () => {
    const markdown = hoverYaml(template('AWS::SageMaker::EndpointConfig', ['Production|Variants:', '  - VariantName: all', '    ModelName: m']))!;
    assert.match(markdown, /^\*\*ProductionVariants\*\* · required by the API · a list/);
    assert.equal(hoverYaml(template('AWS::SageMaker::EndpointConfig', ['ProductionVariants: []'], ['    Dependson: x']).replace('Dependson', 'Depends|On')), undefined);
  });
});

/** A YAML state machine whose SageMaker task has `parameters` as its Parameters lines (six spaces in). */
function stateMachine(parameters: string[], stateLines: string[] = []): string {
  return ['StartAt: Train', 'States:', '  Train:', '    Type: Task', '    Resource: arn:aws:states:::sagemaker:createTrainingJob.sync', ...stateLines, '    Parameters:', ...parameters.map((line) => `      ${line}`), '    End: true', ''].join('\n');
}

describe('YAML completion and hover in Step Functions tasks', () => {
  it('completes a task\'s Parameters as the request, a `Name.$` key counting as Name', () => {
    const names = labels(stateMachine(['TrainingJobName.$: $.name', 'Ro|']))!;
    assert.equal(names[0], 'RoleArn');
    assert.ok(!names.includes('TrainingJobName'));
  });

  it('offers nothing in the state itself, outside its Parameters', () => {
    assert.equal(completeYaml(stateMachine(['RoleArn: x'], ['    Time|'])), undefined);
  });

  it('hovers a member of the task\'s Parameters', () => {
    const markdown = hoverYaml(stateMachine(['RoleArn: x', 'AlgorithmSpecification:', '  TrainingInput|Mode: File']))!;
    assert.match(markdown, /^\*\*TrainingInputMode\*\* · required · a string/);
  });
});

describe('YAML member hover', () => {
  it('shows the member\'s requirement, type and allowed values, on the key', () => {
    const markdown = hoverYaml(training(['  TrainingInput|Mode: File']))!;
    assert.match(markdown, /^\*\*TrainingInputMode\*\* · required · a string/);
    assert.match(markdown, /One of: `Pipe`, `File`, `FastFile`/);
    assert.equal(hoverYaml(training(['  TrainingInputMode: Fi|le'])), undefined);
  });
});

describe('invalid-yaml', () => {
  it('reports the parser\'s error at its range, and holds back the missing members the parser dropped', () => {
    // The unterminated quote swallows every line after it: AlgorithmSpecification and the rest look missing.
    const text = ['TrainingJobName: demo', 'RoleArn: "arn:aws:iam::123456789012:role/R', 'AlgorithmSpecification:', '  TrainingInputMode: File', ''].join('\n');
    const findings = analyzeYaml(text);
    const syntax = only(findings, 'invalid-yaml');
    // On the opening quote: the parser points past the end of the document, where nothing shows.
    assert.deepEqual([syntax.offset, syntax.length, syntax.severity], [text.indexOf('"arn:'), 1, 'error']);
    assert.match(syntax.message, /^Not valid YAML here: this double-quoted string has no closing ": it runs to the end of the document\./);
    // Nor is the swallowed text judged as the RoleArn it is not.
    assert.deepEqual(codes(findings), ['invalid-yaml']);
  });

  it('holds back findings on the lines an error touches, and on a key whose block below is broken (found by a fresh user)', () => {
    // Tab indentation: the parser drops the block, so AlgorithmSpecification reads as null.
    const tabs = ['TrainingJobName: demo', 'AlgorithmSpecification:', '\tTrainingImage: 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1', '\tTrainingInputMode: File', ''].join('\n');
    assert.deepEqual(codes(analyzeYaml(tabs, { forced: true })), ['invalid-yaml', 'invalid-yaml']);
    // A misindented key with an unclosed flow sequence: not judged as a member on its own line.
    const misindented = training(['  TrainingInputMode: File', '   bad: [unclosed']);
    assert.ok(!codes(analyzeYaml(misindented)).includes('unknown-property'));
    // A key with its value on the same line keeps its finding, error below or not.
    const valueAbove = training(['  TrainingInputMode: Fil', '\tTrainingImage: x']);
    assert.ok(codes(analyzeYaml(valueAbove)).includes('invalid-enum-value'));
  });

  it('reports one error per place: an unclosed flow map holding an unclosed flow sequence (found by a fresh user)', () => {
    const text = training(['  TrainingInputMode: File', 'Tags: {Team: [ml']);
    assert.equal(analyzeYaml(text).filter((finding) => finding.code === 'invalid-yaml').length, 1);
  });

  it('names the template or state machine a syntax error stops, and who refuses it', () => {
    const template = ['Resources:', '  M:', '    Type: AWS::SageMaker::Model', '    Properties:', '      PrimaryContainer: {Image: "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"', ''].join('\n');
    assert.match(only(analyzeYaml(template), 'invalid-yaml').message, /\. CloudFormation cannot deploy the template until it is fixed; /);
    const machine = ['StartAt: T', 'States:', '  T:', '    Type: Task', '    Resource: arn:aws:states:::sagemaker:createModel', '    Parameters: {ModelName: m', '    End: true', ''].join('\n');
    assert.match(only(analyzeYaml(machine), 'invalid-yaml').message, /\. Step Functions cannot create the state machine until it is fixed; /);
  });

  it('keeps the value findings on what did parse', () => {
    const text = training(['  TrainingInputMode: Fil', '  Trai']);
    const findings = analyzeYaml(text);
    assert.equal(textAt(text, only(findings, 'invalid-yaml')), 'Trai');
    assert.equal(textAt(text, only(findings, 'invalid-enum-value')), 'Fil');
    // `Trai` is no member, but the parser made a key of a line without its `:`: not reported as unknown.
    assert.deepEqual(codes(findings).sort(), ['invalid-enum-value', 'invalid-yaml']);
    // The same document without the broken line: the missing members are reported.
    assert.ok(codes(analyzeYaml(training(['  TrainingInputMode: Fil']))).includes('missing-required-property'));
  });

  it('holds back missing hyperparameters and channels of a built-in algorithm', () => {
    const algorithm = [`  TrainingImage: ${XGBOOST_US_EAST_1}:1.7-1`, '  TrainingInputMode: File'];
    const rest = ['OutputDataConfig: {S3OutputPath: "s3://bucket/out"}', 'ResourceConfig: {InstanceType: ml.m5.xlarge, InstanceCount: 1, VolumeSizeInGB: 10}', 'StoppingCondition: {MaxRuntimeInSeconds: 60}'];
    const whole = codes(analyzeYaml(training(algorithm, rest), { algorithms: true }));
    assert.ok(whole.includes('algorithm-missing-hyperparameter') && whole.includes('algorithm-channel'), whole.join(', '));
    const broken = codes(analyzeYaml(training(algorithm, [...rest, 'HyperParameters: {objective: "reg:squarederror"']), { algorithms: true }));
    assert.deepEqual(broken, ['invalid-yaml']);
  });

  it('reports a template whose broken lines hide its SageMaker resources, and leaves other broken YAML alone', () => {
    const template = ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:', '  Model:', '    Type: AWS::SageMaker::Model', '    Properties:', '\tExecutionRoleArn: !Ref RoleArn', '      PrimaryContainer:', `        Image: ${XGBOOST_US_EAST_1}:1.7-1`, ''].join('\n');
    const findings = analyzeYaml(template);
    // The parser's first error is the tab; the others on that line follow from it.
    assert.ok(findings.length > 0 && findings.every((finding) => finding.code === 'invalid-yaml'), codes(findings).join(', '));
    assert.equal(textAt(template, findings[0]), '\t');
    // A broken manifest or CI workflow is not ours, even when it mentions SageMaker.
    assert.deepEqual(codes(analyzeYaml(['apiVersion: v1', 'kind: ConfigMap', 'data:', '  image: sagemaker-xgboost', '\tbad: tab', ''].join('\n'))), []);
    assert.deepEqual(codes(analyzeYaml(['Resources:', '  Bucket:', '    Type: AWS::S3::Bucket', '\tBad: tab', ''].join('\n'))), []);
    // Nor a template whose state machine holds no SageMaker task (its definition in a DefinitionUri file is checked there);
    // an inline definition with a SageMaker task is.
    const machine = (definition: string[]) => ['Transform: AWS::Serverless-2016-10-31', 'Resources:', '  Flow:', '    Type: AWS::Serverless::StateMachine', '    Properties:', ...definition, '\tBad: tab', ''].join('\n');
    assert.deepEqual(codes(analyzeYaml(machine(['      DefinitionUri: statemachine/flow.asl.json']))), []);
    const inline = machine(['      Definition:', '        StartAt: T', '        States:', '          T:', '            Type: Task', '            Resource: arn:aws:states:::sagemaker:createTrainingJob.sync', '            End: true']);
    assert.deepEqual([...new Set(codes(analyzeYaml(inline)))], ['invalid-yaml']);
  });

  it('reports a *.sagemaker.yaml that does not parse without claiming its kind cannot be told', () => {
    const text = 'TrainingJobName: "demo\n';
    assert.deepEqual(codes(analyzeYaml(text, { forced: true })), ['invalid-yaml']);
    assert.deepEqual(codes(analyzeYaml('Name: "x\n', { forced: true })), ['invalid-yaml']);
  });

  it('reports errors once per document of a template, not once per resource, and honours a disable comment', () => {
    const text = ['Resources:', '  A:', '    Type: AWS::SageMaker::Endpoint', '    Properties: {EndpointConfigName: a}', '  B:', '    Type: AWS::SageMaker::Endpoint', '    Properties:', '      EndpointConfigName: b', '\tBad: tab', ''].join('\n');
    const findings = analyzeYaml(text);
    assert.deepEqual(codes(findings), ['invalid-yaml']);
    assert.equal(textAt(text, findings[0]), '\t');
    const disabled = text.replace('\tBad: tab', '# sagemaker-spec-disable-next-line invalid-yaml\n\tBad: tab');
    assert.deepEqual(codes(analyzeYaml(disabled)), []);
  });
});
