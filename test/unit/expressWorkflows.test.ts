// Express workflows take request-response only: a `.sync` or `.waitForTaskToken` SageMaker task
// under a Distributed Map whose child workflows are Express (`ExecutionType: EXPRESS`), or in a
// template's Express state machine (`StateMachineType: EXPRESS`, SAM's `Type: EXPRESS`, a file its
// `DefinitionUri` names), is `unsupported-integration-pattern` (found by a user: it was silent).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readFileDocument } from '../../src/core/fileHost';
import { analyzeDocument } from '../../src/core/hostDocument';
import { unambiguousFix } from '../../src/core/fixAll';
import { applyDeployingTemplates, stateMachineFilesOf } from '../../src/core/hosts/workflows/deployingTemplates';
import { DeployingTemplates } from '../../src/node/deployingTemplates';
import { analyzeOptions, codes, only, textAt, XGBOOST_US_EAST_1 } from './specTestKit';
import { analyzeWorkflow, applyWorkflowFix } from './workflowTestKit';
import { analyzeJsonTemplate, analyzeYaml, applyHostFix } from './yamlTestKit';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const TRAINING = { 'TrainingJobName.$': '$.name', 'RoleArn.$': '$.role', 'AlgorithmSpecification.$': '$.algorithm', 'OutputDataConfig.$': '$.output', 'ResourceConfig.$': '$.resources', 'StoppingCondition.$': '$.stop' };
const MODEL = { ModelName: 'churn', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: `${XGBOOST_US_EAST_1}:1.7-1` } };
const EXPRESS_MAP = { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' };
const REMOVE_SYNC = 'Remove ".sync" (request-response)';

type States = Record<string, unknown>;

/** A Task state of `resource`, with the Parameters of its action (training unless it creates a model). */
const task = (resource: string) => ({ Type: 'Task', Resource: resource, Parameters: resource.includes('createModel') ? MODEL : TRAINING, End: true });
/** A Map state running `states`, with the ProcessorConfig `config` (none when undefined). */
const map = (config: Record<string, string | undefined> | undefined, states: States) => ({ Type: 'Map', ItemProcessor: { ...(config && { ProcessorConfig: config }), StartAt: Object.keys(states)[0], States: states }, End: true });
/** A state machine of `states`, pretty-printed. */
const machine = (states: States) => JSON.stringify({ StartAt: Object.keys(states)[0], States: states }, null, 2);

/** The message of an Express workflow's finding on a pattern Standard workflows take. */
const inExpress = (integration: string, pattern: string, action: string, why: string) =>
  `${integration} does not support ".${pattern}" for ${action} in an Express workflow: ${why}, and Express workflows take request-response only. Step Functions rejects the state machine otherwise.`;
const MAP_EACH = 'the Distributed Map state "Each" runs it in Express child workflows (ExecutionType: EXPRESS)';

/** The finding's code, covered text and offset, message, and its fixes' titles with preferred and changesBehaviour. */
function described(text: string, findings: ReturnType<typeof analyzeWorkflow>, covers: string) {
  const finding = only(findings, 'unsupported-integration-pattern');
  assert.equal(textAt(text, finding), covers);
  assert.equal(finding.offset, text.indexOf(covers));
  return { finding, message: finding.message, fixes: finding.fixes.map((fix) => [fix.title, fix.preferred ?? false, fix.changesBehaviour ?? false]) };
}

describe('Express workflows: request-response only', () => {
  describe('under a Distributed Map whose child workflows are Express', () => {
    it('reports .sync on a job, with removing it as the only fix, left to the user (the task then ends when the job starts)', () => {
      const text = machine({ Each: map(EXPRESS_MAP, { Train: task('arn:aws:states:::sagemaker:createTrainingJob.sync') }) });
      const { finding, message, fixes } = described(text, analyzeWorkflow(text), '.sync');
      assert.equal(message, inExpress('The SageMaker integration', 'sync', 'createTrainingJob', MAP_EACH));
      assert.deepEqual(fixes, [[REMOVE_SYNC, true, true]]);
      assert.equal(unambiguousFix(finding), undefined);
      const fixed = applyWorkflowFix(text, finding);
      assert.equal(fixed, text.replace('createTrainingJob.sync', 'createTrainingJob'));
      assert.deepEqual(analyzeWorkflow(fixed), []);
    });

    it('reports .sync:2 on its whole suffix', () => {
      const text = machine({ Each: map(EXPRESS_MAP, { Train: task('arn:aws:states:::sagemaker:createTrainingJob.sync:2') }) });
      const { message, fixes } = described(text, analyzeWorkflow(text), '.sync:2');
      // Not offered in a Standard workflow either: the message gives the Express reason, which alone leaves request-response.
      assert.equal(message, `The SageMaker integration does not support ".sync:2" for createTrainingJob: ${MAP_EACH}, and Express workflows take request-response only. Step Functions rejects the state machine otherwise.`);
      assert.deepEqual(fixes, [['Remove ".sync:2" (request-response)', true, true]]);
    });

    it('keeps .waitForTaskToken\'s message right there: no ".sync" offered, neither in the message nor as a fix', () => {
      const text = machine({ Each: map(EXPRESS_MAP, { Train: task('arn:aws:states:::sagemaker:createTrainingJob.waitForTaskToken') }) });
      const { message, fixes } = described(text, analyzeWorkflow(text), '.waitForTaskToken');
      assert.equal(message, `The SageMaker integration does not support ".waitForTaskToken" for createTrainingJob: ${MAP_EACH}, and Express workflows take request-response only. Step Functions rejects the state machine otherwise.`);
      assert.deepEqual(fixes, [['Remove ".waitForTaskToken" (request-response)', true, true]]);
    });

    it('reports the SDK integration\'s .waitForTaskToken (accepted in a Standard workflow) and its .sync without the SageMaker integration\'s .sync as a way out', () => {
      const token = machine({ Each: map(EXPRESS_MAP, { Train: task('arn:aws:states:::aws-sdk:sagemaker:createTrainingJob.waitForTaskToken') }) });
      const tokenFinding = described(token, analyzeWorkflow(token), '.waitForTaskToken');
      assert.equal(tokenFinding.message, inExpress('The AWS SDK integration', 'waitForTaskToken', 'createTrainingJob', MAP_EACH));
      assert.deepEqual(tokenFinding.fixes, [['Remove ".waitForTaskToken" (request-response)', true, true]]);
      const sync = machine({ Each: map(EXPRESS_MAP, { Train: task('arn:aws:states:::aws-sdk:sagemaker:createTrainingJob.sync') }) });
      assert.deepEqual(described(sync, analyzeWorkflow(sync), '.sync').fixes, [[REMOVE_SYNC, true, true]]);
    });

    it('reports .sync on an action that starts no job, removed by fix-all as before', () => {
      const text = machine({ Each: map(EXPRESS_MAP, { Deploy: task('arn:aws:states:::sagemaker:createModel.sync') }) });
      const { finding, message, fixes } = described(text, analyzeWorkflow(text), '.sync');
      assert.equal(message, `The SageMaker integration does not support ".sync" for createModel: ${MAP_EACH}, and Express workflows take request-response only. Step Functions rejects the state machine otherwise.`);
      assert.deepEqual(fixes, [[REMOVE_SYNC, true, false]]);
      assert.equal(unambiguousFix(finding)?.title, REMOVE_SYNC);
    });

    it('the nearest Distributed Map decides: an inline Map or a Parallel inherits, a Standard one runs its own Standard workflows', () => {
      const sync = () => ({ Train: task('arn:aws:states:::sagemaker:createTrainingJob.sync') });
      const inline = machine({ Each: map(EXPRESS_MAP, { Rows: map({ Mode: 'INLINE' }, sync()) }) });
      assert.equal(described(inline, analyzeWorkflow(inline), '.sync').message, inExpress('The SageMaker integration', 'sync', 'createTrainingJob', MAP_EACH));
      const parallel = machine({ Each: map(EXPRESS_MAP, { Both: { Type: 'Parallel', Branches: [{ StartAt: 'Train', States: sync() }], End: true } }) });
      assert.equal(described(parallel, analyzeWorkflow(parallel), '.sync').message, inExpress('The SageMaker integration', 'sync', 'createTrainingJob', MAP_EACH));
      const inner = machine({ Outer: map({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, { Each: map(EXPRESS_MAP, sync()) }) });
      assert.equal(described(inner, analyzeWorkflow(inner), '.sync').message, inExpress('The SageMaker integration', 'sync', 'createTrainingJob', MAP_EACH));
      assert.deepEqual(analyzeWorkflow(machine({ Each: map(EXPRESS_MAP, { Standard: map({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, sync()) }) })), []);
    });

    it('changes nothing under a Standard, inline or unconfigured Map, nor for request-response', () => {
      const sync = { Train: task('arn:aws:states:::sagemaker:createTrainingJob.sync') };
      for (const config of [{ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, { Mode: 'DISTRIBUTED' }, { Mode: 'INLINE' }, { ExecutionType: 'EXPRESS' }, undefined]) {
        assert.deepEqual(analyzeWorkflow(machine({ Each: map(config, sync) })), [], JSON.stringify(config));
      }
      assert.deepEqual(analyzeWorkflow(machine({ Each: map(EXPRESS_MAP, { Train: task('arn:aws:states:::sagemaker:createTrainingJob') }) })), []);
      assert.deepEqual(analyzeWorkflow(machine({ Each: map(EXPRESS_MAP, { Train: task('arn:aws:states:::aws-sdk:sagemaker:createTrainingJob') }) })), []);
    });

    it('reads a YAML state machine alike, and fixes it in YAML', () => {
      const text = [
        'StartAt: Each',
        'States:',
        '  Each:',
        '    Type: Map',
        '    ItemProcessor:',
        '      ProcessorConfig: {Mode: DISTRIBUTED, ExecutionType: EXPRESS}',
        '      StartAt: Train',
        '      States:',
        '        Train:',
        '          Type: Task',
        '          Resource: arn:aws:states:::sagemaker:createTrainingJob.sync',
        '          Parameters:',
        ...Object.entries(TRAINING).map(([key, value]) => `            ${key}: ${value}`),
        '          End: true',
        '    End: true',
        '',
      ].join('\n');
      const findings = analyzeYaml(text);
      const finding = only(findings, 'unsupported-integration-pattern');
      assert.equal(textAt(text, finding), '.sync');
      assert.equal(finding.offset, text.indexOf('.sync'));
      assert.equal(finding.message, inExpress('The SageMaker integration', 'sync', 'createTrainingJob', MAP_EACH));
      assert.equal(applyHostFix(text, finding), text.replace('createTrainingJob.sync', 'createTrainingJob'));
    });
  });

  describe('a template\'s Express state machine', () => {
    /** A YAML template of one state machine resource of `type`, with `typeLine` among its properties, whose Definition is one task of `resource`. */
    function yamlTemplate(type: string, typeLine: string, resource: string): string {
      return [
        'Resources:',
        '  Flow:',
        `    Type: ${type}`,
        '    Properties:',
        `      ${typeLine}`,
        '      RoleArn: !GetAtt Role.Arn',
        '      Definition:',
        '        StartAt: Train',
        '        States:',
        '          Train:',
        '            Type: Task',
        `            Resource: ${resource}`,
        '            Parameters:',
        ...Object.entries(TRAINING).map(([key, value]) => `              ${key}: ${value}`),
        '            End: true',
        '',
      ].join('\n');
    }

    it('reports .sync in an AWS::StepFunctions::StateMachine of StateMachineType EXPRESS, fixed in the template', () => {
      const text = yamlTemplate('AWS::StepFunctions::StateMachine', 'StateMachineType: EXPRESS', 'arn:aws:states:::sagemaker:createTrainingJob.sync');
      const finding = only(analyzeYaml(text), 'unsupported-integration-pattern');
      assert.equal(textAt(text, finding), '.sync');
      assert.equal(finding.offset, text.indexOf('.sync'));
      assert.equal(finding.message, inExpress('The SageMaker integration', 'sync', 'createTrainingJob', 'this state machine is an Express workflow (StateMachineType: EXPRESS)'));
      assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred, fix.changesBehaviour]), [[REMOVE_SYNC, true, true]]);
      assert.equal(applyHostFix(text, finding), text.replace('createTrainingJob.sync', 'createTrainingJob'));
      assert.deepEqual(analyzeYaml(text.replace('StateMachineType: EXPRESS', 'StateMachineType: STANDARD')), []);
    });

    it('reads each side of a StateMachineType written !If, saying it is one side, and one read through a parameter\'s Default (found by a fresh user)', () => {
      const text = yamlTemplate('AWS::StepFunctions::StateMachine', 'StateMachineType: !If [Fast, EXPRESS, STANDARD]', 'arn:aws:states:::sagemaker:createTrainingJob.sync');
      assert.equal(only(analyzeYaml(text), 'unsupported-integration-pattern').message, inExpress('The SageMaker integration', 'sync', 'createTrainingJob', 'this state machine is an Express workflow (StateMachineType: EXPRESS, from one side of its Fn::If)'));
      const byParameter = (line: string) => `Parameters:\n  WorkflowType:\n    Type: String\n    ${line}\n${yamlTemplate('AWS::StepFunctions::StateMachine', 'StateMachineType: !Ref WorkflowType', 'arn:aws:states:::sagemaker:createTrainingJob.sync')}`;
      assert.equal(only(analyzeYaml(byParameter('Default: EXPRESS')), 'unsupported-integration-pattern').message, inExpress('The SageMaker integration', 'sync', 'createTrainingJob', "this state machine is an Express workflow (StateMachineType: EXPRESS, from parameter WorkflowType's default)"));
      assert.deepEqual(analyzeYaml(byParameter('Default: STANDARD')), []);
      assert.deepEqual(analyzeYaml(yamlTemplate('AWS::StepFunctions::StateMachine', 'StateMachineType: !Ref WorkflowType', 'arn:aws:states:::sagemaker:createTrainingJob.sync')), [], 'an undeclared parameter tells nothing');
    });

    it('reports .waitForTaskToken in a SAM state machine of Type EXPRESS, and a Distributed Map inside still decides for its tasks', () => {
      const text = yamlTemplate('AWS::Serverless::StateMachine', 'Type: EXPRESS', 'arn:aws:states:::sagemaker:createTrainingJob.waitForTaskToken');
      const finding = only(analyzeYaml(text), 'unsupported-integration-pattern');
      assert.equal(textAt(text, finding), '.waitForTaskToken');
      assert.equal(finding.message, 'The SageMaker integration does not support ".waitForTaskToken" for createTrainingJob: this state machine is an Express workflow (Type: EXPRESS), and Express workflows take request-response only. Step Functions rejects the state machine otherwise.');
      const definition = { StartAt: 'Each', States: { Each: map({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, { Train: task('arn:aws:states:::sagemaker:createTrainingJob.sync') }) } };
      const json = JSON.stringify({ Resources: { Flow: { Type: 'AWS::Serverless::StateMachine', Properties: { Type: 'EXPRESS', Definition: definition } } } }, null, 2);
      assert.deepEqual(analyzeJsonTemplate(json), []);
    });

    it('reports a SAM Type EXPRESS DefinitionString in JSON, with no fix inside the string', () => {
      const definition = machine({ Train: task('arn:aws:states:::sagemaker:createTrainingJob.sync') });
      const text = JSON.stringify({ Resources: { Flow: { Type: 'AWS::Serverless::StateMachine', Properties: { Type: 'EXPRESS', DefinitionString: definition } } } }, null, 2);
      const finding = only(analyzeJsonTemplate(text), 'unsupported-integration-pattern');
      assert.equal(textAt(text, finding), '.sync');
      assert.equal(finding.message, inExpress('The SageMaker integration', 'sync', 'createTrainingJob', 'this state machine is an Express workflow (Type: EXPRESS)'));
      assert.deepEqual(finding.fixes, []);
      // A DefinitionString under a StateMachineType written !If: EXPRESS on one side.
      const sided = JSON.stringify({ Resources: { Flow: { Type: 'AWS::StepFunctions::StateMachine', Properties: { StateMachineType: { 'Fn::If': ['Fast', 'EXPRESS', 'STANDARD'] }, DefinitionString: definition } } } }, null, 2);
      assert.equal(only(analyzeJsonTemplate(sided), 'unsupported-integration-pattern').message, inExpress('The SageMaker integration', 'sync', 'createTrainingJob', 'this state machine is an Express workflow (StateMachineType: EXPRESS, from one side of its Fn::If)'));
      // A Standard resource's Type is not the workflow's: AWS::StepFunctions::StateMachine has StateMachineType.
      const standard = JSON.stringify({ Resources: { Flow: { Type: 'AWS::StepFunctions::StateMachine', Properties: { Type: 'EXPRESS', DefinitionString: definition } } } }, null, 2);
      assert.ok(!codes(analyzeJsonTemplate(standard)).includes('unsupported-integration-pattern'));
    });
  });

  describe('a state machine file a template deploys as Express (DefinitionUri)', () => {
    const FILE = ['StartAt: Train', 'States:', '  Train:', '    Type: Task', '    Resource: arn:aws:states:::sagemaker:createTrainingJob.sync', '    Parameters:', ...Object.entries(TRAINING).map(([key, value]) => `      ${key}: ${value}`), '    End: true', ''].join('\n');
    const samTemplate = (type: string) => ['Transform: AWS::Serverless-2016-10-31', 'Resources:', '  Flow:', '    Type: AWS::Serverless::StateMachine', '    Properties:', `      Type: ${type}`, '      DefinitionUri: statemachine/train.asl.yaml', ''].join('\n');

    it('reads the template\'s type with the file it names, and reports the file\'s .sync naming that template', () => {
      assert.deepEqual(stateMachineFilesOf(samTemplate('EXPRESS'), true).map((use) => use.express), [{ property: 'Type' }]);
      assert.deepEqual(stateMachineFilesOf(samTemplate('STANDARD'), true).map((use) => use.express), [undefined]);
      const { document } = readFileDocument('yaml', '/p/statemachine/train.asl.yaml', FILE, false);
      applyDeployingTemplates(document, [{ template: 'standard.template.yaml', substitutions: new Map() }, { template: '../template.yaml', substitutions: new Map(), express: { property: 'Type' } }]);
      const finding = only(analyzeDocument(document, analyzeOptions({})).findings, 'unsupported-integration-pattern');
      assert.equal(textAt(FILE, finding), '.sync');
      assert.equal(finding.message, inExpress('The SageMaker integration', 'sync', 'createTrainingJob', '../template.yaml deploys this state machine as an Express workflow (Type: EXPRESS)'));
      assert.deepEqual(finding.fixes.map((fix) => fix.title), [REMOVE_SYNC]);
    });

    describe('found on disk', () => {
      let folder: string;
      beforeEach(() => {
        folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'express-workflows-')));
        fs.mkdirSync(path.join(folder, 'statemachine'));
        fs.writeFileSync(path.join(folder, 'statemachine', 'train.asl.yaml'), FILE);
      });
      afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

      it('finds that the SAM template deploys the file as Express', () => {
        fs.writeFileSync(path.join(folder, 'template.yaml'), samTemplate('EXPRESS'));
        const found = new DeployingTemplates().of(path.join(folder, 'statemachine', 'train.asl.yaml'));
        assert.deepEqual(found.deployedBy.map((entry) => [entry.template, entry.express]), [['../template.yaml', { property: 'Type' }]]);
      });
    });
  });
});
