// Version ordering for SageMaker image versions and tags. scripts/generate-catalog.mjs has a copy
// (it runs without a build step); test/unit/catalog-generated.test.ts checks that both agree.

const VERSION_TOKEN = /\d+|[A-Za-z]+/g;

function compareNumeric(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Numeric-aware ascending order for version keys such as `0.90-1`, `1.7-1`, `3.2-0`, `2.8.0`, `1`,
 * `v1.0`, `1.x`, `25.09`, `b9522`:
 * - digit runs compare as numbers (`0.10` > `0.9`), letter runs as strings; `.`, `-`, `_` only separate;
 * - a number sorts above a word in the same position (`1.0` > `1.x`);
 * - when one token list is a prefix of the other, the longer one is newer (`1.4-2-py312` > `1.4-2`);
 * - `latest` is above everything, the empty version below everything;
 * - equal token lists fall back to plain string order, so the order is total.
 * Sort newest first with `versions.sort((a, b) => compareVersions(b, a))`.
 */
export function compareVersions(a: string, b: string): number {
  if (a === b) return 0;
  if (a === 'latest') return 1;
  if (b === 'latest') return -1;
  const ta = a.replace(/^v(?=\d)/, '').match(VERSION_TOKEN) ?? [];
  const tb = b.replace(/^v(?=\d)/, '').match(VERSION_TOKEN) ?? [];
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const x = ta[i];
    const y = tb[i];
    const xn = /^\d/.test(x);
    const yn = /^\d/.test(y);
    let c: number;
    if (xn && yn) c = compareNumeric(x, y);
    else if (xn !== yn) c = xn ? 1 : -1;
    else c = x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return c;
  }
  if (ta.length !== tb.length) return ta.length - tb.length;
  return a < b ? -1 : 1;
}

/** Newest first. */
export function compareVersionsDescending(a: string, b: string): number {
  return compareVersions(b, a);
}

/**
 * Tags that move to a new build without changing their name: `latest`, a bare major (`1`, the
 * xgboost/built-in algorithm tag) or `N.x` (data-wrangler). Empty (no tag) counts as floating too,
 * since ECR then resolves `latest`.
 */
export function isFloatingTag(tag: string): boolean {
  return tag === '' || tag === 'latest' || /^\d+(\.x)?$/.test(tag);
}
