/**
 * One fault said once however many scopes find it. A framework estimator that is deployed has its
 * arguments judged for training and again for each deploy's inference image (a model once per
 * deploy): a version, py_version or region that none of them has would be one finding per scope
 * on the same token, with fixes that each settle one scope only. Each judgement that finds fault
 * keeps what it judged (a ScopedMiss) and how the misses of its kind are said together; the
 * findings with one code on one range become one finding naming every scope
 * (`… for training, nor for inference on ml.m5.large.`), whose preferred fix settles them all.
 */
import type { QuickFix } from '../../findings';
import type { BufferedFinding } from './bufferedContext';

/** What one judgement found wrong with one argument, and what that judgement could take instead. */
export interface ScopedMiss {
  /** What was judged, as messages name it: `PyTorch`, `PyTorch 2.6.0`, `Hugging Face NeuronX 4.28.1`. */
  title: string;
  /** The scope judged, with the deploy's instance type when one named it (`inference on ml.m5.large`). */
  where: string;
  /** The values that scope takes instead (versions, py_versions), best first. */
  candidates: readonly string[];
}

/**
 * A buffered finding that carries its miss, and how the misses on its token are said as one
 * (`sayTogether` gets two or more, the first being this finding's, each scope once).
 */
export type ScopedFinding<M extends ScopedMiss = ScopedMiss> = BufferedFinding & { miss: M; sayTogether: (misses: readonly M[]) => BufferedFinding };

/**
 * `findings` with the scoped findings of one code on one range made one, at the place of the
 * first (see ScopedFinding); a scope found twice (two deploys on one instance type) counts once,
 * and a lone miss is kept as it is. Other findings are kept as they are, in order.
 */
export function mergeScopedMisses(findings: readonly BufferedFinding[]): BufferedFinding[] {
  const groups = new Map<string, ScopedFinding[]>();
  const keyOf = (finding: BufferedFinding) => `${finding.code}|${finding.range.offset}+${finding.range.length}`;
  for (const finding of findings) {
    if (!isScoped(finding)) continue;
    const group = groups.get(keyOf(finding));
    if (!group) groups.set(keyOf(finding), [finding]);
    else if (!group.some((other) => other.miss.where === finding.miss.where)) group.push(finding);
  }
  const out: BufferedFinding[] = [];
  const said = new Set<string>();
  for (const finding of findings) {
    if (!isScoped(finding)) {
      out.push(finding);
      continue;
    }
    const key = keyOf(finding);
    if (said.has(key)) continue;
    said.add(key);
    const group = groups.get(key)!;
    out.push(group.length === 1 ? finding : finding.sayTogether(group.map((member) => member.miss)));
  }
  return out;
}

function isScoped(finding: BufferedFinding): finding is ScopedFinding {
  return typeof (finding as Partial<ScopedFinding>).sayTogether === 'function';
}

/**
 * The scopes of `misses` after the first's title: `for training, nor for inference on ml.m5.large`;
 * another title (PyTorch Neuron on ml.inf1) is named where it differs from the first's.
 */
export function scopesPhrase(misses: readonly ScopedMiss[]): string {
  const [first] = misses;
  const others = misses.slice(1).map((miss) => (miss.title === first.title ? `, nor for ${miss.where}` : `, nor ${miss.title} for ${miss.where}`));
  return `for ${first.where}${others.join('')}`;
}

/** The candidates every miss has, in the first's order. */
export function sharedCandidates(misses: readonly ScopedMiss[]): string[] {
  const [first, ...others] = misses;
  return first.candidates.filter((candidate) => others.every((miss) => miss.candidates.includes(candidate)));
}

/** `both` or `all of them`, for the scopes of `misses`. */
export function allOf(misses: readonly ScopedMiss[]): string {
  return misses.length === 2 ? 'both' : 'all of them';
}

/**
 * When no candidate serves every scope: each scope's own (as `pick` gives them), fixes labelled
 * `(… only)` and none preferred, since each leaves another scope's finding standing; and the
 * hint naming them (`for training: 2.8.0; for inference on ml.inf1.xlarge: 1.13.1`, empty when
 * no scope has any).
 */
export function perScopeChoices<M extends ScopedMiss>(misses: readonly M[], pick: (miss: M) => readonly string[], fix: (value: string, miss: M) => QuickFix): { hint: string; fixes: QuickFix[] } {
  const scopes = misses.map((miss) => ({ miss, values: pick(miss) })).filter((scope) => scope.values.length > 0);
  const hint = scopes.map((scope) => `for ${scope.miss.where}: ${scope.values.join(', ')}`).join('; ');
  const fixes = scopes.flatMap((scope) =>
    scope.values.map((value) => {
      const single = fix(value, scope.miss);
      return { ...single, title: `${single.title} (${scope.miss.where} only)`, preferred: false };
    }),
  );
  return { hint, fixes };
}
