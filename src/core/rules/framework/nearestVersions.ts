/**
 * Which catalog versions to offer for a version the framework does not have: the ones that share
 * the longest leading run of numbers with it (`2.8.5` → `2.8.0` before `2.9.0`), then the closest
 * next number, then the newer one.
 */
import { compareVersions } from '../../catalog/versions';

function numbers(version: string): number[] {
  return (version.match(/\d+/g) ?? []).map(Number);
}

/**
 * Up to `count` of `candidates` nearest to `typed`, nearest first. Candidates are version keys as
 * in the catalog (`2.8.0`, `1.7-1`, `1.4-2-py312`); duplicates are dropped.
 */
export function nearestVersions(typed: string, candidates: readonly string[], count = 3): string[] {
  const wanted = numbers(typed);
  const scored = [...new Set(candidates)].map((version) => {
    const have = numbers(version);
    let shared = 0;
    while (shared < wanted.length && shared < have.length && wanted[shared] === have[shared]) shared++;
    const distance = shared < wanted.length && shared < have.length ? Math.abs(wanted[shared] - have[shared]) : Number.POSITIVE_INFINITY;
    return { version, shared, distance };
  });
  scored.sort((a, b) => b.shared - a.shared || a.distance - b.distance || compareVersions(b.version, a.version));
  return scored.slice(0, count).map((entry) => entry.version);
}
