import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CatalogData } from '../../src/core/catalog/catalogData';

// scripts/refresh-reference.mjs against a small SDK repository made here: git init, one commit with
// two config files in the SDK's v3 layout, at a fixed committer date.
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const script = path.join(repoRoot, 'scripts', 'refresh-reference.mjs');
const CONFIG_DIR = 'sagemaker-core/src/sagemaker/core/image_uri_config';
const COMMIT_DATE = '2026-10-05T12:00:00+02:00';

const PYTORCH = {
  training: {
    processors: ['cpu', 'gpu'],
    version_aliases: { '2.9': '2.9.0' },
    versions: { '2.9.0': { py_versions: ['py312'], registries: { 'us-east-1': '763104351884', 'eu-west-1': '763104351884' }, repository: 'pytorch-training' } },
  },
};
const GPU_INFO = { 'us-east-1': { 'ml.g5.xlarge': { Count: 1, TotalGpuMemoryInMiB: 24576 } } };

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.com', GIT_COMMITTER_DATE: COMMIT_DATE, GIT_AUTHOR_DATE: COMMIT_DATE },
  }).trim();
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 4)}\n`);
}

function refresh(sdk: string, root: string) {
  return spawnSync(process.execPath, [script, sdk, '--root', root], { encoding: 'utf8' });
}

describe('scripts/refresh-reference.mjs', function () {
  this.timeout(30000);
  let work: string;
  let sdk: string;
  let root: string;
  let head: string;

  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'refresh-reference-test-'));
    sdk = path.join(work, 'sagemaker-python-sdk');
    fs.mkdirSync(sdk);
    git(sdk, 'init', '-q');
    writeJson(path.join(sdk, CONFIG_DIR, 'pytorch.json'), PYTORCH);
    writeJson(path.join(sdk, CONFIG_DIR, 'instance_gpu_info.json'), GPU_INFO);
    fs.writeFileSync(path.join(sdk, 'README.md'), 'not a config\n');
    git(sdk, 'add', '.');
    git(sdk, 'commit', '-q', '-m', 'configs');
    head = git(sdk, 'rev-parse', 'HEAD');

    // A target repository holding an older copy, with a config the SDK has since dropped.
    root = path.join(work, 'repo');
    fs.cpSync(path.join(repoRoot, 'reference', 'sagemaker-api'), path.join(root, 'reference', 'sagemaker-api'), { recursive: true });
    writeJson(path.join(root, 'reference', 'image_uri_config', 'chainer.json'), {});
  });

  afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

  it('copies the configs, records the HEAD commit and its date, and regenerates data/', () => {
    const run = refresh(sdk, root);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`SDK commit ${head}`));

    const copied = fs.readdirSync(path.join(root, 'reference', 'image_uri_config')).sort();
    assert.deepEqual(copied, ['instance_gpu_info.json', 'pytorch.json']);
    for (const name of copied) {
      assert.ok(fs.readFileSync(path.join(root, 'reference', 'image_uri_config', name)).equals(fs.readFileSync(path.join(sdk, CONFIG_DIR, name))), name);
    }
    const source = JSON.parse(fs.readFileSync(path.join(root, 'reference', 'sdk-source.json'), 'utf8'));
    assert.deepEqual(source, { repository: 'aws/sagemaker-python-sdk', branch: git(sdk, 'rev-parse', '--abbrev-ref', 'HEAD'), commit: head, commitDate: COMMIT_DATE, configDir: `${CONFIG_DIR}/` });

    const catalog = JSON.parse(fs.readFileSync(path.join(root, 'data', 'catalog.json'), 'utf8')) as CatalogData;
    assert.deepEqual(catalog.source, { repository: 'aws/sagemaker-python-sdk', commit: head, date: '2026-10-05', configDir: `${CONFIG_DIR}/` });
    assert.deepEqual(catalog.images.map((image) => [image.framework, image.version, image.repository, image.aliases]), [['pytorch', '2.9.0', 'pytorch-training', ['2.9']]]);
    assert.ok(catalog.images[0].tags.includes('2.9.0-gpu-py312'));
    assert.deepEqual(Object.keys(catalog.regions), ['eu-west-1', 'us-east-1']);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(root, 'data', 'instance-gpus.json'), 'utf8')).instances, { 'ml.g5.xlarge': { gpus: 1, gpuMemoryMiB: 24576 } });
    // The botocore model is not the SDK's: regenerated from the same input, it is unchanged.
    assert.equal(fs.readFileSync(path.join(root, 'data', 'api-model.json'), 'utf8'), fs.readFileSync(path.join(repoRoot, 'data', 'api-model.json'), 'utf8'));
  });

  it('reads the v2 layout (src/sagemaker/image_uri_config) of an older clone', () => {
    git(sdk, 'mv', 'sagemaker-core/src/sagemaker/core/image_uri_config', 'src-v2');
    fs.mkdirSync(path.join(sdk, 'src', 'sagemaker'), { recursive: true });
    git(sdk, 'mv', 'src-v2', 'src/sagemaker/image_uri_config');
    git(sdk, 'commit', '-q', '-m', 'v2 layout');
    const run = refresh(sdk, root);
    assert.equal(run.status, 0, run.stderr);
    const source = JSON.parse(fs.readFileSync(path.join(root, 'reference', 'sdk-source.json'), 'utf8'));
    assert.equal(source.configDir, 'src/sagemaker/image_uri_config/');
    assert.equal(source.commit, git(sdk, 'rev-parse', 'HEAD'));
  });

  it('leaves the repository untouched when the generator rejects the new configs', () => {
    writeJson(path.join(sdk, CONFIG_DIR, 'pytorch.json'), { training: { versions: { '2.9.0': { registries: { 'us-east-1': '763104351884' }, repository: 'pytorch-training', new_sdk_key: 1 } } } });
    git(sdk, 'commit', '-q', '-am', 'a layout the generator does not know');
    const run = refresh(sdk, root);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /unexpected key "new_sdk_key"/);
    assert.deepEqual(fs.readdirSync(path.join(root, 'reference', 'image_uri_config')), ['chainer.json']);
    assert.equal(fs.existsSync(path.join(root, 'reference', 'sdk-source.json')), false);
    assert.equal(fs.existsSync(path.join(root, 'data')), false);
  });

  it('refuses a folder without the SDK config folder, with usage on a wrong command line', () => {
    const run = refresh(work, root);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /has none of sagemaker-core\/src\/sagemaker\/core\/image_uri_config, src\/sagemaker\/image_uri_config/);
    const usage = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /^usage: node scripts\/refresh-reference\.mjs <sagemaker-python-sdk clone>/);
  });
});
