/**
 * The checker and Dockerfiles (issue 13): named on the command line, found in folders by their
 * names (not in node_modules), read with the Dockerfile host; other files keep their hosts.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { readDocument } from '../../src/cli/checkFile';
import { expandFiles } from '../../src/cli/expandFiles';
import { removeTempProjects, runCli, tempProject } from './cliTestKit';

const LATEST = 'FROM 763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:latest\n';
const PINNED = 'ARG TAG=1.7-1\nFROM 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:${TAG}\n';

describe('sagemaker-spec check: Dockerfiles', () => {
  after(removeTempProjects);

  it('a folder expands to its Dockerfiles by name, skipping node_modules', () => {
    const root = tempProject({
      'Dockerfile': LATEST,
      'docker/train.Dockerfile': PINNED,
      'docker/Dockerfile.gpu': PINNED,
      'docker/Containerfile': 'FROM python:3.12\n',
      'docker/serve.dockerfile': PINNED,
      'notes/Dockerfiles.md': LATEST,
      'node_modules/pkg/Dockerfile': LATEST,
    });
    assert.deepEqual(expandFiles(['.'], root).map((file) => path.relative(root, file)).sort(), [
      'Dockerfile',
      'docker/Containerfile',
      'docker/Dockerfile.gpu',
      'docker/serve.dockerfile',
      'docker/train.Dockerfile',
    ]);
  });

  it('reads Dockerfile names with the Dockerfile host, and .py and .json with theirs', () => {
    assert.equal(readDocument('/p/Dockerfile', LATEST, false).document.host, 'dockerfile');
    assert.equal(readDocument('/p/app.Dockerfile', LATEST, false).document.host, 'dockerfile');
    assert.equal(readDocument('/p/Dockerfile.json', '{}', false).document.host, 'json');
    assert.equal(readDocument('/p/dockerfile.py', '', false).document.host, 'python');
  });

  it('reports the findings of a folder\'s Dockerfiles and exits 1', () => {
    const root = tempProject({ 'Dockerfile': LATEST, 'docker/train.Dockerfile': PINNED.replace('1.7-1', '1'), 'docker/Containerfile': 'FROM python:3.12\n' });
    const run = runCli(['check', '--format', 'json', '.'], { cwd: root });
    assert.equal(run.status, 1, run.stderr);
    const files = JSON.parse(run.stdout) as { filePath: string; findings: { code: string; line: number; column: number }[] }[];
    assert.deepEqual(files.map((file) => [path.relative(root, file.filePath), file.findings.map((finding) => `${finding.code} ${finding.line}:${finding.column}`)]), [
      ['Dockerfile', ['latest-tag 1:68']],
      ['docker/Containerfile', []],
      ['docker/train.Dockerfile', ['xgboost-unpinned 2:69']],
    ]);
  });
});
