/**
 * Helpers for running the rules through the YAML host (AWS CLI input and CloudFormation
 * templates): analysis of a YAML text as the editor and the checker do it, fixes rendered as
 * YAML and applied, and completion and hover at a `|` cursor.
 */
import type { CompletionResult } from '../../src/core/completion';
import { applyEdits, type Finding } from '../../src/core/findings';
import { analyzeDocument, readJsonDocument, readYamlDocument, requestAt } from '../../src/core/hostDocument';
import { completeInYaml } from '../../src/core/hosts/yaml/yamlCompletion';
import { hoverAt, hoverThroughAlias } from '../../src/core/hover';
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
  const document = readYamlDocument(text);
  // On an alias, the hover of the value it reads, as the editor shows it.
  return hoverThroughAlias(document, offset, (at) => {
    const request = requestAt(document, at);
    return request && hoverAt(request, at, catalog, apiModel, algorithms);
  })?.markdown;
}

/** `lines`, each indented by `spaces` more. */
function indented(lines: readonly string[], spaces: number): string[] {
  return lines.map((line) => `${' '.repeat(spaces)}${line}`);
}

/** One resource of a template: its logical id, `Type`, and `Properties` lines written as at the top level. */
export interface TemplateResource {
  name: string;
  type: string;
  properties: readonly string[];
}

/**
 * A YAML CloudFormation template: the `head` lines as written (AWSTemplateFormatVersion,
 * Parameters, Mappings), then `Resources:` with one resource, its properties indented under
 * `Properties:`; ends with a newline.
 */
export function yamlTemplate(resource: TemplateResource, head: readonly string[] = []): string {
  return [...head, 'Resources:', `  ${resource.name}:`, `    Type: ${resource.type}`, '    Properties:', ...indented(resource.properties, 6), ''].join('\n');
}

/** A YAML template of one `AWS::SageMaker::Model` named Model whose PrimaryContainer's Image is `image` (YAML as written: a scalar, `!Sub …`). */
export function modelTemplate(image: string, head: readonly string[] = []): string {
  return yamlTemplate({ name: 'Model', type: 'AWS::SageMaker::Model', properties: ['ExecutionRoleArn: !GetAtt Role.Arn', 'PrimaryContainer:', `  Image: ${image}`] }, head);
}

/**
 * A YAML state machine file (`*.asl.yaml`) of one task state, Train, running
 * createTrainingJob.sync with the `parameters` lines (written as at the top level).
 */
export function trainingStateMachineYaml(parameters: readonly string[]): string {
  return ['StartAt: Train', 'States:', '  Train:', '    Type: Task', '    Resource: arn:aws:states:::sagemaker:createTrainingJob.sync', '    Parameters:', ...indented(parameters, 6), '    End: true', ''].join('\n');
}

/**
 * A YAML template of one state machine (`Flow` unless `name` says) whose Definition is one task
 * state, Train, running createTrainingJob.sync with the `parameters` lines (written as at the top
 * level); `properties` come before Definition (DefinitionSubstitutions), `head` before Resources.
 */
export function trainingFlowTemplate(parameters: readonly string[], options: { name?: string; properties?: readonly string[]; head?: readonly string[] } = {}): string {
  const definition = [
    'Definition:',
    '  StartAt: Train',
    '  States:',
    '    Train:',
    '      Type: Task',
    '      Resource: arn:aws:states:::sagemaker:createTrainingJob.sync',
    '      Parameters:',
    ...indented(parameters, 8),
    '      End: true',
  ];
  return yamlTemplate({ name: options.name ?? 'Flow', type: 'AWS::StepFunctions::StateMachine', properties: [...(options.properties ?? []), ...definition] }, options.head);
}

/** A YAML template whose model image has the region as a placeholder (`${AWS::Region}`), with the Deep Learning Containers account written out. */
export const DLC_TEMPLATE = modelTemplate('!Sub "763104351884.dkr.ecr.${AWS::Region}.amazonaws.com/pytorch-inference:2.6.0-gpu-py312"');
