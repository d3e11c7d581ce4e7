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

export function checkScope(context: RuleContext, image: ImageOccurrence): void {
  const needed = neededScope(image.field.usage);
  const { reference } = image;
  const ecr = reference.ecr;
  if (!needed || !ecr || !context.catalog.isAwsAccount(ecr.account.text)) return;
  const repository = reference.repository.text;
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
  if (tagged && sibling && account && sibling.tags.length > 0) {
    const host = `${account}.dkr.ecr.${ecr.region.text}.${ecr.dnsSuffix.text}`;
    const replacement = `${host}/${sibling.repository}:${sibling.tags[0]}`;
    fixes.push({ title: `Use ${sibling.repository}:${sibling.tags[0]}`, intents: [image.replaceWhole(replacement)], preferred: true });
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
