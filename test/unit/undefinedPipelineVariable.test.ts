// undefined-pipeline-variable: a Pipelines `{"Get": "Parameters.X"}` or `{"Get": "Steps.X.…"}`
// naming no parameter or step of the definition, wherever the definition writes a Get (request
// members, Std:Join values, Std:JsonGet property files, condition operands), in a .pipeline.json
// and in a CloudFormation PipelineDefinitionBody (findings, no fixes there).
import * as assert from 'node:assert/strict';
import { only, textAt } from './specTestKit';
import { analyzeWorkflow, applyWorkflowFix, pipelineBodyTemplate } from './workflowTestKit';
import { analyzeJsonTemplate, analyzeYaml } from './yamlTestKit';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const IMAGE = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';

/** A model step (a request of ours with few members) whose ModelDataUrl is `modelData`. */
const modelStep = (name: string, modelData: unknown) => ({ Name: name, Type: 'Model', Arguments: { ExecutionRoleArn: ROLE, PrimaryContainer: { Image: IMAGE, ModelDataUrl: modelData } } });
const failStep = (name: string, message: unknown) => ({ Name: name, Type: 'Fail', Arguments: { ErrorMessage: message } });

function pipeline(steps: unknown[], parameters?: unknown[]): string {
  return JSON.stringify({ Version: '2020-12-01', ...(parameters && { Parameters: parameters }), Steps: steps }, null, 2);
}

const PARAMETERS = [
  { Name: 'TrainingInstanceType', Type: 'String', DefaultValue: 'ml.m5.xlarge' },
  { Name: 'ModelData', Type: 'String', DefaultValue: 's3://bucket/model.tar.gz' },
];

const reported = (text: string) => analyzeWorkflow(text).filter((finding) => finding.code === 'undefined-pipeline-variable');

describe('undefined-pipeline-variable', () => {
  it('reports a misspelt parameter on its name, naming the declared ones, and fixes the name alone', () => {
    const text = pipeline([modelStep('Register', { Get: 'Parameters.ModelDat' })], PARAMETERS);
    const finding = only(analyzeWorkflow(text), 'undefined-pipeline-variable');
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding), 'ModelDat');
    assert.equal(finding.message, '"ModelDat" is not a parameter of this pipeline (its Parameters declare TrainingInstanceType and ModelData): the step has no value for it. Did you mean "ModelData"?');
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [['Change to "ModelData"', true]]);
    assert.equal(applyWorkflowFix(text, finding), text.replace('"Parameters.ModelDat"', '"Parameters.ModelData"'));
  });

  it('reports a step name no step has, counting the steps of condition branches', () => {
    const condition = {
      Name: 'CheckAccuracy',
      Type: 'Condition',
      Arguments: {
        Conditions: [{ Type: 'GreaterThanOrEqualTo', LeftValue: { 'Std:JsonGet': { PropertyFile: { Get: 'Steps.Evaluate.PropertyFiles.Metrics' }, Path: 'accuracy' } }, RightValue: 0.8 }],
        IfSteps: [modelStep('Register', { Get: 'Steps.Trian.ModelArtifacts.S3ModelArtifacts' })],
        ElseSteps: [failStep('Evaluate', 'nested in a branch, still a step')],
      },
    };
    const text = pipeline([failStep('Train', 'x'), condition]);
    const finding = only(analyzeWorkflow(text), 'undefined-pipeline-variable');
    assert.equal(textAt(text, finding), 'Trian');
    assert.equal(finding.message, '"Trian" is not a step of this pipeline (its steps are Train, CheckAccuracy, Register and Evaluate): the step has no value for it. Did you mean "Train"?');
    assert.equal(applyWorkflowFix(text, finding), text.replace('"Steps.Trian.ModelArtifacts', '"Steps.Train.ModelArtifacts'));
  });

  it('finds Gets in Std:Join values, Std:JsonGet property files and condition operands', () => {
    const condition = {
      Name: 'Check',
      Type: 'Condition',
      Arguments: {
        Conditions: [
          { Type: 'Equals', LeftValue: { Get: 'Parameters.Thresold' }, RightValue: 1 },
          { Type: 'GreaterThan', LeftValue: { 'Std:JsonGet': { PropertyFile: { Get: 'Steps.Evaluat.PropertyFiles.Metrics' }, Path: 'x' } }, RightValue: 0 },
        ],
        IfSteps: [],
        ElseSteps: [],
      },
    };
    const joined = { 'Std:Join': { On: '/', Values: ['s3://bucket', { Get: 'Execution.PipelineExecutionId' }, { Get: 'Parameters.Prefx' }] } };
    const text = pipeline([failStep('Evaluate', joined), condition], [{ Name: 'Threshold', Type: 'Float', DefaultValue: 0.5 }, { Name: 'Prefix', Type: 'String' }]);
    assert.deepEqual(reported(text).map((finding) => textAt(text, finding)), ['Prefx', 'Thresold', 'Evaluat']);
  });

  it('says nothing of a declared parameter, an existing step, or an execution variable', () => {
    const args = {
      ExecutionRoleArn: { Get: 'Execution.PipelineExecutionArn' },
      PrimaryContainer: {
        Image: IMAGE,
        ModelDataUrl: { 'Std:Join': { On: '/', Values: [{ Get: 'Parameters.ModelData' }, { Get: 'Steps.Train.ModelArtifacts.S3ModelArtifacts' }, { Get: 'Execution.Bogus' }] } },
      },
    };
    const text = pipeline([failStep('Train', { Get: 'Steps.Train' }), { Name: 'Register', Type: 'Model', Arguments: args }], PARAMETERS);
    assert.deepEqual(analyzeWorkflow(text), []);
  });

  it('says the pipeline declares no Parameters when it has none, and offers no fix', () => {
    const text = pipeline([modelStep('Register', { Get: 'Parameters.ModelData' })]);
    const finding = only(analyzeWorkflow(text), 'undefined-pipeline-variable');
    assert.equal(finding.message, '"ModelData" is not a parameter of this pipeline (it declares no Parameters): the step has no value for it.');
    assert.deepEqual(finding.fixes, []);
  });

  it('offers equally near names without preferring one (fix-all leaves the choice)', () => {
    const text = pipeline([failStep('Stop', { Get: 'Parameters.InputC' })], [{ Name: 'InputA', Type: 'String' }, { Name: 'InputB', Type: 'String' }]);
    const finding = only(analyzeWorkflow(text), 'undefined-pipeline-variable');
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [['Change to "InputA"', false], ['Change to "InputB"', false]]);
    assert.match(finding.message, / Did you mean "InputA"\?$/);
  });

  it('reports in a definition with no request step of ours, and holds back while it does not parse', () => {
    const text = pipeline([failStep('Stop', { Get: 'Parameters.Mesage' })], [{ Name: 'Message', Type: 'String' }]);
    assert.equal(textAt(text, only(analyzeWorkflow(text), 'undefined-pipeline-variable')), 'Mesage');
    const broken = text.replace('"Type": "Fail",', '"Type": "Fail"');
    assert.deepEqual(analyzeWorkflow(broken).map((finding) => finding.code), ['invalid-json']);
  });

  it('is off when the rule is off', () => {
    const text = pipeline([modelStep('Register', { Get: 'Parameters.ModelDat' })], PARAMETERS);
    assert.deepEqual(analyzeWorkflow(text, { rules: { 'undefined-pipeline-variable': 'off' } }), []);
  });

  describe('in a CloudFormation PipelineDefinitionBody', () => {
    const template = pipelineBodyTemplate;

    it('reports on the template\'s characters, without fixes (the JSON is inside a string)', () => {
      const text = template([
        '{"Version": "2020-12-01",',
        ' "Parameters": [{"Name": "Message", "Type": "String"}],',
        ' "Steps": [{"Name": "Stop", "Type": "Fail", "Arguments": {"ErrorMessage": {"Std:Join": {"On": "", "Values": ["s3://${Bucket}/", {"Get": "Parameters.Mesage"}]}}}}]}',
      ]);
      const finding = only(analyzeYaml(text), 'undefined-pipeline-variable');
      assert.equal(textAt(text, finding), 'Mesage');
      assert.deepEqual(finding.fixes, []);
    });

    it('says nothing where a placeholder writes a parameter\'s name, or the Get itself', () => {
      const computedName = template([
        '{"Version": "2020-12-01",',
        ' "Parameters": [{"Name": "${Bucket}", "Type": "String"}],',
        ' "Steps": [{"Name": "Stop", "Type": "Fail", "Arguments": {"ErrorMessage": {"Get": "Parameters.Anything"}}}]}',
      ]);
      assert.deepEqual(analyzeYaml(computedName), []);
      const computedGet = template([
        '{"Version": "2020-12-01",',
        ' "Parameters": [],',
        ' "Steps": [{"Name": "Stop", "Type": "Fail", "Arguments": {"ErrorMessage": {"Get": "Parameters.${Bucket}"}}}]}',
      ]);
      assert.deepEqual(analyzeYaml(computedGet), []);
      const computedSteps = template([
        '{"Version": "2020-12-01",',
        ' "Steps": [{"Name": "${Bucket}", "Type": "Fail", "Arguments": {"ErrorMessage": {"Get": "Steps.Train.Anything"}}}]}',
      ]);
      assert.deepEqual(analyzeYaml(computedSteps), []);
    });

    it('maps the name through the JSON string\'s escapes in a JSON template', () => {
      const body = pipeline([failStep('Stop', { Get: 'Steps.Stp.Anything' })]);
      const text = JSON.stringify({ Resources: { Pipe: { Type: 'AWS::SageMaker::Pipeline', Properties: { PipelineName: 'p', RoleArn: ROLE, PipelineDefinition: { PipelineDefinitionBody: body } } } } }, null, 2);
      const finding = only(analyzeJsonTemplate(text), 'undefined-pipeline-variable');
      assert.equal(textAt(text, finding), 'Stp');
      assert.equal(finding.message, '"Stp" is not a step of this pipeline (its steps are Stop): the step has no value for it. Did you mean "Stop"?');
    });
  });
});
