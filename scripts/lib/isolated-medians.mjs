// Timing for the "ours against the bare parse" benchmarks: each contender in its own worker thread.
import { Worker } from 'node:worker_threads';

/**
 * Medians in milliseconds of each contender, each timed in worker threads of its own, in turns (a,
 * b, a, b, …) after `warmup` untimed rounds. Turns spread machine noise over every contender alike;
 * the separate threads give each its own heap and JIT state. In one thread the contenders paid for
 * each other: the bare parse collected the analysis's garbage and ran jsonc-parser's `visit` with
 * two visitors (ours and parseTree's), and measured 5 to 16 ms for the same 230 KB text.
 *
 * Warm-up: our side runs far more code than a bare parse, and the JIT takes longer to settle it;
 * the first rounds would weigh on our side only. How long depends on the contender (see
 * bench-workflows.mjs: the state machine's analysis settles after about 150 calls, not ten).
 * `early` times a window of the warm-up rounds too, so a bench can print what the first calls cost.
 *
 * Sets: each contender runs in `sets` workers (a fresh thread settles into a faster or slower
 * state for its whole life: one worker pair's ratio moved between 1.08 and 2.03 from set to set),
 * and the median is over all their rounds. `spread` is the lowest and highest ratio of one set's
 * medians to the first contender's, so a reader sees how far one set can be from the pooled figure.
 * @param {Array<{ module: string | URL, factory: string, arg?: unknown }>} contenders each
 *   `module`'s export `factory(arg)` returns (or resolves to) the function to time
 * @param {{ runs: number, sets?: number, warmup?: number, early?: [number, number] }} plan timed
 *   rounds per set, worker sets (each a worker per contender; default 3), warm-up rounds per set
 *   (default 10), and optionally a window [from, to) of warm-up rounds (0-based) whose medians are
 *   returned as `earlyMedians`
 * @returns {Promise<{ medians: number[], spread: Array<[number, number]>, earlyMedians?: number[] }>}
 *   one median per contender, in order; per contender the [lowest, highest] per-set ratio to
 *   contender 0; with `early`, one median per contender over that window's rounds of every set
 */
export async function isolatedMedians(contenders, { runs, sets = 3, warmup = 10, early }) {
  const times = contenders.map(() => []);
  const earlyTimes = contenders.map(() => []);
  const setRatios = contenders.map(() => []);
  for (let set = 0; set < sets; set++) {
    const workers = contenders.map(({ module, factory, arg }) => new Worker(new URL('./bench-worker.mjs', import.meta.url), { workerData: { module: String(module), factory, arg } }));
    const setTimes = contenders.map(() => []);
    try {
      await Promise.all(workers.map((worker) => nextMessage(worker)));
      for (let round = 0; round < runs + warmup; round++) {
        for (const [index, worker] of workers.entries()) {
          worker.postMessage('run');
          const elapsed = await nextMessage(worker);
          if (round >= warmup) setTimes[index].push(elapsed);
          else if (early && round >= early[0] && round < early[1]) earlyTimes[index].push(elapsed);
        }
      }
    } finally {
      await Promise.all(workers.map((worker) => worker.terminate()));
    }
    setTimes.forEach((list, index) => {
      times[index].push(...list);
      setRatios[index].push(median(list) / median(setTimes[0]));
    });
  }
  const spread = setRatios.map((ratios) => [Math.min(...ratios), Math.max(...ratios)]);
  return { medians: times.map(median), spread, ...(early && { earlyMedians: earlyTimes.map(median) }) };
}

function median(list) {
  return [...list].sort((a, b) => a - b)[list.length >> 1];
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
