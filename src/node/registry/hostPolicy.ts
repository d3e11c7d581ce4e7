// Which registries may be contacted and how: only hosts listed in `sagemakerSpec.registries`,
// over HTTPS unless the entry allows plain HTTP on a loopback host.

import { normalizeRegistryHost } from '../../core/registry/registryHost';
import { RegistryError, type RegistryEntry } from '../../core/registry/registryTypes';

/** `name[:port]` or `[v6]:port`: nothing that could carry a path, credentials or a scheme. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface RegistryTarget {
  entry: RegistryEntry;
  /** The normalized host, used as the cache and credentials key. */
  host: string;
  /** `https://host` or, for an allowed loopback entry, `http://host`. */
  origin: string;
}

/** Lower case, without a scheme or trailing slash (the one spelling used for every key). */
export const normalizeHost = normalizeRegistryHost;

/** The host name without its port: `localhost:5000` → `localhost`, `[::1]:5000` → `[::1]`. */
export function hostName(host: string): string {
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
}

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_NAMES.has(hostName(normalizeHost(host)));
}

/**
 * The listed entry for `host` and the origin to use, or a `not-allowed` RegistryError. Never
 * touches the network.
 */
export function resolveTarget(entries: readonly RegistryEntry[], host: string): RegistryTarget {
  const wanted = normalizeHost(host);
  if (!HOST.test(wanted)) throw new RegistryError('not-allowed', `"${host}" is not a registry host name (expected host or host:port).`);
  const entry = entries.find((candidate) => normalizeHost(candidate.host) === wanted);
  if (!entry) {
    throw new RegistryError('not-allowed', `${wanted} is not in sagemakerSpec.registries, so it is not contacted.`);
  }
  if (entry.allowHttp) {
    if (!isLoopbackHost(wanted)) {
      throw new RegistryError(
        'not-allowed',
        `${wanted}: allowHttp is honoured only for localhost, 127.0.0.1 and [::1]; other registries are queried over HTTPS only, so remove allowHttp (and give its CA through caFile if needed).`,
      );
    }
    return { entry, host: wanted, origin: `http://${wanted}` };
  }
  return { entry, host: wanted, origin: `https://${wanted}` };
}
