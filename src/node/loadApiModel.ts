// Loads data/api-model.json from disk (the core stays free of I/O); cached per data folder.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { ApiModel } from '../core/apiModel/apiModel';
import type { ApiModelData } from '../core/apiModel/apiModelData';
import { findDataDir } from './loadCatalog';

const API_MODEL_FILE = 'api-model.json';
const models = new Map<string, ApiModel>();

export function loadApiModel(dataDir?: string): ApiModel {
  const dir = path.resolve(dataDir ?? findDataDir());
  let model = models.get(dir);
  if (!model) {
    model = new ApiModel(JSON.parse(fs.readFileSync(path.join(dir, API_MODEL_FILE), 'utf8')) as ApiModelData);
    models.set(dir, model);
  }
  return model;
}
