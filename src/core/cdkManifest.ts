/**
 * The AWS CDK's cloud assembly manifest (`cdk.out/manifest.json`, written by `cdk synth`): the
 * environment each synthesized stack is deployed to. A stack given `env: { account, region }`
 * is deployed to that region whatever the shell's AWS_REGION says, so its template is checked
 * for that one region; an environment-agnostic stack (`aws://unknown-account/unknown-region`)
 * goes wherever `cdk deploy` is pointed, and is left to the usual region resolution.
 *
 * Facts from the cloud assembly schema (aws-cdk-lib's `cloud-assembly-schema`): `artifacts` maps
 * ids to artifacts; a stack's has `type: "aws:cloudformation:stack"`, `environment:
 * "aws://<account>/<region>"`, `properties.templateFile` (relative to the manifest's folder) and
 * `displayName`. A nested assembly (a Stage) has a manifest of its own in its folder.
 */

/** Where a synthesized stack is deployed, from its manifest entry. */
export interface CdkStackEnvironment {
  /** The stack's display name (`Prod/TrainingStack`), else its artifact id. */
  stackName: string;
  /** The region the stack is pinned to (`us-east-1`). */
  region: string;
  /** The manifest's `environment` as written (`aws://111122223333/us-east-1`). */
  environment: string;
}

/** The manifest's file name, beside the templates it describes. */
export const CDK_MANIFEST_FILE = 'manifest.json';

/** `aws://account/region`; `unknown-region` (and an unresolved token) is no region. */
const ENVIRONMENT = /^aws:\/\/[^/]*\/([a-z]{2}(?:-[a-z]+)+-\d+)$/;

/** A manifest as read: its pinned stacks, and why it could not be read at all. */
export interface CdkManifest {
  /** The stacks pinned to a region, by template file name (`TrainingStack.template.json`). */
  pinned: ReadonlyMap<string, CdkStackEnvironment>;
  /** Set when the text is not JSON (a synth cut short): its stacks' regions are unknown. */
  unreadable?: string;
}

/**
 * A manifest's stacks pinned to a region. No stacks for text that is not a cloud assembly
 * manifest (no `artifacts`: another tool's `manifest.json`), and `unreadable` for text that is
 * not JSON; never throws.
 */
export function readCdkManifest(manifestText: string): CdkManifest {
  try {
    return { pinned: pinnedStacks(JSON.parse(manifestText)) };
  } catch (error) {
    return { pinned: new Map(), unreadable: `is not valid JSON (${error instanceof Error ? error.message : 'unreadable'}; a cdk synth cut short?)` };
  }
}

/** The stacks of a parsed manifest pinned to a region, by template file name. */
function pinnedStacks(manifest: unknown): ReadonlyMap<string, CdkStackEnvironment> {
  const stacks = new Map<string, CdkStackEnvironment>();
  const artifacts = isRecord(manifest) && isRecord(manifest.artifacts) ? manifest.artifacts : {};
  for (const [id, artifact] of Object.entries(artifacts)) {
    if (!isRecord(artifact) || artifact.type !== 'aws:cloudformation:stack' || typeof artifact.environment !== 'string') continue;
    const templateFile = isRecord(artifact.properties) ? artifact.properties.templateFile : undefined;
    const region = ENVIRONMENT.exec(artifact.environment)?.[1];
    if (typeof templateFile !== 'string' || !region) continue;
    stacks.set(templateFile, { stackName: typeof artifact.displayName === 'string' ? artifact.displayName : id, region, environment: artifact.environment });
  }
  return stacks;
}

/** For messages: where the region came from (`stack TrainingStack's environment in cdk.out/manifest.json`). */
export function pinnedStackRegionName(stack: CdkStackEnvironment, manifestPath: string): string {
  return `stack ${stack.stackName}'s environment in ${manifestPath}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
