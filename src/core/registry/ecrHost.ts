/**
 * Which registry hosts are Amazon ECR, decided once for the live-registry and AWS code: the core's
 * own image-reference parser (account, `dkr.ecr[-fips]`, region and one of ECR's DNS suffixes), so
 * `123456789012.dkr.ecr.us-east-1.evil.example` is a private registry like any other host, never
 * sent the user's AWS credentials.
 */
import type { Catalog } from '../catalog/catalog';
import { parseImageReference, type EcrRegistry } from '../imageReference';

/** Any valid repository name: the parser reads a host only as part of a reference. */
const PROBE_REPOSITORY = 'probe';

/** The ECR registry a host names (`<account>.dkr.ecr[-fips].<region>.<dnsSuffix>`), or undefined for any other host. */
export function ecrRegistryOfHost(host: string): EcrRegistry | undefined {
  const parsed = parseImageReference(`${host}/${PROBE_REPOSITORY}`);
  if (!parsed.ok || parsed.reference.host?.text !== host) return undefined;
  return parsed.reference.ecr;
}

/** Where an ECR query goes: the registry id (account) and the region of its SDK clients. */
export interface EcrQueryTarget {
  account: string;
  region: string;
}

/**
 * The account and region to query for an ECR host, or undefined when the host is not ECR or its
 * region is not a region the catalog knows with that DNS suffix. Checked before any SDK client is
 * created, so made-up regions in a file cost nothing.
 */
export function ecrQueryTarget(host: string, catalog: Catalog): EcrQueryTarget | undefined {
  const ecr = ecrRegistryOfHost(host);
  if (!ecr) return undefined;
  const region = catalog.region(ecr.region.text);
  if (!region || region.dnsSuffix !== ecr.dnsSuffix.text) return undefined;
  return { account: ecr.account.text, region: region.name };
}
