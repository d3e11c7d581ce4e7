/**
 * `unknown-region` on the region a Python client is made for (`boto3.client("sagemaker",
 * region_name="us-est-1")`): the code sends its requests there, so a typo there fails every call.
 * Reported on the literal, with the nearest regions as fixes (preferred only when clear).
 */
import { closestMatches, isClearNearest } from '../closestMatches';
import { intent } from '../edits/editIntent';
import type { QuickFix } from '../findings';
import { isPlaceholderRegion, meantRegionNote, PLACEHOLDER_REGION_NOTE, type CodeRegion } from '../region';
import { nodeRange, type RuleContext } from './ruleContext';

export function checkCodeRegion(context: RuleContext, codeRegion: CodeRegion): void {
  const { region, node } = codeRegion;
  if (region === undefined || !node || context.catalog.region(region)) return;
  if (isPlaceholderRegion(region)) {
    context.report('unknown-region', `"${region}" is not a region the catalog knows: the client sends every request there. ${PLACEHOLDER_REGION_NOTE}`, nodeRange(node), []);
    return;
  }
  const suggestions = closestMatches(region, context.catalog.regions().map((known) => known.name), 3);
  const clear = isClearNearest(region, suggestions);
  const fixes: QuickFix[] = suggestions.map((name, index) => ({ title: `Change the region to ${name}`, intents: [intent.replaceValue(node, name)], preferred: index === 0 && clear }));
  context.report('unknown-region', `"${region}" is not a region the catalog knows: the client sends every request there.${meantRegionNote(suggestions, clear)}`, nodeRange(node), fixes);
}
