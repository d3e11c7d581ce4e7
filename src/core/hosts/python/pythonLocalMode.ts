/**
 * The SageMaker Python SDK's local mode: `instance_type="local"` or `"local_gpu"`, or a class
 * built on a `LocalSession()`, runs the job or endpoint in Docker on this machine and sends no
 * request to SageMaker. The local Docker daemon pulls the image from any region's Amazon ECR, so
 * nothing that compares the image with SageMaker's target region applies (`image-region-mismatch`).
 */
import type { Node } from 'jsonc-parser';
import { calleeName, type SyntaxNode } from './pythonSyntax';
import type { PythonScopes } from './pythonScopes';
import type { PythonValues } from './pythonValues';

/** Instance types of the SDK's local mode (`sagemaker.local`): no request is sent. */
const LOCAL_INSTANCE_TYPES = new Set(['local', 'local_gpu']);

/** The SDK's local-mode sessions (`sagemaker.local.LocalSession`, `sagemaker.workflow.pipeline_context.LocalPipelineSession`). */
const LOCAL_SESSIONS = new Set(['LocalSession', 'LocalPipelineSession']);

/** True for a literal `"local"` or `"local_gpu"` (a request-tree node read from an argument). */
export function isLocalInstanceType(value: Node): boolean {
  return value.type === 'string' && LOCAL_INSTANCE_TYPES.has(value.value as string);
}

/**
 * True when an SDK call (its arguments by parameter name, `keywords`) runs in local mode: a
 * literal local `instance_type`, or a `sagemaker_session` that is a `LocalSession(…)` call (in
 * place or through a name bound once). `deployTypes` are the `instance_type` arguments of the
 * `deploy(…)` calls on a model, undefined when one may not be followed: a model deployed only
 * locally is local too.
 */
export function isLocalModeCall(values: PythonValues, scopes: PythonScopes, keywords: ReadonlyMap<string, SyntaxNode>, deployTypes?: readonly (SyntaxNode | undefined)[]): boolean {
  const instanceType = keywords.get('instance_type');
  if (instanceType && isLocalInstanceType(values.node(instanceType, undefined))) return true;
  const session = keywords.get('sagemaker_session');
  const call = session?.name === 'VariableName' ? scopes.resolve(session) : session;
  const callee = call?.name === 'CallExpression' ? calleeName(values.text, call) : undefined;
  if (callee && LOCAL_SESSIONS.has(callee.name)) return true;
  return deployTypes !== undefined && deployTypes.length > 0 && deployTypes.every((type) => type !== undefined && isLocalInstanceType(values.node(type, undefined)));
}
