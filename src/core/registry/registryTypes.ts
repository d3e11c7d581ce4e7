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

export type RegistryErrorKind = 'unauthorized' | 'not-found' | 'server' | 'timeout' | 'malformed' | 'network' | 'tls' | 'not-allowed' | 'cancelled';

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
