/**
 * CloudFormation's intrinsic functions in a resource's properties: a value the stack computes
 * at deployment is dynamic — never reported as wrong, and present where a member is required.
 * Both forms are read, JSON's long form (`{"Fn::Sub": …}`, `{"Ref": …}`) and YAML's short form
 * (`!Sub …`, which the YAML tree already turns into the long form's one-member object).
 *
 * - `Fn::Sub` (and `Fn::Join` with a literal delimiter) of a string keeps its static parts as a
 *   template, so the image rules still check what the text alone decides.
 * - `Fn::If` analyses each literal branch: a view takes one side of every condition, and the
 *   host builds the request once per view (see cloudFormationRequests.ts); with conditions nested
 *   (`!If [A, x, !If [B, y, z]]`) there are as many views as the deepest choice has branches.
 * - `{"Ref": "AWS::NoValue"}` removes the member at deployment; here it is dynamic (absent, but
 *   never reported missing), like every other `Ref`.
 */
import type { Node } from 'jsonc-parser';
import { valueOffsetMapper } from '../../jsonTree';
import type { RequestNode, TemplatePart } from '../../requestTree';

/** Intrinsic function names: a one-member object with one of these keys is a function call. */
const INTRINSICS = new Set([
  'Ref', 'Condition', 'Fn::Sub', 'Fn::GetAtt', 'Fn::Join', 'Fn::If', 'Fn::FindInMap', 'Fn::Select', 'Fn::Split', 'Fn::Base64',
  'Fn::ImportValue', 'Fn::GetAZs', 'Fn::Equals', 'Fn::Not', 'Fn::And', 'Fn::Or', 'Fn::Cidr', 'Fn::Transform', 'Fn::Length', 'Fn::ToJsonString',
]);

type Building = { -readonly [K in keyof RequestNode]: RequestNode[K] };

export interface IntrinsicView {
  /** The request tree: a copy of the properties with every intrinsic turned into a dynamic value. */
  root: RequestNode;
  /** True when a `Fn::If` was met: other views may take other branches (see viewCount). */
  hasConditions: boolean;
}

/** At most this many views of one resource: conditions nested deeper share the last ones. */
export const MAX_VIEWS = 16;

/** The name and argument of an intrinsic function call, when `node` is one. */
export function intrinsicCall(node: Node | undefined): { name: string; argument: Node | undefined } | undefined {
  if (node?.type !== 'object' || node.children?.length !== 1) return undefined;
  const [key, argument] = node.children[0].children ?? [];
  const name = key?.value;
  return typeof name === 'string' && INTRINSICS.has(name) ? { name, argument } : undefined;
}

/**
 * A copy of `properties` (a resource's `Properties`, from the JSON or YAML tree of `text`) that
 * the rules can read: intrinsics dynamic, each `Fn::If` resolved to one branch. View `index`
 * (0 to viewCount(properties) − 1) takes, at a condition whose true branch needs `t` views, the
 * true branch for indices below `t` and the false branch for the rest, each branch's own views
 * numbered from 0: so every literal branch is in some view. View 0 takes every true branch.
 */
export function intrinsicView(text: string, properties: Node, index: number): IntrinsicView {
  const state = { hasConditions: false };
  const root = copy(text, properties, undefined, index, state);
  return { root, hasConditions: state.hasConditions };
}

/**
 * How many views of `node` cover each literal branch of its conditions: 1 without `Fn::If`, the
 * sum of its branches' counts for a condition, the largest of its values' counts for an object or
 * array (their conditions choose side by side). Capped at MAX_VIEWS.
 */
export function viewCount(node: Node): number {
  const known = viewCounts.get(node);
  if (known !== undefined) return known;
  const branches = ifBranches(node);
  let count = 1;
  if (branches) count = viewCount(branches[0]) + viewCount(branches[1]);
  else if (!intrinsicCall(node)) for (const child of node.children ?? []) count = Math.max(count, viewCount(child));
  count = Math.min(count, MAX_VIEWS);
  viewCounts.set(node, count);
  return count;
}

const viewCounts = new WeakMap<Node, number>();

/** The true and false branches of `node` when it is an `Fn::If` call. */
function ifBranches(node: Node): [Node, Node] | undefined {
  const call = intrinsicCall(node);
  if (call?.name !== 'Fn::If' || call.argument?.type !== 'array' || call.argument.children?.length !== 3) return undefined;
  return [call.argument.children[1], call.argument.children[2]];
}

/** The intrinsic call each dynamic value of a view stands for. */
const copiedFrom = new WeakMap<Node, Node>();

/** The intrinsic call (`{"Fn::Sub": …}`, of the template's own tree) that the view's dynamic value `node` stands for. */
export function intrinsicOf(node: Node): Node | undefined {
  return copiedFrom.get(node);
}

function copy(text: string, node: Node, parent: Node | undefined, index: number, state: { hasConditions: boolean }): RequestNode {
  const branches = ifBranches(node);
  if (branches) {
    state.hasConditions = true;
    // View 0 needs no counts: it takes every true branch (most templates are read in one view).
    if (index === 0) return copy(text, branches[0], parent, 0, state);
    const trueViews = viewCount(branches[0]);
    return index < trueViews ? copy(text, branches[0], parent, index, state) : copy(text, branches[1], parent, Math.min(index - trueViews, viewCount(branches[1]) - 1), state);
  }
  const call = intrinsicCall(node);
  if (call) {
    const dynamic: Building = { type: 'string', offset: node.offset, length: node.length, parent, value: undefined, dynamic: true };
    const template = templateOf(text, call.name, call.argument);
    if (template) dynamic.template = template;
    copiedFrom.set(dynamic, node);
    return dynamic;
  }
  const source = node as RequestNode;
  if (source.type === 'string' && typeof source.value === 'string' && dynamicReferenceIn(source.value)) {
    // `{{resolve:ssm:/ml/image}}`: CloudFormation puts the parameter's or secret's value there at deployment.
    const parts = withDynamicReferences([{ kind: 'text', value: source.value, offsets: indexOffsets(source.value, valueOffsetMapper(text, source)) }]);
    const dynamic: Building = { type: 'string', offset: node.offset, length: node.length, parent, value: undefined, dynamic: true };
    if (parts.some((part) => part.kind === 'text')) dynamic.template = parts;
    return dynamic;
  }
  const result: Building = { ...source, parent, children: undefined };
  // Side by side, each child takes its own view `index`, or its last when it has fewer.
  if (source.children) result.children = source.children.map((child) => copy(text, child, result, index === 0 ? 0 : Math.min(index, viewCount(child) - 1), state));
  return result;
}

/** The parts of `Fn::Sub` (the string, or the first item of `[string, variables]`) and of `Fn::Join` with a literal delimiter. */
function templateOf(text: string, name: string, argument: Node | undefined): TemplatePart[] | undefined {
  if (!argument) return undefined;
  if (name === 'Fn::Sub') {
    const source = argument.type === 'array' ? argument.children?.[0] : argument;
    return source?.type === 'string' && typeof source.value === 'string' ? withDynamicReferences(subParts(source.value, valueOffsetMapper(text, source))) : undefined;
  }
  if (name === 'Fn::Join' && argument.type === 'array' && argument.children?.length === 2) {
    const [delimiter, list] = argument.children;
    if (delimiter.type !== 'string' || typeof delimiter.value !== 'string' || list.type !== 'array') return undefined;
    const parts: TemplatePart[] = [];
    const delimiterOffsets = indexOffsets(delimiter.value, valueOffsetMapper(text, delimiter));
    list.children?.forEach((item, index) => {
      if (index > 0 && delimiter.value !== '') parts.push({ kind: 'text', value: delimiter.value as string, offsets: delimiterOffsets });
      if ((item.type === 'string' && typeof item.value === 'string' && !(item as RequestNode).dynamic)) {
        parts.push(...withDynamicReferences([{ kind: 'text', value: item.value, offsets: indexOffsets(item.value, valueOffsetMapper(text, item)) }]));
      } else if (item.type === 'number' || item.type === 'boolean') {
        const value = String(item.value);
        parts.push({ kind: 'text', value, offsets: indexOffsets(value, (index) => item.offset + Math.min(index, item.length)) });
      } else {
        parts.push({ kind: 'placeholder', offset: item.offset, length: item.length, filledBy: 'deployment' });
      }
    });
    return parts;
  }
  return undefined;
}

function indexOffsets(value: string, offsetOf: (index: number) => number): number[] {
  const offsets: number[] = [];
  for (let i = 0; i <= value.length; i++) offsets.push(offsetOf(i));
  return offsets;
}

/** A piece of an `Fn::Sub` string: text (each character with its index in the string), or a `${Name}` placeholder. */
export type SubToken =
  | { kind: 'text'; value: string; /** indices[i]: index of value[i] in the string; one more for the end. */ indices: number[] }
  | { kind: 'name'; name: string; /** Index of `$` in the string. */ start: number; /** Index just past `}`. */ end: number };

/**
 * `Fn::Sub`'s grammar: `${Name}` (a parameter, resource or pseudo parameter such as
 * `${AWS::Region}` or `${AWS::URLSuffix}`) is a placeholder; `${!Literal}` is the text `${Literal}`.
 */
export function subTokens(value: string): SubToken[] {
  const tokens: SubToken[] = [];
  let textValue = '';
  let indices: number[] = [];
  const flush = (end: number) => {
    if (textValue.length > 0) tokens.push({ kind: 'text', value: textValue, indices: [...indices, end] });
    textValue = '';
    indices = [];
  };
  for (let i = 0; i < value.length; ) {
    if (value.startsWith('${', i)) {
      const close = value.indexOf('}', i + 2);
      if (close > 0 && value[i + 2] === '!') {
        // `${!Literal}` is written out as `${Literal}`: its characters are static text.
        textValue += '${';
        indices.push(i, i + 1);
        i += 3;
        continue;
      }
      if (close > 0) {
        flush(i);
        tokens.push({ kind: 'name', name: value.slice(i + 2, close), start: i, end: close + 1 });
        i = close + 1;
        continue;
      }
    }
    textValue += value[i];
    indices.push(i);
    i++;
  }
  flush(value.length);
  return tokens;
}

/** The template parts of an `Fn::Sub` string `value`, `offsetOf(i)` the source offset of `value[i]` (and of its end). */
export function subParts(value: string, offsetOf: (index: number) => number): TemplatePart[] {
  return subTokens(value).map((token): TemplatePart =>
    token.kind === 'text'
      ? { kind: 'text', value: token.value, offsets: token.indices.map(offsetOf) }
      : { kind: 'placeholder', offset: offsetOf(token.start), length: offsetOf(token.end) - offsetOf(token.start), filledBy: 'deployment' },
  );
}

/**
 * The first CloudFormation dynamic reference (`{{resolve:ssm:…}}`, `{{resolve:ssm-secure:…}}`,
 * `{{resolve:secretsmanager:…}}`) in `value` at or after index `from`, as [start, end) indices;
 * undefined when there is none (or it is not closed).
 */
export function dynamicReferenceIn(value: string, from = 0): [number, number] | undefined {
  const start = value.indexOf('{{resolve:', from);
  const close = start < 0 ? -1 : value.indexOf('}}', start);
  return close < 0 ? undefined : [start, close + 2];
}

/**
 * `parts` with each dynamic reference (`{{resolve:service:reference}}`, CloudFormation's
 * "dynamic references", filled in from Systems Manager or Secrets Manager at deployment) in a
 * text part turned into a placeholder, so no rule judges the reference's own text.
 */
function withDynamicReferences(parts: TemplatePart[]): TemplatePart[] {
  if (!parts.some((part) => part.kind === 'text' && dynamicReferenceIn(part.value))) return parts;
  const result: TemplatePart[] = [];
  for (const part of parts) {
    if (part.kind !== 'text') {
      result.push(part);
      continue;
    }
    let from = 0;
    for (let reference = dynamicReferenceIn(part.value); reference; reference = dynamicReferenceIn(part.value, from)) {
      const [start, end] = reference;
      if (start > from) result.push({ kind: 'text', value: part.value.slice(from, start), offsets: part.offsets.slice(from, start + 1) });
      result.push({ kind: 'placeholder', offset: part.offsets[start], length: part.offsets[end] - part.offsets[start], filledBy: 'deployment' });
      from = end;
    }
    if (from < part.value.length) result.push({ kind: 'text', value: part.value.slice(from), offsets: part.offsets.slice(from) });
  }
  return result;
}
