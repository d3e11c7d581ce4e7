/**
 * ESLint's "stylish" layout, which people read without a legend:
 *
 *     examples/broken-latest-tag.sagemaker.json
 *       5:75  warning  "latest" moves whenever a new image is pushed, …  latest-tag
 *
 *     ✖ 1 problem (0 errors, 1 warning)
 *
 * Clean runs print nothing, as ESLint does.
 */
import type { Severity } from '../../core/findings';
import { countSeverities, type FileReport } from '../report';

const SEVERITY_LABELS: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

export function formatStylish(reports: readonly FileReport[]): string {
  const withFindings = reports.filter((report) => report.findings.length > 0);
  if (withFindings.length === 0) return '';
  let output = '';
  for (const report of withFindings) {
    const rows = report.findings.map((finding) => [
      `${finding.line}:${finding.column}`,
      SEVERITY_LABELS[finding.severity],
      // ESLint drops a message's final period; the code follows it.
      finding.message.replace(/([^ ])\.$/, '$1'),
      finding.code,
    ]);
    output += `\n${report.displayPath}\n${alignColumns(rows)}\n`;
  }
  const counts = countSeverities(withFindings);
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const details = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.information > 0) details.push(plural(counts.information, 'info', 'infos'));
  if (counts.hint > 0) details.push(plural(counts.hint, 'hint'));
  output += `\n✖ ${plural(total, 'problem')} (${details.join(', ')})\n`;
  return output;
}

/** Pads every column but the last to its widest cell, two spaces apart, indented by two. */
function alignColumns(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) => '  ' + row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  '))
    .join('\n');
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
