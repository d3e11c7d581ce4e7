// The analysis options the checker uses, for the benchmarks' "ours" side: catalog, API model, GPU
// table and built-in algorithms, with a fixed region so figures never depend on the machine's AWS config.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/** `AnalyzeOptions` as the checker builds them (from out/, after `npx tsc -p .`), with AWS_REGION us-east-1. */
export function checkerOptions() {
  const { loadCatalog, loadInstanceGpus } = require(path.join(root, 'out/src/node/loadCatalog.js'));
  const { loadApiModel } = require(path.join(root, 'out/src/node/loadApiModel.js'));
  const { loadAlgorithms } = require(path.join(root, 'out/src/node/loadAlgorithms.js'));
  return { catalog: loadCatalog(), apiModel: loadApiModel(), instanceGpus: loadInstanceGpus(), algorithms: loadAlgorithms(), regionInputs: { env: { AWS_REGION: 'us-east-1' } } };
}

/** Our side's result: the document and its findings, both of which the editor keeps until the next version (see bench-worker.mjs). */
export function analyzedDocument(document, options) {
  const { analyzeDocument } = require(path.join(root, 'out/src/core/hostDocument.js'));
  return { document, analysis: analyzeDocument(document, options) };
}
