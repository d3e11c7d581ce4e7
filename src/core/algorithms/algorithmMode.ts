/**
 * The mode of a built-in algorithm job: the value of the hyperparameter that selects what the
 * algorithm trains (BlazingText's `mode`, the `predictor_type` of k-NN, Linear Learner and
 * Factorization Machines; `modeHyperparameter` in the facts). The metrics a job emits, and for
 * BlazingText the instances it trains on, depend on it. Pure.
 */
import type { Node } from 'jsonc-parser';
import { memberValue } from '../jsonTree';
import { staticString, type AlgorithmJob } from './algorithmJobs';

export interface JobMode {
  /** The hyperparameter's name (`mode`, `predictor_type`). */
  hyperparameter: string;
  /** One of its allowed values (`skipgram`, `regressor`). */
  value: string;
  /** The value as written: where findings about the mode land, and what a fix replaces. */
  node: Node;
}

/**
 * The job's mode, or undefined when the algorithm has none, or the value is not a literal (a
 * computed value, a tuning range), absent, or not one the algorithm allows (that value is
 * reported on its own by algorithm-invalid-hyperparameter): then the rules keep to what holds in
 * every mode. Reads the job's hyperparameter map, so an SDK estimator's keyword counts too.
 */
export function jobMode(job: AlgorithmJob): JobMode | undefined {
  const hyperparameter = job.facts.data.modeHyperparameter;
  if (hyperparameter === undefined || !job.hyperparameters) return undefined;
  const node = memberValue(job.hyperparameters, hyperparameter);
  const value = staticString(job.hyperparameters, hyperparameter);
  if (!node || value === undefined || !job.facts.hyperparameter(hyperparameter)?.allowedValues?.includes(value)) return undefined;
  return { hyperparameter, value, node };
}
