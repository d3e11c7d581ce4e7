/**
 * AWS Signature Version 4 verification, as the services do it: the server recomputes the
 * signature from the request it received and compares it with the one in `Authorization`.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
 *
 * Only header-based signing (`Authorization: AWS4-HMAC-SHA256 …`), which is what the AWS SDKs and
 * the AWS CLI use for these APIs. Nothing here logs or returns the secret, the session token or
 * the signature.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
/** AWS rejects requests whose `X-Amz-Date` is more than 15 minutes from its clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** The request as it came off the wire. */
export interface ReceivedRequest {
  method: string;
  /** Path and query exactly as sent (`req.url`). */
  url: string;
  /** Alternating names and values, as `IncomingMessage.rawHeaders`. */
  rawHeaders: string[];
  body: Buffer;
}

export interface CredentialScope {
  /** YYYYMMDD */
  date: string;
  region: string;
  service: string;
}

export type SigV4Failure =
  | 'missing-authorization'
  | 'malformed-authorization'
  | 'unknown-access-key'
  | 'missing-date'
  | 'scope-date-mismatch'
  | 'clock-skew'
  | 'wrong-region'
  | 'wrong-service'
  | 'payload-hash-mismatch'
  | 'signature-mismatch';

export interface SigV4Verification {
  valid: boolean;
  failure?: SigV4Failure;
  accessKeyId?: string;
  scope?: CredentialScope;
  /** `X-Amz-Date` of the request. */
  amzDate?: string;
  signedHeaders: string[];
  /** An `X-Amz-Security-Token` header was sent (its value is never kept). */
  sessionTokenPresent: boolean;
}

export interface VerifyOptions {
  /** When set, a scope naming another region fails like AWS does ("Credential should be scoped to a valid region"). */
  region?: string;
  /** When set, a scope naming another service fails ("Credential should be scoped to correct service"). */
  service?: string;
  now?: Date;
}

/** RFC 3986 encoding, as `escapeUri` in the SDK and `quote(safe='-_.~')` in botocore. */
export function uriEscape(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

export function signingKey(secretAccessKey: string, scope: CredentialScope): Buffer {
  const dateKey = hmac(`AWS4${secretAccessKey}`, scope.date);
  const regionKey = hmac(dateKey, scope.region);
  const serviceKey = hmac(regionKey, scope.service);
  return hmac(serviceKey, 'aws4_request');
}

export function scopeString(scope: CredentialScope): string {
  return `${scope.date}/${scope.region}/${scope.service}/aws4_request`;
}

/** Non-S3 services: normalize the path as sent, then encode each segment once more. */
export function canonicalUri(rawPath: string): string {
  const segments: string[] = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = segments.length > 0 && rawPath.endsWith('/') ? '/' : '';
  return `/${segments.map(uriEscape).join('/')}${trailing}`;
}

/** Pairs decoded from the raw query, re-encoded strictly, sorted by key then value. */
export function canonicalQuery(rawQuery: string): string {
  if (!rawQuery) return '';
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  };
  return rawQuery
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const at = pair.indexOf('=');
      const key = at < 0 ? pair : pair.slice(0, at);
      const value = at < 0 ? '' : pair.slice(at + 1);
      return [uriEscape(decode(key)), uriEscape(decode(value))] as const;
    })
    .filter(([key]) => key.toLowerCase() !== 'x-amz-signature')
    .sort(([k1, v1], [k2, v2]) => (k1 < k2 ? -1 : k1 > k2 ? 1 : v1 < v2 ? -1 : v1 > v2 ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

/** Header name (lower case) → canonical value: trimmed, inner whitespace collapsed, repeats joined by commas. */
export function headerValues(rawHeaders: string[]): Map<string, string> {
  const values = new Map<string, string[]>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i].toLowerCase();
    const list = values.get(name) ?? [];
    list.push(rawHeaders[i + 1].trim().replace(/\s+/g, ' '));
    values.set(name, list);
  }
  return new Map([...values].map(([name, list]) => [name, list.join(',')]));
}

export function canonicalRequest(request: ReceivedRequest, signedHeaders: string[], payloadHash: string): string {
  const headers = headerValues(request.rawHeaders);
  const queryAt = request.url.indexOf('?');
  const path = queryAt < 0 ? request.url : request.url.slice(0, queryAt);
  const query = queryAt < 0 ? '' : request.url.slice(queryAt + 1);
  return [
    request.method.toUpperCase(),
    canonicalUri(path),
    canonicalQuery(query),
    ...signedHeaders.map((name) => `${name}:${headers.get(name) ?? ''}`),
    '',
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
}

export function stringToSign(amzDate: string, scope: CredentialScope, canonical: string): string {
  return [ALGORITHM, amzDate, scopeString(scope), sha256Hex(canonical)].join('\n');
}

interface ParsedAuthorization {
  accessKeyId: string;
  scope: CredentialScope;
  signedHeaders: string[];
  signature: string;
}

/** `AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/sagemaker/aws4_request, SignedHeaders=host;x-amz-date, Signature=…` */
export function parseAuthorization(header: string): ParsedAuthorization | undefined {
  const trimmed = header.trim();
  if (!trimmed.startsWith(`${ALGORITHM} `)) return undefined;
  const fields = new Map<string, string>();
  for (const part of trimmed.slice(ALGORITHM.length).split(',')) {
    const at = part.indexOf('=');
    if (at > 0) fields.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  const credential = fields.get('Credential')?.split('/');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || credential.length !== 5 || credential[4] !== 'aws4_request' || !signedHeaders || !signature) return undefined;
  const [accessKeyId, date, region, service] = credential;
  return { accessKeyId, scope: { date, region, service }, signedHeaders: signedHeaders.split(';'), signature };
}

/** `20240101T000000Z` → Date */
function parseAmzDate(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a.toLowerCase(), 'utf8');
  const right = Buffer.from(b.toLowerCase(), 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

export function verifySigV4(request: ReceivedRequest, credentials: SigV4Credentials, options: VerifyOptions = {}): SigV4Verification {
  const headers = headerValues(request.rawHeaders);
  const sessionTokenPresent = headers.has('x-amz-security-token');
  const authorization = headers.get('authorization');
  if (authorization === undefined) return { valid: false, failure: 'missing-authorization', signedHeaders: [], sessionTokenPresent };
  const parsed = parseAuthorization(authorization);
  if (!parsed) return { valid: false, failure: 'malformed-authorization', signedHeaders: [], sessionTokenPresent };

  const amzDate = headers.get('x-amz-date');
  const result: SigV4Verification = {
    valid: false,
    accessKeyId: parsed.accessKeyId,
    scope: parsed.scope,
    amzDate,
    signedHeaders: parsed.signedHeaders,
    sessionTokenPresent,
  };
  const fail = (failure: SigV4Failure): SigV4Verification => ({ ...result, failure });

  if (parsed.accessKeyId !== credentials.accessKeyId) return fail('unknown-access-key');
  const date = amzDate === undefined ? undefined : parseAmzDate(amzDate);
  if (amzDate === undefined || !date || !parsed.signedHeaders.includes('x-amz-date')) return fail('missing-date');
  if (!amzDate.startsWith(parsed.scope.date)) return fail('scope-date-mismatch');
  if (Math.abs(date.getTime() - (options.now ?? new Date()).getTime()) > MAX_CLOCK_SKEW_MS) return fail('clock-skew');
  if (options.region !== undefined && parsed.scope.region !== options.region) return fail('wrong-region');
  if (options.service !== undefined && parsed.scope.service !== options.service) return fail('wrong-service');

  const actualPayloadHash = sha256Hex(request.body);
  const declaredPayloadHash = headers.get('x-amz-content-sha256');
  if (
    declaredPayloadHash !== undefined &&
    declaredPayloadHash !== 'UNSIGNED-PAYLOAD' &&
    !declaredPayloadHash.startsWith('STREAMING-') &&
    declaredPayloadHash !== actualPayloadHash
  ) {
    return fail('payload-hash-mismatch');
  }
  const canonical = canonicalRequest(request, parsed.signedHeaders, declaredPayloadHash ?? actualPayloadHash);
  const expected = createHmac('sha256', signingKey(credentials.secretAccessKey, parsed.scope))
    .update(stringToSign(amzDate, parsed.scope, canonical), 'utf8')
    .digest('hex');
  if (!sameHex(expected, parsed.signature)) return fail('signature-mismatch');
  return { ...result, valid: true };
}

/** A request for `signRequest`: headers must include `host`. */
export interface RequestToSign {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | Buffer;
}

/**
 * Signs a request the way the SDKs do (every given header signed), for tests that send raw
 * requests: unknown operations, a scope naming another service, a request without a signature.
 * Returns the headers to send, with `x-amz-date` and `authorization` added.
 */
export function signRequest(
  request: RequestToSign,
  credentials: SigV4Credentials & { sessionToken?: string },
  target: { region: string; service: string },
  now = new Date(),
): Record<string, string> {
  const amzDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const scope: CredentialScope = { date: amzDate.slice(0, 8), region: target.region, service: target.service };
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  headers['x-amz-date'] = amzDate;
  if (credentials.sessionToken !== undefined) headers['x-amz-security-token'] = credentials.sessionToken;
  const signedHeaders = Object.keys(headers).sort();
  const rawHeaders = Object.entries(headers).flat();
  const body = typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : request.body;
  const canonical = canonicalRequest({ method: request.method, url: request.url, rawHeaders, body }, signedHeaders, sha256Hex(body));
  const signature = createHmac('sha256', signingKey(credentials.secretAccessKey, scope)).update(stringToSign(amzDate, scope, canonical), 'utf8').digest('hex');
  headers.authorization = `${ALGORITHM} Credential=${credentials.accessKeyId}/${scopeString(scope)}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`;
  return headers;
}

/** For a recorded copy of the headers: the signature and the session token never leave the server. */
export function redactHeaders(rawHeaders: string[]): Record<string, string> {
  const redacted: Record<string, string> = {};
  for (const [name, value] of headerValues(rawHeaders)) {
    if (name === 'authorization') redacted[name] = value.replace(/Signature=[^,\s]*/, 'Signature=<redacted>');
    else if (name === 'x-amz-security-token') redacted[name] = '<redacted>';
    else redacted[name] = value;
  }
  return redacted;
}
