/**
 * Parsing Dockerfiles with dockerfile-ast (the parser of the VS Code Docker tooling: instructions,
 * flags, build stages, ARG properties and `${VAR:-word}` variables, each with its range; it never
 * throws on half-typed text) and turning its line/character positions into offsets.
 */
import type { Dockerfile } from 'dockerfile-ast';
import type { OffsetRange } from '../../jsonTree';
import { lineStarts } from '../../textPositions';

export type { Dockerfile };

/** A range as dockerfile-ast gives it: 0-based lines, UTF-16 characters (LSP positions). */
export interface LineRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

let loadedParser: typeof import('dockerfile-ast').DockerfileParser | undefined;

/**
 * Parses `text` (never throws on Dockerfile syntax: what it cannot read is left out). The parser
 * is loaded on the first call, not when the extension activates: most Dockerfiles never name an
 * Amazon ECR image, and those are never parsed.
 */
export function parseDockerfile(text: string): Dockerfile {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load: esbuild defers the module until this runs
  loadedParser ??= (require('dockerfile-ast') as typeof import('dockerfile-ast')).DockerfileParser;
  return loadedParser.parse(text);
}

/** Converts dockerfile-ast's positions of one text to offsets (lines end at `\n`, `\r\n` or `\r`, as in LSP). */
export class DockerfileOffsets {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    this.starts = lineStarts(text);
  }

  offsetAt(position: { line: number; character: number }): number {
    const start = this.starts[Math.min(Math.max(position.line, 0), this.starts.length - 1)];
    return Math.min(start + Math.max(position.character, 0), this.text.length);
  }

  range(range: LineRange): OffsetRange {
    const offset = this.offsetAt(range.start);
    return { offset, length: Math.max(0, this.offsetAt(range.end) - offset) };
  }

  /** The offset where 0-based `line` starts. */
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 0), this.starts.length - 1)];
  }
}
