/**
 * Entry point of the `sagemaker-spec` command (bundled to dist/cli.js). Setting exitCode instead
 * of calling process.exit lets a large report finish writing to a pipe.
 */
import { readStandardInput } from '../node/readSpecFile';
import { runCli } from './runCli';

// A reader that stops early (`sagemaker-spec check … | head`) closes the pipe: the rest of the
// report has no one to read it. Stop quietly with the check's exit code, as Unix tools do,
// instead of Node's unhandled-error stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: () => {
    // `check -` typed at a terminal waits for input the user may not know it wants.
    if (process.stdin.isTTY) process.stderr.write(`sagemaker-spec: reading from standard input; end it with ${process.platform === 'win32' ? 'Ctrl+Z then Enter' : 'Ctrl+D'}\n`);
    return readStandardInput();
  },
});
