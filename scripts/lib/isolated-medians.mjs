// Timing for the "ours against the bare parse" benchmarks: each contender in its own worker thread.
import { Worker } from 'node:worker_threads';

/**
 * Medians in milliseconds of each contender, each timed in worker threads of its own, in turns (a,
 * b, a, b, …) after two untimed rounds. Turns spread machine noise over every contender alike; the
 * separate threads give each its own heap and JIT state. In one thread the contenders paid for
 * each other: the bare parse collected the analysis's garbage and ran jsonc-parser's `visit` with
 * two visitors (ours and parseTree's), and measured 5 to 16 ms for the same 230 KB text.
 *
 * Each contender runs in `sets` workers (a fresh thread settles into a faster or slower state for
 * its whole life: one worker's median moved between 7 and 12 ms from run to run), and the median
 * is over all their rounds.
 * @param {Array<{ module: string | URL, factory: string, arg?: unknown }>} contenders each
 *   `module`'s export `factory(arg)` returns (or resolves to) the function to time
 * @param {number} runs timed rounds per set
 * @param {number} [sets] worker sets (each a worker per contender)
 * @returns {Promise<number[]>} one median per contender, in order
 */
export async function isolatedMedians(contenders, runs, sets = 3) {
  const times = contenders.map(() => []);
  for (let set = 0; set < sets; set++) {
    const workers = contenders.map(({ module, factory, arg }) => new Worker(new URL('./bench-worker.mjs', import.meta.url), { workerData: { module: String(module), factory, arg } }));
    try {
      await Promise.all(workers.map((worker) => nextMessage(worker)));
      for (let round = 0; round < runs + 2; round++) {
        for (const [index, worker] of workers.entries()) {
          worker.postMessage('run');
          const elapsed = await nextMessage(worker);
          if (round >= 2) times[index].push(elapsed);
        }
      }
    } finally {
      await Promise.all(workers.map((worker) => worker.terminate()));
    }
  }
  return times.map((list) => list.sort((a, b) => a - b)[list.length >> 1]);
}

/** The worker's next message; its error (a contender that throws) rejects. */
function nextMessage(worker) {
  return new Promise((resolve, reject) => {
    const onMessage = (message) => {
      worker.off('error', onError);
      resolve(message);
    };
    const onError = (error) => {
      worker.off('message', onMessage);
      reject(error);
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
  });
}
