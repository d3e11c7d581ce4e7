// One HTTP(S) request with node:http/node:https: trusts the system's CAs plus an optional PEM
// file, honours an AbortSignal and a time limit that covers connecting through the last byte of
// the body, and turns every transport failure into a RegistryError. Never follows redirects.

import * as fs from 'node:fs/promises';
import * as http from 'node:http';
import * as https from 'node:https';
import * as tls from 'node:tls';
import { RegistryError } from '../../core/registry/registryTypes';

export interface HttpRequest {
  url: URL;
  method?: 'GET' | 'HEAD';
  headers?: Record<string, string>;
  /** Extra CA certificates (PEM text) to trust besides the system's. */
  extraCa?: string;
  signal?: AbortSignal;
  timeoutMs: number;
  /** Bodies above this many bytes fail as `too-large` (default 32 MiB). */
  maxBodyBytes?: number;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'EADDRNOTAVAIL',
]);

/** Node/OpenSSL error codes that mean the server's certificate or the TLS handshake failed. */
function isTlsError(error: NodeJS.ErrnoException): boolean {
  const code = error.code ?? '';
  if (code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_')) return true;
  if (/CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|HOSTNAME_MISMATCH|IP_ADDRESS_MISMATCH/.test(code)) return true;
  return !NETWORK_CODES.has(code) && /certificate|SSL routines/i.test(error.message ?? '');
}

const UNTRUSTED_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_UNTRUSTED', 'CERT_SIGNATURE_FAILURE',
]);
const CA_HINT = 'If the registry uses a private or corporate CA, set caFile in its sagemakerSpec.registries entry.';

/** A one-line explanation of a TLS failure, without OpenSSL's internal error strings. */
function tlsReason(error: NodeJS.ErrnoException): string {
  const code = error.code ?? '';
  if (UNTRUSTED_CODES.has(code)) return `its certificate is not signed by a trusted CA (${code}). ${CA_HINT}`;
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') return `its certificate is not valid now (${code}).`;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `its certificate is not issued for this host name (${code}).`;
  if (/wrong version number|packet length too long|unknown protocol/i.test(error.message)) {
    return 'it does not answer TLS (plain HTTP? allowHttp is honoured only for localhost).';
  }
  const firstLine = (error.message ?? '').split('\n')[0].replace(/^\S+ EPROTO [0-9A-F]+:error:[0-9A-F]+:/, '');
  return `${firstLine}${code ? ` (${code})` : ''}. ${CA_HINT}`;
}

function hostOf(url: URL): string {
  return url.host;
}

/** Maps a transport failure of a request to `url` to a RegistryError (messages carry no headers). */
export function transportError(error: unknown, url: URL): RegistryError {
  if (error instanceof RegistryError) return error;
  const err = error as NodeJS.ErrnoException;
  const host = hostOf(url);
  if (isTlsError(err)) return new RegistryError('tls', `TLS with ${host} failed: ${tlsReason(err)}`);
  if (err.code && NETWORK_CODES.has(err.code)) {
    return new RegistryError('network', `Cannot reach ${host}: ${err.code}${err.code === 'ECONNREFUSED' ? ' (nothing listens there)' : ''}.`);
  }
  return new RegistryError('network', `Request to ${host} failed: ${err.message ?? String(error)}`);
}

const caCache = new Map<string, { mtimeMs: number; pem: string }>();

/** The PEM text of `caFile` (re-read when the file changes); a missing or empty file is a `tls` error. */
export async function readCaFile(caFile: string): Promise<string> {
  let stat;
  try {
    stat = await fs.stat(caFile);
  } catch (error) {
    throw new RegistryError('tls', `Cannot read caFile ${caFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  const cached = caCache.get(caFile);
  if (cached && cached.mtimeMs === stat.mtimeMs) return cached.pem;
  const pem = await fs.readFile(caFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new RegistryError('tls', `Cannot read caFile ${caFile}: ${error.code ?? String(error)}.`);
  });
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new RegistryError('tls', `caFile ${caFile} holds no PEM certificate.`);
  caCache.set(caFile, { mtimeMs: stat.mtimeMs, pem });
  return pem;
}

export function httpRequest(request: HttpRequest): Promise<HttpResponse> {
  const { url, signal, timeoutMs } = request;
  const maxBodyBytes = request.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (signal?.aborted) return Promise.reject(new RegistryError('cancelled', `Request to ${hostOf(url)} was cancelled.`));

  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false;
    const options: https.RequestOptions = {
      method: request.method ?? 'GET',
      headers: { 'User-Agent': 'sagemaker-spec', ...request.headers },
    };
    if (url.protocol === 'https:' && request.extraCa) {
      // Setting `ca` replaces the defaults, so keep the system's roots alongside the entry's file.
      options.ca = [...tls.rootCertificates, request.extraCa];
    }
    const transport = url.protocol === 'https:' ? https : http;
    let req: http.ClientRequest;
    try {
      req = transport.request(url, options);
    } catch (error) {
      reject(transportError(error, url));
      return;
    }

    const finish = (error: RegistryError | undefined, response?: HttpResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (error) {
        req.destroy();
        reject(error);
      } else resolve(response as HttpResponse);
    };
    const onAbort = () => finish(new RegistryError('cancelled', `Request to ${hostOf(url)} was cancelled.`));
    const timer = setTimeout(
      () => finish(new RegistryError('timeout', `${hostOf(url)} did not answer within ${timeoutMs} ms.`)),
      timeoutMs,
    );
    signal?.addEventListener('abort', onAbort, { once: true });

    req.on('error', (error) => finish(transportError(error, url)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBodyBytes) {
          finish(new RegistryError('too-large', `${hostOf(url)} sent more than ${maxBodyBytes} bytes for ${url.pathname}.`, res.statusCode));
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', (error) => finish(transportError(error, url)));
      res.on('close', () => {
        if (!res.complete) finish(new RegistryError('network', `${hostOf(url)} closed the connection mid-answer.`));
      });
      res.on('end', () => finish(undefined, { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.end();
  });
}
