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
import type { OffsetRange } from './jsonTree';
import type { RequestNode } from './requestTree';

/**
 * The region of `image` when a substituted variable gives it apart from the account `finding` is
 * on; undefined when the region is written out, comes with the account in one variable
 * (`${REGISTRY}`: a build argument changes both), or `image` does not hold the finding.
 */
export function regionOfItsOwn(image: RequestNode, finding: Finding): string | undefined {
  if (typeof image.value !== 'string' || !image.valueRange || finding.offset < image.offset || finding.offset > image.offset + image.length) return undefined;
  const parsed = parseImageReference(image.value);
  const region = parsed.ok ? parsed.reference.ecr?.region : undefined;
  if (!region) return undefined;
  const source = image.valueRange(region.start, region.end);
  const own = (image.substitutions ?? []).some(({ range }) => overlaps(range, source) && !overlaps(range, finding));
  return own ? region.text : undefined;
}

/** `finding` (an account finding in `region`, the variable's default) with its fixes kept from fix-all and titled for that region. */
export function withRegionBoundFixes(finding: Finding, region: string): Finding {
  if (finding.fixes.length === 0) return finding;
  return {
    ...finding,
    message: `${finding.message} The account differs by region, so writing ${region}'s account fits only builds for ${region}.`,
    fixes: finding.fixes.map((fix) => ({ ...fix, title: `${fix.title} (builds for ${region} only)`, changesBehaviour: true })),
  };
}

function overlaps(a: OffsetRange, b: OffsetRange): boolean {
  return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}
