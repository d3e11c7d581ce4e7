/**
 * The CDK manifests beside synthesized templates, read from disk once per change (see
 * core/cdkManifest.ts): the checker asks for every template of a `cdk.out`, the editor on every
 * version of an open template, and the manifest is read again only when its size or time changes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CDK_MANIFEST_FILE, pinnedStackRegionName, readCdkManifest, type CdkManifest, type CdkStackEnvironment } from '../core/cdkManifest';

/** A manifest larger than this is not read (a cloud assembly's manifest is a few kilobytes per stack). */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

interface ReadManifest extends CdkManifest {
  size: number;
  mtimeMs: number;
}

export class CdkManifests {
  private readonly byFolder = new Map<string, ReadManifest | undefined>();

  /**
   * The environment of the stack whose template is `templateFile` (an absolute path), when a
   * `manifest.json` beside it pins that stack to a region; undefined otherwise (no manifest, an
   * unreadable or foreign one, an environment-agnostic stack, a file that is no template of it).
   * `regionName` says where the region came from, for messages (see pinnedStackRegionName).
   */
  stackOf(templateFile: string): { stack: CdkStackEnvironment; regionName: string } | undefined {
    if (!templateFile.endsWith('.template.json')) return undefined;
    const folder = path.dirname(templateFile);
    const stack = this.read(folder, path.join(folder, CDK_MANIFEST_FILE))?.pinned.get(path.basename(templateFile));
    // The manifest by its folder's name (`cdk.out/manifest.json`): it lies beside the file the finding is in.
    return stack && { stack, regionName: pinnedStackRegionName(stack, `${path.basename(folder)}/${CDK_MANIFEST_FILE}`) };
  }

  /**
   * Why the `manifest.json` beside the template `templateFile` could not be read (`cdk.out/manifest.json
   * is not valid JSON …`), for a note; undefined when it was read or is not there.
   */
  problemOf(templateFile: string): string | undefined {
    if (!templateFile.endsWith('.template.json')) return undefined;
    const folder = path.dirname(templateFile);
    const unreadable = this.read(folder, path.join(folder, CDK_MANIFEST_FILE))?.unreadable;
    return unreadable && `${path.basename(folder)}/${CDK_MANIFEST_FILE} ${unreadable}: the templates beside it are checked without their stacks' regions`;
  }

  private read(folder: string, manifestPath: string): ReadManifest | undefined {
    let stats: fs.Stats;
    try {
      stats = fs.statSync(manifestPath);
    } catch {
      this.byFolder.delete(folder);
      return undefined;
    }
    const known = this.byFolder.get(folder);
    if (known && known.size === stats.size && known.mtimeMs === stats.mtimeMs) return known;
    if (!stats.isFile() || stats.size > MAX_MANIFEST_BYTES) return undefined;
    let text: string;
    try {
      text = fs.readFileSync(manifestPath, 'utf8');
    } catch {
      return undefined;
    }
    const read: ReadManifest = { size: stats.size, mtimeMs: stats.mtimeMs, ...readCdkManifest(text) };
    this.byFolder.set(folder, read);
    return read;
  }
}
