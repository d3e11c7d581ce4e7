/**
 * Severity follows the evidence for a fact: the algorithm's own container code (XGBoost) is an
 * error; the developer guide or the SDK alone, or a field on which the sources disagree (where
 * the permissive value is used), a warning.
 */
import type { Evidence } from '../../algorithms/algorithmData';
import type { Severity } from '../../findings';

export function severityOf(evidence: Evidence, disputed = false): Severity {
  return evidence === 'container' && !disputed ? 'error' : 'warning';
}

/**
 * The weight of "required in every request" (a hyperparameter or channel a job lacks): the one
 * fact the developer guide states without hedging, unlike value formats and bounds, where it is
 * often loose. A job without it fails as surely as where the container code says so, so it is
 * weighed as container evidence (an error); a requirement under a condition keeps its source's weight.
 */
export const REQUIRED_IN_EVERY_REQUEST: Evidence = 'container';

/** The consequence, for messages: what happens to a job whose fact is broken. */
export const FAILS_IN_CONTAINER = 'SageMaker accepts the job, and it fails inside the container when it starts';

/** The same, where only the guide or the SDK says so. */
export const MAY_FAIL_IN_CONTAINER = 'SageMaker accepts the job, and the algorithm may fail inside the container when it starts';

export function consequence(evidence: Evidence): string {
  return evidence === 'container' ? FAILS_IN_CONTAINER : MAY_FAIL_IN_CONTAINER;
}

/** `a, b and c` */
export function listText(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
