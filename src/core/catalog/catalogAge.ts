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

/**
 * When `tag` has the form of the repository's Deep Learning Container tags (the same words around
 * the versions as one of their tag bases) and its versions are higher than every such base the
 * catalog lists — compared in order, numerically — returns what was compared; otherwise undefined.
 * The most specific form wins: `2.9.0-transformers4.1-gpu` is read as `#-transformers#`, not `#`.
 * Repositories with any non-DLC image (built-in algorithms, first-party images) never qualify:
 * their tags are exact, and a higher version there is a mistake, not news.
 */
export function newerThanCatalog(catalog: Catalog, repository: string, tag: string): NewerThanCatalog | undefined {
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
  for (const image of byShape.get(best.shape)!) {
    const base = tagBaseOf(image);
    if (newest === undefined || compareTuples(base.match(VERSION) ?? [], newest.match(VERSION) ?? []) > 0) newest = base;
  }
  if (newest === undefined || compareTuples(typed, newest.match(VERSION) ?? []) <= 0) return undefined;
  return { tagVersion: best.match[0], newestKnown: newest };
}
