/**
 * ESLint's "stylish" layout, which people read without a legend:
 *
 *     examples/broken-latest-tag.sagemaker.json
 *       5:75  warning  "latest" moves whenever a new image is pushed, …  latest-tag
 *
 *     examples/broken-xgboost-unpinned.ipynb
 *       cell 4, line 1, col 48  error    "latest" does not pin an XGBoost version, …  xgboost-unpinned
 *
 *     ✖ 1 problem (0 errors, 1 warning)
 *
 * Clean runs print nothing, as ESLint does. Unlike ESLint, the message column is not padded to
 * the widest message (one long message would pad every row: 29 KB of input gave 20 MB of output);
 * only the position and severity are aligned (the severity to the longest one shown). Severities
 * are named as in the config file and `--rule`: error, warning, information, hint. Everything
 * taken from the spec or the file system goes through terminalSafe.
 */
import type { Severity } from '../../core/findings';
import { countSeverities, MAX_FINDINGS_PER_FILE, type FileReport } from '../report';
import { terminalSafe } from '../terminalText';

const SEVERITY_LABELS: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'information', hint: 'hint' };
/** The column is at least this wide, so the common error/warning output keeps its layout. */
const MIN_SEVERITY_WIDTH = 'warning'.length;

export function formatStylish(reports: readonly FileReport[]): string {
  const withFindings = reports.filter((report) => report.findings.length > 0);
  if (withFindings.length === 0) return '';
  const severityWidth = withFindings.reduce((widest, report) => report.findings.reduce((width, finding) => Math.max(width, SEVERITY_LABELS[finding.severity].length), widest), MIN_SEVERITY_WIDTH);
  let output = '';
  for (const report of withFindings) {
    // A notebook's findings are placed by cell (markdown cells counted), line and column in the
    // cell: the column tells two findings on one line apart, as line:column does for other files.
    const positions = report.findings.map((finding) => (finding.cell ? `cell ${finding.cell.cell}, line ${finding.cell.line}, col ${finding.cell.column}` : `${finding.line}:${finding.column}`));
    const positionWidth = positions.reduce((widest, position) => Math.max(widest, position.length), 0);
    output += `\n${terminalSafe(report.displayPath)}\n`;
    report.findings.forEach((finding, index) => {
      // ESLint drops a message's final period; the code follows it.
      const message = terminalSafe(finding.message.replace(/([^ ])\.$/, '$1'));
      output += `  ${positions[index].padEnd(positionWidth)}  ${SEVERITY_LABELS[finding.severity].padEnd(severityWidth)}  ${message}  ${terminalSafe(finding.code)}\n`;
    });
    if (report.omittedCount > 0) {
      output += `  … and ${count(report.omittedCount)} more ${report.omittedCount === 1 ? 'finding' : 'findings'} not shown (at most ${count(MAX_FINDINGS_PER_FILE)} per file)\n`;
    }
  }
  const counts = countSeverities(withFindings);
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const details = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  // "information" is a mass noun: "2 information", as the severity is named everywhere else.
  if (counts.information > 0) details.push(plural(counts.information, 'information', 'information'));
  if (counts.hint > 0) details.push(plural(counts.hint, 'hint'));
  output += `\n✖ ${plural(total, 'problem')} (${details.join(', ')})\n`;
  return output;
}

/** 12345 → "12,345", whatever the machine's locale. */
function count(value: number): string {
  return value.toLocaleString('en-US');
}

function plural(value: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count(value)} ${value === 1 ? singular : pluralForm}`;
}
