/**
 * A small least-recently-used cache of SDK client sets, keyed by region, profile, endpoint and
 * timeout. Each region named anywhere used to keep its own clients forever (about 190 KiB each,
 * +190 MiB for 1,000 made-up regions); now the least recently used set is destroyed (its sockets
 * closed, its cached credentials dropped) once more than `capacity` sets exist.
 *
 * A Map keeps insertion order, which is all an LRU of a handful of entries needs; a library such
 * as lru-cache would add a dependency to dist/aws.js for eight entries.
 */

/** What the cache needs of a value: something that can be released. */
export interface Destroyable {
  destroy(): void;
}

export class ClientCache<T extends Destroyable> {
  private readonly entries = new Map<string, T>();
  /** How many values `create` made since the cache was built (for tests and diagnostics). */
  created = 0;

  /** `capacity`: the most values kept (at least 1); `create` makes the value for a key. */
  constructor(private readonly capacity: number, private readonly create: (key: string) => T) {}

  /** The value for `key`, made on first use; marks it most recently used and evicts beyond capacity. */
  get(key: string): T {
    let value = this.entries.get(key);
    if (value) {
      this.entries.delete(key);
    } else {
      value = this.create(key);
      this.created++;
    }
    this.entries.set(key, value);
    while (this.entries.size > Math.max(1, this.capacity)) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, T];
      this.entries.delete(oldestKey);
      oldest.destroy();
    }
    return value;
  }

  /** How many values are kept now. */
  get size(): number {
    return this.entries.size;
  }

  /** Destroys and forgets every value. */
  clear(): void {
    for (const value of this.entries.values()) value.destroy();
    this.entries.clear();
  }
}
