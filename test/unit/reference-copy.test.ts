import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// The generators read the committed copy in reference/. The team's snapshot in ../shared/reference
// (beside the repository on team machines and in CI) is where that copy came from; while both are
// at the same SDK commit they must hold the same bytes.
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const inRepo = path.join(repoRoot, 'reference');
const shared = path.resolve(repoRoot, '../shared/reference');

/** The generator inputs (and the notes on where they came from), as paths under reference/. */
const COPIED_FILES = ['README.md', 'algorithm-registries.json', 'docs-registry-paths.csv'];
const COPIED_FOLDERS = ['image_uri_config', 'sagemaker-api', 'builtin-algorithms'];

interface SdkSource {
  repository: string;
  commit: string;
  commitDate: string;
  configDir: string;
}

function listFolder(root: string, folder: string): string[] {
  return fs
    .readdirSync(path.join(root, folder))
    .map((name) => `${folder}/${name}`)
    .sort();
}

describe('reference/ (the generator inputs in the repository)', () => {
  const source = JSON.parse(fs.readFileSync(path.join(inRepo, 'sdk-source.json'), 'utf8')) as SdkSource;

  it('records the SDK snapshot the configs come from', () => {
    assert.equal(source.repository, 'aws/sagemaker-python-sdk');
    assert.match(source.commit, /^[0-9a-f]{40}$/);
    assert.match(source.commitDate, /^\d{4}-\d{2}-\d{2}T/);
    assert.ok(fs.existsSync(path.join(inRepo, 'image_uri_config', 'pytorch.json')));
  });

  describe('equals ../shared/reference', function () {
    let sharedCommit: string | undefined;

    before(function () {
      if (!fs.existsSync(shared)) {
        // A clone without ../shared beside it (a contributor's fork): nothing to compare; CI has it.
        console.log(`    (pending: ${shared} is absent, so there is nothing to compare the copy with)`);
        this.skip();
      }
      sharedCommit = (JSON.parse(fs.readFileSync(path.join(shared, 'algorithm-registries.json'), 'utf8')) as { source: SdkSource }).source.commit;
      if (sharedCommit !== source.commit) {
        // After scripts/refresh-reference.mjs the copy is newer than the team snapshot, by design.
        console.log(`    (pending: reference/ is at SDK commit ${source.commit}, ../shared/reference at ${sharedCommit})`);
        this.skip();
      }
    });

    it('has the same files in each copied folder', () => {
      for (const folder of COPIED_FOLDERS) assert.deepEqual(listFolder(inRepo, folder), listFolder(shared, folder), folder);
    });

    it('has the same bytes in every copied file', () => {
      const files = [...COPIED_FILES, ...COPIED_FOLDERS.flatMap((folder) => listFolder(shared, folder))];
      assert.ok(files.length > 70);
      for (const file of files) {
        assert.ok(fs.readFileSync(path.join(inRepo, file)).equals(fs.readFileSync(path.join(shared, file))), `reference/${file} differs from ../shared/reference/${file}`);
      }
    });
  });
});
