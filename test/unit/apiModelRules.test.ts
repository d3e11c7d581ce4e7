import * as assert from 'node:assert/strict';
import { applyEdits } from '../../src/core/findings';
import { unambiguousFix } from '../../src/core/fixAll';
import { analyzeDocument, readPythonDocument } from '../../src/core/hostDocument';
import { renderFix } from '../../src/core/renderFix';
import { analyzeText, apiModel, applyFix, catalog, codes, instanceGpus, modelSpec, only, textAt, trainingSpec, XGBOOST_US_EAST_1, render } from './specTestKit';

const IMAGE = `${XGBOOST_US_EAST_1}:1.7-1`;
const PYTORCH = '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training';
const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';

/** A training spec with `change` applied to its object form (members set to undefined are removed). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit specs freely, as plain JSON
function training(change: (spec: Record<string, any>) => void = () => {}): string {
  const spec = JSON.parse(trainingSpec(IMAGE));
  change(spec);
  return JSON.stringify(spec, null, 2);
}

describe('API model rules', () => {
  it('find nothing in a complete, valid spec', () => {
    assert.deepEqual(analyzeText(training()), []);
  });

  describe('unknown-property', () => {
    it('points at a misspelt key and offers the nearest names, best first', () => {
      const text = training((spec) => {
        spec.AlgorithmSpecification = { TrainingImge: IMAGE, TrainingInputMode: 'File' };
      });
      const finding = only(analyzeText(text), 'unknown-property');
      assert.equal(textAt(text, finding), 'TrainingImge');
      assert.equal(finding.severity, 'error');
      assert.equal(finding.fixes[0].title, 'Change to "TrainingImage"');
      assert.equal(applyFix(text, finding), training());
    });

    it('a clear typo of a required member the object lacks is one finding, which says so; the rename adds nothing else', () => {
      const text = training((spec) => {
        spec.AlgorithmSpecification = { TrainingImage: IMAGE, TrainingInputMod: 'File' };
      });
      const findings = analyzeText(text);
      assert.deepEqual(codes(findings), ['unknown-property']);
      assert.equal(findings[0].message, '"TrainingInputMod" is not a member of "AlgorithmSpecification". Did you mean "TrainingInputMode"? It is required.');
      assert.equal(applyFix(text, findings[0]), training());
      // A far name is no typo: the missing member is reported beside it.
      const far = training((spec) => {
        spec.AlgorithmSpecification = { TrainingImage: IMAGE, Mode: 'File' };
      });
      assert.deepEqual(codes(analyzeText(far)).sort(), ['missing-required-property', 'unknown-property']);
    });

    it('checks top-level members and nested list items too', () => {
      const text = training((spec) => {
        spec.RoleARN = ROLE;
        spec.InputDataConfig = [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/k', S3DataDistribution: 'FullyReplicated' } } }];
      });
      const findings = analyzeText(text).filter((finding) => finding.code === 'unknown-property');
      assert.deepEqual(findings.map((finding) => textAt(text, finding)), ['RoleARN', 'S3DataDistribution']);
      assert.equal(findings[1].fixes[0].title, 'Change to "S3DataDistributionType"');
    });

    it('offers no far-fetched names', () => {
      const text = training((spec) => {
        spec.ResourceConfig.Zzzzzzzzzzzzzzzzzz = 1;
      });
      assert.deepEqual(only(analyzeText(text), 'unknown-property').fixes, []);
    });
  });

  describe('missing-required-property', () => {
    it('words each list item\'s missing members for its own list and type, however many items share them', () => {
      // The messages are built once per label and name (a cache): two lists must not share one.
      const text = training((spec) => {
        spec.InputDataConfig = [{}, {}];
        spec.Tags = [{}];
      });
      const missing = analyzeText(text).filter((finding) => finding.code === 'missing-required-property');
      assert.deepEqual(
        missing.map((finding) => [finding.message, finding.offset]),
        [
          ['An item of "InputDataConfig" needs "ChannelName" (a string).', text.indexOf('{}')],
          ['An item of "InputDataConfig" needs "DataSource" (an object).', text.indexOf('{}')],
          ['An item of "InputDataConfig" needs "ChannelName" (a string).', text.indexOf('{}', text.indexOf('{}') + 1)],
          ['An item of "InputDataConfig" needs "DataSource" (an object).', text.indexOf('{}', text.indexOf('{}') + 1)],
          ['An item of "Tags" needs "Key" (a string).', text.lastIndexOf('{}')],
          ['An item of "Tags" needs "Value" (a string).', text.lastIndexOf('{}')],
        ],
      );
    });

    it('points at the key of the object that lacks the member and inserts a typed placeholder', () => {
      const processing = (cluster: Record<string, unknown>) =>
        JSON.stringify({ ProcessingJobName: 'p', RoleArn: ROLE, AppSpecification: { ImageUri: IMAGE }, ProcessingResources: { ClusterConfig: cluster } }, null, 2);
      const text = processing({ InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10 });
      const finding = only(analyzeText(text), 'missing-required-property');
      assert.equal(textAt(text, finding), 'ClusterConfig');
      assert.match(finding.message, /"InstanceCount"/);
      const fixed = applyFix(text, finding);
      // The placeholder is the member's minimum, so the result is valid as it stands.
      assert.equal(fixed, processing({ InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10, InstanceCount: 1 }));
      assert.deepEqual(analyzeText(fixed), []);
    });

    it('points at `{` for the request itself and puts the cursor inside the string placeholder', () => {
      const text = training((spec) => {
        delete spec.RoleArn;
      });
      const finding = only(analyzeText(text), 'missing-required-property');
      assert.equal(textAt(text, finding), '{');
      assert.equal(finding.offset, 0);
      const fix = render(text, finding.fixes[0]);
      const fixed = applyEdits(text, fix.edits);
      assert.equal(JSON.parse(fixed).RoleArn, '');
      assert.equal(fixed.slice(fix.cursorOffset! - '"RoleArn": "'.length, fix.cursorOffset! + 1), '"RoleArn": ""');
    });

    it('points at `{` of a list item and fills required sub-objects', () => {
      const text = training((spec) => {
        spec.InputDataConfig = [{ ChannelName: 'train' }];
      });
      const finding = only(analyzeText(text), 'missing-required-property');
      assert.equal(textAt(text, finding), '{');
      assert.equal(text.lastIndexOf('{', text.indexOf('"ChannelName"')), finding.offset);
      const fixed = JSON.parse(applyFix(text, finding));
      assert.deepEqual(fixed.InputDataConfig[0].DataSource, {});
    });

    it('fills the required members of an inserted object', () => {
      const text = training((spec) => {
        delete spec.OutputDataConfig;
      });
      const fixed = JSON.parse(applyFix(text, only(analyzeText(text), 'missing-required-property')));
      assert.deepEqual(fixed.OutputDataConfig, { S3OutputPath: '' });
    });
  });

  describe('invalid-type', () => {
    it('flags a quoted number on the value, and the fix unquotes it', () => {
      const text = training((spec) => {
        spec.ResourceConfig.InstanceCount = '1';
      });
      const finding = only(analyzeText(text), 'invalid-type');
      assert.equal(textAt(text, finding), '1');
      assert.equal(text[finding.offset - 1], '"');
      assert.equal(applyFix(text, finding), training());
    });

    it('rejects a fraction for an integer member, as the service does', () => {
      const text = training().replace('"MaxRuntimeInSeconds": 3600', '"MaxRuntimeInSeconds": 3600.0');
      const finding = only(analyzeText(text), 'invalid-type');
      assert.equal(textAt(text, finding), '3600.0');
      assert.equal(applyFix(text, finding), training());
    });

    it('flags an object where a list belongs, a number where a string belongs, and null', () => {
      const text = training((spec) => {
        spec.InputDataConfig = { ChannelName: 'train' };
        spec.HyperParameters = { num_round: 100 };
        spec.OutputDataConfig.KmsKeyId = null;
      });
      const findings = analyzeText(text);
      assert.deepEqual(codes(findings), ['invalid-type', 'invalid-type', 'invalid-type']);
      const hyper = findings.find((finding) => textAt(text, finding) === '100')!;
      assert.equal(JSON.parse(applyFix(text, hyper)).HyperParameters.num_round, '100');
      assert.ok(findings.some((finding) => textAt(text, finding) === 'null'));
    });

    it('turns "true" into true for a boolean member', () => {
      const text = training((spec) => {
        spec.EnableNetworkIsolation = 'true';
      });
      assert.equal(JSON.parse(applyFix(text, only(analyzeText(text), 'invalid-type'))).EnableNetworkIsolation, true);
      const spaced = training((spec) => {
        spec.EnableNetworkIsolation = ' false ';
      });
      assert.equal(JSON.parse(applyFix(spaced, only(analyzeText(spaced), 'invalid-type'))).EnableNetworkIsolation, false);
    });

    it('uses the value a string holds as JSON text when its types fit; wrapping stays for the rest', () => {
      const entrypoint = (value: unknown) => trainingSpec(IMAGE, {}, { ContainerEntrypoint: value });
      const text = entrypoint('["sh", "-c"]');
      const finding = only(analyzeText(text), 'invalid-type');
      assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred === true]), [
        ['Use the list the string holds: ["sh", "-c"]', true],
        ['Wrap the value in a list', false],
      ]);
      assert.deepEqual(JSON.parse(applyFix(text, finding)), JSON.parse(entrypoint(['sh', '-c'])));
      assert.deepEqual(analyzeText(applyFix(text, finding)), []);
      assert.deepEqual(JSON.parse(applyFix(text, finding, 'Wrap the value in a list')), JSON.parse(entrypoint(['["sh", "-c"]'])));
      // A plain string, and JSON text of the wrong item type: wrapping is the fix.
      for (const value of ['sh', '[1, 2]', '[not json']) {
        const plain = entrypoint(value);
        assert.deepEqual(JSON.parse(applyFix(plain, only(analyzeText(plain), 'invalid-type'))), JSON.parse(entrypoint([value])), value);
      }
      // A map written as a string of JSON text.
      const environment = modelSpec(IMAGE, { Environment: '{"MODE": "fast"}' });
      assert.deepEqual(JSON.parse(applyFix(environment, only(analyzeText(environment), 'invalid-type'))), JSON.parse(modelSpec(IMAGE, { Environment: { MODE: 'fast' } })));
      // Numbers in a list of integers.
      const ports = training((spec) => {
        spec.ResourceConfig.InstanceCount = ' 2 ';
      });
      assert.equal(JSON.parse(applyFix(ports, only(analyzeText(ports), 'invalid-type'))).ResourceConfig.InstanceCount, 2);
    });

    it('writes the parsed value in Python syntax in a boto3 call', () => {
      const source = [
        'import boto3',
        'boto3.client("sagemaker").create_training_job(',
        '    TrainingJobName="demo-job",',
        '    RoleArn="arn:aws:iam::123456789012:role/SageMakerRole",',
        `    AlgorithmSpecification={"TrainingImage": "${IMAGE}", "TrainingInputMode": "File", "ContainerEntrypoint": '["sh", "-c"]'},`,
        '    OutputDataConfig={"S3OutputPath": "s3://bucket/output"},',
        '    ResourceConfig={"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10},',
        '    StoppingCondition={"MaxRuntimeInSeconds": 3600},',
        ')',
        '',
      ].join('\n');
      const document = readPythonDocument(source);
      const result = analyzeDocument(document, { catalog, apiModel, instanceGpus, regionInputs: { env: {} } });
      const finding = only(result.findings, 'invalid-type');
      const fix = finding.fixes.find((candidate) => candidate.preferred)!;
      const rendered = renderFix(document, fix)!;
      assert.match(applyEdits(source, rendered.edits), /"ContainerEntrypoint": \["sh", "-c"\]\}/);
    });
  });

  describe('a member of a list item is named with its item', () => {
    it('says which channel and which tag: InputDataConfig[1].CompressionType, Tags[0].Value', () => {
      const text = training((spec) => {
        const channel = (name: string) => ({ ChannelName: name, DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://bucket/${name}` } } });
        spec.InputDataConfig = [channel('train'), { ...channel('validation'), CompressionType: 'Zip' }];
        spec.Tags = [{ Key: 'cost-center', Value: 42 }];
      });
      const messages = analyzeText(text).map((finding) => [finding.code, textAt(text, finding), finding.message]);
      assert.deepEqual(messages, [
        ['invalid-enum-value', 'Zip', '"Zip" is not a valid InputDataConfig[1].CompressionType: use one of "None", "Gzip".'],
        ['invalid-type', '42', 'Tags[0].Value must be a string, not a number.'],
      ]);
    });

    it('keeps the plain name outside lists: ResourceConfig.InstanceCount is InstanceCount', () => {
      const text = training((spec) => {
        spec.ResourceConfig.InstanceCount = '1';
      });
      assert.equal(only(analyzeText(text), 'invalid-type').message, 'InstanceCount must be an integer, not a string.');
    });
  });

  describe('invalid-enum-value', () => {
    it('offers the nearest instance types', () => {
      const text = training((spec) => {
        spec.ResourceConfig.InstanceType = 'ml.m5.xlarg';
      });
      const finding = only(analyzeText(text), 'invalid-enum-value');
      assert.equal(textAt(text, finding), 'ml.m5.xlarg');
      assert.equal(finding.fixes[0].title, 'Use "ml.m5.xlarge"');
      assert.equal(applyFix(text, finding), training());
      assert.equal(unambiguousFix(finding)?.title, 'Use "ml.m5.xlarge"');
    });

    it('prefers none of equally near instance types: which family was meant is the user\'s choice', () => {
      const text = training((spec) => {
        spec.ResourceConfig.InstanceType = 'ml.m6.large';
      });
      const finding = only(analyzeText(text), 'invalid-enum-value');
      assert.deepEqual(finding.fixes.slice(0, 2).map((fix) => fix.title), ['Use "ml.m5.large"', 'Use "ml.m6i.large"']);
      assert.ok(finding.fixes.every((fix) => !fix.preferred));
      assert.equal(unambiguousFix(finding), undefined);
    });

    it('offers input modes', () => {
      const text = training((spec) => {
        spec.AlgorithmSpecification.TrainingInputMode = 'file';
      });
      assert.equal(applyFix(text, only(analyzeText(text), 'invalid-enum-value')), training());
    });
  });

  describe('value-out-of-range', () => {
    it('flags a number under its minimum and offers the minimum', () => {
      const text = training((spec) => {
        spec.StoppingCondition.MaxRuntimeInSeconds = 0;
      });
      const finding = only(analyzeText(text), 'value-out-of-range');
      assert.equal(textAt(text, finding), '0');
      assert.equal(JSON.parse(applyFix(text, finding)).StoppingCondition.MaxRuntimeInSeconds, 1);
    });

    it('flags a number over its maximum (which the CLI never checks)', () => {
      const text = JSON.stringify({ ProcessingJobName: 'p', RoleArn: ROLE, AppSpecification: { ImageUri: IMAGE }, ProcessingResources: { ClusterConfig: { InstanceCount: 101, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10 } } }, null, 2);
      const finding = only(analyzeText(text), 'value-out-of-range');
      assert.equal(textAt(text, finding), '101');
    });

    it('reports the length and the pattern when a value breaks both, as the service does', () => {
      const name = "{{ ti.xcom_pull('model') }}-with-a-name-longer-than-sixty-three-characters-xx";
      const text = modelSpec(IMAGE, {}, { ModelName: name });
      const findings = analyzeText(text);
      assert.deepEqual(codes(findings), ['pattern-mismatch', 'value-out-of-range']);
      for (const finding of findings) assert.equal(textAt(text, finding), name);
      // Fixing the length alone would fail again: no character fix while the length is wrong.
      assert.deepEqual(only(findings, 'pattern-mismatch').fixes, []);
      const training = trainingSpec(IMAGE, { TrainingJobName: `${'a'.repeat(70)}_x` });
      assert.deepEqual(codes(analyzeText(training)), ['pattern-mismatch', 'value-out-of-range']);
    });

    it('reports a value too short that is no ARN at all twice, an empty one once', () => {
      const short = training((spec) => {
        spec.RoleArn = 'my-role';
      });
      assert.deepEqual(codes(analyzeText(short)), ['pattern-mismatch', 'value-out-of-range']);
      const empty = training((spec) => {
        spec.RoleArn = '';
      });
      assert.deepEqual(codes(analyzeText(empty)), ['value-out-of-range']);
    });

    it('flags a string too long, and does not add a pattern finding for the same cause', () => {
      const text = training((spec) => {
        spec.TrainingJobName = 'a'.repeat(64);
      });
      assert.deepEqual(codes(analyzeText(text)), ['value-out-of-range']);
      const empty = training((spec) => {
        spec.TrainingJobName = '';
      });
      const finding = only(analyzeText(empty), 'value-out-of-range');
      assert.equal(finding.length, 0);
    });

    it('marks the items beyond a list maximum', () => {
      const text = training((spec) => {
        spec.Tags = Array.from({ length: 52 }, (_, index) => ({ Key: `k${index}`, Value: 'v' }));
      });
      const finding = only(analyzeText(text), 'value-out-of-range');
      assert.ok(textAt(text, finding).startsWith('{'));
      assert.match(textAt(text, finding), /"k50"[\s\S]*"k51"/);
      assert.doesNotMatch(textAt(text, finding), /"k49"/);
    });

    it('flags an empty list under its minimum on the value', () => {
      const text = training((spec) => {
        spec.InputDataConfig = [];
      });
      assert.equal(textAt(text, only(analyzeText(text), 'value-out-of-range')), '[]');
    });

    it('counts map entries', () => {
      const text = training((spec) => {
        spec.HyperParameters = Object.fromEntries(Array.from({ length: 101 }, (_, index) => [`p${index}`, '1']));
      });
      assert.match(textAt(text, only(analyzeText(text), 'value-out-of-range')), /^"p100"/);
    });
  });

  describe('pattern-mismatch', () => {
    it('matches the whole value: a_b is not a job name', () => {
      const text = training((spec) => {
        spec.TrainingJobName = 'a_b';
      });
      const finding = only(analyzeText(text), 'pattern-mismatch');
      assert.equal(textAt(text, finding), 'a_b');
      assert.equal(finding.message, 'TrainingJobName must be a name such as my-training-job (letters, digits and hyphens; a letter or digit first and last).');
      assert.equal(applyFix(text, finding), training((spec) => {
        spec.TrainingJobName = 'a-b';
      }));
    });

    it('replaces the characters a name pattern forbids with a separator it allows', () => {
      const cases: [string, (value: string) => string, string, string][] = [
        ['TrainingJobName', (value) => trainingSpec(IMAGE, { TrainingJobName: value }), 'my_job_name', 'my-job-name'],
        ['TrainingJobName', (value) => trainingSpec(IMAGE, { TrainingJobName: value }), '_my job__2_', 'my-job-2'],
        ['ModelName', (value) => modelSpec(IMAGE, {}, { ModelName: value }), 'my.model v2', 'my-model-v2'],
        ['ModelName', (value) => modelSpec(IMAGE, {}, { ModelName: value }), 'modèle', 'mod-le'],
        ['Environment key', (value) => modelSpec(IMAGE, { Environment: { [value]: '1' } }), 'MY-VAR', 'MY_VAR'],
      ];
      for (const [member, spec, value, replaced] of cases) {
        const text = spec(value);
        const finding = only(analyzeText(text), 'pattern-mismatch');
        assert.equal(finding.fixes[0].title, `Use "${replaced}"`, member);
        const fixed = applyFix(text, finding);
        assert.equal(fixed, spec(replaced), member);
        assert.deepEqual(analyzeText(fixed), [], member);
      }
    });

    it('offers no replacement where the allowed characters depend on their place, or none are forbidden', () => {
      const arn = training((spec) => {
        spec.RoleArn = 'arn:aws:iam::123456789012:user/x y';
      });
      assert.deepEqual(only(analyzeText(arn), 'pattern-mismatch').fixes, []);
      // Every character is allowed; only the ending `-` breaks the name pattern.
      const dash = trainingSpec(IMAGE, { TrainingJobName: 'job-' });
      assert.deepEqual(only(analyzeText(dash), 'pattern-mismatch').fixes, []);
    });

    it('checks map keys and values and translated Java classes', () => {
      const lambda = 'arn:aws:lambda:us-east-1:123456789012:function:f';
      const ok = modelSpec(IMAGE, {}, { ExecutionRoleArn: ROLE });
      assert.deepEqual(analyzeText(ok), []);
      const text = training((spec) => {
        spec.RoleArn = 'arn:aws:iam::123456789012:user/x y';
        spec.Environment = { '1BAD': 'v' };
      });
      const findings = analyzeText(text);
      assert.deepEqual(findings.map((finding) => `${finding.code} ${textAt(text, finding)}`).sort(), ['pattern-mismatch 1BAD', `pattern-mismatch ${'arn:aws:iam::123456789012:user/x y'}`]);
      assert.ok(lambda);
    });
  });

  describe('duplicate-key', () => {
    it('flags the second occurrence only', () => {
      const text = training().replace('"InstanceCount": 1,', '"InstanceCount": 1,\n    "InstanceCount": 2,');
      const finding = only(analyzeText(text), 'duplicate-key');
      assert.equal(textAt(text, finding), 'InstanceCount');
      assert.equal(finding.offset, text.lastIndexOf('"InstanceCount"') + 1);
    });

    it('flags duplicate map keys', () => {
      const text = training().replace('"StoppingCondition"', '"HyperParameters": {"eta": "1", "eta": "2"},\n  "StoppingCondition"');
      assert.equal(textAt(text, only(analyzeText(text), 'duplicate-key')), 'eta');
    });
  });

  describe('one finding per cause', () => {
    it('leaves image strings to the image rules', () => {
      const text = training((spec) => {
        spec.AlgorithmSpecification.TrainingImage = '';
      });
      assert.deepEqual(codes(analyzeText(text)), ['invalid-image-reference']);
    });

    it('still reports an image of the wrong type', () => {
      const text = training((spec) => {
        spec.AlgorithmSpecification.TrainingImage = 42;
      });
      assert.deepEqual(codes(analyzeText(text)), ['invalid-type']);
    });

    it('leaves an empty or missing Subnets list under Vpc access to missing-vpc-config', () => {
      const algorithm = { TrainingImageConfig: { TrainingRepositoryAccessMode: 'Vpc' } };
      const image = 'registry.example.com/team/trainer@sha256:' + 'a'.repeat(64);
      const empty = trainingSpec(image, { VpcConfig: { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: [] } }, algorithm);
      assert.deepEqual(codes(analyzeText(empty)), ['missing-vpc-config']);
      const missing = trainingSpec(image, { VpcConfig: { SecurityGroupIds: ['sg-0123456789abcdef0'] } }, algorithm);
      assert.deepEqual(codes(analyzeText(missing)), ['missing-vpc-config']);
    });

    it('leaves the credentials provider ARN to invalid-credentials-provider-arn', () => {
      const algorithm = { TrainingImageConfig: { TrainingRepositoryAccessMode: 'Vpc', TrainingRepositoryAuthConfig: { TrainingRepositoryCredentialsProviderArn: 'nope' } } };
      const image = 'registry.example.com/team/trainer@sha256:' + 'a'.repeat(64);
      const text = trainingSpec(image, { VpcConfig: { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: ['subnet-0123456789abcdef0'] } }, algorithm);
      assert.deepEqual(codes(analyzeText(text)), ['invalid-credentials-provider-arn']);
    });
  });

  describe('settings', () => {
    it('honours severities and off', () => {
      const text = training((spec) => {
        spec.RoleARN = ROLE;
        spec.ResourceConfig.InstanceCount = '1';
      });
      const findings = analyzeText(text, { rules: { 'unknown-property': 'off', 'invalid-type': 'warning' } });
      assert.deepEqual(findings.map((finding) => `${finding.code}:${finding.severity}`), ['invalid-type:warning']);
    });
  });

  it('checks every kind from its own input shape', () => {
    const endpoint = JSON.stringify({ EndpointName: 'e', EndpointConfigName: 'c', Tags: [{ Key: 'k' }] }, null, 2);
    assert.deepEqual(codes(analyzeText(endpoint)), ['missing-required-property']);
    const transform = JSON.stringify({ TransformJobName: 't', ModelName: 'm', TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/k' } } }, TransformOutput: { S3OutputPath: 's3://b/o' }, TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1 }, BatchStrategy: 'Multi' }, null, 2);
    assert.deepEqual(codes(analyzeText(transform)), ['invalid-enum-value']);
  });
});

describe('image-processor-mismatch', () => {
  const onInstance = (image: string, instanceType: string) =>
    trainingSpec(image, { ResourceConfig: { InstanceType: instanceType, InstanceCount: 1, VolumeSizeInGB: 10 } });

  it('flags a GPU image on an instance without GPUs, on the instance type, with the CPU image as fix', () => {
    const text = onInstance(`${PYTORCH}:2.6.0-gpu-py312`, 'ml.m5.xlarge');
    const finding = only(analyzeText(text), 'image-processor-mismatch');
    assert.equal(textAt(text, finding), 'ml.m5.xlarge');
    assert.equal(finding.severity, 'warning');
    assert.equal(applyFix(text, finding), onInstance(`${PYTORCH}:2.6.0-cpu-py312`, 'ml.m5.xlarge'));
    // A GPU instance type may be what was meant: the swap is the user's to choose, never fix-all's.
    assert.equal(finding.fixes[0].changesBehaviour, true);
    assert.equal(unambiguousFix(finding), undefined);
  });

  it('flags a CPU image on a GPU instance (the SDK table, or the g/p families it lacks)', () => {
    for (const instanceType of ['ml.p4d.24xlarge', 'ml.g6.xlarge']) {
      const text = onInstance(`${PYTORCH}:2.6.0-cpu-py312`, instanceType);
      assert.equal(textAt(text, only(analyzeText(text), 'image-processor-mismatch')), instanceType);
    }
  });

  it('reads a CUDA tag as GPU and accepts matching pairs', () => {
    assert.deepEqual(codes(analyzeText(onInstance(`${PYTORCH}:2.8.0-gpu-py312-cu129-ubuntu22.04-sagemaker`, 'ml.g5.xlarge'))), []);
    assert.deepEqual(codes(analyzeText(onInstance(`${PYTORCH}:2.6.0-cpu-py312`, 'ml.c5.xlarge'))), []);
    assert.deepEqual(codes(analyzeText(onInstance('123456789012.dkr.ecr.us-east-1.amazonaws.com/mine:cu121', 'ml.m5.large'))), ['image-processor-mismatch']);
  });

  it('leaves a misspelt instance type to invalid-enum-value: no GPU verdict on a name that is no instance type', () => {
    const text = onInstance(`${PYTORCH}:2.6.0-gpu-py312`, 'ml.m5.xlarg');
    assert.deepEqual(codes(analyzeText(text)), ['invalid-enum-value']);
  });

  it('says nothing when the processor or the instance family is unknown', () => {
    assert.deepEqual(codes(analyzeText(onInstance(IMAGE, 'ml.p3.2xlarge'))), []);
    assert.deepEqual(codes(analyzeText(onInstance(`${PYTORCH}:2.6.0-gpu-py312`, 'ml.trn1.2xlarge'))), []);
  });
});
