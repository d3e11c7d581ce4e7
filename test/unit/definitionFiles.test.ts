// A template whose state machine is another file (SAM's `DefinitionUri`, the `sam init` layout;
// a `DefinitionS3Location` that `aws cloudformation package` uploads): the images its
// DefinitionSubstitutions give that file's tasks are checked in the template, where the map
// writes them, once the caller reads the file (the checker and the editor do; the core never).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyEdits, type Finding } from '../../src/core/findings';
import { readDefinitionFileRequests } from '../../src/core/fileHost';
import { analyzeDocument, readJsonDocument, readYamlDocument } from '../../src/core/hostDocument';
import type { DefinitionFileReader } from '../../src/core/hosts/cloudFormation/definitionFile';
import { renderFix } from '../../src/core/renderFix';
import { DefinitionFiles } from '../../src/node/definitionFiles';
import { runCli } from './cliTestKit';
import { algorithms, analyzeOptions, apiModel, catalog, XGBOOST_US_EAST_1 } from './specTestKit';
import { completeInYaml } from '../../src/core/hosts/yaml/yamlCompletion';

/** A state machine file (JSON) with a training task and a model task, their images `${TrainingImage}` and `${InferenceImage}`. */
const ASL_JSON = JSON.stringify(
  {
    StartAt: 'Train',
    States: {
      Train: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
        Parameters: {
          'TrainingJobName.$': '$$.Execution.Name',
          RoleArn: '${RoleArn}',
          AlgorithmSpecification: { TrainingImage: '${TrainingImage}', TrainingInputMode: 'File' },
          HyperParameters: { objective: 'binary:logistic', num_round: '100' },
          InputDataConfig: [{ ChannelName: 'train', ContentType: 'text/csv', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/train' } } }],
          OutputDataConfig: { S3OutputPath: 's3://b/out' },
          ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
          StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        },
        Next: 'Model',
      },
      Model: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sagemaker:createModel',
        Parameters: { 'ModelName.$': '$$.Execution.Name', ExecutionRoleArn: '${RoleArn}', PrimaryContainer: { Image: '${InferenceImage}', 'ModelDataUrl.$': '$.ModelArtifacts.S3ModelArtifacts' } },
        End: true,
      },
    },
  },
  null,
  2,
);

/** A SAM template naming `statemachine/train.asl.json`, with `substitutions` (YAML lines under DefinitionSubstitutions) and optional extra properties. */
function samTemplate(substitutions: string[], definitionUri = 'statemachine/train.asl.json', extra: string[] = []): string {
  return [
    '# the sam init layout',
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  TrainFlow:',
    '    Type: AWS::Serverless::StateMachine',
    '    Properties:',
    `      DefinitionUri: ${definitionUri}`,
    '      DefinitionSubstitutions:',
    ...substitutions.map((line) => `        ${line}`),
    ...extra.map((line) => `      ${line}`),
    '',
  ].join('\n');
}

/** A reader that serves `files` (relative path → text) and records each path asked for. */
function readerOf(files: Record<string, string>, asked: string[] = []): DefinitionFileReader {
  return (definitionUri) => {
    asked.push(definitionUri);
    return Object.hasOwn(files, definitionUri) ? readDefinitionFileRequests(definitionUri, files[definitionUri]) : undefined;
  };
}

function analyzeSam(template: string, reader: DefinitionFileReader | undefined, region?: string): Finding[] {
  return analyzeDocument(readYamlDocument(template, false, reader), analyzeOptions({ region })).findings;
}

/** Each finding as `code text-it-covers`. */
function covered(text: string, findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.code} ${text.slice(finding.offset, finding.offset + finding.length)}`);
}

const GOOD_SUBSTITUTIONS = ['RoleArn: arn:aws:iam::123456789012:role/SageMakerRole', `TrainingImage: ${XGBOOST_US_EAST_1}:1.7-1`, `InferenceImage: ${XGBOOST_US_EAST_1}:1.7-1`];

describe('DefinitionUri: a template checks the images it substitutes into its state machine file', () => {
  it('checks each whole-placeholder image where the map writes it, by the usage of the member it fills', () => {
    const template = samTemplate(['RoleArn: arn:aws:iam::123456789012:role/SageMakerRole', `TrainingImage: ${XGBOOST_US_EAST_1}:latest`, `InferenceImage: ${XGBOOST_US_EAST_1.replace('683313688378', '763104351884')}:1.7-1`]);
    const asked: string[] = [];
    const findings = analyzeSam(template, readerOf({ 'statemachine/train.asl.json': ASL_JSON }, asked), 'us-east-1');
    assert.deepEqual(asked, ['statemachine/train.asl.json']);
    assert.deepEqual(covered(template, findings), ['xgboost-unpinned latest', 'registry-account-mismatch 763104351884']);
    assert.match(findings[1].message, /^In us-east-1, SageMaker serves "sagemaker-xgboost" from account 683313688378, not 763104351884/);
  });

  it('finds nothing in a map of good images, and nothing without a reader (the file is not read)', () => {
    assert.deepEqual(analyzeSam(samTemplate(GOOD_SUBSTITUTIONS), readerOf({ 'statemachine/train.asl.json': ASL_JSON }), 'us-east-1'), []);
    const broken = samTemplate([`TrainingImage: ${XGBOOST_US_EAST_1}:latest`]);
    assert.deepEqual(analyzeSam(broken, undefined), []);
    // Nor when the file cannot be read: nothing to say about the map.
    assert.deepEqual(analyzeSam(broken, readerOf({})), []);
  });

  it('fixes the image in the template, in YAML, every other byte kept', () => {
    const template = samTemplate(['RoleArn: arn:aws:iam::123456789012:role/SageMakerRole', `TrainingImage: ${XGBOOST_US_EAST_1}:latest  # pinned later`, `InferenceImage: ${XGBOOST_US_EAST_1}:1.7-1`]);
    const [finding] = analyzeSam(template, readerOf({ 'statemachine/train.asl.json': ASL_JSON }), 'us-east-1');
    assert.equal(finding.code, 'xgboost-unpinned');
    const fix = finding.fixes.find((candidate) => candidate.preferred)!;
    const rendered = renderFix({ text: template, host: 'yaml' }, fix)!;
    const fixed = applyEdits(template, rendered.edits);
    const pinned = /sagemaker-xgboost:(\S+) {2}# pinned later/.exec(fixed)?.[1];
    assert.ok(pinned && pinned !== 'latest' && /^\d/.test(pinned), fixed);
    assert.equal(fixed, template.replace(':latest  # pinned later', `:${pinned}  # pinned later`));
  });

  it('reads neither an s3:// URI nor a Bucket/Key object, nor a file without a map to check', () => {
    const asked: string[] = [];
    const reader = readerOf({ 'statemachine/train.asl.json': ASL_JSON }, asked);
    analyzeSam(samTemplate([`TrainingImage: ${XGBOOST_US_EAST_1}:latest`], 's3://my-bucket/train.asl.json'), reader);
    analyzeSam(samTemplate([`TrainingImage: ${XGBOOST_US_EAST_1}:latest`], '{ Bucket: my-bucket, Key: train.asl.json }'), reader);
    assert.deepEqual(asked, []);
    // Without a map the file is looked for (it may be missing), and gives nothing to check.
    const withoutMap = ['Transform: AWS::Serverless-2016-10-31', 'Resources:', '  F:', '    Type: AWS::Serverless::StateMachine', '    Properties:', '      DefinitionUri: statemachine/train.asl.json', ''].join('\n');
    assert.deepEqual(analyzeSam(withoutMap, reader), []);
    assert.deepEqual(asked, ['statemachine/train.asl.json']);
  });

  it('reports a path with no file at it, on the path, with the nearest file of its folder as the fix (found by a fresh user)', () => {
    const missing: DefinitionFileReader = () => ({ missing: true, siblings: ['train.asl.json', 'deploy.asl.json', 'README.md'] });
    const template = samTemplate([`TrainingImage: ${XGBOOST_US_EAST_1}:1.7-1`], '"statemachine/trian.asl.json"');
    const [finding, ...others] = analyzeSam(template, missing);
    assert.deepEqual(others, []);
    assert.equal(finding.code, 'definition-file-not-found');
    assert.equal(finding.severity, 'error');
    assert.equal(template.slice(finding.offset, finding.offset + finding.length), 'statemachine/trian.asl.json');
    assert.equal(finding.message, "DefinitionUri names statemachine/trian.asl.json, and there is no file there: sam build (or aws cloudformation package) fails, and the state machine's tasks cannot be checked. Did you mean statemachine/train.asl.json?");
    const [fix] = finding.fixes;
    assert.equal(fix.title, 'Change to statemachine/train.asl.json');
    assert.equal(fix.changesBehaviour, true, 'which file is deployed is the user\'s choice: not fix-all\'s');
    assert.equal(applyEdits(template, renderFix({ text: template, host: 'yaml' }, fix)!.edits), template.replace('trian.asl', 'train.asl'));
    // A path the reader found segment by segment: the fix writes it whole.
    const elsewhere = samTemplate([], 'statemachnie/train.asl.json');
    const [misspeltFolder] = analyzeSam(elsewhere, () => ({ missing: true, siblings: [], nearestPath: 'statemachine/train.asl.json' }));
    assert.match(misspeltFolder.message, /Did you mean statemachine\/train\.asl\.json\?$/);
    assert.equal(applyEdits(elsewhere, renderFix({ text: elsewhere, host: 'yaml' }, misspeltFolder.fixes[0])!.edits), elsewhere.replace('statemachnie/', 'statemachine/'));
    // A folder: said so.
    const [onFolder] = analyzeSam(samTemplate([], 'statemachine/'), () => ({ missing: true, siblings: ['statemachine'], folder: true, nearestPath: 'statemachine/train.asl.json' }));
    assert.match(onFolder.message, /^DefinitionUri names statemachine\/, which is a folder, not a state machine file: .* Did you mean statemachine\/train\.asl\.json\?$/);
    // Nothing near (or no folder): said plainly, no fix; a map is not needed for it.
    const far = analyzeSam(samTemplate([], 'flows/other.asl.json'), () => ({ missing: true, siblings: [] }));
    assert.deepEqual(far.map((found) => [found.code, found.fixes.length]), [['definition-file-not-found', 0]]);
    assert.match(far[0].message, /The path is read from the template's folder\.$/);
    // A file that exists but cannot be read (too large, a folder) is not said to be missing.
    assert.deepEqual(analyzeSam(samTemplate([], 'statemachine'), () => undefined), []);
  });

  it('judges each side of an Fn::If in the map', () => {
    const template = ['Conditions:', '  Prod: !Equals [!Ref Env, prod]', ...samTemplate([...GOOD_SUBSTITUTIONS.filter((line) => !line.startsWith('TrainingImage')), `TrainingImage: !If [Prod, "${XGBOOST_US_EAST_1}:1.7-1", "${XGBOOST_US_EAST_1}:1"]`]).split('\n')].join('\n');
    const findings = analyzeSam(template, readerOf({ 'statemachine/train.asl.json': ASL_JSON }), 'us-east-1');
    assert.deepEqual(covered(template, findings), ['xgboost-unpinned 1']);
  });

  it('leaves a placeholder inside a longer string to the file (its static parts are checked there)', () => {
    const asl = ASL_JSON.replace('"${TrainingImage}"', '"${Account}.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"');
    const template = samTemplate([...GOOD_SUBSTITUTIONS, 'Account: "763104351884"']);
    assert.deepEqual(analyzeSam(template, readerOf({ 'statemachine/train.asl.json': asl }), 'us-east-1'), []);
  });

  it('reads a YAML state machine file (.asl.yaml) alike', () => {
    const asl = ['StartAt: M', 'States:', '  M:', '    Type: Task', '    Resource: arn:aws:states:::sagemaker:createModel', '    Parameters:', '      ModelName.$: $$.Execution.Name', '      ExecutionRoleArn: arn:aws:iam::123456789012:role/R', '      PrimaryContainer:', '        Image: ${InferenceImage}', '    End: true', ''].join('\n');
    const template = samTemplate([`InferenceImage: ${XGBOOST_US_EAST_1}:latest`], 'statemachine/model.asl.yaml');
    assert.deepEqual(covered(template, analyzeSam(template, readerOf({ 'statemachine/model.asl.yaml': asl }), 'us-east-1')), ['xgboost-unpinned latest']);
  });

  it('checks the values the map gives other members written as one placeholder, naming the member, the tasks and the file', () => {
    const asl = ASL_JSON.replace('"InstanceType": "ml.m5.xlarge"', '"InstanceType": "${InstanceType}"');
    const template = samTemplate(['RoleArn: SageMakerRole', `TrainingImage: ${XGBOOST_US_EAST_1}:1.7-1`, `InferenceImage: ${XGBOOST_US_EAST_1}:1.7-1`, 'InstanceType: ml.m5.xlarg']);
    // Both tasks' roles come from ${RoleArn}: one finding naming both members (RoleArn, ExecutionRoleArn), its fixes once.
    const findings = analyzeSam(template, readerOf({ 'statemachine/train.asl.json': asl }), 'us-east-1');
    assert.deepEqual(covered(template, findings), ['pattern-mismatch SageMakerRole', 'invalid-enum-value ml.m5.xlarg']);
    assert.equal(
      findings[0].message,
      'DefinitionSubstitutions gives this to RoleArn of task "Train" and ExecutionRoleArn of task "Model" of statemachine/train.asl.json: RoleArn must be an IAM role ARN such as arn:aws:iam::123456789012:role/SageMakerExecutionRole.',
    );
    assert.equal(new Set(findings[0].fixes.map((fix) => fix.title)).size, findings[0].fixes.length);
    assert.match(findings[1].message, /^DefinitionSubstitutions gives this to ResourceConfig\.InstanceType of task "Train" of statemachine\/train\.asl\.json: "ml\.m5\.xlarg" is not a valid InstanceType/);
    const fix = findings[1].fixes.find((candidate) => candidate.preferred)!;
    assert.equal(applyEdits(template, renderFix({ text: template, host: 'yaml' }, fix)!.edits), template.replace('ml.m5.xlarg\n', 'ml.m5.xlarge\n'));
  });

  it('reads a map value written !Ref Parameter as the parameter\'s Default, reported and fixed there (the sam init pattern; found by a fresh user)', () => {
    const asl = ASL_JSON.replace('"InstanceType": "ml.m5.xlarge"', '"InstanceType": "${InstanceType}"');
    const head = ['Parameters:', '  TrainingInstanceType:', '    Type: String', '    Default: ml.m5.xlarg'];
    const template = [...head, samTemplate(['RoleArn: arn:aws:iam::123456789012:role/R', `TrainingImage: ${XGBOOST_US_EAST_1}:1.7-1`, `InferenceImage: ${XGBOOST_US_EAST_1}:1.7-1`, 'InstanceType: !Ref TrainingInstanceType'])].join('\n');
    const [finding, ...others] = analyzeSam(template, readerOf({ 'statemachine/train.asl.json': asl }), 'us-east-1');
    assert.deepEqual(others, []);
    assert.equal(template.slice(finding.offset, finding.offset + finding.length), 'ml.m5.xlarg');
    assert.match(finding.message, /^DefinitionSubstitutions gives this to ResourceConfig\.InstanceType of task "Train" of statemachine\/train\.asl\.json: "ml\.m5\.xlarg" is not a valid InstanceType.* \(Reported on the Default of parameter TrainingInstanceType\.\)$/);
    const fix = finding.fixes.find((candidate) => candidate.preferred)!;
    assert.equal(applyEdits(template, renderFix({ text: template, host: 'yaml' }, fix)!.edits), template.replace('Default: ml.m5.xlarg', 'Default: ml.m5.xlarge'));
    // Each AllowedValues item too, one equal to the Default included (fixing the Default alone would leave it out of the list).
    const allowed = template.replace('    Default: ml.m5.xlarg', '    Default: ml.m5.xlarg\n    AllowedValues: [ml.m5.xlarg, ml.g5.2xlarg]');
    const findings = analyzeSam(allowed, readerOf({ 'statemachine/train.asl.json': asl }), 'us-east-1');
    assert.deepEqual(findings.map((found) => [allowed.slice(found.offset, found.offset + found.length), /\(Reported on (.*)\.\)$/.exec(found.message)?.[1]]), [
      ['ml.m5.xlarg', 'the Default of parameter TrainingInstanceType'],
      ['ml.m5.xlarg', 'an AllowedValues item of parameter TrainingInstanceType'],
      ['ml.g5.2xlarg', 'an AllowedValues item of parameter TrainingInstanceType'],
    ]);
  });

  it('says once, naming every task, when several tasks take the same entry for the same member', () => {
    const machine = JSON.parse(ASL_JSON.replace('"InstanceType": "ml.m5.xlarge"', '"InstanceType": "${InstanceType}"'));
    machine.States.Retrain = { ...machine.States.Train, Next: 'Model' };
    machine.States.Train.Next = 'Retrain';
    const template = samTemplate(['RoleArn: arn:aws:iam::123456789012:role/SageMakerRole', `TrainingImage: ${XGBOOST_US_EAST_1}:1.7-1`, `InferenceImage: ${XGBOOST_US_EAST_1}:1.7-1`, 'InstanceType: ml.m5.xlarg']);
    const findings = analyzeSam(template, readerOf({ 'statemachine/train.asl.json': JSON.stringify(machine, null, 2) }), 'us-east-1');
    assert.deepEqual(covered(template, findings), ['invalid-enum-value ml.m5.xlarg']);
    assert.match(findings[0].message, /^DefinitionSubstitutions gives this to ResourceConfig\.InstanceType of tasks "Train", "Retrain" of statemachine\/train\.asl\.json: /);
  });

  it('reports a placeholder of the file that the map does not define, on DefinitionUri, naming where it is used and the nearest key', () => {
    const asl = ASL_JSON.replace('"${TrainingImage}"', '"${TrainImage}"');
    const template = samTemplate(GOOD_SUBSTITUTIONS);
    const findings = analyzeSam(template, readerOf({ 'statemachine/train.asl.json': asl }), 'us-east-1');
    assert.deepEqual(covered(template, findings), ['unfilled-placeholder statemachine/train.asl.json']);
    assert.equal(
      findings[0].message,
      'statemachine/train.asl.json uses ${TrainImage} in AlgorithmSpecification.TrainingImage of task "Train", which DefinitionSubstitutions does not define: the deploy leaves it as text, and the task sends "${TrainImage}" as written. Add TrainImage to DefinitionSubstitutions, or correct the name in statemachine/train.asl.json (did you mean ${TrainingImage}?).',
    );
    // Inside a longer string too; a computed map may define anything.
    const inPath = ASL_JSON.replace('s3://b/out', 's3://${OutputBucket}/out');
    assert.deepEqual(analyzeSam(samTemplate(GOOD_SUBSTITUTIONS), readerOf({ 'statemachine/train.asl.json': inPath })).map((finding) => finding.message.slice(0, 58)), ['statemachine/train.asl.json uses ${OutputBucket} in Output']);
    const computed = samTemplate([]).replace('      DefinitionSubstitutions:\n', '      DefinitionSubstitutions: !FindInMap [Substitutions, !Ref Stage, All]\n');
    assert.deepEqual(analyzeSam(computed, readerOf({ 'statemachine/train.asl.json': asl })), []);
  });

  it('says nothing of undefined names while the template does not parse (its map may be cut short; found by a fresh user)', () => {
    const reader = readerOf({ 'statemachine/train.asl.json': ASL_JSON });
    // An unclosed flow sequence first in the map: the entries after it are not read as entries.
    const broken = samTemplate([' Broken: [x', 'RoleArn: arn:aws:iam::123456789012:role/R', `TrainingImage: ${XGBOOST_US_EAST_1}:1.7-1`, `InferenceImage: ${XGBOOST_US_EAST_1}:1.7-1`]);
    const findings = analyzeSam(broken, reader);
    assert.ok(findings.some((finding) => finding.code === 'invalid-yaml'));
    assert.ok(!findings.some((finding) => finding.code === 'unfilled-placeholder'), findings.map((finding) => finding.message).join('\n'));
  });

  it('completes a map entry with the values of the member it fills in the file', () => {
    const asl = ASL_JSON.replace('"InstanceType": "ml.m5.xlarge"', '"InstanceType": "${InstanceType}"');
    const text = samTemplate([...GOOD_SUBSTITUTIONS, 'InstanceType: ']);
    const offset = text.indexOf('InstanceType: ') + 'InstanceType: '.length;
    const result = completeInYaml(readYamlDocument(text, false, readerOf({ 'statemachine/train.asl.json': asl })), offset, { catalog, apiModel, algorithms, regionInputs: { env: {} } });
    assert.ok(result?.items.some((item) => item.label === 'ml.m5.xlarge' && item.edit.newText === 'ml.m5.xlarge'), JSON.stringify(result?.items.slice(0, 2)));
    // Without the file, nothing tells what the entry fills.
    assert.equal(completeInYaml(readYamlDocument(text), offset, { catalog, apiModel, algorithms, regionInputs: { env: {} } }), undefined);
  });

  it("reads CloudFormation's DefinitionS3Location as a local path too, in a JSON template", () => {
    const template = JSON.stringify(
      {
        Resources: {
          Flow: {
            Type: 'AWS::StepFunctions::StateMachine',
            Properties: { DefinitionS3Location: 'train.asl.json', DefinitionSubstitutions: { RoleArn: 'arn:aws:iam::123456789012:role/R', InferenceImage: `${XGBOOST_US_EAST_1}:1.7-1`, TrainingImage: `${XGBOOST_US_EAST_1}:1` }, RoleArn: 'arn:aws:iam::123456789012:role/R' },
          },
        },
      },
      null,
      2,
    );
    const findings = analyzeDocument(readJsonDocument(template, false, 'json', readerOf({ 'train.asl.json': ASL_JSON })), analyzeOptions({ region: 'us-east-1' })).findings;
    assert.deepEqual(covered(template, findings), ['xgboost-unpinned 1']);
  });

  it('takes only the state machine tasks of the file: an AWS CLI spec named there gives the template nothing', () => {
    const spec = JSON.stringify({ TrainingJobName: 'j', AlgorithmSpecification: { TrainingImage: '${TrainingImage}', TrainingInputMode: 'File' } });
    assert.deepEqual(readDefinitionFileRequests('train.json', spec), []);
    assert.equal(readDefinitionFileRequests('train.asl.json', ASL_JSON).length, 2);
    assert.deepEqual(readDefinitionFileRequests('Dockerfile', `FROM ${XGBOOST_US_EAST_1}:1.7-1`), []);
  });
});

describe('DefinitionFiles (node): state machine files from disk', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'definition-files-'));
    fs.mkdirSync(path.join(folder, 'statemachine'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('resolves the path against the template folder, and reads the file again when it changes', () => {
    const file = path.join(folder, 'statemachine', 'train.asl.json');
    fs.writeFileSync(file, ASL_JSON);
    const files = new DefinitionFiles();
    const heard: string[] = [];
    const reader = files.readerFor(path.join(folder, 'template.yaml'), (asked) => heard.push(asked));
    assert.equal((reader('statemachine/train.asl.json') as readonly unknown[]).length, 2);
    assert.deepEqual(heard, [file]);
    // One task left: a different size, read again.
    const oneTask = JSON.parse(ASL_JSON);
    delete oneTask.States.Model;
    oneTask.States.Train.End = true;
    delete oneTask.States.Train.Next;
    fs.writeFileSync(file, JSON.stringify(oneTask));
    assert.equal((reader('statemachine/train.asl.json') as readonly unknown[]).length, 1);
    fs.rmSync(file);
    // Nothing there: missing, with the names beside it (for a "did you mean").
    fs.writeFileSync(path.join(folder, 'statemachine', 'deploy.asl.json'), ASL_JSON);
    assert.deepEqual(reader('statemachine/train.asl.json'), { missing: true, siblings: ['deploy.asl.json'] });
    assert.deepEqual(reader('nowhere/train.asl.json'), { missing: true, siblings: [] });
    assert.deepEqual(reader('statemachine'), { missing: true, siblings: ['statemachine'], folder: true, nearestPath: 'statemachine/deploy.asl.json' }, 'a folder is no file: the one state machine in it is meant');
    fs.writeFileSync(path.join(folder, 'statemachine', 'only.asl.yaml'), 'StartAt: A\n');
    fs.rmSync(path.join(folder, 'statemachine', 'deploy.asl.json'));
    fs.writeFileSync(path.join(folder, 'statemachine', 'other.asl.json'), ASL_JSON);
    assert.deepEqual(reader('statemachine/'), { missing: true, siblings: ['statemachine'], folder: true }, 'several state machines: none is clearly meant');
    fs.writeFileSync(path.join(folder, 'statemachine', 'deploy.asl.json'), ASL_JSON);
    // The path meant, found segment by segment: a misspelt folder, another letter case.
    assert.deepEqual(reader('statemachnie/deploy.asl.json'), { missing: true, siblings: [], nearestPath: 'statemachine/deploy.asl.json' });
    assert.deepEqual(reader('Statemachine/Deploy.asl.json'), { missing: true, siblings: [], nearestPath: 'statemachine/deploy.asl.json' });
  });
});

describe('sagemaker-spec check: templates with DefinitionUri', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'definition-uri-cli-'));
    fs.mkdirSync(path.join(folder, 'statemachine'));
    fs.writeFileSync(path.join(folder, 'statemachine', 'train.asl.json'), ASL_JSON);
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('reports the map images in the template, and --fix corrects the account there', () => {
    const wrongAccount = XGBOOST_US_EAST_1.replace('683313688378', '763104351884');
    const template = samTemplate(['RoleArn: arn:aws:iam::123456789012:role/SageMakerRole', `TrainingImage: ${XGBOOST_US_EAST_1}:latest`, `InferenceImage: ${wrongAccount}:1.7-1  # inference`]);
    const templateFile = path.join(folder, 'template.yaml');
    fs.writeFileSync(templateFile, template);
    const run = runCli(['check', '--region', 'us-east-1', folder]);
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /template\.yaml\n {2}10:\d+ +error +":latest" does not pin an XGBoost version.*\n {2}11:\d+ +error +In us-east-1, SageMaker serves "sagemaker-xgboost" from account 683313688378, not 763104351884/);
    assert.doesNotMatch(run.stdout, /train\.asl\.json/);
    // A misspelt path: reported on it, the fix left to the user.
    fs.writeFileSync(templateFile, template.replace('statemachine/train.asl.json', 'statemachine/trian.asl.json'));
    const misspelt = runCli(['check', '--region', 'us-east-1', templateFile]);
    assert.match(misspelt.stdout, /7:22 +error +DefinitionUri names statemachine\/trian\.asl\.json, and there is no file there: .* Did you mean statemachine\/train\.asl\.json\? +definition-file-not-found/);
    fs.writeFileSync(templateFile, template);
    const fixed = runCli(['check', '--region', 'us-east-1', '--fix', templateFile]);
    assert.equal(fixed.status, 1, 'the unpinned tag has no unambiguous fix and stays');
    assert.equal(fs.readFileSync(templateFile, 'utf8'), template.replace(wrongAccount, XGBOOST_US_EAST_1));
  });
});
