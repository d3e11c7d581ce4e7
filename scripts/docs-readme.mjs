// npm run docs:readme [-- --check]
// Regenerates the README's sample checker output from a real run of the built checker
// (dist/cli.js) on examples/, between the `<!-- readme-sample:check-examples -->` markers.
// --check: write nothing; exit 1 with a line diff when the README differs (the unit test
// test/unit/readme.test.ts runs this, so `npm test` fails on a stale README).
// The run has no AWS region or profile from this machine: examples name their own regions.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const README = path.join(ROOT, 'README.md');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const START = '<!-- readme-sample:check-examples start (npm run docs:readme) -->';
const END = '<!-- readme-sample:check-examples end -->';
const COMMAND = 'sagemaker-spec check examples/';

const check = process.argv.includes('--check');
if (!fs.existsSync(CLI)) fail(2, 'docs:readme: dist/cli.js is missing; run "npm run build" first');

const readme = fs.readFileSync(README, 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < start) fail(2, `docs:readme: README.md has no "${START}" … "${END}" markers`);

const current = readme.slice(start + START.length, end);
const generated = `\n\`\`\`console\n$ ${COMMAND}\n${runChecker()}\`\`\`\n`;
if (current === generated) {
  console.log('docs:readme: README.md sample output matches the checker');
} else if (check) {
  fail(1, `README.md's sample checker output differs from what "${COMMAND}" prints now (- README, + checker):\n${lineDiff(current, generated)}\nRun "npm run docs:readme" to regenerate it.`);
} else {
  fs.writeFileSync(README, readme.slice(0, start + START.length) + generated + readme.slice(end));
  console.log('docs:readme: README.md sample output regenerated');
}

function runChecker() {
  const env = { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), AWS_CONFIG_FILE: path.join(os.tmpdir(), 'sagemaker-spec-no-aws-config') };
  const run = spawnSync(process.execPath, [CLI, 'check', 'examples/'], { cwd: ROOT, env, encoding: 'utf8' });
  // Exit 1 is expected: the broken-* examples have errors.
  if (run.status !== 0 && run.status !== 1) fail(2, `docs:readme: the checker exited ${run.status}: ${run.stderr.trim()}`);
  return run.stdout;
}

/** Lines only in `before` (-) and only in `after` (+), in order, by a longest common subsequence. */
function lineDiff(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const common = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
  const lines = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (i < a.length && (j === b.length || common[i + 1][j] >= common[i][j + 1])) {
      lines.push(`- ${a[i++]}`);
    } else {
      lines.push(`+ ${b[j++]}`);
    }
  }
  return lines.join('\n');
}

function fail(code, message) {
  console.error(message);
  process.exit(code);
}
