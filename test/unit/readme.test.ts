import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPOSITORY_ROOT } from './cliTestKit';

/** The README shows what the checker prints on examples/: scripts/docs-readme.mjs compares the two. */
describe('README.md', () => {
  it('shows the sample checker output that "sagemaker-spec check examples/" prints now', function () {
    this.timeout(60_000);
    const run = spawnSync(process.execPath, [path.join(REPOSITORY_ROOT, 'scripts', 'docs-readme.mjs'), '--check'], { cwd: REPOSITORY_ROOT, encoding: 'utf8' });
    // On a difference the script prints a line diff and how to regenerate (npm run docs:readme).
    assert.equal(run.status, 0, run.stderr || run.stdout);
    assert.match(run.stdout, /README\.md sample output matches the checker/);
  });
});
