/**
 * One run of the checker, from arguments to exit code. Everything it touches outside the file
 * system comes in through `CliIo`, so tests can run it in-process too.
 *
 * A fault in one file's analysis (an exception that is not a CliError) costs only that file: one
 * line on stderr (the stack too when SAGEMAKER_SPEC_DEBUG=1), the other files reported in full,
 * and exit 2, since the run did not check everything it was asked to. So does a file that cannot
 * be read (permission denied, not a regular file, a notebook that is not one), with one line on
 * stderr and an entry in the json and sarif output, and so does a folder that a folder or glob
 * argument would enter but cannot read; a file over 16 MiB that a folder or glob
 * found is skipped with a note on stderr (as the editor's Check Workspace skips it), while one
 * named on the command line is a file that cannot be read. A `.sagemaker-spec.json` named on the
 * command line is the checker's config, not a spec: validated and skipped with a note. A file
 * whose fixes `--fix` cannot write (read-only) is reported as it is, with one line on stderr and a
 * `writeError` in the json and sarif output, and exit 2.
 */
import * as path from 'node:path';
import { decodeText } from '../core/decodeText';
import { rangeBeforeEdits } from '../core/edits/rangeBeforeEdits';
import { hostOfFileName, hostOfText } from '../core/fileHost';
import { isProjectConfigFile } from '../core/filesToCheck';
import type { analyzeDocument } from '../core/hostDocument';
import { regionProblem } from '../core/projectConfig';
import { awsConfigPath, readTextIfPresent } from '../node/awsConfigFiles';
import { loadApiModel } from '../node/loadApiModel';
import { loadCatalog, loadInstanceGpus } from '../node/loadCatalog';
import { loadAlgorithms } from '../node/loadAlgorithms';
import { workTreeRoot } from '../node/gitRepository';
import { UnreadableFileError } from '../node/readSpecFile';
import { parseCliArguments, requestedFormat, USAGE, type CheckArguments } from './arguments';
import { checkFile, type CheckContext, type CheckedFile } from './checkFile';
import { CliError, EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE_OR_READ_ERROR } from './cliError';
import { expandArguments, type FileToCheck } from './expandFiles';
import { FileSettingsResolver } from './fileSettings';
import { fixFile, type FixedFile, type FixOptions } from './fixFile';
import { formatJson } from './formatters/json';
import { formatSarif, type RunFailure } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { countSeverities, failedFileReport, isIncomplete, toFileReport, unreadFileReport, unreadFolderReport, type FileReport, type SkippedFile } from './report';
import { terminalSafe } from './terminalText';
import { pathInside, toPosix } from './paths';
import { packageVersion } from './version';

export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The bytes of standard input, to its end (for `check -`); @throws UnreadableFileError. */
  readStdin?(): Buffer;
}

/** Replaceable parts of the run, for tests. */
export interface CliHooks {
  /** Stands in for the core's analyzeDocument. */
  analyze?: typeof analyzeDocument;
}

export function runCli(argv: readonly string[], io: CliIo, hooks: CliHooks = {}): number {
  try {
    const args = parseCliArguments(argv);
    if (args.command === 'help') {
      io.stdout(USAGE);
      return EXIT_CLEAN;
    }
    if (args.command === 'version') {
      io.stdout(`${packageVersion()}\n`);
      return EXIT_CLEAN;
    }
    return check(args, io, hooks);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`sagemaker-spec: ${terminalSafe(error.message)}\n`);
      writeStoppedRun(argv, { id: 'run-stopped', message: error.message }, io);
      return error.exitCode;
    }
    // Outside any one file (expanding globs, loading data): still one line and exit 2, not a crash.
    reportInternalError('internal error', error, io);
    writeStoppedRun(argv, { id: 'internal-error', message: `internal error: ${firstLine(error instanceof Error ? error.message : String(error))}` }, io);
    return EXIT_USAGE_OR_READ_ERROR;
  }
}

/**
 * A run stopped before its report (exit 2) still writes a document in `--format sarif` or `json`,
 * as the message goes to stderr: CI redirects stdout to a file and uploads it whatever the exit
 * code, and an empty file is no SARIF log. SARIF: a run without results whose invocation failed
 * (`executionSuccessful` false), with a notification carrying the message; json: `[]`, no file
 * checked, the only document the array of per-file entries allows.
 */
function writeStoppedRun(argv: readonly string[], stopped: RunFailure, io: CliIo): void {
  const format = requestedFormat(argv);
  if (format === 'json') io.stdout(formatJson([]));
  else if (format === 'sarif') io.stdout(formatSarif([], { sourceRoot: workTreeRoot(io.cwd) ?? io.cwd, version: packageVersion(), runFailure: stopped }));
}

function check(args: CheckArguments, io: CliIo, hooks: CliHooks): number {
  const catalog = loadCatalog();
  const knownRegions = catalog.regions().map((region) => region.name);
  if (args.overrides.region !== undefined) {
    const problem = regionProblem(args.overrides.region, knownRegions);
    if (problem) throw new CliError(`--region ${problem}`);
  }
  for (const region of args.overrides.templateRegions ?? []) {
    const problem = regionProblem(region, knownRegions);
    if (problem) throw new CliError(`--template-region ${problem}`);
  }
  const settings = new FileSettingsResolver(args.overrides, knownRegions, { patterns: args.exclude, cwd: io.cwd }, (note) => io.stderr(`sagemaker-spec: note: ${terminalSafe(note)}\n`));
  // A folder that folders and globs cannot enter is reported as a file that cannot be read is: what it holds was not checked.
  const unreadFolders = new Map<string, string>();
  const onUnreadableFolder = (error: UnreadableFileError) => {
    if (unreadFolders.has(error.file)) return;
    unreadFolders.set(error.file, error.reason);
    io.stderr(`sagemaker-spec: cannot read ${terminalSafe(error.file)}: it ${error.reason}\n`);
  };
  const expanded = args.stdin ? [standardInput(args.stdin, io)] : expandArguments(args.patterns, io.cwd, { isSpecFile: (file) => settings.isSpecFile(file), isExcluded: (file, isFolder) => settings.isExcluded(file, isFolder), onUnreadableFolder });
  // A named .sagemaker-spec.json (pre-commit names every JSON file) is validated as the config, never checked as a spec.
  const files = expanded.filter((found) => found.stdin || !isProjectConfigFile(toPosix(found.file)));
  const configFiles = expanded.filter((found) => !found.stdin && isProjectConfigFile(toPosix(found.file)));
  const context: CheckContext = {
    catalog,
    apiModel: loadApiModel(),
    instanceGpus: loadInstanceGpus(),
    algorithms: loadAlgorithms(),
    settings,
    env: io.env,
    awsConfigText: readTextIfPresent(awsConfigPath(io.env as NodeJS.ProcessEnv)),
    analyze: hooks.analyze,
  };
  // A dry run checks each fixed text as it would be written, in memory, and reports at positions in the file as it is.
  const fixed = args.fix || args.fixDryRun ? fixAll(files, context, io, { errorsOnly: args.quiet, dryRun: args.fixDryRun }) : undefined;
  // Every file is checked and the whole report printed before the exit code is decided.
  const reports: FileReport[] = [];
  const skipped: SkippedFile[] = configFiles.map((found) => skipConfigFile(found.file, settings, io));
  for (const found of files) {
    const outcome = checkOne(found, context, args, io, args.fixDryRun ? fixed?.texts.get(found.file) : undefined);
    if ('reason' in outcome) skipped.push(outcome);
    else reports.push(withWriteError(outcome, fixed?.notWritten.get(found.file)));
  }
  for (const [folder, reason] of unreadFolders) reports.push(unreadFolderReport(folder, io.cwd, reason));
  io.stdout(format(args, reports, skipped, io));

  if (reports.some(isIncomplete)) return EXIT_USAGE_OR_READ_ERROR;
  const counts = countSeverities(reports);
  if (counts.error > 0) return EXIT_PROBLEMS;
  if (args.maxWarnings !== undefined && counts.warning > args.maxWarnings) {
    io.stderr(`sagemaker-spec: too many warnings (${counts.warning}, maximum ${args.maxWarnings})\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_CLEAN;
}

/**
 * One file's report, or why a file found in a folder or by a glob was skipped (over 16 MiB). For a
 * dry run's fixed file (`fixed`), the findings are those of the fixed text, at positions in the
 * file as it is on disk (see fixedOnDisk). A file that cannot be read gets a report saying so; a
 * CliError (an invalid config file) ends the run.
 */
function checkOne({ file, named, stdin }: FileToCheck, context: CheckContext, args: CheckArguments, io: CliIo, fixed?: FixedFile): FileReport | SkippedFile {
  try {
    const checked = fixed?.text !== undefined && fixed.before
      ? fixedOnDisk(checkFile(file, context, fixed.text, stdin?.host), fixed.before)
      : stdin ? checkFile(file, context, stdin.text, stdin.host) : checkFile(file, context);
    return toFileReport(checked, io.cwd, args.quiet);
  } catch (error) {
    if (error instanceof UnreadableFileError) {
      if ((error.kind === 'too-large' || error.kind === 'old-format') && !named) {
        io.stderr(`sagemaker-spec: skipped ${terminalSafe(file)}: it ${error.reason}\n`);
        return { file, reason: error.reason };
      }
      io.stderr(`sagemaker-spec: cannot read ${terminalSafe(file)}: it ${error.reason}\n`);
      return unreadFileReport(file, io.cwd, error.reason);
    }
    if (error instanceof CliError) throw error;
    reportInternalError(`internal error while checking ${file}`, error, io);
    return failedFileReport(file, io.cwd, error instanceof Error ? error.message : String(error));
  }
}

/**
 * A `.sagemaker-spec.json` named on the command line: not a spec, so not checked, but read as the
 * config it is: an invalid one ends the run (CliError, exit 2, as for the files it governs), a
 * valid one is skipped with a note on stderr (a `note` notification in sarif).
 */
function skipConfigFile(file: string, settings: FileSettingsResolver, io: CliIo): SkippedFile {
  settings.forFile(file);
  const reason = `is the checker's config file (valid), not a spec`;
  io.stderr(`sagemaker-spec: skipped ${terminalSafe(file)}: it ${reason}\n`);
  return { file, reason };
}

/**
 * A dry run's report of a fixed text, moved onto the text on disk, which it never rewrites (CI
 * annotations and editors open that file): each finding left after the fixes at its place in the
 * file as it is, one on text a fix would write covering what that fix would replace.
 */
function fixedOnDisk(checked: CheckedFile, before: NonNullable<FixedFile['before']>): CheckedFile {
  const findings = checked.findings.map((finding) => ({ ...finding, ...rangeBeforeEdits(finding, before.rounds) }));
  return { ...checked, text: before.text, findings };
}

/** What fixAll did: each fixed file's result (its text after its fixes, and before them), and why each file it could not write was not. */
interface FixedFiles {
  texts: Map<string, FixedFile>;
  /** File → why it could not be written, completing "it …". */
  notWritten: Map<string, string>;
}

/**
 * Writes the fixes of every file (a dry run: works them out only), one stderr line per fix, one
 * per file it leaves alone with fixes to apply (and why), one per file it cannot write, and a
 * total; a fault costs only its file.
 */
function fixAll(files: readonly FileToCheck[], context: CheckContext, io: CliIo, options: FixOptions): FixedFiles {
  const texts = new Map<string, FixedFile>();
  const notWritten = new Map<string, string>();
  let count = 0;
  let fileCount = 0;
  let leftCount = 0;
  let notWrittenCount = 0;
  const fixed = options.dryRun ? 'would fix' : 'fixed';
  for (const { file, stdin } of files) {
    let result: FixedFile;
    try {
      result = fixFile(file, context, options, stdin);
    } catch (error) {
      if (error instanceof CliError) throw error;
      reportInternalError(`internal error while fixing ${file}`, error, io);
      continue;
    }
    const shown = terminalSafe(pathInside(io.cwd, file) ?? file);
    if (result.leftAlone) {
      const { fixes, reason } = result.leftAlone;
      leftCount += fixes;
      io.stderr(`left ${shown} as it is: ${fixes} ${fixes === 1 ? 'fix' : 'fixes'} to apply, but ${reason}\n`);
    }
    if (result.notWritten) {
      // The user's file, not our fault: no "internal error", and the run did not do what was asked (exit 2).
      const { fixes, reason } = result.notWritten;
      notWrittenCount += fixes;
      notWritten.set(file, reason);
      io.stderr(`sagemaker-spec: cannot write ${shown}: it ${reason}; ${fixes} ${fixes === 1 ? 'fix' : 'fixes'} not applied\n`);
    }
    if (result.applied.length === 0 || result.text === undefined) continue;
    texts.set(file, result);
    fileCount++;
    count += result.applied.length;
    for (const fix of result.applied) io.stderr(`${fixed} ${shown}:${fix.line}:${fix.column}  ${fix.code}  ${terminalSafe(fix.title)}\n`);
  }
  const applied = options.dryRun ? 'would apply' : 'applied';
  const nothingWritten = options.dryRun ? ' (dry run: nothing written)' : '';
  const done = count === 0 ? `${applied} no fixes` : `${applied} ${count} ${count === 1 ? 'fix' : 'fixes'} in ${fileCount} ${fileCount === 1 ? 'file' : 'files'}`;
  const notApplied = [leftCount === 0 ? undefined : `${leftCount} ${count === 0 ? '' : 'more '}left for the editor`, notWrittenCount === 0 ? undefined : `${notWrittenCount} not written`].filter((part) => part !== undefined);
  const rest = notApplied.length === 0 ? '' : `; ${notApplied.join('; ')} (see above)`;
  if (count === 0 && notApplied.length === 0) io.stderr(`sagemaker-spec: no unambiguous fixes to apply${nothingWritten}\n`);
  else io.stderr(`sagemaker-spec: ${done}${nothingWritten}${rest}\n`);
  return { texts, notWritten };
}

/** What `check -` names standard input when `--stdin-filepath` does not: a name in the working folder that no file has. */
export const STDIN_NAME = '<stdin>';

/**
 * Standard input as the one file to check: under `--stdin-filepath` (relative to the working
 * folder), read by the host its name picks, else as `<stdin>` in the working folder (its config
 * file applies), read by the host its content picks (hostOfText).
 * @throws CliError (exit 2) when it cannot be read or is over 16 MiB.
 */
function standardInput(stdin: NonNullable<CheckArguments['stdin']>, io: CliIo): FileToCheck {
  if (!io.readStdin) throw new CliError('standard input cannot be read here');
  let bytes: Buffer;
  try {
    bytes = io.readStdin();
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new CliError(`cannot read standard input: it ${error.reason}`);
    throw error;
  }
  const text = decodeText(bytes);
  const file = path.resolve(io.cwd, stdin.filepath ?? STDIN_NAME);
  return { file, named: true, stdin: { text, host: stdin.filepath === undefined ? hostOfText(text) : hostOfFileName(file) } };
}

/** A report of a file whose fixes could not be written: incomplete (exit 2), saying why. */
function withWriteError(report: FileReport, reason: string | undefined): FileReport {
  return reason === undefined ? report : { ...report, writeError: reason };
}

/** `sagemaker-spec: <what>: <message>` on one line; the stack only when SAGEMAKER_SPEC_DEBUG=1. */
function reportInternalError(what: string, error: unknown, io: CliIo): void {
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`sagemaker-spec: ${terminalSafe(what)}: ${terminalSafe(firstLine(message))}\n`);
  if (io.env.SAGEMAKER_SPEC_DEBUG === '1' && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0];
  return line.length > 500 ? `${line.slice(0, 500)}…` : line;
}

function format(args: CheckArguments, reports: FileReport[], skipped: SkippedFile[], io: CliIo): string {
  switch (args.format) {
    case 'json':
      return formatJson(reports);
    case 'sarif':
      // Code scanning names files from the repository's root, wherever the checker ran.
      return formatSarif(reports, { sourceRoot: workTreeRoot(io.cwd) ?? io.cwd, version: packageVersion(), skipped });
    case 'stylish':
      return formatStylish(reports);
  }
}
