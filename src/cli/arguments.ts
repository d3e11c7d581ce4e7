/**
 * The command line: `sagemaker-spec check [options] <files or globs…>`. Parsed with Node's own
 * `util.parseArgs` (strict: an unknown option is a usage error, exit 2).
 */
import { parseArgs } from 'node:util';
import { closestMatches, editDistance } from '../core/closestMatches';
import type { SeveritySetting } from '../core/findings';
import { excludePatternProblem } from '../core/excludePatterns';
import { ruleSettingProblem, type ProjectConfig } from '../core/projectConfig';
import { CliError } from './cliError';

/** Longest file, folder or glob argument (characters): PATH_MAX on Linux. */
export const MAX_PATTERN_LENGTH = 4096;

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckArguments {
  command: 'check';
  /** Files, folders and globs, as typed. */
  patterns: string[];
  format: Format;
  /** What the command line sets: the top layer over the config file and the defaults. */
  overrides: ProjectConfig;
  /** Exit 1 when there are more warnings than this; undefined: warnings never fail the run. */
  maxWarnings: number | undefined;
  /** Report errors only. */
  quiet: boolean;
  /** Write each finding's unambiguous preferred fix to its file first (every host but notebooks). */
  fix: boolean;
  /** Work out what `fix` would write and report the files as they would be, writing nothing. */
  fixDryRun: boolean;
  /** `--exclude` patterns, gitignore-style, relative to the working folder. */
  exclude: string[];
  /**
   * Set when the file argument is `-`: check standard input (alone), named `filepath`
   * (`--stdin-filepath`) when given, else told by its content (see core/fileHost.ts hostOfText).
   */
  stdin?: { filepath?: string };
}

export type CliArguments = CheckArguments | { command: 'help' } | { command: 'version' };

export const USAGE = `Usage: sagemaker-spec check [options] <files, folders or globs…>
       sagemaker-spec check [options] [--stdin-filepath <path>] -

Checks Amazon SageMaker requests with the same rules as the SageMaker Spec
VS Code extension, wherever they are written: request specs (JSON/JSONC, AWS CLI
YAML), Python (boto3, the SageMaker Python SDK) and notebooks, SageMaker
Pipelines definitions, Step Functions state machines, CloudFormation/SAM
templates and Dockerfiles. A folder means its *.sagemaker.json(c),
*.sagemaker.y(a)ml, *.asl.json/.yaml, *.py and *.ipynb files and Dockerfiles,
and the JSON and YAML files whose members identify a request, a workflow or a
template, outside what .gitignore ignores, dependencies and virtual environments.
"-" checks standard input instead: its content tells what it is, or
--stdin-filepath names it (the name then decides, as for a file).

Options:
  --format <name>         stylish (default), json or sarif, in any letter case
  --region <region>       target region (overrides .sagemaker-spec.json, AWS_REGION, the profile)
  --template-region <region>
                          a region the templates are deployed to (repeatable; overrides
                          the config's "templateRegions"; for templates, wins over --region)
  --rule <code>=<level>   severity of one code: error, warning, information, hint or off (repeatable)
  --max-warnings <n>      exit 1 when there are more than n warnings
  --exclude <pattern>     skip files and folders matching a gitignore-style
                          pattern (relative to the current folder) when
                          expanding folders and globs; files named on the
                          command line are still checked (repeatable)
  --quiet                 report errors only
  --fix                   apply each finding's preferred fix where it is unambiguous
                          (every host but notebooks; never a fix that leaves a
                          blank to fill or changes what the job runs, such as a
                          newer XGBoost version), list the fixes on stderr, then
                          report what is left; with --quiet, only errors' fixes
  --fix-dry-run           as --fix, but write nothing: list the fixes it would
                          apply and report what would be left (also for "-";
                          --fix refuses "-", which it cannot write back)
  --stdin-filepath <path> with "-": the path standard input stands for; its name
                          decides how it is read, its folder the config file, and
                          findings are reported under it (default: <stdin>)
  -h, --help              show this help
  -v, --version           show the version

Settings come from the command line, then the nearest .sagemaker-spec.json
({"region", "rules", "files", "overrides": [{"files", "region", "rules",
"templateRegions"}], "exclude", "templateRegions"}), then the defaults; an
"overrides" entry's settings apply to the files its globs match. Folders and globs skip
symlinks; a file over 16 MiB found in them is skipped with a note on stderr.

Exit codes: 0 no errors; 1 errors, or more warnings than --max-warnings;
2 usage error, a file or folder that cannot be read (a named file also when it
is not a regular file or is over 16 MiB), a glob or folder matching nothing (or
over 100,000 files), an invalid config file, a file --fix cannot write, or an
internal error while checking a file. Every other file is still checked and
reported. With --format sarif or json, a run stopped before its report still
writes a document (a SARIF log saying why; json: []).
`;

/** Options that take a value, with the spellings of every option (a value may not be one of them). */
const VALUE_OPTIONS = new Set(['--format', '--region', '--rule', '--max-warnings', '--exclude', '--stdin-filepath']);
const OPTION_SPELLINGS = new Set([...VALUE_OPTIONS, '--quiet', '--fix', '--help', '-h', '--version', '-v', '--']);

/** The file argument that means standard input, as for ESLint and Prettier. */
export const STDIN_ARGUMENT = '-';

export function parseCliArguments(argv: readonly string[]): CliArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: withDashValuesJoined(argv),
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        // Multiple, so that a repeated --region is refused rather than silently the last one.
        region: { type: 'string', multiple: true },
        'template-region': { type: 'string', multiple: true },
        rule: { type: 'string', multiple: true },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        exclude: { type: 'string', multiple: true },
        'stdin-filepath': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new CliError(`${describeParseError(error as Error & { code?: string })}; run "sagemaker-spec --help" for usage`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };

  const [command, ...patterns] = positionals;
  if (command !== 'check') {
    throw new CliError(command === undefined ? 'missing command: use "sagemaker-spec check <files…>"' : `unknown command "${command}": the command is "check"`);
  }
  if (patterns.length === 0) throw new CliError('no files given: use "sagemaker-spec check <files, folders or globs…>"');
  // An empty argument (an unset shell variable, often) must not mean "the current folder".
  if (patterns.some((pattern) => pattern.trim() === '')) throw new CliError('empty file argument "": name a file, folder or glob');
  // picomatch throws past 64 KiB; no real path or glob comes near this.
  const tooLong = patterns.find((pattern) => pattern.length > MAX_PATTERN_LENGTH);
  if (tooLong) throw new CliError(`argument "${tooLong.slice(0, 40)}…" is longer than ${MAX_PATTERN_LENGTH} characters`);

  // As ESLint: a dry run that also writes is no dry run.
  if (values.fix && values['fix-dry-run']) throw new CliError('--fix and --fix-dry-run cannot be used together');
  const stdin = parseStdin(patterns, values['stdin-filepath'], values.fix ?? false);

  return {
    command: 'check',
    patterns,
    format: parseFormat(values.format),
    overrides: {
      ...(values.region !== undefined ? { region: parseRegion(values.region) } : {}),
      ...(values['template-region'] !== undefined ? { templateRegions: parseTemplateRegions(values['template-region']) } : {}),
      ...(values.rule !== undefined ? { rules: parseRules(values.rule) } : {}),
    },
    maxWarnings: values['max-warnings'] === undefined ? undefined : parseMaxWarnings(values['max-warnings']),
    quiet: values.quiet ?? false,
    fix: values.fix ?? false,
    fixDryRun: values['fix-dry-run'] ?? false,
    exclude: parseExcludes(values.exclude ?? []),
    ...(stdin ? { stdin } : {}),
  };
}

/**
 * `-` (standard input) is checked alone; `--stdin-filepath` names it and needs it. `--fix` is
 * refused: there is no file to write the fixes back to (`--fix-dry-run` lists them).
 */
function parseStdin(patterns: readonly string[], filepath: string | undefined, fix: boolean): CheckArguments['stdin'] {
  if (!patterns.includes(STDIN_ARGUMENT)) {
    if (filepath !== undefined) throw new CliError('--stdin-filepath names standard input: give "-" as the file to check, e.g. "sagemaker-spec check --stdin-filepath train.sagemaker.json -"');
    return undefined;
  }
  if (patterns.length > 1) throw new CliError('"-" (standard input) is checked alone: give it without other files, folders or globs');
  if (fix) throw new CliError('--fix cannot write fixes back to standard input: use --fix-dry-run to list them and see what would be left, or name the file');
  if (filepath !== undefined && filepath.trim() === '') throw new CliError('--stdin-filepath needs a path, such as train.sagemaker.json');
  return filepath === undefined ? {} : { filepath };
}

/**
 * The format the command line asks for, read leniently from `argv` that may not parse (an unknown
 * option beside `--format sarif`): the last `--format <name>` or `--format=<name>` before `--`,
 * when it names a format (in any letter case). For a run that stops before its report, so that
 * `--format sarif` still writes a SARIF document (CI uploads whatever the file holds).
 */
export function requestedFormat(argv: readonly string[]): Format | undefined {
  let format: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--') break;
    if (arg === '--format') format = argv[++index];
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
  }
  return format === undefined ? undefined : formatNamed(format);
}

/**
 * The format `name` spells, in any letter case (`SARIF`, `Json`): a CI step written
 * `--format SARIF` means SARIF, and refusing it stopped the run with an empty file to upload.
 * Undefined for a name that is no format.
 */
export function formatNamed(name: string): Format | undefined {
  const lowered = name.toLowerCase();
  return FORMATS.find((format) => format === lowered);
}

/**
 * `--max-warnings -1` → `--max-warnings=-1`: parseArgs calls a value starting with `-` ambiguous;
 * unless it is one of our options, it is the value, and the option's own check says what is wrong.
 */
function withDashValuesJoined(argv: readonly string[]): string[] {
  const args: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--') return [...args, ...argv.slice(index)];
    const next = argv[index + 1];
    if (VALUE_OPTIONS.has(arg) && next !== undefined && next.startsWith('-') && !OPTION_SPELLINGS.has(next.split('=')[0])) {
      args.push(`${arg}=${next}`);
      index++;
    } else {
      args.push(arg);
    }
  }
  return args;
}

/** parseArgs explains at length; one line says what is wrong. */
function describeParseError(error: Error & { code?: string }): string {
  const option = /'([^']+)'/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option "${option}"`;
  // `--format --quiet`, `--format` last: the option's value is missing.
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option && /ambiguous|missing/.test(error.message)) return `option "${option.split(' ')[0]}" needs a value`;
  return error.message.split('\n')[0].replace(/\.$/, '');
}

function parseFormat(format: string | undefined): Format {
  if (format === undefined) return 'stylish';
  const named = formatNamed(format);
  if (named) return named;
  throw new CliError(`unknown --format ${JSON.stringify(format.length > 40 ? `${format.slice(0, 40)}…` : format)}${formatMeant(format)}: use stylish, json or sarif`);
}

/**
 * ` (did you mean "sarif"?)` for a name a typo away from a format (a third of its length in edits,
 * at least two: `sarf`, `jsn`, `stylsh`); empty for another tool's format (`xml`, `junit`,
 * `checkstyle`), which no format here stands in for. Never acted on: the run stops (exit 2).
 */
function formatMeant(name: string): string {
  const nearest = closestMatches(name, FORMATS, 1)[0];
  const limit = Math.max(2, Math.ceil(name.length / 3));
  return nearest !== undefined && editDistance(name.toLowerCase(), nearest, limit) <= limit ? ` (did you mean "${nearest}"?)` : '';
}

/** The one target region: given twice, which one was meant cannot be told. */
function parseRegion(regions: readonly string[]): string {
  if (regions.length > 1) {
    throw new CliError(`--region given ${regions.length} times (${regions.join(', ')}): it names the one target region; for templates deployed to several regions, give each with --template-region`);
  }
  const region = regions[0];
  if (region.trim() === '') throw new CliError('--region needs a region such as us-east-1');
  return region.trim();
}

/** `--template-region a --template-region b` → [a, b]; each is checked against the catalog by runCli. */
function parseTemplateRegions(regions: readonly string[]): string[] {
  const trimmed = regions.map((region) => region.trim());
  if (trimmed.some((region) => region === '')) throw new CliError('--template-region needs a region such as us-east-1');
  const twice = trimmed.find((region, index) => trimmed.indexOf(region) < index);
  if (twice !== undefined) throw new CliError(`--template-region ${twice} is given twice`);
  return trimmed;
}

/** `--rule latest-tag=off --rule digest-recommended=warning` → {latest-tag: off, …}. */
function parseRules(settings: readonly string[]): Record<string, SeveritySetting> {
  const rules: Record<string, SeveritySetting> = {};
  for (const setting of settings) {
    const match = /^([^=]+)=(.*)$/.exec(setting);
    if (!match) throw new CliError(`--rule "${setting}": expected <code>=<severity>, e.g. latest-tag=off`);
    const [code, severity] = [match[1].trim(), match[2].trim()];
    const problem = ruleSettingProblem(code, severity);
    if (problem) throw new CliError(`--rule ${problem}`);
    rules[code] = severity as SeveritySetting;
  }
  return rules;
}

function parseMaxWarnings(value: string): number {
  if (!/^\d+$/.test(value)) throw new CliError(`--max-warnings "${value}": expected a whole number of warnings (0 or more); leave the option out to let any number of warnings pass`);
  return Number(value);
}

function parseExcludes(patterns: readonly string[]): string[] {
  for (const pattern of patterns) {
    const problem = excludePatternProblem(pattern);
    if (problem) throw new CliError(`--exclude ${JSON.stringify(pattern.length > 80 ? `${pattern.slice(0, 80)}…` : pattern)} ${problem}`);
  }
  return [...patterns];
}
