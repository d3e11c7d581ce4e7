/**
 * The built-in algorithm rules, run for every algorithm job of a request (see
 * algorithms/algorithmJobs.ts): hyperparameters, tuning, channels and instances. They read only
 * the request tree, so they apply to every host (JSON specs, boto3 calls in Python, …).
 */
import { algorithmJobs } from '../../algorithms/algorithmJobs';
import type { AlgorithmTable } from '../../algorithms/algorithmTable';
import type { InstanceGpuTable } from '../../catalog/instanceGpus';
import type { RuleContext } from '../ruleContext';
import { checkChannels } from './channelRules';
import { checkHyperparameters } from './hyperparameterRules';
import { checkInstances } from './instanceRules';
import { checkTuning } from './tuningRules';

export function checkAlgorithms(context: RuleContext, algorithms: AlgorithmTable, gpus: InstanceGpuTable | undefined): void {
  for (const job of algorithmJobs(context.spec, context.catalog, algorithms)) {
    checkHyperparameters(context, job);
    // An SDK estimator is a training job: its tuners' objectives and ranges are judged with it.
    if (job.tuning || context.spec.sdkRequest?.tuners) checkTuning(context, job);
    checkChannels(context, job);
    if (gpus) checkInstances(context, job, gpus);
  }
}
