/**
 * Which AWS region a spec targets. One resolution shared by completion, diagnostics, the launch
 * commands and the command-line checker.
 */
import type { Node } from 'jsonc-parser';
import { profileRegion } from './awsConfigFile';

export type RegionSource = 'code' | 'setting' | 'environment' | 'profile' | 'spec' | 'default' | 'arns' | 'workflow';

/**
 * The region the spec's own code sends its requests to (boto3's `client("sagemaker",
 * region_name="eu-west-1")`). `region` is undefined when the code names one we cannot read
 * (`region_name=args.region`): the target is then unknown, whatever the environment says.
 */
export interface CodeRegion {
  region: string | undefined;
  /** Where the code names it, in words for messages: `region_name="eu-west-1" in boto3.client(…)`. */
  origin: string;
  /** The literal that names it, when one does (a region the catalog does not know is reported there). */
  node?: Node;
  /**
   * The region is a key of a table a stack reads by its region (a template's `Mappings` row):
   * when no catalog region has that name, no stack reads the row, and its request is not checked
   * (the key's own finding says so).
   */
  tableKey?: boolean;
  /** The table's name (a template's mapping), when the region is a key of one. */
  table?: string;
}

export interface ResolvedRegion {
  region: string;
  source: RegionSource;
  /**
   * True when the user chose the region (setting, environment or profile). Only an explicit
   * region makes an image from another region a finding; otherwise the spec's images set it.
   */
  explicit: boolean;
  /** The profile in use: the profile setting, else AWS_PROFILE, else `default`. */
  profile: string;
  /** Which variable gave the region, when it came from the environment. */
  variable?: 'AWS_REGION' | 'AWS_DEFAULT_REGION';
  /** Where the setting that gave the region lives (RegionInputs.regionSettingName), when it came from a setting. */
  settingName?: string;
  /** Where the code names the region (CodeRegion.origin), when it came from the code. */
  origin?: string;
  /** The workflow whose images gave the region (source `workflow`): `pipeline`, `state machine`. */
  workflow?: string;
  /** Source `workflow`: no region was named by more of its images than another (the first image's was taken). */
  tied?: boolean;
  /**
   * For a request deployed to many regions (a template, a workflow inside one) whose regions
   * the user listed (RegionInputs.templateRegions): all of them, the first also in `region`.
   */
  regions?: readonly string[];
}

export interface RegionInputs {
  /** `sagemakerSpec.region` or the checker's `--region`. */
  regionSetting?: string;
  /** Where `regionSetting` came from, in words for messages (`--region`); `sagemakerSpec.region` when absent. */
  regionSettingName?: string;
  /** `sagemakerSpec.profile`. */
  profileSetting?: string;
  /**
   * Every region a template (and each workflow inside it) is deployed to: `templateRegions` of
   * the config file, or the checker's `--template-region`s. See templateRegion.
   */
  templateRegions?: readonly string[];
  /** Where `templateRegions` came from, in words for messages (`--template-region`); `templateRegions` when absent. */
  templateRegionsName?: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Text of the AWS config file (`AWS_CONFIG_FILE` or ~/.aws/config), when readable. */
  awsConfigText?: string;
  /** Regions of the spec's own ECR images, in document order. */
  specImageRegions?: readonly string[];
  /** The region the spec's own code names for its requests, when it names one. */
  codeRegion?: CodeRegion;
}

export const DEFAULT_REGION = 'us-east-1';

export function resolveProfile(profileSetting: string | undefined, env: RegionInputs['env']): string {
  return nonEmpty(profileSetting) ?? nonEmpty(env.AWS_PROFILE) ?? 'default';
}

/**
 * The target region, first found: the code's own (`region_name=` on the boto3 client: what the
 * code will use wherever it runs, so it outranks even `sagemakerSpec.region`/`--region`, which
 * stand for the environment the code runs in and cannot change what it passes), the setting,
 * AWS_REGION / AWS_DEFAULT_REGION, the profile's `region`, the spec's own images (not explicit),
 * `us-east-1` (not explicit). A code region that cannot be read makes the target unknown: the
 * spec's images, never the environment, set it.
 */
export function resolveRegion(inputs: RegionInputs): ResolvedRegion {
  const code = inputs.codeRegion;
  if (code) {
    const profile = resolveProfile(inputs.profileSetting, inputs.env);
    const fromCode = nonEmpty(code.region);
    return fromCode ? { region: fromCode, source: 'code', explicit: true, profile, origin: code.origin } : implicitRegion(inputs.specImageRegions, profile);
  }
  return chosenRegion(inputs) ?? implicitRegion(inputs.specImageRegions, resolveProfile(inputs.profileSetting, inputs.env));
}

/**
 * The region the user chose outside the spec (setting, AWS_REGION / AWS_DEFAULT_REGION, the
 * profile's `region`), undefined when none. Worked out once per inputs object: a document's
 * requests share their inputs, and the profile's region means reading the AWS config file's text
 * (a 200-task state machine read it 200 times). Callers build a fresh inputs object per analysis
 * (the editor per document version, the checker per file), so a changed setting is never missed.
 */
export function chosenRegion(inputs: Omit<RegionInputs, 'specImageRegions' | 'codeRegion'>): ResolvedRegion | undefined {
  if (chosenByInputs.has(inputs)) return chosenByInputs.get(inputs);
  const chosen = readChosenRegion(inputs);
  chosenByInputs.set(inputs, chosen);
  return chosen;
}

const chosenByInputs = new WeakMap<object, ResolvedRegion | undefined>();

function readChosenRegion(inputs: Omit<RegionInputs, 'specImageRegions' | 'codeRegion'>): ResolvedRegion | undefined {
  const profile = resolveProfile(inputs.profileSetting, inputs.env);
  const fromSetting = nonEmpty(inputs.regionSetting);
  if (fromSetting) {
    const resolved: ResolvedRegion = { region: fromSetting, source: 'setting', explicit: true, profile };
    if (inputs.regionSettingName) resolved.settingName = inputs.regionSettingName;
    return resolved;
  }
  for (const variable of ['AWS_REGION', 'AWS_DEFAULT_REGION'] as const) {
    const fromEnvironment = nonEmpty(inputs.env[variable]);
    if (fromEnvironment) return { region: fromEnvironment, source: 'environment', explicit: true, profile, variable };
  }
  const fromProfile = profileRegion(inputs.awsConfigText, profile);
  if (fromProfile) return { region: fromProfile, source: 'profile', explicit: true, profile };
  return undefined;
}

/**
 * The target of a request deployed to many regions (`SpecDocument.anyRegion`: a template, a
 * workflow inside one) when the user listed its regions (`templateRegions`): the list, which
 * wins over every single region (setting, environment, profile), the first in `region`. With
 * one region listed it is explicit, as a chosen region is; with several, no one of them is
 * (`image-region-mismatch` needs one target). Undefined without a list: the request then
 * resolves as any other (resolveRegion), and a region placeholder with no region chosen is
 * checked in every catalog region.
 */
export function templateRegion(inputs: Pick<RegionInputs, 'templateRegions' | 'templateRegionsName' | 'profileSetting' | 'env'>): ResolvedRegion | undefined {
  const listed = (inputs.templateRegions ?? []).map((region) => region.trim()).filter((region) => region !== '');
  if (listed.length === 0) return undefined;
  const profile = resolveProfile(inputs.profileSetting, inputs.env);
  return { region: listed[0], source: 'setting', explicit: listed.length === 1, profile, settingName: inputs.templateRegionsName ?? 'templateRegions', regions: listed };
}

/**
 * `resolved` narrowed to the deployed regions that read a table's `DefaultValue` — those without
 * a row (`rowRegions` have one): undefined when every deployed region has a row (the default is
 * never read); `resolved` itself when no region was chosen (it may be read anywhere).
 */
export function regionsReadingDefault(resolved: ResolvedRegion, rowRegions: readonly string[]): ResolvedRegion | undefined {
  const deployed = deploymentRegions(resolved);
  if (!deployed) return resolved;
  const readers = deployed.regions.filter((region) => !rowRegions.includes(region));
  if (readers.length === 0) return undefined;
  return resolved.regions ? { ...resolved, region: readers[0], regions: readers, explicit: readers.length === 1 } : resolved;
}

/**
 * The regions a template (a request with `anyRegion`) is deployed to as the user said, and where
 * they said it, in words for messages (`--template-region`, `--region`, `AWS_REGION`): the listed
 * regions (templateRegions), else the one region chosen (`sagemakerSpec.region` or `--region`,
 * AWS_REGION / AWS_DEFAULT_REGION, the profile's `region`), which narrows a template to it as
 * `sam deploy` and `aws cloudformation deploy` create the stack there. Undefined when nobody
 * said (the spec's images, the default).
 */
export function deploymentRegions(resolved: ResolvedRegion): { regions: readonly string[]; settingName: string } | undefined {
  if (resolved.regions) return { regions: resolved.regions, settingName: resolved.settingName ?? 'templateRegions' };
  if (!resolved.explicit) return undefined;
  switch (resolved.source) {
    case 'setting':
      return { regions: [resolved.region], settingName: resolved.settingName ?? 'sagemakerSpec.region' };
    case 'environment':
      return { regions: [resolved.region], settingName: resolved.variable ?? 'the environment' };
    case 'profile':
      return { regions: [resolved.region], settingName: `profile "${resolved.profile}"` };
    default:
      // The code's client, a workflow's images: no region a template's deployment was given.
      return undefined;
  }
}

/** No region chosen: the spec's first image region, else the default; neither makes a finding. */
export function implicitRegion(specImageRegions: readonly string[] | undefined, profile: string): ResolvedRegion {
  const fromSpec = specImageRegions?.find((region) => region.length > 0);
  if (fromSpec) return { region: fromSpec, source: 'spec', explicit: false, profile };
  return { region: DEFAULT_REGION, source: 'default', explicit: false, profile };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** A few words for UI details: "us-east-1 (from AWS_REGION)". */
export function describeRegion(resolved: ResolvedRegion): string {
  const from: Record<RegionSource, string> = {
    code: `from ${resolved.origin ?? 'the code'}`,
    setting: `from ${resolved.settingName ?? 'sagemakerSpec.region'}`,
    environment: `from ${resolved.variable ?? 'the environment'}`,
    profile: `from profile "${resolved.profile}"`,
    spec: "from the spec's images",
    default: 'default',
    arns: "the first region of the partition the request's ARNs name",
    workflow: resolved.tied ? `from this ${resolved.workflow ?? 'workflow'}'s first image: its images are split evenly between regions` : `from the other images of this ${resolved.workflow ?? 'workflow'}`,
  };
  return `${resolved.region} (${from[resolved.source]})`;
}

/**
 * True when `value`, written where a region goes, reads as a placeholder left to fill in rather
 * than a misspelt region (`TO_BE_DEFINED`, `<region>`, `YOUR_REGION`, `{region}`): region names
 * are lowercase letters, digits and hyphens, so underscores, brackets, spaces, capitals only, or
 * words such as "region" and "todo" tell it. A near-region typo (`us-est-1`, `US-EAST-1`) is not one.
 */
export function isPlaceholderRegion(value: string): boolean {
  if (/[_<>{}\s]/.test(value) || value.trim() === '') return true;
  if (/^[A-Z-]+$/.test(value)) return true;
  return /\b(?:region|todo|tbd|changeme|xxx+)\b/i.test(value);
}

/**
 * The sentence unknown-region adds when its preferred fix renames the region to the clear nearest
 * one (`eu-wset-2` → ` Did you mean eu-west-2?`); empty when the nearest regions are a guess.
 */
export function meantRegionNote(suggestions: readonly string[], clear: boolean): string {
  return clear && suggestions.length > 0 ? ` Did you mean ${suggestions[0]}?` : '';
}

/** The sentence unknown-region adds for a placeholder (see isPlaceholderRegion): no near region is offered for it. */
export const PLACEHOLDER_REGION_NOTE = 'It looks like a placeholder left to fill in with a region (us-east-1, eu-west-1, …).';

/**
 * The region a workflow whose images name several regions runs in, for want of a chosen one: the
 * one most of `regions` name, the first on a tie (`tied`: its fix is then not preferred). Explicit: an image elsewhere cannot be pulled
 * there (image-region-mismatch says so, "from the other images of this pipeline").
 */
export function workflowRegion(regions: readonly string[], workflow: string, profile: string): ResolvedRegion {
  const counts = new Map<string, number>();
  for (const region of regions) counts.set(region, (counts.get(region) ?? 0) + 1);
  let best = regions[0];
  for (const region of regions) if (counts.get(region)! > counts.get(best)!) best = region;
  const tied = [...counts.entries()].some(([region, count]) => region !== best && count === counts.get(best));
  return { region: best, source: 'workflow', explicit: true, profile, workflow, ...(tied && { tied }) };
}
