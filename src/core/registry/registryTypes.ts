/**
 * Live registries: what the extension asks of a Docker Registry HTTP API V2 registry or of the
 * user's Amazon ECR, as plain types. Implementations live outside the core (src/node/registry/
 * for registries, src/aws/ for ECR); the core only merges their cached answers.
 */

export interface RemoteTag {
  tag: string;
  /** `sha256:…` when the registry reports it with the listing (ECR does; Docker V2 does not). */
  digest?: string;
  pushedAt?: Date;
  sizeBytes?: number;
}

/** One entry of `sagemakerSpec.registries`. */
export interface RegistryEntry {
  /** `registry.example.com` or `registry.example.com:5000`. */
  host: string;
  /** A PEM file with extra CAs to trust for this registry (corporate CAs). */
  caFile?: string;
  /** Plain HTTP, allowed only for localhost/127.0.0.1 hosts. */
  allowHttp?: boolean;
}

export interface RegistryCredentials {
  username: string;
  password: string;
}

/**
 * `too-large`: a listing passed its caps on total items or bytes (see LISTING_LIMITS); `timeout`
 * also covers a listing that passed its total time.
 */
export type RegistryErrorKind = 'unauthorized' | 'not-found' | 'server' | 'timeout' | 'malformed' | 'too-large' | 'network' | 'tls' | 'not-allowed' | 'cancelled';

/**
 * Caps on one listing (all pages of repositories or of a repository's tags), for Docker V2
 * registries and ECR alike. A listing that passes one fails as a whole with a RegistryError
 * (`too-large` or `timeout`) instead of returning what was read so far: a partial tag list would
 * make `tag-not-found` report tags that exist. Completion then offers the catalog alone.
 */
export interface ListingLimits {
  /** Most items (repository names or tags) in one listing. */
  maxItems: number;
  /** Most response bytes across all pages of one listing. */
  maxTotalBytes: number;
  /** Most milliseconds for all pages of one listing, from the first request to the last byte. */
  maxTotalMs: number;
}

export const LISTING_LIMITS: ListingLimits = { maxItems: 10_000, maxTotalBytes: 8 * 1024 * 1024, maxTotalMs: 15_000 };

/** A failure of a registry query, with a kind the UI can explain. Never carries credentials. */
export class RegistryError extends Error {
  constructor(readonly kind: RegistryErrorKind, message: string, readonly status?: number) {
    super(message);
    this.name = 'RegistryError';
  }
}

/** What a live source answers; every call honours its AbortSignal. */
export interface RegistryQuery {
  listRepositories(host: string, signal?: AbortSignal): Promise<string[]>;
  /** Newest first when the source knows push dates; otherwise in the registry's order. */
  listTags(host: string, repository: string, signal?: AbortSignal): Promise<RemoteTag[]>;
  /** The digest a tag points at (`sha256:…`), or undefined when the tag does not exist. */
  resolveDigest(host: string, repository: string, tag: string, signal?: AbortSignal): Promise<string | undefined>;
}
