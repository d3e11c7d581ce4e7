// Timing shared by the host benchmarks (bench-python, bench-workflows, bench-yaml).

/**
 * Medians in milliseconds of each function, timed in turns (a, b, a, b, …) after two untimed
 * rounds, so machine noise falls on every function alike.
 * @param {Array<() => unknown>} functions
 * @param {number} runs timed rounds
 * @returns {number[]} one median per function, in order
 */
export function interleavedMedians(functions, runs) {
  const times = functions.map(() => []);
  for (let round = 0; round < runs + 2; round++) {
    functions.forEach((fn, index) => {
      const start = process.hrtime.bigint();
      fn();
      if (round >= 2) times[index].push(Number(process.hrtime.bigint() - start) / 1e6);
    });
  }
  return times.map((list) => list.sort((a, b) => a - b)[list.length >> 1]);
}
