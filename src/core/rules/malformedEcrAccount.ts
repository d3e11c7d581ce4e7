/**
 * An Amazon ECR host whose account is not 12 digits (`12345.dkr.ecr.us-east-1.amazonaws.com`, a
 * digit lost while typing): the image parser reads only 12-digit accounts as ECR, so without this
 * it looked like a private registry, and the finding was a misleading VPC access mode.
 */
import type { ImagePart, ImageReference } from '../imageReference';

/** `<account>.dkr.ecr[-fips].<region>.<suffix>`, with anything but a dot as the account. */
const ECR_SHAPED_HOST = /^([^.]*)\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.(amazonaws\.com(?:\.cn)?|[a-z0-9.-]+)$/;

/** The account part and region of an ECR-shaped host whose account is no 12-digit id; undefined for any other host. */
export function malformedEcrAccount(reference: ImageReference): { account: ImagePart; region: string } | undefined {
  const host = reference.host;
  if (!host || reference.ecr) return undefined;
  const match = ECR_SHAPED_HOST.exec(host.text);
  if (!match || /^\d{12}$/.test(match[1])) return undefined;
  return { account: { start: host.start, end: host.start + match[1].length, text: match[1] }, region: match[2] };
}
