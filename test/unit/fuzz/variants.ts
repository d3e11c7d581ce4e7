/**
 * The inputs the fuzz test feeds to the analysis: variants of the example specs. Four families, as
 * issue 9 lists them — truncations, character mutations, structure-aware mutations (a value
 * replaced by a value of another JSON type, a member duplicated with a wrong-typed first
 * occurrence), and fixed hostile shapes (deep nesting, a 1 MiB string, the issue's own inputs).
 * Everything is a pure function of (seed, iteration), so a failure replays from its seed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getNodePath, parseTree, type Node } from 'jsonc-parser';
import { Random } from './random';

export interface Example {
  /** File name in examples/, also the name the checker sees (it decides `forcedSpec`). */
  name: string;
  text: string;
}

export interface Variant {
  /** Which variant of the run: `iteration 57` or `fixed deep-nesting-7000`. */
  label: string;
  /** The example it was made from. */
  example: string;
  /** How it was made, short enough for a failure line: `truncate at 412`. */
  generator: string;
  text: string;
}

const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'examples');

/**
 * examples/*.sagemaker.json and *.sagemaker.jsonc (specs whatever their content, as the core side
 * assumes), sorted by name so a seed means the same on every machine.
 */
export function loadExamples(): Example[] {
  return fs
    .readdirSync(EXAMPLES_DIR)
    .filter((name) => /\.sagemaker\.jsonc?$/.test(name))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(EXAMPLES_DIR, name), 'utf8') }));
}

/** One value of each JSON type, including numbers JavaScript cannot hold exactly. */
export const JSON_TYPE_VALUES: readonly string[] = ['""', '"x"', '0', '1e400', '-1', String(2 ** 53), 'true', 'null', '[]', '{}', '[{}]'];

/** Characters the mutations insert: JSON punctuation, quotes, digits, escapes, unicode, controls. */
const MUTATION_TOKENS: readonly string[] = [
  '{', '}', '[', ']', ':', ',', '"', "'", '\\', '\\u', '\\"', '0', '7', '-', '.', 'e', '1e400',
  '/*', '*/', '//', ' ', '\n', '\r', '\t', '\u0000', '\u0001', '\u001b', '\u007f', '\u00e9', '\u2028',
  '\ufeff', '\ud83d\ude00', 'true', 'null',
];

const LARGE_STRING_LENGTH = 1024 * 1024;

/** The variant of `iteration` in the run of `seed`. */
export function randomVariant(examples: readonly Example[], seed: number, iteration: number): Variant {
  const random = Random.forIteration(seed, iteration);
  const example = random.pick(examples);
  const family = random.pick(['truncate', 'characters', 'replace-value', 'duplicate-member'] as const);
  let made: { generator: string; text: string };
  switch (family) {
    case 'truncate': {
      const at = random.int(0, example.text.length);
      made = { generator: `truncate at ${at}`, text: example.text.slice(0, at) };
      break;
    }
    case 'characters':
      made = mutateCharacters(random, example.text);
      break;
    case 'replace-value':
      made = replaceValue(random, example.text) ?? mutateCharacters(random, example.text);
      break;
    case 'duplicate-member':
      made = duplicateMember(random, example.text) ?? mutateCharacters(random, example.text);
      break;
  }
  return { label: `iteration ${iteration}`, example: example.name, generator: made.generator, text: asFileText(made.text) };
}

/** 1–4 inserts, deletes or replacements of one token at random places. */
function mutateCharacters(random: Random, original: string): { generator: string; text: string } {
  let text = original;
  const steps: string[] = [];
  const count = random.int(1, 4);
  for (let step = 0; step < count; step++) {
    const at = random.int(0, text.length);
    const token = random.pick(MUTATION_TOKENS);
    const operation = text.length === 0 ? 'insert' : random.pick(['insert', 'delete', 'replace'] as const);
    const removed = operation === 'insert' ? 0 : Math.min(random.int(1, 3), text.length - at);
    const inserted = operation === 'delete' ? '' : token;
    text = text.slice(0, at) + inserted + text.slice(at + removed);
    steps.push(operation === 'delete' ? `delete ${removed} at ${at}` : `${operation} ${JSON.stringify(token)} at ${at}`);
  }
  return { generator: `characters: ${steps.join('; ')}`, text };
}

/** Every value node below the root: member values and array elements. */
function valueNodes(root: Node | undefined): Node[] {
  const nodes: Node[] = [];
  const visit = (node: Node) => {
    for (const child of node.children ?? []) {
      const value = child.type === 'property' ? child.children?.[1] : child;
      if (!value) continue;
      nodes.push(value);
      visit(value);
    }
  };
  if (root) visit(root);
  return nodes;
}

function describePath(node: Node): string {
  return getNodePath(node).join('/') || '(root)';
}

/** A value anywhere in the tree replaced by one of each JSON type. */
function replaceValue(random: Random, text: string): { generator: string; text: string } | undefined {
  const nodes = valueNodes(parseTree(text, [], { allowTrailingComma: true }));
  if (nodes.length === 0) return undefined;
  const node = random.pick(nodes);
  const value = random.pick(JSON_TYPE_VALUES);
  return {
    generator: `replace value at ${describePath(node)} with ${value}`,
    text: text.slice(0, node.offset) + value + text.slice(node.offset + node.length),
  };
}

/** The JSON type of a literal from JSON_TYPE_VALUES, or of a node. */
function typeOfLiteral(literal: string): string {
  if (literal.startsWith('"')) return 'string';
  if (literal === 'true') return 'boolean';
  if (literal === 'null') return 'null';
  if (literal.startsWith('[')) return 'array';
  if (literal.startsWith('{')) return 'object';
  return 'number';
}

/** A member repeated just before itself, the first occurrence holding a value of another type. */
function duplicateMember(random: Random, text: string): { generator: string; text: string } | undefined {
  const members = valueNodes(parseTree(text, [], { allowTrailingComma: true }))
    .map((value) => value.parent)
    .filter((parent): parent is Node => parent?.type === 'property' && parent.children?.[0] !== undefined);
  if (members.length === 0) return undefined;
  const member = random.pick(members);
  const key = member.children![0];
  const valueType = member.children![1].type;
  const wrong = random.pick(JSON_TYPE_VALUES.filter((literal) => typeOfLiteral(literal) !== valueType));
  const first = `${text.slice(key.offset, key.offset + key.length)}: ${wrong}, `;
  return {
    generator: `duplicate ${describePath(member.children![1])} with first occurrence ${wrong}`,
    text: text.slice(0, member.offset) + first + text.slice(member.offset),
  };
}

/** `depth` nested arrays around `inner`. */
export function nested(depth: number, inner = '{}'): string {
  return '['.repeat(depth) + inner + ']'.repeat(depth);
}

/** Replaces the value at `memberPath` (names and indexes) of `text`; throws when it is absent. */
export function withValue(text: string, memberPath: readonly (string | number)[], literal: string): string {
  const node = valueNodes(parseTree(text, [], { allowTrailingComma: true })).find(
    (candidate) => getNodePath(candidate).join('/') === memberPath.join('/'),
  );
  if (!node) throw new Error(`fuzz fixture: no value at ${memberPath.join('/')}`);
  return text.slice(0, node.offset) + literal + text.slice(node.offset + node.length);
}

/**
 * The variants every run checks whatever its seed: fixed truncation points of each example, deep
 * nesting (100 levels where a quick fix inserts a member, 3,000 and 7,000 levels), a 1 MiB
 * InstanceType, and the inputs issue 9 names.
 */
export function fixedVariants(examples: readonly Example[]): Variant[] {
  const variants: Variant[] = [];
  const add = (name: string, example: string, generator: string, text: string) =>
    variants.push({ label: `fixed ${name}`, example, generator, text: asFileText(text) });
  for (const example of examples) {
    const length = example.text.length;
    for (const at of new Set([1, Math.floor(length / 3), Math.floor(length / 2), length - 1])) {
      add(`truncate-${example.name}-${at}`, example.name, `truncate at ${at}`, example.text.slice(0, at));
    }
  }
  const training = examples.find((example) => example.name === 'training-xgboost.sagemaker.json');
  const model = examples.find((example) => example.name === 'model-private-registry.sagemaker.json');
  if (!training || !model) throw new Error('fuzz fixtures: training-xgboost and model-private-registry examples are needed');
  // The missing S3OutputPath makes a fix insert a member into this object, beside 100 levels.
  add('deep-nesting-100-at-fix', training.name, 'OutputDataConfig = {"KmsKeyId": 100 nested arrays}',
    withValue(training.text, ['OutputDataConfig'], `{"KmsKeyId": ${nested(100)}}`));
  add('deep-nesting-100-on-one-line', training.name, 'OutputDataConfig = {} and HyperParameters = 100 nested arrays',
    withValue(withValue(training.text, ['HyperParameters'], nested(100)), ['OutputDataConfig'], '{}'));
  // Deep enough to be slow to format, not to overflow the stack, on the one line where the fix
  // for the missing TrainingJobName inserts it.
  const withoutName = JSON.parse(training.text) as Record<string, unknown>;
  delete withoutName.TrainingJobName;
  add('deep-nesting-3000-one-line', training.name, 'one line, no TrainingJobName, HyperParameters = 3,000 nested arrays',
    JSON.stringify({ ...withoutName, HyperParameters: '@' }).replace('"@"', nested(3000)));
  add('deep-nesting-7000', training.name, 'HyperParameters = 7,000 nested arrays', withValue(training.text, ['HyperParameters'], nested(7000)));
  add('deep-nesting-7000-objects', training.name, 'HyperParameters = 7,000 nested objects',
    withValue(training.text, ['HyperParameters'], '{"a":'.repeat(7000) + '0' + '}'.repeat(7000)));
  add('long-instance-type', training.name, 'ResourceConfig/InstanceType = a 1 MiB string',
    withValue(training.text, ['ResourceConfig', 'InstanceType'], JSON.stringify('ml.' + 'x'.repeat(LARGE_STRING_LENGTH - 3))));
  for (const literal of ['"x"', '""', '0', 'true', 'null', '[]']) {
    add(`training-image-config-${literal}`, training.name, `AlgorithmSpecification/TrainingImageConfig = ${literal}`,
      withValue(training.text, ['AlgorithmSpecification'], `{"TrainingImage": "registry.example.com/team/trainer:1", "TrainingImageConfig": ${literal}}`));
    add(`image-config-${literal}`, model.name, `PrimaryContainer/ImageConfig = ${literal}`,
      withValue(model.text, ['PrimaryContainer', 'ImageConfig'], literal));
  }
  add('duplicate-output-data-config', training.name, 'OutputDataConfig: "x" then OutputDataConfig: {}',
    '{"AlgorithmSpecification": {"TrainingImage": "382416733822.dkr.ecr.us-east-1.amazonaws.com/kmeans:1", "TrainingInputMode": "File"}, "OutputDataConfig": "x", "OutputDataConfig": {}}');
  add('docker-hub-namespace', training.name, 'AlgorithmSpecification/TrainingImage = "pytorch/pytorch:2.1.0"',
    withValue(training.text, ['AlgorithmSpecification', 'TrainingImage'], '"pytorch/pytorch:2.1.0"'));
  add('unclosed-comment', training.name, 'an unclosed comment, just "/*", at the end', `${training.text}/*`);
  return variants;
}

/**
 * What a file can hold and both the editor and the checker see alike: well-formed UTF-16 (a lone
 * surrogate cannot survive a UTF-8 file) and no leading byte-order mark (both drop it).
 */
function asFileText(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd').replace(/^\ufeff+/, '');
}
