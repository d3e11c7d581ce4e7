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
import type { SpecDocument } from './specDocument';

export function completeFromModel(spec: SpecDocument, offset: number, model: ApiModel): CompletionResult | undefined {
  if (!spec.kind || !spec.root) return undefined;
  const location = getLocation(spec.text, offset);
  const path = location.path;
  if (location.isAtPropertyKey) {
    const objectPath = path.slice(0, -1);
    const shape = model.shapeAt(spec.kind, objectPath);
    if (shape?.type !== 'structure') return undefined;
    const object = findNodeAtLocation(spec.root, objectPath);
    return memberItems(spec.text, offset, shape, object, location.previousNode);
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

function memberItems(text: string, offset: number, shape: StructureShape, object: Node | undefined, typedKey: Node | undefined): CompletionResult {
  // getLocation reports the key being typed as a 'property' node spanning the key string.
  const keyNode = typedKey && (typedKey.type === 'property' || typedKey.type === 'string') && isInside(text, typedKey, offset) ? typedKey : undefined;
  // Renaming a key that already has `: value`: replace the name only.
  const renaming = keyNode !== undefined && /^\s*:/.test(text.slice(keyNode.offset + keyNode.length));
  const typed = keyNode ? text.slice(keyNode.offset + 1, offset) : '';
  const present = new Set(memberNames(object));
  if (keyNode && typeof keyNode.value === 'string') present.delete(keyNode.value);

  const replaceStart = keyNode ? keyNode.offset : offset;
  const replaceEnd = keyNode ? keyNode.offset + keyNode.length : offset;
  // Another member follows on the next line: the inserted one needs a comma.
  const comma = !renaming && /^\s*"/.test(text.slice(replaceEnd)) ? ',' : '';

  const names = [...shape.members.keys()].filter((name) => !present.has(name));
  const required = names.filter((name) => shape.required.has(name));
  const optional = names.filter((name) => !shape.required.has(name)).sort();
  const items = [...required, ...optional].map((name, index): CompletionItem => {
    const member = shape.members.get(name)!;
    const isRequired = shape.required.has(name);
    const edit: TextEdit = renaming
      ? { offset: keyNode!.offset + 1, length: contentLength(text, keyNode!), newText: name }
      : { offset: replaceStart, length: replaceEnd - replaceStart, newText: `${JSON.stringify(escapeSnippet(name))}: ${placeholderSnippet(member)}${comma}` };
    return {
      label: name,
      kind: 'property',
      detail: `${isRequired ? 'required' : 'optional'} · ${typeLabel(member)}`,
      documentation: constraintPhrases(member).join('; ') || undefined,
      sortText: `${isRequired ? 0 : 1}${String(index).padStart(4, '0')}`,
      edit,
      snippet: !renaming,
      filterText: renaming ? name : JSON.stringify(name),
    };
  });
  return { typed, isIncomplete: false, items };
}

function valueItems(values: readonly string[], edit: TextEdit, typed: string, quote: boolean): CompletionResult {
  return {
    typed,
    isIncomplete: false,
    items: values.map((value, index) => ({
      label: value,
      kind: 'value',
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
