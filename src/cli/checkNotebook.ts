/**
 * Checks a Jupyter notebook (`.ipynb`) the way the editor does: its code cells joined into one
 * Python text (IPython lines blanked), analysed by the Python host. Findings come back with
 * offsets into the `.ipynb` file's own text — so JSON and SARIF line/column point into the file a
 * code-scanning service shows — and, beside them, where each is in its cell (the stylish output's
 * `cell N, line L`).
 */
import { holdsRequests, readPythonDocument } from '../core/hostDocument';
import { IpynbFile } from '../core/hosts/notebook/ipynbFile';
import { findingsInIpynbFile } from '../core/hosts/notebook/ipynbFindings';
import type { Finding } from '../core/findings';
import { LineIndex } from '../core/textPositions';
import { analyzeFile, type CheckContext, type CheckedFile } from './checkFile';
import { UnreadableFileError } from '../node/readSpecFile';
import type { FileSettings } from './fileSettings';

/** Where a finding is inside its cell; all 1-based, columns in UTF-16 code units. */
export interface CellPosition {
  /** The cell's number in the notebook, markdown and raw cells counted. */
  cell: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Files the checker reads as notebooks. */
export function isNotebookFile(file: string): boolean {
  return file.toLowerCase().endsWith('.ipynb');
}

/**
 * Analyses the notebook `text` of `file`. A notebook without anything SageMaker yields no findings
 * (and `isSpec` false, like a JSON file that is not a request).
 * @throws UnreadableFileError when the text is not a notebook (not JSON, or no `cells` list), or
 *   is an nbformat 3 one (`old-format`: skipped with a note when found in a folder).
 */
export function checkNotebook(file: string, text: string, context: CheckContext, settings: FileSettings): CheckedFile {
  const ipynb = IpynbFile.parse(text);
  if (!ipynb) {
    if (isNbformat3(text)) throw new UnreadableFileError(file, 'is an nbformat 3 notebook (IPython 2 and older, before SageMaker), and only nbformat 4 is read', 'old-format');
    throw new UnreadableFileError(file, 'is not a Jupyter notebook (nbformat 4 JSON with a "cells" list)', 'unreadable');
  }
  const { notebook } = ipynb;
  const document = readPythonDocument(notebook.text);
  if (!holdsRequests(document)) return { file, text, isSpec: false, findings: [] };
  // A notebook is never a forced JSON spec, whatever `files` says.
  const findings = analyzeFile(document, context, { ...settings, forcedSpec: false });
  const cellLines = new Map<number, LineIndex>();
  const lineIndex = (cell: number) => {
    let index = cellLines.get(cell);
    if (!index) cellLines.set(cell, (index = new LineIndex(notebook.cells[cell].text)));
    return index;
  };
  const cellPositions = new Map<Finding, CellPosition>();
  const inFile: Finding[] = [];
  for (const { finding, cell, cellStart, cellEnd } of findingsInIpynbFile(ipynb, findings)) {
    const from = lineIndex(cell).positionAt(cellStart);
    const to = lineIndex(cell).positionAt(cellEnd);
    cellPositions.set(finding, { cell: cell + 1, line: from.line + 1, column: from.character + 1, endLine: to.line + 1, endColumn: to.character + 1 });
    inFile.push(finding);
  }
  return { file, text, isSpec: true, findings: inFile, cellPositions };
}

/** An nbformat 3 notebook: its cells sit in `worksheets`, which nbformat 4 (2015) replaced with `cells`. */
function isNbformat3(text: string): boolean {
  try {
    const json = JSON.parse(text) as { nbformat?: unknown; worksheets?: unknown };
    return typeof json.nbformat === 'number' && json.nbformat < 4 && Array.isArray(json.worksheets);
  } catch {
    return false;
  }
}
