// One decision of which host reads a file (core/fileHost.ts), shared by the checker, Check
// Workspace, folder expansion and the fix-all loops.
import * as assert from 'node:assert/strict';
import { hostOfFileName, readAgain, readFileDocument } from '../../src/core/fileHost';
import { FileSelection } from '../../src/core/filesToCheck';
import { analyzeDocument } from '../../src/core/hostDocument';
import { analyzeOptions } from './specTestKit';
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

  describe('an empty state machine file (found by a fresh user: it gave nothing)', () => {
    // `specGlob`: the spec globs match the file (the default ones match *.sagemaker.json).
    const check = (path: string, text: string, specGlob = false) => {
      const { document, forcedSpec } = readFileDocument(hostOfFileName(path), path, text, specGlob);
      return analyzeDocument(document, { ...analyzeOptions(), forcedSpec }).findings;
    };

    it('*.asl.json, empty or white space only: invalid-json at the start, saying Step Functions rejects it', () => {
      for (const text of ['', '  \n\t\r\n']) {
        const findings = check('/p/statemachine/train.asl.json', text);
        assert.deepEqual(findings.map(({ code, offset, length }) => ({ code, offset, length })), [{ code: 'invalid-json', offset: 0, length: 0 }], JSON.stringify(text));
        assert.equal(findings[0].message, 'The state machine file is empty: Step Functions rejects an empty definition. Write the state machine in JSON (its "StartAt" and "States"), or delete the file.');
        assert.deepEqual(findings[0].fixes, []);
      }
    });

    it('*.asl.yaml and *.asl.yml: invalid-yaml, the same words; in any letter case', () => {
      for (const path of ['/p/train.asl.yaml', 'C:\\p\\Train.ASL.YML']) {
        const findings = check(path, '\n');
        assert.deepEqual(findings.map(({ code }) => code), ['invalid-yaml'], path);
        assert.match(findings[0].message, /^The state machine file is empty: Step Functions rejects an empty definition\. Write the state machine in YAML/);
      }
    });

    it('an empty *.sagemaker.json stays the JSON host\'s own invalid-json; empty files of other names give nothing', () => {
      assert.match(check('/p/job.sagemaker.json', '', true)[0].message, /^The spec is not valid JSON here: a value is expected/);
      for (const path of ['/p/empty.json', '/p/template.yaml', '/p/asl.json', '/p/train.asl.json.bak']) assert.deepEqual(check(path, ''), [], path);
    });

    it('a state machine file with text is read as before: a broken one is not called empty', () => {
      assert.deepEqual(check('/p/train.asl.json', '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}'), []);
      const cut = check('/p/train.asl.json', '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::sagemaker:createModel", "Parameters": {');
      assert.ok(cut.some((finding) => finding.code === 'invalid-json'));
      assert.doesNotMatch(cut.map((finding) => finding.message).join(), /empty/);
    });
  });
});
