/**
 * The user's own Amazon ECR registries: repositories, tags (newest pushed first) and the digest a
 * tag points at, as the shared registry types. Failures become `RegistryError`s whose messages
 * name only the operation, registry and repository (never credentials, ARNs or request ids).
 */
import {
  BatchGetImageCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  type ECRClient,
  type ImageDetail,
} from '@aws-sdk/client-ecr';
import { LISTING_LIMITS, RegistryError, type ListingLimits, type RegistryErrorKind, type RemoteTag } from '../core/registry/registryTypes';

/** The manifest types a tag may point at: OCI index and manifest, Docker manifest list and v2. */
export const ECR_ACCEPTED_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

/** The largest page both DescribeRepositories and DescribeImages allow. */
const PAGE_SIZE = 1000;

/**
 * Repository names of a registry (all pages), sorted. A listing past `limits` fails as a whole
 * (`too-large`, or `timeout` past its total time); bytes are counted as the text kept.
 */
export async function listEcrRepositories(client: ECRClient, registryId: string, signal?: AbortSignal, limits: ListingLimits = LISTING_LIMITS): Promise<string[]> {
  const names: string[] = [];
  await eachPage(`DescribeRepositories ${registryId}`, signal, limits, async (nextToken, pageSignal, kept) => {
    const answer = await client.send(new DescribeRepositoriesCommand({ registryId, nextToken, maxResults: PAGE_SIZE }), { abortSignal: pageSignal });
    for (const repository of answer.repositories ?? []) {
      if (!repository.repositoryName) continue;
      names.push(repository.repositoryName);
      kept(1, repository.repositoryName.length);
    }
    return answer.nextToken;
  });
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The tags of a repository (all pages), one entry per tag with the image's digest, push date and
 * size; newest pushed first (ties keep ECR's order). Untagged images are left out. Capped like
 * `listEcrRepositories`.
 */
export async function listEcrImages(client: ECRClient, registryId: string, repository: string, signal?: AbortSignal, limits: ListingLimits = LISTING_LIMITS): Promise<RemoteTag[]> {
  const tags: RemoteTag[] = [];
  await eachPage(`DescribeImages ${registryId}/${repository}`, signal, limits, async (nextToken, pageSignal, kept) => {
    const answer = await client.send(
      new DescribeImagesCommand({ registryId, repositoryName: repository, nextToken, maxResults: PAGE_SIZE, filter: { tagStatus: 'TAGGED' } }),
      { abortSignal: pageSignal },
    );
    for (const image of answer.imageDetails ?? []) {
      kept(0, image.imageDigest?.length ?? 0);
      // A loop, not push(...tags): spreading a huge list into arguments overflows the stack.
      for (const tag of tagsOf(image)) {
        tags.push(tag);
        kept(1, tag.tag.length);
      }
    }
    return answer.nextToken;
  });
  return tags.sort((a, b) => pushTime(b) - pushTime(a));
}

/** The digest (`sha256:…`) a tag points at, or undefined when the repository has no such tag. */
export async function resolveEcrDigest(client: ECRClient, registryId: string, repository: string, tag: string, signal?: AbortSignal): Promise<string | undefined> {
  const what = `BatchGetImage ${registryId}/${repository}:${tag}`;
  try {
    const answer = await client.send(
      new BatchGetImageCommand({ registryId, repositoryName: repository, imageIds: [{ imageTag: tag }], acceptedMediaTypes: ECR_ACCEPTED_MEDIA_TYPES }),
      { abortSignal: signal },
    );
    const digest = answer.images?.find((image) => image.imageId?.imageDigest)?.imageId?.imageDigest;
    if (digest) return digest;
    const failure = answer.failures?.[0];
    if (!failure || failure.failureCode === 'ImageNotFound' || failure.failureCode === 'InvalidImageTag') return undefined;
    throw new RegistryError('server', `ECR ${what} failed: ${failure.failureCode ?? 'unknown failure'}`);
  } catch (error) {
    throw toRegistryError(error, what);
  }
}

function tagsOf(image: ImageDetail): RemoteTag[] {
  return (image.imageTags ?? []).map((tag) => ({
    tag,
    ...(image.imageDigest ? { digest: image.imageDigest } : {}),
    ...(image.imagePushedAt ? { pushedAt: image.imagePushedAt } : {}),
    ...(image.imageSizeInBytes !== undefined ? { sizeBytes: image.imageSizeInBytes } : {}),
  }));
}

/** Milliseconds since the epoch; entries without a push date sort last. */
function pushTime(tag: RemoteTag): number {
  return tag.pushedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
}

/** Pages one listing may span: ECR pages hold up to 1,000 items, so the item cap is reached first. */
const MAX_PAGES = 200;

/**
 * Runs `page` until no next token is left (or one repeats), mapping failures to RegistryError.
 * Each page gets a signal that also fires at the listing's deadline; `kept(items, characters)`
 * counts what a page keeps, and ends the listing as `too-large` past the caps.
 */
async function eachPage(
  what: string,
  signal: AbortSignal | undefined,
  limits: ListingLimits,
  page: (nextToken: string | undefined, pageSignal: AbortSignal, kept: (items: number, characters: number) => void) => Promise<string | undefined>,
): Promise<void> {
  const seen = new Set<string>();
  const deadline = Date.now() + limits.maxTotalMs;
  let items = 0;
  let bytes = 0;
  const kept = (count: number, characters: number) => {
    items += count;
    bytes += characters;
    if (items > limits.maxItems) throw tooLarge(what, `more than ${limits.maxItems} items`);
    if (bytes > limits.maxTotalBytes) throw tooLarge(what, `more than ${limits.maxTotalBytes} bytes`);
  };
  let nextToken: string | undefined;
  let pages = 0;
  try {
    do {
      if (signal?.aborted) throw new RegistryError('cancelled', `ECR ${what}: cancelled`);
      if (++pages > MAX_PAGES) throw tooLarge(what, `more than ${MAX_PAGES} pages`);
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw overTime(what, limits);
      const pageSignal = signal ? AbortSignal.any([signal, AbortSignal.timeout(remaining)]) : AbortSignal.timeout(remaining);
      try {
        nextToken = await page(nextToken, pageSignal, kept);
      } catch (error) {
        // The page's own signal fired and the caller's did not: the deadline's timer did (read
        // from the signal, not the clock: the timer may fire a millisecond before Date.now() says so).
        if (!signal?.aborted && (pageSignal.aborted || Date.now() >= deadline)) throw overTime(what, limits);
        throw error;
      }
      if (nextToken !== undefined) {
        if (seen.has(nextToken)) throw new RegistryError('malformed', `ECR ${what}: the same page token came back twice`);
        seen.add(nextToken);
      }
    } while (nextToken);
  } catch (error) {
    throw toRegistryError(error, what);
  }
}

function tooLarge(what: string, limit: string): RegistryError {
  return new RegistryError('too-large', `ECR ${what}: the listing spans ${limit}, past the cap of one listing, so none of it is used (completion falls back to the catalog)`);
}

function overTime(what: string, limits: ListingLimits): RegistryError {
  return new RegistryError('timeout', `ECR ${what}: the listing took longer than ${limits.maxTotalMs} ms in total, so it was stopped`);
}

const UNAUTHORIZED = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'InvalidClientTokenId',
  'ExpiredTokenException',
  'ExpiredToken',
  'MissingAuthenticationTokenException',
  'CredentialsProviderError',
  'TokenProviderError',
]);
const NOT_FOUND = new Set(['RepositoryNotFoundException', 'RegistryNotFoundException', 'ImageNotFoundException']);
const THROTTLED = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded', 'ServerException', 'ServiceUnavailable', 'InternalFailure']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED', 'EPROTO']);

/** An SDK (or network) failure as a RegistryError; its message never repeats the SDK's text. */
export function toRegistryError(error: unknown, what: string): RegistryError {
  if (error instanceof RegistryError) return error;
  const kind = errorKind(error);
  const name = error instanceof Error ? error.name : 'Error';
  const code = (error as { code?: unknown } | undefined)?.code;
  const status = (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
  const detail = [name, typeof code === 'string' && code !== name ? code : undefined, status ? `HTTP ${status}` : undefined].filter(Boolean).join(', ');
  return new RegistryError(kind, `ECR ${what}: ${KIND_TEXT[kind]} (${detail})`, status);
}

const KIND_TEXT: Record<RegistryErrorKind, string> = {
  unauthorized: 'not authorized (check the AWS profile and its credentials)',
  'not-found': 'does not exist',
  server: 'ECR failed or throttled the request',
  timeout: 'timed out',
  malformed: 'unreadable answer',
  'too-large': 'the listing is too large',
  network: 'could not reach ECR',
  tls: 'TLS failure',
  'not-allowed': 'not allowed',
  cancelled: 'cancelled',
};

function errorKind(error: unknown): RegistryErrorKind {
  if (!(error instanceof Error)) return 'server';
  const { name } = error;
  const code = (error as { code?: unknown }).code;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  if (name === 'AbortError') return 'cancelled';
  if (NOT_FOUND.has(name)) return 'not-found';
  if (UNAUTHORIZED.has(name) || status === 401 || status === 403) return 'unauthorized';
  if (name === 'TimeoutError' || code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT' || name === 'RequestTimeout') return 'timeout';
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return 'network';
  if (typeof code === 'string' && (code.startsWith('ERR_TLS') || code.includes('CERT'))) return 'tls';
  if (THROTTLED.has(name) || status === 429 || (status !== undefined && status >= 500)) return 'server';
  if (name === 'SyntaxError' || error.message.startsWith('Deserialization error')) return 'malformed';
  return 'server';
}
