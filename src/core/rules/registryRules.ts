/**
 * The account/region family for Amazon ECR images. One image gets at most one of these, the most
 * basic first: unknown-region, image-region-mismatch, registry-account-mismatch, unknown-image-tag.
 * (`invalid-image-reference` comes before all of them, in the analyzer.) An image SageMaker must
 * pull from another region has to move there whatever its account here: the move's fix names the
 * right account in the target region, and an account fix for the image's own region first would
 * only be undone by it (fix-all applied both, and logged the first as kept).
 */
import { closestMatches, isClearNearest, isClearTypo } from '../closestMatches';
import { checkUnknownRepository } from './repositoryRule';
import { requestPartition } from './requestPartition';
import { describeRegion, meantRegionNote } from '../region';
import { suggestTags } from '../catalog/tagSuggestions';
import type { EditIntent } from '../edits/editIntent';
import type { QuickFix } from '../findings';
import type { OffsetRange } from '../jsonTree';
import { checkNewerThanCatalog } from './catalogAge';
import { unlistedVersion } from '../catalog/catalogAge';
import { checkImageListedRegions, everyRegionAdvice } from './listedRegionsImageRule';
import { listText } from './algorithm/algorithmSeverity';
import type { ImageOccurrence } from './imageOccurrence';
import type { RuleContext } from './ruleContext';
import { isXgboostImage, isFloatingTag } from './xgboost';

export function checkRegistry(context: RuleContext, image: ImageOccurrence): void {
  const ecr = image.reference.ecr;
  if (!ecr) return checkMalformedAccount(context, image);
  if (checkRegion(context, image)) return;
  if (checkRepository(context, image)) return;
  if (checkTargetRegion(context, image)) return;
  if (checkAccount(context, image)) return;
  checkTag(context, image);
}

/**
 * `invalid-account-id` on an ECR host whose account is not 12 digits; fixed with the account the
 * catalog serves the repository from in that region, when that is one account (or the tag's).
 */
function checkMalformedAccount(context: RuleContext, image: ImageOccurrence): void {
  const malformed = image.reference.malformedEcrAccount;
  if (!malformed || !context.isEnabled('invalid-account-id')) return;
  const { catalog } = context;
  const repository = image.reference.repository.text;
  const tag = image.reference.tag?.text;
  const tagImage = tag ? catalog.findImage(repository, tag, malformed.region.text) : undefined;
  const accounts = tagImage ? [catalog.accountFor(tagImage, malformed.region.text)].filter((account) => account !== undefined) : catalog.accountsForRepository(repository, malformed.region.text);
  const fixes: QuickFix[] = accounts.length === 1 ? [{ title: `Use account ${accounts[0]}`, intents: [image.replacePart(malformed.account, accounts[0]!)], preferred: true }] : [];
  const written = malformed.account.text === '' ? 'An empty account' : `"${malformed.account.text}"`;
  context.report('invalid-account-id', `${written} is not an AWS account id (12 digits): an Amazon ECR host is <account>.dkr.ecr.<region>.<DNS suffix>.`, image.rangeOf(malformed.account), fixes);
}

function checkRegion(context: RuleContext, image: ImageOccurrence): boolean {
  const ecr = image.reference.ecr!;
  const region = context.catalog.region(ecr.region.text);
  if (!region) {
    const suggestions = closestMatches(ecr.region.text, context.catalog.regions().map((known) => known.name), 3);
    // Preferred (applied by fix-all) only when clearly the nearest: `us-east-9` is as near to us-east-1 as to us-east-2.
    const clear = isClearNearest(ecr.region.text, suggestions);
    const fixes: QuickFix[] = suggestions.map((name, index) => ({
      title: `Change the region to ${name}`,
      intents: [image.replacePart({ start: ecr.region.start, end: ecr.dnsSuffix.end }, `${name}.${context.catalog.region(name)!.dnsSuffix}`)],
      preferred: index === 0 && clear,
    }));
    context.report('unknown-region', `"${ecr.region.text}" is not a region with SageMaker registries.${meantRegionNote(suggestions, clear)}`, image.rangeOf(ecr.region), fixes);
    return true;
  }
  if (region.dnsSuffix !== ecr.dnsSuffix.text) {
    context.report(
      'unknown-region',
      `Amazon ECR hosts in ${region.name} end in "${region.dnsSuffix}", not "${ecr.dnsSuffix.text}".`,
      image.rangeOf(ecr.dnsSuffix),
      [{ title: `Use ${region.dnsSuffix}`, intents: [image.replacePart(ecr.dnsSuffix, region.dnsSuffix)], preferred: true }],
    );
    return true;
  }
  return false;
}

/** A misspelt repository of a SageMaker-owned registry: before the target region, whose fix needs the repository's name. */
function checkRepository(context: RuleContext, image: ImageOccurrence): boolean {
  const ecr = image.reference.ecr!;
  const { repository } = image.reference;
  return checkUnknownRepository(context, {
    account: ecr.account.text,
    region: ecr.region.text,
    repository: repository.text,
    range: image.rangeOf(repository),
    rename: (name) => image.replacePart(repository, name),
  });
}

/** An AWS-owned registry serving a catalog repository that lives in another account here. */
function checkAccount(context: RuleContext, image: ImageOccurrence): boolean {
  const { catalog } = context;
  const ecr = image.reference.ecr!;
  const account = ecr.account.text;
  const repository = image.reference.repository.text;
  if (!catalog.isAwsAccount(account)) return false;
  const expected = catalog.accountsForRepository(repository, ecr.region.text);
  if (expected.length === 0 || expected.includes(account)) return false;
  const tagImage = image.reference.tag ? catalog.findImage(repository, image.reference.tag.text, ecr.region.text) : undefined;
  const preferred = tagImage ? catalog.accountFor(tagImage, ecr.region.text) : undefined;
  const ordered = preferred ? [preferred, ...expected.filter((other) => other !== preferred)] : expected;
  context.report(
    'registry-account-mismatch',
    `In ${ecr.region.text}, SageMaker serves "${repository}" from account ${ordered[0]}, not ${account}.`,
    image.rangeOf(ecr.account),
    ordered.map((right, index) => ({
      title: `Use account ${right}`,
      intents: [image.replacePart(ecr.account, right)],
      // Preferred when the tag's image (or the only account) decides; else which account is a guess.
      preferred: index === 0 && (preferred !== undefined || ordered.length === 1),
    })),
  );
  return true;
}

function checkTargetRegion(context: RuleContext, image: ImageOccurrence): boolean {
  const ecr = image.reference.ecr!;
  const { host, repository, tag } = image.reference;
  return checkImageTargetRegion(context, {
    region: ecr.region.text,
    account: ecr.account.text,
    repository: repository.text,
    tag: tag?.text,
    usage: image.field.usage,
    regionRange: image.rangeOf(ecr.region),
    replaceHost: (text) => image.replacePart(host!, text),
  });
}

/** An Amazon ECR image's region, as image-region-mismatch judges it: a literal reference's, or a template's static one. */
export interface ImageRegion {
  region: string;
  /** The registry account; undefined when a placeholder stands there. */
  account: string | undefined;
  /** The repository; undefined when a placeholder is part of it. */
  repository: string | undefined;
  tag: string | undefined;
  usage: ImageOccurrence['field']['usage'];
  /** Where the region is written. */
  regionRange: OffsetRange;
  /** The intent of writing `text` in the registry host's place; undefined when no edit can. */
  replaceHost(text: string): EditIntent | undefined;
}

/**
 * `image-region-mismatch`: an image in a region other than the explicit target region (SageMaker
 * pulls from its own), fixed with the registry that serves the same image there; in a template,
 * the message also says how to write the image for every region. For a template deployed to
 * several listed regions, the listed regions other than the image's (no fix, see
 * listedRegionsImageRule.ts). True when reported.
 */
export function checkImageTargetRegion(context: RuleContext, image: ImageRegion): boolean {
  const { catalog, region: target } = context;
  // A bare reference may feed `docker pull` anywhere; only request fields are pulled by SageMaker.
  if (image.usage === 'reference') return false;
  // SDK local mode: the local Docker daemon pulls it, from any region.
  if (context.spec.sdkRequest?.localMode) return false;
  // The request's own ARNs name its partition: an image of another one is never where it runs,
  // whatever the target region (none, or one of yet another partition), and whatever region the image names.
  const partition = requestPartition(context.spec);
  const imagePartition = catalog.partition(image.region);
  if (partition && imagePartition !== partition) {
    // The same image in the partition's regions: the target region's first when it is one of them; none preferred
    // without one (which region the request runs in is not written here).
    const regions = catalog.regions().filter((region) => region.partition === partition);
    const ordered = [...regions.filter((region) => region.name === target.region), ...regions.filter((region) => region.name !== target.region)];
    const fixes: QuickFix[] = [];
    const serving: string[] = [];
    for (const region of ordered) {
      const host = sameImageHost(context, image, region.name);
      const edit = host ? image.replaceHost(host) : undefined;
      if (!host || !edit) continue;
      serving.push(region.name);
      fixes.push({ title: `Use the ${region.name} registry (${host})`, intents: [edit], preferred: target.explicit && region.name === target.region });
    }
    const where = serving.length > 0 ? ` Use the registry of ${listText(serving, 'or')}.` : '';
    context.report(
      'image-region-mismatch',
      `The image is in ${image.region} (partition ${imagePartition}), but this request's ARNs are in the ${partition} partition; SageMaker pulls images from its own region.${where}`,
      image.regionRange,
      fixes,
    );
    return true;
  }
  // A template deployed to several listed regions: no one target, but each listed region pulls it.
  if (!target.explicit && (target.regions?.length ?? 0) > 1) return checkImageListedRegions(context, image, target, partition);
  if (!target.explicit || image.region === target.region) return false;
  // A target region of another partition than the ARNs' is not where the request runs.
  if (partition && catalog.partition(target.region) !== partition) return false;
  const fixes: QuickFix[] = [];
  let corrected: string | undefined;
  const targetRegion = catalog.region(target.region);
  // A client region the catalog does not know is unknown-region on its literal (codeRegionRule).
  if (!targetRegion && context.spec.codeRegion?.node && context.spec.codeRegion.region === target.region) return false;
  if (targetRegion) {
    const host = sameImageHost(context, image, target.region);
    const edit = host ? image.replaceHost(host) : undefined;
    // A workflow's images naming two regions equally: which one it runs in is the user's call (offered, not preferred).
    if (host && edit) fixes.push({ title: `Use the ${target.region} registry (${host})`, intents: [edit], preferred: !target.tied });
    if (host) corrected = `${host}/${image.repository}${image.tag ? `:${image.tag}` : ''}`;
  }
  // A target the catalog does not know (`AWS_REGION=us-east-7`) is a typo, or a region newer than the catalog: say so.
  const unknownTarget = targetRegion ? '' : `, which the catalog does not know (a typo, or a region newer than the catalog)`;
  // A template may be deployed to other regions later: how to write it for each, as with several listed.
  // A CDK stack deployed to that one region (pinned by its env, or the one listed): its template is generated, and the image
  // to write in the CDK code says it all. Otherwise a template may go to other regions later: how to write it for each.
  const oneRegion = context.spec.cdkSynthesized !== undefined && target.regions?.length === 1;
  const advice = oneRegion && corrected ? ` Use "${corrected}".` : context.spec.anyRegion && targetRegion ? ` ${everyRegionAdvice(context, image, [target.region])}` : '';
  context.report(
    'image-region-mismatch',
    `The image is in ${image.region}, but the target region is ${describeRegion(target)}${unknownTarget}; SageMaker pulls images from its own region.${advice}`,
    image.regionRange,
    fixes,
  );
  return true;
}

/**
 * The registry host (`account.dkr.ecr.region.suffix`) serving `image`'s repository in `region`:
 * the account of the same tag there, else the repository's first account there. Undefined for an
 * image of no AWS-owned account, an unknown region, or a repository not served there. From the catalog.
 */
function sameImageHost(context: RuleContext, image: ImageRegion, region: string): string | undefined {
  const { catalog } = context;
  const known = catalog.region(region);
  if (!known || image.account === undefined || image.repository === undefined || !catalog.isAwsAccount(image.account)) return undefined;
  const sameImage = image.tag ? catalog.findImage(image.repository, image.tag, region) : undefined;
  const account = sameImage ? catalog.accountFor(sameImage, region) : catalog.accountsForRepository(image.repository, region)[0];
  return account && `${account}.dkr.ecr.${region}.${known.dnsSuffix}`;
}

/** A tag the catalog does not list for an AWS-owned repository. */
function checkTag(context: RuleContext, image: ImageOccurrence): void {
  if (checkNewerThanCatalog(context, image)) return;
  const { catalog } = context;
  const { reference } = image;
  const ecr = reference.ecr!;
  const tag = reference.tag;
  // Floating tags belong to latest-tag and xgboost-unpinned.
  if (!tag || reference.digest || tag.text === 'latest') return;
  const xgboost = isXgboostImage(context.catalog, reference);
  if (xgboost && isFloatingTag(tag.text)) return;
  if (!catalog.isAwsAccount(ecr.account.text)) return;
  const repository = reference.repository.text;
  // The known tag found first: listing a repository's tags costs more than looking one up.
  if (catalog.findImage(repository, tag.text, ecr.region.text)) return;
  const known = catalog.tagsFor(repository, ecr.region.text);
  if (known.length === 0) return;
  // Ranked by meaning: tags extending what was typed, then the same version, then nearby versions.
  const candidates = known.filter((entry) => !(xgboost && isFloatingTag(entry.tag)));
  const suggestions = suggestTags(tag.text, candidates, 3);
  // A Deep Learning Container version the SDK does not list (a patch release) may well exist: a
  // note, and no version is preferred over the one written.
  const unlisted = unlistedVersion(catalog, repository, tag.text);
  const note = unlisted
    ? ` The Deep Learning Containers publish versions the SageMaker Python SDK does not list (patch releases among them), so ${unlisted.tagVersion} may exist: check that the tag is in the registry.`
    : '';
  context.report(
    'unknown-image-tag',
    `The SageMaker catalog has no tag "${tag.text}" for "${repository}" in ${ecr.region.text}.${note}`,
    image.rangeOf(tag),
    suggestions.map((suggestion, index) => ({
      title: `Use tag ${suggestion}`,
      intents: [image.replacePart(tag, suggestion)],
      // A typo's correction is preferred; another version (`1.8-1` → `1.7-1`) is the user's choice.
      preferred: !unlisted && index === 0 && isClearTypo(tag.text, suggestions),
    })),
    unlisted ? 'information' : undefined,
  );
}
