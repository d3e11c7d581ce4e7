// Which hosts are the user's own ECR, and what a file naming ECR hosts may cost: the core's own
// ECR host check decides (so a look-alike under another domain is a private registry), regions
// are checked against the catalog before any SDK client exists, and the client sets are bounded.
import * as assert from 'node:assert/strict';
import type { AwsTarget } from '../../src/aws/api';
import { ClientCache } from '../../src/aws/clientCache';
import { clientsFor, clientStats, MAX_CLIENT_SETS, resetClients } from '../../src/aws/clients';
import { awsApi } from '../../src/aws/index';
import { ecrQueryTarget, ecrRegistryOfHost } from '../../src/core/registry/ecrHost';
import { RegistryError } from '../../src/core/registry/registryTypes';
import { createEcrRegistrySource, type EcrApi } from '../../src/node/registry/ecrRegistrySource';
import { catalog } from './specTestKit';

const ACCOUNT = '123456789012';
const BASE_TARGET: AwsTarget = { region: 'eu-west-1', profile: 'default', endpointUrl: 'http://127.0.0.1:9', requestTimeoutMs: 200 };

async function notAllowed(promise: Promise<unknown>): Promise<void> {
  await assert.rejects(promise, (error: unknown) => error instanceof RegistryError && error.kind === 'not-allowed');
}

describe('ECR hosts', () => {
  it("uses the core's ECR host check: account, region and one of ECR's DNS suffixes", () => {
    const ecr = ecrRegistryOfHost(`${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`);
    assert.deepEqual([ecr?.account.text, ecr?.region.text, ecr?.dnsSuffix.text, ecr?.fips], [ACCOUNT, 'us-east-1', 'amazonaws.com', false]);
    assert.equal(ecrRegistryOfHost(`${ACCOUNT}.dkr.ecr-fips.us-gov-west-1.amazonaws.com`)?.fips, true);
    assert.equal(ecrRegistryOfHost(`${ACCOUNT}.dkr.ecr.cn-north-1.amazonaws.com.cn`)?.dnsSuffix.text, 'amazonaws.com.cn');
  });

  it('treats look-alikes under other domains as private registries', () => {
    for (const host of [
      `${ACCOUNT}.dkr.ecr.us-east-1.evil.example`,
      `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com.evil.example`,
      `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com:443/x`,
      `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.co`,
      '12345678901.dkr.ecr.us-east-1.amazonaws.com',
      `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/`,
    ]) {
      assert.equal(ecrRegistryOfHost(host), undefined, host);
      assert.equal(ecrQueryTarget(host, catalog), undefined, host);
    }
  });

  it('queries only regions the catalog knows, with their own DNS suffix', () => {
    assert.deepEqual(ecrQueryTarget(`${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com`, catalog), { account: ACCOUNT, region: 'eu-west-1' });
    assert.deepEqual(ecrQueryTarget(`${ACCOUNT}.dkr.ecr.cn-north-1.amazonaws.com.cn`, catalog), { account: ACCOUNT, region: 'cn-north-1' });
    assert.equal(ecrQueryTarget(`${ACCOUNT}.dkr.ecr.xx-made-up-1.amazonaws.com`, catalog), undefined);
    assert.equal(ecrQueryTarget(`${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com.cn`, catalog), undefined, 'a region under another partition\'s suffix');
  });
});

describe('ECR registry source', () => {
  afterEach(() => resetClients());

  it('1,000 made-up regions load no AWS code and create no client', async () => {
    let loaded = 0;
    const source = createEcrRegistrySource({ catalog: () => catalog, aws: () => (loaded++, awsApi), baseTarget: () => BASE_TARGET });
    const before = clientStats().created;
    for (let i = 0; i < 1000; i++) {
      const host = `${ACCOUNT}.dkr.ecr.xx-made-up-${i}.amazonaws.com`;
      await notAllowed(source.listTags(host, 'team/app'));
      await notAllowed(source.listRepositories(host));
      await notAllowed(source.resolveDigest(host, 'team/app', '1.0'));
    }
    assert.equal(loaded, 0);
    assert.equal(clientStats().created - before, 0);
    assert.equal(clientStats().cached, 0);
  });

  it('never sends a look-alike host to ECR (no AWS credentials for evil.example)', async () => {
    const calls: string[] = [];
    const spy: EcrApi = {
      ecrRepositories: async () => (calls.push('repositories'), []),
      ecrImages: async () => (calls.push('images'), []),
      ecrDigest: async () => (calls.push('digest'), undefined),
    };
    const source = createEcrRegistrySource({ catalog: () => catalog, aws: () => spy, baseTarget: () => BASE_TARGET });
    await notAllowed(source.listTags(`${ACCOUNT}.dkr.ecr.us-east-1.evil.example`, 'team/app'));
    assert.deepEqual(calls, []);
  });

  it("asks a real region's ECR with the host's account and region, and the base target's profile and endpoint", async () => {
    const seen: [AwsTarget, string, string][] = [];
    const spy = { ecrImages: async (target: AwsTarget, registryId: string, repository: string) => (seen.push([target, registryId, repository]), []) } as unknown as EcrApi;
    const source = createEcrRegistrySource({ catalog: () => catalog, aws: () => spy, baseTarget: () => BASE_TARGET });
    await source.listTags(`${ACCOUNT}.dkr.ecr.ap-southeast-2.amazonaws.com`, 'team/app');
    assert.deepEqual(seen, [[{ ...BASE_TARGET, region: 'ap-southeast-2' }, ACCOUNT, 'team/app']]);
  });
});

describe('AWS client sets', () => {
  afterEach(() => resetClients());

  it(`20 real regions keep at most ${MAX_CLIENT_SETS} client sets`, () => {
    const regions = catalog.regions().map((region) => region.name).slice(0, 20);
    assert.equal(regions.length, 20);
    const before = clientStats().created;
    for (const region of regions) clientsFor({ ...BASE_TARGET, region });
    assert.equal(clientStats().created - before, 20);
    assert.equal(clientStats().cached, MAX_CLIENT_SETS);
    // The most recent region is kept: asking again makes nothing new.
    clientsFor({ ...BASE_TARGET, region: regions[19] });
    assert.equal(clientStats().created - before, 20);
  });

  it('evicts the least recently used set and destroys it', () => {
    const destroyed: string[] = [];
    const cache = new ClientCache(2, (key) => ({ key, destroy: () => destroyed.push(key) }));
    cache.get('a');
    cache.get('b');
    cache.get('a'); // a is now the most recent
    cache.get('c');
    assert.deepEqual(destroyed, ['b']);
    assert.equal(cache.size, 2);
    assert.equal(cache.get('a').key, 'a');
    assert.equal(cache.created, 3);
    cache.clear();
    assert.deepEqual(destroyed.sort(), ['a', 'b', 'c']);
  });
});
