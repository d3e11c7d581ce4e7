/**
 * Template resources that embed a workflow — `AWS::StepFunctions::StateMachine` and
 * `AWS::Serverless::StateMachine` (their `Definition` object or `DefinitionString`) and
 * `AWS::SageMaker::Pipeline` (its `PipelineDefinitionBody`) — read by the workflows host (a
 * string property given an object through `Fn::ToJsonString` as that object: toJsonString.ts), with
 * the template's own readings applied to the requests found there, as to a SageMaker resource's
 * (cloudFormationRequests.ts): `Fn::If` once per side, images through parameter defaults and
 * mappings, and a task Resource built with `Fn::Sub` / `Fn::Join` fixed in the string that
 * holds its integration pattern.
 */
import type { Node, ParseError } from 'jsonc-parser';
import { findProperty, memberValue, stringValue, valueOffsetMapper, type OffsetRange } from '../../jsonTree';
import type { ExpressWorkflow, SpecDocument, SubDefinition, TaskIntegration } from '../../specDocument';
import { findWorkflowRequests } from '../workflows/workflowRequests';
import { isStateMachine } from '../workflows/stateMachineRequests';
import { expressStateMachine, workflowTypeProperty } from '../workflows/expressWorkflows';
import { isPipelineDefinition } from '../workflows/pipelineRequests';
import { conditionSides, type CloudFormationHooks, type TemplateResource } from './cloudFormationRequests';
import { definitionSubstitutionNames, markDefinitionSubstitutions } from './definitionSubstitutions';
import { embeddedJsonTree, type EmbeddedJsonReading, type EmbeddedJsoncOnly, type StackPlaceholder } from './embeddedJson';
import { intrinsicCall, intrinsicOf, intrinsicView } from './intrinsics';
import { markParameterStandIns } from './parameterStandIns';
import { embeddedValueFacts, readImageThroughTemplate } from './templateImages';
import { definitionFileRequests, type DefinitionFileReader } from './definitionFile';
import { substitutedImageRequests, substitutedValueRequests, subPlaceholderImageRequests, withSubPlaceholderImages, withSubstitutedImages } from './substitutionChecks';
import { sidesWithToJsonString, toJsonStringObject } from './toJsonString';
import { unescapedSubstitutions } from './unescapedSubstitutions';

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
 * string, plain or in `Fn::Sub`; or an object under `Fn::ToJsonString`, read as a `Definition`
 * is). In both, `${Name}` for a key of the resource's
 * `DefinitionSubstitutions` is a placeholder (dynamic; the static text around it still checked),
 * and any other `${…}` outside `Fn::Sub` is text. In a DefinitionString written `Fn::Sub`, the
 * map's are those written `${!Name}` (Fn::Sub writes them out as `${Name}`); Fn::Sub's own
 * `${Name}` are never read from the map, and one only the map names is reported
 * (unescapedSubstitutions.ts). Deployed to many regions, like the template.
 * An Express state machine (`StateMachineType` / SAM's `Type`, per side) has its tasks read as
 * running in an Express workflow (expressWorkflows.ts).
 * A `Definition` written `Fn::Sub` is reported, and its string read as a DefinitionString is
 * (subDefinitionRequests).
 */
function stateMachineInTemplate(resource: TemplateResource, readDefinitionFile: DefinitionFileReader | undefined): SpecDocument[] {
  const isSubstituted = definitionSubstitutionNames(resource.properties);
  const written = findProperty(resource.properties, 'Definition');
  if (intrinsicCall(written?.children?.[1])?.name === 'Fn::Sub') return subDefinitionRequests(resource, written!, isSubstituted);
  // `DefinitionString: {Fn::ToJsonString: {…}}` holds the definition as an object too (toJsonString.ts).
  const toJson = memberValue(resource.properties, 'Definition') ? undefined : toJsonStringObject(memberValue(resource.properties, 'DefinitionString'));
  const requests: SpecDocument[] = [];
  for (const { side, definition } of definitionSides(resource, toJson)) {
    if (definition?.type !== 'object') break;
    markDefinitionSubstitutions(resource.text, definition, isSubstituted);
    const substituted: SpecDocument[] = [];
    const found: SpecDocument[] = [];
    for (const request of findWorkflowRequests(resource.text, definition, resource.host, undefined, templateExpress(resource, side))) {
      requests.push(withSubstitutedImages(resource, side, readThroughTemplate(resource, request)));
      substituted.push(...substitutedImageRequests(resource, side, request));
      found.push(request);
    }
    requests.push(...substituted, ...substitutedValueRequests(resource, side, found));
  }
  if (requests.length > 0 || memberValue(resource.properties, 'Definition') || toJson) return requests;
  const definitionString = memberValue(resource.properties, 'DefinitionString');
  if (!definitionString) return definitionFileRequests(resource, readDefinitionFile);
  const reading: EmbeddedReading = { workflow: false, parseErrors: 0, filledByStack: [] };
  const inString = inStringRequests(resource, definitionString, 'DefinitionString', isSubstituted, isStateMachine, reading);
  const unescaped = unescapedSubstitutions(resource, definitionString, reading.filledByStack);
  // Reported whether or not the JSON parses: CloudFormation rejects the template before Step Functions reads it.
  const rejected: SpecDocument[] = unescaped.length > 0 ? [{ text: resource.text, root: undefined, parseErrors: [], kind: undefined, images: [], host: resource.host, anyRegion: true, unescapedSubstitutions: unescaped }] : [];
  // The map's images, as for a Definition object (the CDK's definitionSubstitutions write one beside a DefinitionString).
  if (inString.length === 0 || !memberValue(resource.properties, 'DefinitionSubstitutions')) return [...inString, ...rejected];
  const view = intrinsicView(resource.text, resource.properties, 0).root;
  // Fn::Sub's own `${Name}` never reach the map: not read from it, even for a name it has (one that fails the deploy too).
  const filled = new Set(reading.filledByStack.map((placeholder) => placeholder.offset));
  return [
    ...inString.map((request) => withSubstitutedImages(resource, view, request, filled)),
    ...inString.flatMap((request) => substitutedImageRequests(resource, view, request, filled)),
    ...substitutedValueRequests(resource, view, inString, undefined, filled),
    ...rejected,
  ];
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
  const reading: EmbeddedReading = { workflow: false, parseErrors: 0, filledByStack: [] };
  const requests = looksLikeJson ? inStringRequests(resource, value, 'Definition', isSubstituted, isStateMachine, reading) : [];
  const sam = resource.type === 'AWS::Serverless::StateMachine';
  const renamable = source?.type === 'string' && !sam && !findProperty(resource.properties, 'DefinitionString');
  const subDefinition: SubDefinition = { call: call ?? value!, key, ofMapping: source?.type === 'object', sam, ...(renamable && { rename: { preferred: reading.workflow && reading.parseErrors === 0 } }) };
  return [{ text: resource.text, root: undefined, parseErrors: [], kind: undefined, images: [], host: resource.host, anyRegion: true, subDefinition }, ...requests];
}

/**
 * What reading a workflow from a template string found (see inStringRequests): a workflow's top
 * level, how many JSON syntax errors, and the placeholders the stack fills (EmbeddedJsonReading.filledByStack).
 */
interface EmbeddedReading {
  workflow: boolean;
  parseErrors: number;
  filledByStack: StackPlaceholder[];
}

/**
 * `AWS::SageMaker::Pipeline`: its `PipelineDefinition.PipelineDefinitionBody` read by the
 * Pipelines host — JSON in a string (plain, in `Fn::Sub` or built with `Fn::Join`), or an
 * object under `Fn::ToJsonString`, read in place as a state machine's `Definition` is: once per
 * side of its `Fn::If` conditions, images and `!Ref` members through the template.
 */
function pipelineInTemplate(resource: TemplateResource): SpecDocument[] {
  const body = memberValue(memberValue(resource.properties, 'PipelineDefinition'), 'PipelineDefinitionBody');
  const toJson = toJsonStringObject(body);
  if (!toJson) return inStringRequests(resource, body, 'PipelineDefinitionBody', () => false, isPipelineDefinition);
  const requests: SpecDocument[] = [];
  for (const definition of conditionSides(resource.text, toJson)) {
    if (!isPipelineDefinition(definition)) break;
    for (const request of findWorkflowRequests(resource.text, definition, resource.host)) requests.push(readThroughTemplate(resource, request));
  }
  return requests;
}

/**
 * The views of a state machine resource's properties (`side`) with the definition each reads:
 * its `Definition`, or the object under `Fn::ToJsonString` of its `DefinitionString` (`toJson`),
 * paired with the properties' views (sidesWithToJsonString).
 */
function* definitionSides(resource: TemplateResource, toJson: Node | undefined): Generator<{ side: Node; definition: Node | undefined }> {
  if (toJson) {
    for (const { side, object } of sidesWithToJsonString(resource.text, resource.properties, toJson)) yield { side, definition: object };
    return;
  }
  for (const side of conditionSides(resource.text, resource.properties)) yield { side, definition: memberValue(side, 'Definition') };
}

/**
 * A request found in a definition object of the template (a `Definition`, an `Fn::ToJsonString`
 * argument), with the template's readings: images through parameter defaults and mappings,
 * members written `!Ref Parameter` checked through its Default and AllowedValues, a task
 * Resource built with `Fn::Sub` / `Fn::Join` fixed in the string that holds its pattern.
 * Deployed to many regions, like the template.
 */
function readThroughTemplate(resource: TemplateResource, request: SpecDocument): SpecDocument {
  const integration = request.embedding?.integration;
  const patternString = integration?.patternRange && writtenString(resource.text, integration, integration.patternRange);
  // A miswritten ARN's `states:…:` (placeholders and all) is fixed where one string holds it, as the pattern is.
  const arn = integration?.malformedArn;
  const arnString = arn?.range && writtenString(resource.text, integration!, arn.range);
  const images = request.images.map((field) => readImageThroughTemplate(field, resource.scope));
  const written = { ...(patternString && { patternString }), ...(arnString && { malformedArn: { ...arn!, string: arnString } }) };
  const embedding = request.embedding && (patternString || arnString) ? { ...request.embedding, integration: { ...integration!, ...written } } : request.embedding;
  const standInNotes = request.root ? markParameterStandIns(request.root, resource.scope) : [];
  return { ...request, images, embedding, anyRegion: true, ...(standInNotes.length > 0 && { standInNotes }) };
}

/**
 * The Express workflow a state machine resource declares in `properties` (the resource's, or one
 * side's view): `EXPRESS` written there (expressStateMachine), a `!Ref` of a parameter whose
 * Default is `EXPRESS`, or, where the properties are the resource's own, an `Fn::If` one of
 * whose sides is `EXPRESS` (a `.sync` task fails on that side). Undefined otherwise.
 */
function templateExpress(resource: TemplateResource, properties: Node | undefined): ExpressWorkflow | undefined {
  const written = expressStateMachine(resource.type, properties);
  const property = workflowTypeProperty(resource.type);
  if (!property) return written;
  // A side's view of an `Fn::If`: EXPRESS on this side only.
  if (written) return intrinsicCall(memberValue(resource.properties, property))?.name === 'Fn::If' ? { property, via: 'one side of its Fn::If' } : written;
  const value = memberValue(properties, property);
  const call = value && intrinsicCall(intrinsicOf(value) ?? value);
  if (call?.name === 'Ref') {
    const name = stringValue(call.argument);
    const parameter = name === undefined ? undefined : resource.scope.parameters.get(name);
    return parameter?.readable?.value === 'EXPRESS' ? { property, via: `parameter ${name}'s default` } : undefined;
  }
  const sides = call?.name === 'Fn::If' && call.argument?.type === 'array' ? (call.argument.children ?? []).slice(1) : [];
  return sides.some((side) => stringValue(side) === 'EXPRESS') ? { property, via: 'one side of its Fn::If' } : undefined;
}

/**
 * The requests of a workflow read from the string `value` of the template (the property
 * `property`): findings, no fixes in the string (see SpecDocument.inString). The values standing
 * in its JSON (`Fn::Join` items, `${Name}` of its `Fn::Sub`) are read through the template as a
 * resource's image placeholders are (embeddedValueFacts): an image's account from a mapping by
 * region has each row checked, where it is written. `reading`, when given, hears what
 * the string held. JSON that does not parse is
 * reported (`invalid-json`, at the template's characters) with the first request, or with a
 * request of no kind when the damage hid every task; the requests are then incomplete.
 */
function inStringRequests(resource: TemplateResource, value: Node | undefined, property: string, isSubstituted: (name: string) => boolean, isWorkflow: (root: Node | undefined) => boolean, reading?: EmbeddedReading): SpecDocument[] {
  const parseErrors: ParseError[] = [];
  const strict: EmbeddedJsoncOnly = { comments: [], trailingCommas: [], removableCommas: [] };
  const filledByStack: StackPlaceholder[] = [];
  // What the template says of the values standing in the JSON (a `!FindInMap` account by region, the stack's account): the image rules read them as in a resource's image.
  const embedded: EmbeddedJsonReading = { isSubstituted, parseErrors, strict, filledByStack, placeholderFacts: embeddedValueFacts(resource.scope, value, isSubstituted) };
  const root = embeddedJsonTree(resource.text, value, resource.host, embedded);
  if (reading) Object.assign(reading, { workflow: root !== undefined && isWorkflow(root), parseErrors: parseErrors.length, filledByStack });
  const found = root && isWorkflow(root) ? findWorkflowRequests(resource.text, root, resource.host, undefined, templateExpress(resource, resource.properties)) : [];
  // An image field written as one `${Name}` that the `Fn::Sub` fills: the algorithm checks read the image it gives.
  const filled = new Set(filledByStack.map((placeholder) => placeholder.offset));
  const inSubString = intrinsicCall(value)?.name === 'Fn::Sub';
  const stringRange = value && { offset: value.offset, length: value.length };
  const requests = found.map((request): SpecDocument => ({ ...withSubPlaceholderImages(resource, value, request, filled), anyRegion: true, inString: true, ...(inSubString && { inSubString }), ...(stringRange && { stringRange }) }));
  const throughSub = subPlaceholderImageRequests(resource, value, found, filled);
  // Step Functions and Pipelines read the string as strict JSON: its comments and trailing commas stop the deploy (not reported under syntax errors, as for a file).
  if (parseErrors.length === 0 && requests.length > 0 && (strict.comments.length > 0 || strict.trailingCommas.length > 0)) {
    const reader = isWorkflow === isStateMachine ? 'Step Functions' : 'SageMaker Pipelines';
    requests[0].strictJson = { reader, what: property, jsoncOnly: { comments: strict.comments, trailingCommas: strict.trailingCommas }, inString: { removableCommas: strict.removableCommas } };
  }
  // A computed value may supply what the JSON lacks where it stands: a member is not missing there.
  if (embedded.computedStructure) for (const request of requests) request.incomplete = true;
  requests.push(...throughSub);
  if (parseErrors.length === 0 || !value) return requests;
  if (requests.length === 0) requests.push({ text: resource.text, root: undefined, parseErrors: [], kind: undefined, images: [], host: resource.host, anyRegion: true, inString: true, stringRange: { offset: value.offset, length: value.length }, hidRequests: true });
  requests[0].parseErrors = parseErrors;
  requests[0].jsonString = { property, range: { offset: value.offset, length: value.length } };
  for (const request of requests) request.incomplete = true;
  return requests;
}

/**
 * The template string that holds part of a task Resource (its integration pattern at
 * `integration.patternRange`, a miswritten ARN's fields), when the Resource is `Fn::Sub` or
 * `Fn::Join` and the part's characters (`range`) lie in one string of it: that string node, with
 * the part's indices in its value.
 */
function writtenString(text: string, integration: TaskIntegration, range: OffsetRange): TaskIntegration['patternString'] {
  const call = intrinsicOf(integration.resource);
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
