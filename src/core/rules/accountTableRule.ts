/**
 * An image's account read from a template's table by the stack's region (`!FindInMap [Table,
 * !Ref AWS::Region, Account]`): the table is data, so its rows are reported — and fixed — where
 * they are written, each once however many images read it.
 * - A row whose key is no region (`eu-wset-1`) is never read by a stack: `unknown-region` on the
 *   key, with renames to the nearest regions.
 * - A row whose account is no AWS account id (`"12345"`, `""`, a list, an unquoted
 *   `012345678901`, which YAML reads as the number 12345678901) would put a host no registry
 *   answers in the image:
 *   `invalid-account-id`, fixed only when the catalog makes one account clear for the row's
 *   region and the image's repository.
 * - A row whose account does not serve the repository in its region: `registry-account-mismatch`.
 * - A region the template is deployed to (templateRegions, --template-region) without a row:
 *   `!FindInMap` fails there, and the stack with it — `mapping-missing-region` on the table's name.
 */
import type { Node } from 'jsonc-parser';
import { closestMatches, isClearNearest } from '../closestMatches';
import { intent } from '../edits/editIntent';
import type { QuickFix } from '../findings';
import type { PlaceholderFacts, RequestNode } from '../requestTree';
import { hasHole, type TemplateReference } from '../templateReference';
import { nodeRange, type RuleContext } from './ruleContext';

type RegionTable = NonNullable<PlaceholderFacts['perRegion']>;

/** Rows and tables already reported for this request (several images may read one mapping). */
const reported = new WeakMap<RuleContext, Set<string>>();

/** True the first time `what` is reported for this request. */
function firstTime(context: RuleContext, what: string): boolean {
  let seen = reported.get(context);
  if (!seen) reported.set(context, (seen = new Set()));
  if (seen.has(what)) return false;
  seen.add(what);
  return true;
}

/**
 * Checks the rows of `table`, the image's account by the stack's region. `staticRegion` is the
 * image's own region when written out (every row is then pulled there), else undefined (each row
 * in its own region). `rowRegionsRead` is false when the image's region is a placeholder other
 * than the stack's region: the rows' regions are then not the pull's, and only what is wrong
 * whatever the region (a malformed account, a deployed region without a row) is said.
 */
export function checkAccountTable(context: RuleContext, reference: TemplateReference, table: RegionTable, staticRegion: string | undefined, rowRegionsRead: boolean): void {
  const { catalog } = context;
  const repository = hasHole(reference.repository) ? undefined : reference.repository;
  const keys = table.values.map((row) => row.region);
  for (const row of table.values) {
    const knownRegion = catalog.region(row.region) !== undefined;
    if (!knownRegion && rowRegionsRead && firstTime(context, `${row.key.offset}:region`)) {
      const suggestions = closestMatches(row.region, catalog.regions().map((known) => known.name).filter((name) => !keys.includes(name)), 3);
      context.report(
        'unknown-region',
        `"${row.region}" is not a region with SageMaker registries: mapping ${table.table}'s row for it is never read for a stack's region.`,
        nodeRange(row.key),
        // Equally near regions (`eu-wset-1`: eu-west-2, eu-west-3) are a guess: none preferred.
        suggestions.map((name, index) => ({ title: `Change the region to ${name}`, intents: [intent.renameMember(row.key, name)], preferred: index === 0 && isClearNearest(row.region, suggestions) })),
      );
    }
    if (!knownRegion) continue;
    const region = staticRegion ?? row.region;
    const accounts = repository && rowRegionsRead ? catalogAccounts(context, reference, repository, region) : undefined;
    // A scalar YAML readers read differently (`012345670123`: octal to YAML 1.1, decimal to 1.2) is not judged.
    if ((row.value as RequestNode).dynamic) continue;
    if (row.text === undefined || !/^\d{12}$/.test(row.text)) {
      if (!firstTime(context, `${row.value.offset}:account`)) continue;
      // A fix only when the catalog names one account: anything else would be a guess.
      const fixes: QuickFix[] = accounts?.clear ? [{ title: `Use account ${accounts.ordered[0]}`, intents: [intent.replaceValue(row.value, accounts.ordered[0])], preferred: true }] : [];
      const message = `${notAnAccount(context.spec.text, row.value, row.text)}: mapping ${table.table} gives it to stacks in ${row.region} as the image's registry account, so they cannot pull the image.`;
      // An empty string is reported on its quotes: there is nothing between them to point at.
      const range = row.text === '' ? { offset: row.value.offset, length: row.value.length } : nodeRange(row.value);
      context.report('invalid-account-id', message, range, fixes);
      continue;
    }
    if (!accounts || !catalog.isAwsAccount(row.text) || accounts.ordered.length === 0 || accounts.ordered.includes(row.text)) continue;
    if (!firstTime(context, `${row.value.offset}:${repository}`)) continue;
    context.report(
      'registry-account-mismatch',
      `In ${region}, SageMaker serves "${repository}" from account ${accounts.ordered[0]}, not ${row.text}: mapping ${table.table} gives this account to stacks in ${row.region}.`,
      nodeRange(row.value),
      accounts.ordered.map((right, index) => ({ title: `Use account ${right}`, intents: [intent.replaceValue(row.value, right)], preferred: index === 0 })),
    );
  }
  checkDeployedRegions(context, reference, table, repository, staticRegion);
}

/**
 * The accounts serving `repository` in `region`, the one serving the image's own tag first; `clear`
 * when that leaves no choice (one account, or the tag's).
 */
function catalogAccounts(context: RuleContext, reference: TemplateReference, repository: string, region: string): { ordered: readonly string[]; clear: boolean } {
  const { catalog } = context;
  const expected = catalog.accountsForRepository(repository, region);
  const tagImage = reference.tag !== undefined && !hasHole(reference.tag) ? catalog.findImage(repository, reference.tag, region) : undefined;
  const preferred = tagImage ? catalog.accountFor(tagImage, region) : undefined;
  const ordered = preferred ? [preferred, ...expected.filter((other) => other !== preferred)] : expected;
  return { ordered, clear: preferred !== undefined || ordered.length === 1 };
}

/** Why a row's account is none, as written: `"12345" is not an AWS account id (12 digits)`, `A list is not …`. */
function notAnAccount(text: string, value: Node, read: string | undefined): string {
  const written = text.slice(value.offset, value.offset + value.length);
  // A number not written as its text (`012345678901`, `683313688378.0`): the template holds the number, not the digits.
  if (read === undefined && value.type === 'number') return `${written} is read as the number ${String(value.value)}, not an AWS account id (12 digits; quote it)`;
  const what = read !== undefined ? `"${read}"` : value.type === 'array' ? 'A list' : value.type === 'object' ? 'A map' : String(value.value);
  return `${what} is not an AWS account id (12 digits)`;
}

/**
 * The regions the template is deployed to (templateRegions: the user listed them) must each have
 * a row with the table's key, or `!FindInMap` fails there. The fix adds the rows when the catalog
 * names one account for each of them.
 */
function checkDeployedRegions(context: RuleContext, reference: TemplateReference, table: RegionTable, repository: string | undefined, staticRegion: string | undefined): void {
  const listed = context.region.regions;
  if (!listed || !table.tableKey || !table.key || !firstTime(context, `${table.tableKey.offset}:${table.key}:regions`)) return;
  const rows = new Set(table.values.map((row) => row.region));
  const missing = listed.filter((region) => !rows.has(region));
  if (missing.length === 0) return;
  const key = table.key;
  const accounts = repository ? missing.map((region) => catalogAccounts(context, reference, repository, staticRegion ?? region)) : [];
  const rowsObject = table.tableKey.parent?.children?.[1];
  const fixes: QuickFix[] =
    rowsObject && accounts.length === missing.length && accounts.every((found) => found.clear)
      ? [{ title: `Add ${missing.map((region, index) => `${region}: ${accounts[index].ordered[0]}`).join(', ')}`, intents: missing.map((region, index) => intent.setMember(rowsObject, [region, key], accounts[index].ordered[0])), preferred: true }]
      : [];
  context.report(
    'mapping-missing-region',
    `Mapping ${table.table} has no ${key} for ${missing.join(', ')}, where this template is deployed (${context.region.settingName ?? 'templateRegions'}): !FindInMap [${table.table}, !Ref AWS::Region, ${key}] fails there, and the stack with it.`,
    nodeRange(table.tableKey),
    fixes,
  );
}
