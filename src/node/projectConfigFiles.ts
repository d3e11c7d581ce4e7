/**
 * Finds the `.sagemaker-spec.json` that applies to a file: the nearest one in the file's folder or
 * above it, up to the filesystem root. Each folder is looked up once and cached, so checking a
 * thousand files in one folder reads the config once; the editor clears the cache when a config
 * file changes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseProjectConfig, PROJECT_CONFIG_FILE, type ParsedProjectConfig } from '../core/projectConfig';

export interface FoundProjectConfig {
  /** Absolute path of the config file. */
  file: string;
  /** Its folder: the base of its `files` globs. */
  dir: string;
  parsed: ParsedProjectConfig;
}

export class ProjectConfigFiles {
  private readonly byFolder = new Map<string, FoundProjectConfig | undefined>();

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
      found = readConfigIn(dir);
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

function readConfigIn(dir: string): FoundProjectConfig | undefined {
  const file = path.join(dir, PROJECT_CONFIG_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    return { file, dir, parsed: { ok: false, problem: `cannot read it (${code ?? String(error)})` } };
  }
  return { file, dir, parsed: parseProjectConfig(text) };
}
