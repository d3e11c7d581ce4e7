// `sagemaker-spec check -` reads standard input, as ESLint and Prettier do (a fresh user got "no
// such file"): the content tells what it is, or `--stdin-filepath` names it; `--fix` is refused,
// `--fix-dry-run` lists the fixes.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { hostOfText } from '../../src/core/fileHost';
import { example, removeTempProjects, runCli, tempProject } from './cliTestKit';

interface JsonResult {
  filePath: string;
  findings: { code: string; line: number; column: number }[];
}

function results(stdout: string): JsonResult[] {
  return JSON.parse(stdout) as JsonResult[];
}

describe('sagemaker-spec check - (standard input)', () => {
  after(removeTempProjects);

  it('reads each kind of file from standard input, told by its content, and reports it as <stdin>', () => {
    const root = tempProject({});
    const cases: [string, string[]][] = [
      ['broken-latest-tag.sagemaker.json', ['latest-tag']],
      ['broken-invalid-enum-value.sagemaker.yaml', ['invalid-enum-value']],
      ['broken-invalid-enum-value.template.json', ['invalid-enum-value']],
      ['broken-unsupported-integration-pattern.asl.json', ['unsupported-integration-pattern']],
      ['broken-undefined-pipeline-step.pipeline.json', ['undefined-pipeline-step']],
      ['broken-xgboost-unpinned.Dockerfile', ['xgboost-unpinned']],
      ['broken-private-registry-needs-vpc-access.py', ['private-registry-needs-vpc-access']],
      ['broken-xgboost-unpinned.ipynb', ['xgboost-unpinned']],
    ];
    for (const [name, expected] of cases) {
      const run = runCli(['check', '--format', 'json', '-'], { cwd: root, input: example(name) });
      assert.equal(run.status, expected.some((code) => code !== 'latest-tag') ? 1 : 0, `${name}: ${run.stderr}`);
      const [result, ...more] = results(run.stdout);
      assert.deepEqual(more, [], name);
      assert.equal(result.filePath, path.join(root, '<stdin>'), name);
      assert.deepEqual([...new Set(result.findings.map((finding) => finding.code))], expected, name);
    }
    const stylish = runCli(['check', '-'], { cwd: root, input: example('broken-latest-tag.sagemaker.json') });
    assert.match(stylish.stdout, /^\n<stdin>\n {2}5:75 {2}warning/);
  });

  it('--stdin-filepath names it: its name picks the host, its folder the config file, and findings print under it', () => {
    const root = tempProject({ 'jobs/.sagemaker-spec.json': JSON.stringify({ rules: { 'latest-tag': 'error' } }) });
    // jobs/.sagemaker-spec.json makes latest-tag an error: it applies to the name given.
    const run = runCli(['check', '--stdin-filepath', 'jobs/train.sagemaker.json', '-'], { cwd: root, input: example('broken-latest-tag.sagemaker.json') });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^\njobs\/train\.sagemaker\.json\n {2}5:75 {2}error .* latest-tag$/m);
    // The same Python text named as a Dockerfile is read as one (nothing of a Dockerfile's in it).
    const python = example('broken-private-registry-needs-vpc-access.py');
    assert.equal(runCli(['check', '--stdin-filepath', 'Dockerfile', '-'], { cwd: root, input: python }).status, 0);
    assert.equal(runCli(['check', '--stdin-filepath', 'train.py', '-'], { cwd: root, input: python }).status, 1);
  });

  it('--fix-dry-run lists the fixes of standard input; --fix is refused, as are "-" with other files and --stdin-filepath without "-"', () => {
    const root = tempProject({ 'a.sagemaker.json': example('broken-latest-tag.sagemaker.json') });
    const input = example('broken-invalid-enum-value.sagemaker.yaml');
    const dry = runCli(['check', '--fix-dry-run', '--format', 'json', '-'], { cwd: root, input });
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stderr, /^would fix <stdin>:6:22 {2}invalid-enum-value {2}Use "File"$/m);
    assert.deepEqual(results(dry.stdout)[0].findings, []);
    for (const [args, message] of [
      [['--fix', '-'], /--fix cannot write fixes back to standard input: use --fix-dry-run/],
      [['-', 'a.sagemaker.json'], /"-" \(standard input\) is checked alone/],
      [['--stdin-filepath', 'x.sagemaker.json', 'a.sagemaker.json'], /--stdin-filepath names standard input: give "-"/],
      [['--stdin-filepath', '', '-'], /--stdin-filepath needs a path/],
    ] as [string[], RegExp][]) {
      const run = runCli(['check', ...args], { cwd: root, input });
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, message, args.join(' '));
      assert.equal(run.stdout, '');
    }
  });

  it('an empty standard input is a file with nothing of ours: exit 0', () => {
    const run = runCli(['check', '-'], { cwd: tempProject({}), input: '' });
    assert.equal(run.status, 0, run.stderr);
  });
});

describe('hostOfText (standard input without a name)', () => {
  it('tells JSON, notebooks, Dockerfiles, Python and YAML apart by content', () => {
    const cases: [string, string][] = [
      ['{"TrainingJobName": "x"}', 'json'],
      ['\uFEFF  [1, 2]', 'json'],
      ['// a comment\n{}', 'json'],
      ['{"cells": [], "nbformat": 4, "metadata": {}}', 'notebook'],
      ['# syntax=docker/dockerfile:1\n\nARG V=1\nFROM python:3.12\n', 'dockerfile'],
      ['from python:3.12 AS build\nRUN pip install x\n', 'dockerfile'],
      ['from sagemaker.estimator import Estimator\n', 'python'],
      ['#!/usr/bin/env python\nimport boto3\n', 'python'],
      ['sm = boto3.client("sagemaker")\nsm.create_training_job(**spec)\n', 'python'],
      ['def main():\n    pass\n', 'python'],
      ['TrainingJobName: x\nAlgorithmSpecification:\n  TrainingInputMode: File\n', 'yaml'],
      ['AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n', 'yaml'],
      ['', 'yaml'],
    ];
    for (const [text, host] of cases) assert.equal(hostOfText(text), host, JSON.stringify(text));
  });
});
