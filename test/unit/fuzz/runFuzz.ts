/**
 * Drives the fuzz run from the main thread: hands variant indexes to a worker, gives each variant
 * a time budget, and when one overruns, stops the worker, records the hang and carries on from
 * the next variant in a fresh worker. Then groups the failures by kind for a compact report.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FuzzJob, WorkerMessage } from './fuzzProtocol';
import type { Failure, Stage } from './invariants';
import { fixedVariants, loadExamples } from './variants';

export const DEFAULT_SEED = 20261129;
export const DEFAULT_ITERATIONS = 300;
export const DEFAULT_BUDGET_MS = 2000;

export interface FuzzOptions {
  seed: number;
  /** Random variants after the fixed ones. */
  iterations: number;
  /** Check only this variant: its label (`iteration 57`, `fixed deep-nesting-7000`) or an iteration number. */
  only?: string;
  /** Wall-clock time one variant may take (analysis, checker and fixes together), in ms. */
  budgetMs: number;
}

export interface FuzzReport {
  /** How many variants the run was to check. */
  planned: number;
  /** How many variants were checked to the end (the others overran or killed the worker). */
  variants: number;
  failures: Failure[];
}

/**
 * Options from SAGEMAKER_SPEC_FUZZ_SEED, _ITERATIONS, _ONLY and _BUDGET_MS, else the defaults.
 * Throws on a value that is not a non-negative integer, so a typo cannot silently fuzz nothing.
 */
export function fuzzOptionsFromEnv(env: NodeJS.ProcessEnv): FuzzOptions {
  const integer = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!/^\d+$/.test(raw)) throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(raw)}`);
    return Number(raw);
  };
  return {
    seed: integer('SAGEMAKER_SPEC_FUZZ_SEED', DEFAULT_SEED),
    iterations: integer('SAGEMAKER_SPEC_FUZZ_ITERATIONS', DEFAULT_ITERATIONS),
    only: env.SAGEMAKER_SPEC_FUZZ_ONLY || undefined,
    budgetMs: integer('SAGEMAKER_SPEC_FUZZ_BUDGET_MS', DEFAULT_BUDGET_MS),
  };
}

/** The variant indexes a run checks: fixed variants first, then `iterations` random ones. */
function variantIndexes(options: FuzzOptions): number[] {
  const fixedLabels = fixedVariants(loadExamples()).map((variant) => variant.label);
  const all = [...fixedLabels.keys(), ...Array.from({ length: options.iterations }, (_, iteration) => fixedLabels.length + iteration)];
  if (options.only === undefined) return all;
  const only = options.only.trim();
  const fixedIndex = fixedLabels.indexOf(only);
  if (fixedIndex >= 0) return [fixedIndex];
  const iteration = /^(?:iteration )?(\d+)$/.exec(only);
  if (!iteration) throw new Error(`SAGEMAKER_SPEC_FUZZ_ONLY: no variant ${JSON.stringify(only)}`);
  return [fixedLabels.length + Number(iteration[1])];
}

/** Checks every variant of the run and returns all broken invariants. Never rejects on a finding. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const planned = variantIndexes(options);
  let remaining = planned;
  const failures: Failure[] = [];
  let checked = 0;
  while (remaining.length > 0) {
    const outcome = await runWorker({ seed: options.seed, indexes: remaining }, options.budgetMs);
    checked += outcome.done;
    failures.push(...outcome.failures);
    remaining = outcome.stoppedAt === undefined ? [] : remaining.slice(remaining.indexOf(outcome.stoppedAt) + 1);
  }
  return { planned: planned.length, variants: checked, failures };
}

interface WorkerOutcome {
  done: number;
  failures: Failure[];
  /** The index of the variant that overran its budget or crashed the worker; undefined when all finished. */
  stoppedAt?: number;
}

function runWorker(job: FuzzJob, budgetMs: number): Promise<WorkerOutcome> {
  // 1 MB of stack, as the main thread of Node (the checker) and of the extension host have; a
  // worker's default of 4 MB would hide the stack overflows users hit.
  const worker = new Worker(path.join(__dirname, 'fuzzWorker.js'), { workerData: job, resourceLimits: { stackSizeMb: 1 } });
  const outcome: WorkerOutcome = { done: 0, failures: [] };
  let current: Extract<WorkerMessage, { type: 'start' }> | undefined;
  let stage: Stage | 'start' = 'start';
  let scratch: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  const stopWith = (kind: string, detail: string) => {
    if (!current) return;
    outcome.failures.push({ kind, label: current.label, example: current.example, generator: current.generator, detail, textLength: current.textLength, stopped: true });
    outcome.stoppedAt = current.index;
  };
  return new Promise((resolve) => {
    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'scratch':
          scratch = message.folder;
          break;
        case 'start':
          current = message;
          stage = 'start';
          timer = setTimeout(() => {
            stopWith(`over the time budget of ${budgetMs} ms`, `still running after ${budgetMs} ms, in the ${stage} stage`);
            void worker.terminate();
          }, budgetMs);
          break;
        case 'stage':
          stage = message.stage;
          break;
        case 'done':
          clearTimeout(timer);
          outcome.done++;
          outcome.failures.push(...message.failures);
          current = undefined;
          break;
        case 'finished':
          break;
      }
    });
    worker.on('error', (error) => {
      stopWith(`worker dies: ${error.name}: ${error.message.split('\n')[0].slice(0, 100)}`, String(error.stack ?? error).split('\n').slice(0, 3).join(' | '));
      // An error outside any variant is the harness's own: stop instead of looping.
      if (!current) outcome.failures.push({ kind: `fuzz harness error: ${error.message}`, label: '-', example: '-', generator: '-', detail: String(error.stack), textLength: 0 });
    });
    worker.on('exit', () => {
      clearTimeout(timer);
      if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
      resolve(outcome);
    });
  });
}

/**
 * The report a failing run prints: per kind, how many variants hit it, the first one (with what
 * went wrong on it) and the command that replays it alone.
 */
export function summarize(report: FuzzReport, options: FuzzOptions, maxKinds = 15): string {
  const kinds = new Map<string, Failure[]>();
  for (const failure of report.failures) kinds.set(failure.kind, [...(kinds.get(failure.kind) ?? []), failure]);
  const variantsHit = new Set(report.failures.map((failure) => failure.label)).size;
  const lines = [
    `${variantsHit} of ${report.planned} variants broke an invariant: ${kinds.size} distinct kind(s) ` +
      `(seed ${options.seed}, ${options.iterations} iterations, budget ${options.budgetMs} ms per variant).`,
  ];
  let number = 0;
  for (const [kind, failures] of [...kinds].slice(0, maxKinds)) {
    const first = failures[0];
    lines.push(
      `${++number}. ${kind} — ${failures.length}×`,
      `   first: ${first.label} · ${first.example} · ${first.generator} · ${first.textLength} chars`,
      `   ${first.detail}`,
      `   replay: SAGEMAKER_SPEC_FUZZ_SEED=${options.seed} SAGEMAKER_SPEC_FUZZ_ONLY='${first.label}' npx mocha --no-config out/test/unit/fuzz.test.js`,
    );
  }
  if (kinds.size > maxKinds) lines.push(`… and ${kinds.size - maxKinds} more kind(s).`);
  return lines.join('\n');
}
