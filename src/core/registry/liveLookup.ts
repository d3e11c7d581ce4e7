/**
 * What the core reads of live registries: cached answers only, synchronously, so completion and
 * diagnostics never wait on the network. The editor fills the cache (within a time budget) and
 * re-runs diagnostics when answers arrive.
 */
import type { ImageReference } from '../imageReference';
import type { Catalog } from '../catalog/catalog';
import type { RemoteTag } from './registryTypes';

export interface LiveLookup {
  /** Repositories of a registry host, when they have been fetched. */
  repositories(host: string): readonly string[] | undefined;
  /** Tags of a repository, newest first, when they have been fetched. */
  tags(host: string, repository: string): readonly RemoteTag[] | undefined;
}

/**
 * Whether an image lives in a registry we can ask: the user's own Amazon ECR (an account the
 * catalog does not know as SageMaker's), or a registry outside ECR named by host. Docker Hub
 * short names have no host and are not queried.
 */
export function isLiveImage(reference: ImageReference, catalog: Catalog): boolean {
  if (!reference.host) return false;
  if (reference.ecr) return !catalog.isAwsAccount(reference.ecr.account.text);
  return true;
}
