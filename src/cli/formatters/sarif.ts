/**
 * SARIF 2.1.0, the format code-scanning services read (GitHub's upload-sarif action, Azure
 * DevOps, …). One run; the driver lists every rule with its summary, README link and default
 * level; each result points at its rule by id and index and at its file relative to
 * `%SRCROOT%` (the working folder), with a 1-based region. The unit tests validate the output
 * against the official SARIF 2.1.0 JSON Schema.
 */
import { pathToFileURL } from 'node:url';
import type { Severity } from '../../core/findings';
import { RULE_CODES, RULES, ruleDocsUrl, type RuleCode } from '../../core/rules/ruleCodes';
import type { FileReport } from '../report';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_NAME = 'sagemaker-spec';
export const TOOL_INFORMATION_URI = 'https://github.com/sagemaker-spec/sagemaker-spec';
const SOURCE_ROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

/** SARIF has three levels; information and hint are both "note". */
const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export interface SarifContext {
  cwd: string;
  version: string;
}

export function formatSarif(reports: readonly FileReport[], context: SarifContext): string {
  const ruleIndex = new Map<string, number>(RULE_CODES.map((code, index) => [code, index]));
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            informationUri: TOOL_INFORMATION_URI,
            version: context.version,
            semanticVersion: context.version,
            rules: RULE_CODES.map((code: RuleCode) => ({
              id: code,
              shortDescription: { text: RULES[code].summary },
              helpUri: ruleDocsUrl(code),
              defaultConfiguration: { level: LEVELS[RULES[code].severity] },
            })),
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(context.cwd) } },
        columnKind: 'utf16CodeUnits',
        results: reports.flatMap((report) =>
          report.findings.map((finding) => ({
            ruleId: finding.code,
            ...(ruleIndex.has(finding.code) ? { ruleIndex: ruleIndex.get(finding.code) } : {}),
            level: LEVELS[finding.severity],
            message: { text: finding.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifactLocation(report),
                  region: {
                    startLine: finding.line,
                    startColumn: finding.column,
                    endLine: finding.endLine,
                    endColumn: finding.endColumn,
                    charOffset: finding.offset,
                    charLength: finding.length,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** Relative to %SRCROOT% when inside the working folder, else an absolute file: URI. */
function artifactLocation(report: FileReport): { uri: string; uriBaseId?: string } {
  if (report.relativePath === undefined) return { uri: pathToFileURL(report.file).href };
  return { uri: report.relativePath.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

/** SARIF base URIs must end with a slash. */
function directoryUri(dir: string): string {
  const uri = pathToFileURL(dir).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}
