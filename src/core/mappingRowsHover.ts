/**
 * The rows of a Mappings table a template image reads by the stack's region
 * (`!FindInMap [XgbRegistry, !Ref AWS::Region, Account]`, `!FindInMap [ByAlgo, xgboost, !Ref
 * AWS::Region]`), as hover lines under the placeholder
 * they fill in. A row of the image's account whose account is not the one SageMaker serves the
 * repository from in that region is marked (the stack would pull from the wrong registry there),
 * and the regions the template is deployed to (templateRegions, --template-region) without a row
 * are named: `!FindInMap` fails there — or, with a `DefaultValue`, read the default (its line).
 */
import type { Catalog } from './catalog/catalog';
import { escapeMarkdown } from './markdown';
import { possessive } from './possessive';
import type { RegionTableFacts } from './requestTree';
import { rowValueWords } from './regionTable';

/** The regions the user listed for the template (ResolvedRegion.regions) and where they were listed (`templateRegions`, `--template-region`). */
export interface TemplateRegions {
  regions: readonly string[];
  settingName?: string;
}

/**
 * The hover lines of `table`: its head (`mapping XgbRegistry's Account for the stack's region`),
 * then one nested bullet per row (`us-west-2: 683313688378 — SageMaker serves it from
 * 246618743249 there`) and one naming the listed regions without a row. Rows are judged only
 * when `servedRepository` is given: the table fills in the account of an image of that static
 * repository. Escaped Markdown.
 */
export function mappingRowLines(table: RegionTableFacts, catalog: Catalog, servedRepository: string | undefined, listed: TemplateRegions | undefined): string[] {
  const head = `mapping ${possessive(table.table)} ${rowValueWords(table)} for the stack's region`;
  const judged = servedRepository !== undefined && catalog.regionsForRepository(servedRepository).length > 0 ? servedRepository : undefined;
  const rows = table.values.map((row) => `  - ${escapeMarkdown(`${row.region}: ${row.text ?? '(not a string)'}${judged && row.text !== undefined ? rowMark(catalog, judged, row.region, row.text) : ''}`)}`);
  if (rows.length === 0) rows.push('  - no rows');
  const written = new Set(table.values.map((row) => row.region));
  const lacking = (listed?.regions ?? []).filter((region) => !written.has(region));
  const { fallback } = table;
  if (fallback) {
    // The default is judged in the listed regions that read it.
    const marks = judged && fallback.text !== undefined ? lacking.map((region) => [region, rowMark(catalog, judged, region, fallback.text!)]).filter(([, mark]) => mark !== '').map(([region, mark]) => (lacking.length > 1 ? ` — in ${region},${mark.slice(2)}` : mark)) : [];
    const readers = lacking.length > 0 ? lacking.join(', ') : 'regions without a row';
    rows.push(`  - ${escapeMarkdown(`DefaultValue (${readers}): ${fallback.text ?? '(not a string)'}${marks.join('')}`)}`);
  } else if (lacking.length > 0) {
    rows.push(`  - ${escapeMarkdown(`No row for ${lacking.join(', ')}, where this template is deployed (${listed!.settingName ?? 'templateRegions'}): !FindInMap fails there`)}`);
  }
  return [`${escapeMarkdown(head)}:`, ...rows];
}

/** What is wrong with a row's account for `repository` in `region`, as ` — …`; empty when it is SageMaker's. */
function rowMark(catalog: Catalog, repository: string, region: string, account: string): string {
  if (catalog.region(region) === undefined) return ' — not a region with SageMaker registries';
  const served = catalog.accountsForRepository(repository, region);
  if (served.length === 0) return ` — SageMaker does not serve ${repository} there`;
  return served.includes(account) ? '' : ` — SageMaker serves it from ${served.join(' or ')} there`;
}
