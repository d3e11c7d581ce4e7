/**
 * Helpers for the workflow hosts' tests (Pipelines definitions, Step Functions state machines):
 * read a JSON text as the editor and the checker do, analyse it, apply a fix, complete and hover.
 */
import type { CompletionResult } from '../../src/core/completion';
import { applyEdits, type Finding } from '../../src/core/findings';
import { analyzeDocument, readJsonDocument, requestAt } from '../../src/core/hostDocument';
import { hoverAt } from '../../src/core/hover';
import { completeInJsonHost } from '../../src/core/jsonHostCompletion';
import { renderFix } from '../../src/core/renderFix';
import type { RuleSettings } from '../../src/core/rules/ruleCodes';
import { analyzeOptions, apiModel, catalog } from './specTestKit';

export function analyzeWorkflow(text: string, inputs: { region?: string; rules?: RuleSettings; algorithms?: boolean } = {}): Finding[] {
  return analyzeDocument(readJsonDocument(text), analyzeOptions(inputs)).findings;
}

/** The text after applying `finding`'s fix titled `title` (else its preferred fix). */
export function applyWorkflowFix(text: string, finding: Finding, title?: string): string {
  const fix = title ? finding.fixes.find((candidate) => candidate.title === title) : finding.fixes.find((candidate) => candidate.preferred);
  if (!fix) throw new Error(`no fix ${title ?? '(preferred)'} among ${JSON.stringify(finding.fixes.map((candidate) => candidate.title))}`);
  const rendered = renderFix({ text, host: 'json' }, fix);
  if (!rendered) throw new Error(`fix "${fix.title}" did not render`);
  return applyEdits(text, rendered.edits);
}

/** Completion at the `|` in `marked` (removed), as the editor completes in a JSON workflow or template. */
export function completeWorkflow(marked: string, region = 'us-east-1'): CompletionResult | undefined {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return completeInJsonHost(readJsonDocument(text), offset, { catalog, apiModel, regionInputs: { regionSetting: region, env: {} } });
}

/** The hover Markdown one character into the first occurrence of `near`. */
export function hoverWorkflow(text: string, near: string): string | undefined {
  const offset = text.indexOf(near) + 1;
  const request = requestAt(readJsonDocument(text), offset);
  return request && hoverAt(request, offset, catalog, apiModel)?.markdown;
}

/**
 * A YAML template with one `AWS::SageMaker::Pipeline` whose `PipelineDefinitionBody: !Sub |` holds
 * `body` (lines of pipeline JSON), and a `Bucket` parameter the body may name as `${Bucket}`.
 */
export function pipelineBodyTemplate(body: string[]): string {
  return [
    'Parameters:',
    '  Bucket:',
    '    Type: String',
    'Resources:',
    '  Pipe:',
    '    Type: AWS::SageMaker::Pipeline',
    '    Properties:',
    '      PipelineName: p',
    '      RoleArn: arn:aws:iam::123456789012:role/SageMakerRole',
    '      PipelineDefinition:',
    '        PipelineDefinitionBody: !Sub |',
    ...body.map((line) => `          ${line}`),
    '',
  ].join('\n');
}
