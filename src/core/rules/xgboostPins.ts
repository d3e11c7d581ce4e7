/**
 * What `xgboost-unpinned` suggests, one rule for literal and template images alike: the newest
 * XGBoost version the catalog serves for the job's scope (training or inference) in its region,
 * or in any region when that is not known; for a job that reads Pipe input, the newest that
 * still reads it (3.2-0 does not), saying why.
 */
import type { AlgorithmTable } from '../algorithms/algorithmTable';
import type { Catalog, PinnedVersion } from '../catalog/catalog';
import type { ImageField } from '../specDocument';
import { listText } from './algorithm/algorithmSeverity';
import { readsPipeInput, versionReadsPipe } from './pipeInput';
import { servedInEveryRegion } from './servedInEveryRegion';
import type { RuleContext } from './ruleContext';
import { isFloatingTag, XGBOOST_FRAMEWORK } from './xgboost';

export interface XgboostPins {
  /** The catalog's pinned images in the region, newest first, those the job can run (the fixes); none when the region is not known. */
  pinned: PinnedVersion[];
  /** The version the message suggests (`3.2-0`). */
  example: string;
  /** Why the example is not the newest (` (the job reads Pipe input, which 3.2-0 no longer reads)`), else empty. */
  why: string;
  /** Added to the first fix's title when `why` is not empty (`, the newest that reads Pipe input`). */
  forPipe: string;
}

/**
 * The versions to suggest for `field`'s unpinned XGBoost image in `region` (undefined: not known,
 * or not in the catalog). `algorithms`, when loaded, keeps them to versions that read the job's
 * input mode. `acrossRegions`, for an image whose region is the stack's (a template deployed to
 * many): without a region, the versions whose tag every deployed region serves (pinnedInEvery).
 */
export function xgboostPins(context: RuleContext, field: ImageField, algorithms: AlgorithmTable | undefined, region: string | undefined, acrossRegions = false): XgboostPins {
  const scope = scopeOf(field);
  const known = region !== undefined && context.catalog.region(region) !== undefined;
  let pinned = known ? context.catalog.pinnedVersions(XGBOOST_FRAMEWORK, region, scope) : acrossRegions ? pinnedInEvery(context, scope) : [];
  let candidates: readonly { repository: string; version: string }[] = pinned.length > 0 ? pinned : pinnedImages(context.catalog, scope);
  // A job that reads Pipe input gets the versions that still read it.
  const pipe = algorithms !== undefined && readsPipeInput(context.spec, field);
  const withoutPipe = pipe ? [...new Set(candidates.filter((entry) => !versionReadsPipe(algorithms, entry.repository, entry.version)).map((entry) => entry.version))] : [];
  if (withoutPipe.length > 0) {
    pinned = pinned.filter((entry) => versionReadsPipe(algorithms!, entry.repository, entry.version));
    candidates = candidates.filter((entry) => versionReadsPipe(algorithms!, entry.repository, entry.version));
  }
  return {
    pinned,
    // No catalog entry at all would be a broken catalog: the last version known to read every input mode.
    example: candidates[0]?.version ?? '1.7-1',
    why: withoutPipe.length > 0 ? ` (the job reads Pipe input, which ${listText(withoutPipe)} no longer ${withoutPipe.length === 1 ? 'reads' : 'read'})` : '',
    forPipe: withoutPipe.length > 0 ? ', the newest that reads Pipe input' : '',
  };
}

/**
 * The title of the fix pinning `entry` (`Pin XGBoost 1.7-1`), naming its tag where that is more
 * than the version (`Pin XGBoost 1.0-1 (tag 1.0-1-cpu-py3)`: the edit writes the tag). `forPipe`
 * for the first fix (see XgboostPins).
 */
export function pinTitle(entry: PinnedVersion, forPipe = ''): string {
  return `Pin XGBoost ${entry.version}${entry.tag !== entry.version ? ` (tag ${entry.tag})` : ''}${forPipe}`;
}

/**
 * The newest XGBoost version with a pinned tag that the catalog serves for `scope` in any region:
 * the suggestion where the region is not known (an SDK `image_uris.retrieve` with a region the
 * catalog lacks).
 */
export function newestXgboostVersion(catalog: Catalog, scope: string): string {
  return pinnedImages(catalog, scope)[0]?.version ?? '1.7-1';
}

/**
 * The pinned versions whose repository and tag every region a template is deployed to serves:
 * the regions the user listed (templateRegions), else every catalog region that serves XGBoost
 * for `scope`. In the first such region's order (newest first), with its account and URI (a tag
 * is what a fix may write; the account is each region's).
 */
function pinnedInEvery(context: RuleContext, scope: string): PinnedVersion[] {
  const { catalog } = context;
  return servedInEveryRegion(context, (region) => (catalog.region(region) ? catalog.pinnedVersions(XGBOOST_FRAMEWORK, region, scope) : []), (entry) => `${entry.repository}:${entry.tag}`);
}

function scopeOf(field: ImageField): string {
  return field.usage === 'inference' ? 'inference' : 'training';
}

/** The catalog's XGBoost images with a pinned tag for `scope`, newest first (the catalog keeps them so). */
function pinnedImages(catalog: Catalog, scope: string): readonly { repository: string; version: string }[] {
  return catalog.imagesForFramework(XGBOOST_FRAMEWORK).filter((image) => image.scopes.includes(scope) && image.tags.some((tag) => !isFloatingTag(tag)));
}
