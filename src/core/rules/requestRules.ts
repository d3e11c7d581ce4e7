/**
 * The checks of the whole request against the API model and instance facts, behind one call so
 * `analyzeSpec` stays a list of rule families. Each runs only when its data was loaded.
 */
import type { ApiModel } from '../apiModel/apiModel';
import type { AlgorithmTable } from '../algorithms/algorithmTable';
import type { InstanceGpuTable } from '../catalog/instanceGpus';
import { checkAgainstApiModel } from './apiModelRules';
import { checkImageProcessors } from './processorRule';
import { checkResourceIds } from './resourceIdRules';
import type { RuleContext } from './ruleContext';
import { checkTrainingResources } from './trainingResourceRule';

export interface RequestRuleData {
  /** data/api-model.json; without it the structure and value rules do not run. */
  apiModel?: ApiModel;
  /** data/instance-gpus.json; without it `image-processor-mismatch` does not run. */
  instanceGpus?: InstanceGpuTable;
  /** data/algorithms.json; without it the built-in algorithm rules do not run. */
  algorithms?: AlgorithmTable;
}

export function checkRequest(context: RuleContext, data: RequestRuleData): void {
  // The API-model walk checks resource ids as it goes; without the model, a walk of their own.
  if (data.apiModel) {
    checkAgainstApiModel(context, data.apiModel);
    checkTrainingResources(context);
  } else {
    checkResourceIds(context);
  }
  if (data.instanceGpus) checkImageProcessors(context, data.instanceGpus);
}
