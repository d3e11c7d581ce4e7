/**
 * A template's model monitoring resources — `AWS::SageMaker::MonitoringSchedule` and the four job
 * definitions (`DataQualityJobDefinition`, `ModelQualityJobDefinition`, `ModelBiasJobDefinition`,
 * `ModelExplainabilityJobDefinition`) — checked for their images only. Their properties are the
 * API's CreateMonitoringSchedule and Create…JobDefinition members (SageMaker's service model, the
 * CloudFormation resource schemas), but those requests are none of ours (specKind.ts,
 * data/api-model.json): the image rules judge the container each job runs, nothing else does.
 *
 * SageMaker runs a monitoring job as a processing job, so its image is pulled in the stack's
 * region from Amazon ECR as a processing job's is (`processing` usage): its own Model Monitor
 * image (`sagemaker-model-monitor-analyzer`) or Clarify's (`sagemaker-clarify-processing`) for
 * bias and explainability, or one of yours. Completion offers those images only (ImageField.repositories).
 */
import type { Node } from 'jsonc-parser';
import { memberValue } from '../../jsonTree';
import { imageFieldOf, type ImageField } from '../../specDocument';

/** Where a resource's image member is: the path of the object holding it, from `Properties`, and the member. */
interface ImagePath {
  holderPath: readonly string[];
  member: string;
  /** The SageMaker repositories of the images it runs (ImageField.repositories), for completion. */
  repositories: readonly string[];
}

/** Model Monitor's own image: data and model quality. */
const MODEL_MONITOR = 'sagemaker-model-monitor-analyzer';
/** SageMaker Clarify's image: model bias and explainability. */
const CLARIFY = 'sagemaker-clarify-processing';

/** A schedule's `MonitoringType` → the image its job runs (DataQuality when absent, as the API's default). */
const SCHEDULE_IMAGES: Readonly<Record<string, readonly string[]>> = {
  DataQuality: [MODEL_MONITOR],
  ModelQuality: [MODEL_MONITOR],
  ModelBias: [CLARIFY],
  ModelExplainability: [CLARIFY],
};

/**
 * Resource type → its image member, as the CloudFormation schema names it (which is the API's:
 * `MonitoringAppSpecification.ImageUri` of CreateMonitoringSchedule's `MonitoringJobDefinition`,
 * `DataQualityAppSpecification.ImageUri` of CreateDataQualityJobDefinition, …).
 */
export const MONITORING_RESOURCES: Readonly<Record<string, ImagePath>> = {
  'AWS::SageMaker::MonitoringSchedule': { holderPath: ['MonitoringScheduleConfig', 'MonitoringJobDefinition', 'MonitoringAppSpecification'], member: 'ImageUri', repositories: [MODEL_MONITOR, CLARIFY] },
  'AWS::SageMaker::DataQualityJobDefinition': { holderPath: ['DataQualityAppSpecification'], member: 'ImageUri', repositories: [MODEL_MONITOR] },
  'AWS::SageMaker::ModelQualityJobDefinition': { holderPath: ['ModelQualityAppSpecification'], member: 'ImageUri', repositories: [MODEL_MONITOR] },
  'AWS::SageMaker::ModelBiasJobDefinition': { holderPath: ['ModelBiasAppSpecification'], member: 'ImageUri', repositories: [CLARIFY] },
  'AWS::SageMaker::ModelExplainabilityJobDefinition': { holderPath: ['ModelExplainabilityAppSpecification'], member: 'ImageUri', repositories: [CLARIFY] },
};

/** True for a model monitoring resource type (MONITORING_RESOURCES). */
export function isMonitoringResource(type: string): boolean {
  return Object.hasOwn(MONITORING_RESOURCES, type);
}

/**
 * The image field of a monitoring resource of `type` whose `Properties` (as one view reads them)
 * are `properties`, or none when it writes no image (a schedule naming a job definition,
 * `MonitoringJobDefinitionName`, has its image there).
 */
export function monitoringImageFields(type: string, properties: Node): ImageField[] {
  const path = MONITORING_RESOURCES[type];
  let holder: Node | undefined = properties;
  for (const member of path.holderPath) holder = memberValue(holder, member);
  const field = imageFieldOf(holder, path.member, 'processing', [...path.holderPath]);
  if (!field) return [];
  // A schedule's job runs the image of its MonitoringType, when that is written out.
  const monitoringType = type === 'AWS::SageMaker::MonitoringSchedule' ? memberValue(memberValue(properties, 'MonitoringScheduleConfig'), 'MonitoringType') : undefined;
  const typed = monitoringType === undefined ? 'DataQuality' : monitoringType.type === 'string' ? String(monitoringType.value) : undefined;
  const repositories = (typed !== undefined && Object.hasOwn(SCHEDULE_IMAGES, typed) && type === 'AWS::SageMaker::MonitoringSchedule' ? SCHEDULE_IMAGES[typed] : undefined) ?? path.repositories;
  return [{ ...field, repositories }];
}
