/**
 * Completion inside image strings (full references, repositories after a registry host, tags
 * after `repository:`) and for the access-mode and input-mode values.
 */
import { findNodeAtOffset, getLocation, type Node } from 'jsonc-parser';
import type { Catalog, CatalogImage } from './catalog/catalog';
import type { TextEdit } from './findings';
import { formatEcrImage, repositoryComponentProblem, tagSyntaxProblem } from './imageReference';
import { compareVersions } from './catalog/versions';
import { completeAlgorithm } from './algorithms/algorithmCompletion';
import { regionForSpec, type AnalyzeOptions } from './analyze';
import { requestPartition } from './rules/requestPartition';
import { completeFromModel, valueItems } from './modelCompletion';
import { describeRegion, type ResolvedRegion } from './region';
import { isFloatingTag, XGBOOST_FRAMEWORK } from './rules/xgboost';
import { neededScope, servesScope } from './rules/scopeRule';
import type { ImageUsage, SpecDocument } from './specDocument';
import type { LiveLookup } from './registry/liveLookup';
import type { RemoteTag } from './registry/registryTypes';

export type CompletionKind = 'image' | 'repository' | 'tag' | 'value' | 'property';

/**
 * What a row shows after its label, as LSP's `CompletionItemLabelDetails` (VS Code's
 * `CompletionItemLabel`): `detail` is drawn right after the label, so it starts with a space
 * (` XGBoost 3.2-0`); `description` is drawn further right, less prominently (`683313688378 · us-east-1`).
 */
export interface CompletionLabelDetails {
  detail?: string;
  description?: string;
}

export interface CompletionItem {
  /** The short text of the row (`sagemaker-xgboost:3.2-0`); what is inserted is `edit.newText`. */
  label: string;
  kind: CompletionKind;
  /** Shown on every row, not only the selected one. */
  labelDetails?: CompletionLabelDetails;
  /** Shown beside the selected row (the full reference that accepting inserts, for images). */
  detail?: string;
  documentation?: string;
  /** Ranking: items sort by this text, best first. */
  sortText: string;
  /** Replaces the whole string content (or inserts a quoted value). */
  edit: TextEdit;
  /** Ask the editor for completions again after accepting (a repository continues with its tags). */
  retrigger?: boolean;
  /** `edit.newText` is a snippet (`$1`, `${1|a,b|}` placeholders), not plain text. */
  snippet?: boolean;
  /**
   * The text the editor filters on, when it is not the typed text plus the label. The editor
   * matches it against the document text from the start of `edit` to the cursor, so it must
   * begin with (or fuzzily contain) what can be typed there.
   */
  filterText?: string;
}

export interface CompletionResult {
  items: CompletionItem[];
  /** The text typed so far inside the string: the editor filters with it. */
  typed: string;
  /** True when the list was cut or depends on what is typed next. */
  isIncomplete: boolean;
}

export type CompletionOptions = Pick<AnalyzeOptions, 'catalog' | 'regionInputs' | 'apiModel' | 'live' | 'algorithms'>;

/** Values of the enum members we complete; the API-model work generalises this. */
const ENUM_VALUES: Record<string, { values: string[]; meaning: Record<string, string> }> = {
  TrainingInputMode: {
    values: ['File', 'FastFile', 'Pipe'],
    meaning: { File: 'copy the data to the instance before training', FastFile: 'stream from S3 through a file system', Pipe: 'stream through a Unix pipe' },
  },
  TrainingRepositoryAccessMode: {
    values: ['Platform', 'Vpc'],
    meaning: { Platform: 'pull from Amazon ECR', Vpc: 'pull from a private registry through your VPC' },
  },
  RepositoryAccessMode: {
    values: ['Platform', 'Vpc'],
    meaning: { Platform: 'pull from Amazon ECR', Vpc: 'pull from a private registry through your VPC' },
  },
};

const MAX_ITEMS = 100;

export function completeAt(spec: SpecDocument, offset: number, options: CompletionOptions): CompletionResult | undefined {
  if (!spec.root) return undefined;
  // Built-in algorithm jobs: hyperparameter names and values, channels, content types, metrics.
  const algorithm = options.algorithms && completeAlgorithm(spec, offset, options.catalog, options.algorithms);
  if (algorithm) return algorithm;
  const node = findNodeAtOffset(spec.root, offset, true);
  if (node?.type === 'string' && isInsideString(spec.text, node, offset)) {
    const image = spec.images.find((field) => field.value === node);
    const typed = spec.text.slice(node.offset + 1, offset);
    const edit: TextEdit = { offset: node.offset + 1, length: contentLength(spec.text, node), newText: '' };
    if (image) return completeImage(typed, edit, completionRegion(spec, options), options, image.usage, image.repositories);
    const key = node.parent?.type === 'property' && node.parent.children?.[1] === node ? node.parent.children[0].value : undefined;
    if (typeof key === 'string' && ENUM_VALUES[key]) return enumItems(key, typed, edit, false);
    return options.apiModel && completeFromModel(spec, offset, options.apiModel);
  }
  // A member with no value yet: `"RepositoryAccessMode": |`.
  const location = getLocation(spec.text, offset);
  const key = location.path[location.path.length - 1];
  if (!location.isAtPropertyKey && typeof key === 'string' && ENUM_VALUES[key] && location.previousNode?.type !== 'string') {
    return enumItems(key, '', { offset, length: 0, newText: '' }, true);
  }
  // Member names at any level, and enum and boolean values, from the API model.
  return options.apiModel && completeFromModel(spec, offset, options.apiModel);
}

function isInsideString(text: string, node: Node, offset: number): boolean {
  return offset > node.offset && offset <= node.offset + 1 + contentLength(text, node);
}

/** Content length without quotes; an unterminated string (still being typed) has no closing quote. */
function contentLength(text: string, node: Node): number {
  const terminated = node.length >= 2 && text[node.offset + node.length - 1] === '"';
  return Math.max(0, node.length - (terminated ? 2 : 1));
}

function enumItems(key: string, typed: string, edit: TextEdit, quote: boolean): CompletionResult {
  const { values, meaning } = ENUM_VALUES[key];
  return valueItems(values, edit, typed, quote, meaning);
}

const ECR_HOST_PREFIX = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.([a-z0-9.-]+)$/;

/** Completion of an image reference from what is typed so far; `edit` covers the string's content. */
/**
 * The region whose images completion offers for `spec`: its region (regionForSpec), unless the
 * request's own ARNs name another partition (`arn:aws-cn:…` while the region is us-east-1): the
 * request never runs there, so that partition's first region by name (`cn-north-1`) instead.
 */
export function completionRegion(spec: SpecDocument, options: Pick<CompletionOptions, 'catalog' | 'regionInputs'>): ResolvedRegion {
  const region = regionForSpec(spec, options.regionInputs);
  const partition = requestPartition(spec);
  if (!partition || options.catalog.partition(region.region) === partition) return region;
  const inPartition = options.catalog.regions().find((known) => known.partition === partition);
  return inPartition ? { ...region, region: inPartition.name, source: 'arns', explicit: false } : region;
}

export function completeImage(typed: string, edit: TextEdit, region: ResolvedRegion, options: CompletionOptions, usage: ImageUsage, repositories?: readonly string[]): CompletionResult {
  const { catalog } = options;
  const target = liveCompletionTarget(typed, catalog);
  if (target) return liveItems(options.live, typed, edit, target);
  const slash = typed.indexOf('/');
  if (slash > 0) {
    // A SageMaker registry host: its repositories and tags come from the catalog.
    const host = typed.slice(0, slash);
    const ecrHost = ECR_HOST_PREFIX.exec(host);
    // `team/trainer`, `pytorch/pytorch:2.1.0`: a Docker Hub namespace; the catalog knows none.
    if (!ecrHost) return { typed, isIncomplete: false, items: [] };
    const [, account, hostRegion] = ecrHost;
    const rest = typed.slice(slash + 1);
    const colon = rest.indexOf(':');
    if (colon >= 0) return tagItems(catalog, typed, edit, host, hostRegion, rest.slice(0, colon), rest.slice(colon + 1), usage);
    return repositoryItems(catalog, typed, edit, host, account, hostRegion, rest, repositories);
  }
  return referenceItems(catalog, typed, edit, region, usage, repositories);
}

/** The live registry query that completion at `offset` would use, if any (the editor fetches it first). */
export function liveTargetAt(spec: SpecDocument, offset: number, catalog: Catalog): LiveCompletionTarget | undefined {
  if (!spec.root) return undefined;
  const node = findNodeAtOffset(spec.root, offset, true);
  if (node?.type !== 'string' || !isInsideString(spec.text, node, offset)) return undefined;
  if (!spec.images.some((field) => field.value === node)) return undefined;
  return liveCompletionTarget(spec.text.slice(node.offset + 1, offset), catalog);
}

export interface LiveCompletionTarget {
  host: string;
  /** Present once `repository:` has been typed: then tags are wanted. */
  repository?: string;
  partial: string;
}

/**
 * What a live registry must be asked for the text typed so far: a host that is not one of
 * SageMaker's registries (the user's own ECR account or a private registry), then a repository.
 */
export function liveCompletionTarget(typed: string, catalog: Catalog): LiveCompletionTarget | undefined {
  const slash = typed.indexOf('/');
  if (slash <= 0) return undefined;
  const host = typed.slice(0, slash);
  const ecrHost = ECR_HOST_PREFIX.exec(host);
  if (ecrHost && catalog.isAwsAccount(ecrHost[1])) return undefined;
  if (!ecrHost && !/[.:]|^localhost$/.test(host)) return undefined; // a Docker Hub namespace, not a host
  const rest = typed.slice(slash + 1);
  const colon = rest.indexOf(':');
  return colon >= 0 ? { host, repository: rest.slice(0, colon), partial: rest.slice(colon + 1) } : { host, partial: rest };
}

/**
 * Items from the user's own registry. Its answers are written into the user's file as they are,
 * so only names the distribution spec allows are taken: a registry that answers `2.0","RoleArn":"…`
 * as a tag would otherwise add members to the request (a tag has no quote, colon or line break).
 */
function liveItems(live: LiveLookup | undefined, typed: string, edit: TextEdit, target: LiveCompletionTarget): CompletionResult {
  const { host, repository, partial } = target;
  if (repository !== undefined) {
    const tags = (live?.tags(host, repository) ?? []).filter((entry) => entry.tag.startsWith(partial) && tagSyntaxProblem(entry.tag) === undefined);
    return {
      typed,
      isIncomplete: true,
      items: tags.slice(0, MAX_ITEMS * 5).map((entry, index): CompletionItem => ({
        label: entry.tag,
        kind: 'tag',
        labelDetails: { description: remoteTagDetail(entry) || host },
        detail: `${host}/${repository}:${entry.tag}`,
        sortText: String(index).padStart(5, '0'),
        edit: { ...edit, newText: `${host}/${repository}:${entry.tag}` },
      })),
    };
  }
  const repositories = (live?.repositories(host) ?? []).filter((name) => name.includes(partial) && isRepositoryName(name));
  return {
    typed,
    isIncomplete: true,
    items: repositories.slice(0, MAX_ITEMS * 5).map((name, index): CompletionItem => ({
      label: name,
      kind: 'repository',
      labelDetails: { description: host },
      detail: `${host}/${name}`,
      sortText: `${name.startsWith(partial) ? 0 : 1}${String(index).padStart(5, '0')}`,
      edit: { ...edit, newText: `${host}/${name}:` },
      retrigger: true,
    })),
  };
}

/** True for a repository path the distribution spec allows (`team/trainer`): lowercase components joined by `/`. */
function isRepositoryName(name: string): boolean {
  return name.length > 0 && name.split('/').every((component) => component.length > 0 && repositoryComponentProblem(component) === undefined);
}

/** "pushed 2026-11-20 · 412 MB" from what the registry reported. */
function remoteTagDetail(tag: RemoteTag): string {
  const parts: string[] = [];
  if (tag.pushedAt) parts.push(`pushed ${tag.pushedAt.toISOString().slice(0, 10)}`);
  if (tag.sizeBytes !== undefined) parts.push(`${(tag.sizeBytes / 1e6).toFixed(tag.sizeBytes < 1e7 ? 1 : 0)} MB`);
  return parts.join(' · ');
}

/** How a scope reads in a completion detail: `inference_graviton` → `Graviton inference`. */
const SCOPE_WORDS: Record<string, string> = {
  inference_graviton: 'Graviton inference',
  eia: 'Elastic Inference',
  'detailed-profiler': 'profiling',
};

/** SDK image scopes as a reader says them: `training, Graviton inference` for `training`, `inference_graviton`. */
function scopesInWords(scopes: readonly string[]): string {
  return scopes.map((scope) => SCOPE_WORDS[scope] ?? scope).join(', ');
}

/**
 * The repository's catalog tags that start with `partialTag`. Only tags whose image serves the
 * field's usage are offered (a training job never gets the Graviton-only `1.0-1-arm64-cpu-py3`);
 * the others only when no serving tag matches what was typed, and then the detail says why
 * (`Graviton inference only`). Each item writes the whole reference: with the account that serves
 * the repository in the host's region when the typed one does not (`683313688378` typed for
 * cn-north-1, whose XGBoost account is another), so an accepted tag is never a reference that
 * `registry-account-mismatch` then reports.
 */
export function tagItems(
  catalog: Catalog,
  typed: string,
  edit: TextEdit,
  host: string,
  region: string,
  repository: string,
  partialTag: string,
  usage: ImageUsage,
): CompletionResult {
  const needed = neededScope(usage);
  // A tag can belong to several images (training and inference builds): it serves the usage when any does.
  const scopesOfTag = new Map<string, Set<string>>();
  for (const image of catalog.imagesForRepository(repository)) {
    if (catalog.accountFor(image, region) === undefined) continue;
    for (const tag of image.tags) {
      let scopes = scopesOfTag.get(tag);
      if (!scopes) scopesOfTag.set(tag, (scopes = new Set()));
      if (image.scopes.length === 0) scopes.add('');
      for (const scope of image.scopes) scopes.add(scope);
    }
  }
  const typedAccount = /^(\d{12})\./.exec(host)?.[1];
  const serving = catalog.accountsForRepository(repository, region);
  const servedHost = typedAccount !== undefined && serving.length > 0 && !serving.includes(typedAccount) ? serving[0] + host.slice(typedAccount.length) : host;
  const passing: CompletionItem[] = [];
  const failing: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const { tag, image } of catalog.tagsFor(repository, region)) {
    if (seen.has(tag) || (image.framework === XGBOOST_FRAMEWORK && isFloatingTag(tag)) || tag === 'latest') continue;
    if (!tag.startsWith(partialTag)) continue;
    seen.add(tag);
    const scopes = [...(scopesOfTag.get(tag) ?? new Set(image.scopes))].filter((scope) => scope !== '');
    const serves = !needed || scopes.length === 0 || servesScope(scopes, needed);
    const list = serves ? passing : failing;
    const reference = `${servedHost}/${repository}:${tag}`;
    const uses = serves ? scopesInWords(scopes) : `${scopesInWords(scopes)} only`;
    list.push({
      label: tag,
      kind: 'tag',
      labelDetails: {
        detail: ` ${imageTitle(image)}`,
        description: servedHost === host ? uses : `${uses} · account ${serving[0]}`,
      },
      detail: reference,
      sortText: String(list.length).padStart(5, '0'),
      edit: { ...edit, newText: reference },
    });
  }
  return { typed, isIncomplete: false, items: passing.length > 0 ? passing : failing };
}

function repositoryItems(catalog: Catalog, typed: string, edit: TextEdit, host: string, account: string, region: string, partial: string, only?: readonly string[]): CompletionResult {
  const repositories = catalog.repositoriesHostedBy(account, region).filter((repository) => repository.includes(partial) && (!only || only.includes(repository)));
  const items = repositories.map((repository, index): CompletionItem => {
    const image = catalog.imagesForRepository(repository)[0];
    return {
      label: repository,
      kind: 'repository',
      labelDetails: { detail: image ? ` ${image.title}` : undefined, description: `${account} · ${region}` },
      detail: `${host}/${repository}`,
      sortText: `${repository.startsWith(partial) ? 0 : 1}${String(index).padStart(4, '0')}`,
      edit: { ...edit, newText: `${host}/${repository}:` },
      retrigger: true,
    };
  });
  return { typed, isIncomplete: true, items };
}

interface ReferenceCandidate {
  uri: string;
  image: CatalogImage;
  account: string;
  tag: string;
  /** Lowercased text the query is matched against: repository, framework and title. */
  names: string;
  kindRank: number;
  order: number;
}

const KIND_RANK: Record<string, number> = { 'built-in-algorithm': 0, 'first-party': 1, 'deep-learning-container': 2 };

/** Per-region candidate lists are built once per catalog: completion runs on every keystroke. */
const candidateCache = new WeakMap<Catalog, Map<string, ReferenceCandidate[]>>();

function referenceCandidates(catalog: Catalog, region: string): ReferenceCandidate[] {
  let byRegion = candidateCache.get(catalog);
  if (!byRegion) candidateCache.set(catalog, (byRegion = new Map()));
  const cached = byRegion.get(region);
  if (cached) return cached;
  const dnsSuffix = catalog.region(region)?.dnsSuffix;
  const candidates: ReferenceCandidate[] = [];
  if (dnsSuffix) {
    const images = [...catalog.imagesInRegion(region)].sort(
      (a, b) => (KIND_RANK[a.kind] ?? 3) - (KIND_RANK[b.kind] ?? 3) || a.framework.localeCompare(b.framework) || compareVersions(b.version, a.version),
    );
    const seen = new Set<string>();
    for (const image of images) {
      const account = catalog.accountFor(image, region);
      if (!account) continue;
      // An image published without version tags (Model Monitor's analyzer) is offered untagged, as documented.
      const unversioned = image.tags.every((tag) => tag === 'latest') && image.framework !== XGBOOST_FRAMEWORK;
      for (const tag of unversioned ? [''] : image.tags) {
        if (tag === 'latest' || (image.framework === XGBOOST_FRAMEWORK && isFloatingTag(tag))) continue;
        const uri = formatEcrImage(account, region, dnsSuffix, image.repository, tag || undefined);
        if (seen.has(uri)) continue;
        seen.add(uri);
        candidates.push({
          uri,
          image,
          account,
          tag,
          names: `${image.repository} ${image.framework} ${image.title}`.toLowerCase(),
          kindRank: KIND_RANK[image.kind] ?? 3,
          order: candidates.length,
        });
      }
    }
  }
  byRegion.set(region, candidates);
  return candidates;
}

/**
 * 0: the repository starts with the query; 1: a name or one of its words starts with it; 2: a name
 * contains it; 3: the URI contains it.
 */
function matchScore(candidate: ReferenceCandidate, query: string): number | undefined {
  if (query === '') return 0;
  const { names } = candidate;
  const at = names.indexOf(query);
  if (at === 0) return 0;
  if (at > 0) return /[\s\-_]/.test(names[at - 1]) ? 1 : 2;
  if (candidate.uri.toLowerCase().includes(query)) return 3;
  return undefined;
}

function referenceItems(catalog: Catalog, typed: string, edit: TextEdit, region: ResolvedRegion, usage: ImageUsage, repositories?: readonly string[]): CompletionResult {
  const query = typed.trim().toLowerCase();
  const scope = neededScope(usage);
  const matches: { candidate: ReferenceCandidate; score: number }[] = [];
  for (const candidate of referenceCandidates(catalog, region.region)) {
    if (repositories && !repositories.includes(candidate.image.repository)) continue;
    if (scope && !servesScope(candidate.image.scopes, scope)) continue;
    const score = matchScore(candidate, query);
    if (score !== undefined) matches.push({ candidate, score });
  }
  matches.sort((a, b) => a.score - b.score || a.candidate.kindRank - b.candidate.kindRank || a.candidate.order - b.candidate.order);
  const where = describeRegion(region);
  const items = matches.slice(0, MAX_ITEMS).map(({ candidate }, index): CompletionItem => {
    const { image, uri } = candidate;
    const scopes = image.scopes.length > 0 ? ` (${scopesInWords(image.scopes)})` : '';
    return {
      // The part that differs between rows; the registry host, the same on every row, is summed up
      // by the account and region of the description.
      label: candidate.tag === '' ? image.repository : `${image.repository}:${candidate.tag}`,
      kind: 'image',
      labelDetails: { detail: ` ${imageTitle(image)}`, description: `${candidate.account} · ${region.region}` },
      detail: uri,
      documentation: `${imageTitle(image)}${scopes} from the SageMaker registry in ${where}.`,
      sortText: String(index).padStart(5, '0'),
      // The editor filters on the text from the string's start to the cursor, which is `typed`:
      // leading with it keeps our ranking, and the reference and names after it keep the row while
      // the user types on (`xgbo`, the account, the host) before the list is asked for again.
      filterText: `${typed} ${uri} ${image.framework} ${image.title}`,
      edit: { ...edit, newText: uri },
    };
  });
  return { typed, isIncomplete: true, items };
}

function imageTitle(image: CatalogImage): string {
  return `${image.title} ${image.version}`;
}
