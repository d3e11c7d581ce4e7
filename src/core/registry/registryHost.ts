/**
 * One spelling of a registry host for every key: settings entries, saved credentials, tokens and
 * cached answers. Sign-in saves under it and every lookup reads under it, so a host typed as
 * `https://Registry.Example.com/` finds the credentials a spec's `registry.example.com` asks for.
 */

/** Lower case, trimmed, without a scheme or trailing slashes: `https://Registry.Example.com:5000/` → `registry.example.com:5000`. */
export function normalizeRegistryHost(host: string): string {
  return host.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, '');
}
