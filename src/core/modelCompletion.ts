/**
 * Completion from the API model: member names at every level (required first, inserting
 * `"Name": ` with a placeholder of the member's type, as a snippet), enum values and booleans.
 */
import { findNodeAtLocation, getLocation, type Node } from 'jsonc-parser';
import type { ApiModel, Shape, StructureShape } from './apiModel/apiModel';
import { constraintPhrases, expectedType } from './apiModel/describeShape';
import { escapeSnippet, placeholderSnippet } from './apiModel/placeholders';
import type { CompletionItem, CompletionResult } from './completion';
import type { TextEdit } from './findings';
import { memberNames } from './jsonTree';
import { pathInRequest, type SpecDocument } from './specDocument';
import type { SpecKind } from './specKind';

export function completeFromModel(spec: SpecDocument, offset: number, model: ApiModel): CompletionResult | undefined {
  if (!spec.root) return undefined;
  if (!spec.kind) return completeKindStarters(spec, offset, model);
  const location = getLocation(spec.text, offset);
  const path = pathInRequest(spec, location.path);
  // The request object itself is the innermost place we complete in (not its own key).
  if (!path || (location.isAtPropertyKey && path.length === 0)) return undefined;
  if (location.isAtPropertyKey) {
    const objectPath = path.slice(0, -1);
    const shape = model.shapeAt(spec.kind, objectPath);
    if (shape?.type !== 'structure') return undefined;
    const object = findNodeAtLocation(spec.root, objectPath);
    // The members a workflow supplies (a Pipelines step's job name) are not for the user to write.
    const supplied = objectPath.length === 0 ? spec.embedding?.suppliedMembers : undefined;
    return memberItems(spec.text, offset, shape, object, location.previousNode, supplied);
  }
  const shape = model.shapeAt(spec.kind, path);
  if (!shape) return undefined;
  const typedString = location.previousNode?.type === 'string' && isInside(spec.text, location.previousNode, offset) ? location.previousNode : undefined;
  if (typedString) {
    if (shape.type !== 'string' || !shape.enum) return undefined;
    const edit = { offset: typedString.offset + 1, length: contentLength(spec.text, typedString), newText: '' };
    return valueItems(shape.enum, edit, spec.text.slice(typedString.offset + 1, offset), false);
  }
  if (location.previousNode) return undefined; // a value is already there
  const edit = { offset, length: 0, newText: '' };
  if (shape.type === 'string' && shape.enum) return valueItems(shape.enum, edit, '', true);
  if (shape.type === 'boolean') return valueItems(['true', 'false'], edit, '', false);
  return undefined;
}

/**
 * A spec file whose kind cannot be told yet (an empty `{}` in a `.sagemaker.json`): at the top
 * level, offer the member that names each kind of request; once one is there, the kind is known
 * and every member completes.
 */
const KIND_STARTERS: readonly [SpecKind, string][] = [
  ['CreateTrainingJob', 'TrainingJobName'],
  ['CreateModel', 'PrimaryContainer'],
  ['CreateEndpointConfig', 'EndpointConfigName'],
  ['CreateProcessingJob', 'ProcessingJobName'],
  ['CreateTransformJob', 'TransformJobName'],
  ['CreateHyperParameterTuningJob', 'HyperParameterTuningJobName'],
];

function completeKindStarters(spec: SpecDocument, offset: number, model: ApiModel): CompletionResult | undefined {
  const location = getLocation(spec.text, offset);
  if (!location.isAtPropertyKey || location.path.length !== 1 || spec.root?.type !== 'object') return undefined;
  const result = memberItems(spec.text, offset, kindStarterShape(model), spec.root, location.previousNode);
  for (const item of result.items) item.detail = kindStarterDetail(item.label) ?? item.detail;
  return result;
}

/** The members that start each kind of request, as one structure to offer at the top of a spec whose kind is not told yet. */
export function kindStarterShape(model: ApiModel): StructureShape {
  const members = new Map<string, Shape>();
  for (const [kind, member] of KIND_STARTERS) {
    const request = model.shapeAt(kind, []);
    const shape = request?.type === 'structure' ? request.members.get(member) : undefined;
    if (shape) members.set(member, shape);
  }
  return { type: 'structure', name: 'KindStarters', members, required: new Set(), requiredList: [] };
}

/** `starts a CreateModel request` for a kind-starting member, else undefined. */
export function kindStarterDetail(member: string): string | undefined {
  const kind = KIND_STARTERS.find(([, starter]) => starter === member)?.[0];
  return kind && `starts a ${kind} request`;
}

/** A member to offer in an object of a structure shape: its name, shape and how it is shown and ranked. */
export interface MemberCandidate {
  name: string;
  shape: Shape;
  /** `required · string`, `optional · one of 3 values` (no required/optional when the host decides that). */
  detail: string;
  documentation?: string;
  sortText: string;
}

/**
 * The members of `shape` not yet `present`: required ones first (in the model's order), then the
 * optional ones by name. `rankRequired` false (a CloudFormation resource, whose schema says what
 * it requires): all by name, none called required.
 */
export function memberCandidates(shape: StructureShape, present: ReadonlySet<string>, rankRequired = true): MemberCandidate[] {
  const names = [...shape.members.keys()].filter((name) => !present.has(name));
  const required = rankRequired ? names.filter((name) => shape.required.has(name)) : [];
  const optional = names.filter((name) => !required.includes(name)).sort();
  return [...required, ...optional].map((name, index) => {
    const member = shape.members.get(name)!;
    const isRequired = required.includes(name);
    return {
      name,
      shape: member,
      detail: rankRequired ? `${isRequired ? 'required' : 'optional'} · ${typeLabel(member)}` : typeLabel(member),
      documentation: constraintPhrases(member).join('; ') || undefined,
      sortText: `${isRequired ? 0 : 1}${String(index).padStart(4, '0')}`,
    };
  });
}

/**
 * The row of one member candidate in every host: `edit` writes it in the host's syntax; `snippet`
 * when its text has tab stops; `filterText` what the editor filters with (default the name);
 * `detail` in place of the candidate's (a CloudFormation property's).
 */
export function memberItem(candidate: MemberCandidate, edit: TextEdit, options: { snippet?: boolean; filterText?: string; detail?: string } = {}): CompletionItem {
  return {
    label: candidate.name,
    kind: 'property',
    detail: options.detail ?? candidate.detail,
    documentation: candidate.documentation,
    sortText: candidate.sortText,
    edit,
    ...(options.snippet ? { snippet: true } : {}),
    filterText: options.filterText ?? candidate.name,
  };
}

function memberItems(text: string, offset: number, shape: StructureShape, object: Node | undefined, typedKey: Node | undefined, supplied?: ReadonlySet<string>): CompletionResult {
  // getLocation reports the key being typed as a 'property' node spanning the key string.
  const keyNode = typedKey && (typedKey.type === 'property' || typedKey.type === 'string') && isInside(text, typedKey, offset) ? typedKey : undefined;
  // Renaming a key that already has `: value`: replace the name only.
  const renaming = keyNode !== undefined && /^\s*:/.test(text.slice(keyNode.offset + keyNode.length));
  const typed = keyNode ? text.slice(keyNode.offset + 1, offset) : '';
  const present = new Set(memberNames(object));
  if (keyNode && typeof keyNode.value === 'string') present.delete(keyNode.value);
  for (const name of supplied ?? []) present.add(name);

  const replaceStart = keyNode ? keyNode.offset : offset;
  const replaceEnd = keyNode ? keyNode.offset + keyNode.length : offset;
  // Another member follows on the next line: the inserted one needs a comma.
  const comma = !renaming && /^\s*"/.test(text.slice(replaceEnd)) ? ',' : '';

  const items = memberCandidates(shape, present).map((candidate): CompletionItem => {
    const { name } = candidate;
    const edit: TextEdit = renaming
      ? { offset: keyNode!.offset + 1, length: contentLength(text, keyNode!), newText: name }
      : { offset: replaceStart, length: replaceEnd - replaceStart, newText: `${JSON.stringify(escapeSnippet(name))}: ${placeholderSnippet(candidate.shape)}${comma}` };
    return memberItem(candidate, edit, { snippet: !renaming, filterText: renaming ? name : JSON.stringify(name) });
  });
  return { typed, isIncomplete: false, items };
}

/** Value items in the given order; `quote` when inserting a new value rather than inside a string. */
export function valueItems(values: readonly string[], edit: TextEdit, typed: string, quote: boolean, details: Readonly<Record<string, string>> = {}): CompletionResult {
  return {
    typed,
    isIncomplete: false,
    items: values.map((value, index) => ({
      label: value,
      kind: 'value',
      detail: details[value],
      sortText: String(index).padStart(4, '0'),
      edit: { ...edit, newText: quote ? JSON.stringify(value) : value },
    })),
  };
}

/** A short type name for completion details: `string`, `integer`, `list`, `object`, `one of 151`. */
export function typeLabel(shape: Shape): string {
  if (shape.type === 'string' && shape.enum) return `one of ${shape.enum.length} values`;
  return expectedType(shape).replace(/^an? /, '');
}

function isInside(text: string, node: Node, offset: number): boolean {
  return offset > node.offset && offset <= node.offset + 1 + contentLength(text, node);
}

/** Content length without quotes; a string still being typed has no closing quote. */
function contentLength(text: string, node: Node): number {
  const terminated = node.length >= 2 && text[node.offset + node.length - 1] === '"';
  return Math.max(0, node.length - (terminated ? 2 : 1));
}
