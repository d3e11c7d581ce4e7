/**
 * What every region a template is deployed to serves: the regions the user listed
 * (templateRegions), else every catalog region. A template with the region a placeholder
 * (`${AWS::Region}`) runs in each of them, so only what all of them serve is a safe suggestion.
 */
import type { RuleContext } from './ruleContext';

/**
 * The entries of `listIn(region)` that every deployed region's list holds (by `keyOf`), in the
 * first such region's order; regions whose list is empty (the repository is not served there, or
 * the catalog does not know the region) are left out. Empty when no region lists anything.
 */
export function servedInEveryRegion<T>(context: RuleContext, listIn: (region: string) => readonly T[], keyOf: (entry: T) => string): T[] {
  const regions = context.region.regions ?? context.catalog.regions().map((region) => region.name);
  let common: T[] | undefined;
  for (const region of regions) {
    const here = listIn(region);
    if (here.length === 0) continue;
    const served = new Set(here.map(keyOf));
    common = (common ?? [...here]).filter((entry) => served.has(keyOf(entry)));
  }
  return common ?? [];
}
