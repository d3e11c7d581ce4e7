/**
 * The calls on one SDK estimator or model that make the SDK send something for it (`deploy`,
 * `transformer`, `register`, `create`, whose result Pipelines' `ModelStep` takes, and Neo's
 * `compile`), followed once for every feature that reads them: whether the model runs only in
 * local mode, which instance types a framework image is resolved for, and whether Neo replaces
 * that image. The features must agree on which calls are the object's.
 *
 * A call is the object's (`own`) when its receiver is the constructor call itself
 * (`Model(…).deploy(…)`) or a name that resolves to it (bound once, before the call). A call on a
 * name that resolves to another expression is another object's and is not listed, even when the
 * name is the same (`model` in a function that binds its own). A call on the object's own name
 * that resolves to nothing (the name bound twice, changed in place, or used before its binding)
 * may be on it or on another object: it is `untied`. Features use untied calls only to judge more
 * leniently, never to report: a call we cannot tie to the object never yields a finding.
 */
import { sdkArguments, type CallArguments } from './pythonCallArguments';
import { boundNameOf, type EstimatorMethodCall } from './pythonEstimators';
import type { PythonScopes } from './pythonScopes';
import { SDK_METHODS } from './pythonSdkArguments';
import { sourceOf, type SyntaxNode } from './pythonSyntax';

/** The methods followed here. */
export type ModelMethod = 'deploy' | 'transformer' | 'create' | 'register' | 'compile';

/** One call on the object, with its arguments read. */
export interface ModelCall {
  method: ModelMethod;
  /** Its callee, receiver and argument list. */
  call: EstimatorMethodCall;
  /** Its arguments by parameter name, `**dict(…)` and `**name` bound once to a dict included (see sdkArguments). */
  arguments: CallArguments;
}

/**
 * `Model.create(instance_type, accelerator_type, …)`: only its first parameter is read, whose
 * place every v2 release shares. The SDK sends no instance type in CreateModel: it only picks the
 * image for it (`prepare_container_def`).
 */
const CREATE_PARAMETERS = ['instance_type'];

/** `Model.compile(target_instance_family, input_shape, output_path, role, …)`: only the target is read. */
const COMPILE_PARAMETERS = ['target_instance_family'];

export interface ModelCalls {
  /** The calls on the object, per method in the order asked, each method's in source order. */
  own: ModelCall[];
  /** The calls on the object's name that cannot be tied to it (see the file comment). */
  untied: ModelCall[];
}

/**
 * The `methods` calls on the object that `call` (a constructor call) makes; `methodCalls` holds
 * the file's calls by method name. A call whose arguments name one parameter twice (Python's
 * TypeError: nothing is sent) is in neither list.
 */
export function callsOnModel(
  text: string,
  scopes: PythonScopes,
  call: SyntaxNode,
  methodCalls: ReadonlyMap<string, readonly EstimatorMethodCall[]>,
  methods: readonly ModelMethod[],
): ModelCalls {
  const found: ModelCalls = { own: [], untied: [] };
  const boundName = boundNameOf(text, call);
  for (const method of methods) {
    const parameters = method === 'create' ? CREATE_PARAMETERS : method === 'compile' ? COMPILE_PARAMETERS : SDK_METHODS[method].positional;
    for (const methodCall of methodCalls.get(method) ?? []) {
      const receiver = methodCall.receiver;
      if (!receiver) continue;
      let list: ModelCall[];
      if (receiver.from === call.from && receiver.to === call.to) list = found.own;
      else if (receiver.name !== 'VariableName') continue; // `models[0].deploy(…)`, another call's result
      else {
        const target = scopes.resolveBinding(receiver);
        if (target) {
          if (target.from !== call.from || target.to !== call.to) continue; // another object's
          list = found.own;
        } else if (boundName !== undefined && sourceOf(text, receiver) === boundName) {
          list = found.untied;
        } else {
          continue;
        }
      }
      const written = sdkArguments(text, methodCall.argList, parameters, scopes);
      if (written) list.push({ method, call: methodCall, arguments: written });
    }
  }
  return found;
}
