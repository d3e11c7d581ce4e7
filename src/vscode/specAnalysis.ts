/**
 * Analysis results per document version, so diagnostics and code actions share one run of the
 * rules; settings or AWS config changes bump a generation that invalidates them all.
 */
import * as vscode from 'vscode';
import { analyzeDocument, type DocumentAnalysis, type HostDocument } from '../core/hostDocument';
import type { ApiModel } from '../core/apiModel/apiModel';
import type { Catalog } from '../core/catalog/catalog';
import type { AlgorithmTable } from '../core/algorithms/algorithmTable';
import type { InstanceGpuTable } from '../core/catalog/instanceGpus';
import type { RegionInputs } from '../core/region';
import { awsConfigPath, CachedTextFile } from '../node/awsConfigFiles';
import { loadApiModel } from '../node/loadApiModel';
import { loadAlgorithms } from '../node/loadAlgorithms';
import { loadCatalog, loadInstanceGpus } from '../node/loadCatalog';
import { Output } from './output';
import type { LiveRegistries } from './registry/liveRegistries';
import { readSettings } from './settings';
import type { ServedDocument, SpecDocuments } from './specDocuments';

export class SpecAnalysis {
  /**
   * Per host document: SpecDocuments reads one per document version (per document object: URIs of
   * untitled documents are reused), and one per notebook state, shared by all its cells.
   */
  private readonly results = new WeakMap<HostDocument, { generation: number; analysis: DocumentAnalysis; costMs: number }>();
  private generation = 0;
  private catalogInstance: Catalog | undefined;
  private readonly awsConfig = new CachedTextFile(() => awsConfigPath());
  /** Live registry answers, once registered; their arrival re-runs the analysis. */
  live: LiveRegistries | undefined;
  /** The "SageMaker" output channel (created on first write). */
  readonly output = new Output();
  private readonly loggedErrors = new Set<string>();

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

  get algorithms(): AlgorithmTable {
    return loadAlgorithms(this.dataDir);
  }

  get instanceGpus(): InstanceGpuTable {
    return loadInstanceGpus(this.dataDir);
  }

  /** Region inputs for a document (or, without one, the user's settings alone). */
  regionInputs(scope?: vscode.Uri): Omit<RegionInputs, 'specImageRegions'> {
    const settings = readSettings(scope);
    const templateRegions = settings.templateRegions && { templateRegions: settings.templateRegions, templateRegionsName: settings.templateRegionsName };
    return { regionSetting: settings.region, profileSetting: settings.profile, ...templateRegions, env: process.env, awsConfigText: this.awsConfig.get() };
  }

  /**
   * The findings of a document we serve (JSON spec, Python script), once per version and settings.
   * `costMs`: what producing them cost (reading the document plus the rules), in milliseconds, also
   * when they come from the cache; the diagnostics pace themselves by it (analysisPacing.ts).
   */
  analyze(document: vscode.TextDocument): { served: ServedDocument; analysis: DocumentAnalysis; costMs: number } | undefined {
    const served = this.documents.serve(document);
    if (!served) return undefined;
    const cached = this.results.get(served.document);
    if (cached && cached.generation === this.generation) return { served, analysis: cached.analysis, costMs: cached.costMs };
    const started = performance.now();
    // A cell's settings are its notebook file's (cell URIs have their own scheme).
    const scope = served.cell?.read.notebook.uri ?? document.uri;
    const analysis = analyzeDocument(served.document, {
      catalog: this.catalog,
      apiModel: this.apiModel,
      instanceGpus: this.instanceGpus,
      algorithms: this.algorithms,
      regionInputs: this.regionInputs(scope),
      rules: readSettings(scope).rules,
      forcedSpec: served.json?.forced,
      cdkStackTemplate: readSettings(scope).cdkStackTemplate,
      live: this.live?.cache,
      onInternalError: (rule, error) => this.internalError(`rule ${rule}`, error),
    });
    const costMs = (served.readMs ?? 0) + performance.now() - started;
    this.results.set(served.document, { generation: this.generation, analysis, costMs });
    if (served.json) this.live?.refreshForSpec(served.json.spec);
    // A workflow's requests (Pipelines steps, state machine tasks) are JSON too: their images' live tags as well.
    else if (served.document.host === 'json') for (const request of served.document.requests) this.live?.refreshForSpec(request);
    return { served, analysis, costMs };
  }

  /**
   * A bug of ours surfaced (a rule, a fix or a provider threw): logged to the output channel once
   * per distinct message, so the user can report it, and otherwise ignored.
   */
  internalError(where: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const key = `${where}: ${message}`;
    if (this.loggedErrors.has(key) || this.loggedErrors.size > 100) return;
    this.loggedErrors.add(key);
    const stack = error instanceof Error && error.stack ? `\n${error.stack.split('\n').slice(1, 6).join('\n')}` : '';
    this.output.line(`Internal error in ${where} (please report it): ${message}${stack}`);
  }

  /** Settings or the AWS config changed: every cached analysis is stale. */
  invalidateAll(): void {
    this.generation++;
    this.awsConfig.invalidate();
  }

  /** Results go with their host documents, which the documents' caches hold. */
  forget(document: vscode.TextDocument): void {
    this.documents.forget(document);
  }
}
