/**
 * Turning AWS SDK errors into messages that say what happened and what to do. Pure: it reads only
 * the plain fields of the error (name, message, code, HTTP status, the answer's content type and
 * where the request went), and scrubs secrets. A body is never read or repeated.
 */
import { redactSecrets } from './redact';

export interface AwsErrorLike {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
  /** The raw answer the SDK keeps on a deserialization error (`{error}.$response`); only its status and headers are read. */
  $response?: { statusCode?: number; headers?: Record<string, string | undefined> };
  /** Where the request went, `scheme://host[:port]` without user information (set by src/aws/clients.ts). */
  requestOrigin?: string;
}

export type ErrorKind =
  | 'name-in-use'
  | 'access-denied'
  | 'validation'
  | 'resource-limit'
  | 'throttled'
  | 'credentials-expired'
  | 'credentials-missing'
  | 'credentials-invalid'
  | 'network'
  | 'timeout'
  | 'not-found'
  | 'not-aws-response'
  | 'other';

export interface DescribedError {
  kind: ErrorKind;
  /** One or two sentences for the notification: `<action> failed: <reason>`. */
  message: string;
  /** The message without its `<action> failed: ` start: why, and what to do. */
  reason: string;
  /** The service's own message, scrubbed. */
  detail: string;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/**
 * How much of a name or message is classified. The words that tell the kind come first; a
 * service may echo a request of megabytes after them.
 */
const CLASSIFIED_CHARS = 4096;

/**
 * The kind of an AWS SDK error, from its name, code, HTTP status and the start of its message.
 * Every check is a fixed word or an in-order word search, so a long message costs linear time.
 */
export function classifyAwsError(error: AwsErrorLike): ErrorKind {
  const name = (error.name ?? '').slice(0, CLASSIFIED_CHARS);
  const message = (error.message ?? '').slice(0, CLASSIFIED_CHARS);
  // First: a proxy's 403 or 429 page says nothing about IAM or throttling.
  if (answeredNotAws(error, name, message)) return 'not-aws-response';
  // SageMaker answers ResourceInUse for jobs, ValidationException "Cannot create already existing …" for models and configs.
  if (name === 'ResourceInUse' || (name === 'ValidationException' && /already exist/i.test(message))) return 'name-in-use';
  if (/ExpiredToken|TokenRefreshRequired/i.test(name) || /expired/i.test(message) && /(token|sso|session|credential)/i.test(message)) return 'credentials-expired';
  if (name === 'CredentialsProviderError' || /could not load credentials|no credentials/i.test(message) || containsInOrder(message, ['credential', 'not', 'found'])) return 'credentials-missing';
  if (/UnrecognizedClient|InvalidClientTokenId|InvalidSignature|SignatureDoesNotMatch|IncompleteSignature/i.test(name)) return 'credentials-invalid';
  if (/AccessDenied|NotAuthorized|Unauthorized/i.test(name) || error.$metadata?.httpStatusCode === 403) return 'access-denied';
  if (name === 'ValidationException') return 'validation';
  if (name === 'ResourceLimitExceeded' || /LimitExceeded/i.test(name)) return 'resource-limit';
  if (/Throttl|TooManyRequests|RequestLimitExceeded|SlowDown/i.test(name) || error.$metadata?.httpStatusCode === 429) return 'throttled';
  if (name === 'ResourceNotFound' || /NotFound/i.test(name)) return 'not-found';
  if (name === 'TimeoutError' || error.code === 'ETIMEDOUT' || /timed? ?out/i.test(message)) return 'timeout';
  if ((error.code && NETWORK_CODES.has(error.code)) || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|getaddrinfo|socket hang up/i.test(message)) return 'network';
  return 'other';
}

/**
 * True when an HTTP answer came but was not an AWS one: a page a proxy, gateway or captive portal
 * sends. The SDK then reports what its parser met, not what happened: `SyntaxError` "Unexpected
 * token '<' … Deserialization error" (JSON protocols: SageMaker, CloudWatch Logs, ECR), `Unknown`
 * (an error without an AWS error code: STS on an HTML page, SageMaker on a JSON body without
 * `__type`), `@aws-sdk XML parse error` (STS on a JSON body), or the status itself as the name.
 */
function answeredNotAws(error: AwsErrorLike, name: string, message: string): boolean {
  if (httpStatusOf(error) === undefined) return false;
  if (name === 'SyntaxError' || name === 'Unknown' || name === 'UnknownError' || /^\d{3}$/.test(name)) return true;
  if (message.includes('Deserialization error') || message.includes('XML parse error')) return true;
  return isHtml(error);
}

function httpStatusOf(error: AwsErrorLike): number | undefined {
  const status = error.$metadata?.httpStatusCode ?? error.$response?.statusCode;
  return typeof status === 'number' && Number.isInteger(status) ? status : undefined;
}

function isHtml(error: AwsErrorLike): boolean {
  const headers = error.$response?.headers ?? {};
  const type = Object.entries(headers).find(([key]) => key.toLowerCase() === 'content-type')?.[1];
  return typeof type === 'string' && /^\s*(text\/html|application\/xhtml)/i.test(type.slice(0, 200));
}

/** `http://127.0.0.1:5000`: an origin as our clients record it, shown only when it is one (no path, no user information). */
function shownOrigin(error: AwsErrorLike): string | undefined {
  const origin = error.requestOrigin;
  return typeof origin === 'string' && /^https?:\/\/[A-Za-z0-9.\-[\]:]{1,300}$/.test(origin) ? origin : undefined;
}

/** How much of the service's message a notification or output line repeats. */
const DETAIL_CHARS = 2000;

function shorten(text: string): string {
  return text.length <= DETAIL_CHARS ? text : `${text.slice(0, DETAIL_CHARS)}… (${text.length - DETAIL_CHARS} more characters)`;
}

/**
 * Whether `words` occur in `text` in this order, case-insensitively, without overlapping. The
 * earliest match of each word leaves the most room for the next, so one pass decides.
 */
function containsInOrder(text: string, words: string[]): boolean {
  const lower = text.toLowerCase();
  let from = 0;
  for (const word of words) {
    const at = lower.indexOf(word, from);
    if (at < 0) return false;
    from = at + word.length;
  }
  return true;
}

/**
 * A notification message for a failed AWS call: what failed (`context.action`), why, and what to
 * do, naming the profile and region. `detail` is the service's message with secrets scrubbed.
 */
export function describeAwsError(error: AwsErrorLike, context: { action: string; profile: string; region: string }): DescribedError {
  const kind = classifyAwsError(error);
  // The SDK's text for a page that is not AWS's is about its parser, and may quote the page.
  const detail = kind === 'not-aws-response' ? '' : shorten(redactSecrets(error.message ?? String(error.name ?? 'unknown error')));
  const { action, profile, region } = context;
  const endpoint = shownOrigin(error);
  const reasons: Record<ErrorKind, string> = {
    'name-in-use': 'the name is already in use.',
    'access-denied': `access denied for profile "${profile}". Check that its IAM policy allows this SageMaker action (and iam:PassRole for the spec's role). ${detail}`,
    validation: `SageMaker rejected the request. ${detail}`,
    'resource-limit': `an account quota is reached in ${region}. Stop unused resources or request a quota increase in Service Quotas. ${detail}`,
    throttled: 'AWS throttled the requests even after retries. Wait a moment and try again.',
    'credentials-expired': `the credentials of profile "${profile}" have expired. Refresh them, e.g. \`aws sso login --profile ${profile}\`, then try again.`,
    'credentials-missing': `no AWS credentials found for profile "${profile}". Configure them (\`aws configure --profile ${profile}\` or \`aws sso login --profile ${profile}\`) or pick another profile from the status bar.`,
    'credentials-invalid': `AWS did not accept the credentials of profile "${profile}". Check the access key, or refresh the session.`,
    network: `could not reach AWS in ${region}. Check the network, a proxy, or the sagemakerSpec.endpointUrl setting.`,
    timeout: 'AWS did not answer in time. Check the network and try again.',
    'not-found': `not found. ${detail}`,
    'not-aws-response': `the endpoint ${endpoint ?? `for ${region}`} answered HTTP ${httpStatusOf(error)} with ${isHtml(error) ? 'a page' : 'an answer'} that is not an AWS response (a proxy or gateway?). Check the network, a proxy, or the endpoint settings (sagemakerSpec.endpointUrl, AWS_ENDPOINT_URL).`,
    other: detail,
  };
  const reason = reasons[kind];
  return { kind, message: `${action} failed: ${reason}`, reason, detail };
}
