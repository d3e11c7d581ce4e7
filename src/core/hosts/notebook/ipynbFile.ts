/**
 * Reading a `.ipynb` file (nbformat 4 JSON) for the checker: its cells, and the way back from a
 * place in a cell to the file's own text. A cell's `source` is a string or a list of strings
 * (usually one per line); each is a JSON string whose escapes (`\n`, `\"`, `\u00e9`) make the
 * file's offsets differ from the cell's, so every cell offset is mapped through the string node
 * that holds it, escapes included.
 */
import { scanJson } from '../../jsonScan';
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { memberValue, valueOffsetMapper } from '../../jsonTree';
import { NotebookText, type NotebookCellInput } from './notebookText';

/** One piece of a cell's source: a JSON string node and where its value starts in the cell text. */
interface SourcePiece {
  /** Offset of the piece's first character in the cell's text. */
  start: number;
  length: number;
  /** Decoded index → offset in the file (see valueOffsetMapper). */
  toFile: (index: number) => number;
}

export class IpynbFile {
  private constructor(
    /** The code cells as one Python text, with its cell map. */
    readonly notebook: NotebookText,
    private readonly pieces: readonly (readonly SourcePiece[])[],
  ) {}

  /**
   * Parses the file's text. Code cells of a notebook whose kernel language is not Python count
   * as cells but are not code. Returns undefined when the text is not a notebook (not JSON, or
   * no `cells` list: nbformat 4 is what Jupyter has written since 2015).
   */
  static parse(text: string): IpynbFile | undefined {
    // A notebook is never nested deep; deeper text would overflow the recursive parser.
    if (scanJson(text).tooDeepAt !== undefined) return undefined;
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    if (!root || root.type !== 'object' || errors.length > 0) return undefined;
    const cellsNode = memberValue(root, 'cells');
    if (cellsNode?.type !== 'array') return undefined;
    const python = isPythonNotebook(root);
    const cells: NotebookCellInput[] = [];
    const pieces: SourcePiece[][] = [];
    for (const cellNode of cellsNode.children ?? []) {
      const type = memberValue(cellNode, 'cell_type')?.value;
      const cellPieces = sourcePieces(text, memberValue(cellNode, 'source'));
      // VS Code records a code cell's own language (SQL, R, …) in metadata.vscode.languageId.
      const cellLanguage = memberValue(memberValue(memberValue(cellNode, 'metadata'), 'vscode'), 'languageId')?.value;
      const pythonCell = python && (cellLanguage === undefined || cellLanguage === 'python');
      const kind = type === 'code' && pythonCell ? 'code' : type === 'markdown' ? 'markdown' : 'raw';
      cells.push({ kind, text: cellPieces.map((piece) => piece.value).join('') });
      pieces.push(cellPieces.map(({ start, length, toFile }) => ({ start, length, toFile })));
    }
    return new IpynbFile(new NotebookText(cells), pieces);
  }

  /**
   * The offset in the file's text of `offset` in cell `cell`. At the border of two source strings
   * a start (`bias` 'start') is placed at the beginning of the later one and an end at the end of
   * the earlier one, so a range never takes in the `", "` between them.
   */
  fileOffset(cell: number, offset: number, bias: 'start' | 'end' = 'start'): number | undefined {
    const cellPieces = this.pieces[cell];
    if (!cellPieces || cellPieces.length === 0) return undefined;
    const piece =
      bias === 'start'
        ? (cellPieces.find((candidate) => offset < candidate.start + candidate.length) ?? cellPieces[cellPieces.length - 1])
        : (cellPieces.find((candidate) => offset <= candidate.start + candidate.length) ?? cellPieces[cellPieces.length - 1]);
    return piece.toFile(Math.max(0, Math.min(offset - piece.start, piece.length)));
  }
}

/**
 * Jupyter's `language_info.name` (else `kernelspec.language`); absent means Python, Jupyter's
 * default. A kernel of its own name whose language info says it runs Python — its MIME type
 * `text/x-python` or file extension `.py` (AWS Glue's `Python_Glue_Session`, sparkmagic's
 * `pyspark`) — is Python too.
 */
function isPythonNotebook(root: Node): boolean {
  const metadata = memberValue(root, 'metadata');
  const info = memberValue(metadata, 'language_info');
  const language = memberValue(info, 'name')?.value ?? memberValue(memberValue(metadata, 'kernelspec'), 'language')?.value;
  if (typeof language !== 'string' || language.toLowerCase() === 'python') return true;
  return memberValue(info, 'mimetype')?.value === 'text/x-python' || memberValue(info, 'file_extension')?.value === '.py';
}

function sourcePieces(text: string, source: Node | undefined): (SourcePiece & { value: string })[] {
  if (!source) return [];
  const strings = source.type === 'string' ? [source] : source.type === 'array' ? (source.children ?? []).filter((node) => node.type === 'string') : [];
  const pieces: (SourcePiece & { value: string })[] = [];
  let start = 0;
  for (const node of strings) {
    const value = node.value as string;
    pieces.push({ start, length: value.length, toFile: valueOffsetMapper(text, node), value });
    start += value.length;
  }
  return pieces;
}
