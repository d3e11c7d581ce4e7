/**
 * `sagemaker-spec check --fix`: writes each file's unambiguous preferred fixes back to it, with
 * the loop the editor's fix-all uses (core/fixAll.ts) and the file's own settings, before the
 * file is checked and reported as it now is. Every host's files are fixed but notebooks: a notebook's
 * fixes land in its cells' JSON strings, which the editor does and the checker leaves to it.
 * A UTF-8 byte-order mark is kept; a UTF-16 file is left as it is (it is read, never rewritten).
 */
import * as fs from 'node:fs';
import { applyPreferredFixes, type AppliedFix } from '../core/fixAll';
import { readAgain } from '../core/fileHost';
import { holdsRequests } from '../core/hostDocument';
import { decodeText } from '../core/decodeText';
import { readRegularFile, UnreadableFileError } from '../node/readSpecFile';
import { analyzeFile, readDocument, type CheckContext } from './checkFile';
import { isNotebookFile } from './checkNotebook';

export interface FixedFile {
  /** Absolute path. */
  file: string;
  /** The fixes written, in the order applied. */
  applied: AppliedFix[];
  /** Why the file was left as it is without being analysed, for the user (a notebook). */
  leftAlone?: string;
}

/**
 * Applies and writes the fixes of `file`; none when it cannot be read (checking it then says why),
 * is a notebook or UTF-16, or holds nothing of ours.
 * @throws CliError when its config file is invalid; any other error is a fault of the analysis.
 */
export function fixFile(file: string, context: CheckContext): FixedFile {
  const none: FixedFile = { file, applied: [] };
  if (isNotebookFile(file)) return { file, applied: [], leftAlone: '--fix does not edit notebooks; apply their quick fixes in the editor' };
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file);
  } catch (error) {
    if (error instanceof UnreadableFileError) return none;
    throw error;
  }
  const encoding = byteOrderMark(bytes);
  if (encoding === 'utf-16') return none;
  const settings = context.settings.forFile(file);
  const text = decodeText(bytes);
  const { document, forcedSpec } = readDocument(file, text, settings.forcedSpec);
  if (!holdsRequests(document)) return none;
  const fileSettings = { ...settings, forcedSpec };
  const result = applyPreferredFixes(text, (current) => {
    const read = current === text ? document : readAgain(document, current, forcedSpec);
    return { document: read, findings: analyzeFile(read, context, fileSettings) };
  });
  if (result.applied.length === 0) return none;
  fs.writeFileSync(file, encoding === 'utf-8-bom' ? `\uFEFF${result.text}` : result.text, 'utf8');
  return { file, applied: result.applied };
}

function byteOrderMark(bytes: Buffer): 'utf-16' | 'utf-8-bom' | undefined {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return 'utf-16';
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  return undefined;
}
