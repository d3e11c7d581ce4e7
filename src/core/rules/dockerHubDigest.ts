/**
 * `digest-recommended` gives way to `docker-hub-image` on the same image: SageMaker cannot pull a
 * Docker Hub image at all, so the reference must change (to an Amazon ECR repository) before
 * pinning its digest means anything, and the hint beside the error is noise. Applied once to a
 * request's findings after every rule ran, so it holds whichever rule reported the Docker Hub
 * image (the request's repository access rules, an SDK call's), in every host.
 */
import type { Node } from 'jsonc-parser';
import type { Finding } from '../findings';
import type { ImageField } from '../specDocument';

/**
 * `findings` without each `digest-recommended` that lies in the value of an image of `images`
 * which also has a `docker-hub-image` finding; the same array when there is none to drop.
 * Ranges are offsets into the request's text.
 */
export function withoutDigestHintOnDockerHub(findings: Finding[], images: readonly ImageField[]): Finding[] {
  const dockerHubValues: Node[] = [];
  for (const finding of findings) {
    if (finding.code !== 'docker-hub-image') continue;
    const field = images.find(({ value }) => holds(value, finding));
    if (field) dockerHubValues.push(field.value);
  }
  if (dockerHubValues.length === 0) return findings;
  return findings.filter((finding) => finding.code !== 'digest-recommended' || !dockerHubValues.some((value) => holds(value, finding)));
}

function holds(value: Node, finding: Finding): boolean {
  return value.offset <= finding.offset && finding.offset + finding.length <= value.offset + value.length;
}
