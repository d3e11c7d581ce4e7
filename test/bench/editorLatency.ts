// The in-editor half of `npm run bench:editor` (scripts/bench-editor.mjs): VS Code's extension host
// loads this module as its `extensionTestsPath` and awaits `run()`. It measures, on the same
// documents and interleaved, the time from an edit to updated diagnostics:
// - VS Code's own JSON diagnostics: a syntax-breaking edit (a stray `x` after the comma that ends
//   the TrainingImage line) until a diagnostic of another source than ours appears on that line;
// - ours: an image-tag edit (the tag `1.7-1` becomes `9.9-9`, which the catalog lacks) until a
//   diagnostic of ours (`unknown-image-tag`) appears on that line.
// Each edit is undone and both sources settle before the next sample. Timing is never asserted:
// the figures go to the file named by SAGEMAKER_SPEC_BENCH_RESULT for the script to print.
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as vscode from 'vscode';

const OURS = 'sagemaker-spec';
/** A quiet time after each sample, so no analysis of the last edit is pending at the next. */
const SETTLE_MS = 300;
const TIMEOUT_MS = 30_000;

/** What the script reads back: per document, every sample in milliseconds. */
export interface EditorLatencyResult {
  documents: { file: string; bytes: number; builtinJsonMs: number[]; oursMs: number[]; editEventMs: number[] }[];
  vscodeVersion: string;
  error?: string;
}

export async function run(): Promise<void> {
  const resultFile = required('SAGEMAKER_SPEC_BENCH_RESULT');
  const folder = required('SAGEMAKER_SPEC_BENCH_FOLDER');
  const samples = Number(process.env.SAGEMAKER_SPEC_BENCH_SAMPLES ?? '31');
  const files = required('SAGEMAKER_SPEC_BENCH_FILES').split(',');
  const result: EditorLatencyResult = { documents: [], vscodeVersion: vscode.version };
  try {
    await vscode.extensions.getExtension('sagemaker-spec.sagemaker-spec')?.activate();
    for (const file of files) {
      console.log(`[bench] ${file}: ${samples} samples of each edit, interleaved`);
      result.documents.push({ file, ...(await measureDocument(vscode.Uri.file(path.join(folder, file)), samples)) });
    }
  } catch (error) {
    result.error = error instanceof Error ? `${error.message}\n${error.stack}` : String(error);
  }
  fs.writeFileSync(`${resultFile}.tmp`, JSON.stringify(result, null, 2));
  fs.renameSync(`${resultFile}.tmp`, resultFile);
}

async function measureDocument(uri: vscode.Uri, samples: number): Promise<Omit<EditorLatencyResult['documents'][number], 'file'>> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  const line = document.getText().split('\n').findIndex((text) => text.includes('"TrainingImage"'));
  const lineText = document.lineAt(line).text;
  const tagAt = new vscode.Position(line, lineText.indexOf(':1.7-1"') + 1);
  const tagRange = new vscode.Range(tagAt, tagAt.translate(0, '1.7-1'.length));
  const endOfLine = new vscode.Position(line, lineText.length);
  const onLine = (diagnostic: vscode.Diagnostic) => diagnostic.range.start.line <= line && diagnostic.range.end.line >= line;
  const builtinOnLine = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source !== OURS && onLine(d)).length;
  const oursOnLine = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === OURS && onLine(d)).length;

  const builtinJsonMs: number[] = [];
  const oursMs: number[] = [];
  // Part of both: from applying an edit to the extension host's change event (VS Code's own sync).
  const editEventMs: number[] = [];
  const timeEdit = async (build: (edit: vscode.WorkspaceEdit) => void, updated: () => boolean) => {
    const { diagnosticsMs, changeEventMs } = await timeEditToDiagnostics(uri, build, updated);
    editEventMs.push(changeEventMs);
    return diagnosticsMs;
  };
  const measureBuiltin = async () => {
    builtinJsonMs.push(await timeEdit((edit) => edit.insert(uri, endOfLine, 'x'), () => builtinOnLine() > 0));
    await replace(uri, new vscode.Range(endOfLine, endOfLine.translate(0, 1)), '');
    await until(() => builtinOnLine() === 0, 'the JSON error to clear');
  };
  const measureOurs = async () => {
    oursMs.push(await timeEdit((edit) => edit.replace(uri, tagRange, '9.9-9'), () => oursOnLine() > 0));
    await replace(uri, tagRange, '1.7-1');
    await until(() => oursOnLine() === 0, 'our finding to clear');
  };
  // The JSON language server knows the file, and the document starts clean on that line.
  await until(async () => ((await vscode.commands.executeCommand<unknown[]>('vscode.executeDocumentSymbolProvider', uri))?.length ?? 0) > 0, 'the JSON language server');
  await sleep(SETTLE_MS);
  if (builtinOnLine() > 0 || oursOnLine() > 0) throw new Error(`${path.basename(uri.fsPath)} must start without errors on line ${line + 1}`);
  // One unrecorded round of each: both sources answer, and first-run costs stay out of the figures.
  await measureBuiltin();
  await measureOurs();
  builtinJsonMs.length = 0;
  oursMs.length = 0;
  editEventMs.length = 0;
  await sleep(SETTLE_MS);
  for (let sample = 0; sample < samples; sample++) {
    // Alternate which goes first, so neither always runs right after the other's undo.
    for (const measure of sample % 2 === 0 ? [measureBuiltin, measureOurs] : [measureOurs, measureBuiltin]) {
      await measure();
      await sleep(SETTLE_MS);
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  return { bytes: Buffer.byteLength(document.getText()), builtinJsonMs, oursMs, editEventMs };
}

/**
 * Milliseconds from just before the edit is applied until `updated()` holds, watched both on
 * every diagnostics change event and by polling every 2 ms (whichever sees it first); and until
 * the document's change event reached this extension host.
 */
async function timeEditToDiagnostics(
  uri: vscode.Uri,
  build: (edit: vscode.WorkspaceEdit) => void,
  updated: () => boolean,
): Promise<{ diagnosticsMs: number; changeEventMs: number }> {
  const edit = new vscode.WorkspaceEdit();
  build(edit);
  return new Promise((resolve, reject) => {
    let started = 0;
    let changeEventMs = Number.NaN;
    let done = false;
    const changed = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.uri.toString() === uri.toString() && Number.isNaN(changeEventMs)) changeEventMs = performance.now() - started;
    });
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      const elapsed = performance.now() - started;
      listener.dispose();
      changed.dispose();
      clearInterval(poll);
      clearTimeout(timeout);
      if (error) reject(error);
      else resolve({ diagnosticsMs: elapsed, changeEventMs });
    };
    const check = () => started > 0 && updated() && finish();
    const listener = vscode.languages.onDidChangeDiagnostics((event) => event.uris.some((changed) => changed.toString() === uri.toString()) && check());
    const poll = setInterval(check, 2);
    const timeout = setTimeout(() => finish(new Error(`no updated diagnostics ${TIMEOUT_MS} ms after an edit`)), TIMEOUT_MS);
    started = performance.now();
    vscode.workspace.applyEdit(edit).then((applied) => applied || finish(new Error('the edit was not applied')), finish);
  });
}

async function replace(uri: vscode.Uri, range: vscode.Range, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, range, text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('an undo edit was not applied');
}

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run this through scripts/bench-editor.mjs)`);
  return value;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
