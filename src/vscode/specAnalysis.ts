/**
 * Analysis results per document version, so diagnostics and code actions share one run of the
 * rules; settings or AWS config changes bump a generation that invalidates them all.
 */
import * as vscode from 'vscode';
import { analyzeSpec, type Analysis } from '../core/analyze';
import type { ApiModel } from '../core/apiModel/apiModel';
import type { Catalog } from '../core/catalog/catalog';
import type { InstanceGpuTable } from '../core/catalog/instanceGpus';
import type { RegionInputs } from '../core/region';
import { awsConfigPath, CachedTextFile } from '../node/awsConfigFiles';
import { loadApiModel } from '../node/loadApiModel';
import { loadCatalog, loadInstanceGpus } from '../node/loadCatalog';
import type { LiveRegistries } from './registry/liveRegistries';
import { readSettings } from './settings';
import type { ServedSpec, SpecDocuments } from './specDocuments';

export class SpecAnalysis {
  /** Per document object (see SpecDocuments: URIs of untitled documents are reused). */
  private readonly results = new WeakMap<vscode.TextDocument, { version: number; generation: number; analysis: Analysis }>();
  private generation = 0;
  private catalogInstance: Catalog | undefined;
  private readonly awsConfig = new CachedTextFile(() => awsConfigPath());
  /** Live registry answers, once registered; their arrival re-runs the analysis. */
  live: LiveRegistries | undefined;

  constructor(readonly documents: SpecDocuments, private readonly dataDir: string) {}

  /** Loaded on first use, not at activation. */
  get catalog(): Catalog {
    this.catalogInstance ??= loadCatalog(this.dataDir);
    return this.catalogInstance;
  }

  /** The API model and GPU table, loaded (and cached) with the first analysis. */
  get apiModel(): ApiModel {
    return loadApiModel(this.dataDir);
  }

  get instanceGpus(): InstanceGpuTable {
    return loadInstanceGpus(this.dataDir);
  }

  /** Region inputs for a document (or, without one, the user's settings alone). */
  regionInputs(scope?: vscode.Uri): Omit<RegionInputs, 'specImageRegions'> {
    const settings = readSettings(scope);
    return { regionSetting: settings.region, profileSetting: settings.profile, env: process.env, awsConfigText: this.awsConfig.get() };
  }

  analyze(document: vscode.TextDocument): { served: ServedSpec; analysis: Analysis } | undefined {
    const served = this.documents.get(document);
    if (!served) return undefined;
    const cached = this.results.get(document);
    if (cached && cached.version === document.version && cached.generation === this.generation) return { served, analysis: cached.analysis };
    const analysis = analyzeSpec(served.spec, {
      catalog: this.catalog,
      apiModel: this.apiModel,
      instanceGpus: this.instanceGpus,
      regionInputs: this.regionInputs(document.uri),
      rules: readSettings(document.uri).rules,
      forcedSpec: served.forced,
      live: this.live?.cache,
    });
    this.results.set(document, { version: document.version, generation: this.generation, analysis });
    this.live?.refreshForSpec(served.spec);
    return { served, analysis };
  }

  /** Settings or the AWS config changed: every cached analysis is stale. */
  invalidateAll(): void {
    this.generation++;
    this.awsConfig.invalidate();
  }

  forget(document: vscode.TextDocument): void {
    this.results.delete(document);
    this.documents.forget(document);
  }
}
