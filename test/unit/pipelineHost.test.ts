// SageMaker Pipelines definitions as a host: the requests of Training/Processing/Transform/Tuning/
// Model steps (condition branches too), the name member the pipeline supplies, the Pipelines
// functions as dynamic values, Std:Join templates and parameters checked through their defaults.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readJsonDocument } from '../../src/core/hostDocument';
import { findPipelineRequests } from '../../src/core/hosts/workflows/pipelineRequests';
import { parseTree } from 'jsonc-parser';
import { codes, only, textAt, XGBOOST_US_EAST_1 } from './specTestKit';
import { analyzeWorkflow, applyWorkflowFix, completeWorkflow, hoverWorkflow } from './workflowTestKit';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');
const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';

/** The Arguments of a valid Training step (no TrainingJobName: the pipeline supplies it). */
function trainingArguments(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    RoleArn: ROLE,
    AlgorithmSpecification: { TrainingImage: `${XGBOOST_US_EAST_1}:1.7-1`, TrainingInputMode: 'File' },
    OutputDataConfig: { S3OutputPath: 's3://bucket/output' },
    ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    ...overrides,
  };
}

/** A pipeline definition with `steps` and `parameters`, pretty-printed as the SDK writes it. */
function pipeline(steps: unknown[], parameters: unknown[] = []): string {
  return JSON.stringify({ Version: '2020-12-01', Metadata: {}, Parameters: parameters, Steps: steps }, null, 2);
}

const trainingStep = (args: Record<string, unknown>, name = 'Train') => ({ Name: name, Type: 'Training', Arguments: args });

describe('Pipelines host', () => {
  it('yields each request step (condition branches included) with its kind, name and Arguments object', () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'xgboost-churn.pipeline.json'), 'utf8');
    const requests = readJsonDocument(text).requests;
    assert.deepEqual(requests.map((request) => [request.kind, request.embedding?.name, request.embedding?.path]), [
      ['CreateProcessingJob', 'PrepareData', ['Steps', 0, 'Arguments']],
      ['CreateTrainingJob', 'TrainModel', ['Steps', 1, 'Arguments']],
      ['CreateModel', 'CreateModel', ['Steps', 2, 'Arguments', 'IfSteps', 0, 'Arguments']],
    ]);
    for (const request of requests) {
      const root = request.root!;
      assert.equal(text[root.offset], '{');
      assert.match(text.slice(0, root.offset), /"Arguments": $/);
    }
    assert.deepEqual([...requests[1].embedding!.suppliedMembers], ['TrainingJobName']);
    assert.deepEqual(analyzeWorkflow(text), []);
  });

  it('maps each step type to its request, and never asks for the name member the pipeline supplies', () => {
    const types = { Training: ['CreateTrainingJob', 'TrainingJobName'], Processing: ['CreateProcessingJob', 'ProcessingJobName'], Transform: ['CreateTransformJob', 'TransformJobName'], Tuning: ['CreateHyperParameterTuningJob', 'HyperParameterTuningJobName'], Model: ['CreateModel', 'ModelName'] };
    for (const [type, [kind, nameMember]] of Object.entries(types)) {
      const text = pipeline([{ Name: 'S', Type: type, Arguments: {} }]);
      assert.deepEqual(readJsonDocument(text).requests.map((request) => request.kind), [kind]);
      const missing = analyzeWorkflow(text).filter((finding) => finding.code === 'missing-required-property').map((finding) => /needs "(\w+)"/.exec(finding.message)?.[1]);
      assert.ok(!missing.includes(nameMember), `${type}: ${missing.join(', ')}`);
      // The other required members are still asked for (CreateModel requires only its name).
      assert.equal(missing.length > 0, type !== 'Model', `${type}: ${missing.join(', ')}`);
    }
  });

  it('leaves other step types and other JSON alone', () => {
    const text = pipeline([{ Name: 'Notify', Type: 'Lambda', Arguments: { AlgorithmSpecification: 'not ours' } }, { Name: 'Stop', Type: 'Fail', Arguments: { ErrorMessage: 'x' } }]);
    assert.deepEqual(readJsonDocument(text).requests, []);
    assert.deepEqual(readJsonDocument('{"Steps": [], "Arguments": {}}').requests, []);
  });

  it('counts the name the pipeline supplies as present, and reports the other missing members on "Arguments"', () => {
    const args = trainingArguments();
    delete args.RoleArn;
    const text = pipeline([trainingStep(args)]);
    const missing = only(analyzeWorkflow(text), 'missing-required-property');
    assert.equal(textAt(text, missing), 'Arguments');
    assert.equal(missing.message, 'The CreateTrainingJob request needs "RoleArn" (a string).');
    assert.match(applyWorkflowFix(text, missing), /"StoppingCondition": \{\n {10}"MaxRuntimeInSeconds": 3600\n {8}\},\n {8}"RoleArn": ""\n {6}\}/);
  });

  it('names a step\'s request, not its "Arguments" key, when a member is no member of it', () => {
    const text = pipeline([trainingStep(trainingArguments({ Bogus: 1 }))]);
    const unknown = only(analyzeWorkflow(text), 'unknown-property');
    assert.equal(textAt(text, unknown), 'Bogus');
    assert.match(unknown.message, /^"Bogus" is not a member of the CreateTrainingJob request\./);
  });

  it('checks every rule inside a step, with fixes written into the definition', () => {
    const text = pipeline([trainingStep(trainingArguments({ ResourceConfig: { InstanceType: 'ml.m5.xlarg', InstanceCount: 1, VolumeSizeInGB: 10 } }))]);
    const finding = only(analyzeWorkflow(text), 'invalid-enum-value');
    assert.equal(textAt(text, finding), 'ml.m5.xlarg');
    assert.equal(applyWorkflowFix(text, finding), text.replace('"ml.m5.xlarg"', '"ml.m5.xlarge"'));
  });

  it('checks the image rules in a step, with the fix in place', () => {
    const text = pipeline([trainingStep(trainingArguments({ AlgorithmSpecification: { TrainingImage: `${XGBOOST_US_EAST_1}:latest`, TrainingInputMode: 'File' } }))]);
    const finding = only(analyzeWorkflow(text), 'xgboost-unpinned');
    assert.equal(textAt(text, finding), 'latest');
  });

  describe('dynamic values', () => {
    const dynamicValues: Record<string, unknown> = {
      'a step property': { Get: 'Steps.Prepare.ProcessingOutputConfig.Outputs[\'train\'].S3Output.S3Uri' },
      'an execution variable': { Get: 'Execution.PipelineExecutionId' },
      'a parameter without a default': { Get: 'Parameters.NoDefault' },
      'a Std:JsonGet': { 'Std:JsonGet': { PropertyFile: { Get: 'Steps.Eval.PropertyFiles.Metrics' }, Path: 'x' } },
      'a Std:Join with nothing static to judge': { 'Std:Join': { On: '', Values: [{ Get: 'Execution.PipelineExecutionId' }] } },
    };
    for (const [label, value] of Object.entries(dynamicValues)) {
      it(`${label} is present and never judged, whatever member it feeds`, () => {
        // A parameter's declared Type is known (String here): it feeds only string members.
        const typed = label === 'a parameter without a default';
        const args = trainingArguments({
          RoleArn: value,
          AlgorithmSpecification: { TrainingImage: value, TrainingInputMode: value },
          ResourceConfig: { InstanceType: value, InstanceCount: typed ? 1 : value, VolumeSizeInGB: 10 },
          ...(typed ? {} : { StoppingCondition: value }),
        });
        // The steps the properties are read from (Prepare, Eval): other step types, no request of ours.
        const others = ['Prepare', 'Eval'].map((name) => ({ Name: name, Type: 'Fail', Arguments: { ErrorMessage: 'x' } }));
        assert.deepEqual(analyzeWorkflow(pipeline([trainingStep(args), ...others], [{ Name: 'NoDefault', Type: 'String' }])), []);
      });
    }
  });

  describe('parameters', () => {
    const parameters = [
      { Name: 'InstanceType', Type: 'String', DefaultValue: 'ml.m5.xlarg' },
      { Name: 'MaxRuntime', Type: 'Integer', DefaultValue: 0 },
      { Name: 'Image', Type: 'String', DefaultValue: `${XGBOOST_US_EAST_1}:latest` },
    ];
    const text = pipeline(
      [trainingStep(trainingArguments({
        AlgorithmSpecification: { TrainingImage: { Get: 'Parameters.Image' }, TrainingInputMode: 'File' },
        ResourceConfig: { InstanceType: { Get: 'Parameters.InstanceType' }, InstanceCount: 1, VolumeSizeInGB: 10 },
        StoppingCondition: { MaxRuntimeInSeconds: { Get: 'Parameters.MaxRuntime' } },
      }))],
      parameters,
    );
    const findings = analyzeWorkflow(text);

    it('checks a parameter through its DefaultValue against the member it feeds, and reports on the DefaultValue', () => {
      assert.deepEqual(codes(findings), ['invalid-enum-value', 'value-out-of-range', 'xgboost-unpinned']);
      const enumFinding = only(findings, 'invalid-enum-value');
      assert.equal(textAt(text, enumFinding), 'ml.m5.xlarg');
      assert.ok(enumFinding.offset < text.indexOf('"Steps"'), 'on the DefaultValue in Parameters');
      assert.match(enumFinding.message, /DefaultValue of pipeline parameter "InstanceType"/);
      assert.equal(textAt(text, only(findings, 'value-out-of-range')), '0');
    });

    it('fixes the DefaultValue', () => {
      assert.equal(applyWorkflowFix(text, only(findings, 'invalid-enum-value')), text.replace('"ml.m5.xlarg"', '"ml.m5.xlarge"'));
      assert.equal(applyWorkflowFix(text, only(findings, 'value-out-of-range')), text.replace('"DefaultValue": 0', '"DefaultValue": 1'));
    });

    it('checks an image parameter with the image rules, on its DefaultValue', () => {
      const finding = only(findings, 'xgboost-unpinned');
      assert.equal(textAt(text, finding), 'latest');
      assert.match(finding.message, /parameter "Image"/);
    });

    it('checks a hyperparameter read from a parameter through its DefaultValue, and reports on the DefaultValue', () => {
      const algorithmText = pipeline(
        [trainingStep(trainingArguments({
          HyperParameters: { objective: { Get: 'Parameters.Objective' }, num_round: { Get: 'Parameters.NumRound' }, eta: { Get: 'Parameters.Eta' }, max_depth: { Get: 'Execution.PipelineExecutionId' } },
          InputDataConfig: [{ ChannelName: 'train', ContentType: 'text/csv', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/train' } } }],
        }))],
        [
          { Name: 'Objective', Type: 'String', DefaultValue: 'multi:softmax' },
          { Name: 'NumRound', Type: 'String', DefaultValue: '100.5' },
          { Name: 'Eta', Type: 'String' },
        ],
      );
      const algorithmFindings = analyzeWorkflow(algorithmText, { algorithms: true });
      // The valid objective default raises nothing, and being a default (overridable at run time)
      // it sets off no cross-hyperparameter rule (multi:softmax would need num_class).
      assert.deepEqual(codes(algorithmFindings), ['algorithm-invalid-hyperparameter']);
      const finding = algorithmFindings[0];
      assert.equal(textAt(algorithmText, finding), '100.5');
      assert.ok(finding.offset < algorithmText.indexOf('"Steps"'), 'on the DefaultValue in Parameters');
      assert.equal(finding.message, 'XGBoost 1.7-1 hyperparameter "num_round": "100.5" is not an integer. SageMaker accepts the job, and it fails inside the container when it starts. (Reported on the DefaultValue of pipeline parameter "NumRound".)');
      // A valid default is silent.
      assert.deepEqual(analyzeWorkflow(algorithmText.replace('"100.5"', '"100"'), { algorithms: true }), []);
    });

    it('judges a GPU image against the instance type a parameter defaults to', () => {
      const gpu = pipeline(
        [trainingStep(trainingArguments({
          AlgorithmSpecification: { TrainingImage: '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.6.0-gpu-py312', TrainingInputMode: 'File' },
          ResourceConfig: { InstanceType: { Get: 'Parameters.InstanceType' }, InstanceCount: 1, VolumeSizeInGB: 10 },
        }))],
        [{ Name: 'InstanceType', Type: 'String', DefaultValue: 'ml.m5.xlarge' }],
      );
      const finding = only(analyzeWorkflow(gpu), 'image-processor-mismatch');
      assert.equal(textAt(gpu, finding), 'ml.m5.xlarge');
      assert.ok(finding.offset < gpu.indexOf('"Steps"'));
    });

    it('judges a built-in algorithm\'s instances through parameters: each type default and EnumValues item, and the count default, in its own place', () => {
      const imageClassification = '811284229777.dkr.ecr.us-east-1.amazonaws.com/image-classification:1';
      const channel = (name: string) => ({ ChannelName: name, ContentType: 'application/x-recordio', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://bucket/${name}` } } });
      const text = pipeline(
        [trainingStep(trainingArguments({
          AlgorithmSpecification: { TrainingImage: imageClassification, TrainingInputMode: 'File' },
          HyperParameters: { num_classes: '2', num_training_samples: '100' },
          InputDataConfig: [channel('train'), channel('validation')],
          ResourceConfig: { InstanceType: { Get: 'Parameters.InstanceType' }, InstanceCount: 1, VolumeSizeInGB: 10 },
        }))],
        [{ Name: 'InstanceType', Type: 'String', DefaultValue: 'ml.m5.xlarge', EnumValues: ['ml.m5.xlarge', 'ml.p3.2xlarge', 'ml.c5.xlarge'] }],
      );
      const found = analyzeWorkflow(text, { algorithms: true });
      assert.deepEqual(found.map((finding) => [finding.code, textAt(text, finding)]), [
        ['algorithm-instance', 'ml.m5.xlarge'],
        ['algorithm-instance', 'ml.m5.xlarge'],
        ['algorithm-instance', 'ml.c5.xlarge'],
      ]);
      assert.equal(found[0].message, 'ml.m5.xlarge has no GPU, and Image Classification trains on GPU instances only: SageMaker refuses the job at submission. Use a GPU instance type (ml.p3, ml.g5, …). (Reported on the DefaultValue of pipeline parameter "InstanceType".)');
      assert.match(found[1].message, /\(Reported on an EnumValues item of pipeline parameter "InstanceType"\.\)$/);
      // A GPU default and GPU choices are silent; so is a value nothing written tells.
      assert.deepEqual(analyzeWorkflow(text.replace(/"ml\.[mc]5\.xlarge"/g, '"ml.p3.2xlarge"'), { algorithms: true }), []);
      assert.deepEqual(analyzeWorkflow(text.replace('"Parameters.InstanceType"', '"Execution.PipelineExecutionId"'), { algorithms: true }), []);

      // LDA trains on one instance: an InstanceCount default of 2 is reported on the default, and fixed there.
      const lda = pipeline(
        [trainingStep(trainingArguments({
          AlgorithmSpecification: { TrainingImage: '766337827248.dkr.ecr.us-east-1.amazonaws.com/lda:1', TrainingInputMode: 'File' },
          HyperParameters: { num_topics: '5', feature_dim: '100', mini_batch_size: '10' },
          InputDataConfig: [channel('train')],
          ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: { Get: 'Parameters.Count' }, VolumeSizeInGB: 10 },
        }))],
        [{ Name: 'Count', Type: 'Integer', DefaultValue: 2 }],
      );
      const count = only(analyzeWorkflow(lda, { algorithms: true }), 'algorithm-instance');
      assert.equal(textAt(lda, count), '2');
      assert.ok(count.offset < lda.indexOf('"Steps"'), 'on the DefaultValue');
      assert.equal(applyWorkflowFix(lda, count), lda.replace('"DefaultValue": 2', '"DefaultValue": 1'));
    });

    it('reports a parameter whose declared Type the member does not take on the Get, whatever its default', () => {
      const typed = pipeline(
        [trainingStep(trainingArguments({
          HyperParameters: { num_round: { Get: 'Parameters.Rounds' } },
          ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: { Get: 'Parameters.Count' }, VolumeSizeInGB: { Get: 'Parameters.Volume' } },
          StoppingCondition: { MaxRuntimeInSeconds: { Get: 'Parameters.Runtime' } },
        }))],
        [
          { Name: 'Rounds', Type: 'Integer', DefaultValue: 100 },
          { Name: 'Count', Type: 'String', DefaultValue: '2' },
          { Name: 'Volume', Type: 'Integer', DefaultValue: 30 },
          { Name: 'Runtime', Type: 'Float', DefaultValue: 3600.5 },
        ],
      );
      const found = analyzeWorkflow(typed);
      assert.deepEqual(found.map((finding) => [finding.code, textAt(typed, finding).replace(/\s+/g, ' '), finding.message]), [
        ['invalid-type', '{ "Get": "Parameters.Count" }', 'InstanceCount must be an integer, not the String pipeline parameter "Count".'],
        ['invalid-type', '{ "Get": "Parameters.Runtime" }', 'MaxRuntimeInSeconds must be an integer, not the Float pipeline parameter "Runtime".'],
        ['invalid-type', '{ "Get": "Parameters.Rounds" }', 'A value of HyperParameters must be a string, not the Integer pipeline parameter "Rounds".'],
      ]);
      const [count, runtime, rounds] = found;
      // A string member takes any parameter through Std:Join, as the SageMaker Python SDK writes it: applied by fix-all.
      assert.deepEqual(rounds.fixes.map((fix) => [fix.title, fix.preferred, fix.changesBehaviour]), [['Convert to a string with Std:Join', true, undefined]]);
      // Written in the document's own layout (pretty-printed, as the SDK writes definitions).
      assert.equal(applyWorkflowFix(typed, rounds), typed.replace(/\{\n( *)"Get": "Parameters.Rounds"\n *\}/, (_, indent: string) => JSON.stringify({ 'Std:Join': { On: '', Values: [{ Get: 'Parameters.Rounds' }] } }, null, 2).replace(/\n/g, `\n${indent.slice(2)}`)));
      // A number member needs the parameter declared so, its default converted: the pipeline's interface changes, so only offered.
      assert.deepEqual(count.fixes.map((fix) => [fix.title, fix.changesBehaviour]), [['Declare "Count" an Integer parameter', true]]);
      assert.equal(applyWorkflowFix(typed, count), typed.replace('"Name": "Count",\n      "Type": "String",\n      "DefaultValue": "2"', '"Name": "Count",\n      "Type": "Integer",\n      "DefaultValue": 2'));
      // 3600.5 is no integer: no conversion, no fix.
      assert.deepEqual(runtime.fixes, []);
    });

    it('checks each EnumValues item as a value the parameter may take, and fixes each where it is written', () => {
      const listed = pipeline(
        [trainingStep(trainingArguments({ ResourceConfig: { InstanceType: { Get: 'Parameters.InstanceType' }, InstanceCount: 1, VolumeSizeInGB: 10 } }))],
        [{ Name: 'InstanceType', Type: 'String', DefaultValue: 'ml.m5.2xlarg', EnumValues: ['ml.m5.2xlarg', 'ml.c5.2xlarge', 'ml.g5.xlarg'] }],
      );
      const found = analyzeWorkflow(listed);
      assert.deepEqual(found.map((finding) => [finding.code, textAt(listed, finding)]), [
        ['invalid-enum-value', 'ml.m5.2xlarg'],
        ['invalid-enum-value', 'ml.m5.2xlarg'],
        ['invalid-enum-value', 'ml.g5.xlarg'],
      ]);
      assert.match(found[0].message, /DefaultValue of pipeline parameter "InstanceType"/);
      assert.match(found[1].message, /an EnumValues item of pipeline parameter "InstanceType"/);
      assert.ok(found[1].offset > listed.indexOf('"EnumValues"'));
      assert.equal(applyWorkflowFix(listed, found[2]), listed.replace('"ml.g5.xlarg"', '"ml.g5.xlarge"'));
    });

    it('an Integer parameter in an enum member: only declaring it a String is a fix (its text would be no enum value)', () => {
      const typed = pipeline(
        [trainingStep(trainingArguments({ AlgorithmSpecification: { TrainingImage: `${XGBOOST_US_EAST_1}:1.7-1`, TrainingInputMode: { Get: 'Parameters.Mode' } } }))],
        [{ Name: 'Mode', Type: 'Integer', DefaultValue: 1 }],
      );
      const finding = only(analyzeWorkflow(typed), 'invalid-type');
      assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.changesBehaviour]), [['Declare "Mode" a String parameter', true]]);
      const declared = applyWorkflowFix(typed, finding);
      assert.match(declared, /"Name": "Mode",\n\s*"Type": "String",\n\s*"DefaultValue": "1"/);
      // Declared a String, its default is judged against the enum.
      assert.deepEqual(codes(analyzeWorkflow(declared)), ['invalid-enum-value']);
    });

    it('an Integer or Float default joined with Std:Join (the SDK\'s to_string()) is still judged as a hyperparameter, on the default', () => {
      const joined = (name: string) => ({ 'Std:Join': { On: '', Values: [{ Get: `Parameters.${name}` }] } });
      const text = pipeline(
        [trainingStep(trainingArguments({
          HyperParameters: { num_round: joined('NumRound'), eta: joined('Eta') },
          InputDataConfig: [{ ChannelName: 'train', ContentType: 'text/csv', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/train' } } }],
        }))],
        [{ Name: 'NumRound', Type: 'Integer', DefaultValue: 0 }, { Name: 'Eta', Type: 'Float', DefaultValue: 2.5 }],
      );
      const found = analyzeWorkflow(text, { algorithms: true });
      assert.deepEqual(found.map((finding) => [finding.code, textAt(text, finding)]), [['algorithm-invalid-hyperparameter', '0'], ['algorithm-invalid-hyperparameter', '2.5']]);
      assert.match(found[0].message, /"num_round": "0" is below the lower bound 1.*\(Reported on the DefaultValue of pipeline parameter "NumRound"\.\)$/);
      assert.deepEqual(found.map((finding) => finding.fixes), [[], []]);
    });

    it('checks image and hyperparameter EnumValues items too, each where it is written', () => {
      const text = pipeline(
        [trainingStep(trainingArguments({
          AlgorithmSpecification: { TrainingImage: { Get: 'Parameters.Image' }, TrainingInputMode: 'File' },
          HyperParameters: { num_round: { Get: 'Parameters.Rounds' } },
          InputDataConfig: [{ ChannelName: 'train', ContentType: 'text/csv', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/train' } } }],
        }))],
        [
          { Name: 'Image', Type: 'String', DefaultValue: `${XGBOOST_US_EAST_1}:1.7-1`, EnumValues: [`${XGBOOST_US_EAST_1}:1.7-1`, `${XGBOOST_US_EAST_1}:latest`] },
          { Name: 'Rounds', Type: 'String', DefaultValue: '10', EnumValues: ['10', 'abc'] },
        ],
      );
      const found = analyzeWorkflow(text, { algorithms: true });
      assert.deepEqual(found.map((finding) => [finding.code, textAt(text, finding)]), [['xgboost-unpinned', 'latest'], ['algorithm-invalid-hyperparameter', 'abc']]);
      for (const finding of found) assert.match(finding.message, /\(Reported on an EnumValues item of pipeline parameter "(Image|Rounds)"\.\)$/);
    });

    it('never fixes an EnumValues item into another item of the list (the choice would be there twice)', () => {
      const text = pipeline(
        [trainingStep(trainingArguments({
          HyperParameters: { num_round: '10', objective: { Get: 'Parameters.Objective' } },
          ResourceConfig: { InstanceType: { Get: 'Parameters.InstanceType' }, InstanceCount: 1, VolumeSizeInGB: 10 },
          InputDataConfig: [{ ChannelName: 'train', ContentType: 'text/csv', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/train' } } }],
        }))],
        [
          { Name: 'InstanceType', Type: 'String', DefaultValue: 'ml.m5.xlarge', EnumValues: ['ml.m5.xlarge', 'ml.m5.xlarg'] },
          { Name: 'Objective', Type: 'String', DefaultValue: 'binary:logistic', EnumValues: ['binary:logistic', 'binary:logistik'] },
        ],
      );
      const found = analyzeWorkflow(text, { algorithms: true });
      assert.deepEqual(found.map((finding) => [finding.code, textAt(text, finding)]), [['invalid-enum-value', 'ml.m5.xlarg'], ['algorithm-invalid-hyperparameter', 'binary:logistik']]);
      for (const finding of found) {
        assert.ok(!finding.fixes.some((fix) => fix.title === 'Use "ml.m5.xlarge"' || fix.title === 'Change to "binary:logistic"'), JSON.stringify(finding.fixes.map((fix) => fix.title)));
      }
    });

    it('reports a missing channel in the step whose image a parameter gives, not on the shared default', () => {
      const shared = pipeline(
        [
          trainingStep(trainingArguments({
            AlgorithmSpecification: { TrainingImage: { Get: 'Parameters.Image' }, TrainingInputMode: 'File' },
            HyperParameters: { num_round: '10' },
            InputDataConfig: [{ ChannelName: 'train', ContentType: 'text/csv', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/train' } } }],
          }), 'WithChannel'),
          trainingStep(trainingArguments({ AlgorithmSpecification: { TrainingImage: { Get: 'Parameters.Image' }, TrainingInputMode: 'File' }, HyperParameters: { num_round: '10' } }), 'WithoutChannel'),
        ],
        [{ Name: 'Image', Type: 'String', DefaultValue: `${XGBOOST_US_EAST_1}:1.7-1` }],
      );
      const finding = only(analyzeWorkflow(shared, { algorithms: true }), 'algorithm-channel');
      assert.ok(finding.offset > shared.indexOf('"WithoutChannel"'), 'in the step without the channel');
      assert.match(textAt(shared, finding), /^\{\s*"Get": "Parameters.Image"\s*\}$/);
    });

    it('does not check a default against a member the parameter does not feed', () => {
      const unused = pipeline([trainingStep(trainingArguments())], parameters);
      assert.deepEqual(analyzeWorkflow(unused), []);
    });
  });

  describe('Std:Join templates', () => {
    const joined = (values: unknown[]) => pipeline(
      [trainingStep(trainingArguments({ AlgorithmSpecification: { TrainingImage: { 'Std:Join': { On: '', Values: values } }, TrainingInputMode: 'File' } }))],
      [{ Name: 'Region', Type: 'String', DefaultValue: 'us-east-1' }, { Name: 'Tag', Type: 'String' }],
    );

    it('checks a static tag: latest is reported on its static text', () => {
      const text = joined(['763104351884.dkr.ecr.', { Get: 'Parameters.Region' }, '.amazonaws.com/pytorch-training:latest']);
      const finding = only(analyzeWorkflow(text), 'latest-tag');
      assert.equal(textAt(text, finding), 'latest');
    });

    it('checks a static account against the explicit region: a wrong account is reported', () => {
      const text = joined(['683313688378.dkr.ecr.', { Get: 'Parameters.Region' }, '.amazonaws.com/pytorch-training:2.6.0-gpu-py312']);
      const finding = only(analyzeWorkflow(text, { region: 'us-east-1' }), 'registry-account-mismatch');
      assert.equal(textAt(text, finding), '683313688378');
    });

    it('says nothing where a placeholder decides: a tag from a parameter without a default, or from the execution', () => {
      assert.deepEqual(analyzeWorkflow(joined(['763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:', { Get: 'Parameters.Tag' }])), []);
      assert.deepEqual(analyzeWorkflow(joined(['763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:', { Get: 'Execution.PipelineExecutionId' }])), []);
    });

    it('reads a parameter in the join through its DefaultValue, reporting there and saying so; the algorithm rules run', () => {
      const text = pipeline(
        [trainingStep(trainingArguments({
          AlgorithmSpecification: { TrainingImage: { 'Std:Join': { On: '', Values: [`${XGBOOST_US_EAST_1}:`, { Get: 'Parameters.XgbVersion' }] } }, TrainingInputMode: 'File' },
          HyperParameters: { num_round: '100', max_depth: 'deep' },
          InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/train/' } }, ContentType: 'text/csv' }],
        }))],
        [{ Name: 'XgbVersion', Type: 'String', DefaultValue: '1' }],
      );
      const findings = analyzeWorkflow(text, { algorithms: true });
      const unpinned = only(findings, 'xgboost-unpinned');
      assert.equal(textAt(text, unpinned), '1');
      assert.ok(text.slice(0, unpinned.offset).endsWith('"DefaultValue": "'), 'on the DefaultValue');
      assert.match(unpinned.message, /\(Reported on the DefaultValue of pipeline parameter "XgbVersion"\.\)$/);
      assert.equal(textAt(text, only(findings, 'algorithm-invalid-hyperparameter')), 'deep');
    });

    it('joins each EnumValues item of a joined parameter and judges it, reporting on the item and naming it', () => {
      const text = pipeline(
        [trainingStep(trainingArguments({
          AlgorithmSpecification: { TrainingImage: { 'Std:Join': { On: ':', Values: [XGBOOST_US_EAST_1, { Get: 'Parameters.XgbVersion' }] } }, TrainingInputMode: 'File' },
          HyperParameters: { num_round: { 'Std:Join': { On: '', Values: ['1', { Get: 'Parameters.Rounds' }] } } },
          InputDataConfig: [{ ChannelName: 'train', ContentType: 'text/csv', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/train' } } }],
        }))],
        [
          { Name: 'XgbVersion', Type: 'String', DefaultValue: '1.7-1', EnumValues: ['1.7-1', 'latest'] },
          // Joined after "1": 0 makes "10" (fine), "x" makes "1x" (no integer).
          { Name: 'Rounds', Type: 'String', DefaultValue: '0', EnumValues: ['0', 'x'] },
        ],
      );
      const found = analyzeWorkflow(text, { algorithms: true });
      assert.deepEqual(found.map((finding) => [finding.code, textAt(text, finding)]), [['xgboost-unpinned', 'latest'], ['algorithm-invalid-hyperparameter', 'x']]);
      const [unpinned, rounds] = found;
      assert.ok(unpinned.offset > text.indexOf('"EnumValues"') && unpinned.offset < text.indexOf('"Rounds"'), 'on the XgbVersion item');
      assert.match(unpinned.message, /\(Reported on an EnumValues item of pipeline parameter "XgbVersion"\.\)$/);
      assert.equal(rounds.offset, text.lastIndexOf('"x"') + 1);
      assert.match(rounds.message, /"num_round": "1x" .*\(Reported on an EnumValues item of pipeline parameter "Rounds"\.\)$/);
      // The joined text is not the item's: no fix rewrites the item.
      assert.deepEqual(rounds.fixes, []);
      // The item equal to the default, and the default itself, say nothing.
      assert.deepEqual(analyzeWorkflow(text.replace('"latest"', '"1.5-1"').replace('"x"', '"5"'), { algorithms: true }), []);
    });

    it('an item that changes a finding outside its own text names the item; one the default already got is said once', () => {
      const text = (account: string) => pipeline(
        [trainingStep(trainingArguments({
          AlgorithmSpecification: { TrainingImage: { 'Std:Join': { On: '', Values: [`${account}.dkr.ecr.`, { Get: 'Parameters.Region' }, '.amazonaws.com/sagemaker-xgboost:1.7-1'] } }, TrainingInputMode: 'File' },
        }))],
        [{ Name: 'Region', Type: 'String', DefaultValue: 'us-east-1', EnumValues: ['us-east-1', 'eu-west-1', 'eu-wset-1'] }],
      );
      const us = text('683313688378');
      const found = analyzeWorkflow(us);
      assert.deepEqual(found.map((finding) => [finding.code, textAt(us, finding)]), [['unknown-region', 'eu-wset-1'], ['registry-account-mismatch', '683313688378']]);
      assert.match(found[0].message, /^"eu-wset-1" is not a region .*\(Reported on an EnumValues item of pipeline parameter "Region"\.\)$/);
      assert.ok(found[1].offset > us.indexOf('"Steps"'), 'on the account in the step');
      assert.equal(found[1].message, 'In eu-west-1, SageMaker serves "sagemaker-xgboost" from account 141502667606, not 683313688378. (With "eu-west-1", an EnumValues item of pipeline parameter "Region".)');
      // A wrong account for the default region is reported once, not again for the item equal to the default.
      const eu = analyzeWorkflow(text('141502667606'));
      assert.deepEqual(eu.map((finding) => [finding.code, finding.message.replace(/ \(.*/, '')]), [
        ['unknown-region', '"eu-wset-1" is not a region with SageMaker registries.'],
        ['registry-account-mismatch', 'In us-east-1, SageMaker serves "sagemaker-xgboost" from account 683313688378, not 141502667606.'],
      ]);
      // The region read from the default, on an account written in the step, says where it came from (found by a fresh user).
      assert.match(eu[1].message, /\(The region is the DefaultValue of pipeline parameter "Region", "us-east-1"\.\)$/);
    });

    describe('fixes, in the one string the change lies in', () => {
      const EU_WEST_1 = '141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost';
      /** A Training step whose image is the join of `values` (`on` between them), with `parameters`. */
      const joinedImage = (values: unknown[], parameters: unknown[], on = '') => pipeline(
        [trainingStep(trainingArguments({ AlgorithmSpecification: { TrainingImage: { 'Std:Join': { On: on, Values: values } }, TrainingInputMode: 'File' } }))],
        parameters,
      );
      const fixFlags = (finding: { fixes: { title: string; preferred?: boolean; changesBehaviour?: boolean }[] }) => finding.fixes.map((fix) => [fix.title, fix.preferred === true, fix.changesBehaviour === true]);
      /** The same finding's fixes on a literal image (a JSON spec's), for their flags. */
      const literalFlags = (image: string, code: string) => fixFlags(only(analyzeWorkflow(pipeline([trainingStep(trainingArguments({ AlgorithmSpecification: { TrainingImage: image, TrainingInputMode: 'File' } }))])), code));

      it('pins XGBoost in the DefaultValue a Get reads as the tag: only the default changes, and the file then passes', () => {
        const text = joinedImage([`${EU_WEST_1}:`, { Get: 'Parameters.XgbTag' }], [{ Name: 'XgbTag', Type: 'String', DefaultValue: 'latest' }]);
        const unpinned = only(analyzeWorkflow(text), 'xgboost-unpinned');
        assert.deepEqual(fixFlags(unpinned), literalFlags(`${EU_WEST_1}:latest`, 'xgboost-unpinned'));
        assert.deepEqual(fixFlags(unpinned)[0], ['Pin XGBoost 3.2-0', true, true]);
        const fixed = applyWorkflowFix(text, unpinned, 'Pin XGBoost 3.2-0');
        assert.equal(fixed, text.replace('"DefaultValue": "latest"', '"DefaultValue": "3.2-0"'));
        assert.deepEqual(analyzeWorkflow(fixed), []);
        // An older version, as offered for a literal image.
        assert.equal(applyWorkflowFix(text, unpinned, 'Pin XGBoost 1.7-1'), text.replace('"DefaultValue": "latest"', '"DefaultValue": "1.7-1"'));
      });

      it('fixes an account written in a literal item, with its region beside it (trial E): the item changes, and the file then passes', () => {
        const text = joinedImage(['683313688378.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:', { Get: 'Parameters.XgbTag' }], [{ Name: 'XgbTag', Type: 'String', DefaultValue: 'latest' }]);
        const found = analyzeWorkflow(text);
        assert.deepEqual(codes(found), ['registry-account-mismatch', 'xgboost-unpinned']);
        const account = only(found, 'registry-account-mismatch');
        assert.deepEqual(fixFlags(account), literalFlags('683313688378.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1', 'registry-account-mismatch'));
        assert.deepEqual(fixFlags(account), [['Use account 141502667606', true, false]]);
        const accountFixed = applyWorkflowFix(text, account);
        assert.equal(accountFixed, text.replace('"683313688378.dkr.ecr.eu-west-1', '"141502667606.dkr.ecr.eu-west-1'));
        // The pin writes the account too, as for a literal image: each change in its own string (the item, the default).
        const pinned = applyWorkflowFix(text, only(found, 'xgboost-unpinned'), 'Pin XGBoost 3.2-0');
        assert.equal(pinned, accountFixed.replace('"DefaultValue": "latest"', '"DefaultValue": "3.2-0"'));
        assert.deepEqual(analyzeWorkflow(pinned), []);
        // The user's files, as the trial wrote them.
        const trial = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'pipelines', 'min-param-image.json'), 'utf8');
        const trialFound = analyzeWorkflow(trial);
        assert.deepEqual(trialFound.map((finding) => [finding.code, finding.fixes.length]), [['xgboost-unpinned', 10], ['xgboost-unpinned', 10], ['registry-account-mismatch', 1]]);
        // Each first fix in turn, the file read again after each: the first pin fixes step A's account too.
        let all = trial;
        for (let next = analyzeWorkflow(all)[0], round = 0; next && round < trialFound.length; next = analyzeWorkflow(all)[0], round++) all = applyWorkflowFix(all, next, next.fixes[0].title);
        assert.equal(all, trial.replace('"DefaultValue": "latest"', '"DefaultValue": "3.2-0"').replace('sagemaker-xgboost:1"', 'sagemaker-xgboost:3.2-0"').replace('"683313688378.dkr.ecr.eu-west-1', '"141502667606.dkr.ecr.eu-west-1'));
        assert.deepEqual(analyzeWorkflow(all), []);
      });

      it('fixes a tag written in a literal item, after the separator, and latest-tag gets the literal image\'s tags', () => {
        const text = joinedImage([EU_WEST_1, 'latest'], [], ':');
        const unpinned = only(analyzeWorkflow(text), 'xgboost-unpinned');
        assert.equal(applyWorkflowFix(text, unpinned, 'Pin XGBoost 3.2-0'), text.replace('"latest"', '"3.2-0"'));
        // Account and tag in one item: two changes in that string.
        const single = joinedImage(['683313688378.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:latest'], []);
        const pinned = applyWorkflowFix(single, only(analyzeWorkflow(single), 'xgboost-unpinned'), 'Pin XGBoost 3.2-0');
        assert.equal(pinned, single.replace('683313688378.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:latest', `${EU_WEST_1}:3.2-0`));
        assert.deepEqual(analyzeWorkflow(pinned), []);
        const pytorch = '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training';
        const latest = joinedImage([`${pytorch}:`, 'latest'], []);
        const finding = only(analyzeWorkflow(latest), 'latest-tag');
        assert.deepEqual(fixFlags(finding), literalFlags(`${pytorch}:latest`, 'latest-tag'));
        const [tag] = finding.fixes[0].title.match(/\S+$/)!;
        assert.equal(applyWorkflowFix(latest, finding), latest.replace('"latest"', `"${tag}"`));
      });

      it('pins an EnumValues item joined in the image in that item', () => {
        const text = joinedImage([`${EU_WEST_1}:`, { Get: 'Parameters.XgbTag' }], [{ Name: 'XgbTag', Type: 'String', DefaultValue: '1.7-1', EnumValues: ['1.7-1', '1'] }]);
        const unpinned = only(analyzeWorkflow(text), 'xgboost-unpinned');
        assert.match(unpinned.message, /EnumValues item/);
        const fixed = applyWorkflowFix(text, unpinned, 'Pin XGBoost 3.2-0');
        assert.equal(fixed, text.replace(/"1"(\s*\])/, '"3.2-0"$1'));
        assert.deepEqual(analyzeWorkflow(fixed), []);
      });

      it('pins the tag alone where a wrong account comes from a default (that account has its own finding, without a fix)', () => {
        // Found by a fresh user: the wrong default account took the pin fix away too.
        const image = { 'Std:Join': { On: '.', Values: [{ Get: 'Parameters.Account' }, 'dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:latest'] } };
        const text = pipeline([{ Name: 'M', Type: 'Model', Arguments: { ExecutionRoleArn: 'arn:aws:iam::111122223333:role/SageMakerRole', PrimaryContainer: { Image: image } } }], [{ Name: 'Account', Type: 'String', DefaultValue: '520713654638' }]);
        const findings = analyzeWorkflow(text);
        assert.deepEqual(findings.map((finding) => [finding.code, finding.fixes.length > 0]), [['registry-account-mismatch', false], ['xgboost-unpinned', true]]);
        assert.equal(applyWorkflowFix(text, findings[1]), text.replace('sagemaker-xgboost:latest', 'sagemaker-xgboost:3.2-0'));
      });

      it('offers no fix whose change would cross from one piece into another, or land in a separator, a placeholder or a number', () => {
        const noFixes = (text: string, code: string, inputs: { region?: string } = {}) => assert.deepEqual(only(analyzeWorkflow(text, inputs), code).fixes, [], code);
        // The tag split between an item and a default.
        noFixes(joinedImage([`${EU_WEST_1}:lat`, { Get: 'Parameters.Rest' }], [{ Name: 'Rest', Type: 'String', DefaultValue: 'est' }]), 'xgboost-unpinned');
        // The tag written in the separator, written once for every join.
        noFixes(joinedImage([EU_WEST_1, ''], [], ':latest'), 'xgboost-unpinned');
        // A number default joined as text: no string to edit.
        noFixes(joinedImage([`${EU_WEST_1}:`, { Get: 'Parameters.Version' }], [{ Name: 'Version', Type: 'Integer', DefaultValue: 1 }]), 'xgboost-unpinned');
        // The account judged in a region read from a parameter: right for that value alone.
        const regional = joinedImage(['683313688378.dkr.ecr.', { Get: 'Parameters.Region' }, '.amazonaws.com/pytorch-training:2.6.0-gpu-py312'], [{ Name: 'Region', Type: 'String', DefaultValue: 'us-east-1' }]);
        noFixes(regional, 'registry-account-mismatch', { region: 'us-east-1' });
      });
    });

    it('reads the separator between the values', () => {
      const text = pipeline([trainingStep(trainingArguments({
        AlgorithmSpecification: { TrainingImage: { 'Std:Join': { On: ':', Values: [`${XGBOOST_US_EAST_1}`, 'latest'] } }, TrainingInputMode: 'File' },
      }))]);
      const finding = only(analyzeWorkflow(text), 'xgboost-unpinned');
      assert.equal(textAt(text, finding), 'latest');
    });
  });

  it('works on any tree of jsonc-parser\'s shape: the finder is called with the tree, not the text syntax', () => {
    const text = pipeline([trainingStep(trainingArguments({ RoleArn: { Get: 'Parameters.Role' } }))]);
    const requests = findPipelineRequests(text, parseTree(text)!);
    assert.equal(requests.length, 1);
    const role = requests[0].root!.children!.find((property) => property.children![0].value === 'RoleArn')!.children![1];
    assert.equal((role as { dynamic?: boolean }).dynamic, true);
  });

  it('keeps suppression comments working (JSONC), the comment itself being strict-json', () => {
    const text = pipeline([trainingStep(trainingArguments({ ResourceConfig: { InstanceType: 'ml.m5.xlarg', InstanceCount: 1, VolumeSizeInGB: 10 } }))])
      .replace(/\n( *)"InstanceType"/, '\n$1// sagemaker-spec-disable-next-line invalid-enum-value\n$1"InstanceType"');
    assert.deepEqual(codes(analyzeWorkflow(text)), ['strict-json']);
  });

  it('completes an image in a step\'s TrainingImage, and members without the supplied name', () => {
    const text = pipeline([trainingStep(trainingArguments({ AlgorithmSpecification: { TrainingImage: 'xgboost|', TrainingInputMode: 'File' } }))]);
    const images = completeWorkflow(text);
    assert.ok(images && images.items.length > 0);
    assert.ok(images.items.every((item) => item.kind === 'image'));
    assert.match(images.items[0].edit.newText, /^683313688378\.dkr\.ecr\.us-east-1\.amazonaws\.com\/sagemaker-xgboost:/);
    const members = completeWorkflow(pipeline([trainingStep({ RoleArn: ROLE })]).replace('"RoleArn"', '"|"'));
    const labels = members?.items.map((item) => item.label) ?? [];
    assert.ok(labels.includes('AlgorithmSpecification'));
    assert.ok(!labels.includes('TrainingJobName'));
  });

  it('completes an image in the DefaultValue (and EnumValues) of a parameter a step reads as its image', () => {
    const parameters = [{ Name: 'TrainImage', Type: 'String', DefaultValue: 'sagemaker-xgboost|', EnumValues: ['683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1'] }];
    const text = pipeline([trainingStep(trainingArguments({ AlgorithmSpecification: { TrainingImage: { Get: 'Parameters.TrainImage' }, TrainingInputMode: 'File' } }))], parameters);
    const images = completeWorkflow(text)!;
    assert.ok(images.items.length > 0);
    assert.ok(images.items.every((item) => item.kind === 'image' && item.edit.offset === text.indexOf('sagemaker-xgboost|')));
    assert.match(images.items[0].edit.newText, /^683313688378\.dkr\.ecr\.us-east-1\.amazonaws\.com\/sagemaker-xgboost:/);
    const choice = text.replace('"DefaultValue": "sagemaker-xgboost|"', '"DefaultValue": "x"').replace(':1.7-1"', ':1.|"');
    assert.ok(completeWorkflow(choice)!.items.some((item) => item.edit.newText.endsWith('sagemaker-xgboost:1.7-1')), 'in an EnumValues entry too');
    // A parameter no step reads as an image: nothing.
    const unread = pipeline([trainingStep(trainingArguments())], [{ Name: 'Other', Type: 'String', DefaultValue: 'sagemaker-xgboost|' }]);
    assert.equal(completeWorkflow(unread), undefined);
  });

  it('hovers a {"Get": "Parameters.X"} with the DefaultValue and EnumValues checked in its place', () => {
    const parameters = [{ Name: 'TrainImage', Type: 'String', DefaultValue: `${XGBOOST_US_EAST_1}:1.7-1`, EnumValues: [`${XGBOOST_US_EAST_1}:1.7-1`, `${XGBOOST_US_EAST_1}:1.5-1`] }];
    const text = pipeline([trainingStep(trainingArguments({ AlgorithmSpecification: { TrainingImage: { Get: 'Parameters.TrainImage' }, TrainingInputMode: 'File' } }))], parameters);
    const markdown = hoverWorkflow(text, 'Parameters.TrainImage')!;
    assert.match(markdown, /^\*\*A value given when it is deployed or run\*\*/);
    assert.ok(markdown.includes(`- \`${XGBOOST_US_EAST_1}:1.7-1\`, the DefaultValue of pipeline parameter`), markdown);
    assert.ok(markdown.includes(`- also \`${XGBOOST_US_EAST_1}:1.5-1\`: EnumValues of pipeline parameter`), markdown);
  });

  it('hovers members by their place in the request', () => {
    const text = pipeline([trainingStep(trainingArguments())]);
    assert.match(hoverWorkflow(text, '"MaxRuntimeInSeconds"') ?? '', /\*\*MaxRuntimeInSeconds\*\* · optional · an integer/);
    assert.equal(hoverWorkflow(text, '"Arguments"'), undefined);
  });
});

describe('one workflow, one region: images in several regions (found by a fresh user)', () => {
  const image = (region: string) => `${region === 'us-east-1' ? '683313688378' : '141502667606'}.dkr.ecr.${region}.amazonaws.com/sagemaker-xgboost:1.7-1`;
  const steps = (...regions: string[]) => regions.map((region, index) => trainingStep(trainingArguments({ AlgorithmSpecification: { TrainingImage: image(region), TrainingInputMode: 'File' } }), `Train${index}`));

  it('with no region chosen, the region most images name is the target: an image elsewhere is image-region-mismatch, fixed to that registry', () => {
    const text = pipeline(steps('eu-west-1', 'us-east-1', 'eu-west-1'));
    const finding = only(analyzeWorkflow(text), 'image-region-mismatch');
    assert.equal(textAt(text, finding), 'us-east-1');
    assert.equal(finding.message, 'The image is in us-east-1, but the target region is eu-west-1 (from the other images of this pipeline); SageMaker pulls images from its own region.');
    assert.equal(applyWorkflowFix(text, finding), text.replace(image('us-east-1'), image('eu-west-1')));
  });

  it('on a tie the first image\'s region is the target, its fix not preferred; one region, or a region chosen, is as before', () => {
    const tie = pipeline(steps('us-east-1', 'eu-west-1'));
    const tied = only(analyzeWorkflow(tie), 'image-region-mismatch');
    assert.equal(textAt(tie, tied), 'eu-west-1');
    assert.match(tied.message, /target region is us-east-1 \(from this pipeline's first image: its images are split evenly between regions\)/);
    // Which region it runs in is the user's call: the fix is offered, not preferred (fix-all leaves it; found by a fresh user).
    assert.deepEqual(tied.fixes.map((fix) => fix.preferred), [false]);
    assert.deepEqual(analyzeWorkflow(pipeline(steps('eu-west-1', 'eu-west-1'))), []);
    // A chosen region is the target, and says where it came from.
    const chosen = analyzeWorkflow(tie, { region: 'eu-west-1' });
    assert.equal(textAt(tie, only(chosen, 'image-region-mismatch')), 'us-east-1');
    assert.doesNotMatch(chosen[0].message, /other images/);
  });

  it('a state machine file alike', () => {
    const task = (region: string) => ({ Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createModel', Parameters: { ModelName: 'm', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: image(region) } }, Next: undefined as string | undefined });
    const text = JSON.stringify({ StartAt: 'A', States: { A: { ...task('us-east-1'), Next: 'B' }, B: { ...task('us-east-1'), Next: 'C' }, C: { ...task('eu-west-1'), End: true } } }, null, 2);
    const finding = only(analyzeWorkflow(text), 'image-region-mismatch');
    assert.equal(textAt(text, finding), 'eu-west-1');
    assert.match(finding.message, /from the other images of this state machine/);
  });
});
