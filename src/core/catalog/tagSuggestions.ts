// Ranking of replacement tags for `unknown-image-tag`: by meaning, not by edit distance alone, so a
// suggestion keeps the version the user typed whenever the catalog has it.

import { editDistance, MAX_SUGGESTION_INPUT } from '../closestMatches';
import type { TagEntry } from './catalog';
import { compareVersions } from './versions';

const VERSION_TOKEN = /\d+|[A-Za-z]+/g;

/**
 * The version part of a tag: the longest known version (image version or alias) that
 * the tag equals or continues with `-`; else the text before the first `-`, with a trailing build
 * number kept (`1.7-2` of XGBoost, `0.90-1`).
 */
function versionPart(tag: string, known: readonly string[]): string {
  let best = '';
  for (const version of known) {
    if (version.length > best.length && (tag === version || tag.startsWith(`${version}-`))) best = version;
  }
  if (best) return best;
  return /^[^-]*(?:-\d+(?=-|$))?/.exec(tag)?.[0] ?? tag;
}

/** How far apart two versions are: the shared leading tokens (more is nearer), then the gap at the first difference. */
function versionDistance(a: string, b: string): [number, number] {
  const ta = a.replace(/^v(?=\d)/, '').match(VERSION_TOKEN) ?? [];
  const tb = b.replace(/^v(?=\d)/, '').match(VERSION_TOKEN) ?? [];
  let shared = 0;
  while (shared < ta.length && shared < tb.length && ta[shared] === tb[shared]) shared++;
  const x = ta[shared];
  const y = tb[shared];
  const gap = x !== undefined && y !== undefined && /^\d+$/.test(x) && /^\d+$/.test(y) ? Math.abs(Number(x) - Number(y)) : Number.MAX_SAFE_INTEGER;
  return [-shared, gap];
}

/**
 * Up to `count` known tags to offer for `typed`, best first:
 * 1. tags that extend what was typed (`0.90-1` → `0.90-1-cpu-py3`), in catalog order (newest first);
 * 2. tags of the same version with another suffix (`1.7-1-gpu` → `1.7-1`), nearest suffix first;
 * 3. tags of the nearest versions (`1.7-2` → `1.7-1`): most shared leading version numbers, then
 *    the smallest gap at the first difference, then the newer version; nearest suffix within one.
 * `entries` are one repository's tags, newest first (Catalog.tagsFor). An input longer than
 * MAX_SUGGESTION_INPUT gets no suggestion.
 */
export function suggestTags(typed: string, entries: readonly TagEntry[], count = 3): string[] {
  if (typed.length > MAX_SUGGESTION_INPUT || count <= 0) return [];
  // Versions and aliases only: a tag prefix (`25.09-py3`) would hide the suffix being compared.
  const known = [...new Set(entries.flatMap(({ image }) => [image.version, ...(image.aliases ?? [])]))].filter((v) => v !== '');
  const typedVersion = versionPart(typed, known);
  const typedSuffix = typed.slice(typedVersion.length);

  const ranked = entries
    .filter(({ tag }) => tag !== typed && tag.length <= MAX_SUGGESTION_INPUT)
    .map(({ tag }, order) => {
      const version = versionPart(tag, known);
      const extendsTyped = typed !== '' && tag.startsWith(typed);
      const sameVersion = version === typedVersion;
      const [shared, gap] = versionDistance(typedVersion, version);
      return {
        tag,
        order,
        version,
        group: extendsTyped ? 0 : sameVersion ? 1 : 2,
        shared,
        gap,
        suffixDistance: editDistance(typedSuffix, tag.slice(version.length)),
      };
    });
  ranked.sort(
    (a, b) =>
      a.group - b.group ||
      (a.group === 0 ? a.order - b.order : 0) ||
      a.shared - b.shared ||
      a.gap - b.gap ||
      compareVersions(b.version, a.version) ||
      a.suffixDistance - b.suffixDistance ||
      a.order - b.order,
  );
  return ranked.slice(0, count).map((entry) => entry.tag);
}
