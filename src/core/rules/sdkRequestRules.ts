/**
 * The request rules that hold for a request an SDK writes from one call (`Estimator(…)`,
 * `Processor(…)`, `Model(…)`; see SpecDocument.sdkRequest), whose other members the SDK fills in:
 * the arguments it sends unchanged against the API model and managed spot training's stopping
 * condition, the image's processor against the
 * instance type, and a Docker Hub image where SageMaker pulls. Each runs only when its data was loaded.
 */
import { checkSdkArguments } from './apiModelRules';
import { checkImageProcessors } from './processorRule';
import { checkSdkDockerHub } from './repositoryAccessRules';
import type { RequestRuleData } from './requestRules';
import type { RuleContext } from './ruleContext';
import { checkSdkSpotTraining } from './spotTrainingRule';
import { checkSdkTrainingResources } from './trainingResourceRule';

export function checkSdkRequest(context: RuleContext, data: RequestRuleData): void {
  const request = context.spec.sdkRequest;
  if (!request) return;
  if (data.apiModel && request.arguments) {
    checkSdkArguments(context, data.apiModel, request.arguments);
    checkSdkTrainingResources(context, request.arguments);
  }
  if (request.arguments && context.isEnabled('spot-training-wait')) checkSdkSpotTraining(context, request.arguments, request.unwrittenArguments);
  if (data.instanceGpus) checkImageProcessors(context, data.instanceGpus);
  if (context.isEnabled('docker-hub-image')) checkSdkDockerHub(context);
}
