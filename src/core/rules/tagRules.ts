/**
 * Tag hygiene: `latest-tag`, `xgboost-unpinned` (which replaces latest-tag for XGBoost) and
 * `digest-recommended` for private-registry images.
 */
import type { AlgorithmTable } from '../algorithms/algorithmTable';
import type { Catalog } from '../catalog/catalog';
import type { QuickFix } from '../findings';
import { formatEcrImage } from '../imageReference';
import { tagOrWholeRange, type ImageOccurrence } from './imageOccurrence';
import type { RuleContext } from './ruleContext';
import { isFloatingTag, isXgboostImage, LEGACY_XGBOOST_REPOSITORY } from './xgboost';
import { pinTitle, xgboostPins } from './xgboostPins';

/** `algorithms`, when loaded, keeps the pinning advice to versions that read the job's input mode. */
export function checkTags(context: RuleContext, image: ImageOccurrence, algorithms?: AlgorithmTable): void {
  const { reference } = image;
  if (reference.digest) return;
  // A reference outside a request may not be a SageMaker image at all: advice only for SageMaker's own.
  if (image.field.usage === 'reference' && !(reference.ecr && context.catalog.isAwsAccount(reference.ecr.account.text))) return;
  const tag = reference.tag?.text;
  if (isXgboostImage(context.catalog, reference)) {
    if (tag === undefined || isFloatingTag(tag)) reportUnpinnedXgboost(context, image, algorithms);
    return;
  }
  if (tag === undefined || tag === 'latest') {
    // Local mode runs an image built on this machine (`docker build -t name`), tagged latest by Docker: no advice for it.
    if (!(context.spec.sdkRequest?.localMode && !reference.ecr)) reportLatest(context, image);
    return;
  }
  // A private registry's tag (not an ECR host whose account is mistyped: invalid-account-id).
  if (!reference.ecr && !reference.malformedEcrAccount && (image.field.usage === 'training' || image.field.usage === 'inference')) {
    context.report(
      'digest-recommended',
      `"${tag}" can be moved to another image; pin "@sha256:…" to run exactly the image you tested.`,
      image.rangeOf(reference.tag!),
    );
  }
}

function reportUnpinnedXgboost(context: RuleContext, image: ImageOccurrence, algorithms: AlgorithmTable | undefined): void {
  if (!context.isEnabled('xgboost-unpinned')) return;
  const ecr = image.reference.ecr!;
  // Offer the versions of the region the job runs in: the explicit target, else the image's own.
  const region = context.region.explicit ? context.region.region : ecr.region.text;
  const dnsSuffix = context.catalog.region(region)?.dnsSuffix;
  const { pinned, example, why, forPipe } = xgboostPins(context, image.field, algorithms, dnsSuffix ? region : undefined);
  const fixes: QuickFix[] = pinned.map((entry, index) => ({
    title: pinTitle(entry, index === 0 ? forPipe : ''),
    intents: [image.replaceWhole(formatEcrImage(entry.account, region, dnsSuffix!, entry.repository, entry.tag))],
    preferred: index === 0,
    changesBehaviour: true,
  }));
  const what = image.reference.tag ? `":${image.reference.tag.text}"` : 'An untagged reference';
  context.report('xgboost-unpinned', xgboostUnpinnedMessage(what, example, why, image.reference.repository.text), tagOrWholeRange(image), fixes);
}

/**
 * `xgboost-unpinned`'s message for an image, one wording for literal and template references.
 * `repository`: the image's, when written; what `1` and `latest` mean depends on it (the legacy
 * repository's are XGBoost 0.72; `sagemaker-xgboost`'s images are tagged by version).
 */
export function xgboostUnpinnedMessage(what: string, example: string, why: string, repository?: string): string {
  const meaning = repository === LEGACY_XGBOOST_REPOSITORY ? '"1" and "latest" run the legacy image (XGBoost 0.72), not a version you chose' : `"1" and "latest" name no XGBoost version${repository ? ` in "${repository}", whose images are tagged by version` : ''}`;
  return `${what} does not pin an XGBoost version: ${meaning}. Pin a specific version such as ${example}${why}.`;
}

function reportLatest(context: RuleContext, image: ImageOccurrence): void {
  if (!context.isEnabled('latest-tag')) return;
  const { reference } = image;
  const fixes: QuickFix[] = [];
  const ecr = reference.ecr;
  if (ecr && context.catalog.isAwsAccount(ecr.account.text)) {
    const tags = [...new Set(context.catalog.tagsFor(reference.repository.text, ecr.region.text).map((entry) => entry.tag))];
    tags.filter((tag) => tag !== 'latest').slice(0, 3).forEach((tag, index) => {
      fixes.push({
        title: `Use tag ${tag}`,
        intents: [reference.tag ? image.replacePart(reference.tag, tag) : image.replaceWhole(`${reference.raw}:${tag}`)],
        preferred: index === 0,
        changesBehaviour: true,
      });
    });
  }
  const unversioned = ecr && context.catalog.isAwsAccount(ecr.account.text) ? unversionedRepositoryMessage(context.catalog, reference.repository.text) : undefined;
  if (unversioned) return context.report('latest-tag', unversioned, tagOrWholeRange(image), [], 'hint');
  const message = reference.tag ? LATEST_TAG_MESSAGE : NO_TAG_MESSAGE;
  context.report('latest-tag', message, tagOrWholeRange(image), fixes);
}

/**
 * For a SageMaker repository the catalog knows only without version tags (Model Monitor's
 * `sagemaker-model-monitor-analyzer` is documented untagged; Debugger's rule images are tagged
 * `latest` only): `latest-tag`'s message there, reported as a hint, since no version tag can be
 * pinned and the documented reference is what the user wrote. Undefined for other repositories.
 */
export function unversionedRepositoryMessage(catalog: Catalog, repository: string): string | undefined {
  const images = catalog.imagesForRepository(repository);
  if (images.length === 0 || images.some((image) => image.tags.some((tag) => tag !== 'latest'))) return undefined;
  return `"${repository}" is published without version tags, so "latest" (or no tag) is how it is referenced; only a digest (@sha256:…) pins one image.`;
}

/** `latest-tag`'s messages, one wording for literal and template references. */
export const LATEST_TAG_MESSAGE = '"latest" moves whenever a new image is pushed, so the same file can run different code. Pin a version tag or a digest.';
export const NO_TAG_MESSAGE = 'No tag means "latest", which moves whenever a new image is pushed. Pin a version tag or a digest.';
