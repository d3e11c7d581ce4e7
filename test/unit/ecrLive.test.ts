// ECR through the AwsApi implementation (src/aws/index.ts) against moto's server mode, with
// repositories and images this test creates. Where moto is missing the suite fails and says how
// to install it. The AWS environment is isolated: test credentials in the environment, empty
// temporary config and credentials files, no instance metadata.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { CreateRepositoryCommand, DescribeImagesCommand, ECRClient, PutImageCommand, type ImageDetail } from '@aws-sdk/client-ecr';
import type { AwsTarget } from '../../src/aws/api';
import { listEcrImages, listEcrRepositories } from '../../src/aws/ecr';
import { awsApi } from '../../src/aws/index';
import { LISTING_LIMITS, RegistryError } from '../../src/core/registry/registryTypes';
import { startMoto, type MotoServer } from '../server/motoServer';

const CREDENTIALS = { accessKeyId: 'AKIDTESTECRLIVE', secretAccessKey: 'ecr-live-test-secret-do-not-log' };
/** moto's default account, which is the registry id of everything it creates. */
const REGISTRY = '123456789012';
const REPOSITORY = 'team/trainer';

/** Every variable the SDK's chain or config loaders read that could reach the machine's own AWS setup. */
const VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_EC2_METADATA_DISABLED',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_ECR',
  'AWS_ROLE_ARN',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
];

function useTestEnvironment(): () => void {
  const saved = new Map(VARIABLES.map((name) => [name, process.env[name]]));
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-spec-ecr-'));
  fs.writeFileSync(path.join(folder, 'config'), '');
  fs.writeFileSync(path.join(folder, 'credentials'), '');
  for (const name of VARIABLES) delete process.env[name];
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    AWS_CONFIG_FILE: path.join(folder, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(folder, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    fs.rmSync(folder, { recursive: true, force: true });
  };
}

/** A Docker v2 manifest with made-up but well-formed digests; `seed` makes each one distinct. */
function manifest(seed: number, configSize: number): string {
  const digest = (kind: string) => `sha256:${(kind + seed.toString(16)).padStart(64, '0')}`;
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: configSize, digest: digest('c') },
    layers: [
      { mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: 1_000_000 + seed, digest: digest('a') },
      { mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: 2_000_000 + seed, digest: digest('b') },
    ],
  });
}

/** moto stores push times in whole seconds: wait until the clock has entered the next one. */
async function nextSecond(): Promise<void> {
  const second = Math.floor(Date.now() / 1000);
  await new Promise((resolve) => setTimeout(resolve, (second + 1) * 1000 - Date.now() + 20));
}

async function rejectsWith(promise: Promise<unknown>, kind: RegistryError['kind']): Promise<RegistryError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof RegistryError, `expected a RegistryError, got ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    assert.ok(!error.message.includes(CREDENTIALS.secretAccessKey) && !error.message.includes(CREDENTIALS.accessKeyId), error.message);
    return error;
  }
  assert.fail(`expected a RegistryError of kind ${kind}`);
}

describe('ECR live tags (moto)', function () {
  this.timeout(60_000);
  let moto: MotoServer;
  let restoreEnvironment: () => void;
  let target: AwsTarget;
  let setup: ECRClient;
  /** Digests PutImage reported, by tag. */
  const pushed = new Map<string, string>();
  /** What moto's own DescribeImages says, by digest. */
  let reported: Map<string, ImageDetail>;

  before(async () => {
    restoreEnvironment = useTestEnvironment();
    awsApi.reset();
    moto = await startMoto();
    target = { region: 'us-east-1', profile: 'default', endpointUrl: moto.endpoint };
    setup = new ECRClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: CREDENTIALS });
    // Created out of order, to see the listing sorted.
    for (const name of ['zeta/serve', REPOSITORY, 'alpha']) await setup.send(new CreateRepositoryCommand({ repositoryName: name }));

    const put = async (seed: number, configSize: number, tag?: string) => {
      const answer = await setup.send(new PutImageCommand({ repositoryName: REPOSITORY, imageManifest: manifest(seed, configSize), ...(tag ? { imageTag: tag } : {}) }));
      if (tag) pushed.set(tag, answer.image!.imageId!.imageDigest!);
    };
    await put(1, 1111, 'v1');
    await put(9, 9999); // untagged
    await nextSecond();
    await put(2, 2222, 'v2');
    await put(2, 2222, 'latest'); // the same image under a second tag
    await nextSecond();
    await put(3, 3333, 'v3');

    const described = await setup.send(new DescribeImagesCommand({ registryId: REGISTRY, repositoryName: REPOSITORY }));
    reported = new Map((described.imageDetails ?? []).map((image) => [image.imageDigest!, image]));
  });

  after(async () => {
    awsApi.reset();
    setup?.destroy();
    await moto?.stop();
    restoreEnvironment?.();
  });

  it('lists the repositories of the registry, sorted', async () => {
    assert.deepEqual(await awsApi.ecrRepositories(target, REGISTRY), ['alpha', REPOSITORY, 'zeta/serve']);
  });

  it('lists one entry per tag, newest pushed first, with digest, push date and size as ECR reports them', async () => {
    const tags = await awsApi.ecrImages(target, REGISTRY, REPOSITORY);
    assert.deepEqual(
      tags.map((tag) => tag.tag),
      ['v3', 'v2', 'latest', 'v1'],
    );
    for (const tag of tags) {
      assert.equal(tag.digest, pushed.get(tag.tag), tag.tag);
      assert.match(tag.digest!, /^sha256:[0-9a-f]{64}$/);
      const image = reported.get(tag.digest!)!;
      assert.ok(tag.pushedAt instanceof Date);
      assert.equal(tag.pushedAt.getTime(), image.imagePushedAt!.getTime(), tag.tag);
      // moto reports the config blob's size as the image size; real ECR sums the layers.
      assert.equal(typeof tag.sizeBytes, 'number');
      assert.equal(tag.sizeBytes, image.imageSizeInBytes, tag.tag);
    }
    assert.equal(tags[1].digest, tags[2].digest);
    assert.ok(tags[0].pushedAt! > tags[1].pushedAt! && tags[1].pushedAt! > tags[3].pushedAt!);
    // the untagged image is in moto's listing but not in ours
    assert.equal(reported.size, 4);
  });

  it('resolves a tag to the digest ECR reports, and a missing tag to undefined', async () => {
    assert.equal(await awsApi.ecrDigest(target, REGISTRY, REPOSITORY, 'v2'), pushed.get('v2'));
    assert.equal(await awsApi.ecrDigest(target, REGISTRY, REPOSITORY, 'latest'), pushed.get('v2'));
    assert.equal(await awsApi.ecrDigest(target, REGISTRY, REPOSITORY, 'v1'), pushed.get('v1'));
    assert.equal(await awsApi.ecrDigest(target, REGISTRY, REPOSITORY, 'no-such-tag'), undefined);
  });

  it('answers an empty repository and an empty registry with empty lists', async () => {
    assert.deepEqual(await awsApi.ecrImages(target, REGISTRY, 'alpha'), []);
    assert.deepEqual(await awsApi.ecrRepositories(target, '210987654321'), []);
  });

  it("reports a missing repository as 'not-found'", async () => {
    const error = await rejectsWith(awsApi.ecrImages(target, REGISTRY, 'no/such-repository'), 'not-found');
    assert.equal(error.status, 400);
    assert.match(error.message, /no\/such-repository/);
    await rejectsWith(awsApi.ecrDigest(target, REGISTRY, 'no/such-repository', 'v1'), 'not-found');
  });

  it("honours an aborted signal as 'cancelled'", async () => {
    await rejectsWith(awsApi.ecrImages(target, REGISTRY, REPOSITORY, AbortSignal.abort()), 'cancelled');
    await rejectsWith(awsApi.ecrDigest(target, REGISTRY, REPOSITORY, 'v1', AbortSignal.abort()), 'cancelled');
  });

  describe('faults (a loopback stand-in for ECR)', () => {
    let server: http.Server;
    let endpoint: string;
    let answer: (response: http.ServerResponse) => void;

    before(async () => {
      server = http.createServer((request, response) => {
        request.resume();
        request.on('end', () => answer(response));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    after(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    const json = (status: number, body: unknown, type?: string) => (response: http.ServerResponse) => {
      response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', ...(type ? { 'x-amzn-errortype': type } : {}) });
      response.end(typeof body === 'string' ? body : JSON.stringify(body));
    };

    it("maps AccessDenied to 'unauthorized', throttling and 5xx to 'server', garbage to 'malformed'", async () => {
      const faultTarget = { ...target, endpointUrl: endpoint };
      answer = json(400, { __type: 'AccessDeniedException', message: `User: arn:aws:iam::${REGISTRY}:user/x is not authorized` }, 'AccessDeniedException');
      const denied = await rejectsWith(awsApi.ecrRepositories(faultTarget, REGISTRY), 'unauthorized');
      assert.doesNotMatch(denied.message, /arn:aws:iam/);
      answer = json(400, { __type: 'ThrottlingException', message: 'Rate exceeded' }, 'ThrottlingException');
      await rejectsWith(awsApi.ecrImages(faultTarget, REGISTRY, REPOSITORY), 'server');
      answer = json(500, { __type: 'ServerException', message: 'boom' }, 'ServerException');
      await rejectsWith(awsApi.ecrDigest(faultTarget, REGISTRY, REPOSITORY, 'v1'), 'server');
      answer = json(200, '{"imageDetails": [');
      await rejectsWith(awsApi.ecrImages(faultTarget, REGISTRY, REPOSITORY), 'malformed');
    });

    /** Endless DescribeImages pages: each holds `perPage` tagged images and a fresh next token. */
    const endlessImages = (perPage: number, tagsPerImage = 1) => {
      let page = 0;
      return (response: http.ServerResponse) => {
        page++;
        const imageDetails = Array.from({ length: perPage }, (_, i) => ({
          imageDigest: `sha256:${String(page * 100_000 + i).padStart(64, '0')}`,
          imageTags: Array.from({ length: tagsPerImage }, (_, t) => `p${page}-${i}-${t}`),
          imagePushedAt: 1_700_000_000 + i,
        }));
        json(200, { imageDetails, nextToken: `token-${page}` })(response);
      };
    };

    it("caps a listing: past 10,000 tags it fails as 'too-large', having asked for 11 pages of 1,000", async () => {
      const client = new ECRClient({ region: 'us-east-1', endpoint, credentials: CREDENTIALS, maxAttempts: 1 });
      let pages = 0;
      const endless = endlessImages(1000);
      answer = (response) => {
        pages++;
        endless(response);
      };
      try {
        const error = await rejectsWith(listEcrImages(client, REGISTRY, REPOSITORY), 'too-large');
        assert.match(error.message, /more than 10000 items/);
        assert.equal(pages, 11);
        answer = (response) => {
          pages++;
          json(200, { repositories: [{ repositoryName: `r${pages}` }], nextToken: `t${pages}` })(response);
        };
        pages = 0;
        await rejectsWith(listEcrRepositories(client, REGISTRY, undefined, { ...LISTING_LIMITS, maxTotalMs: 60_000 }), 'too-large');
        assert.equal(pages, 200, 'endless one-item pages stop at the page cap');
      } finally {
        client.destroy();
      }
    });

    it("caps a listing's total time: endless slow pages fail as 'timeout' at maxTotalMs", async () => {
      const client = new ECRClient({ region: 'us-east-1', endpoint, credentials: CREDENTIALS, maxAttempts: 1 });
      const endless = endlessImages(1);
      answer = (response) => setTimeout(() => endless(response), 100);
      const started = Date.now();
      try {
        const error = await rejectsWith(listEcrImages(client, REGISTRY, REPOSITORY, undefined, { ...LISTING_LIMITS, maxTotalMs: 700 }), 'timeout');
        assert.match(error.message, /longer than 700 ms in total/);
        const elapsed = Date.now() - started;
        assert.ok(elapsed >= 650 && elapsed < 2_500, `took ${elapsed} ms`);
      } finally {
        client.destroy();
      }
    });

    it('reads one image with 150,000 tags without spreading them into arguments', async () => {
      const client = new ECRClient({ region: 'us-east-1', endpoint, credentials: CREDENTIALS, maxAttempts: 1 });
      answer = json(200, { imageDetails: [{ imageDigest: `sha256:${'e'.repeat(64)}`, imageTags: Array.from({ length: 150_000 }, (_, i) => `t${i}`) }] });
      try {
        const tags = await listEcrImages(client, REGISTRY, REPOSITORY, undefined, { ...LISTING_LIMITS, maxItems: 200_000 });
        assert.equal(tags.length, 150_000);
        assert.equal(tags[149_999].tag, 't149999');
      } finally {
        client.destroy();
      }
    });

    it("maps a request slower than the timeout to 'timeout' and a closed port to 'network'", async () => {
      answer = () => undefined; // never answers
      await rejectsWith(awsApi.ecrRepositories({ ...target, endpointUrl: endpoint, requestTimeoutMs: 200 }, REGISTRY), 'timeout');
      const closed = http.createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      await rejectsWith(awsApi.ecrRepositories({ ...target, endpointUrl: `http://127.0.0.1:${port}` }, REGISTRY), 'network');
    });
  });
});
