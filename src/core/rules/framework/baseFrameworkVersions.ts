/**
 * `unknown-framework-version` on a Hugging Face base framework version (`pytorch_version`,
 * `tensorflow_version`, `base_framework_version`) the transformers version does not come with,
 * said once per argument however many scopes judge it (a deployed estimator: training and each
 * deploy's inference; see scopedMisses.ts): `Hugging Face 4.28.1 has no pytorch 1.9 for
 * training, nor for inference on ml.g5.xlarge. Offered for both: pytorch 2.0.0.`
 */
import { intent } from '../../edits/editIntent';
import type { QuickFix } from '../../findings';
import type { FrameworkArgument } from '../../frameworkRequest';
import type { BufferedFinding } from './bufferedContext';
import { allOf, perScopeHint, scopedFixes, scopesPhrase, sharedCandidates, type ScopedFinding, type ScopedMiss, type ScopePass } from './scopedMisses';

/** One judgement's miss: `candidates` are the versions of the same base framework the images come with, newest first. */
export interface BaseFrameworkMiss extends ScopedMiss {
  /** `pytorch` or `tensorflow`. */
  kind: string;
  /** The version written, without the kind (`1.13.0`). */
  typed: string;
  /** Every base framework of the images, as said (`pytorch 2.0.0, tensorflow 2.11.0`). */
  offered: string;
  /** What a fix writes before the version: the kind for `base_framework_version` (`pytorch2.0.0`), nothing for `pytorch_version`. */
  written: string;
  argument: FrameworkArgument;
}

/** The finding of one miss: `Hugging Face 4.28.1 (training) comes with pytorch 2.0.0, not pytorch 1.13.0.` */
export function baseFrameworkMissFinding(miss: BaseFrameworkMiss): ScopedFinding<BaseFrameworkMiss> {
  return {
    code: 'unknown-framework-version',
    message: `${miss.title} (${miss.where}) comes with ${miss.offered}, not ${miss.kind} ${miss.typed}.`,
    range: miss.argument.range,
    fixes: miss.candidates.map((version, index) => ({ ...baseFix(miss, version), preferred: index === 0 })),
    miss,
    sayTogether: mergedFinding,
  };
}

/**
 * The misses of every scope as one finding (one miss keeps its words): the base versions every
 * scope comes with as fixes, the scopes that took the version written too (the newest
 * preferred); when there are none, each scope's own, labelled with the scopes they suit, none
 * preferred.
 */
function mergedFinding(misses: readonly BaseFrameworkMiss[], passes: readonly ScopePass[]): BufferedFinding {
  const [first] = misses;
  const fixes = scopedFixes(misses, passes, (candidates) => candidates, (version) => baseFix(first, version));
  if (misses.length === 1) return { code: 'unknown-framework-version', message: baseFrameworkMissFinding(first).message, range: first.argument.range, fixes };
  const head = `${first.title} has no ${first.kind} ${first.typed} ${scopesPhrase(misses)}.`;
  const shared = sharedCandidates(misses);
  if (shared.length > 0) {
    return { code: 'unknown-framework-version', message: `${head} Offered for ${allOf(misses)}: ${shared.map((version) => `${first.kind} ${version}`).join(', ')}.`, range: first.argument.range, fixes };
  }
  const hint = perScopeHint(misses, (miss) => miss.candidates);
  const offered = hint ? ` No ${first.kind} version has them all; offered ${hint}.` : '';
  return { code: 'unknown-framework-version', message: `${head}${offered}`, range: first.argument.range, fixes };
}

/** `Use pytorch 2.0.0`, written in the argument's own form; another version than the one written, so fix-all never applies it. */
function baseFix(miss: BaseFrameworkMiss, version: string): QuickFix {
  return { title: `Use ${miss.kind} ${version}`, intents: [intent.replaceValue(miss.argument.node, `${miss.written}${version}`)], preferred: false, changesBehaviour: true };
}
