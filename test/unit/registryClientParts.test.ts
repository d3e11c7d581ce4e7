// The pure pieces of the registry client: WWW-Authenticate, Link headers, tag order, the token
// cache and which hosts may be contacted.

import * as assert from 'node:assert/strict';
import { RegistryError } from '../../src/core/registry/registryTypes';
import { parseAuthChallenge } from '../../src/node/registry/authChallenge';
import { resolveTarget } from '../../src/node/registry/hostPolicy';
import { nextPageUrl } from '../../src/node/registry/linkHeader';
import { registryErrorCodes } from '../../src/node/registry/responseErrors';
import { orderTags } from '../../src/node/registry/tagOrder';
import { TokenCache } from '../../src/node/registry/tokenCache';

describe('parseAuthChallenge', () => {
  it('reads a Bearer challenge with quoted parameters holding commas', () => {
    assert.deepEqual(
      parseAuthChallenge('Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:team/app:pull,push"'),
      { scheme: 'bearer', realm: 'https://auth.example.com/token', service: 'registry.example.com', scope: 'repository:team/app:pull,push' },
    );
  });

  it('reads Basic, ignores case and a second challenge, rejects a Bearer without realm', () => {
    assert.deepEqual(parseAuthChallenge('basic Realm="Registry Realm"'), { scheme: 'basic', realm: 'Registry Realm' });
    assert.deepEqual(parseAuthChallenge(['Bearer realm=https://a/token, service=s, Basic realm="x"']), {
      scheme: 'bearer', realm: 'https://a/token', service: 's', scope: undefined,
    });
    assert.equal(parseAuthChallenge('Bearer service="x"'), undefined);
    assert.equal(parseAuthChallenge(undefined), undefined);
    assert.deepEqual(parseAuthChallenge('Negotiate'), { scheme: 'other', name: 'Negotiate' });
  });
});

describe('nextPageUrl', () => {
  const base = new URL('https://registry.example.com/v2/_catalog?n=100');

  it('resolves rel="next" against the current page', () => {
    assert.equal(nextPageUrl('</v2/_catalog?last=team%2Fapp&n=100>; rel="next"', base)?.href, 'https://registry.example.com/v2/_catalog?last=team%2Fapp&n=100');
    assert.equal(nextPageUrl('<https://other/a>; rel="prev", </v2/x?last=b>; rel=next', base)?.href, 'https://registry.example.com/v2/x?last=b');
  });

  it('answers undefined on the last page', () => {
    assert.equal(nextPageUrl(undefined, base), undefined);
    assert.equal(nextPageUrl('</v2/_catalog?last=a>; rel="prev"', base), undefined);
  });
});

describe('orderTags', () => {
  it('puts versions newest first (numeric-aware), other names next, latest last, without duplicates', () => {
    assert.deepEqual(orderTags(['latest', '1.9', 'dev', '1.10', 'v2.0', '1.9', '0.90-1', 'stable']), ['v2.0', '1.10', '1.9', '0.90-1', 'dev', 'stable', 'latest']);
  });
});

describe('TokenCache', () => {
  it('keeps a token until shortly before it expires and shares one request', async () => {
    let now = 1_000_000;
    const cache = new TokenCache(() => now);
    let fetches = 0;
    const fetch = async () => ({ token: `t${++fetches}`, expiresInSeconds: 60 });
    const [a, b] = await Promise.all([cache.getOrFetch('h', 's', fetch), cache.getOrFetch('h', 's', fetch)]);
    assert.deepEqual([a, b, fetches], ['t1', 't1', 1]);
    assert.equal(await cache.getOrFetch('h', 'other', fetch), 't2');
    now += 50_000;
    assert.equal(cache.get('h', 's'), 't1');
    now += 6_000;
    assert.equal(cache.get('h', 's'), undefined);
    cache.deleteHost('h');
    assert.equal(cache.get('h', 'other'), undefined);
  });
});

describe('resolveTarget', () => {
  const kind = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return (error as RegistryError).kind;
    }
    return 'ok';
  };

  it('uses HTTPS, and HTTP only for allowHttp on localhost, 127.0.0.1 or [::1]', () => {
    assert.equal(resolveTarget([{ host: 'Registry.Example.com:5000' }], 'registry.example.com:5000').origin, 'https://registry.example.com:5000');
    for (const host of ['localhost:5000', '127.0.0.1', '[::1]:5000']) {
      assert.equal(resolveTarget([{ host, allowHttp: true }], host).origin, `http://${host}`);
    }
    for (const host of ['localhost.example.com', '127.0.0.2:5000', 'registry.example.com']) {
      assert.equal(kind(() => resolveTarget([{ host, allowHttp: true }], host)), 'not-allowed', host);
    }
  });

  it('refuses hosts that are not listed or not host names', () => {
    assert.equal(kind(() => resolveTarget([{ host: 'a.example' }], 'b.example')), 'not-allowed');
    assert.equal(kind(() => resolveTarget([{ host: 'a.example' }], 'user@a.example')), 'not-allowed');
    assert.equal(kind(() => resolveTarget([{ host: 'a.example' }], 'a.example/path')), 'not-allowed');
  });
});

describe('registryErrorCodes', () => {
  it('quotes only well-formed codes', () => {
    assert.deepEqual(registryErrorCodes(Buffer.from('{"errors":[{"code":"NAME_UNKNOWN","message":"x"},{"code":"<b>"}]}')), ['NAME_UNKNOWN']);
    assert.deepEqual(registryErrorCodes(Buffer.from('oops')), []);
  });
});
