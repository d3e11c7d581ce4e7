/**
 * Which of an object's same-named members Python keeps when some of them come from elsewhere:
 * a `**spread` in a dict literal, or `dict(mapping, …)`'s mapping.
 *
 * - In a dict literal (`{**defaults, "InstanceType": "ml.g5.xlarge"}`, `{"InstanceCount": 1,
 *   **overrides}`) the later member replaces the earlier one when either came from a `**`: both
 *   orders are the usual ways to override defaults, so the one replaced is dropped, unreported
 *   (as Ruff's F601 and Pylint's duplicate-key report only keys written twice). Keys written twice
 *   (`{"K": 1, "K": 2}`) both stay, for duplicate-key.
 * - In call arguments (`dict(mapping, K=v)`) a keyword or `**` replaces the mapping's member.
 *   A keyword that a `**` passes again (`dict(**a, K=v)`, `f(**a, K=v)`) is a TypeError at run
 *   time: both stay, for duplicate-key.
 *
 * Members one `**` brings in together (a batch) never replace each other: keys written twice in
 * the spread dict stay for duplicate-key, reported where that dict writes them.
 */
import type { Node } from 'jsonc-parser';

/** How a member came into the object: written there (`"K": v`, `K=v`), from a `**`, or from `dict(mapping)`. */
export type MemberSource = 'written' | 'spread' | 'mapping';

/** Where each member of an object being read came from, in member order. */
export class MemberSources {
  private readonly sources: { by: MemberSource; batch: number }[] = [];
  private batches = 0;

  /** Records that the members `object` gained since it had `before` came from `by` together. */
  note(object: Node, before: number, by: MemberSource): void {
    const batch = this.batches++;
    for (let index = before; index < (object.children?.length ?? 0); index++) this.sources.push({ by, batch });
  }

  /** Drops the members Python replaces with a later one of the same name (see the file comment). */
  dropReplaced(object: Node, literal: boolean): void {
    const properties = object.children;
    if (!properties || !this.sources.some((source) => source.by !== 'written')) return;
    const byName = new Map<string, number[]>();
    for (let index = 0; index < properties.length; index++) {
      const name = properties[index].children?.[0]?.value;
      if (typeof name !== 'string') continue;
      const indexes = byName.get(name);
      if (indexes) indexes.push(index);
      else byName.set(name, [index]);
    }
    const replaced = new Set<number>();
    for (const indexes of byName.values()) {
      for (let i = 0; i < indexes.length - 1; i++) {
        const earlier = this.sources[indexes[i]];
        const later = indexes.slice(i + 1).map((index) => this.sources[index]);
        if (later.some((source) => source.batch !== earlier.batch && (earlier.by === 'mapping' || (literal && (earlier.by === 'spread' || source.by === 'spread'))))) replaced.add(indexes[i]);
      }
    }
    if (replaced.size === 0) return;
    let kept = 0;
    for (let index = 0; index < properties.length; index++) if (!replaced.has(index)) properties[kept++] = properties[index];
    properties.length = kept;
  }
}
