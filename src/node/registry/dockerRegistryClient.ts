// A Docker Registry HTTP API V2 client for the registries the user listed in
// `sagemakerSpec.registries`: repositories (`/v2/_catalog`), tags (`/v2/<name>/tags/list`), both
// paged through `Link` headers, and a tag's digest (`HEAD /v2/<name>/manifests/<tag>`).
// Auth: anonymous first, then whatever the 401's `WWW-Authenticate` asks for — Basic with the
// user's saved credentials, or a Bearer token from the named realm (cached per host and scope).

import { createHash } from 'node:crypto';
import {
  LISTING_LIMITS,
  RegistryError,
  type RegistryCredentials,
  type RegistryEntry,
  type RegistryQuery,
  type RemoteTag,
} from '../../core/registry/registryTypes';
import { parseAuthChallenge, type AuthChallenge } from './authChallenge';
import { resolveTarget, isLoopbackHost, normalizeHost, type RegistryTarget } from './hostPolicy';
import { httpRequest, readCaFile, type HttpResponse } from './httpRequest';
import { nextPageUrl } from './linkHeader';
import { statusError } from './responseErrors';
import { orderTags } from './tagOrder';
import { TokenCache, DEFAULT_TOKEN_LIFETIME_S } from './tokenCache';

export interface DockerRegistryClientOptions {
  /** The allowed registries (`sagemakerSpec.registries`); a function is read on every query. */
  entries: readonly RegistryEntry[] | (() => readonly RegistryEntry[]);
  /** The user's saved credentials for a host (SecretStorage); asked only when a registry wants them. */
  credentials: (host: string) => Promise<RegistryCredentials | undefined>;
  /** Time limit of each HTTP request, from connecting to the last byte (default 10 s). */
  timeoutMs?: number;
  /** A listing with more pages than this fails as `too-large` (default 200). */
  maxPages?: number;
  /** A listing with more items than this fails as `too-large` (default LISTING_LIMITS.maxItems, 10,000). */
  maxItems?: number;
  /** A listing whose pages hold more bytes in total fails as `too-large` (default LISTING_LIMITS.maxTotalBytes, 8 MiB). */
  maxTotalBytes?: number;
  /** A listing that takes longer in total fails as `timeout` (default LISTING_LIMITS.maxTotalMs, 15 s). */
  maxTotalMs?: number;
  /** Items asked for per page with `?n=` (default 100). */
  pageSize?: number;
}

export interface DockerRegistryClient extends RegistryQuery {
  /** Forgets tokens and the auth scheme learnt for `host` (after the user signs in or out). */
  forgetAuth(host: string): void;
}

/** Every manifest kind a tag can point at, so the digest is the one `docker pull` would use. */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_PAGES = 200;
const DEFAULT_PAGE_SIZE = 100;
const CATALOG_SCOPE = 'registry:catalog:*';

/** The distribution reference grammar for repository names (path components). */
const REPOSITORY = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;

type HostAuth = { scheme: 'basic' } | { scheme: 'bearer'; realm: string; service?: string };

/** What was sent, so a second 401 can be explained. */
type SentAuth = { kind: 'none' } | { kind: 'basic' } | { kind: 'bearer'; withCredentials: boolean };

interface Call {
  target: RegistryTarget;
  extraCa?: string;
  signal?: AbortSignal;
  /** For a listing: when (Date.now()) every request of it must have ended. */
  deadline?: number;
  /** For a listing: the most bytes the next response may have. */
  maxBodyBytes?: number;
}

export function createDockerRegistryClient(options: DockerRegistryClientOptions): DockerRegistryClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxPages = Math.max(1, options.maxPages ?? DEFAULT_MAX_PAGES);
  const pageSize = Math.max(1, options.pageSize ?? DEFAULT_PAGE_SIZE);
  const maxItems = options.maxItems ?? LISTING_LIMITS.maxItems;
  const maxTotalBytes = options.maxTotalBytes ?? LISTING_LIMITS.maxTotalBytes;
  const maxTotalMs = options.maxTotalMs ?? LISTING_LIMITS.maxTotalMs;
  const tokens = new TokenCache();
  const hostAuth = new Map<string, HostAuth>();

  /** The saved credentials; a failing store counts as none being saved, without its error text. */
  async function credentialsFor(host: string): Promise<RegistryCredentials | undefined> {
    try {
      return await options.credentials(host);
    } catch {
      return undefined;
    }
  }

  const entries = (): readonly RegistryEntry[] => (typeof options.entries === 'function' ? options.entries() : options.entries);

  async function begin(host: string, signal: AbortSignal | undefined): Promise<Call> {
    const target = resolveTarget(entries(), host);
    if (signal?.aborted) throw new RegistryError('cancelled', `Query of ${target.host} was cancelled.`);
    const caFile = target.entry.caFile;
    const extraCa = caFile && target.origin.startsWith('https:') ? await readCaFile(caFile) : undefined;
    return { target, extraCa, signal };
  }

  function request(call: Call, url: URL, method: 'GET' | 'HEAD', headers: Record<string, string>): Promise<HttpResponse> {
    const timeLeft = call.deadline === undefined ? timeoutMs : Math.max(1, Math.min(timeoutMs, call.deadline - Date.now()));
    return httpRequest({ url, method, headers, extraCa: call.extraCa, signal: call.signal, timeoutMs: timeLeft, maxBodyBytes: call.maxBodyBytes });
  }

  function signInError(host: string, what: string): RegistryError {
    return new RegistryError('unauthorized', `Sign in to ${host} (SageMaker: Sign in to Registry…) to read the ${what}.`, 401);
  }

  function rejectedError(host: string, what: string): RegistryError {
    return new RegistryError('unauthorized', `${host} rejected the saved user name or password for the ${what}: sign in again (SageMaker: Sign in to Registry…).`, 401);
  }

  /** Asks the realm a 401 named for a token for `scope`, with the user's credentials when saved. */
  async function fetchToken(call: Call, realm: string, service: string | undefined, scope: string, what: string) {
    const { host, entry } = call.target;
    let url: URL;
    try {
      url = new URL(realm);
    } catch {
      throw new RegistryError('malformed', `${host} named a token service that is not a URL.`);
    }
    const plainAllowed = url.protocol === 'http:' && entry.allowHttp === true && isLoopbackHost(url.host);
    if (url.protocol !== 'https:' && !plainAllowed) {
      throw new RegistryError('not-allowed', `${host} named a token service over ${url.protocol.replace(':', '')}; only HTTPS (or plain HTTP on localhost with allowHttp) is used for tokens.`);
    }
    if (service) url.searchParams.set('service', service);
    url.searchParams.set('scope', scope);
    const credentials = await credentialsFor(host);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (credentials) headers.Authorization = basicAuthorization(credentials);
    const response = await request(call, url, 'GET', headers);
    if (response.status === 401 || response.status === 403) throw credentials ? rejectedError(host, what) : signInError(host, what);
    if (response.status !== 200) throw statusError(response, `token for the ${what}`);
    const body = parseJson(response, `token for the ${what}`) as { token?: unknown; access_token?: unknown; expires_in?: unknown };
    const token = typeof body.token === 'string' && body.token ? body.token : body.access_token;
    if (typeof token !== 'string' || token === '') throw new RegistryError('malformed', `The token service of ${host} answered without a token.`);
    const expiresIn = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : DEFAULT_TOKEN_LIFETIME_S;
    return { token: { token, expiresInSeconds: expiresIn }, withCredentials: credentials !== undefined };
  }

  /** The Authorization header to send first: what the host asked for last time, if known. */
  async function knownAuthorization(call: Call, scope: string, what: string): Promise<{ header?: string; sent: SentAuth }> {
    const { host } = call.target;
    const known = hostAuth.get(host);
    if (known?.scheme === 'basic') {
      const credentials = await credentialsFor(host);
      if (credentials) return { header: basicAuthorization(credentials), sent: { kind: 'basic' } };
    } else if (known?.scheme === 'bearer') {
      let withCredentials = true;
      const token = await tokens.getOrFetch(host, scope, async () => {
        const fetched = await fetchToken(call, known.realm, known.service, scope, what);
        withCredentials = fetched.withCredentials;
        return fetched.token;
      });
      return { header: `Bearer ${token}`, sent: { kind: 'bearer', withCredentials } };
    }
    return { sent: { kind: 'none' } };
  }

  /** The Authorization header that answers `challenge`, or the reason there is none. */
  async function answerChallenge(call: Call, challenge: AuthChallenge | undefined, scope: string, sent: SentAuth, what: string) {
    const { host } = call.target;
    if (!challenge) throw new RegistryError('unauthorized', `${host} refused the request for the ${what} (HTTP 401) without saying how to sign in.`, 401);
    if (challenge.scheme === 'other') {
      throw new RegistryError('unauthorized', `${host} asks for ${challenge.name} authentication, which is not supported (Basic and Bearer tokens are).`, 401);
    }
    if (challenge.scheme === 'basic') {
      hostAuth.set(host, { scheme: 'basic' });
      const credentials = await credentialsFor(host);
      if (!credentials) throw signInError(host, what);
      if (sent.kind === 'basic') throw rejectedError(host, what);
      return { header: basicAuthorization(credentials), sent: { kind: 'basic' } as SentAuth };
    }
    hostAuth.set(host, { scheme: 'bearer', realm: challenge.realm, service: challenge.service });
    tokens.delete(host, scope);
    let withCredentials = true;
    const token = await tokens.getOrFetch(host, scope, async () => {
      const fetched = await fetchToken(call, challenge.realm, challenge.service, scope, what);
      withCredentials = fetched.withCredentials;
      return fetched.token;
    });
    return { header: `Bearer ${token}`, sent: { kind: 'bearer', withCredentials } as SentAuth };
  }

  /** One registry request with auth: the known scheme first, then at most one challenge answered. */
  async function send(call: Call, url: URL, method: 'GET' | 'HEAD', scope: string, what: string, accept = 'application/json') {
    const { host } = call.target;
    const first = await knownAuthorization(call, scope, what);
    const headers: Record<string, string> = { Accept: accept };
    if (first.header) headers.Authorization = first.header;
    const response = await request(call, url, method, headers);
    if (response.status !== 401) return response;

    const challenge = parseAuthChallenge(response.headers['www-authenticate']);
    const second = await answerChallenge(call, challenge, scope, first.sent, what);
    const retried = await request(call, url, method, { Accept: accept, Authorization: second.header });
    if (retried.status !== 401) return retried;
    if (second.sent.kind === 'bearer') {
      tokens.delete(host, scope);
      if (!second.sent.withCredentials) throw signInError(host, what);
      throw new RegistryError('unauthorized', `The saved credentials for ${host} do not grant access to the ${what}.`, 401);
    }
    throw rejectedError(host, what);
  }

  /**
   * Follows `Link: <…>; rel="next"` from `first`, merging the items of each page. The whole
   * listing is capped (pages, items, bytes, time): past a cap it fails rather than return part.
   */
  async function listPages(call: Call, first: URL, scope: string, what: string, read: (body: unknown) => string[]): Promise<string[]> {
    const items: string[] = [];
    const seen = new Set<string>();
    const deadline = Date.now() + maxTotalMs;
    let bytes = 0;
    let url: URL | undefined = first;
    for (let page = 0; url; page++) {
      if (page >= maxPages) throw tooLarge(what, `more than ${maxPages} pages`);
      // One byte over the budget is enough to know the cap was passed.
      const listing: Call = { ...call, deadline, maxBodyBytes: maxTotalBytes - bytes + 1 };
      // A page whose time is cut short by the listing's deadline times out because of it (told
      // before the call, not from the clock after: the timer may fire a millisecond early).
      const cutByDeadline = deadline - Date.now() < timeoutMs;
      let response: HttpResponse;
      try {
        response = await send(listing, url, 'GET', scope, what);
      } catch (error) {
        if (error instanceof RegistryError && error.kind === 'timeout' && (cutByDeadline || Date.now() >= deadline)) {
          throw new RegistryError('timeout', `Listing the ${what} took longer than ${maxTotalMs} ms in total, so it was stopped.`);
        }
        if (error instanceof RegistryError && error.kind === 'too-large') throw tooLarge(what, `more than ${maxTotalBytes} bytes`);
        throw error;
      }
      if (response.status !== 200) throw statusError(response, what);
      bytes += response.body.length;
      if (bytes > maxTotalBytes) throw tooLarge(what, `more than ${maxTotalBytes} bytes`);
      // A loop, not push(...page): spreading a huge page into arguments overflows the stack.
      for (const item of read(parseJson(response, what))) items.push(item);
      if (items.length > maxItems) throw tooLarge(what, `more than ${maxItems} items`);
      seen.add(url.href);
      const next = nextPageUrl(response.headers.link, url);
      if (next && next.origin !== first.origin) {
        throw new RegistryError('malformed', `${call.target.host} pointed the next page of the ${what} at another server.`);
      }
      url = next && !seen.has(next.href) ? next : undefined;
    }
    return items;
  }

  function firstPage(call: Call, path: string): URL {
    const url = new URL(path, call.target.origin);
    url.searchParams.set('n', String(pageSize));
    return url;
  }

  return {
    async listRepositories(host, signal) {
      const call = await begin(host, signal);
      const what = `repositories of ${call.target.host}`;
      const names = await listPages(call, firstPage(call, '/v2/_catalog'), CATALOG_SCOPE, what, (body) => {
        const repositories = (body as { repositories?: unknown }).repositories;
        if (repositories === null || repositories === undefined) return [];
        if (!isStringArray(repositories)) throw malformed(call, what);
        return repositories;
      });
      return [...new Set(names)].sort();
    },

    async listTags(host, repository, signal): Promise<RemoteTag[]> {
      const call = await begin(host, signal);
      const what = `tags of ${repository} on ${call.target.host}`;
      checkRepository(repository, call);
      const tags = await listPages(call, firstPage(call, `/v2/${repository}/tags/list`), pullScope(repository), what, (body) => {
        const list = (body as { tags?: unknown }).tags;
        if (list === null || list === undefined) return [];
        if (!isStringArray(list)) throw malformed(call, what);
        return list;
      });
      return orderTags(tags).map((tag) => ({ tag }));
    },

    async resolveDigest(host, repository, tag, signal) {
      const call = await begin(host, signal);
      checkRepository(repository, call);
      if (!TAG.test(tag)) return undefined;
      const what = `manifest of ${repository}:${tag} on ${call.target.host}`;
      const url = new URL(`/v2/${repository}/manifests/${tag}`, call.target.origin);
      const head = await send(call, url, 'HEAD', pullScope(repository), what, MANIFEST_ACCEPT);
      if (head.status === 404) return undefined;
      if (head.status !== 200) throw statusError(head, what);
      const reported = headerValue(head.headers['docker-content-digest']);
      if (reported && DIGEST.test(reported)) return reported;

      // Some registries omit the header on HEAD: the digest is the sha256 of the manifest's bytes.
      const get = await send(call, url, 'GET', pullScope(repository), what, MANIFEST_ACCEPT);
      if (get.status === 404) return undefined;
      if (get.status !== 200) throw statusError(get, what);
      const fromGet = headerValue(get.headers['docker-content-digest']);
      if (fromGet && DIGEST.test(fromGet)) return fromGet;
      if (get.body.length === 0) throw new RegistryError('malformed', `${call.target.host} sent an empty manifest for ${repository}:${tag}.`);
      return `sha256:${createHash('sha256').update(get.body).digest('hex')}`;
    },

    forgetAuth(host) {
      const key = normalizeHost(host);
      hostAuth.delete(key);
      tokens.deleteHost(key);
    },
  };
}

function basicAuthorization({ username, password }: RegistryCredentials): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

function pullScope(repository: string): string {
  return `repository:${repository}:pull`;
}

function checkRepository(repository: string, call: Call): void {
  if (!REPOSITORY.test(repository)) {
    throw new RegistryError('not-found', `"${repository}" is not a valid repository name, so ${call.target.host} was not asked.`);
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value)?.trim();
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** A listing past one of its caps; `limit` says which (`more than 10000 items`). */
function tooLarge(what: string, limit: string): RegistryError {
  return new RegistryError('too-large', `The ${what} span ${limit}, past the cap of one listing, so none of it is used (completion falls back to the catalog).`);
}

function malformed(call: Call, what: string): RegistryError {
  return new RegistryError('malformed', `${call.target.host} answered with an unexpected shape for the ${what}.`);
}

function parseJson(response: HttpResponse, what: string): unknown {
  try {
    const value: unknown = JSON.parse(response.body.toString('utf8'));
    if (value === null || typeof value !== 'object') throw new Error('not an object');
    return value;
  } catch {
    throw new RegistryError('malformed', `The answer for the ${what} is not a JSON object.`, response.status);
  }
}
