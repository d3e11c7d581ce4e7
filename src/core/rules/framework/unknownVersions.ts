/**
 * `unknown-framework-version` on a framework version the catalog lacks, said once per version
 * argument. One constructor's version is judged several times: a framework estimator for its
 * training image and, when it is deployed, for the inference image its deploy resolves (and a
 * model once per deploy). Each judgement that misses keeps what it missed against (a
 * VersionMiss); the misses on one argument become one finding that names every scope and offers
 * the versions all of them have, so the first fix does not trade one finding for another
 * (scopedMisses.ts); a scope the version suits (it trains) keeps it: a version it lacks is never
 * preferred.
 */
import { intent } from '../../edits/editIntent';
import type { QuickFix } from '../../findings';
import type { FrameworkArgument } from '../../frameworkRequest';
import type { BufferedFinding } from './bufferedContext';
import { nearestVersions } from './nearestVersions';
import { allOf, mergeScopedMisses, perScopeHint, scopedFixes, scopesPhrase, sharedCandidates, type ScopedFinding, type ScopedMiss, type ScopePass } from './scopedMisses';

/** One judgement's miss: the version argument, and the versions that judgement could take (`candidates`, in the target region when it has any there). */
export interface VersionMiss extends ScopedMiss {
  /** The version written. */
  typed: string;
  argument: FrameworkArgument;
}

/** A buffered finding that carries its miss, for mergeVersionMisses. */
export type VersionMissFinding = ScopedFinding<VersionMiss>;

/** The finding of one miss: `PyTorch has no version "9.9" for training. Nearest: 2.8.0, 2.7.1, 2.6.0.` */
export function versionMissFinding(miss: VersionMiss): VersionMissFinding {
  const nearest = nearestVersions(miss.typed, miss.candidates);
  const hint = nearest.length > 0 ? ` Nearest: ${nearest.join(', ')}.` : '';
  return {
    code: 'unknown-framework-version',
    message: `${miss.title} has no version "${miss.typed}" for ${miss.where}.${hint}`,
    range: miss.argument.range,
    fixes: versionFixes(miss.argument, nearest),
    miss,
    sayTogether: mergedFinding,
  };
}

/**
 * `findings` with the misses on each version argument made one finding, at the place of the
 * first: `PyTorch has no version "9.9" for training, nor for inference on ml.m5.large. Nearest
 * for both: 2.6.0, 2.5.1, 2.4.0.` Its fixes are the versions every scope has (those that passed
 * too), nearest first; when there are none, each scope's nearest, named with the scopes they
 * suit, none preferred. Other findings are kept
 * as they are, in order (the other scoped findings are merged too: see mergeScopedMisses).
 */
export const mergeVersionMisses: (findings: readonly BufferedFinding[]) => BufferedFinding[] = mergeScopedMisses;

/** The misses on one version argument as one finding (one miss keeps its words), with fixes that suit `passes` too. */
function mergedFinding(misses: readonly VersionMiss[], passes: readonly ScopePass[]): BufferedFinding {
  const [first] = misses;
  const fixes = scopedFixes(misses, passes, (candidates) => nearestVersions(first.typed, candidates), (version) => versionFixes(first.argument, [version])[0]);
  if (misses.length === 1) return { code: 'unknown-framework-version', message: versionMissFinding(first).message, range: first.argument.range, fixes };
  const head = `${first.title} has no version "${first.typed}" ${scopesPhrase(misses)}.`;
  const shared = sharedCandidates(misses);
  if (shared.length > 0) {
    return { code: 'unknown-framework-version', message: `${head} Nearest for ${allOf(misses)}: ${nearestVersions(first.typed, shared).join(', ')}.`, range: first.argument.range, fixes };
  }
  const hint = perScopeHint(misses, (miss) => nearestVersions(miss.typed, miss.candidates));
  return { code: 'unknown-framework-version', message: `${head}${hint ? ` No version has them all; nearest ${hint}.` : ''}`, range: first.argument.range, fixes };
}

/** `Use version …` for each of `versions` on `argument`, the first preferred; each changes what runs, so fix-all never applies one. */
export function versionFixes(argument: FrameworkArgument, versions: readonly string[]): QuickFix[] {
  return versions.map((version, index) => ({ title: `Use version ${version}`, intents: [intent.replaceValue(argument.node, version)], preferred: index === 0, changesBehaviour: true }));
}
