/**
 * What a template declares for its resources to read: its `Parameters`, its `Mappings`, and the
 * names of its `Resources` (which `!Ref`, `!GetAtt` and `Fn::Sub`'s `${Name}` may name).
 *
 * - A parameter's `Default` is read in place of `!Ref Name` / `${Name}` (as the Dockerfile host
 *   reads an ARG default) only when it is the value a deployment most likely gets: a `String`
 *   parameter (an `AWS::SSM::Parameter::Value<…>` default names an SSM parameter, not its value;
 *   a list type is no one string) whose `AllowedValues`, if any, list no other value. A parameter
 *   with other allowed values is a choice made at each deployment: its default is no more the
 *   value than the others, and a fix editing the default alone could leave it outside the list.
 * - `!FindInMap [Table, !Ref AWS::Region, Key]` and `!FindInMap [Table, TopKey, !Ref AWS::Region]`
 *   (with or without a `DefaultValue`) read the table row of the deployment region: each row (its
 *   key a region, or meant to be one) with its value is known (regionTable).
 */
import type { Node } from 'jsonc-parser';
import { keyOfValue, memberValue, stringValue } from '../../jsonTree';
import type { RegionTableFacts, RegionValue } from '../../requestTree';
import { intrinsicCall } from './intrinsics';

/** A parameter whose `Default` is read in (see the header). */
export interface ParameterDefault {
  name: string;
  /** The default as CloudFormation passes it: a string. */
  value: string;
  /** The `Default` node: a string, or a number whose text is `value`. */
  node: Node;
}

/** A parameter the template declares; `readable` when its default stands for it. */
export type TemplateParameter = {
  name: string;
  readable: ParameterDefault | undefined;
  /** Why not, for hover: `no default`, `one of dev, prod`. */
  unreadable?: string;
  /** The parameter's declaration (its `Type`, `Default`, `AllowedValues`), for the value checks (parameterStandIns.ts). */
  declaration: Node;
};

export interface TemplateScope {
  /** The template's text (offsets of every node are into it). */
  text: string;
  /** Declared parameters by name. */
  parameters: ReadonlyMap<string, TemplateParameter>;
  /** The `Mappings` object, when there is one. */
  mappings: Node | undefined;
  /** The logical ids of the template's `Resources`. */
  resources: ReadonlySet<string>;
  /**
   * True when the template's `Transform` names a macro other than SAM's
   * (`AWS::Serverless-2016-10-31`) and `AWS::LanguageExtensions`: it may add parameters and
   * resources this text does not declare.
   */
  macro: boolean;
}

/** Transforms whose additions a template's own names cannot meet by chance (SAM's are derived from its resources' ids). */
const KNOWN_TRANSFORMS = new Set(['AWS::Serverless-2016-10-31', 'AWS::LanguageExtensions']);

/** The scope of the template whose top-level object is `root`, a tree of `text`. */
export function templateScope(text: string, root: Node): TemplateScope {
  const parameters = new Map<string, TemplateParameter>();
  const declared = memberValue(root, 'Parameters');
  for (const property of declared?.type === 'object' ? declared.children ?? [] : []) {
    const [key, declaration] = property.children ?? [];
    if (typeof key?.value !== 'string' || declaration?.type !== 'object') continue;
    parameters.set(key.value, readParameter(text, key.value, declaration));
  }
  const mappings = memberValue(root, 'Mappings');
  const declaredResources = memberValue(root, 'Resources');
  const resources = new Set((declaredResources?.type === 'object' ? declaredResources.children ?? [] : []).map((property) => property.children?.[0]?.value).filter((id): id is string => typeof id === 'string'));
  const transform = memberValue(root, 'Transform');
  const transforms = transform?.type === 'array' ? transform.children ?? [] : transform ? [transform] : [];
  const macro = transforms.some((item) => !KNOWN_TRANSFORMS.has(stringValue(item) ?? ''));
  return { text, parameters, mappings: mappings?.type === 'object' ? mappings : undefined, resources, macro };
}

/**
 * A parameter declaration's `Default` node, unless it is the empty string: `Default: ""` is how
 * templates write a parameter every deployment passes (a stack's build script fills it), so it
 * stands for no value, as a missing default does. Undefined for both.
 */
export function writtenDefault(declaration: Node): Node | undefined {
  const node = memberValue(declaration, 'Default');
  return node && !(node.type === 'string' && node.value === '') ? node : undefined;
}

function readParameter(text: string, name: string, declaration: Node): TemplateParameter {
  const type = stringValue(memberValue(declaration, 'Type'));
  // An empty Default stays readable: completion writes an image there (templateImages.ts reads it as no value).
  const node = memberValue(declaration, 'Default');
  if (type !== 'String') return { name, readable: undefined, unreadable: type ? `of type ${type}` : 'without a type', declaration };
  const value = node && scalarText(text, node);
  if (!node || value === undefined) return { name, readable: undefined, unreadable: 'no default', declaration };
  const allowed = memberValue(declaration, 'AllowedValues');
  const others = allowed?.type === 'array' ? (allowed.children ?? []).map((item) => scalarText(text, item)).filter((item) => item !== value) : [];
  if (allowed && (allowed.type !== 'array' || others.length > 0)) {
    const listed = allowed.type === 'array' ? (allowed.children ?? []).map((item) => scalarText(text, item) ?? '…').join(', ') : 'a computed list';
    return { name, readable: undefined, unreadable: `one of ${listed}`, declaration };
  }
  return { name, readable: { name, value, node }, declaration };
}

/**
 * The text of a literal scalar node: a string's value, or a number's text as written when the
 * parser read it back unchanged (`1` yes; `1.10`, read as 1.1, no). Undefined otherwise.
 */
export function scalarText(text: string, node: Node): string | undefined {
  if (intrinsicCall(node)) return undefined;
  if (node.type === 'string' && typeof node.value === 'string') return node.value;
  if (node.type !== 'number') return undefined;
  const written = text.slice(node.offset, node.offset + node.length);
  return String(node.value) === written ? written : undefined;
}

/**
 * The table `argument` (of `Fn::FindInMap`) reads by the deployment region: one of its two keys
 * `!Ref AWS::Region` and the other literal, as is the table's name — `[Table, !Ref AWS::Region,
 * Key]` (each row of the table a map, `Key` read in it) or `[Table, TopKey, !Ref AWS::Region]`
 * (the rows under `TopKey`, each the value) — with an optional fourth item `{DefaultValue: …}`
 * (what a region without a row reads). Undefined otherwise, and when the object of rows is not
 * written. A row without the key is left out (FindInMap fails for that region, or reads the
 * default); one whose value is no literal scalar is kept with no text, for the rules to report.
 */
export function regionTable(scope: TemplateScope, argument: Node | undefined): RegionTableFacts | undefined {
  const items = argument?.type === 'array' ? argument.children ?? [] : [];
  if (items.length !== 3 && items.length !== 4) return undefined;
  const [tableName, topKey, secondKey, defaultItem] = items;
  const fallback = defaultItem && defaultValue(scope.text, defaultItem);
  if (defaultItem && !fallback) return undefined;
  const table = literalKey(tableName);
  const regionLevel = isRegion(topKey) ? 'top' : isRegion(secondKey) ? 'second' : undefined;
  const key = literalKey(regionLevel === 'top' ? secondKey : topKey);
  if (table === undefined || !regionLevel || key === undefined) return undefined;
  const tableRows = memberValue(scope.mappings, table);
  if (tableRows?.type !== 'object') return undefined;
  const rows = regionLevel === 'top' ? tableRows : memberValue(tableRows, key);
  const rowsKey = rows && keyOfValue(rows);
  if (rows?.type !== 'object' || !rowsKey) return undefined;
  const values: RegionValue[] = [];
  for (const property of rows.children ?? []) {
    const [region, row] = property.children ?? [];
    const value = regionLevel === 'top' ? memberValue(row, key) : row;
    if (typeof region?.value === 'string' && value) values.push({ region: region.value, key: region, value, text: scalarText(scope.text, value) });
  }
  return { table, regionLevel, rowsKey, key, values, ...(fallback && { fallback }) };
}

/** A key of `Fn::FindInMap` written as a literal string, else undefined. */
function literalKey(node: Node | undefined): string | undefined {
  return intrinsicCall(node) ? undefined : stringValue(node);
}

/** True for `!Ref AWS::Region`. */
function isRegion(node: Node | undefined): boolean {
  const reference = intrinsicCall(node);
  return reference?.name === 'Ref' && stringValue(reference.argument) === 'AWS::Region';
}

/** `Fn::FindInMap`'s fourth item, `{DefaultValue: value}`: the value and its text (undefined when computed or no scalar); undefined for anything else. */
function defaultValue(text: string, item: Node): RegionTableFacts['fallback'] {
  if (item.type !== 'object' || item.children?.length !== 1) return undefined;
  const [name, value] = item.children[0].children ?? [];
  return name?.value === 'DefaultValue' && value ? { value, text: scalarText(text, value) } : undefined;
}
