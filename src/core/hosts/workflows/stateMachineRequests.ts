/**
 * The requests of an AWS Step Functions state machine (Amazon States Language: `StartAt` and
 * `States`): a `Task` whose `Resource` is one of the SageMaker service integrations —
 * `arn:<partition>:states:::sagemaker:<action>[.sync]` (the optimized integration) or
 * `arn:<partition>:states:::aws-sdk:sagemaker:<action>` (the SDK integration) — for one of the
 * seven Create actions has its `Parameters` (JSONPath) or `Arguments` (JSONata) as that request.
 * Both integrations take the API's own (PascalCase) member names. States are searched through
 * `Parallel` branches and `Map` processors (`ItemProcessor`, and the older `Iterator`). A task in
 * an Express workflow (an Express Distributed Map's child, or a machine the caller says is one)
 * has `integration.express` set (expressWorkflows.ts).
 *
 * A misspelt action (`createTraningJob`, see misspeltAction) yields the task too, with
 * `integration.unknownAction` set: as the corrected action's request when the correction is
 * clear, else as a request of no kind (only its Resource is checked).
 *
 * Dynamic values come from the query language (`QueryLanguage` at the top, or per state;
 * JSONPath when unset). A request under the other language's key (`Parameters` in a JSONata
 * state) is read in its key's language (`embedding.misplacedRequest` tells the rule). Dynamic in:
 * - JSONPath: a key written `"Name.$"` is the member `Name`, present, with a value computed from
 *   the state's input (its key node gets `value` `Name` and a `content` range without the
 *   suffix, so findings and renames leave the `.$` alone);
 * - JSONata: a string that is one `{% … %}` expression.
 *
 * Syntax-independent: the tree is jsonc-parser's `Node` shape with offsets into the document
 * (a YAML or CloudFormation host passes its own tree of that shape), annotated in place.
 */
import { getNodePath, type Node } from 'jsonc-parser';
import { closestMatches, isClearNearest, isTypoOf } from '../../closestMatches';
import { memberValue, stringValue, valueOffsetMapper } from '../../jsonTree';
import type { RequestNode } from '../../requestTree';
import { findImageFields, type HostLanguage, type BlockExpressions, type LiteralExpression, type LiteralExpressionNote, type MisplacedRequest, type PathKeyConstant, type SpecDocument, type TaskIntegration, type UnknownAction, type ExpressWorkflow, type MalformedArn } from '../../specDocument';
import type { SpecKind } from '../../specKind';
import { mapChildWorkflow } from './expressWorkflows';
import { markUnfilledPseudoParameters } from './pseudoParameters';
import { statesFormatTemplate } from './statesFormat';
import { jsonataConcatTemplate } from './jsonataConcat';
import { DOLLAR, DOT } from '../../charCodes';

/** The integrations' action names (camelCase, as the Resource writes them) for our request kinds. */
export const STATE_MACHINE_ACTIONS: Readonly<Record<string, SpecKind>> = {
  createTrainingJob: 'CreateTrainingJob',
  createModel: 'CreateModel',
  createEndpointConfig: 'CreateEndpointConfig',
  createEndpoint: 'CreateEndpoint',
  createProcessingJob: 'CreateProcessingJob',
  createTransformJob: 'CreateTransformJob',
  createHyperParameterTuningJob: 'CreateHyperParameterTuningJob',
};

/**
 * Every action of the optimized SageMaker integration (`states:::sagemaker:<action>`), as Step
 * Functions lists them: ours, a labeling job and an endpoint update. Any other is rejected.
 */
const OPTIMIZED_ACTIONS: readonly string[] = [...Object.keys(STATE_MACHINE_ACTIONS), 'createLabelingJob', 'updateEndpoint'];

export type QueryLanguage = 'JSONPath' | 'JSONata';

/**
 * A SageMaker integration's Resource: `arn:<partition>:states:` then what should be the empty
 * region and account (`::`; `$1`), the integration (`$2`), the action (`$3`) and the pattern
 * (`$4`). `$1` may hold up to three fields: anything but `::` is a miswritten ARN
 * (readMalformedArn decides whether it is one meant as the integration).
 */
const RESOURCE = /^arn:aws[a-z-]*:states:((?:[^:]*:){0,3}?)(sagemaker|aws-sdk:sagemaker):([A-Za-z]+)(?:\.(.*))?$/;

/** Where `states:` begins in a Resource matched by RESOURCE: after `arn:<partition>:`. */
const STATES_AT = /^arn:aws[a-z-]*:/;

/**
 * Stands for a template's placeholder (`${AWS::Region}`) where the Resource is read as text: a
 * character no ARN has, so only the fields between `states:` and the integration may hold it.
 */
const PLACEHOLDER = '\u0000';

/** A JSONata expression: the whole string is `{% … %}`. */
const JSONATA_EXPRESSION = /^\{%[\s\S]*%\}$/;

/** Nested state machines deeper than this (Parallel in Map in …) are not searched. */
const MAX_NESTING = 32;

/** True when `root` is a state machine definition: an object with `StartAt` and a `States` object. */
export function isStateMachine(root: Node | undefined): boolean {
  return root?.type === 'object' && memberValue(root, 'StartAt') !== undefined && memberValue(root, 'States')?.type === 'object';
}

/**
 * The integration a Task's Resource names, when it is a SageMaker Create action of ours. Read
 * from a literal string, or from a template (CloudFormation's `!Sub arn:${AWS::Partition}:states:::…`,
 * or the same `Fn::Join`) whose only placeholder stands in the partition position: the rest of
 * the ARN is static text, and every partition has the same integrations.
 */
export function readTaskResource(resource: Node | undefined): TaskIntegration | undefined {
  // A template's node may hold its text with the placeholders (a string of a DefinitionString in `Fn::Sub`): the parts decide.
  if ((resource as RequestNode | undefined)?.template) return readTemplateResource(resource!);
  const value = stringValue(resource);
  if (value === undefined) return undefined;
  const match = RESOURCE.exec(value);
  if (!match) return readUnfilledPartition(resource!, value);
  const malformedArn = match[1] === '::' ? undefined : readMalformedArn(value, match[1]);
  if (match[1] !== '::' && !malformedArn) return undefined;
  const form = match[2] === 'sagemaker' ? 'optimized' : 'aws-sdk';
  const written = match[3];
  const pattern = match[4] ?? '';
  const patternStart = match[4] === undefined ? value.length : value.length - pattern.length - 1;
  const arn = malformedArn && { malformedArn };
  if (Object.hasOwn(STATE_MACHINE_ACTIONS, written)) return { resource: resource!, form, action: written, pattern, patternStart, ...arn };
  // The integration's other actions (a labeling job, an endpoint update) are no request of ours: only a
  // miswritten ARN of theirs, or a pattern (`updateEndpoint.sync`, which Step Functions may refuse), is read, to report it.
  if (form === 'optimized' && OPTIMIZED_ACTIONS.includes(written)) return arn || match[4] !== undefined ? { resource: resource!, form, action: written, pattern, patternStart, ...arn } : undefined;
  const unknownAction = misspeltAction(form, written, patternStart - written.length);
  // Any other SageMaker action of the SDK integration (`startPipelineExecution`, `describeTrainingJob`)
  // is no request of ours either; read only with a pattern, which the SDK integration may refuse (`.sync`).
  if (!unknownAction) return form === 'aws-sdk' && match[4] !== undefined && match[1] === '::' ? { resource: resource!, form, action: written, pattern, patternStart } : undefined;
  return { resource: resource!, form, action: unknownAction.readAs ?? written, pattern, patternStart, unknownAction, ...arn };
}

/** A region as written in an ARN, typos included (`us-east-1`, `eu-wset-2`, `us-east1`): letters, a hyphen, more. */
const REGION_FIELD = /^[a-z]{2}(?:-[a-z0-9]+)+$/;

/**
 * The fields `middle` (what stands between `states:` and the integration, each ending in `:`)
 * read as a SageMaker integration's ARN miswritten: a region or an account where its fields are
 * empty (a state machine's or an activity's ARN has them: `states:us-east-1:123456789012:`), or
 * a colon missing or extra (`states::`). Undefined when a field is anything else (an
 * `activity:` or `stateMachine:` written there is some other ARN, not ours to read).
 */
function readMalformedArn(value: string, middle: string): MalformedArn | undefined {
  const fields = middle.split(':').slice(0, -1);
  let regions = 0;
  let accounts = 0;
  for (const field of fields) {
    if (field === '' || field === PLACEHOLDER) continue;
    if (/^\d+$/.test(field)) accounts++;
    else if (REGION_FIELD.test(field)) regions++;
    else return undefined;
  }
  if (regions > 1 || accounts > 1) return undefined;
  const start = STATES_AT.exec(value)![0].length;
  const end = start + 'states:'.length + middle.length;
  const written = fields.some((field) => field !== '');
  return { start, end, ...(written ? { written: true } : { colons: fields.length + 1 }) };
}

/** `arn:${AWS::Partition}:states:…` written as literal text (no `Fn::Sub` around it). */
const UNFILLED_PARTITION = /^arn:(\$\{[^}]*\})(:states:.*)$/s;

/**
 * A literal Resource whose partition is a `${…}` nothing fills in (a state machine file deployed
 * by SAM's `DefinitionUri`, a template's `Definition` outside `Fn::Sub`): Step Functions reads it
 * as written and rejects it. Read as the integration it would name (any partition has the same
 * ones), with `unfilledPartition` telling where the placeholder is, so the task is still checked.
 */
function readUnfilledPartition(resource: Node, value: string): TaskIntegration | undefined {
  const match = UNFILLED_PARTITION.exec(value);
  if (!match) return undefined;
  const placeholder = match[1];
  const integration = readTaskResource({ type: 'string', offset: resource.offset, length: resource.length, value: `arn:aws${match[2]}` });
  if (!integration) return undefined;
  // Indices into the value as written: past the partition, it is `aws` longer by the placeholder's length.
  const shift = placeholder.length - 'aws'.length;
  const unknownAction = integration.unknownAction && { ...integration.unknownAction, start: integration.unknownAction.start + shift };
  const malformedArn = integration.malformedArn && { ...integration.malformedArn, start: integration.malformedArn.start + shift, end: integration.malformedArn.end + shift };
  return { ...integration, resource, patternStart: integration.patternStart + shift, ...(unknownAction && { unknownAction }), ...(malformedArn && { malformedArn }), unfilledPartition: { start: 'arn:'.length, text: placeholder } };
}

/**
 * An action the integration does not have, read as a misspelling: any such action of the
 * optimized integration (its actions are a known list), and of the SDK integration only a near
 * miss of one of our Create actions (it takes any SageMaker API action). Undefined for an action
 * that exists, or an SDK action of another API. `start`: where it begins in the Resource's value.
 */
function misspeltAction(form: TaskIntegration['form'], written: string, start: number): UnknownAction | undefined {
  if (form === 'optimized') {
    if (OPTIMIZED_ACTIONS.includes(written)) return undefined;
    const nearest = closestMatches(written, OPTIMIZED_ACTIONS, 3);
    // A typo is at most TYPO_EDITS edits away: further off is another SageMaker action
    // (`describeTrainingJob`, `createModelCard`), which no correction of ours may turn into a Create.
    return withReading({ written, start, nearest, clear: isNearMiss(written, nearest) });
  }
  const nearest = closestMatches(written, Object.keys(STATE_MACHINE_ACTIONS), 3);
  if (!isNearMiss(written, nearest)) return undefined;
  return withReading({ written, start, nearest: [nearest[0]], clear: true });
}

/**
 * True when the first of `nearest` is a clear correction of `written` and a typo away (isTypoOf).
 * The SDK integration takes every SageMaker API action, so only such a near miss of one of ours is
 * a misspelling there: every real action is farther from each of ours (`updateEndpoint` and
 * `updateTrainingJob` are three edits away).
 */
function isNearMiss(written: string, nearest: readonly string[]): boolean {
  return nearest.length > 0 && isTypoOf(written, nearest[0]) && isClearNearest(written, nearest);
}

/** The action the task is checked as: the clear correction, when it is one of ours. */
function withReading(action: UnknownAction): UnknownAction {
  const correction = action.clear ? action.nearest[0] : undefined;
  return correction !== undefined && Object.hasOwn(STATE_MACHINE_ACTIONS, correction) ? { ...action, readAs: correction } : action;
}

/**
 * A Resource written as a template (`!Sub`, `!Join`): the integration, with the source ranges of
 * its pattern (and of a misspelt action, a miswritten region and account). Its text is static but
 * for a placeholder in the partition's place (`arn:${AWS::Partition}:states:::…`) and placeholders
 * in the region and account fields of a miswritten ARN (`states:${AWS::Region}:${AWS::AccountId}:`,
 * as a state machine's own ARN is written).
 */
function readTemplateResource(resource: Node): TaskIntegration | undefined {
  const parts = (resource as RequestNode).template;
  if (parts === undefined || parts.length < 2) return undefined;
  // The Resource as one text, `offsets[i]` the source offset of its character i (and of its end):
  // the partition's placeholder read as `aws` (every partition has the same integrations), any other as one PLACEHOLDER.
  let value = '';
  const offsets: number[] = [];
  const placeholders: number[] = [];
  for (const part of parts) {
    if (part.kind === 'text') {
      value += part.value;
      offsets.push(...part.offsets.slice(0, part.value.length));
    } else if (value === 'arn:') {
      value += 'aws';
      offsets.push(part.offset, part.offset, part.offset);
    } else {
      placeholders.push(value.length);
      value += PLACEHOLDER;
      offsets.push(part.offset);
    }
  }
  const last = parts[parts.length - 1];
  offsets.push(last.kind === 'text' ? last.offsets[last.value.length] : last.offset + last.length);
  const integration = readTaskResource({ type: 'string', offset: resource.offset, length: resource.length, value });
  if (!integration) return undefined;
  const arn = integration.malformedArn;
  // A placeholder anywhere but the region and account fields leaves the integration unknown.
  if (!placeholders.every((index) => arn && index >= arn.start && index < arn.end)) return undefined;
  const rangeOf = (start: number, end: number) => ({ offset: offsets[start], length: offsets[end] - offsets[start] });
  const unknown = integration.unknownAction;
  return {
    ...integration,
    resource,
    patternRange: rangeOf(integration.patternStart, value.length),
    ...(unknown && { unknownAction: { ...unknown, range: rangeOf(unknown.start, unknown.start + unknown.written.length) } }),
    ...(arn && { malformedArn: { ...arn, range: rangeOf(arn.start, arn.end) } }),
  };
}

/**
 * The requests of every SageMaker Create task in the state machine whose definition object is
 * `root`, in document order. Each is a SpecDocument whose `root` is the task's `Parameters` or
 * `Arguments` object (undefined when the task has none, or when `Arguments` is one JSONata
 * expression: then only the integration pattern is checked), with offsets into `text` and
 * `embedding.integration` telling the Resource. Marks dynamic values in the tree.
 * `host` is the syntax `text` is written in (fixes are rendered in it). `dollarKeys`: the tree's
 * keys ending in `.$`, in document order, when the parser collected them (else they are sought).
 * `express`: the state machine is an Express workflow (a template's resource type says so).
 */
export function findStateMachineRequests(text: string, root: Node, host: HostLanguage = 'json', dollarKeys?: readonly Node[], express?: ExpressWorkflow): SpecDocument[] {
  const requests: SpecDocument[] = [];
  // Read once: a 200-task machine would search its text per task.
  const holdsPlaceholders = text.includes('${');
  // `machinePath`: the member path from the document's top-level value to `machine` (the
  // requests' embedding paths are built from it, not read off parent links per task).
  // `workflow`: the Express workflow the states run in, and the nearest Distributed Map above them.
  const visit = (machine: Node | undefined, machinePath: readonly (string | number)[], language: QueryLanguage, depth: number, workflow: TaskWorkflow): void => {
    const states = memberValue(machine, 'States');
    if (states?.type !== 'object' || depth > MAX_NESTING) return;
    const properties = states.children ?? [];
    for (let index = 0; index < properties.length; index++) {
      const property = properties[index];
      const state = property.children?.[1];
      if (state?.type !== 'object') continue;
      const members = readState(state);
      const stateLanguage = queryLanguageOf(members.queryLanguage) ?? language;
      const name = String(property.children?.[0]?.value ?? '');
      switch (stringValue(members.type)) {
        case 'Task': {
          const request = taskRequest(text, members, name, [...machinePath, 'States', name], stateLanguage, host, dollarKeys, holdsPlaceholders, workflow);
          if (request) requests.push(request);
          break;
        }
        case 'Parallel': {
          const branches = members.branches;
          if (branches?.type === 'array') (branches.children ?? []).forEach((branch, at) => visit(branch, [...machinePath, 'States', name, keyOf(branches), at], stateLanguage, depth + 1, workflow));
          break;
        }
        case 'Map': {
          const processor = members.itemProcessor ?? members.iterator;
          const child = mapChildWorkflow(processor, name, workflow.express);
          visit(processor, [...machinePath, 'States', name, keyOf(processor)], stateLanguage, depth + 1, { express: child.express, distributedMap: child.distributed ? name : workflow.distributedMap });
          break;
        }
        default:
          break;
      }
    }
  };
  if (isStateMachine(root)) visit(root, getNodePath(root), queryLanguageOf(memberValue(root, 'QueryLanguage')) ?? 'JSONPath', 0, { express });
  return requests;
}

/** The workflow a state runs in (see TaskIntegration.express and distributedMap). */
interface TaskWorkflow {
  express?: ExpressWorkflow;
  distributedMap?: string;
}

/** The members of a state that decide its requests (each the value of the last key of its name, as memberValue reads it). */
interface StateMembers {
  type?: Node;
  queryLanguage?: Node;
  resource?: Node;
  parameters?: Node;
  arguments?: Node;
  branches?: Node;
  itemProcessor?: Node;
  iterator?: Node;
}

/**
 * A state's members read in one pass over its properties: a 500-state machine was searched once
 * per member name (a miss, `QueryLanguage`, reads every property of every state).
 */
function readState(state: Node): StateMembers {
  const members: StateMembers = {};
  const properties = state.children ?? [];
  for (let index = 0; index < properties.length; index++) {
    const property = properties[index];
    const key = property.children?.[0];
    if (!key) continue;
    const value = property.children?.[1];
    switch (key.value) {
      case 'Type':
        members.type = value;
        break;
      case 'QueryLanguage':
        members.queryLanguage = value;
        break;
      case 'Resource':
        members.resource = value;
        break;
      case 'Parameters':
        members.parameters = value;
        break;
      case 'Arguments':
        members.arguments = value;
        break;
      case 'Branches':
        members.branches = value;
        break;
      case 'ItemProcessor':
        members.itemProcessor = value;
        break;
      case 'Iterator':
        members.iterator = value;
        break;
      default:
        break;
    }
  }
  return members;
}

function queryLanguageOf(node: Node | undefined): QueryLanguage | undefined {
  const value = stringValue(node);
  return value === 'JSONata' || value === 'JSONPath' ? value : undefined;
}

/**
 * The request of a SageMaker task. An action that does not exist without a clear correction
 * yields a request of no kind (only its Resource is checked). A block under the other language's
 * key (`Parameters` in a JSONata state) is the request all the same, read in its key's language.
 */
function taskRequest(text: string, state: StateMembers, name: string, statePath: readonly (string | number)[], language: QueryLanguage, host: HostLanguage, dollarKeys: readonly Node[] | undefined, holdsPlaceholders: boolean, workflow: TaskWorkflow): SpecDocument | undefined {
  const read = readTaskResource(state.resource);
  if (!read) return undefined;
  const integration: TaskIntegration = workflow.express || workflow.distributedMap !== undefined ? { ...read, ...(workflow.express && { express: workflow.express }), ...(workflow.distributedMap !== undefined && { distributedMap: workflow.distributedMap }) } : read;
  const kind: SpecKind | undefined = Object.hasOwn(STATE_MACHINE_ACTIONS, integration.action) ? STATE_MACHINE_ACTIONS[integration.action] : undefined;
  const own = language === 'JSONata' ? state.arguments : state.parameters;
  const other = language === 'JSONata' ? state.parameters : state.arguments;
  const misplaced = other && misplacedRequest(other, language, own !== undefined);
  // What the writer wrote the request in: its key's language (the state's, unless only the other key is there).
  const blockLanguage: QueryLanguage = own === undefined && other !== undefined ? (language === 'JSONata' ? 'JSONPath' : 'JSONata') : language;
  const written = own ?? other;
  const args = kind && written?.type === 'object' ? written : undefined;
  const constantPathValues: PathKeyConstant[] = [];
  if (args) {
    if (blockLanguage === 'JSONata') markJsonataExpressions(text, args);
    else if (dollarKeys) markCollectedPathKeys(text, args, dollarKeys, constantPathValues);
    else markPathKeys(text, args, constantPathValues);
  }
  // After the expressions: a path or JSONata string is not sent as written.
  const unfilled = args && holdsPlaceholders ? markUnfilledPseudoParameters(text, args) : [];
  return {
    text,
    root: args,
    parseErrors: [],
    kind,
    images: args ? findImageFields(kind!, args) : [],
    host,
    embedding: {
      container: 'state-machine-task',
      name,
      path: args ? [...statePath, keyOf(args)] : [],
      suppliedMembers: NONE_SUPPLIED,
      pathKeys: blockLanguage === 'JSONPath',
      notes: [],
      integration,
      // The block under the other language's key: its expressions are query-language-mismatch's to name.
      literalExpression: blockLanguage !== language ? readInMisplacedBlock : blockLanguage === 'JSONPath' ? readAsJsonPathLiteral : readAsJsonataLiteral,
      ...(blockLanguage === 'JSONata' && { unknownKeyNote: blockLanguage === language ? jsonPathKeyInJsonataState : jsonPathKeyUnderArguments }),
      ...(blockLanguage === 'JSONata' && blockLanguage === language && { pathKeyAsJsonata }),
      ...(misplaced && { misplacedRequest: misplaced }),
      ...(constantPathValues.length > 0 && { pathKeyConstants: constantPathValues }),
    },
    ...(unfilled.length > 0 && { unfilledPlaceholders: unfilled }),
  };
}

/** `block` (a `Parameters` or `Arguments` value) under the key `language` does not take. Read before its keys are marked. */
function misplacedRequest(block: Node, language: QueryLanguage, expectedPresent: boolean): MisplacedRequest | undefined {
  const key = block.parent?.children?.[0];
  if (!key) return undefined;
  const holds = blockExpressions(block);
  const readsAlike = block.type === 'object' && !holds.jsonata && !holds.pathKeys && !holds.pathValues;
  return { key, stateLanguage: language, expectedKey: language === 'JSONata' ? 'Arguments' : 'Parameters', readsAlike, holds, expectedPresent };
}

/**
 * The expressions of either query language in `block`: `{% … %}` strings, keys ending in `.$`,
 * and strings that read as JSONPath (`$.x`, `$$.x`, `States.…(…)`) whatever their key. A block
 * with none sends the same request in either language.
 */
function blockExpressions(block: Node): BlockExpressions {
  const holds: BlockExpressions = { jsonata: false, pathKeys: false, pathValues: false, unkeyedPathValues: false };
  // Each value with whether a `.$` key names it (its path is then that key's expression).
  const stack: { node: Node; keyed: boolean }[] = [{ node: block, keyed: false }];
  while (stack.length > 0) {
    const { node: current, keyed } = stack.pop()!;
    if (current.type === 'string') {
      if (typeof current.value !== 'string') continue;
      if (JSONATA_EXPRESSION.test(current.value)) holds.jsonata = true;
      else if (JSONPATH_EXPRESSION.test(current.value)) {
        holds.pathValues = true;
        if (!keyed) holds.unkeyedPathValues = true;
      }
    } else if (current.type === 'object') {
      for (const property of current.children ?? []) {
        const key = property.children?.[0]?.value;
        const pathKey = typeof key === 'string' && key.endsWith('.$');
        if (pathKey) holds.pathKeys = true;
        if (property.children?.[1]) stack.push({ node: property.children[1], keyed: pathKey });
      }
    } else if (current.type === 'array') {
      for (const item of current.children ?? []) stack.push({ node: item, keyed: false });
    }
  }
  return holds;
}

/** The key naming `value` in its object (`Parameters`, `Branches`, `ItemProcessor`), as written. */
function keyOf(value: Node | undefined): string {
  return String(value?.parent?.children?.[0]?.value ?? '');
}

/** A JSONPath `Name.$` key in a JSONata state: dropping the suffix alone would send the path as text. */
function jsonPathKeyInJsonataState(key: string): string | undefined {
  return key.endsWith('.$') ? 'A key ending in ".$" is JSONPath: in a JSONata state, name the member without it and write its value as "{% … %}".' : undefined;
}

/**
 * A JSONPath `"Name.$"` key in a JSONata state as JSONata writes it, when its value is a path or
 * a variable: `$` and `$.a.b` are the state input (`$states.input…`), `$$.a` the context object
 * (`$states.context.a`), `$name` a variable (the same in JSONata). An intrinsic function
 * (`States.Format(…)`) has no one-to-one form: undefined, and the rename is only offered.
 */
function pathKeyAsJsonata(key: string, value: Node | undefined): { member: string; value: string } | undefined {
  if (!key.endsWith('.$') || key.length <= 2 || value?.type !== 'string' || typeof value.value !== 'string') return undefined;
  const path = value.value.trim();
  const expression = jsonataOfPath(path);
  return expression === undefined ? undefined : { member: key.slice(0, -2), value: `{% ${expression} %}` };
}

function jsonataOfPath(path: string): string | undefined {
  // Only a path of plain names and numeric indices reads the same in JSONata: `a-b` would subtract,
  // `['a b']` filter, `..` and `[?(…)]` do not parse. Anything else: no rewrite is offered as sure.
  const rest = path.startsWith('$$') ? path.slice(2) : path.startsWith('$') ? path.slice(1) : undefined;
  if (rest === undefined || !SIMPLE_PATH.test(rest) || /\.(?:true|false|null)\b/.test(rest)) {
    return /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(path) ? path : undefined;
  }
  return path.startsWith('$$') ? `$states.context${rest}` : `$states.input${rest}`;
}

/** `.name` and `[0]` steps only (a JSONPath that JSONata reads as the same path; `.true`, `.false`, `.null` are literals there). */
const SIMPLE_PATH = /^(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*$/;

/**
 * `Arguments` in a JSONPath state, read as JSONata: a `"Name.$"` key there is no member, and the
 * state is not JSONata (query-language-mismatch says to rename the block "Parameters").
 */
function jsonPathKeyUnderArguments(key: string): string | undefined {
  return key.endsWith('.$') ? 'A key ending in ".$" is JSONPath, as this state is, but "Arguments" is read as JSONata, where it names no member (see query-language-mismatch).' : undefined;
}

/**
 * A string in a block under the other query language's key (`Parameters` in a JSONata state)
 * that reads as an expression of either language (`{% … %}`, `$.x`): query-language-mismatch
 * names such values and what to rewrite them as, after which each is computed. A finding on one
 * would repeat it, and its "this JSONPath state" would be untrue of a JSONata state.
 */
function readInMisplacedBlock(value: string): LiteralExpression | undefined {
  return JSONATA_EXPRESSION.test(value) || JSONPATH_EXPRESSION.test(value) ? REPEATS_MISMATCH : undefined;
}

const REPEATS_MISMATCH: LiteralExpression = { repeats: 'query-language-mismatch' };

const readAsJsonPathLiteral = (value: string) => literalExpression(value, 'JSONPath');
const readAsJsonataLiteral = (value: string) => literalExpression(value, 'JSONata');

/** A Step Functions task supplies no member of its request. */
const NONE_SUPPLIED: ReadonlySet<string> = new Set();

/**
 * JSONPath: each `"Name.$"` key becomes the member `Name` (its value dynamic). The key node keeps
 * its offsets; `content` covers `Name` alone, so a rename writes only the name. A value that is
 * no path (see markPathKey) goes to `constants`.
 */
function markPathKeys(text: string, object: Node, constants: PathKeyConstant[]): void {
  const stack: Node[] = [object];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'array') {
      for (const item of current.children ?? []) stack.push(item);
      continue;
    }
    if (current.type !== 'object') continue;
    for (const property of current.children ?? []) {
      const key = property.children?.[0] as RequestNode | undefined;
      const value = property.children?.[1] as RequestNode | undefined;
      if (!key || typeof key.value !== 'string') continue;
      if (key.value.endsWith('.$')) markPathKey(text, key, value, constants);
      else if (value) stack.push(value);
    }
  }
}

/**
 * markPathKeys with the keys the parser collected: those inside `object`, found by offset (no
 * walk over the request). A `.$` key inside another's value is left alone, as the walk leaves it.
 */
function markCollectedPathKeys(text: string, object: Node, dollarKeys: readonly Node[], constants: PathKeyConstant[]): void {
  const end = object.offset + object.length;
  let skipUntil = -1;
  for (let index = firstAtOrAfter(dollarKeys, object.offset); index < dollarKeys.length; index++) {
    const key = dollarKeys[index] as RequestNode;
    if (key.offset >= end) break;
    if (key.offset < skipUntil || typeof key.value !== 'string' || !key.value.endsWith('.$')) continue;
    const value = key.parent?.children?.[1] as RequestNode | undefined;
    markPathKey(text, key, value, constants);
    if (value) skipUntil = value.offset + value.length;
  }
}

/** The index of the first node at or after `offset` in nodes sorted by offset (binary search). */
function firstAtOrAfter(nodes: readonly Node[], offset: number): number {
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (nodes[middle].offset < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * One `"Name.$"` key read as `Name`, its value dynamic. Step Functions takes only a path (`$…`,
 * `$$…`) or an intrinsic function (`States.…(…)`) there and rejects the state machine otherwise:
 * such a value (`"ml.m5.xlarge"`, a number) goes to `constants` and stays a constant, so the rules
 * check it as what dropping the `.$` would send.
 */
function markPathKey(text: string, key: RequestNode, value: RequestNode | undefined, constants: PathKeyConstant[]): void {
  // The key's text without quotes: a host's own content range (YAML), else JSON's quotes or a plain key.
  const quoted = text[key.offset] === '"' || text[key.offset] === "'";
  const start = key.content?.offset ?? (quoted ? key.offset + 1 : key.offset);
  const end = key.content ? key.content.offset + key.content.length : key.offset + key.length - (quoted ? 1 : 0);
  // Only when the source spells the suffix plainly (no escapes in it) can the name's range be told.
  // (Compared by character: no two-character string cut per key.)
  const plain = text.charCodeAt(end - 2) === DOT && text.charCodeAt(end - 1) === DOLLAR;
  if (plain) key.content = { offset: start, length: end - 2 - start };
  (key as { value: string }).value = (key.value as string).slice(0, -2);
  if (!value) return;
  if (typeof value.value === 'string' && PATH_KEY_VALUE.test(value.value)) {
    value.dynamic = true;
    // `States.Format('…{}…', …)`: its fixed text is a template the rules still read (an image's static tag).
    const template = value.value.startsWith('States.Format(') ? statesFormatTemplate(value.value, valueOffsetMapper(text, value)) : undefined;
    if (template) value.template = template;
  } else constants.push({ key, value, suffixOffset: plain ? end - 2 : undefined });
}

/** What a `.$` key's value may be: a path (`$`, `$.x`, `$$.x`, `$[0]`; any `$…`, whose syntax Step Functions checks) or an intrinsic function call. */
const PATH_KEY_VALUE = /^\$|^States\.[A-Za-z]+\(/;

/**
 * A string a state sends as text that reads as an expression of either query language (`$.x`,
 * `$$.x`, `States.Format(…)`; `{% … %}`): the `.$` or the `{% %}` forgotten. `state` is the
 * state's query language. `note` says how Step Functions reads it (for messages); `namesKey` when
 * a key ending in `.$` would make it computed (a JSONPath state and a JSONPath expression).
 * Undefined for other strings.
 */
export function literalExpression(value: string, state: QueryLanguage): LiteralExpressionNote | undefined {
  const written: QueryLanguage | undefined = JSONATA_EXPRESSION.test(value) ? 'JSONata' : JSONPATH_EXPRESSION.test(value) ? 'JSONPath' : undefined;
  if (!written) return undefined;
  if (state === 'JSONPath') {
    return written === 'JSONata'
      ? { note: 'It reads as a JSONata expression, which this JSONPath state sends as text.', namesKey: false }
      : { note: 'It reads as a JSONPath expression sent as text: a key ending in ".$" has Step Functions compute it.', namesKey: true };
  }
  // In a JSONata state a whole `{% … %}` string is computed (never a literal): only a JSONPath one is.
  return written === 'JSONPath' ? { note: 'It reads as a JSONPath expression, which this JSONata state sends as text: write "{% $states.input… %}".', namesKey: false } : undefined;
}

/** A JSONPath path (`$.x`, `$$.Execution`, `$`) or an intrinsic function call (`States.Format(…)`). */
const JSONPATH_EXPRESSION = /^\$\$?(?:\.|\[|$)|^States\.[A-Za-z]+\(/;

/**
 * JSONata: every string that is one `{% … %}` expression is dynamic; one that concatenates string
 * literals keeps them as its template (jsonataConcat.ts).
 */
function markJsonataExpressions(text: string, object: Node): void {
  const stack: Node[] = [object];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'string') {
      if (typeof current.value === 'string' && JSONATA_EXPRESSION.test(current.value)) {
        (current as RequestNode).dynamic = true;
        const template = current.value.includes('&') ? jsonataConcatTemplate(current.value, valueOffsetMapper(text, current)) : undefined;
        if (template) (current as RequestNode).template = template;
      }
    } else if (current.type === 'object') {
      for (const property of current.children ?? []) if (property.children?.[1]) stack.push(property.children[1]);
    } else if (current.type === 'array') {
      for (const item of current.children ?? []) stack.push(item);
    }
  }
}
