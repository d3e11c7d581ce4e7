/**
 * Template resources that embed a workflow — `AWS::StepFunctions::StateMachine` and
 * `AWS::Serverless::StateMachine` (their `Definition` object or `DefinitionString`) and
 * `AWS::SageMaker::Pipeline` (its `PipelineDefinitionBody`) — read by the workflows host, with
 * the template's own readings applied to the requests found there, as to a SageMaker resource's
 * (cloudFormationRequests.ts): `Fn::If` once per side, images through parameter defaults and
 * mappings, and a task Resource built with `Fn::Sub` / `Fn::Join` fixed in the string that
 * holds its integration pattern.
 */
import type { Node, ParseError } from 'jsonc-parser';
import { findProperty, memberNames, memberValue, stringValue, valueOffsetMapper, type OffsetRange } from '../../jsonTree';
import type { SpecDocument, SubDefinition, SubstitutedValue, TaskIntegration } from '../../specDocument';
import type { SpecKind } from '../../specKind';
import { findWorkflowRequests } from '../workflows/workflowRequests';
import { isStateMachine } from '../workflows/stateMachineRequests';
import { isPipelineDefinition } from '../workflows/pipelineRequests';
import { conditionSides, type CloudFormationHooks, type TemplateResource } from './cloudFormationRequests';
import { definitionSubstitutionNames, markDefinitionSubstitutions } from './definitionSubstitutions';
import { embeddedJsonTree, type EmbeddedJsonReading, type EmbeddedJsoncOnly } from './embeddedJson';
import { intrinsicCall, intrinsicOf, intrinsicView } from './intrinsics';
import { imageTableRows, readImageThroughTemplate, subPlaceholderImage } from './templateImages';
import { parseImageReference } from '../../imageReference';
import type { RequestNode } from '../../requestTree';

/**
 * The requests of the state machine file a template names by a local path (SAM's `DefinitionUri`,
 * or a `DefinitionS3Location` that `aws cloudformation package` uploads), as its host reads that
 * file: `path` is the property's string as written, relative to the template's folder. Undefined
 * when the file cannot be read (missing, too large, not a file). The caller reads files (the
 * checker from disk, the editor from its open documents first); the core never does.
 */
export type DefinitionFileReader = (path: string) => readonly SpecDocument[] | undefined;

/** Finders for the template resources that embed workflows, by resource type (see CloudFormationHooks); no definition file is read. */
export const workflowResourceHooks: CloudFormationHooks = workflowResourceHooksReading(undefined);

/**
 * workflowResourceHooks, with the state machine files the templates name read by `readDefinitionFile`:
 * the images their `DefinitionSubstitutions` give those files' tasks are checked in the template.
 */
export function workflowResourceHooksReading(readDefinitionFile: DefinitionFileReader | undefined): CloudFormationHooks {
  const stateMachine = (resource: TemplateResource) => stateMachineInTemplate(resource, readDefinitionFile);
  return {
    'AWS::StepFunctions::StateMachine': stateMachine,
    'AWS::Serverless::StateMachine': stateMachine,
    'AWS::SageMaker::Pipeline': pipelineInTemplate,
  };
}

/**
 * A state machine resource's SageMaker tasks: its `Definition` (an object, JSON or YAML) read by
 * the Step Functions host with the template's intrinsics dynamic, once per side of its `Fn::If`
 * conditions, each task's images read through the template; or its `DefinitionString` (JSON in a
 * string, plain or in `Fn::Sub`). In both, `${Name}` for a key of the resource's
 * `DefinitionSubstitutions` is a placeholder (dynamic; the static text around it still checked),
 * and any other `${…}` outside `Fn::Sub` is text. Deployed to many regions, like the template.
 * A `Definition` written `Fn::Sub` is reported, and its string read as a DefinitionString is
 * (subDefinitionRequests).
 */
function stateMachineInTemplate(resource: TemplateResource, readDefinitionFile: DefinitionFileReader | undefined): SpecDocument[] {
  const isSubstituted = definitionSubstitutionNames(resource.properties);
  const written = findProperty(resource.properties, 'Definition');
  if (intrinsicCall(written?.children?.[1])?.name === 'Fn::Sub') return subDefinitionRequests(resource, written!, isSubstituted);
  const requests: SpecDocument[] = [];
  for (const side of conditionSides(resource.text, resource.properties)) {
    const definition = memberValue(side, 'Definition');
    if (definition?.type !== 'object') break;
    markDefinitionSubstitutions(resource.text, definition, isSubstituted);
    const substituted: SpecDocument[] = [];
    const found: SpecDocument[] = [];
    for (const request of findWorkflowRequests(resource.text, definition, resource.host)) {
      const integration = request.embedding?.integration;
      const patternString = integration?.patternRange && writtenPatternString(resource.text, integration);
      const images = request.images.map((field) => readImageThroughTemplate(field, resource.scope));
      const embedding = request.embedding && patternString ? { ...request.embedding, integration: { ...integration!, patternString } } : request.embedding;
      requests.push({ ...request, images, embedding, anyRegion: true });
      substituted.push(...substitutedImageRequests(resource, side, request));
      found.push(request);
    }
    requests.push(...substituted, ...substitutedValueRequests(resource, side, found));
  }
  if (requests.length > 0 || memberValue(resource.properties, 'Definition')) return requests;
  if (!memberValue(resource.properties, 'DefinitionString')) return definitionFileRequests(resource, readDefinitionFile);
  const inString = inStringRequests(resource, memberValue(resource.properties, 'DefinitionString'), 'DefinitionString', isSubstituted, isStateMachine);
  // The map's images, as for a Definition object (the CDK's definitionSubstitutions write one beside a DefinitionString).
  if (inString.length === 0 || !memberValue(resource.properties, 'DefinitionSubstitutions')) return inString;
  const view = intrinsicView(resource.text, resource.properties, 0).root;
  return [...inString, ...inString.flatMap((request) => substitutedImageRequests(resource, view, request)), ...substitutedValueRequests(resource, view, inString)];
}

/**
 * A `Definition` written `Fn::Sub` (`Definition: !Sub |` over JSON text, or over a mapping), where
 * CloudFormation takes an object: a request of no kind carries the finding (subDefinitionRule.ts),
 * with its fix, since it is not in the string. A string that looks like JSON (it starts with `{`)
 * is read as a DefinitionString is, so its tasks are checked (findings, no fixes); other text
 * (YAML) is not, whose JSON errors would only repeat the finding.
 */
function subDefinitionRequests(resource: TemplateResource, definition: Node, isSubstituted: (name: string) => boolean): SpecDocument[] {
  const [key, value] = definition.children ?? [];
  const call = value?.children?.[0]?.children?.[0];
  const argument = intrinsicCall(value)?.argument;
  const source = argument?.type === 'array' ? argument.children?.[0] : argument;
  const looksLikeJson = typeof source?.value === 'string' && source.value.trimStart().startsWith('{');
  const reading: EmbeddedReading = { workflow: false, parseErrors: 0 };
  const requests = looksLikeJson ? inStringRequests(resource, value, 'Definition', isSubstituted, isStateMachine, reading) : [];
  const sam = resource.type === 'AWS::Serverless::StateMachine';
  const renamable = source?.type === 'string' && !sam && !findProperty(resource.properties, 'DefinitionString');
  const subDefinition: SubDefinition = { call: call ?? value!, key, ofMapping: source?.type === 'object', sam, ...(renamable && { rename: { preferred: reading.workflow && reading.parseErrors === 0 } }) };
  return [{ text: resource.text, root: undefined, parseErrors: [], kind: undefined, images: [], host: resource.host, anyRegion: true, subDefinition }, ...requests];
}

/** A definition string that is one `${Name}` and nothing else. */
const WHOLE_PLACEHOLDER = /^\$\{([^}]+)\}$/;

/**
 * The images `DefinitionSubstitutions` gives a task's image fields whose whole value is one
 * `${Name}` (`"TrainingImage": "${TrainingImage}"`, the `sam init` layout): the value of `Name`
 * in `side` (the resource's properties as one view reads them), checked as that field's image
 * where the map writes it — a literal, a `!Sub`, a parameter's default, each row of a
 * `!FindInMap` table — so its findings and fixes land in the map. Placeholders inside a longer
 * string stay templates of the definition (definitionSubstitutions.ts).
 */
function substitutedImageRequests(resource: TemplateResource, side: Node, request: SpecDocument): SpecDocument[] {
  const substitutions = memberValue(side, 'DefinitionSubstitutions');
  if (substitutions?.type !== 'object') return [];
  const requests: SpecDocument[] = [];
  for (const field of request.images) {
    const written = field.value as RequestNode;
    const name = written.dynamic && typeof written.value === 'string' ? WHOLE_PLACEHOLDER.exec(written.value)?.[1] : undefined;
    const value = name === undefined ? undefined : memberValue(substitutions, name);
    if (!value || (value.type !== 'string' && !(value as RequestNode).dynamic)) continue;
    const literal = value.type === 'string' && !(value as RequestNode).dynamic ? (value.value as string) : undefined;
    const image = readImageThroughTemplate({ value, usage: field.usage, holder: value, holderPath: [], parsed: literal !== undefined ? parseImageReference(literal) : undefined }, resource.scope);
    requests.push({ text: resource.text, root: undefined, parseErrors: [], kind: undefined, images: [image], host: resource.host, imagesOnly: true, anyRegion: true });
    requests.push(...imageTableRows(image, resource.host, resource.text));
  }
  return requests;
}

/** The properties that name a state machine file by a local path, by resource type (see DefinitionFileReader). */
const DEFINITION_FILE_PROPERTY: Readonly<Record<string, string>> = {
  'AWS::Serverless::StateMachine': 'DefinitionUri',
  'AWS::StepFunctions::StateMachine': 'DefinitionS3Location',
};

/**
 * A state machine whose definition is another file (`DefinitionUri: statemachine/train.asl.json`,
 * the `sam init` layout): the images its `DefinitionSubstitutions` give that file's image members
 * written as one `${Name}`, checked where the map writes them, once per side of the resource's
 * `Fn::If` conditions. Nothing without a reader, a local path (an `s3://` URI or a `Bucket`/`Key`
 * object is not read) or a map; the file's own findings are the file's (it is checked on its own).
 */
function definitionFileRequests(resource: TemplateResource, readDefinitionFile: DefinitionFileReader | undefined): SpecDocument[] {
  const property = DEFINITION_FILE_PROPERTY[resource.type];
  const path = property === undefined ? undefined : stringValue(memberValue(resource.properties, property));
  if (!readDefinitionFile || path === undefined || path.trim() === '' || /^s3:\/\//i.test(path) || !memberValue(resource.properties, 'DefinitionSubstitutions')) return [];
  const found = readDefinitionFile(path);
  if (!found || found.length === 0) return [];
  const requests: SpecDocument[] = [];
  for (const side of conditionSides(resource.text, resource.properties)) {
    for (const request of found) requests.push(...substitutedImageRequests(resource, side, request));
    requests.push(...substitutedValueRequests(resource, side, found, path));
    const undefinedNames = undefinedSubstitutionsRequest(resource, side, found, path, memberValue(resource.properties, property!)!);
    if (undefinedNames) requests.push(undefinedNames);
  }
  return requests;
}

/**
 * The images of the workflow in an `Fn::Sub` string (`value`) whose whole value is one `${Name}`
 * that `Fn::Sub` fills (`"Image": "${XgbImage}"`; not a DefinitionSubstitutions key, which
 * substitutedImageRequests reads): each checked as what `Fn::Sub` gives it — its variable map's
 * value, or a parameter's default — where that is written, as a request of its own (so its fixes,
 * outside the string, are kept). A placeholder inside a longer string stays the in-string
 * request's template, whose static parts it checks.
 */
function subPlaceholderImageRequests(resource: TemplateResource, value: Node | undefined, found: readonly SpecDocument[], isSubstituted: (name: string) => boolean): SpecDocument[] {
  const call = intrinsicCall(value);
  if (call?.name !== 'Fn::Sub') return [];
  const variables = call.argument?.type === 'array' ? call.argument.children?.[1] : undefined;
  const requests: SpecDocument[] = [];
  for (const request of found) {
    for (const field of request.images) {
      const written = field.value as RequestNode;
      const name = written.dynamic && typeof written.value === 'string' ? WHOLE_PLACEHOLDER.exec(written.value)?.[1] : undefined;
      if (name === undefined || isSubstituted(name)) continue;
      const image = subPlaceholderImage(field, resource.scope, variables);
      if (!image) continue;
      requests.push({ text: resource.text, root: undefined, parseErrors: [], kind: undefined, images: [image], host: resource.host, imagesOnly: true, anyRegion: true });
      requests.push(...imageTableRows(image, resource.host, resource.text));
    }
  }
  return requests;
}

/**
 * The values the `DefinitionSubstitutions` of `side` give the members of `requests` (a state
 * machine's tasks) whose whole value is one `${Name}` — other than image fields, which
 * substitutedImageRequests checks as images: one request carrying them (see SubstitutedValue),
 * or none. A map value that is itself computed (`!Ref`, `!GetAtt`) is left alone. `file`: the
 * state machine file the tasks are in (DefinitionUri), for messages.
 */
function substitutedValueRequests(resource: TemplateResource, side: Node, requests: readonly SpecDocument[], file?: string): SpecDocument[] {
  const substitutions = memberValue(side, 'DefinitionSubstitutions');
  if (substitutions?.type !== 'object') return [];
  // One entry per map key, member and request kind, whichever tasks share it: one finding, naming them all.
  const entries = new Map<string, { value: Node; kind: SpecKind; memberPath: (string | number)[]; tasks: string[] }>();
  for (const request of requests) {
    if (!request.kind || !request.root) continue;
    const images = new Set<Node>(request.images.map((field) => field.value));
    for (const { node, name } of wholePlaceholders(request.root)) {
      const value = memberValue(substitutions, name);
      if (images.has(node) || !value || (value as RequestNode).dynamic || (value.type !== 'string' && value.type !== 'number' && value.type !== 'boolean')) continue;
      const memberPath = pathFrom(request.root, node);
      const key = `${name}|${request.kind}|${memberPath.join('.')}`;
      const entry = entries.get(key) ?? { value, kind: request.kind, memberPath, tasks: [] };
      entries.set(key, entry);
      const task = request.embedding?.name;
      if (task !== undefined && !entry.tasks.includes(task)) entry.tasks.push(task);
    }
  }
  if (entries.size === 0) return [];
  const substitutedValues = [...entries.values()].map(({ value, kind, memberPath, tasks }): SubstitutedValue => ({ value, kind, memberPath, tasks, ...(file !== undefined && { file }) }));
  return [{ text: resource.text, root: undefined, parseErrors: [], kind: undefined, images: [], host: resource.host, anyRegion: true, substitutedValues }];
}

/**
 * The `${Name}` placeholders the tasks of a `DefinitionUri` file (`requests`) use that the
 * `DefinitionSubstitutions` of `side` does not define, as a request of no kind carrying them
 * (reported on `uri`, the DefinitionUri value); undefined when every one is defined or the map
 * is computed.
 */
function undefinedSubstitutionsRequest(resource: TemplateResource, side: Node, requests: readonly SpecDocument[], file: string, uri: Node): SpecDocument | undefined {
  const substitutions = memberValue(side, 'DefinitionSubstitutions');
  if (substitutions?.type !== 'object' || (substitutions as RequestNode).dynamic) return undefined;
  const defined = memberNames(substitutions);
  const names = new Map<string, string>();
  for (const request of requests) {
    if (!request.root) continue;
    for (const { node, name } of placeholdersIn(request.text, request.root)) {
      if (defined.includes(name) || names.has(name)) continue;
      names.set(name, `${pathFrom(request.root, node).map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`)).join('').replace(/^\./, '')} of task "${request.embedding?.name ?? ''}"`);
    }
  }
  if (names.size === 0) return undefined;
  const undefinedSubstitutions = { range: { offset: uri.offset, length: uri.length }, file, names: [...names].map(([name, usedIn]) => ({ name, usedIn })), defined };
  return { text: resource.text, root: undefined, parseErrors: [], kind: undefined, images: [], host: resource.host, anyRegion: true, undefinedSubstitutions };
}

/** A DefinitionSubstitutions key as a deploy placeholder names it (deployPlaceholders.ts). */
const SUBSTITUTION_NAME = /^\$\{([A-Za-z0-9_]+)\}$/;

/** The `${Name}` placeholders in the string values under `root` (of `text`), each with the string it is in. */
function placeholdersIn(text: string, root: Node): { node: Node; name: string }[] {
  const found: { node: Node; name: string }[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'object') {
      for (const property of [...(current.children ?? [])].reverse()) if (property.children?.[1]) stack.push(property.children[1]);
    } else if (current.type === 'array') {
      for (const item of [...(current.children ?? [])].reverse()) stack.push(item);
    } else if ((current as RequestNode).dynamic) {
      for (const part of (current as RequestNode).template ?? []) {
        if (part.kind !== 'placeholder') continue;
        const name = SUBSTITUTION_NAME.exec(text.slice(part.offset, part.offset + part.length))?.[1];
        if (name !== undefined) found.push({ node: current, name });
      }
    }
  }
  return found;
}

/** The string values under `root` that are one `${Name}` placeholder (marked dynamic by the host), with the name. */
function wholePlaceholders(root: Node): { node: Node; name: string }[] {
  const found: { node: Node; name: string }[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'object') {
      for (const property of current.children ?? []) if (property.children?.[1]) stack.push(property.children[1]);
    } else if (current.type === 'array') {
      for (const item of current.children ?? []) stack.push(item);
    } else if (current.type === 'string' && (current as RequestNode).dynamic && typeof current.value === 'string') {
      const name = WHOLE_PLACEHOLDER.exec(current.value)?.[1];
      if (name !== undefined) found.push({ node: current, name });
    }
  }
  return found;
}

/** The member path from `root` down to `node` (keys through objects, indices through arrays). */
function pathFrom(root: Node, node: Node): (string | number)[] {
  const path: (string | number)[] = [];
  let current = node;
  while (current !== root && current.parent) {
    const parent = current.parent;
    if (parent.type === 'property') {
      path.push(String(parent.children?.[0]?.value ?? ''));
      if (!parent.parent) break;
      current = parent.parent;
    } else {
      if (parent.type === 'array') path.push(parent.children?.indexOf(current) ?? 0);
      current = parent;
    }
  }
  return path.reverse();
}

/** What reading a workflow from a template string found (see inStringRequests): a workflow's top level, and how many JSON syntax errors. */
interface EmbeddedReading {
  workflow: boolean;
  parseErrors: number;
}

/** `AWS::SageMaker::Pipeline`: its `PipelineDefinition.PipelineDefinitionBody` (JSON in a string, plain or in `Fn::Sub`) read by the Pipelines host. */
function pipelineInTemplate(resource: TemplateResource): SpecDocument[] {
  const body = memberValue(memberValue(resource.properties, 'PipelineDefinition'), 'PipelineDefinitionBody');
  return inStringRequests(resource, body, 'PipelineDefinitionBody', () => false, isPipelineDefinition);
}

/**
 * The requests of a workflow read from the string `value` of the template (the property
 * `property`): findings, no fixes (see SpecDocument.inString). `reading`, when given, hears what
 * the string held. JSON that does not parse is
 * reported (`invalid-json`, at the template's characters) with the first request, or with a
 * request of no kind when the damage hid every task; the requests are then incomplete.
 */
function inStringRequests(resource: TemplateResource, value: Node | undefined, property: string, isSubstituted: (name: string) => boolean, isWorkflow: (root: Node | undefined) => boolean, reading?: EmbeddedReading): SpecDocument[] {
  const parseErrors: ParseError[] = [];
  const strict: EmbeddedJsoncOnly = { comments: [], trailingCommas: [], removableCommas: [] };
  const embedded: EmbeddedJsonReading = { isSubstituted, parseErrors, strict };
  const root = embeddedJsonTree(resource.text, value, resource.host, embedded);
  if (reading) Object.assign(reading, { workflow: root !== undefined && isWorkflow(root), parseErrors: parseErrors.length });
  const found = root && isWorkflow(root) ? findWorkflowRequests(resource.text, root, resource.host) : [];
  const requests = found.map((request): SpecDocument => ({ ...request, anyRegion: true, inString: true }));
  const throughSub = subPlaceholderImageRequests(resource, value, found, isSubstituted);
  // Step Functions and Pipelines read the string as strict JSON: its comments and trailing commas stop the deploy (not reported under syntax errors, as for a file).
  if (parseErrors.length === 0 && requests.length > 0 && (strict.comments.length > 0 || strict.trailingCommas.length > 0)) {
    const reader = isWorkflow === isStateMachine ? 'Step Functions' : 'SageMaker Pipelines';
    requests[0].strictJson = { reader, what: property, jsoncOnly: { comments: strict.comments, trailingCommas: strict.trailingCommas }, inString: { removableCommas: strict.removableCommas } };
  }
  // A computed value may supply what the JSON lacks where it stands: a member is not missing there.
  if (embedded.computedStructure) for (const request of requests) request.incomplete = true;
  requests.push(...throughSub);
  if (parseErrors.length === 0 || !value) return requests;
  if (requests.length === 0) requests.push({ text: resource.text, root: undefined, parseErrors: [], kind: undefined, images: [], host: resource.host, anyRegion: true, inString: true, hidRequests: true });
  requests[0].parseErrors = parseErrors;
  requests[0].jsonString = { property, range: { offset: value.offset, length: value.length } };
  for (const request of requests) request.incomplete = true;
  return requests;
}

/**
 * The template string that holds a task Resource's integration pattern, when the Resource is
 * `Fn::Sub` or `Fn::Join` and the pattern's characters (`integration.patternRange`) lie in one
 * string of it: that string node, with the pattern's indices in its value.
 */
function writtenPatternString(text: string, integration: TaskIntegration): TaskIntegration['patternString'] {
  const call = intrinsicOf(integration.resource);
  const range = integration.patternRange!;
  for (const node of callStrings(call)) {
    const inside = written(text, node, range);
    if (inside) return inside;
  }
  return undefined;
}

/** The literal strings of an `Fn::Sub` (its string) or an `Fn::Join` (its delimiter and items). */
function callStrings(written: Node | undefined): Node[] {
  const call = intrinsicCall(written);
  const argument = call?.argument;
  if (call?.name === 'Fn::Sub') return [argument?.type === 'array' ? argument.children?.[0] : argument].filter((node): node is Node => node?.type === 'string');
  if (call?.name !== 'Fn::Join' || argument?.type !== 'array') return [];
  const list = argument.children?.[1];
  return (list?.type === 'array' ? list.children ?? [] : []).filter((node) => node.type === 'string');
}

/** `range` as the indices `[start, end)` of string `node`'s value, when it lies wholly in it. */
function written(text: string, node: Node, range: OffsetRange): { node: Node; start: number; end: number } | undefined {
  if (typeof node.value !== 'string' || range.offset < node.offset || range.offset + range.length > node.offset + node.length) return undefined;
  const offsetOf = valueOffsetMapper(text, node);
  let start = -1;
  for (let index = 0; index <= node.value.length; index++) {
    const offset = offsetOf(index);
    if (offset === range.offset && start < 0) start = index;
    if (offset === range.offset + range.length && start >= 0) return { node, start, end: index };
  }
  return undefined;
}
