/**
 * The `Mappings` tables the AWS CDK writes itself, not the user's code: `Stack.regionalFact(fact)`
 * in a stack whose region is a token (an environment-agnostic stack) writes the fact's value for
 * every region its aws-cdk-lib knows as a CfnMapping named `<Fact>Map` with the one key `value`,
 * read by `findInMap(Aws.REGION, 'value')` (aws-cdk-lib core/lib/private/region-lookup.ts,
 * deployTimeLookup). A stack pinned to a region (`env: { region }`) gets the value itself instead,
 * and synth fails when the CDK knows none for that region.
 *
 * Told apart by name: only the table of a fact that holds SageMaker images' registry accounts,
 * `DlcRepositoryAccountMap` (FactName.DLC_REPOSITORY_ACCOUNT, the Deep Learning Containers'
 * accounts: `ContainerImage.fromDlc` without an account). Another `<Fact>Map` with a `value` key
 * may as well be the user's own.
 */

/** The region facts' tables that hold image registry accounts, by the name the CDK gives them. */
const REGION_FACT_TABLES: ReadonlySet<string> = new Set(['DlcRepositoryAccountMap']);

/** The key every row of a region fact table holds. */
const REGION_FACT_KEY = 'value';

/** True when `table` (read with `key`) is a table the CDK writes from its region facts (see above). */
export function isCdkRegionFactTable(table: string, key: string | undefined): boolean {
  return REGION_FACT_TABLES.has(table) && (key === undefined || key === REGION_FACT_KEY);
}

/**
 * What to do when a region fact table lacks `regions` the stack is deployed to: there is no row of
 * the user's to add. `accounts`: the catalog's account for the image in those regions, when it
 * names one (`626614931356 in af-south-1`). For a message, after the finding.
 */
export function regionFactAdvice(regions: string, accounts: readonly string[]): string {
  const own = accounts.length > 0 ? `, or give the image's account yourself (${accounts.join(', ')})` : '';
  return `The CDK writes this table itself from the regions its aws-cdk-lib knows (Stack.regionalFact), not from your code: upgrade aws-cdk-lib, whose newer region facts may have ${regions}, pin the stack's env.region (synth then writes that region's account, or fails when the CDK knows none)${own}.`;
}
