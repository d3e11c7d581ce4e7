/**
 * The CDK manifests beside synthesized templates, read from disk once per change (see
 * core/cdkManifest.ts): the checker asks for every template of a `cdk.out`, the editor on every
 * version of an open template, and the manifest is read again only when its size or time changes.
 */
import * as path from 'node:path';
import { FileReadings } from './fileReadings';
import { CDK_MANIFEST_FILE, pinnedStackRegionName, readCdkManifest, type CdkManifest, type CdkStackEnvironment } from '../core/cdkManifest';

/** A manifest larger than this is not read (a cloud assembly's manifest is a few kilobytes per stack). */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

export class CdkManifests {
  private readonly manifests = new FileReadings<CdkManifest>(MAX_MANIFEST_BYTES, (_file, text) => readCdkManifest(text));

  /**
   * The environment of the stack whose template is `templateFile` (an absolute path), when a
   * `manifest.json` beside it pins that stack to a region; undefined otherwise (no manifest, an
   * unreadable or foreign one, an environment-agnostic stack, a file that is no template of it).
   * `regionName` says where the region came from, for messages (see pinnedStackRegionName).
   */
  stackOf(templateFile: string): { stack: CdkStackEnvironment; regionName: string } | undefined {
    if (!templateFile.endsWith('.template.json')) return undefined;
    const folder = path.dirname(templateFile);
    const stack = this.read(folder)?.pinned.get(path.basename(templateFile));
    // The manifest by its folder's name (`cdk.out/manifest.json`): it lies beside the file the finding is in.
    return stack && { stack, regionName: pinnedStackRegionName(stack, `${path.basename(folder)}/${CDK_MANIFEST_FILE}`) };
  }

  /**
   * True when a `manifest.json` beside `templateFile` (an absolute path) lists it as a stack's
   * template, pinned or not: `cdk synth` wrote it (see core/cdkManifest.ts).
   */
  listsTemplate(templateFile: string): boolean {
    if (!templateFile.endsWith('.template.json')) return false;
    return this.read(path.dirname(templateFile))?.templates.has(path.basename(templateFile)) === true;
  }

  /**
   * Why the `manifest.json` beside the template `templateFile` could not be read (`cdk.out/manifest.json
   * is not valid JSON …`), for a note; undefined when it was read or is not there.
   */
  problemOf(templateFile: string): string | undefined {
    if (!templateFile.endsWith('.template.json')) return undefined;
    const folder = path.dirname(templateFile);
    const unreadable = this.read(folder)?.unreadable;
    return unreadable && `${path.basename(folder)}/${CDK_MANIFEST_FILE} ${unreadable}: the templates beside it are checked without their stacks' regions`;
  }

  /** The manifest in `folder` (a template's), read once per change. */
  private read(folder: string): CdkManifest | undefined {
    return this.manifests.get(path.join(folder, CDK_MANIFEST_FILE));
  }
}
