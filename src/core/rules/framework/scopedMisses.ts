/**
 * One fault said once however many scopes find it. A framework estimator that is deployed has its
 * arguments judged for training and again for each deploy's inference image (a model once per
 * deploy): a version, py_version or region that none of them has would be one finding per scope
 * on the same token, with fixes that each settle one scope only. Each judgement that finds fault
 * keeps what it judged (a ScopedMiss) and how the misses of its kind are said together; the
 * findings with one code on one range become one finding naming every scope
 * (`… for training, nor for inference on ml.m5.large.`), whose preferred fix settles them all.
 *
 * A judgement that accepts the value keeps a ScopedPass on the same token: a fix is preferred only
 * when it suits every scope judged, the ones that passed too, so the fix that settles inference
 * never breaks training (`PyTorch 2.6.0`'s py312 trains, and the py38 of the Neuron image it is
 * deployed on is offered for that deploy only).
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
 * (`sayTogether` gets every miss, the first being this finding's, each scope once, and the
 * passes on the token; one miss keeps its own words there, with fixes that suit the passes).
 */
export type ScopedFinding<M extends ScopedMiss = ScopedMiss> = BufferedFinding & { miss: M; sayTogether: (misses: readonly M[], passes: readonly ScopePass[]) => BufferedFinding };

/** A scope whose judgement accepted the value written: which values it would take as well. */
export interface ScopePass {
  /** As ScopedMiss.where. */
  where: string;
  /** True when the scope would accept `value` (a version, py_version, base version, as a fix writes it). */
  accepts: (value: string) => boolean;
}

/** A judgement that found no fault with the token at `range` for `code`: never said, only weighed (see mergeScopedMisses). */
export type ScopedPass = BufferedFinding & { pass: ScopePass };

/** The pass of one judgement on `range`; its message is empty because it is never reported. */
export function scopedPass(code: BufferedFinding['code'], range: BufferedFinding['range'], pass: ScopePass): ScopedPass {
  return { code, message: '', range, pass };
}

/** True when `finding` is a ScopedPass, which mergeScopedMisses drops. */
export function isPass(finding: BufferedFinding): finding is ScopedPass {
  return (finding as Partial<ScopedPass>).pass !== undefined;
}

/**
 * `findings` with the scoped findings of one code on one range made one, at the place of the
 * first (see ScopedFinding); a scope found twice (two deploys on one instance type) counts once.
 * The passes on that code and range (ScopedPass) are given to it too, so its fixes suit them; a
 * lone miss with no pass is kept as it is. Passes are dropped; other findings are kept as they
 * are, in order.
 */
export function mergeScopedMisses(findings: readonly BufferedFinding[]): BufferedFinding[] {
  const groups = new Map<string, ScopedFinding[]>();
  const passes = new Map<string, ScopePass[]>();
  const keyOf = (finding: BufferedFinding) => `${finding.code}|${finding.range.offset}+${finding.range.length}`;
  for (const finding of findings) {
    if (isPass(finding)) {
      const passed = passes.get(keyOf(finding)) ?? [];
      if (!passed.some((other) => other.where === finding.pass.where)) passed.push(finding.pass);
      passes.set(keyOf(finding), passed);
      continue;
    }
    if (!isScoped(finding)) continue;
    const group = groups.get(keyOf(finding));
    if (!group) groups.set(keyOf(finding), [finding]);
    else if (!group.some((other) => other.miss.where === finding.miss.where)) group.push(finding);
  }
  const out: BufferedFinding[] = [];
  const said = new Set<string>();
  for (const finding of findings) {
    if (isPass(finding)) continue;
    if (!isScoped(finding)) {
      out.push(finding);
      continue;
    }
    const key = keyOf(finding);
    if (said.has(key)) continue;
    said.add(key);
    const group = groups.get(key)!;
    const passed = passes.get(key) ?? [];
    out.push(group.length === 1 && passed.length === 0 ? finding : finding.sayTogether(group.map((member) => member.miss), passed));
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
 * When no candidate serves every scope that missed, the hint naming each scope's own (as `pick`
 * gives them): `for training: 2.8.0; for inference on ml.inf1.xlarge: 1.13.1`, empty when no
 * scope has any.
 */
export function perScopeHint<M extends ScopedMiss>(misses: readonly M[], pick: (miss: M) => readonly string[]): string {
  return misses
    .map((miss) => ({ miss, values: pick(miss) }))
    .filter((scope) => scope.values.length > 0)
    .map((scope) => `for ${scope.miss.where}: ${scope.values.join(', ')}`)
    .join('; ');
}

/**
 * The fixes for the misses of one token judged with the passes on it: the candidates the misses
 * share (else each miss's own), as `pick` orders and cuts them. Those every scope takes, the
 * ones that passed too, come first, the first preferred; the others follow labelled with the
 * scopes they suit (`(inference on ml.inf2.xlarge only)`), none preferred: each leaves a
 * finding standing or breaks a scope that passed.
 */
export function scopedFixes<M extends ScopedMiss>(
  misses: readonly M[],
  passes: readonly ScopePass[],
  pick: (candidates: readonly string[]) => readonly string[],
  fix: (value: string) => QuickFix,
): QuickFix[] {
  const shared = sharedCandidates(misses);
  const values = shared.length > 0 ? pick(shared) : [...new Set(misses.flatMap((miss) => pick(miss.candidates)))];
  const scopes: ScopePass[] = [...misses.map((miss) => ({ where: miss.where, accepts: (value: string) => miss.candidates.includes(value) })), ...passes];
  const suitedBy = (value: string) => scopes.filter((scope) => scope.accepts(value));
  const everywhere = values.filter((value) => suitedBy(value).length === scopes.length);
  const partly = values.filter((value) => !everywhere.includes(value));
  return [
    ...everywhere.map((value, index) => ({ ...fix(value), preferred: index === 0 })),
    ...partly.map((value) => {
      const single = fix(value);
      const where = [...new Set(suitedBy(value).map((scope) => scope.where))];
      return { ...single, title: `${single.title} (${where.join(' and ')} only)`, preferred: false };
    }),
  ];
}
