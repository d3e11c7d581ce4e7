/**
 * Findings of a notebook's joined code cells placed back into its `.ipynb` file: what the
 * checker prints and what Check Workspace shows for a notebook nobody opened.
 */
import type { Finding } from '../../findings';
import type { IpynbFile } from './ipynbFile';

export interface FindingInFile {
  /** The finding with offset and length into the `.ipynb` file's text. */
  finding: Finding;
  /** The cell it is in (0-based, markdown and raw cells counted) and its range in that cell's text. */
  cell: number;
  cellStart: number;
  cellEnd: number;
}

/** Each finding (offsets into `ipynb.notebook.text`) with its place in the file; one outside every cell is dropped. */
export function findingsInIpynbFile(ipynb: IpynbFile, findings: readonly Finding[]): FindingInFile[] {
  const { notebook } = ipynb;
  const located: FindingInFile[] = [];
  for (const finding of findings) {
    const start = notebook.toCell(finding.offset);
    if (!start) continue;
    // A range is kept to the cell it starts in (findings never span cells, but stay safe).
    const endInCell = notebook.toCell(finding.offset + finding.length);
    const endOffset = endInCell && endInCell.cell === start.cell ? endInCell.offset : notebook.cells[start.cell].text.length;
    const fileStart = ipynb.fileOffset(start.cell, start.offset, 'start')!;
    const fileEnd = Math.max(fileStart, ipynb.fileOffset(start.cell, endOffset, endOffset > start.offset ? 'end' : 'start')!);
    located.push({ finding: { ...finding, offset: fileStart, length: fileEnd - fileStart }, cell: start.cell, cellStart: start.offset, cellEnd: endOffset });
  }
  return located;
}
