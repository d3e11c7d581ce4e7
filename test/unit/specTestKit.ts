/**
 * Shared helpers for the core's unit tests: build specs, analyze them with the committed catalog,
 * read back the text a finding points at, and apply a quick fix.
 */
import { analyzeSpec, type AnalyzeOptions } from '../../src/core/analyze';
import type { Catalog } from '../../src/core/catalog/catalog';
import { applyEdits, type Finding, type QuickFix } from '../../src/core/findings';
import { renderFix, type RenderedFix } from '../../src/core/renderFix';
import type { RuleSettings } from '../../src/core/rules/ruleCodes';
import { parseSpecDocument } from '../../src/core/specDocument';
import { loadApiModel } from '../../src/node/loadApiModel';
import { loadAlgorithms } from '../../src/node/loadAlgorithms';
import { loadCatalog, loadInstanceGpus } from '../../src/node/loadCatalog';

export const catalog: Catalog = loadCatalog();
export const apiModel = loadApiModel();
export const instanceGpus = loadInstanceGpus();
export const algorithms = loadAlgorithms();

export interface AnalyzeInputs {
  /** An explicit target region (as `sagemakerSpec.region` would give). */
  region?: string;
  rules?: RuleSettings;
  forced?: boolean;
  /**
   * Check built-in algorithm jobs against data/algorithms.json, as the editor and the checker do.
   * Off by default: the other rules' tests use XGBoost and k-means images in requests that are not
   * complete algorithm jobs (no num_round, no train channel).
   */
  algorithms?: boolean;
  /** The regions templates are deployed to (`templateRegions`, `--template-region`). */
  templateRegions?: readonly string[];
  /** The template is a stack's that a CDK manifest lists (AnalyzeOptions.cdkStackTemplate). */
  cdkStackTemplate?: boolean;
}

/** The options every host's tests analyse with: the committed data, no environment, and `inputs`. */
export function analyzeOptions(inputs: AnalyzeInputs = {}): AnalyzeOptions {
  return {
    catalog,
    apiModel,
    instanceGpus,
    algorithms: inputs.algorithms ? algorithms : undefined,
    regionInputs: { regionSetting: inputs.region, env: {}, ...(inputs.templateRegions && { templateRegions: inputs.templateRegions }) },
    rules: inputs.rules,
    forcedSpec: inputs.forced,
    ...(inputs.cdkStackTemplate && { cdkStackTemplate: true }),
  };
}

export function analyzeText(text: string, inputs: AnalyzeInputs = {}): Finding[] {
  return analyzeSpec(parseSpecDocument(text), analyzeOptions(inputs)).findings;
}

/** The document text a finding points at. */
export function textAt(text: string, finding: Finding): string {
  return text.slice(finding.offset, finding.offset + finding.length);
}

export function only(findings: Finding[], code: string): Finding {
  const matching = findings.filter((finding) => finding.code === code);
  if (matching.length !== 1) {
    throw new Error(`expected exactly one ${code}, got: ${JSON.stringify(findings.map((finding) => finding.code))}`);
  }
  return matching[0];
}

export function codes(findings: Finding[]): string[] {
  return findings.map((finding) => finding.code).sort();
}

export function applyFix(text: string, finding: Finding, title?: string): string {
  const fix = title ? finding.fixes.find((candidate) => candidate.title === title) : finding.fixes.find((candidate) => candidate.preferred);
  if (!fix) throw new Error(`no fix ${title ?? '(preferred)'} among ${JSON.stringify(finding.fixes.map((candidate) => candidate.title))}`);
  return applyEdits(text, render(text, fix).edits);
}

/** The edits of `fix` rendered against `text`, failing the test when the fix does not render. */
export function render(text: string, fix: QuickFix): RenderedFix {
  const rendered = renderFix(parseSpecDocument(text), fix);
  if (!rendered) throw new Error(`fix "${fix.title}" did not render`);
  return rendered;
}

/** A CreateTrainingJob spec around one training image, pretty-printed like a real file. */
export function trainingSpec(image: string, extra: Record<string, unknown> = {}, algorithmExtra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      TrainingJobName: 'demo-job',
      RoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
      AlgorithmSpecification: { TrainingImage: image, TrainingInputMode: 'File', ...algorithmExtra },
      OutputDataConfig: { S3OutputPath: 's3://bucket/output' },
      ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      ...extra,
    },
    null,
    2,
  );
}

export function modelSpec(image: string, containerExtra: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      ModelName: 'demo-model',
      ExecutionRoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
      PrimaryContainer: { Image: image, ...containerExtra },
      ...extra,
    },
    null,
    2,
  );
}

export const XGBOOST_US_EAST_1 = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost';
export const KMEANS_US_EAST_1 = '382416733822.dkr.ecr.us-east-1.amazonaws.com/kmeans';
