// Python host benchmark (issue 10): parse + analysis of a 2,000-line script next to the bare
// @lezer/python parse, and completion inside image_uri="…". Prints figures and aims; never fails.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { analyzedDocument, checkerOptions } from './lib/checker-options.mjs';
import { isolatedMedians } from './lib/isolated-medians.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** A realistic, correct script (no findings): boto3 requests, SDK estimators, retrieve calls and ordinary code, `lines` long. */
export function pythonScript(lines) {
  const block = (index) => `
def job_${index}(session, data_path):
    """Trains model ${index}."""
    algorithm_specification_${index} = {
        "TrainingImage": "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
        "TrainingInputMode": "File",
    }
    rows = [row.strip() for row in open(data_path) if row]
    client.create_training_job(
        TrainingJobName=f"job-${index}-{len(rows)}",
        AlgorithmSpecification=algorithm_specification_${index},
        RoleArn="arn:aws:iam::123456789012:role/SageMakerRole",
        OutputDataConfig={"S3OutputPath": "s3://bucket/output/${index}"},
        ResourceConfig={"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10},
        StoppingCondition={"MaxRuntimeInSeconds": 3600},
        HyperParameters={"objective": "binary:logistic", "num_round": "100", "max_depth": "5"},
        InputDataConfig=[{"ChannelName": "train", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": data_path}}, "ContentType": "text/csv"}],
    )
    image = image_uris.retrieve("xgboost", "us-east-1", version="1.7-1")
    estimator = Estimator(image_uri=image, role="r", instance_count=1, instance_type="ml.m5.xlarge", hyperparameters={"objective": "reg:squarederror", "num_round": "50"})
    estimator.fit({"train": "s3://bucket/train/${index}"})
    return estimator
`;
  let text = 'import boto3\nfrom sagemaker import image_uris\nfrom sagemaker.estimator import Estimator\n\nclient = boto3.client("sagemaker")\n';
  for (let index = 0; text.split('\n').length < lines; index++) text += block(index);
  return text;
}

function median(fn, runs) {
  const times = [];
  for (let i = 0; i < runs + 2; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const kept = times.slice(2).sort((a, b) => a - b);
  return kept[kept.length >> 1];
}

/** Rows for bench.mjs's table: [measurement, size, bare parse, ours, ratio, aim]. */
/** A 200-cell notebook's text as the host reads it: markdown between code cells, IPython lines, requests bound in one cell and sent in another. */
function notebookText() {
  const { NotebookText } = require(path.join(root, 'out/src/core/hosts/notebook/notebookText.js'));
  const cells = [];
  const blocks = pythonScript(4000).split('\ndef ').slice(1);
  for (let index = 0; cells.length < 200; index++) {
    cells.push({ kind: 'markdown', text: `## Step ${index}\nTrains a model.` });
    cells.push({ kind: 'code', text: `%pip install -q sagemaker\n!aws s3 ls s3://bucket/${index}/\ndef ${blocks[index % blocks.length]}` });
  }
  return { cells, read: () => new NotebookText(cells).text };
}

/** Contender: @lezer/python's bare parse (`script`: the 2,001-line script; `notebook`: the notebook's cells joined, as the host joins them each time). */
export function bareParse(which) {
  const { parser } = require('@lezer/python');
  if (which === 'notebook') {
    const { read } = notebookText();
    return () => parser.parse(read());
  }
  const text = pythonScript(2000);
  return () => parser.parse(text);
}

/** Contender: what the editor and the checker do per version: read through the Python host and analyse. */
export function hostAnalysis(which) {
  const { readPythonDocument } = require(path.join(root, 'out/src/core/hostDocument.js'));
  const options = checkerOptions();
  if (which === 'notebook') {
    const { read } = notebookText();
    return () => analyzedDocument(readPythonDocument(read()), options);
  }
  const text = pythonScript(2000);
  return () => analyzedDocument(readPythonDocument(text), options);
}

export async function runPythonBench() {
  const { readPythonDocument, analyzeDocument } = require(path.join(root, 'out/src/core/hostDocument.js'));
  const { completeInPython } = require(path.join(root, 'out/src/core/hosts/python/pythonCompletion.js'));
  const options = checkerOptions();
  const text = pythonScript(2000);
  const lines = text.split('\n').length;
  const module = import.meta.url;
  const {
    medians: [parse, analysis],
    spread: [, scriptSpread],
  } = await isolatedMedians([{ module, factory: 'bareParse', arg: 'script' }, { module, factory: 'hostAnalysis', arg: 'script' }], { runs: 15, sets: 5 });
  const document = readPythonDocument(text);
  const found = analyzeDocument(document, options).findings.length;
  const cursor = text.indexOf('sagemaker-xgboost:1.7-1') + 'sagemaker-xgboost:'.length;
  const completion = median(() => completeInPython(document, cursor, options), 50);
  const items = completeInPython(document, cursor, options)?.items.length ?? 0;
  const ratio = analysis / parse;
  const {
    medians: [cellsParse, cellsAnalysis],
    spread: [, cellsSpread],
  } = await isolatedMedians([{ module, factory: 'bareParse', arg: 'notebook' }, { module, factory: 'hostAnalysis', arg: 'notebook' }], { runs: 10, sets: 4 });
  const cellsRatio = cellsAnalysis / cellsParse;
  return {
    rows: [
      [`${lines.toLocaleString('en-US')}-line script`, `${Buffer.byteLength(text).toLocaleString('en-US')} B`, `${parse.toFixed(2)} ms`, `${analysis.toFixed(2)} ms`, `${ratio.toFixed(2)}×`, `≤ 1.5× ${ratio <= 1.5 ? '✓' : '✗'}`],
      ['200-cell notebook (cells joined, IPython blanked)', `${notebookText().cells.length} cells`, `${cellsParse.toFixed(2)} ms`, `${cellsAnalysis.toFixed(2)} ms`, `${cellsRatio.toFixed(2)}×`, `≤ 1.5× ${cellsRatio <= 1.5 ? '✓' : '✗'}`],
      ['completion in image_uri (parsed document)', '—', '—', `${completion.toFixed(3)} ms`, '—', `< 5 ms ${completion < 5 ? '✓' : '✗'}`],
    ],
    note: `${document.requests.length} requests and image checks, ${document.frameworkRequests.length} framework calls, ${found} findings; ${items} completion items; each side timed in its own worker threads, in turns, after 10 rounds to warm up (medians; one set's ratio ranged ${scriptSpread.map((value) => value.toFixed(2)).join('–')}× for the script, ${cellsSpread.map((value) => value.toFixed(2)).join('–')}× for the notebook)`,
  };
}

if (isMainThread && process.argv[1] === fileURLToPath(import.meta.url)) {
  const { rows, note } = await runPythonBench();
  for (const row of rows) console.log(row.join('  '));
  console.log(note);
}
