// A state machine file read on its own, as deployed by the templates that name it (SAM's
// `DefinitionUri`, the `sam init` layout): a `${TrainingImage}` the template's map fills with a
// built-in algorithm's image makes the task that algorithm's job (its hyperparameters and channels
// checked, the findings saying where the image comes from), and the tasks are deployed to every
// region the template is (found by a fresh user: both were silent).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readFileDocument } from '../../src/core/fileHost';
import { analyzeDocument } from '../../src/core/hostDocument';
import { applyDeployingTemplates, stateMachineFilesOf, type DeployingTemplate } from '../../src/core/hosts/workflows/deployingTemplates';
import { DeployingTemplates } from '../../src/node/deployingTemplates';
import { runCli } from './cliTestKit';
import { analyzeOptions, codes, XGBOOST_US_EAST_1 } from './specTestKit';
import { trainingStateMachineYaml } from './yamlTestKit';

/** A YAML state machine file whose training task reads its image from `${TrainingImage}`, with bad XGBoost hyperparameters. */
const STATE_MACHINE = trainingStateMachineYaml([
  'TrainingJobName.$: $$.Execution.Name',
  'RoleArn: arn:aws:iam::123456789012:role/SageMakerRole',
  'AlgorithmSpecification: {TrainingImage: "${TrainingImage}", TrainingInputMode: File}',
  'HyperParameters: {objective: "binary:logistic", num_round: "100", max_depth: "six"}',
  'InputDataConfig: [{ChannelName: train, ContentType: text/csv, DataSource: {S3DataSource: {S3DataType: S3Prefix, S3Uri: "s3://b/train"}}}]',
  'OutputDataConfig: {S3OutputPath: "s3://b/out"}',
  'ResourceConfig: {InstanceType: ml.m5.xlarge, InstanceCount: 1, VolumeSizeInGB: 10}',
  'StoppingCondition: {MaxRuntimeInSeconds: 3600}',
]);

/** A SAM template naming `definitionUri`, its map giving `image` to TrainingImage. */
function samTemplate(definitionUri: string, image: string): string {
  return ['Transform: AWS::Serverless-2016-10-31', 'Resources:', '  Flow:', '    Type: AWS::Serverless::StateMachine', '    Properties:', `      DefinitionUri: ${definitionUri}`, '      DefinitionSubstitutions:', `        TrainingImage: ${image}`, '        Role: !GetAtt Role.Arn', ''].join('\n');
}

/** A deploying template whose map gives each entry of `values` as written (a literal). */
function deploying(template: string, values: Record<string, string>): DeployingTemplate {
  return { template, substitutions: new Map(Object.entries(values).map(([name, written]) => [name, { written, parts: [{ kind: 'text', value: written, offsets: [] }] }])) };
}

function analyzeDeployed(deployedBy: DeployingTemplate[], inputs: { templateRegions?: string[] } = {}) {
  const { document } = readFileDocument('yaml', '/p/statemachine/train.asl.yaml', STATE_MACHINE, false);
  applyDeployingTemplates(document, deployedBy);
  return analyzeDocument(document, analyzeOptions({ algorithms: true, ...inputs })).findings;
}

describe('state machine files deployed by a template', () => {
  it('reads the local state machine files a template names, with the literal values of its map (YAML and JSON)', () => {
    const [use] = stateMachineFilesOf(samTemplate('statemachine/train.asl.yaml', `${XGBOOST_US_EAST_1}:1.7-1`), true);
    assert.equal(use.path, 'statemachine/train.asl.yaml');
    assert.deepEqual([...use.substitutions.keys()], ['TrainingImage'], 'a !GetAtt is no text');
    assert.equal(use.substitutions.get('TrainingImage')!.written, `${XGBOOST_US_EAST_1}:1.7-1`);
    const json = JSON.stringify({ Resources: { F: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionS3Location: 'flows/a.asl.json', DefinitionSubstitutions: { Image: { 'Fn::Sub': ['${A}.dkr.ecr.${AWS::Region}.amazonaws.com/kmeans:1', { A: { Ref: 'X' } }] }, Other: { Ref: 'Y' } } } } } });
    const [fromJson] = stateMachineFilesOf(json, false);
    assert.equal(fromJson.path, 'flows/a.asl.json');
    assert.deepEqual([...fromJson.substitutions.entries()].map(([name, text]) => [name, text.written, text.parts.map((part) => part.kind)]), [['Image', '${A}.dkr.ecr.${AWS::Region}.amazonaws.com/kmeans:1', ['placeholder', 'text', 'placeholder', 'text']]]);
    assert.deepEqual(stateMachineFilesOf(samTemplate('s3://bucket/train.asl.yaml', 'x'), true), []);
    assert.deepEqual(stateMachineFilesOf('{"Resources": ', false), []);
  });

  it('checks the task as the algorithm the map\'s image names, each finding saying where the image comes from', () => {
    assert.deepEqual(codes(analyzeDeployed([])), [], 'alone, the file says nothing about ${TrainingImage}');
    const findings = analyzeDeployed([deploying('../template.yaml', { TrainingImage: `${XGBOOST_US_EAST_1}:1.7-1` })]);
    assert.deepEqual(codes(findings), ['algorithm-invalid-hyperparameter']);
    assert.equal(
      findings[0].message,
      `XGBoost 1.7-1 hyperparameter "max_depth": "six" is not an integer. SageMaker accepts the job, and it fails inside the container when it starts. (\${TrainingImage} is ${XGBOOST_US_EAST_1}:1.7-1 in ../template.yaml's DefinitionSubstitutions.)`,
    );
    // Templates that give different images: the task is read once per image, each finding naming its templates.
    const two = [deploying('a.template.yaml', { TrainingImage: `${XGBOOST_US_EAST_1}:1.7-1` }), deploying('b.template.yaml', { TrainingImage: `${XGBOOST_US_EAST_1}:1.5-1` })];
    assert.deepEqual(
      analyzeDeployed(two).map((finding) => [finding.code, /^XGBoost (\S+)/.exec(finding.message)?.[1], /in (\S+)'s DefinitionSubstitutions/.exec(finding.message)?.[1]]),
      [
        ['algorithm-invalid-hyperparameter', '1.7-1', 'a.template.yaml'],
        ['algorithm-invalid-hyperparameter', '1.5-1', 'b.template.yaml'],
      ],
    );
    // The same image from two templates: one finding naming both.
    const same = analyzeDeployed([deploying('a.template.yaml', { TrainingImage: `${XGBOOST_US_EAST_1}:1.7-1` }), deploying('b.template.yaml', { TrainingImage: `${XGBOOST_US_EAST_1}:1.7-1` })]);
    assert.equal(same.length, 1);
    assert.match(same[0].message, /in a\.template\.yaml's and b\.template\.yaml's DefinitionSubstitutions\.\)$/);
    // The same repository and tag written differently (a literal, a !Sub with the account per region): one reading.
    const [fromSubToo] = stateMachineFilesOf(samTemplate('statemachine/train.asl.yaml', '!Sub "${Account}.dkr.ecr.${AWS::Region}.amazonaws.com/sagemaker-xgboost:1.7-1"'), true);
    const mixed = analyzeDeployed([deploying('a.template.yaml', { TrainingImage: `${XGBOOST_US_EAST_1}:1.7-1` }), { template: 'b.template.yaml', substitutions: fromSubToo.substitutions }]);
    assert.equal(mixed.length, 1);
    assert.match(mixed[0].message, /in a\.template\.yaml's and b\.template\.yaml's DefinitionSubstitutions\.\)$/);
    // A template that fills it otherwise: which image runs is not known.
    assert.deepEqual(codes(analyzeDeployed([deploying('a.template.yaml', { TrainingImage: `${XGBOOST_US_EAST_1}:1.7-1` }), deploying('b.template.yaml', {})])), []);
    // A !Sub whose static parts name the image (the account per region from a mapping).
    const [fromSub] = stateMachineFilesOf(samTemplate('statemachine/train.asl.yaml', '!Sub "${Account}.dkr.ecr.${AWS::Region}.amazonaws.com/sagemaker-xgboost:1.7-1"'), true);
    assert.deepEqual(codes(analyzeDeployed([{ template: '../template.yaml', substitutions: fromSub.substitutions }])), ['algorithm-invalid-hyperparameter']);
  });

  it('deploys the tasks to the template\'s regions: a literal image of one region is reported, the advice about the template\'s map', () => {
    const { document } = readFileDocument('yaml', '/p/sm/train.asl.yaml', STATE_MACHINE.replace('"${TrainingImage}"', `${XGBOOST_US_EAST_1}:1.7-1`), false);
    applyDeployingTemplates(document, [deploying('../template.yaml', {})]);
    const [finding] = analyzeDocument(document, analyzeOptions({ algorithms: true, templateRegions: ['us-east-1', 'eu-west-1'] })).findings.filter((found) => found.code === 'image-region-mismatch');
    assert.match(finding.message, /^The image is in us-east-1, but this state machine \(deployed by \.\.\/template\.yaml\) is also deployed to eu-west-1 \(from templateRegions\)/);
    assert.match(finding.message, /in a !Sub in \.\.\/template\.yaml's DefinitionSubstitutions, and the image here as its \$\{Name\} placeholder/);
  });

  describe('found on disk', () => {
    let folder: string;
    beforeEach(() => {
      folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'deploying-templates-')));
      fs.mkdirSync(path.join(folder, 'statemachine'));
      fs.writeFileSync(path.join(folder, 'statemachine', 'train.asl.yaml'), STATE_MACHINE);
    });
    afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('finds the templates in the file\'s folder and above that name it, and lists every template it read', () => {
      fs.writeFileSync(path.join(folder, 'template.yaml'), samTemplate('statemachine/train.asl.yaml', `${XGBOOST_US_EAST_1}:1.7-1`));
      fs.writeFileSync(path.join(folder, 'other.template.yaml'), samTemplate('statemachine/deploy.asl.yaml', `${XGBOOST_US_EAST_1}:1`));
      const found = new DeployingTemplates().of(path.join(folder, 'statemachine', 'train.asl.yaml'));
      assert.deepEqual(found.deployedBy.map((entry) => entry.template), ['../template.yaml']);
      assert.ok(found.consulted.includes(path.join(folder, 'other.template.yaml')));
      // An unsaved text read first (the editor's open template).
      const edited = new DeployingTemplates().of(path.join(folder, 'statemachine', 'train.asl.yaml'), (template) => (template.endsWith(`${path.sep}template.yaml`) ? samTemplate('statemachine/renamed.asl.yaml', 'x') : undefined));
      assert.deepEqual(edited.deployedBy, []);
    });

    it('takes every resource of a template that names the file (two state machines sharing one definition)', () => {
      const first = samTemplate('statemachine/train.asl.yaml', `${XGBOOST_US_EAST_1}:1.7-1`);
      const second = samTemplate('statemachine/train.asl.yaml', `${XGBOOST_US_EAST_1}:1.5-1`).split('Resources:\n')[1].replace('  Flow:', '  Nightly:');
      fs.writeFileSync(path.join(folder, 'template.yaml'), first + second);
      const found = new DeployingTemplates().of(path.join(folder, 'statemachine', 'train.asl.yaml'));
      assert.deepEqual(found.deployedBy.map((entry) => entry.substitutions.get('TrainingImage')?.written), [`${XGBOOST_US_EAST_1}:1.7-1`, `${XGBOOST_US_EAST_1}:1.5-1`]);
    });

    it('sagemaker-spec check reports the job\'s problems in the state machine file, for a folder and for the file alone', () => {
      fs.writeFileSync(path.join(folder, 'template.yaml'), samTemplate('statemachine/train.asl.yaml', `${XGBOOST_US_EAST_1}:1.7-1`));
      for (const target of [folder, path.join(folder, 'statemachine', 'train.asl.yaml')]) {
        const run = runCli(['check', '--region', 'us-east-1', target]);
        assert.equal(run.status, 1, run.stdout + run.stderr);
        assert.match(run.stdout, /train\.asl\.yaml\n {2}10:\d+ +error +XGBoost 1\.7-1 hyperparameter "max_depth": "six" is not an integer\. .*\(\$\{TrainingImage\} is .* in \.\.\/template\.yaml's DefinitionSubstitutions\.\) +algorithm-invalid-hyperparameter/);
      }
    });
  });
});
