/**
 * The instance types a framework request's image is resolved for, which pick the SDK's config
 * (Neuron on `ml.inf*`/`ml.trn*`, Graviton on `ml.c7g`): `retrieve` and estimators resolve it on
 * their own instance type; a model on each `deploy`/`transformer` instance type. An instance type
 * the file does not show (a name, a model never deployed here) is `OPEN`.
 */
import type { FrameworkArgument, FrameworkRequest } from '../../frameworkRequest';

/** An instance type (and tool) the image is resolved for; `instanceType` absent means none. */
export interface Target {
  instanceType?: FrameworkArgument;
  inferenceTool?: string;
  /** True when another call (a model's `deploy`) gave the instance type: messages name it. */
  deployed?: boolean;
}

/** An instance type the file does not show (a name, a model never deployed here). */
export const OPEN = 'open';

/**
 * One target per instance type the image is resolved for, in source order: a dynamic
 * `inference_tool` or instance type is `OPEN`, as is a class's missing instance type.
 */
export function targetsOf(request: FrameworkRequest): Array<Target | typeof OPEN> {
  const tool = request.inferenceTool;
  if (tool && tool.value === undefined) return [OPEN];
  const targets: Array<Target | typeof OPEN> = [];
  if (request.deployments) {
    for (const deployment of request.deployments) {
      if (deployment.instanceType && deployment.instanceType.value === undefined) targets.push(OPEN);
      else targets.push({ instanceType: deployment.instanceType, inferenceTool: deployment.inferenceTool, deployed: true });
    }
  } else if (request.instanceType?.value === undefined && (request.instanceType || request.instanceTypeOpen)) {
    targets.push(OPEN);
  } else {
    targets.push({ instanceType: request.instanceType, inferenceTool: tool?.value });
  }
  if (request.instanceTypeOpen && request.deployments) targets.push(OPEN);
  return targets;
}

