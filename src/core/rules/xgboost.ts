/**
 * XGBoost is the one built-in algorithm that must be pinned: its `1` and `latest` tags point at
 * an old legacy image, and new versions change behaviour.
 */
import type { Catalog } from '../catalog/catalog';
import type { ImageReference } from '../imageReference';

export const XGBOOST_FRAMEWORK = 'xgboost';

/** Tags that move: `latest` and the built-in algorithms' `1`. */
export function isFloatingTag(tag: string): boolean {
  return tag === 'latest' || tag === '1';
}

/** An AWS-owned XGBoost algorithm image (the legacy `xgboost` or the `sagemaker-xgboost` repository). */
export function isXgboostImage(catalog: Catalog, reference: ImageReference): boolean {
  const ecr = reference.ecr;
  if (!ecr || !catalog.isAwsAccount(ecr.account.text)) return false;
  return catalog.repositoryServes(reference.repository.text, XGBOOST_FRAMEWORK);
}

/** The first-generation XGBoost repository (0.72), whose `1` and `latest` tags are that version, frozen. */
export const LEGACY_XGBOOST_REPOSITORY = 'xgboost';

/**
 * A hover's sentence on an XGBoost image tagged `1` (or `latest`), in `repository` when known:
 * the legacy repository's `1` is XGBoost 0.72; `sagemaker-xgboost` has no such tag (its images
 * are tagged by version), as xgboost-unpinned's message says.
 */
export function xgboostFloatingTagSentence(tag: string, repository: string | undefined): string {
  if (repository === LEGACY_XGBOOST_REPOSITORY) return `Not pinned: \`${tag}\` is XGBoost's legacy image (0.72); pick a version.`;
  return `Not pinned: \`${tag}\` names no XGBoost version${repository ? ` (${repository}'s images are tagged by version)` : ''}; pick one.`;
}
