/**
 * The parsed view of one document, built once per document version and shared by diagnostics,
 * completion, hover and code actions.
 */
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { memberValue } from './jsonTree';
import { parseImageReference, type ParseResult } from './imageReference';
import { scanJson, type JsonScan } from './jsonScan';
import { detectSpecKind, mayNameSpecKind, type SpecKind } from './specKind';

/**
 * How the image in a field is used; it decides which rules and catalog scopes apply.
 * `reference`: an image reference outside any request field (a constant in a script): only the
 * host rules, and for SageMaker's own images the account and tag rules, apply; SageMaker may not
 * be the one pulling it, so no region or scope rule.
 */
export type ImageUsage = 'training' | 'inference' | 'processing' | 'tuning' | 'reference';

/** The syntax a document is written in: it decides how fixes are written and comments read. */
export type HostLanguage = 'json' | 'python' | 'yaml';

export interface ImageField {
  /** The value node of the image member (usually a string). */
  value: Node;
  usage: ImageUsage;
  /** The object that holds the image member (AlgorithmSpecification, a container, …). */
  holder: Node;
  /** The member path from the document root to `holder` (numbers index arrays). */
  holderPath: (string | number)[];
  /** The parsed reference; undefined when the value is not a string (a type problem, not ours). */
  parsed?: ParseResult;
}

export interface SpecDocument {
  text: string;
  /** The tree; undefined for empty text and for text nested deeper than MAX_NESTING_DEPTH. */
  root: Node | undefined;
  parseErrors: ParseError[];
  /** Set when nesting goes deeper than MAX_NESTING_DEPTH: the offset of the bracket that did. */
  tooDeepAt?: number;
  /** The request kind, or undefined when the top-level members do not tell. */
  kind: SpecKind | undefined;
  images: ImageField[];
  /** Absent means JSON. */
  host?: HostLanguage;
  /**
   * Images checked on their own, outside a whole request (an SDK class's `image_uri=`, a string
   * constant): only the image rules run, with each field's usage.
   */
  imagesOnly?: boolean;
  /**
   * The host validates the request's structure itself (a CloudFormation resource, which
   * CloudFormation and cfn-lint check as a whole): only value rules run — no missing or unknown
   * members, no length or number limits, and numbers and booleans written as strings accepted.
   */
  valuesOnly?: boolean;
  /**
   * The request is deployed to regions the text does not name (a CloudFormation template, set
   * up in many regions): without an explicit target region, a region placeholder in an image
   * stands for every region.
   */
  anyRegion?: boolean;
}

/**
 * The request kind of a JSON text from its top-level members, without building a tree: undefined
 * for text that is not a SageMaker request. A text search first, so large unrelated JSON files
 * (lock files, data) cost one pass of `indexOf` and nothing else.
 */
export function identifySpec(text: string): { kind: SpecKind | undefined; scan: JsonScan | undefined } {
  if (!mayNameSpecKind(text)) return { kind: undefined, scan: undefined };
  const scan = scanJson(text);
  return { kind: detectSpecKind(scan.topLevelMembers), scan };
}

/**
 * Parses a spec (any JSON text, in fact) into the view every feature shares. Text nested
 * deeper than MAX_NESTING_DEPTH is not parsed (`root` undefined, `tooDeepAt` set): the
 * recursive parser would overflow the stack. `scan` may be passed when already computed.
 */
export function parseSpecDocument(text: string, scan: JsonScan = scanJson(text)): SpecDocument {
  const kind = detectSpecKind(scan.topLevelMembers);
  if (scan.tooDeepAt !== undefined) return { text, root: undefined, parseErrors: [], tooDeepAt: scan.tooDeepAt, kind, images: [] };
  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
  const topLevel = root?.type === 'object' ? root : undefined;
  const images = kind && topLevel ? findImageFields(kind, topLevel) : [];
  return { text, root, parseErrors, kind, images };
}

/** The image fields of a request of `kind` whose top-level object is `root`. */
export function findImageFields(kind: SpecKind, root: Node): ImageField[] {
  const fields: ImageField[] = [];
  const add = (holder: Node | undefined, member: string, usage: ImageUsage, holderPath: (string | number)[]) => {
    const value = memberValue(holder, member);
    if (!holder || !value) return;
    const parsed = value.type === 'string' && typeof value.value === 'string' ? parseImageReference(value.value) : undefined;
    fields.push({ value, usage, holder, holderPath, parsed });
  };
  switch (kind) {
    case 'CreateTrainingJob':
      add(memberValue(root, 'AlgorithmSpecification'), 'TrainingImage', 'training', ['AlgorithmSpecification']);
      break;
    case 'CreateModel': {
      add(memberValue(root, 'PrimaryContainer'), 'Image', 'inference', ['PrimaryContainer']);
      const containers = memberValue(root, 'Containers');
      if (containers?.type === 'array') {
        containers.children?.forEach((container, index) => add(container, 'Image', 'inference', ['Containers', index]));
      }
      break;
    }
    case 'CreateProcessingJob':
      add(memberValue(root, 'AppSpecification'), 'ImageUri', 'processing', ['AppSpecification']);
      break;
    case 'CreateHyperParameterTuningJob': {
      const single = memberValue(root, 'TrainingJobDefinition');
      add(memberValue(single, 'AlgorithmSpecification'), 'TrainingImage', 'tuning', ['TrainingJobDefinition', 'AlgorithmSpecification']);
      const definitions = memberValue(root, 'TrainingJobDefinitions');
      if (definitions?.type === 'array') {
        definitions.children?.forEach((definition, index) =>
          add(memberValue(definition, 'AlgorithmSpecification'), 'TrainingImage', 'tuning', ['TrainingJobDefinitions', index, 'AlgorithmSpecification']),
        );
      }
      break;
    }
    default:
      break;
  }
  return fields;
}

/** The key node naming `holder` in its parent object, or undefined for array elements and the root. */
export function holderKey(holder: Node): Node | undefined {
  const property = holder.parent;
  return property?.type === 'property' ? property.children?.[0] : undefined;
}

/** The top-level object of a document, when it is an object. */
export function topLevelObject(spec: SpecDocument): Node | undefined {
  return spec.root?.type === 'object' ? spec.root : undefined;
}


/** Regions of the spec's Amazon ECR images, in document order (the fallback target region). */
export function specImageRegions(spec: SpecDocument): string[] {
  const regions: string[] = [];
  for (const image of spec.images) {
    if (image.parsed?.ok && image.parsed.reference.ecr) regions.push(image.parsed.reference.ecr.region.text);
  }
  return regions;
}
