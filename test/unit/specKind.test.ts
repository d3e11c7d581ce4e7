import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readJsonDocument, readYamlDocument } from '../../src/core/hostDocument';
import { parseSpecDocument } from '../../src/core/specDocument';
import { jsonIdentifiesRequest } from '../../src/core/filesToCheck';
import { applyPreferredFixes } from '../../src/core/fixAll';
import { analyzeDocument } from '../../src/core/hostDocument';
import { DESCRIBE_RESPONSE_ONLY_MEMBERS, detectSpecKind, detectSpecKindByContent, REQUEST_MEMBERS, SPEC_KINDS } from '../../src/core/specKind';
import { analyzeOptions, apiModel } from './specTestKit';
import { analyzePython } from './pythonTestKit';

describe('detectSpecKind', () => {
  const cases: [string[], string | undefined][] = [
    [['AlgorithmSpecification'], 'CreateTrainingJob'],
    [['TrainingJobName', 'RoleArn'], 'CreateTrainingJob'],
    [['TrainingJobName', 'HyperParameterTuningJobConfig'], 'CreateHyperParameterTuningJob'],
    [['HyperParameterTuningJobName'], 'CreateHyperParameterTuningJob'],
    [['ModelName', 'PrimaryContainer'], 'CreateModel'],
    [['ModelName', 'Containers'], 'CreateModel'],
    [['PrimaryContainer', 'ExecutionRoleArn'], 'CreateModel'],
    [['ModelName', 'InferenceExecutionConfig'], 'CreateModel'],
    [['ModelName'], undefined],
    [['ProductionVariants'], 'CreateEndpointConfig'],
    [['EndpointConfigName'], 'CreateEndpointConfig'],
    [['EndpointConfigName', 'ProductionVariants', 'EndpointName'], 'CreateEndpointConfig'],
    [['EndpointName', 'EndpointConfigName'], 'CreateEndpoint'],
    [['EndpointName'], undefined],
    [['AppSpecification'], 'CreateProcessingJob'],
    [['ProcessingJobName'], 'CreateProcessingJob'],
    [['TransformInput'], 'CreateTransformJob'],
    [['TransformJobName', 'ModelName'], 'CreateTransformJob'],
    [['name', 'version', 'scripts'], undefined],
  ];
  for (const [members, kind] of cases) {
    it(`${members.join(' + ')} → ${kind ?? 'not a spec'}`, () => {
      assert.equal(detectSpecKind(members), kind);
    });
  }
});

describe('detectSpecKindByContent (files whose name does not make them specs)', () => {
  it('needs most members to be the request\'s when only a name member tells the kind', () => {
    const cases: [string[], string | undefined][] = [
      // A Step Functions execution input shares a name with a request.
      [['TrainingJobName', 'TrainUri', 'InstanceType'], undefined],
      [['ProcessingJobName', 'InputUri'], undefined],
      [['EndpointConfigName', 'Variant', 'Weight'], undefined],
      // A request being written, or one with a misspelt member among known ones.
      [['TrainingJobName'], 'CreateTrainingJob'],
      [['TrainingJobName', 'RoleArn', 'AlgorithmSpecificaton'], 'CreateTrainingJob'],
      // The structure tells the kind whatever else is there.
      [['AlgorithmSpecification', 'Foo', 'Bar', 'Baz'], 'CreateTrainingJob'],
      [['PrimaryContainer', 'Foo', 'Bar'], 'CreateModel'],
      [['EndpointName', 'EndpointConfigName'], 'CreateEndpoint'],
      [['ModelName', 'InferenceExecutionConfig', 'Foo', 'Bar'], 'CreateModel'],
      // CreateEndpoint is told by names only: a deploy script's settings share them (found by a fresh user).
      [['EndpointName', 'EndpointConfigName', 'ModelName', 'ModelDataUrl', 'InstanceType'], undefined],
      [['EndpointName', 'EndpointConfigName', 'Tags', 'DeploymentConfg'], 'CreateEndpoint'],
    ];
    assert.deepEqual(cases.map(([members]) => [members, detectSpecKindByContent(members)]), cases);
  });

  it('leaves an execution input alone in JSON and YAML, unless the spec globs make it a spec', () => {
    const input = '{"TrainingJobName": "churn-2026-11-29", "TrainUri": "s3://my-bucket/churn/train/", "InstanceType": "ml.m5.xlarge"}';
    assert.deepEqual(readJsonDocument(input).requests, []);
    assert.deepEqual(readYamlDocument('TrainingJobName: churn\nTrainUri: s3://b/t/\nInstanceType: ml.m5.xlarge\n').requests, []);
    assert.equal(readJsonDocument(input, true).requests[0].kind, 'CreateTrainingJob');
    assert.equal(readYamlDocument('TrainingJobName: churn\nTrainUri: s3://b/t/\n', true).requests[0].kind, 'CreateTrainingJob');
  });

  it('knows each request\'s top-level members as the API model does', () => {
    const model = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../data/api-model.json'), 'utf8')) as { operations: Record<string, string>; shapes: Record<string, { members?: Record<string, unknown> }> };
    for (const kind of SPEC_KINDS) {
      assert.deepEqual([...REQUEST_MEMBERS[kind]], Object.keys(model.shapes[model.operations[kind]].members ?? {}).sort(), kind);
    }
  });
});

describe('saved Describe responses (aws sagemaker describe-… output)', () => {
  /** A DescribeTrainingJob response as the AWS CLI saves it (trimmed). */
  const RESPONSE = JSON.stringify(
    {
      TrainingJobName: 'churn-xgb-2026-01-10',
      TrainingJobArn: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/churn-xgb-2026-01-10',
      TrainingJobStatus: 'Completed',
      HyperParameters: { num_round: '100' },
      AlgorithmSpecification: { TrainingImage: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1', TrainingInputMode: 'File' },
      RoleArn: 'arn:aws:iam::123456789012:role/R',
      OutputDataConfig: { S3OutputPath: 's3://b/o/' },
      ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      CreationTime: '2026-01-10T10:00:00.000000+00:00',
      TrainingStartTime: '2026-01-10T10:01:00.000000+00:00',
    },
    null,
    4,
  );

  /** The members of `kind`'s Describe response that no request takes, from the API model. */
  const responseOnly = (kind: (typeof SPEC_KINDS)[number]) => [...apiModel.describeResponse(kind)!.members].filter((member) => !SPEC_KINDS.some((request) => REQUEST_MEMBERS[request].includes(member)));

  it('are no request of any kind, by the members of each kind\'s response in the API model', () => {
    for (const kind of SPEC_KINDS) {
      assert.equal(detectSpecKindByContent([...apiModel.describeResponse(kind)!.members]), undefined, kind);
      // The smallest saved response: the request's members with the ARN and CreationTime the Describe response requires.
      assert.equal(detectSpecKindByContent([...REQUEST_MEMBERS[kind], apiModel.describeResponse(kind)!.arnMember, 'CreationTime']), undefined, kind);
    }
  });

  it('are told by any two members only a Describe response has; one is a member pasted into a request, which stays a request', () => {
    for (const kind of SPEC_KINDS) {
      const members = responseOnly(kind);
      for (const member of members) assert.equal(detectSpecKindByContent([...REQUEST_MEMBERS[kind], member]), kind, `${kind} + ${member}`);
      for (const [index, first] of members.entries()) {
        for (const second of members.slice(index + 1)) assert.equal(detectSpecKindByContent([...REQUEST_MEMBERS[kind], first, second]), undefined, `${kind} + ${first} + ${second}`);
      }
    }
    // A trimmed response without CreationTime or its ARN (the CI user's fixture), and one member named twice.
    assert.equal(detectSpecKindByContent(['TrainingJobName', 'AlgorithmSpecification', 'TrainingJobStatus', 'SecondaryStatus', 'HyperParameters']), undefined);
    assert.equal(detectSpecKindByContent(['EndpointName', 'EndpointConfigName', 'EndpointStatus', 'LastModifiedTime']), undefined);
    assert.equal(detectSpecKindByContent(['TrainingJobName', 'AlgorithmSpecification', 'TrainingJobArn', 'TrainingJobArn']), 'CreateTrainingJob');
    assert.equal(detectSpecKindByContent(['TrainingJobName', 'AlgorithmSpecification', 'CreationTime']), 'CreateTrainingJob', 'CreationTime alone is a misplaced member, not a response');
  });

  it('know the members only a Describe response has as the API model does', () => {
    const requests = new Set(SPEC_KINDS.flatMap((kind) => REQUEST_MEMBERS[kind]));
    const expected = new Set(SPEC_KINDS.flatMap((kind) => responseOnly(kind)));
    assert.deepEqual([...DESCRIBE_RESPONSE_ONLY_MEMBERS], [...expected].sort());
    for (const kind of SPEC_KINDS) {
      const response = apiModel.describeResponse(kind)!;
      assert.equal(response.operation, `Describe${kind.slice('Create'.length)}`);
      // Every untrimmed saved response has two of them: its ARN and CreationTime.
      assert.ok(DESCRIBE_RESPONSE_ONLY_MEMBERS.includes(response.arnMember) && DESCRIBE_RESPONSE_ONLY_MEMBERS.includes('CreationTime'), kind);
      assert.ok(!requests.has(response.arnMember), kind);
    }
  });

  it('hold no request in JSON or YAML, so they get no findings and no fixes, and a folder walk skips them', () => {
    assert.deepEqual(readJsonDocument(RESPONSE).requests, []);
    assert.equal(jsonIdentifiesRequest(RESPONSE), false);
    const yaml = Object.entries(JSON.parse(RESPONSE) as Record<string, unknown>).map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join('\n');
    assert.deepEqual(readYamlDocument(`${yaml}\n`).requests, []);
  });

  it('are checked as a request when the spec globs make the file a spec: the response\'s members are named as such, with no rename', () => {
    const analyze = (text: string) => {
      const document = readJsonDocument(text, true);
      return { document: { text, host: 'json' as const }, findings: analyzeDocument(document, analyzeOptions()).findings };
    };
    const { findings } = analyze(RESPONSE);
    assert.deepEqual(findings.map((finding) => [finding.code, RESPONSE.slice(finding.offset, finding.offset + finding.length), finding.fixes.length]), [
      ['unknown-property', 'TrainingJobArn', 0],
      ['unknown-property', 'TrainingJobStatus', 0],
      ['unknown-property', 'CreationTime', 0],
      ['unknown-property', 'TrainingStartTime', 0],
    ]);
    assert.match(findings[0].message, /^"TrainingJobArn" is a member of the DescribeTrainingJob response, not of the CreateTrainingJob request: remove it\.$/);
    // --fix once renamed TrainingJobArn, TrainingJobStatus and TrainingStartTime to TrainingJobName, then rewrote their values.
    assert.deepEqual(applyPreferredFixes(RESPONSE, analyze), { text: RESPONSE, applied: [] });
  });
});

describe('a trimmed Describe response saved as a test fixture, and a request with one response member', () => {
  /** `aws sagemaker describe-training-job` output trimmed to a fixture: a status and a secondary status, no ARN, no CreationTime. */
  const TRIMMED = '{"TrainingJobName":"a","AlgorithmSpecification":{"TrainingImage":"683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1","TrainingInputMode":"File"},"TrainingJobStatus":"Completed","SecondaryStatus":"Completed","HyperParameters":{"num_round":"10","objective":"binary:logistic"}}';
  /** A complete request with the job's ARN pasted in. */
  const PASTED_ARN = '{"TrainingJobName":"job-1","TrainingJobArn":"arn:aws:sagemaker:us-east-1:123456789012:training-job/job-1","AlgorithmSpecification":{"TrainingImage":"123456789012.dkr.ecr.us-east-1.amazonaws.com/x:1","TrainingInputMode":"File"},"ResourceConfig":{"InstanceType":"ml.m5.xlarge","InstanceCount":1,"VolumeSizeInGB":1},"HyperParameters":{"epochs":"3"},"RoleArn":"arn:aws:iam::123456789012:role/R","OutputDataConfig":{"S3OutputPath":"s3://b/o"},"StoppingCondition":{"MaxRuntimeInSeconds":3600}}';
  /** As the checker and the editor analyse a JSON file: built-in algorithm jobs checked too. */
  const findingsOf = (text: string, forced: boolean) => analyzeDocument(readJsonDocument(text, forced, 'json'), analyzeOptions({ algorithms: true, forced })).findings.map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length), finding.message]);

  it('found by its content (a folder walk, the editor), the trimmed response is no request: no findings, and a folder walk skips it', () => {
    assert.deepEqual(readJsonDocument(TRIMMED, false, 'json').requests, []);
    assert.deepEqual(findingsOf(TRIMMED, false), []);
    assert.equal(jsonIdentifiesRequest(TRIMMED), false);
    assert.deepEqual(readYamlDocument('TrainingJobName: a\nAlgorithmSpecification:\n  TrainingInputMode: File\nTrainingJobStatus: Completed\nSecondaryStatus: Completed\n').requests, []);
  });

  it('made a spec by the spec globs, the trimmed response is checked as a request, each response member named as such', () => {
    assert.deepEqual(findingsOf(TRIMMED, true), [
      ['missing-required-property', '{', 'The CreateTrainingJob request needs "RoleArn" (a string).'],
      ['missing-required-property', '{', 'The CreateTrainingJob request needs "OutputDataConfig" (an object).'],
      ['algorithm-channel', '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1', 'XGBoost 1.7-1 needs a "train" channel in InputDataConfig. SageMaker accepts the job, and it fails inside the container when it starts.'],
      ['unknown-property', 'TrainingJobStatus', '"TrainingJobStatus" is a member of the DescribeTrainingJob response, not of the CreateTrainingJob request: remove it.'],
      ['unknown-property', 'SecondaryStatus', '"SecondaryStatus" is a member of the DescribeTrainingJob response, not of the CreateTrainingJob request: remove it.'],
    ]);
  });

  it('a request with one response member pasted in is still a request, found by content or made a spec, and told to remove it', () => {
    const told = [['unknown-property', 'TrainingJobArn', '"TrainingJobArn" is a member of the DescribeTrainingJob response, not of the CreateTrainingJob request: remove it.']];
    assert.equal(jsonIdentifiesRequest(PASTED_ARN), true);
    assert.deepEqual(findingsOf(PASTED_ARN, false), told);
    assert.deepEqual(findingsOf(PASTED_ARN, true), told);
  });
});

describe('a member of the request it is easily mixed with', () => {
  const findingsOf = (request: Record<string, unknown>) => {
    const text = JSON.stringify(request, null, 1);
    return analyzeDocument(readJsonDocument(text, true), analyzeOptions()).findings.filter((finding) => finding.code === 'unknown-property').map((finding) => [text.slice(finding.offset, finding.offset + finding.length), finding.message, finding.fixes.length]);
  };

  it('names the endpoint config for an endpoint\'s ProductionVariants, the model and the endpoint for an endpoint config\'s PrimaryContainer and EndpointName; no rename', () => {
    const endpoint = 'import boto3\nsm = boto3.client("sagemaker")\nsm.create_endpoint(EndpointName="e", EndpointConfigName="c", ProductionVariants=[])\n';
    assert.deepEqual(analyzePython(endpoint).map((finding) => [finding.code, endpoint.slice(finding.offset, finding.offset + finding.length), finding.message, finding.fixes.length]), [
      ['unknown-property', 'ProductionVariants', '"ProductionVariants" is a member of the CreateEndpointConfig request, not of the CreateEndpoint request: an endpoint takes its variants and settings from the endpoint config it names in EndpointConfigName. Move it there.', 0],
    ]);
    assert.deepEqual(findingsOf({ EndpointConfigName: 'c', EndpointName: 'e', ProductionVariants: [{ VariantName: 'v', ModelName: 'm', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }] }), [
      ['EndpointName', '"EndpointName" is a member of the CreateEndpoint request, not of the CreateEndpointConfig request: an endpoint names its endpoint config, not the other way round. Move it there.', 0],
    ]);
    const config = 'import boto3\nsm = boto3.client("sagemaker")\nsm.create_endpoint_config(EndpointConfigName="c", ProductionVariants=[], PrimaryContainer={})\n';
    assert.deepEqual(analyzePython(config).filter((finding) => finding.code === 'unknown-property').map((finding) => finding.message), [
      '"PrimaryContainer" is a member of the CreateModel request, not of the CreateEndpointConfig request: each production variant names its model in ModelName. Move it there.',
    ]);
    // A misspelling of the request's own member is still a misspelling, with its rename.
    assert.deepEqual(findingsOf({ EndpointConfigName: 'c', ProductionVariants: [], KmsKeyIdd: 'k' }).map(([name, , fixes]) => [name, fixes]), [['KmsKeyIdd', 1]]);
  });
});

describe('parseSpecDocument', () => {
  it('finds the image fields of each kind with their usage', () => {
    const model = parseSpecDocument(JSON.stringify({ ModelName: 'm', Containers: [{ Image: 'a.io/x:1' }, { Image: 'b.io/y:2' }] }));
    assert.deepEqual(model.images.map((field) => [field.usage, field.value.value, field.holderPath]), [
      ['inference', 'a.io/x:1', ['Containers', 0]],
      ['inference', 'b.io/y:2', ['Containers', 1]],
    ]);
    const tuning = parseSpecDocument(JSON.stringify({
      HyperParameterTuningJobName: 't',
      TrainingJobDefinitions: [{ AlgorithmSpecification: { TrainingImage: 'a.io/x:1' } }],
      TrainingJobDefinition: { AlgorithmSpecification: { TrainingImage: 'b.io/y:1' } },
    }));
    assert.deepEqual(tuning.images.map((field) => [field.usage, field.value.value]), [['tuning', 'b.io/y:1'], ['tuning', 'a.io/x:1']]);
    const processing = parseSpecDocument('{"ProcessingJobName": "p", "AppSpecification": {"ImageUri": "a.io/x:1"}}');
    assert.deepEqual(processing.images.map((field) => field.usage), ['processing']);
  });

  it('accepts JSONC comments and trailing commas', () => {
    const spec = parseSpecDocument('// job\n{"TrainingJobName": "x", /* c */ "AlgorithmSpecification": {"TrainingImage": "a.io/x:1",},}');
    assert.equal(spec.kind, 'CreateTrainingJob');
    assert.equal(spec.images.length, 1);
  });

  it('is not a spec when the top level is not an object', () => {
    assert.equal(parseSpecDocument('[1, 2]').kind, undefined);
    assert.equal(parseSpecDocument('').kind, undefined);
  });
});
