/**
 * `newer-than-catalog`: a Deep Learning Container tag whose version is newer than every version the
 * catalog snapshot knows for that repository. Reported instead of `unknown-image-tag` (information,
 * not a warning): the image most likely exists and the catalog is simply older.
 */
import { catalogSnapshotLabel, newerThanCatalog } from '../catalog/catalogAge';
import type { ImageOccurrence } from './imageOccurrence';
import type { RuleContext } from './ruleContext';

/**
 * Reports `newer-than-catalog` for an Amazon ECR image on a SageMaker account whose tag the catalog
 * does not list but is newer than its newest (see `newerThanCatalog`). Returns true when the tag was
 * judged here (reported, or the code is turned off), so the caller skips `unknown-image-tag`.
 */
export function checkNewerThanCatalog(context: RuleContext, image: ImageOccurrence): boolean {
  const { catalog } = context;
  const { reference } = image;
  const ecr = reference.ecr;
  const tag = reference.tag;
  if (!ecr || !tag || reference.digest || !catalog.isAwsAccount(ecr.account.text)) return false;
  const repository = reference.repository.text;
  if (catalog.findImage(repository, tag.text, ecr.region.text)) return false;
  const newer = newerThanCatalog(catalog, repository, tag.text);
  if (!newer) return false;
  context.report(
    'newer-than-catalog',
    `"${repository}:${tag.text}" is newer than the ${lowerFirst(catalogSnapshotLabel(catalog.source))}, whose newest "${repository}" version is ${newer.newestKnown}; check that the tag exists, or refresh the catalog.`,
    image.rangeOf(tag),
  );
  return true;
}

/** `Catalog of …` → `catalog of …`, for use inside a sentence. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
