// What a fresh user of the Step Functions host got wrong, and what they now see: a value meant
// computed whose key lost its ".$" (every rule's finding says so, and no constant is preferred in
// its place), a request under the other query language's key, and a misspelt integration action.
// The fixtures in test/fixtures/step-functions are that user's files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readJsonDocument, readYamlDocument } from '../../src/core/hostDocument';
import { applyPreferredFixes, unambiguousFix } from '../../src/core/fixAll';
import type { Finding } from '../../src/core/findings';
import { analyzeDocument } from '../../src/core/hostDocument';
import { analyzeOptions, codes, only, textAt, XGBOOST_US_EAST_1 } from './specTestKit';
import { analyzeWorkflow, applyWorkflowFix } from './workflowTestKit';
import { analyzeYaml, applyHostFix } from './yamlTestKit';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'step-functions');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const JSONPATH_NOTE = 'It reads as a JSONPath expression sent as text: a key ending in ".$" has Step Functions compute it.';
const JSONATA_NOTE = 'It reads as a JSONata expression, which this JSONPath state sends as text.';

/** The finding of `code` whose range covers `written`. */
function findingAt(text: string, findings: Finding[], code: string, written: string): Finding {
  const found = findings.filter((finding) => finding.code === code && textAt(text, finding) === written);
  assert.equal(found.length, 1, `one ${code} on ${written}: ${JSON.stringify(findings.map((finding) => [finding.code, textAt(text, finding)]))}`);
  return found[0];
}

/** A state machine of one Task state, pretty-printed. */
function machine(task: Record<string, unknown>, top: Record<string, unknown> = {}): string {
  return JSON.stringify({ StartAt: 'Step', ...top, States: { Step: { Type: 'Task', End: true, ...task } } }, null, 2);
}

/** Fix-all over a JSON state machine, as `check --fix` runs it. */
function fixAll(text: string): string {
  return applyPreferredFixes(text, (current) => ({ document: { text: current, host: 'json' }, findings: analyzeWorkflow(current) })).text;
}

describe('Step Functions: what a fresh user got wrong', () => {
  describe('a value meant computed, its key without ".$"', () => {
    it('enum findings say so, prefer naming the key "Name.$", offer the enum values unpreferred, and fix-all writes no constant', () => {
      const text = fixture('transform-paths-without-dollar-keys.asl.json');
      const findings = analyzeWorkflow(text);
      const compression = findingAt(text, findings, 'invalid-enum-value', '$.gzip');
      assert.equal(compression.message, `"$.gzip" is not a valid CompressionType: use one of "None", "Gzip". ${JSONPATH_NOTE}`);
      assert.deepEqual(compression.fixes.map((fix) => [fix.title, fix.preferred === true, fix.changesBehaviour === true]), [
        ['Name the key "CompressionType.$" (a JSONPath value)', true, true],
        ['Use "Gzip"', false, false],
        ['Use "None"', false, false],
      ]);
      assert.equal(applyWorkflowFix(text, compression), text.replace('"CompressionType": "$.gzip"', '"CompressionType.$": "$.gzip"'));
      assert.equal(unambiguousFix(compression), undefined);
      const assemble = findingAt(text, findings, 'invalid-enum-value', '$.line');
      assert.equal(applyWorkflowFix(text, assemble), text.replace('"AssembleWith": "$.line"', '"AssembleWith.$": "$.line"'));
      assert.equal(assemble.fixes.find((fix) => fix.title === 'Use "Line"')?.preferred, false);
      const instance = findingAt(text, findings, 'invalid-enum-value', '$.type');
      assert.deepEqual(instance.fixes.filter((fix) => fix.preferred).map((fix) => fix.title), ['Name the key "InstanceType.$" (a JSONPath value)']);
      // Five values meant from the input: fix-all leaves every one to the user.
      assert.equal(fixAll(text), text);
    });

    it('the renamed key makes the value dynamic: nothing is left to report on it', () => {
      const text = fixture('transform-paths-without-dollar-keys.asl.json');
      let fixed = text;
      for (const member of ['BatchStrategy', 'SplitType', 'CompressionType', 'AssembleWith', 'InstanceType']) fixed = fixed.replace(`"${member}":`, `"${member}.$":`);
      assert.deepEqual(analyzeWorkflow(fixed), []);
    });

    it('an instance type read as a path offers no instance type as preferred (the ml.inf2.xlarge of "$.instanceType")', () => {
      const text = machine({ Resource: 'arn:aws:states:::sagemaker:createTransformJob.sync', Parameters: { 'TransformJobName.$': '$.n', 'ModelName.$': '$.m', 'TransformInput.$': '$.in', 'TransformOutput.$': '$.out', TransformResources: { InstanceType: '$.instanceType', InstanceCount: 1 } } });
      const finding = only(analyzeWorkflow(text), 'invalid-enum-value');
      assert.equal(textAt(text, finding), '$.instanceType');
      assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [
        ['Name the key "InstanceType.$" (a JSONPath value)', true],
        ['Use "ml.inf2.xlarge"', false],
        ['Use "ml.inf2.8xlarge"', false],
        ['Use "ml.m5.large"', false],
      ]);
    });

    it('"{% … %}" in a JSONPath state: the JSONata note, no rename (a ".$" key would not evaluate it), nothing preferred', () => {
      const text = fixture('transform-jsonata-in-jsonpath-state.asl.json');
      const findings = analyzeWorkflow(text);
      const compression = findingAt(text, findings, 'invalid-enum-value', '{% $gzip %}');
      assert.equal(compression.message, `"{% $gzip %}" is not a valid CompressionType: use one of "None", "Gzip". ${JSONATA_NOTE}`);
      assert.deepEqual(compression.fixes.map((fix) => [fix.title, fix.preferred]), [['Use "Gzip"', false], ['Use "None"', false]]);
      assert.equal(findingAt(text, findings, 'invalid-enum-value', '{%$line%}').fixes.some((fix) => fix.preferred), false);
      assert.equal(fixAll(text), text);
    });

    it('every rule\'s finding on such a value goes the same way: types, lengths, patterns, algorithm hyperparameters, image references', () => {
      const text = machine({
        Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
        Parameters: {
          TrainingJobName: '$.name',
          RoleArn: '$.role',
          AlgorithmSpecification: { TrainingImage: `${XGBOOST_US_EAST_1}:1.7-1`, TrainingInputMode: 'File' },
          HyperParameters: { num_round: '$.rounds' },
          InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/train' } } }],
          OutputDataConfig: { S3OutputPath: 's3://bucket/out' },
          ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: '$.count', VolumeSizeInGB: 10 },
          StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        },
      });
      const findings = analyzeWorkflow(text, { algorithms: true });
      const expected: [string, string, string][] = [
        ['pattern-mismatch', '$.name', 'TrainingJobName'],
        ['pattern-mismatch', '$.role', 'RoleArn'],
        ['value-out-of-range', '$.role', 'RoleArn'],
        ['algorithm-invalid-hyperparameter', '$.rounds', 'num_round'],
        ['invalid-type', '$.count', 'InstanceCount'],
      ];
      assert.deepEqual(codes(findings), expected.map(([code]) => code).sort());
      for (const [code, written, member] of expected) {
        const finding = findingAt(text, findings, code, written);
        assert.ok(finding.message.endsWith(` ${JSONPATH_NOTE}`), `${code}: ${finding.message}`);
        assert.deepEqual(finding.fixes.filter((fix) => fix.preferred).map((fix) => fix.title), [`Name the key "${member}.$" (a JSONPath value)`], code);
        assert.equal(applyWorkflowFix(text, finding), text.replace(`"${member}": "${written}"`, `"${member}.$": "${written}"`), code);
      }
      const image = machine({ Resource: 'arn:aws:states:::sagemaker:createModel', Parameters: { ModelName: 'm', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: '$.image' } } });
      const invalid = only(analyzeWorkflow(image), 'invalid-image-reference');
      // The cause alone: how a repository is spelt says nothing about a path sent as text (found by a fresh user).
      assert.equal(invalid.message, `"$.image" is not an image reference. ${JSONPATH_NOTE}`);
      assert.equal(textAt(image, invalid), '$.image');
      assert.equal(applyWorkflowFix(image, invalid), image.replace('"Image": "$.image"', '"Image.$": "$.image"'));
    });

    it('offers no rename where the object has the member already ("Name.$" beside "Name"), nor for a list item', () => {
      const text = machine({ Resource: 'arn:aws:states:::sagemaker:createEndpoint', Parameters: { 'EndpointName.$': '$.name', EndpointName: '$.other', EndpointConfigName: 'config' } });
      const pattern = findingAt(text, analyzeWorkflow(text), 'pattern-mismatch', '$.other');
      assert.ok(pattern.message.endsWith(` ${JSONPATH_NOTE}`));
      assert.equal(pattern.fixes.some((fix) => fix.title.startsWith('Name the key')), false);
      const subnets = machine({ Resource: 'arn:aws:states:::sagemaker:createModel', Parameters: { ModelName: 'm', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: `${XGBOOST_US_EAST_1}:1.7-1` }, VpcConfig: { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: ['$.subnet'] } } });
      const item = findingAt(subnets, analyzeWorkflow(subnets), 'pattern-mismatch', '$.subnet');
      assert.ok(item.message.endsWith(` ${JSONPATH_NOTE}`));
      assert.equal(item.fixes.some((fix) => fix.preferred || fix.title.startsWith('Name the key')), false);
    });

    it('leaves other strings\' fixes preferred, and a spec outside a state machine alone', () => {
      const text = machine({ Resource: 'arn:aws:states:::sagemaker:createTransformJob', Parameters: { 'TransformJobName.$': '$.n', 'ModelName.$': '$.m', 'TransformInput.$': '$.in', 'TransformOutput.$': '$.out', TransformResources: { InstanceType: 'ml.m5.xlarg', InstanceCount: 1 } } });
      const finding = only(analyzeWorkflow(text), 'invalid-enum-value');
      assert.equal(finding.fixes.find((fix) => fix.preferred)?.title, 'Use "ml.m5.xlarge"');
      assert.doesNotMatch(finding.message, /JSONPath/);
    });

    it('in YAML: the rename writes "Name.$:" and keeps the value as written', () => {
      const text = fixture('transform-paths-without-dollar-keys.asl.yaml');
      const findings = analyzeYaml(text);
      const compression = findingAt(text, findings, 'invalid-enum-value', '$.gzip');
      assert.ok(compression.message.endsWith(` ${JSONPATH_NOTE}`));
      assert.equal(compression.fixes.find((fix) => fix.title === 'Use "Gzip"')?.preferred, false);
      assert.equal(applyHostFix(text, compression), text.replace('CompressionType: $.gzip', 'CompressionType.$: $.gzip'));
      const assemble = findingAt(text, findings, 'invalid-enum-value', '$.line');
      assert.equal(applyHostFix(text, assemble), text.replace('AssembleWith: "$.line"', 'AssembleWith.$: "$.line"'));
    });
  });

  describe('path-key-constant', () => {
    const endpointConfig = (variant: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      machine({ Resource: 'arn:aws:states:::sagemaker:createEndpointConfig', Parameters: { 'EndpointConfigName.$': 'my-config', ProductionVariants: [{ VariantName: 'a', ModelName: 'm', InitialInstanceCount: 1, ...variant }], ...extra } });

    it('reports a ".$" key whose value is a constant, on the value; dropping the ".$" is preferred when the constant is valid (found by a fresh user)', () => {
      const text = endpointConfig({ 'InstanceType.$': 'ml.m5.xlarge' });
      const findings = analyzeWorkflow(text);
      assert.deepEqual(codes(findings), ['path-key-constant', 'path-key-constant']);
      const [name, instance] = findings;
      assert.equal(textAt(text, name), 'my-config');
      assert.equal(textAt(text, instance), 'ml.m5.xlarge');
      assert.equal(instance.severity, 'error');
      assert.deepEqual(instance.fixes.map((fix) => [fix.title, fix.preferred]), [['Drop ".$" from the key (send "ml.m5.xlarge" as written)', true]]);
      assert.equal(applyWorkflowFix(text, instance), text.replace('"InstanceType.$"', '"InstanceType"'));
      assert.ok(unambiguousFix(name));
    });

    it('offers the drop but does not prefer it when the constant is not valid for the member (its own finding says why)', () => {
      const text = endpointConfig({ 'InstanceType.$': 'ml.m5.xlaarge', 'InitialInstanceCount.$': 0 });
      const findings = analyzeWorkflow(text);
      const instance = findingAt(text, findings, 'path-key-constant', 'ml.m5.xlaarge');
      assert.equal(instance.fixes[0].preferred, false);
      assert.ok(findingAt(text, findings, 'invalid-enum-value', 'ml.m5.xlaarge'));
      const count = findings.find((finding) => finding.code === 'path-key-constant' && textAt(text, finding) === '0');
      assert.ok(count, 'a number under a ".$" key is reported too');
      assert.equal(count!.fixes[0].preferred, false, 'InitialInstanceCount is at least 1');
      assert.equal(applyWorkflowFix(text, count!, 'Drop ".$" from the key (send the value as written)'), text.replace('"InitialInstanceCount.$"', '"InitialInstanceCount"'));
    });

    it('does not prefer the drop for a blank, or a path behind spaces (meant computed)', () => {
      const text = endpointConfig({ 'VariantName.$': '  $.variant' }, { 'KmsKeyId.$': '' });
      const findings = analyzeWorkflow(text).filter((finding) => finding.code === 'path-key-constant');
      assert.deepEqual(findings.map((finding) => [textAt(text, finding), finding.fixes.some((fix) => fix.preferred)]), [['my-config', true], ['  $.variant', false], ['', false]]);
    });

    it('takes paths, context paths and intrinsic functions, and leaves JSONata states to their own rules', () => {
      const text = endpointConfig({ 'InstanceType.$': '$.type', 'VariantName.$': 'States.Format(\'v-{}\', $.n)' }, { 'EndpointConfigName.$': '$$.Execution.Name', 'KmsKeyId.$': '$' });
      assert.deepEqual(codes(analyzeWorkflow(text)).filter((code) => code === 'path-key-constant'), []);
    });

    it('in YAML: the fix drops the ".$" from the key as written', () => {
      const text = ['StartAt: M', 'States:', '  M:', '    Type: Task', '    Resource: arn:aws:states:::sagemaker:createModel', '    Parameters:', '      ModelName.$: my-model', `      ExecutionRoleArn: ${ROLE}`, `      PrimaryContainer: { Image: "${XGBOOST_US_EAST_1}:1.7-1" }`, '    End: true', ''].join('\n');
      const finding = only(analyzeYaml(text), 'path-key-constant');
      assert.equal(textAt(text, finding), 'my-model');
      assert.equal(applyHostFix(text, finding), text.replace('ModelName.$: my-model', 'ModelName: my-model'));
    });
  });

  describe('query-language-mismatch', () => {
    it('reports Parameters in a JSONata state and Arguments in a JSONPath one, renames a block that reads alike, and still checks it', () => {
      const text = fixture('mixed-query-languages-and-misspelt-action.asl.json');
      const findings = analyzeWorkflow(text);
      const [parameters, args] = findings.filter((finding) => finding.code === 'query-language-mismatch');
      assert.equal(textAt(text, parameters), 'Parameters');
      assert.equal(parameters.message, 'A JSONata state takes its request in "Arguments", not "Parameters": Step Functions rejects the state machine. Rename it "Arguments".');
      assert.ok(parameters.offset > text.indexOf('"D"') && parameters.offset < text.indexOf('"E"'));
      assert.equal(textAt(text, args), 'Arguments');
      assert.ok(args.offset > text.indexOf('"E"'));
      const atD = text.indexOf('"Parameters"', text.indexOf('"D"'));
      assert.equal(applyWorkflowFix(text, parameters), `${text.slice(0, atD)}"Arguments"${text.slice(atD + '"Parameters"'.length)}`);
      assert.ok(unambiguousFix(parameters));
      const atE = text.indexOf('"Arguments"', text.indexOf('"E"'));
      assert.equal(applyWorkflowFix(text, args), `${text.slice(0, atE)}"Parameters"${text.slice(atE + '"Arguments"'.length)}`);
      // Both blocks are still the requests they were meant to be: their unpinned XGBoost is reported.
      assert.equal(findings.filter((finding) => finding.code === 'xgboost-unpinned').length, 2);
    });

    it('a JSONata state\'s Parameters with "Name.$" keys: no rename (its paths would be sent as text), checked as JSONPath', () => {
      const text = machine({ Resource: 'arn:aws:states:::sagemaker:createModel', Parameters: { 'ModelName.$': '$.name', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: `${XGBOOST_US_EAST_1}:latest` } } }, { QueryLanguage: 'JSONata' });
      const findings = analyzeWorkflow(text);
      assert.deepEqual(codes(findings), ['query-language-mismatch', 'xgboost-unpinned']);
      const finding = only(findings, 'query-language-mismatch');
      assert.equal(textAt(text, finding), 'Parameters');
      assert.match(finding.message, /Its JSONPath \("Name\.\$" keys, "\$\.path" values\) must become "\{% … %\}" expressions under "Arguments"; it is checked as JSONPath meanwhile\.$/);
      assert.deepEqual(finding.fixes, []);
    });

    it('a JSONPath state\'s Arguments with "{% … %}" values: no rename, checked as JSONata (its expressions dynamic)', () => {
      const text = machine({ Resource: 'arn:aws:states:::sagemaker:createModel', Arguments: { ModelName: '{% $states.input.name %}', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: `${XGBOOST_US_EAST_1}:latest` } } });
      const findings = analyzeWorkflow(text);
      assert.deepEqual(codes(findings), ['query-language-mismatch', 'xgboost-unpinned']);
      const finding = only(findings, 'query-language-mismatch');
      assert.match(finding.message, /Its "\{% … %\}" values are JSONata: set "QueryLanguage": "JSONata" on the state/);
      assert.deepEqual(finding.fixes, []);
    });

    it('names what the block holds: "$.path" strings without "{% … %}" in a JSONPath state\'s Arguments (found by a fresh user)', () => {
      const text = machine({ Resource: 'arn:aws:states:::sagemaker:createModel', Arguments: { ModelName: 'm', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: `${XGBOOST_US_EAST_1}:1.7-1`, Environment: { A: '$.notapath' } } } });
      const finding = only(analyzeWorkflow(text), 'query-language-mismatch');
      assert.doesNotMatch(finding.message, /JSONata:|"\{% … %\}" values/);
      assert.match(finding.message, /It has no "\{% … %\}" expression, and its "\$\.path" values are text in either language/);
      assert.deepEqual(finding.fixes, []);
    });

    it('names what the block holds: "Name.$" keys in a JSONPath state\'s Arguments, "{% … %}" alone in a JSONata state\'s Parameters', () => {
      const keys = machine({ Resource: 'arn:aws:states:::sagemaker:createModel', Arguments: { 'ModelName.$': '$.name', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: `${XGBOOST_US_EAST_1}:1.7-1` } } });
      assert.match(only(analyzeWorkflow(keys), 'query-language-mismatch').message, /Its "Name\.\$" keys are JSONPath, as the state is: rename it "Parameters"/);
      const jsonata = machine({ Resource: 'arn:aws:states:::sagemaker:createModel', Parameters: { ModelName: '{% $states.input.name %}', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: `${XGBOOST_US_EAST_1}:1.7-1` } } }, { QueryLanguage: 'JSONata' });
      const finding = only(analyzeWorkflow(jsonata), 'query-language-mismatch');
      assert.match(finding.message, /Its "\{% … %\}" values are JSONata, as the state is: rename it "Arguments"/);
      assert.doesNotMatch(finding.message, /Its JSONPath/);
    });

    it('renames the block where its expressions are all the state\'s own language: the rename is the whole fix (found by a fresh user)', () => {
      const jsonata = machine({ Resource: 'arn:aws:states:::sagemaker:createModel', Parameters: { ModelName: '{% $states.input.name %}', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: `${XGBOOST_US_EAST_1}:1.7-1` } } }, { QueryLanguage: 'JSONata' });
      const toArguments = only(analyzeWorkflow(jsonata), 'query-language-mismatch');
      const fixed = applyWorkflowFix(jsonata, toArguments);
      assert.equal(fixed, jsonata.replace('"Parameters"', '"Arguments"'));
      assert.deepEqual(analyzeWorkflow(fixed), []);
      const keys = machine({ Resource: 'arn:aws:states:::sagemaker:createModel', Arguments: { 'ModelName.$': '$.name', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: `${XGBOOST_US_EAST_1}:1.7-1` } } });
      const toParameters = only(analyzeWorkflow(keys), 'query-language-mismatch');
      assert.equal(applyWorkflowFix(keys, toParameters), keys.replace('"Arguments"', '"Parameters"'));
      assert.deepEqual(analyzeWorkflow(applyWorkflowFix(keys, toParameters)), []);
      // A "$.path" value under no ".$" key would stay text: no rename then.
      const loose = machine({ Resource: 'arn:aws:states:::sagemaker:createModel', Arguments: { 'ModelName.$': '$.name', ExecutionRoleArn: '$.role', PrimaryContainer: { Image: `${XGBOOST_US_EAST_1}:1.7-1` } } });
      assert.deepEqual(only(analyzeWorkflow(loose), 'query-language-mismatch').fixes, []);
    });

    it('a JSONata state\'s Parameters: its "{% … %}" and "$.path" values get no follow-on findings, which only repeated the mismatch as "this JSONPath state" (found by a fresh user)', () => {
      const role = '{% $states.input.roleArn %}';
      const text = machine({ Resource: 'arn:aws:states:::sagemaker:createModel', Parameters: { ModelName: "{% 'model-' & $states.context.Execution.Name %}", ExecutionRoleArn: role, PrimaryContainer: { Image: `${XGBOOST_US_EAST_1}:1.7-1`, ModelDataUrl: '$.model', Mode: 'Singel' } } }, { QueryLanguage: 'JSONata' });
      const findings = analyzeWorkflow(text);
      // The one mismatch, and what is wrong whatever the language (a misspelt constant); nothing on the expressions.
      assert.deepEqual(codes(findings), ['invalid-enum-value', 'query-language-mismatch']);
      assert.equal(textAt(text, only(findings, 'invalid-enum-value')), 'Singel');
      assert.doesNotMatch(findings.map((finding) => finding.message).join('\n'), /this JSONPath state|this JSONata state/);
      // Renamed as the mismatch says, the expressions are computed: nothing is left on them either.
      assert.deepEqual(codes(analyzeWorkflow(text.replace('"Parameters"', '"Arguments"').replace('"$.model"', '"{% $states.input.model %}"'))), ['invalid-enum-value']);
    });

    it('the repro of that user: a JSONata tuning task under Parameters, only the mismatch and the real mistakes', () => {
      const text = fs.readFileSync(path.join(FIXTURES, 'jsonata-tuning-under-parameters.asl.yaml'), 'utf8');
      const findings = analyzeYaml(text, { algorithms: true });
      assert.deepEqual(codes(findings), ['algorithm-objective-metric', 'algorithm-parameter-range', 'query-language-mismatch', 'unknown-property']);
      assert.doesNotMatch(findings.map((finding) => finding.message).join('\n'), /JSONPath state/);
    });

    it('a JSONPath state\'s Arguments: its "$.path" values get no follow-on findings, and a "Name.$" key is not said to be in a JSONata state', () => {
      const text = machine({ Resource: 'arn:aws:states:::sagemaker:createModel', Arguments: { ModelName: 'm', 'ModelNme.$': '$.name', ExecutionRoleArn: '$.role', PrimaryContainer: { Image: `${XGBOOST_US_EAST_1}:1.7-1` } } });
      const findings = analyzeWorkflow(text);
      assert.deepEqual(codes(findings), ['query-language-mismatch', 'unknown-property']);
      const unknown = only(findings, 'unknown-property');
      assert.equal(unknown.message, '"ModelNme.$" is not a member of the CreateModel request. Did you mean "ModelName"? It is in this object already. A key ending in ".$" is JSONPath, as this state is, but "Arguments" is read as JSONata, where it names no member (see query-language-mismatch).');
    });

    it('with both keys, the state\'s own is the request and the other is reported, no rename', () => {
      const text = machine({ QueryLanguage: 'JSONata', Resource: 'arn:aws:states:::sagemaker:createModel', Arguments: { ModelName: 'm', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: `${XGBOOST_US_EAST_1}:1.7-1` } }, Parameters: { ModelName: 'x' } });
      const finding = only(analyzeWorkflow(text), 'query-language-mismatch');
      assert.equal(textAt(text, finding), 'Parameters');
      assert.match(finding.message, /The state has "Arguments" too: remove "Parameters"\.$/);
      assert.deepEqual(finding.fixes, []);
      assert.match(text.slice(0, readJsonDocument(text).requests[0].root!.offset), /"Arguments": $/);
    });

    it('in YAML: the rename writes the key in YAML', () => {
      const text = ['QueryLanguage: JSONata', 'StartAt: M', 'States:', '  M:', '    Type: Task', '    Resource: arn:aws:states:::sagemaker:createModel', '    Parameters:', '      ModelName: m', `      ExecutionRoleArn: ${ROLE}`, `      PrimaryContainer: { Image: "${XGBOOST_US_EAST_1}:1.7-1" }`, '    End: true', ''].join('\n');
      const finding = only(analyzeYaml(text), 'query-language-mismatch');
      assert.equal(textAt(text, finding), 'Parameters');
      assert.equal(applyHostFix(text, finding), text.replace('    Parameters:', '    Arguments:'));
    });
  });

  describe('unfilled-placeholder', () => {
    it('a Resource written arn:${AWS::Partition}:… in a state machine file is reported on the placeholder, and the task still checked', () => {
      const text = machine({ Resource: 'arn:${AWS::Partition}:states:::sagemaker:createModel', Parameters: { ModelName: 'm', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: `${XGBOOST_US_EAST_1}:latest` } } });
      const findings = analyzeWorkflow(text);
      assert.deepEqual(findings.map((finding) => [finding.code, textAt(text, finding)]), [['unfilled-placeholder', '${AWS::Partition}'], ['xgboost-unpinned', 'latest']]);
      assert.match(findings[0].message, /^\$\{AWS::Partition\} is filled in only by CloudFormation's Fn::Sub/);
      assert.deepEqual(findings[0].fixes.map((fix) => [fix.title, fix.changesBehaviour]), [['Write the partition aws', true]]);
      assert.equal(applyWorkflowFix(text, findings[0], 'Write the partition aws'), text.replace('arn:${AWS::Partition}:', 'arn:aws:'));
      // Its pattern and action are read past the placeholder: a misspelt action is still reported where it is written.
      const misspelt = machine({ Resource: 'arn:${AWS::Partition}:states:::sagemaker:createModl', Parameters: { ModelName: 'm', ExecutionRoleArn: ROLE } });
      assert.equal(textAt(misspelt, only(analyzeWorkflow(misspelt), 'unknown-integration-action')), 'createModl');
    });

    it('a written partition, or a DefinitionSubstitutions key, is no finding', () => {
      for (const resource of ['arn:aws-cn:states:::sagemaker:createModel', 'arn:${Partition}:states:::sagemaker:createModel']) {
        const text = machine({ Resource: resource, Parameters: { ModelName: 'm', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: `${XGBOOST_US_EAST_1}:1.7-1` } } });
        assert.deepEqual(codes(analyzeWorkflow(text)).filter((code) => code === 'unfilled-placeholder'), [], resource);
      }
    });
  });

  describe('unknown-integration-action', () => {
    const training = (resource: string, parameters: Record<string, unknown> = { Foo: 1 }) => machine({ Resource: resource, Parameters: parameters });

    it('reports a misspelt optimized action on the action, fixes it (fix-all too), and checks the task as the corrected action', () => {
      const text = fixture('mixed-query-languages-and-misspelt-action.asl.json');
      const findings = analyzeWorkflow(text);
      const finding = only(findings, 'unknown-integration-action');
      assert.equal(textAt(text, finding), 'createTraningJob');
      assert.equal(finding.message, '"createTraningJob" is not an action of the SageMaker integration (states:::sagemaker:…): Step Functions rejects the state machine. Did you mean createTrainingJob? The task is checked as createTrainingJob.');
      assert.equal(applyWorkflowFix(text, finding), text.replace('createTraningJob.sync', 'createTrainingJob.sync'));
      assert.equal(unambiguousFix(finding)?.title, 'Change to createTrainingJob');
      assert.equal(textAt(text, findingAt(text, findings, 'unknown-property', 'Foo')), 'Foo');
      assert.ok(readJsonDocument(text).requests.some((request) => request.kind === 'CreateTrainingJob' && request.embedding?.integration?.unknownAction?.written === 'createTraningJob'));
    });

    it('offers the nearest actions unpreferred when none is clear, and checks nothing else of the task', () => {
      const text = training('arn:aws:states:::sagemaker:createJob.sync');
      const findings = analyzeWorkflow(text);
      const finding = only(findings, 'unknown-integration-action');
      assert.equal(textAt(text, finding), 'createJob');
      assert.equal(finding.fixes.some((fix) => fix.preferred), false);
      assert.ok(finding.fixes.length > 0);
      assert.match(finding.message, /which has only createTrainingJob, /);
      assert.deepEqual(codes(findings), ['unknown-integration-action']);
      assert.equal(readJsonDocument(text).requests[0].kind, undefined);
    });

    it('never corrects another SageMaker action into one of ours: only a typo (two edits at most) is clear', () => {
      // describeTrainingJob is a read, createModelCard and createTrainingPlan other resources: a Create in their place would be a guess (and a billable one).
      for (const action of ['describeTrainingJob', 'createModelCard', 'createTrainingPlan', 'createModelPackage']) {
        const text = training(`arn:aws:states:::sagemaker:${action}`);
        const finding = only(analyzeWorkflow(text), 'unknown-integration-action');
        assert.equal(finding.fixes.some((fix) => fix.preferred), false, action);
        assert.equal(finding.fixes[0].title, `Use the AWS SDK integration (aws-sdk:sagemaker:${action})`, action);
        assert.equal(readJsonDocument(text).requests[0].kind, undefined, action);
      }
      for (const [typo, action] of [['CreateTrainingJob', 'createTrainingJob'], ['createEndpoints', 'createEndpoint'], ['createLabellingJob', 'createLabelingJob']]) {
        const finding = only(analyzeWorkflow(training(`arn:aws:states:::sagemaker:${typo}`)), 'unknown-integration-action');
        assert.equal(unambiguousFix(finding)?.title, `Change to ${action}`, typo);
      }
    });

    it('an API action in the optimized integration (states:::sagemaker:describeTrainingJob) points to the SDK integration, offered first, never preferred (found by a fresh user)', () => {
      const text = machine({ Resource: 'arn:aws:states:::sagemaker:describeTrainingJob', Parameters: { 'TrainingJobName.$': '$$.Execution.Name' } });
      const finding = only(analyzeWorkflow(text), 'unknown-integration-action');
      assert.equal(textAt(text, finding), 'describeTrainingJob');
      assert.match(finding.message, /^"describeTrainingJob" is not an action of the SageMaker integration \(states:::sagemaker:…\), which has only createTrainingJob, .* and updateEndpoint: .*AWS SDK integration \(states:::aws-sdk:sagemaker:describeTrainingJob\)\.$/);
      assert.doesNotMatch(finding.message, /nearest|Did you mean/);
      const sdk = finding.fixes[0];
      assert.deepEqual([sdk.title, sdk.preferred], ['Use the AWS SDK integration (aws-sdk:sagemaker:describeTrainingJob)', false]);
      const fixed = applyWorkflowFix(text, finding, sdk.title);
      assert.equal(fixed, text.replace('states:::sagemaker:describeTrainingJob', 'states:::aws-sdk:sagemaker:describeTrainingJob'));
      assert.deepEqual(analyzeWorkflow(fixed), []);
      assert.equal(fixAll(text), text);
      // A misspelling of one of the integration's own actions keeps its correction, and no SDK fix.
      const typo = only(analyzeWorkflow(training('arn:aws:states:::sagemaker:createTraningJob.sync')), 'unknown-integration-action');
      assert.equal(typo.fixes.some((fix) => fix.title.startsWith('Use the AWS SDK')), false);
      assert.equal(unambiguousFix(typo)?.title, 'Change to createTrainingJob');
      // An action that reads as no API action (no verb of SageMaker's) keeps the nearest actions.
      assert.match(only(analyzeWorkflow(training('arn:aws:states:::sagemaker:trainingJob')), 'unknown-integration-action').message, /Its nearest actions/);
    });

    it('judges the pattern against the corrected action', () => {
      const text = training('arn:aws:states:::sagemaker:createModl.sync', { ModelName: 'm', ExecutionRoleArn: ROLE });
      const findings = analyzeWorkflow(text);
      assert.deepEqual(codes(findings), ['unknown-integration-action', 'unsupported-integration-pattern']);
      assert.equal(textAt(text, only(findings, 'unsupported-integration-pattern')), '.sync');
    });

    it('accepts the optimized integration\'s other actions (labeling jobs, endpoint updates) and leaves them unchecked', () => {
      for (const action of ['createLabelingJob.sync', 'updateEndpoint']) assert.deepEqual(analyzeWorkflow(training(`arn:aws:states:::sagemaker:${action}`)), [], action);
    });

    it('in the SDK integration reports only a near miss of a Create action of ours (wrong case or a typo)', () => {
      for (const [written, meant] of [['CreateTrainingJob', 'createTrainingJob'], ['createEndpointConfg', 'createEndpointConfig']]) {
        const text = training(`arn:aws:states:::aws-sdk:sagemaker:${written}`, {});
        const finding = only(analyzeWorkflow(text, { rules: { 'missing-required-property': 'off' } }), 'unknown-integration-action');
        assert.equal(textAt(text, finding), written);
        assert.match(finding.message, /the AWS SDK integration takes the API's actions in camelCase/);
        assert.equal(applyWorkflowFix(text, finding), text.replace(written, meant));
      }
    });

    it('never reports a real SageMaker API action in the SDK integration (every operation of the API model)', () => {
      const model = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'reference', 'sagemaker-api', 'service-2.json'), 'utf8')) as { operations: Record<string, unknown> };
      const operations = Object.keys(model.operations).map((name) => name[0].toLowerCase() + name.slice(1));
      assert.ok(operations.length > 300);
      const states = Object.fromEntries(operations.map((action, index) => [`S${index}`, { Type: 'Task', End: true, Resource: `arn:aws:states:::aws-sdk:sagemaker:${action}`, Parameters: {} }]));
      const text = JSON.stringify({ StartAt: 'S0', States: states });
      const document = readJsonDocument(text);
      assert.deepEqual(analyzeDocument(document, analyzeOptions({ rules: { 'missing-required-property': 'off' } })).findings.filter((finding) => finding.code === 'unknown-integration-action'), []);
      assert.equal(document.requests.length, 7, 'the seven Create actions of ours, each read as its request');
    });

    it('in YAML, and in a template\'s !Sub Resource (reported there without a fix)', () => {
      const text = ['StartAt: M', 'States:', '  M:', '    Type: Task', '    Resource: arn:aws:states:::sagemaker:createModle', '    Parameters:', '      ModelName: m', `      ExecutionRoleArn: ${ROLE}`, `      PrimaryContainer: { Image: "${XGBOOST_US_EAST_1}:1.7-1" }`, '    End: true', ''].join('\n');
      const finding = only(analyzeYaml(text), 'unknown-integration-action');
      assert.equal(applyHostFix(text, finding), text.replace('createModle', 'createModel'));
      const template = [
        'Resources:',
        '  Flow:',
        '    Type: AWS::StepFunctions::StateMachine',
        '    Properties:',
        '      Definition:',
        '        StartAt: M',
        '        States:',
        '          M:',
        '            Type: Task',
        '            Resource: !Sub arn:${AWS::Partition}:states:::sagemaker:createModle',
        '            Parameters: { ModelName: m, ExecutionRoleArn: "' + ROLE + '", PrimaryContainer: { Image: "' + XGBOOST_US_EAST_1 + ':1.7-1" } }',
        '            End: true',
        '',
      ].join('\n');
      const inTemplate = only(analyzeYaml(template), 'unknown-integration-action');
      assert.equal(textAt(template, inTemplate), 'createModle');
      assert.deepEqual(inTemplate.fixes, []);
      assert.equal(readYamlDocument(template).requests.find((request) => request.embedding?.integration)?.kind, 'CreateModel');
    });
  });

  describe('unsupported-integration-pattern on the integrations\' other actions (found by a fresh user)', () => {
    const task = (resource: string) => machine({ Resource: resource, Parameters: { EndpointName: 'churn', 'EndpointConfigName.$': '$.config' } });

    it('updateEndpoint takes request-response only: ".sync" is reported on the suffix, its removal preferred and applied by fix-all', () => {
      for (const pattern of ['.sync', '.waitForTaskToken']) {
        const text = task(`arn:aws:states:::sagemaker:updateEndpoint${pattern}`);
        const finding = only(analyzeWorkflow(text), 'unsupported-integration-pattern');
        assert.equal(textAt(text, finding), pattern);
        assert.match(finding.message, /request-response only there.*poll aws-sdk:sagemaker:describeEndpoint/);
        assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred === true, fix.changesBehaviour === true]), [[`Remove "${pattern}" (request-response)`, true, false]]);
        assert.equal(fixAll(text), text.replace(pattern, ''));
      }
    });

    it('createLabelingJob waits with ".sync", not ".waitForTaskToken" (the fixes as for the other job actions)', () => {
      const text = task('arn:aws:states:::sagemaker:createLabelingJob.waitForTaskToken');
      const finding = only(analyzeWorkflow(text), 'unsupported-integration-pattern');
      assert.equal(textAt(text, finding), '.waitForTaskToken');
      assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred === true, fix.changesBehaviour === true]), [
        ['Use ".sync" (wait for the job)', true, true],
        ['Remove ".waitForTaskToken" (request-response)', false, true],
      ]);
      assert.equal(applyWorkflowFix(text, finding, 'Use ".sync" (wait for the job)'), text.replace('.waitForTaskToken', '.sync'));
      assert.equal(fixAll(text), text);
    });

    it('the SDK integration has no ".sync" for any SageMaker action: a long action\'s removal is left to the user, a read\'s is applied', () => {
      const start = machine({ Resource: 'arn:aws:states:::aws-sdk:sagemaker:startPipelineExecution.sync', Parameters: { PipelineName: 'churn' } });
      const finding = only(analyzeWorkflow(start), 'unsupported-integration-pattern');
      assert.equal(textAt(start, finding), '.sync');
      assert.match(finding.message, /^The AWS SDK integration does not support ".sync" for startPipelineExecution/);
      assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred === true, fix.changesBehaviour === true]), [['Remove ".sync" (request-response)', true, true]]);
      assert.equal(applyWorkflowFix(start, finding), start.replace('startPipelineExecution.sync', 'startPipelineExecution'));
      assert.equal(fixAll(start), start);
      const describe = machine({ Resource: 'arn:aws:states:::aws-sdk:sagemaker:describeTrainingJob.sync', Parameters: { 'TrainingJobName.$': '$$.Execution.Name' } });
      assert.equal(fixAll(describe), describe.replace('describeTrainingJob.sync', 'describeTrainingJob'));
      const labeling = machine({ Resource: 'arn:aws:states:::aws-sdk:sagemaker:createLabelingJob.sync', Parameters: {} });
      assert.equal(applyWorkflowFix(labeling, only(analyzeWorkflow(labeling), 'unsupported-integration-pattern'), 'Use the SageMaker integration (states:::sagemaker:createLabelingJob.sync, which waits for the job)'), labeling.replace('aws-sdk:sagemaker:', 'sagemaker:'));
    });

    it('what Step Functions takes there is never reported, and no other action is read as a request', () => {
      for (const resource of ['sagemaker:updateEndpoint', 'sagemaker:createLabelingJob', 'sagemaker:createLabelingJob.sync', 'aws-sdk:sagemaker:describeTrainingJob', 'aws-sdk:sagemaker:addTags', 'aws-sdk:sagemaker:startPipelineExecution.waitForTaskToken', 'aws-sdk:sagemaker:stopTrainingJob']) {
        const text = task(`arn:aws:states:::${resource}`);
        assert.deepEqual(analyzeWorkflow(text), [], resource);
        assert.equal(readJsonDocument(text).requests.every((request) => request.kind === undefined && request.root === undefined), true, resource);
      }
    });

    it('in YAML, and in an Express workflow (request-response only, a callback too)', () => {
      const text = ['StartAt: U', 'States:', '  U:', '    Type: Task', '    Resource: arn:aws:states:::sagemaker:updateEndpoint.sync', '    Parameters:', '      EndpointName: churn', '      EndpointConfigName.$: $.config', '    End: true', ''].join('\n');
      const finding = only(analyzeYaml(text), 'unsupported-integration-pattern');
      assert.equal(textAt(text, finding), '.sync');
      assert.equal(applyHostFix(text, finding), text.replace('updateEndpoint.sync', 'updateEndpoint'));
      const express = JSON.stringify({ StartAt: 'Each', States: { Each: { Type: 'Map', End: true, ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: 'Go', States: { Go: { Type: 'Task', End: true, Resource: 'arn:aws:states:::aws-sdk:sagemaker:startPipelineExecution.waitForTaskToken', Parameters: { PipelineName: 'p' } } } } } } }, null, 2);
      const inExpress = only(analyzeWorkflow(express), 'unsupported-integration-pattern');
      assert.equal(textAt(express, inExpress), '.waitForTaskToken');
      assert.match(inExpress.message, /in an Express workflow: the Distributed Map state "Each"/);
    });
  });

  describe('invalid-integration-arn', () => {
    /** A model task whose one finding of its own is xgboost-unpinned on `latest`: the request was read. */
    const model = (resource: string) => machine({ Resource: resource, Parameters: { ModelName: 'm', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: `${XGBOOST_US_EAST_1}:latest` } } });
    const REGION_MESSAGE = (fields: string, meant: string) => `Step Functions' service-integration ARNs have no region or account (a task runs in its state machine's): with "${fields}" the Resource names no integration, and Step Functions rejects the state machine. Write ${meant}.`;

    it('a region and account written in: reported on "states:…:", the task still checked, the fix writing the integration ARN (fix-all too)', () => {
      const text = model('arn:aws:states:us-east-1:123456789012:sagemaker:createModel');
      const findings = analyzeWorkflow(text);
      assert.deepEqual(findings.map((finding) => [finding.code, textAt(text, finding)]), [['invalid-integration-arn', 'states:us-east-1:123456789012:'], ['xgboost-unpinned', 'latest']]);
      const finding = findings[0];
      assert.equal(finding.severity, 'error');
      assert.equal(finding.message, REGION_MESSAGE('states:us-east-1:123456789012:', 'arn:aws:states:::sagemaker:createModel'));
      assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred, fix.changesBehaviour === true]), [['Write arn:aws:states:::sagemaker:createModel', true, false]]);
      assert.equal(applyWorkflowFix(text, finding), text.replace('arn:aws:states:us-east-1:123456789012:sagemaker:', 'arn:aws:states:::sagemaker:'));
      assert.equal(unambiguousFix(finding)?.title, 'Write arn:aws:states:::sagemaker:createModel');
      assert.equal(readJsonDocument(text).requests[0].kind, 'CreateModel');
      const fixed = fixAll(text);
      assert.equal(fixed, text.replace('states:us-east-1:123456789012:', 'states:::'));
      assert.deepEqual(codes(analyzeWorkflow(fixed)), ['xgboost-unpinned']);
    });

    it('keeps the partition, the integration and the pattern; a region or an account alone is reported too', () => {
      for (const [resource, fields, meant] of [
        ['arn:aws:states:us-east-1:123456789012:sagemaker:createTrainingJob.sync', 'states:us-east-1:123456789012:', 'arn:aws:states:::sagemaker:createTrainingJob.sync'],
        ['arn:aws-cn:states:cn-north-1:123456789012:sagemaker:createModel', 'states:cn-north-1:123456789012:', 'arn:aws-cn:states:::sagemaker:createModel'],
        ['arn:aws:states:us-east-1:123456789012:aws-sdk:sagemaker:createModel', 'states:us-east-1:123456789012:', 'arn:aws:states:::aws-sdk:sagemaker:createModel'],
        ['arn:aws:states:us-east-1::sagemaker:createModel', 'states:us-east-1::', 'arn:aws:states:::sagemaker:createModel'],
        ['arn:aws:states::123456789012:sagemaker:createModel', 'states::123456789012:', 'arn:aws:states:::sagemaker:createModel'],
      ]) {
        const text = machine({ Resource: resource, Parameters: { ModelName: 'm', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: `${XGBOOST_US_EAST_1}:1.7-1` } } });
        const finding = only(analyzeWorkflow(text), 'invalid-integration-arn');
        assert.equal(textAt(text, finding), fields, resource);
        assert.equal(finding.message, REGION_MESSAGE(fields, meant), resource);
        assert.equal(applyWorkflowFix(text, finding), text.replace(resource, meant), resource);
      }
    });

    it('a colon missing or extra ("states::"): says how many, and the fix writes three', () => {
      for (const [resource, fields, colons] of [
        ['arn:aws:states::sagemaker:createTrainingJob.sync', 'states::', 2],
        ['arn:aws:states:sagemaker:createTrainingJob.sync', 'states:', 1],
        ['arn:aws:states::::sagemaker:createTrainingJob.sync', 'states::::', 4],
      ] as const) {
        const text = machine({ Resource: resource, Parameters: { TrainingJobName: 'j', RoleArn: ROLE, AlgorithmSpecification: { TrainingImage: `${XGBOOST_US_EAST_1}:latest`, TrainingInputMode: 'File' } } }, {});
        const findings = analyzeWorkflow(text, { rules: { 'missing-required-property': 'off', 'algorithm-channel': 'off', 'algorithm-missing-hyperparameter': 'off' } });
        assert.deepEqual(codes(findings), ['invalid-integration-arn', 'xgboost-unpinned'], resource);
        const finding = findings[0];
        assert.equal(textAt(text, finding), fields, resource);
        assert.equal(finding.message, `Step Functions' service-integration ARNs have no region or account, written as three colons after "states": "${fields}" has ${colons}, so the Resource names no integration, and Step Functions rejects the state machine. Write arn:aws:states:::sagemaker:createTrainingJob.sync.`);
        assert.equal(applyWorkflowFix(text, finding), text.replace(resource, 'arn:aws:states:::sagemaker:createTrainingJob.sync'), resource);
      }
    });

    it('with a misspelt action too: both reported, each fix its own part, fix-all writing the ARN meant', () => {
      const text = model('arn:aws:states:us-east-1:123456789012:sagemaker:createModl');
      const findings = analyzeWorkflow(text);
      assert.deepEqual(findings.map((finding) => [finding.code, textAt(text, finding)]), [['invalid-integration-arn', 'states:us-east-1:123456789012:'], ['unknown-integration-action', 'createModl'], ['xgboost-unpinned', 'latest']]);
      assert.equal(findings[0].fixes[0].title, 'Write arn:aws:states:::sagemaker:createModl');
      assert.equal(fixAll(text), text.replace('arn:aws:states:us-east-1:123456789012:sagemaker:createModl', 'arn:aws:states:::sagemaker:createModel'));
    });

    it('the integration\'s other actions are reported too, and left unchecked (no pattern judged for createLabelingJob.sync)', () => {
      for (const action of ['updateEndpoint', 'createLabelingJob.sync']) {
        const text = machine({ Resource: `arn:aws:states:us-east-1:123456789012:sagemaker:${action}`, Parameters: { Foo: 1 } });
        const findings = analyzeWorkflow(text);
        assert.deepEqual(codes(findings), ['invalid-integration-arn'], action);
        assert.equal(applyWorkflowFix(text, findings[0]), text.replace('states:us-east-1:123456789012:', 'states:::'), action);
        assert.equal(readJsonDocument(text).requests[0].kind, undefined, action);
      }
    });

    it('leaves other ARNs alone: activities, state machines, Lambda, other services\' integrations, and fields that are no region or account', () => {
      for (const resource of [
        'arn:aws:states:us-east-1:123456789012:activity:x',
        'arn:aws:states:us-east-1:123456789012:activity:sagemaker:createTrainingJob',
        'arn:aws:states:us-east-1:123456789012:stateMachine:sagemaker',
        'arn:aws:lambda:us-east-1:123456789012:function:sagemaker-createTrainingJob',
        'arn:aws:states:us-east-1:123456789012:lambda:invoke',
        'arn:aws:states::lambda:invoke',
        'arn:aws:states:us-east-1:us-west-2:sagemaker:createTrainingJob',
        'arn:aws:states:us-east-1:123456789012:aws-sdk:s3:getObject',
      ]) {
        const text = machine({ Resource: resource, Parameters: { Foo: 1 } });
        assert.deepEqual(analyzeWorkflow(text), [], resource);
        assert.deepEqual(readJsonDocument(text).requests, [], resource);
      }
    });

    it('turned off: not reported, and the task is still checked', () => {
      const text = model('arn:aws:states:us-east-1:123456789012:sagemaker:createModel');
      assert.deepEqual(codes(analyzeWorkflow(text, { rules: { 'invalid-integration-arn': 'off' } })), ['xgboost-unpinned']);
    });

    it('in YAML, as the fresh user wrote it (a createEndpointConfig task)', () => {
      const text = ['StartAt: C', 'States:', '  C:', '    Type: Task', '    Resource: arn:aws:states:us-east-1:123456789012:sagemaker:createEndpointConfig', '    Parameters:', '      EndpointConfigName.$: $$.Execution.Name', '      ProductionVariants:', '        - VariantName: AllTraffic', '          ModelName: m', '          InstanceType: ml.m5.larg', '          InitialInstanceCount: 1', '    End: true', ''].join('\n');
      const findings = analyzeYaml(text);
      assert.deepEqual(findings.map((finding) => [finding.code, textAt(text, finding)]), [['invalid-integration-arn', 'states:us-east-1:123456789012:'], ['invalid-enum-value', 'ml.m5.larg']]);
      assert.equal(applyHostFix(text, findings[0]), text.replace('arn:aws:states:us-east-1:123456789012:sagemaker:', 'arn:aws:states:::sagemaker:'));
    });

    it('a state machine file\'s arn:${AWS::Partition}:states:<region>:<account>:…: both the placeholder and the fields reported, each on its own text', () => {
      const text = model('arn:${AWS::Partition}:states:us-east-1:123456789012:sagemaker:createModel');
      const findings = analyzeWorkflow(text);
      assert.deepEqual(findings.map((finding) => [finding.code, textAt(text, finding)]), [['unfilled-placeholder', '${AWS::Partition}'], ['invalid-integration-arn', 'states:us-east-1:123456789012:'], ['xgboost-unpinned', 'latest']]);
      assert.equal(findings[1].fixes[0].title, 'Write arn:${AWS::Partition}:states:::sagemaker:createModel');
      assert.equal(applyWorkflowFix(text, findings[1]), text.replace('states:us-east-1:123456789012:', 'states:::'));
    });

    describe('in a template', () => {
      const template = (resource: string) =>
        [
          'Resources:',
          '  Flow:',
          '    Type: AWS::StepFunctions::StateMachine',
          '    Properties:',
          '      Definition:',
          '        StartAt: M',
          '        States:',
          '          M:',
          '            Type: Task',
          `            Resource: ${resource}`,
          '            Parameters: { ModelName: m, ExecutionRoleArn: "' + ROLE + '", PrimaryContainer: { Image: "' + XGBOOST_US_EAST_1 + ':latest" } }',
          '            End: true',
          '',
        ].join('\n');

      it('!Sub with ${AWS::Region}:${AWS::AccountId}, as a state machine\'s own ARN is written: reported on them, fixed in the !Sub string', () => {
        const text = template('!Sub arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:sagemaker:createModel');
        const findings = analyzeYaml(text);
        assert.deepEqual(findings.map((finding) => [finding.code, textAt(text, finding)]), [['invalid-integration-arn', 'states:${AWS::Region}:${AWS::AccountId}:'], ['xgboost-unpinned', 'latest']]);
        assert.equal(findings[0].message, REGION_MESSAGE('states:${AWS::Region}:${AWS::AccountId}:', 'arn:${AWS::Partition}:states:::sagemaker:createModel'));
        assert.equal(applyHostFix(text, findings[0]), text.replace('states:${AWS::Region}:${AWS::AccountId}:', 'states:::'));
        assert.equal(readYamlDocument(text).requests.find((request) => request.embedding?.integration)?.kind, 'CreateModel');
      });

      it('!Sub with the partition written: the same; in a DefinitionString (JSON in a !Sub) reported without a fix', () => {
        const text = template('!Sub arn:aws:states:${AWS::Region}:${AWS::AccountId}:sagemaker:createModel.sync');
        const findings = analyzeYaml(text);
        assert.deepEqual(findings.map((finding) => [finding.code, textAt(text, finding)]), [['invalid-integration-arn', 'states:${AWS::Region}:${AWS::AccountId}:'], ['unsupported-integration-pattern', '.sync'], ['xgboost-unpinned', 'latest']]);
        assert.equal(findings[0].fixes[0].title, 'Write arn:aws:states:::sagemaker:createModel.sync');
        const inString = [
          'Resources:',
          '  Flow:',
          '    Type: AWS::StepFunctions::StateMachine',
          '    Properties:',
          '      DefinitionString: !Sub |',
          '        {"StartAt": "M", "States": {"M": {"Type": "Task", "End": true,',
          '          "Resource": "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:sagemaker:createModel",',
          '          "Parameters": {"ModelName": "m", "ExecutionRoleArn": "' + ROLE + '", "PrimaryContainer": {"Image": "' + XGBOOST_US_EAST_1 + ':latest"}}}}}',
          '',
        ].join('\n');
        const found = analyzeYaml(inString);
        assert.deepEqual(found.map((finding) => [finding.code, textAt(inString, finding)]), [['invalid-integration-arn', 'states:${AWS::Region}:${AWS::AccountId}:'], ['xgboost-unpinned', 'latest']]);
        assert.deepEqual(found[0].fixes, []);
        assert.match(found[0].message, / Write "states:::" in its place\.$/);
      });

      it('a literal Resource, and a placeholder elsewhere in the !Sub (the action) still reads as no integration', () => {
        const literal = template('arn:aws:states:us-east-1:123456789012:sagemaker:createModel');
        assert.equal(applyHostFix(literal, only(analyzeYaml(literal), 'invalid-integration-arn')), literal.replace('states:us-east-1:123456789012:', 'states:::'));
        const action = template('!Sub arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:sagemaker:${Action}');
        assert.deepEqual(codes(analyzeYaml(action)), []);
      });

      it('!Join: reported without a fix where the fields span its items', () => {
        const text = template('!Join ["", ["arn:", !Ref AWS::Partition, ":states:", !Ref AWS::Region, ":", !Ref AWS::AccountId, ":sagemaker:createModel"]]');
        const finding = only(analyzeYaml(text), 'invalid-integration-arn');
        const fields = 'states:", !Ref AWS::Region, ":", !Ref AWS::AccountId, ":';
        assert.equal(textAt(text, finding), fields);
        assert.deepEqual(finding.fixes, []);
        assert.equal(finding.message, `Step Functions' service-integration ARNs have no region or account (a task runs in its state machine's): with a region or account after "states" the Resource names no integration, and Step Functions rejects the state machine. Write "states:::" in its place.`);
      });
    });
  });
});
