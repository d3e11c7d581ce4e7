// Every JSON rule case (rules.test.ts, apiModelRules.test.ts) run again through the Python host:
// the same request written as a boto3 call must get the same codes, on the same text, with fixes
// that produce Python and leave the same request as the JSON fix does.
import * as assert from 'node:assert/strict';
import { analyzeSpec } from '../../src/core/analyze';
import { applyEdits, type Finding } from '../../src/core/findings';
import { analyzeDocument, readPythonDocument } from '../../src/core/hostDocument';
import type { LiveLookup } from '../../src/core/registry/liveLookup';
import { renderFix } from '../../src/core/renderFix';
import type { RuleSettings } from '../../src/core/rules/ruleCodes';
import type { SpecKind } from '../../src/core/specKind';
import { analyzePython, applyPythonFix, boto3Method, boto3Script, normalisedSource, pythonRequestValues, type PythonStyle } from './pythonTestKit';
import { parseSpecDocument } from '../../src/core/specDocument';
import { analyzeText, applyFix, catalog, codes, KMEANS_US_EAST_1, modelSpec, textAt, trainingSpec, XGBOOST_US_EAST_1 } from './specTestKit';

type Request = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- cases edit requests freely, as plain JSON
type Editable = Record<string, any>;

const LAMBDA_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:registry-credentials';
const VPC = { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: ['subnet-0123456789abcdef0'] };
const DIGEST = `sha256:${'b'.repeat(64)}`;
const PRIVATE = 'registry.example.com/team/trainer:2.1';
const IMAGE = `${XGBOOST_US_EAST_1}:1.7-1`;
const PYTORCH = '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training';
const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';

const training = (image: string, extra: Request = {}, algorithmExtra: Request = {}): Request => JSON.parse(trainingSpec(image, extra, algorithmExtra)) as Request;
const model = (image: string, containerExtra: Request = {}, extra: Request = {}): Request => JSON.parse(modelSpec(image, containerExtra, extra)) as Request;
/** The valid training request of apiModelRules.test.ts with `change` applied. */
function edited(change: (spec: Editable) => void): Request {
  const spec = training(IMAGE) as Editable;
  change(spec);
  return spec;
}
const processing = (cluster: Request): Request => ({ ProcessingJobName: 'p', RoleArn: ROLE, AppSpecification: { ImageUri: IMAGE }, ProcessingResources: { ClusterConfig: cluster } });
const onInstance = (image: string, instanceType: string): Request => training(image, { ResourceConfig: { InstanceType: instanceType, InstanceCount: 1, VolumeSizeInGB: 10 } });

interface ParityCase {
  name: string;
  kind?: SpecKind;
  request: Request;
  region?: string;
  rules?: RuleSettings;
  /** Codes the JSON host must report (so the case tests what it is named for); both hosts must agree on all. */
  expect: string[];
  /** Titles of non-preferred fixes to apply too. */
  fixTitles?: string[];
  /** The same textual change made to both renderings (duplicate keys, `3600.0`): JSON text, Python text. */
  rewrite?: { json: (text: string) => string; python: (text: string) => string };
}

const CASES: ParityCase[] = [
  // rules.test.ts: image rules
  { name: 'a pinned built-in image in its region', request: training(IMAGE), region: 'us-east-1', expect: [] },
  { name: 'kmeans:1', request: training(`${KMEANS_US_EAST_1}:1`), expect: [] },
  { name: 'invalid-image-reference on the offending part', request: training('registry.example.com/Team/trainer:1'), expect: ['invalid-image-reference'] },
  { name: 'invalid-image-reference on an empty string', request: training(''), expect: ['invalid-image-reference'] },
  { name: 'latest-tag with a catalog fix', request: training(`${KMEANS_US_EAST_1}:latest`), expect: ['latest-tag'] },
  { name: 'latest-tag without tag or digest', request: model('registry.example.com/team/server', { ImageConfig: { RepositoryAccessMode: 'Vpc' } }, { VpcConfig: VPC }), expect: ['latest-tag'] },
  { name: 'a digest is pinned', request: model(`registry.example.com/team/server@${DIGEST}`, { ImageConfig: { RepositoryAccessMode: 'Vpc' } }, { VpcConfig: VPC }), expect: [] },
  ...[`${XGBOOST_US_EAST_1}:1`, `${XGBOOST_US_EAST_1}:latest`, '811284229777.dkr.ecr.us-east-1.amazonaws.com/xgboost:1', '811284229777.dkr.ecr.us-east-1.amazonaws.com/xgboost'].map(
    (image): ParityCase => ({ name: `xgboost-unpinned ${image.split('/')[1]}`, request: training(image), expect: ['xgboost-unpinned'], fixTitles: ['Pin XGBoost 1.7-1', 'Pin XGBoost 0.90-1 (tag 0.90-1-cpu-py3)'] }),
  ),
  { name: 'xgboost-unpinned rewrites the account for the target region', request: training('246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:latest'), region: 'us-east-1', expect: ['xgboost-unpinned'], fixTitles: ['Pin XGBoost 1.7-1'] },
  { name: 'registry-account-mismatch', request: training('246618743249.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1'), expect: ['registry-account-mismatch'] },
  { name: "a user's own account", request: training('123456789012.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1'), expect: [] },
  { name: 'unknown-region', request: training('382416733822.dkr.ecr.us-east-9.amazonaws.com/kmeans:1'), expect: ['unknown-region'], fixTitles: ['Change the region to us-east-1'] },
  { name: 'unknown-region in China with its DNS suffix', request: training('450853457545.dkr.ecr.cn-north-2.amazonaws.com/sagemaker-xgboost:1.7-1'), expect: ['unknown-region'], fixTitles: ['Change the region to cn-north-1'] },
  { name: 'the wrong DNS suffix for a China region', request: training('450853457545.dkr.ecr.cn-north-1.amazonaws.com/sagemaker-xgboost:1.7-1'), expect: ['unknown-region'] },
  { name: 'image-region-mismatch needs an explicit region', request: training('174872318107.dkr.ecr.us-west-2.amazonaws.com/kmeans:1'), expect: [] },
  { name: 'image-region-mismatch', request: training('174872318107.dkr.ecr.us-west-2.amazonaws.com/kmeans:1'), region: 'us-east-1', expect: ['image-region-mismatch'] },
  { name: "image-region-mismatch on a user's own image", request: training('123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/trainer:3'), region: 'us-east-1', expect: ['image-region-mismatch'] },
  { name: 'only the most basic problem of the family', request: training('246618743249.dkr.ecr.us-west-2.amazonaws.com/kmeans:9'), region: 'us-east-1', expect: ['image-region-mismatch'] },
  { name: 'unknown-image-tag', request: training(`${XGBOOST_US_EAST_1}:1.7-2`), expect: ['unknown-image-tag'] },
  { name: 'a long DLC tag on GPUs', request: training(`${PYTORCH}:2.8.0-gpu-py312-cu129-ubuntu22.04-sagemaker`, { ResourceConfig: { InstanceType: 'ml.g5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 } }), expect: [] },
  { name: 'unknown-image-tag on a DLC', request: training(`${PYTORCH}:2.7.9-gpu-py312`), expect: ['unknown-image-tag'] },
  { name: 'newer-than-catalog on a DLC', request: training(`${PYTORCH}:9.9.9-gpu-py312`), expect: ['newer-than-catalog'] },
  { name: 'image-scope-mismatch', request: training('763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.6.0-gpu-py312'), expect: ['image-scope-mismatch'] },

  // rules.test.ts: private registries
  { name: 'needs-vpc-access without TrainingImageConfig', request: training(PRIVATE, { VpcConfig: VPC }), expect: ['private-registry-needs-vpc-access'] },
  {
    name: 'needs-vpc-access on Platform',
    request: training(PRIVATE, { VpcConfig: VPC }, { TrainingImageConfig: { TrainingRepositoryAccessMode: 'Platform', TrainingRepositoryAuthConfig: { TrainingRepositoryCredentialsProviderArn: LAMBDA_ARN } } }),
    expect: ['private-registry-needs-vpc-access'],
  },
  { name: 'needs-vpc-access on a model', request: model('registry.example.com/team/server:3', {}, { VpcConfig: VPC }), expect: ['private-registry-needs-vpc-access'] },
  { name: 'private-registry-unsupported in processing', kind: 'CreateProcessingJob', request: { ProcessingJobName: 'p', AppSpecification: { ImageUri: PRIVATE } }, expect: ['private-registry-unsupported'] },
  { name: 'private-registry-unsupported in tuning', kind: 'CreateHyperParameterTuningJob', request: { HyperParameterTuningJobName: 't', TrainingJobDefinition: { AlgorithmSpecification: { TrainingImage: `${PRIVATE}@${DIGEST}` } } }, expect: ['private-registry-unsupported'] },
  { name: 'docker-hub-image in tuning', kind: 'CreateHyperParameterTuningJob', request: { HyperParameterTuningJobName: 't', TrainingJobDefinition: { AlgorithmSpecification: { TrainingImage: 'python:3.11' } } }, expect: ['docker-hub-image'] },
  { name: 'missing-vpc-config without VpcConfig', request: training(`${PRIVATE}@${DIGEST}`, {}, { TrainingImageConfig: { TrainingRepositoryAccessMode: 'Vpc' } }), expect: ['missing-vpc-config'] },
  { name: 'missing-vpc-config without Subnets', request: training(`${PRIVATE}@${DIGEST}`, { VpcConfig: { SecurityGroupIds: ['sg-0123456789abcdef0'] } }, { TrainingImageConfig: { TrainingRepositoryAccessMode: 'Vpc' } }), expect: ['missing-vpc-config'] },
  { name: 'missing-vpc-config with empty Subnets', request: training(`${PRIVATE}@${DIGEST}`, { VpcConfig: { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: [] } }, { TrainingImageConfig: { TrainingRepositoryAccessMode: 'Vpc' } }), expect: ['missing-vpc-config'] },
  { name: 'missing-vpc-config on a model', request: model(`registry.example.com/server@${DIGEST}`, { ImageConfig: { RepositoryAccessMode: 'Vpc' } }), expect: ['missing-vpc-config'] },
  {
    name: 'invalid-credentials-provider-arn',
    request: training(`${PRIVATE}@${DIGEST}`, { VpcConfig: VPC }, { TrainingImageConfig: { TrainingRepositoryAccessMode: 'Vpc', TrainingRepositoryAuthConfig: { TrainingRepositoryCredentialsProviderArn: 'arn:aws:iam::123456789012:role/RegistryReader' } } }),
    expect: ['invalid-credentials-provider-arn'],
  },
  ...[LAMBDA_ARN, `${LAMBDA_ARN}:$LATEST`, 'arn:aws-cn:lambda:cn-north-1:123456789012:function:creds:prod'].map(
    (arn): ParityCase => ({ name: `a Lambda ARN ${arn}`, request: model(`registry.example.com/server@${DIGEST}`, { ImageConfig: { RepositoryAccessMode: 'Vpc', RepositoryAuthConfig: { RepositoryCredentialsProviderArn: arn } } }, { VpcConfig: VPC }), expect: [] }),
  ),
  {
    name: 'credentials-provider-without-vpc-access',
    request: training(IMAGE, {}, { TrainingImageConfig: { TrainingRepositoryAccessMode: 'Platform', TrainingRepositoryAuthConfig: { TrainingRepositoryCredentialsProviderArn: LAMBDA_ARN } } }),
    expect: ['credentials-provider-without-vpc-access'],
  },
  { name: 'digest-recommended', request: training(PRIVATE, { VpcConfig: VPC }, { TrainingImageConfig: { TrainingRepositoryAccessMode: 'Vpc' } }), expect: ['digest-recommended'] },
  { name: 'a severity setting', request: training(`${KMEANS_US_EAST_1}:latest`), rules: { 'latest-tag': 'error' }, expect: ['latest-tag'] },
  { name: 'a code turned off', request: training(`${KMEANS_US_EAST_1}:latest`), rules: { 'latest-tag': 'off' }, expect: [] },

  // apiModelRules.test.ts
  { name: 'a complete, valid request', request: edited(() => {}), expect: [] },
  { name: 'unknown-property with did-you-mean', request: edited((spec) => (spec.AlgorithmSpecification = { TrainingImge: IMAGE, TrainingInputMode: 'File' })), expect: ['unknown-property'] },
  {
    name: 'unknown-property on a keyword and in a list item',
    request: edited((spec) => {
      spec.RoleARN = ROLE;
      spec.InputDataConfig = [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/k', S3DataDistribution: 'FullyReplicated' } } }];
    }),
    expect: ['unknown-property', 'unknown-property'],
  },
  { name: 'unknown-property without far-fetched names', request: edited((spec) => (spec.ResourceConfig.Zzzzzzzzzzzzzzzzzz = 1)), expect: ['unknown-property'] },
  { name: 'missing-required in a nested object', kind: 'CreateProcessingJob', request: processing({ InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10 }), expect: ['missing-required-property'] },
  { name: 'missing-required RoleArn on the call', request: edited((spec) => delete spec.RoleArn), expect: ['missing-required-property'] },
  { name: 'missing-required in a list item', request: edited((spec) => (spec.InputDataConfig = [{ ChannelName: 'train' }])), expect: ['missing-required-property'] },
  { name: 'missing-required object filled', request: edited((spec) => delete spec.OutputDataConfig), expect: ['missing-required-property'] },
  { name: 'invalid-type: a quoted number', request: edited((spec) => (spec.ResourceConfig.InstanceCount = '1')), expect: ['invalid-type'] },
  {
    name: 'invalid-type: a fraction for an integer',
    request: edited(() => {}),
    rewrite: { json: (text) => text.replace('"MaxRuntimeInSeconds": 3600', '"MaxRuntimeInSeconds": 3600.0'), python: (text) => text.replace(/(['"]MaxRuntimeInSeconds['"]): 3600/, '$1: 3600.0') },
    expect: ['invalid-type'],
  },
  {
    name: 'invalid-type: object for list, number for string, null',
    request: edited((spec) => {
      spec.InputDataConfig = { ChannelName: 'train' };
      spec.HyperParameters = { num_round: 100 };
      spec.OutputDataConfig.KmsKeyId = null;
    }),
    expect: ['invalid-type', 'invalid-type', 'invalid-type'],
  },
  { name: 'invalid-type: "true" for a boolean', request: edited((spec) => (spec.EnableNetworkIsolation = 'true')), expect: ['invalid-type'] },
  { name: 'invalid-enum-value: instance type', request: edited((spec) => (spec.ResourceConfig.InstanceType = 'ml.m5.xlarg')), expect: ['invalid-enum-value'] },
  { name: 'invalid-enum-value: input mode', request: edited((spec) => (spec.AlgorithmSpecification.TrainingInputMode = 'file')), expect: ['invalid-enum-value'] },
  { name: 'value-out-of-range: under the minimum', request: edited((spec) => (spec.StoppingCondition.MaxRuntimeInSeconds = 0)), expect: ['value-out-of-range'] },
  { name: 'value-out-of-range: over the maximum', kind: 'CreateProcessingJob', request: processing({ InstanceCount: 101, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10 }), expect: ['value-out-of-range'] },
  { name: 'value-out-of-range: a string too long', request: edited((spec) => (spec.TrainingJobName = 'a'.repeat(64))), expect: ['value-out-of-range'] },
  { name: 'value-out-of-range: an empty string', request: edited((spec) => (spec.TrainingJobName = '')), expect: ['value-out-of-range'] },
  { name: 'value-out-of-range: list items beyond the maximum', request: edited((spec) => (spec.Tags = Array.from({ length: 52 }, (_, index) => ({ Key: `k${index}`, Value: 'v' })))), expect: ['value-out-of-range'] },
  { name: 'value-out-of-range: an empty list', request: edited((spec) => (spec.InputDataConfig = [])), expect: ['value-out-of-range'] },
  { name: 'value-out-of-range: map entries', request: edited((spec) => (spec.HyperParameters = Object.fromEntries(Array.from({ length: 101 }, (_, index) => [`p${index}`, '1'])))), expect: ['value-out-of-range'] },
  { name: 'pattern-mismatch: a job name', request: edited((spec) => (spec.TrainingJobName = 'a_b')), expect: ['pattern-mismatch'] },
  {
    name: 'pattern-mismatch: map keys and ARNs',
    request: edited((spec) => {
      spec.RoleArn = 'arn:aws:iam::123456789012:user/x y';
      spec.Environment = { '1BAD': 'v' };
    }),
    expect: ['pattern-mismatch', 'pattern-mismatch'],
  },
  {
    name: 'duplicate-key in a dict',
    request: edited(() => {}),
    rewrite: { json: (text) => text.replace('"InstanceCount": 1,', '"InstanceCount": 1,\n    "InstanceCount": 2,'), python: (text) => text.replace(/(\s*)(['"])InstanceCount\2: 1,/, '$1$2InstanceCount$2: 1,$1$2InstanceCount$2: 2,') },
    expect: ['duplicate-key'],
  },
  {
    name: 'duplicate-key in a map',
    request: edited(() => {}),
    rewrite: {
      json: (text) => text.replace('"StoppingCondition"', '"HyperParameters": {"eta": "1", "eta": "2"},\n  "StoppingCondition"'),
      python: (text) => text.replace('StoppingCondition=', "HyperParameters={'eta': '1', 'eta': '2'},\n    StoppingCondition="),
    },
    expect: ['duplicate-key'],
  },
  { name: 'an empty image only to the image rules', request: edited((spec) => (spec.AlgorithmSpecification.TrainingImage = '')), expect: ['invalid-image-reference'] },
  { name: 'an image of the wrong type', request: edited((spec) => (spec.AlgorithmSpecification.TrainingImage = 42)), expect: ['invalid-type'] },
  {
    name: 'empty Subnets under Vpc access only to missing-vpc-config',
    request: training(`registry.example.com/team/trainer@sha256:${'a'.repeat(64)}`, { VpcConfig: { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: [] } }, { TrainingImageConfig: { TrainingRepositoryAccessMode: 'Vpc' } }),
    expect: ['missing-vpc-config'],
  },
  {
    name: 'the credentials provider ARN only to invalid-credentials-provider-arn',
    request: training(`registry.example.com/team/trainer@sha256:${'a'.repeat(64)}`, { VpcConfig: { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: ['subnet-0123456789abcdef0'] } }, { TrainingImageConfig: { TrainingRepositoryAccessMode: 'Vpc', TrainingRepositoryAuthConfig: { TrainingRepositoryCredentialsProviderArn: 'nope' } } }),
    expect: ['invalid-credentials-provider-arn'],
  },
  {
    name: 'API rule settings',
    request: edited((spec) => {
      spec.RoleARN = ROLE;
      spec.ResourceConfig.InstanceCount = '1';
    }),
    rules: { 'unknown-property': 'off', 'invalid-type': 'warning' },
    expect: ['invalid-type'],
  },
  { name: 'an endpoint tag without Value', kind: 'CreateEndpoint', request: { EndpointName: 'e', EndpointConfigName: 'c', Tags: [{ Key: 'k' }] }, expect: ['missing-required-property'] },
  {
    name: 'a transform job enum',
    kind: 'CreateTransformJob',
    request: { TransformJobName: 't', ModelName: 'm', TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/k' } } }, TransformOutput: { S3OutputPath: 's3://b/o' }, TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1 }, BatchStrategy: 'Multi' },
    expect: ['invalid-enum-value'],
  },
  { name: 'image-processor-mismatch: GPU image, CPU instance', request: onInstance(`${PYTORCH}:2.6.0-gpu-py312`, 'ml.m5.xlarge'), expect: ['image-processor-mismatch'] },
  { name: 'image-processor-mismatch: CPU image, p4d', request: onInstance(`${PYTORCH}:2.6.0-cpu-py312`, 'ml.p4d.24xlarge'), expect: ['image-processor-mismatch'] },
  { name: 'image-processor-mismatch: CPU image, g6', request: onInstance(`${PYTORCH}:2.6.0-cpu-py312`, 'ml.g6.xlarge'), expect: ['image-processor-mismatch'] },
  { name: 'a CUDA tag on a CPU instance', request: onInstance('123456789012.dkr.ecr.us-east-1.amazonaws.com/mine:cu121', 'ml.m5.large'), expect: ['image-processor-mismatch'] },
  { name: 'an unknown processor', request: onInstance(IMAGE, 'ml.p3.2xlarge'), expect: [] },
];

/** Two file styles: the converter's default (single quotes, four spaces) and a double-quoted, two-space one with trailing commas. */
const STYLES: { name: string; style: PythonStyle }[] = [
  { name: "single quotes", style: {} },
  { name: 'double quotes, trailing commas', style: { quote: '"', indent: '  ', trailingCommas: true } },
];

/** The text the finding covers, as the other host would show it (`{` of the request is the call's name in Python). */
function comparable(text: string, finding: Finding, kind: SpecKind): string {
  const covered = textAt(text, finding);
  return finding.offset === 0 && covered === '{' ? boto3Method(kind) : normalisedSource(covered);
}

describe('Python host parity with the JSON rule tests', () => {
  for (const { name: styleName, style } of STYLES) {
    describe(styleName, () => {
      for (const testCase of CASES) {
        it(testCase.name, () => {
          const kind = testCase.kind ?? (testCase.request.ModelName !== undefined && testCase.request.PrimaryContainer !== undefined ? 'CreateModel' : 'CreateTrainingJob');
          const inputs = { region: testCase.region, rules: testCase.rules };
          const json = testCase.rewrite ? testCase.rewrite.json(JSON.stringify(testCase.request, null, 2)) : JSON.stringify(testCase.request, null, 2);
          const python = testCase.rewrite ? testCase.rewrite.python(boto3Script(kind, testCase.request, style)) : boto3Script(kind, testCase.request, style);
          if (testCase.rewrite) assert.notEqual(python, boto3Script(kind, testCase.request, style), 'the rewrite applies to the Python text');

          const jsonFindings = analyzeText(json, inputs);
          const pythonFindings = analyzePython(python, inputs);
          // As in the JSON tests (`only`): the named codes are there, others may be too; none when none is named.
          if (testCase.expect.length === 0) assert.deepEqual(codes(jsonFindings), []);
          for (const code of testCase.expect) assert.ok(codes(jsonFindings).filter((found) => found === code).length >= testCase.expect.filter((named) => named === code).length, `JSON reports ${code}`);
          assert.deepEqual(codes(pythonFindings), codes(jsonFindings), 'both hosts report the same codes');

          const byCode = (findings: Finding[]) => [...findings].sort((a, b) => a.code.localeCompare(b.code) || a.offset - b.offset);
          const jsonSorted = byCode(jsonFindings);
          const pythonSorted = byCode(pythonFindings);
          jsonSorted.forEach((jsonFinding, index) => {
            const pythonFinding = pythonSorted[index];
            assert.equal(comparable(python, pythonFinding, kind), comparable(json, jsonFinding, kind), `range of ${jsonFinding.code}`);
            assert.equal(pythonFinding.severity, jsonFinding.severity);
            assert.deepEqual(pythonFinding.fixes.map((fix) => fix.title), jsonFinding.fixes.map((fix) => fix.title), `fixes of ${jsonFinding.code}`);
            const titles = [...(jsonFinding.fixes.some((fix) => fix.preferred) ? [undefined] : []), ...(testCase.fixTitles ?? []).filter((title) => jsonFinding.fixes.some((fix) => fix.title === title))];
            for (const title of titles) {
              const fixedJson = applyFix(json, jsonFinding, title);
              const fixedPython = applyPythonFix(python, pythonFinding, title);
              assert.doesNotMatch(fixedPython, /\b(true|false|null)\b/, 'no JSON literals in Python');
              const requests = pythonRequestValues(fixedPython);
              assert.equal(requests.length, 1, 'the fixed Python still holds one call');
              assert.equal(requests[0].kind, kind);
              assert.deepEqual(requests[0].value, JSON.parse(fixedJson), `the fix ${title ?? '(preferred)'} of ${jsonFinding.code} leaves the same request`);
              assert.deepEqual(codes(analyzePython(fixedPython, inputs)), codes(analyzeText(fixedJson, inputs)), 'the fixed texts get the same findings');
            }
          });
        });
      }
    });
  }
});

describe('Python fixes, exact text', () => {
  const valid = edited(() => {});

  it('inserts a missing top-level member as a keyword argument after the last one', () => {
    const withoutRole = Object.fromEntries(Object.entries(valid).filter(([key]) => key !== 'RoleArn'));
    const text = boto3Script('CreateTrainingJob', withoutRole);
    const [finding] = analyzePython(text);
    assert.equal(textAt(text, finding), 'create_training_job');
    assert.equal(applyPythonFix(text, finding), boto3Script('CreateTrainingJob', { ...withoutRole, RoleArn: '' }));
  });

  it('inserts a missing member inside a dict as a string key, with the dict entries’ indentation', () => {
    const text = boto3Script('CreateProcessingJob', processing({ InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10 }));
    const [finding] = analyzePython(text);
    assert.equal(finding.code, 'missing-required-property');
    assert.equal(applyPythonFix(text, finding), text.replace("'VolumeSizeInGB': 10\n", "'VolumeSizeInGB': 10,\n            'InstanceCount': 1\n"));
  });

  it('renames a misspelt keyword argument to the keyword the API has', () => {
    const text = boto3Script('CreateTrainingJob', { ...valid, RoleArn: undefined, RoleARN: ROLE });
    const findings = analyzePython(text);
    // One finding: the missing RoleArn is what the rename gives.
    assert.deepEqual(codes(findings), ['unknown-property']);
    const finding = findings.find((found) => found.code === 'unknown-property')!;
    assert.equal(textAt(text, finding), 'RoleARN');
    assert.equal(finding.fixes[0].title, 'Change to "RoleArn"');
    const fixed = applyPythonFix(text, finding);
    assert.equal(fixed, text.replace('RoleARN=', 'RoleArn='));
    assert.deepEqual(analyzePython(fixed), []);
  });

  it('renames a misspelt dict key in the quotes the key has', () => {
    const text = boto3Script('CreateTrainingJob', edited((spec) => (spec.AlgorithmSpecification = { TrainingImge: IMAGE, TrainingInputMode: 'File' })), { quote: '"' });
    const finding = analyzePython(text)[0];
    assert.equal(applyPythonFix(text, finding), boto3Script('CreateTrainingJob', valid, { quote: '"' }));
  });

  it('rewrites the tag in place, in the literal', () => {
    const text = boto3Script('CreateTrainingJob', training(`${KMEANS_US_EAST_1}:latest`));
    assert.equal(applyPythonFix(text, analyzePython(text)[0]), boto3Script('CreateTrainingJob', training(`${KMEANS_US_EAST_1}:1`)));
  });

  it('adds TrainingImageConfig to the AlgorithmSpecification dict as a Python dict', () => {
    const text = boto3Script('CreateTrainingJob', training(PRIVATE, { VpcConfig: VPC }));
    const fixed = applyPythonFix(text, analyzePython(text)[0]);
    assert.equal(fixed, text.replace("'TrainingInputMode': 'File'\n", "'TrainingInputMode': 'File',\n        'TrainingImageConfig': {'TrainingRepositoryAccessMode': 'Vpc'}\n"));
  });

  it('adds VpcConfig as a keyword argument with both lists', () => {
    const text = boto3Script('CreateTrainingJob', training(`${PRIVATE}@${DIGEST}`, {}, { TrainingImageConfig: { TrainingRepositoryAccessMode: 'Vpc' } }));
    const fixed = applyPythonFix(text, analyzePython(text)[0]);
    assert.equal(fixed, text.replace('\n)\n', ",\n    VpcConfig={'SecurityGroupIds': ['sg-'], 'Subnets': ['subnet-']}\n)\n"));
  });

  it('leaves the cursor inside the placeholder string the fix wrote', () => {
    const text = boto3Script('CreateTrainingJob', training(`${PRIVATE}@${DIGEST}`, {}, { TrainingImageConfig: { TrainingRepositoryAccessMode: 'Vpc' } }));
    const finding = analyzePython(text)[0];
    const rendered = renderFix({ text, host: 'python' }, finding.fixes[0])!;
    const fixed = applyEdits(text, rendered.edits);
    assert.equal(fixed.slice(rendered.cursorOffset! - "['sg-".length, rendered.cursorOffset! + 2), "['sg-']");
  });

  it('writes True, not true, for a boolean member', () => {
    const text = boto3Script('CreateTrainingJob', edited((spec) => (spec.EnableNetworkIsolation = 'true')));
    assert.equal(applyPythonFix(text, analyzePython(text)[0]), text.replace("EnableNetworkIsolation='true'", 'EnableNetworkIsolation=True'));
  });

  it('adds a member after a trailing comma without doubling it', () => {
    const withoutRole = Object.fromEntries(Object.entries(valid).filter(([key]) => key !== 'RoleArn'));
    const text = boto3Script('CreateTrainingJob', withoutRole, { trailingCommas: true });
    assert.equal(applyPythonFix(text, analyzePython(text)[0]), boto3Script('CreateTrainingJob', { ...withoutRole, RoleArn: '' }, { trailingCommas: true }));
  });
});

describe('Python host parity: tag-not-found from a live registry', () => {
  const HOST = 'registry.example.com:5000';
  // What a registry answered: tags of team/trainer, newest first.
  const live: LiveLookup = {
    repositories: (host) => (host === HOST ? ['team/trainer'] : undefined),
    tags: (host, repository) => (host === HOST && repository === 'team/trainer' ? [{ tag: '2.1' }, { tag: '2.0' }, { tag: '1.9' }] : undefined),
  };
  const request = training(`${HOST}/team/trainer:2.2`, { VpcConfig: VPC }, { TrainingImageConfig: { TrainingRepositoryAccessMode: 'Vpc' } });

  it('reports the tag the registry does not have on the same text, and fixes it to the same request', () => {
    const json = JSON.stringify(request, null, 2);
    const python = boto3Script('CreateTrainingJob', request);
    const jsonFindings = analyzeSpec(parseSpecDocument(json), { catalog, regionInputs: { env: {} }, live }).findings;
    const pythonFindings = analyzeDocument(readPythonDocument(python), { catalog, regionInputs: { env: {} }, live }).findings;
    assert.deepEqual(codes(pythonFindings), codes(jsonFindings));
    const jsonFinding = jsonFindings.find((finding) => finding.code === 'tag-not-found')!;
    const pythonFinding = pythonFindings.find((finding) => finding.code === 'tag-not-found')!;
    assert.equal(textAt(python, pythonFinding), '2.2');
    assert.equal(textAt(json, jsonFinding), '2.2');
    const fixed = applyPythonFix(python, pythonFinding);
    assert.equal(fixed, python.replace('trainer:2.2', 'trainer:2.1'));
    assert.deepEqual(pythonRequestValues(fixed)[0].value, JSON.parse(applyFix(json, jsonFinding)));
  });
});
