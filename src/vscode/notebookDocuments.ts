/**
 * Jupyter notebooks in the editor. Each code cell is its own TextDocument (scheme
 * `vscode-notebook-cell`, language python), but the cells of a notebook share one scope: they are
 * read together as one Python text (core/hosts/notebook/notebookText.ts), analysed once per
 * notebook state, and every offset the core gives (findings, fix edits, completion and hover
 * ranges) is mapped back to the cell it belongs to — a fix found in cell 3 may edit cell 1.
 */
import * as vscode from 'vscode';
import { holdsRequests, readPythonDocument, type HostDocument } from '../core/hostDocument';
import type { Finding, TextEdit } from '../core/findings';
import { NotebookText } from '../core/hosts/notebook/notebookText';
import { toDiagnostic } from './convert';

export const NOTEBOOK_CELL_SCHEME = 'vscode-notebook-cell';

/** A notebook read as one Python text, for one state of its cells. */
export interface ReadNotebook {
  notebook: vscode.NotebookDocument;
  text: NotebookText;
  /** The joined code cells as the Python host read them; offsets into `text.text`. */
  host: HostDocument;
  /** Each cell's document by cell index, as they were when read. */
  cellDocuments: readonly vscode.TextDocument[];
}

/** One code cell of a notebook we serve: the notebook, and which cell this is. */
export interface ServedCell {
  read: ReadNotebook;
  /** The cell's index in the notebook (markdown cells counted). */
  index: number;
}

export function isNotebookCell(document: vscode.TextDocument): boolean {
  return document.uri.scheme === NOTEBOOK_CELL_SCHEME;
}

/** The open notebook a cell document belongs to, if any. */
export function notebookOf(document: vscode.TextDocument): vscode.NotebookDocument | undefined {
  if (!isNotebookCell(document)) return undefined;
  return vscode.workspace.notebookDocuments.find((notebook) => notebook.getCells().some((cell) => cell.document === document));
}

/** Where `offset` (an offset in the cell's document) is in the notebook's analysis text. */
export function toNotebookOffset(cell: ServedCell, offset: number): number | undefined {
  return cell.read.text.fromCell(cell.index, offset);
}

/** A range of the analysis text as a range in this cell's document, or undefined when it lies in another cell. */
export function toCellRange(cell: ServedCell, offset: number, length: number): vscode.Range | undefined {
  const range = cell.read.text.rangeInCell(offset, length);
  if (!range || range.cell !== cell.index) return undefined;
  const document = cell.read.cellDocuments[cell.index];
  return new vscode.Range(document.positionAt(range.offset), document.positionAt(range.offset + range.length));
}

/**
 * Fix edits (offsets into the analysis text) as a WorkspaceEdit on the cells they land in, or
 * undefined when one would cross a cell break (it cannot be written into a cell).
 */
export function toCellEdits(read: ReadNotebook, edits: readonly TextEdit[]): vscode.WorkspaceEdit | undefined {
  const workspaceEdit = new vscode.WorkspaceEdit();
  for (const edit of edits) {
    const range = read.text.rangeInCell(edit.offset, edit.length);
    if (!range) return undefined;
    const document = read.cellDocuments[range.cell];
    workspaceEdit.replace(document.uri, new vscode.Range(document.positionAt(range.offset), document.positionAt(range.offset + range.length)), edit.newText);
  }
  return workspaceEdit;
}

/** The offset in the analysis text of `position` in `document`: through the notebook for a cell. */
export function analysisOffset(cell: ServedCell | undefined, document: vscode.TextDocument, position: vscode.Position): number | undefined {
  const offset = document.offsetAt(position);
  return cell ? toNotebookOffset(cell, offset) : offset;
}

/** An analysis-text range in `document`: for a cell, undefined when the range is in another cell. */
export function editorRange(cell: ServedCell | undefined, document: vscode.TextDocument, offset: number, length: number): vscode.Range | undefined {
  return cell ? toCellRange(cell, offset, length) : new vscode.Range(document.positionAt(offset), document.positionAt(offset + length));
}

/** The notebook's findings as diagnostics of the cells they are in (every code cell present, most with none). */
export function cellDiagnostics(read: ReadNotebook, findings: readonly Finding[]): Map<vscode.TextDocument, vscode.Diagnostic[]> {
  const byCell = new Map<vscode.TextDocument, vscode.Diagnostic[]>();
  for (const index of read.text.codeCells) byCell.set(read.cellDocuments[index], []);
  for (const finding of findings) {
    const range = read.text.rangeInCell(finding.offset, finding.length);
    if (!range) continue;
    const document = read.cellDocuments[range.cell];
    byCell.get(document)!.push(toDiagnostic(document, { ...finding, offset: range.offset, length: range.length }));
  }
  return byCell;
}

/** A place in the analysis text as a cell document and an offset in it. */
export function toCellOffset(read: ReadNotebook, offset: number): { uri: vscode.Uri; offset: number } | undefined {
  const place = read.text.toCell(offset);
  return place && { uri: read.cellDocuments[place.cell].uri, offset: place.offset };
}

/**
 * True for a code cell language that is Python: VS Code's `python`, or the kernel's own language
 * when the notebook's language info says the kernel runs Python (`text/x-python` or `.py`): VS
 * Code gives an AWS Glue kernel's cells `python_glue_session`, sparkmagic's `pyspark`. The ipynb
 * extension keeps the file's metadata under the notebook's `metadata.metadata`.
 */
export function isPythonCellLanguage(notebook: vscode.NotebookDocument, languageId: string): boolean {
  if (languageId === 'python') return true;
  const info = (notebook.metadata?.metadata as { language_info?: { name?: unknown; mimetype?: unknown; file_extension?: unknown } } | undefined)?.language_info;
  const runsPython = info?.mimetype === 'text/x-python' || info?.file_extension === '.py';
  return runsPython && typeof info?.name === 'string' && info.name.toLowerCase() === languageId.toLowerCase();
}

export class NotebookDocuments {
  /** One read per notebook state: the key lists every cell's identity, kind, language and document version. */
  private readonly cache = new WeakMap<vscode.NotebookDocument, { key: string; read: ReadNotebook | undefined }>();

  /** `maxCharacters`: a notebook whose code is longer is data, not ours (see MAX_SPEC_CHARACTERS). */
  constructor(private readonly maxCharacters: number) {}

  /** The served view of a Python code cell, or undefined when its notebook holds nothing of ours. */
  serveCell(document: vscode.TextDocument): ServedCell | undefined {
    const notebook = notebookOf(document);
    if (!notebook || !isPythonCellLanguage(notebook, document.languageId)) return undefined;
    const read = this.read(notebook);
    if (!read) return undefined;
    const index = read.cellDocuments.indexOf(document);
    return index < 0 ? undefined : { read, index };
  }

  /** The notebook read as one Python text, or undefined when it holds nothing SageMaker. */
  read(notebook: vscode.NotebookDocument): ReadNotebook | undefined {
    const cells = notebook.getCells();
    // Cell URIs name the cell (reverting a notebook replaces its cells), versions their text.
    const key = `${notebook.version}|${cells.map((cell) => `${cell.document.uri.fragment}:${cell.kind}:${cell.document.languageId}:${cell.document.version}`).join(',')}`;
    const cached = this.cache.get(notebook);
    if (cached && cached.key === key) return cached.read;
    const text = new NotebookText(
      cells.map((cell) => ({
        // Only Python code cells are code; other cells count in the numbering only.
        kind: cell.kind === vscode.NotebookCellKind.Markup ? 'markdown' : isPythonCellLanguage(notebook, cell.document.languageId) ? 'code' : 'raw',
        text: cell.document.getText(),
      })),
    );
    const host = readPythonDocument(text.text.length > this.maxCharacters ? '' : text.text);
    const read = holdsRequests(host) ? { notebook, text, host, cellDocuments: cells.map((cell) => cell.document) } : undefined;
    this.cache.set(notebook, { key, read });
    return read;
  }

  forget(notebook: vscode.NotebookDocument): void {
    this.cache.delete(notebook);
  }
}
