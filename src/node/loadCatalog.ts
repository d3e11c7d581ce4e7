// Loads data/catalog.json and data/instance-gpus.json from disk. This is the only place that reads
// them; src/core stays free of I/O. The data folder sits at the repository (or extension) root, and
// this file runs from several depths: dist/extension.js (bundled), out/src/node/loadCatalog.js
// (tsc) and a CLI bundle, so the default folder is found by walking up from __dirname.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Catalog } from '../core/catalog/catalog';
import type { CatalogData, InstanceGpuData } from '../core/catalog/catalogData';
import { InstanceGpuTable } from '../core/catalog/instanceGpus';

const CATALOG_FILE = 'catalog.json';
const INSTANCE_GPUS_FILE = 'instance-gpus.json';
const MAX_LEVELS = 5;

const catalogs = new Map<string, Catalog>();
const gpuTables = new Map<string, InstanceGpuTable>();

/** The `data` folder next to one of __dirname's ancestors that holds catalog.json. */
export function findDataDir(startDir: string = __dirname): string {
  const tried: string[] = [];
  let dir = startDir;
  for (let level = 0; level <= MAX_LEVELS; level++) {
    const candidate = path.join(dir, '..', 'data');
    if (fs.existsSync(path.join(candidate, CATALOG_FILE))) return path.resolve(candidate);
    tried.push(path.resolve(candidate));
    dir = path.dirname(dir);
  }
  throw new Error(`sagemaker-spec: ${CATALOG_FILE} not found; looked in ${tried.join(', ')}`);
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** Parses data/catalog.json and builds the indexes; cached per folder. */
export function loadCatalog(dataDir?: string): Catalog {
  const dir = path.resolve(dataDir ?? findDataDir());
  let catalog = catalogs.get(dir);
  if (!catalog) {
    catalog = new Catalog(readJson<CatalogData>(path.join(dir, CATALOG_FILE)));
    catalogs.set(dir, catalog);
  }
  return catalog;
}

/** Parses data/instance-gpus.json (instance type → GPU count); cached per folder. */
export function loadInstanceGpus(dataDir?: string): InstanceGpuTable {
  const dir = path.resolve(dataDir ?? findDataDir());
  let table = gpuTables.get(dir);
  if (!table) {
    table = new InstanceGpuTable(readJson<InstanceGpuData>(path.join(dir, INSTANCE_GPUS_FILE)));
    gpuTables.set(dir, table);
  }
  return table;
}

/** Drops the caches (tests, or after regenerating the data). */
export function clearCatalogCache(): void {
  catalogs.clear();
  gpuTables.clear();
}
