/**
 * Runs in a worker thread: makes the variants it is given by index and checks the invariants on
 * each, reporting each start and stage, so the main thread can stop it when one variant overruns
 * its time budget (a synchronous hang cannot be interrupted from inside).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { checkInvariants } from './invariants';
import type { FuzzJob, WorkerMessage } from './fuzzProtocol';
import { makeScratchFolder } from './subject';
import { fixedVariants, loadExamples, randomVariant } from './variants';

const job = workerData as FuzzJob;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

const examples = loadExamples();
const fixed = fixedVariants(examples);
const scratch = makeScratchFolder();
// An empty config here, so no .sagemaker-spec.json above the temp folder can change the settings.
fs.writeFileSync(path.join(scratch, '.sagemaker-spec.json'), '{}');
post({ type: 'scratch', folder: scratch });
try {
  for (const index of job.indexes) {
    const variant = index < fixed.length ? fixed[index] : randomVariant(examples, job.seed, index - fixed.length);
    post({ type: 'start', index, label: variant.label, example: variant.example, generator: variant.generator, textLength: variant.text.length });
    const failures = checkInvariants(variant, path.join(scratch, variant.example), (stage) => post({ type: 'stage', stage }));
    post({ type: 'done', index, failures });
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
post({ type: 'finished' });
