// Two builds side by side on the 500-state machine: this working tree's and another's (a worktree
// of an older commit, built with `npm run build && npx tsc -p .`), their calls alternated one by
// one in one process and timed in CPU time, which other processes on a shared machine disturb far
// less than wall time. Each order runs in a process of its own (the build loaded first runs
// jsonc-parser's code warm for the other: about 5 % either way), and the two ratios' geometric
// mean is the figure. Prints figures; never fails.
//
//   node scripts/bench-compare.mjs ../base-worktree [all|analyze|parse] [--rounds 600]
//     all      read the document through the JSON host and analyse it (what the editor does per version)
//     analyze  analyse documents read before (the rules alone)
//     parse    the host's parse alone
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stateMachine } from './bench-workflows.mjs';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The function to time for `mode`, built from the compiled tree at `root` (its own data and modules). */
function contender(root, mode, text) {
  const require = createRequire(path.join(root, 'package.json'));
  const { loadCatalog, loadInstanceGpus } = require(path.join(root, 'out/src/node/loadCatalog.js'));
  const { loadApiModel } = require(path.join(root, 'out/src/node/loadApiModel.js'));
  const { loadAlgorithms } = require(path.join(root, 'out/src/node/loadAlgorithms.js'));
  const { readJsonDocument, analyzeDocument } = require(path.join(root, 'out/src/core/hostDocument.js'));
  const { parseJson } = require(path.join(root, 'out/src/core/jsonParse.js'));
  const options = { catalog: loadCatalog(), apiModel: loadApiModel(), instanceGpus: loadInstanceGpus(), algorithms: loadAlgorithms(), regionInputs: { env: { AWS_REGION: 'us-east-1' } } };
  if (mode === 'parse') return () => parseJson(text);
  if (mode === 'analyze') {
    const documents = [readJsonDocument(text), readJsonDocument(text)];
    let call = 0;
    return () => analyzeDocument(documents[call++ & 1], options);
  }
  return () => {
    const document = readJsonDocument(text);
    return { document, analysis: analyzeDocument(document, options) };
  };
}

/** Median CPU milliseconds per call of `first` and `second`, alternated call by call; the first fifth of the rounds warms up. */
function alternate(first, second, rounds) {
  const times = [[], []];
  const kept = [undefined, undefined]; // each result lives until its side's next call, as an editor keeps a document's
  for (let round = 0; round < rounds; round++) {
    const side = round & 1;
    const before = process.cpuUsage();
    kept[side] = (side ? second : first)();
    const used = process.cpuUsage(before);
    if (round >= rounds / 5) times[side].push((used.user + used.system) / 1000);
  }
  const median = (list) => [...list].sort((a, b) => a - b)[list.length >> 1];
  return times.map(median);
}

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 600;
const [otherArg, modeArg] = args;
if (process.env.BENCH_COMPARE_CHILD) {
  // One order: the builds named in the environment, first and second.
  const [firstRoot, secondRoot] = JSON.parse(process.env.BENCH_COMPARE_CHILD);
  const text = stateMachine(500);
  const mode = process.env.BENCH_COMPARE_MODE;
  const [first, second] = alternate(contender(firstRoot, mode, text), contender(secondRoot, mode, text), Number(process.env.BENCH_COMPARE_ROUNDS));
  process.stdout.write(JSON.stringify([first, second]));
} else {
  if (!otherArg) {
    console.error('usage: node scripts/bench-compare.mjs <other build directory> [all|analyze|parse] [--rounds N]');
    process.exit(2);
  }
  const other = path.resolve(otherArg);
  const mode = ['all', 'analyze', 'parse'].includes(modeArg) ? modeArg : 'all';
  const run = (order) =>
    JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url)], { env: { ...process.env, BENCH_COMPARE_CHILD: JSON.stringify(order), BENCH_COMPARE_MODE: mode, BENCH_COMPARE_ROUNDS: String(rounds) }, encoding: 'utf8' }));
  const [thisFirst, otherSecond] = run([here, other]);
  const [otherFirst, thisSecond] = run([other, here]);
  const ratios = [thisFirst / otherSecond, thisSecond / otherFirst];
  console.log(`${mode}, 500-state machine, median CPU ms per call (${rounds} calls alternated, both orders)`);
  console.log(`  this tree first:  this ${thisFirst.toFixed(2)}  other ${otherSecond.toFixed(2)}  this/other ${ratios[0].toFixed(3)}`);
  console.log(`  other tree first: this ${thisSecond.toFixed(2)}  other ${otherFirst.toFixed(2)}  this/other ${ratios[1].toFixed(3)}`);
  console.log(`  this/other (geometric mean of both orders): ${Math.sqrt(ratios[0] * ratios[1]).toFixed(3)}`);
}
