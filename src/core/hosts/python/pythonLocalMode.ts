/**
 * The SageMaker Python SDK's local mode: `instance_type="local"` or `"local_gpu"`, or a class
 * built on a `LocalSession()`, runs the job or endpoint in Docker on this machine and sends no
 * request to SageMaker. The local Docker daemon pulls the image from any region's Amazon ECR, so
 * nothing that compares the image with SageMaker's target region applies (`image-region-mismatch`).
 */
import type { Node } from 'jsonc-parser';
import { calleeName, type SyntaxNode } from './pythonSyntax';
import type { ModelCall, ModelCalls } from './pythonModelCalls';
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
 * literal local `instance_type`, a `sagemaker_session` that is a `LocalSession(…)` call (in place
 * or through a name bound once), or, for a model, `deployedLocally` (see deployedOnlyLocally).
 */
export function isLocalModeCall(values: PythonValues, scopes: PythonScopes, keywords: ReadonlyMap<string, SyntaxNode>, deployedLocally = false): boolean {
  const instanceType = keywords.get('instance_type');
  if (instanceType && isLocalInstanceType(values.node(instanceType, undefined))) return true;
  const session = keywords.get('sagemaker_session');
  const call = session?.name === 'VariableName' ? scopes.resolveBinding(session) : session;
  const callee = call?.name === 'CallExpression' ? calleeName(values.text, call) : undefined;
  if (callee && LOCAL_SESSIONS.has(callee.name)) return true;
  return deployedLocally;
}

/**
 * True when a model's `deploy(…)`, `transformer(…)`, `create(…)` and `register(…)` calls (see
 * callsOnModel) run it only in local mode: each of its own calls has a literal local
 * `instance_type` (a name or `**kwargs` we cannot read may be SageMaker's; `register` always is:
 * a model package lives in SageMaker), and at least one call that is or may be on it is local. A call
 * on the model's name that cannot be tied to it (the name bound twice) may make the model local
 * but never SageMaker's: it may be another object's, and then the region finding it would bring is false.
 */
export function deployedOnlyLocally(values: PythonValues, calls: ModelCalls): boolean {
  const local = ({ arguments: { keywords } }: ModelCall): boolean => {
    const instanceType = keywords.get('instance_type');
    return instanceType !== undefined && isLocalInstanceType(values.node(instanceType, undefined));
  };
  return calls.own.every(local) && (calls.own.length > 0 || calls.untied.some(local));
}
