/**
 * `image-scope-mismatch`: a catalog image built for inference used to train, or the reverse.
 * Only training (and tuning) jobs and models are checked: processing jobs run many kinds of image.
 */
import type { QuickFix } from '../findings';
import type { ImageUsage } from '../specDocument';
import type { ImageOccurrence } from './imageOccurrence';
import type { RuleContext } from './ruleContext';

export function neededScope(usage: ImageUsage): 'training' | 'inference' | undefined {
  if (usage === 'training' || usage === 'tuning') return 'training';
  if (usage === 'inference') return 'inference';
  return undefined;
}

/**
 * Inference variants (graviton, eia, …) all serve models. An image with no scope in the SDK config
 * (sagemaker-base-python) restricts nothing, so it serves every use.
 */
export function servesScope(scopes: readonly string[], needed: 'training' | 'inference'): boolean {
  return scopes.length === 0 || scopes.some((scope) => scope === needed || scope.startsWith(`${needed}_`) || (needed === 'inference' && scope === 'eia'));
}

/**
 * Repositories whose images serve more than their SDK config's scope says (the config says only
 * what `image_uris.retrieve` offers): the Vowpal Wabbit RL container trains and serves contextual
 * bandit models — AWS's RL examples (amazon-sagemaker-examples, reinforcement_learning/README.md)
 * deploy it, and their bandits notebooks create models from it.
 */
const ALSO_SERVES: Readonly<Record<string, 'training' | 'inference'>> = { 'sagemaker-rl-vw-container': 'inference' };

export function checkScope(context: RuleContext, image: ImageOccurrence): void {
  const needed = neededScope(image.field.usage);
  const { reference } = image;
  const ecr = reference.ecr;
  if (!needed || !ecr || !context.catalog.isAwsAccount(ecr.account.text)) return;
  const repository = reference.repository.text;
  if (Object.hasOwn(ALSO_SERVES, repository) && ALSO_SERVES[repository] === needed) return;
  // A repository whose images all share one scope is judged whatever the tag (Spark processing
  // with an unlisted tag is still a processing image); otherwise the tag names the image.
  const repositoryScopes = context.catalog.scopesOfRepository(repository);
  const tagged = reference.tag ? context.catalog.findImage(repository, reference.tag.text, ecr.region.text) : undefined;
  const found = tagged ?? (repositoryScopes ? context.catalog.imagesForRepository(repository)[0] : undefined);
  if (!found || servesScope(found.scopes, needed)) return;
  const fixes: QuickFix[] = [];
  const sibling = context.catalog
    .imagesInRegion(ecr.region.text)
    .find((candidate) => candidate.framework === found.framework && candidate.version === found.version && servesScope(candidate.scopes, needed));
  const account = sibling ? context.catalog.accountFor(sibling, ecr.region.text) : undefined;
  const siblingTag = tagged && sibling ? matchingTag(reference.tag!.text, sibling.tags) : undefined;
  if (sibling && account && siblingTag) {
    const host = `${account}.dkr.ecr.${ecr.region.text}.${ecr.dnsSuffix.text}`;
    const replacement = `${host}/${sibling.repository}:${siblingTag}`;
    // Another container runs: the user's decision, never applied by fix-all.
    fixes.push({ title: `Use ${sibling.repository}:${siblingTag}`, intents: [image.replaceWhole(replacement)], preferred: true, changesBehaviour: true });
  }
  const use = needed === 'training' ? 'a training job' : 'a model';
  context.report(
    'image-scope-mismatch',
    tagged
      ? `${found.title} ${found.version} in "${found.repository}" is built for ${found.scopes.join(', ')}, not for ${use}.`
      : `${found.title} images in "${found.repository}" are built for ${found.scopes.join(', ')}, not for ${use}.`,
    image.rangeOf(reference.repository),
    fixes,
  );
}

/** Processor and Python tokens of a Deep Learning Container tag (`2.6.0-gpu-py312-cu126-…`): what a replacement must keep. */
const KEPT_TOKEN = /^(cpu|gpu|neuron|neuronx|inf|py\d+)$/;

/**
 * The tag of `tags` that keeps the written tag's processor and Python version (`gpu`, `py312`),
 * sharing most of its other parts; undefined when none keeps them. A GPU training image for a
 * model becomes the GPU inference image, never the CPU one (the first tag the catalog lists).
 */
function matchingTag(written: string, tags: readonly string[]): string | undefined {
  const writtenTokens = written.split('-');
  const kept = writtenTokens.filter((token) => KEPT_TOKEN.test(token));
  let best: { tag: string; shared: number } | undefined;
  for (const tag of tags) {
    const tokens = tag.split('-');
    if (!kept.every((token) => tokens.includes(token))) continue;
    const shared = tokens.filter((token) => writtenTokens.includes(token)).length;
    if (!best || shared > best.shared) best = { tag, shared };
  }
  return best?.tag;
}
