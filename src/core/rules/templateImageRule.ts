/**
 * Image references built from a template (a Python f-string or `.format`, later CloudFormation's
 * `!Sub`): the static parts are checked wherever they decide a rule alone, the placeholders never.
 * - A static tag gets the tag rules: `latest` (or no tag at all) is `latest-tag`, and an XGBoost
 *   repository on `latest` or `1` is `xgboost-unpinned`.
 * - A static Amazon ECR host with a static region gets `unknown-region`; a placeholder there means
 *   the target region, so nothing is said about it.
 * - A placeholder in the account means the image may be anyone's: no account rule. With a static
 *   account, the repository must be one that account serves in the static (or explicit target)
 *   region — `registry-account-mismatch` otherwise. With a region placeholder and no explicit
 *   target region in a request deployed to many regions (`anyRegion`: a template), it must serve it in every catalog
 *   region that has the repository; the finding names those where it does not.
 * No fixes: a template's text is the user's program, and what the placeholders hold is unknown.
 */
import type { OffsetRange } from '../jsonTree';
import type { TemplatePart } from '../requestTree';
import type { ImageField } from '../specDocument';
import type { RuleContext } from './ruleContext';
import { XGBOOST_FRAMEWORK } from './xgboost';

/** Stands for a placeholder in the joined text; it cannot occur in an image reference. */
const HOLE = '*';

/** An ECR host whose account and region may each be a placeholder (`*`). */
const ECR_HOST = /^(\d{12}|\*)\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+|\*)\.(.+)$/;

export function checkTemplateImage(context: RuleContext, field: ImageField, parts: readonly TemplatePart[]): void {
  const joined = joinParts(parts);
  const text = joined.text;
  const slash = text.indexOf('/');
  if (slash <= 0) return;
  const host = text.slice(0, slash);
  const path = text.slice(slash + 1);
  const lastSlash = path.lastIndexOf('/');
  const lastSegment = path.slice(lastSlash + 1);
  if (lastSegment.includes('@')) return; // pinned by digest
  const colon = lastSegment.indexOf(':');
  const repositoryEnd = slash + 1 + (lastSlash + 1) + (colon >= 0 ? colon : lastSegment.length);
  const repository = text.slice(slash + 1, repositoryEnd);
  const tag = colon >= 0 ? lastSegment.slice(colon + 1) : undefined;
  const ecr = ECR_HOST.exec(host);
  const staticRepository = !repository.includes(HOLE) ? repository : undefined;
  const isAwsAccount = ecr !== null && ecr[1] !== HOLE && context.catalog.isAwsAccount(ecr[1]);

  if (ecr && ecr[2] !== HOLE && !context.catalog.region(ecr[2])) {
    const start = host.indexOf(ecr[2], ecr[1].length);
    context.report('unknown-region', `"${ecr[2]}" is not a region with SageMaker registries.`, joined.range(start, start + ecr[2].length));
    return;
  }
  // A reference outside a request (a Dockerfile's FROM) may be pulled anywhere: no target region stands in for it.
  const region = ecr && ecr[2] !== HOLE ? ecr[2] : context.region.explicit && field.usage !== 'reference' ? context.region.region : undefined;
  if (ecr && isAwsAccount && staticRepository && region) {
    const expected = context.catalog.accountsForRepository(staticRepository, region);
    if (expected.length > 0 && !expected.includes(ecr[1])) {
      context.report('registry-account-mismatch', `In ${region}, SageMaker serves "${staticRepository}" from account ${expected[0]}, not ${ecr[1]}.`, joined.range(0, 12));
      return;
    }
  }

  if (ecr && isAwsAccount && staticRepository && !region && context.spec.anyRegion) checkEveryRegion(context, ecr[1], staticRepository, joined.range(0, 12));

  // The tag rules need a static end: a placeholder anywhere in the last segment could hold a tag.
  if (lastSegment.includes(HOLE) && (tag === undefined || tag.includes(HOLE))) return;
  const xgboost = staticRepository !== undefined && (ecr === null || ecr[1] === HOLE || isAwsAccount) && isXgboostRepository(context, staticRepository);
  const tagRange = tag !== undefined ? joined.range(repositoryEnd + 1, text.length) : joined.range(slash + 1, text.length);
  if (tag !== undefined && tag.includes(HOLE)) return;
  if (xgboost && (tag === undefined || tag === 'latest' || tag === '1')) {
    context.report('xgboost-unpinned', `${tag === undefined ? 'An untagged reference' : `":${tag}"`} does not pin an XGBoost version: "1" and "latest" move, and new versions change results. Pin a specific version such as 1.7-1.`, tagRange);
  } else if (!xgboost && (tag === undefined || tag === 'latest') && (field.usage !== 'reference' || isAwsAccount)) {
    // As for literal references (tagRules): outside a request, advice only for SageMaker's own images.
    context.report('latest-tag', tag === undefined ? 'No tag means "latest", which moves whenever a new image is pushed. Pin a version tag or a digest.' : '"latest" moves whenever a new image is pushed, so the same code can run different images. Pin a version tag or a digest.', tagRange);
  }
}

/** Names listed in a message before "and N more". */
const LISTED_REGIONS = 6;

/**
 * A region placeholder and no explicit target region: the template may be deployed to any
 * region, so the static account must serve the repository in every region that has it.
 */
function checkEveryRegion(context: RuleContext, account: string, repository: string, range: OffsetRange): void {
  const elsewhere = context.catalog.regionsForRepository(repository).filter((region) => {
    const accounts = context.catalog.accountsForRepository(repository, region);
    return accounts.length > 0 && !accounts.includes(account);
  });
  if (elsewhere.length === 0) return;
  const listed = elsewhere.slice(0, LISTED_REGIONS).join(', ');
  const more = elsewhere.length > LISTED_REGIONS ? ` and ${elsewhere.length - LISTED_REGIONS} more` : '';
  context.report(
    'registry-account-mismatch',
    `The region is a placeholder, and account ${account} does not serve "${repository}" in ${listed}${more}: deployed there, the image cannot be pulled. Set the account per region (a mapping, or a placeholder).`,
    range,
  );
}

function isXgboostRepository(context: RuleContext, repository: string): boolean {
  return context.catalog.imagesForRepository(repository).some((image) => image.framework === XGBOOST_FRAMEWORK);
}

/** The parts joined with one HOLE per placeholder, and a map from joined indices to source ranges. */
function joinParts(parts: readonly TemplatePart[]): { text: string; range(start: number, end: number): OffsetRange } {
  let text = '';
  const offsets: number[] = [];
  for (const part of parts) {
    if (part.kind === 'text') {
      text += part.value;
      for (let i = 0; i < part.value.length; i++) offsets.push(part.offsets[i]);
    } else {
      text += HOLE;
      offsets.push(part.offset);
    }
  }
  const last = parts[parts.length - 1];
  const end = last ? (last.kind === 'text' ? last.offsets[last.offsets.length - 1] : last.offset + last.length) : 0;
  offsets.push(end);
  return {
    text,
    range(start, finish) {
      const from = offsets[Math.min(start, offsets.length - 1)];
      const to = finish >= text.length ? end : offsets[finish];
      return { offset: from, length: Math.max(0, to - from) };
    },
  };
}
