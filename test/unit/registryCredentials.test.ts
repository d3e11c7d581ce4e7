// Registry credentials are saved and looked up under one spelling of the host, so signing in to
// `https://Registry.Example.com/` works for images on `registry.example.com`.
import * as assert from 'node:assert/strict';
import { LiveRegistryCache } from '../../src/core/registry/liveRegistryCache';
import { normalizeRegistryHost } from '../../src/core/registry/registryHost';
import { createDockerRegistryClient } from '../../src/node/registry/dockerRegistryClient';
import { credentialKey, RegistryCredentialStore } from '../../src/vscode/registry/registryCredentialStore';
import { startFaultRegistry, type FaultRegistry } from '../server/registryFaults';

/** An in-memory stand-in for VS Code's SecretStorage. */
function memorySecrets() {
  const values = new Map<string, string>();
  return {
    values,
    get: async (key: string) => values.get(key),
    store: async (key: string, value: string) => void values.set(key, value),
    delete: async (key: string) => void values.delete(key),
  };
}

describe('registry credentials', () => {
  it('normalizes a host the same way for every key', () => {
    for (const typed of ['https://Registry.Example.com/', 'http://registry.example.com', ' REGISTRY.example.COM//', 'registry.example.com']) {
      assert.equal(normalizeRegistryHost(typed), 'registry.example.com', typed);
      assert.equal(credentialKey(typed), credentialKey('registry.example.com'), typed);
    }
    assert.equal(normalizeRegistryHost('https://Registry.Example.com:5000/'), 'registry.example.com:5000');
  });

  it('finds credentials saved under the host as typed when looked up as an image names it', async () => {
    const secrets = memorySecrets();
    const store = new RegistryCredentialStore(secrets);
    await store.store('https://Registry.Example.com/', { username: 'u', password: 'p' });
    assert.deepEqual(await store.get('registry.example.com'), { username: 'u', password: 'p' });
    assert.deepEqual(await store.get('Registry.Example.com'), { username: 'u', password: 'p' });
    assert.equal(secrets.values.size, 1);
    await store.delete('REGISTRY.EXAMPLE.COM');
    assert.equal(await store.get('registry.example.com'), undefined);
  });

  it('signs in to a registry saved with scheme, capitals and a slash', async () => {
    const faults: FaultRegistry = await startFaultRegistry();
    try {
      const store = new RegistryCredentialStore(memorySecrets());
      await store.store(`HTTP://${faults.host}/`, { username: 'user', password: 'secret' });
      const client = createDockerRegistryClient({ entries: [{ host: faults.host, allowHttp: true }], credentials: (host) => store.get(host) });
      const tags = await client.listTags(faults.host, 'private/app');
      assert.deepEqual(tags.map((tag) => tag.tag), ['10.0', '2.0', 'latest']);
    } finally {
      await faults.stop();
    }
  });

  it('forgets cached answers for a host however it is spelled', () => {
    const cache = new LiveRegistryCache();
    cache.setTags('Registry.Example.com', 'team/app', [{ tag: '1.0' }]);
    cache.setRepositories('Registry.Example.com', ['team/app']);
    assert.deepEqual(cache.tags('registry.example.com', 'team/app'), [{ tag: '1.0' }]);
    cache.forgetHost('https://registry.example.com/');
    assert.equal(cache.tags('Registry.Example.com', 'team/app'), undefined);
    assert.equal(cache.repositories('Registry.Example.com'), undefined);
  });
});
