/**
 * The `exclude` patterns of `.sagemaker-spec.json` files, as the checker's folder walk and the
 * editor's Check Workspace both apply them: a path is excluded by the config file nearest to it
 * (for a folder, nearest to the folder holding it), its patterns read relative to that file's
 * folder (see core/excludePatterns.ts). An invalid config file excludes nothing here: the editor
 * warns of it, and the checker validates each config it asks about first (cli/fileSettings.ts),
 * ending the run.
 */
import * as path from 'node:path';
import { compileExcludePatterns, type ExcludeMatcher } from '../core/excludePatterns';
import type { ProjectConfigFiles } from './projectConfigFiles';

export class ConfigExcludes {
  /** Compiled patterns per config file (absolute path). */
  private readonly compiled = new Map<string, ExcludeMatcher>();

  constructor(private readonly configs: ProjectConfigFiles) {}

  /** True when the nearest config file's `exclude` matches `file` (absolute; `isFolder` for a folder). */
  isExcluded(file: string, isFolder: boolean): boolean {
    const found = this.configs.nearest(path.dirname(file));
    const patterns = found?.parsed.ok ? found.parsed.config.exclude : undefined;
    if (!found || !patterns) return false;
    let matches = this.compiled.get(found.file);
    if (!matches) this.compiled.set(found.file, (matches = compileExcludePatterns(patterns)));
    return excludedBelow(found.dir, matches, file, isFolder);
  }

  /** Forgets compiled patterns (the editor calls it when a config file changes, with ProjectConfigFiles.clear). */
  clear(): void {
    this.compiled.clear();
  }
}

/** True when `matches` (patterns relative to `base`) excludes `file`; nothing outside `base` is. */
export function excludedBelow(base: string, matches: ExcludeMatcher, file: string, isFolder: boolean): boolean {
  const relative = path.relative(base, file);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return false;
  const posix = relative.split(path.sep).join('/');
  return matches(isFolder ? `${posix}/` : posix);
}
