/**
 * The hyperparameter map of an SDK Amazon algorithm estimator (`KMeans(k=10, max_iterations=20)`):
 * the host gives the keyword arguments by keyword name; the algorithm reads them by hyperparameter
 * name. The class attribute differs from the name for a few (`max_iterations` sets
 * `local_lloyd_max_iter`), so the keys are renamed here from the facts' `sdkKeyword`, keeping each
 * key's range on the keyword as written: findings land on the source, and fixes edit it.
 */
import type { Node } from 'jsonc-parser';
import type { AlgorithmFacts } from './algorithmTable';

/**
 * A copy of `keywords` (an object whose keys are keyword names) keyed by hyperparameter name;
 * every other field of the object (where a fix inserts a keyword, whether members are open) is
 * kept. A keyword the facts do not map is left out: it is no hyperparameter of this algorithm.
 */
export function hyperparametersFromKeywords(facts: AlgorithmFacts, keywords: Node): Node {
  const byKeyword = new Map<string, string>();
  for (const name of facts.hyperparameterNames) {
    const keyword = facts.hyperparameter(name)?.sdkKeyword;
    if (keyword !== undefined) byKeyword.set(keyword, name);
  }
  const renamed: Node = { ...keywords, children: [] };
  for (const property of keywords.children ?? []) {
    const [key, value] = property.children ?? [];
    const name = typeof key?.value === 'string' ? byKeyword.get(key.value) : undefined;
    if (!key || !value || name === undefined) continue;
    const member: Node = { ...property, parent: renamed, children: [] };
    member.children!.push({ ...key, value: name, parent: member }, value);
    renamed.children!.push(member);
  }
  return renamed;
}
