/**
 * An image's account read from a template's table by the stack's region (`!FindInMap [Table,
 * !Ref AWS::Region, Account]`, `!FindInMap [Table, TopKey, !Ref AWS::Region]`): the table is data, so its rows are reported — and fixed — where
 * they are written, each once however many images read it.
 * - The table's keys (a key that is no region, one written twice, a deployed region without a
 *   row): regionTableRule.ts, as for a table of whole images; a missing row is added with the
 *   catalog's account when it names one.
 * - A row whose account is no AWS account id (`"12345"`, `""`, a list, an unquoted
 *   `014150266760`, which YAML 1.1 reads as an octal number and YAML 1.2 as 14150266760) would
 *   put a host no registry answers in the image: `invalid-account-id`, fixed with the catalog's
 *   account when it makes one clear for the row's region and the image's repository, else (for
 *   twelve digits written unquoted) by quoting them. Where YAML readers disagree
 *   (`012345678901`: the text to YAML 1.1, a number to 1.2) the message says so.
 * - A row whose account does not serve the repository in its region: `registry-account-mismatch`.
 * - A `DefaultValue` is the account of the regions without a row: checked as a row, in those of
 *   them the template is deployed to (checkDefaultAccount).
 */
import type { Node } from 'jsonc-parser';
import { intent } from '../edits/editIntent';
import type { QuickFix } from '../findings';
import type { RequestNode } from '../requestTree';
import { hasHole, type TemplateReference } from '../templateReference';
import { checkRegionTable, firstTime, regionsWithoutRow, rowsOf, type RegionTable } from './regionTableRule';
import { deploymentRegions } from '../region';
import { possessive } from '../possessive';
import { rowPath } from '../regionTable';
import { nodeRange, type RuleContext } from './ruleContext';

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
  for (const row of table.values) {
    if (catalog.region(row.region) === undefined) continue;
    const region = staticRegion ?? row.region;
    const accounts = repository && rowRegionsRead ? catalogAccounts(context, reference, repository, region) : undefined;
    const unquoted = unquotedDigits(context.spec.text, row.value);
    // Another value computed or read differently by YAML readers (`yes`, a tag) is not judged.
    if ((row.value as RequestNode).dynamic && !unquoted) continue;
    if (row.text === undefined || !/^\d{12}$/.test(row.text) || unquoted) {
      if (!firstTime(context, `${row.value.offset}:account`)) continue;
      const message = `${notAnAccount(context.spec.text, row.value, row.text, unquoted)}: mapping ${table.table} gives it to stacks in ${row.region} as the image's registry account, so they cannot pull the image.`;
      // An empty string is reported on its quotes: there is nothing between them to point at.
      const range = row.text === '' ? { offset: row.value.offset, length: row.value.length } : nodeRange(row.value);
      context.report('invalid-account-id', message, range, accountFixes(row.value, accounts, unquoted));
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
  checkDefaultAccount(context, reference, table, repository, staticRegion, rowRegionsRead);
  checkRegionTable(context, table, rowRegionsRead, (region) => {
    // A missing row gets the account when the catalog names one for the image there.
    const found = repository ? catalogAccounts(context, reference, repository, staticRegion ?? region) : undefined;
    return found?.clear ? found.ordered[0] : undefined;
  });
}

/**
 * The table's `DefaultValue`, the account of the stacks in the deployed regions without a row (all
 * regions without one when none is chosen; never read when every deployed region has a row): a
 * malformed account is `invalid-account-id`, as for a row; one that does not serve the repository
 * in those regions (or in the image's own region, when written out) is `registry-account-mismatch`
 * on the default, fixed with an account serving it in all of them as the default (preferred), or by
 * adding their rows with the catalog's accounts (preferred when no one account serves them all).
 */
function checkDefaultAccount(context: RuleContext, reference: TemplateReference, table: RegionTable, repository: string | undefined, staticRegion: string | undefined, rowRegionsRead: boolean): void {
  const { fallback } = table;
  if (!fallback) return;
  const readers = regionsWithoutRow(context, table);
  if (deploymentRegions(context.region) && readers.length === 0) return;
  const where = readers.length > 0 ? `stacks in ${readers.join(', ')} (no row there)` : 'stacks in regions without a row';
  const { value, text } = fallback;
  const unquoted = unquotedDigits(context.spec.text, value);
  if ((value as RequestNode).dynamic && !unquoted) return;
  const judged = !repository || !rowRegionsRead ? [] : staticRegion ? [staticRegion] : readers;
  if (text === undefined || !/^\d{12}$/.test(text) || unquoted) {
    if (!firstTime(context, `${value.offset}:account`)) return;
    const accounts = judged.length === 1 ? catalogAccounts(context, reference, repository!, judged[0]) : undefined;
    const range = text === '' ? { offset: value.offset, length: value.length } : nodeRange(value);
    context.report('invalid-account-id', `${notAnAccount(context.spec.text, value, text, unquoted)}: mapping ${possessive(table.table)} DefaultValue gives it to ${where} as the image's registry account, so they cannot pull the image.`, range, accountFixes(value, accounts, unquoted));
    return;
  }
  if (!context.catalog.isAwsAccount(text)) return;
  const served = judged.map((region) => ({ region, accounts: catalogAccounts(context, reference, repository!, region) })).filter(({ accounts }) => accounts.ordered.length > 0);
  const wrong = served.filter(({ accounts }) => !accounts.ordered.includes(text));
  if (wrong.length === 0 || !firstTime(context, `${value.offset}:${repository}`)) return;
  const rightAccounts = wrong.map(({ region, accounts }) => `${accounts.ordered[0]}${wrong.length > 1 ? ` in ${region}` : ''}`).join(', ');
  // One account serving the repository in every region reading the default (the right ones too): the default itself is fixed.
  const common = served.slice(1).reduce((shared, { accounts }) => shared.filter((account) => accounts.ordered.includes(account)), [...served[0].accounts.ordered]);
  const fixes: QuickFix[] = common.map((account, index) => ({ title: `Use account ${account} as the DefaultValue`, intents: [intent.replaceValue(value, account)], preferred: index === 0 }));
  // Else a row per region (not when the image's region is written out: the rows are for the stacks' regions, read without it).
  const rows = rowsOf(table);
  if (!staticRegion && rows && wrong.every(({ accounts }) => accounts.clear)) {
    fixes.push({ title: `Add ${wrong.map(({ region, accounts }) => `${region}: ${accounts.ordered[0]}`).join(', ')}`, intents: wrong.map(({ region, accounts }) => intent.setMember(rows, rowPath(table, region), accounts.ordered[0])), preferred: common.length === 0 });
  }
  context.report(
    'registry-account-mismatch',
    `In ${wrong.map(({ region }) => region).join(', ')}, SageMaker serves "${repository}" from account ${rightAccounts}, not ${text}: mapping ${possessive(table.table)} DefaultValue gives this account to ${where}.`,
    nodeRange(value),
    fixes,
  );
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

/**
 * An account written as unquoted digits with a leading zero (`014150266760`), which YAML reads
 * otherwise than as those digits: how each YAML version reads it. YAML 1.2 reads every such
 * scalar as a decimal number; YAML 1.1 as an octal number when its digits are all below 8, else
 * as the text itself. Undefined for anything else (a quoted string, other numbers).
 */
interface UnquotedDigits {
  written: string;
  yaml12: number;
  /** A number, or the text itself (then readers disagree). */
  yaml11: number | string;
}

function unquotedDigits(text: string, value: Node): UnquotedDigits | undefined {
  if (value.type === 'string' && !(value as RequestNode).dynamic) return undefined;
  const written = text.slice(value.offset, value.offset + value.length);
  if (!/^0\d+$/.test(written)) return undefined;
  return { written, yaml12: Number.parseInt(written, 10), yaml11: /^0[0-7]+$/.test(written) ? Number.parseInt(written, 8) : written };
}

/** Why a row's account is none, as written: `"12345" is not an AWS account id (12 digits)`, `A list is not …`. */
function notAnAccount(text: string, value: Node, read: string | undefined, unquoted: UnquotedDigits | undefined): string {
  // Quoting only helps twelve digits: `0123` quoted is still no account id.
  if (unquoted && unquoted.written.length !== 12) return `${unquoted.written} is not an AWS account id (12 digits), and is read as a number besides`;
  if (unquoted) {
    const { written, yaml11, yaml12 } = unquoted;
    // Every reader takes a number: the leading zero is lost whichever reads the template.
    if (typeof yaml11 === 'number') return `${written} is read as a number (${yaml12} by YAML 1.2 readers, octal ${yaml11} by YAML 1.1 readers), not the AWS account id "${written}" (quote it)`;
    return `${written} is read differently by YAML readers (the number ${yaml12} by YAML 1.2 ones, the text "${written}" by YAML 1.1 ones): quote it, so that every reader takes the AWS account id`;
  }
  // A number not written as its text (`683313688378.0`): the template holds the number, not the digits.
  const written = text.slice(value.offset, value.offset + value.length);
  if (read === undefined && value.type === 'number') return `${written} is read as the number ${String(value.value)}, not an AWS account id (12 digits; quote it)`;
  const what = read !== undefined ? `"${read}"` : value.type === 'array' ? 'A list' : value.type === 'object' ? 'A map' : String(value.value);
  return `${what} is not an AWS account id (12 digits)`;
}

/**
 * The fixes of a malformed account: the catalog's account when it names one (preferred), and —
 * for twelve digits written unquoted — quoting them (preferred when the catalog names that very
 * account, or none).
 */
function accountFixes(value: Node, accounts: { ordered: readonly string[]; clear: boolean } | undefined, unquoted: UnquotedDigits | undefined): QuickFix[] {
  const quotable = unquoted && unquoted.written.length === 12 ? unquoted.written : undefined;
  const fixes: QuickFix[] = [];
  if (accounts?.clear && accounts.ordered[0] !== quotable) fixes.push({ title: `Use account ${accounts.ordered[0]}`, intents: [intent.replaceValue(value, accounts.ordered[0])], preferred: true });
  if (quotable) fixes.push({ title: `Quote ${quotable}`, intents: [intent.replaceValue(value, quotable)], preferred: fixes.length === 0 && (!accounts || accounts.ordered.length === 0 || accounts.ordered.includes(quotable)) });
  return fixes;
}
