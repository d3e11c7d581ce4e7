// Workflow hosts benchmark (issue 13): a 500-state Step Functions state machine read and analysed
// through the JSON host, next to jsonc-parser's bare parse of the same text, each in its own
// worker thread (see lib/isolated-medians.mjs). Prints figures and aims; never fails.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { analyzedDocument, checkerOptions } from './lib/checker-options.mjs';
import { isolatedMedians } from './lib/isolated-medians.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const XGBOOST = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';

/** The states of one five-state group: a training job, a model, a Lambda, a Choice and a Pass. */
function group(index, next) {
  const name = (step) => `${step}${index}`;
  return {
    [name('Train')]: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
      Parameters: {
        'TrainingJobName.$': "States.Format('job-{}', $$.Execution.Name)",
        RoleArn: ROLE,
        AlgorithmSpecification: { TrainingImage: XGBOOST, TrainingInputMode: 'File' },
        HyperParameters: { objective: 'binary:logistic', num_round: '100' },
        InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', 'S3Uri.$': '$.train', S3DataDistributionType: 'FullyReplicated' } }, ContentType: 'text/csv' }],
        OutputDataConfig: { S3OutputPath: `s3://bucket/output/${index}` },
        ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      },
      ResultPath: '$.training',
      Next: name('Model'),
    },
    [name('Model')]: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sagemaker:createModel',
      Parameters: { 'ModelName.$': '$$.Execution.Name', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: XGBOOST, 'ModelDataUrl.$': '$.training.ModelArtifacts.S3ModelArtifacts' } },
      Next: name('Notify'),
    },
    [name('Notify')]: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'notify', 'Payload.$': '$' }, Next: name('Check') },
    [name('Check')]: { Type: 'Choice', Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: name('Done') }], Default: name('Done') },
    [name('Done')]: next ? { Type: 'Pass', Next: next } : { Type: 'Pass', End: true },
  };
}

/** A state machine of `count` states (a multiple of five), pretty-printed as tools write it. */
export function stateMachine(count) {
  const states = {};
  const groups = count / 5;
  for (let index = 0; index < groups; index++) Object.assign(states, group(index, index + 1 < groups ? `Train${index + 1}` : undefined));
  return JSON.stringify({ Comment: 'bench', StartAt: 'Train0', States: states }, null, 2);
}

/** Contender: jsonc-parser's bare parse of the state machine, with the options our JSON host reads JSONC with. */
export function bareParse(states) {
  const { parseTree } = require('jsonc-parser');
  const text = stateMachine(states);
  const parseOptions = { allowTrailingComma: true, disallowComments: false };
  return () => parseTree(text, [], parseOptions);
}

/** Contender: what the editor and the checker do per version: read the document through the JSON host and analyse it. */
export function hostAnalysis(states) {
  const { readJsonDocument } = require(path.join(root, 'out/src/core/hostDocument.js'));
  const options = checkerOptions();
  const text = stateMachine(states);
  return () => analyzedDocument(readJsonDocument(text), options);
}

/** The state machine with a misspelt instance type (`ml.m5.xlarg`) in every training task: 100 findings fix-all corrects. */
function misspeltStateMachine(states) {
  return stateMachine(states).replaceAll('"InstanceType": "ml.m5.xlarge"', '"InstanceType": "ml.m5.xlarg"');
}

/** Anchor of the fix-all row: one analysis of the misspelt state machine (read and analysed, as the editor does per version). */
export function misspeltAnalysis(states) {
  const { readJsonDocument } = require(path.join(root, 'out/src/core/hostDocument.js'));
  const options = checkerOptions();
  const text = misspeltStateMachine(states);
  return () => analyzedDocument(readJsonDocument(text), options);
}

/** Contender: `sagemaker-spec check --fix` on it, in-process: analyse, render and apply every fix, analyse again. */
export function fixAll(states) {
  const { readJsonDocument, analyzeDocument } = require(path.join(root, 'out/src/core/hostDocument.js'));
  const { applyPreferredFixes } = require(path.join(root, 'out/src/core/fixAll.js'));
  const options = checkerOptions();
  const text = misspeltStateMachine(states);
  const analyze = (current) => ({ document: { text: current, host: 'json' }, findings: analyzeDocument(readJsonDocument(current), options).findings });
  return () => applyPreferredFixes(text, analyze);
}

/** Rows for bench.mjs's table: [measurement, size, bare parse, ours, ratio, aim]. */
export async function runWorkflowBench() {
  const states = 500;
  const module = import.meta.url;
  // Typing analyses the document on every version, so what stays is the settled cost: our side's
  // JIT settles after about 150 calls (in one process: calls 10–35 took 1.2–1.9 ms of rules, 50 0.9,
  // from 200 on 0.63), the bare parse's within ten. The aim is judged settled; the first calls
  // (rounds 10–35, what ten rounds of warm-up used to time) are printed beside it.
  const plan = { runs: 25, sets: 6, warmup: 200, early: [10, 35] };
  const {
    medians: [parse, analysis],
    spread: [, [lowest, highest]],
    earlyMedians: [earlyParse, earlyAnalysis],
  } = await isolatedMedians([{ module, factory: 'bareParse', arg: states }, { module, factory: 'hostAnalysis', arg: states }], plan);
  const { readJsonDocument, analyzeDocument } = require(path.join(root, 'out/src/core/hostDocument.js'));
  const text = stateMachine(states);
  const document = readJsonDocument(text);
  const found = analyzeDocument(document, checkerOptions()).findings.length;
  const ratio = analysis / parse;
  // Fix-all: its cost beside one analysis of the same text (a round is an analysis and the fixes'
  // rendering; the second round finds nothing left). Quadratic rendering made 400 fixes take 24 s.
  const {
    medians: [once, fixing],
  } = await isolatedMedians([{ module, factory: 'misspeltAnalysis', arg: states }, { module, factory: 'fixAll', arg: states }], { runs: 10, sets: 2 });
  const { applyPreferredFixes } = require(path.join(root, 'out/src/core/fixAll.js'));
  const options = checkerOptions();
  const fixed = applyPreferredFixes(misspeltStateMachine(states), (current) => ({ document: { text: current, host: 'json' }, findings: analyzeDocument(readJsonDocument(current), options).findings })).applied.length;
  const fixRatio = fixing / once;
  return {
    rows: [
      ['500-state machine (200 SageMaker tasks), settled', `${Buffer.byteLength(text).toLocaleString('en-US')} B`, `${parse.toFixed(2)} ms`, `${analysis.toFixed(2)} ms`, `${ratio.toFixed(2)}×`, `≤ 1.5× ${ratio <= 1.5 ? '✓' : '✗'}`],
      [`  its first calls (${plan.early.join('–')}), before the JIT settles`, '', `${earlyParse.toFixed(2)} ms`, `${earlyAnalysis.toFixed(2)} ms`, `${(earlyAnalysis / earlyParse).toFixed(2)}×`, '—'],
      [`fix-all on it, ${fixed} fixes (anchor: one analysis)`, `${Buffer.byteLength(text).toLocaleString('en-US')} B`, `${once.toFixed(2)} ms`, `${fixing.toFixed(2)} ms`, `${fixRatio.toFixed(2)}×`, `≤ 4× ${fixRatio <= 4 ? '✓' : '✗'}`],
    ],
    note: `${document.requests.length} requests, ${found} findings; each side timed in its own worker threads, in turns (${plan.runs} rounds after ${plan.warmup} to warm up, in each of ${plan.sets} worker sets; medians over all rounds; one set's ratio ranged ${lowest.toFixed(2)}–${highest.toFixed(2)}×). Fix-all: two rounds (the second finds nothing), 10 rounds in each of 2 worker sets`,
  };
}

if (isMainThread && process.argv[1] === fileURLToPath(import.meta.url)) {
  const { rows, note } = await runWorkflowBench();
  for (const row of rows) console.log(row.join('  '));
  console.log(note);
}
