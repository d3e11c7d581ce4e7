/**
 * A small seeded pseudo-random generator (mulberry32). Each fuzz iteration gets its own generator
 * seeded from (run seed, iteration), so one failing iteration replays alone, without the ones
 * before it. Own code rather than a library: it is a dozen lines, and the shared node_modules
 * should not grow a dependency for it.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The generator of one iteration of a run: independent of every other iteration's. */
  static forIteration(seed: number, iteration: number): Random {
    // Mix both numbers so neighbouring iterations do not start from neighbouring states.
    return new Random(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(iteration + 1, 0xc2b2ae35));
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick: no items');
    return items[this.int(0, items.length - 1)];
  }
}
