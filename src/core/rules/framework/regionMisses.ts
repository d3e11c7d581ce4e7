/**
 * `framework-not-in-region` on an image with no copy in the region, said once per token however
 * many scopes judge it (a deployed estimator: training and each deploy's inference; see
 * scopedMisses.ts): `PyTorch 0.4.0 has no image in the target region il-central-1 for training,
 * nor for inference on local. Regions that have both include …`.
 */
import { closestMatches } from '../../closestMatches';
import type { FrameworkArgument } from '../../frameworkRequest';
import type { OffsetRange } from '../../jsonTree';
import type { BufferedFinding } from './bufferedContext';
import { nearestVersions } from './nearestVersions';
import { allOf, scopedFixes, scopesPhrase, type ScopedFinding, type ScopedMiss, type ScopePass } from './scopedMisses';
import { versionFixes } from './unknownVersions';

/** One judgement's miss: `candidates` are the pinned versions of its scope the region does have. */
export interface RegionMiss extends ScopedMiss {
  /** The region judged. */
  region: string;
  /** ` in eu-west-1` (the call's region argument) or ` in the target region eu-west-1`. */
  place: string;
  /** The regions that have the image, those of the region's partition only when there are any. */
  elsewhere: readonly string[];
  /** The version argument, when literal: the fixes replace it. */
  version?: FrameworkArgument & { value: string };
  /** Where the finding goes: the region argument, else the version, else the callee. */
  range: OffsetRange;
}

/** The finding of one miss: `PyTorch 0.4.0 (training) has no image in il-central-1. Regions that have it include …` with the region's nearest versions as fixes. */
export function regionMissFinding(miss: RegionMiss): ScopedFinding<RegionMiss> {
  const near = closestMatches(miss.region, miss.elsewhere, 3);
  const also = near.length > 0 ? ` Regions that have it include ${near.join(', ')}.` : '';
  return {
    code: 'framework-not-in-region',
    message: `${miss.title} (${miss.where}) has no image${miss.place}.${also}`,
    range: miss.range,
    fixes: miss.version ? versionFixes(miss.version, nearestVersions(miss.version.value, miss.candidates)) : [],
    miss,
    sayTogether: mergedFinding,
  };
}

/**
 * The misses of every scope as one finding (one miss keeps its words): the regions that have
 * every scope's image, and as fixes the versions the region has for every scope, the scopes that
 * have an image there too (nearest first, the first preferred); when none, each scope's own,
 * labelled with the scopes they suit, none preferred.
 */
function mergedFinding(misses: readonly RegionMiss[], passes: readonly ScopePass[]): BufferedFinding {
  const [first] = misses;
  const version = first.version;
  const fixes = version ? scopedFixes(misses, passes, (candidates) => nearestVersions(version.value, candidates), (value) => versionFixes(version, [value])[0]) : [];
  if (misses.length === 1) return { code: 'framework-not-in-region', message: regionMissFinding(first).message, range: first.range, fixes };
  const regions = first.elsewhere.filter((region) => misses.every((miss) => miss.elsewhere.includes(region)));
  const near = closestMatches(first.region, regions, 3);
  const also = near.length > 0 ? ` Regions that have ${allOf(misses)} include ${near.join(', ')}.` : ' No region has them all.';
  const message = `${first.title} has no image${first.place} ${scopesPhrase(misses)}.${also}`;
  return { code: 'framework-not-in-region', message, range: first.range, fixes };
}
