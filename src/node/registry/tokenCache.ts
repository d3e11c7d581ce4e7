// Bearer tokens per registry host and scope, kept until shortly before they expire. Concurrent
// requests for the same key share one token request.

/** Tokens are dropped this long before the registry would stop accepting them. */
const EXPIRY_MARGIN_MS = 5_000;
/** The Docker token spec's default lifetime when a token server omits `expires_in`. */
export const DEFAULT_TOKEN_LIFETIME_S = 60;

export interface IssuedToken {
  token: string;
  /** Seconds the token is valid for, counted from when it was requested. */
  expiresInSeconds: number;
}

interface Entry {
  token: string;
  expiresAt: number;
}

export class TokenCache {
  private readonly tokens = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<string>>();

  constructor(private readonly now: () => number = Date.now) {}

  private static key(host: string, scope: string): string {
    return `${host}\n${scope}`;
  }

  get(host: string, scope: string): string | undefined {
    const key = TokenCache.key(host, scope);
    const entry = this.tokens.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.tokens.delete(key);
      return undefined;
    }
    return entry.token;
  }

  /** The cached token, or the one `fetch` issues (shared with concurrent callers). */
  getOrFetch(host: string, scope: string, fetch: () => Promise<IssuedToken>): Promise<string> {
    const cached = this.get(host, scope);
    if (cached !== undefined) return Promise.resolve(cached);
    const key = TokenCache.key(host, scope);
    let request = this.pending.get(key);
    if (!request) {
      const requestedAt = this.now();
      request = fetch()
        .then((issued) => {
          const lifetimeMs = Math.max(0, issued.expiresInSeconds * 1000 - EXPIRY_MARGIN_MS);
          if (lifetimeMs > 0) this.tokens.set(key, { token: issued.token, expiresAt: requestedAt + lifetimeMs });
          return issued.token;
        })
        .finally(() => this.pending.delete(key));
      this.pending.set(key, request);
    }
    return request;
  }

  /** Forgets a token the registry refused. */
  delete(host: string, scope: string): void {
    this.tokens.delete(TokenCache.key(host, scope));
  }

  /** Forgets every token of a host (after the user signs in again or out). */
  deleteHost(host: string): void {
    for (const key of [...this.tokens.keys()]) if (key.startsWith(`${host}\n`)) this.tokens.delete(key);
  }
}
