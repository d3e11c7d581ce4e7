/** Path helpers shared by glob matching and the output formats (which always use `/`). */
import * as path from 'node:path';

export function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/** `file` relative to `dir` with `/` separators, or undefined when it is not inside `dir`. */
export function pathInside(dir: string, file: string): string | undefined {
  const relative = path.relative(dir, file);
  const outside = relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  return outside ? undefined : toPosix(relative);
}
