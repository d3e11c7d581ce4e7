// The Docker Registry HTTP API V2 client against Debian's real docker-registry 2.8 (anonymous
// over HTTP, htpasswd Basic behind TLS, token auth) and against a fault server.

import * as assert from 'node:assert/strict';
import { RegistryError, type RegistryCredentials, type RegistryEntry, type RegistryErrorKind } from '../../src/core/registry/registryTypes';
import { createDockerRegistryClient, type DockerRegistryClientOptions } from '../../src/node/registry/dockerRegistryClient';
import { freePort, pushImage, startDockerRegistry, type DockerRegistry } from '../server/dockerRegistry';
import { startFaultRegistry, type FaultRegistry } from '../server/registryFaults';

const START_TIMEOUT_MS = 120_000;

function client(entries: DockerRegistryClientOptions['entries'], credentials?: RegistryCredentials, extra: Partial<DockerRegistryClientOptions> = {}) {
  return createDockerRegistryClient({ entries, credentials: async () => credentials, timeoutMs: 10_000, ...extra });
}

async function rejection(promise: Promise<unknown>): Promise<RegistryError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof RegistryError, `expected a RegistryError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the query to fail');
}

async function rejectsWith(promise: Promise<unknown>, kind: RegistryErrorKind, message?: RegExp): Promise<RegistryError> {
  const error = await rejection(promise);
  assert.equal(error.kind, kind, `kind of "${error.message}"`);
  if (message) assert.match(error.message, message);
  return error;
}

function assertNoSecrets(error: RegistryError, ...secrets: string[]): void {
  for (const secret of secrets) assert.ok(!error.message.includes(secret), `message leaks a secret: ${error.message}`);
  assert.doesNotMatch(error.message, /Authorization|eyJ[\w-]+\.|Basic [A-Za-z0-9+/=]{8,}/);
}

describe('Docker registry client: anonymous registry over HTTP (docker-registry 2.8)', () => {
  let registry: DockerRegistry;
  const digests: Record<string, string> = {};

  before(async function () {
    this.timeout(START_TIMEOUT_MS);
    registry = await startDockerRegistry({ auth: 'none' });
    for (const tag of ['1.2.0', '1.10.0', 'latest', '1.9.3', 'dev']) digests[`team/app:${tag}`] = await pushImage(registry, 'team/app', tag);
    digests['team/oci-app:2.0'] = await pushImage(registry, 'team/oci-app', '2.0', { format: 'oci' });
    digests['other:1'] = await pushImage(registry, 'other', '1');
  });
  after(async () => registry?.stop());

  it('lists the repositories', async () => {
    assert.deepEqual(await client([registry.entry]).listRepositories(registry.host), ['other', 'team/app', 'team/oci-app']);
  });

  it('lists tags newest version first, other names next, latest last', async () => {
    const tags = await client([registry.entry]).listTags(registry.host, 'team/app');
    assert.deepEqual(tags.map((t) => t.tag), ['1.10.0', '1.9.3', '1.2.0', 'dev', 'latest']);
  });

  it('pages the catalog through Link headers', async () => {
    // distribution 2.8 pages /v2/_catalog (`?n=1` → one repository and a Link per page); its
    // tags/list ignores `n`, so tag paging is covered by the fault server below.
    const small = client([registry.entry], undefined, { pageSize: 1 });
    assert.deepEqual(await small.listRepositories(registry.host), ['other', 'team/app', 'team/oci-app']);
    assert.equal((await small.listTags(registry.host, 'team/app')).length, 5);
  });

  it('resolves a tag to the digest the push returned (Docker v2 and OCI manifests)', async () => {
    const c = client([registry.entry]);
    assert.equal(await c.resolveDigest(registry.host, 'team/app', '1.10.0'), digests['team/app:1.10.0']);
    assert.equal(await c.resolveDigest(registry.host, 'team/app', 'latest'), digests['team/app:latest']);
    assert.equal(await c.resolveDigest(registry.host, 'team/oci-app', '2.0'), digests['team/oci-app:2.0']);
  });

  it('answers undefined for an unknown tag or repository, not-found for the tags of an unknown repository', async () => {
    const c = client([registry.entry]);
    assert.equal(await c.resolveDigest(registry.host, 'team/app', '9.9.9'), undefined);
    assert.equal(await c.resolveDigest(registry.host, 'team/nothing', '1.0'), undefined);
    await rejectsWith(c.listTags(registry.host, 'team/nothing'), 'not-found', /does not exist.*NAME_UNKNOWN/);
  });

  it('speaks HTTPS unless the entry allows HTTP', async () => {
    await rejectsWith(client([{ host: registry.host }]).listRepositories(registry.host), 'tls', /does not answer TLS/);
  });

  it('reads the entries on every query', async () => {
    const entries: RegistryEntry[] = [];
    const c = client(() => entries);
    await rejectsWith(c.listRepositories(registry.host), 'not-allowed', /not in sagemakerSpec\.registries/);
    entries.push(registry.entry);
    assert.equal((await c.listRepositories(registry.host)).length, 3);
  });

  it('refuses allowHttp for a host that is not localhost, without contacting it', async () => {
    const c = client([{ host: 'registry.example.com', allowHttp: true }]);
    await rejectsWith(c.listTags('registry.example.com', 'team/app'), 'not-allowed', /allowHttp.*localhost/);
  });

  it('is cancelled by an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await rejectsWith(client([registry.entry]).listRepositories(registry.host, controller.signal), 'cancelled');
  });
});

describe('Docker registry client: htpasswd Basic auth behind TLS (docker-registry 2.8)', () => {
  let registry: DockerRegistry;
  let credentials: RegistryCredentials;
  let digest: string;

  before(async function () {
    this.timeout(START_TIMEOUT_MS);
    registry = await startDockerRegistry({ auth: 'htpasswd', tls: true });
    credentials = registry.credentials as RegistryCredentials;
    digest = await pushImage(registry, 'secure/app', '3.1');
    await pushImage(registry, 'secure/app', '3.0.1');
  });
  after(async () => registry?.stop());

  it('trusts the caFile and signs in with Basic credentials', async () => {
    const c = client([registry.entry], credentials);
    assert.deepEqual(await c.listRepositories(registry.host), ['secure/app']);
    assert.deepEqual((await c.listTags(registry.host, 'secure/app')).map((t) => t.tag), ['3.1', '3.0.1']);
    assert.equal(await c.resolveDigest(registry.host, 'secure/app', '3.1'), digest);
    assert.equal(await c.resolveDigest(registry.host, 'secure/app', 'nope'), undefined);
  });

  it('fails with a tls error without the caFile', async () => {
    const error = await rejectsWith(client([{ host: registry.host }], credentials).listTags(registry.host, 'secure/app'), 'tls', /not signed by a trusted CA.*caFile/);
    assertNoSecrets(error, credentials.password);
  });

  it('asks the user to sign in when no credentials are saved', async () => {
    await rejectsWith(client([registry.entry]).listTags(registry.host, 'secure/app'), 'unauthorized', /Sign in to 127\.0\.0\.1:\d+/);
  });

  it('reports a wrong password as unauthorized without quoting it', async () => {
    const wrong = { username: credentials.username, password: 'not-the-password-42' };
    const error = await rejectsWith(client([registry.entry], wrong).listRepositories(registry.host), 'unauthorized', /rejected/);
    assertNoSecrets(error, wrong.password, credentials.password);
  });
});

describe('Docker registry client: token auth (docker-registry 2.8 + test token service)', () => {
  let registry: DockerRegistry;
  let credentials: RegistryCredentials;
  let digest: string;

  before(async function () {
    this.timeout(START_TIMEOUT_MS);
    registry = await startDockerRegistry({ auth: 'token' });
    credentials = registry.credentials as RegistryCredentials;
    digest = await pushImage(registry, 'ml/trainer', '0.9');
    await pushImage(registry, 'ml/trainer', '0.10');
    await pushImage(registry, 'ml/server', 'v2.1');
  });
  after(async () => registry?.stop());

  it('gets Bearer tokens from the realm and reuses them per scope', async () => {
    const c = client([registry.entry], credentials);
    const before = registry.tokenServer?.requests.length ?? 0;
    assert.deepEqual(await c.listRepositories(registry.host), ['ml/server', 'ml/trainer']);
    assert.deepEqual((await c.listTags(registry.host, 'ml/trainer')).map((t) => t.tag), ['0.10', '0.9']);
    assert.equal(await c.resolveDigest(registry.host, 'ml/trainer', '0.9'), digest);
    assert.equal(await c.resolveDigest(registry.host, 'ml/trainer', '0.404'), undefined);
    await c.listTags(registry.host, 'ml/trainer');
    const requests = registry.tokenServer?.requests.slice(before) ?? [];
    assert.deepEqual(requests.map((r) => [r.scopes.join(' '), r.user, r.status]), [
      ['registry:catalog:*', credentials.username, 200],
      ['repository:ml/trainer:pull', credentials.username, 200],
    ]);
  });

  it('asks the user to sign in when an anonymous token grants nothing', async () => {
    await rejectsWith(client([registry.entry]).listTags(registry.host, 'ml/trainer'), 'unauthorized', /Sign in to/);
  });

  it('reports credentials the token service refuses as unauthorized without quoting them', async () => {
    const wrong = { username: credentials.username, password: 'wrong-token-password' };
    const error = await rejectsWith(client([registry.entry], wrong).listTags(registry.host, 'ml/trainer'), 'unauthorized', /rejected/);
    assertNoSecrets(error, wrong.password, credentials.password);
  });
});

describe('Docker registry client: faults', () => {
  let faults: FaultRegistry;
  const entry = (): RegistryEntry => ({ host: faults.host, allowHttp: true });
  const fast = (extra: Partial<DockerRegistryClientOptions> = {}, credentials?: RegistryCredentials) => client([entry()], credentials, { timeoutMs: 300, ...extra });

  before(async () => {
    faults = await startFaultRegistry({ slowMs: 10_000 });
  });
  after(async () => faults?.stop());

  it('401 without credentials → unauthorized asking to sign in; with them → tags', async () => {
    await rejectsWith(fast().listTags(faults.host, 'private/app'), 'unauthorized', /Sign in to/);
    const tags = await fast({}, { username: 'user', password: 'secret' }).listTags(faults.host, 'private/app');
    assert.deepEqual(tags.map((t) => t.tag), ['10.0', '2.0', 'latest']);
  });

  it('unknown repository → not-found', async () => {
    const error = await rejectsWith(fast().listTags(faults.host, 'missing/app'), 'not-found', /NAME_UNKNOWN/);
    assert.equal(error.status, 404);
  });

  it('500 → server', async () => {
    const error = await rejectsWith(fast().listTags(faults.host, 'broken/app'), 'server', /HTTP 500/);
    assert.equal(error.status, 500);
  });

  it('a response slower than the time limit → timeout within the limit', async () => {
    const started = Date.now();
    await rejectsWith(fast().listTags(faults.host, 'slow/app'), 'timeout', /300 ms/);
    assert.ok(Date.now() - started < 3_000, `took ${Date.now() - started} ms`);
  });

  it('an abort while waiting → cancelled', async () => {
    const controller = new AbortController();
    const pending = fast({ timeoutMs: 10_000 }).listTags(faults.host, 'slow/app', controller.signal);
    setImmediate(() => controller.abort());
    await rejectsWith(pending, 'cancelled');
  });

  it('malformed JSON → malformed', async () => {
    await rejectsWith(fast().listTags(faults.host, 'malformed/app'), 'malformed');
  });

  it('10,000 tags across pages → all of them, newest first', async () => {
    const before = faults.requests.length;
    const tags = await client([entry()], undefined, { pageSize: 1000 }).listTags(faults.host, 'many/app');
    assert.equal(tags.length, 10_000);
    assert.deepEqual(new Set(tags.map((t) => t.tag)), new Set(faults.manyTags));
    assert.deepEqual(tags.slice(0, 2).map((t) => t.tag), ['1.9999.0', '1.9998.0']);
    assert.equal(tags[9_999].tag, '1.0.0');
    assert.equal(faults.requests.length - before, 10);
  });

  it('fails as too-large past maxPages, after asking for exactly that many pages', async () => {
    const before = faults.requests.length;
    await rejectsWith(client([entry()], undefined, { pageSize: 100, maxPages: 3 }).listTags(faults.host, 'many/app'), 'too-large', /more than 3 pages/);
    assert.equal(faults.requests.length - before, 3);
  });

  describe('caps on the whole listing', () => {
    let many: FaultRegistry;
    before(async () => {
      many = await startFaultRegistry({ manyTags: 20_000, pageDelayMs: 50, wideTags: 150_000 });
    });
    after(async () => many?.stop());
    const capped = (extra: Partial<DockerRegistryClientOptions> = {}) => client([{ host: many.host, allowHttp: true }], undefined, { pageSize: 1000, ...extra });

    it('more than 10,000 tags → too-large, stopping at the page that passed the cap', async () => {
      const before = many.requests.length;
      await rejectsWith(capped().listTags(many.host, 'many/app'), 'too-large', /more than 10000 items/);
      assert.equal(many.requests.length - before, 11, 'pages of 1,000: the 11th passes 10,000');
    });

    it('endless pages of 1 MiB → too-large after 8 MiB, in seconds', async () => {
      const before = many.requests.length;
      const started = Date.now();
      const error = await rejectsWith(capped().listTags(many.host, 'huge/app'), 'too-large', /more than 8388608 bytes/);
      assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
      assert.ok(many.requests.length - before <= 9, `${many.requests.length - before} pages read`);
      assert.equal(error.status, undefined);
    });

    it('one page larger than the byte cap → too-large without reading it all', async () => {
      await rejectsWith(capped({ maxTotalBytes: 64 * 1024 }).listTags(many.host, 'huge/app'), 'too-large', /more than 65536 bytes/);
    });

    it('endless slow pages → timeout at the total time cap, though each page is quick', async () => {
      const started = Date.now();
      await rejectsWith(capped({ maxTotalMs: 600, timeoutMs: 10_000 }).listTags(many.host, 'endless/app'), 'timeout', /longer than 600 ms in total/);
      const elapsed = Date.now() - started;
      assert.ok(elapsed >= 550 && elapsed < 2_000, `took ${elapsed} ms`);
    });

    it('a single page of 150,000 tags is read without spreading it into arguments', async () => {
      const tags = await capped({ maxItems: 200_000 }).listTags(many.host, 'wide/app');
      assert.equal(tags.length, 150_000);
      assert.equal(tags[0].tag, '1.149999');
    });
  });

  it('does not follow a next page on another server', async () => {
    await rejectsWith(fast().listTags(faults.host, 'elsewhere/app'), 'malformed', /another server/);
  });

  it('hashes the manifest when HEAD has no Docker-Content-Digest', async () => {
    assert.equal(await fast().resolveDigest(faults.host, 'nodigest/app', '1.0'), faults.manifestDigest);
  });

  it('never contacts a host that is not listed', async () => {
    const before = faults.requests.length;
    await rejectsWith(client([]).listTags(faults.host, 'private/app'), 'not-allowed');
    await rejectsWith(client([{ host: 'other.example:5000' }]).listRepositories(faults.host), 'not-allowed');
    await rejectsWith(client([entry()]).resolveDigest(`${faults.host}/evil`, 'x', '1'), 'not-allowed');
    assert.equal(faults.requests.length, before);
  });

  it('never uses plain HTTP towards a loopback address other than 127.0.0.1', async () => {
    const other = await startFaultRegistry({ address: '127.0.0.2' }).catch(() => undefined);
    if (!other) return; // 127.0.0.2 is not routed to loopback here
    try {
      await rejectsWith(client([{ host: other.host, allowHttp: true }]).listTags(other.host, 'private/app'), 'not-allowed', /allowHttp/);
      assert.equal(other.requests.length, 0);
    } finally {
      await other.stop();
    }
  });

  it('connection refused → network', async () => {
    const host = `127.0.0.1:${await freePort()}`;
    await rejectsWith(client([{ host, allowHttp: true }]).listRepositories(host), 'network', /ECONNREFUSED/);
  });
});
