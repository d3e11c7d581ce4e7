/**
 * The `DependsOn` names of a SageMaker Pipelines definition's steps that no step has: a step's
 * `"DependsOn": ["PrepareData", …]` lists the steps it waits for, by `Name`, and a misspelt or
 * renamed one names nothing to wait for (the SageMaker Python SDK refuses such a definition:
 * `Step X is undefined.`). Every step counts as declared, the steps of a Condition step's
 * `IfSteps` and `ElseSteps` included, and every step's `DependsOn` is read, theirs too.
 *
 * Where the step names cannot all be told (a `Name` a template's `${…}` writes, a branch that is
 * a computed value, conditions nested past the host's depth), nothing is reported; nor for a
 * `DependsOn` item a `${…}` writes.
 *
 * A `DependsOn` that is no list (`"DependsOn": "Prep"`), or a list item that is no string, is
 * read apart (MalformedDependsOn): the public pipeline definition JSON schema
 * (aws-sagemaker-mlops/sagemaker-model-building-pipeline-definition-JSON-schema) takes an array
 * of step names, and the SageMaker Python SDK writes one even for a single step. Its names are not read: it names no step as written.
 */
import type { Node } from 'jsonc-parser';
import { memberValue, stringValue } from '../../jsonTree';
import type { RequestNode } from '../../requestTree';
import type { HostLanguage, MalformedDependsOn, SpecDocument, UndefinedPipelineStep } from '../../specDocument';
import { definitionCarrier, forEachStep } from './pipelineRequests';
import { declaredSteps, knownName } from './pipelineVariables';

/**
 * `requests` (the definition's, whose top-level object is `root`) with its unknown `DependsOn`
 * names on the request that carries the definition's own findings (definitionCarrier).
 */
export function withUndefinedDependsOn(requests: SpecDocument[], text: string, root: Node, host: HostLanguage): SpecDocument[] {
  const found = undefinedDependsOn(root);
  if (found.length > 0) definitionCarrier(requests, text, host).undefinedPipelineSteps = found;
  const malformed = malformedDependsOn(root);
  if (malformed.length > 0) definitionCarrier(requests, text, host).malformedDependsOn = malformed;
  return requests;
}

/** Each `DependsOn` that is no list, and each list item that is no string, in document order (values a template computes excepted). */
export function malformedDependsOn(root: Node): MalformedDependsOn[] {
  const found: MalformedDependsOn[] = [];
  forEachStep(root, (step) => {
    const value = memberValue(step, 'DependsOn');
    if (!value || !isWritten(value)) return;
    if (value.type !== 'array') {
      found.push({ node: value, problem: 'not-a-list', step: knownName(step) });
      return;
    }
    for (const item of value.children ?? []) if (item.type !== 'string' && isWritten(item)) found.push({ node: item, problem: 'not-a-name', step: knownName(step) });
  });
  return found;
}

/** Each `DependsOn` item naming no step of the definition, in document order. */
export function undefinedDependsOn(root: Node): UndefinedPipelineStep[] {
  const declared = declaredSteps(root);
  if (!declared) return [];
  const found: UndefinedPipelineStep[] = [];
  forEachStep(root, (step) => {
    const list = memberValue(step, 'DependsOn');
    if (list?.type !== 'array' || (list as RequestNode).dynamic) return;
    const items = list.children ?? [];
    const own = knownName(step);
    const listed = items.map((item) => (isWritten(item) ? stringValue(item) : undefined)).filter((name) => name !== undefined);
    const taken = own === undefined ? listed : [own, ...listed];
    for (const item of items) {
      const name = isWritten(item) ? stringValue(item) : undefined;
      if (name !== undefined && !declared.includes(name)) found.push({ name, node: item, step: own, declared, taken });
    }
  });
  return found;
}

/** True for a value written as it is sent, not one a template's `${…}` computes. */
function isWritten(node: Node): boolean {
  return !(node as RequestNode).dynamic;
}
