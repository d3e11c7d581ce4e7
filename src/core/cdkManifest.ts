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
 *
 * Every stack's template the manifest lists, pinned or not, is one `cdk synth` wrote, whether or
 * not the template says so itself (the legacy synthesizer writes no `BootstrapVersion` parameter,
 * `--no-path-metadata` no `aws:cdk:path`): its findings name the CDK app, not a template to edit.
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
  /** Every stack's template file name (`TrainingStack.template.json`), pinned or not: templates `cdk synth` wrote. */
  templates: ReadonlySet<string>;
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
    const manifest: unknown = JSON.parse(manifestText);
    return { pinned: pinnedStacks(manifest), templates: stackTemplates(manifest) };
  } catch (error) {
    return { pinned: new Map(), templates: new Set(), unreadable: `is not valid JSON (${error instanceof Error ? error.message : 'unreadable'}; a cdk synth cut short?)` };
  }
}

/** The stacks of a parsed manifest pinned to a region, by template file name. */
function pinnedStacks(manifest: unknown): ReadonlyMap<string, CdkStackEnvironment> {
  const stacks = new Map<string, CdkStackEnvironment>();
  for (const { id, artifact, templateFile } of stackArtifacts(manifest)) {
    if (typeof artifact.environment !== 'string') continue;
    const region = ENVIRONMENT.exec(artifact.environment)?.[1];
    if (!region) continue;
    stacks.set(templateFile, { stackName: typeof artifact.displayName === 'string' ? artifact.displayName : id, region, environment: artifact.environment });
  }
  return stacks;
}

/** The template file names of every stack of a parsed manifest. */
function stackTemplates(manifest: unknown): ReadonlySet<string> {
  return new Set(stackArtifacts(manifest).map(({ templateFile }) => templateFile));
}

/** The stack artifacts of a parsed manifest that name their template file. */
function stackArtifacts(manifest: unknown): { id: string; artifact: Record<string, unknown>; templateFile: string }[] {
  const artifacts = isRecord(manifest) && isRecord(manifest.artifacts) ? manifest.artifacts : {};
  return Object.entries(artifacts).flatMap(([id, artifact]) => {
    if (!isRecord(artifact) || artifact.type !== 'aws:cloudformation:stack') return [];
    const templateFile = isRecord(artifact.properties) ? artifact.properties.templateFile : undefined;
    return typeof templateFile === 'string' ? [{ id, artifact, templateFile }] : [];
  });
}

/** For messages: where the region came from (`stack TrainingStack's environment in cdk.out/manifest.json`). */
export function pinnedStackRegionName(stack: CdkStackEnvironment, manifestPath: string): string {
  return `stack ${stack.stackName}'s environment in ${manifestPath}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
