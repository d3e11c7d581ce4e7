/**
 * **SageMaker: Check Workspace**: fills the Problems panel for files nobody opened. The files are
 * those the checker takes for a folder (node/walkFilesToCheck.ts: spec globs, Python, notebooks,
 * JSON files whose members identify a request; `.gitignore` honoured, dependencies and virtual
 * environments skipped, symlinks not followed), and in the editor `files.exclude` besides; each
 * file once, however the workspace folders nest. Each is read from disk
 * (bounded, never blocking) and analysed with its settings, from the catalog and cached live
 * answers only: no registry or AWS call.
 *
 * Results live in their own diagnostic collection, apart from the open documents': a file that is
 * open is the open-document diagnostics' (on open its workspace result is dropped, and put back
 * from disk when it closes unchanged on disk); a file that changes or is deleted on disk loses its
 * result; the next run replaces them all.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { excludeMatcher } from '../core/filesToCheck';
import type { Finding } from '../core/findings';
import { hostOfFileName, readFileDocument, type FileHost } from '../core/fileHost';
import { holdsRequests } from '../core/hostDocument';
import { IpynbFile } from '../core/hosts/notebook/ipynbFile';
import { findingsInIpynbFile } from '../core/hosts/notebook/ipynbFindings';
import { LineIndex } from '../core/textPositions';
import { DefinitionFiles } from '../node/definitionFiles';
import { DeployingTemplates, readAsDeployed } from '../node/deployingTemplates';
import { readSpecFile, UnreadableFileError } from '../node/readSpecFile';
import { walkFoldersToCheck, type FoundFile, type WalkOptions } from '../node/walkFilesToCheck';
import { asPosition, DIAGNOSTIC_SOURCE, toDiagnostic } from './convert';
import { analyzeHostDocument } from './fileAnalysis';
import { isExcludedByProjectConfig, isSpecFilePath } from './settings';
import type { SpecAnalysis } from './specAnalysis';

export const CHECK_WORKSPACE_COMMAND = 'sagemakerSpec.checkWorkspace';

/** What one run did; the command returns it (tests read it). */
export interface WorkspaceCheckSummary {
  filesChecked: number;
  filesWithProblems: number;
  problems: number;
  /** Files found but not read: `path: reason` (a FIFO named like a spec, a file over 16 MiB, …). */
  skipped: string[];
  cancelled: boolean;
}

/** Arguments tests may pass: a token to cancel with, and a hook called after each file checked. */
export interface CheckWorkspaceOptions {
  token?: vscode.CancellationToken;
  onFileChecked?: (filesChecked: number) => void;
}

/** Work this long (ms) before yielding to the extension host, so typing stays smooth during a run. */
const SLICE_MS = 15;

export class WorkspaceCheck implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(`${DIAGNOSTIC_SOURCE}-workspace`);
  /** Files of the last run, by URI string: their results come back when they close. */
  /** Files of the last run (URI strings), with the modification time (ms) of the content checked. */
  private readonly checked = new Map<string, number | undefined>();
  private readonly subscriptions: vscode.Disposable[];
  /** The state machine files templates name (`DefinitionUri`), read from disk as the checker reads them. */
  private readonly definitionFiles = new DefinitionFiles();
  private readonly deployingTemplates = new DeployingTemplates();

  constructor(private readonly analysis: SpecAnalysis) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*', true, false, false);
    const dropOnDisk = (uri: vscode.Uri) => {
      // A change event can arrive late (a file written just before the run): keep results of the content we read.
      const checkedAt = this.checked.get(uri.toString());
      if (checkedAt !== undefined && modifiedAt(uri) === checkedAt) return;
      this.collection.delete(uri);
      this.checked.delete(uri.toString());
    };
    this.subscriptions = [
      this.collection,
      watcher,
      watcher.onDidChange(dropOnDisk),
      watcher.onDidDelete(dropOnDisk),
      // An open file is the open-document diagnostics' (the same findings, kept up to date).
      vscode.workspace.onDidOpenTextDocument((document) => this.collection.delete(document.uri)),
      vscode.workspace.onDidCloseTextDocument((document) => this.restore(document.uri)),
      vscode.workspace.onDidOpenNotebookDocument((notebook) => this.collection.delete(notebook.uri)),
      vscode.workspace.onDidCloseNotebookDocument((notebook) => this.restore(notebook.uri)),
      vscode.commands.registerCommand(CHECK_WORKSPACE_COMMAND, (options?: CheckWorkspaceOptions) => this.run(options)),
    ];
  }

  /** Checks every workspace folder with progress in a notification; Cancel stops between files. */
  run(options: CheckWorkspaceOptions = {}): Thenable<WorkspaceCheckSummary> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'SageMaker: checking workspace', cancellable: true },
      async (progress, token) => {
        const summary = await this.check(progress, [token, options.token], options.onFileChecked);
        const result = `${summary.cancelled ? 'Cancelled after' : 'Checked'} ${summary.filesChecked} ${summary.filesChecked === 1 ? 'file' : 'files'}: ${summary.problems} ${summary.problems === 1 ? 'problem' : 'problems'} in ${summary.filesWithProblems} ${summary.filesWithProblems === 1 ? 'file' : 'files'}`;
        this.analysis.output.line(`Check Workspace: ${result}${summary.skipped.length ? `; not read: ${summary.skipped.join('; ')}` : ''}`);
        vscode.window.setStatusBarMessage(`SageMaker: ${result}`, 10_000);
        return summary;
      },
    );
  }

  private async check(progress: vscode.Progress<{ message?: string }>, tokens: (vscode.CancellationToken | undefined)[], onFileChecked?: (count: number) => void): Promise<WorkspaceCheckSummary> {
    this.collection.clear();
    this.checked.clear();
    const summary: WorkspaceCheckSummary = { filesChecked: 0, filesWithProblems: 0, problems: 0, skipped: [], cancelled: false };
    const cancelled = () => tokens.some((token) => token?.isCancellationRequested);
    const open = new Set([...vscode.workspace.textDocuments, ...vscode.workspace.notebookDocuments].map((document) => document.uri.toString()));
    let sliceStart = Date.now();
    // Files on disk only: a virtual workspace's files are checked as they are opened.
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
    // The checker's walk, symlinks not followed, each file once however the folders nest.
    // A folder the walk cannot enter (permission denied) is named in the summary, as the checker names it (exit 2).
    const onUnreadableFolder = (error: UnreadableFileError) => summary.skipped.push(`${vscode.workspace.asRelativePath(vscode.Uri.file(error.file))}: it ${error.reason}`);
    const walk = walkFoldersToCheck(folders.map((folder) => ({ folder: folder.uri.fsPath, options: { ...walkOptions(folder), onUnreadableFolder } })));
    for (const found of walk) {
      if (cancelled()) {
        summary.cancelled = true;
        return summary;
      }
      const uri = vscode.Uri.file(found.file);
      this.checked.set(uri.toString(), modifiedAt(uri));
      if (!open.has(uri.toString())) this.checkFile(uri, found, summary);
      summary.filesChecked++;
      onFileChecked?.(summary.filesChecked);
      if (Date.now() - sliceStart > SLICE_MS) {
        progress.report({ message: `${summary.filesChecked} files, ${summary.problems} problems` });
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = Date.now();
      }
    }
    summary.cancelled = cancelled();
    return summary;
  }

  /** Reads, analyses and publishes one file; an unreadable one is noted in `summary.skipped`. */
  private checkFile(uri: vscode.Uri, found: FoundFile, summary: WorkspaceCheckSummary): void {
    let text: string;
    try {
      text = found.text ?? readSpecFile(found.file);
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      summary.skipped.push(`${vscode.workspace.asRelativePath(uri)}: it ${error.reason}`);
      return;
    }
    let findings: Finding[];
    try {
      findings = this.analyzeText(uri, found.host, text);
    } catch (error) {
      this.analysis.internalError(`Check Workspace on ${uri.toString(true)}`, error);
      return;
    }
    if (findings.length === 0) return;
    const lines = new LineIndex(text);
    const positions = { positionAt: (offset: number) => asPosition(lines.positionAt(offset)) };
    this.collection.set(uri, findings.map((finding) => toDiagnostic(positions, finding)));
    summary.filesWithProblems++;
    summary.problems += findings.length;
  }

  private analyzeText(uri: vscode.Uri, host: FileHost, text: string): Finding[] {
    if (host === 'notebook') {
      const ipynb = IpynbFile.parse(text);
      if (!ipynb) return [];
      const { document } = readFileDocument(host, uri.fsPath, ipynb.notebook.text, false);
      const findings = holdsRequests(document) ? analyzeHostDocument(this.analysis, uri, document, false) : [];
      return findingsInIpynbFile(ipynb, findings).map((located) => located.finding);
    }
    const readDefinitionFile = uri.scheme === 'file' ? this.definitionFiles.readerFor(uri.fsPath) : undefined;
    const { document, forcedSpec } = readFileDocument(host, uri.fsPath, text, isSpecFilePath(uri.fsPath), readDefinitionFile);
    // A state machine file: read as deployed by the templates near it that name it.
    if (uri.scheme === 'file') readAsDeployed(document, uri.fsPath, this.deployingTemplates);
    return holdsRequests(document) ? analyzeHostDocument(this.analysis, uri, document, forcedSpec) : [];
  }

  /** A file of the last run closed: its result from disk again (it may have been saved changed). */
  private restore(uri: vscode.Uri): void {
    if (!this.checked.has(uri.toString())) return;
    const host = hostOfFileName(uri.fsPath);
    const summary: WorkspaceCheckSummary = { filesChecked: 0, filesWithProblems: 0, problems: 0, skipped: [], cancelled: false };
    this.checkFile(uri, { file: uri.fsPath, host }, summary);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** The walk's options for a workspace folder: `files.exclude`, and the config file's `exclude` as the checker applies it. */
function walkOptions(folder: vscode.WorkspaceFolder): WalkOptions {
  const isExcluded = filesExcludeMatcher(folder);
  return {
    isSpecFile: isSpecFilePath,
    isExcluded: (file, isFolder) => isExcluded(path.relative(folder.uri.fsPath, file)) || isExcludedByProjectConfig(file, isFolder),
  };
}

/** `files.exclude` of the folder (entries set to true; `when` clauses are left out), over paths relative to it. */
function filesExcludeMatcher(folder: vscode.WorkspaceFolder): (relative: string) => boolean {
  const exclude = vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude') ?? {};
  const globs = Object.entries(exclude)
    .filter(([, value]) => value === true)
    .map(([glob]) => glob);
  const matchers = globs.flatMap((glob) => {
    try {
      return [excludeMatcher([glob])];
    } catch {
      return []; // a glob our matcher does not take (an extglob) excludes nothing
    }
  });
  return (relative) => {
    if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
    const posix = relative.split(path.sep).join('/');
    return matchers.some((matches) => matches(posix));
  };
}

/** The file's modification time in ms, or undefined when it cannot be read. */
function modifiedAt(uri: vscode.Uri): number | undefined {
  try {
    return fs.statSync(uri.fsPath, { throwIfNoEntry: false })?.mtimeMs;
  } catch {
    return undefined;
  }
}
