/**
 * What a template's `DefinitionSubstitutions` (and a definition's `Fn::Sub`) give the requests of a
 * state machine it deploys, checked where the template writes them: the images of image fields
 * written as one `${Name}`, the values of other such members, and the names a `DefinitionUri`
 * file uses that the map does not define. Each is a request of no kind (or image-only) whose
 * findings land on the template's characters, with fixes there.
 */
import type { Node } from 'jsonc-parser';
import { memberNames, memberValue } from '../../jsonTree';
import { memberPathText, type RequestNode } from '../../requestTree';
import { requestPathOf, type SpecDocument, type SubstitutedValue } from '../../specDocument';
import type { SpecKind } from '../../specKind';
import { parseImageReference } from '../../imageReference';
import type { TemplateResource } from './cloudFormationRequests';
import { intrinsicCall } from './intrinsics';
import { imageTableRows, readImageThroughTemplate, subPlaceholderImage } from './templateImages';
import { refParameterValues, type StandInNote } from './parameterStandIns';

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
export function substitutedImageRequests(resource: TemplateResource, side: Node, request: SpecDocument): SpecDocument[] {
  const substitutions = memberValue(side, 'DefinitionSubstitutions');
  if (substitutions?.type !== 'object') return [];
  const requests: SpecDocument[] = [];
  for (const field of request.images) {
    const written = field.value as RequestNode;
    const name = wholePlaceholderName(written);
    const value = name === undefined ? undefined : memberValue(substitutions, name);
    if (!value || (value.type !== 'string' && !(value as RequestNode).dynamic)) continue;
    const literal = value.type === 'string' && !(value as RequestNode).dynamic ? (value.value as string) : undefined;
    const image = readImageThroughTemplate({ value, usage: field.usage, holder: value, holderPath: [], parsed: literal !== undefined ? parseImageReference(literal) : undefined }, resource.scope);
    requests.push({ text: resource.text, root: undefined, parseErrors: [], kind: undefined, images: [image], host: resource.host, imagesOnly: true, anyRegion: true });
    requests.push(...imageTableRows(image, resource.host, resource.text));
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
export function subPlaceholderImageRequests(resource: TemplateResource, value: Node | undefined, found: readonly SpecDocument[], isSubstituted: (name: string) => boolean): SpecDocument[] {
  const call = intrinsicCall(value);
  if (call?.name !== 'Fn::Sub') return [];
  const variables = call.argument?.type === 'array' ? call.argument.children?.[1] : undefined;
  const requests: SpecDocument[] = [];
  for (const request of found) {
    for (const field of request.images) {
      const written = field.value as RequestNode;
      const name = wholePlaceholderName(written);
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
 * or none. A map value `!Ref Parameter` is each value written for the parameter (its literal
 * `Default` and `AllowedValues` items, reported there); one otherwise computed (`!GetAtt`, `!Sub`)
 * is left alone. `file`: the
 * state machine file the tasks are in (DefinitionUri), for messages.
 */
export function substitutedValueRequests(resource: TemplateResource, side: Node, requests: readonly SpecDocument[], file?: string): SpecDocument[] {
  const substitutions = memberValue(side, 'DefinitionSubstitutions');
  if (substitutions?.type !== 'object') return [];
  // One entry per map key, member and request kind, whichever tasks share it: one finding, naming them all.
  const entries = new Map<string, { value: Node; kind: SpecKind; memberPath: (string | number)[]; tasks: string[] }>();
  // A `!Ref Parameter` value is checked through the parameter's Default, reported there (standInNotes).
  const standInNotes: StandInNote[] = [];
  for (const request of requests) {
    if (!request.kind || !request.root) continue;
    const images = new Set<Node>(request.images.map((field) => field.value));
    for (const { node, name, whole } of placeholdersIn(request.text, request.root)) {
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

/**
 * The `${Name}` placeholders (DefinitionSubstitutions keys) in the string values under `root` (of
 * `text`), in document order, each with the string it is in and whether it is that whole string.
 */
function placeholdersIn(text: string, root: Node): { node: Node; name: string; whole: boolean }[] {
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
        if (SUBSTITUTION_KEY.test(whole)) found.push({ node: current, name: whole, whole: true });
        continue;
      }
      for (const part of (current as RequestNode).template ?? []) {
        if (part.kind !== 'placeholder') continue;
        const name = WHOLE_PLACEHOLDER.exec(text.slice(part.offset, part.offset + part.length))?.[1];
        if (name !== undefined && SUBSTITUTION_KEY.test(name)) found.push({ node: current, name, whole: false });
      }
    }
  }
  return found;
}
