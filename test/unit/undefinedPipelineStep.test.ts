// undefined-pipeline-step: a Pipelines step's `DependsOn` naming no step of the definition
// (condition branches count, and their steps' DependsOn is read too), in a .pipeline.json, in a
// CloudFormation PipelineDefinitionBody string (findings, no fixes there) and under
// Fn::ToJsonString (fixed in the template's syntax).
import * as assert from 'node:assert/strict';
import { RULES } from '../../src/core/rules/ruleCodes';
import { only, textAt } from './specTestKit';
import { analyzeWorkflow, applyWorkflowFix, pipelineBodyTemplate } from './workflowTestKit';
import { analyzeJsonTemplate, analyzeYaml, applyHostFix } from './yamlTestKit';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';

/** A step of a type holding no request of ours (few members to write), depending on `dependsOn`. */
const failStep = (name: string, dependsOn?: unknown) => ({ Name: name, Type: 'Fail', ...(dependsOn !== undefined && { DependsOn: dependsOn }), Arguments: { ErrorMessage: 'stop' } });

function pipeline(steps: unknown[]): string {
  return JSON.stringify({ Version: '2020-12-01', Steps: steps }, null, 2);
}

const reported = (text: string) => analyzeWorkflow(text).filter((finding) => finding.code === 'undefined-pipeline-step');

describe('undefined-pipeline-step', () => {
  it('is an error of its own code, documented as DependsOn', () => {
    assert.equal(RULES['undefined-pipeline-step'].severity, 'error');
    assert.match(RULES['undefined-pipeline-step'].summary, /DependsOn/);
  });

  it('reports a misspelt DependsOn name on the name, naming the steps, and fixes the name alone', () => {
    const text = pipeline([failStep('PrepareData'), failStep('Train', ['PrepareDat'])]);
    const finding = only(analyzeWorkflow(text), 'undefined-pipeline-step');
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding), 'PrepareDat');
    assert.equal(finding.message, '"PrepareDat" is not a step of this pipeline (its steps are PrepareData and Train): step "Train" cannot wait for it. Did you mean "PrepareData"?');
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [['Change to "PrepareData"', true]]);
    const fixed = applyWorkflowFix(text, finding);
    assert.equal(fixed, text.replace('"PrepareDat"', '"PrepareData"'));
    assert.deepEqual(analyzeWorkflow(fixed), []);
  });

  it('counts the steps of condition branches as declared, and reads the DependsOn of steps in branches', () => {
    const condition = {
      Name: 'CheckAccuracy',
      Type: 'Condition',
      DependsOn: ['Evaluate'],
      Arguments: {
        Conditions: [{ Type: 'Equals', LeftValue: 1, RightValue: 1 }],
        IfSteps: [failStep('Register', ['Evaluate', 'Trian'])],
        ElseSteps: [failStep('Evaluate', ['Train'])],
      },
    };
    const text = pipeline([failStep('Train'), condition]);
    const finding = only(analyzeWorkflow(text), 'undefined-pipeline-step');
    assert.equal(textAt(text, finding), 'Trian');
    assert.equal(finding.message, '"Trian" is not a step of this pipeline (its steps are Train, CheckAccuracy, Register and Evaluate): step "Register" cannot wait for it. Did you mean "Train"?');
    assert.equal(applyWorkflowFix(text, finding), text.replace('"Trian"', '"Train"'));
  });

  it('reports each unknown name of a list in document order, and says nothing of known ones', () => {
    const text = pipeline([failStep('Prepare'), failStep('Train'), failStep('Evaluate', ['Prepare', 'Tran', 'Nothing', 'Train'])]);
    assert.deepEqual(reported(text).map((finding) => textAt(text, finding)), ['Tran', 'Nothing']);
    // Far from every step: named, with nothing to offer.
    const far = reported(text)[1];
    assert.equal(far.message, '"Nothing" is not a step of this pipeline (its steps are Prepare, Train and Evaluate): step "Evaluate" cannot wait for it.');
    assert.deepEqual(far.fixes, []);
    assert.deepEqual(analyzeWorkflow(pipeline([failStep('Prepare'), failStep('Train', ['Prepare'])])), []);
  });

  it('never offers the step itself, nor a step its DependsOn lists already', () => {
    // "Trains" is nearest to the step's own name and to "Train", which it lists already: "Trainer" is what is left.
    const text = pipeline([failStep('Train'), failStep('Trainer'), failStep('Trains', ['Train', 'Trainz'])]);
    const finding = only(analyzeWorkflow(text), 'undefined-pipeline-step');
    assert.deepEqual(finding.fixes.map((fix) => fix.title), ['Change to "Trainer"']);
    assert.match(finding.message, / Did you mean "Trainer"\?$/);
  });

  it('offers equally near names without preferring one (fix-all leaves the choice)', () => {
    const text = pipeline([failStep('StepA'), failStep('StepB'), failStep('Last', ['StepC'])]);
    const finding = only(analyzeWorkflow(text), 'undefined-pipeline-step');
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [['Change to "StepA"', false], ['Change to "StepB"', false]]);
  });

  it('reports an empty name on its quotes, with no fix', () => {
    const text = pipeline([failStep('Prepare'), failStep('Train', [''])]);
    const finding = only(analyzeWorkflow(text), 'undefined-pipeline-step');
    assert.equal(textAt(text, finding), '""');
    assert.deepEqual(finding.fixes, []);
  });

  it('counts many steps in the message, and maps the name through escapes', () => {
    const names = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'];
    const text = pipeline([...names.map((name) => failStep(name)), failStep('Last', ['S\\u0039'])]).replace('S\\\\u0039', 'S\\u0039');
    const finding = only(analyzeWorkflow(text), 'undefined-pipeline-step');
    assert.equal(textAt(text, finding), 'S\\u0039');
    assert.match(finding.message, /^"S9" is not a step of this pipeline \(its steps are S1, S2, S3, S4, S5 and 3 more\): step "Last" cannot wait for it\./);
  });

  it('leaves a DependsOn that is no list, or an item that is no string, to invalid-type; reports in a definition with no request step of ours', () => {
    const malformed = pipeline([failStep('Prepare'), failStep('Train', 'Prepar'), failStep('Eval', [1, { Get: 'Steps.Prepare' }])]);
    assert.deepEqual(analyzeWorkflow(malformed).map((finding) => finding.code), ['invalid-type', 'invalid-type', 'invalid-type']);
    const text = pipeline([failStep('Prepare'), failStep('Train', ['Prepar'])]);
    assert.equal(textAt(text, only(analyzeWorkflow(text), 'undefined-pipeline-step')), 'Prepar');
  });

  it('holds back while the definition does not parse, and is off when the rule is off', () => {
    const text = pipeline([failStep('Prepare'), failStep('Train', ['Prepar'])]);
    const broken = text.replace('"Type": "Fail",', '"Type": "Fail"');
    assert.deepEqual(analyzeWorkflow(broken).map((finding) => finding.code), ['invalid-json']);
    assert.deepEqual(analyzeWorkflow(text, { rules: { 'undefined-pipeline-step': 'off' } }), []);
  });

  it('stands beside undefined-pipeline-variable: a Get of a misspelt step is that code, a DependsOn this one', () => {
    const model = { Name: 'Register', Type: 'Fail', DependsOn: ['Trian'], Arguments: { ErrorMessage: { Get: 'Steps.Trian.ModelArtifacts.S3ModelArtifacts' } } };
    const text = pipeline([failStep('Train'), model]);
    // In document order: DependsOn is written before Arguments.
    assert.deepEqual(analyzeWorkflow(text).map((finding) => [finding.code, textAt(text, finding)]), [
      ['undefined-pipeline-step', 'Trian'],
      ['undefined-pipeline-variable', 'Trian'],
    ]);
    assert.deepEqual(analyzeWorkflow(text, { rules: { 'undefined-pipeline-variable': 'off' } }).map((finding) => finding.code), ['undefined-pipeline-step']);
  });

  describe('a DependsOn that is no list of step names (invalid-type)', () => {
    it('reports a lone string on the string, naming the step, and wraps it in a list', () => {
      const text = pipeline([failStep('Prepare'), failStep('Train', 'Prepare')]);
      const finding = only(analyzeWorkflow(text), 'invalid-type');
      assert.equal(finding.severity, 'error');
      assert.equal(textAt(text, finding), 'Prepare');
      assert.equal(finding.message, '"DependsOn" of step "Train" must be a list of step names, not a string, even for one step: ["Prepare"].');
      assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [['Write a list: ["Prepare"]', true]]);
      const fixed = applyWorkflowFix(text, finding);
      assert.equal(fixed, text.replace('"DependsOn": "Prepare"', '"DependsOn": ["Prepare"]'));
      assert.deepEqual(analyzeWorkflow(fixed), []);
    });

    it('reports another value on itself without a fix, and each list item that is no string', () => {
      const text = pipeline([failStep('Prepare'), failStep('Train', { Get: 'Steps.Prepare' }), failStep('Eval', ['Prepare', 2, null])]);
      const found = analyzeWorkflow(text);
      assert.deepEqual(found.map((finding) => [finding.code, textAt(text, finding)]), [
        ['invalid-type', text.slice(text.indexOf('{\n        "Get"'), text.indexOf('}', text.indexOf('"Get"')) + 1)],
        ['invalid-type', '2'],
        ['invalid-type', 'null'],
      ]);
      assert.equal(found[0].message, '"DependsOn" of step "Train" must be a list of step names, not an object.');
      assert.deepEqual(found[0].fixes, []);
      assert.equal(found[1].message, 'A "DependsOn" item is the name of a step (a string), not a number: step "Eval" cannot wait for it.');
    });

    it('reads the steps of condition branches too, and is off with invalid-type', () => {
      const condition = { Name: 'Check', Type: 'Condition', Arguments: { Conditions: [], IfSteps: [failStep('Deploy', 'Check')], ElseSteps: [] } };
      const text = pipeline([condition]);
      assert.equal(textAt(text, only(analyzeWorkflow(text), 'invalid-type')), 'Check');
      assert.deepEqual(analyzeWorkflow(text, { rules: { 'invalid-type': 'off' } }), []);
    });

    it('says nothing of a DependsOn a template\'s placeholder writes, and offers no fix inside a PipelineDefinitionBody string', () => {
      const computed = pipelineBodyTemplate(['{"Version": "2020-12-01",', ' "Steps": [{"Name": "Train", "Type": "Fail", "DependsOn": "${Steps}", "Arguments": {"ErrorMessage": "x"}}]}']);
      assert.deepEqual(analyzeYaml(computed), []);
      const text = pipelineBodyTemplate(['{"Version": "2020-12-01",', ' "Steps": [{"Name": "Prep", "Type": "Fail", "Arguments": {"ErrorMessage": "${Bucket}"}},', '           {"Name": "Train", "Type": "Fail", "DependsOn": "Prep", "Arguments": {"ErrorMessage": "x"}}]}']);
      const finding = only(analyzeYaml(text), 'invalid-type');
      assert.equal(textAt(text, finding), 'Prep');
      assert.deepEqual(finding.fixes, []);
    });
  });

  describe('in a CloudFormation template', () => {
    const template = pipelineBodyTemplate;

    it('reports in a PipelineDefinitionBody string on the template\'s characters, without fixes (the JSON is inside a string)', () => {
      const text = template([
        '{"Version": "2020-12-01",',
        ' "Steps": [{"Name": "Prepare", "Type": "Fail", "Arguments": {"ErrorMessage": "s3://${Bucket}/"}},',
        '           {"Name": "Train", "Type": "Fail", "DependsOn": ["Prepar"], "Arguments": {"ErrorMessage": "x"}}]}',
      ]);
      const finding = only(analyzeYaml(text), 'undefined-pipeline-step');
      assert.equal(textAt(text, finding), 'Prepar');
      assert.match(finding.message, / Did you mean "Prepare"\?$/);
      assert.deepEqual(finding.fixes, []);
    });

    it('says nothing where a placeholder writes a step\'s name or the DependsOn name', () => {
      const computedStep = template([
        '{"Version": "2020-12-01",',
        ' "Steps": [{"Name": "${Bucket}", "Type": "Fail", "Arguments": {"ErrorMessage": "x"}},',
        '           {"Name": "Train", "Type": "Fail", "DependsOn": ["Anything"], "Arguments": {"ErrorMessage": "x"}}]}',
      ]);
      assert.deepEqual(analyzeYaml(computedStep), []);
      const computedName = template([
        '{"Version": "2020-12-01",',
        ' "Steps": [{"Name": "Train", "Type": "Fail", "DependsOn": ["${Bucket}"], "Arguments": {"ErrorMessage": "x"}}]}',
      ]);
      assert.deepEqual(analyzeYaml(computedName), []);
    });

    it('maps the name through the JSON string\'s escapes in a JSON template', () => {
      const body = pipeline([failStep('Stop'), failStep('Train', ['Stp'])]);
      const text = JSON.stringify({ Resources: { Pipe: { Type: 'AWS::SageMaker::Pipeline', Properties: { PipelineName: 'p', RoleArn: ROLE, PipelineDefinition: { PipelineDefinitionBody: body } } } } }, null, 2);
      const finding = only(analyzeJsonTemplate(text), 'undefined-pipeline-step');
      assert.equal(textAt(text, finding), 'Stp');
      assert.equal(finding.message, '"Stp" is not a step of this pipeline (its steps are Stop and Train): step "Train" cannot wait for it. Did you mean "Stop"?');
    });

    it('fixes the name in YAML under Fn::ToJsonString, where the definition is the template\'s own mapping', () => {
      const text = [
        'Transform: AWS::LanguageExtensions',
        'Resources:',
        '  Pipe:',
        '    Type: AWS::SageMaker::Pipeline',
        '    Properties:',
        '      PipelineName: p',
        `      RoleArn: ${ROLE}`,
        '      PipelineDefinition:',
        '        PipelineDefinitionBody:',
        '          Fn::ToJsonString:',
        "            Version: '2020-12-01'",
        '            Steps:',
        '              - Name: Prepare',
        '                Type: Fail',
        '                Arguments: { ErrorMessage: x }',
        '              - Name: Train',
        '                Type: Fail',
        '                DependsOn: [Prepar]',
        '                Arguments: { ErrorMessage: x }',
        '',
      ].join('\n');
      const finding = only(analyzeYaml(text), 'undefined-pipeline-step');
      assert.equal(textAt(text, finding), 'Prepar');
      assert.equal(applyHostFix(text, finding), text.replace('DependsOn: [Prepar]', 'DependsOn: [Prepare]'));
    });

    it('wraps a lone DependsOn name in a YAML list under Fn::ToJsonString', () => {
      const lines = ['Transform: AWS::LanguageExtensions', 'Resources:', '  Pipe:', '    Type: AWS::SageMaker::Pipeline', '    Properties:', '      PipelineName: p', `      RoleArn: ${ROLE}`, '      PipelineDefinition:', '        PipelineDefinitionBody:', '          Fn::ToJsonString:', "            Version: '2020-12-01'", '            Steps:', '              - Name: Prepare', '                Type: Fail', '                Arguments: { ErrorMessage: x }', '              - Name: Train', '                Type: Fail', '                DependsOn: Prepare # waits', '                Arguments: { ErrorMessage: x }', ''];
      const text = lines.join('\n');
      const finding = only(analyzeYaml(text), 'invalid-type');
      assert.equal(textAt(text, finding), 'Prepare');
      const fixed = applyHostFix(text, finding);
      assert.equal(fixed, text.replace('DependsOn: Prepare # waits', 'DependsOn: [Prepare] # waits'));
      assert.deepEqual(analyzeYaml(fixed), []);
    });
  });
});
