// A fake registry (node:http on 127.0.0.1) whose repositories each show one fault the client must
// turn into the right RegistryError: the first path segment of the repository picks it.
//   private/*   401 with a Basic challenge unless the request carries `user:secret`
//   missing/*   404 NAME_UNKNOWN                broken/*     500
//   slow/*      answers after `slowMs` (manifests with a Docker-Content-Digest)
//   malformed/* 200 with truncated JSON
//   many/*      `manyTags` tags, paged by `n` with Link headers (pages of at most 1000)
//   huge/*      endless pages of about 1 MiB each (1,000 tags of 1,000 characters), each linking the next
//   endless/*   endless pages of one tag, each answered after `pageDelayMs` and linking the next
//   wide/*      one page of `wideTags` short tags
//   elsewhere/* a Link header pointing at another server
//   nodigest/*  manifests without Docker-Content-Digest (the client must hash the body)
// Every request is recorded, so tests can prove a host was never contacted.

import { createHash } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultRegistryOptions {
  /** Address to listen on (default 127.0.0.1). */
  address?: string;
  /** Delay of the slow/* answers (default 5000 ms). */
  slowMs?: number;
  /** Number of tags of many/* (default 10,000). */
  manyTags?: number;
  /** Delay of each endless/* page (default 100 ms). */
  pageDelayMs?: number;
  /** Number of tags of wide/* (default 150,000). */
  wideTags?: number;
  /** Credentials private/* accepts. */
  username?: string;
  password?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  hasAuthorization: boolean;
}

export interface FaultRegistry {
  /** `127.0.0.1:PORT`. */
  host: string;
  readonly requests: RecordedRequest[];
  /** The tags of many/*, in the order the server pages them. */
  manyTags: string[];
  /** The digest slow/* manifests report. */
  slowDigest: string;
  /** The manifest nodigest/* serves, and its sha256 digest. */
  manifest: Buffer;
  manifestDigest: string;
  stop(): Promise<void>;
}

const MAX_PAGE = 1000;

export async function startFaultRegistry(options: FaultRegistryOptions = {}): Promise<FaultRegistry> {
  const slowMs = options.slowMs ?? 5_000;
  const username = options.username ?? 'user';
  const password = options.password ?? 'secret';
  // Stored in an order unlike the one the client should return.
  const manyTags = Array.from({ length: options.manyTags ?? 10_000 }, (_, i) => `1.${(i * 7919) % (options.manyTags ?? 10_000)}.0`);
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.docker.distribution.manifest.v2+json', config: {}, layers: [] }));
  const manifestDigest = `sha256:${createHash('sha256').update(manifest).digest('hex')}`;
  const slowDigest = `sha256:${'5'.repeat(64)}`;
  const pageDelayMs = options.pageDelayMs ?? 100;
  const wideTags = options.wideTags ?? 150_000;
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  /** Answers after `ms`, unless the client hung up first. */
  const later = (res: http.ServerResponse, ms: number, answer: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      answer();
    }, ms);
    timers.add(timer);
    res.on('close', () => {
      clearTimeout(timer);
      timers.delete(timer);
    });
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fault.invalid');
    requests.push({ method: req.method ?? '', path: `${url.pathname}${url.search}`, hasAuthorization: req.headers.authorization !== undefined });
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'Docker-Distribution-Api-Version': 'registry/2.0', ...headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const registryError = (status: number, code: string, message: string) => json(status, { errors: [{ code, message, detail: null }] });

    if (url.pathname === '/v2/' || url.pathname === '/v2') return json(200, {});
    if (url.pathname === '/v2/_catalog') return json(200, { repositories: ['broken/app', 'many/app', 'missing/app', 'private/app', 'slow/app'] });
    const match = /^\/v2\/((\w+)\/[\w/.-]+?)\/(tags\/list|manifests\/([\w.-]+))$/.exec(url.pathname);
    if (!match) return registryError(404, 'NAME_UNKNOWN', 'repository name not known to registry');
    const [, name, fault, , tag] = match;

    switch (fault) {
      case 'private': {
        const expected = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
        if (req.headers.authorization !== expected) {
          res.setHeader('WWW-Authenticate', 'Basic realm="fault-registry"');
          return registryError(401, 'UNAUTHORIZED', 'authentication required');
        }
        return tag === undefined ? json(200, { name, tags: ['2.0', 'latest', '10.0'] }) : registryError(404, 'MANIFEST_UNKNOWN', 'manifest unknown');
      }
      case 'missing':
        return registryError(404, 'NAME_UNKNOWN', 'repository name not known to registry');
      case 'broken':
        return json(500, 'internal error');
      case 'slow':
        return later(res, slowMs, () => {
          if (tag === undefined) return json(200, { name, tags: ['1.0'] });
          res.writeHead(200, { 'Content-Type': 'application/vnd.docker.distribution.manifest.v2+json', 'Docker-Content-Digest': slowDigest, 'Content-Length': String(manifest.length) });
          res.end(req.method === 'HEAD' ? undefined : manifest);
        });
      case 'huge': {
        const page = Number(url.searchParams.get('page') ?? 0);
        const tags = Array.from({ length: 1000 }, (_, i) => `${page}-${i}-`.padEnd(1000, 'x'));
        return json(200, { name, tags }, { Link: `</v2/${name}/tags/list?page=${page + 1}>; rel="next"` });
      }
      case 'endless': {
        const page = Number(url.searchParams.get('page') ?? 0);
        return later(res, pageDelayMs, () => json(200, { name, tags: [`${page}.0`] }, { Link: `</v2/${name}/tags/list?page=${page + 1}>; rel="next"` }));
      }
      case 'wide':
        return json(200, { name, tags: Array.from({ length: wideTags }, (_, i) => `1.${i}`) });
      case 'malformed':
        return json(200, `{"name": "${name}", "tags": ["1.0", `);
      case 'many': {
        const n = Math.min(Number(url.searchParams.get('n') ?? MAX_PAGE) || MAX_PAGE, MAX_PAGE);
        const last = url.searchParams.get('last');
        const start = last === null ? 0 : manyTags.indexOf(last) + 1;
        const page = manyTags.slice(start, start + n);
        const headers: Record<string, string> = {};
        if (start + n < manyTags.length) {
          headers.Link = `</v2/${name}/tags/list?last=${encodeURIComponent(page[page.length - 1])}&n=${n}>; rel="next"`;
        }
        return json(200, { name, tags: page }, headers);
      }
      case 'elsewhere':
        return json(200, { name, tags: ['1.0'] }, { Link: `<http://127.0.0.2:1/v2/${name}/tags/list?last=1.0>; rel="next"` });
      case 'nodigest':
        if (tag === undefined) return json(200, { name, tags: ['1.0'] });
        res.writeHead(200, { 'Content-Type': 'application/vnd.docker.distribution.manifest.v2+json', 'Content-Length': String(manifest.length) });
        return res.end(req.method === 'HEAD' ? undefined : manifest);
      default:
        return registryError(404, 'NAME_UNKNOWN', 'repository name not known to registry');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, options.address ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    host: `${address.address}:${address.port}`,
    requests,
    manyTags,
    manifest,
    manifestDigest,
    slowDigest,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
