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
import { closestMatches, isClearNearest } from '../core/closestMatches';

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
      return this.readingOf(file, folder);
    };
  }

  /**
   * The tasks of the state machine file `file` (absolute); NoDefinitionFile when nothing is at
   * that path (with the names in its folder, and the path meant as read from `root`, the
   * template's folder) or a folder is; undefined when it is no readable file within the size limit.
   */
  readingOf(file: string, root?: string): readonly SpecDocument[] | NoDefinitionFile | undefined {
    return this.files.get(file) ?? missingFile(file, root);
  }
}

/**
 * NoDefinitionFile when nothing is at `file` (a dangling link neither) or a folder is, else
 * undefined (a file there, unreadable or too large). `root`: the folder the path is read from (the
 * template's), where the search for the path meant starts.
 */
export function missingFile(file: string, root = path.dirname(file)): NoDefinitionFile | undefined {
  let stats: fs.Stats | undefined;
  try {
    stats = fs.statSync(file);
  } catch {
    // Nothing there (or a dangling link).
  }
  if (stats && !stats.isDirectory()) return undefined;
  let siblings: string[] = [];
  try {
    siblings = fs.readdirSync(path.dirname(file));
  } catch {
    // The folder is missing too: no names to suggest.
  }
  const nearestPath = stats ? onlyStateMachineIn(root, file) : nearestExistingPath(root, path.relative(root, file));
  return { missing: true, siblings, ...(nearestPath !== undefined && { nearestPath }), ...(stats && { folder: true }) };
}

/**
 * The file `relative` (to `root`) clearly meant, segment by segment: each segment as written when
 * it exists, else the entry of that folder that matches it but for letter case, else its clear
 * nearest name; undefined when a segment has none or the path found is no file.
 */
function nearestExistingPath(root: string, relative: string): string | undefined {
  const segments = relative.split(path.sep);
  if (segments.some((segment) => segment === '..' || segment === '')) return undefined;
  let folder = root;
  const found: string[] = [];
  for (const segment of segments) {
    let entries: string[];
    try {
      entries = fs.readdirSync(folder);
    } catch {
      return undefined;
    }
    const match = entries.includes(segment) ? segment : (entries.find((entry) => entry.toLowerCase() === segment.toLowerCase()) ?? clearNearest(segment, entries));
    if (match === undefined) return undefined;
    found.push(match);
    folder = path.join(folder, match);
  }
  try {
    return fs.statSync(folder).isFile() ? found.join('/') : undefined;
  } catch {
    return undefined;
  }
}

/** The one state machine file (`*.asl.json`, `*.asl.yaml`) in the folder `folder`, as a path from `root`; undefined for none or several. */
function onlyStateMachineIn(root: string, folder: string): string | undefined {
  let entries: string[];
  try {
    entries = fs.readdirSync(folder).filter((entry) => /\.asl\.(?:json|ya?ml)$/i.test(entry));
  } catch {
    return undefined;
  }
  return entries.length === 1 ? path.relative(root, path.join(folder, entries[0])).split(path.sep).join('/') : undefined;
}

function clearNearest(name: string, entries: readonly string[]): string | undefined {
  const nearest = closestMatches(name, entries, 2);
  return isClearNearest(name, nearest) ? nearest[0] : undefined;
}
