/**
 * `unknown-framework-version` on a framework version the catalog lacks, said once per version
 * argument. One constructor's version is judged several times: a framework estimator for its
 * training image and, when it is deployed, for the inference image its deploy resolves (and a
 * model once per deploy). Each judgement that misses keeps what it missed against (a
 * VersionMiss); the misses on one argument become one finding that names every scope and offers
 * the versions all of them have, so the first fix does not trade one finding for another.
 */
import { intent } from '../../edits/editIntent';
import type { QuickFix } from '../../findings';
import type { FrameworkArgument } from '../../frameworkRequest';
import type { BufferedFinding } from './bufferedContext';
import { nearestVersions } from './nearestVersions';

/** One judgement's miss: the version argument, and the versions that judgement could take. */
export interface VersionMiss {
  /** The framework as messages name it (`PyTorch`, `Hugging Face NeuronX`). */
  title: string;
  /** The version written. */
  typed: string;
  /** The scope judged, with the deploy's instance type when one named it (`inference on ml.m5.large`). */
  where: string;
  /** The pinned versions of that scope (in the target region, when it has any there). */
  candidates: readonly string[];
  argument: FrameworkArgument;
}

/** A buffered finding that carries its miss, for mergeVersionMisses. */
export type VersionMissFinding = BufferedFinding & { miss: VersionMiss };

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
  };
}

/**
 * `findings` with the misses on each version argument made one finding, at the place of the
 * first: `PyTorch has no version "9.9" for training, nor for inference on ml.m5.large. Nearest
 * for both: 2.6.0, 2.5.1, 2.4.0.` Its fixes are the versions every scope has, nearest first; when
 * the scopes share none, each scope's nearest, named with their scope. Other findings are kept
 * as they are, in order.
 */
export function mergeVersionMisses(findings: readonly BufferedFinding[]): BufferedFinding[] {
  const groups = new Map<string, VersionMiss[]>();
  for (const finding of findings) {
    const miss = missOf(finding);
    if (!miss) continue;
    const key = `${finding.range.offset}+${finding.range.length}`;
    const group = groups.get(key);
    // Two deploys on one instance type judge the same: one scope is named once.
    if (!group) groups.set(key, [miss]);
    else if (!group.some((other) => other.where === miss.where)) group.push(miss);
  }
  const out: BufferedFinding[] = [];
  const said = new Set<string>();
  for (const finding of findings) {
    const miss = missOf(finding);
    if (!miss) {
      out.push(finding);
      continue;
    }
    const key = `${finding.range.offset}+${finding.range.length}`;
    if (said.has(key)) continue;
    said.add(key);
    const group = groups.get(key)!;
    out.push(group.length === 1 ? finding : mergedFinding(group));
  }
  return out;
}

function missOf(finding: BufferedFinding): VersionMiss | undefined {
  return (finding as Partial<VersionMissFinding>).miss;
}

function mergedFinding(misses: readonly VersionMiss[]): BufferedFinding {
  const [first] = misses;
  // Another config (PyTorch Neuron on ml.inf1) is named where it differs from the first.
  const others = misses.slice(1).map((miss) => (miss.title === first.title ? `, nor for ${miss.where}` : `, nor ${miss.title} for ${miss.where}`));
  const head = `${first.title} has no version "${first.typed}" for ${first.where}${others.join('')}.`;
  const shared = misses.slice(1).reduce<readonly string[]>((common, miss) => common.filter((version) => miss.candidates.includes(version)), first.candidates);
  if (shared.length > 0) {
    const nearest = nearestVersions(first.typed, shared);
    return { code: 'unknown-framework-version', message: `${head} Nearest for ${misses.length === 2 ? 'both' : 'all of them'}: ${nearest.join(', ')}.`, range: first.argument.range, fixes: versionFixes(first.argument, nearest) };
  }
  // No version serves every scope: each scope's own nearest, none preferred.
  const perScope = misses.map((miss) => ({ where: miss.where, nearest: nearestVersions(miss.typed, miss.candidates) })).filter((scope) => scope.nearest.length > 0);
  const hint = perScope.length > 0 ? ` No version has them all; nearest ${perScope.map((scope) => `for ${scope.where}: ${scope.nearest.join(', ')}`).join('; ')}.` : '';
  const fixes = perScope.flatMap((scope) => scope.nearest.map((version): QuickFix => ({
    title: `Use version ${version} (${scope.where} only)`,
    intents: [intent.replaceValue(first.argument.node, version)],
    preferred: false,
    changesBehaviour: true,
  })));
  return { code: 'unknown-framework-version', message: `${head}${hint}`, range: first.argument.range, fixes };
}

/** `Use version …` for each of `versions` on `argument`, the first preferred; each changes what runs, so fix-all never applies one. */
export function versionFixes(argument: FrameworkArgument, versions: readonly string[]): QuickFix[] {
  return versions.map((version, index) => ({ title: `Use version ${version}`, intents: [intent.replaceValue(argument.node, version)], preferred: index === 0, changesBehaviour: true }));
}
