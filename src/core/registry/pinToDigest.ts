/**
 * "Pin to digest": rewrite `repository:tag` to `repository@sha256:…`, the one form that always
 * names exactly the image that was tested.
 */
import type { EditIntent } from '../edits/editIntent';
import type { ImageOccurrence } from '../rules/imageOccurrence';

/** The intent of replacing the image's tag (and any digest) with `digest` (`sha256:…`). */
export function pinToDigestIntent(image: ImageOccurrence, digest: string): EditIntent {
  const { reference } = image;
  const name = reference.host ? `${reference.host.text}/${reference.repository.text}` : reference.repository.text;
  return image.replaceWhole(`${name}@${digest}`);
}
