/**
 * The pipeline variables a SageMaker Pipelines definition reads with `Get` and does not declare:
 * `{"Get": "Parameters.X"}` for an X its `Parameters` list has no item named, and
 * `{"Get": "Steps.X.…"}` (a step's properties, its property files) for an X no step is named,
 * condition branches included. The run has no value for either (SageMaker rejects the definition
 * or fails the step reading it). `Execution.*` and any other path are left alone.
 *
 * The Gets are the ones the Pipelines host reads (pipelineFunction), wherever the definition
 * writes one: a step's `Arguments` (a request's members, a `Std:Join`'s values, a `Std:JsonGet`'s
 * `PropertyFile`), a Condition step's operands, any other step type's arguments, the
 * `PipelineExperimentConfig`.
 *
 * Where the declared names cannot all be told — a parameter or step whose `Name` is computed (a
 * template's `${…}` in a `PipelineDefinitionBody`), a list item that is a computed value, steps
 * nested past the host's depth — nothing of that kind is reported.
 */
import type { Node } from 'jsonc-parser';
import { memberValue, stringValue } from '../../jsonTree';
import type { RequestNode } from '../../requestTree';
import type { HostLanguage, SpecDocument, UndefinedPipelineVariable } from '../../specDocument';
import { definitionCarrier, forEachStep, parameterName, pipelineFunction } from './pipelineRequests';

/**
 * `requests` (findPipelineRequests' for the definition whose top-level object is `root`) with the
 * definition's undefined pipeline variables on the first, or on a request of no kind of their own
 * when the definition has no request step (definitionCarrier).
 */
export function withUndefinedPipelineVariables(requests: SpecDocument[], text: string, root: Node, host: HostLanguage): SpecDocument[] {
  const found = undefinedPipelineVariables(root);
  if (found.length > 0) definitionCarrier(requests, text, host).undefinedPipelineVariables = found;
  return requests;
}

/** Each `Get` of a parameter or step the definition does not declare, in document order. */
export function undefinedPipelineVariables(root: Node): UndefinedPipelineVariable[] {
  const parameters = declaredParameters(root);
  const steps = declaredSteps(root);
  if (!parameters && !steps) return [];
  const found: UndefinedPipelineVariable[] = [];
  for (const node of getArguments(root)) {
    const path = stringValue(node);
    if (path === undefined || (node as RequestNode).dynamic) continue;
    const parameter = parameterName(node);
    if (parameter !== undefined) {
      if (parameters && parameter !== '' && !parameters.includes(parameter)) found.push({ kind: 'parameter', name: parameter, node, start: 'Parameters.'.length, end: path.length, declared: parameters });
    } else if (path.startsWith('Steps.') && steps && !steps.some((step) => namesStep(path, step))) {
      const name = /^[^.[]*/.exec(path.slice('Steps.'.length))![0];
      if (name !== '') found.push({ kind: 'step', name, node, start: 'Steps.'.length, end: 'Steps.'.length + name.length, declared: steps });
    }
  }
  return found;
}

/** True when the Get path `path` reads step `step` (`Steps.Train`, `Steps.Train.…`, `Steps.Train[…]`). */
function namesStep(path: string, step: string): boolean {
  const prefix = `Steps.${step}`;
  return path.startsWith(prefix) && (path.length === prefix.length || path[prefix.length] === '.' || path[prefix.length] === '[');
}

/**
 * The names of the definition's `Parameters` items in document order (none when it has no
 * `Parameters`); undefined when they cannot all be told (a computed list, item or `Name`).
 */
function declaredParameters(root: Node): string[] | undefined {
  const list = memberValue(root, 'Parameters');
  if (!list) return [];
  if (list.type !== 'array' || (list as RequestNode).dynamic) return undefined;
  const names: string[] = [];
  for (const parameter of list.children ?? []) {
    const name = knownName(parameter);
    if (name === undefined) return undefined;
    names.push(name);
  }
  return names;
}

/** The names of every step (condition branches included), in document order; undefined when they cannot all be told. */
export function declaredSteps(root: Node): string[] | undefined {
  const names: string[] = [];
  let known = true;
  const complete = forEachStep(root, (step) => {
    const name = knownName(step);
    if (name === undefined) known = false;
    else names.push(name);
    // A branch written as a computed value holds steps nobody can see.
    const args = memberValue(step, 'Arguments');
    for (const branch of [memberValue(args, 'IfSteps'), memberValue(args, 'ElseSteps')]) if (branch && branch.type !== 'array') known = false;
  });
  return complete && known ? names : undefined;
}

/** The `Name` of a parameter or step object, when it is written as a plain string (not a computed one). */
export function knownName(item: Node): string | undefined {
  if (item.type !== 'object' || (item as RequestNode).dynamic) return undefined;
  const name = memberValue(item, 'Name');
  return name && !(name as RequestNode).dynamic ? stringValue(name) : undefined;
}

/** The argument of every `Get` below `node` (Gets inside other functions' arguments too). An explicit stack: the definition's depth is its writer's to choose. */
function getArguments(node: Node | undefined): Node[] {
  const found: Node[] = [];
  const stack: Node[] = node ? [node] : [];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const call = pipelineFunction(current);
    if (call?.name === 'Get') {
      if (call.argument) found.push(call.argument);
      continue;
    }
    // Pushed in reverse, so the Gets come out in document order.
    const children = current.type === 'object' ? (current.children ?? []).map((property) => property.children?.[1]) : current.type === 'array' ? current.children ?? [] : [];
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index];
      if (child) stack.push(child);
    }
  }
  return found;
}
