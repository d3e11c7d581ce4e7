/**
 * Account fixes for an image whose region is a variable apart from its account (a Dockerfile's
 * `FROM 763104351884.dkr.ecr.${REGION}.amazonaws.com/…` with `ARG REGION=af-south-1`): the
 * account is judged in the default's region, and the account that fixes it there is wrong for
 * every build given another region (`--build-arg REGION=us-east-1`), which worked before. Such a
 * fix stays offered (preferred on Ctrl+.) but is never applied by fix-all (changesBehaviour), and
 * its title and message say which builds it fits.
 */
import type { Finding } from './findings';
import { parseImageReference } from './imageReference';
import { possessive } from './possessive';
import type { OffsetRange } from './jsonTree';
import type { RequestNode } from './requestTree';

/** Where an image's region comes from a variable of its own: the region read, and the ARG holding the account if one does. */
export interface VariableRegion {
  /** The variable's default (`af-south-1`), in which the account is judged. */
  region: string;
  /** The ARG whose default is the account (`ACCOUNT` of `FROM ${ACCOUNT}.dkr.ecr.${REGION}…`): the fix edits its default. Absent when the account is written in the FROM line. */
  accountArg?: string;
}

/**
 * The region of `image` (a node of `text`) when a substituted variable gives it apart from the
 * account `finding` is on, with the ARG giving that account if any; undefined when the region is
 * written out, comes with the account in one variable (`${REGISTRY}`: a build argument changes
 * both), or `image` does not hold the finding.
 */
export function regionOfItsOwn(text: string, image: RequestNode, finding: Finding): VariableRegion | undefined {
  if (typeof image.value !== 'string' || !image.valueRange || finding.offset < image.offset || finding.offset > image.offset + image.length) return undefined;
  const parsed = parseImageReference(image.value);
  const region = parsed.ok ? parsed.reference.ecr?.region : undefined;
  if (!region) return undefined;
  const source = image.valueRange(region.start, region.end);
  const substitutions = image.substitutions ?? [];
  if (!substitutions.some(({ range }) => overlaps(range, source) && !overlaps(range, finding))) return undefined;
  // `${ACCOUNT}` / `$ACCOUNT` under the finding: the account is that ARG's default (a `:-` word is FROM-line text).
  const accountArg = substitutions
    .filter(({ range }) => overlaps(range, finding))
    .map(({ range }) => /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(text.slice(range.offset, range.offset + range.length))?.[1])
    .find((name) => name !== undefined);
  return { region: region.text, ...(accountArg && { accountArg }) };
}

/**
 * `finding` (an account finding in `where.region`, the variable's default) with its fixes kept
 * from fix-all and titled for that region; its message says which builds the fix fits (with an
 * account ARG, whose default it edits: the other regions' builds must then pass their account).
 */
export function withRegionBoundFixes(finding: Finding, where: VariableRegion): Finding {
  if (finding.fixes.length === 0) return finding;
  const { region, accountArg } = where;
  const fits = accountArg
    ? `with ${region}'s account as ARG ${possessive(accountArg)} default, a build for another region must pass its own account (--build-arg ${accountArg}=…)`
    : `writing ${region}'s account fits only builds for ${region}`;
  return {
    ...finding,
    message: `${finding.message} The account differs by region, so ${fits}.`,
    fixes: finding.fixes.map((fix) => ({ ...fix, title: `${fix.title} (builds for ${region} only)`, changesBehaviour: true })),
  };
}

function overlaps(a: OffsetRange, b: OffsetRange): boolean {
  return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}
