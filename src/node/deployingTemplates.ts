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
  /** Each template's uses by the absolute path they name: a template naming a thousand files is looked up, not walked, per file. */
  private readonly uses = new FileReadings<ReadonlyMap<string, StateMachineFileUse[]>>(MAX_TEMPLATE_BYTES, (file, text) => usesByFile(file, text));
  /** Each folder's template files, listed again only when the folder's time changes (a file added, removed or renamed in it). */
  private readonly listings = new Map<string, { mtimeMs: number; templates: string[] }>();

  /**
   * The templates near `file` (an absolute path of a state machine file) that name it, in the
   * order found (its own folder first). `readText`, when given, reads a template's text first
   * (the editor's unsaved edits); undefined falls back to the disk.
   */
  of(file: string, readText?: (template: string) => string | undefined): FoundTemplates {
    const found: FoundTemplates = { deployedBy: [], consulted: [] };
    let folder = path.dirname(file);
    for (let level = 0; level <= MAX_TEMPLATE_LEVELS; level++) {
      for (const template of this.templatesIn(folder)) {
        found.consulted.push(template);
        const text = readText?.(template);
        const uses = text !== undefined ? usesByFile(template, text) : this.uses.get(template);
        // Every resource of the template that names the file (two state machines may share one definition).
        for (const use of uses?.get(file) ?? []) found.deployedBy.push({ template: path.relative(path.dirname(file), template).split(path.sep).join('/'), substitutions: use.substitutions, ...(use.express && { express: use.express }) });
      }
      const parent = path.dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
    return found;
  }

  /** The template files of `folder` (absolute paths, sorted), none when it cannot be listed; a listing is kept while the folder's time stays. */
  private templatesIn(folder: string): string[] {
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(folder).mtimeMs;
    } catch {
      this.listings.delete(folder);
      return [];
    }
    const known = this.listings.get(folder);
    if (known?.mtimeMs === mtimeMs) return known.templates;
    let templates: string[];
    try {
      templates = fs
        .readdirSync(folder, { withFileTypes: true })
        .filter((entry) => entry.isFile() && TEMPLATE_NAME.test(entry.name))
        .map((entry) => path.join(folder, entry.name))
        .sort();
    } catch {
      templates = [];
    }
    this.listings.set(folder, { mtimeMs, templates });
    return templates;
  }
}

/** The state machine files the template `template` (its `text`) names, by absolute path. */
function usesByFile(template: string, text: string): ReadonlyMap<string, StateMachineFileUse[]> {
  const byFile = new Map<string, StateMachineFileUse[]>();
  for (const use of stateMachineFilesOf(text, !template.toLowerCase().endsWith('.json'))) {
    const file = path.resolve(path.dirname(template), use.path);
    byFile.set(file, [...(byFile.get(file) ?? []), use]);
  }
  return byFile;
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
