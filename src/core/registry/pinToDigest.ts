/**
 * "Pin to digest": rewrite `repository:tag` to `repository@sha256:…`, the one form that always
 * names exactly the image that was tested.
 */
import type { TextEdit } from '../findings';
import type { ImageOccurrence } from '../rules/imageOccurrence';

export function pinToDigestEdit(image: ImageOccurrence, digest: string): TextEdit {
  const { reference } = image;
  const name = reference.host ? `${reference.host.text}/${reference.repository.text}` : reference.repository.text;
  return image.replaceWhole(`${name}@${digest}`);
}
