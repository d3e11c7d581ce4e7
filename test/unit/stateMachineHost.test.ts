// Step Functions state machines as a host: SageMaker Create tasks (optimized and SDK
// integrations) through Parallel branches and Map processors, JSONPath `.$` keys and JSONata
// expressions as dynamic values, and `unsupported-integration-pattern`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getNodePath, parseTree, type Node } from 'jsonc-parser';
import { readJsonDocument, readYamlDocument, requestAt } from '../../src/core/hostDocument';
import { findStateMachineRequests } from '../../src/core/hosts/workflows/stateMachineRequests';
import { statesFormatTemplate } from '../../src/core/hosts/workflows/statesFormat';
import { completeTaskResource, completeTaskResourceInYaml } from '../../src/core/hosts/workflows/resourceCompletion';
import { applyEdits } from '../../src/core/findings';
import { unambiguousFix } from '../../src/core/fixAll';
import { codes, only, textAt, XGBOOST_US_EAST_1 } from './specTestKit';
import { analyzeWorkflow, applyWorkflowFix, completeWorkflow, hoverWorkflow } from './workflowTestKit';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');
const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';

/** The Parameters of a valid createModel task. */
function modelParameters(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ModelName: 'churn', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: `${XGBOOST_US_EAST_1}:1.7-1` }, ...overrides };
}

/** A state machine of one Task state, pretty-printed. */
function machine(task: Record<string, unknown>, top: Record<string, unknown> = {}): string {
  return JSON.stringify({ StartAt: 'Step', ...top, States: { Step: { Type: 'Task', End: true, ...task } } }, null, 2);
}

const modelTask = (resource = 'arn:aws:states:::sagemaker:createModel', parameters: Record<string, unknown> = modelParameters()) => machine({ Resource: resource, Parameters: parameters });

describe('Step Functions host', () => {
  it('yields every SageMaker Create task, through Parallel branches and Map processors, with its Parameters or Arguments', () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'train-and-deploy.asl.json'), 'utf8');
    const requests = readJsonDocument(text).requests;
    assert.deepEqual(requests.map((request) => [request.kind, request.embedding?.name, request.embedding?.pathKeys, request.embedding?.integration?.form]), [
      ['CreateTrainingJob', 'Train', true, 'optimized'],
      ['CreateModel', 'CreateModel', true, 'optimized'],
      ['CreateEndpointConfig', 'CreateEndpointConfig', true, 'aws-sdk'],
      ['CreateTransformJob', 'Transform', false, 'optimized'],
    ]);
    assert.match(text.slice(0, requests[0].root!.offset), /"Parameters": $/);
    assert.match(text.slice(0, requests[3].root!.offset), /"Arguments": $/);
    assert.deepEqual(analyzeWorkflow(text), []);
  });

  it('gives each request the member path to its Parameters or Arguments, through Parallel branches and Map processors, and inside a template', () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'train-and-deploy.asl.json'), 'utf8');
    const requests = readJsonDocument(text).requests;
    assert.ok(requests.some((request) => request.embedding!.path.includes('Branches') || request.embedding!.path.includes('ItemProcessor')), 'the example nests a task');
    for (const request of requests) assert.deepEqual(request.embedding!.path, getNodePath(request.root!));
    const template = fs.readFileSync(path.join(EXAMPLES, 'definition-substitutions.template.yaml'), 'utf8');
    const inTemplate = readYamlDocument(template).requests.filter((request) => request.embedding?.container === 'state-machine-task' && !request.inString);
    assert.ok(inTemplate.length > 0);
    for (const request of inTemplate) assert.deepEqual(request.embedding!.path, getNodePath(request.root!));
  });

  it('searches a legacy Map Iterator and the partitions other than aws', () => {
    const text = JSON.stringify({
      StartAt: 'Each',
      States: { Each: { Type: 'Map', End: true, Iterator: { StartAt: 'M', States: { M: { Type: 'Task', End: true, Resource: 'arn:aws-cn:states:::sagemaker:createModel', Parameters: modelParameters() } } } } },
    });
    assert.deepEqual(readJsonDocument(text).requests.map((request) => request.kind), ['CreateModel']);
  });

  it('leaves other tasks and other SageMaker actions alone', () => {
    const other = machine({ Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f', AlgorithmSpecification: 1 } });
    const describe = machine({ Resource: 'arn:aws:states:::aws-sdk:sagemaker:describeTrainingJob', Parameters: { TrainingJobName: 'x' } });
    assert.deepEqual(readJsonDocument(other).requests, []);
    assert.deepEqual(readJsonDocument(describe).requests, []);
  });

  it('checks a task\'s request with every rule; missing members are reported on "Parameters"', () => {
    const text = modelTask(undefined, modelParameters({ ModelName: undefined, PrimaryContainer: { Image: `${XGBOOST_US_EAST_1}:latest` } }));
    const findings = analyzeWorkflow(text);
    assert.deepEqual(codes(findings), ['missing-required-property', 'xgboost-unpinned']);
    assert.equal(textAt(text, only(findings, 'missing-required-property')), 'Parameters');
    assert.equal(only(findings, 'missing-required-property').message, 'The CreateModel request needs "ModelName" (a string).');
    assert.equal(textAt(text, only(findings, 'xgboost-unpinned')), 'latest');
  });

  it('names the request, not the host\'s key, when a member is no member of it: "of the CreateEndpoint request" (found by a fresh user)', () => {
    const text = machine({ Resource: 'arn:aws:states:::sagemaker:createEndpoint', Parameters: { EndpointName: 'a', EndpointConfigName: 'b', DeletionCondition: 1 } });
    const unknown = only(analyzeWorkflow(text), 'unknown-property');
    assert.equal(textAt(text, unknown), 'DeletionCondition');
    assert.equal(unknown.message, '"DeletionCondition" is not a member of the CreateEndpoint request.');
    // Objects inside the request are still named by their key.
    const nested = machine({ Resource: 'arn:aws:states:::sagemaker:createEndpointConfig', Parameters: { EndpointConfigName: 'c', ProductionVariants: [{ VariantName: 'v', ModelName: 'm', InstanceType: 'ml.m5.xlarge', InitialInstanceCount: 1, Bogus: 1 }] } });
    assert.equal(only(analyzeWorkflow(nested), 'unknown-property').message, '"Bogus" is not a member of an item of "ProductionVariants".');
  });

  it('reads the SDK integration\'s Parameters with the API\'s member names', () => {
    const text = modelTask('arn:aws:states:::aws-sdk:sagemaker:createModel', modelParameters({ ExecutionRoleArn: 'not-an-arn' }));
    const finding = only(analyzeWorkflow(text), 'pattern-mismatch');
    assert.equal(textAt(text, finding), 'not-an-arn');
  });

  describe('JSONPath', () => {
    it('reads "Name.$" as the member Name, present, with a value never judged', () => {
      const text = modelTask(undefined, { 'ModelName.$': '$.name', 'ExecutionRoleArn.$': '$.role', PrimaryContainer: { 'Image.$': '$.image', 'Mode.$': '$.mode' } });
      assert.deepEqual(analyzeWorkflow(text), []);
    });

    it('never judges a dynamic instance type against the image', () => {
      const text = machine({
        Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
        Parameters: {
          TrainingJobName: 'job', RoleArn: ROLE,
          AlgorithmSpecification: { TrainingImage: '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.6.0-gpu-py312', TrainingInputMode: 'File' },
          OutputDataConfig: { S3OutputPath: 's3://bucket/output' },
          ResourceConfig: { 'InstanceType.$': '$.instanceType', InstanceCount: 1, VolumeSizeInGB: 10 },
          StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        },
      });
      assert.deepEqual(analyzeWorkflow(text), []);
      assert.deepEqual(codes(analyzeWorkflow(text.replace('"InstanceType.$": "$.instanceType"', '"InstanceType": "ml.m5.xlarge"'))), ['image-processor-mismatch']);
    });

    it('reads States.Format\'s fixed text as a template: an image\'s static tag is checked, its {} never', () => {
      const format = (template: string) => modelTask(undefined, modelParameters({ PrimaryContainer: { 'Image.$': `States.Format('${template}', $.account, $.region)` } }));
      const unpinned = format('{}.dkr.ecr.{}.amazonaws.com/sagemaker-xgboost:latest');
      const finding = only(analyzeWorkflow(unpinned), 'xgboost-unpinned');
      assert.equal(textAt(unpinned, finding), 'latest');
      assert.deepEqual(analyzeWorkflow(format('{}.dkr.ecr.{}.amazonaws.com/sagemaker-xgboost:1.7-1')), []);
      assert.deepEqual(analyzeWorkflow(format('683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:{}')), []);
      // Escaped characters stand for themselves (braces no repository takes); an unclosed template or a path argument is no template.
      const escaped = format('{}.dkr.ecr.{}.amazonaws.com/my\\{model\\}:latest');
      const invalid = only(analyzeWorkflow(escaped), 'invalid-image-reference');
      assert.equal(textAt(escaped, invalid), 'my\\\\{model\\\\}');
      assert.equal(invalid.message, 'Not a valid image reference: "my{model}": repository names use lowercase letters, digits and single separators (".", "_", "__", "-").');
      assert.deepEqual(analyzeWorkflow(modelTask(undefined, modelParameters({ PrimaryContainer: { 'Image.$': "States.Format('{}:latest" } }))), []);
      assert.deepEqual(analyzeWorkflow(modelTask(undefined, modelParameters({ PrimaryContainer: { 'Image.$': 'States.Format($.template, $.tag)' } }))), []);
    });

    it("says which argument fills each States.Format {}, filled when the state runs (for hover)", () => {
      const placeholders = (call: string) =>
        statesFormatTemplate(call, (index) => index)!
          .filter((part) => part.kind === 'placeholder')
          .map((part) => [call.slice(part.offset, part.offset + part.length), part.kind === 'placeholder' && part.filledBy, part.kind === 'placeholder' && part.facts?.description]);
      // Commas inside a string or a nested call's parentheses, an escaped quote, are no argument's end.
      assert.deepEqual(placeholders("States.Format('{}:{}\\'{}', 'a, b', States.ArrayGetItem($.tags, 0), $.x)"), [
        ['{}', 'stateRun', "States.Format's argument 'a, b'"],
        ['{}', 'stateRun', "States.Format's argument States.ArrayGetItem($.tags, 0)"],
        ['{}', 'stateRun', "States.Format's argument $.x"],
      ]);
      // Too few arguments, or a call that does not close: the placeholders are still the state's, unnamed.
      assert.deepEqual(placeholders("States.Format('{}/{}', $.a)"), [['{}', 'stateRun', "States.Format's argument $.a"], ['{}', 'stateRun', undefined]]);
      assert.deepEqual(placeholders("States.Format('{}', $.a"), [['{}', 'stateRun', undefined]]);
    });

    it('reads a JSONata concatenation\'s string literals as a template: an image\'s static tag is checked, the other operands never (found by a fresh user)', () => {
      const jsonata = (expression: string) => machine({ Resource: 'arn:aws:states:::sagemaker:createModel', Arguments: modelParameters({ PrimaryContainer: { Image: `{% ${expression} %}` } }) }, { QueryLanguage: 'JSONata' });
      const unpinned = jsonata("$states.input.account & '.dkr.ecr.' & $states.input.region & '.amazonaws.com/sagemaker-xgboost:latest'");
      const finding = only(analyzeWorkflow(unpinned), 'xgboost-unpinned');
      assert.equal(textAt(unpinned, finding), 'latest');
      assert.deepEqual(analyzeWorkflow(jsonata("$account & \".dkr.ecr.\" & $region & '.amazonaws.com/sagemaker-xgboost:1.7-1'")), []);
      // A tag an operand writes, a condition, arithmetic, or one expression alone: nothing is fixed, nothing said.
      for (const expression of [
        "'683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:' & $tag",
        "$prod ? 'x/sagemaker-xgboost:latest' : 'x/sagemaker-xgboost:1.7-1'",
        "$states.input.image",
        "$a & ($b = 1 ? ':latest' : ':1.7-1')",
      ]) {
        assert.deepEqual(analyzeWorkflow(jsonata(expression)).filter((found) => found.code !== 'unfilled-placeholder'), [], expression);
      }
    });

    it('reads JSONata comments in a concatenation as blanks, wherever they stand, and keeps the literal\'s offsets', () => {
      const jsonata = (expression: string) => machine({ Resource: 'arn:aws:states:::sagemaker:createModel', Arguments: modelParameters({ PrimaryContainer: { Image: `{% ${expression} %}` } }) }, { QueryLanguage: 'JSONata' });
      const commented = jsonata("/* the stage's account */ $account & '.dkr.ecr.' /* & ':1.7-1' */ & $region & /* pinned? */ '.amazonaws.com/sagemaker-xgboost:latest'");
      assert.equal(textAt(commented, only(analyzeWorkflow(commented), 'xgboost-unpinned')), 'latest');
      // A comment's quote or `&` is no string or operator; a comment not closed yet gives no template.
      const open = jsonata("$account & '.dkr.ecr.' & $region & '.amazonaws.com/sagemaker-xgboost:latest' /* typing");
      assert.deepEqual(analyzeWorkflow(open).filter((found) => found.code === 'xgboost-unpinned'), []);
    });

    it('marks the same keys from the parser\'s list of ".$" keys as from a walk of each task (two tasks, arrays, a key inside a ".$" value)', () => {
      const parameters = (index: number) => ({
        'ModelName.$': `$.name${index}`,
        ExecutionRoleArn: ROLE,
        Containers: [{ 'Image.$': '$.image', Environment: { 'A.$': '$.a' } }, { Image: `${XGBOOST_US_EAST_1}:1.7-1` }],
        'VpcConfig.$': { 'Subnets.$': '$.never' },
      });
      const text = JSON.stringify({
        StartAt: 'One',
        States: {
          One: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createModel', Parameters: parameters(1), Next: 'Lambda' },
          Lambda: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { 'Payload.$': '$' }, Next: 'Two' },
          Two: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createModel', Parameters: parameters(2), End: true },
        },
      }, null, 2);
      /** Every key of the request with the name it is read as, its content range and whether its value is dynamic. */
      const marks = (root: Node | undefined): unknown[] => {
        const out: unknown[] = [];
        const visit = (node: Node | undefined): void => {
          for (const child of node?.children ?? []) {
            if (child.type === 'property') {
              const [key, value] = child.children!;
              out.push([key.offset, key.value, (key as { content?: unknown }).content, (value as { dynamic?: boolean }).dynamic === true]);
            }
            visit(child);
          }
        };
        visit(root);
        return out;
      };
      const collected = readJsonDocument(text).requests; // the JSON host passes the parser's list
      const walked = findStateMachineRequests(text, parseTree(text)!); // no list: the walk
      assert.equal(collected.length, 2);
      assert.deepEqual(collected.map((request) => marks(request.root)), walked.map((request) => marks(request.root)));
      const names = marks(collected[0].root).map((mark) => (mark as unknown[])[1]);
      assert.deepEqual(names, ['ModelName', 'ExecutionRoleArn', 'Containers', 'Image', 'Environment', 'A', 'Image', 'VpcConfig', 'Subnets.$']);
    });

    it('renames a misspelt "Name.$" key and keeps its suffix', () => {
      const text = modelTask(undefined, modelParameters({ ModelName: undefined, 'ModelNme.$': '$.name' }));
      const unknown = only(analyzeWorkflow(text), 'unknown-property');
      assert.equal(textAt(text, unknown), 'ModelNme');
      assert.equal(applyWorkflowFix(text, unknown), text.replace('"ModelNme.$"', '"ModelName.$"'));
    });

    it('treats "{% … %}" as a literal string (it is JSONata syntax)', () => {
      const text = modelTask(undefined, modelParameters({ PrimaryContainer: { Image: `${XGBOOST_US_EAST_1}:1.7-1`, Mode: '{% $states.input.mode %}' } }));
      assert.equal(textAt(text, only(analyzeWorkflow(text), 'invalid-enum-value')), '{% $states.input.mode %}');
    });
  });

  describe('expressions written as literals (the ".$" or the "{% %}" forgotten)', () => {
    const endpoint = (parameters: Record<string, unknown>, top: Record<string, unknown> = {}, language?: string) =>
      machine({ Resource: 'arn:aws:states:::sagemaker:createEndpoint', ...(language ? { QueryLanguage: language } : {}), [language === 'JSONata' ? 'Arguments' : 'Parameters']: parameters }, top);

    it('says so, prefers naming the key "Name.$" in a JSONPath state over any character replacement, and fix-all applies neither', () => {
      const text = endpoint({ EndpointName: "States.Format('ep-{}', $.name)", EndpointConfigName: 'config' });
      const finding = only(analyzeWorkflow(text), 'pattern-mismatch');
      assert.match(finding.message, /It reads as a JSONPath expression sent as text: a key ending in "\.\$" has Step Functions compute it\.$/);
      assert.deepEqual(finding.fixes.filter((fix) => fix.preferred).map((fix) => [fix.title, fix.changesBehaviour]), [['Name the key "EndpointName.$" (a JSONPath value)', true]]);
      assert.equal(unambiguousFix(finding), undefined);
      assert.equal(applyWorkflowFix(text, finding, 'Name the key "EndpointName.$" (a JSONPath value)'), text.replace('"EndpointName":', '"EndpointName.$":'));
      const jsonata = only(analyzeWorkflow(endpoint({ EndpointName: 'ep', EndpointConfigName: '{% $states.input.cfg %}' })), 'pattern-mismatch');
      assert.match(jsonata.message, /a JSONata expression, which this JSONPath state sends as text/);
      assert.equal(jsonata.fixes.some((fix) => fix.preferred), false);
    });

    it('in a JSONata state: a "$.path" value is explained with no fix preferred; a "Name.$" key with a path is one finding whose fix writes its JSONata form', () => {
      const text = endpoint({ 'EndpointName.$': '$.name', EndpointConfigName: '$.config' }, {}, 'JSONata');
      const findings = analyzeWorkflow(text);
      const unknown = only(findings, 'unknown-property');
      assert.equal(unknown.message, '"EndpointName.$" is not a member of the CreateEndpoint request: a key ending in ".$" is JSONPath, and this state is JSONata. Did you mean "EndpointName" with the value {% $states.input.name %}? It is required.');
      assert.deepEqual(codes(findings), ['pattern-mismatch', 'unknown-property']); // no missing EndpointName besides (found by a fresh user)
      assert.equal(applyWorkflowFix(text, unknown), text.replace('"EndpointName.$": "$.name"', '"EndpointName": "{% $states.input.name %}"'));
      const path = only(findings, 'pattern-mismatch');
      assert.equal(textAt(text, path), '$.config');
      assert.match(path.message, /a JSONPath expression, which this JSONata state sends as text: write "\{% \$states\.input… %\}"/);
      assert.equal(path.fixes.some((fix) => fix.preferred), false);
    });

    it('in a JSONata state: a "Name.$" key\'s context path and variable have JSONata forms; an intrinsic function has none, and the rename is only offered', () => {
      for (const [value, jsonata] of [['$$.Execution.Name', '{% $states.context.Execution.Name %}'], ['$jobName', '{% $jobName %}'], ['$', '{% $states.input %}'], ['$.items[0].model_name', '{% $states.input.items[0].model_name %}']]) {
        const text = endpoint({ 'EndpointName.$': value, EndpointConfigName: 'config' }, {}, 'JSONata');
        const unknown = only(analyzeWorkflow(text), 'unknown-property');
        assert.equal(applyWorkflowFix(text, unknown), text.replace(`"EndpointName.$": ${JSON.stringify(value)}`, `"EndpointName": ${JSON.stringify(jsonata)}`), value);
      }
      // A path JSONata reads otherwise (found by a fresh user): `a-b` subtracts, brackets filter,
      // `..` and `[?(…)]` do not parse, `.true` is a literal. No rewrite is preferred for them.
      for (const value of ['$.model-name', "$['data url']", '$..name', '$.configs[?(@.ok == true)].name', '$.flags.true', '$job.name']) {
        const text = endpoint({ 'EndpointName.$': value, EndpointConfigName: 'config' }, {}, 'JSONata');
        const unknown = only(analyzeWorkflow(text), 'unknown-property');
        assert.equal(unknown.fixes.some((fix) => fix.preferred), false, value);
      }
      const text = endpoint({ 'EndpointName.$': "States.Format('ep-{}', $.id)", EndpointConfigName: 'config' }, {}, 'JSONata');
      const unknown = only(analyzeWorkflow(text), 'unknown-property');
      assert.match(unknown.message, /A key ending in "\.\$" is JSONPath: in a JSONata state, name the member without it and write its value as "\{% … %\}"\.$/);
      assert.equal(unknown.fixes.some((fix) => fix.preferred), false);
    });

    it('keeps the character fix preferred for other strings', () => {
      const finding = only(analyzeWorkflow(endpoint({ EndpointName: 'my_endpoint', EndpointConfigName: 'config' })), 'pattern-mismatch');
      assert.equal(finding.fixes.find((fix) => fix.preferred)?.title, 'Use "my-endpoint"');
    });
  });

  describe('JSONata', () => {
    const jsonata = (args: Record<string, unknown>, perState: boolean) =>
      perState
        ? machine({ QueryLanguage: 'JSONata', Resource: 'arn:aws:states:::sagemaker:createModel', Arguments: args })
        : machine({ Resource: 'arn:aws:states:::sagemaker:createModel', Arguments: args }, { QueryLanguage: 'JSONata' });
    for (const perState of [false, true]) {
      const where = perState ? 'on the state' : 'at the top';
      it(`(set ${where}) reads Arguments, whose "{% … %}" strings are dynamic and whose other strings are checked`, () => {
        const text = jsonata(modelParameters({ ModelName: '{% $states.input.name %}', PrimaryContainer: { Image: '{% $states.input.image %}', Mode: 'Single' } }), perState);
        assert.equal(readJsonDocument(text).requests[0].embedding?.pathKeys, false);
        const finding = only(analyzeWorkflow(text), 'invalid-enum-value');
        assert.equal(textAt(text, finding), 'Single');
        assert.equal(applyWorkflowFix(text, finding), text.replace('"Single"', '"SingleModel"'));
      });
    }

    it('checks only the integration pattern when Arguments is one expression', () => {
      const text = machine({ QueryLanguage: 'JSONata', Resource: 'arn:aws:states:::sagemaker:createModel.sync', Arguments: '{% $states.input %}' });
      assert.deepEqual(codes(analyzeWorkflow(text)), ['unsupported-integration-pattern']);
    });
  });

  describe('unsupported-integration-pattern', () => {
    const training = (resource: string) => machine({ Resource: resource, Parameters: { 'TrainingJobName.$': '$.name', 'RoleArn.$': '$.role', 'AlgorithmSpecification.$': '$.algorithm', 'OutputDataConfig.$': '$.output', 'ResourceConfig.$': '$.resources', 'StoppingCondition.$': '$.stop' } });

    it('reports .waitForTaskToken on the SageMaker integration, with .sync preferred; fix-all leaves the choice to the user', () => {
      const text = training('arn:aws:states:::sagemaker:createTrainingJob.waitForTaskToken');
      const finding = only(analyzeWorkflow(text), 'unsupported-integration-pattern');
      assert.equal(textAt(text, finding), '.waitForTaskToken');
      assert.equal(applyWorkflowFix(text, finding), text.replace('createTrainingJob.waitForTaskToken', 'createTrainingJob.sync'));
      assert.equal(applyWorkflowFix(text, finding, 'Remove ".waitForTaskToken" (request-response)'), text.replace('.waitForTaskToken', ''));
      // Waiting for the job or not waiting at all: either changes how the workflow runs.
      assert.deepEqual(finding.fixes.map((fix) => fix.changesBehaviour), [true, true]);
      assert.equal(unambiguousFix(finding), undefined);
    });

    it('reports .sync on an action that starts no job, fixed by removing it (fix-all applies that)', () => {
      for (const action of ['createModel', 'createEndpointConfig', 'createEndpoint']) {
        const text = machine({ Resource: `arn:aws:states:::sagemaker:${action}.sync`, Parameters: {} });
        const finding = only(analyzeWorkflow(text, { rules: { 'missing-required-property': 'off' } }), 'unsupported-integration-pattern');
        assert.equal(textAt(text, finding), '.sync');
        assert.equal(applyWorkflowFix(text, finding), text.replace('.sync', ''));
        assert.equal(unambiguousFix(finding)?.title, 'Remove ".sync" (request-response)');
      }
    });

    it('reports .sync on the SDK integration, with the SageMaker integration that waits for the job preferred, and accepts its .waitForTaskToken', () => {
      const sync = training('arn:aws:states:::aws-sdk:sagemaker:createTrainingJob.sync');
      const finding = only(analyzeWorkflow(sync), 'unsupported-integration-pattern');
      assert.equal(textAt(sync, finding), '.sync');
      assert.equal(finding.fixes.find((fix) => fix.preferred)?.title, 'Use the SageMaker integration (states:::sagemaker:createTrainingJob.sync, which waits for the job)');
      const fixed = applyWorkflowFix(sync, finding);
      assert.equal(fixed, sync.replace('aws-sdk:sagemaker:createTrainingJob.sync', 'sagemaker:createTrainingJob.sync'));
      assert.deepEqual(analyzeWorkflow(fixed), []);
      assert.equal(applyWorkflowFix(sync, finding, 'Remove ".sync" (request-response)'), sync.replace('createTrainingJob.sync', 'createTrainingJob'));
      assert.equal(unambiguousFix(finding), undefined);
      const model = machine({ Resource: 'arn:aws:states:::aws-sdk:sagemaker:createModel.sync', Parameters: {} });
      const modelFinding = only(analyzeWorkflow(model, { rules: { 'missing-required-property': 'off' } }), 'unsupported-integration-pattern');
      assert.deepEqual(modelFinding.fixes.map((fix) => fix.title), ['Remove ".sync" (request-response)']);
      assert.deepEqual(analyzeWorkflow(training('arn:aws:states:::aws-sdk:sagemaker:createTrainingJob.waitForTaskToken')), []);
    });

    it('accepts .sync on the job actions and request-response everywhere', () => {
      for (const resource of ['arn:aws:states:::sagemaker:createTrainingJob.sync', 'arn:aws:states:::sagemaker:createTrainingJob', 'arn:aws-us-gov:states:::aws-sdk:sagemaker:createTrainingJob']) {
        assert.deepEqual(analyzeWorkflow(training(resource)), [], resource);
      }
    });
  });

  it('takes any tree of jsonc-parser\'s shape, with offsets into its own text (a YAML host\'s plain keys)', () => {
    const text = 'StartAt: M\nStates:\n  M:\n    Type: Task\n    Resource: arn:aws:states:::sagemaker:createModel\n    Parameters:\n      ModelNme.$: $.name\n';
    /** A scalar node over the first occurrence of `source` at or after `from`. */
    const scalar = (source: string, from = 0, value: string = source): Node => ({ type: 'string', value, offset: text.indexOf(source, from), length: source.length });
    const property = (key: Node, value: Node): Node => {
      const node: Node = { type: 'property', offset: key.offset, length: value.offset + value.length - key.offset, children: [key, value] };
      (key as { parent?: Node }).parent = node;
      (value as { parent?: Node }).parent = node;
      return node;
    };
    const object = (...properties: Node[]): Node => {
      const node: Node = { type: 'object', offset: properties[0].offset, length: properties.at(-1)!.offset + properties.at(-1)!.length - properties[0].offset, children: properties };
      for (const child of properties) (child as { parent?: Node }).parent = node;
      return node;
    };
    const parameters = object(property(scalar('ModelNme.$'), scalar('$.name')));
    const state = object(property(scalar('Type'), scalar('Task', text.indexOf('Type'))), property(scalar('Resource'), scalar('arn:aws:states:::sagemaker:createModel')), property(scalar('Parameters'), parameters));
    const root = object(property(scalar('StartAt'), scalar('M', 8)), property(scalar('States'), object(property(scalar('M', 20), state))));
    const [request] = findStateMachineRequests(text, root);
    assert.equal(request.kind, 'CreateModel');
    assert.equal(request.root, parameters);
    const key = parameters.children![0].children![0] as Node & { content?: { offset: number; length: number } };
    assert.equal(key.value, 'ModelNme');
    assert.equal(text.slice(key.content!.offset, key.content!.offset + key.content!.length), 'ModelNme');
    assert.equal((parameters.children![0].children![1] as Node & { dynamic?: boolean }).dynamic, true);
  });

  it('reports a syntax error once for the whole state machine, not once per task', () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'train-and-deploy.asl.json'), 'utf8').replace('"ResultPath": "$.training",', '"ResultPath": "$.training"');
    assert.equal(readJsonDocument(text).requests.length, 4);
    const findings = analyzeWorkflow(text);
    assert.deepEqual(codes(findings), ['invalid-json']);
    assert.equal(textAt(text, findings[0]), '"Next"');
  });

  it('yields nothing, and never throws, on malformed or hostile workflows', () => {
    const hostile = [
      '{"StartAt": "A", "States": {"A": "sagemaker:"}}',
      '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": 7, "Parameters": {}}}} sagemaker:',
      '{"StartAt": "A", "States": {"A": {"Type": "Parallel", "Branches": "sagemaker:"}}}',
      '{"StartAt": "A", "States": {"A": {"Type": "Map", "ItemProcessor": [], "Iterator": null}}} sagemaker:',
      '{"Version": 1, "Steps": {"Arguments": {}}}',
      '{"Version": 1, "Steps": [1, null, {"Type": "Condition", "Arguments": {"IfSteps": {}}}], "Arguments": 1}',
      '{"Version": 1, "Steps": [{"Type": "Training", "Arguments": [1]}]}',
    ];
    for (const text of hostile) {
      const findings = analyzeWorkflow(text);
      assert.ok(findings.every((finding) => finding.code === 'invalid-json'), `${text}: ${codes(findings).join(', ')}`);
    }
    // An object under a ".$" key is no path (path-key-constant), and is checked as the constant it is: no image, so invalid-type.
    const objectPath = '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::sagemaker:createModel", "Parameters": {"ModelName": "m", "PrimaryContainer": {"Image.$": {"x": 1}}';
    const objectFindings = analyzeWorkflow(objectPath);
    assert.deepEqual(codes(objectFindings).sort(), ['invalid-json', 'invalid-type', 'path-key-constant']);
    assert.ok(objectFindings.filter((finding) => finding.code !== 'invalid-json').every((finding) => textAt(objectPath, finding) === '{"x": 1}'));
    // Parallel states nested deep: found within the JSON nesting limit, nothing (and no stack overflow) past it.
    const nestedMachine = (levels: number) => {
      let nested: Record<string, unknown> = { Type: 'Task', End: true, Resource: 'arn:aws:states:::sagemaker:createModel', Parameters: modelParameters() };
      for (let depth = 0; depth < levels; depth++) nested = { Type: 'Parallel', End: true, Branches: [{ StartAt: 'S', States: { S: nested } }] };
      return JSON.stringify({ StartAt: 'S', States: { S: nested } });
    };
    assert.deepEqual(readJsonDocument(nestedMachine(12)).requests.map((request) => request.kind), ['CreateModel']);
    assert.deepEqual(readJsonDocument(nestedMachine(400)).requests, []);
  });

  it('finds the request under an offset, one per task', () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'train-and-deploy.asl.json'), 'utf8');
    const document = readJsonDocument(text);
    assert.equal(requestAt(document, text.indexOf('"ExecutionRoleArn"'))?.kind, 'CreateModel');
    assert.equal(requestAt(document, text.indexOf('"TransformOutput"'))?.kind, 'CreateTransformJob');
    assert.equal(requestAt(document, text.indexOf('"ResultPath"')), undefined);
  });

  it('completes member names below a "Name.$" key\'s object and image references', () => {
    const members = completeWorkflow(modelTask(undefined, { 'ModelName.$': '$.name', PrimaryContainer: { '|': 1 } }));
    assert.ok(members?.items.some((item) => item.label === 'Image'));
    const images = completeWorkflow(modelTask(undefined, modelParameters({ PrimaryContainer: { Image: 'sagemaker-xgb|' } })));
    assert.ok(images && images.items.length > 0 && images.items.every((item) => item.kind === 'image'));
  });

  it('hovers a "Name.$" key as its member', () => {
    const text = modelTask(undefined, { 'ModelName.$': '$.name', ExecutionRoleArn: ROLE });
    assert.match(hoverWorkflow(text, '"ModelName.$"') ?? '', /\*\*ModelName\*\* · required · a string/);
  });
});

describe('Step Functions JSON while a key is being typed (a syntax error)', () => {
  // Found by a fresh user: `"Ena` typed before `"OutputDataConfig"` made the members after it read one level up, each an unknown-property.
  it('reports the syntax error and what lies before it, and no structure findings past it until it is fixed', () => {
    const parameters = { TrainingJobName: 'j', RoleArn: ROLE, AlgorithmSpecification: { TrainingImage: `${XGBOOST_US_EAST_1}:latest`, TrainingInputMode: 'File' }, HyperParameters: { num_round: '10' }, InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/t' } } }], OutputDataConfig: { S3OutputPath: 's3://b/o' }, ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 }, StoppingCondition: { MaxRuntimeInSeconds: 60 } };
    const whole = machine({ Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Parameters: parameters });
    const typing = whole.replace('"OutputDataConfig"', '"Ena\n        "OutputDataConfig"');
    const findings = analyzeWorkflow(typing);
    assert.deepEqual(
      findings.map((finding) => finding.code).filter((code) => code !== 'invalid-json'),
      ['xgboost-unpinned'],
      JSON.stringify(findings.map((finding) => [finding.code, textAt(typing, finding)])),
    );
    assert.ok(codes(findings).includes('invalid-json'));
    // Fixed: the structure is judged again.
    assert.deepEqual(codes(analyzeWorkflow(whole.replace('"OutputDataConfig"', '"Ena": 1,\n        "OutputDataConfig"'))).sort(), ['unknown-property', 'xgboost-unpinned']);
  });
});

describe('Step Functions JSON: completion of a task Resource', () => {
  // Found by a fresh user: only VS Code's word list came, misspelt actions included.
  it('offers each SageMaker integration, with .sync for the jobs, keeping the partition typed', () => {
    const text = machine({ Resource: 'arn:aws-cn:states:::sagemaker:cr', Parameters: modelParameters() });
    const offset = text.indexOf('sagemaker:cr') + 'sagemaker:cr'.length;
    const result = completeTaskResource(text, offset)!;
    const labels = result.items.map((item) => item.label);
    assert.ok(labels.includes('arn:aws-cn:states:::sagemaker:createTrainingJob.sync'));
    assert.ok(labels.includes('arn:aws-cn:states:::sagemaker:createModel'));
    assert.ok(!labels.includes('arn:aws-cn:states:::sagemaker:createModel.sync'), 'no .sync for an action that starts no job');
    assert.equal(labels.length, 11);
    const item = result.items.find((candidate) => candidate.label === 'arn:aws-cn:states:::sagemaker:createEndpointConfig')!;
    assert.equal(applyEdits(text, [item.edit]), text.replace('arn:aws-cn:states:::sagemaker:cr', 'arn:aws-cn:states:::sagemaker:createEndpointConfig'));
    // Not in another member, nor on the key.
    assert.equal(completeTaskResource(text, text.indexOf('"Type"') + 2), undefined);
    assert.equal(completeTaskResource(text, text.indexOf('"Resource"') + 3), undefined);
  });

  it('offers the integrations in YAML too: a plain value replaced whole, a quoted one inside its quotes, an empty one filled with its space', () => {
    const text = [
      'StartAt: Plain',
      'States:',
      '  Plain:',
      '    Type: Task',
      '    Resource: arn:aws-us-gov:states:::sagemaker:crea  # typed so far',
      '    Next: Quoted',
      '  Quoted:',
      '    Type: Task',
      '    Resource: "arn:aws:states:::sagemaker:cr"',
      '    Next: Bare',
      '  Bare:',
      '    Type: Task',
      '    Resource:',
      '    Parameters:',
      '      ModelName: churn',
      '    Next: Flow',
      '  Flow: {Type: Task, Resource: , End: true}',
      'Comment: {Resource: not a state}',
      '',
    ].join('\n');
    const pick = (offset: number, label: string) => {
      const result = completeTaskResourceInYaml(text, offset);
      assert.ok(result, `items at ${offset}`);
      assert.equal(result.items.length, 11);
      return applyEdits(text, [result.items.find((item) => item.label === label)!.edit]);
    };
    const plain = text.indexOf('sagemaker:crea') + 'sagemaker:cr'.length;
    assert.equal(pick(plain, 'arn:aws-us-gov:states:::sagemaker:createModel'), text.replace('arn:aws-us-gov:states:::sagemaker:crea  #', 'arn:aws-us-gov:states:::sagemaker:createModel  #'));
    const quoted = text.indexOf(':::sagemaker:cr"') + ':::sagemaker:cr'.length;
    assert.equal(pick(quoted, 'arn:aws:states:::sagemaker:createTrainingJob.sync'), text.replace('"arn:aws:states:::sagemaker:cr"', '"arn:aws:states:::sagemaker:createTrainingJob.sync"'));
    const bare = text.indexOf('Resource:\n') + 'Resource:'.length;
    assert.equal(pick(bare, 'arn:aws:states:::sagemaker:createEndpoint'), text.replace('Resource:\n', 'Resource: arn:aws:states:::sagemaker:createEndpoint\n'));
    const flow = text.indexOf('Resource: ,') + 'Resource: '.length;
    assert.equal(pick(flow, 'arn:aws:states:::sagemaker:createEndpoint'), text.replace('Resource: ,', 'Resource: arn:aws:states:::sagemaker:createEndpoint,'));
    // The plain value inserted reads back as the ARN: a request of that action.
    const filled = pick(bare, 'arn:aws:states:::sagemaker:createModel');
    assert.ok(readYamlDocument(filled).requests.some((request) => request.embedding?.name === 'Bare' && request.kind === 'CreateModel'));
    // Not a Resource outside States, not on another member, not on the key.
    assert.equal(completeTaskResourceInYaml(text, text.indexOf('not a state')), undefined);
    assert.equal(completeTaskResourceInYaml(text, text.indexOf('Type: Task') + 8), undefined);
    assert.equal(completeTaskResourceInYaml(text, text.indexOf('Resource') + 4), undefined);
    // In a template's Definition, as in a file.
    const template = 'Resources:\n  Flow:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition:\n        StartAt: A\n        States:\n          A:\n            Type: Task\n            Resource: arn:aws:states:::sagemaker:\n';
    // `…sagemaker:` ending the line is a mapping key to YAML until the action follows: still completed.
    const atColon = completeTaskResourceInYaml(template, template.indexOf('sagemaker:') + 'sagemaker:'.length)!;
    assert.equal(applyEdits(template, [atColon.items[0].edit]), template.replace('sagemaker:\n', 'sagemaker:createTrainingJob.sync\n'));
    // A tagged value is the template's to compute.
    const tagged = 'StartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: !Sub arn:${AWS::Partition}:states:::sagemaker:cr\n';
    assert.equal(completeTaskResourceInYaml(tagged, tagged.indexOf('!Sub') + 4), undefined);
  });
});
