/**
 * Typed access to the `sagemakerSpec.*` settings, with the defaults declared in package.json,
 * merged with the nearest `.sagemaker-spec.json` (the command-line checker's config file): where
 * both set a value, the file wins, so the editor and CI report the same findings.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { redactSecrets } from '../core/launch/redact';
import { configForFile, mergeProjectConfigs, overrideEntryName, PROJECT_CONFIG_FILE } from '../core/projectConfig';
import type { RuleSettings } from '../core/rules/ruleCodes';
import { compileGlobs, type PathMatcher } from '../core/specGlobs';
import { CdkManifests } from '../node/cdkManifests';
import { ConfigExcludes } from '../node/configExcludes';
import { ProjectConfigFiles, type FoundProjectConfig } from '../node/projectConfigFiles';

export const SECTION = 'sagemakerSpec';
export const DEFAULT_SPEC_GLOBS = ['**/*.sagemaker.json', '**/*.sagemaker.jsonc'];

export interface Settings {
  region: string | undefined;
  /**
   * The config file's `templateRegions` (or its `overrides` entry's, for this file): every region
   * its templates are deployed to (no setting of its own); for a CDK stack pinned to a region,
   * that region alone.
   */
  templateRegions?: readonly string[];
  /** Where `templateRegions` came from, for messages: `.sagemaker-spec.json "templateRegions"` or an `overrides` entry. */
  templateRegionsName?: string;
  /** The file is a stack's template that the CDK manifest beside it lists: `cdk synth` wrote it (AnalyzeOptions.cdkStackTemplate). */
  cdkStackTemplate?: boolean;
  profile: string | undefined;
  /** Strings match anywhere (as in settings); a config file's globs are relative to its folder. */
  files: vscode.GlobPattern[];
  rules: RuleSettings;
}

/** Config files by folder, shared by every document; cleared when one changes. */
const projectConfigFiles = new ProjectConfigFiles();
const warnedInvalidConfigs = new Set<string>();
/** Each config file's compiled `files` globs; cleared with the config files. */
const configGlobMatchers = new Map<string, PathMatcher>();
/** The config files' `exclude` patterns, as the checker's folder walk applies them; cleared with the config files. */
const configExcludes = new ConfigExcludes(projectConfigFiles);

/**
 * True when the `exclude` of the `.sagemaker-spec.json` nearest to `file` (absolute) skips it, as
 * `sagemaker-spec check` skips it in a folder: Check Workspace and CI then check the same files.
 */
export function isExcludedByProjectConfig(file: string, isFolder: boolean): boolean {
  return configExcludes.isExcluded(file, isFolder);
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const text = (key: string) => {
    const value = config.get<string>(key);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const files = config.get<unknown>('files');
  const rules = config.get<unknown>('rules');
  const settings: Settings = {
    region: text('region'),
    profile: text('profile'),
    files: Array.isArray(files) ? files.filter((glob): glob is string => typeof glob === 'string') : DEFAULT_SPEC_GLOBS,
    rules: rules && typeof rules === 'object' ? (rules as RuleSettings) : {},
  };
  return scope instanceof vscode.Uri && scope.scheme === 'file' ? withCdkStackRegion(withProjectConfig(settings, scope), scope) : settings;
}

/** Manifests of synthesized CDK apps, read again when they change. */
const cdkManifests = new CdkManifests();

/**
 * A CDK stack pinned to a region (its `manifest.json` beside the template) is deployed there, and
 * a stack's template the manifest lists, pinned or not, is what `cdk synth` wrote: as in the checker.
 */
function withCdkStackRegion(settings: Settings, file: vscode.Uri): Settings {
  const listed = cdkManifests.listsTemplate(file.fsPath) ? { ...settings, cdkStackTemplate: true } : settings;
  const pinned = cdkManifests.stackOf(file.fsPath);
  if (pinned) return { ...listed, templateRegions: [pinned.stack.region], templateRegionsName: pinned.regionName };
  warnUnreadableManifest(file.fsPath);
  return listed;
}

/** The unreadable CDK manifests already shown, each with what was wrong (a new problem is shown again). */
const warnedManifests = new Set<string>();

/**
 * A `cdk.out/manifest.json` beside the template that is not JSON (a synth cut short) leaves its
 * stacks' regions unknown: said once, as the checker says it on stderr, so a region finding on
 * a pinned stack is not a mystery.
 */
function warnUnreadableManifest(templateFile: string): void {
  const problem = cdkManifests.problemOf(templateFile);
  if (!problem) return;
  const key = `${path.dirname(templateFile)}\n${problem}`;
  if (warnedManifests.has(key)) return;
  warnedManifests.add(key);
  warn(`SageMaker Spec: ${problem}.`);
}

/** Where the settings' warnings are written too (the output channel): a message closed unread is not lost. */
let logWarning: ((text: string) => void) | undefined;

/** Writes each warning about settings (an invalid config file, an unreadable CDK manifest) to `log` as well. */
export function logSettingsWarningsTo(log: (text: string) => void): void {
  logWarning = log;
}

function warn(text: string): void {
  const safe = redactSecrets(text);
  logWarning?.(safe);
  void vscode.window.showWarningMessage(safe);
}

/** The settings for a file with its `.sagemaker-spec.json` layered on top: the file wins. */
function withProjectConfig(settings: Settings, file: vscode.Uri): Settings {
  const found = projectConfigFiles.nearest(path.dirname(file.fsPath));
  if (!found) return settings;
  if (!found.parsed.ok) {
    warnInvalidConfig(found, found.parsed.problem);
    return settings;
  }
  // The `overrides` entries matching this file set its region and rules, as in the checker.
  const relative = found.parsed.config.overrides ? relativeInside(found.dir, file.fsPath) : undefined;
  const { config, templateRegionsOverride } = configForFile(found.parsed.config, relative);
  const configName = path.basename(found.file);
  const merged = mergeProjectConfigs({ region: settings.region, rules: settings.rules }, config);
  return {
    ...settings,
    region: merged.region,
    ...(config.templateRegions && {
      templateRegions: config.templateRegions,
      templateRegionsName: templateRegionsOverride ? overrideEntryName(configName, templateRegionsOverride) : `${configName} "templateRegions"`,
    }),
    rules: merged.rules ?? {},
    files: config.files ? config.files.map((glob) => new vscode.RelativePattern(found.dir, glob)) : settings.files,
  };
}

/**
 * True when `document` matches the globs of files that are always specs. A `.sagemaker-spec.json`'s
 * `files` come with the repository, so they are matched by core/specGlobs (linear time, as in the
 * checker) rather than by VS Code's backtracking glob matcher; `sagemakerSpec.files` from the
 * settings keep VS Code's matching.
 */
export function matchesSpecFiles(document: vscode.TextDocument): boolean {
  const found = document.uri.scheme === 'file' ? projectConfigFiles.nearest(path.dirname(document.uri.fsPath)) : undefined;
  const globs = found?.parsed.ok ? found.parsed.config.files : undefined;
  if (found && globs) {
    const relative = relativeInside(found.dir, document.uri.fsPath);
    return relative !== undefined && configMatcher(found.file, globs)(relative);
  }
  return readSettings(document.uri).files.some((pattern) => vscode.languages.match({ pattern }, document) > 0);
}

/**
 * For a file on disk that is not open (Check Workspace): true when its path matches the spec
 * globs that apply to it, a `.sagemaker-spec.json`'s `files` or else `sagemakerSpec.files`; both
 * matched by core/specGlobs (a string setting glob matches anywhere, as in the editor).
 */
export function isSpecFilePath(file: string): boolean {
  const found = projectConfigFiles.nearest(path.dirname(file));
  const globs = found?.parsed.ok ? found.parsed.config.files : undefined;
  if (found && globs) {
    const relative = relativeInside(found.dir, file);
    return relative !== undefined && configMatcher(found.file, globs)(relative);
  }
  const patterns = readSettings(vscode.Uri.file(file)).files.filter((pattern): pattern is string => typeof pattern === 'string');
  const key = `settings:${patterns.join('\u0000')}`;
  let matcher = configGlobMatchers.get(key);
  if (!matcher) {
    try {
      matcher = compileGlobs(patterns);
    } catch {
      matcher = compileGlobs(DEFAULT_SPEC_GLOBS);
    }
    configGlobMatchers.set(key, matcher);
  }
  return matcher(file.split(path.sep).join('/'));
}

function configMatcher(configFile: string, globs: readonly string[]): PathMatcher {
  let matcher = configGlobMatchers.get(configFile);
  if (!matcher) {
    matcher = compileGlobs(globs);
    configGlobMatchers.set(configFile, matcher);
  }
  return matcher;
}

/** `file` relative to `dir`, `/`-separated, or undefined when it is not inside `dir`. */
function relativeInside(dir: string, file: string): string | undefined {
  const relative = path.relative(dir, file);
  const inside = relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
  return inside ? relative.split(path.sep).join('/') : undefined;
}

/** Once per file (until it changes): an invalid config is ignored, not silently. */
function warnInvalidConfig(found: FoundProjectConfig, problem: string): void {
  if (warnedInvalidConfigs.has(found.file)) return;
  warnedInvalidConfigs.add(found.file);
  warn(`SageMaker Spec: ignoring ${found.file}: ${problem}`);
}

/** Re-reads config files when one in the workspace is created, changed or deleted. */
export function watchProjectConfigs(onChange: () => void): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${PROJECT_CONFIG_FILE}`);
  const changed = () => {
    projectConfigFiles.clear();
    configGlobMatchers.clear();
    configExcludes.clear();
    warnedInvalidConfigs.clear();
    onChange();
  };
  return vscode.Disposable.from(watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed));
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SECTION);
}
