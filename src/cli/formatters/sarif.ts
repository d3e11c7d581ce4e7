/**
 * SARIF 2.1.0, the format code-scanning services read (GitHub's upload-sarif action, Azure
 * DevOps, …). One run; the driver lists every rule with its summary, README link and default
 * level; each result points at its rule by id and index and at its file relative to
 * `%SRCROOT%` — the root of the git work tree the checker ran in (else the working folder), as
 * GitHub code scanning names files from the repository root — with a 1-based region (columns in
 * UTF-16 code units). A file outside `%SRCROOT%` gets an absolute `file:` URI. The unit tests
 * validate the output against the official SARIF 2.1.0 JSON Schema.
 *
 * The run's invocation says whether every file was analyzed (`executionSuccessful`) and carries a
 * tool execution notification per file (or folder) that could not be read, whose analysis failed or whose
 * `--fix` fixes could not be written (level error), that was skipped as too large (level note), or whose findings were cut at
 * MAX_FINDINGS_PER_FILE (level note, with the number left out). A run that stopped before its
 * report (exit 2: a usage error, nothing to check, an invalid config) is still a SARIF log: no
 * results, `executionSuccessful` false and one error notification with the message.
 */
import { pathToFileURL } from 'node:url';
import type { Severity } from '../../core/findings';
import { RULE_CODES, RULES, ruleDocsUrl, type RuleCode } from '../../core/rules/ruleCodes';
import { pathInside } from '../paths';
import { isIncomplete, MAX_FINDINGS_PER_FILE, type FileReport, type SkippedFile } from '../report';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_NAME = 'sagemaker-spec';
export const TOOL_INFORMATION_URI = 'https://github.com/sagemaker-spec/sagemaker-spec';
const SOURCE_ROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

/** SARIF has three levels; information and hint are both "note". */
const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export interface SarifContext {
  /** Absolute folder that `%SRCROOT%` stands for: the git work tree's root, else the working folder. */
  sourceRoot: string;
  version: string;
  /** Files found but not checked (too large). */
  skipped?: readonly SkippedFile[];
  /** Set when the run stopped before checking anything (exit 2: a usage error, no files, an invalid config). */
  runFailure?: RunFailure;
}

/** Why a run stopped: a notification descriptor id (`run-stopped`, `internal-error`) and the message stderr has. */
export interface RunFailure {
  id: string;
  message: string;
}

export function formatSarif(reports: readonly FileReport[], context: SarifContext): string {
  const ruleIndex = new Map<string, number>(RULE_CODES.map((code, index) => [code, index]));
  const locate = (file: string) => artifactLocation(file, context.sourceRoot);
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
        invocations: [
          {
            executionSuccessful: context.runFailure === undefined && !reports.some(isIncomplete),
            toolExecutionNotifications: [
              ...(context.runFailure ? [{ descriptor: { id: context.runFailure.id }, level: 'error', message: { text: context.runFailure.message } }] : []),
              ...reports.flatMap((report) => notifications(report, locate)),
              ...(context.skipped ?? []).map((skipped) => skippedNotification(skipped, locate)),
            ],
          },
        ],
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(context.sourceRoot) } },
        columnKind: 'utf16CodeUnits',
        results: reports.flatMap((report) =>
          report.findings.map((finding) => ({
            ruleId: finding.code,
            ...(ruleIndex.has(finding.code) ? { ruleIndex: ruleIndex.get(finding.code) } : {}),
            level: LEVELS[finding.severity],
            message: { text: finding.message },
            // Notebooks: the region is in the .ipynb text; the cell and its line are what people look for.
            ...(finding.cell ? { properties: { cell: finding.cell.cell, cellLine: finding.cell.line, cellColumn: finding.cell.column } } : {}),
            locations: [
              {
                physicalLocation: {
                  artifactLocation: locate(report.file),
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

type Locate = (file: string) => ArtifactLocation;

/** What a file's results do not show: a file not read, a failed analysis, findings left out by the cap. */
function notifications(report: FileReport, locate: Locate): object[] {
  const location = { locations: [{ physicalLocation: { artifactLocation: locate(report.file) } }] };
  const found: object[] = [];
  if (report.readError !== undefined) {
    const what = report.folder ? 'folder' : 'file';
    found.push({ descriptor: { id: `${what}-not-read` }, level: 'error', message: { text: `cannot read this ${what}: it ${report.readError}` }, ...location });
  }
  if (report.writeError !== undefined) {
    found.push({ descriptor: { id: 'fix-not-written' }, level: 'error', message: { text: `cannot write this file's fixes: it ${report.writeError}` }, ...location });
  }
  if (report.internalError !== undefined) {
    found.push({ descriptor: { id: 'internal-error' }, level: 'error', message: { text: `internal error while checking this file: ${report.internalError}` }, ...location });
  }
  if (report.omittedCount > 0) {
    found.push({
      descriptor: { id: 'findings-not-shown' },
      level: 'note',
      message: { text: `${report.omittedCount} more findings not shown (at most ${MAX_FINDINGS_PER_FILE} per file)` },
      properties: { omittedFindingCount: report.omittedCount },
      ...location,
    });
  }
  return found;
}

/** A file found in a folder or by a glob and not checked: a note, since skipping it is the rule. */
function skippedNotification(skipped: SkippedFile, locate: Locate): object {
  return {
    descriptor: { id: 'file-skipped' },
    level: 'note',
    message: { text: `not checked: it ${skipped.reason}` },
    locations: [{ physicalLocation: { artifactLocation: locate(skipped.file) } }],
  };
}

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/** Relative to %SRCROOT% when inside `sourceRoot`, else an absolute file: URI. */
function artifactLocation(file: string, sourceRoot: string): ArtifactLocation {
  const relative = pathInside(sourceRoot, file);
  if (relative === undefined || relative === '') return { uri: pathToFileURL(file).href };
  return { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

/** SARIF base URIs must end with a slash. */
function directoryUri(dir: string): string {
  const uri = pathToFileURL(dir).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}
