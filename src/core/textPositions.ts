/**
 * Offsets ↔ lines and columns. Findings carry offsets; people (and the checker's output) read
 * line:column. Columns count UTF-16 code units, as VS Code and ESLint do, so both show the same.
 */

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

/** The offset where each line starts. `\n`, `\r\n` and a lone `\r` all end a line, as in jsonc-parser. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let offset = 0; offset < text.length; offset++) {
    const char = text.charCodeAt(offset);
    if (char === 13 /* \r */ && text.charCodeAt(offset + 1) === 10 /* \n */) continue;
    if (char === 10 || char === 13) starts.push(offset + 1);
  }
  return starts;
}

/**
 * The offset where the line holding `offset` starts. Not `text.lastIndexOf('\n', offset - 1) + 1`
 * alone: at offset 0 that looks at text[0], and gives 1 when the text starts with a line break.
 */
export function lineStartAt(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** Converts offsets of one text to positions; build it once per text, ask it many times. */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    this.starts = lineStarts(text);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    // The last line start at or before the offset.
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }
}
