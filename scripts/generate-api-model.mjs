// Generates data/api-model.json: the input shapes of the seven SageMaker Create operations we serve,
// from botocore's SageMaker service model (copied into reference/sagemaker-api), and, for each, the
// member names of its Describe operation's response (`aws sagemaker describe-training-job` output),
// so a saved response is told from a request.
//
//   node scripts/generate-api-model.mjs            write data/api-model.json
//   node scripts/generate-api-model.mjs --check    exit 1 when the committed file is stale
//
// The reference folder defaults to the in-repository copy `<repo>/reference`; set SAGEMAKER_SPEC_REFERENCE_DIR to
// use another one. The output is committed; the extension never reads the reference at run time.
//
// Only facts are kept: member names, required members, types, enums, min/max, patterns, list
// members and map keys/values. AWS's documentation strings are dropped on purpose: hover and
// messages use our own words. Patterns are copied verbatim (unanchored, Java flavoured); the core
// translates them for JavaScript (src/core/apiModel/patterns.ts).
//
// The walk is strict: a shape type or trait we do not know throws, so a new model feature cannot
// be dropped silently.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { invokedDirectly } from './lib/invoked-directly.mjs';

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(scriptDir, '..');

/** The requests the extension serves, in the order of src/core/specKind.ts. */
export const OPERATIONS = [
  'CreateTrainingJob',
  'CreateModel',
  'CreateEndpointConfig',
  'CreateEndpoint',
  'CreateProcessingJob',
  'CreateTransformJob',
  'CreateHyperParameterTuningJob',
];

const SCALAR_TYPES = new Set(['string', 'integer', 'long', 'float', 'double', 'boolean']);
/** Traits we copy, per shape type; `documentation` and `box` are dropped, anything else throws. */
const KEPT_TRAITS = {
  structure: ['required'],
  list: ['min', 'max'],
  map: ['min', 'max'],
  string: ['min', 'max', 'pattern', 'enum'],
  integer: ['min', 'max'],
  long: ['min', 'max'],
  float: ['min', 'max'],
  double: ['min', 'max'],
  boolean: [],
};
const DROPPED_TRAITS = new Set(['documentation', 'box', 'type', 'members', 'member', 'key', 'value']);
const MEMBER_TRAITS = new Set(['shape', 'documentation', 'box']);

export function defaultReferenceDir() {
  return process.env.SAGEMAKER_SPEC_REFERENCE_DIR
    ? path.resolve(process.env.SAGEMAKER_SPEC_REFERENCE_DIR)
    : path.resolve(repoRoot, 'reference');
}

function fail(where, problem) {
  throw new Error(`generate-api-model: ${where}: ${problem}`);
}

/** Reads service-2.json and returns the compact model (a plain object). */
export function buildApiModel(referenceDir = defaultReferenceDir()) {
  const file = path.join(referenceDir, 'sagemaker-api', 'service-2.json');
  const service = JSON.parse(fs.readFileSync(file, 'utf8'));
  const source = readSource(referenceDir, service);
  const shapes = {};

  const visit = (name) => {
    if (shapes[name]) return;
    const shape = service.shapes[name];
    if (!shape) fail(name, 'missing shape');
    const type = shape.type;
    const kept = KEPT_TRAITS[type];
    if (!kept) fail(name, `unsupported shape type ${type}`);
    for (const trait of Object.keys(shape)) {
      if (!kept.includes(trait) && !DROPPED_TRAITS.has(trait)) fail(name, `unknown trait ${trait}`);
    }
    const compact = { type };
    shapes[name] = compact; // before recursing: shapes can be recursive
    if (type === 'structure') {
      if (shape.required?.length) compact.required = [...shape.required];
      compact.members = {};
      for (const [member, target] of Object.entries(shape.members)) {
        for (const trait of Object.keys(target)) if (!MEMBER_TRAITS.has(trait)) fail(`${name}.${member}`, `unknown member trait ${trait}`);
        compact.members[member] = target.shape;
        visit(target.shape);
      }
    } else if (type === 'list') {
      compact.member = shape.member.shape;
      visit(shape.member.shape);
    } else if (type === 'map') {
      compact.key = shape.key.shape;
      compact.value = shape.value.shape;
      visit(shape.key.shape);
      visit(shape.value.shape);
    } else if (!SCALAR_TYPES.has(type)) {
      fail(name, `unsupported shape type ${type}`);
    }
    for (const trait of kept) if (trait !== 'required' && shape[trait] !== undefined) compact[trait] = shape[trait];
  };

  const operations = {};
  const describeResponses = {};
  for (const operation of OPERATIONS) {
    const input = service.operations[operation]?.input?.shape;
    if (!input) fail(operation, 'no input shape');
    operations[operation] = input;
    visit(input);
    describeResponses[operation] = describeResponse(service, operation);
  }
  return { source, operations, shapes, describeResponses };
}

/**
 * Every Describe response requires it, and no request takes it: with the resource's ARN, every saved
 * response has two members no request takes, which is what marks one (src/core/specKind.ts).
 */
const CREATION_TIME = 'CreationTime';

/**
 * The Describe operation of a Create operation (`DescribeTrainingJob`) and its response's members:
 * `arnMember`, the resource's ARN, is what the Create operation returns (its response's one
 * required member) and the Describe response requires too; `members` are all of its member
 * names, sorted. Throws when the model no longer has that shape, so the rule is never silently lost.
 */
function describeResponse(service, operation) {
  const describe = `Describe${operation.slice('Create'.length)}`;
  const created = service.shapes[service.operations[operation].output?.shape];
  const response = service.shapes[service.operations[describe]?.output?.shape];
  if (!created || !response) fail(operation, `no ${describe} response`);
  const arnMembers = (created.required ?? []).filter((member) => (response.required ?? []).includes(member) && member.endsWith('Arn'));
  if (arnMembers.length !== 1) fail(operation, `expected one ARN member returned by ${operation} and required in the ${describe} response, found ${arnMembers.join(', ') || 'none'}`);
  if (!(response.required ?? []).includes(CREATION_TIME)) fail(describe, `the response does not require ${CREATION_TIME}`);
  return { operation: describe, arnMember: arnMembers[0], members: Object.keys(response.members).sort() };
}

function readSource(referenceDir, service) {
  const facts = { apiVersion: service.metadata.apiVersion };
  const shapesFile = path.join(referenceDir, 'sagemaker-api', 'request-shapes.json');
  if (fs.existsSync(shapesFile)) {
    const source = JSON.parse(fs.readFileSync(shapesFile, 'utf8')).source ?? {};
    for (const key of ['repository', 'commit', 'botocoreVersion', 'path', 'gitBlob']) {
      if (source[key] !== undefined) facts[key] = source[key];
    }
  }
  return facts;
}

/** One shape per line, sorted by name: small diffs when the model changes. */
export function serializeApiModel(model) {
  const names = Object.keys(model.shapes).sort();
  const lines = ['{'];
  lines.push(`"//": ${JSON.stringify("generated by scripts/generate-api-model.mjs from botocore's SageMaker service-2.json — do not edit")},`);
  lines.push(`"source": ${JSON.stringify(model.source)},`);
  lines.push(`"operations": ${JSON.stringify(model.operations)},`);
  lines.push('"describeResponses": {');
  const responses = Object.entries(model.describeResponses);
  responses.forEach(([operation, response], index) => lines.push(`  ${JSON.stringify(operation)}: ${JSON.stringify(response)}${index < responses.length - 1 ? ',' : ''}`));
  lines.push('},');
  lines.push('"shapes": {');
  names.forEach((name, index) => lines.push(`  ${JSON.stringify(name)}: ${JSON.stringify(model.shapes[name])}${index < names.length - 1 ? ',' : ''}`));
  lines.push('}', '}');
  return lines.join('\n') + '\n';
}

export function generateApiModel(referenceDir = defaultReferenceDir()) {
  return serializeApiModel(buildApiModel(referenceDir));
}

function main() {
  const referenceDir = defaultReferenceDir();
  const check = process.argv.includes('--check');
  const model = buildApiModel(referenceDir);
  const text = serializeApiModel(model);
  const file = path.join(repoRoot, 'data', 'api-model.json');
  if (check) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (current !== text) {
      console.error('data/api-model.json is stale: run npm run generate');
      process.exitCode = 1;
    }
  } else {
    fs.writeFileSync(file, text);
  }
  const types = {};
  for (const shape of Object.values(model.shapes)) types[shape.type] = (types[shape.type] ?? 0) + 1;
  console.log(`reference: ${referenceDir}`);
  console.log(`operations: ${OPERATIONS.length}; shapes: ${Object.keys(model.shapes).length} (${Object.entries(types).map(([t, n]) => `${t} ${n}`).join(', ')})`);
  console.log(`data/api-model.json: ${Buffer.byteLength(text)} bytes${check ? ' (checked, not written)' : ''}`);
}

if (invokedDirectly(import.meta.url)) main();
