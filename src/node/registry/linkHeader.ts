// Reads the `rel="next"` target of an RFC 5988 `Link` header, the way the registry API V2 pages
// `/v2/_catalog` and `/v2/<name>/tags/list`: `</v2/_catalog?last=x&n=100>; rel="next"`.

const LINK = /<([^>]*)>\s*((?:;\s*[^;,]+)*)/g;

/** The next page's URL resolved against `base`, or undefined on the last page. */
export function nextPageUrl(header: string | string[] | undefined, base: URL): URL | undefined {
  const values = Array.isArray(header) ? header : header ? [header] : [];
  for (const value of values) {
    for (const match of value.matchAll(LINK)) {
      const rels = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(match[2]);
      const rel = rels?.[1] ?? rels?.[2];
      if (rel && rel.toLowerCase().split(/\s+/).includes('next')) {
        try {
          return new URL(match[1], base);
        } catch {
          return undefined;
        }
      }
    }
  }
  return undefined;
}
