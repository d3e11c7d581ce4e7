// API-model validation speed: our full analysis (parse + every rule) against
// vscode-json-languageservice's doValidation with an equivalent JSON Schema generated from the same
// data/api-model.json, on the ~2 KB and 1 MiB specs of scripts/lib/bench-fixtures.mjs.
//
//   node scripts/bench-api-model.mjs        (after `tsc -p .`; `npm run bench` includes it)
//
// scripts/bench.mjs imports runApiModelBench(). Aims (never asserted): ours at most half the JSON
// language service's time, and within 3× the bare parse. Prints medians and ratios.

import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { largeSpec, smallSpec } from './lib/bench-fixtures.mjs';
import { invokedDirectly } from './lib/invoked-directly.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** JSON Schema (draft-07) for one operation's input, one definition per model shape. */
export function jsonSchemaFor(model, operation, translatePattern) {
  const definitions = {};
  for (const [name, shape] of Object.entries(model.shapes)) definitions[name] = shapeSchema(shape, translatePattern);
  return { $schema: 'http://json-schema.org/draft-07/schema#', $ref: `#/definitions/${model.operations[operation]}`, definitions };
}

const ref = (name) => ({ $ref: `#/definitions/${name}` });

function shapeSchema(shape, translatePattern) {
  const bounds = (minKey, maxKey) => ({ ...(shape.min !== undefined && { [minKey]: shape.min }), ...(shape.max !== undefined && { [maxKey]: shape.max }) });
  switch (shape.type) {
    case 'structure':
      return {
        type: 'object',
        properties: Object.fromEntries(Object.entries(shape.members).map(([member, target]) => [member, ref(target)])),
        ...(shape.required && { required: shape.required }),
        additionalProperties: false,
      };
    case 'list':
      return { type: 'array', items: ref(shape.member), ...bounds('minItems', 'maxItems') };
    case 'map':
      return { type: 'object', propertyNames: ref(shape.key), additionalProperties: ref(shape.value), ...bounds('minProperties', 'maxProperties') };
    case 'string': {
      if (shape.enum) return { type: 'string', enum: shape.enum };
      const translated = shape.pattern ? translatePattern(shape.pattern) : undefined;
      // The same anchored, translated pattern we use: both sides check the same thing.
      return { type: 'string', ...bounds('minLength', 'maxLength'), ...(translated?.ok && { pattern: translated.source }) };
    }
    case 'integer':
    case 'long':
      return { type: 'integer', ...bounds('minimum', 'maximum') };
    case 'float':
    case 'double':
      return { type: 'number', ...bounds('minimum', 'maximum') };
    case 'boolean':
      return { type: 'boolean' };
    default:
      throw new Error(`bench-api-model: unknown shape type ${shape.type}`);
  }
}

/**
 * Median of `samples` timings, each the mean of `batch` calls: a 2 KB run takes microseconds, so
 * single calls would measure the timer and the garbage collector more than the work.
 */
function timeSync(fn, { samples, batch }) {
  const times = [];
  for (let i = 0; i < samples; i++) {
    const start = process.hrtime.bigint();
    for (let j = 0; j < batch; j++) fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6 / batch);
  }
  return medianOf(times);
}

async function timeAsync(fn, { samples, batch }) {
  const times = [];
  for (let i = 0; i < samples; i++) {
    const start = process.hrtime.bigint();
    for (let j = 0; j < batch; j++) await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6 / batch);
  }
  return medianOf(times);
}

function medianOf(times) {
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  return times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
}

/** Runs the comparison; returns the rows (ms medians) and prints a table unless `quiet`. */
export async function runApiModelBench({ quiet = false } = {}) {
  const { parseTree } = require('jsonc-parser');
  const jsonService = require('vscode-json-languageservice');
  const { TextDocument } = require('vscode-languageserver-textdocument');
  const { parseSpecDocument } = require(path.join(root, 'out/src/core/specDocument.js'));
  const { analyzeSpec } = require(path.join(root, 'out/src/core/analyze.js'));
  const { translatePattern } = require(path.join(root, 'out/src/core/apiModel/patterns.js'));
  const { loadCatalog, loadInstanceGpus } = require(path.join(root, 'out/src/node/loadCatalog.js'));
  const { loadApiModel } = require(path.join(root, 'out/src/node/loadApiModel.js'));

  const options = { catalog: loadCatalog(), apiModel: loadApiModel(), instanceGpus: loadInstanceGpus(), regionInputs: { env: { AWS_REGION: 'us-east-1' } } };
  const modelData = JSON.parse(fs.readFileSync(path.join(root, 'data', 'api-model.json'), 'utf8'));
  const schema = jsonSchemaFor(modelData, 'CreateTrainingJob', translatePattern);
  const service = jsonService.getLanguageService({});
  service.configure({ validate: true, allowComments: true, schemas: [{ uri: 'sagemaker-spec://create-training-job.schema.json', fileMatch: ['*.json'], schema }] });

  const rows = [];
  for (const [label, text, runs] of [
    ['2 KB', smallSpec(), { samples: 101, batch: 50 }],
    ['1 MiB', largeSpec(), { samples: 15, batch: 1 }],
  ]) {
    const document = TextDocument.create('file:///bench/spec.json', 'json', 1, text);
    // Both sides must agree on what they see; the 1 MiB spec is over the HyperParameters limit.
    const ours = analyzeSpec(parseSpecDocument(text), options).findings;
    const theirs = await service.doValidation(document, service.parseJSONDocument(document), { schemaValidation: 'error' });
    const warm = { samples: 3, batch: runs.batch };
    timeSync(() => parseTree(text), warm);
    const parse = timeSync(() => parseTree(text, [], { allowTrailingComma: true }), runs);
    timeSync(() => analyzeSpec(parseSpecDocument(text), options), warm);
    const full = timeSync(() => analyzeSpec(parseSpecDocument(text), options), runs);
    await timeAsync(() => service.doValidation(document, service.parseJSONDocument(document)), warm);
    const languageService = await timeAsync(() => service.doValidation(document, service.parseJSONDocument(document)), runs);
    rows.push({ label, bytes: Buffer.byteLength(text), parse, full, languageService, ourFindings: ours.length, theirFindings: theirs.length });
  }
  if (!quiet) printRows(rows);
  return rows;
}

function printRows(rows) {
  const ms = (value) => `${value.toFixed(value < 1 ? 3 : 2)} ms`;
  console.log('\nAPI-model validation vs vscode-json-languageservice (parse + validate, medians)');
  console.log('spec      bare parse    ours (all rules)  json-languageservice  ours/jsonLS  ours/parse  findings ours/jsonLS');
  for (const row of rows) {
    console.log(
      `${row.label.padEnd(8)}  ${ms(row.parse).padStart(10)}  ${ms(row.full).padStart(16)}  ${ms(row.languageService).padStart(20)}  ` +
        `${(row.full / row.languageService).toFixed(2).padStart(10)}×  ${(row.full / row.parse).toFixed(2).padStart(9)}×  ${row.ourFindings}/${row.theirFindings}`,
    );
  }
  console.log('aims: ours/jsonLS ≤ 0.50×, ours/parse ≤ 3×');
}

if (invokedDirectly(import.meta.url)) await runApiModelBench();
