// Runs the command-line checker over examples/ as CI would: the good specs must pass with no
// warnings (exit 0), and each broken-<code>.sagemaker.json[c], broken-<code>.py,
// broken-<code>.ipynb (a Jupyter notebook), broken-<code>.Dockerfile, broken-<code>.pipeline.json (a SageMaker Pipelines
// definition), broken-<code>.asl.json (a Step Functions state machine), broken-<code>.sagemaker.yaml or
// broken-<code>.template.yaml/.json (a CloudFormation template) must fail (exit 1) reporting <code>.
// And `check --fix` on a copy of each broken example must not leave a code the example did not
// have: a preferred fix that makes another error (a China DNS suffix fixed under an aws role) fails.
// Usage: node scripts/check-examples.mjs   (after `npm run build`, which writes dist/cli.js)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('check-examples: dist/cli.js is missing; run "npm run build" first');
  process.exit(2);
}

// No region from this machine's AWS settings: the examples target the region of their own images.
const env = { ...process.env, AWS_CONFIG_FILE: path.join(root, 'examples', 'no-aws-config') };
for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE']) delete env[name];

function check(files, options = []) {
  const run = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--max-warnings', '0', ...options, ...files], { cwd: root, env, encoding: 'utf8' });
  const codes = run.stdout ? JSON.parse(run.stdout).flatMap((file) => file.findings.map((finding) => finding.code)) : [];
  return { status: run.status, codes, stderr: run.stderr.trim() };
}

// Request specs, Python scripts, notebooks, Dockerfiles, Pipelines definitions, state machines, YAML specs and templates; the name's extension is all that tells them apart.
const EXAMPLE = /^(.+?)\.(sagemaker\.jsonc?|py|ipynb|Dockerfile|pipeline\.json|asl\.json|sagemaker\.yaml|template\.(?:yaml|json))$/;
const examples = fs.readdirSync(path.join(root, 'examples')).filter((file) => EXAMPLE.test(file)).sort();
const good = examples.filter((file) => !file.startsWith('broken-'));
const broken = examples.filter((file) => file.startsWith('broken-'));
const failures = [];

const goodRun = check(good.map((file) => `examples/${file}`));
if (goodRun.status === 0) console.log(`ok    ${good.length} good examples pass: ${good.join(', ')}`);
else failures.push(`good examples: exit ${goodRun.status}, expected 0; found ${goodRun.codes.join(', ') || goodRun.stderr}`);

for (const file of broken) {
  const expected = EXAMPLE.exec(file)[1].slice('broken-'.length);
  const run = check([`examples/${file}`]);
  if (run.status === 1 && run.codes.includes(expected)) console.log(`ok    ${file} fails with ${expected}`);
  else failures.push(`${file}: exit ${run.status} with [${run.codes.join(', ')}], expected exit 1 with ${expected}${run.stderr ? ` (${run.stderr})` : ''}`);
  // Its preferred fixes, applied to a copy (beside no other file), add no code it did not have.
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'check-examples-')), file);
  fs.copyFileSync(path.join(root, 'examples', file), copy);
  check([copy], ['--fix']);
  const added = [...new Set(check([copy]).codes.filter((code) => !run.codes.includes(code)))];
  if (added.length > 0) failures.push(`${file}: --fix left ${added.join(', ')}, which the example did not have`);
  fs.rmSync(path.dirname(copy), { recursive: true, force: true });
}

for (const failure of failures) console.error(`FAIL  ${failure}`);
console.log(`check-examples: ${good.length} good and ${broken.length} broken examples, ${failures.length} not as expected`);
process.exit(failures.length > 0 ? 1 : 0);
