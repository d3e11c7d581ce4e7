// Query API over data/catalog.json (see catalogData.ts). Pure: no I/O, no editor or AWS SDK imports.
// Every index is built once in the constructor, so the queries used by completion and diagnostics
// are map look-ups (O(1)) or walks over one repository's or region's images (O(k)).

import type { CatalogData, CatalogSource, ImageData, Partition } from './catalogData';
import { dnsSuffixOf, partitionOf } from './regions';
import { compareVersions, isFloatingTag } from './versions';

export interface RegionInfo {
  readonly name: string;
  readonly dnsSuffix: string;
  readonly partition: Partition;
}

/** An image of the catalog (the JSON object itself; `accounts` is a key for `accountFor`). */
export type CatalogImage = ImageData;

export interface TagEntry {
  readonly tag: string;
  readonly image: CatalogImage;
}

export interface PinnedVersion {
  readonly version: string;
  readonly tag: string;
  readonly repository: string;
  readonly account: string;
  /** `{account}.dkr.ecr.{region}.{dnsSuffix}/{repository}:{tag}` */
  readonly uri: string;
  readonly image: CatalogImage;
}

interface PrefixEntry {
  readonly image: CatalogImage;
  /** True when the prefix is a version alias (`2.8` for `2.8.0`), which loses against a real version. */
  readonly alias: boolean;
}

const EMPTY: readonly never[] = Object.freeze([]);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function nested<K1, K2, V>(map: Map<K1, Map<K2, V>>, key: K1): Map<K2, V> {
  let inner = map.get(key);
  if (!inner) {
    inner = new Map();
    map.set(key, inner);
  }
  return inner;
}

function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The leading part of the image's tags: `tag_prefix`, the Hugging Face prefix, or the version. */
export function tagBaseOf(image: CatalogImage): string {
  return image.tagPrefix ?? image.version;
}

/** True when none of the image's tags is pinned (`latest`, `1`, `3.x`, or no tag at all). */
export function isFloatingImage(image: CatalogImage): boolean {
  return image.tags.length === 0 || image.tags.every(isFloatingTag);
}

/** Short human label, e.g. `XGBoost 1.7-1`, `Hugging Face 4.56.2 (pytorch2.8.0)`. */
export function imageLabel(image: CatalogImage): string {
  const version = image.version === '' ? '' : ` ${image.version}`;
  const base = image.baseFramework ? ` (${image.baseFramework})` : '';
  return `${image.title}${version}${base}`;
}

/** How many tags (per repository) and regions (per tag) findImage remembers its answers for. */
const MAX_REMEMBERED = 256;

export class Catalog {
  readonly source: CatalogSource;

  private readonly regionInfos = new Map<string, RegionInfo>();
  private readonly regionList: readonly RegionInfo[];
  private readonly allImages: readonly CatalogImage[];
  private readonly repositoryNames: readonly string[];
  private readonly frameworkNames: readonly string[];
  private readonly accountMaps = new Map<string, ReadonlyMap<string, string>>();
  /** account → regions where it serves at least one image (sorted) */
  private readonly accountRegions = new Map<string, readonly string[]>();
  private readonly imagesByRegion = new Map<string, CatalogImage[]>();
  private readonly reposByRegion = new Map<string, readonly string[]>();
  private readonly imagesByRepository = new Map<string, CatalogImage[]>();
  /** repositoryServes's answers: framework → repository → served. */
  private readonly servedFrameworks = new Map<string, Map<string, boolean>>();
  private readonly imagesByFramework = new Map<string, CatalogImage[]>();
  /** account → region → repositories (sorted) */
  private readonly hosted = new Map<string, Map<string, readonly string[]>>();
  /** repository → region → accounts (sorted) */
  private readonly repoAccounts = new Map<string, Map<string, readonly string[]>>();
  private readonly repoRegions = new Map<string, readonly string[]>();
  /** repository → every (tag, image), newest first, duplicates kept (filtered per query) */
  private readonly repoTags = new Map<string, TagEntry[]>();
  private readonly repoTagsUnique = new Map<string, readonly TagEntry[]>();
  /** repository → tag → images whose tag list (or alias/no-tag rule) gives exactly this tag */
  private readonly exactTags = new Map<string, Map<string, CatalogImage[]>>();
  /** repository → prefix → version-prefix images with that tag prefix */
  private readonly prefixTags = new Map<string, Map<string, PrefixEntry[]>>();
  /** repository → documented tag forms as `(image version, tag pattern)` pairs */
  private readonly formTags = new Map<string, { image: CatalogImage; pattern: RegExp }[]>();
  /** repository → the scopes every one of its images shares (absent when they differ) */
  private readonly repoScopes = new Map<string, readonly string[]>();

  constructor(data: CatalogData) {
    this.source = data.source;

    for (const name of Object.keys(data.regions).sort(byString)) {
      const r = data.regions[name];
      this.regionInfos.set(name, Object.freeze({ name, dnsSuffix: r.dnsSuffix, partition: r.partition }));
    }
    this.regionList = Object.freeze([...this.regionInfos.values()]);

    for (const [id, map] of Object.entries(data.accountMaps)) {
      this.accountMaps.set(id, new Map(Object.entries(map)));
    }

    this.allImages = Object.freeze([...data.images]);
    const accountRegionSets = new Map<string, Set<string>>();
    const hostedSets = new Map<string, Map<string, Set<string>>>();
    const repoAccountSets = new Map<string, Map<string, Set<string>>>();
    const repoRegionSets = new Map<string, Set<string>>();
    const regionRepoSets = new Map<string, Set<string>>();

    // Per-region and per-account indexes depend only on (repository, account map): many versions
    // share both, so walk each pair once.
    const pairs = new Map<string, Set<string>>(); // account map id → repositories
    for (const image of this.allImages) {
      const accounts = this.accountMaps.get(image.accounts);
      if (!accounts) throw new Error(`catalog: image ${image.framework} ${image.version} uses unknown account map ${image.accounts}`);
      push(this.imagesByRepository, image.repository, image);
      push(this.imagesByFramework, image.framework, image);
      for (const region of accounts.keys()) push(this.imagesByRegion, region, image);
      nestedSet(pairs, image.accounts).add(image.repository);
    }
    for (const [mapId, repositories] of pairs) {
      const accounts = this.accountMaps.get(mapId) ?? new Map<string, string>();
      for (const [region, account] of accounts) {
        nestedSet(accountRegionSets, account).add(region);
        const hostedHere = nestedSet(nested(hostedSets, account), region);
        const regionRepos = nestedSet(regionRepoSets, region);
        for (const repository of repositories) {
          hostedHere.add(repository);
          regionRepos.add(repository);
          nestedSet(nested(repoAccountSets, repository), region).add(account);
          nestedSet(repoRegionSets, repository).add(region);
        }
      }
    }

    for (const [account, regions] of accountRegionSets) this.accountRegions.set(account, sortedFrozen(regions));
    for (const [account, byRegion] of hostedSets) {
      const out = nested(this.hosted, account);
      for (const [region, repos] of byRegion) out.set(region, sortedFrozen(repos));
    }
    for (const [repo, byRegion] of repoAccountSets) {
      const out = nested(this.repoAccounts, repo);
      for (const [region, accounts] of byRegion) out.set(region, sortedFrozen(accounts));
    }
    for (const [repo, regions] of repoRegionSets) this.repoRegions.set(repo, sortedFrozen(regions));
    for (const [region, repos] of regionRepoSets) this.reposByRegion.set(region, sortedFrozen(repos));

    // Newest first. Array.prototype.sort is stable, so ties keep the generated order.
    for (const images of this.imagesByRepository.values()) images.sort((a, b) => compareVersions(tagBaseOf(b), tagBaseOf(a)));
    for (const images of this.imagesByFramework.values()) images.sort((a, b) => compareVersions(b.version, a.version));

    for (const [repository, images] of this.imagesByRepository) {
      const entries: TagEntry[] = [];
      const exact = nested(this.exactTags, repository);
      for (const image of images) {
        for (const tag of image.tags) {
          entries.push(Object.freeze({ tag, image }));
          push(exact, tag, image);
        }
        if (image.tagMatch === 'exact') {
          // xgboost `latest` → `1`: the SDK puts the alias where the version goes.
          if (image.tags.includes(image.version)) for (const alias of image.aliases ?? EMPTY) push(exact, alias, image);
          // No tag (model-monitor): the URI has no tag, which ECR resolves as `latest`.
          if (image.tags.length === 0) {
            push(exact, '', image);
            push(exact, 'latest', image);
          }
        } else {
          const prefixes = nested(this.prefixTags, repository);
          const base = tagBaseOf(image);
          if (base !== '') push(prefixes, base, { image, alias: false });
          if (image.tagPrefix === undefined) {
            // Floating DLC tags like `2.8-gpu-py312` name the alias of `2.8.0`. Only aliases that
            // shorten the version count (pytorch-smp has aliases that point at other versions).
            for (const alias of image.aliases ?? EMPTY) {
              if (image.version.startsWith(`${alias}.`)) push(prefixes, alias, { image, alias: true });
            }
          }
        }
      }
      this.repoTags.set(repository, entries);
      this.repoTagsUnique.set(repository, Object.freeze(uniqueTags(entries)));
    }

    for (const [repository, forms] of Object.entries(data.tagForms ?? {})) {
      const entries = (this.imagesByRepository.get(repository) ?? []).flatMap((image) =>
        forms.map((form) => ({ image, pattern: tagFormPattern(form, image.version) })),
      );
      this.formTags.set(repository, entries);
    }
    for (const [repository, images] of this.imagesByRepository) {
      const key = images[0].scopes.join(',');
      if (images.every((image) => image.scopes.join(',') === key)) this.repoScopes.set(repository, images[0].scopes);
    }

    this.repositoryNames = Object.freeze([...this.imagesByRepository.keys()].sort(byString));
    this.frameworkNames = Object.freeze([...this.imagesByFramework.keys()].sort(byString));

    for (const map of [this.imagesByRegion, this.imagesByRepository, this.imagesByFramework]) {
      for (const list of map.values()) Object.freeze(list);
    }
  }

  // ---- regions and accounts ----------------------------------------------------------------

  /** Region facts, or undefined when no image config lists the region. */
  region(name: string): RegionInfo | undefined {
    return this.regionInfos.get(name);
  }

  /** Every region that appears in any config, sorted by name. */
  regions(): readonly RegionInfo[] {
    return this.regionList;
  }

  /** `{account}.dkr.ecr.{region}.{dnsSuffix}`; regions outside the catalog use the partition rule. */
  registryHost(account: string, region: string): string {
    const dnsSuffix = this.regionInfos.get(region)?.dnsSuffix ?? dnsSuffixOf(region);
    return `${account}.dkr.ecr.${region}.${dnsSuffix}`;
  }

  /** Partition of a region (catalog facts first, then the name prefix rule). */
  partition(region: string): Partition {
    return this.regionInfos.get(region)?.partition ?? partitionOf(region);
  }

  /** True when the account appears in any account map, in any region. */
  isAwsAccount(account: string): boolean {
    return this.accountRegions.has(account);
  }

  /** Regions in which the account serves at least one image (sorted). */
  regionsOfAccount(account: string): readonly string[] {
    return this.accountRegions.get(account) ?? EMPTY;
  }

  /** Repositories that the account serves in the region (sorted). */
  repositoriesHostedBy(account: string, region: string): readonly string[] {
    return this.hosted.get(account)?.get(region) ?? EMPTY;
  }

  // ---- images ------------------------------------------------------------------------------

  /** All images in generated order (framework, then newest version first). */
  images(): readonly CatalogImage[] {
    return this.allImages;
  }

  /** Images whose account map lists the region. */
  imagesInRegion(region: string): readonly CatalogImage[] {
    return this.imagesByRegion.get(region) ?? EMPTY;
  }

  /** The account that serves the image in the region, or undefined when it is not offered there. */
  accountFor(image: CatalogImage, region: string): string | undefined {
    return this.accountMaps.get(image.accounts)?.get(region);
  }

  /** Region → account map of the image (a read-only view). */
  accountsOf(image: CatalogImage): ReadonlyMap<string, string> {
    return this.accountMaps.get(image.accounts) ?? new Map();
  }

  /** `{host}/{repository}:{tag}` for the image in the region (tag defaults to its first tag). */
  imageUri(image: CatalogImage, region: string, tag: string | undefined = image.tags[0]): string | undefined {
    const account = this.accountFor(image, region);
    if (account === undefined) return undefined;
    const host = this.registryHost(account, region);
    return tag ? `${host}/${image.repository}:${tag}` : `${host}/${image.repository}`;
  }

  // ---- repositories and tags ---------------------------------------------------------------

  /** Every repository name (sorted). */
  repositories(): readonly string[] {
    return this.repositoryNames;
  }

  /** Repositories offered in the region (sorted). */
  repositoriesInRegion(region: string): readonly string[] {
    return this.reposByRegion.get(region) ?? EMPTY;
  }

  /** True when some image of the repository is of `framework` (`xgboost`); answered once per repository and framework. */
  repositoryServes(repository: string, framework: string): boolean {
    let byRepository = this.servedFrameworks.get(framework);
    if (!byRepository) this.servedFrameworks.set(framework, (byRepository = new Map()));
    let serves = byRepository.get(repository);
    if (serves === undefined) {
      serves = this.imagesForRepository(repository).some((image) => image.framework === framework);
      // Only the catalog's own repositories are kept: user text cannot grow the map without bound.
      if (this.imagesByRepository.has(repository)) byRepository.set(repository, serves);
    }
    return serves;
  }

  /** Images stored in the repository, newest first. */
  imagesForRepository(repository: string): readonly CatalogImage[] {
    return this.imagesByRepository.get(repository) ?? EMPTY;
  }

  /** AWS accounts hosting the repository in the region (sorted; usually one). */
  accountsForRepository(repository: string, region: string): readonly string[] {
    return this.repoAccounts.get(repository)?.get(region) ?? EMPTY;
  }

  /** Regions where the repository is offered (sorted). */
  regionsForRepository(repository: string): readonly string[] {
    return this.repoRegions.get(repository) ?? EMPTY;
  }

  /**
   * The repository's concrete tags, newest first (ties keep the generated order, e.g. cpu before
   * gpu), each once. With a region, only tags of images offered there. Alias tags (xgboost
   * `latest`) are not listed: they are accepted by findImage but never suggested.
   */
  tagsFor(repository: string, region?: string): readonly TagEntry[] {
    if (region === undefined) return this.repoTagsUnique.get(repository) ?? EMPTY;
    const all = this.repoTags.get(repository);
    if (!all) return EMPTY;
    return uniqueTags(all.filter((entry) => this.accountFor(entry.image, region) !== undefined));
  }

  /**
   * The image a tag names. `exact` images: one of their tags (plus the alias tag xgboost `latest`,
   * and `latest`/no tag for images without tags). `version-prefix` images: the tag equals the
   * image's tag prefix (or version) or starts with it followed by `-`; the longest prefix wins and
   * a real version beats an alias. Documented forms of the repository (data `tagForms`, Spark's
   * `3.1-cpu-py39-v1.2`) are accepted too. With a region, only images offered there.
   */
  findImage(repository: string, tag: string, region?: string): CatalogImage | undefined {
    const byRegion = this.foundImages.get(repository)?.get(tag);
    const known = byRegion?.get(region ?? '');
    if (known !== undefined) return known ?? undefined;
    const image = this.lookUpImage(repository, tag, region);
    // Only the catalog's own repositories, and a bounded number of tags and regions each: user text cannot grow it without bound.
    if (this.imagesByRepository.has(repository)) {
      let byTag = this.foundImages.get(repository);
      if (!byTag || byTag.size >= MAX_REMEMBERED) this.foundImages.set(repository, (byTag = new Map()));
      let regions = byTag.get(tag);
      if (!regions || regions.size >= MAX_REMEMBERED) byTag.set(tag, (regions = new Map()));
      regions.set(region ?? '', image ?? null);
    }
    return image;
  }

  /**
   * findImage's answers by repository, tag and region (`''` for none): one image is looked up by
   * five rules, in every request that names it (a state machine names its few images 200 times).
   */
  private readonly foundImages = new Map<string, Map<string, Map<string, CatalogImage | null>>>();

  private lookUpImage(repository: string, tag: string, region: string | undefined): CatalogImage | undefined {
    const exact = this.exactTags.get(repository)?.get(tag);
    if (exact) {
      for (const image of exact) if (region === undefined || this.accountFor(image, region) !== undefined) return image;
    }
    for (const { image, pattern } of this.formTags.get(repository) ?? EMPTY) {
      if (pattern.test(tag) && (region === undefined || this.accountFor(image, region) !== undefined)) return image;
    }
    const prefixes = this.prefixTags.get(repository);
    if (!prefixes || tag === '') return undefined;
    for (let end = tag.length; end > 0; end = tag.lastIndexOf('-', end - 1)) {
      const entries = prefixes.get(end === tag.length ? tag : tag.slice(0, end));
      if (!entries) continue;
      let aliasHit: CatalogImage | undefined;
      for (const { image, alias } of entries) {
        if (region !== undefined && this.accountFor(image, region) === undefined) continue;
        if (!alias) return image;
        aliasHit ??= image;
      }
      if (aliasHit) return aliasHit;
    }
    return undefined;
  }

  /**
   * The scopes that every catalog image of the repository shares (`['processing']` for
   * sagemaker-spark-processing), or undefined when its images differ or it is unknown. Lets the
   * scope rule judge an image whose tag the catalog does not know.
   */
  scopesOfRepository(repository: string): readonly string[] | undefined {
    return this.repoScopes.get(repository);
  }

  /** Same rule as findImage, in any region. */
  isKnownTag(repository: string, tag: string): boolean {
    return this.findImage(repository, tag) !== undefined;
  }

  // ---- frameworks --------------------------------------------------------------------------

  /** Framework names (config file names), sorted. */
  frameworks(): readonly string[] {
    return this.frameworkNames;
  }

  /** Display name of a framework (`xgboost` → `XGBoost`), or undefined if unknown. */
  frameworkTitle(framework: string): string | undefined {
    return this.imagesByFramework.get(framework)?.[0]?.title;
  }

  /** The framework's images, newest version first. */
  imagesForFramework(framework: string): readonly CatalogImage[] {
    return this.imagesByFramework.get(framework) ?? EMPTY;
  }

  /**
   * Pinned versions of a framework in a region, newest first: every concrete tag except floating
   * ones (`1`, `latest`, `N.x`, no tag), each with its account, repository and full URI. For xgboost
   * in us-east-1 the first is `683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:3.2-0`.
   * With a scope, only images serving that scope (`training`, `inference`, …).
   */
  pinnedVersions(framework: string, region: string, scope?: string): PinnedVersion[] {
    const out: PinnedVersion[] = [];
    for (const image of this.imagesByFramework.get(framework) ?? EMPTY) {
      if (scope !== undefined && !image.scopes.includes(scope)) continue;
      const account = this.accountFor(image, region);
      if (account === undefined) continue;
      for (const tag of image.tags) {
        if (isFloatingTag(tag)) continue;
        out.push({
          version: image.version,
          tag,
          repository: image.repository,
          account,
          uri: `${this.registryHost(account, region)}/${image.repository}:${tag}`,
          image,
        });
      }
    }
    return out;
  }

  /** True when the image has no pinned tag (see isFloatingImage). */
  isFloating(image: CatalogImage): boolean {
    return isFloatingImage(image);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `{version}-cpu-py{py}-v{build}` for version `3.1` → /^3\.1-cpu-py\d+-v\d+(?:\.\d+)*$/. */
function tagFormPattern(form: string, version: string): RegExp {
  const parts = form.split(/(\{version\}|\{py\}|\{build\})/).map((part) => {
    if (part === '{version}') return escapeRegExp(version);
    if (part === '{py}') return '\\d+';
    if (part === '{build}') return '\\d+(?:\\.\\d+)*';
    return escapeRegExp(part);
  });
  return new RegExp(`^${parts.join('')}$`);
}

function nestedSet<K>(map: Map<K, Set<string>>, key: K): Set<string> {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  return set;
}

function sortedFrozen(values: Iterable<string>): readonly string[] {
  return Object.freeze([...values].sort(byString));
}

function uniqueTags(entries: readonly TagEntry[]): TagEntry[] {
  const seen = new Set<string>();
  const out: TagEntry[] = [];
  for (const entry of entries) {
    if (seen.has(entry.tag)) continue;
    seen.add(entry.tag);
    out.push(entry);
  }
  return out;
}
