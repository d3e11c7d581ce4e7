/**
 * A table read by the deployment region (RegionTableFacts) in either lookup order — the region
 * as the top-level key (`!FindInMap [Table, !Ref AWS::Region, Key]`) or the second-level one
 * (`!FindInMap [Table, TopKey, !Ref AWS::Region]`) — as the words and paths that the host's
 * hover text, the hover rows and the rules share.
 */
import type { RegionTableFacts } from './requestTree';

/** The lookup as the template writes it: `!FindInMap [Xgb, !Ref AWS::Region, Account]`, `!FindInMap [ByAlgo, xgboost, !Ref AWS::Region]`. */
export function findInMapWords(table: RegionTableFacts): string {
  const key = table.key ?? 'Key';
  const keys = table.regionLevel === 'top' ? `!Ref AWS::Region, ${key}` : `${key}, !Ref AWS::Region`;
  return `!FindInMap [${table.table}, ${keys}]`;
}

/** The lookup as a CDK app writes it, on the CfnMapping: `findInMap(Aws.REGION, 'account')`, `findInMap('xgboost', Aws.REGION)`. */
export function cdkFindInMapWords(table: RegionTableFacts): string {
  const key = `'${table.key ?? 'key'}'`;
  return table.regionLevel === 'top' ? `findInMap(Aws.REGION, ${key})` : `findInMap(${key}, Aws.REGION)`;
}

/** What a row gives the lookup: `Account` (the key read in each row), `xgboost value` (the row itself, under that top-level key). */
export function rowValueWords(table: RegionTableFacts): string {
  return table.regionLevel === 'top' ? table.key ?? 'value' : `${table.key ?? 'its'} value`;
}

/** The path, from the object of rows, of the value `region` reads: `[region, Key]`, or `[region]` when the row is the value. */
export function rowPath(table: RegionTableFacts, region: string): string[] {
  return table.regionLevel === 'top' && table.key !== undefined ? [region, table.key] : [region];
}
