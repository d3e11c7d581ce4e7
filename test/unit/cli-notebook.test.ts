import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { JsonFileResult } from '../../src/cli/formatters/json';
import { REPOSITORY_ROOT, removeTempProjects, runCli, tempProject } from './cliTestKit';

const FIXTURE = 'test/fixtures/notebooks/training-two-cells.ipynb';
const FIXTURE_TEXT = fs.readFileSync(path.join(REPOSITORY_ROOT, FIXTURE), 'utf8');
const SARIF_SCHEMA = JSON.parse(fs.readFileSync(path.join(REPOSITORY_ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object;

/** The file's text between two 1-based line:column positions (columns in UTF-16 code units). */
function textBetween(text: string, line: number, column: number, endLine: number, endColumn: number): string {
  const lines = text.split('\n');
  const offsetOf = (l: number, c: number) => lines.slice(0, l - 1).reduce((sum, current) => sum + current.length + 1, 0) + c - 1;
  return text.slice(offsetOf(line, column), offsetOf(endLine, endColumn));
}

/** A notebook file (nbformat 4, sources as lists of lines, as Jupyter writes them). */
function notebookFile(cells: { cell_type: string; source: string }[]): string {
  return JSON.stringify({ cells: cells.map((cell) => ({ ...cell, metadata: {}, source: cell.source.split(/(?<=\n)/) })), metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1);
}

describe('sagemaker-spec check: notebooks', () => {
  after(removeTempProjects);

  it('stylish output places findings by cell (markdown counted), line and column in the cell', () => {
    const run = runCli(['check', FIXTURE]);
    assert.equal(run.status, 1);
    const lines = run.stdout.split('\n');
    assert.equal(lines[1], FIXTURE);
    // The positions are padded to the widest one, as line:column is for other files.
    assert.match(lines[2], /^ {2}cell 2, line 5, col 86 {2}error {4}.* {2}xgboost-unpinned$/);
    assert.match(lines[3], /^ {2}cell 4, line 2, col 4 {3}error {4}.* {2}missing-required-property$/);
    assert.equal(lines.at(-2), '✖ 2 problems (2 errors, 0 warnings)');
  });

  it('stylish output tells two findings on one cell line apart by their columns', () => {
    const source = "import boto3\nsm = boto3.client('sagemaker')\nsm.create_model(ModelName='m', PrimaryContainer={'Image': '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1'}, Tag=[])\n";
    const root = tempProject({ 'one-line.ipynb': notebookFile([{ cell_type: 'code', source }]) });
    const run = runCli(['check', 'one-line.ipynb'], { cwd: root });
    assert.equal(run.status, 1);
    const rows = run.stdout.split('\n').filter((line) => line.startsWith('  cell '));
    // Columns are 1-based in the cell line: the tag "1" (after its colon) is at 123, "Tag" at 128.
    const line = source.split('\n')[2];
    assert.equal(line.indexOf(':1\'') + 2, 123);
    assert.equal(line.indexOf('Tag=') + 1, 128);
    assert.deepEqual(
      rows.map((row) => /^ {2}(cell 1, line 3, col \d+) +\w+ {2}.* {2}([\w-]+)$/.exec(row)?.slice(1)),
      [
        ['cell 1, line 3, col 123', 'xgboost-unpinned'],
        ['cell 1, line 3, col 128', 'unknown-property'],
      ],
    );
  });

  it('JSON output points into the .ipynb text (escapes included), with the cell position beside it', () => {
    const [result] = JSON.parse(runCli(['check', '--format', 'json', FIXTURE]).stdout) as JsonFileResult[];
    const found = result.findings.map((finding) => ({
      code: finding.code,
      inFile: textBetween(FIXTURE_TEXT, finding.line, finding.column, finding.endLine, finding.endColumn),
      atOffset: FIXTURE_TEXT.slice(finding.offset, finding.offset + finding.length),
      cell: [finding.cell, finding.cellLine, finding.cellColumn],
    }));
    assert.deepEqual(found, [
      // The cell's line is `    "TrainingImage": "…:latest",` — its quotes are \" in the file, so the columns differ.
      { code: 'xgboost-unpinned', inFile: 'latest', atOffset: 'latest', cell: [2, 5, 86] },
      { code: 'missing-required-property', inFile: 'create_training_job', atOffset: 'create_training_job', cell: [4, 2, 4] },
    ]);
    assert.notEqual(result.findings[0].column, 86);
  });

  it('SARIF output is valid 2.1.0, its regions in the .ipynb text, the cell in the result\'s properties', () => {
    const log = JSON.parse(runCli(['check', '--format', 'sarif', FIXTURE]).stdout) as {
      runs: { results: { ruleId: string; properties?: Record<string, number>; locations: { physicalLocation: { region: Record<string, number> } }[] }[] }[];
    };
    const validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile(SARIF_SCHEMA);
    assert.ok(validate(log), JSON.stringify(validate.errors));
    const results = log.runs[0].results.map((result) => {
      const region = result.locations[0].physicalLocation.region;
      return { ruleId: result.ruleId, text: textBetween(FIXTURE_TEXT, region.startLine, region.startColumn, region.endLine, region.endColumn), properties: result.properties };
    });
    assert.deepEqual(results, [
      { ruleId: 'xgboost-unpinned', text: 'latest', properties: { cell: 2, cellLine: 5, cellColumn: 86 } },
      { ruleId: 'missing-required-property', text: 'create_training_job', properties: { cell: 4, cellLine: 2, cellColumn: 4 } },
    ]);
  });

  it('expands folders to notebooks, skipping .ipynb_checkpoints; a notebook with nothing SageMaker is clean', () => {
    const plain = notebookFile([{ cell_type: 'code', source: 'import pandas as pd\n!ls\nprint(pd.__version__)' }]);
    const root = tempProject({
      'nb/train.ipynb': FIXTURE_TEXT,
      'nb/plain.ipynb': plain,
      'nb/.ipynb_checkpoints/train-checkpoint.ipynb': FIXTURE_TEXT,
    });
    const results = JSON.parse(runCli(['check', '--format', 'json', 'nb'], { cwd: root }).stdout) as JsonFileResult[];
    assert.deepEqual(
      results.map((result) => [path.relative(root, result.filePath), result.findings.map((finding) => finding.code)]),
      [
        [path.join('nb', 'plain.ipynb'), []],
        [path.join('nb', 'train.ipynb'), ['xgboost-unpinned', 'missing-required-property']],
      ],
    );
  });

  it('honours # sagemaker-spec-disable-next-line in a cell', () => {
    const source = ['from sagemaker import image_uris', '# sagemaker-spec-disable-next-line xgboost-unpinned -- a throwaway experiment', 'image_uris.retrieve("xgboost", "us-east-1", "latest")', ''].join('\n');
    const root = tempProject({ 'suppressed.ipynb': notebookFile([{ cell_type: 'code', source }]), 'reported.ipynb': notebookFile([{ cell_type: 'code', source: source.replace(/^# .*\n/m, '') }]) });
    assert.deepEqual(runCli(['check', 'suppressed.ipynb'], { cwd: root }), { status: 0, stdout: '', stderr: '' });
    const reported = runCli(['check', 'reported.ipynb'], { cwd: root });
    assert.equal(reported.status, 1);
    // Column 46 is where latest starts, inside the quotes of image_uris.retrieve("xgboost", "us-east-1", "latest").
    assert.match(reported.stdout, /cell 1, line 2, col 46 {2}error .* xgboost-unpinned\n/);
  });

  it('fails (exit 2) on a .ipynb that is JSON but no notebook', () => {
    const root = tempProject({ 'other.ipynb': '{"not": "a notebook"}' });
    const run = runCli(['check', 'other.ipynb'], { cwd: root });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /other\.ipynb.*not a Jupyter notebook/);
  });

  it('reports a notebook whose JSON breaks (cut short, a merge conflict) as invalid-json where it breaks, when it names SageMaker; says nothing of another (found by a fresh user: the run exited 2)', () => {
    const notebook = JSON.stringify({ cells: [{ cell_type: 'code', metadata: {}, source: ['import sagemaker\n', 'image = "x"'], outputs: [], execution_count: null }], metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1);
    const conflicted = notebook.replace(' "metadata": {},\n "nbformat"', '<<<<<<< HEAD\n "metadata": {},\n=======\n "metadata": {"kernelspec": {}},\n>>>>>>> branch\n "nbformat"');
    assert.notEqual(conflicted, notebook);
    const root = tempProject({ 'conflicted.ipynb': conflicted, 'cut.ipynb': notebook.slice(0, notebook.indexOf('import sagemaker') + 20), 'unrelated.ipynb': '{"cells": [' });
    const run = runCli(['check', '--format', 'json', '.'], { cwd: root });
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stderr, '');
    const results = JSON.parse(run.stdout) as { filePath: string; findings: { code: string; line: number; message: string }[] }[];
    const findingsOf = (file: string) => (results.find((result) => path.basename(result.filePath) === file)?.findings ?? []).map((finding) => [finding.code, finding.line, finding.message]);
    const markerLine = conflicted.split('\n').findIndex((line) => line.startsWith('<<<<<<<')) + 1;
    assert.deepEqual(findingsOf('conflicted.ipynb'), [['invalid-json', markerLine, 'The notebook is not valid JSON here: an unexpected character. Jupyter cannot open it until it is fixed.']]);
    assert.deepEqual(findingsOf('cut.ipynb').map(([code]) => code), ['invalid-json']);
    assert.deepEqual(findingsOf('unrelated.ipynb'), []);
  });
});
