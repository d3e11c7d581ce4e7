/**
 * The templates that deploy a state machine file (deployingTemplates.ts in the core), found on
 * disk: SAM keeps `template.yaml` at the project's root and the state machine below it
 * (`statemachine/train.asl.json`), so the file's folder and the folders above it are searched,
 * up to MAX_TEMPLATE_LEVELS, for templates — files whose name has `template` in it, ending `.yaml`,
 * `.yml` or `.json` — that name the file by a local `DefinitionUri` or `DefinitionS3Location`.
 * Each template's uses are read once per change (size and time), as state machine files are.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HostDocument } from '../core/hostDocument';
import { applyDeployingTemplates, stateMachineFilesOf, type DeployingTemplate, type StateMachineFileUse } from '../core/hosts/workflows/deployingTemplates';
import { FileReadings } from './fileReadings';

/** The state machine file's folder and this many above it. */
export const MAX_TEMPLATE_LEVELS = 4;
/** A template is larger than this only when generated; it is not searched. */
const MAX_TEMPLATE_BYTES = 2 * 1024 * 1024;
/** A file name that may be a template's (`template.yaml`, `train.template.json`, `pipeline-template.yml`). */
const TEMPLATE_NAME = /template[^/\\]*\.(?:ya?ml|json)$/i;

/** True when the file at `file` (a path) has a name a template searched for may have (see TEMPLATE_NAME). */
export function isTemplateFileName(file: string): boolean {
  return TEMPLATE_NAME.test(path.basename(file));
}

export interface FoundTemplates {
  deployedBy: DeployingTemplate[];
  /** Every template file read (absolute), whether or not it names the file: the editor follows their changes. */
  consulted: string[];
}

export class DeployingTemplates {
  private readonly uses = new FileReadings<StateMachineFileUse[]>(MAX_TEMPLATE_BYTES, (file, text) => stateMachineFilesOf(text, !file.toLowerCase().endsWith('.json')));

  /**
   * The templates near `file` (an absolute path of a state machine file) that name it, in the
   * order found (its own folder first). `readText`, when given, reads a template's text first
   * (the editor's unsaved edits); undefined falls back to the disk.
   */
  of(file: string, readText?: (template: string) => string | undefined): FoundTemplates {
    const found: FoundTemplates = { deployedBy: [], consulted: [] };
    let folder = path.dirname(file);
    for (let level = 0; level <= MAX_TEMPLATE_LEVELS; level++) {
      for (const template of templatesIn(folder)) {
        found.consulted.push(template);
        const text = readText?.(template);
        const uses = text !== undefined ? stateMachineFilesOf(text, !template.toLowerCase().endsWith('.json')) : this.uses.get(template) ?? [];
        const use = uses.find((candidate) => path.resolve(path.dirname(template), candidate.path) === file);
        if (use) found.deployedBy.push({ template: path.relative(path.dirname(file), template).split(path.sep).join('/'), substitutions: use.substitutions });
      }
      const parent = path.dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
    return found;
  }
}

/** The template files of `folder` (absolute paths, sorted), none when it cannot be listed. */
function templatesIn(folder: string): string[] {
  try {
    return fs
      .readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && TEMPLATE_NAME.test(entry.name))
      .map((entry) => path.join(folder, entry.name))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Reads the state machine tasks of `document` (the file `file`, absolute) as deployed by the
 * templates near it that name it (applyDeployingTemplates); nothing for a document without such
 * tasks. Returns the template files consulted (the editor follows their changes).
 */
export function readAsDeployed(document: HostDocument, file: string, templates: DeployingTemplates, readText?: (template: string) => string | undefined): string[] {
  if (!document.requests.some((request) => request.embedding?.container === 'state-machine-task')) return [];
  const found = templates.of(file, readText);
  applyDeployingTemplates(document, found.deployedBy);
  return found.consulted;
}
