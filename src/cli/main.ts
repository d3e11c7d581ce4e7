/**
 * Entry point of the `sagemaker-spec` command (bundled to dist/cli.js). Setting exitCode instead
 * of calling process.exit lets a large report finish writing to a pipe.
 */
import { runCli } from './runCli';

process.exitCode = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
