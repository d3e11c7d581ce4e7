/**
 * Checks a whole request against the SageMaker API model in one walk over the tree: unknown and
 * duplicate keys, missing required members, JSON types, enums, numeric and length limits, and
 * patterns. Each node is visited once with the shape it must have, so a 1 MB spec costs one pass.
 */
import { getNodeValue, type Node } from 'jsonc-parser';
import type { ApiModel, DescribeResponse, ListShape, MapShape, NumberShape, Shape, StringShape, StructureShape } from '../apiModel/apiModel';
import type { SpecKind } from '../specKind';
import { boundsText, expectedType, lengthUnit } from '../apiModel/describeShape';
import { enumInWords, enumValuesNoun, patternInWords } from '../apiModel/patternWords';
import { matchesPattern } from '../apiModel/patterns';
import { placeholderValue } from '../apiModel/placeholders';
import { closestMatches, closestSpellings, isClearNearest } from '../closestMatches';
import { nearestInstanceTypes } from '../nearestInstanceTypes';
import { intent, type EditIntent, type FixValue, type QuickFix } from '../edits/editIntent';
import { findProperty, keyOfValue, otherItemStrings, type OffsetRange } from '../jsonTree';
import { memberLabel } from '../memberLabel';
import { anchorRange, hasOpenMembers, isDynamic, isMergedMember, standInOf, type DeclaredType, type RequestNode, type ScalarType, type YamlReading } from '../requestTree';
import { topLevelObject, type SdkArgument } from '../specDocument';
import { ownedElsewhere, type OwnedElsewhere } from './ownedValues';
import { checkResourceIdMember, resourceIdMember } from './resourceIdRules';
import { breaksPatternBesidesLength, withForbiddenCharactersReplaced } from './patternConstraints';
import type { RuleCode } from './ruleCodes';
import { nodeRange, type RuleContext } from './ruleContext';
import { DIGIT_ZERO, DOT, LOWER_E, LOWER_X, MINUS, PLUS, UPPER_E } from '../charCodes';

/** CloudFormation converts `"3600"` to a number and `"true"` to a boolean for the API. */
function writtenAsString(value: string, shape: Shape): boolean {
  if (shape.type === 'boolean') return value === 'true' || value === 'false';
  if (shape.type === 'integer' || shape.type === 'long') return /^-?\d+$/.test(value.trim());
  if (shape.type === 'float' || shape.type === 'double') return value.trim() !== '' && Number.isFinite(Number(value));
  return false;
}

/**
 * What a template may write for a number or boolean member (writtenAsString), completing "must
 * be …" in a message about a string it does not take (`InstanceCount: "two"`); undefined for other shapes.
 */
function stringTemplatesTake(shape: Shape): string | undefined {
  if (shape.type === 'integer' || shape.type === 'long') return `${expectedType(shape)}, written as a number or a numeric string such as "1"`;
  if (shape.type === 'float' || shape.type === 'double') return `${expectedType(shape)}, written as a number or a numeric string such as "0.5"`;
  if (shape.type === 'boolean') return `${expectedType(shape)} (or the string "true" or "false")`;
  return undefined;
}

/**
 * The string CloudFormation sends for a number or boolean written where the API member is a
 * string (`VariantName: 2024` → "2024"), from the scalar's source text; undefined where that string
 * is uncertain. CloudFormation reads the template's numbers as numbers and prints them again:
 * `1.10` is the number 1.1 to any YAML reader, and a ten-digit id written as a number has reached
 * EC2 as "1.234567890E10" (cloudtools/troposphere#994); YAML 1.1 and 1.2 readers disagree on
 * `0042` and `yes` (those are dynamic in the tree already). Only a short decimal integer written
 * plainly, and `true`/`false`, are sure to be sent as written.
 */
function stringCloudFormationSends(literal: string, type: Node['type']): string | undefined {
  if (type === 'boolean') return literal === 'true' || literal === 'false' ? literal : undefined;
  // Below 10^7 every printing of the number (integer, Java's double) gives the digits as written.
  if (type === 'number' && /^(?:0|-?[1-9]\d{0,6})$/.test(literal)) return literal;
  return undefined;
}

/** How many nearest names or values a fix list offers. */
const NEAREST = 3;

export function checkAgainstApiModel(context: RuleContext, model: ApiModel): void {
  const root = topLevelObject(context.spec);
  const input = context.spec.kind && model.inputShape(context.spec.kind);
  if (!root || !input) return;
  const kind = context.spec.kind!;
  new ModelValidator(context, ownedElsewhere(context.spec), root, context.spec.embedding?.suppliedMembers, model.describeResponse(kind), siblingShapes(model, kind)).structure(root, input);
}

/**
 * Checks `node`, a value written apart from its request (a template's DefinitionSubstitutions
 * entry), against the string member of `kind` at `memberPath` as a template's values are checked:
 * enum and pattern, numbers and booleans written as strings accepted, no length limits. Nothing
 * for a member of another type (what text substitution gives an object or number member is
 * left alone) or a path that leaves the API model. Findings go through `context`.
 */
export function checkValueAgainstMember(context: RuleContext, model: ApiModel, kind: SpecKind, memberPath: readonly (string | number)[], node: Node): void {
  const shape = model.shapeAt(kind, memberPath);
  const name = [...memberPath].reverse().find((segment): segment is string => typeof segment === 'string');
  if (shape?.type !== 'string' || name === undefined) return;
  new ModelValidator(context, NOTHING_OWNED, undefined, undefined, undefined, [], true).value(node, shape, name);
}


/** Per API model and kind, its sibling requests with their input shapes: looked up once, not per request analysed. */
const siblingShapesByModel = new WeakMap<ApiModel, Map<SpecKind, readonly (SiblingRequest & { shape: StructureShape })[]>>();

function siblingShapes(model: ApiModel, kind: SpecKind): readonly (SiblingRequest & { shape: StructureShape })[] {
  let byKind = siblingShapesByModel.get(model);
  if (!byKind) siblingShapesByModel.set(model, (byKind = new Map()));
  let siblings = byKind.get(kind);
  if (!siblings) {
    siblings = (SIBLING_REQUESTS[kind] ?? []).flatMap((sibling) => {
      const shape = model.inputShape(sibling.kind);
      return shape ? [{ ...sibling, shape }] : [];
    });
    byKind.set(kind, siblings);
  }
  return siblings;
}

/** A request whose members are often written into another's: an endpoint's variants belong to its config, a model's container to the model. */
interface SiblingRequest {
  kind: SpecKind;
  /** How the request reaches the sibling's settings, for the message. */
  how: string;
}

/**
 * Per request kind, the request whose top-level members are easily put into it by mistake: such a
 * member is named as the sibling's, not as a misspelling of one of this request's.
 */
const SIBLING_REQUESTS: Partial<Record<SpecKind, readonly SiblingRequest[]>> = {
  CreateEndpoint: [{ kind: 'CreateEndpointConfig', how: 'an endpoint takes its variants and settings from the endpoint config it names in EndpointConfigName' }],
  CreateEndpointConfig: [
    { kind: 'CreateModel', how: 'each production variant names its model in ModelName' },
    { kind: 'CreateEndpoint', how: 'an endpoint names its endpoint config, not the other way round' },
  ],
  CreateModel: [{ kind: 'CreateEndpointConfig', how: 'a model is deployed by an endpoint config whose production variant names it' }],
};

/** No value of an SDK call, nor a lone value (checkValueAgainstMember), is another rule's. */
const NOTHING_OWNED: OwnedElsewhere = { values: [], missingMembers: new Map() };

/**
 * Judges each argument an SDK sends unchanged (see SdkRequest.arguments) against the API model's
 * member at its path, as that member's value in a whole request is judged: type, enum (the
 * nearest values as fixes), limits and pattern. Messages name the argument and the member:
 * `"ml.m5.xlarg" is not a valid instance_type (ResourceConfig.InstanceType): …`.
 */
export function checkSdkArguments(context: RuleContext, model: ApiModel, sdkArguments: readonly SdkArgument[]): void {
  const validator = new ModelValidator(context, NOTHING_OWNED);
  for (const argument of sdkArguments) {
    const shape = model.shapeAt(argument.kind, argument.path);
    const member = argument.member ?? memberLabel(argument.path);
    if (shape) validator.value(argument.value, shape, `${argument.keyword} (${member})`);
  }
}

/** A missing member's message, with the member shape it was built for (the type it names). */
interface MissingMessage {
  member: Shape;
  message: string;
}

/** The missing-member messages of objects with one label, by member name. */
interface MissingMessages {
  label: string;
  byName: Map<string, MissingMessage>;
}

class ModelValidator {
  private readonly text: string;
  /** Looked up once: the walk asks for every node. */
  private readonly enabled: Record<'unknown' | 'missing' | 'type' | 'enum' | 'range' | 'pattern' | 'duplicate' | 'resourceId', boolean>;

  /** A request whose structure its host validates (CloudFormation): values only, strings for numbers accepted. */
  private readonly valuesOnly: boolean;

  constructor(
    private readonly context: RuleContext,
    private readonly owned: OwnedElsewhere,
    /** The request object, and the members of it its workflow supplies (counted present). */
    private readonly root?: Node,
    private readonly supplied?: ReadonlySet<string>,
    /** The response of the kind's Describe operation: its members at the top level are named as such. */
    private readonly describe?: DescribeResponse,
    /** The requests whose top-level members are easily written into this one (see SIBLING_REQUESTS). */
    private readonly siblings: readonly (SiblingRequest & { shape: StructureShape })[] = [],
    /** Judge as a template's values, whatever the request says (checkValueAgainstMember). */
    valuesOnly = false,
  ) {
    this.text = context.spec.text;
    this.valuesOnly = valuesOnly || context.spec.valuesOnly === true;
    this.enabled = {
      unknown: !this.valuesOnly && context.isEnabled('unknown-property'),
      // A document the parser did not read whole (a YAML syntax error) may hold the member after all.
      missing: !this.valuesOnly && !context.spec.incomplete && context.isEnabled('missing-required-property'),
      type: context.isEnabled('invalid-type'),
      enum: context.isEnabled('invalid-enum-value'),
      range: !this.valuesOnly && context.isEnabled('value-out-of-range'),
      pattern: context.isEnabled('pattern-mismatch'),
      duplicate: context.isEnabled('duplicate-key'),
      resourceId: context.isEnabled('invalid-resource-id'),
    };
  }

  /** Checks `node` against `shape`; `name` is the member it belongs to, for messages. */
  value(node: Node, shape: Shape, name: string): void {
    if (isDynamic(node)) {
      // Computed later: nothing to say about it now, except by its declared type and through
      // values written elsewhere (a default, the values it may take).
      const { declaredType, choices, yamlReadings } = node as RequestNode;
      if (declaredType && !fitsDeclaredType(shape, declaredType.type)) return this.wrongDeclaredType(node, shape, name, declaredType);
      if (yamlReadings && !this.valuesOnly && this.enabled.type && !yamlReadings.some((reading) => fitsYamlReading(shape, reading))) return this.wrongYamlReadings(node, shape, name, yamlReadings);
      const standIn = standInOf(node);
      if (standIn && !isDynamic(standIn)) this.value(standIn, shape, name);
      if (choices) for (const choice of choices) if (choice !== standIn && !isDynamic(choice)) this.value(choice, shape, name);
      return;
    }
    // A value of no JSON type (the AWS CLI's reading of a YAML date): no member takes it.
    if ((node as RequestNode).reading?.foreign) return this.wrongType(node, shape, name);
    if (this.valuesOnly && node.type === 'string' && writtenAsString(node.value as string, shape)) return;
    // The other way too: a number or boolean in a string member is sent as a string, judged as that
    // string where it is certain and accepted unjudged where it is not.
    if (this.valuesOnly && shape.type === 'string' && (node.type === 'number' || node.type === 'boolean')) {
      const sent = stringCloudFormationSends(this.literal(node), node.type);
      if (sent !== undefined) this.string(node, shape, name, undefined, sent);
      return;
    }
    if (this.owned.values.length > 0 && this.owned.values.includes(node)) {
      this.children(node, shape, name);
      return;
    }
    switch (shape.type) {
      case 'structure':
        if (node.type === 'object') this.structure(node, shape);
        else this.wrongType(node, shape, name);
        return;
      case 'list':
        if (node.type !== 'array') return this.wrongType(node, shape, name);
        this.count(node, node.children ?? [], shape, name);
        this.children(node, shape, name);
        return;
      case 'map':
        if (node.type === 'object') this.map(node, shape, name);
        else this.wrongType(node, shape, name);
        return;
      case 'string':
        if (node.type === 'string') this.string(node, shape, name);
        else this.wrongType(node, shape, name);
        return;
      case 'integer':
      case 'long':
        if (node.type === 'number' && isIntegerLiteralAt(this.text, node)) this.number(node, shape, name);
        else this.wrongType(node, shape, name);
        return;
      case 'float':
      case 'double':
        if (node.type === 'number') this.number(node, shape, name);
        else this.wrongType(node, shape, name);
        return;
      case 'boolean':
        if (node.type !== 'boolean') this.wrongType(node, shape, name);
        return;
    }
  }

  /** Children of a value another rule owns: the value itself is not ours, its contents are. */
  private children(node: Node, shape: Shape, name: string): void {
    if (shape.type === 'list' && node.type === 'array') {
      const itemName = `${name} item`;
      const items = node.children ?? [];
      for (let index = 0; index < items.length; index++) this.value(items[index], shape.member, itemName);
    }
  }

  // No closure here: one capturing `present` made every call allocate a context for it, even
  // when never created (4,000 empty list items made 160 KB of them per analysis).
  structure(node: Node, shape: StructureShape): void {
    const properties = node.children ?? [];
    // The names present: a small object (most of a request) is scanned for them, a larger one
    // keeps a Set. A Set per object was most of the walk's garbage on a 200-task state machine.
    const present = properties.length > SMALL_OBJECT ? new Set<string>() : undefined;
    let names: Set<string> | undefined;
    // Required names an unknown key is clearly a typo of (`TrainingJobNme`): its finding and fix say it, not a second finding.
    let misspelt: Set<string> | undefined;
    for (let index = 0; index < properties.length; index++) {
      const property = properties[index];
      const key = property.children?.[0];
      if (!key || typeof key.value !== 'string') continue;
      const name = key.value;
      const seen = present ? present.has(name) : hasKeyBefore(properties, index, name);
      if (seen) this.duplicateKey(key, name);
      else present?.add(name);
      const member = shape.members.get(name);
      if (!member) {
        if (!hasOpenMembers(node)) {
          // Every name of a large object, for the renames: `present` holds only those before this key.
          if (properties.length > SMALL_OBJECT) names ??= writtenKeyNames(properties);
          const meant = this.unknownMember(key, name, shape, properties, names);
          if (meant !== undefined) (misspelt ??= new Set()).add(meant);
        }
        continue;
      }
      // While typing, `"Name":` has no value yet: nothing to check.
      const value = property.children?.[1];
      if (!value) continue;
      this.value(value, member, name);
      if (this.enabled.resourceId && (member.type === 'string' || member.type === 'list')) {
        const idMember = resourceIdMember(name);
        if (idMember) checkResourceIdMember(this.context, node, name, value, idMember);
      }
    }
    if (this.enabled.missing && !hasOpenMembers(node) && lacksAny(present, properties, shape.requiredList)) {
      const ownedMissing = this.owned.missingMembers.get(node);
      const supplied = node === this.root ? this.supplied : undefined;
      const required = shape.requiredList;
      // Where the findings go (the key naming the object, else its `{`: the root, list items) and
      // its label's messages: worked out once for all its missing members.
      let range: OffsetRange | undefined;
      let messages: MissingMessages | undefined;
      for (let index = 0; index < required.length; index++) {
        const name = required[index];
        if (isPresent(present, properties, name) || ownedMissing?.has(name) || supplied?.has(name) || misspelt?.has(name)) continue;
        if (!range || !messages) {
          const key = keyOfValue(node);
          range = key ? nodeRange(key) : anchorRange(node);
          messages = this.missingMessagesOf(node);
        }
        const member = shape.members.get(name)!;
        this.report('missing-required-property', this.missingMessage(messages, name, member), range, [new AddMemberFix(node, name, member)]);
      }
    }
  }

  private map(node: Node, shape: MapShape, name: string): void {
    const properties = node.children ?? [];
    this.count(node, properties, shape, name);
    const present = new Set<string>();
    const keyName = `A key of ${name}`;
    const valueName = `A value of ${name}`;
    for (let index = 0; index < properties.length; index++) {
      const property = properties[index];
      const key = property.children?.[0];
      if (!key || typeof key.value !== 'string') continue;
      if (present.has(key.value)) this.duplicateKey(key, key.value);
      else present.add(key.value);
      if (shape.key.type === 'string') this.string(key, shape.key, keyName, node);
      const value = property.children?.[1];
      if (value) this.value(value, shape.value, valueName);
    }
  }

  private duplicateKey(key: Node, name: string): void {
    if (this.enabled.duplicate) {
      // AWS CLI YAML input (checked with the CLI v2 in awsCliYamlParity.test.ts): ruamel.yaml refuses the file.
      const consequence = this.context.spec.awsCliYaml ? 'the AWS CLI refuses the whole file ("Invalid YAML received") and sends nothing' : 'only one of them can take effect';
      this.report('duplicate-key', `"${clip(name)}" appears more than once in this ${this.context.spec.host === 'yaml' ? 'mapping' : 'object'}; ${consequence}.`, nodeRange(key));
    }
  }

  /**
   * `map`: the map whose key `node` is (a fix never renames it to another of its keys). `value`:
   * the string the host sends for the node (a template's `2024` is "2024"), its own by default.
   */
  private string(node: Node, shape: StringShape, name: string, map?: Node, value = node.value as string): void {
    if (shape.enumSet) {
      if (this.enabled.enum && !shape.enumSet.has(value)) this.invalidEnum(node, shape, name, value, map);
      return;
    }
    let lengthBroken = false;
    if ((shape.min !== undefined && value.length < shape.min) || (shape.max !== undefined && value.length > shape.max)) {
      // Limits count characters (code points); JavaScript's length counts UTF-16 units.
      const length = codePointCount(value);
      if ((shape.min !== undefined && length < shape.min) || (shape.max !== undefined && length > shape.max)) {
        lengthBroken = true;
        if (this.enabled.range) {
          this.report(
            'value-out-of-range',
            `${inListItem(node, name)} must have ${boundsText(shape.min, shape.max, 'character')}; it has ${length}.`,
            nodeRange(node),
          );
        }
      }
    }
    if (shape.pattern && this.enabled.pattern) this.pattern(node, shape, value, name, lengthBroken, map);
  }

  /**
   * One finding per broken constraint, as the service reports them: with a length already
   * reported, the pattern is a finding only when it fails for another reason (a character it
   * forbids), judged with its length quantifiers loosened; an empty value has nothing more to say.
   * The message says what is wanted in words where we have them; the raw pattern is the last resort.
   */
  private pattern(node: Node, shape: StringShape, value: string, name: string, lengthBroken: boolean, map: Node | undefined): void {
    const source = shape.pattern!;
    if (lengthBroken) {
      if (!breaksPatternBesidesLength(value, source)) return;
    } else {
      if (matchesPattern(source, value) !== false) return;
    }
    const replacement = lengthBroken ? undefined : withForbiddenCharactersReplaced(value, source);
    // A map key replaced by another key of the map would be there twice (`MY-VAR` → `MY_VAR` beside `MY_VAR`).
    const keyTaken = replacement !== undefined && map !== undefined && this.keysOf(map).has(replacement);
    const replaced = keyTaken ? undefined : replacement;
    // On a map key the fix gives a name: fix-all gives it once per map and round (`A-B` and `A.B` both become `A_B`).
    // (A value meant computed, a Step Functions `.$` forgotten, is read again where every finding is: literalExpressionFindings.ts.)
    const givesName = map !== undefined && replaced !== undefined ? { givesName: { within: map, name: replaced } } : {};
    const fixes: QuickFix[] = replaced !== undefined ? [{ title: `Use "${clip(replaced)}"`, intents: [intent.replaceValue(node, replaced)], preferred: true, ...givesName }] : [];
    const words = patternInWords(shape);
    const taken = keyTaken ? ` "${clip(replacement!)}", its nearest valid form, is a key of this map already.` : '';
    const member = inListItem(node, name);
    const message = (words ? `${member} must be ${words}.` : `${member} must match the pattern \`${source}\` as a whole.`) + taken;
    this.report('pattern-mismatch', message, nodeRange(node), fixes);
  }

  private number(node: Node, shape: NumberShape, name: string): void {
    if (!this.enabled.range) return;
    const value = node.value as number;
    // The service reads `integer` members as 32-bit and `long` as 64-bit integers, whatever the model's own bounds.
    const implicit = shape.type === 'integer' ? INT32 : undefined;
    const min = shape.min ?? implicit?.min;
    const max = shape.max ?? implicit?.max;
    const bound = min !== undefined && value < min ? min : max !== undefined && value > max ? max : undefined;
    const width = implicit && (shape.min === undefined || shape.max === undefined) ? ' (a 32-bit integer)' : '';
    if (bound !== undefined) {
      // The nearest limit is the likeliest meaning, but a guess at it: a count, a size or a time
      // moved to its limit changes cost and run time, so fix-all leaves it to the user.
      this.report('value-out-of-range', `${inListItem(node, name)} must be ${boundsText(min, max)}${width}; it is ${clip(this.literal(node))}.`, nodeRange(node), [
        { title: `Use ${bound}`, intents: [intent.replaceValue(node, bound)], preferred: true, changesBehaviour: true },
      ]);
    } else if (shape.type === 'long' && outsideInt64(this.literal(node))) {
      this.report('value-out-of-range', `${inListItem(node, name)} must be a 64-bit integer; ${clip(this.literal(node))} is too large.`, nodeRange(node));
    }
  }

  /** Item count of a list or entry count of a map against its limits. */
  private count(node: Node, items: readonly Node[], shape: ListShape | MapShape, name: string): void {
    if (!this.enabled.range) return;
    const count = items.length;
    const tooFew = shape.min !== undefined && count < shape.min;
    const tooMany = shape.max !== undefined && count > shape.max;
    if (!tooFew && !tooMany) return;
    const unit = lengthUnit(shape)!;
    // Too many: mark the items beyond the limit, so the user sees which ones do not fit.
    const range: OffsetRange = tooMany
      ? { offset: items[shape.max!].offset, length: items[count - 1].offset + items[count - 1].length - items[shape.max!].offset }
      : nodeRange(node);
    this.report('value-out-of-range', `${name} must have ${boundsText(shape.min, shape.max, unit)}; it has ${count}.`, range);
  }

  /** `properties`: the members of the key's object (`names`: the names it writes, for a large one), so a rename never names one it writes. */
  /** Reports an unknown member; returns the name its preferred fix renames it to (a clear typo), else undefined. */
  private unknownMember(key: Node, name: string, shape: StructureShape, properties: readonly Node[], names: ReadonlySet<string> | undefined): string | undefined {
    if (!this.enabled.unknown) return undefined;
    // A member of the Describe response (a saved response edited into a request, which `files` makes a
    // spec): the request does not take it, and the request member nearest in spelling is not what it means.
    const atRoot = key.parent?.parent === this.root;
    const sibling = atRoot ? this.siblings.find((candidate) => candidate.shape.members.has(name)) : undefined;
    if (sibling) {
      this.report('unknown-property', `"${clip(name)}" is a member of the ${sibling.kind} request, not of the ${this.context.spec.kind!} request: ${sibling.how}. Move it there.`, nodeRange(key), []);
      return undefined;
    }
    if (this.describe && atRoot && this.describe.members.has(name)) {
      const kind = this.context.spec.kind!;
      this.report('unknown-property', `"${clip(name)}" is a member of the ${this.describe.operation} response, not of the ${kind} request: remove it.`, nodeRange(key), []);
      return undefined;
    }
    // A JSONPath key in a JSONata state whose value has a JSONata form: the member it names, its value rewritten.
    const value = key.parent?.children?.[1];
    const asJsonata = this.context.spec.embedding?.pathKeyAsJsonata?.(name, value);
    if (asJsonata && value && shape.members.has(asJsonata.member) && !writesMember(names, properties, asJsonata.member)) {
      const required = shape.requiredList.includes(asJsonata.member) ? ' It is required.' : '';
      const fix: QuickFix = { title: `Change to "${asJsonata.member}": "${clip(asJsonata.value)}"`, intents: [intent.renameMember(key, asJsonata.member), intent.replaceValue(value, asJsonata.value)], preferred: true };
      this.report('unknown-property', `"${clip(name)}" is not a member of ${this.objectLabel(key.parent?.parent)}: a key ending in ".$" is JSONPath, and this state is JSONata. Did you mean "${asJsonata.member}" with the value ${asJsonata.value}?${required}`, nodeRange(key), [fix]);
      return asJsonata.member;
    }
    const nearest = closestSpellings(name, [...shape.members.keys()], NEAREST);
    // The host may read the key as something else (a JSONPath key in a JSONata state): then the rename is no sure fix.
    const hostNote = this.context.spec.embedding?.unknownKeyNote?.(name);
    // A name the object writes already is no fix: the object would have it twice, and only one
    // would be sent. One it has only through a merge key is: the key written here overrides it.
    const fixes: QuickFix[] = [];
    for (let index = 0; index < nearest.length; index++) {
      const candidate = nearest[index];
      if (writesMember(names, properties, candidate)) continue;
      fixes.push({ title: `Change to "${candidate}"`, intents: [intent.renameMember(key, candidate)], preferred: index === 0 && hostNote === undefined && isClearNearest(name, nearest) });
    }
    const nearestTaken = nearest.length > 0 && writesMember(names, properties, nearest[0]);
    const meant = fixes[0]?.preferred ? nearest[0] : undefined;
    const nearestMerged = nearest.length > 0 && !nearestTaken && isMergedMember(findProperty(key.parent?.parent, nearest[0]));
    const required = nearestMerged ? ` Written here, it overrides the one the merge key (<<) brings in.` : meant !== undefined && shape.requiredList.includes(meant) ? ' It is required.' : '';
    const suggestion = nearest.length === 0 ? '' : nearestTaken ? ` Did you mean "${nearest[0]}"? It is in this object already.` : ` Did you mean "${nearest[0]}"?${required}`;
    const note = hostNote ? ` ${hostNote}` : '';
    this.report('unknown-property', `"${clip(name)}" is not a member of ${this.objectLabel(key.parent?.parent)}.${suggestion}${note}`, nodeRange(key), fixes);
    return meant;
  }

  /**
   * Messages of missing members by label and name, built once: 4,000 empty items of one list
   * share two messages instead of building 8,000 strings (most of that shape's garbage).
   */
  private missingMessages: Map<string, MissingMessages> | undefined; // made on the first missing member: most requests have none

  private missingMessagesOf(object: Node): MissingMessages {
    const label = this.labelOf(object);
    this.missingMessages ??= new Map();
    let messages = this.missingMessages.get(label);
    if (!messages) this.missingMessages.set(label, (messages = { label, byName: new Map() }));
    return messages;
  }

  private missingMessage(messages: MissingMessages, name: string, member: Shape): string {
    const known = messages.byName.get(name);
    // Two objects with one label ("this object") may want one name with different types.
    if (known && (known.member === member || expectedType(known.member) === expectedType(member))) return known.message;
    const message = `${messages.label} needs "${name}" (${expectedType(member)}).`;
    messages.byName.set(name, { member, message });
    return message;
  }

  private invalidEnum(node: Node, shape: StringShape, name: string, value: string, map: Node | undefined): void {
    const allowed = shape.enum!;
    // An instance type the member does not take (`ml.t2.medium` for a transform job) gets the most alike it takes, not the nearest spelt.
    const nearest = shape.knownInstanceTypes ? nearestInstanceTypes(value, allowed, NEAREST, shape.knownInstanceTypes) : closestMatches(value, allowed, NEAREST);
    // Equally near values (`ml.m6.large`: ml.m5.large, ml.m6i.large, ml.m6g.large), or a value far
    // from all, are a guess: offered, none preferred, so fix-all leaves the choice to the user.
    // A real instance type the member does not take is no typo: which one to use instead is the user's choice.
    const elsewhere = shape.knownInstanceTypes?.has(value) === true;
    const unique = !elsewhere && isClearNearest(value, nearest);
    // A map key is never changed to another key of the map, nor a list item to another item of
    // its list (a Pipelines parameter's EnumValues would hold a choice twice); only the nearest value is preferred.
    const keys = map ? this.keysOf(map) : otherItemStrings(node);
    const fixes: QuickFix[] = [];
    for (let index = 0; index < nearest.length; index++) {
      if (!keys?.has(nearest[index])) fixes.push({ title: `Use "${nearest[index]}"`, intents: [intent.replaceValue(node, nearest[index])], preferred: index === 0 && unique });
    }
    const quoted = (entries: readonly string[]) => entries.map((entry) => `"${entry}"`).join(', ');
    // A long list: the nearest values alone, so the message names no other value than those offered.
    const advice =
      allowed.length <= 8
        ? `use one of ${quoted(allowed)}`
        : nearest.length > 0 && elsewhere
          ? `SageMaker offers ${clip(value)} for other members, not this one; the most alike ${enumValuesNoun(shape)} this one takes are ${quoted(nearest)}`
          : nearest.length > 0
          ? `the nearest ${enumValuesNoun(shape)} are ${quoted(nearest)}`
          : `use ${enumInWords(shape) ?? `one of ${allowed.length} values`}`;
    this.report('invalid-enum-value', `"${clip(value)}" is not a valid ${inListItem(node, name)}: ${advice}.${this.doubledPrefixNote(value, shape)}`, nodeRange(node), fixes);
  }

  /**
   * ` "ml." is written twice …` when `value` is a valid instance type with one `ml.` too many
   * (`ml.ml.m4.xlarge`): what the CDK's SageMaker tasks write for `new ec2.InstanceType('ml.m4.xlarge')`,
   * since they add the prefix themselves; said in CDK terms in a synthesized template.
   */
  private doubledPrefixNote(value: string, shape: StringShape): string {
    if (!value.startsWith('ml.ml.') || !shape.enumSet?.has(value.slice(3))) return '';
    const meant = value.slice(3);
    return this.context.spec.cdkSynthesized
      ? ` "ml." is written twice: the CDK's SageMaker tasks add "ml." to an ec2.InstanceType, so write new ec2.InstanceType('${meant.slice(3)}') (or InstanceType.of(…)).`
      : ` "ml." is written twice: "${meant}" is meant.`;
  }

  /** A dynamic value whose declared type the member does not take: on the value, with the host's fixes. */
  private wrongDeclaredType(node: Node, shape: Shape, name: string, declared: DeclaredType): void {
    if (!this.enabled.type) return;
    const expected = scalarTypeOf(shape);
    this.report('invalid-type', `${inListItem(node, name)} must be ${expectedType(shape)}, not ${declared.description}.`, nodeRange(node), expected ? declared.fixesFor(node, expected, shape.type === 'string' && !shape.enumSet) : []);
  }

  /**
   * A YAML plain scalar that no reader reads as the member's type (`yes` for an integer: true in
   * YAML 1.1, "yes" in 1.2). Fix: for a string member, the text quoted (what was written).
   */
  private wrongYamlReadings(node: Node, shape: Shape, name: string, readings: readonly YamlReading[]): void {
    const written = this.text.slice(node.offset, node.offset + node.length);
    const [yaml11, yaml12] = [readings.find((reading) => reading.version === '1.1'), readings.find((reading) => reading.version === '1.2')];
    const fixes: QuickFix[] = shape.type === 'string' ? [{ title: `Use the string "${clip(written)}"`, intents: [intent.replaceValue(node, written)], preferred: true }] : [];
    this.report('invalid-type', `${inListItem(node, name)} must be ${expectedType(shape)}, not \`${clip(written)}\`: YAML 1.1 readers take it as ${readingWords(yaml11)}, YAML 1.2 readers as ${readingWords(yaml12)}.`, nodeRange(node), fixes);
  }

  private wrongType(node: Node, shape: Shape, name: string): void {
    if (!this.enabled.type) return;
    const reading = (node as RequestNode).reading;
    const actual = reading?.foreign ?? describeJsonValue(node, this.literal(node));
    const note = reading ? ` ${reading.note}` : '';
    // A template takes a number or boolean written as a string ("1", "true"): saying "not a string" would mislead.
    const asString = this.valuesOnly && !reading && node.type === 'string' ? stringTemplatesTake(shape) : undefined;
    if (asString) {
      this.report('invalid-type', `${inListItem(node, name)} must be ${asString}, not "${clip(String(node.value))}".`, nodeRange(node), this.typeFixes(node, shape));
      return;
    }
    this.report('invalid-type', `${inListItem(node, name)} must be ${expectedType(shape)}, not ${actual}.${note}`, nodeRange(node), this.typeFixes(node, shape));
  }

  /**
   * Conversions that keep what the user meant: `"1"` → `1`, `1` → `"1"`, `"true"` → `true`,
   * `"[\"sh\", \"-c\"]"` → `["sh", "-c"]` (a string holding JSON text of the right type), `x` → `[x]`.
   */
  private typeFixes(node: Node, shape: Shape): QuickFix[] {
    const replace = (title: string, value: FixValue): QuickFix[] => [{ title, intents: [intent.replaceValue(node, value)], preferred: true }];
    // What the host says the writer meant (YAML 1.1's `yes` for true), when it fits.
    const meant = (node as RequestNode).reading?.meant;
    if (meant !== undefined && fitsShape(meant, shape, 0)) return replace(typeof meant === 'string' ? `Use the string "${clip(meant)}"` : `Use ${clip(String(meant))}`, meant);
    const literal = this.literal(node);
    const parsed = node.type === 'string' && (shape.type === 'list' || shape.type === 'structure' || shape.type === 'map') ? jsonTextOf(node.value as string, shape) : undefined;
    if (parsed !== undefined) {
      const what = shape.type === 'list' ? 'list' : 'object';
      const fixes = replace(`Use the ${what} the string holds: ${clip(String(node.value).trim())}`, parsed);
      // Wrapping stays on offer: the string may be meant as one item after all.
      if (shape.type === 'list') fixes.push({ title: 'Wrap the value in a list', intents: [intent.replaceValue(node, [node.value as string])] });
      return fixes;
    }
    switch (shape.type) {
      case 'integer':
      case 'long':
      case 'float':
      case 'double': {
        const text = node.type === 'string' ? String(node.value).trim() : node.type === 'number' ? String(node.value) : undefined;
        if (text === undefined || text.length > 64 || !/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return [];
        const number = Number(text);
        const integral = shape.type === 'integer' || shape.type === 'long';
        if (!Number.isFinite(number) || (integral && !Number.isSafeInteger(number))) return [];
        const newText = String(number);
        return newText === literal ? [] : replace(`Use the number ${clip(newText)}`, number);
      }
      case 'string':
        return node.type === 'number' || node.type === 'boolean' ? replace(`Use the string "${clip(literal)}"`, literal) : [];
      case 'boolean': {
        const text = node.type === 'string' ? String(node.value).trim() : undefined;
        return text === 'true' || text === 'false' ? replace(`Use ${text}`, text === 'true') : [];
      }
      case 'list':
        return node.type === 'null' ? [] : replace('Wrap the value in a list', [getNodeValue(node) as FixValue]);
      default:
        return [];
    }
  }

  /** The keys of each map with a key to judge, collected on first need (one Set per such map, not per key). */
  private mapKeys: WeakMap<Node, Set<string>> | undefined;

  private keysOf(map: Node): Set<string> {
    this.mapKeys ??= new WeakMap();
    let keys = this.mapKeys.get(map);
    if (!keys) this.mapKeys.set(map, (keys = writtenKeyNames(map.children ?? [])));
    return keys;
  }

  /** Labels of list items, one per list: a list of 4,000 items is labelled once, not 4,000 times. */
  private itemLabels: WeakMap<Node, string> | undefined; // made on first need, like missingMessages

  /** The object's label for a message, capitalized (it starts the sentence). */
  private labelOf(object: Node): string {
    const list = object.parent?.type === 'array' ? object.parent : undefined;
    let label = list && this.itemLabels?.get(list);
    if (label === undefined) {
      label = capitalize(this.objectLabel(object));
      if (list) (this.itemLabels ??= new WeakMap()).set(list, label);
    }
    return label;
  }

  /**
   * How messages name `object`. A request is named by its kind ("the CreateEndpoint request"),
   * whatever host it is in: not by the key it is under in a workflow (`Parameters`, `Arguments`:
   * the host's word, and one workflow holds several requests), and not as a bare "the request"
   * in a spec file or a boto3 call, where the kind is what the reader needs to place the member.
   */
  private objectLabel(object: Node | undefined): string {
    if (object !== undefined && object === this.root && this.context.spec.kind) return `the ${this.context.spec.kind} request`;
    return objectLabel(object);
  }

  private literal(node: Node): string {
    return this.text.slice(node.offset, node.offset + node.length);
  }

  private report(code: RuleCode, message: string, range: OffsetRange, fixes?: QuickFix[]): void {
    this.context.report(code, message, range, fixes);
  }
}

/**
 * `name` with the list item its object is (`InputDataConfig[1].ContentType`, `Tags[0].Value`), when
 * `node` is that member's value in an item of a named list: a member name alone does not say which
 * item a finding is about. Other names (`A value of Environment`, an SDK keyword) as they are.
 * Made only for a finding's message.
 */
function inListItem(node: Node, name: string): string {
  const property = node.parent;
  if (property?.type !== 'property' || property.children?.[0]?.value !== name) return name;
  const item = property.parent;
  const list = item?.parent;
  if (list?.type !== 'array') return name;
  const listKey = keyOfValue(list);
  if (typeof listKey?.value !== 'string') return name;
  return `${listKey.value}[${list.children?.indexOf(item!) ?? 0}].${name}`;
}

/** Longer strings are not read as JSON text for a fix (characters). */
const MAX_JSON_TEXT = 100_000;

/**
 * The value a string holds as JSON text (`"[\"sh\", \"-c\"]"`), when it parses and its JSON types
 * fit `shape` (items of a list included); undefined otherwise.
 */
function jsonTextOf(text: string, shape: Shape): FixValue | undefined {
  const trimmed = text.trim();
  if (trimmed.length > MAX_JSON_TEXT || !/^[[{]/.test(trimmed)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  return fitsShape(value, shape, 0) ? (value as FixValue) : undefined;
}

/** True when the JSON types of `value` are those `shape` asks for (members of objects unchecked). */
function fitsShape(value: unknown, shape: Shape, depth: number): boolean {
  if (depth > 32) return false;
  switch (shape.type) {
    case 'structure':
    case 'map':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'list':
      return Array.isArray(value) && value.every((item) => fitsShape(item, shape.member, depth + 1));
    case 'string':
      return typeof value === 'string';
    case 'integer':
    case 'long':
      return Number.isSafeInteger(value);
    case 'float':
    case 'double':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
  }
}

const INT32 = { min: -2147483648, max: 2147483647 };
const INT64_MAX = 9223372036854775807n;

function outsideInt64(literal: string): boolean {
  if (!/^-?\d{19,}$/.test(literal)) return false;
  const magnitude = BigInt(literal.replace('-', ''));
  return literal.startsWith('-') ? magnitude > INT64_MAX + 1n : magnitude > INT64_MAX;
}

/** A literal as messages quote it: long ones cut, so a message stays a line. */
function clip(literal: string): string {
  return literal.length > 40 ? `${literal.slice(0, 37)}…` : literal;
}

/** Code points in `value`, counted in place: spreading a 100 MB string into an array fails. */
function codePointCount(value: string): number {
  let count = value.length;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/**
 * **Add "Name"**, with the placeholder value built only when the fix is rendered: thousands of
 * incomplete list items must not cost thousands of placeholder trees and closures.
 */
class AddMemberFix implements QuickFix {
  constructor(private readonly object: Node, private readonly name: string, private readonly member: Shape) {}

  get title(): string {
    return `Add "${this.name}"`;
  }

  // Getters, not fields: the constants live once on the prototype rather than in each of thousands of fixes.
  get preferred(): boolean {
    return true;
  }

  get leavesPlaceholder(): boolean {
    return true;
  }

  get intents(): EditIntent[] {
    return [intent.setMember(this.object, [this.name], placeholderValue(this.member) as FixValue)];
  }
}

/** Objects with at most this many properties are scanned for a name rather than given a Set. */
const SMALL_OBJECT = 16;

/**
 * The string keys `properties` write: a member only merged in (`<<: *base`) is left out, since a
 * key written in the object overrides it (a rename onto its name takes nothing away).
 */
function writtenKeyNames(properties: readonly Node[]): Set<string> {
  const names = new Set<string>();
  for (const property of properties) {
    const key = property.children?.[0]?.value;
    if (typeof key === 'string' && !isMergedMember(property)) names.add(key);
  }
  return names;
}

/** True when one of `properties[0 … end)` has the key `name`. */
function hasKeyBefore(properties: readonly Node[], end: number, name: string): boolean {
  for (let index = 0; index < end; index++) if (properties[index].children?.[0]?.value === name) return true;
  return false;
}

/**
 * True when the object writes a member `name` itself (`names`: writtenKeyNames, for a large
 * object): a rename onto it would write it twice. One only merged in (`<<: *base`) is overridden.
 */
function writesMember(names: ReadonlySet<string> | undefined, properties: readonly Node[], name: string): boolean {
  if (names) return names.has(name);
  for (const property of properties) if (property.children?.[0]?.value === name && !isMergedMember(property)) return true;
  return false;
}

/** True when the object has a member `name`: in `present` when it keeps one, else among its properties. */
function isPresent(present: ReadonlySet<string> | undefined, properties: readonly Node[], name: string): boolean {
  return present ? present.has(name) : hasKeyBefore(properties, properties.length, name);
}

/** True when some of `names` is not a member of the object. */
function lacksAny(present: ReadonlySet<string> | undefined, properties: readonly Node[], names: readonly string[]): boolean {
  for (let index = 0; index < names.length; index++) if (!isPresent(present, properties, names[index])) return true;
  return false;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** isIntegerLiteral of the node's literal, read in place: every integer member of every request asks (no slice each). */
function isIntegerLiteralAt(text: string, node: Node): boolean {
  return isIntegerText(text, node.offset, node.offset + node.length);
}

function isIntegerLiteral(literal: string): boolean {
  return isIntegerText(literal, 0, literal.length);
}

/**
 * JSON parsers hand `1.0` and `1e3` to the service as floats, which an integer member rejects
 * (YAML's hexadecimal `0x1E` has an E but no exponent): text[start, end) has no `.`, `e` or `E`, or is hexadecimal.
 */
function isIntegerText(text: string, start: number, end: number): boolean {
  let index = start;
  if (text.charCodeAt(index) === MINUS || text.charCodeAt(index) === PLUS) index++;
  if (text.charCodeAt(index) === DIGIT_ZERO && text.charCodeAt(index + 1) === LOWER_X && index + 1 < end) return true;
  for (; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === DOT || code === LOWER_E || code === UPPER_E) return false;
  }
  return true;
}

/** What a JSON value is, for messages (`a string`, `a list`, `true`, `a number with a fraction or exponent`); `literal`: its source text. */
export function describeJsonValue(node: Node, literal: string): string {
  switch (node.type) {
    case 'object':
      return 'an object';
    case 'array':
      return 'a list';
    case 'string':
      return 'a string';
    case 'boolean':
      return literal;
    case 'null':
      return 'null';
    case 'number':
      return isIntegerLiteral(literal) ? 'a number' : 'a number with a fraction or exponent';
    default:
      return 'a value';
  }
}

/** The object a member belongs to, for messages: `"ResourceConfig"`, `an item of "Channels"`, `the request`. */
function objectLabel(object: Node | undefined): string {
  const key = object && keyOfValue(object);
  if (key) return `"${String(key.value)}"`;
  if (object?.parent?.type === 'array') {
    const listKey = keyOfValue(object.parent);
    return listKey ? `an item of "${String(listKey.value)}"` : 'this list item';
  }
  return object?.parent ? 'this object' : 'the request';
}

/** The scalar type a member's shape takes, if it is a scalar. */
function scalarTypeOf(shape: Shape): ScalarType | undefined {
  switch (shape.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'long':
      return 'integer';
    case 'float':
    case 'double':
      return 'float';
    case 'boolean':
      return 'boolean';
    default:
      return undefined;
  }
}

/** True when a value of the declared type is one `shape` takes (an integer is a float too). */
/** True when `reading` of a YAML scalar is a value of `shape`'s JSON type (an integer member takes a whole number only). */
function fitsYamlReading(shape: Shape, reading: YamlReading): boolean {
  switch (scalarTypeOf(shape)) {
    case 'string':
      return reading.type === 'string';
    case 'integer':
      return reading.type === 'number' && Number.isInteger(reading.value);
    case 'float':
      return reading.type === 'number';
    case 'boolean':
      return reading.type === 'boolean';
    default:
      // A list, object or map: no scalar is one, but that is said by the rules of what it holds.
      return true;
  }
}

/** A YAML reading in words: `true`, `the number 10`, `the string "yes"`. */
function readingWords(reading: YamlReading | undefined): string {
  if (!reading) return 'something else';
  switch (reading.type) {
    case 'string':
      return `the string "${clip(String(reading.value))}"`;
    case 'number':
      return `the number ${String(reading.value)}`;
    case 'boolean':
      return String(reading.value);
    case 'null':
      return 'null';
    default:
      return 'a value of no JSON type';
  }
}

function fitsDeclaredType(shape: Shape, declared: ScalarType): boolean {
  const expected = scalarTypeOf(shape);
  return expected === declared || (expected === 'float' && declared === 'integer');
}
