/**
 * What was made of files read from disk, kept per path and made again only when a file's size or
 * modification time changes: the checker asks for the same file with every template that names
 * it, the editor on every version of an open template (CDK manifests, state machine files).
 */
import * as fs from 'node:fs';

export class FileReadings<T> {
  private readonly byFile = new Map<string, { size: number; mtimeMs: number; reading: T }>();

  /**
   * `read` makes the reading of a file's UTF-8 text; a file over `maxBytes` is not read.
   */
  constructor(
    private readonly maxBytes: number,
    private readonly read: (file: string, text: string) => T,
  ) {}

  /** The reading of `file` (an absolute path); undefined when it is missing, no file, over the limit or unreadable. */
  get(file: string): T | undefined {
    let stats: fs.Stats;
    try {
      stats = fs.statSync(file);
    } catch {
      this.byFile.delete(file);
      return undefined;
    }
    const known = this.byFile.get(file);
    if (known && known.size === stats.size && known.mtimeMs === stats.mtimeMs) return known.reading;
    if (!stats.isFile() || stats.size > this.maxBytes) return undefined;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    const reading = this.read(file, text);
    this.byFile.set(file, { size: stats.size, mtimeMs: stats.mtimeMs, reading });
    return reading;
  }
}
