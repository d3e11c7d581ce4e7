import * as assert from 'node:assert/strict';
import { classifyAwsError, describeAwsError } from '../../src/core/launch/awsErrors';
import { consoleUrl } from '../../src/core/launch/consoleUrl';
import { followStoppedMessage, followStoppedStatusText } from '../../src/core/launch/followStopped';
import { formatSummary, launchSummary } from '../../src/core/launch/launchSummary';
import { redactSecrets } from '../../src/core/launch/redact';
import { buildCreateRequest, timestampedName, withName } from '../../src/core/launch/requestBody';
import { isFinished, pollDelayMs, progressLines } from '../../src/core/launch/trainingJobProgress';
import { parseSpecDocument } from '../../src/core/specDocument';
import { trainingSpec, XGBOOST_US_EAST_1 } from './specTestKit';

describe('request building', () => {
  it('sends the spec as written, without JSONC comments', () => {
    const text = `// job\n${trainingSpec(`${XGBOOST_US_EAST_1}:1.7-1`).replace('"TrainingJobName"', '/* name */ "TrainingJobName"')}`;
    const request = buildCreateRequest(parseSpecDocument(text))!;
    assert.equal(request.operation.kind, 'CreateTrainingJob');
    assert.equal(request.name, 'demo-job');
    // jsonc-parser builds prototype-less objects (no __proto__ tricks); compare as JSON.
    assert.deepEqual(JSON.parse(JSON.stringify(request.body)), JSON.parse(trainingSpec(`${XGBOOST_US_EAST_1}:1.7-1`)));
  });

  it('renames only the request body', () => {
    const request = buildCreateRequest(parseSpecDocument('{"EndpointName": "e", "EndpointConfigName": "c"}'))!;
    const renamed = withName(request, 'e-2');
    assert.deepEqual({ ...renamed.body }, { EndpointName: 'e-2', EndpointConfigName: 'c' });
    assert.deepEqual({ ...request.body }, { EndpointName: 'e', EndpointConfigName: 'c' });
  });

  it('is undefined for documents that are not specs', () => {
    assert.equal(buildCreateRequest(parseSpecDocument('{"name": "x"}')), undefined);
  });

  it('timestamps names in UTC and keeps the 63-character limit', () => {
    const now = new Date(Date.UTC(2026, 10, 23, 9, 5, 7));
    assert.equal(timestampedName('churn', now), 'churn-20261123090507');
    assert.equal(timestampedName('x'.repeat(63), now), `${'x'.repeat(48)}-20261123090507`);
    assert.equal(timestampedName('x'.repeat(63), now).length, 63);
    const cutAtHyphen = timestampedName(`${'a'.repeat(47)}-${'b'.repeat(20)}`, now);
    assert.equal(cutAtHyphen, `${'a'.repeat(47)}-20261123090507`, 'no double hyphen where the name was cut');
  });
});

describe('launch summary', () => {
  it('lists operation, name, region, profile, account, image, instances and max runtime', () => {
    const request = buildCreateRequest(parseSpecDocument(trainingSpec(`${XGBOOST_US_EAST_1}:1.7-1`)))!;
    assert.equal(formatSummary(launchSummary(request, { region: 'us-east-1', profile: 'research', account: '111122223333' })), [
      'Operation: CreateTrainingJob',
      'Name: demo-job',
      'Region: us-east-1',
      'Profile: research',
      'Account: 111122223333',
      `Image: ${XGBOOST_US_EAST_1}:1.7-1`,
      'Instances: ml.m5.xlarge × 1',
      'Max runtime: 1 h',
    ].join('\n'));
  });

  it('shows the endpoint and what set it right after the region, and a broken endpoint configuration', () => {
    const request = buildCreateRequest(parseSpecDocument(trainingSpec(`${XGBOOST_US_EAST_1}:1.7-1`)))!;
    const lines = launchSummary(request, { region: 'us-east-1', profile: 'default', account: undefined, endpoint: 'http://127.0.0.1:5000 (sagemakerSpec.endpointUrl)', endpointProblem: 'services section "x" is missing' });
    assert.deepEqual(lines.slice(2, 5), [
      { label: 'Region', value: 'us-east-1' },
      { label: 'Endpoint', value: 'http://127.0.0.1:5000 (sagemakerSpec.endpointUrl)' },
      { label: 'Endpoint problem', value: 'services section "x" is missing' },
    ]);
  });

  it('shows endpoint config variants and unknown accounts', () => {
    const request = buildCreateRequest(parseSpecDocument(JSON.stringify({ EndpointConfigName: 'c', ProductionVariants: [{ VariantName: 'a', ModelName: 'm', InstanceType: 'ml.g5.xlarge', InitialInstanceCount: 2 }] })))!;
    const lines = launchSummary(request, { region: 'eu-west-1', profile: 'default', account: undefined });
    assert.deepEqual(lines.filter((line) => ['Account', 'Instances'].includes(line.label)), [
      { label: 'Account', value: '(unknown)' },
      { label: 'Instances', value: 'ml.g5.xlarge × 2' },
    ]);
  });
});

describe('console links', () => {
  it('uses the console host of the partition', () => {
    assert.equal(consoleUrl('aws', 'eu-west-1', 'training-job', 'job-1'), 'https://eu-west-1.console.aws.amazon.com/sagemaker/home?region=eu-west-1#/jobs/job-1');
    assert.equal(consoleUrl('aws-cn', 'cn-north-1', 'endpoint', 'e'), 'https://console.amazonaws.cn/sagemaker/home?region=cn-north-1#/endpoints/e');
    assert.equal(consoleUrl('aws-us-gov', 'us-gov-west-1', 'model', 'm'), 'https://console.amazonaws-us-gov.com/sagemaker/home?region=us-gov-west-1#/models/m');
    assert.equal(consoleUrl('aws-iso', 'us-iso-east-1', 'model', 'm'), undefined);
  });
});

describe('AWS error messages', () => {
  const context = { action: 'Launch Training Job', profile: 'research', region: 'us-east-1' };
  const cases: [object, string][] = [
    [{ name: 'ResourceInUse', message: 'already exists' }, 'name-in-use'],
    [{ name: 'ValidationException', message: 'Cannot create already existing model "arn:aws:sagemaker:us-east-1:123456789012:model/m".' }, 'name-in-use'],
    [{ name: 'AccessDeniedException', message: 'not authorized' }, 'access-denied'],
    [{ name: 'ValidationException', message: 'bad value' }, 'validation'],
    [{ name: 'ResourceLimitExceeded', message: 'limit' }, 'resource-limit'],
    [{ name: 'ThrottlingException', message: 'Rate exceeded' }, 'throttled'],
    [{ name: 'ExpiredTokenException', message: 'The security token included in the request is expired' }, 'credentials-expired'],
    [{ name: 'CredentialsProviderError', message: 'Token is expired. To refresh this SSO session run aws sso login' }, 'credentials-expired'],
    [{ name: 'CredentialsProviderError', message: 'Could not load credentials from any providers' }, 'credentials-missing'],
    [{ name: 'UnrecognizedClientException', message: 'The security token included in the request is invalid' }, 'credentials-invalid'],
    [{ name: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:9' }, 'network'],
    [{ name: 'TimeoutError', message: 'Connection timed out after 5000 ms' }, 'timeout'],
  ];
  for (const [error, kind] of cases) {
    it(`${(error as { name: string }).name}: ${(error as { message: string }).message} → ${kind}`, () => {
      assert.equal(classifyAwsError(error), kind);
    });
  }

  it('classifies megabyte messages in linear time (the mocha timeout is the guard)', () => {
    const MB = 1 << 20;
    // /credential.*not.*found/ took 2 minutes on 30 KB of "credential not ".
    assert.equal(classifyAwsError({ name: 'Error', message: 'credential '.repeat(MB / 11) }), 'other');
    assert.equal(classifyAwsError({ name: 'Error', message: 'credential not '.repeat(MB / 15) }), 'other');
    assert.equal(classifyAwsError({ name: 'Error', message: `Credential for profile research not found. ${'credential not '.repeat(MB / 15)}` }), 'credentials-missing');
  });

  it('repeats at most 2,000 characters of a long service message', () => {
    const described = describeAwsError({ name: 'ValidationException', message: `Bad request: ${'y'.repeat(1 << 20)}` }, context);
    assert.equal(described.detail, `Bad request: ${'y'.repeat(1987)}… (${(1 << 20) + 13 - 2000} more characters)`);
    assert.ok(described.message.length < 2200);
  });

  it('says what to do, naming the profile', () => {
    assert.match(describeAwsError({ name: 'ExpiredTokenException', message: 'expired token' }, context).message, /aws sso login --profile research/);
    assert.match(describeAwsError({ name: 'ResourceLimitExceeded', message: 'x' }, context).message, /quota is reached in us-east-1/);
  });

  // What AWS SDK v3 reports when a proxy or gateway answers instead of AWS (seen with an HTML 502,
  // a JSON body without `__type`, an empty body, and moto's HTML 500 for an unknown region).
  const html502 = { $response: { statusCode: 502, headers: { 'content-type': 'text/html' } }, $metadata: { httpStatusCode: 502 } };
  const notAws: [string, object][] = [
    ['SageMaker (JSON protocol) on an HTML page', { ...html502, name: 'SyntaxError', message: 'Unexpected token \'<\', "<html><bod"... is not valid JSON\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.' }],
    ['STS (query protocol) on an HTML page', { ...html502, name: 'Unknown', message: 'Unknown', $fault: 'server' }],
    ['STS on a JSON body', { $metadata: { httpStatusCode: 502 }, name: 'Error', message: '@aws-sdk XML parse error: unexpected content.' }],
    ['SageMaker on a JSON body without __type', { $metadata: { httpStatusCode: 502 }, name: 'Unknown', message: 'Bad gateway' }],
    ['a status as the name', { $metadata: { httpStatusCode: 503 }, name: '503', message: 'UnknownError' }],
    ['a 403 page of a proxy (not IAM)', { $response: { statusCode: 403, headers: { 'Content-Type': 'text/html; charset=utf-8' } }, $metadata: { httpStatusCode: 403 }, name: 'SyntaxError', message: 'Unexpected token' }],
  ];
  for (const [what, error] of notAws) {
    it(`an answer that is not AWS's: ${what} → not-aws-response`, () => {
      assert.equal(classifyAwsError(error), 'not-aws-response');
    });
  }

  it('says which endpoint answered what, never the SDK parser text or the body', () => {
    const error = { ...notAws[0][1], requestOrigin: 'http://127.0.0.1:8080' };
    const described = describeAwsError(error, { ...context, action: 'Checking your AWS identity' });
    assert.equal(described.message, 'Checking your AWS identity failed: the endpoint http://127.0.0.1:8080 answered HTTP 502 with a page that is not an AWS response (a proxy or gateway?). Check the network, a proxy, or the endpoint settings (sagemakerSpec.endpointUrl, AWS_ENDPOINT_URL).');
    assert.equal(described.detail, '');
    assert.ok(!described.message.includes('<html') && !described.message.includes('Deserialization') && !described.message.includes('$response'));
    // Without a recorded origin, the region; a JSON body is "an answer", not "a page".
    assert.match(describeAwsError(notAws[3][1], context).message, /the endpoint for us-east-1 answered HTTP 502 with an answer that is not an AWS response/);
    // An origin that is not a bare origin is not shown.
    assert.match(describeAwsError({ ...notAws[1][1], requestOrigin: 'http://u:secret@h/x' }, context).message, /the endpoint for us-east-1 answered/);
  });

  it('keeps real AWS errors as they were, and errors without an HTTP answer', () => {
    assert.equal(classifyAwsError({ name: 'AccessDeniedException', message: 'no', $metadata: { httpStatusCode: 403 }, $response: { statusCode: 403, headers: { 'content-type': 'application/x-amz-json-1.1' } } }), 'access-denied');
    assert.equal(classifyAwsError({ name: 'InternalFailure', message: 'oops', $metadata: { httpStatusCode: 500 } }), 'other');
    assert.equal(classifyAwsError({ name: 'SyntaxError', message: 'Unexpected token' }), 'other');
  });

  it('gives the reason without the action, for messages that name their own subject', () => {
    const described = describeAwsError({ name: 'ExpiredTokenException', message: 'The security token included in the request is expired' }, context);
    assert.equal(described.message, `Launch Training Job failed: ${described.reason}`);
    assert.equal(described.reason, 'the credentials of profile "research" have expired. Refresh them, e.g. `aws sso login --profile research`, then try again.');
  });

  it('never repeats a credential from the error text', () => {
    const message = describeAwsError({ name: 'Error', message: 'Credential=AKIAIOSFODNN7EXAMPLE/20261123/us-east-1/sagemaker/aws4_request, Signature=0123456789abcdef0123456789abcdef' }, context).message;
    assert.ok(!message.includes('AKIAIOSFODNN7EXAMPLE'));
    assert.ok(!message.includes('0123456789abcdef0123'));
  });
});

describe('redactSecrets', () => {
  it('removes key ids, secrets, tokens and signatures', () => {
    const text = 'AKIAIOSFODNN7EXAMPLE aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY X-Amz-Security-Token: FwoGZXIvYXdzEJr Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024';
    const redacted = redactSecrets(text);
    for (const secret of ['IOSFODNN7EXAMPLE', 'wJalrXUtnFEMI', 'FwoGZXIvYXdzEJr', 'fe5f80f77d5fa3be']) assert.ok(!redacted.includes(secret), secret);
  });

  it('leaves ordinary text alone', () => {
    assert.equal(redactSecrets('Training job demo-job: Status: Completed'), 'Training job demo-job: Status: Completed');
  });
});

describe('training job progress', () => {
  it('reports new secondary transitions and status changes once', () => {
    const first = { TrainingJobStatus: 'InProgress', SecondaryStatus: 'Starting', SecondaryStatusTransitions: [{ Status: 'Starting', StatusMessage: 'Launching instances' }] };
    const second = { ...first, SecondaryStatus: 'Training', SecondaryStatusTransitions: [...first.SecondaryStatusTransitions, { Status: 'Training', StatusMessage: 'Downloading the image' }] };
    const failed = { ...second, TrainingJobStatus: 'Failed', FailureReason: 'AlgorithmError: boom' };
    assert.deepEqual(progressLines(undefined, first), ['Starting: Launching instances', 'Status: InProgress']);
    assert.deepEqual(progressLines(first, second), ['Training: Downloading the image']);
    assert.deepEqual(progressLines(second, second), []);
    assert.deepEqual(progressLines(second, failed), ['Status: Failed — AlgorithmError: boom']);
    assert.equal(isFinished(failed), true);
    assert.equal(isFinished(second), false);
  });

  it('backs off from 2 s to at most 30 s', () => {
    assert.deepEqual([0, 1, 2, 3, 10].map((attempt) => pollDelayMs(attempt)), [2000, 3000, 4500, 6750, 30_000]);
  });
});

describe('following stopped after failed checks', () => {
  const expired = { checks: 5, reason: 'the credentials of profile "default" have expired. Refresh them, e.g. `aws sso login --profile default`, then try again.' };

  it('says why, and the status last seen, which may still hold', () => {
    assert.equal(
      followStoppedMessage({ kind: 'training-job', name: 'launch-test-job', stopped: expired, lastStatus: 'InProgress', lastSecondary: 'Training' }),
      'Stopped following training job "launch-test-job" after 5 failed checks: the credentials of profile "default" have expired. Refresh them, e.g. `aws sso login --profile default`, then try again. It was InProgress (Training) when last checked and may still be running.',
    );
  });

  it('never makes up a status when no check succeeded', () => {
    const message = followStoppedMessage({ kind: 'training-job', name: 'proxy-job', stopped: { checks: 5, reason: 'could not reach AWS in us-east-1. Check the network' } });
    assert.equal(message, 'Stopped following training job "proxy-job" after 5 failed checks: could not reach AWS in us-east-1. Check the network. Its status was never read; it may be running.');
    assert.ok(!/unknown|inprogress/.test(message));
  });

  it('words an endpoint as an endpoint', () => {
    assert.equal(
      followStoppedMessage({ kind: 'endpoint', name: 'serving', stopped: { checks: 1, reason: 'x.' }, lastStatus: 'Creating' }),
      'Stopped following endpoint "serving" after 1 failed check: x. It was Creating when last checked and may still be changing.',
    );
  });

  it('gives the status bar a text that does not claim the job runs', () => {
    assert.equal(followStoppedStatusText('Training'), 'following stopped (was Training)');
    assert.equal(followStoppedStatusText(undefined), 'following stopped');
  });
});
