/**
 * A failure that ends the run before (or instead of) a report: a bad option, a missing file, a
 * glob matching nothing, an invalid config file. `main` prints its one-line message on stderr and
 * exits with its code (2: the run could not check what was asked).
 */
export const EXIT_CLEAN = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE_OR_READ_ERROR = 2;

export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT_USAGE_OR_READ_ERROR) {
    super(message);
    this.name = 'CliError';
  }
}
