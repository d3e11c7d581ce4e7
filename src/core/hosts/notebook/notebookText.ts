/**
 * A Jupyter notebook as one Python text: its code cells in order, IPython lines blanked (see
 * ipythonLines.ts), joined by a line break, so a name bound in one cell resolves in another (a
 * notebook's cells share one scope, as a module's statements do). Markdown and raw cells are
 * not code, but they count in the cell numbering people see (`cell 3` is the notebook's third
 * cell, whatever its kind). The text keeps a map between its offsets and (cell, offset in cell).
 */
import { blankIPython } from './ipythonLines';

/** One cell as its editor or its file gives it. */
export interface NotebookCellInput {
  /** Only `code` cells are Python; `markdown`, `raw` (or a non-Python code cell) are skipped. */
  kind: 'code' | 'markdown' | 'raw';
  text: string;
}

/** A place in one cell: its index among all cells (0-based, markdown included) and the offset in its text. */
export interface CellOffset {
  cell: number;
  offset: number;
}

/**
 * What joins two code cells in the analysis text: a blank line, so a cell's last line never runs
 * into the next cell's first (a `# sagemaker-spec-disable-next-line` at the end of one cell must
 * not reach the next, whether or not Jupyter saved a final newline).
 */
const CELL_SEPARATOR = '\n\n';

export class NotebookText {
  /** The code cells, blanked and joined: what the Python host parses. */
  readonly text: string;
  /** Cell indexes of the code cells, in order. */
  readonly codeCells: readonly number[];
  /** For each code cell (same order as codeCells), where it starts in `text`. */
  private readonly starts: readonly number[];
  /** For each code cell, its text's length. */
  private readonly lengths: readonly number[];
  private readonly positionOfCell = new Map<number, number>();

  constructor(readonly cells: readonly NotebookCellInput[]) {
    const parts: string[] = [];
    const codeCells: number[] = [];
    const starts: number[] = [];
    const lengths: number[] = [];
    let offset = 0;
    cells.forEach((cell, index) => {
      if (cell.kind !== 'code') return;
      if (parts.length > 0) {
        parts.push(CELL_SEPARATOR);
        offset += CELL_SEPARATOR.length;
      }
      this.positionOfCell.set(index, codeCells.length);
      codeCells.push(index);
      starts.push(offset);
      lengths.push(cell.text.length);
      parts.push(blankIPython(cell.text));
      offset += cell.text.length;
    });
    this.text = parts.join('');
    this.codeCells = codeCells;
    this.starts = starts;
    this.lengths = lengths;
  }

  /**
   * The cell holding analysis offset `offset`, and the offset in that cell. An offset on the line
   * break between two cells is the end of the cell before it; undefined when there is no code cell
   * or the offset is outside the text.
   */
  toCell(offset: number): CellOffset | undefined {
    if (this.starts.length === 0 || offset < 0 || offset > this.text.length) return undefined;
    // The last code cell starting at or before the offset.
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    const inCell = Math.min(offset - this.starts[low], this.lengths[low]);
    return { cell: this.codeCells[low], offset: inCell };
  }

  /** The analysis offset of `offset` in cell `cell` (clamped to the cell), or undefined when that cell is not code. */
  fromCell(cell: number, offset: number): number | undefined {
    const position = this.positionOfCell.get(cell);
    if (position === undefined) return undefined;
    return this.starts[position] + Math.max(0, Math.min(offset, this.lengths[position]));
  }

  /**
   * A range of the analysis text as a range of one cell, or undefined when it is not inside one
   * code cell (it spans a cell break).
   */
  rangeInCell(offset: number, length: number): { cell: number; offset: number; length: number } | undefined {
    const start = this.toCell(offset);
    if (!start) return undefined;
    const position = this.positionOfCell.get(start.cell)!;
    if (offset + length > this.starts[position] + this.lengths[position]) return undefined;
    return { cell: start.cell, offset: start.offset, length };
  }
}
