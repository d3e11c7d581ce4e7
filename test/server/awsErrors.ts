/**
 * Service errors as AWS answers them: a type (the `__type` of a JSON error, the `Code` of a query
 * error), a message and an HTTP status. Handlers throw `ServiceError`; the server renders it in the
 * protocol of the request (see protocols.ts).
 */
import type { SigV4Failure } from './sigv4';

/** Error types the tests ask for by name; any other string works too. */
export type KnownErrorType =
  | 'ValidationException'
  | 'ResourceInUse'
  | 'ResourceNotFound'
  | 'ResourceLimitExceeded'
  | 'AccessDeniedException'
  | 'ThrottlingException'
  | 'ExpiredTokenException'
  | 'UnrecognizedClientException'
  | 'InvalidSignatureException'
  | 'InternalFailure'
  | 'ServiceUnavailable'
  // CloudWatch Logs
  | 'ResourceNotFoundException'
  | 'InvalidParameterException'
  // STS (query protocol)
  | 'AccessDenied'
  | 'Throttling'
  | 'ExpiredToken';

export type ErrorType = KnownErrorType | (string & NonNullable<unknown>);

/** JSON services answer 400 for client errors, including throttling and access denied. */
const DEFAULT_STATUS: Record<string, number> = {
  InvalidSignatureException: 403,
  MissingAuthenticationTokenException: 403,
  InternalFailure: 500,
  InternalServerError: 500,
  ServiceUnavailable: 503,
  ServiceUnavailableException: 503,
  // STS
  AccessDenied: 403,
  SignatureDoesNotMatch: 403,
  InvalidClientTokenId: 403,
  MissingAuthenticationToken: 403,
  ExpiredToken: 400,
};

export function defaultStatus(type: string): number {
  return DEFAULT_STATUS[type] ?? 400;
}

export class ServiceError extends Error {
  readonly status: number;
  constructor(
    readonly type: ErrorType,
    message: string,
    status?: number,
  ) {
    super(message);
    this.name = type;
    this.status = status ?? defaultStatus(type);
  }
}

const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const INVALID_TOKEN = 'The security token included in the request is invalid.';

/**
 * What the service answers when the signature check fails, for JSON services (`json`) and for the
 * query protocol of STS (`query`), with the codes and messages AWS uses.
 */
export function signatureError(failure: SigV4Failure, protocol: 'json' | 'query', detail: { region?: string; service?: string } = {}): ServiceError {
  const json = protocol === 'json';
  switch (failure) {
    case 'missing-authorization':
      return json
        ? new ServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403)
        : new ServiceError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
    case 'malformed-authorization':
    case 'missing-date':
      return new ServiceError(json ? 'IncompleteSignatureException' : 'IncompleteSignature', 'Authorization header requires \'Credential\', \'Signature\', \'SignedHeaders\' and \'X-Amz-Date\'.', 400);
    case 'unknown-access-key':
      return json ? new ServiceError('UnrecognizedClientException', INVALID_TOKEN, 400) : new ServiceError('InvalidClientTokenId', INVALID_TOKEN, 403);
    case 'scope-date-mismatch':
      return new ServiceError(json ? 'InvalidSignatureException' : 'SignatureDoesNotMatch', 'Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP.', 403);
    case 'clock-skew':
      return new ServiceError(json ? 'InvalidSignatureException' : 'SignatureDoesNotMatch', 'Signature expired: the request time is more than 15 minutes from the server time.', 403);
    case 'wrong-region':
      return new ServiceError(json ? 'InvalidSignatureException' : 'SignatureDoesNotMatch', `Credential should be scoped to a valid region${detail.region ? `, not '${detail.region}'` : ''}.`, 403);
    case 'wrong-service':
      return new ServiceError(json ? 'InvalidSignatureException' : 'SignatureDoesNotMatch', `Credential should be scoped to correct service: '${detail.service ?? ''}'.`, 403);
    case 'payload-hash-mismatch':
    case 'signature-mismatch':
      return new ServiceError(json ? 'InvalidSignatureException' : 'SignatureDoesNotMatch', SIGNATURE_MISMATCH, 403);
  }
}
