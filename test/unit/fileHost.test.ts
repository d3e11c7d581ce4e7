// One decision of which host reads a file (core/fileHost.ts), shared by the checker, Check
// Workspace, folder expansion and the fix-all loops.
import * as assert from 'node:assert/strict';
import { hostOfFileName, readAgain, readFileDocument } from '../../src/core/fileHost';
import { FileSelection } from '../../src/core/filesToCheck';
import { example } from './cliTestKit';

const YAML_SPEC = example('broken-invalid-enum-value.sagemaker.yaml');

describe('fileHost: the host a file is read with', () => {
  it('picks the host by the file name alone, in any letter case and with either separator', () => {
    const table: [string, string][] = [
      ['/p/train.py', 'python'],
      ['C:\\p\\Explore.IPYNB', 'notebook'],
      ['/p/job.sagemaker.yaml', 'yaml'],
      ['/p/template.YML', 'yaml'],
      ['/p/Dockerfile', 'dockerfile'],
      ['/p/serve.Containerfile', 'dockerfile'],
      ['/p/Dockerfile.json', 'json'],
      ['/p/Dockerfile.jsonc', 'json'],
      ['/p/job.sagemaker.json', 'json'],
      ['/p/README', 'json'],
    ];
    assert.deepEqual(table.map(([file]) => [file, hostOfFileName(file)]), table);
  });

  it('makes *.sagemaker.yaml a spec by its name, and other YAML only when the spec globs say so', () => {
    assert.equal(readFileDocument('yaml', '/p/job.sagemaker.yaml', YAML_SPEC, false).forcedSpec, true);
    assert.equal(readFileDocument('yaml', '/p/job.yaml', YAML_SPEC, false).forcedSpec, false);
    assert.equal(readFileDocument('yaml', '/p/job.yaml', YAML_SPEC, true).forcedSpec, true);
    assert.equal(readFileDocument('python', '/p/train.py', 'import sagemaker\n', true).forcedSpec, false, 'a spec glob never makes Python a JSON spec');
  });

  it('reads a YAML file matched by the spec globs with the YAML host (it was read as JSON)', () => {
    const selection = new FileSelection({ isSpecFile: (path) => path.startsWith('jobs/') });
    assert.deepEqual(selection.decideFile('jobs/train.yaml'), { check: 'yes', host: 'yaml' });
    const { document } = readFileDocument('yaml', 'jobs/train.yaml', YAML_SPEC, true);
    assert.equal(document.host, 'yaml');
    assert.deepEqual(document.requests.map((request) => request.kind), ['CreateTrainingJob']);
  });

  it('reads an edited text again with the host that read the first one (the fix-all loops)', () => {
    const first = readFileDocument('yaml', '/p/job.sagemaker.yaml', YAML_SPEC, false);
    const edited = YAML_SPEC.replace('TrainingInputMode: Fil', 'TrainingInputMode: File');
    const again = readAgain(first.document, edited, first.forcedSpec);
    assert.equal(again.host, 'yaml');
    assert.equal(again.text, edited);
    assert.deepEqual(again.requests.map((request) => request.kind), ['CreateTrainingJob']);
    const dockerfile = readFileDocument('dockerfile', '/p/Dockerfile', 'FROM python:3.12\n', false).document;
    assert.equal(readAgain(dockerfile, 'FROM python:3.13\n', false).host, 'dockerfile');
  });
});
