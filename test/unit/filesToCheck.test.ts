import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { excludeMatcher, FileSelection, isProjectConfigFile, jsonIdentifiesRequest, type FileDecision } from '../../src/core/filesToCheck';
import { compileGlobs } from '../../src/core/specGlobs';
import { walkFilesToCheck, walkFoldersToCheck, type WalkOptions } from '../../src/node/walkFilesToCheck';
import { REPOSITORY_ROOT, removeTempProjects, tempProject } from './cliTestKit';

const SPEC_GLOBS = compileGlobs(['**/*.sagemaker.json', '**/*.sagemaker.jsonc']);
const TRAINING = '{"TrainingJobName": "j", "AlgorithmSpecification": {"TrainingImage": "x", "TrainingInputMode": "File"}}';

function selection(options: { isExcluded?: (path: string) => boolean } = {}): FileSelection {
  return new FileSelection({ isSpecFile: SPEC_GLOBS, ...options });
}

/** The decision in short: `yes:json`, `ifIdentified:json`, `no`. */
function decided(decision: FileDecision): string {
  return decision.check === 'no' ? 'no' : `${decision.check}:${decision.host}`;
}

describe('files to check', () => {
  describe('FileSelection (the decision)', () => {
    it('checks spec-glob files, Python, notebooks and Dockerfiles by name, other JSON by content, nothing else', () => {
      const chosen = selection();
      assert.equal(decided(chosen.decideFile('jobs/train.sagemaker.json')), 'yes:json');
      assert.equal(decided(chosen.decideFile('jobs/train.sagemaker.jsonc')), 'yes:json');
      assert.equal(decided(chosen.decideFile('src/train.py')), 'yes:python');
      assert.equal(decided(chosen.decideFile('nb/explore.ipynb')), 'yes:notebook');
      assert.equal(decided(chosen.decideFile('requests/train.json')), 'ifIdentified:json');
      assert.equal(decided(chosen.decideFile('README.md')), 'no');
      assert.equal(decided(chosen.decideFile('Dockerfile')), 'yes:dockerfile');
      assert.equal(decided(chosen.decideFile('serving/inference.Dockerfile')), 'yes:dockerfile');
      assert.equal(decided(chosen.decideFile('Containerfile')), 'yes:dockerfile');
      assert.equal(decided(chosen.decideFile('docs/Dockerfile.md.txt')), 'yes:dockerfile');
      assert.equal(decided(chosen.decideFile('LICENSE')), 'no');
    });

    it('takes a later host\'s kind, its globs and its content test, before the general ones', () => {
      const stepFunctions = { host: 'yaml' as const, globs: ['**/*.asl.json'], identifies: (text: string) => text.includes('arn:aws:states:::sagemaker') };
      const chosen = new FileSelection({ isSpecFile: SPEC_GLOBS, kinds: [stepFunctions, { host: 'json' as const, globs: ['**/*.json'], identifies: jsonIdentifiesRequest }] });
      const decision = chosen.decideFile('flows/train.asl.json');
      assert.equal(decided(decision), 'ifIdentified:yaml');
      assert.equal(decision.check === 'ifIdentified' && decision.identifies('{"Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync"}'), true);
      assert.equal(decided(chosen.decideFile('flows/other.json')), 'ifIdentified:json');
      assert.equal(decided(chosen.decideFile('flows/train.py')), 'no', 'only the kinds given are tried');
    });

    it('identifies a JSON request by its members', () => {
      assert.equal(jsonIdentifiesRequest(TRAINING), true);
      assert.equal(jsonIdentifiesRequest('{"name": "pkg", "version": "1.0.0", "dependencies": {"ModelName": "x"}}'), false);
      assert.equal(jsonIdentifiesRequest('not json at all'), false);
    });

    it('never enters dependencies, virtual environments (by name or by pyvenv.cfg), caches or build output', () => {
      const chosen = selection();
      for (const folder of ['node_modules', 'a/.git', '.venv', 'lib/venv', 'x/site-packages', '.tox', '.nox', 'src/__pycache__', 'cdk.out', '.aws-sam', 'nb/.ipynb_checkpoints']) {
        assert.equal(chosen.entersFolder(folder), false, folder);
      }
      assert.equal(chosen.entersFolder('env', ['bin', 'lib', 'pyvenv.cfg']), false);
      assert.equal(chosen.entersFolder('env', ['bin', 'lib']), true);
      assert.equal(chosen.entersFolder('specs'), true);
    });

    it('applies .gitignore as git does: anchored and folder-only patterns, the deepest file deciding, ! re-including', () => {
      const chosen = selection();
      chosen.addGitignore('', 'out/\n/generated\n*.tmp.json\n');
      chosen.addGitignore('specs', '!keep.tmp.json\nlocal/\n');
      assert.equal(chosen.entersFolder('out'), false);
      assert.equal(chosen.entersFolder('specs/out'), false, 'a pattern without a leading / matches at any depth');
      assert.equal(chosen.entersFolder('generated'), false);
      assert.equal(chosen.entersFolder('specs/generated'), true, 'a leading / anchors to the .gitignore folder');
      assert.equal(chosen.entersFolder('specs/local'), false);
      assert.equal(chosen.entersFolder('local'), true, "a .gitignore's rules apply only below its folder");
      assert.equal(decided(chosen.decideFile('a.tmp.json')), 'no');
      assert.equal(decided(chosen.decideFile('specs/b.tmp.json')), 'no');
      assert.equal(decided(chosen.decideFile('specs/keep.tmp.json')), 'ifIdentified:json', 'the deeper .gitignore re-includes it');
      assert.equal(decided(chosen.decideFile('out.json')), 'ifIdentified:json', 'out/ matches folders only');
    });

    it('never checks the checker\'s config file, even when the spec globs name every JSON file', () => {
      const chosen = new FileSelection({ isSpecFile: compileGlobs(['**/*.json']) });
      assert.equal(decided(chosen.decideFile('.sagemaker-spec.json')), 'no');
      assert.equal(decided(chosen.decideFile('jobs/.sagemaker-spec.json')), 'no');
      assert.equal(decided(chosen.decideFile('jobs/sagemaker-spec.json')), 'yes:json', 'only that exact name');
      assert.equal(decided(chosen.decideFile('jobs/.sagemaker-spec.json.sagemaker.json')), 'yes:json');
      assert.equal(isProjectConfigFile('/repo/jobs/.sagemaker-spec.json'), true);
      assert.equal(isProjectConfigFile('.sagemaker-spec.jsonc'), false);
    });

    it('honours the editor exclusions for files and folders', () => {
      const chosen = selection({ isExcluded: excludeMatcher(['**/archive', '**/*.old.sagemaker.json']) });
      assert.equal(chosen.entersFolder('jobs/archive'), false);
      assert.equal(chosen.entersFolder('jobs'), true);
      assert.equal(decided(chosen.decideFile('jobs/a.old.sagemaker.json')), 'no');
      assert.equal(decided(chosen.decideFile('jobs/a.sagemaker.json')), 'yes:json');
    });
  });

  describe("the README's pre-commit files pattern", () => {
    /** The `files:` regex of the README's pre-commit hook (pre-commit matches it with Python's re.search). */
    const preCommitFiles = () => {
      const readme = fs.readFileSync(path.join(REPOSITORY_ROOT, 'README.md'), 'utf8');
      const section = readme.slice(readme.indexOf('### pre-commit'));
      const pattern = /^ +files: (.+)$/m.exec(section)?.[1];
      assert.ok(pattern, 'the pre-commit section has a files: line');
      return new RegExp(pattern);
    };

    it('passes every file a folder run may check and no file it never checks', () => {
      const passes = preCommitFiles();
      const chosen = selection();
      const names = [
        'train.sagemaker.json', 'train.sagemaker.jsonc', 'job.sagemaker.yaml', 'job.sagemaker.yml', 'flow.asl.json', 'flow.asl.yaml',
        'endpoint-config.json', 'retrain.json', 'settings.jsonc', 'sam-pipeline.yaml', 'network.yml', 'xgboost-churn.pipeline.json', 'model.template.json',
        'train.py', 'explore.ipynb', 'Dockerfile', 'dockerfile', 'Containerfile', 'containerfile', 'Dockerfile.gpu', 'Containerfile.dev', 'serve.Dockerfile', 'x.containerfile',
        'README.md', 'LICENSE', 'notes.txt', 'train.pyc', 'model.tar.gz', 'data.csv', 'json', 'Dockerfiles/readme.md',
      ];
      for (const name of names) {
        for (const file of [name, `config/${name}`, `a/b/${name}`]) {
          assert.equal(passes.test(file), chosen.decideFile(file).check !== 'no', file);
        }
      }
      // What the trial repository's `check .` found and the old pattern missed.
      for (const file of ['config/endpoint-config.json', 'pipelines/retrain.json', 'cfn/sam-pipeline.yaml']) assert.ok(passes.test(file), file);
    });
  });

  describe('walkFilesToCheck (the walk)', () => {
    after(removeTempProjects);

    const specOptions: WalkOptions = { isSpecFile: (file) => SPEC_GLOBS(file.split(path.sep).join('/')) };
    const walk = (root: string, options: Partial<WalkOptions> = {}) =>
      [...walkFilesToCheck(root, { ...specOptions, ...options })].map((found) => `${path.relative(root, found.file).split(path.sep).join('/')} (${found.host})`);

    it('lists what the selection takes, reading JSON only to identify it, honouring nested .gitignore files', () => {
      const root = tempProject({
        '.gitignore': 'ignored/\n',
        'a.sagemaker.json': '{}',
        'request.json': TRAINING,
        'package.json': '{"name": "x"}',
        'train.py': 'print(1)\n',
        'ignored/b.sagemaker.json': '{}',
        'sub/.gitignore': '*.json\n!wanted.json\n',
        'sub/dropped.json': TRAINING,
        'sub/wanted.json': TRAINING,
        'env/pyvenv.cfg': 'home = /usr/bin\n',
        'env/lib/job.py': 'import sagemaker\n',
        'node_modules/dep/c.sagemaker.json': '{}',
      });
      assert.deepEqual(walk(root), ['a.sagemaker.json (json)', 'request.json (json)', 'train.py (python)', 'sub/wanted.json (json)']);
    });

    it('applies the .gitignore files of the repository above the folder walked', () => {
      const root = tempProject({ '.git/info/exclude': 'private.sagemaker.json\n', '.gitignore': 'specs/drafts/\n', 'specs/a.sagemaker.json': '{}', 'specs/private.sagemaker.json': '{}', 'specs/drafts/b.sagemaker.json': '{}' });
      assert.deepEqual(walk(path.join(root, 'specs')), ['a.sagemaker.json (json)']);
    });

    it('applies .git/info/exclude when the folder walked is the repository root, under the root\'s own .gitignore', () => {
      const root = tempProject({
        '.git/info/exclude': '*.local.sagemaker.json\n/drafts/\n',
        '.gitignore': '!keep.local.sagemaker.json\n',
        'a.sagemaker.json': '{}',
        'b.local.sagemaker.json': '{}',
        'keep.local.sagemaker.json': '{}',
        'drafts/c.sagemaker.json': '{}',
        'specs/drafts/d.sagemaker.json': '{}',
      });
      assert.deepEqual(walk(root), ['a.sagemaker.json (json)', 'keep.local.sagemaker.json (json)', 'specs/drafts/d.sagemaker.json (json)']);
    });

    it('reads the info/exclude of a linked worktree from the repository\'s common folder, as git does', () => {
      const root = tempProject({
        'repo/.git/info/exclude': 'private.sagemaker.json\n',
        'repo/.git/worktrees/wt/commondir': '../..\n',
        'wt/.git': 'gitdir: ../repo/.git/worktrees/wt\n',
        'wt/a.sagemaker.json': '{}',
        'wt/private.sagemaker.json': '{}',
      });
      assert.deepEqual(walk(path.join(root, 'wt')), ['a.sagemaker.json (json)']);
    });

    it('enters no symlinked folder and lists no symlinked file, so it never leaves the folder (the checker and Check Workspace alike)', () => {
      const root = tempProject({ 'repo/real/a.sagemaker.json': '{}', 'outside/b.sagemaker.json': '{}' });
      const repo = path.join(root, 'repo');
      fs.symlinkSync('real', path.join(repo, 'linkdir'));
      fs.symlinkSync('real/a.sagemaker.json', path.join(repo, 'link.sagemaker.json'));
      fs.symlinkSync('..', path.join(repo, 'up'));
      fs.symlinkSync('/dev/zero', path.join(repo, 'zero.sagemaker.json'));
      assert.deepEqual(walk(repo), ['real/a.sagemaker.json (json)']);
      // The folder asked for may itself be a link: it is walked under the name given.
      assert.deepEqual(walk(path.join(repo, 'linkdir')), ['a.sagemaker.json (json)']);
    });

    it('hands isSpecFile and isExcluded the paths through a linked folder it was asked to walk, as named', () => {
      const root = tempProject({ 'repo/real/a.sagemaker.json': '{}', 'repo/real/fixtures/b.sagemaker.json': '{}' });
      const repo = path.join(root, 'repo');
      fs.symlinkSync('real', path.join(repo, 'linkdir'));
      const asked: string[] = [];
      const isExcluded = (file: string, isFolder: boolean) => {
        asked.push(`${path.relative(repo, file).split(path.sep).join('/')}${isFolder ? '/' : ''}`);
        return isFolder && path.relative(repo, file) === path.join('linkdir', 'fixtures');
      };
      assert.deepEqual(walk(path.join(repo, 'linkdir'), { isExcluded }), ['a.sagemaker.json (json)']);
      assert.deepEqual(asked, ['linkdir/a.sagemaker.json', 'linkdir/fixtures/']);
    });

    it('does not enter a link back to a folder above it, so a link loop ends at once', () => {
      const root = tempProject({ 'specs/a.sagemaker.json': '{}' });
      fs.symlinkSync(root, path.join(root, 'specs', 'loop'));
      assert.deepEqual(walk(root), ['specs/a.sagemaker.json (json)']);
    });

    it('walkFoldersToCheck: each file once over folders that nest or name one folder twice (once through a link)', () => {
      const root = tempProject({ 'ws/a.sagemaker.json': '{}', 'ws/sub/b.sagemaker.json': '{}', 'other/c.sagemaker.json': '{}' });
      fs.symlinkSync('ws', path.join(root, 'wslink'));
      const folders = ['ws/sub', 'ws', 'wslink', 'other', 'missing'].map((folder) => ({ folder: path.join(root, folder), options: specOptions }));
      const found = [...walkFoldersToCheck(folders)].map((file) => path.relative(root, file.file).split(path.sep).join('/'));
      assert.deepEqual(found, ['ws/sub/b.sagemaker.json', 'ws/a.sagemaker.json', 'other/c.sagemaker.json']);
    });

    it('skips a FIFO and a JSON file over the size limit without blocking or reading them whole', function () {
      if (process.platform === 'win32') this.skip(); // no mkfifo on Windows
      const root = tempProject({ 'a.sagemaker.json': '{}' });
      execFileSync('mkfifo', [path.join(root, 'pipe.sagemaker.json')]);
      execFileSync('mkfifo', [path.join(root, 'pipe.json')]);
      const big = path.join(root, 'big.json');
      fs.writeFileSync(big, TRAINING);
      fs.truncateSync(big, 20 * 1024 * 1024); // sparse: the request's members are at its start
      assert.deepEqual(walk(root), ['a.sagemaker.json (json)']);
    });
  });
});
