/**
 * The request tree every rule reads: jsonc-parser's `Node` shape (object, array, property,
 * string, number, boolean, null with offsets), which the JSON host gets from jsonc-parser and
 * other hosts (Python, …) build from their own syntax trees, with offsets into their own text.
 * A few optional fields carry what only other hosts have; the JSON host sets none of them.
 */
import type { Node } from 'jsonc-parser';
import type { HostIntent, QuickFix } from './edits/editIntent';
import type { OffsetRange } from './jsonTree';

/**
 * A piece of a string template (a Python f-string or `.format`, CloudFormation's `!Sub`, …):
 * static text with the source offset of each of its characters, or a placeholder the host fills
 * in later.
 */
export type TemplatePart =
  | {
      kind: 'text';
      value: string;
      /** offsets[i]: source offset of value[i]; one more for the end. */
      offsets: readonly number[];
      /**
       * The string node whose decoded value holds `value` (whole, or from `writtenStart` on), where a
       * fix may edit this text (a Pipelines `Std:Join` item, a parameter's `DefaultValue` read for a
       * `Get`, the text of a CloudFormation `!Sub` between its placeholders): the template
       * rules then offer fixes that change text inside this one part (see TemplateReference.editAt).
       * Absent for text written once for several parts (a join's separator) or not as a string.
       */
      written?: Node;
      /** The index in `written`'s value where `value` starts: a `!Sub` string's text between placeholders (0 when absent). */
      writtenStart?: number;
    }
  | {
      kind: 'placeholder';
      offset: number;
      length: number;
      /** What the host knows of its value, when anything. */
      facts?: PlaceholderFacts;
      /** Who fills it in, and when (for hover); absent when nothing does (PlaceholderFacts.unfilled) or the host cannot say. */
      filledBy?: PlaceholderFiller;
    };

/**
 * Who fills a template's placeholder in, and when: CloudFormation at deployment (a `!Sub`'s
 * `${…}`, a `!Ref` or `!FindInMap` in a `!Join`, a state machine's DefinitionSubstitutions), Step
 * Functions when the state runs (`States.Format`'s `{}`, a JSONata operand), SageMaker Pipelines
 * when the pipeline runs (a `Get` in a `Std:Join`), the program when it runs (a Python f-string's
 * field), `docker build` (a Dockerfile build argument).
 */
export type PlaceholderFiller = 'deployment' | 'stateRun' | 'pipelineRun' | 'programRun' | 'build';

/**
 * A template as it reads with one part filled by another value (see RequestNodeExtras.templateChoices):
 * `choice` is that value's node (a parameter's `EnumValues` item), `template` the whole template
 * with the choice's text in that part.
 */
export interface TemplateChoice {
  choice: Node;
  template: readonly TemplatePart[];
}

/** What a host knows of a placeholder's value (a CloudFormation `${AWS::Region}`, a `!FindInMap` by region). */
export interface PlaceholderFacts {
  /** A few words on what fills it in, for hover: `the stack's region`, `parameter Tag (no default)`. */
  description: string;
  /** It is the region the request is deployed to (CloudFormation's `AWS::Region`). */
  deploymentRegion?: boolean;
  /** It is the account that deploys the stack (CloudFormation's `AWS::AccountId`). */
  deploymentAccount?: boolean;
  /** Its value is chosen by the deployment region from a table written in the document (a mapping keyed by `AWS::Region`). */
  /**
   * Nothing fills it in: a `${…}` left as text where no substitution reaches it (a CloudFormation
   * pseudo parameter in a state machine file, any `${…}` in a JSON spec's image). The value is
   * sent as written; `unfilled-placeholder` reports it, and the static text around it is checked.
   */
  unfilled?: boolean;
  perRegion?: RegionTableFacts;
}

/**
 * A table read by the deployment region: `!FindInMap [Table, !Ref AWS::Region, Key]` (the region
 * is the top-level key: each row is a map, `Key` read in it) or `!FindInMap [Table, TopKey, !Ref
 * AWS::Region]` (the region is the second-level key: each row is the value). Either way the rows
 * are the members of one object, keyed by region.
 */
export interface RegionTableFacts {
  table: string;
  /** Which key of the lookup is the region: `top` (`[Table, !Ref AWS::Region, Key]`) or `second` (`[Table, TopKey, !Ref AWS::Region]`). */
  regionLevel: 'top' | 'second';
  /** The key of the object whose members are the rows: the table's name in `Mappings` (`top`), or `TopKey` in the table (`second`). */
  rowsKey?: Node;
  /** The lookup's other key: the second-level key read from each row (`Account`, `top`), or the top-level key above the rows (`xgboost`, `second`). */
  key?: string;
  values: readonly RegionValue[];
  /** The lookup's `DefaultValue` (`[Table, …, {DefaultValue: …}]`): what regions without a row read, instead of failing. */
  fallback?: { value: Node; text: string | undefined };
}

/** One row of a table keyed by region: the region key and the value written for it. */
export interface RegionValue {
  region: string;
  /** The key node (the region as written). */
  key: Node;
  /** The value node: a string, a number written as the text it is, or anything else written there. */
  value: Node;
  /** The value's text; undefined when it is no literal scalar (a list, a map, `null`, a boolean, a number not written as the text it is). */
  text: string | undefined;
}

export interface RequestNodeExtras {
  /**
   * A value the host computes later (a Python call or name, a template): never reported as
   * wrong, and a member whose value is dynamic counts as present.
   */
  dynamic?: boolean;
  /**
   * An object that may have members nobody can see (Python `**kwargs` that do not resolve): no
   * missing-member or unknown-member findings on it.
   */
  openMembers?: boolean;
  /**
   * For a property: a member the object has only through a YAML merge key (`<<: *base`), written
   * in the merged mapping. A member the object writes itself overrides it (YAML 1.1 merge, as the
   * AWS CLI reads it), so a rename onto its name is no duplicate.
   */
  merged?: boolean;
  /** For strings and keys: where the content lies when it is not `offset + 1 … end - 1` (prefixes, triple quotes, bare keywords). */
  content?: OffsetRange;
  /** For strings: the source offset of each index of the decoded value (escapes, concatenated segments). */
  offsetOfIndex?: (index: number) => number;
  /**
   * For strings with `content`: the value is the source text at `content` character for character
   * (a YAML scalar without escapes or folded lines), so index i is at `content.offset + i`. Said
   * instead of an `offsetOfIndex` per string: a closure for each of a 1 MB YAML spec's 60,000
   * strings was two fifths of building its tree.
   */
  verbatim?: boolean;
  /** For a request's root: where findings on the request as a whole go (a call's name). */
  anchor?: OffsetRange;
  /** A dynamic string whose static parts are known: rules that those parts decide alone still apply. */
  template?: readonly TemplatePart[];
  /**
   * For strings assembled from text written elsewhere (a Dockerfile's `${TAG}` read from an ARG
   * default): the source range of the value's `[start, end)`, when `offsetOfIndex` cannot say it
   * (a part inside substituted text is shown on the whole `${TAG}`).
   */
  valueRange?: (start: number, end: number) => OffsetRange;
  /** Where substituted text stands in the source, and what a finding touching it should say (`ARG TAG's default 1.7-1`). */
  substitutions?: readonly Substitution[];
  /**
   * For a dynamic value whose default is written elsewhere in the document (a SageMaker Pipelines
   * parameter read with `{"Get": "Parameters.X"}`): that default's node. The value rules check
   * it in this value's place and report (and fix) on it.
   */
  standIn?: Node;
  /**
   * For a value read whole from one string written elsewhere, which the rules read through
   * `substitutions` (a template image `!Ref Image` whose parameter's `Default` is the image): that
   * string, where completion of the value edits.
   */
  writtenAt?: Node;
  /**
   * Other values the dynamic value may take, written elsewhere (a Pipelines parameter's
   * `EnumValues`): each is checked in its place too, as `standIn` is.
   */
  choices?: readonly Node[];
  /**
   * For a template one of whose parts a value written elsewhere fills (a Pipelines `Std:Join` of a
   * parameter with `EnumValues`): the template again for each other value that part may take,
   * with that value's node (where a finding about it is reported, see TemplateChoice).
   */
  templateChoices?: readonly TemplateChoice[];
  /** For a dynamic value whose JSON type the host declares (a Pipelines parameter's `Type`): see DeclaredType. */
  declaredType?: DeclaredType;
  /**
   * For a YAML plain scalar that YAML 1.1 and 1.2 readers read differently (`yes`, `012`), in a
   * file more than one reader may read (a state machine, a template): each reading. The value is
   * dynamic, and a type problem is reported only where every reading has it.
   */
  yamlReadings?: readonly YamlReading[];
  /**
   * For strings assembled from several written strings (a template's `!Sub` read through a
   * parameter's `Default`): the intents that make the value's `[start, end)` read `text`, on the
   * nodes that text is written in; undefined when no edit can. Fix rendering calls it for a
   * `replaceInString` intent on this node.
   */
  editAt?: (start: number, end: number, text: string) => readonly HostIntent[] | undefined;
  /** How the one program that reads this scalar takes it, where a writer may expect otherwise (see ValueReading). */
  reading?: ValueReading;
}

/**
 * A host's reading of a scalar that its reader takes otherwise than it may look (the AWS CLI
 * reads YAML 1.1's `yes` as the string "yes", `2024-01-01` as a date, an empty value as null).
 * A type problem on the node adds `note`, and offers `meant` when it fits the member.
 */
export interface ValueReading {
  /** One sentence: how the reader takes the text. */
  note: string;
  /** What the writer most likely meant (YAML 1.1's `yes`: true), when that can be told. */
  meant?: string | number | boolean;
  /** The value has no JSON type (`a date`), so no member takes it: what it is, for the message. */
  foreign?: string;
}

/** A scalar JSON type, as a host may declare a dynamic value's (`Integer` pipeline parameters give `integer`). */
export type ScalarType = 'string' | 'integer' | 'float' | 'boolean';

/**
 * The type a host declares for a dynamic value: whatever its default, the value is of `type` at
 * run time, so a member of another type is reported on the value itself.
 */
/** How one YAML version reads a plain scalar: `yes` is `true` in YAML 1.1, the string "yes" in 1.2. */
export interface YamlReading {
  version: '1.1' | '1.2';
  type: 'string' | 'number' | 'boolean' | 'null' | 'other';
  value?: string | number | boolean;
}

export interface DeclaredType {
  type: ScalarType;
  /** Words for messages: `the Integer pipeline parameter "Rounds"`. */
  description: string;
  /**
   * The host's fixes for `value` (a dynamic value of this type) in a member that takes
   * `expected`; none when it has none. `anyText`: the member takes any string (no enum), so a
   * conversion to text is a whole fix.
   */
  fixesFor(value: Node, expected: ScalarType, anyText: boolean): QuickFix[];
}

/** A placeholder of the source whose value the host filled in from elsewhere. */
export interface Substitution {
  /** The placeholder's source range (`${TAG}`). */
  range: OffsetRange;
  /** Where the value came from, as a finding's message tells it: `ARG TAG's default 1.7-1`. */
  note: string;
  /** What may give another value (for hover); `a build argument` when absent. */
  replacedBy?: string;
  /** The placeholder stands for no text: a finding that ends where it starts (an untagged image) is about it too. */
  empty?: boolean;
}

export type RequestNode = Node & RequestNodeExtras;

export function isDynamic(node: Node | undefined): boolean {
  return (node as RequestNode | undefined)?.dynamic === true;
}

/** The node the rules check for `node`: its stand-in when it has one (see RequestNodeExtras.standIn). */
export function standInOf(node: Node): Node | undefined {
  return (node as RequestNode).standIn;
}

/**
 * The nodes whose text gives `node`'s value: `node` itself when it is written in place, else
 * the string it is read from (writtenAt), or its stand-in and choices written elsewhere (a
 * parameter's default and allowed values) that are not dynamic in turn. Where completion and hover of a value work on the text the user wrote.
 */
export function writtenValuesOf(node: Node): Node[] {
  const { writtenAt } = node as RequestNode;
  if (writtenAt) return [writtenAt];
  return staticReadingsOf(node);
}

/**
 * The static values a rule judges for `node`: `node` itself when it is not dynamic, else its
 * stand-in and choices that are not dynamic in turn (a pipeline parameter's `DefaultValue` and
 * `EnumValues`, a template parameter's `Default` and `AllowedValues`), each reported in its own place.
 * Empty for a value nothing written tells.
 */
export function staticReadingsOf(node: Node | undefined): Node[] {
  if (!node) return [];
  if (!isDynamic(node)) return [node];
  const { standIn, choices } = node as RequestNode;
  const readings = standIn && !isDynamic(standIn) ? [standIn] : [];
  for (const choice of choices ?? []) if (choice !== standIn && !isDynamic(choice)) readings.push(choice);
  return readings;
}

/** True for a property the object has only through a merge key (see RequestNodeExtras.merged). */
export function isMergedMember(property: Node | undefined): boolean {
  return (property as RequestNode | undefined)?.merged === true;
}

export function hasOpenMembers(node: Node | undefined): boolean {
  return (node as RequestNode | undefined)?.openMembers === true;
}

/** The content range of a string or key (no quotes), else the whole node. */
export function contentRange(node: Node): OffsetRange {
  const extras = node as RequestNode;
  if (extras.content) return extras.content;
  if (node.type === 'string') return { offset: node.offset + 1, length: Math.max(0, node.length - 2) };
  return { offset: node.offset, length: node.length };
}

/** Where findings about `object` as a whole go when no key names it: its anchor, else its first character. */
export function anchorRange(object: Node): OffsetRange {
  return (object as RequestNode).anchor ?? { offset: object.offset, length: 1 };
}

/** A member path as messages write it: `ResourceConfig.InstanceType`, `InputDataConfig[0].ContentType`. */
export function memberPathText(path: readonly (string | number)[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}
