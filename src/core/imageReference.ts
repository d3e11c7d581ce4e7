/**
 * Parsing of container image references (`host[:port]/path/name[:tag][@sha256:digest]`),
 * following the grammar of the Docker distribution project, plus the Amazon ECR host form
 * `<account>.dkr.ecr[-fips].<region>.<dnsSuffix>`.
 *
 * Every part carries its offset inside the reference, so rules can point at the tag, the account
 * or the region alone.
 */

export interface Span {
  /** Offset of the part inside the reference string. */
  start: number;
  /** Offset just past the part. */
  end: number;
}

export interface ImagePart extends Span {
  text: string;
}

export interface EcrRegistry {
  account: ImagePart;
  region: ImagePart;
  dnsSuffix: ImagePart;
  fips: boolean;
}

/**
 * An Amazon ECR host whose account is not a 12-digit id (`12345.dkr.ecr.us-east-1.amazonaws.com`,
 * a digit lost while typing). It is not read as ECR, yet it is no private registry either: rules
 * report it as `invalid-account-id` rather than give VPC or digest advice for it.
 */
export interface MalformedEcrAccount {
  /** What stands where the 12-digit account belongs. */
  account: ImagePart;
  region: ImagePart;
}

export interface ImageReference {
  raw: string;
  /** Registry host with optional port; absent for Docker Hub short names (`python:3.11`). */
  host?: ImagePart;
  /** Repository path without the host (`sagemaker-xgboost`, `team/trainer`). */
  repository: ImagePart;
  tag?: ImagePart;
  /** Full digest including the algorithm (`sha256:…`). */
  digest?: ImagePart;
  /** Present when the host is an Amazon ECR private registry host. */
  ecr?: EcrRegistry;
  /** Present when the host has the ECR shape but its account is not 12 digits (then `ecr` is absent). */
  malformedEcrAccount?: MalformedEcrAccount;
}

/**
 * How a malformed reference becomes the one that was meant, when that is plain (a pasted
 * `https://`, a stray space): replace `span` of the reference with `text`.
 */
export interface ReferenceRepair {
  /** The quick fix's title: `Remove "https://"`. */
  title: string;
  span: Span;
  text: string;
}

export type ParseResult =
  | { ok: true; reference: ImageReference }
  | { ok: false; problem: string; span: Span; /** The plain repair, when there is one. */ repair?: ReferenceRepair };

/** Docker's limit on the length of the name (host and path). Longer references are rejected too. */
export const MAX_REFERENCE_LENGTH = 255;

const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const SHA256_HEX = /^[a-f0-9]{64}$/;
const ECR_HOST = /^(\d{12})\.dkr\.ecr(-fips)?\.([a-z0-9-]+)\.(.+)$/;
/** `<account>.dkr.ecr[-fips].<region>.<suffix>`, with anything but a dot as the account. */
const ECR_SHAPED_HOST = /^([^.]*)\.dkr\.ecr(-fips)?\.([a-z0-9-]+)\.(amazonaws\.com(?:\.cn)?|[a-z0-9.-]+)$/;

/** DNS suffixes that Amazon ECR uses across partitions; other hosts are not ECR. */
export const ECR_DNS_SUFFIXES = [
  'amazonaws.com',
  'amazonaws.com.cn',
  'c2s.ic.gov',
  'sc2s.sgov.gov',
  'csp.hci.ic.gov',
  'cloud.adc-e.uk',
  'amazonaws.eu',
];

function part(raw: string, start: number, end: number): ImagePart {
  return { start, end, text: raw.slice(start, end) };
}

function fail(problem: string, start: number, end: number, repair?: ReferenceRepair): ParseResult {
  return repair ? { ok: false, problem, span: { start, end }, repair } : { ok: false, problem, span: { start, end } };
}

/** A URL scheme pasted before the registry host (`https://`, `docker://`, `oci://`). */
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//;

/**
 * The mistakes a reference is pasted with, told before the grammar (whose own words — "the port
 * must be a number" for `https:` — would mislead): credentials, a scheme, surrounding spaces.
 */
function pasteMistake(raw: string): ParseResult | undefined {
  // `user:token@host/…`: an `@` before the first `/` with a path after it is userinfo, not a digest.
  const at = raw.indexOf('@');
  if (at > 0 && !raw.slice(0, at).includes('/') && raw.slice(at + 1).includes('/')) {
    // Never echo the text: it is a secret.
    return fail('credentials cannot be part of an image reference (SageMaker reaches a registry that needs them through an AWS Lambda credentials provider, RepositoryAuthConfig.RepositoryCredentialsProviderArn)', 0, at + 1, { title: 'Remove the credentials', span: { start: 0, end: at + 1 }, text: '' });
  }
  // `${AWS::Region}` copied from a template: its `::` read as a port. (The analyzer reports it as unfilled-placeholder.)
  const placeholder = /\$\{[^}]*\}/.exec(raw);
  if (placeholder) return fail(`${placeholder[0]} is a placeholder, which nothing substitutes in an image reference`, placeholder.index, placeholder.index + placeholder[0].length);
  const scheme = SCHEME.exec(raw);
  if (scheme) {
    return fail(`the scheme "${scheme[0]}" is not part of an image reference, which starts with the registry host`, 0, scheme[0].length, { title: `Remove "${scheme[0]}"`, span: { start: 0, end: scheme[0].length }, text: '' });
  }
  const trimmed = raw.trim();
  if (trimmed !== raw && trimmed.length > 0 && !/\s/.test(trimmed)) {
    const start = raw.length - raw.trimStart().length;
    const end = start + trimmed.length;
    const where = start > 0 && end < raw.length ? 'spaces around it' : start > 0 ? 'a leading space' : 'a trailing space';
    const span = start > 0 && end < raw.length ? { start: 0, end: raw.length } : start > 0 ? { start: 0, end: start } : { start: end, end: raw.length };
    return fail(`the reference has ${where}, which the registry does not accept`, span.start, span.end, { title: 'Remove the spaces', span: { start: 0, end: raw.length }, text: trimmed });
  }
  return undefined;
}

/** True when the first path component names a registry rather than a Docker Hub namespace. */
function looksLikeHost(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost';
}

/**
 * Parses one image reference. Results are kept by text (a workflow repeats its few images in
 * every task: a 200-task state machine parsed the same reference 200 times) and frozen, since
 * callers share them. Never throws; a malformed reference is `{ ok: false }` with the span of the
 * offending part.
 */
export function parseImageReference(raw: string): ParseResult {
  const known = parsedByText.get(raw);
  if (known) return known;
  const parsed = deepFreeze(readImageReference(raw));
  // A bounded memo: an editor session sees few distinct images, a generated file may hold many.
  if (parsedByText.size >= MAX_REMEMBERED) parsedByText.clear();
  parsedByText.set(raw, parsed);
  return parsed;
}

const MAX_REMEMBERED = 1024;
const parsedByText = new Map<string, ParseResult>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function readImageReference(raw: string): ParseResult {
  if (raw.length === 0) return fail('the image reference is empty', 0, 0);
  const pasted = pasteMistake(raw);
  if (pasted) return pasted;
  const whitespace = raw.search(/\s/);
  if (whitespace >= 0) return fail('an image reference cannot contain spaces', 0, raw.length);
  if (raw.length > MAX_REFERENCE_LENGTH) {
    return fail(`the reference is ${raw.length} characters long; the limit is ${MAX_REFERENCE_LENGTH}`, 0, raw.length);
  }

  // Split off the digest first: it may itself contain ':'.
  let nameAndTagEnd = raw.length;
  let digest: ImagePart | undefined;
  const at = raw.indexOf('@');
  if (at >= 0) {
    digest = part(raw, at + 1, raw.length);
    nameAndTagEnd = at;
    const digestProblem = digestSyntaxProblem(digest.text);
    if (digestProblem) return fail(digestProblem, digest.start, digest.end);
  }

  // The tag follows the last ':' that comes after the last '/' (a ':' before it is a port).
  const lastSlash = raw.lastIndexOf('/', nameAndTagEnd - 1);
  const colon = raw.indexOf(':', lastSlash + 1);
  let tag: ImagePart | undefined;
  let nameEnd = nameAndTagEnd;
  if (colon >= 0 && colon < nameAndTagEnd) {
    tag = part(raw, colon + 1, nameAndTagEnd);
    nameEnd = colon;
    if (tag.text.length === 0) return fail('the tag after ":" is empty', colon, colon + 1);
    const tagProblem = tagSyntaxProblem(tag.text);
    if (tagProblem) return fail(tagProblem, tag.start, tag.end);
  }

  const name = raw.slice(0, nameEnd);
  if (name.length === 0) return fail('the repository name is missing', 0, Math.max(nameEnd, 1));
  const firstSlash = name.indexOf('/');
  let host: ImagePart | undefined;
  let repositoryStart = 0;
  if (firstSlash > 0 && looksLikeHost(name.slice(0, firstSlash))) {
    host = part(raw, 0, firstSlash);
    repositoryStart = firstSlash + 1;
    const hostProblem = checkHost(host.text);
    if (hostProblem) return fail(hostProblem, host.start, host.end);
  }
  const repository = part(raw, repositoryStart, nameEnd);
  if (repository.text.length === 0) return fail('the repository name is missing after the registry host', repository.start, Math.max(repository.end, repository.start));
  let componentStart = repository.start;
  for (const component of repository.text.split('/')) {
    const componentEnd = componentStart + component.length;
    if (component.length === 0) return fail('the repository path has an empty component ("//" or a trailing "/")', componentStart, componentEnd);
    const componentProblem = repositoryComponentProblem(component);
    if (componentProblem) return fail(componentProblem, componentStart, componentEnd);
    componentStart = componentEnd + 1;
  }

  const reference: ImageReference = { raw, host, repository, tag, digest };
  if (host) {
    reference.ecr = parseEcrHost(host);
    const malformed = reference.ecr ? undefined : parseMalformedEcrAccount(host);
    if (malformed) reference.malformedEcrAccount = malformed;
  }
  return { ok: true, reference };
}

/**
 * Why `component` (one `/`-separated part of a repository path, not empty) is no valid name, in
 * words; undefined when it is valid. Grammar: the OCI distribution spec's path component.
 */
export function repositoryComponentProblem(component: string): string | undefined {
  if (PATH_COMPONENT.test(component)) return undefined;
  const reason = component !== component.toLowerCase() ? 'repository names must be lowercase' : 'repository names use lowercase letters, digits and single separators (".", "_", "__", "-")';
  return `"${component}": ${reason}`;
}

/** Why `tag` (not empty) is no valid tag, in words; undefined when it is valid (the OCI distribution spec's tag grammar). */
export function tagSyntaxProblem(tag: string): string | undefined {
  return TAG.test(tag) ? undefined : `"${tag}" is not a valid tag (letters, digits, "_", "." and "-", up to 128, not starting with "." or "-")`;
}

/** Why `digest` (after `@`) is no valid digest, in words; undefined when it is valid (`algorithm:hex`, sha256 with 64 lowercase hex digits). */
export function digestSyntaxProblem(digest: string): string | undefined {
  if (!DIGEST.test(digest)) return `"${digest}" is not a valid digest (expected sha256:<64 hex digits>)`;
  if (digest.startsWith('sha256:') && !SHA256_HEX.test(digest.slice(7))) return 'a sha256 digest has exactly 64 lowercase hex digits';
  return undefined;
}

function checkHost(hostWithPort: string): string | undefined {
  const portSeparator = hostWithPort.lastIndexOf(':');
  const hostname = portSeparator >= 0 ? hostWithPort.slice(0, portSeparator) : hostWithPort;
  if (portSeparator >= 0 && !/^\d{1,5}$/.test(hostWithPort.slice(portSeparator + 1))) {
    return `"${hostWithPort}": the port must be a number`;
  }
  if (!hostname.split('.').every((component) => DOMAIN_COMPONENT.test(component))) {
    return `"${hostname}" is not a valid registry host name`;
  }
  return undefined;
}

function parseEcrHost(host: ImagePart): EcrRegistry | undefined {
  const match = ECR_HOST.exec(host.text);
  if (!match) return undefined;
  const [, account, fips, region, dnsSuffix] = match;
  if (!ECR_DNS_SUFFIXES.includes(dnsSuffix)) return undefined;
  const accountStart = host.start;
  const regionStart = accountStart + account.length + '.dkr.ecr'.length + (fips ? fips.length : 0) + 1;
  const suffixStart = regionStart + region.length + 1;
  return {
    account: { start: accountStart, end: accountStart + account.length, text: account },
    region: { start: regionStart, end: regionStart + region.length, text: region },
    dnsSuffix: { start: suffixStart, end: suffixStart + dnsSuffix.length, text: dnsSuffix },
    fips: Boolean(fips),
  };
}

/** The account and region of an ECR-shaped host (not read as ECR) whose account is no 12-digit id. */
function parseMalformedEcrAccount(host: ImagePart): MalformedEcrAccount | undefined {
  const match = ECR_SHAPED_HOST.exec(host.text);
  if (!match || /^\d{12}$/.test(match[1])) return undefined;
  const [, account, fips, region] = match;
  const regionStart = host.start + account.length + '.dkr.ecr'.length + (fips ? fips.length : 0) + 1;
  return {
    account: { start: host.start, end: host.start + account.length, text: account },
    region: { start: regionStart, end: regionStart + region.length, text: region },
  };
}

/** Builds `<account>.dkr.ecr.<region>.<dnsSuffix>/<repository>[:tag]`. */
export function formatEcrImage(account: string, region: string, dnsSuffix: string, repository: string, tag?: string): string {
  return `${account}.dkr.ecr.${region}.${dnsSuffix}/${repository}${tag ? `:${tag}` : ''}`;
}
