/**
 * Scrubbing anything that looks like a credential from text before it reaches a message, a log
 * or the output channel: access key ids, secret keys, session tokens and SigV4 signatures.
 */

const PATTERNS: [RegExp, string][] = [
  [/\b(AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\b/g, '$1…'],
  [/(Signature=)[0-9a-f]{16,}/gi, '$1…'],
  [/(Credential=)[^,\s]+/gi, '$1…'],
  [/((?:aws_)?secret_?access_?key["'\s:=]+)[^\s"',]+/gi, '$1…'],
  [/((?:aws_)?session_?token["'\s:=]+)[^\s"',]+/gi, '$1…'],
  [/(X-Amz-Security-Token["'\s:=]+)[^\s"',&]+/gi, '$1…'],
];

export function redactSecrets(text: string): string {
  let result = text;
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  return result;
}
