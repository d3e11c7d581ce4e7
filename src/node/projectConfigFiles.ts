/**
 * Finds the `.sagemaker-spec.json` that applies to a file: the nearest one in the file's folder or
 * above it, up to the filesystem root. Each folder is looked up once and cached, so checking a
 * thousand files in one folder reads the config once; the editor clears the cache when a config
 * file changes.
 */
import * as path from 'node:path';
import { decodeText } from '../core/decodeText';
import { parseProjectConfig, PROJECT_CONFIG_FILE, type ParsedProjectConfig, type ProjectConfigOptions } from '../core/projectConfig';
import { readRegularFile, UnreadableFileError } from './readSpecFile';

/** A config file holds a few settings; anything larger is refused unread (bytes). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export interface FoundProjectConfig {
  /** Absolute path of the config file. */
  file: string;
  /** Its folder: the base of its `files` globs. */
  dir: string;
  parsed: ParsedProjectConfig;
}

export class ProjectConfigFiles {
  private readonly byFolder = new Map<string, FoundProjectConfig | undefined>();

  /** `options.knownRegions`: the catalog's regions, which a config's `region` must be one of. */
  constructor(private readonly options: ProjectConfigOptions = {}) {}

  /** The config that applies to files in `folder`, or undefined when there is none. */
  nearest(folder: string): FoundProjectConfig | undefined {
    const visited: string[] = [];
    let dir = path.resolve(folder);
    let found: FoundProjectConfig | undefined;
    for (;;) {
      if (this.byFolder.has(dir)) {
        found = this.byFolder.get(dir);
        break;
      }
      visited.push(dir);
      found = readConfigIn(dir, this.options);
      if (found) break;
      const parent = path.dirname(dir);
      if (parent === dir) break; // the filesystem root
      dir = parent;
    }
    for (const folderBelow of visited) this.byFolder.set(folderBelow, found);
    return found;
  }

  clear(): void {
    this.byFolder.clear();
  }
}

/** Read like a spec (regular files only, bounded, decoded by byte-order mark), never blocking. */
function readConfigIn(dir: string, options: ProjectConfigOptions): FoundProjectConfig | undefined {
  const file = path.join(dir, PROJECT_CONFIG_FILE);
  let text: string;
  try {
    text = decodeText(readRegularFile(file, MAX_CONFIG_BYTES));
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    const code = (error.cause as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    return { file, dir, parsed: { ok: false, problem: `it ${error.reason}` } };
  }
  return { file, dir, parsed: parseProjectConfig(text, options) };
}
