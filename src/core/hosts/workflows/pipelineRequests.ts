/**
 * The requests of a SageMaker Pipelines definition (the JSON `PipelineDefinitionBody`: `Version`,
 * `Parameters`, `Steps`): each step's `Arguments` is the request of its step type, without the
 * job or model name the pipeline supplies. Condition steps hold more steps in `IfSteps` and
 * `ElseSteps`; other step types (Lambda, RegisterModel, Fail, …) hold no request of ours.
 *
 * Dynamic values come from the definition's own grammar: an object whose only member is `Get`
 * (step properties, `Parameters.X`, `Execution.X`), `Std:Join` or `Std:JsonGet`. A `Std:Join`
 * keeps its static parts as a template; a `{"Get": "Parameters.X"}` gets the parameter's
 * `DefaultValue` as its stand-in, which the value rules check (and report on) in its place, and
 * its `EnumValues` as choices, each checked too — also where the Get is joined (`templateChoices`).
 *
 * Syntax-independent: the tree is jsonc-parser's `Node` shape with offsets into the document
 * (a YAML or CloudFormation host passes its own tree of that shape), and it is annotated in place.
 */
import { getNodePath, type Node } from 'jsonc-parser';
import { memberValue, stringValue, valueOffsetMapper } from '../../jsonTree';
import { intent } from '../../edits/editIntent';
import type { DeclaredType, RequestNode, ScalarType, TemplateChoice, TemplatePart } from '../../requestTree';
import { findImageFields, type HostLanguage, type SpecDocument } from '../../specDocument';
import type { SpecKind } from '../../specKind';

/** Step types whose `Arguments` is a request of ours, and the name member the pipeline fills in. */
export const PIPELINE_STEP_KINDS: Readonly<Record<string, { kind: SpecKind; nameMember: string }>> = {
  Training: { kind: 'CreateTrainingJob', nameMember: 'TrainingJobName' },
  Processing: { kind: 'CreateProcessingJob', nameMember: 'ProcessingJobName' },
  Transform: { kind: 'CreateTransformJob', nameMember: 'TransformJobName' },
  Tuning: { kind: 'CreateHyperParameterTuningJob', nameMember: 'HyperParameterTuningJobName' },
  Model: { kind: 'CreateModel', nameMember: 'ModelName' },
};

/** The Pipelines functions: an object with one of these as its only member is computed at run time. */
const FUNCTIONS = new Set(['Get', 'Std:Join', 'Std:JsonGet']);

/** Steps nested deeper than this (conditions in conditions) are not searched: no real pipeline nests so. */
const MAX_CONDITION_DEPTH = 32;

/** True when `root` is a Pipelines definition: an object with `Version` and a `Steps` list. */
export function isPipelineDefinition(root: Node | undefined): boolean {
  return root?.type === 'object' && memberValue(root, 'Version') !== undefined && memberValue(root, 'Steps')?.type === 'array';
}

/**
 * The requests of every Training, Processing, Transform, Tuning and Model step of the definition
 * whose top-level object is `root`, in document order (condition branches included).
 * Each is a SpecDocument whose `root` is the step's `Arguments` object (offsets into `text`),
 * with `embedding` saying which step it is and which name member the pipeline supplies.
 * Marks the dynamic values of those requests in the tree (`dynamic`, `template`, `standIn`).
 * `host` is the syntax `text` is written in (fixes are rendered in it).
 */
export function findPipelineRequests(text: string, root: Node, host: HostLanguage = 'json'): SpecDocument[] {
  if (!isPipelineDefinition(root)) return [];
  const parameters = pipelineParameters(root);
  const requests: SpecDocument[] = [];
  forEachStep(root, (step) => {
    const type = stringValue(memberValue(step, 'Type'));
    const args = memberValue(step, 'Arguments');
    const stepKind = type !== undefined && Object.hasOwn(PIPELINE_STEP_KINDS, type) ? PIPELINE_STEP_KINDS[type] : undefined;
    if (!stepKind || args?.type !== 'object') return;
    const notes = new Map<Node, string>();
    markDynamicValues(text, args, parameters, notes);
    requests.push({
      text,
      root: args,
      parseErrors: [],
      kind: stepKind.kind,
      images: findImageFields(stepKind.kind, args),
      host,
      embedding: {
        container: 'pipeline-step',
        name: stringValue(memberValue(step, 'Name')) ?? '',
        path: getNodePath(args),
        suppliedMembers: new Set([stepKind.nameMember]),
        pathKeys: false,
        notes: [...notes].map(([node, note]) => ({ node, note })),
      },
    });
  });
  return requests;
}

/**
 * The request that carries what a definition reports of itself rather than of one request
 * (undefined pipeline variables, unknown `DependsOn` names): its first request, or, when it has
 * none, a request of no kind pushed onto `requests` for them.
 */
export function definitionCarrier(requests: SpecDocument[], text: string, host: HostLanguage): SpecDocument {
  if (requests.length === 0) requests.push({ text, root: undefined, parseErrors: [], kind: undefined, images: [], host });
  return requests[0];
}

/**
 * Calls `visit` with every step of the definition whose top-level object is `root`, in document
 * order: the `Steps` items, and a Condition step's `IfSteps` and `ElseSteps` items after it.
 * False when some steps were not visited (conditions nested past MAX_CONDITION_DEPTH).
 */
export function forEachStep(root: Node, visit: (step: Node) => void): boolean {
  let complete = true;
  const visitSteps = (steps: Node | undefined, depth: number): void => {
    if (steps?.type !== 'array') return;
    if (depth > MAX_CONDITION_DEPTH) {
      complete = false;
      return;
    }
    for (const step of steps.children ?? []) {
      visit(step);
      if (stringValue(memberValue(step, 'Type')) !== 'Condition') continue;
      const args = memberValue(step, 'Arguments');
      visitSteps(memberValue(args, 'IfSteps'), depth + 1);
      visitSteps(memberValue(args, 'ElseSteps'), depth + 1);
    }
  };
  visitSteps(memberValue(root, 'Steps'), 0);
  return complete;
}

/** A parameter of the definition: its `DefaultValue`, its `EnumValues` items and its declared `Type` (each as written, when written). */
interface PipelineParameter {
  name: string;
  defaultValue?: Node;
  enumValues?: readonly Node[];
  declaredType?: DeclaredType;
}

/** The definition's parameters by name. */
function pipelineParameters(root: Node): Map<string, PipelineParameter> {
  const parameters = new Map<string, PipelineParameter>();
  const list = memberValue(root, 'Parameters');
  if (list?.type !== 'array') return parameters;
  for (const parameter of list.children ?? []) {
    const name = stringValue(memberValue(parameter, 'Name'));
    if (name === undefined) continue;
    const defaultValue = memberValue(parameter, 'DefaultValue');
    const enumValues = memberValue(parameter, 'EnumValues');
    const typeNode = memberValue(parameter, 'Type');
    parameters.set(name, {
      name,
      defaultValue,
      enumValues: enumValues?.type === 'array' ? enumValues.children ?? [] : undefined,
      declaredType: typeNode && declaredParameterType(name, typeNode, defaultValue),
    });
  }
  return parameters;
}

/** The Pipelines parameter types and the JSON type of their values at run time. */
const PARAMETER_TYPES: Readonly<Record<string, ScalarType>> = { String: 'string', Integer: 'integer', Float: 'float', Boolean: 'boolean' };
const TYPE_NAMES: Readonly<Record<ScalarType, string>> = { string: 'String', integer: 'Integer', float: 'Float', boolean: 'Boolean' };

/**
 * What a parameter's `Type` declares, with the fixes for a member of another type: a string member
 * that takes any text takes the value through `Std:Join` (as the SageMaker Python SDK's
 * `to_string()` writes it); any other member (an enum, a number, a boolean) needs the parameter
 * declared so, its default converted (a change to the pipeline's interface: offered, not applied
 * by fix-all).
 */
function declaredParameterType(name: string, typeNode: Node, defaultValue: Node | undefined): DeclaredType | undefined {
  const typeName = stringValue(typeNode);
  const type = typeName !== undefined && Object.hasOwn(PARAMETER_TYPES, typeName) ? PARAMETER_TYPES[typeName] : undefined;
  if (!type) return undefined;
  return {
    type,
    description: `the ${typeName} pipeline parameter "${name}"`,
    fixesFor: (value, expected, anyText) => {
      // A number joined as text is no enum value (`TrainingInputMode` of "1"): only the declaration is a fix there.
      if (expected === 'string' && anyText) {
        const joined = { 'Std:Join': { On: '', Values: [{ Get: `Parameters.${name}` }] } };
        return [{ title: 'Convert to a string with Std:Join', intents: [intent.replaceValue(value, joined)], preferred: true }];
      }
      const converted = defaultValue ? convertedDefault(defaultValue, expected) : undefined;
      if (defaultValue && converted === undefined) return [];
      const intents = [intent.replaceValue(typeNode, TYPE_NAMES[expected]), ...(defaultValue && converted !== undefined ? [intent.replaceValue(defaultValue, converted)] : [])];
      return [{ title: `Declare "${name}" a${expected === 'integer' ? 'n' : ''} ${TYPE_NAMES[expected]} parameter`, intents, preferred: true, changesBehaviour: true }];
    },
  };
}

/** A default written for another type, as a value of `type` (`"2"` → 2), if it reads as one. */
function convertedDefault(node: Node, type: ScalarType): string | number | boolean | undefined {
  const value: unknown = node.value;
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
  if (text === undefined) return undefined;
  if (type === 'boolean') return text === 'true' ? true : text === 'false' ? false : undefined;
  if (type === 'string') return text;
  const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) ? Number(text) : undefined;
  if (number === undefined || !Number.isFinite(number)) return undefined;
  return type === 'integer' && !Number.isInteger(number) ? undefined : number;
}

/** The function an object stands for (`Get`, `Std:Join`, `Std:JsonGet`) with its argument, if it is one. */
export function pipelineFunction(node: Node): { name: string; argument: Node | undefined } | undefined {
  if (node.type !== 'object' || node.children?.length !== 1) return undefined;
  const property = node.children[0];
  const name = property.children?.[0]?.value;
  return typeof name === 'string' && FUNCTIONS.has(name) ? { name, argument: property.children?.[1] } : undefined;
}

/**
 * Marks every function value below `node` dynamic: a `Std:Join` gets its template, a
 * `{"Get": "Parameters.X"}` its parameter's DefaultValue as stand-in (noted in `notes`).
 * An explicit stack: a request's depth is the document's to choose.
 */
function markDynamicValues(text: string, node: Node, parameters: Map<string, PipelineParameter>, notes: Map<Node, string>): void {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const call = pipelineFunction(current);
    if (call) {
      const marked = current as RequestNode;
      marked.dynamic = true;
      if (call.name === 'Get') {
        const name = parameterName(call.argument);
        const parameter = name !== undefined ? parameters.get(name) : undefined;
        if (parameter) markParameterValue(marked, parameter, notes);
      } else if (call.name === 'Std:Join') {
        const defaultOf = (value: Node): Node | undefined => {
          const parameter = joinedParameter(value, parameters);
          const standIn = parameter?.defaultValue;
          if (!standIn || joinedText(text, standIn) === undefined) return undefined;
          notes.set(standIn, `the DefaultValue of pipeline parameter "${parameter.name}"`);
          return standIn;
        };
        const template = joinTemplate(text, call.argument, defaultOf);
        if (template) marked.template = template;
        const choices = template ? joinChoices(text, call.argument, parameters, defaultOf, notes) : [];
        if (choices.length > 0) marked.templateChoices = choices;
      }
      continue;
    }
    if (current.type === 'object') {
      for (const property of current.children ?? []) if (property.children?.[1]) stack.push(property.children[1]);
    } else if (current.type === 'array') {
      for (const item of current.children ?? []) stack.push(item);
    }
  }
}

/**
 * A `{"Get": "Parameters.X"}` value: X's declared type, its DefaultValue as stand-in and its
 * EnumValues as the other values it may take, each checked (and reported) where it is written.
 */
function markParameterValue(value: RequestNode, parameter: PipelineParameter, notes: Map<Node, string>): void {
  if (parameter.declaredType) value.declaredType = parameter.declaredType;
  if (parameter.defaultValue) {
    value.standIn = parameter.defaultValue;
    notes.set(parameter.defaultValue, `the DefaultValue of pipeline parameter "${parameter.name}"`);
  }
  if (parameter.enumValues && parameter.enumValues.length > 0) {
    value.choices = parameter.enumValues;
    for (const choice of parameter.enumValues) notes.set(choice, `an EnumValues item of pipeline parameter "${parameter.name}"`);
  }
}

/** EnumValues items joined per `Std:Join`: each costs a pass over the join's values, and no pipeline offers more by hand. */
const MAX_JOIN_CHOICES = 100;

/**
 * The `Std:Join` again for each `EnumValues` item of each parameter it joins (the others at their
 * defaults), as the plain `{"Get": "Parameters.X"}` has each item judged (`choices`): a run may
 * pick any of them. Items that are the default's node, or that Std:Join would not join as the text
 * they are written as (see joinedText), are skipped. Each item is noted as such (`notes`).
 */
function joinChoices(text: string, argument: Node | undefined, parameters: Map<string, PipelineParameter>, defaultOf: (value: Node) => Node | undefined, notes: Map<Node, string>): TemplateChoice[] {
  const values = memberValue(argument, 'Values');
  const choices: TemplateChoice[] = [];
  const joined = new Set<PipelineParameter>();
  for (const value of values?.type === 'array' ? values.children ?? [] : []) {
    const parameter = joinedParameter(value, parameters);
    if (!parameter?.enumValues || joined.has(parameter)) continue;
    joined.add(parameter);
    for (const choice of parameter.enumValues) {
      if (choices.length >= MAX_JOIN_CHOICES) return choices;
      const joinedChoice = joinedText(text, choice);
      // An item the default already spells gives the same image: judged once, as the default.
      if (choice === parameter.defaultValue || joinedChoice === undefined || (parameter.defaultValue && joinedChoice === joinedText(text, parameter.defaultValue))) continue;
      const template = joinTemplate(text, argument, (item) => (joinedParameter(item, parameters) === parameter ? choice : defaultOf(item)));
      if (!template) continue;
      notes.set(choice, `an EnumValues item of pipeline parameter "${parameter.name}"`);
      choices.push({ choice, template });
    }
  }
  return choices;
}

/** The parameter a `{"Get": "Parameters.X"}` item of a join reads, when the definition declares it. */
function joinedParameter(value: Node, parameters: Map<string, PipelineParameter>): PipelineParameter | undefined {
  const get = pipelineFunction(value);
  const name = get?.name === 'Get' ? parameterName(get.argument) : undefined;
  return name !== undefined ? parameters.get(name) : undefined;
}

/** `X` of `"Parameters.X"`, else undefined (step properties and execution variables have no default). */
export function parameterName(argument: Node | undefined): string | undefined {
  const path = stringValue(argument);
  return path?.startsWith('Parameters.') ? path.slice('Parameters.'.length) : undefined;
}

/**
 * The static parts of `{"Std:Join": {"On": sep, "Values": [...]}}`: string values (and the
 * separator between them) as text with their source offsets, a `{"Get": "Parameters.X"}` whose
 * parameter has a string DefaultValue as that default's text (`standInOf` gives its node; the
 * rules judge it in the value's place, as they judge a Get's stand-in), anything else a
 * placeholder. Literal values and string defaults carry their node (`written`), where the template
 * rules' fixes edit them. Undefined when the separator is not a static string or the values are
 * not a list.
 */
function joinTemplate(text: string, argument: Node | undefined, standInOf: (value: Node) => Node | undefined): TemplatePart[] | undefined {
  const on = memberValue(argument, 'On');
  const values = memberValue(argument, 'Values');
  const separator = on === undefined ? '' : stringValue(on);
  if (separator === undefined || (on && (on as RequestNode).dynamic) || values?.type !== 'array') return undefined;
  const parts: TemplatePart[] = [];
  (values.children ?? []).forEach((value, index) => {
    // The separator is written once for every join: never edited for one of them.
    if (index > 0 && separator !== '') parts.push(textPart(text, on!, separator));
    const literal = stringValue(value);
    const standIn = literal === undefined ? standInOf(value) : undefined;
    if (literal !== undefined && !pipelineFunction(value)) parts.push({ ...textPart(text, value, literal), written: value });
    else if (standIn) parts.push(joinedPart(text, standIn));
    else parts.push({ kind: 'placeholder', offset: value.offset, length: value.length, filledBy: 'pipelineRun' });
  });
  return parts;
}

/**
 * What `Std:Join` makes of a parameter's default: a string's value, or a number's or boolean's
 * JSON text when written so (`100`, `true`: an Integer parameter joined as text). Undefined for
 * anything else (`1e2` is joined as 100, which the source does not spell).
 */
function joinedText(text: string, node: Node): string | undefined {
  const literal = stringValue(node);
  if (literal !== undefined) return literal;
  if (node.type !== 'number' && node.type !== 'boolean') return undefined;
  const written = text.slice(node.offset, node.offset + node.length);
  return written === String(node.value) ? written : undefined;
}

/**
 * A default joined as text (see joinedText), with the source offset of each character; a string
 * default is where a fix edits its text (every step reading the parameter gets the change, as a
 * CloudFormation parameter's Default or a Dockerfile ARG's default).
 */
function joinedPart(text: string, node: Node): TemplatePart {
  if (node.type === 'string') return { ...textPart(text, node, stringValue(node)!), written: node };
  const written = joinedText(text, node)!;
  return { kind: 'text', value: written, offsets: Array.from({ length: written.length + 1 }, (_, index) => node.offset + index) };
}

function textPart(text: string, node: Node, value: string): Extract<TemplatePart, { kind: 'text' }> {
  const offsetOf = valueOffsetMapper(text, node);
  const offsets: number[] = [];
  for (let index = 0; index <= value.length; index++) offsets.push(offsetOf(index));
  return { kind: 'text', value, offsets };
}
