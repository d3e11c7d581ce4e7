// The catalog is a snapshot of the SageMaker Python SDK's image configs at one commit. AWS publishes
// Deep Learning Container versions before the SDK lists them, so a tag newer than every version the
// snapshot knows is most likely real, not a typo: it gets its own information-level finding.

import type { Catalog, CatalogImage } from './catalog';
import type { CatalogSource } from './catalogData';
import { tagBaseOf } from './catalog';
import { compareVersions } from './versions';

/**
 * `Catalog of 2026-08-21 (SDK commit a248126)` (`Catalog of SDK commit a248126` without a recorded
 * date); plain text, the caller escapes it.
 */
export function catalogSnapshotLabel(source: CatalogSource): string {
  const commit = source.commit.slice(0, 7);
  return source.date ? `Catalog of ${source.date} (SDK commit ${commit})` : `Catalog of SDK commit ${commit}`;
}

export interface NewerThanCatalog {
  /** The leading version part of the tag as written, e.g. `2.10.0` or `2.9.0-transformers5.9.0`. */
  readonly tagVersion: string;
  /** The newest tag base of the same shape the catalog lists for the repository, e.g. `2.8.0`. */
  readonly newestKnown: string;
}

const VERSION = /\d+(?:\.\d+)*/g;
const VERSION_SOURCE = '(\\d+(?:\\.\\d+)*)';

/** A tag base with every version replaced by `#`: `0.36.0-lmi27.0.0-cu130` → `#-lmi#-cu#`. */
function shapeOf(base: string): string {
  return base.replace(VERSION, '#');
}

/** Matches a tag that starts with the shape (then `-` or the end), capturing each version. */
function headPattern(shape: string): RegExp {
  const parts = shape.split('#').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join(VERSION_SOURCE)}(?=-|$)`);
}

function compareTuples(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareVersions(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

export interface UnlistedVersion extends NewerThanCatalog {
  /** True when the tag's versions are higher than every base of its form (newerThanCatalog). */
  readonly newer: boolean;
}

/**
 * When `tag` has the form of the repository's Deep Learning Container tags (the same words around
 * the versions as one of their tag bases) and its framework version (the first version in it) is
 * not one the catalog lists in that form, returns what was compared: `newer` when its versions
 * are higher than every such base — compared in order, numerically. Otherwise undefined (a listed
 * framework version with an unlisted rest, `2.8.0-gpu-py399`, is a typo more likely than news).
 * The most specific form wins: `2.9.0-transformers4.1-gpu` is read as `#-transformers#`, not `#`.
 * Repositories with any non-DLC image (built-in algorithms, first-party images) never qualify:
 * their tags are exact, and another version there is a mistake, not news. The Deep Learning
 * Containers publish versions the SDK never lists (patch releases: `pytorch-training:1.5.1`
 * beside the SDK's 1.5.0), so an older unlisted version may be real too.
 */
export function unlistedVersion(catalog: Catalog, repository: string, tag: string): UnlistedVersion | undefined {
  const images = catalog.imagesForRepository(repository);
  if (images.length === 0 || images.some((image) => image.kind !== 'deep-learning-container')) return undefined;
  const byShape = new Map<string, CatalogImage[]>();
  for (const image of images) {
    const base = tagBaseOf(image);
    if (!/\d/.test(base)) continue; // `latest`-like bases carry no version to compare
    const shape = shapeOf(base);
    byShape.set(shape, [...(byShape.get(shape) ?? []), image]);
  }
  let best: { shape: string; match: RegExpExecArray } | undefined;
  for (const shape of byShape.keys()) {
    const match = headPattern(shape).exec(tag);
    if (match && (!best || shape.length > best.shape.length)) best = { shape, match };
  }
  if (!best) return undefined;
  const typed = best.match.slice(1);
  let newest: string | undefined;
  let listed = false;
  for (const image of byShape.get(best.shape)!) {
    const base = tagBaseOf(image);
    const versions = base.match(VERSION) ?? [];
    if (compareVersions(versions[0] ?? '', typed[0]) === 0) listed = true;
    if (newest === undefined || compareTuples(versions, newest.match(VERSION) ?? []) > 0) newest = base;
  }
  if (newest === undefined) return undefined;
  const newer = compareTuples(typed, newest.match(VERSION) ?? []) > 0;
  if (listed && !newer) return undefined;
  // An older unlisted version is a patch release only when a listed one of its minor version was
  // built in the form the rest of the tag names (`1.5.1-cpu-py36-…` beside `1.5.0-cpu-py36`).
  if (!newer && !isPatchOfListedBuild(catalog, repository, best.shape, typed[0], tag.slice(best.match[0].length))) return undefined;
  return { tagVersion: best.match[0], newestKnown: newest, newer };
}

/**
 * True when `version` is written plainly (no leading zeros: `2.6.00` is a typo of 2.6.0) and a
 * listed tag of `repository` in `shape` has a version of the same major.minor and a build part
 * (after its version) that `rest` starts with, up to a `-` (`-cpu-py36` for `-cpu-py36-ubuntu16.04`).
 */
function isPatchOfListedBuild(catalog: Catalog, repository: string, shape: string, version: string, rest: string): boolean {
  const parts = version.split('.');
  if (parts.length < 3 || parts.some((part) => String(Number(part)) !== part)) return false;
  const minor = `${parts[0]}.${parts[1]}.`;
  const head = headPattern(shape);
  return catalog.tagsFor(repository).some(({ tag }) => {
    const match = head.exec(tag);
    if (!match || !match[1].startsWith(minor)) return false;
    const build = tag.slice(match[0].length);
    return build !== '' && rest.startsWith(build) && (rest.length === build.length || rest[build.length] === '-');
  });
}

/**
 * The unlisted version of a tag newer than every version of its form the catalog lists (see
 * unlistedVersion), or undefined.
 */
export function newerThanCatalog(catalog: Catalog, repository: string, tag: string): NewerThanCatalog | undefined {
  const unlisted = unlistedVersion(catalog, repository, tag);
  return unlisted?.newer ? { tagVersion: unlisted.tagVersion, newestKnown: unlisted.newestKnown } : undefined;
}
