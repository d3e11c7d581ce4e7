// A small Docker token service (the `auth: token` flow of distribution 2.8) for the registry
// tests: GET /token?service=…&scope=… with optional Basic credentials answers
// `{token, access_token, expires_in, issued_at}`, where the token is an ES256 JWT whose header
// carries its certificate (`x5c`), the certificate the registry trusts through `rootcertbundle`.

import { createPrivateKey, randomUUID, sign, X509Certificate, type KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { makeSigningCertificate } from './dockerRegistryCerts';

export interface TokenServerOptions {
  /** Folder for the signing key and certificate. */
  dir: string;
  /** `aud` of the tokens; the registry's `auth.token.service`. */
  service: string;
  /** `iss` of the tokens; the registry's `auth.token.issuer`. */
  issuer: string;
  /** User name → password. */
  users: Record<string, string>;
  /** Grant `pull` (and the catalog) to requests without credentials (default false: nothing). */
  anonymousPull?: boolean;
  /** Lifetime of the tokens in seconds (default 300). */
  expiresInSeconds?: number;
}

export interface TokenRequestRecord {
  user?: string;
  service?: string;
  scopes: string[];
  status: number;
}

export interface TokenServer {
  /** `http://127.0.0.1:PORT/token`, the registry's `auth.token.realm`. */
  realm: string;
  /** PEM certificate of the signing key, the registry's `auth.token.rootcertbundle`. */
  certFile: string;
  /** Every token request so far, oldest first. */
  readonly requests: TokenRequestRecord[];
  /** A token for `user` with the given scopes (`repository:name:pull,push`), for test pushes. */
  issue(user: string | undefined, scopes: string[]): string;
  stop(): Promise<void>;
}

interface Access {
  type: string;
  name: string;
  actions: string[];
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/** `repository:team/app:pull,push` → {type, name, actions}; the name may itself hold colons. */
export function parseScope(scope: string): Access | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first < 0 || last <= first) return undefined;
  return { type: scope.slice(0, first), name: scope.slice(first + 1, last), actions: scope.slice(last + 1).split(',').filter(Boolean) };
}

function signJwt(key: KeyObject, certDer: Buffer, claims: object): string {
  const header = { typ: 'JWT', alg: 'ES256', x5c: [certDer.toString('base64')] };
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
  return `${input}.${base64url(signature)}`;
}

function parseBasic(header: string | undefined): { user: string; password: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export async function startTokenServer(options: TokenServerOptions): Promise<TokenServer> {
  const { keyFile, certFile } = makeSigningCertificate(path.join(options.dir, 'token-signing'));
  const key = createPrivateKey(fs.readFileSync(keyFile));
  const certDer = Buffer.from(new X509Certificate(fs.readFileSync(certFile)).raw);
  const lifetime = options.expiresInSeconds ?? 300;
  const requests: TokenRequestRecord[] = [];

  const grant = (user: string | undefined, scopes: string[]): Access[] =>
    scopes.flatMap((scope) => {
      const access = parseScope(scope);
      if (!access) return [];
      const allowed = user !== undefined ? ['pull', 'push', '*'] : options.anonymousPull ? ['pull', '*'] : [];
      const actions = access.actions.filter((action) => allowed.includes(action));
      return actions.length > 0 ? [{ ...access, actions }] : [];
    });

  const issue = (user: string | undefined, scopes: string[]): string => {
    const now = Math.floor(Date.now() / 1000);
    return signJwt(key, certDer, {
      iss: options.issuer,
      sub: user ?? '',
      aud: options.service,
      exp: now + lifetime,
      nbf: now - 10,
      iat: now,
      jti: randomUUID(),
      access: grant(user, scopes),
    });
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://token.invalid');
    const scopes = url.searchParams.getAll('scope').flatMap((scope) => scope.split(' ')).filter(Boolean);
    const record: TokenRequestRecord = { service: url.searchParams.get('service') ?? undefined, scopes, status: 200 };
    requests.push(record);
    const reply = (status: number, body: object) => {
      record.status = status;
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET' || url.pathname !== '/token') return reply(404, { details: 'not found' });
    if (record.service !== options.service) return reply(400, { details: 'unknown service' });
    let user: string | undefined;
    if (req.headers.authorization) {
      const basic = parseBasic(req.headers.authorization);
      if (!basic || options.users[basic.user] !== basic.password) return reply(401, { details: 'invalid credentials' });
      user = basic.user;
      record.user = user;
    }
    const token = issue(user, scopes);
    reply(200, { token, access_token: token, expires_in: lifetime, issued_at: new Date().toISOString() });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    realm: `http://127.0.0.1:${port}/token`,
    certFile,
    requests,
    issue,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

