/**
 * `unknown-repository`: an image from a SageMaker-owned registry (an account of the catalog, in
 * a region where it serves images) naming a repository that account does not serve there, but a
 * typo away from one it does (`sagemaker-xgbost`, `pytorch-inferense`): the pull fails.
 *
 * The catalog comes from the SageMaker Python SDK's image configs, which do not list every
 * repository those accounts hold (the Deep Learning Container account 763104351884 has more), so
 * a name far from every listed one is left alone, and so are names that may be another
 * repository of the same family rather than a typo: a listed name extended
 * (`pytorch-training-neuron` → `…-neuronx`) or with other digits (`sagemaker-base-python-312`).
 * Shared by literal images and templates whose account, region and repository are static.
 */
import { closestMatches, digitsOf, isClearNearest, isTypoOf } from '../closestMatches';
import type { EditIntent } from '../edits/editIntent';
import type { QuickFix } from '../findings';
import type { OffsetRange } from '../jsonTree';
import type { RuleContext } from './ruleContext';

export interface RepositoryAtRegistry {
  account: string;
  /** The registry's region; undefined when a placeholder stands there and no region is explicit (any region the account serves). */
  region: string | undefined;
  repository: string;
  /** Where the repository is written. */
  range: OffsetRange;
  /** The intent of writing `name` in the repository's place; undefined when no edit can. */
  rename(name: string): EditIntent | undefined;
}

/** Reports a misspelt repository of a SageMaker-owned registry; true when it did. */
export function checkUnknownRepository(context: RuleContext, image: RepositoryAtRegistry): boolean {
  const { catalog } = context;
  if (!context.isEnabled('unknown-repository') || !catalog.isAwsAccount(image.account)) return false;
  const served = image.region !== undefined ? catalog.repositoriesHostedBy(image.account, image.region) : servedAnywhere(context, image.account);
  if (served.length === 0 || served.includes(image.repository)) return false;
  // A repository another account serves here is registry-account-mismatch's.
  if (image.region !== undefined ? catalog.accountsForRepository(image.repository, image.region).length > 0 : catalog.regionsForRepository(image.repository).length > 0) return false;
  const nearest = closestMatches(image.repository, served, 3).filter((name) => isTypoOf(image.repository, name) && mayBeTypoOf(image.repository, name));
  if (nearest.length === 0) return false;
  const clear = isClearNearest(image.repository, nearest) && isClearNearest(image.repository, closestMatches(image.repository, served, 2));
  const fixes: QuickFix[] = nearest.flatMap((name, index) => {
    const edit = image.rename(name);
    return edit ? [{ title: `Use repository ${name}`, intents: [edit], preferred: index === 0 && clear }] : [];
  });
  const meant = clear ? `Did you mean "${nearest[0]}"?` : `Did you mean ${nearest.map((name) => `"${name}"`).join(' or ')}?`;
  context.report(
    'unknown-repository',
    `Account ${image.account} serves no repository "${image.repository}" ${image.region !== undefined ? `in ${image.region}` : 'in any region'} in the SageMaker image catalog: the pull fails. ${meant}`,
    image.range,
    fixes,
    clear ? 'error' : 'warning',
  );
  return true;
}

/** The repositories the account serves in any region (sorted). */
function servedAnywhere(context: RuleContext, account: string): readonly string[] {
  const names = new Set<string>();
  for (const region of context.catalog.regionsOfAccount(account)) for (const name of context.catalog.repositoriesHostedBy(account, region)) names.add(name);
  return [...names].sort();
}

/**
 * False when `written` may be another repository of `name`'s family rather than a typo of it:
 * `name` extended (`-neuronx` beside `-neuron`), or other digits (a version in the name).
 */
function mayBeTypoOf(written: string, name: string): boolean {
  if (written.startsWith(name)) return false;
  return digitsOf(written) === digitsOf(name);
}
