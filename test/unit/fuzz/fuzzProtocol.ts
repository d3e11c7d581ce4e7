/** Messages between the fuzz run (main thread) and its worker. */
import type { Failure, Stage } from './invariants';

/** What the worker checks: variant indexes (fixed variants first, then the seed's iterations). */
export interface FuzzJob {
  seed: number;
  indexes: number[];
}

export type WorkerMessage =
  | { type: 'scratch'; folder: string }
  | { type: 'start'; index: number; label: string; example: string; generator: string; textLength: number }
  | { type: 'stage'; stage: Stage }
  | { type: 'done'; index: number; failures: Failure[] }
  | { type: 'finished' };
