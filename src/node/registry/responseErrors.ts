// Turns a registry's HTTP error answer into a RegistryError. The registry API V2 error body is
// `{"errors":[{"code":"NAME_UNKNOWN","message":"…","detail":…}]}`; only its codes are quoted,
// never its free text, so nothing the server echoes back ends up in a message.

import { RegistryError } from '../../core/registry/registryTypes';
import type { HttpResponse } from './httpRequest';

/** The `errors[].code` values of a registry error body (empty when there is none). */
export function registryErrorCodes(body: Buffer): string[] {
  if (body.length === 0 || body.length > 64 * 1024) return [];
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { errors?: unknown };
    if (!Array.isArray(parsed.errors)) return [];
    return parsed.errors
      .map((error: unknown) => (error && typeof error === 'object' ? (error as { code?: unknown }).code : undefined))
      .filter((code): code is string => typeof code === 'string' && /^[A-Z_]{1,64}$/.test(code));
  } catch {
    return [];
  }
}

/** `what` says what was asked, e.g. "tags of team/app on registry.example.com". */
export function statusError(response: HttpResponse, what: string): RegistryError {
  const { status } = response;
  const codes = registryErrorCodes(response.body);
  const codeText = codes.length > 0 ? ` (${codes.join(', ')})` : '';
  if (status === 401 || status === 403) {
    return new RegistryError('unauthorized', `Not authorized to read the ${what}: HTTP ${status}${codeText}.`, status);
  }
  if (status === 404) {
    const subject = codes.includes('NAME_UNKNOWN') ? 'the repository does not exist' : 'not found';
    return new RegistryError('not-found', `Cannot read the ${what}: ${subject} (HTTP 404${codes.length > 0 ? `, ${codes.join(', ')}` : ''}).`, status);
  }
  if (status >= 500) return new RegistryError('server', `The registry failed to answer for the ${what}: HTTP ${status}${codeText}.`, status);
  if (status === 429) return new RegistryError('server', `The registry is rate-limiting requests for the ${what} (HTTP 429).`, status);
  if (status >= 300 && status < 400) {
    return new RegistryError('server', `The registry redirected the request for the ${what} (HTTP ${status}); redirects are not followed.`, status);
  }
  return new RegistryError('server', `Unexpected answer for the ${what}: HTTP ${status}${codeText}.`, status);
}
