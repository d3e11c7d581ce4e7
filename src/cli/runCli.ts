/**
 * One run of the checker, from arguments to exit code. Everything it touches outside the file
 * system comes in through `CliIo`, so tests can run it in-process too.
 */
import { awsConfigPath, readTextIfPresent } from '../node/awsConfigFiles';
import { loadApiModel } from '../node/loadApiModel';
import { loadCatalog, loadInstanceGpus } from '../node/loadCatalog';
import { parseCliArguments, USAGE, type CheckArguments } from './arguments';
import { checkFile } from './checkFile';
import { CliError, EXIT_CLEAN, EXIT_PROBLEMS } from './cliError';
import { expandFiles } from './expandFiles';
import { FileSettingsResolver } from './fileSettings';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { countSeverities, toFileReport, type FileReport } from './report';
import { packageVersion } from './version';

export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout(text: string): void;
  stderr(text: string): void;
}

export function runCli(argv: readonly string[], io: CliIo): number {
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
    return check(args, io);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.stderr(`sagemaker-spec: ${error.message}\n`);
    return error.exitCode;
  }
}

function check(args: CheckArguments, io: CliIo): number {
  const files = expandFiles(args.patterns, io.cwd);
  const context = {
    catalog: loadCatalog(),
    apiModel: loadApiModel(),
    instanceGpus: loadInstanceGpus(),
    settings: new FileSettingsResolver(args.overrides),
    env: io.env,
    awsConfigText: readTextIfPresent(awsConfigPath(io.env as NodeJS.ProcessEnv)),
  };
  // Check every file before printing, so a read error (exit 2) never leaves half a report.
  const reports: FileReport[] = files.map((file) => toFileReport(checkFile(file, context), io.cwd, args.quiet));
  io.stdout(format(args, reports, io));

  const counts = countSeverities(reports);
  if (counts.error > 0) return EXIT_PROBLEMS;
  if (args.maxWarnings !== undefined && counts.warning > args.maxWarnings) {
    io.stderr(`sagemaker-spec: too many warnings (${counts.warning}, maximum ${args.maxWarnings})\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_CLEAN;
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
