/**
 * What every output format prints: per file, its findings with 1-based line and column computed
 * from the offsets (columns in UTF-16 code units, as in VS Code), and the totals that decide the
 * exit code.
 */
import type { Finding, Severity } from '../core/findings';
import { LineIndex } from '../core/textPositions';
import type { CheckedFile } from './checkFile';
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
}

export interface FileReport {
  /** Absolute path. */
  file: string;
  /** Relative to the working folder with `/` separators; undefined when the file is outside it. */
  relativePath: string | undefined;
  /** The relative path, else the absolute one: what people see. */
  displayPath: string;
  findings: LocatedFinding[];
}

export type SeverityCounts = Record<Severity, number>;

export function toFileReport(checked: CheckedFile, cwd: string, quiet: boolean): FileReport {
  const kept = quiet ? checked.findings.filter((finding) => finding.severity === 'error') : checked.findings;
  const relativePath = pathInside(cwd, checked.file);
  const report: FileReport = { file: checked.file, relativePath, displayPath: relativePath ?? checked.file, findings: [] };
  if (kept.length === 0) return report;
  const lines = new LineIndex(checked.text);
  report.findings = kept
    .map((finding) => {
      const start = lines.positionAt(finding.offset);
      const end = lines.positionAt(finding.offset + finding.length);
      return { ...finding, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
    })
    .sort((a, b) => a.offset - b.offset || a.code.localeCompare(b.code));
  return report;
}

export function countSeverities(reports: readonly FileReport[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const report of reports) for (const finding of report.findings) counts[finding.severity]++;
  return counts;
}
