// Loads data/algorithms.json (the built-in algorithm facts) from disk, next to the catalog; the
// only place that reads it, so src/core stays free of I/O.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AlgorithmsData } from '../core/algorithms/algorithmData';
import { AlgorithmTable } from '../core/algorithms/algorithmTable';
import { findDataDir } from './loadCatalog';

const ALGORITHMS_FILE = 'algorithms.json';
const tables = new Map<string, AlgorithmTable>();

/** Parses data/algorithms.json; cached per folder. Throws when the file is missing or not JSON. */
export function loadAlgorithms(dataDir?: string): AlgorithmTable {
  const dir = path.resolve(dataDir ?? findDataDir());
  let table = tables.get(dir);
  if (!table) {
    table = new AlgorithmTable(JSON.parse(fs.readFileSync(path.join(dir, ALGORITHMS_FILE), 'utf8')) as AlgorithmsData);
    tables.set(dir, table);
  }
  return table;
}
