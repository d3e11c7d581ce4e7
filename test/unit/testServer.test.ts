// The SageMaker-compatible test server (test/server/) against the real clients: the AWS SDK for
// JavaScript v3 the extension uses, and the AWS CLI (botocore), which signs a little differently.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { CloudWatchLogsClient, DescribeLogStreamsCommand, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateHyperParameterTuningJobCommand,
  CreateModelCommand,
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  type CreateTrainingJobCommandInput,
  CreateTransformJobCommand,
  DeleteEndpointCommand,
  DeleteModelCommand,
  DescribeEndpointCommand,
  DescribeModelCommand,
  DescribeTrainingJobCommand,
  ListEndpointsCommand,
  ListModelsCommand,
  ListTrainingJobsCommand,
  ResourceInUse,
  SageMakerClient,
  SageMakerServiceException,
  StopTrainingJobCommand,
  type SageMakerClientConfig,
} from '@aws-sdk/client-sagemaker';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { awsCliVersion, runAwsCli } from '../server/awsCli';
import { SageMakerTestServer, TRAINING_JOBS_LOG_GROUP } from '../server/sageMakerTestServer';
import { signRequest, verifySigV4 } from '../server/sigv4';

const CREDENTIALS = { accessKeyId: 'AKIDTESTSERVER000001', secretAccessKey: 'test-server-secret/do+not+log' };
const REGION = 'us-east-1';
const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');

function example(file: string): CreateTrainingJobCommandInput {
  return JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')) as CreateTrainingJobCommandInput;
}

/** A minimal valid CreateTrainingJob body. */
function trainingJob(name: string): CreateTrainingJobCommandInput {
  return { ...example('training-xgboost.sagemaker.json'), TrainingJobName: name };
}

async function rejection(promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number; attempts?: number }; $fault?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  assert.fail('expected the call to fail');
}

/** A raw POST, for what the SDKs cannot send: no signature, an unknown operation, a wrong scope. */
function post(endpoint: string, headers: Record<string, string>, body: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${endpoint}/`, { method: 'POST', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

function signedPost(endpoint: string, target: string, body: string, service = 'sagemaker') {
  const headers = signRequest(
    { method: 'POST', url: '/', headers: { host: new URL(endpoint).host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target }, body },
    CREDENTIALS,
    { region: REGION, service },
  );
  return post(endpoint, headers, body);
}

describe('SageMaker test server', function () {
  this.timeout(30_000);
  let server: SageMakerTestServer;
  const clients: { destroy(): void }[] = [];

  function sageMaker(config: Partial<SageMakerClientConfig> = {}): SageMakerClient {
    const client = new SageMakerClient({ endpoint: server.endpoint, region: REGION, credentials: CREDENTIALS, maxAttempts: 1, ...config });
    clients.push(client);
    return client;
  }

  before(async () => {
    server = await SageMakerTestServer.start(CREDENTIALS);
  });

  after(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  beforeEach(() => server.reset());

  describe('signatures', () => {
    it('verifies the AWS documentation example signature (IAM ListUsers)', () => {
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html (the sigv4 example).
      const verification = verifySigV4(
        {
          method: 'GET',
          url: '/?Action=ListUsers&Version=2010-05-08',
          rawHeaders: [
            'Host', 'iam.amazonaws.com',
            'Content-Type', 'application/x-www-form-urlencoded; charset=utf-8',
            'X-Amz-Date', '20150830T123600Z',
            'Authorization', 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
          ],
          body: Buffer.alloc(0),
        },
        { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
        { now: new Date('2015-08-30T12:36:00Z') },
      );
      assert.equal(verification.valid, true, verification.failure);
    });

    it('accepts CreateTrainingJob from the SDK and records it with the exact body', async () => {
      const body = example('training-xgboost.sagemaker.json');
      const answer = await sageMaker().send(new CreateTrainingJobCommand(body));
      assert.equal(answer.TrainingJobArn, 'arn:aws:sagemaker:us-east-1:123456789012:training-job/xgboost-churn-2026-11-23');
      assert.equal(server.requests.length, 1);
      const [request] = server.requests;
      assert.equal(request.service, 'sagemaker');
      assert.equal(request.operation, 'CreateTrainingJob');
      assert.equal(request.protocol, 'json');
      assert.deepEqual(request.body, body);
      assert.equal(request.signatureValid, true);
      assert.equal(request.signingService, 'sagemaker');
      assert.equal(request.signingRegion, REGION);
      assert.equal(request.accessKeyId, CREDENTIALS.accessKeyId);
      assert.equal(request.headers['x-amz-target'], 'SageMaker.CreateTrainingJob');
      assert.equal(request.headers['content-type'], 'application/x-amz-json-1.1');
      assert.equal(request.status, 200);
    });

    it('rejects a wrong secret with InvalidSignatureException, and records the attempt as not valid', async () => {
      const client = sageMaker({ credentials: { ...CREDENTIALS, secretAccessKey: 'not-the-secret' } });
      const error = await rejection(client.send(new CreateTrainingJobCommand(trainingJob('wrong-secret'))));
      assert.equal(error.name, 'InvalidSignatureException');
      assert.match(error.message, /^The request signature we calculated does not match the signature you provided/);
      assert.equal(error.$metadata?.httpStatusCode, 403);
      assert.equal(server.requests.length, 1);
      assert.equal(server.requests[0].signatureValid, false);
      assert.equal(server.requests[0].signatureFailure, 'signature-mismatch');
      assert.equal(server.requests[0].errorType, 'InvalidSignatureException');
      // Nothing was created.
      const lookup = await rejection(sageMaker().send(new DescribeTrainingJobCommand({ TrainingJobName: 'wrong-secret' })));
      assert.equal(lookup.name, 'ValidationException');
    });

    it('rejects an unknown access key id as AWS does (UnrecognizedClientException)', async () => {
      const client = sageMaker({ credentials: { ...CREDENTIALS, accessKeyId: 'AKIDSOMEONEELSE00000' } });
      const error = await rejection(client.send(new DescribeTrainingJobCommand({ TrainingJobName: 'x' })));
      assert.equal(error.name, 'UnrecognizedClientException');
      assert.equal(error.message, 'The security token included in the request is invalid.');
      assert.equal(server.requests[0].signatureFailure, 'unknown-access-key');
    });

    it('rejects a request without a signature (MissingAuthenticationTokenException, 403)', async () => {
      const answer = await post(server.endpoint, { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'SageMaker.ListTrainingJobs' }, '{}');
      assert.equal(answer.status, 403);
      assert.deepEqual(JSON.parse(answer.body), { __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
      assert.equal(server.requests[0].signatureValid, false);
      assert.equal(server.requests[0].signatureFailure, 'missing-authorization');
    });

    it('rejects a signature scoped to another service', async () => {
      const answer = await signedPost(server.endpoint, 'SageMaker.ListTrainingJobs', '{}', 'logs');
      assert.equal(answer.status, 403);
      assert.equal(answer.headers['x-amzn-errortype'], 'InvalidSignatureException');
      assert.match(JSON.parse(answer.body).message, /Credential should be scoped to correct service: 'sagemaker'/);
      assert.equal(server.requests[0].signingService, 'logs');
    });

    it('with a region of its own, rejects requests signed for another region', async () => {
      const regional = await SageMakerTestServer.start({ ...CREDENTIALS, region: 'eu-west-1' });
      try {
        const client = new SageMakerClient({ endpoint: regional.endpoint, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
        clients.push(client);
        const error = await rejection(client.send(new ListTrainingJobsCommand({})));
        assert.equal(error.name, 'InvalidSignatureException');
        assert.equal(error.message, "Credential should be scoped to a valid region, not 'us-east-1'.");
        assert.equal(regional.requests[0].signatureFailure, 'wrong-region');
      } finally {
        await regional.stop();
      }
    });

    it('rejects a body changed after signing', async () => {
      const headers = signRequest(
        { method: 'POST', url: '/', headers: { host: new URL(server.endpoint).host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'SageMaker.ListModels' }, body: '{}' },
        CREDENTIALS,
        { region: REGION, service: 'sagemaker' },
      );
      const answer = await post(server.endpoint, headers, '{"MaxResults":1}');
      assert.equal(answer.status, 403);
      assert.equal(server.requests[0].signatureFailure, 'signature-mismatch');
    });

    it('verifies requests signed with a session token, and keeps neither the token nor the secret', async () => {
      const sessionToken = 'FwoGZXIvYXdzEXAMPLESESSIONTOKEN//+=';
      const client = sageMaker({ credentials: { ...CREDENTIALS, sessionToken } });
      await client.send(new CreateTrainingJobCommand(trainingJob('with-session-token')));
      const [request] = server.requests;
      assert.equal(request.signatureValid, true);
      assert.equal(request.sessionTokenPresent, true);
      assert.equal(request.headers['x-amz-security-token'], '<redacted>');
      assert.match(request.headers.authorization, /SignedHeaders=[^,]*x-amz-security-token/);
      assert.match(request.headers.authorization, /Signature=<redacted>$/);
      const recorded = JSON.stringify(server.requests);
      assert.ok(!recorded.includes(sessionToken), 'no session token in the records');
      assert.ok(!recorded.includes(CREDENTIALS.secretAccessKey), 'no secret in the records');
    });
  });

  describe('errors', () => {
    it('answers an injected ValidationException once, with its message', async () => {
      server.failNext('CreateTrainingJob', { type: 'ValidationException', message: 'Value ml.m5.huge for InstanceType is not valid' });
      const client = sageMaker();
      const error = await rejection(client.send(new CreateTrainingJobCommand(trainingJob('invalid'))));
      assert.equal(error.name, 'ValidationException');
      assert.equal(error.message, 'Value ml.m5.huge for InstanceType is not valid');
      assert.equal(error.$fault, 'client');
      assert.equal(error.$metadata?.httpStatusCode, 400);
      assert.ok(error instanceof SageMakerServiceException);
      // Only the next request.
      await client.send(new CreateTrainingJobCommand(trainingJob('invalid')));
    });

    it('answers ResourceInUse for a second training job of the same name, as SageMaker does', async () => {
      const client = sageMaker();
      await client.send(new CreateTrainingJobCommand(trainingJob('twice')));
      const error = await rejection(client.send(new CreateTrainingJobCommand(trainingJob('twice'))));
      assert.ok(error instanceof ResourceInUse, 'the SDK\'s modeled ResourceInUse');
      assert.equal(error.name, 'ResourceInUse');
      assert.match(error.message, /a training job with this name already exists \(arn:aws:sagemaker:us-east-1:123456789012:training-job\/twice\)/);
      // Names are case-insensitive.
      assert.equal((await rejection(client.send(new CreateTrainingJobCommand(trainingJob('TWICE'))))).name, 'ResourceInUse');
    });

    it('answers ValidationException "Cannot create already existing model" for a second model of the same name', async () => {
      const client = sageMaker();
      const model = { ModelName: 'serving', ExecutionRoleArn: 'arn:aws:iam::123456789012:role/R', PrimaryContainer: { Image: 'registry.example.com/x:1' } };
      await client.send(new CreateModelCommand(model));
      const error = await rejection(client.send(new CreateModelCommand(model)));
      assert.equal(error.name, 'ValidationException');
      assert.equal(error.message, 'Cannot create already existing model "arn:aws:sagemaker:us-east-1:123456789012:model/serving".');
    });

    it('checks required members and name patterns as the service does', async () => {
      const error = await rejection(sageMaker().send(new CreateTrainingJobCommand({ ...trainingJob('bad_name'), RoleArn: undefined })));
      assert.equal(error.name, 'ValidationException');
      assert.equal(
        error.message,
        "2 validation errors detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null; " +
          "Value 'bad_name' at 'trainingJobName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}",
      );
    });

    it('answers AccessDeniedException and ResourceLimitExceeded on demand', async () => {
      server.failNext('CreateEndpoint', { type: 'AccessDeniedException', message: 'User: arn:aws:iam::123456789012:user/test is not authorized to perform: sagemaker:CreateEndpoint' });
      server.failNext('CreateEndpoint', { type: 'ResourceLimitExceeded', message: 'The account-level service limit is 0 Instances' });
      const client = sageMaker();
      const denied = await rejection(client.send(new CreateEndpointCommand({ EndpointName: 'e', EndpointConfigName: 'c' })));
      assert.equal(denied.name, 'AccessDeniedException');
      const limited = await rejection(client.send(new CreateEndpointCommand({ EndpointName: 'e', EndpointConfigName: 'c' })));
      assert.equal(limited.name, 'ResourceLimitExceeded');
      assert.deepEqual(server.requests.map((request) => request.errorType), ['AccessDeniedException', 'ResourceLimitExceeded']);
    });

    it('throttling is retried by the SDK: ThrottlingException twice, then success on the third attempt', async () => {
      server.failNext('CreateTrainingJob', { type: 'ThrottlingException', message: 'Rate exceeded', times: 2 });
      const answer = await sageMaker({ maxAttempts: 3 }).send(new CreateTrainingJobCommand(trainingJob('throttled')));
      assert.equal(answer.$metadata.attempts, 3);
      assert.deepEqual(server.requestsFor('CreateTrainingJob').map((request) => request.status), [400, 400, 200]);
      assert.deepEqual(server.requestsFor('CreateTrainingJob').map((request) => request.headers['amz-sdk-request']), ['attempt=1; max=3', 'attempt=2; max=3', 'attempt=3; max=3']);
    });

    it('throttling that outlasts the retries surfaces as ThrottlingException', async () => {
      server.failNext('ListTrainingJobs', { type: 'ThrottlingException', message: 'Rate exceeded', times: 5 });
      const error = await rejection(sageMaker({ maxAttempts: 2 }).send(new ListTrainingJobsCommand({})));
      assert.equal(error.name, 'ThrottlingException');
      assert.equal(error.$metadata?.attempts, 2);
      assert.equal(server.requestsFor('ListTrainingJobs').length, 2);
    });

    it('answers an unknown operation with UnknownOperationException', async () => {
      const answer = await signedPost(server.endpoint, 'SageMaker.CreateSpaceship', '{}');
      assert.equal(answer.status, 400);
      assert.equal(JSON.parse(answer.body).__type, 'UnknownOperationException');
      assert.equal(server.requests[0].operation, 'CreateSpaceship');
      assert.equal(server.requests[0].signatureValid, true);
    });

    it('answers slowly on demand, so a client request timeout fires', async () => {
      server.delay('DescribeTrainingJob', 1000, 1);
      server.addTrainingJob('slow');
      // This SDK's node-http-handler only warns on requestTimeout unless throwOnRequestTimeout is set.
      const client = sageMaker({ requestHandler: { requestTimeout: 100, throwOnRequestTimeout: true } });
      const error = await rejection(client.send(new DescribeTrainingJobCommand({ TrainingJobName: 'slow' })));
      assert.equal(error.name, 'TimeoutError');
      // Only the next request was slow.
      const started = Date.now();
      await sageMaker().send(new DescribeTrainingJobCommand({ TrainingJobName: 'slow' }));
      assert.ok(Date.now() - started < 1000);
    });

    it('drops a connection on demand', async () => {
      server.addTrainingJob('dropped');
      server.dropNext('DescribeTrainingJob');
      const error = await rejection(sageMaker().send(new DescribeTrainingJobCommand({ TrainingJobName: 'dropped' })));
      assert.match(`${error.name} ${(error as { code?: string }).code} ${error.message}`, /ECONNRESET|socket hang up/);
      assert.equal(server.requests[0].dropped, true);
    });
  });

  describe('training jobs', () => {
    it('answers scripted DescribeTrainingJob transitions in order; the last repeats', async () => {
      server.scriptTrainingJob('scripted', [
        { TrainingJobStatus: 'InProgress', SecondaryStatus: 'Starting' },
        { TrainingJobStatus: 'InProgress', SecondaryStatus: 'Downloading' },
        { TrainingJobStatus: 'InProgress', SecondaryStatus: 'Training' },
        { TrainingJobStatus: 'Failed', SecondaryStatus: 'Failed', FailureReason: 'AlgorithmError: out of memory' },
      ]);
      const client = sageMaker();
      await client.send(new CreateTrainingJobCommand(trainingJob('scripted')));
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await client.send(new DescribeTrainingJobCommand({ TrainingJobName: 'scripted' })));
      assert.deepEqual(
        answers.map((answer) => `${answer.TrainingJobStatus}/${answer.SecondaryStatus}`),
        ['InProgress/Starting', 'InProgress/Downloading', 'InProgress/Training', 'Failed/Failed', 'Failed/Failed'],
      );
      const last = answers[4];
      assert.equal(last.FailureReason, 'AlgorithmError: out of memory');
      assert.deepEqual(last.SecondaryStatusTransitions?.map((transition) => transition.Status), ['Starting', 'Downloading', 'Training', 'Failed']);
      assert.equal(last.SecondaryStatusTransitions?.[0].StatusMessage, 'Starting the training job');
      assert.ok(last.SecondaryStatusTransitions?.every((transition) => transition.StartTime instanceof Date && transition.EndTime instanceof Date));
      assert.ok(last.CreationTime instanceof Date && last.TrainingEndTime instanceof Date);
      // What it was created with comes back.
      assert.equal(last.TrainingJobArn, 'arn:aws:sagemaker:us-east-1:123456789012:training-job/scripted');
      assert.equal(last.AlgorithmSpecification?.TrainingImage, '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1');
      assert.deepEqual(last.HyperParameters, trainingJob('x').HyperParameters);
      assert.equal(last.ResourceConfig?.InstanceType, 'ml.m5.xlarge');
    });

    it('without a script: InProgress/Starting, then Completed', async () => {
      const client = sageMaker();
      await client.send(new CreateTrainingJobCommand(trainingJob('plain')));
      const first = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: 'plain' }));
      const second = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: 'plain' }));
      assert.deepEqual([first.TrainingJobStatus, first.SecondaryStatus, second.TrainingJobStatus, second.SecondaryStatus], ['InProgress', 'Starting', 'Completed', 'Completed']);
      assert.equal(second.ModelArtifacts?.S3ModelArtifacts, 's3://example-bucket/churn/output/plain/output/model.tar.gz');
    });

    it('fills in the times of scripted transitions that leave them out', async () => {
      server.scriptTrainingJob('partial', [{ TrainingJobStatus: 'InProgress', SecondaryStatus: 'Training', SecondaryStatusTransitions: [{ Status: 'Starting' }, { Status: 'Training', StatusMessage: 'Training in progress' }] }]);
      const answer = await sageMaker().send(new DescribeTrainingJobCommand({ TrainingJobName: 'partial' }));
      assert.deepEqual(answer.SecondaryStatusTransitions?.map((transition) => [transition.Status, transition.StartTime instanceof Date]), [['Starting', true], ['Training', true]]);
      assert.equal(answer.SecondaryStatusTransitions?.[1].StatusMessage, 'Training in progress');
    });

    it('StopTrainingJob: Stopping, then Stopped; a stopped job cannot be stopped again', async () => {
      server.scriptTrainingJob('to-stop', [{ TrainingJobStatus: 'InProgress', SecondaryStatus: 'Training' }]);
      const client = sageMaker();
      await client.send(new CreateTrainingJobCommand(trainingJob('to-stop')));
      await client.send(new StopTrainingJobCommand({ TrainingJobName: 'to-stop' }));
      const stopping = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: 'to-stop' }));
      const stopped = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: 'to-stop' }));
      assert.deepEqual([stopping.TrainingJobStatus, stopped.TrainingJobStatus, stopped.SecondaryStatus], ['Stopping', 'Stopped', 'Stopped']);
      const again = await rejection(client.send(new StopTrainingJobCommand({ TrainingJobName: 'to-stop' })));
      assert.equal(again.name, 'ValidationException');
      assert.equal(again.message, 'The request was rejected because the training job is in status Stopped.');
      const missing = await rejection(client.send(new StopTrainingJobCommand({ TrainingJobName: 'nobody' })));
      assert.deepEqual([missing.name, missing.message], ['ValidationException', 'Requested resource not found.']);
    });

    it('ListTrainingJobs: newest first, filtered by StatusEquals, scripted jobs included', async () => {
      const client = sageMaker();
      await client.send(new CreateTrainingJobCommand(trainingJob('first')));
      await new Promise((resolve) => setTimeout(resolve, 5));
      server.scriptTrainingJob('second', [{ TrainingJobStatus: 'Completed' }]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      server.addTrainingJob('third');
      const all = await client.send(new ListTrainingJobsCommand({}));
      assert.deepEqual(all.TrainingJobSummaries?.map((job) => job.TrainingJobName), ['third', 'second', 'first']);
      const running = await client.send(new ListTrainingJobsCommand({ StatusEquals: 'InProgress' }));
      assert.deepEqual(running.TrainingJobSummaries?.map((job) => job.TrainingJobName), ['third', 'first']);
      const oldest = await client.send(new ListTrainingJobsCommand({ SortOrder: 'Ascending', MaxResults: 2 }));
      assert.deepEqual(oldest.TrainingJobSummaries?.map((job) => job.TrainingJobName), ['first', 'second']);
      const rest = await client.send(new ListTrainingJobsCommand({ SortOrder: 'Ascending', MaxResults: 2, NextToken: oldest.NextToken }));
      assert.deepEqual(rest.TrainingJobSummaries?.map((job) => job.TrainingJobName), ['third']);
      assert.equal(rest.NextToken, undefined);
    });

    it('a scripted job can still be created once, and then follows its script from the start', async () => {
      server.scriptTrainingJob('prepared', [{ TrainingJobStatus: 'InProgress', SecondaryStatus: 'Training' }, { TrainingJobStatus: 'Completed' }]);
      const client = sageMaker();
      await client.send(new CreateTrainingJobCommand(trainingJob('prepared')));
      const first = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: 'prepared' }));
      assert.equal(first.SecondaryStatus, 'Training');
      assert.equal(first.RoleArn, 'arn:aws:iam::123456789012:role/SageMakerExecutionRole');
      assert.equal((await rejection(client.send(new CreateTrainingJobCommand(trainingJob('prepared'))))).name, 'ResourceInUse');
    });
  });

  describe('models, endpoint configs, endpoints and other jobs', () => {
    it('endpoints go Creating → InService (or as scripted), are listed, and are deleted', async () => {
      const client = sageMaker();
      const model = example('model-private-registry.sagemaker.json') as unknown as ConstructorParameters<typeof CreateModelCommand>[0];
      assert.equal((await client.send(new CreateModelCommand(model))).ModelArn, 'arn:aws:sagemaker:us-east-1:123456789012:model/trainer-serving');
      const config = example('endpoint-config.sagemaker.json') as unknown as ConstructorParameters<typeof CreateEndpointConfigCommand>[0];
      await client.send(new CreateEndpointConfigCommand(config));
      const created = await client.send(new CreateEndpointCommand({ EndpointName: 'trainer-serving', EndpointConfigName: 'trainer-serving-config' }));
      assert.equal(created.EndpointArn, 'arn:aws:sagemaker:us-east-1:123456789012:endpoint/trainer-serving');
      const creating = await client.send(new DescribeEndpointCommand({ EndpointName: 'trainer-serving' }));
      const inService = await client.send(new DescribeEndpointCommand({ EndpointName: 'trainer-serving' }));
      assert.deepEqual([creating.EndpointStatus, inService.EndpointStatus], ['Creating', 'InService']);
      assert.equal(inService.ProductionVariants?.[0].CurrentInstanceCount, 1);
      assert.equal(inService.ProductionVariants?.[0].DeployedImages?.[0].SpecifiedImage, model.PrimaryContainer?.Image);

      server.scriptEndpoint('failing', [{ EndpointStatus: 'Creating' }, { EndpointStatus: 'Failed', FailureReason: 'The primary container did not pass the ping health check.' }]);
      await client.send(new CreateEndpointCommand({ EndpointName: 'failing', EndpointConfigName: 'trainer-serving-config' }));
      await client.send(new DescribeEndpointCommand({ EndpointName: 'failing' }));
      const failed = await client.send(new DescribeEndpointCommand({ EndpointName: 'failing' }));
      assert.deepEqual([failed.EndpointStatus, failed.FailureReason], ['Failed', 'The primary container did not pass the ping health check.']);

      server.addEndpoint('old-endpoint', 'InService');
      const listed = await client.send(new ListEndpointsCommand({ SortBy: 'CreationTime', SortOrder: 'Descending' }));
      assert.deepEqual(listed.Endpoints?.map((endpoint) => endpoint.EndpointName).sort(), ['failing', 'old-endpoint', 'trainer-serving']);
      const inServiceOnly = await client.send(new ListEndpointsCommand({ StatusEquals: 'InService' }));
      assert.deepEqual(inServiceOnly.Endpoints?.map((endpoint) => endpoint.EndpointName).sort(), ['old-endpoint', 'trainer-serving']);

      await client.send(new DeleteEndpointCommand({ EndpointName: 'old-endpoint' }));
      const gone = await rejection(client.send(new DescribeEndpointCommand({ EndpointName: 'old-endpoint' })));
      assert.deepEqual([gone.name, gone.message], ['ValidationException', 'Could not find endpoint "arn:aws:sagemaker:us-east-1:123456789012:endpoint/old-endpoint".']);
      assert.deepEqual(server.requestsFor('DeleteEndpoint').map((request) => request.body), [{ EndpointName: 'old-endpoint' }]);
    });

    it('models: describe, list and delete', async () => {
      const client = sageMaker();
      server.addModel('seeded-model');
      await client.send(new CreateModelCommand({ ModelName: 'sent-model', ExecutionRoleArn: 'arn:aws:iam::123456789012:role/R', PrimaryContainer: { Image: 'registry.example.com/x:1' } }));
      const described = await client.send(new DescribeModelCommand({ ModelName: 'sent-model' }));
      assert.equal(described.PrimaryContainer?.Image, 'registry.example.com/x:1');
      assert.deepEqual((await client.send(new ListModelsCommand({}))).Models?.map((model) => model.ModelName).sort(), ['seeded-model', 'sent-model']);
      await client.send(new DeleteModelCommand({ ModelName: 'seeded-model' }));
      const missing = await rejection(client.send(new DeleteModelCommand({ ModelName: 'seeded-model' })));
      assert.equal(missing.message, 'Could not find model "arn:aws:sagemaker:us-east-1:123456789012:model/seeded-model".');
    });

    it('CreateProcessingJob, CreateTransformJob and CreateHyperParameterTuningJob answer ARNs', async () => {
      const client = sageMaker();
      const role = 'arn:aws:iam::123456789012:role/R';
      const processing = await client.send(
        new CreateProcessingJobCommand({
          ProcessingJobName: 'prep',
          RoleArn: role,
          AppSpecification: { ImageUri: 'registry.example.com/prep:1' },
          ProcessingResources: { ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10 } },
        }),
      );
      assert.equal(processing.ProcessingJobArn, 'arn:aws:sagemaker:us-east-1:123456789012:processing-job/prep');
      const transform = await client.send(
        new CreateTransformJobCommand({
          TransformJobName: 'batch',
          ModelName: 'm',
          TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/in/' } } },
          TransformOutput: { S3OutputPath: 's3://b/out/' },
          TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1 },
        }),
      );
      assert.equal(transform.TransformJobArn, 'arn:aws:sagemaker:us-east-1:123456789012:transform-job/batch');
      const tuning = await client.send(
        new CreateHyperParameterTuningJobCommand({
          HyperParameterTuningJobName: 'tune',
          HyperParameterTuningJobConfig: { Strategy: 'Bayesian', ResourceLimits: { MaxNumberOfTrainingJobs: 2, MaxParallelTrainingJobs: 1 } },
        }),
      );
      assert.equal(tuning.HyperParameterTuningJobArn, 'arn:aws:sagemaker:us-east-1:123456789012:hyper-parameter-tuning-job/tune');
      assert.equal((await rejection(client.send(new CreateProcessingJobCommand({ ProcessingJobName: 'prep', RoleArn: role, AppSpecification: { ImageUri: 'x' }, ProcessingResources: { ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 10 } } })))).name, 'ResourceInUse');
    });
  });

  describe('STS and CloudWatch Logs on the same port', () => {
    it('STS GetCallerIdentity (query protocol, XML) returns the test account', async () => {
      const sts = new STSClient({ endpoint: server.endpoint, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
      clients.push(sts);
      const identity = await sts.send(new GetCallerIdentityCommand({}));
      assert.deepEqual([identity.Account, identity.Arn, identity.UserId], ['123456789012', 'arn:aws:iam::123456789012:user/test', 'AIDATESTUSER000000000']);
      const [request] = server.requests;
      assert.deepEqual([request.service, request.protocol, request.operation, request.signingService, request.signatureValid], ['sts', 'query', 'GetCallerIdentity', 'sts', true]);
      assert.deepEqual(request.body, { Action: 'GetCallerIdentity', Version: '2011-06-15' });
      assert.equal(request.headers['content-type'], 'application/x-www-form-urlencoded');
    });

    it('STS errors are XML the SDK understands: a wrong secret is SignatureDoesNotMatch, injected ones keep their code', async () => {
      const wrong = new STSClient({ endpoint: server.endpoint, region: REGION, credentials: { ...CREDENTIALS, secretAccessKey: 'nope' }, maxAttempts: 1 });
      clients.push(wrong);
      const mismatch = await rejection(wrong.send(new GetCallerIdentityCommand({})));
      assert.equal(mismatch.name, 'SignatureDoesNotMatch');
      assert.equal(mismatch.$metadata?.httpStatusCode, 403);
      server.failNext('GetCallerIdentity', { type: 'ExpiredTokenException', message: 'The security token included in the request is expired' });
      const sts = new STSClient({ endpoint: server.endpoint, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
      clients.push(sts);
      const expired = await rejection(sts.send(new GetCallerIdentityCommand({})));
      assert.equal(expired.name, 'ExpiredTokenException');
      assert.equal(expired.message, 'The security token included in the request is expired');
    });

    it('DescribeLogStreams and GetLogEvents return the added events, and the forward token picks up new ones', async () => {
      const job = 'logged-job';
      const stream = server.addLogEvents(job, 'algo-1-1700000000', [
        { timestamp: 1700000001000, message: 'epoch 1 loss=0.52' },
        { timestamp: 1700000002000, message: 'epoch 2 loss=0.31' },
      ]);
      server.addLogEvents('other-job', 'algo-1-1700000000', [{ timestamp: 1700000001000, message: 'not ours' }]);
      assert.equal(stream, 'logged-job/algo-1-1700000000');
      const logs = new CloudWatchLogsClient({ endpoint: server.endpoint, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
      clients.push(logs);
      const streams = await logs.send(new DescribeLogStreamsCommand({ logGroupName: TRAINING_JOBS_LOG_GROUP, logStreamNamePrefix: `${job}/` }));
      assert.deepEqual(streams.logStreams?.map((found) => found.logStreamName), [stream]);
      assert.equal(streams.logStreams?.[0].lastEventTimestamp, 1700000002000);

      const first = await logs.send(new GetLogEventsCommand({ logGroupName: TRAINING_JOBS_LOG_GROUP, logStreamName: stream, startFromHead: true }));
      assert.deepEqual(first.events?.map((event) => [event.timestamp, event.message]), [[1700000001000, 'epoch 1 loss=0.52'], [1700000002000, 'epoch 2 loss=0.31']]);
      const nothingNew = await logs.send(new GetLogEventsCommand({ logGroupName: TRAINING_JOBS_LOG_GROUP, logStreamName: stream, startFromHead: true, nextToken: first.nextForwardToken }));
      assert.deepEqual(nothingNew.events, []);
      assert.equal(nothingNew.nextForwardToken, first.nextForwardToken, 'the same token when nothing is new');
      server.addLogEvents(job, stream, [{ timestamp: 1700000003000, message: 'training complete' }]);
      const next = await logs.send(new GetLogEventsCommand({ logGroupName: TRAINING_JOBS_LOG_GROUP, logStreamName: stream, startFromHead: true, nextToken: first.nextForwardToken }));
      assert.deepEqual(next.events?.map((event) => event.message), ['training complete']);

      const request = server.requestsFor('GetLogEvents')[0];
      assert.deepEqual([request.service, request.signingService, request.headers['x-amz-target']], ['logs', 'logs', 'Logs_20140328.GetLogEvents']);
      const missing = await rejection(logs.send(new GetLogEventsCommand({ logGroupName: TRAINING_JOBS_LOG_GROUP, logStreamName: 'nope' })));
      assert.equal(missing.name, 'ResourceNotFoundException');
    });
  });

  describe('the AWS CLI (botocore signs too)', function () {
    this.timeout(60_000);
    before(async function () {
      if (!(await awsCliVersion())) throw new Error('The AWS CLI (`aws`) is not on PATH: install it (pip install awscli); botocore signing is checked with it.');
    });

    it('describe-training-job, sts get-caller-identity and logs describe-log-streams verify; a wrong secret fails', async () => {
      server.addTrainingJob('x');
      const endpoint = server.endpoint;
      const [describe, identity, streams, wrong] = await Promise.all([
        runAwsCli(['sagemaker', 'describe-training-job', '--training-job-name', 'x'], { endpoint, credentials: CREDENTIALS }),
        runAwsCli(['sts', 'get-caller-identity'], { endpoint, credentials: CREDENTIALS }),
        runAwsCli(['logs', 'describe-log-streams', '--log-group-name', TRAINING_JOBS_LOG_GROUP, '--log-stream-name-prefix', 'x/'], { endpoint, credentials: { ...CREDENTIALS, sessionToken: 'cli-session-token' } }),
        runAwsCli(['sagemaker', 'describe-training-job', '--training-job-name', 'x'], { endpoint, credentials: { ...CREDENTIALS, secretAccessKey: 'wrong' } }),
      ]);
      assert.equal(describe.exitCode, 0, describe.stderr);
      assert.equal(JSON.parse(describe.stdout).TrainingJobStatus, 'InProgress');
      assert.equal(identity.exitCode, 0, identity.stderr);
      assert.equal(JSON.parse(identity.stdout).Account, '123456789012');
      assert.equal(streams.exitCode, 0, streams.stderr);
      assert.deepEqual(JSON.parse(streams.stdout).logStreams, []);
      assert.notEqual(wrong.exitCode, 0);
      assert.match(wrong.stderr, /\(InvalidSignatureException\) when calling the DescribeTrainingJob operation: The request signature we calculated does not match/);

      const byOperation = (operation: string) => server.requestsFor(operation).map((request) => request.signatureValid);
      assert.deepEqual(byOperation('DescribeTrainingJob').sort(), [false, true]);
      assert.deepEqual(byOperation('GetCallerIdentity'), [true]);
      assert.deepEqual(byOperation('DescribeLogStreams'), [true]);
      assert.equal(server.requestsFor('DescribeLogStreams')[0].sessionTokenPresent, true);
      assert.ok(server.requests.every((request) => /^aws-cli\//.test(request.headers['user-agent'] ?? '')));
    });
  });
});
