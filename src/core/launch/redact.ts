/**
 * Scrubbing anything that looks like a credential from text before it reaches a message, a log
 * or the output channel: AWS access key ids, secret keys, session tokens and SigV4 signatures;
 * ECR authorization tokens; registry passwords and `Authorization` headers; passwords in URLs;
 * GitHub and Hugging Face tokens; JWTs; PEM private-key blocks.
 *
 * Every pattern runs in time linear in the text: each unbounded run is anchored by a look-behind
 * at the start of a run of its characters and is followed by nothing that can fail, and every
 * other repetition has a small upper bound. Error text can be megabytes long (a service echoing a
 * request body), and scrubbing sits on every output path.
 */

/** What a scrubbed secret is replaced with. */
export const REDACTED = '…';

/** Characters of standard base64 (the alphabet of AWS secrets, session and ECR tokens). */
const B64 = 'A-Za-z0-9+/';

type Replacer = (match: string, ...groups: string[]) => string;

/** Patterns that read a context around the secret; applied before `key=value` pairs. */
const CONTEXT_PATTERNS: [RegExp, string | Replacer][] = [
  // `Authorization: Basic …`, `"authorization": "Bearer …"`, `Authorization: AWS4-HMAC-SHA256 Credential=…`
  [
    /(?<![\w-])((?:proxy-)?authorization(?:\\{0,2}["'])?\s{0,4}[:=]\s{0,4}(?:\\{0,2}["'])?\s{0,4})(?:(basic|bearer|digest|token|negotiate|aws4-hmac-sha256)(\s{1,4}))?[^\s"'\\,]{1,8192}/gi,
    (_match, prefix: string, scheme?: string, space?: string) => `${prefix}${scheme ? `${scheme}${space}` : ''}${REDACTED}`,
  ],
  // The user information of a URL: `https://user:password@host` keeps scheme and host.
  [
    /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{0,31}:\/\/)([^\s/?#@"'<>]{1,512})@/g,
    (match, scheme: string, userinfo: string) => (userinfo.includes(':') || userinfo.length >= 20 ? `${scheme}${REDACTED}@` : match),
  ],
];

/** Patterns applied after `key=value` pairs, in order. */
const PATTERNS: [RegExp, string | Replacer][] = [
  // Presigned-URL query parameters and the parts of a SigV4 `Authorization` header.
  [/(?<![\w-])((?:X-Amz-)?(?:Signature|Credential|Security-Token)=)[^&\s"'<>,\\]{1,8192}/gi, `$1${REDACTED}`],
  // Well-known token shapes, recognisable on their own.
  [/(?<![A-Za-z0-9])(AKIA|ASIA|AIDA|AROA|AIPA|ANPA|ANVA|APKA|ABIA|ACCA|AGPA)[A-Z0-9]{12,20}(?![A-Za-z0-9])/g, `$1${REDACTED}`],
  [/(?<![A-Za-z0-9_])(gh[pousr]_)[A-Za-z0-9]{30,251}(?![A-Za-z0-9_])/g, `$1${REDACTED}`],
  [/(?<![A-Za-z0-9_])(github_pat_)[A-Za-z0-9_]{20,255}(?![A-Za-z0-9_])/g, `$1${REDACTED}`],
  [/(?<![A-Za-z0-9_])(hf_)[A-Za-z0-9]{30,64}(?![A-Za-z0-9_])/g, `$1${REDACTED}`],
  // JWT: base64url header `{"…`, payload, signature.
  [/(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, REDACTED],
  // STS session tokens (`FwoGZXIvYXdzE…`, `IQoJb3JpZ2lu…`) and ECR tokens (base64 of `AWS:…`).
  [new RegExp(`(?<![${B64}])(?:FwoGZXIvYXdz|FQoGZXIvYXdz|IQoJb3JpZ2lu|QVdTO)[${B64}]{8,}={0,2}`, 'g'), REDACTED],
  // `Bearer <token>` and `Basic <base64 of user:password>` outside a header.
  [/(?<![\w-])(bearer\s{1,4})[A-Za-z0-9._~+/-]{16,8192}=*/gi, `$1${REDACTED}`],
  [
    new RegExp(`(?<![\\w-])(basic\\s{1,4})([${B64}]{8,8192}={0,2})`, 'gi'),
    (match, prefix: string, encoded: string) => (decodesToUserPassword(encoded) ? `${prefix}${REDACTED}` : match),
  ],
  // Long base64 blobs (session tokens, ECR tokens, encoded keys).
  [new RegExp(`(?<![${B64}_-])[${B64}]{100,}={0,2}`, 'g'), (match) => (looksRandom(match) ? REDACTED : match)],
  // A bare secret access key: exactly 40 base64 characters.
  [new RegExp(`(?<![${B64}_-])[${B64}]{40}(?![${B64}=_-])`, 'g'), (match) => (looksRandom(match) ? REDACTED : match)],
];

/**
 * What every pattern below needs somewhere in the text: a word of a sensitive key or scheme
 * (isSensitiveKey's words, `authorization`, `credential`, `bearer`, `basic`, PEM's `KEY`), a JWT's
 * `eyJ`, a URL's `://`, or a run of 13 token characters (the shortest shape matched alone is an
 * ECR token's `QVdTO` and eight more). Most messages have none, and skip the patterns: a finding
 * per channel of a 1 MB spec spent a quarter of its analysis here.
 */
const MAY_HOLD_SECRET = /pass|pwd|secret|token|auth|signature|key|credential|bearer|basic|eyJ|:\/\/|[A-Za-z0-9+/_-]{13}/i;

/**
 * Returns `text` with every credential-like part replaced by `…` (keeping the word before it, such
 * as `password=` or `AKIA`, so the reader sees what was there). Linear in the length of `text`.
 */
export function redactSecrets(text: string): string {
  if (!MAY_HOLD_SECRET.test(text)) return text;
  let result = redactPrivateKeys(text);
  result = applyPatterns(result, CONTEXT_PATTERNS);
  result = redactSensitiveValues(result);
  return applyPatterns(result, PATTERNS);
}

function applyPatterns(text: string, patterns: [RegExp, string | Replacer][]): string {
  let result = text;
  for (const [pattern, replacement] of patterns) result = typeof replacement === 'string' ? result.replace(pattern, replacement) : result.replace(pattern, replacement);
  return result;
}

// --- key = value ---------------------------------------------------------------------------

/**
 * A key and its separator: `password=`, `"password": `, `token: `, `--password `, `\"auth\":`.
 * The value is read separately, only after a sensitive key, so that a harmless key's value (a
 * quoted message, say) is still searched for keys of its own.
 */
const KEY = /(?<![\w.-])(?:(--)|\\{0,2}["'])?([A-Za-z][\w.-]{0,63})(?:\\{0,2}["'])?(\s{0,4}[:=]\s{0,4}|\s{1,4})/g;
/** The value after a key: quoted (up to its quote, escapes allowed) or a bare word. */
const VALUE = /(\\{0,2}["'])((?:[^"'\\\r\n]|\\[^"'\r\n]){1,4096})|([^\s"'\\,;&<>(){}[\]]{1,4096})/y;

function redactSensitiveValues(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  KEY.lastIndex = 0;
  for (let match = KEY.exec(text); match; match = KEY.exec(text)) {
    const [whole, flag, key, separator] = match;
    const afterKey = match.index + whole.length;
    if ((!flag && !/[:=]/.test(separator)) || !isSensitiveKey(key)) {
      // Resume right after the key, so its value is searched too.
      KEY.lastIndex = match.index + whole.length - separator.length;
      if (KEY.lastIndex === match.index) KEY.lastIndex++;
      continue;
    }
    VALUE.lastIndex = afterKey;
    const value = VALUE.exec(text);
    if (!value || (value[2] ?? value[3]).startsWith(REDACTED)) continue;
    parts.push(text.slice(copied, afterKey), value[1] ?? '', REDACTED);
    copied = VALUE.lastIndex;
    KEY.lastIndex = copied;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

/** Last words of a key that name a secret: `password`, `SessionToken`, `HF_TOKEN`, `auth`. */
const SECRET_WORDS = new Set(['password', 'passwd', 'pwd', 'passphrase', 'secret', 'secretkey', 'token', 'auth', 'signature', 'apikey', 'accesskey', 'privatekey']);
/** Words before `key` that make it a secret: `api_key`, `SecretAccessKey`, `private-key`. */
const SECRET_KEY_QUALIFIERS = new Set(['api', 'secret', 'access', 'private', 'signing', 'account', 'sas']);
/** Tokens that are not credentials: pagination and idempotency. */
const HARMLESS_TOKEN_QUALIFIERS = new Set(['next', 'continuation', 'pagination', 'page', 'client', 'idempotency']);

/** Whether a key (camelCase, snake_case, kebab-case or dotted) names a secret by its last word. */
export function isSensitiveKey(key: string): boolean {
  const words = key
    .split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  const last = words.at(-1) ?? '';
  const before = words.at(-2) ?? '';
  if (last === 'authorization') return false; // its own pattern keeps the scheme word
  if (last === 'token' && HARMLESS_TOKEN_QUALIFIERS.has(before)) return false;
  if (last === 'key') return SECRET_KEY_QUALIFIERS.has(before);
  return SECRET_WORDS.has(last);
}

// --- PEM private keys ----------------------------------------------------------------------

const PEM_BEGIN = /-----BEGIN ([A-Z0-9 ]{0,40})PRIVATE KEY-----/g;
const PEM_END = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY-----/g;
/** The body of a key cut off before its END line: base64, line breaks (also escaped), headers. */
const PEM_BODY = /[A-Za-z0-9+/=\s\\:,-]*/y;

/** Replaces each private-key block, from BEGIN to END (or to the end of its body), by its label. */
function redactPrivateKeys(text: string): string {
  if (!text.includes('PRIVATE KEY-----')) return text;
  const parts: string[] = [];
  let copied = 0;
  let end: RegExpExecArray | null | undefined;
  PEM_BEGIN.lastIndex = 0;
  for (let begin = PEM_BEGIN.exec(text); begin; begin = PEM_BEGIN.exec(text)) {
    const bodyStart = begin.index + begin[0].length;
    // The next END line is searched again only once passed, so many BEGINs cost one scan.
    if (end !== null && (end === undefined || end.index < bodyStart)) {
      PEM_END.lastIndex = bodyStart;
      end = PEM_END.exec(text);
    }
    let blockEnd: number;
    if (end) {
      blockEnd = end.index + end[0].length;
    } else {
      PEM_BODY.lastIndex = bodyStart;
      PEM_BODY.exec(text);
      blockEnd = PEM_BODY.lastIndex;
    }
    const label = `${begin[1]}PRIVATE KEY`;
    parts.push(text.slice(copied, begin.index), `-----BEGIN ${label}----- ${REDACTED} -----END ${label}-----`);
    copied = blockEnd;
    PEM_BEGIN.lastIndex = blockEnd;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

// --- checks on candidates ------------------------------------------------------------------

/**
 * Whether a base64 run looks like key material rather than a path or a word: upper and lower case
 * letters and a digit, and no `//` (S3 and registry paths).
 */
function looksRandom(run: string): boolean {
  return /[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run) && !run.includes('//');
}

/** Whether `encoded` is base64 of `user:password` (what `Basic` carries), not an English word. */
function decodesToUserPassword(encoded: string): boolean {
  let decoded: string;
  try {
    decoded = atob(encoded);
  } catch {
    return false;
  }
  return decoded.includes(':') && /^[\x20-\x7e]+$/.test(decoded);
}
