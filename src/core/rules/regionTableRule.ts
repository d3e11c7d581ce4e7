/**
 * A template's table read by the stack's region (`!FindInMap [Table, !Ref AWS::Region, Key]`, or
 * `[Table, TopKey, !Ref AWS::Region]` with the rows under `TopKey`: RegionTableFacts), whatever its rows hold (an account: accountTableRule.ts; a whole image: templateImageRule.ts):
 * what is wrong with its keys is said once, on the table, with the same fixes for both.
 * - A row whose key is no region (`eu-wset-1`) is never read by a stack: `unknown-region` on the
 *   key, with renames to the nearest regions not already in the table (the clear nearest
 *   preferred). A row that repeats a nearest region's row already in the table (`us-west-3`
 *   beside `us-west-2`, the same value read) cannot be renamed to it: the finding says so, and
 *   the fix removes the row (preferred only when the whole row is the same).
 * - A region written twice: `duplicate-key` on each later row (only one of them is read).
 * - A region the template is deployed to (templateRegions, --template-region; else the one region
 *   chosen, --region, AWS_REGION, the profile's: see deploymentRegions) without a row:
 *   `!FindInMap` fails there, and the stack with it — `mapping-missing-region` on the key of the
 *   rows (the table's name, or `TopKey`), with a fix adding the rows when the caller can say their values. In a template the CDK
 *   synthesized (no fix there), the CfnMapping's `findInMap` and the row to add in the CDK code;
 *   for a table the CDK writes from its region facts, what the user can do (cdkRegionFacts.ts). A region a misspelt
 *   key clearly corrects to is not among them: that key's `unknown-region` says the region is
 *   missing, and its rename fixes both (one finding for one typo). With a `DefaultValue`, a
 *   region without a row reads it: nothing is missing (the rows' rule checks the default there).
 * Every fix names the rows it gives (a rename or a new member of the table's rows), so fix-all
 * never writes one region twice in a round (fixAll.ts).
 */
import type { Node } from 'jsonc-parser';
import { closestMatches, editDistance, isClearNearest, isTypoOf, TYPO_EDITS } from '../closestMatches';
import { intent, type HostIntent } from '../edits/editIntent';
import type { QuickFix } from '../findings';
import { isDynamic, type RegionTableFacts } from '../requestTree';
import { cdkFindInMapWords, findInMapWords, rowPath, rowValueWords } from '../regionTable';
import { nodeRange, type RuleContext } from './ruleContext';
import { possessive } from '../possessive';
import { deploymentRegions, meantRegionNote } from '../region';
import { isCdkRegionFactTable, regionFactAdvice } from '../cdkRegionFacts';

export type RegionTable = RegionTableFacts;

/** Rows and tables already reported for this request (several images may read one mapping). */
const reported = new WeakMap<RuleContext, Set<string>>();

/** True the first time `what` is reported for this request. */
export function firstTime(context: RuleContext, what: string): boolean {
  let seen = reported.get(context);
  if (!seen) reported.set(context, (seen = new Set()));
  if (seen.has(what)) return false;
  seen.add(what);
  return true;
}

/** The value a new row for `region` should hold (an account, an image), or undefined when the catalog does not make it clear. */
export type RowValueFor = (region: string) => string | undefined;

/**
 * Checks `table`'s keys: unknown regions and duplicates when `rowRegionsRead` (the key is the
 * stack's region, so a wrong key is a row never read), and the deployed regions without a row
 * in any case. `valueFor` gives the value a missing row would hold.
 */
export function checkRegionTable(context: RuleContext, table: RegionTable, rowRegionsRead: boolean, valueFor: RowValueFor): void {
  const missing = missingRegions(context, table);
  const renames = rowRegionsRead ? checkRowKeys(context, table, valueFor, missing) : new Map<string, Node>();
  checkDeployedRegions(context, table, missing.filter((region) => !renames.has(region)), valueFor);
}

/**
 * The regions the template is deployed to (templateRegions, else the one region chosen: see
 * deploymentRegions) without a row holding the table's key. A chosen region the catalog does not
 * know is left out: it is no region a stack is created in.
 */
function missingRegions(context: RuleContext, table: RegionTable): string[] {
  return table.fallback ? [] : regionsWithoutRow(context, table);
}

/**
 * The regions the template is deployed to without a row (see missingRegions), whether or not a
 * `DefaultValue` stands for them; none when no region is chosen.
 */
export function regionsWithoutRow(context: RuleContext, table: RegionTable): string[] {
  const deployed = deploymentRegions(context.region);
  if (!deployed || !table.rowsKey || !table.key) return [];
  const written = new Set(table.values.map((row) => row.region));
  return deployed.regions.filter((region) => !written.has(region) && (context.region.regions !== undefined || context.catalog.region(region) !== undefined));
}

/** Where the regions the template is deployed to were given, for messages (`templateRegions`, `--region`, `AWS_REGION`). */
function deployedFrom(context: RuleContext): string {
  return deploymentRegions(context.region)?.settingName ?? 'templateRegions';
}

/** The object of the table's rows (the value of its name in `Mappings`, or of the top-level key above the rows), when there is one. */
export function rowsOf(table: RegionTable): Node | undefined {
  const rows = table.rowsKey?.parent?.children?.[1];
  return rows?.type === 'object' ? rows : undefined;
}

/**
 * unknown-region on each key that is no catalog region, duplicate-key on each region written
 * again; returns the clear corrections (region → the misspelt key renamed to it). A key that
 * clearly stands for a `missing` deployed region says so: its rename adds that row.
 */
function checkRowKeys(context: RuleContext, table: RegionTable, valueFor: RowValueFor, missing: readonly string[]): Map<string, Node> {
  const { catalog } = context;
  const rows = rowsOf(table);
  // Every key of the table, with or without the column read: a rename must not take one of them.
  const keys = (rows?.children ?? []).flatMap((property) => (typeof property.children?.[0]?.value === 'string' ? [property.children[0]] : []));
  const names = keys.map((key) => key.value as string);
  const renames = new Map<string, Node>();
  const regions = catalog.regions().map((known) => known.name);
  const candidates = regions.filter((name) => !names.includes(name));
  for (const row of table.values) {
    if (catalog.region(row.region) !== undefined) continue;
    let suggestions = closestMatches(row.region, candidates, 3);
    // Equally near regions (`eu-wset-1`: eu-west-2, eu-west-3) are a guess: none preferred. Judged
    // among every region, keys of the table included: `us-west-3` beside rows for us-west-1 and
    // us-west-2 is still a tie, and `eu-wset-1` beside eu-west-1 is that row again, not eu-west-3.
    const nearest = closestMatches(row.region, regions, 3);
    let clear = isClearNearest(row.region, nearest) && suggestions[0] === nearest[0];
    // A tie the row's own value decides: of the regions a typo away, the one whose value (its
    // catalog account) the row holds (`us-west-3: 246618743249` is us-west-2's row).
    const byValue = clear || row.text === undefined ? [] : suggestions.filter((name) => isTypoOf(row.region, name) && valueFor(name) === row.text);
    if (byValue.length === 1) {
      clear = true;
      suggestions = [byValue[0], ...suggestions.filter((name) => name !== byValue[0])];
    }
    if (clear && !renames.has(suggestions[0])) renames.set(suggestions[0], row.key);
    if (!firstTime(context, `${row.key.offset}:region`)) continue;
    const renameFixes: QuickFix[] = suggestions.map((name, index) => ({ title: `Change the region to ${name}`, intents: [intent.renameMember(row.key, name)], preferred: index === 0 && clear }));
    const repeated = repeatedRows(catalog, table, row, nearest[0]);
    const deployed = clear && renames.get(suggestions[0]) === row.key && missing.includes(suggestions[0]) ? missingHint(context, table, suggestions[0]) : '';
    context.report(
      'unknown-region',
      // A clear rename is named ("Did you mean eu-west-2?"), unless the deployed region's hint names it already.
      `"${row.region}" is not a region with SageMaker registries: mapping ${possessive(table.table)} row for it is never read for a stack's region.${deployed ? '' : meantRegionNote(suggestions, clear)}${repeated ? repeatedHint(table, repeated) : ''}${deployed}`,
      nodeRange(row.key),
      repeated ? [removalFix(row, repeated, !clear), ...renameFixes] : renameFixes,
    );
  }
  keys.forEach((key, index) => {
    const name = names[index];
    if (!names.slice(0, index).includes(name) || !firstTime(context, `${key.offset}:duplicate`)) return;
    context.report('duplicate-key', `Mapping ${table.table} has more than one row for "${name}": only one of them is read for stacks in ${name}. Remove or rename the others.`, nodeRange(key));
  });
  return renames;
}

/** The rows a misspelt row repeats (see repeatedRows): their regions, and whether one of them is the whole row again. */
interface RepeatedRows {
  regions: string[];
  identical: boolean;
}

/**
 * The rows of real regions among the nearest to `row`'s key (`us-west-2` for `us-west-3`, as near
 * as `nearest`, a typo away) that hold the value it holds in the column read: the row is most
 * likely one of them written again, and a rename would write their region twice. (`us-eest-2`
 * holding us-east-1's value is nearer us-east-2: a region to rename it to, not a repeat.)
 * `identical` when one of them is the same whole row (every column alike), undefined when none.
 */
function repeatedRows(catalog: RuleContext['catalog'], table: RegionTable, row: RegionTable['values'][number], nearest: string | undefined): RepeatedRows | undefined {
  if (row.text === undefined || nearest === undefined) return undefined;
  const written = row.region.toLowerCase();
  const distance = (region: string) => editDistance(written, region.toLowerCase(), TYPO_EDITS + 1);
  const nearestDistance = distance(nearest);
  const twins = table.values.filter(
    (other) => other !== row && other.text === row.text && other.region !== row.region && isTypoOf(row.region, other.region) && distance(other.region) <= nearestDistance && catalog.region(other.region) !== undefined,
  );
  if (twins.length === 0) return undefined;
  const rowValue = row.key.parent?.children?.[1];
  const identical = twins.some((twin) => sameValue(rowValue, twin.key.parent?.children?.[1]));
  return { regions: [...new Set(twins.map((twin) => twin.region))], identical };
}

/** What the finding on a key that clearly stands for a deployed region without a row adds: the stack fails there too. */
function missingHint(context: RuleContext, table: RegionTable, region: string): string {
  return ` It looks like ${region} misspelt, where this template is deployed (${deployedFrom(context)}) and the table has no row: ${lookupWords(context, table)} fails there, and the stack with it.`;
}

/**
 * The table's lookup by the stack's region as the user writes it: `!FindInMap [Table, !Ref
 * AWS::Region, Key]` in a template, a CfnMapping's `findInMap(Aws.REGION, 'key')` in a CDK app.
 */
function lookupWords(context: RuleContext, table: RegionTable): string {
  return context.spec.cdkSynthesized ? `its CfnMapping's ${cdkFindInMapWords(table)}` : findInMapWords(table);
}

/** What the finding adds for a row that repeats others: which, and what to do. */
function repeatedHint(table: RegionTable, repeated: RepeatedRows): string {
  const regions = repeated.regions.join(' and ');
  const rows = repeated.regions.length === 1 ? `${regions}'s row` : `the rows of ${regions}`;
  const what = repeated.identical ? `It repeats ${rows}` : `It holds the ${rowValueWords(table)} of ${rows}, with other values besides`;
  const keep = repeated.identical ? '' : ` once what it should keep is in ${rows}`;
  return ` ${what} (renamed to ${repeated.regions.length === 1 ? regions : 'one of them'}, the table would have that region twice): remove it${keep}, or rename it to the region it was meant for.`;
}

/** Removes the misspelt row: preferred (fix-all) only when it is a real region's whole row again and no rename is clear. */
function removalFix(row: RegionTable['values'][number], repeated: RepeatedRows, mayPrefer: boolean): QuickFix {
  return { title: `Remove row ${row.region} (it repeats ${repeated.regions.join(' and ')})`, intents: [intent.removeMember(row.key)], preferred: mayPrefer && repeated.identical };
}

/**
 * True when `a` and `b` hold the same value: the same type, the same scalar value, the same
 * members with the same values (in any order), the same items in order. An explicit stack: a
 * row's depth is the template's to choose.
 */
function sameValue(a: Node | undefined, b: Node | undefined): boolean {
  const pairs: [Node | undefined, Node | undefined][] = [[a, b]];
  while (pairs.length > 0) {
    const [left, right] = pairs.pop()!;
    if (!left || !right || left.type !== right.type) return false;
    if (left.type === 'array') {
      const items = left.children ?? [];
      const others = right.children ?? [];
      if (items.length !== others.length) return false;
      items.forEach((item, index) => pairs.push([item, others[index]]));
    } else if (left.type === 'object') {
      const members = left.children ?? [];
      const others = new Map((right.children ?? []).map((member) => [member.children?.[0]?.value, member.children?.[1]]));
      if (members.length !== (right.children?.length ?? 0) || others.size !== members.length) return false;
      for (const member of members) {
        const name = member.children?.[0]?.value;
        if (typeof name !== 'string' || !others.has(name)) return false;
        pairs.push([member.children?.[1], others.get(name)]);
      }
    } else if (left.value !== right.value || isDynamic(left) || isDynamic(right)) {
      return false;
    }
  }
  return true;
}

/**
 * The regions the template is deployed to (templateRegions: the user listed them) must each have
 * a row with the table's key, or `!FindInMap` fails there. `missing`: those without one, less
 * the regions a misspelt key's rename gives (its unknown-region says so). The fix adds their rows
 * when `valueFor` names each value.
 */
function checkDeployedRegions(context: RuleContext, table: RegionTable, missing: readonly string[], valueFor: RowValueFor): void {
  if (missing.length === 0 || !table.rowsKey || !table.key || !firstTime(context, `${table.rowsKey.offset}:${table.key}:regions`)) return;
  const rows = rowsOf(table);
  const values = missing.map((region) => valueFor(region));
  // Every missing region is settled by the fix, or there is none: half a fix would still fail the stack.
  const fixes: QuickFix[] =
    rows !== undefined && values.every((value) => value !== undefined)
      ? [{ title: `Add ${missing.map((region, index) => `${region}: ${values[index]}`).join(', ')}`, intents: missing.map((region, index): HostIntent => intent.setMember(rows, rowPath(table, region), values[index]!)), preferred: true }]
      : [];
  const found = `Mapping ${table.table} has no ${rowValueWords(table)} for ${missing.join(', ')}, where this template is deployed (${deployedFrom(context)})`;
  context.report('mapping-missing-region', context.spec.cdkSynthesized ? cdkMissingMessage(found, table, missing, values) : `${found}: ${lookupWords(context, table)} fails there, and the stack with it.`, nodeRange(table.rowsKey), fixes);
}

/**
 * mapping-missing-region in a template the CDK synthesized, whose fix (a row added to the
 * template) is not offered: the row to add to the CfnMapping in the CDK code, when every value is
 * known; for a table the CDK writes itself from its region facts, the ways out (cdkRegionFacts.ts).
 */
function cdkMissingMessage(found: string, table: RegionTable, missing: readonly string[], values: readonly (string | undefined)[]): string {
  if (table.regionLevel === 'top' && isCdkRegionFactTable(table.table, table.key)) {
    const known = missing.flatMap((region, index) => (values[index] !== undefined ? [`${values[index]} in ${region}`] : []));
    return `${found}: the stack fails there. ${regionFactAdvice(missing.join(', '), known)}`;
  }
  const row = (region: string, value: string | undefined) => (table.regionLevel === 'top' ? `'${region}': { ${table.key}: '${value}' }` : `'${region}': '${value}'`);
  const under = table.regionLevel === 'top' ? '' : ` under '${table.key}'`;
  const rows = values.every((value) => value !== undefined) ? ` Add ${missing.map((region, index) => row(region, values[index])).join(', ')}${under} to the CfnMapping's mapping.` : '';
  return `${found}: its CfnMapping's ${cdkFindInMapWords(table)} fails there, and the stack with it.${rows}`;
}
