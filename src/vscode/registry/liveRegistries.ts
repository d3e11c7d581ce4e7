/**
 * Live tags for the user's own images: their Amazon ECR (through the AWS bundle, with the launch
 * commands' credentials) and private registries listed in `sagemakerSpec.registries`. Answers are
 * cached and refreshed in the background; completion waits at most `registryTimeoutMs`, then the
 * static catalog answers alone. Nothing is sent without consent: a host that is not listed is
 * never contacted until the user agrees, and ECR only as `sagemakerSpec.liveEcrLookups` allows
 * (under `ask`, once the user agreed for the account). Whether a host is ECR is the core's own
 * check (`ecrRegistryOfHost`); any other host, however it is spelled, is a private registry.
 */
import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog/catalog';
import type { LiveCompletionTarget } from '../../core/completion';
import { parseImageReference } from '../../core/imageReference';
import { ecrQueryTarget, ecrRegistryOfHost } from '../../core/registry/ecrHost';
import { isLiveImage } from '../../core/registry/liveLookup';
import { LiveRegistryCache } from '../../core/registry/liveRegistryCache';
import { normalizeRegistryHost } from '../../core/registry/registryHost';
import { RegistryError, type RegistryEntry, type RegistryQuery } from '../../core/registry/registryTypes';
import type { SpecDocument } from '../../core/specDocument';
import { createDockerRegistryClient } from '../../node/registry/dockerRegistryClient';
import { createEcrRegistrySource } from '../../node/registry/ecrRegistrySource';
import type { AwsAccess } from '../awsAccess';
import type { Output } from '../output';
import type { Prompter } from '../prompter';
import { EcrConsent } from './ecrConsent';
import type { RegistryCredentialStore } from './registryCredentials';
import { addRegistryEntry, entryForHost, registryEntries, registryTimeoutMs } from './registrySettings';

export class LiveRegistries implements vscode.Disposable {
  readonly cache = new LiveRegistryCache();
  private readonly inFlight = new Map<string, Promise<void>>();
  /** Hosts the user declined to query in this session: not asked again. */
  private readonly declined = new Set<string>();
  /** Entries the user agreed to: used at once, before the settings change is visible. */
  private readonly agreed = new Map<string, RegistryEntry>();
  private readonly asking = new Map<string, Promise<boolean>>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private dockerClient: RegistryQuery | undefined;
  private readonly ecrConsent: EcrConsent;
  private readonly ecr: RegistryQuery;

  constructor(
    private readonly catalog: () => Catalog,
    access: AwsAccess,
    private readonly credentials: RegistryCredentialStore,
    private readonly output: Output,
    private readonly prompter: () => Prompter,
  ) {
    this.ecrConsent = new EcrConsent(prompter);
    this.ecr = createEcrRegistrySource({ catalog, aws: () => access.aws, baseTarget: () => access.defaultTarget() });
  }

  /** Before completing: fetch what is missing or stale, waiting at most the time budget. */
  async prepareCompletion(target: LiveCompletionTarget, token: vscode.CancellationToken): Promise<void> {
    if (!vscode.workspace.isTrusted || !(await this.isAllowed(target.host, true))) return;
    const needed = target.repository !== undefined
      ? this.cache.tagsNeedFetch(target.host, target.repository) && this.refreshTags(target.host, target.repository)
      : this.cache.repositoriesNeedFetch(target.host) && this.refreshRepositories(target.host);
    if (!needed) return;
    let timer: NodeJS.Timeout | undefined;
    const budget = new Promise<void>((resolve) => (timer = setTimeout(resolve, registryTimeoutMs())));
    const cancelled = new Promise<void>((resolve) => token.onCancellationRequested(() => resolve()));
    await Promise.race([needed, budget, cancelled]);
    clearTimeout(timer);
  }

  /**
   * After analysing a spec: refresh the tags of its live images in the background. Never asks
   * about a private registry; asks (once per account) before a first lookup in the user's ECR
   * under `liveEcrLookups: ask`, and looks up nothing until the user agreed.
   */
  refreshForSpec(spec: SpecDocument): void {
    if (!vscode.workspace.isTrusted) return;
    for (const field of spec.images) {
      const reference = field.parsed?.ok ? field.parsed.reference : undefined;
      if (!reference?.host || !reference.tag || !isLiveImage(reference, this.catalog())) continue;
      const host = reference.host.text;
      const repository = reference.repository.text;
      if (!this.cache.tagsNeedFetch(host, repository)) continue;
      if (this.isAllowedNow(host)) {
        void this.refreshTags(host, repository);
      } else {
        // One waiting question per account, however often the spec is analysed meanwhile.
        const account = this.ecrAccountToAsk(host);
        if (account === undefined || this.ecrConsent.pending(account)) continue;
        void this.isAllowed(host, true).then((agreed) => {
          if (agreed) void this.refreshTags(host, repository);
        });
      }
    }
  }

  /** The digest a tag points at, for "Pin to digest". Throws a RegistryError on failure. */
  async resolveDigest(host: string, repository: string, tag: string): Promise<string | undefined> {
    if (!vscode.workspace.isTrusted || !(await this.isAllowed(host, true))) {
      const ecr = ecrRegistryOfHost(host);
      const reason = !vscode.workspace.isTrusted
        ? 'registries are not queried in Restricted Mode; trust this workspace to pin images'
        : ecr ? this.ecrConsent.refusal(ecr.account.text) : `${host} is not a registry SageMaker Spec may query`;
      throw new RegistryError('not-allowed', `${reason}.`);
    }
    return this.source(host).resolveDigest(host, repository, tag);
  }

  /**
   * Whether an image can be pinned by asking its registry (ECR only in a known region, and not
   * under `never`); never in Restricted Mode, where nothing is sent, so "Pin to digest" is not offered.
   */
  canResolve(image: string): boolean {
    if (!vscode.workspace.isTrusted) return false;
    const parsed = parseImageReference(image);
    if (!parsed.ok || !parsed.reference.tag || parsed.reference.digest || !parsed.reference.host || !isLiveImage(parsed.reference, this.catalog())) return false;
    const host = parsed.reference.host.text;
    if (!ecrRegistryOfHost(host)) return true;
    const target = ecrQueryTarget(host, this.catalog());
    return target !== undefined && (this.ecrConsent.allowed(target.account) || this.ecrConsent.askable(target.account));
  }

  /** New credentials or settings: forget answers and clients. */
  reset(host?: string): void {
    if (host) this.cache.forgetHost(host);
    else this.cache.clear();
    this.dockerClient = undefined;
  }

  /** Settings that decide what may be queried changed: forget every answer and re-run the analysis. */
  settingsChanged(): void {
    this.reset();
    this.changed.fire();
  }

  private refreshRepositories(host: string): Promise<void> {
    return this.once(`repositories ${host}`, async () => {
      try {
        this.cache.setRepositories(host, await this.source(host).listRepositories(host));
      } catch (error) {
        this.cache.setRepositoriesError(host, asRegistryError(error));
        this.output.line(`Registry ${host}: could not list repositories: ${asRegistryError(error).message}`);
      }
    });
  }

  private refreshTags(host: string, repository: string): Promise<void> {
    return this.once(`tags ${host}/${repository}`, async () => {
      try {
        this.cache.setTags(host, repository, await this.source(host).listTags(host, repository));
      } catch (error) {
        this.cache.setTagsError(host, repository, asRegistryError(error));
        this.output.line(`Registry ${host}: could not list the tags of ${repository}: ${asRegistryError(error).message}`);
      }
    });
  }

  /** One request per key at a time; listeners hear when an answer (or a failure) arrived. */
  private once(key: string, work: () => Promise<void>): Promise<void> {
    let running = this.inFlight.get(key);
    if (!running) {
      running = work().finally(() => {
        this.inFlight.delete(key);
        this.changed.fire();
      });
      this.inFlight.set(key, running);
    }
    return running;
  }

  private source(host: string): RegistryQuery {
    if (ecrRegistryOfHost(host)) return this.ecr;
    this.dockerClient ??= createDockerRegistryClient({
      entries: () => this.entries(),
      credentials: (registry) => this.credentials.get(registry),
      timeoutMs: Math.max(registryTimeoutMs() * 4, 5000),
    });
    return this.dockerClient;
  }

  /** The settings' entries plus those agreed to in this session. */
  private entries(): RegistryEntry[] {
    const listed = registryEntries();
    return [...listed, ...[...this.agreed.values()].filter((entry) => !listed.some((existing) => existing.host === entry.host))];
  }

  /**
   * Whether `host` may be queried now, without asking: an ECR host in a known region whose account
   * `liveEcrLookups` allows, or a listed (or agreed) private registry.
   */
  private isAllowedNow(host: string): boolean {
    if (ecrRegistryOfHost(host)) {
      const target = ecrQueryTarget(host, this.catalog());
      return target !== undefined && this.ecrConsent.allowed(target.account);
    }
    const wanted = normalizeRegistryHost(host);
    return this.agreed.has(host) || registryEntries().some((entry) => normalizeRegistryHost(entry.host) === wanted);
  }

  /** The ECR account of `host` when the user could still be asked about it. */
  private ecrAccountToAsk(host: string): string | undefined {
    const target = ecrQueryTarget(host, this.catalog());
    return target && this.ecrConsent.askable(target.account) ? target.account : undefined;
  }

  /**
   * Allowed now, or (when `ask`) after the user agrees once: per account for ECR, per host for a
   * private registry. An ECR host in an unknown region is never queried.
   */
  private async isAllowed(host: string, ask: boolean): Promise<boolean> {
    if (this.isAllowedNow(host)) return true;
    if (ecrRegistryOfHost(host)) {
      const account = ask ? this.ecrAccountToAsk(host) : undefined;
      return account !== undefined && this.ecrConsent.request(account);
    }
    if (!ask || this.declined.has(host)) return false;
    let question = this.asking.get(host);
    if (!question) {
      question = (async () => {
        const answer = await this.prompter().info(`Query registry ${host} for repositories and tags? It will be added to sagemakerSpec.registries.`, 'Query', 'Not Now');
        if (answer !== 'Query') {
          this.declined.add(host);
          return false;
        }
        const entry = entryForHost(host);
        this.agreed.set(host, entry);
        await addRegistryEntry(entry);
        return true;
      })().finally(() => this.asking.delete(host));
      this.asking.set(host, question);
    }
    return question;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** ECR errors come from dist/aws.js, a separate bundle with its own RegistryError class: match by shape. */
function asRegistryError(error: unknown): RegistryError {
  if (error instanceof RegistryError) return error;
  const candidate = error as { name?: string; kind?: RegistryError['kind']; message?: string; status?: number };
  if (candidate?.name === 'RegistryError' && candidate.kind) return new RegistryError(candidate.kind, candidate.message ?? '', candidate.status);
  return new RegistryError('network', error instanceof Error ? error.message : String(error));
}
