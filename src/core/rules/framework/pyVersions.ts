/**
 * `py-version-mismatch` on a py_version the image is not built for, said once per argument
 * however many scopes judge it (a deployed estimator: training and each deploy's inference; see
 * scopedMisses.ts): `PyTorch 2.6.0 has no py_version "py27" for training, nor for inference on
 * ml.m5.large. Built for both: py312.`
 */
import { intent } from '../../edits/editIntent';
import type { QuickFix } from '../../findings';
import type { FrameworkArgument } from '../../frameworkRequest';
import type { BufferedFinding } from './bufferedContext';
import { allOf, perScopeHint, scopedFixes, scopesPhrase, sharedCandidates, type ScopedFinding, type ScopedMiss, type ScopePass } from './scopedMisses';

/** One judgement's miss: `candidates` are the py_versions its images are built for, newest first. */
export interface PyVersionMiss extends ScopedMiss {
  /** The py_version written. */
  typed: string;
  argument: FrameworkArgument;
}

/** The finding of one miss: `PyTorch 2.6.0 (training) is built for py312, not "py27".` with a fix per py_version, the newest preferred. */
export function pyVersionMissFinding(miss: PyVersionMiss): ScopedFinding<PyVersionMiss> {
  return {
    code: 'py-version-mismatch',
    message: `${miss.title} (${miss.where}) is built for ${listOf(miss.candidates)}, not "${miss.typed}".`,
    range: miss.argument.range,
    fixes: miss.candidates.map((py, index) => ({ ...pyFix(miss.argument, py), preferred: index === 0 })),
    miss,
    sayTogether: mergedFinding,
  };
}

/**
 * The misses of every scope as one finding (one miss keeps its words): the py_versions all scopes
 * are built for as fixes, the scopes that took the py_version written too (the newest
 * preferred); when there are none, each scope's own, labelled with the scopes they suit, none
 * preferred.
 */
function mergedFinding(misses: readonly PyVersionMiss[], passes: readonly ScopePass[]): BufferedFinding {
  const [first] = misses;
  const fixes = scopedFixes(misses, passes, (candidates) => candidates, (py) => pyFix(first.argument, py));
  if (misses.length === 1) return { code: 'py-version-mismatch', message: pyVersionMissFinding(first).message, range: first.argument.range, fixes };
  const head = `${first.title} has no py_version "${first.typed}" ${scopesPhrase(misses)}.`;
  const shared = sharedCandidates(misses);
  if (shared.length > 0) return { code: 'py-version-mismatch', message: `${head} Built for ${allOf(misses)}: ${shared.join(', ')}.`, range: first.argument.range, fixes };
  return { code: 'py-version-mismatch', message: `${head} No py_version has them all; built ${perScopeHint(misses, (miss) => miss.candidates)}.`, range: first.argument.range, fixes };
}

/** `Use py312`: another Python runs the job, so fix-all never applies it. */
function pyFix(argument: FrameworkArgument, py: string): QuickFix {
  return { title: `Use ${py}`, intents: [intent.replaceValue(argument.node, py)], preferred: false, changesBehaviour: true };
}

/** `a, b or c` */
function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
