/**
 * Checks a Jupyter notebook (`.ipynb`) the way the editor does: its code cells joined into one
 * Python text (IPython lines blanked), analysed by the Python host. Findings come back with
 * offsets into the `.ipynb` file's own text — so JSON and SARIF line/column point into the file a
 * code-scanning service shows — and, beside them, where each is in its cell (the stylish output's
 * `cell N, line L`).
 */
import { parseTree, type ParseError } from 'jsonc-parser';
import { holdsRequests, mayHoldSageMakerPython, readPythonDocument, type HostDocument } from '../core/hostDocument';
import { scanJson } from '../core/jsonScan';
import type { JsonFileKind, SpecDocument } from '../core/specDocument';
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
 * A notebook whose JSON does not parse is `invalid-json` where it breaks (when it names SageMaker).
 * @throws UnreadableFileError when the text is JSON but no notebook (no `cells` list), or is an
 *   nbformat 3 one (`old-format`: skipped with a note when found in a folder).
 */
export function checkNotebook(file: string, text: string, context: CheckContext, settings: FileSettings): CheckedFile {
  const ipynb = IpynbFile.parse(text);
  if (!ipynb) {
    if (isNbformat3(text)) throw new UnreadableFileError(file, 'is an nbformat 3 notebook (IPython 2 and older, before SageMaker), and only nbformat 4 is read', 'old-format');
    const broken = brokenNotebook(text);
    if (broken) return { file, text, isSpec: broken.requests.length > 0, findings: broken.requests.length > 0 ? analyzeFile(broken, context, { ...settings, forcedSpec: false }) : [] };
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

/** What the checker says of a notebook file that does not parse: Jupyter cannot open it either. */
const NOTEBOOK_FILE: JsonFileKind = { what: 'notebook', consequence: 'Jupyter cannot open it' };

/**
 * A notebook whose JSON does not parse (cut short, a merge conflict's markers left in) as a
 * document: when its words name SageMaker, one request of no kind carrying the syntax errors,
 * reported as `invalid-json` where the file first breaks (not a run that cannot read it);
 * when they do not, none (not ours, as another broken JSON file is not). Undefined when the
 * text parses (a JSON file that is no notebook) or nests too deep to parse.
 */
function brokenNotebook(text: string): HostDocument | undefined {
  if (scanJson(text).tooDeepAt !== undefined) return undefined;
  const parseErrors: ParseError[] = [];
  parseTree(text, parseErrors, { allowTrailingComma: false, disallowComments: true });
  if (parseErrors.length === 0) return undefined;
  // The first break only: a notebook is written by a program, and what follows it (a conflict's other side) is not read.
  const requests: SpecDocument[] = mayHoldSageMakerPython(text) ? [{ text, root: undefined, parseErrors: parseErrors.slice(0, 1), kind: undefined, images: [], host: 'json', hidRequests: true, incomplete: true, jsonFile: NOTEBOOK_FILE }] : [];
  return { host: 'json', text, requests, frameworkRequests: [], comments: [] };
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
