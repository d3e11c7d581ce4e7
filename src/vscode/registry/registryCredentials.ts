/**
 * Registry credentials live in VS Code's SecretStorage (the OS keychain where there is one),
 * never in settings or logs. "SageMaker: Sign in to Registry…" stores them.
 */
import * as vscode from 'vscode';
import type { RegistryCredentials } from '../../core/registry/registryTypes';
import type { Prompter } from '../prompter';
import { registryEntries } from './registrySettings';

const KEY_PREFIX = 'sagemakerSpec.registry:';

export class RegistryCredentialStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(host: string): Promise<RegistryCredentials | undefined> {
    const stored = await this.secrets.get(KEY_PREFIX + host);
    if (!stored) return undefined;
    try {
      const parsed = JSON.parse(stored) as RegistryCredentials;
      return typeof parsed.username === 'string' && typeof parsed.password === 'string' ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  store(host: string, credentials: RegistryCredentials): Thenable<void> {
    return this.secrets.store(KEY_PREFIX + host, JSON.stringify(credentials));
  }

  delete(host: string): Thenable<void> {
    return this.secrets.delete(KEY_PREFIX + host);
  }
}

/** Asks for host, user name and password; returns the host signed in to. */
export async function signInToRegistry(store: RegistryCredentialStore, prompter: Prompter): Promise<string | undefined> {
  const input = (options: vscode.InputBoxOptions) => prompter.input(options);
  const hosts = registryEntries().map((entry) => entry.host);
  const host = hosts.length > 0
    ? await prompter.pick([...hosts.map((name) => ({ label: name, value: name })), { label: '$(add) Another registry…', value: '' }], 'Sign in to which registry?')
    : '';
  const chosen = host === '' ? await input({ prompt: 'Registry host (and port)', placeHolder: 'registry.example.com:5000', ignoreFocusOut: true }) : host;
  if (!chosen) return undefined;
  const username = await input({ prompt: `User name for ${chosen}`, ignoreFocusOut: true });
  if (username === undefined) return undefined;
  const password = await input({ prompt: `Password or token for ${chosen}`, password: true, ignoreFocusOut: true });
  if (password === undefined) return undefined;
  await store.store(chosen, { username, password });
  return chosen;
}
