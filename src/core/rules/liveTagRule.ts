/**
 * `tag-not-found`: a registry we asked says the tag does not exist. Only answers already cached
 * count; nothing here waits on the network.
 */
import { isLiveImage, type LiveLookup } from '../registry/liveLookup';
import type { ImageOccurrence } from './imageOccurrence';
import type { RuleContext } from './ruleContext';
import { closestMatches } from '../closestMatches';

export function checkLiveTag(context: RuleContext, image: ImageOccurrence, live: LiveLookup | undefined): void {
  const { reference } = image;
  if (!live || !reference.tag || reference.digest || !reference.host || !isLiveImage(reference, context.catalog)) return;
  const tags = live.tags(reference.host.text, reference.repository.text);
  if (!tags || tags.some((entry) => entry.tag === reference.tag!.text)) return;
  const suggestions = closestMatches(reference.tag.text, tags.map((entry) => entry.tag), 3);
  context.report(
    'tag-not-found',
    `${reference.host.text} has no tag "${reference.tag.text}" in "${reference.repository.text}"${tags.length === 0 ? ' (the repository has no tags)' : ''}.`,
    image.rangeOf(reference.tag),
    suggestions.map((tag, index) => ({ title: `Use tag ${tag}`, intents: [image.replacePart(reference.tag!, tag)], preferred: index === 0, changesBehaviour: true })),
  );
}
