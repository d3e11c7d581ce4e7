// Parses the `WWW-Authenticate` header of a registry's 401 answer (RFC 7235): the scheme and its
// parameters, e.g. `Bearer realm="https://auth.example.com/token",service="registry",scope="…"`
// or `Basic realm="Registry Realm"`. Only the first challenge is used; registries send one.

export type AuthChallenge =
  | { scheme: 'basic'; realm?: string }
  | { scheme: 'bearer'; realm: string; service?: string; scope?: string }
  | { scheme: 'other'; name: string };

const PARAM = /\s*([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]*))\s*,?/y;

/** The first challenge of the header, or undefined when there is none or it cannot be read. */
export function parseAuthChallenge(header: string | string[] | undefined): AuthChallenge | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return undefined;
  const schemeMatch = /^([A-Za-z0-9_-]+)(?:\s+|$)/.exec(value);
  if (!schemeMatch) return undefined;
  const params = new Map<string, string>();
  PARAM.lastIndex = schemeMatch[0].length;
  for (let match = PARAM.exec(value); match; match = PARAM.exec(value)) {
    const name = match[1].toLowerCase();
    // A second scheme name after the first challenge (`…, Basic realm=x`) ends the parameters.
    if (!params.has(name)) params.set(name, match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3]);
    if (PARAM.lastIndex >= value.length) break;
  }
  const scheme = schemeMatch[1].toLowerCase();
  if (scheme === 'basic') return { scheme: 'basic', realm: params.get('realm') };
  if (scheme === 'bearer') {
    const realm = params.get('realm');
    if (!realm) return undefined;
    return { scheme: 'bearer', realm, service: params.get('service'), scope: params.get('scope') };
  }
  return { scheme: 'other', name: schemeMatch[1] };
}
