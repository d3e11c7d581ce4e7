import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

// scripts/lib/demo-workspace.mjs: the demo opens a fresh copy of examples/, never the tracked folder.

// tsc turns import() into require(), which cannot load an .mjs on Node 20; a Function body keeps it.
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const EXAMPLES = path.join(repoRoot, 'examples');

interface DemoWorkspace {
  freshExamplesCopy(examplesDir: string, parent?: string): string;
  removeCopy(copy: string): void;
}

describe('demo workspace (scripts/lib/demo-workspace.mjs)', () => {
  let demo: DemoWorkspace;
  let parent: string;

  before(async () => {
    demo = (await importEsm(pathToFileURL(path.join(repoRoot, 'scripts', 'lib', 'demo-workspace.mjs')).href)) as DemoWorkspace;
  });

  beforeEach(() => {
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-workspace-test-'));
  });

  afterEach(() => fs.rmSync(parent, { recursive: true, force: true }));

  it('copies every example into a new folder outside the repository, a different one each run', () => {
    const first = demo.freshExamplesCopy(EXAMPLES, parent);
    const second = demo.freshExamplesCopy(EXAMPLES, parent);
    assert.notEqual(first, second);
    assert.ok(path.relative(repoRoot, first).startsWith('..'), 'outside the repository');
    assert.deepEqual(fs.readdirSync(first).sort(), fs.readdirSync(EXAMPLES).sort());
    for (const name of fs.readdirSync(EXAMPLES)) assert.equal(fs.readFileSync(path.join(first, name), 'utf8'), fs.readFileSync(path.join(EXAMPLES, name), 'utf8'), name);
  });

  it('leaves the tracked examples as they are when the copy is edited, and removes the copy', () => {
    const copy = demo.freshExamplesCopy(EXAMPLES, parent);
    const name = 'broken-latest-tag.sagemaker.json';
    const tracked = fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
    fs.writeFileSync(path.join(copy, name), '{}');
    assert.equal(fs.readFileSync(path.join(EXAMPLES, name), 'utf8'), tracked);
    demo.removeCopy(copy);
    assert.ok(!fs.existsSync(path.dirname(copy)));
    assert.ok(fs.existsSync(path.join(EXAMPLES, name)));
  });

  it('refuses to remove a folder it did not make', () => {
    assert.throws(() => demo.removeCopy(EXAMPLES), /refusing to remove/);
    assert.ok(fs.existsSync(EXAMPLES));
  });
});
