/**
 * `sagemaker-spec check --fix`: writes each file's unambiguous preferred fixes back to it, with
 * the loop the editor's fix-all uses (core/fixAll.ts) and the file's own settings, before the
 * file is checked and reported as it now is. `--fix-dry-run` works out the same fixes and writes
 * nothing (its report maps the fixed text's findings back onto the file as it is: see runCli).
 * Every host's files are fixed but notebooks: a notebook's fixes land in its cells' JSON
 * strings, which the editor does and the checker leaves to it. A UTF-8 byte-order mark is kept; a
 * UTF-16 file is read, never rewritten, and so is a file that is not valid UTF-8 (a Latin-1 Python
 * file with `# -*- coding: latin-1 -*-`): it is read with U+FFFD in place of its invalid bytes, and
 * writing that text back would change every one of them, not only what the fix edits. Its note
 * says where the first invalid byte is, not which encoding the file may be in: bytes do not say.
 * A notebook, UTF-16 or not-UTF-8 file with fixes to apply is reported as left alone, with how
 * many and why; one with none is not mentioned. A file that cannot be written (read-only, on a
 * read-only file system) is not an internal error but the user's: its fixes are returned as not
 * written, with why, and the run exits 2 (see runCli).
 */
import * as fs from 'node:fs';
import { applyPreferredFixes, unambiguousFix, type AppliedFix } from '../core/fixAll';
import type { Finding, TextEdit } from '../core/findings';
import { readAgain, type FileHost } from '../core/fileHost';
import { holdsRequests } from '../core/hostDocument';
import { decodeText } from '../core/decodeText';
import { firstInvalidUtf8, type InvalidUtf8 } from '../core/invalidUtf8';
import { readRegularFile, UnreadableFileError } from '../node/readSpecFile';
import { analyzeFile, definitionFileReader, readDocument, type CheckContext } from './checkFile';
import { checkNotebook, isNotebookFile } from './checkNotebook';

export interface FixOptions {
  /** Apply only the fixes of errors: `--quiet` reports nothing else, so it fixes nothing else. */
  errorsOnly?: boolean;
  /** Work the fixes out without writing them (`--fix-dry-run`). */
  dryRun?: boolean;
}

export interface FixedFile {
  /** Absolute path. */
  file: string;
  /** The fixes written (or, in a dry run, that would be), in the order applied. */
  applied: AppliedFix[];
  /** The decoded text after them (no byte-order mark), when any applied. */
  text?: string;
  /** With `text`: the decoded text before them, and each round's edits (to map positions back: core/edits/rangeBeforeEdits.ts). */
  before?: { text: string; rounds: TextEdit[][] };
  /** Fixes --fix would apply to a file it does not edit (a notebook, a UTF-16 or not-UTF-8 file): how many, and why, for the user. */
  leftAlone?: { fixes: number; reason: string };
  /** Fixes --fix worked out but could not write (permission denied): how many, and why, completing "it …". */
  notWritten?: { fixes: number; reason: string };
}

const UNDOING_REASON = 'they undo each other (a value two members read, through a YAML anchor say, needs what one of them refuses); choose in the editor';
const NOTEBOOK_REASON = '--fix does not edit notebooks; apply their quick fixes in the editor';
const UTF16_REASON = '--fix writes UTF-8 only and this file is UTF-16; apply the fixes in the editor, or save the file as UTF-8';

/**
 * Works out the fixes of `file` and writes them (unless `options.dryRun`); none when it cannot be
 * read (checking it then says why) or holds nothing of ours. `stdin`: standard input standing for
 * `file` (its text, read by `host`), whose fixes are only worked out, never written.
 * @throws CliError when its config file is invalid or a notebook is not one; any other error is a fault of the analysis.
 */
export function fixFile(file: string, context: CheckContext, options: FixOptions = {}, stdin?: { text: string; host: FileHost }): FixedFile {
  const none: FixedFile = { file, applied: [] };
  let bytes: Buffer;
  try {
    bytes = stdin ? Buffer.from(stdin.text, 'utf8') : readRegularFile(file);
  } catch (error) {
    if (error instanceof UnreadableFileError) return none;
    throw error;
  }
  const settings = context.settings.forFile(file);
  const text = stdin?.text ?? decodeText(bytes);
  const kept = (findings: Finding[]) => (options.errorsOnly ? findings.filter((finding) => finding.severity === 'error') : findings);
  if (stdin ? stdin.host === 'notebook' : isNotebookFile(file)) {
    const fixable = kept(checkNotebook(file, text, context, settings).findings).filter((finding) => unambiguousFix(finding) !== undefined).length;
    return fixable === 0 ? none : { file, applied: [], leftAlone: { fixes: fixable, reason: NOTEBOOK_REASON } };
  }
  const { document, forcedSpec } = readDocument(file, text, settings.forcedSpec, stdin?.host);
  if (!holdsRequests(document)) return none;
  const fileSettings = { ...settings, forcedSpec };
  const result = applyPreferredFixes(text, (current) => {
    const read = current === text ? document : readAgain(document, current, forcedSpec, definitionFileReader(file));
    return { document: read, findings: kept(analyzeFile(read, context, fileSettings)) };
  });
  if (result.applied.length === 0) return result.undone ? { file, applied: [], leftAlone: { fixes: result.undone, reason: UNDOING_REASON } } : none;
  const encoding = byteOrderMark(bytes);
  if (encoding === 'utf-16') return { file, applied: [], leftAlone: { fixes: result.applied.length, reason: UTF16_REASON } };
  const notUtf8 = firstInvalidUtf8(bytes);
  if (notUtf8 !== undefined) return { file, applied: [], leftAlone: { fixes: result.applied.length, reason: notUtf8Reason(notUtf8) } };
  // Standard input has no file to write to (the argument parser refuses --fix with "-").
  if (!options.dryRun && !stdin) {
    try {
      fs.writeFileSync(file, encoding === 'utf-8-bom' ? `\uFEFF${result.text}` : result.text, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === undefined) throw error;
      return { file, applied: [], notWritten: { fixes: result.applied.length, reason: describeWriteError(code) } };
    }
  }
  return { file, applied: result.applied, text: result.text, before: { text, rounds: result.rounds ?? [] } };
}

/** Why --fix leaves a file that is not UTF-8 alone, and where it stops being UTF-8 (what it is instead is not told by its bytes). */
function notUtf8Reason({ byte, offset, line }: InvalidUtf8): string {
  const hex = byte.toString(16).toUpperCase().padStart(2, '0');
  return `--fix writes UTF-8 only and this file is not valid UTF-8 (first invalid byte: 0x${hex} on line ${line}, at byte offset ${offset}), so writing it would change more than the fixes; apply the fixes in the editor, or save the file as UTF-8`;
}

/** Completes "it …" for a file that could not be written: EACCES → "is not writable (permission denied)". */
function describeWriteError(code: string): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'is not writable (permission denied)';
    case 'EROFS':
      return 'is on a read-only file system';
    default:
      return `cannot be written (${code})`;
  }
}

function byteOrderMark(bytes: Buffer): 'utf-16' | 'utf-8-bom' | undefined {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return 'utf-16';
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  return undefined;
}
