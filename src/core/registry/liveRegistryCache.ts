/**
 * Cached answers of live registries, per host and repository, with a time limit. Stale answers
 * are still served (a background refresh replaces them); failures are remembered briefly so a
 * broken registry is not asked on every keystroke. Hosts are keyed by their normalized spelling,
 * as credentials are, so signing in to `Registry.Example.com` forgets the answers for
 * `registry.example.com`.
 */
import type { LiveLookup } from './liveLookup';
import { normalizeRegistryHost } from './registryHost';
import type { RegistryError, RemoteTag } from './registryTypes';

interface Entry<T> {
  value?: T;
  error?: RegistryError;
  at: number;
}

export class LiveRegistryCache implements LiveLookup {
  private readonly repositoryLists = new Map<string, Entry<string[]>>();
  private readonly tagLists = new Map<string, Entry<RemoteTag[]>>();

  constructor(
    private readonly freshForMs = 5 * 60_000,
    private readonly failureBackoffMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  repositories(host: string): readonly string[] | undefined {
    return this.repositoryLists.get(normalizeRegistryHost(host))?.value;
  }

  tags(host: string, repository: string): readonly RemoteTag[] | undefined {
    return this.tagLists.get(tagKey(host, repository))?.value;
  }

  setRepositories(host: string, repositories: string[]): void {
    this.repositoryLists.set(normalizeRegistryHost(host), { value: repositories, at: this.now() });
  }

  setTags(host: string, repository: string, tags: RemoteTag[]): void {
    this.tagLists.set(tagKey(host, repository), { value: tags, at: this.now() });
  }

  /** Keeps a previous answer (if any) and notes the failure. */
  setRepositoriesError(host: string, error: RegistryError): void {
    this.repositoryLists.set(normalizeRegistryHost(host), { ...this.repositoryLists.get(normalizeRegistryHost(host)), error, at: this.now() });
  }

  setTagsError(host: string, repository: string, error: RegistryError): void {
    const key = tagKey(host, repository);
    this.tagLists.set(key, { ...this.tagLists.get(key), error, at: this.now() });
  }

  /** True when the repositories should be (re)fetched: never asked, stale, or failed long enough ago. */
  repositoriesNeedFetch(host: string): boolean {
    return this.needsFetch(this.repositoryLists.get(normalizeRegistryHost(host)));
  }

  tagsNeedFetch(host: string, repository: string): boolean {
    return this.needsFetch(this.tagLists.get(tagKey(host, repository)));
  }

  /** Forget everything about a host (after signing in, or a settings change). */
  forgetHost(host: string): void {
    this.repositoryLists.delete(normalizeRegistryHost(host));
    const prefix = `${normalizeRegistryHost(host)}/`;
    for (const key of [...this.tagLists.keys()]) if (key.startsWith(prefix)) this.tagLists.delete(key);
  }

  clear(): void {
    this.repositoryLists.clear();
    this.tagLists.clear();
  }

  private needsFetch(entry: Entry<unknown> | undefined): boolean {
    if (!entry) return true;
    const age = this.now() - entry.at;
    return entry.error ? age > this.failureBackoffMs : age > this.freshForMs;
  }
}

function tagKey(host: string, repository: string): string {
  return `${normalizeRegistryHost(host)}/${repository}`;
}
