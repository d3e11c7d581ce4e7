/**
 * `.sagemaker-spec.json`: the project's own settings, read by the command-line checker and the
 * editor alike, so CI and the editor show the same findings. Members mean what the
 * `sagemakerSpec.*` settings mean:
 *
 *     { "region": "eu-west-1", "rules": { "latest-tag": "error" }, "files": ["jobs/*.json"],
 *       "overrides": [{ "files": ["eu/**"], "region": "eu-central-1", "rules": { "strict-json": "off" } },
 *                     { "files": ["cn/**"], "templateRegions": ["cn-north-1", "cn-northwest-1"] }],
 *       "exclude": ["fixtures/"],
 *       "templateRegions": ["us-east-1", "eu-west-1"] }
 *
 * `files` globs (also those of `overrides`) and `exclude` patterns (gitignore-style, see
 * excludePatterns.ts; the checker's folder and glob arguments skip them) are relative to the
 * folder holding the file. Parsing and merging are pure; finding
 * the file on disk is src/node/projectConfigFiles.ts.
 */
import { parseTree, getNodeValue, ParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { closestMatches, editDistance } from './closestMatches';
import { excludeListProblem } from './excludePatterns';
import { describeJsonSyntaxError } from './rules/jsonSyntaxRule';
import type { SeveritySetting } from './findings';
import { RULES, type RuleSettings } from './rules/ruleCodes';
import { compileGlobs, globProblem, MAX_GLOB_COUNT, type PathMatcher } from './specGlobs';
import { LineIndex } from './textPositions';

export const PROJECT_CONFIG_FILE = '.sagemaker-spec.json';

/** Files that are always specs when neither the settings nor a config file say otherwise. */
export const DEFAULT_SPEC_GLOBS: readonly string[] = ['**/*.sagemaker.json', '**/*.sagemaker.jsonc'];

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

export interface ProjectConfig {
  /** Target region, as `sagemakerSpec.region` (or the checker's `--region`). */
  region?: string;
  /** Severity per code, as `sagemakerSpec.rules`. */
  rules?: RuleSettings;
  /** Globs of files that are always specs, as `sagemakerSpec.files`. */
  files?: string[];
  /** Settings for some files: see FileOverride and settingsForFile. */
  overrides?: FileOverride[];
  /** Gitignore-style patterns (relative to the config file's folder) of files the checker's folder and glob arguments skip. */
  exclude?: string[];
  /** Every region the templates (and the workflows inside them) are deployed to, as the checker's `--template-region`s. */
  templateRegions?: string[];
}

/**
 * One entry of `overrides`, as ESLint's: the files it applies to (globs relative to the config
 * file's folder) and their settings, at least one of `region`, `rules` and `templateRegions`.
 * Among the entries matching a file, the last with a region sets it, and each entry's rules merge
 * code by code over the top-level `rules` and the entries before it. The regions of the file's
 * templates are the last matching entry's `templateRegions`, or, where a list is in effect, its
 * `region` alone when it gives no list: a region given for some files is where they are deployed,
 * templates included (the top-level list used to win silently over it).
 */
export interface FileOverride {
  files: string[];
  region?: string;
  rules?: RuleSettings;
  templateRegions?: string[];
}

/** More entries in `overrides` are refused: each is matched against every spec. */
export const MAX_OVERRIDE_COUNT = 256;

export type ParsedProjectConfig = { ok: true; config: ProjectConfig } | { ok: false; problem: string };

const MEMBERS = ['region', 'rules', 'files', 'overrides', 'exclude', 'templateRegions'];

/** AWS region names: `us-east-1`, `us-gov-west-1`, `cn-northwest-1`, `eusc-de-east-1`. */
const REGION_SYNTAX = /^[a-z]{2,4}(?:-[a-z]+)+-\d{1,2}$/;
/** Longer names are not regions: no edit distance is computed for them. */
const MAX_REGION_LENGTH = 64;

export interface ProjectConfigOptions {
  /** Region names the catalog knows: `region` must be one of them. Without it, only the syntax is checked. */
  knownRegions?: readonly string[];
}

/**
 * Reads the text of a config file; JSONC (comments, trailing commas) like VS Code's settings.
 * Invalid: a syntax error, a duplicate key (JSON would silently keep the last), an unknown member,
 * a region that is not one, an unknown rule code or severity, or a glob `globProblem` refuses.
 */
export function parseProjectConfig(text: string, options: ProjectConfigOptions = {}): ParsedProjectConfig {
  try {
    return parseConfigText(text, options);
  } catch (error) {
    // The parser and the duplicate-key walk recurse: thousands of nested brackets overflow the stack.
    if (error instanceof RangeError) return invalid('nested too deeply');
    throw error;
  }
}

function parseConfigText(text: string, options: ProjectConfigOptions): ParsedProjectConfig {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  // Nothing but blanks and comments: no value to complain about.
  if (!root) return invalid('the file is empty: write an object such as {"region": "us-east-1"}');
  if (errors.length > 0) {
    const error = errors[0];
    const position = new LineIndex(text).positionAt(error.offset);
    // The character itself says more than "unexpected": a single quote, a stray letter.
    const found = error.error === ParseErrorCode.InvalidSymbol && error.offset < text.length ? ` ${JSON.stringify(String.fromCodePoint(text.codePointAt(error.offset)!))}` : '';
    return invalid(`not valid JSON at line ${position.line + 1}, column ${position.character + 1}: ${describeJsonSyntaxError(error.error)}${found}`);
  }
  const duplicate = duplicateKey(root, text);
  if (duplicate) return invalid(duplicate);
  const value: unknown = getNodeValue(root);
  if (!isPlainObject(value)) return invalid('expected an object like {"region": …, "rules": {…}, "files": […]}');
  const config: ProjectConfig = {};
  for (const [member, memberValue] of Object.entries(value)) {
    switch (member) {
      case 'region': {
        if (typeof memberValue !== 'string' || memberValue.trim() === '') return invalid('"region" must be a non-empty string such as "us-east-1"');
        const problem = regionProblem(memberValue.trim(), options.knownRegions);
        if (problem) return invalid(`"region": ${problem}`);
        config.region = memberValue.trim();
        break;
      }
      case 'rules': {
        const rules = parseRules(memberValue);
        if (typeof rules === 'string') return invalid(`"rules"${rules}`);
        config.rules = rules;
        break;
      }
      case 'files':
      case 'exclude': {
        const problem = PATTERN_LIST_PROBLEM[member](memberValue);
        if (problem) return invalid(`"${member}"${problem}`);
        config[member] = memberValue as string[];
        break;
      }
      case 'overrides': {
        const parsed = parseOverrides(memberValue, options);
        if (typeof parsed === 'string') return invalid(parsed);
        config.overrides = parsed;
        break;
      }
      case 'templateRegions': {
        const parsed = parseTemplateRegions(memberValue, options);
        if (typeof parsed === 'string') return invalid(`"templateRegions"${parsed}`);
        config.templateRegions = parsed;
        break;
      }
      default:
        return invalid(`unknown member "${member}"${didYouMean(member, MEMBERS)} (expected ${MEMBERS.map((name) => `"${name}"`).join(', ')})`);
    }
  }
  return { ok: true, config };
}

/** The two pattern-list members (globs to check, patterns to skip), each with why a value is not its list (text to follow the member's name). */
const PATTERN_LIST_PROBLEM: Record<'files' | 'exclude', (value: unknown) => string | undefined> = {
  files: globListProblem,
  exclude: excludeListProblem,
};

/** Why a `files` list is not one (text to follow the member's name), or undefined when it is. */
function globListProblem(value: unknown): string | undefined {
  if (!Array.isArray(value) || !value.every((glob) => typeof glob === 'string' && glob.trim() !== '')) return ' must be an array of glob strings';
  if (value.length > MAX_GLOB_COUNT) return `: more than ${MAX_GLOB_COUNT} globs`;
  for (const glob of value as string[]) {
    const problem = globProblem(glob);
    if (problem) return `: ${JSON.stringify(glob.length > 80 ? `${glob.slice(0, 80)}…` : glob)} ${problem}`;
  }
  return undefined;
}

/** A `rules` object (code → severity), or why it is not one (text to follow the member's name). */
function parseRules(value: unknown): RuleSettings | string {
  if (!isPlainObject(value)) return ' must be an object of code → severity';
  const rules: Record<string, SeveritySetting> = {};
  for (const [code, severity] of Object.entries(value)) {
    const problem = ruleSettingProblem(code, severity);
    if (problem) return `: ${problem}`;
    rules[code] = severity as SeveritySetting;
  }
  return rules;
}

const OVERRIDE_MEMBERS = ['files', 'region', 'rules', 'templateRegions'];

/** `overrides`, or why it is invalid (the whole message). */
function parseOverrides(value: unknown, options: ProjectConfigOptions): FileOverride[] | string {
  const shape = '"overrides" must be an array of {"files": [globs], "region": "…", "rules": {…}, "templateRegions": […]}';
  if (!Array.isArray(value)) return shape;
  if (value.length > MAX_OVERRIDE_COUNT) return `"overrides": more than ${MAX_OVERRIDE_COUNT} entries`;
  const overrides: FileOverride[] = [];
  for (const [index, entry] of value.entries()) {
    const where = `"overrides"[${index}]`;
    if (!isPlainObject(entry)) return shape;
    const unknown = Object.keys(entry).find((member) => !OVERRIDE_MEMBERS.includes(member));
    if (unknown !== undefined) return `${where}: unknown member ${JSON.stringify(unknown.slice(0, 80))} (expected ${OVERRIDE_MEMBERS.map((name) => `"${name}"`).join(', ')})`;
    if (entry.files === undefined) return `${where} needs "files"`;
    if (entry.region === undefined && entry.rules === undefined && entry.templateRegions === undefined) return `${where} needs "region", "rules" or "templateRegions"`;
    const globs = globListProblem(entry.files);
    if (globs) return `${where}.files${globs}`;
    const override: FileOverride = { files: entry.files as string[] };
    if (entry.region !== undefined) {
      if (typeof entry.region !== 'string' || entry.region.trim() === '') return `${where}.region must be a non-empty string such as "us-east-1"`;
      const region = entry.region.trim();
      const problem = regionProblem(region, options.knownRegions);
      if (problem) return `${where}.region: ${problem}`;
      override.region = region;
    }
    if (entry.rules !== undefined) {
      const rules = parseRules(entry.rules);
      if (typeof rules === 'string') return `${where}.rules${rules}`;
      override.rules = rules;
    }
    if (entry.templateRegions !== undefined) {
      const regions = parseTemplateRegions(entry.templateRegions, options);
      if (typeof regions === 'string') return `${where}.templateRegions${regions}`;
      override.templateRegions = regions;
    }
    overrides.push(override);
  }
  return overrides;
}

/** `templateRegions`: a non-empty list of distinct known regions, or why not (text to follow the member's name). */
function parseTemplateRegions(value: unknown, options: ProjectConfigOptions): string[] | string {
  const shape = ' must be a non-empty array of regions such as ["us-east-1", "eu-west-1"]';
  if (!Array.isArray(value) || value.length === 0 || !value.every((region) => typeof region === 'string' && region.trim() !== '')) return shape;
  const regions = (value as string[]).map((region) => region.trim());
  for (const [index, region] of regions.entries()) {
    const problem = regionProblem(region, options.knownRegions);
    if (problem) return `[${index}]: ${problem}`;
    if (regions.indexOf(region) < index) return `[${index}]: ${JSON.stringify(region)} is listed twice`;
  }
  return regions;
}

/** Each entry's compiled globs: a config file is parsed once and asked for every spec. */
const overrideMatchers = new WeakMap<FileOverride, PathMatcher>();

/** What a config file sets for one file, its `overrides` applied. */
export interface ConfigForFile {
  /** The config without `overrides`: the region and rules are this file's. */
  config: Omit<ProjectConfig, 'overrides'>;
  /** The `overrides` entry that set the region, if one did (for messages naming where it came from). */
  regionOverride?: FileOverride;
  /** The `overrides` entry that set the regions of the file's templates (its `templateRegions`, or its `region` alone), if one did. */
  templateRegionsOverride?: FileOverride;
}

/**
 * The settings a config file gives one file (`relativePath`: `/`-separated, relative to the config
 * file's folder; undefined for a file outside its folder, which no entry matches), as ESLint
 * applies its `overrides`: the entries matching the file apply in order over the top-level
 * members, so the last entry with a region sets it and rules merge code by code, later entries
 * winning. The checker and the editor both read a config file through this. Globs are matched by
 * core/specGlobs, in time linear in the path.
 */
export function configForFile(config: ProjectConfig, relativePath: string | undefined): ConfigForFile {
  const { overrides, ...forFile } = config;
  let regionOverride: FileOverride | undefined;
  let templateRegionsOverride: FileOverride | undefined;
  for (const override of relativePath === undefined ? [] : (overrides ?? [])) {
    if (!overrideMatches(override, relativePath!)) continue;
    if (override.region !== undefined) {
      forFile.region = override.region;
      regionOverride = override;
    }
    if (override.templateRegions !== undefined) {
      forFile.templateRegions = override.templateRegions;
      templateRegionsOverride = override;
    } else if (override.region !== undefined && forFile.templateRegions !== undefined) {
      // A list in effect would win over the entry's region for templates: the entry names where these files go.
      forFile.templateRegions = [override.region];
      templateRegionsOverride = override;
    }
    if (override.rules !== undefined) forFile.rules = { ...forFile.rules, ...override.rules };
  }
  return { config: forFile, regionOverride, templateRegionsOverride };
}

/** Where an `overrides` entry's setting came from, in words for messages: `.sagemaker-spec.json "overrides" entry "infra/**"`. */
export function overrideEntryName(configName: string, override: FileOverride): string {
  return `${configName} "overrides" entry ${JSON.stringify(override.files.join(', '))}`;
}

/** The region a config file sets for one file: that of the last matching `overrides` entry with one, else `region`. */
export function regionForFile(config: ProjectConfig, relativePath: string): string | undefined {
  return configForFile(config, relativePath).config.region;
}

function overrideMatches(override: FileOverride, relativePath: string): boolean {
  let matcher = overrideMatchers.get(override);
  if (!matcher) {
    matcher = compileGlobs(override.files);
    overrideMatchers.set(override, matcher);
  }
  return matcher(relativePath);
}

/** Longer inputs get no did-you-mean (the edit distance is quadratic). */
const MAX_RULE_CODE_LENGTH = 64;

/**
 * ` (did you mean "exclude"?)` for the one of `names` a typo away from `written` (a quarter of its
 * length in edits, at least two, as `excludes` → `exclude`, `latest_tag` → `latest-tag`); empty
 * for a name far from all of them (`nosuch`): a far guess is noise.
 */
function didYouMean(written: string, names: readonly string[]): string {
  const nearest = closestMatches(written, names, 1)[0];
  const limit = Math.max(2, Math.ceil(written.length / 4));
  return nearest !== undefined && editDistance(written.toLowerCase(), nearest.toLowerCase(), limit) <= limit ? ` (did you mean "${nearest}"?)` : '';
}

/** Why `code: severity` is not a valid rule setting, or undefined when it is. */
export function ruleSettingProblem(code: string, severity: unknown): string | undefined {
  if (!Object.hasOwn(RULES, code)) {
    return `unknown rule code "${code}"${code.length <= MAX_RULE_CODE_LENGTH ? didYouMean(code, Object.keys(RULES)) : ''}`;
  }
  if (typeof severity !== 'string' || !(SEVERITY_SETTINGS as readonly string[]).includes(severity)) {
    return `"${code}": ${JSON.stringify(severity)} is not one of ${SEVERITY_SETTINGS.join(', ')}`;
  }
  return undefined;
}

/**
 * Why `region` cannot be a target region, or undefined when it can: not in `knownRegions` (with
 * the nearest known names), or, without them, not shaped like an AWS region name.
 */
export function regionProblem(region: string, knownRegions?: readonly string[]): string | undefined {
  if (knownRegions) {
    if (knownRegions.includes(region)) return undefined;
    const nearest = region.length <= MAX_REGION_LENGTH ? closestMatches(region, knownRegions, 1)[0] : undefined;
    const shown = JSON.stringify(region.length > MAX_REGION_LENGTH ? `${region.slice(0, MAX_REGION_LENGTH)}…` : region);
    return `${shown} is not a known AWS region${nearest ? ` (did you mean ${nearest}?)` : ''}`;
  }
  return REGION_SYNTAX.test(region) ? undefined : `${JSON.stringify(region.slice(0, MAX_REGION_LENGTH))} is not an AWS region name such as us-east-1`;
}

/**
 * Layers settings, later layers winning: a region, `templateRegions` or `files` replaces the earlier one, `rules`
 * merge code by code. The checker layers defaults < config file < command line; the editor
 * layers workspace settings < config file.
 */
export function mergeProjectConfigs(...layers: (ProjectConfig | undefined)[]): ProjectConfig {
  const merged: ProjectConfig = {};
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.region !== undefined) merged.region = layer.region;
    if (layer.templateRegions !== undefined) merged.templateRegions = layer.templateRegions;
    if (layer.files !== undefined) merged.files = layer.files;
    if (layer.rules !== undefined) merged.rules = { ...merged.rules, ...layer.rules };
  }
  return merged;
}

/** The first key given twice in one object (at any depth), described with its line. */
function duplicateKey(node: Node, text: string): string | undefined {
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const key = property.children?.[0];
      if (!key || typeof key.value !== 'string') continue;
      if (seen.has(key.value)) {
        const line = new LineIndex(text).positionAt(key.offset).line + 1;
        return `duplicate key ${JSON.stringify(key.value)} at line ${line}`;
      }
      seen.add(key.value);
    }
  }
  for (const child of node.children ?? []) {
    const found = duplicateKey(child, text);
    if (found) return found;
  }
  return undefined;
}

function invalid(problem: string): ParsedProjectConfig {
  return { ok: false, problem };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
