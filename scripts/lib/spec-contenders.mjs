// The two sides of bench.mjs's "parse vs. diagnostics" rows, each built inside its own worker
// thread by isolatedMedians: jsonc-parser's bare parse, and a spec's parse plus every rule.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { largeSpec, smallSpec } from './bench-fixtures.mjs';
import { checkerOptions } from './checker-options.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/** The spec texts by size name. */
const SPECS = { small: smallSpec, large: largeSpec };

/** Contender: jsonc-parser's parse of the spec, with the options the JSON host reads JSONC with. */
export function bareParse(size) {
  const { parseTree } = require('jsonc-parser');
  const text = SPECS[size]();
  return () => parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
}

/** Contender: what the editor does per version of a spec: parseSpecDocument and analyzeSpec with the checker's data (catalog, API model, GPU table, built-in algorithms). */
export function specDiagnostics(size) {
  const { parseSpecDocument } = require(path.join(root, 'out/src/core/specDocument.js'));
  const { analyzeSpec } = require(path.join(root, 'out/src/core/analyze.js'));
  const options = checkerOptions();
  const text = SPECS[size]();
  // The document is returned with its findings: the editor keeps both (see bench-worker.mjs).
  return () => {
    const document = parseSpecDocument(text);
    return { document, analysis: analyzeSpec(document, options) };
  };
}
