// Flow collections whose lines are indented less than YAML 1.2 asks (a JSON policy pasted into a
// template with its closing `}` under its key): read as CloudFormation, the SAM CLI and the AWS
// CLI read them (see flowIndentation.ts), while a collection left open is still reported where
// the strict reading places it. (The AWS CLI v2's own reading is compared in awsCliYamlParity.)
import * as assert from 'node:assert/strict';
import { readYamlDocument } from '../../src/core/hostDocument';
import { parseYaml, yamlModule } from '../../src/core/hosts/yaml/yamlSyntax';
import { flowIndentationLenientLexer } from '../../src/core/hosts/yaml/flowIndentation';
import { analyzeYaml, applyHostFix } from './yamlTestKit';

/** A template as written by hand: a KMS key policy pasted as JSON, and an endpoint config whose variant is a flow map. */
function template(instanceType: string): string {
  return [
    'Resources:',
    '  Key:',
    '    Type: AWS::KMS::Key',
    '    Properties:',
    '      KeyPolicy: {',
    '        "Version": "2012-10-17",',
    '        "Statement": [{"Effect": "Allow", "Principal": {"AWS": {"Fn::Join": [":", ["arn:aws:iam:", "Ref" : "AWS::AccountId", "root"]]}}, "Action": "kms:*", "Resource": "*"}]',
    '    }',
    '  Config:',
    '    Type: AWS::SageMaker::EndpointConfig',
    '    Properties:',
    '      ProductionVariants: [{',
    '    "ModelName": "my-model",',
    '    "VariantName": "AllTraffic",',
    `    "InstanceType": "${instanceType}",`,
    '    "InitialInstanceCount": 1',
    '  }]',
    '  Model:',
    '    Type: AWS::SageMaker::Model',
    '    Properties:',
    '      ExecutionRoleArn: arn:aws:iam::123456789012:role/SageMakerRole',
    '      PrimaryContainer:',
    '        Image: 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:latest',
    '',
  ].join('\n');
}

describe('YAML flow collections indented as CloudFormation and the AWS CLI accept them', () => {
  it('reads a template whose flow collections end under their keys: no invalid-yaml, and the requests after them are checked', () => {
    const text = template('ml.m5.xlarge');
    const findings = analyzeYaml(text, { region: 'us-east-1' });
    assert.deepEqual(
      findings.map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length)]),
      [['xgboost-unpinned', 'latest']],
    );
    assert.deepEqual(readYamlDocument(text).requests.map((request) => request.kind), ['CreateEndpointConfig', 'CreateModel']);
  });

  it('checks the values inside such a collection, and its fix writes the value in place', () => {
    const text = template('ml.m5.xlarg');
    const finding = analyzeYaml(text, { region: 'us-east-1' }).find((candidate) => candidate.code === 'invalid-enum-value');
    assert.ok(finding, 'the misspelt instance type is reported');
    assert.equal(text.slice(finding.offset, finding.offset + finding.length), 'ml.m5.xlarg');
    assert.equal(applyHostFix(text, finding), template('ml.m5.xlarge'));
  });

  it('reports a flow collection left open where the strict reading places it (the next key under it), not at the end of the file', () => {
    const text = ['Resources:', '  Model:', '    Type: AWS::SageMaker::Model', '    Properties:', '      PrimaryContainer: {', '        "Image": "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"', '  Other:', '    Type: AWS::S3::Bucket', ''].join('\n');
    const first = analyzeYaml(text, { region: 'us-east-1' }).filter((finding) => finding.code === 'invalid-yaml')[0];
    assert.ok(first, 'invalid-yaml is reported');
    assert.equal(first.offset, text.indexOf('Other:'));
  });

  it('reads well-indented flow collections as before', () => {
    const text = 'A: {x: 1,\n  y: [1,\n    2]}\nB: 2\n';
    const { documents } = parseYaml(text);
    assert.deepEqual(documents.map((document) => [document.errors.length, document.toJS()]), [[0, { A: { x: 1, y: [1, 2] }, B: 2 }]]);
  });

  it('still ends a document at `---` inside an open flow collection', () => {
    const { documents } = parseYaml('A: {x: 1,\n---\nB: 2\n');
    assert.ok(documents[0].errors.length > 0, 'the first document has an open flow map');
    assert.deepEqual(documents[1]?.toJS(), { B: 2 });
  });

  it('relies on lexer internals the installed yaml package has (an upgrade that drops them fails here, not silently)', () => {
    assert.ok(flowIndentationLenientLexer(yamlModule()), 'the lenient lexer was built');
  });
});
