// The AWS layer (src/aws) as the SDK runs it, with nothing sent to AWS: where a request went is
// kept on its error (a local server answering as a proxy would), and the regional endpoint shown
// before a launch is the one the SDK's client resolves under AWS_USE_FIPS_ENDPOINT and
// AWS_USE_DUALSTACK_ENDPOINT.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { AwsTarget } from '../../src/aws/api';
import { awsApi } from '../../src/aws/index';
import { originOf } from '../../src/aws/requestOrigin';
import { describeAwsError } from '../../src/core/launch/awsErrors';

const VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_USE_FIPS_ENDPOINT', 'AWS_USE_DUALSTACK_ENDPOINT', 'AWS_EC2_METADATA_DISABLED', 'AWS_CONFIG_FILE', 'AWS_PROFILE'];

describe('AWS layer: answers that are not AWS, and the endpoint the SDK resolves', function () {
  this.timeout(30_000);
  const saved = new Map<string, string | undefined>();

  before(() => {
    for (const name of VARIABLES) saved.set(name, process.env[name]);
    process.env.AWS_ACCESS_KEY_ID = 'AKIDTESTTESTTESTTEST';
    process.env.AWS_SECRET_ACCESS_KEY = 'test-secret-not-real';
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    // No user config file: the FIPS and dual-stack options come from the variables here only.
    process.env.AWS_CONFIG_FILE = '/nonexistent/aws-config';
    delete process.env.AWS_PROFILE;
  });

  after(() => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    awsApi.reset();
  });

  it('records scheme, host and port of a request, never its user information or path', () => {
    assert.equal(originOf({ protocol: 'http:', hostname: '127.0.0.1', port: 5000, path: '/x', username: 'u', password: 'p' }), 'http://127.0.0.1:5000');
    assert.equal(originOf({ protocol: 'https:', hostname: 'api.sagemaker.us-east-1.amazonaws.com', port: 443 }), 'https://api.sagemaker.us-east-1.amazonaws.com');
    assert.equal(originOf({ protocol: 'https:' }), undefined);
  });

  describe('a proxy answering HTTP 502 with an HTML page', () => {
    let server: http.Server;
    let target: AwsTarget;
    let requests = 0;

    before(async () => {
      server = http.createServer((_request, response) => {
        requests++;
        response.writeHead(502, { 'Content-Type': 'text/html' }).end('<html><body>Bad Gateway</body></html>');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      // A user name and password in the setting must not reach a message.
      target = { region: 'us-east-1', profile: 'default', endpointUrl: `http://user:hunter2@127.0.0.1:${port}`, requestTimeoutMs: 5000 };
      awsApi.reset();
    });

    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    for (const [call, action, run] of [
      ['STS GetCallerIdentity', 'Checking your AWS identity', (t: AwsTarget) => awsApi.callerAccount(t)],
      ['SageMaker CreateTrainingJob', 'Launch Training Job', (t: AwsTarget) => awsApi.sendCreate(t, 'CreateTrainingJob', { TrainingJobName: 'j' })],
      ['SageMaker DescribeTrainingJob', 'Checking "j"', (t: AwsTarget) => awsApi.describeTrainingJob(t, 'j')],
    ] as const) {
      it(`${call}: names the endpoint and the status`, async () => {
        const before = requests;
        const error = await run(target).then(() => assert.fail('a 502 must fail'), (thrown: unknown) => thrown as Error);
        assert.ok(requests > before, 'the server was asked');
        const { port } = server.address() as AddressInfo;
        const described = describeAwsError(error, { action, profile: 'default', region: 'us-east-1' });
        assert.equal(described.kind, 'not-aws-response', `${error.name}: ${error.message}`);
        assert.equal(described.message, `${action} failed: the endpoint http://127.0.0.1:${port} answered HTTP 502 with a page that is not an AWS response (a proxy or gateway?). Check the network, a proxy, or the endpoint settings (sagemakerSpec.endpointUrl, AWS_ENDPOINT_URL).`);
        assert.ok(!described.message.includes('hunter2') && !described.message.includes('AKIDTEST'));
      });
    }
  });

  describe('the regional endpoint', () => {
    const target: AwsTarget = { region: 'us-east-1', profile: 'default' };
    afterEach(() => {
      delete process.env.AWS_USE_FIPS_ENDPOINT;
      delete process.env.AWS_USE_DUALSTACK_ENDPOINT;
      // Clients keep the options they read: new ones for the next case.
      awsApi.reset();
    });

    it('is the plain one by default', async () => {
      assert.deepEqual(await awsApi.sageMakerAwsEndpoint(target), { url: 'https://api.sagemaker.us-east-1.amazonaws.com', fips: false, dualStack: false });
    });

    it('is the FIPS one under AWS_USE_FIPS_ENDPOINT=true', async () => {
      process.env.AWS_USE_FIPS_ENDPOINT = 'true';
      assert.deepEqual(await awsApi.sageMakerAwsEndpoint(target), { url: 'https://api-fips.sagemaker.us-east-1.amazonaws.com', fips: true, dualStack: false });
    });

    it('is the api.aws one under AWS_USE_DUALSTACK_ENDPOINT=true', async () => {
      process.env.AWS_USE_DUALSTACK_ENDPOINT = 'true';
      assert.deepEqual(await awsApi.sageMakerAwsEndpoint(target), { url: 'https://api.sagemaker.us-east-1.api.aws', fips: false, dualStack: true });
    });

    it("is the FIPS one under the profile's use_fips_endpoint", async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fips-config-')), 'config');
      fs.writeFileSync(file, '[default]\nuse_fips_endpoint = true\n');
      process.env.AWS_CONFIG_FILE = file;
      try {
        assert.deepEqual(await awsApi.sageMakerAwsEndpoint(target), { url: 'https://api-fips.sagemaker.us-east-1.amazonaws.com', fips: true, dualStack: false });
      } finally {
        process.env.AWS_CONFIG_FILE = '/nonexistent/aws-config';
      }
    });

    it("follows the partition's own rules (GovCloud, both options)", async () => {
      process.env.AWS_USE_FIPS_ENDPOINT = 'true';
      process.env.AWS_USE_DUALSTACK_ENDPOINT = 'true';
      assert.deepEqual(await awsApi.sageMakerAwsEndpoint({ region: 'us-gov-west-1', profile: 'default' }), { url: 'https://api.sagemaker-fips.us-gov-west-1.api.aws', fips: true, dualStack: true });
    });
  });
});
