/**
 * Registry credentials in VS Code's SecretStorage (the OS keychain where there is one), never in
 * settings or logs. Every host is keyed by `normalizeRegistryHost`, on save and on lookup alike, so
 * credentials saved for `https://Registry.Example.com/` are found for `registry.example.com`.
 * Imports only vscode's types, so unit tests can run it over an in-memory SecretStorage.
 */
import type * as vscode from 'vscode';
import { normalizeRegistryHost } from '../../core/registry/registryHost';
import type { RegistryCredentials } from '../../core/registry/registryTypes';

const KEY_PREFIX = 'sagemakerSpec.registry:';

/** The SecretStorage key of a host's credentials. */
export function credentialKey(host: string): string {
  return KEY_PREFIX + normalizeRegistryHost(host);
}

export class RegistryCredentialStore {
  constructor(private readonly secrets: Pick<vscode.SecretStorage, 'get' | 'store' | 'delete'>) {}

  /** The saved user name and password for a host, or undefined (also for unreadable entries). */
  async get(host: string): Promise<RegistryCredentials | undefined> {
    const stored = await this.secrets.get(credentialKey(host));
    if (!stored) return undefined;
    try {
      const parsed = JSON.parse(stored) as RegistryCredentials;
      return typeof parsed.username === 'string' && typeof parsed.password === 'string' ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  store(host: string, credentials: RegistryCredentials): Thenable<void> {
    return this.secrets.store(credentialKey(host), JSON.stringify(credentials));
  }

  delete(host: string): Thenable<void> {
    return this.secrets.delete(credentialKey(host));
  }
}
