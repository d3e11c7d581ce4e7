import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

// .github/workflows/refresh-catalog.yml cannot run here (no GitHub, no network): this checks that it
// parses and that it would run scripts/refresh-reference.mjs on a schedule and open a pull request.
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const file = path.join(repoRoot, '.github', 'workflows', 'refresh-catalog.yml');

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number | boolean>;
}

interface Workflow {
  on: { schedule?: { cron: string }[]; workflow_dispatch?: unknown };
  permissions?: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}

describe('.github/workflows/refresh-catalog.yml', () => {
  // `uniqueKeys` and the default YAML 1.2 schema: `on` stays a string key, a repeated key throws.
  const workflow = parse(fs.readFileSync(file, 'utf8'), { uniqueKeys: true, prettyErrors: true }) as Workflow;
  const jobs = Object.values(workflow.jobs);
  const steps = jobs.flatMap((job) => job.steps);
  const indexOf = (predicate: (step: Step) => boolean, what: string) => {
    const index = steps.findIndex(predicate);
    assert.ok(index >= 0, `no step that ${what}`);
    return index;
  };

  it('runs weekly on a schedule and by hand', () => {
    assert.equal(workflow.on.schedule?.length, 1);
    const fields = workflow.on.schedule![0].cron.split(/\s+/);
    assert.equal(fields.length, 5);
    const [minute, hour, dayOfMonth, month, dayOfWeek] = fields;
    assert.match(minute, /^\d+$/);
    assert.match(hour, /^\d+$/);
    assert.deepEqual([dayOfMonth, month], ['*', '*']);
    assert.match(dayOfWeek, /^[0-6]$/, 'one fixed day of the week');
    assert.ok('workflow_dispatch' in workflow.on);
    assert.equal(jobs.length, 1);
  });

  it('checks out, clones the SDK, runs the refresh script on that clone, then opens a pull request', () => {
    const checkout = indexOf((step) => /^actions\/checkout@v\d+$/.test(step.uses ?? ''), 'checks out the repository');
    const install = indexOf((step) => /^npm ci\b/.test(step.run ?? ''), 'installs with npm ci');
    const clone = indexOf((step) => /git clone .*https:\/\/github\.com\/aws\/sagemaker-python-sdk(\.git)? /.test(step.run ?? ''), 'clones aws/sagemaker-python-sdk');
    const cloneTarget = /git clone .* (\S+)$/.exec(steps[clone].run!.trim())![1];
    const refresh = indexOf((step) => (step.run ?? '').includes('node scripts/refresh-reference.mjs'), 'runs scripts/refresh-reference.mjs');
    assert.ok(steps[refresh].run!.includes(`node scripts/refresh-reference.mjs ${cloneTarget}`), steps[refresh].run);
    const pullRequest = indexOf((step) => /^peter-evans\/create-pull-request@v\d+$/.test(step.uses ?? ''), 'opens a pull request');
    assert.ok(checkout < install && install < refresh && clone < refresh && refresh < pullRequest, `order: ${[checkout, install, clone, refresh, pullRequest]}`);
    assert.ok(fs.existsSync(path.join(repoRoot, 'scripts', 'refresh-reference.mjs')));
  });

  it('commits only reference/ and data/, with the SDK commit in the title', () => {
    const step = steps.find((candidate) => candidate.uses?.startsWith('peter-evans/create-pull-request@'))!;
    assert.deepEqual(String(step.with!['add-paths']).trim().split('\n'), ['reference/', 'data/']);
    assert.match(String(step.with!.title), /\$\{\{ steps\.refresh\.outputs\.commit \}\}/);
    assert.ok(steps.some((candidate) => candidate.id === 'refresh' && /GITHUB_OUTPUT/.test(candidate.run ?? '')));
    assert.deepEqual(workflow.permissions, { contents: 'write', 'pull-requests': 'write' });
  });
});
