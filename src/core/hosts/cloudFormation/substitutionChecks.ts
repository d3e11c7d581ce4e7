/**
 * What a template's `DefinitionSubstitutions` (and a definition's `Fn::Sub`) give the requests of a
 * state machine it deploys, checked where the template writes them: the images of image fields
 * written as one `${Name}`, the values of other such members, and the names a `DefinitionUri`
 * file uses that the map does not define. Each is a request of no kind (or image-only) whose
 * findings land on the template's characters, with fixes there. The template's own tasks and
 * steps read such an image too, for the built-in algorithm checks only (withSubstitutedImages,
 * withSubPlaceholderImages), as a `DefinitionUri` file's tasks do (deployingTemplates.ts).
 */
import type { Node } from 'jsonc-parser';
import { memberNames, memberValue } from '../../jsonTree';
import { memberPathText, type RequestNode, type TemplatePart } from '../../requestTree';
import { requestPathOf, type ImageField, type SpecDocument, type SubstitutedValue } from '../../specDocument';
import type { SpecKind } from '../../specKind';
import { parseImageReference } from '../../imageReference';
import type { TemplateResource } from './cloudFormationRequests';
import { intrinsicCall, intrinsicOf } from './intrinsics';
import { imageTableRows, readImageThroughTemplate, subPlaceholderImage } from './templateImages';
import { refParameterValues, type StandInNote } from './parameterStandIns';

/** A definition string that is one `${Name}` and nothing else. */
const WHOLE_PLACEHOLDER = /^\$\{([^}]+)\}$/;

/**
 * The source offsets of the placeholders of a definition that the stack fills itself before
 * Step Functions reads it — `Fn::Sub`'s own `${Name}` (not its `${!Name}`, written out for the map),
 * an `Fn::Join`'s computed items (EmbeddedJsonReading.filledByStack) — which the map never sees:
 * a `${Name}` there is not read as the map's `Name`, even when the map has that key.
 */
export type FilledByStack = ReadonlySet<number>;

const NONE_FILLED: FilledByStack = new Set();

/**
 * The images `DefinitionSubstitutions` gives a task's image fields whose whole value is one
 * `${Name}` (`"TrainingImage": "${TrainingImage}"`, the `sam init` layout): the value of `Name`
 * in `side` (the resource's properties as one view reads them), checked as that field's image
 * where the map writes it — a literal, a `!Sub`, a parameter's default, each row of a
 * `!FindInMap` table — so its findings and fixes land in the map. Placeholders inside a longer
 * string stay templates of the definition (definitionSubstitutions.ts).
 */
export function substitutedImageRequests(resource: TemplateResource, side: Node, request: SpecDocument, filledByStack: FilledByStack = NONE_FILLED): SpecDocument[] {
  const requests: SpecDocument[] = [];
  for (const field of request.images) {
    const image = substitutedImage(resource, side, field, filledByStack)?.image;
    if (!image) continue;
    requests.push({ text: resource.text, root: undefined, parseErrors: [], kind: undefined, images: [image], host: resource.host, imagesOnly: true, anyRegion: true });
    requests.push(...imageTableRows(image, resource.host, resource.text));
  }
  return requests;
}

/** The words for a state machine's map in the notes of the algorithm checks' findings (see deployedImage). */
const IN_DEFINITION_SUBSTITUTIONS = "the state machine's DefinitionSubstitutions";

/**
 * `request` (a task of the state machine whose properties `side` views) with each image field
 * written as one `${Name}` that `side`'s `DefinitionSubstitutions` fills read as the image the map
 * gives it — the one substitutedImageRequests checks — by the built-in algorithm checks
 * (ImageField.deployedAs, as for a `DefinitionUri` file's task: deployingTemplates.ts), so that
 * `"TrainingImage": "${XgbImage}"` has its hyperparameters, channels and instances judged.
 * `request` itself when no field is.
 */
export function withSubstitutedImages(resource: TemplateResource, side: Node, request: SpecDocument, filledByStack: FilledByStack = NONE_FILLED): SpecDocument {
  return withDeployedImages(request, (field) => {
    const found = substitutedImage(resource, side, field, filledByStack);
    return found && deployedImage(found.name, found.value, found.image, IN_DEFINITION_SUBSTITUTIONS);
  });
}

/**
 * The image `side`'s `DefinitionSubstitutions` gives `field` when its whole value is one `${Name}`
 * of the map, read through the template (a literal, a `!Sub`, a parameter's default, a
 * `!FindInMap` table by region): with the name and the map's value node. Undefined otherwise, and
 * for a `${Name}` the stack fills (`filledByStack`).
 */
function substitutedImage(resource: TemplateResource, side: Node, field: ImageField, filledByStack: FilledByStack): { name: string; value: Node; image: ImageField } | undefined {
  const substitutions = memberValue(side, 'DefinitionSubstitutions');
  if (substitutions?.type !== 'object' || isFilledByStack(field.value, filledByStack)) return undefined;
  const name = wholePlaceholderName(field.value);
  const value = name === undefined ? undefined : memberValue(substitutions, name);
  if (name === undefined || !value || (value.type !== 'string' && !(value as RequestNode).dynamic)) return undefined;
  const literal = value.type === 'string' && !(value as RequestNode).dynamic ? (value.value as string) : undefined;
  const image = readImageThroughTemplate({ value, usage: field.usage, holder: value, holderPath: [], parsed: literal !== undefined ? parseImageReference(literal) : undefined }, resource.scope);
  return { name, value, image };
}

/**
 * The images of the workflow in an `Fn::Sub` string (`value`) whose whole value is one `${Name}`
 * that `Fn::Sub` fills (`"Image": "${XgbImage}"`, in `filledByStack`; not a `${!Name}` that
 * Fn::Sub writes out for the DefinitionSubstitutions key substitutedImageRequests reads): each
 * checked as what `Fn::Sub` gives it — its variable map's value, or a parameter's default — where
 * that is written, as a request of its own (so its fixes, outside the string, are kept). A
 * placeholder inside a longer string stays the in-string request's template, whose static parts
 * it checks.
 */
export function subPlaceholderImageRequests(resource: TemplateResource, value: Node | undefined, found: readonly SpecDocument[], filledByStack: FilledByStack): SpecDocument[] {
  const requests: SpecDocument[] = [];
  for (const request of found) {
    for (const field of request.images) {
      const image = subImage(resource, value, field, filledByStack)?.image;
      if (!image) continue;
      requests.push({ text: resource.text, root: undefined, parseErrors: [], kind: undefined, images: [image], host: resource.host, imagesOnly: true, anyRegion: true });
      requests.push(...imageTableRows(image, resource.host, resource.text));
    }
  }
  return requests;
}

/**
 * `request` (read from the `Fn::Sub` string `value`) with each image field whose whole value is
 * one `${Name}` that `Fn::Sub` fills read as the image it gives — the one
 * subPlaceholderImageRequests checks, a parameter's default or the variable map's value — by the
 * built-in algorithm checks (ImageField.deployedAs), so that a Pipelines step's or a task's
 * `"TrainingImage": "${TrainImage}"` has its hyperparameters, channels and instances judged.
 * A parameter without a default, or whose `AllowedValues` list other values (templateScope.ts),
 * gives no image: nothing is judged. `request` itself when no field is read.
 */
export function withSubPlaceholderImages(resource: TemplateResource, value: Node | undefined, request: SpecDocument, filledByStack: FilledByStack): SpecDocument {
  return withDeployedImages(request, (field) => {
    const found = subImage(resource, value, field, filledByStack);
    if (!found) return undefined;
    const { name, variable, image } = found;
    return deployedImage(name, variable, image, variable ? "the !Sub's variable map" : undefined);
  });
}

/**
 * What `Fn::Sub` (`value`) gives `field` when its whole value is one `${Name}` it fills (in
 * `filledByStack`): the image read as subPlaceholderImage reads it, with the name and its variable
 * map's value (when the map names it). Undefined when nothing can be read.
 */
function subImage(resource: TemplateResource, value: Node | undefined, field: ImageField, filledByStack: FilledByStack): { name: string; variable: Node | undefined; image: ImageField } | undefined {
  const call = intrinsicCall(value);
  if (call?.name !== 'Fn::Sub') return undefined;
  const name = wholePlaceholderName(field.value);
  if (name === undefined || !isFilledByStack(field.value, filledByStack)) return undefined;
  const variables = call.argument?.type === 'array' ? call.argument.children?.[1] : undefined;
  const image = subPlaceholderImage(field, resource.scope, variables);
  if (!image) return undefined;
  const variable = variables?.type === 'object' && !intrinsicCall(variables) ? memberValue(variables, name) : undefined;
  return { name, variable, image };
}

/** `request` with the fields `deployedAs` gives a reading set to it; `request` itself when it gives none. */
function withDeployedImages(request: SpecDocument, deployedAs: (field: ImageField) => ImageField['deployedAs']): SpecDocument {
  let changed = false;
  const images = request.images.map((field) => {
    const deployed = field.usage === 'training' || field.usage === 'tuning' ? deployedAs(field) : undefined;
    if (!deployed) return field;
    changed = true;
    return { ...field, deployedAs: deployed };
  });
  return changed ? { ...request, images } : request;
}

/**
 * The image `image` (read for `${name}`, from `written`: the map's value, or none for a name
 * `Fn::Sub` reads as a parameter) as the algorithm checks read it: its text, or its template with
 * the static parts it has; undefined when it has none. The note says where it comes from, as the
 * DefinitionUri note does (`${XgbImage} is … in the state machine's DefinitionSubstitutions`), or
 * as the image rules name a default (`${TrainImage} is parameter TrainImage's default "…"`).
 */
function deployedImage(name: string, written: Node | undefined, image: ImageField, origin: string | undefined): ImageField['deployedAs'] {
  const node = image.value as RequestNode;
  const parts: readonly TemplatePart[] | undefined = node.dynamic ? node.template : typeof node.value === 'string' ? [{ kind: 'text', value: node.value, offsets: [] }] : undefined;
  if (!parts || parts.every((part) => part.kind === 'placeholder')) return undefined;
  const defaults = (node.substitutions ?? []).map((substitution) => substitution.note);
  const call = written && intrinsicCall(intrinsicOf(written) ?? written);
  // The whole image is one parameter's default: `${Name}` of the !Sub, or a `!Ref` in the map.
  if (!node.dynamic && defaults.length === 1 && (written === undefined || call?.name === 'Ref')) {
    return { parts, note: `\${${name}} is ${defaults[0]}${origin ? `, through ${origin}` : ''}` };
  }
  // As written: a literal, or a `!Sub`'s string (the DefinitionUri note's words); another intrinsic is only "set" there.
  const source = !call ? written : call.name === 'Fn::Sub' ? (call.argument?.type === 'array' ? call.argument.children?.[0] : call.argument) : undefined;
  const text = typeof source?.value === 'string' ? source.value : undefined;
  const withDefaults = defaults.length > 0 ? `, with ${defaults.join(' and ')}` : '';
  return { parts, note: `\${${name}} is ${text ?? 'set'}${origin ? ` in ${origin}` : ''}${withDefaults}` };
}

/**
 * The values the `DefinitionSubstitutions` of `side` give the members of `requests` (a state
 * machine's tasks) whose whole value is one `${Name}` — other than image fields, which
 * substitutedImageRequests checks as images: one request carrying them (see SubstitutedValue),
 * or none. A map value `!Ref Parameter` is each value written for the parameter (its literal
 * `Default` and `AllowedValues` items, reported there); one otherwise computed (`!GetAtt`, `!Sub`)
 * is left alone. `file`: the
 * state machine file the tasks are in (DefinitionUri), for messages.
 */
export function substitutedValueRequests(resource: TemplateResource, side: Node, requests: readonly SpecDocument[], file?: string, filledByStack: FilledByStack = NONE_FILLED): SpecDocument[] {
  const substitutions = memberValue(side, 'DefinitionSubstitutions');
  if (substitutions?.type !== 'object') return [];
  // One entry per map key, member and request kind, whichever tasks share it: one finding, naming them all.
  const entries = new Map<string, { value: Node; kind: SpecKind; memberPath: (string | number)[]; tasks: string[] }>();
  // A `!Ref Parameter` value is checked through the parameter's Default, reported there (standInNotes).
  const standInNotes: StandInNote[] = [];
  for (const request of requests) {
    if (!request.kind || !request.root) continue;
    const images = new Set<Node>(request.images.map((field) => field.value));
    for (const { node, name, whole } of placeholdersIn(request.text, request.root, filledByStack)) {
      if (!whole || images.has(node)) continue;
      const written = memberValue(substitutions, name);
      const parameterValues = written && (written as RequestNode).dynamic ? refParameterValues(written, resource.scope) : [];
      for (const entry of parameterValues) if (!standInNotes.some((known) => known.node === entry.node)) standInNotes.push(entry);
      for (const value of parameterValues.length > 0 ? parameterValues.map((entry) => entry.node) : [written]) {
        if (!value || (value as RequestNode).dynamic || (value.type !== 'string' && value.type !== 'number' && value.type !== 'boolean')) continue;
        const memberPath = requestPathOf(request, node)!;
        const key = `${name}|${request.kind}|${memberPath.join('.')}|${value.offset}`;
        const entry = entries.get(key) ?? { value, kind: request.kind, memberPath, tasks: [] };
        entries.set(key, entry);
        const task = request.embedding?.name;
        if (task !== undefined && !entry.tasks.includes(task)) entry.tasks.push(task);
      }
    }
  }
  if (entries.size === 0) return [];
  const substitutedValues = [...entries.values()].map(({ value, kind, memberPath, tasks }): SubstitutedValue => ({ value, kind, memberPath, tasks, ...(file !== undefined && { file }) }));
  return [{ text: resource.text, root: undefined, parseErrors: [], kind: undefined, images: [], host: resource.host, anyRegion: true, substitutedValues, ...(standInNotes.length > 0 && { standInNotes }) }];
}

/**
 * The `${Name}` placeholders the tasks of a `DefinitionUri` file (`requests`) use that the
 * `DefinitionSubstitutions` of `side` does not define, as a request of no kind carrying them
 * (reported on `uri`, the DefinitionUri value); undefined when every one is defined or the map
 * is computed.
 */
export function undefinedSubstitutionsRequest(resource: TemplateResource, side: Node, requests: readonly SpecDocument[], file: string, uri: Node): SpecDocument | undefined {
  const substitutions = memberValue(side, 'DefinitionSubstitutions');
  if (substitutions?.type !== 'object' || (substitutions as RequestNode).dynamic) return undefined;
  const defined = memberNames(substitutions);
  const names = new Map<string, string>();
  for (const request of requests) {
    if (!request.root) continue;
    for (const { node, name } of placeholdersIn(request.text, request.root)) {
      if (defined.includes(name) || names.has(name)) continue;
      names.set(name, `${memberPathText(requestPathOf(request, node)!)} of task "${request.embedding?.name ?? ''}"`);
    }
  }
  if (names.size === 0) return undefined;
  const undefinedSubstitutions = { range: { offset: uri.offset, length: uri.length }, file, names: [...names].map(([name, usedIn]) => ({ name, usedIn })), defined };
  return { text: resource.text, root: undefined, parseErrors: [], kind: undefined, images: [], host: resource.host, anyRegion: true, undefinedSubstitutions };
}

/** A DefinitionSubstitutions key, as a deploy placeholder names it (deployPlaceholders.ts). */
const SUBSTITUTION_KEY = /^[A-Za-z0-9_]+$/;

/** The name of the one `${Name}` a dynamic string value is wholly (`"${TrainingImage}"`), else undefined. */
export function wholePlaceholderName(node: Node): string | undefined {
  return (node as RequestNode).dynamic && typeof node.value === 'string' ? WHOLE_PLACEHOLDER.exec(node.value)?.[1] : undefined;
}

/** True when the dynamic string `node` is one placeholder that the stack fills (see FilledByStack). */
function isFilledByStack(node: Node, filledByStack: FilledByStack): boolean {
  const template = (node as RequestNode).template;
  return template?.length === 1 && template[0].kind === 'placeholder' && filledByStack.has(template[0].offset);
}

/**
 * The `${Name}` placeholders (DefinitionSubstitutions keys) in the string values under `root` (of
 * `text`), in document order, each with the string it is in and whether it is that whole string;
 * not those the stack fills (`filledByStack`).
 */
function placeholdersIn(text: string, root: Node, filledByStack: FilledByStack = NONE_FILLED): { node: Node; name: string; whole: boolean }[] {
  const found: { node: Node; name: string; whole: boolean }[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'object') {
      for (const property of [...(current.children ?? [])].reverse()) if (property.children?.[1]) stack.push(property.children[1]);
    } else if (current.type === 'array') {
      for (const item of [...(current.children ?? [])].reverse()) stack.push(item);
    } else if ((current as RequestNode).dynamic) {
      const whole = wholePlaceholderName(current);
      if (whole !== undefined) {
        if (SUBSTITUTION_KEY.test(whole) && !isFilledByStack(current, filledByStack)) found.push({ node: current, name: whole, whole: true });
        continue;
      }
      for (const part of (current as RequestNode).template ?? []) {
        if (part.kind !== 'placeholder' || filledByStack.has(part.offset)) continue;
        const name = WHOLE_PLACEHOLDER.exec(text.slice(part.offset, part.offset + part.length))?.[1];
        if (name !== undefined && SUBSTITUTION_KEY.test(name)) found.push({ node: current, name, whole: false });
      }
    }
  }
  return found;
}
