/**
 * "SageMaker: Sign in to Registry…": asks for a host and credentials and keeps them in the
 * RegistryCredentialStore (VS Code's secret storage), under the host's normalized spelling.
 */
import type * as vscode from 'vscode';
import { normalizeRegistryHost } from '../../core/registry/registryHost';
import type { Prompter } from '../prompter';
import { RegistryCredentialStore } from './registryCredentialStore';
import { registryEntries } from './registrySettings';

export { RegistryCredentialStore };

/** Asks for host, user name and password; returns the host signed in to, normalized (`registry.example.com:5000`). */
export async function signInToRegistry(store: RegistryCredentialStore, prompter: Prompter): Promise<string | undefined> {
  const input = (options: vscode.InputBoxOptions) => prompter.input(options);
  const hosts = registryEntries().map((entry) => entry.host);
  const host = hosts.length > 0
    ? await prompter.pick([...hosts.map((name) => ({ label: name, value: name })), { label: '$(add) Another registry…', value: '' }], 'Sign in to which registry?')
    : '';
  const typed = host === '' ? await input({ prompt: 'Registry host (and port)', placeHolder: 'registry.example.com:5000', ignoreFocusOut: true }) : host;
  const chosen = typed === undefined ? '' : normalizeRegistryHost(typed);
  if (!chosen) return undefined;
  const username = await input({ prompt: `User name for ${chosen}`, ignoreFocusOut: true });
  if (username === undefined) return undefined;
  const password = await input({ prompt: `Password or token for ${chosen}`, password: true, ignoreFocusOut: true });
  if (password === undefined) return undefined;
  await store.store(chosen, { username, password });
  return chosen;
}
