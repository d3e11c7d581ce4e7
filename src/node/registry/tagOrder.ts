// The registry API V2 lists tags without push dates and in no useful order: show the
// newest-looking versions first (numeric-aware), plain words after them and `latest` last.

import { compareVersions } from '../../core/catalog/versions';

function looksLikeVersion(tag: string): boolean {
  return /^v?\d/.test(tag);
}

/** Sorted copy without duplicates: versions newest first, then other names A→Z, `latest` last. */
export function orderTags(tags: Iterable<string>): string[] {
  return [...new Set(tags)].sort((a, b) => {
    if (a === 'latest' || b === 'latest') return a === 'latest' ? 1 : -1;
    const av = looksLikeVersion(a);
    const bv = looksLikeVersion(b);
    if (av !== bv) return av ? -1 : 1;
    if (av) return compareVersions(b, a);
    return a < b ? -1 : a > b ? 1 : 0;
  });
}
