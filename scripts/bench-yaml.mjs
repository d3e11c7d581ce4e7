// YAML host benchmark (issue 13): parse + analysis of a 1 MB AWS CLI YAML spec next to the
// `yaml` package's own parse of it (parseAllDocuments). Prints figures and the aim; never fails.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { analyzedDocument, checkerOptions } from './lib/checker-options.mjs';
import { isolatedMedians } from './lib/isolated-medians.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** A CreateTrainingJob in block YAML with comments, flow maps and `channels` input channels, about `bytes` long. */
export function yamlSpec(bytes) {
  let text = [
    '# Nightly training job',
    'TrainingJobName: nightly-xgboost',
    'RoleArn: arn:aws:iam::123456789012:role/SageMakerRole',
    'AlgorithmSpecification:',
    '  TrainingImage: 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
    '  TrainingInputMode: File',
    'OutputDataConfig: {S3OutputPath: "s3://bucket/output/"}',
    'ResourceConfig: {InstanceType: ml.m5.xlarge, InstanceCount: 1, VolumeSizeInGB: 10}',
    'StoppingCondition:',
    '  MaxRuntimeInSeconds: 3600',
    'InputDataConfig:',
    '',
  ].join('\n');
  for (let index = 0; text.length < bytes; index++) {
    text += [
      `  - ChannelName: channel-${index} # one of many`,
      '    DataSource:',
      '      S3DataSource:',
      '        S3DataType: S3Prefix',
      `        S3Uri: "s3://bucket/data/${index}/"`,
      '        S3DataDistributionType: FullyReplicated',
      '    ContentType: text/csv',
      `    CompressionType: ${index % 2 === 0 ? 'None' : 'Gzip'}`,
      '',
    ].join('\n');
  }
  return text;
}

/** Rows for bench.mjs's table: [measurement, size, bare parse, ours, ratio, aim]. */
/** Contender: the yaml package's own parse of the 1 MB spec (every document, as the host reads them). */
export function bareParse() {
  const yaml = require('yaml');
  const text = yamlSpec(1024 * 1024);
  return () => yaml.parseAllDocuments(text);
}

/** Contender: what the editor and the checker do per version: read through the YAML host and analyse. */
export function hostAnalysis() {
  const { readYamlDocument } = require(path.join(root, 'out/src/core/hostDocument.js'));
  const options = checkerOptions();
  const text = yamlSpec(1024 * 1024);
  return () => analyzedDocument(readYamlDocument(text), options);
}

export async function runYamlBench() {
  const { readYamlDocument, analyzeDocument } = require(path.join(root, 'out/src/core/hostDocument.js'));
  const text = yamlSpec(1024 * 1024);
  const module = import.meta.url;
  // A call takes most of a second: the JIT has settled within the first few, and more rounds would take minutes.
  const {
    medians: [parse, analysis],
  } = await isolatedMedians([{ module, factory: 'bareParse' }, { module, factory: 'hostAnalysis' }], { runs: 12, warmup: 3 });
  const found = analyzeDocument(readYamlDocument(text), checkerOptions()).findings.length;
  const ratio = analysis / parse;
  return {
    rows: [[`1 MB AWS CLI YAML spec`, `${Buffer.byteLength(text).toLocaleString('en-US')} B`, `${parse.toFixed(1)} ms`, `${analysis.toFixed(1)} ms`, `${ratio.toFixed(2)}×`, `≤ 1.5× ${ratio <= 1.5 ? '✓' : '✗'}`]],
    note: `${found} findings (the channel count is over the API's limit); each side timed in its own worker threads, in turns, after 3 rounds to warm up (medians)`,
  };
}

if (isMainThread && process.argv[1] === fileURLToPath(import.meta.url)) {
  const { rows, note } = await runYamlBench();
  for (const row of rows) console.log(row.join('  '));
  console.log(note);
}
