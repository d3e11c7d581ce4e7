import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CreateModelCommand, CreateTrainingJobCommand, DeleteModelCommand, ListTrainingJobsCommand, SageMakerClient, type CreateTrainingJobCommandInput } from '@aws-sdk/client-sagemaker';
import { describeAwsError } from '../../src/core/launch/awsErrors';
import { startMoto, type MotoServer } from '../server/motoServer';

// scripts/lib/unique-names-proxy.mjs, the demo's proxy in front of moto: against moto itself,
// through the AWS SDK the extension uses, and against a scripted upstream for what moto cannot do.

// tsc turns import() into require(), which cannot load an .mjs on Node 20; a Function body keeps it.
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;
const repoRoot = path.resolve(__dirname, '..', '..', '..');

interface UniqueNamesProxy {
  endpoint: string;
  readonly refused: number;
  stop(): Promise<void>;
}
type StartProxy = (upstream: string, options?: { port?: number; account?: string }) => Promise<UniqueNamesProxy>;

const CREDENTIALS = { accessKeyId: 'AKIDUNIQUENAMES', secretAccessKey: 'unique-names-test-secret' };

function trainingJob(name: string): CreateTrainingJobCommandInput {
  return {
    TrainingJobName: name,
    RoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
    AlgorithmSpecification: { TrainingImage: '382416733822.dkr.ecr.us-east-1.amazonaws.com/kmeans:1', TrainingInputMode: 'File' },
    OutputDataConfig: { S3OutputPath: 's3://bucket/output/' },
    ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
  };
}

function client(endpoint: string, region = 'us-east-1'): SageMakerClient {
  return new SageMakerClient({ region, endpoint, credentials: CREDENTIALS, maxAttempts: 1 });
}

async function failure(promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  assert.fail('the call succeeded');
}

describe('unique-names proxy (scripts/lib/unique-names-proxy.mjs)', function () {
  this.timeout(60_000);
  let startUniqueNamesProxy: StartProxy;

  before(async () => {
    ({ startUniqueNamesProxy } = (await importEsm(pathToFileURL(path.join(repoRoot, 'scripts', 'lib', 'unique-names-proxy.mjs')).href)) as { startUniqueNamesProxy: StartProxy });
  });

  describe('in front of moto', () => {
    let moto: MotoServer;
    let proxy: UniqueNamesProxy;

    before(async () => {
      moto = await startMoto();
      proxy = await startUniqueNamesProxy(moto.endpoint);
    });

    after(async () => {
      await proxy?.stop();
      await moto?.stop();
    });

    it('is needed: moto alone accepts a second training job of the same name', async () => {
      const direct = client(moto.endpoint);
      await direct.send(new CreateTrainingJobCommand(trainingJob('moto-duplicate')));
      const again = await direct.send(new CreateTrainingJobCommand(trainingJob('moto-duplicate')));
      assert.match(again.TrainingJobArn ?? '', /training-job\/moto-duplicate$/);
    });

    it('answers a second training job of the same name (in any case) with ResourceInUse, which the extension reads as a taken name', async () => {
      const sagemaker = client(proxy.endpoint);
      const created = await sagemaker.send(new CreateTrainingJobCommand(trainingJob('demo-job')));
      assert.equal(created.TrainingJobArn, 'arn:aws:sagemaker:us-east-1:123456789012:training-job/demo-job');
      const error = await failure(sagemaker.send(new CreateTrainingJobCommand(trainingJob('Demo-Job'))));
      assert.equal(error.name, 'ResourceInUse');
      assert.equal(error.$metadata?.httpStatusCode, 400);
      assert.equal(error.message, 'Training job names must be unique within an AWS account and region, and a training job with this name already exists (arn:aws:sagemaker:us-east-1:123456789012:training-job/Demo-Job)');
      assert.equal(describeAwsError(error, { action: 'Launch Training Job', profile: 'default', region: 'us-east-1' }).kind, 'name-in-use');
      assert.equal(proxy.refused, 1);
      // moto got the first only.
      const listed = await sagemaker.send(new ListTrainingJobsCommand({ NameContains: 'demo-job' }));
      assert.deepEqual(listed.TrainingJobSummaries?.map((job) => job.TrainingJobName), ['demo-job']);
    });

    it('lets the same name through in another region', async () => {
      const created = await client(proxy.endpoint, 'eu-west-1').send(new CreateTrainingJobCommand(trainingJob('demo-job')));
      assert.match(created.TrainingJobArn ?? '', /^arn:aws:sagemaker:eu-west-1:/);
    });

    it('answers a taken model name with ValidationException, as SageMaker does, and frees it when the model is deleted', async () => {
      const sagemaker = client(proxy.endpoint);
      const model = { ModelName: 'demo-model', ExecutionRoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole', PrimaryContainer: { Image: '382416733822.dkr.ecr.us-east-1.amazonaws.com/kmeans:1' } };
      await sagemaker.send(new CreateModelCommand(model));
      const error = await failure(sagemaker.send(new CreateModelCommand(model)));
      assert.equal(error.name, 'ValidationException');
      assert.equal(error.message, 'Cannot create already existing model "arn:aws:sagemaker:us-east-1:123456789012:model/demo-model".');
      assert.equal(describeAwsError(error, { action: 'Create Model', profile: 'default', region: 'us-east-1' }).kind, 'name-in-use');
      await sagemaker.send(new DeleteModelCommand({ ModelName: 'demo-model' }));
      await sagemaker.send(new CreateModelCommand(model));
    });
  });

  describe('in front of a scripted upstream', () => {
    let upstream: http.Server;
    let status = 200;
    const seen: string[] = [];
    let proxy: UniqueNamesProxy;

    before(async () => {
      upstream = http.createServer((request, response) => {
        let body = '';
        request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        request.on('end', () => {
          seen.push(`${request.headers['x-amz-target'] ?? request.url} ${body}`);
          response.writeHead(status, { 'Content-Type': 'application/x-amz-json-1.1' });
          response.end(status === 200 ? '{}' : '{"__type":"InternalFailure","message":"upstream failed"}');
        });
      });
      await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
      proxy = await startUniqueNamesProxy(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`);
    });

    after(async () => {
      await proxy?.stop();
      upstream?.closeAllConnections();
      await new Promise((resolve) => upstream?.close(resolve));
    });

    async function post(target: string, body: string): Promise<{ status: number; body: string }> {
      const response = await fetch(proxy.endpoint, { method: 'POST', headers: { 'X-Amz-Target': target, 'Content-Type': 'application/x-amz-json-1.1' }, body });
      return { status: response.status, body: await response.text() };
    }

    it('does not take a name whose Create failed upstream', async () => {
      status = 500;
      assert.equal((await post('SageMaker.CreateProcessingJob', '{"ProcessingJobName":"p"}')).status, 500);
      status = 200;
      assert.equal((await post('SageMaker.CreateProcessingJob', '{"ProcessingJobName":"p"}')).status, 200);
      const refused = await post('SageMaker.CreateProcessingJob', '{"ProcessingJobName":"p"}');
      assert.equal(refused.status, 400);
      assert.deepEqual(JSON.parse(refused.body), { __type: 'ResourceInUse', message: 'Processing job with name p already exists (arn:aws:sagemaker:us-east-1:123456789012:processing-job/p).' });
      assert.equal(seen.filter((line) => line.startsWith('SageMaker.CreateProcessingJob')).length, 2, 'the refused call never reached upstream');
    });

    it('passes everything else through unchanged: other operations, other services, unreadable bodies', async () => {
      seen.length = 0;
      for (const [target, body] of [['SageMaker.DescribeTrainingJob', '{"TrainingJobName":"p"}'], ['Logs_20140328.GetLogEvents', '{}'], ['SageMaker.CreateTrainingJob', 'not json']]) {
        assert.equal((await post(target, body)).status, 200, target);
      }
      assert.equal((await post('SageMaker.CreateTrainingJob', 'not json')).status, 200, 'no name, nothing to refuse');
      assert.deepEqual(seen, ['SageMaker.DescribeTrainingJob {"TrainingJobName":"p"}', 'Logs_20140328.GetLogEvents {}', 'SageMaker.CreateTrainingJob not json', 'SageMaker.CreateTrainingJob not json']);
    });
  });
});
