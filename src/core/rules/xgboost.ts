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
