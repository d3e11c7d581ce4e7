// Our Python renderings of the SageMaker docs' two private-registry examples (training with Vpc
// access and a credentials provider; inference followed by an endpoint config and endpoint) get
// the findings their JSON versions get, and so do broken variants of each.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../../src/core/findings';
import { readPythonDocument } from '../../src/core/hostDocument';
import { analyzePython, applyPythonFix, DYNAMIC, normalisedSource, requestValue } from './pythonTestKit';
import { analyzeText, applyFix, codes, textAt } from './specTestKit';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'python');
const TRAINING = fs.readFileSync(path.join(FIXTURES, 'private_registry_training.py'), 'utf8');
const INFERENCE = fs.readFileSync(path.join(FIXTURES, 'private_registry_inference.py'), 'utf8');

function containsDynamic(value: unknown): boolean {
  if (value === DYNAMIC) return true;
  if (value && typeof value === 'object') return Object.values(value).some(containsDynamic);
  return false;
}

/** One text change that must apply exactly once. */
function edit(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `"${from}" occurs once`);
  return text.replace(from, to);
}

/**
 * Asserts that `python` gets, over all its requests, the findings the JSON renderings of the same
 * requests get: same codes, same covered text; returns the Python findings and the JSON texts.
 */
function assertSameAsJson(python: string, kinds: string[]): { findings: Finding[]; json: string[] } {
  const requests = readPythonDocument(python).requests.filter((request) => request.root);
  assert.deepEqual(requests.map((request) => request.kind), kinds);
  const json = requests.map((request) => {
    const value = requestValue(request.root);
    assert.equal(containsDynamic(value), false, `every value of ${request.kind} is known`);
    return JSON.stringify(value, null, 2);
  });
  const jsonFindings = json.flatMap((text) => analyzeText(text).map((finding) => ({ text, finding })));
  const findings = analyzePython(python);
  assert.deepEqual(codes(findings), codes(jsonFindings.map(({ finding }) => finding)), 'the same codes as the JSON requests');
  const covered = (entries: string[]) => entries.sort();
  assert.deepEqual(
    covered(findings.map((finding) => `${finding.code} ${normalisedSource(textAt(python, finding))}`)),
    covered(jsonFindings.map(({ text, finding }) => `${finding.code} ${normalisedSource(textAt(text, finding))}`)),
    'on the same text',
  );
  return { findings, json };
}

describe('the docs’ private-registry examples in Python', () => {
  describe('training with Vpc access and a credentials provider', () => {
    it('gets what the JSON request gets: only the digest hint for an image pinned by tag', () => {
      const { findings } = assertSameAsJson(TRAINING, ['CreateTrainingJob']);
      assert.deepEqual(codes(findings), ['digest-recommended']);
      assert.equal(textAt(TRAINING, findings[0]), '2.4.1');
    });

    it('without VpcConfig: missing-vpc-config on Vpc, in the dict bound above the call; the fix adds the keyword', () => {
      const broken = edit(TRAINING, '        VpcConfig=network,\n', '');
      const { findings } = assertSameAsJson(broken, ['CreateTrainingJob']);
      assert.deepEqual(codes(findings), ['digest-recommended', 'missing-vpc-config']);
      const finding = findings.find((found) => found.code === 'missing-vpc-config')!;
      assert.equal(textAt(broken, finding), 'Vpc');
      assert.ok(finding.offset < broken.indexOf('image_config = {') + 60, 'the range lies in image_config');
      const fixed = applyPythonFix(broken, finding);
      assert.equal(fixed, edit(broken, "        StoppingCondition={'MaxRuntimeInSeconds': 1800},\n", "        StoppingCondition={'MaxRuntimeInSeconds': 1800},\n        VpcConfig={'SecurityGroupIds': ['sg-'], 'Subnets': ['subnet-']},\n"));
    });

    it('with Platform access: needs-vpc-access and the credentials warning, fixed back to Vpc in the bound dict', () => {
      const broken = edit(TRAINING, "'TrainingRepositoryAccessMode': 'Vpc'", "'TrainingRepositoryAccessMode': 'Platform'");
      const { findings } = assertSameAsJson(broken, ['CreateTrainingJob']);
      assert.ok(codes(findings).includes('private-registry-needs-vpc-access'));
      const finding = findings.find((found) => found.code === 'private-registry-needs-vpc-access')!;
      assert.equal(textAt(broken, finding), 'Platform');
      assert.equal(applyPythonFix(broken, finding), TRAINING);
    });

    it('with a role where the Lambda function belongs: invalid-credentials-provider-arn', () => {
      const broken = edit(TRAINING, 'arn:aws:lambda:us-east-1:123456789012:function:registry-credentials', 'arn:aws:iam::123456789012:role/RegistryReader');
      const { findings } = assertSameAsJson(broken, ['CreateTrainingJob']);
      assert.deepEqual(codes(findings), ['digest-recommended', 'invalid-credentials-provider-arn']);
    });
  });

  describe('inference from a private registry, then an endpoint config and an endpoint', () => {
    it('gets what the JSON requests get: only the digest hint', () => {
      const { findings } = assertSameAsJson(INFERENCE, ['CreateModel', 'CreateEndpointConfig', 'CreateEndpoint']);
      assert.deepEqual(codes(findings), ['digest-recommended']);
      assert.equal(textAt(INFERENCE, findings[0]), '3.1');
    });

    it('without VpcConfig: missing-vpc-config', () => {
      const broken = edit(INFERENCE, '        VpcConfig=network,\n', '');
      const { findings, json } = assertSameAsJson(broken, ['CreateModel', 'CreateEndpointConfig', 'CreateEndpoint']);
      assert.deepEqual(codes(findings), ['digest-recommended', 'missing-vpc-config']);
      const jsonFinding = analyzeText(json[0]).find((found) => found.code === 'missing-vpc-config')!;
      const fixedJson = JSON.parse(applyFix(json[0], jsonFinding)) as unknown;
      const fixed = applyPythonFix(broken, findings.find((found) => found.code === 'missing-vpc-config')!);
      assert.deepEqual(requestValue(readPythonDocument(fixed).requests[0].root), fixedJson);
    });

    it('without ImageConfig: needs-vpc-access on PrimaryContainer; the fix adds it to the bound dict', () => {
      const broken = edit(INFERENCE, "    'ImageConfig': {\n        'RepositoryAccessMode': 'Vpc',\n    },\n", '');
      const { findings } = assertSameAsJson(broken, ['CreateModel', 'CreateEndpointConfig', 'CreateEndpoint']);
      assert.deepEqual(codes(findings), ['digest-recommended', 'private-registry-needs-vpc-access']);
      const finding = findings.find((found) => found.code === 'private-registry-needs-vpc-access')!;
      assert.equal(textAt(broken, finding), 'PrimaryContainer');
      const fixed = applyPythonFix(broken, finding);
      assert.equal(fixed, edit(broken, "    'Image': 'registry.example.com/ml/server:3.1',\n", "    'Image': 'registry.example.com/ml/server:3.1',\n    'ImageConfig': {'RepositoryAccessMode': 'Vpc'},\n"));
    });

    it('a variant without its name: missing-required-property on the item’s `{`, the fix adds the key', () => {
      const broken = edit(INFERENCE, "            'VariantName': 'AllTraffic',\n", '');
      const { findings } = assertSameAsJson(broken, ['CreateModel', 'CreateEndpointConfig', 'CreateEndpoint']);
      assert.deepEqual(codes(findings), ['digest-recommended', 'missing-required-property']);
      const finding = findings.find((found) => found.code === 'missing-required-property')!;
      assert.equal(finding.offset, broken.indexOf("{\n            'ModelName'"));
      assert.equal(applyPythonFix(broken, finding), edit(broken, "            'InstanceType': 'ml.m5.large',\n", "            'InstanceType': 'ml.m5.large',\n            'VariantName': '',\n"));
    });

    it('a misspelt keyword on create_endpoint: unknown-property with the rename, which says the member is required (no second finding)', () => {
      // Not compared with JSON: with its one identifying member misspelt, the JSON text is no longer
      // recognisable as CreateEndpoint, while in Python the method name says what the request is.
      const broken = edit(INFERENCE, 'EndpointConfigName=config_name)', 'EndpointConfigNme=config_name)');
      const findings = analyzePython(broken);
      assert.deepEqual(codes(findings), ['digest-recommended', 'unknown-property']);
      assert.match(findings.find((found) => found.code === 'unknown-property')!.message, /Did you mean "EndpointConfigName"\? It is required\.$/);
      assert.equal(applyPythonFix(broken, findings.find((found) => found.code === 'unknown-property')!), INFERENCE);
    });
  });
});
