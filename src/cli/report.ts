/**
 * What every output format prints: per file, its findings with 1-based line and column computed
 * from the offsets (columns in UTF-16 code units, as in VS Code), and the totals that decide the
 * exit code. At most MAX_FINDINGS_PER_FILE findings per file are printed (the first ones in the
 * file); the counts, and so the exit code, include all of them.
 */
import type { Finding, Severity } from '../core/findings';
import { LineIndex } from '../core/textPositions';
import type { CheckedFile } from './checkFile';
import type { CellPosition } from './checkNotebook';
import { pathInside } from './paths';

export interface LocatedFinding extends Finding {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** 1-based line of the end. */
  endLine: number;
  /** 1-based column just after the last character (ESLint's and SARIF's convention). */
  endColumn: number;
  /** In a notebook: the finding's cell and its position there (line and column above are the `.ipynb` file's). */
  cell?: CellPosition;
}

/** Findings printed per file; the rest are counted and said to be left out. */
export const MAX_FINDINGS_PER_FILE = 1000;

export interface FileReport {
  /** Absolute path. */
  file: string;
  /** Relative to the working folder with `/` separators; undefined when the file is outside it. */
  relativePath: string | undefined;
  /** The relative path, else the absolute one: what people see. */
  displayPath: string;
  /** The first MAX_FINDINGS_PER_FILE findings, in file order. */
  findings: LocatedFinding[];
  /** Every finding (after --quiet), printed or not: these decide the exit code. */
  counts: SeverityCounts;
  /** Findings left out of `findings` by the cap. */
  omittedCount: number;
  /** Set when the analysis of this file failed: its message (the file then has no findings). */
  internalError?: string;
  /** Set when the file could not be read: why, completing "it …" ("is not readable (permission denied)"). */
  readError?: string;
  /** True for a folder that a folder or glob argument would have entered but could not read (with `readError`). */
  folder?: boolean;
  /** Set when `--fix` could not write the file's fixes: why, completing "it …" ("is not writable (permission denied)"). */
  writeError?: string;
}

/** A file found in a folder or by a glob and not checked, with why ("is larger than 16 MiB, the limit"). */
export interface SkippedFile {
  /** Absolute path. */
  file: string;
  /** Completes "it …". */
  reason: string;
}

export type SeverityCounts = Record<Severity, number>;

export function toFileReport(checked: CheckedFile, cwd: string, quiet: boolean): FileReport {
  const kept = quiet ? checked.findings.filter((finding) => finding.severity === 'error') : checked.findings;
  const report = emptyReport(checked.file, cwd);
  if (kept.length === 0) return report;
  for (const finding of kept) report.counts[finding.severity]++;
  const shown = [...kept].sort((a, b) => a.offset - b.offset || a.code.localeCompare(b.code)).slice(0, MAX_FINDINGS_PER_FILE);
  report.omittedCount = kept.length - shown.length;
  const lines = new LineIndex(checked.text);
  report.findings = shown.map((finding) => {
    const start = lines.positionAt(finding.offset);
    const end = lines.positionAt(finding.offset + finding.length);
    const cell = checked.cellPositions?.get(finding);
    return { ...finding, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, ...(cell ? { cell } : {}) };
  });
  return report;
}

/** The report of a file whose analysis failed with `message`: no findings, the failure kept. */
export function failedFileReport(file: string, cwd: string, message: string): FileReport {
  return { ...emptyReport(file, cwd), internalError: message };
}

/** The report of a file that could not be read (`reason` completes "it …"): no findings, the reason kept. */
export function unreadFileReport(file: string, cwd: string, reason: string): FileReport {
  return { ...emptyReport(file, cwd), readError: reason };
}

/** The report of a folder that could not be read (`reason` completes "it …"): what it holds was not checked. */
export function unreadFolderReport(folder: string, cwd: string, reason: string): FileReport {
  return { ...emptyReport(folder, cwd), readError: reason, folder: true };
}

/** True when the report's file was not fully checked (unread, or its analysis failed), or its fixes not written: exit 2. */
export function isIncomplete(report: FileReport): boolean {
  return report.internalError !== undefined || report.readError !== undefined || report.writeError !== undefined;
}

function emptyReport(file: string, cwd: string): FileReport {
  const relativePath = pathInside(cwd, file);
  return { file, relativePath, displayPath: relativePath ?? file, findings: [], counts: zeroCounts(), omittedCount: 0 };
}

/** Totals over all findings of `reports`, including those the cap left out. */
export function countSeverities(reports: readonly FileReport[]): SeverityCounts {
  const counts = zeroCounts();
  for (const report of reports) for (const severity of SEVERITIES) counts[severity] += report.counts[severity];
  return counts;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

function zeroCounts(): SeverityCounts {
  return { error: 0, warning: 0, information: 0, hint: 0 };
}
