/**
 * `sagemakerSpec.registries` (machine scope: a workspace can never add a host to query),
 * `sagemakerSpec.liveEcrLookups` and `sagemakerSpec.liveEcrAccounts` (application scope) and
 * `sagemakerSpec.registryTimeoutMs`.
 */
import * as vscode from 'vscode';
import type { RegistryEntry } from '../../core/registry/registryTypes';
import { SECTION } from '../settings';

export const DEFAULT_REGISTRY_TIMEOUT_MS = 1500;

export function registryEntries(): RegistryEntry[] {
  const value = vscode.workspace.getConfiguration(SECTION).get<unknown>('registries');
  if (!Array.isArray(value)) return [];
  return value.filter((entry): entry is RegistryEntry => typeof entry === 'object' && entry !== null && typeof (entry as RegistryEntry).host === 'string');
}

export function registryTimeoutMs(): number {
  const value = vscode.workspace.getConfiguration(SECTION).get<number>('registryTimeoutMs');
  return typeof value === 'number' && value > 0 ? value : DEFAULT_REGISTRY_TIMEOUT_MS;
}

const LOOPBACK = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/** The entry for a host the user agreed to query: a loopback registry is almost always plain HTTP. */
export function entryForHost(host: string): RegistryEntry {
  return LOOPBACK.test(host) ? { host, allowHttp: true } : { host };
}

/** Adds the entry to the user's settings (never the workspace's). */
export async function addRegistryEntry(entry: RegistryEntry): Promise<void> {
  const entries = registryEntries();
  if (entries.some((existing) => existing.host === entry.host)) return;
  await vscode.workspace.getConfiguration(SECTION).update('registries', [...entries, entry], vscode.ConfigurationTarget.Global);
}

/** `sagemakerSpec.liveEcrLookups`: whether the editor may ask the user's own ECR for repositories, tags and digests. */
export type LiveEcrLookups = 'ask' | 'always' | 'never';

export function liveEcrLookups(): LiveEcrLookups {
  const value = vscode.workspace.getConfiguration(SECTION).get<unknown>('liveEcrLookups');
  return value === 'always' || value === 'never' ? value : 'ask';
}

/** `sagemakerSpec.liveEcrAccounts`: the accounts the user agreed to query (under `ask`). */
export function liveEcrAccounts(): string[] {
  const value = vscode.workspace.getConfiguration(SECTION).get<unknown>('liveEcrAccounts');
  return Array.isArray(value) ? value.filter((account): account is string => typeof account === 'string') : [];
}

/** Adds an agreed account to the user's settings (never the workspace's). */
export async function addLiveEcrAccount(account: string): Promise<void> {
  const accounts = liveEcrAccounts();
  if (accounts.includes(account)) return;
  await vscode.workspace.getConfiguration(SECTION).update('liveEcrAccounts', [...accounts, account], vscode.ConfigurationTarget.Global);
}
