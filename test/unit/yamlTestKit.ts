/**
 * Helpers for running the rules through the YAML host (AWS CLI input and CloudFormation
 * templates): analysis of a YAML text as the editor and the checker do it, and fixes rendered
 * as YAML and applied.
 */
import { applyEdits, type Finding } from '../../src/core/findings';
import { analyzeDocument, readJsonDocument, readYamlDocument } from '../../src/core/hostDocument';
import { renderFix } from '../../src/core/renderFix';
import { analyzeOptions, type AnalyzeInputs } from './specTestKit';

/** Every finding of a YAML text (`forced`: a `*.sagemaker.yaml` file). */
export function analyzeYaml(text: string, inputs: AnalyzeInputs = {}): Finding[] {
  return analyzeDocument(readYamlDocument(text, inputs.forced), analyzeOptions(inputs)).findings;
}

/** Every finding of a JSON CloudFormation template. */
export function analyzeJsonTemplate(text: string, inputs: AnalyzeInputs = {}): Finding[] {
  return analyzeDocument(readJsonDocument(text), analyzeOptions(inputs)).findings;
}

/** `text` after the preferred fix of `finding` (or the one titled `title`), rendered in `host`'s syntax. */
export function applyHostFix(text: string, finding: Finding, title?: string, host: 'yaml' | 'json' = 'yaml'): string {
  const fix = title ? finding.fixes.find((candidate) => candidate.title === title) : finding.fixes.find((candidate) => candidate.preferred);
  if (!fix) throw new Error(`no fix ${title ?? '(preferred)'} among ${JSON.stringify(finding.fixes.map((candidate) => candidate.title))}`);
  const rendered = renderFix({ text, host }, fix);
  if (!rendered) throw new Error(`fix "${fix.title}" did not render as ${host}`);
  return applyEdits(text, rendered.edits);
}
