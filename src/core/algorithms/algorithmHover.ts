/**
 * Hover on a hyperparameter name of a built-in algorithm job: its type, bounds, default, the
 * versions that have it and where the facts come from. Plain Markdown; spec text is escaped.
 */
import type { Catalog } from '../catalog/catalog';
import type { HoverResult } from '../hover';
import { codeSpan, escapeMarkdown } from '../markdown';
import { nodeRange } from '../rules/ruleContext';
import type { SpecDocument } from '../specDocument';
import { hyperparameterDetail } from './algorithmCompletion';
import { algorithmJobs } from './algorithmJobs';
import type { AlgorithmTable } from './algorithmTable';

/** What the reference's source ids stand for, in our words. */
const SOURCES: Record<string, string> = {
  'xgb-container': 'the XGBoost container code',
  devguide: 'the SageMaker Developer Guide',
  'docs-live': 'the SageMaker Developer Guide',
  'python-sdk': 'the SageMaker Python SDK',
  'python-sdk-v2.0.0': 'the SageMaker Python SDK',
  examples: 'the SageMaker example notebooks',
};

export function hoverAlgorithm(spec: SpecDocument, offset: number, catalog: Catalog, table: AlgorithmTable): HoverResult | undefined {
  for (const job of algorithmJobs(spec, catalog, table)) {
    const map = job.hyperparameters;
    if (!map || offset < map.offset || offset >= map.offset + map.length) continue;
    for (const property of map.children ?? []) {
      const key = property.children?.[0];
      if (!key || offset < key.offset || offset >= key.offset + key.length || typeof key.value !== 'string') continue;
      const canonical = job.facts.canonicalName(key.value);
      if (canonical === undefined) return undefined;
      const hyperparameter = job.facts.hyperparameter(canonical)!;
      const lines = [`**${escapeMarkdown(canonical)}** — ${escapeMarkdown(job.facts.label)} hyperparameter`, '', escapeMarkdown(hyperparameterDetail(hyperparameter))];
      if (canonical !== key.value) lines.push('', `${codeSpan(key.value)} is an alias of ${codeSpan(canonical)}.`);
      if (hyperparameter.versions) lines.push('', `Only in versions ${escapeMarkdown(hyperparameter.versions.join(', '))}.`);
      if (hyperparameter.tuning) lines.push('', 'Tunable.');
      const sources = [...new Set(hyperparameter.sources.map((id) => SOURCES[id] ?? id))];
      lines.push('', `Source: ${escapeMarkdown(sources.join(', '))}${hyperparameter.evidence === 'container' ? ' (checked as errors)' : ' (checked as warnings)'}.`);
      return { markdown: lines.join('\n'), range: nodeRange(key) };
    }
  }
  return undefined;
}
