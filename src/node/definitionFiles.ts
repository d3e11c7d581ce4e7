/**
 * The state machine files templates name by a local path (SAM's `DefinitionUri`), read from disk
 * once per change: the checker asks for them with every template that names them, the editor on
 * every version of an open template, and a file is read again only when its size or time changes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readDefinitionFileRequests } from '../core/fileHost';
import type { DefinitionFileReader, NoDefinitionFile } from '../core/hosts/cloudFormation/definitionFile';
import type { SpecDocument } from '../core/specDocument';
import { FileReadings } from './fileReadings';

/** A file larger than this is not read (Step Functions takes definitions of at most 1 MB). */
const MAX_DEFINITION_BYTES = 8 * 1024 * 1024;

export class DefinitionFiles {
  private readonly files = new FileReadings<readonly SpecDocument[]>(MAX_DEFINITION_BYTES, readDefinitionFileRequests);

  /**
   * The reader for the template at `templateFile` (an absolute path): a `DefinitionUri` resolves
   * against the template's folder, as SAM resolves it. `onRead`, when given, hears each absolute
   * path asked for, read or not (the editor refreshes the template when that file changes).
   */
  readerFor(templateFile: string, onRead?: (file: string) => void): DefinitionFileReader {
    const folder = path.dirname(templateFile);
    return (definitionUri) => {
      const file = path.resolve(folder, definitionUri);
      onRead?.(file);
      return this.readingOf(file);
    };
  }

  /**
   * The tasks of the state machine file `file` (absolute); NoDefinitionFile when nothing is at
   * that path (with the names in its folder); undefined when it is no readable file within the
   * size limit.
   */
  readingOf(file: string): readonly SpecDocument[] | NoDefinitionFile | undefined {
    return this.files.get(file) ?? missingFile(file);
  }
}

/** NoDefinitionFile when nothing is at `file` (a dangling link neither), else undefined (there is something, unreadable). */
export function missingFile(file: string): NoDefinitionFile | undefined {
  if (fs.existsSync(file)) return undefined;
  let siblings: string[] = [];
  try {
    siblings = fs.readdirSync(path.dirname(file));
  } catch {
    // The folder is missing too: no names to suggest.
  }
  return { missing: true, siblings };
}
