/**
 * One parse per document version, shared by every provider, and the decision of which documents
 * we serve: JSON/JSONC and YAML whose members tell a SageMaker request, SageMaker Pipelines
 * definitions and Step Functions state machines holding requests, CloudFormation templates with
 * SageMaker resources, files matching `sagemakerSpec.files` (always specs), Python with SageMaker
 * calls, and Dockerfiles. Every other file gets nothing from us.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readDefinitionFileRequests } from '../core/fileHost';
import type { DefinitionFileReader } from '../core/hosts/cloudFormation/definitionFile';
import { DefinitionFiles } from '../node/definitionFiles';
import { DeployingTemplates, isTemplateFileName, MAX_TEMPLATE_LEVELS, readAsDeployed } from '../node/deployingTemplates';
import { DOCKERFILE_LANGUAGE_ID, JSON_LANGUAGE_IDS, PYTHON_LANGUAGE_IDS, YAML_LANGUAGE_IDS } from './servedLanguages';
import { emptyStateMachineDocument } from '../core/hosts/workflows/emptyStateMachine';
import { holdsRequests, readDockerfileDocument, readJsonDocument, readPythonDocument, readYamlDocument, type HostDocument } from '../core/hostDocument';
import { isYamlSpecName } from '../core/hosts/yaml/yamlRequests';
import type { SpecDocument } from '../core/specDocument';
import { isNotebookCell, NotebookDocuments, type ServedCell } from './notebookDocuments';
import { matchesSpecFiles } from './settings';

export interface ServedSpec {
  spec: SpecDocument;
  /** Matches `sagemakerSpec.files`: a spec even when its kind cannot be told. */
  forced: boolean;
}

/** Any document we serve, whatever its host: the requests embedded in it. */
export interface ServedDocument {
  document: HostDocument;
  /** For AWS CLI specs, JSON or YAML (the only ones the launch commands send): the spec itself. */
  json?: ServedSpec;
  /**
   * For a notebook cell: its notebook, whose code cells `document` holds joined (offsets into the
   * joined text, not the cell: map them with notebookDocuments.ts).
   */
  cell?: ServedCell;
  /** Milliseconds it took to read (parse) this version of a JSON or Python document. */
  readMs?: number;
}

const JSON_LANGUAGES = new Set(JSON_LANGUAGE_IDS);
const PYTHON_LANGUAGES = new Set(PYTHON_LANGUAGE_IDS);
const DOCKERFILE_LANGUAGE = DOCKERFILE_LANGUAGE_ID;
const YAML_LANGUAGES = new Set(YAML_LANGUAGE_IDS);

/**
 * Larger JSON documents are data, not request specs (SageMaker caps request bodies far below
 * this); skipping them keeps typing in them free of our work.
 */
export const MAX_SPEC_CHARACTERS = 16 * 1024 * 1024;

/** One reading of a document version; `links`: the state machine files it read, each with its stamp (see stampOf). */
interface CachedReading {
  version: number;
  served: ServedDocument | undefined;
  links?: ReadonlyMap<string, string>;
}

/**
 * The open text document of the file at `file` (an absolute path), if any: one with unsaved
 * edits, or one whose file is still on disk. VS Code keeps the document of a file deleted under
 * it (its tab may stay open): that file is gone, and read as missing.
 */
function openFileDocument(file: string): vscode.TextDocument | undefined {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.scheme === 'file' && document.uri.fsPath === file);
  return open && (open.isDirty || fs.existsSync(file)) ? open : undefined;
}

/** What a linked file is now: an open document's version, else its size and time on disk, else missing. */
function stampOf(file: string, open: vscode.TextDocument | undefined): string {
  if (open) return `open:${open.version}`;
  try {
    const stats = fs.statSync(file);
    return `disk:${stats.size}:${stats.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

export class SpecDocuments {
  /**
   * Keyed by the document object, not its URI: an untitled document closed and created again gets
   * the same URI and version 1, and must not see the old text's parse.
   */
  private readonly cache = new WeakMap<vscode.TextDocument, CachedReading>();
  /** The state machine files templates name (`DefinitionUri`), read from disk when not open. */
  private readonly definitionFiles = new DefinitionFiles();
  private readonly deployingTemplates = new DeployingTemplates();
  /** An open state machine file's tasks as a template reads them, per version (its unsaved text counts). */
  private readonly openDefinitions = new WeakMap<vscode.TextDocument, { version: number; requests: readonly SpecDocument[] }>();
  /** Notebook cells are read with their whole notebook (one scope), cached per notebook state. */
  readonly notebooks = new NotebookDocuments(MAX_SPEC_CHARACTERS);
  /** How many JSON or Python document versions were read (each a full parse of a spec); for tests. */
  readCount = 0;

  /** The parsed JSON spec, or undefined when the document is not a JSON spec of ours. */
  get(document: vscode.TextDocument): ServedSpec | undefined {
    return this.serve(document)?.json;
  }

  /** Any document of ours (JSON spec, Python script), or undefined. */
  serve(document: vscode.TextDocument): ServedDocument | undefined {
    if (isNotebookCell(document)) {
      const cell = this.notebooks.serveCell(document);
      return cell && { document: cell.read.host, cell };
    }
    const isJson = JSON_LANGUAGES.has(document.languageId);
    const isDockerfile = document.languageId === DOCKERFILE_LANGUAGE;
    const isYaml = YAML_LANGUAGES.has(document.languageId);
    if (!isJson && !isYaml && !isDockerfile && !PYTHON_LANGUAGES.has(document.languageId)) return undefined;
    const cached = this.cache.get(document);
    if (cached && cached.version === document.version && !this.linksChanged(cached.links)) return cached.served;
    this.readCount++;
    const started = performance.now();
    // The state machine files a template names, with what each was when read (see linksChanged).
    const links = new Map<string, string>();
    const served = isJson ? this.readJson(document, links) : isYaml ? this.readYaml(document, links) : isDockerfile ? this.readDockerfile(document) : this.readPython(document);
    if (served) served.readMs = performance.now() - started;
    this.cache.set(document, { version: document.version, served, ...(links.size > 0 && { links }) });
    return served;
  }

  forget(document: vscode.TextDocument): void {
    this.cache.delete(document);
  }

  /**
   * The open documents whose last reading read the state machine file `file` (an absolute path):
   * a template naming it by `DefinitionUri`. Their findings change with the file.
   */
  linkedTo(file: string): vscode.TextDocument[] {
    return vscode.workspace.textDocuments.filter((document) => this.cache.get(document)?.links?.has(file));
  }

  /**
   * For a template created, renamed, changed or deleted at `template` (an absolute path): drops the
   * cached readings of the open state machine files it may deploy and returns those documents.
   * Their readings did not consult it (it was not there, or said something else), so they must be
   * read again. Nothing for other file names.
   */
  forgetDeployedBy(template: string): vscode.TextDocument[] {
    if (!isTemplateFileName(template)) return [];
    const forgotten = vscode.workspace.textDocuments.filter((document) => this.readsAsDeployed(document, template));
    for (const document of forgotten) this.cache.delete(document);
    return forgotten;
  }

  /** True for an open state machine file (its last reading had tasks) that a template at `template` may deploy: the template's folder holds it, at most MAX_LEVELS below. */
  private readsAsDeployed(document: vscode.TextDocument, template: string): boolean {
    if (document.uri.scheme !== 'file') return false;
    const requests = this.cache.get(document)?.served?.document.requests ?? [];
    if (!requests.some((request) => request.embedding?.container === 'state-machine-task')) return false;
    const relative = path.relative(path.dirname(template), path.dirname(document.uri.fsPath));
    return !relative.startsWith('..') && !path.isAbsolute(relative) && (relative === '' ? 0 : relative.split(path.sep).length) <= MAX_TEMPLATE_LEVELS;
  }

  /** How `document` reads the state machine files it names, for a reading of another text of it (fix-all's later rounds). */
  definitionReaderFor(document: vscode.TextDocument): DefinitionFileReader | undefined {
    return this.definitionReader(document, new Map());
  }

  /**
   * How a template document reads the state machine files it names: relative to its folder; an
   * open file from its text (unsaved edits count), another from disk. Each file asked for goes in
   * `links` with its stamp. None for a document that is no file on disk (untitled, remote).
   */
  private definitionReader(document: vscode.TextDocument, links: Map<string, string>): DefinitionFileReader | undefined {
    if (document.uri.scheme !== 'file') return undefined;
    const folder = path.dirname(document.uri.fsPath);
    return (definitionUri) => {
      const file = path.resolve(folder, definitionUri);
      const open = openFileDocument(file);
      links.set(file, stampOf(file, open));
      return open ? this.openDefinitionRequests(open) : this.definitionFiles.readingOf(file, folder);
    };
  }

  private openDefinitionRequests(document: vscode.TextDocument): readonly SpecDocument[] | undefined {
    const known = this.openDefinitions.get(document);
    if (known?.version === document.version) return known.requests;
    const text = document.getText();
    if (text.length > MAX_SPEC_CHARACTERS) return undefined;
    const requests = readDefinitionFileRequests(document.uri.fsPath, text);
    this.openDefinitions.set(document, { version: document.version, requests });
    return requests;
  }

  /**
   * A state machine file's tasks, read as deployed by the templates near it that name it (an open
   * template's unsaved text counts); each template consulted goes in `links`, so editing it
   * analyses the state machine again.
   */
  private readAsDeployed(document: vscode.TextDocument, host: HostDocument, links: Map<string, string>): void {
    if (document.uri.scheme !== 'file') return;
    const consulted = readAsDeployed(host, document.uri.fsPath, this.deployingTemplates, (template) => openFileDocument(template)?.getText());
    for (const template of consulted) links.set(template, stampOf(template, openFileDocument(template)));
  }

  /** True when a linked file is not what it was when read: edited, opened or closed, saved, created or deleted. */
  private linksChanged(links: ReadonlyMap<string, string> | undefined): boolean {
    if (!links) return false;
    for (const [file, stamp] of links) if (stampOf(file, openFileDocument(file)) !== stamp) return true;
    return false;
  }

  /**
   * Other JSON files cost a text search and at most one flat scan of their top-level members;
   * only specs are parsed into a tree.
   */
  private readJson(document: vscode.TextDocument, links: Map<string, string>): ServedDocument | undefined {
    const text = document.getText();
    if (text.length > MAX_SPEC_CHARACTERS) return undefined;
    const forced = matchesSpecFiles(document);
    // VS Code's JSON with Comments (`.jsonc`, or a file the user associated with it) keeps its comments; plain JSON is AWS CLI input.
    const host = emptyStateMachineDocument(document.fileName, text, 'json') ?? readJsonDocument(text, forced, document.languageId === 'jsonc' ? 'jsonc' : 'json', this.definitionReader(document, links));
    this.readAsDeployed(document, host, links);
    const spec = host.requests[0];
    if (!spec) return undefined;
    // A workflow (Pipelines definition, state machine) or a template holds requests but is not one: never launchable.
    if (spec.embedding || spec.valuesOnly || spec.emptyStateMachine) return { document: host };
    return { document: host, json: { spec, forced } };
  }

  /**
   * Every Dockerfile is served, so `FROM ` completes before any image is written; one without an
   * Amazon ECR image is never parsed (the parser is not even loaded) and has nothing to analyse.
   */
  private readDockerfile(document: vscode.TextDocument): ServedDocument | undefined {
    const text = document.getText();
    if (text.length > MAX_SPEC_CHARACTERS) return undefined;
    return { document: readDockerfileDocument(text) };
  }

  /**
   * A YAML file without a request member or template resource name is never parsed (the parser
   * is not even loaded). One AWS CLI request in the file is a spec the launch commands send.
   */
  private readYaml(document: vscode.TextDocument, links: Map<string, string>): ServedDocument | undefined {
    const text = document.getText();
    if (text.length > MAX_SPEC_CHARACTERS) return undefined;
    const forced = matchesSpecFiles(document) || isYamlSpecName(document.fileName);
    const host = emptyStateMachineDocument(document.fileName, text, 'yaml') ?? readYamlDocument(text, forced, this.definitionReader(document, links));
    this.readAsDeployed(document, host, links);
    if (!holdsRequests(host)) return undefined;
    const [spec, ...others] = host.requests;
    return others.length === 0 && !spec.valuesOnly && !spec.emptyStateMachine ? { document: host, json: { spec, forced } } : { document: host };
  }

  /** A Python file without any SageMaker word is never parsed (the parser is not even loaded). */
  private readPython(document: vscode.TextDocument): ServedDocument | undefined {
    const text = document.getText();
    if (text.length > MAX_SPEC_CHARACTERS) return undefined;
    const host = readPythonDocument(text);
    return holdsRequests(host) ? { document: host } : undefined;
  }
}
