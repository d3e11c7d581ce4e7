/**
 * The user's own Amazon ECR as a RegistryQuery: each host is checked with the core's ECR host
 * check and the catalog's regions before the AWS bundle is loaded, a client is made or a call is
 * sent. A host that is not ECR, or names a region the catalog does not know with that DNS suffix,
 * fails with `not-allowed` at no cost.
 */
import type { AwsApi, AwsTarget } from '../../aws/api';
import type { Catalog } from '../../core/catalog/catalog';
import { ecrQueryTarget, type EcrQueryTarget } from '../../core/registry/ecrHost';
import { RegistryError, type RegistryQuery } from '../../core/registry/registryTypes';

export type EcrApi = Pick<AwsApi, 'ecrRepositories' | 'ecrImages' | 'ecrDigest'>;

export interface EcrRegistrySourceOptions {
  catalog: () => Catalog;
  /** The AWS implementation, asked for only once a host has passed the checks (it loads the SDK). */
  aws: () => EcrApi;
  /** Credentials, profile and endpoint of the launch commands; the region is replaced by the host's. */
  baseTarget: () => AwsTarget;
}

export function createEcrRegistrySource(options: EcrRegistrySourceOptions): RegistryQuery {
  const checked = (host: string): { ecr: EcrQueryTarget; target: AwsTarget } => {
    const ecr = ecrQueryTarget(host, options.catalog());
    if (!ecr) throw new RegistryError('not-allowed', `${host} is not an Amazon ECR registry in a known region, so AWS is not asked.`);
    return { ecr, target: { ...options.baseTarget(), region: ecr.region } };
  };
  return {
    async listRepositories(host, signal) {
      const { ecr, target } = checked(host);
      return options.aws().ecrRepositories(target, ecr.account, signal);
    },
    async listTags(host, repository, signal) {
      const { ecr, target } = checked(host);
      return options.aws().ecrImages(target, ecr.account, repository, signal);
    },
    async resolveDigest(host, repository, tag, signal) {
      const { ecr, target } = checked(host);
      return options.aws().ecrDigest(target, ecr.account, repository, tag, signal);
    },
  };
}
