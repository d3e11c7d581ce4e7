/**
 * Reads a file the checker was given or found, bounded: only regular files (after following
 * symlinks), at most MAX_SPEC_BYTES, and never blocking. A spec folder can hold a symlink to
 * /dev/zero or a FIFO named like a spec; reading those whole would fill memory or wait forever.
 *
 * The type and size are checked with stat before the file is opened (opening a FIFO for reading
 * blocks until a writer comes), opened with O_NONBLOCK, checked again on the open descriptor
 * (the path may have been swapped in between), and read up to one byte past the limit.
 */
import * as fs from 'node:fs';
import { decodeText } from '../core/decodeText';

/** The editor's limit for documents it analyzes (16 MiB); the checker uses the same. */
export const MAX_SPEC_BYTES = 16 * 1024 * 1024;

/**
 * What kept a file from being read: `too-large` (over the limit), `not-regular` (a folder, FIFO,
 * device, socket), `missing` (or a symlink to nothing), `unreadable` (permission denied, a symlink
 * loop, an I/O error). Callers skip a too-large file they found themselves and report the rest.
 */
/** `old-format`: a format before the one read (an nbformat 3 notebook); found in a folder, it is skipped with a note as a file too large is. */
export type UnreadableKind = 'too-large' | 'not-regular' | 'missing' | 'unreadable' | 'old-format';

/** Why a file was not read; `reason` completes "it …" ("is a folder, not a file"), for a one-line message. */
export class UnreadableFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly kind: UnreadableKind,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${reason}`, options);
    this.name = 'UnreadableFileError';
  }
}

/**
 * The decoded text of `file` (see decodeText: byte-order mark dropped, UTF-16 decoded).
 * @throws UnreadableFileError when it is missing, not a regular file, larger than `maxBytes`, or
 * cannot be read.
 */
export function readSpecFile(file: string, maxBytes: number = MAX_SPEC_BYTES): string {
  return decodeText(readRegularFile(file, maxBytes));
}

/** The bytes of a regular file of at most `maxBytes`; @throws UnreadableFileError. */
export function readRegularFile(file: string, maxBytes: number = MAX_SPEC_BYTES): Buffer {
  checkStats(file, statOrThrow(() => fs.statSync(file), file, 'path'), maxBytes);
  let descriptor: number;
  try {
    descriptor = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw unreadableFileError(file, error);
  }
  try {
    const stats = statOrThrow(() => fs.fstatSync(descriptor), file);
    checkStats(file, stats, maxBytes);
    let buffer = Buffer.alloc(stats.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        // Grown since the stat: read on, but never past the limit.
        if (length > maxBytes) throw new UnreadableFileError(file, tooLarge(maxBytes), 'too-large');
        buffer = Buffer.concat([buffer, Buffer.alloc(Math.min(buffer.length, maxBytes + 1 - length))]);
      }
      const read = readOrThrow(descriptor, buffer, length, file);
      if (read === 0) break;
      length += read;
    }
    return buffer.subarray(0, length);
  } finally {
    fs.closeSync(descriptor);
  }
}

function checkStats(file: string, stats: fs.Stats, maxBytes: number): void {
  if (stats.isDirectory()) throw new UnreadableFileError(file, 'is a folder, not a file', 'not-regular');
  if (!stats.isFile()) throw new UnreadableFileError(file, `is not a regular file (${fileType(stats)})`, 'not-regular');
  if (stats.size > maxBytes) throw new UnreadableFileError(file, tooLarge(maxBytes), 'too-large');
}

function tooLarge(maxBytes: number): string {
  const MiB = 1024 * 1024;
  return `is larger than ${maxBytes % MiB === 0 ? `${maxBytes / MiB} MiB` : `${maxBytes} bytes`}, the limit`;
}

function fileType(stats: fs.Stats): string {
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}

/** `of`: 'path' when `stat` looks the file up by its path (its folders' permissions apply), as opposed to an open descriptor. */
function statOrThrow(stat: () => fs.Stats, file: string, of?: 'path'): fs.Stats {
  try {
    return stat();
  } catch (error) {
    throw unreadableFileError(file, error, of);
  }
}

function readOrThrow(descriptor: number, buffer: Buffer, position: number, file: string): number {
  try {
    return fs.readSync(descriptor, buffer, position, buffer.length - position, null);
  } catch (error) {
    throw unreadableFileError(file, error);
  }
}

/**
 * Why `file` (a file or folder) could not be read, from the error of the call that read it.
 * `during`: 'path' when that call was a stat of its path, which needs no permission on the file
 * itself: EACCES there is a folder on the path that cannot be entered (mode 000, another user's),
 * and whether the file is in it is unknown.
 */
export function unreadableFileError(file: string, error: unknown, during?: 'path'): UnreadableFileError {
  const code = (error as NodeJS.ErrnoException).code;
  const kind = code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable';
  return new UnreadableFileError(file, describeErrno(error, during), kind, { cause: error });
}

/** Completes "it …": ENOENT → "does not exist …", with the code for the rare ones. */
function describeErrno(error: unknown, during?: 'path'): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'does not exist (or is a symlink to nothing)';
    case 'EACCES':
    case 'EPERM':
      return during === 'path' ? 'is in a folder that cannot be entered (permission denied)' : 'is not readable (permission denied)';
    case 'ELOOP':
      return 'is a symlink loop';
    default:
      return `cannot be read (${code ?? String(error)})`;
  }
}

/** What standard input is called in messages and errors. */
const STANDARD_INPUT = 'standard input';

/**
 * The bytes of standard input, to its end, at most `maxBytes` (the checker's `check -`). Blocks
 * until the writer closes it, as ESLint's and Prettier's `--stdin` do; waits out a non-blocking
 * descriptor's EAGAIN.
 * @throws UnreadableFileError when it is over `maxBytes` or cannot be read.
 */
export function readStandardInput(maxBytes: number = MAX_SPEC_BYTES, descriptor = 0): Buffer {
  const chunks: Buffer[] = [];
  const chunk = Buffer.alloc(64 * 1024);
  let length = 0;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    let read: number;
    try {
      read = fs.readSync(descriptor, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 10);
        continue;
      }
      // Windows says EOF where a pipe's writer has gone.
      if (code === 'EOF') break;
      throw unreadableFileError(STANDARD_INPUT, error);
    }
    if (read === 0) break;
    length += read;
    if (length > maxBytes) throw new UnreadableFileError(STANDARD_INPUT, tooLarge(maxBytes), 'too-large');
    chunks.push(Buffer.from(chunk.subarray(0, read)));
  }
  return Buffer.concat(chunks, length);
}
