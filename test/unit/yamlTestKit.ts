/**
 * Helpers for running the rules through the YAML host (AWS CLI input and CloudFormation
 * templates): analysis of a YAML text as the editor and the checker do it, fixes rendered as
 * YAML and applied, and completion and hover at a `|` cursor.
 */
import type { CompletionResult } from '../../src/core/completion';
import { applyEdits, type Finding } from '../../src/core/findings';
import { analyzeDocument, readJsonDocument, readYamlDocument, requestAt } from '../../src/core/hostDocument';
import { completeInYaml } from '../../src/core/hosts/yaml/yamlCompletion';
import { hoverAt } from '../../src/core/hover';
import { renderFix } from '../../src/core/renderFix';
import { algorithms, analyzeOptions, apiModel, catalog, type AnalyzeInputs } from './specTestKit';

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

/**
 * Completion at the `|` in `textWithCursor`, read as the editor reads a YAML file (`forced`: a
 * `*.sagemaker.yaml`), with the built-in algorithm facts loaded as in the editor.
 */
export function completeYaml(textWithCursor: string, forced = false): CompletionResult | undefined {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return completeInYaml(readYamlDocument(text, forced), offset, { catalog, apiModel, algorithms, regionInputs: { env: {} } }, forced);
}

/**
 * The text after accepting the item `label` at the `|`, and the same with its snippet filled in as
 * the editor does when the user tabs through (the first choice, a default, or nothing typed).
 */
export function acceptYaml(textWithCursor: string, label: string, forced = false): { text: string; filled: string } {
  const item = completeYaml(textWithCursor, forced)?.items.find((candidate) => candidate.label === label);
  if (!item) throw new Error(`no item ${label}`);
  const text = applyEdits(textWithCursor.replace('|', ''), [item.edit]);
  const filled = item.snippet ? text.replace(/\$\{\d+\|([^,|]*)[^}]*\}|\$\{\d+:([^}]*)\}|\$\d+/g, (_, choice?: string, value?: string) => choice ?? value ?? '') : text;
  return { text, filled };
}

/** The hover Markdown at the `|` of a YAML text (with the built-in algorithm facts, as in the editor). */
export function hoverYaml(textWithCursor: string): string | undefined {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const request = requestAt(readYamlDocument(text), offset);
  return request && hoverAt(request, offset, catalog, apiModel, algorithms)?.markdown;
}

/** A YAML template whose model image has the region as a placeholder (`${AWS::Region}`), with the Deep Learning Containers account written out. */
export const DLC_TEMPLATE = [
  'Resources:',
  '  Model:',
  '    Type: AWS::SageMaker::Model',
  '    Properties:',
  '      ExecutionRoleArn: !GetAtt Role.Arn',
  '      PrimaryContainer:',
  '        Image: !Sub "763104351884.dkr.ecr.${AWS::Region}.amazonaws.com/pytorch-inference:2.6.0-gpu-py312"',
  '',
].join('\n');
