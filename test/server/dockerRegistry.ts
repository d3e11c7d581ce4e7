// Debian's real Docker registry (distribution 2.8, /usr/bin/docker-registry) for the registry
// tests, started on 127.0.0.1 with a free port and a temporary storage folder, in one of three
// set-ups: anonymous over HTTP, htpasswd Basic auth behind TLS (a test CA given to the client as
// caFile), or token auth against test/server/tokenServer.ts. Images are pushed through the
// HTTP API alone (blob uploads and a manifest). See /work/shared/docs/real-registries.md.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { RegistryCredentials, RegistryEntry } from '../../src/core/registry/registryTypes';
import { makeTestCertificates } from './dockerRegistryCerts';
import { startTokenServer, type TokenServer } from './tokenServer';
import { freePort } from './freePort';

export { freePort };

export const DOCKER_REGISTRY = '/usr/bin/docker-registry';
const PACKAGES = [
  { name: 'docker-registry', present: () => fs.existsSync(DOCKER_REGISTRY) },
  { name: 'apache2-utils', present: () => onPath('htpasswd') },
  { name: 'openssl', present: () => onPath('openssl') },
];
const START_ATTEMPTS = 3;
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;

export type RegistryAuth = 'none' | 'htpasswd' | 'token';

export interface StartRegistryOptions {
  /** 'none' (default), 'htpasswd' (Basic) or 'token' (Bearer from a test token service). */
  auth?: RegistryAuth;
  /** Serve HTTPS with a certificate from a test CA (default: true for htpasswd, else false). */
  tls?: boolean;
  /** User name → password for htpasswd or the token service (default: one random user). */
  users?: Record<string, string>;
  /** Token mode: let requests without credentials pull and list the catalog (default false). */
  anonymousPull?: boolean;
}

export interface HarnessResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface DockerRegistry {
  auth: RegistryAuth;
  /** `127.0.0.1:PORT`, the host the client is asked about. */
  host: string;
  /** `http://127.0.0.1:PORT` or `https://127.0.0.1:PORT`. */
  origin: string;
  /** The sagemakerSpec.registries entry that reaches it (caFile for TLS, allowHttp for HTTP). */
  entry: RegistryEntry;
  /** The test CA (TLS only). */
  caFile?: string;
  /** The first user's credentials (htpasswd and token modes). */
  credentials?: RegistryCredentials;
  /** The token service (token mode only). */
  tokenServer?: TokenServer;
  /** Authorization header value with push and pull rights on `repository`, or undefined (anonymous). */
  authorization(repository: string): Promise<string | undefined>;
  /** A raw request to the registry (trusting the test CA). */
  request(method: string, pathOrUrl: string, options?: { headers?: Record<string, string>; body?: Buffer }): Promise<HarnessResponse>;
  /** The registry's log so far (its stderr and stdout). */
  log(): string;
  stop(): Promise<void>;
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, command)));
}

/**
 * Makes sure docker-registry, htpasswd and openssl are installed: installs the missing Debian
 * packages when running as root on Debian, otherwise throws naming them.
 */
export function ensureRegistryPackages(): void {
  const missing = PACKAGES.filter((p) => !p.present()).map((p) => p.name);
  if (missing.length === 0) return;
  const rootOnDebian = fs.existsSync('/etc/debian_version') && process.getuid?.() === 0;
  if (!rootOnDebian) throw new Error(`The registry tests need Debian packages: sudo apt-get install -y ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...missing]]) {
    const result = spawnSync('apt-get', args, { env, stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status}); install them by hand: apt-get install -y ${missing.join(' ')}`);
  }
}

function htpasswdLine(user: string, password: string): string {
  const result = spawnSync('htpasswd', ['-nbB', user, password], { encoding: 'utf8' });
  if (result.error || result.status !== 0) throw new Error(`htpasswd failed (${result.error?.message ?? result.stderr}): apt-get install -y apache2-utils`);
  return result.stdout.trim();
}

/** A request with node:http(s), trusting `ca` when given. */
export function rawRequest(url: URL, method: string, options: { headers?: Record<string, string>; body?: Buffer; ca?: string; timeoutMs?: number } = {}): Promise<HarnessResponse> {
  return new Promise((resolve, reject) => {
    const transport = url.protocol === 'https:' ? https : http;
    const headers = { ...options.headers };
    if (options.body) headers['Content-Length'] = String(options.body.length);
    const req = transport.request(url, { method, headers, ca: options.ca, agent: false, timeout: options.timeoutMs ?? 10_000 });
    req.on('timeout', () => req.destroy(new Error(`${method} ${url.href} timed out`)));
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.end(options.body);
  });
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function yamlString(value: string): string {
  return JSON.stringify(value);
}

/** Starts docker-registry; resolves once `GET /v2/` answers. */
export async function startDockerRegistry(options: StartRegistryOptions = {}): Promise<DockerRegistry> {
  ensureRegistryPackages();
  const auth = options.auth ?? 'none';
  const useTls = options.tls ?? auth === 'htpasswd';
  const users = options.users ?? { tester: `pw-${randomBytes(9).toString('base64url')}` };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-spec-registry-'));
  const cleanups: Array<() => Promise<void> | void> = [() => fs.rmSync(dir, { recursive: true, force: true })];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step();
  };
  try {
    const storage = path.join(dir, 'storage');
    fs.mkdirSync(storage);
    const certificates = useTls ? makeTestCertificates(path.join(dir, 'tls')) : undefined;
    const ca = certificates ? fs.readFileSync(certificates.caFile, 'utf8') : undefined;

    let tokenServer: TokenServer | undefined;
    const authLines: string[] = [];
    if (auth === 'htpasswd') {
      const file = path.join(dir, 'htpasswd');
      fs.writeFileSync(file, Object.entries(users).map(([user, password]) => htpasswdLine(user, password)).join('\n') + '\n');
      authLines.push('auth:', '  htpasswd:', '    realm: sagemaker-spec-test', `    path: ${yamlString(file)}`);
    } else if (auth === 'token') {
      const service = 'sagemaker-spec-test-registry';
      const issuer = 'sagemaker-spec-test-issuer';
      tokenServer = await startTokenServer({ dir: path.join(dir, 'token'), service, issuer, users, anonymousPull: options.anonymousPull });
      const server = tokenServer;
      cleanups.push(() => server.stop());
      authLines.push('auth:', '  token:', `    realm: ${yamlString(tokenServer.realm)}`, `    service: ${yamlString(service)}`,
        `    issuer: ${yamlString(issuer)}`, `    rootcertbundle: ${yamlString(tokenServer.certFile)}`);
    }

    const [user, password] = Object.entries(users)[0] ?? [];
    const credentials = user !== undefined && password !== undefined ? { username: user, password } : undefined;
    const logFile = path.join(dir, 'registry.log');

    let lastError: Error | undefined;
    for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      const port = await freePort();
      const host = `127.0.0.1:${port}`;
      const origin = `${useTls ? 'https' : 'http'}://${host}`;
      const config = path.join(dir, 'config.yml');
      fs.writeFileSync(config, [
        'version: 0.1',
        'log:',
        '  level: info',
        '  accesslog: {disabled: true}',
        'storage:',
        `  filesystem: {rootdirectory: ${yamlString(storage)}}`,
        '  delete: {enabled: true}',
        'http:',
        `  addr: ${host}`,
        `  secret: ${randomBytes(16).toString('hex')}`,
        ...(certificates ? ['  tls:', `    certificate: ${yamlString(certificates.server.certFile)}`, `    key: ${yamlString(certificates.server.keyFile)}`] : []),
        ...authLines,
        '',
      ].join('\n'));
      fs.writeFileSync(logFile, '');
      const logFd = fs.openSync(logFile, 'a');
      const child = spawn(DOCKER_REGISTRY, ['serve', config], { stdio: ['ignore', logFd, logFd] });
      fs.closeSync(logFd);
      running.add(child);
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.once('exit', () => running.delete(child));
      const log = () => fs.readFileSync(logFile, 'utf8');

      const stopChild = async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      };

      try {
        await waitUntilReady(origin, ca, child, log);
      } catch (error) {
        await stopChild();
        lastError = error as Error;
        if (/address already in use/i.test(log())) continue;
        throw error;
      }

      const registry: DockerRegistry = {
        auth,
        host,
        origin,
        entry: certificates ? { host, caFile: certificates.caFile } : { host, allowHttp: true },
        caFile: certificates?.caFile,
        credentials: auth === 'none' ? undefined : credentials,
        tokenServer,
        async authorization(repository) {
          if (auth === 'none' || !credentials) return undefined;
          if (auth === 'htpasswd') return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
          return `Bearer ${tokenServer?.issue(credentials.username, [`repository:${repository}:pull,push`, 'registry:catalog:*'])}`;
        },
        request: (method, pathOrUrl, requestOptions = {}) => rawRequest(new URL(pathOrUrl, origin), method, { ...requestOptions, ca }),
        log,
        async stop() {
          await stopChild();
          await cleanup();
        },
      };
      return registry;
    }
    throw lastError ?? new Error('docker-registry did not start');
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** Polls `GET /v2/` (any HTTP answer means it listens) with growing pauses, up to a deadline. */
async function waitUntilReady(origin: string, ca: string | undefined, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let pause = 20;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`docker-registry exited (${child.exitCode ?? child.signalCode}) before answering:\n${log().slice(-2000)}`);
    }
    try {
      const response = await rawRequest(new URL('/v2/', origin), 'GET', { ca, timeoutMs: 5_000 });
      if (response.status === 200 || response.status === 401) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`docker-registry did not answer GET /v2/ within ${READY_TIMEOUT_MS / 1000} s:\n${log().slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 250);
  }
}

// ---------------------------------------------------------------------------------------------
// Pushing test images through the HTTP API

export interface PushOptions {
  /** Docker schema 2 manifest (default) or OCI image manifest. */
  format?: 'docker' | 'oci';
  /** Makes the image's blobs (and so its digest) unique; default: random. */
  seed?: string;
}

export interface PushedImage {
  /** The manifest's digest as the registry reported it (`sha256:…`). */
  digest: string;
  mediaType: string;
  manifest: Buffer;
}

const MEDIA_TYPES = {
  docker: {
    manifest: 'application/vnd.docker.distribution.manifest.v2+json',
    config: 'application/vnd.docker.container.image.v1+json',
    layer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  },
  oci: {
    manifest: 'application/vnd.oci.image.manifest.v1+json',
    config: 'application/vnd.oci.image.config.v1+json',
    layer: 'application/vnd.oci.image.layer.v1.tar+gzip',
  },
};

function sha256(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

async function pushBlob(registry: DockerRegistry, repository: string, blob: Buffer, authorization: string | undefined): Promise<string> {
  const digest = sha256(blob);
  const auth: Record<string, string> = authorization ? { Authorization: authorization } : {};
  const started = await registry.request('POST', `/v2/${repository}/blobs/uploads/`, { headers: { ...auth, 'Content-Length': '0' } });
  if (started.status !== 202) throw new Error(`blob upload to ${repository} did not start: HTTP ${started.status} ${started.body.toString()}`);
  const location = new URL(String(started.headers.location), registry.origin);
  location.searchParams.set('digest', digest);
  const put = await registry.request('PUT', `${location.pathname}${location.search}`, {
    headers: { ...auth, 'Content-Type': 'application/octet-stream' },
    body: blob,
  });
  if (put.status !== 201) throw new Error(`blob upload to ${repository} failed: HTTP ${put.status} ${put.body.toString()}`);
  return digest;
}

/**
 * Pushes a tiny image (a config blob, one layer, a manifest) as `repository:tag` and returns the
 * manifest digest the registry reported (checked against the sha256 of the bytes sent).
 */
export async function pushImage(registry: DockerRegistry, repository: string, tag: string, options: PushOptions = {}): Promise<string> {
  return (await pushImageDetails(registry, repository, tag, options)).digest;
}

export async function pushImageDetails(registry: DockerRegistry, repository: string, tag: string, options: PushOptions = {}): Promise<PushedImage> {
  const types = MEDIA_TYPES[options.format ?? 'docker'];
  const seed = options.seed ?? randomBytes(8).toString('hex');
  const authorization = await registry.authorization(repository);
  const layerContent = Buffer.from(`sagemaker-spec test layer ${repository}:${tag} ${seed}\n`);
  const layer = zlib.gzipSync(layerContent);
  const config = Buffer.from(JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    config: { Labels: { 'org.opencontainers.image.title': `${repository}:${tag}` } },
    rootfs: { type: 'layers', diff_ids: [sha256(layerContent)] },
  }));
  const configDigest = await pushBlob(registry, repository, config, authorization);
  const layerDigest = await pushBlob(registry, repository, layer, authorization);
  const manifest = Buffer.from(JSON.stringify({
    schemaVersion: 2,
    mediaType: types.manifest,
    config: { mediaType: types.config, size: config.length, digest: configDigest },
    layers: [{ mediaType: types.layer, size: layer.length, digest: layerDigest }],
  }));
  const put = await registry.request('PUT', `/v2/${repository}/manifests/${tag}`, {
    headers: { ...(authorization ? { Authorization: authorization } : {}), 'Content-Type': types.manifest },
    body: manifest,
  });
  if (put.status !== 201) throw new Error(`manifest push of ${repository}:${tag} failed: HTTP ${put.status} ${put.body.toString()}`);
  const digest = String(put.headers['docker-content-digest'] ?? '');
  if (digest !== sha256(manifest)) throw new Error(`registry reported digest ${digest} for ${repository}:${tag}, expected ${sha256(manifest)}`);
  return { digest, mediaType: types.manifest, manifest };
}
