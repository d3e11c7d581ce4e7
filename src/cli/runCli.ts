/**
 * One run of the checker, from arguments to exit code. Everything it touches outside the file
 * system comes in through `CliIo`, so tests can run it in-process too.
 *
 * A fault in one file's analysis (an exception that is not a CliError) costs only that file: one
 * line on stderr (the stack too when SAGEMAKER_SPEC_DEBUG=1), the other files reported in full,
 * and exit 2, since the run did not check everything it was asked to.
 */
import type { analyzeDocument } from '../core/hostDocument';
import { regionProblem } from '../core/projectConfig';
import { awsConfigPath, readTextIfPresent } from '../node/awsConfigFiles';
import { loadApiModel } from '../node/loadApiModel';
import { loadCatalog, loadInstanceGpus } from '../node/loadCatalog';
import { loadAlgorithms } from '../node/loadAlgorithms';
import { parseCliArguments, USAGE, type CheckArguments } from './arguments';
import { checkFile, type CheckContext } from './checkFile';
import { CliError, EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE_OR_READ_ERROR } from './cliError';
import { expandFiles } from './expandFiles';
import { FileSettingsResolver } from './fileSettings';
import { fixFile, type FixedFile } from './fixFile';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { countSeverities, failedFileReport, toFileReport, type FileReport } from './report';
import { terminalSafe } from './terminalText';
import { pathInside } from './paths';
import { packageVersion } from './version';

export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout(text: string): void;
  stderr(text: string): void;
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
      return error.exitCode;
    }
    // Outside any one file (expanding globs, loading data): still one line and exit 2, not a crash.
    reportInternalError('internal error', error, io);
    return EXIT_USAGE_OR_READ_ERROR;
  }
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
  const settings = new FileSettingsResolver(args.overrides, knownRegions);
  const files = expandFiles(args.patterns, io.cwd, { isSpecFile: (file) => settings.isSpecFile(file) });
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
  if (args.fix) fixAll(files, context, io);
  // Check every file before printing, so a read error (exit 2) never leaves half a report.
  const reports: FileReport[] = files.map((file) => checkOne(file, context, args, io));
  io.stdout(format(args, reports, io));

  if (reports.some((report) => report.internalError !== undefined)) return EXIT_USAGE_OR_READ_ERROR;
  const counts = countSeverities(reports);
  if (counts.error > 0) return EXIT_PROBLEMS;
  if (args.maxWarnings !== undefined && counts.warning > args.maxWarnings) {
    io.stderr(`sagemaker-spec: too many warnings (${counts.warning}, maximum ${args.maxWarnings})\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_CLEAN;
}

/** One file's report; a CliError (unreadable file, invalid config) still ends the run. */
function checkOne(file: string, context: CheckContext, args: CheckArguments, io: CliIo): FileReport {
  try {
    return toFileReport(checkFile(file, context), io.cwd, args.quiet);
  } catch (error) {
    if (error instanceof CliError) throw error;
    reportInternalError(`internal error while checking ${file}`, error, io);
    return failedFileReport(file, io.cwd, error instanceof Error ? error.message : String(error));
  }
}

/** Writes the fixes of every file, one stderr line per fix and a total; a fault costs only its file. */
function fixAll(files: readonly string[], context: CheckContext, io: CliIo): void {
  let count = 0;
  let fileCount = 0;
  for (const file of files) {
    let fixed: FixedFile;
    try {
      fixed = fixFile(file, context);
    } catch (error) {
      if (error instanceof CliError) throw error;
      reportInternalError(`internal error while fixing ${file}`, error, io);
      continue;
    }
    const shown = terminalSafe(pathInside(io.cwd, file) ?? file);
    if (fixed.leftAlone) io.stderr(`left ${shown} as it is: ${fixed.leftAlone}\n`);
    if (fixed.applied.length === 0) continue;
    fileCount++;
    count += fixed.applied.length;
    for (const fix of fixed.applied) io.stderr(`fixed ${shown}:${fix.line}:${fix.column}  ${fix.code}  ${terminalSafe(fix.title)}\n`);
  }
  io.stderr(count === 0 ? 'sagemaker-spec: no unambiguous fixes to apply\n' : `sagemaker-spec: applied ${count} ${count === 1 ? 'fix' : 'fixes'} in ${fileCount} ${fileCount === 1 ? 'file' : 'files'}\n`);
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

function format(args: CheckArguments, reports: FileReport[], io: CliIo): string {
  switch (args.format) {
    case 'json':
      return formatJson(reports);
    case 'sarif':
      return formatSarif(reports, { cwd: io.cwd, version: packageVersion() });
    case 'stylish':
      return formatStylish(reports);
  }
}
