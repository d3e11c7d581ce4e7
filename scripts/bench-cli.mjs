// Benchmark of the command-line checker: one `sagemaker-spec check` process over 1,000 spec files
// (copies of examples/, good and broken, in a temp folder). Prints the median wall time of a few
// runs, process start and catalog loading included, and files per second.
// Usage: node scripts/bench-cli.mjs [--files N] [--runs N]   (after `npm run build`)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const option = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const fileCount = option('--files', 1000);
const runs = option('--runs', 5);

if (!fs.existsSync(cli)) {
  console.error('bench-cli: dist/cli.js is missing; run "npm run build" first');
  process.exit(2);
}

const examples = fs.readdirSync(path.join(root, 'examples')).filter((file) => /\.sagemaker\.jsonc?$/.test(file)).sort();
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-spec-bench-'));
try {
  // 1,000 files over 10 sub-folders, so config discovery walks more than one folder.
  for (let index = 0; index < fileCount; index++) {
    const source = examples[index % examples.length];
    const target = path.join(folder, `team-${index % 10}`, `${String(index).padStart(4, '0')}-${source}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(root, 'examples', source), target);
  }

  const env = { ...process.env, AWS_CONFIG_FILE: path.join(folder, 'no-aws-config') };
  for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE']) delete env[name];
  const times = [];
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [cli, 'check', folder], { cwd: folder, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    // Exit 1: the broken examples are among the files. Anything else is a failure of the bench.
    if (result.status !== 1) throw new Error(`sagemaker-spec check exited ${result.status}: ${result.stderr}`);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(
    `cli: check ${fileCount} files in one process: median ${median.toFixed(0)} ms over ${runs} runs ` +
      `(${Math.round((fileCount / median) * 1000)} files/s; min ${times[0].toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms)`,
  );
} finally {
  fs.rmSync(folder, { recursive: true, force: true });
}
