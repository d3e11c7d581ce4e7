/**
 * Machine-readable output: one entry per checked file (clean files too, so tools can tell
 * "checked, clean" from "not checked"), each finding with its code, severity, message, 1-based
 * line/column range (columns in UTF-16 code units), the offset range the editor uses (UTF-16
 * code units from the start of the decoded text), and the titles of its quick fixes.
 * `errorCount`/`warningCount`/`informationCount`/`hintCount` count every finding; past
 * MAX_FINDINGS_PER_FILE, `findings` holds the first ones and `omittedFindingCount` says how many
 * more there are. A file whose analysis failed has `internalError`, one that could not be read
 * `readError` (and no findings; a folder that could not be read is an entry too, with
 * `folder: true`), one whose fixes `--fix` could not write `writeError`. A
 * notebook's findings point into the `.ipynb` text and also carry `cell` (markdown cells
 * counted), `cellLine` and `cellColumn`.
 */
import type { FileReport } from '../report';

export interface JsonFileResult {
  filePath: string;
  errorCount: number;
  warningCount: number;
  informationCount: number;
  hintCount: number;
  /** Present when findings were left out by the per-file cap. */
  omittedFindingCount?: number;
  /** Present when the analysis of this file failed: the error's message. */
  internalError?: string;
  /** Present when the file could not be read: why, completing "it …" ("is not readable (permission denied)"). */
  readError?: string;
  /** True for a folder that a folder or glob argument would have entered but could not read (with `readError`): what it holds was not checked. */
  folder?: true;
  /** Present when `--fix` could not write the file's fixes: why, completing "it …" ("is not writable (permission denied)"). */
  writeError?: string;
  findings: {
    code: string;
    severity: string;
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    offset: number;
    length: number;
    fixes: string[];
    /** Notebooks: the cell's number (markdown cells counted) and the position in it, 1-based. */
    cell?: number;
    cellLine?: number;
    cellColumn?: number;
  }[];
}

export function formatJson(reports: readonly FileReport[]): string {
  const results: JsonFileResult[] = reports.map((report) => {
    return {
      filePath: report.file,
      errorCount: report.counts.error,
      warningCount: report.counts.warning,
      informationCount: report.counts.information,
      hintCount: report.counts.hint,
      ...(report.omittedCount > 0 ? { omittedFindingCount: report.omittedCount } : {}),
      ...(report.internalError !== undefined ? { internalError: report.internalError } : {}),
      ...(report.readError !== undefined ? { readError: report.readError } : {}),
      ...(report.folder ? { folder: true as const } : {}),
      ...(report.writeError !== undefined ? { writeError: report.writeError } : {}),
      findings: report.findings.map((finding) => ({
        code: finding.code,
        severity: finding.severity,
        message: finding.message,
        line: finding.line,
        column: finding.column,
        endLine: finding.endLine,
        endColumn: finding.endColumn,
        offset: finding.offset,
        length: finding.length,
        fixes: finding.fixes.map((fix) => fix.title),
        ...(finding.cell ? { cell: finding.cell.cell, cellLine: finding.cell.line, cellColumn: finding.cell.column } : {}),
      })),
    };
  });
  return `${JSON.stringify(results, null, 2)}\n`;
}
